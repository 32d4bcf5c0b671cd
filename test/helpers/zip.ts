import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';

/**
 * Reads a ZIP archive from its central directory (APPNOTE 4.3.12): every entry's name and bytes, each inflated
 * (method 8) or stored (method 0) and checked against its CRC-32 and sizes. Throws on anything else.
 */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  if (at + zip.readUInt32LE(eocd + 12) !== eocd) throw new Error('the central directory does not end where the end record starts');
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`central header ${i} has a bad signature`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (zip.readUInt32LE(offset) !== 0x04034b50) throw new Error(`${name}: bad local header signature`);
    if (zip.readUInt32LE(offset + 14) !== crc || zip.readUInt32LE(offset + 18) !== compressed) throw new Error(`${name}: local and central headers differ`);
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const raw = zip.subarray(start, start + compressed);
    const bytes = method === 8 ? inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : null;
    if (!bytes) throw new Error(`${name}: unsupported method ${method}`);
    if (bytes.length !== size || crc32(bytes) !== crc) throw new Error(`${name}: size or CRC-32 does not match`);
    files.set(name, bytes);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** Whether Info-ZIP's `unzip` is installed, for a second opinion from a reader we did not write. */
export function hasUnzip(): boolean {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Extracts with `unzip` (testing every CRC first) and returns the files it wrote, by `/`-separated path. */
export function unzipWithInfoZip(zip: Buffer): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'mlreport-unzip-'));
  try {
    const file = join(dir, 'a.zip');
    writeFileSync(file, zip);
    execFileSync('unzip', ['-tq', file], { stdio: 'pipe' });
    execFileSync('unzip', ['-q', file, '-d', join(dir, 'out')], { stdio: 'pipe' });
    const files = new Map<string, Buffer>();
    const walk = (d: string): void => {
      for (const entry of readdirSync(d)) {
        const path = join(d, entry);
        if (statSync(path).isDirectory()) walk(path);
        else files.set(relative(join(dir, 'out'), path).split(/[\\/]/).join('/'), readFileSync(path));
      }
    };
    walk(join(dir, 'out'));
    return files;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
