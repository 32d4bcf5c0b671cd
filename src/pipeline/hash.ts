import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { HashName } from '../dvc/lock';
import { UserError } from '../util/errors';
import type { DvcIgnore } from './dvcignore';
import { dos2unix, isTextBlock } from '../dvc/data/hash';
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
const DOS2UNIX_CHUNK = 1024 * 1024;
/** Files up to this size are read in one go: faster than a stream for the small files of a dataset dir. */
const WHOLE_READ_LIMIT = 1024 * 1024;
const DIR_CONCURRENCY = 16;

/** The md5 of a file's bytes (hex), as `md5sum` prints it. */
export async function md5File(path: string, size?: number): Promise<string> {
  if (size !== undefined && size <= WHOLE_READ_LIMIT) {
    return createHash('md5')
      .update(await readFile(path))
      .digest('hex');
  }
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path, { highWaterMark: STREAM_CHUNK })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** DVC 2's legacy file hash: CRLF → LF within each 1 MiB chunk whose first 512 bytes look like text. */
export async function md5FileDos2Unix(path: string): Promise<string> {
  const hash = createHash('md5');
  let pending: Buffer = Buffer.alloc(0);
  const flush = (chunk: Buffer): void => {
    hash.update(isTextBlock(chunk.subarray(0, 512)) ? dos2unix(chunk) : chunk);
  };
  // dvc-data reads exactly 1 MiB per call, so chunk boundaries must match its own.
  for await (const data of createReadStream(path, { highWaterMark: DOS2UNIX_CHUNK })) {
    pending = pending.length ? Buffer.concat([pending, data as Buffer]) : (data as Buffer);
    while (pending.length >= DOS2UNIX_CHUNK) {
      flush(pending.subarray(0, DOS2UNIX_CHUNK));
      pending = pending.subarray(DOS2UNIX_CHUNK);
    }
  }
  if (pending.length) flush(pending);
  return hash.digest('hex');
}

/**
 * Hashes a file or directory as DVC would record it, or returns null when it does not exist. `root` is the
 * DVC root (where `.dvcignore` rules are anchored); `rel` is the posix path from it.
 */
export async function hashPath(root: string, rel: string, ignore: DvcIgnore, name: HashName = 'md5'): Promise<HashMeta | null> {
  const abs = join(root, ...rel.split('/'));
  let info;
  try {
    info = await stat(abs);
  } catch {
    return null;
  }
  if (!info.isDirectory()) {
    const md5 = name === 'md5' ? await md5File(abs, info.size) : await md5FileDos2Unix(abs);
    const meta: HashMeta = { md5, size: info.size };
    if (isExecutable(info.mode, abs)) meta.isexec = true;
    return meta;
  }
  const files = await listDirFiles(root, rel, ignore);
  const entries = new Array<DirEntry>(files.length);
  let size = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      const md5 = name === 'md5' ? await md5File(file.abs, file.size) : await md5FileDos2Unix(file.abs);
      entries[i] = { md5, relpath: file.relpath };
      size += file.size;
    }
  };
  await Promise.all(Array.from({ length: Math.min(DIR_CONCURRENCY, files.length) }, worker));
  return { md5: dirManifest(entries).oid, size, nfiles: entries.length };
}

/**
 * DVC's `isexec` (dvc-objects `is_exec`: an execute bit of Python's `os.stat`). On Windows Python makes those bits
 * from the name, as the C runtime does — set for .exe, .bat, .cmd and .com — where Node's stat never sets them.
 */
export function isExecutable(mode: number, path: string, platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'win32' ? /\.(exe|bat|cmd|com)$/i.test(path) : (mode & 0o111) !== 0;
}

interface ListedFile {
  abs: string;
  relpath: string;
  size: number;
}

/** Every file under a directory, recursively, minus what `.dvcignore` excludes; empty dirs add nothing. */
async function listDirFiles(root: string, rel: string, ignore: DvcIgnore): Promise<ListedFile[]> {
  const out: ListedFile[] = [];
  const walk = async (relDir: string, inside: string): Promise<void> => {
    const absDir = join(root, ...relDir.split('/'));
    const names = await readdir(absDir, { withFileTypes: true });
    if (names.some((d) => d.name === '.dvcignore')) {
      throw new UserError(`'${posix.join(relDir, '.dvcignore')}': a .dvcignore file cannot be inside a tracked directory ('${rel}'), as in DVC.`);
    }
    for (const d of names) {
      const childRel = relDir ? `${relDir}/${d.name}` : d.name;
      const childInside = inside ? `${inside}/${d.name}` : d.name;
      let isDir = d.isDirectory();
      let size = 0;
      if (d.isSymbolicLink() || !isDir) {
        const info = await stat(join(absDir, d.name)).catch(() => null);
        if (!info) continue;
        isDir = info.isDirectory();
        size = info.size;
      }
      if (ignore.isIgnored(childRel, isDir)) continue;
      if (isDir) await walk(childRel, childInside);
      else out.push({ abs: join(absDir, d.name), relpath: childInside, size });
    }
  };
  await walk(rel, '');
  return out;
}
