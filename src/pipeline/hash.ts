import * as crypto from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { join, posix, sep } from 'node:path';
import type { HashName } from '../dvc/lock';
import { UserError } from '../util/errors';
import type { DvcIgnore } from './dvcignore';
import { ObjectHasher, objectMd5 } from '../dvc/data/hash';
import type { HashState } from './hash-state';
import { dirManifest, type DirEntry } from '../dvc/data/manifest';

/** What DVC records for a file or directory: the hash and the `Meta` fields it writes. */
export interface HashMeta {
  md5: string;
  size: number;
  /** Directories only. */
  nfiles?: number;
  /** Files only, when an execute bit is set. */
  isexec?: boolean;
}

const STREAM_CHUNK = 4 * 1024 * 1024;
/**
 * Files up to this size are read whole with one synchronous read into a reused buffer: a dataset folder is
 * mostly small files, and for them the thread-pool round trips of async reads cost more than the reading.
 */
const SMALL_FILE = 1024 * 1024;
/** Small files hashed between two turns of the event loop, so timers (the run's deadline) still fire. */
const YIELD_EVERY = 512;

/** The md5 of a file's bytes (hex), as `md5sum` prints it. */
export function md5File(path: string, size?: number): Promise<string> {
  return hashFile(path, size, false);
}

/** DVC 2's legacy file hash: CRLF → LF within each 1 MiB chunk whose first 512 bytes look like text. */
export function md5FileDos2Unix(path: string, size?: number): Promise<string> {
  return hashFile(path, size, true);
}

let smallBuffer: Buffer | null = null;

async function hashFile(path: string, size: number | undefined, legacy: boolean): Promise<string> {
  if (size !== undefined && size < SMALL_FILE) {
    const md5 = smallMd5(path, size, legacy ? 'md5-dos2unix' : 'md5');
    if (md5) return md5;
  }
  const hasher = new ObjectHasher(legacy);
  const handle = await open(path, 'r');
  try {
    // Two buffers: the next read runs in the thread pool while this one is hashed; nothing is allocated per chunk.
    const buffers = [Buffer.allocUnsafe(STREAM_CHUNK), Buffer.allocUnsafe(STREAM_CHUNK)];
    let turn = 0;
    let reading = handle.read(buffers[0]!, 0, STREAM_CHUNK, null);
    for (;;) {
      const { bytesRead, buffer } = await reading;
      if (!bytesRead) break;
      turn ^= 1;
      reading = handle.read(buffers[turn]!, 0, STREAM_CHUNK, null);
      hasher.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hasher.digest();
}

/** The bytes of a file the stat said has `size` < SMALL_FILE bytes, in a buffer reused by the next call. */
function readSmall(path: string, size: number): Buffer | null {
  smallBuffer ??= Buffer.allocUnsafe(SMALL_FILE);
  const fd = openSync(path, 'r');
  try {
    // One read: the size the stat gave means the whole file (no second read to see 0); anything else, the file
    // is changing or the read was short, and it is streamed instead.
    const n = readSync(fd, smallBuffer, 0, SMALL_FILE, 0);
    return n === size ? smallBuffer.subarray(0, n) : null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Hashes a file or directory as DVC would record it, or returns null when it does not exist. `root` is the
 * DVC root (where `.dvcignore` rules are anchored); `rel` is the posix path from it. With a `state`, files
 * whose stat has not changed since they were last hashed are not read.
 */
export async function hashPath(root: string, rel: string, ignore: DvcIgnore, name: HashName = 'md5', state?: HashState): Promise<HashMeta | null> {
  const abs = join(root, ...rel.split('/'));
  let info;
  try {
    info = await stat(abs);
  } catch {
    return null;
  }
  if (!info.isDirectory()) {
    if (!info.isFile()) throw new UserError(`'${rel}': not a regular file (a FIFO, socket or device); it cannot be hashed.`);
    const meta: HashMeta = { md5: await hashOne(abs, rel, info, name, state), size: info.size };
    if (isExecutable(info.mode, abs)) meta.isexec = true;
    return meta;
  }
  // A folder DVC ignores has no files; below it, each child needs only its own rules checked.
  return ignore.isIgnored(rel, true) ? dirMeta([], 0) : hashDir(root, rel, ignore, name, state);
}

const dirMeta = (entries: DirEntry[], size: number): HashMeta => ({ md5: dirManifest(entries).oid, size, nfiles: entries.length });

/**
 * Every file under a directory, recursively, minus what `.dvcignore` excludes, hashed as the walk meets it
 * (empty dirs add nothing). Synchronous unless a large file has to be streamed: ten thousand awaits cost more
 * than the hashing. Only a file's relpath and md5 outlive its turn: a walk over 100k files holds no stats.
 */
async function hashDir(root: string, rel: string, ignore: DvcIgnore, name: HashName, state: HashState | undefined): Promise<HashMeta> {
  const entries: DirEntry[] = [];
  let size = 0;
  let untilYield = YIELD_EVERY;
  const keyPrefix = `${name}\0${rel}/`;
  const walk = async (relDir: string, inside: string): Promise<void> => {
    const absDir = join(root, ...relDir.split('/'));
    const names = readdirSync(absDir, { withFileTypes: true });
    if (names.some((d) => d.name === '.dvcignore')) {
      throw new UserError(`'${posix.join(relDir, '.dvcignore')}': a .dvcignore file cannot be inside a tracked directory ('${rel}'), as in DVC.`);
    }
    for (const d of names) {
      const childRel = relDir ? `${relDir}/${d.name}` : d.name;
      const childInside = inside ? `${inside}/${d.name}` : d.name;
      if (d.isDirectory()) {
        if (!ignore.matches(childRel, true)) await walk(childRel, childInside);
        continue;
      }
      // One stat a file, synchronous: its size, and the inode and times the hash state is keyed by.
      const abs = absDir + sep + d.name;
      let stats: Stats;
      try {
        stats = statSync(abs);
      } catch {
        continue; // a dangling link, or a file removed meanwhile
      }
      if (ignore.matches(childRel, stats.isDirectory())) continue;
      if (stats.isDirectory()) {
        await walk(childRel, childInside);
        continue;
      }
      // A FIFO or device would block or never end; DVC hashes regular files only.
      if (!stats.isFile()) throw new UserError(`'${childRel}': not a regular file (a FIFO, socket or device); it cannot be hashed.`);
      const key = keyPrefix + childInside;
      let md5 = state?.get(key, stats);
      if (!md5) {
        md5 = (stats.size < SMALL_FILE ? smallMd5(abs, stats.size, name) : null) ?? (await hashFile(abs, stats.size, name !== 'md5'));
        state?.set(key, stats, md5);
      }
      entries.push({ md5, relpath: childInside });
      size += stats.size;
      if (--untilYield === 0) {
        untilYield = YIELD_EVERY;
        await new Promise(setImmediate);
      }
    }
  };
  await walk(rel, '');
  return dirMeta(entries, size);
}

async function hashOne(abs: string, rel: string, stats: Stats, name: HashName, state: HashState | undefined): Promise<string> {
  const key = `${name}\0${rel}`;
  const known = state?.get(key, stats);
  if (known) return known;
  const md5 = await hashFile(abs, stats.size, name !== 'md5');
  state?.set(key, stats, md5);
  return md5;
}

/** The hash of a small file read whole, or null when it has grown past SMALL_FILE since its stat. */
function smallMd5(path: string, size: number, name: HashName): string | null {
  const bytes = readSmall(path, size);
  if (!bytes) return null;
  // The one-shot digest (Node ≥ 20.12) makes no Hash object: a quarter of createHash's cost for a tiny file.
  return name === 'md5' && oneShot ? oneShot('md5', bytes, 'hex') : objectMd5(bytes, name !== 'md5');
}

const oneShot = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'hex') => string }).hash;

/**
 * DVC's `isexec` (dvc-objects `is_exec`: an execute bit of Python's `os.stat`). On Windows Python makes those bits
 * from the name, as the C runtime does — set for .exe, .bat, .cmd and .com — where Node's stat never sets them.
 */
export function isExecutable(mode: number, path: string, platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'win32' ? /\.(exe|bat|cmd|com)$/i.test(path) : (mode & 0o111) !== 0;
}
