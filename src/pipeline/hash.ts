import { nodeCrypto } from '../util/node-crypto';
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
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

async function hashFile(path: string, size: number | undefined, legacy: boolean): Promise<string> {
  if (size !== undefined && size < SMALL_FILE) {
    const fd = openSync(path, READ);
    let md5;
    try {
      md5 = smallMd5(fd, size, legacy ? 'md5-dos2unix' : 'md5');
    } finally {
      closeSync(fd);
    }
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

/**
 * Opening never blocks: a FIFO that took a regular file's place after the listing opens at once, and its stat
 * then refuses it.
 */
const READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
let smallBuffer: Buffer | null = null;

/**
 * The hash of an open file that had `size` (< SMALL_FILE) bytes, read whole with one read into a reused buffer;
 * null when the read finds another size (the file is changing, or the read was short): it is streamed instead.
 */
function smallMd5(fd: number, size: number, name: HashName): string | null {
  smallBuffer ??= Buffer.allocUnsafe(SMALL_FILE);
  const n = readSync(fd, smallBuffer, 0, SMALL_FILE, 0);
  if (n !== size) return null;
  const bytes = smallBuffer.subarray(0, n);
  // The one-shot digest (Node ≥ 20.12) makes no Hash object: a quarter of createHash's cost for a tiny file.
  const oneShot = name === 'md5' ? oneShotDigest() : null;
  return oneShot ? oneShot('md5', bytes, 'hex') : objectMd5(bytes, name !== 'md5');
}

type OneShotDigest = (algorithm: string, data: Uint8Array, encoding: 'hex') => string;
let oneShotFound: OneShotDigest | null | undefined;
function oneShotDigest(): OneShotDigest | null {
  if (oneShotFound === undefined) oneShotFound = (nodeCrypto() as { hash?: OneShotDigest }).hash ?? null;
  return oneShotFound;
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
    const ignored = ignore.childMatcher(relDir);
    const below = (child: string): string => (relDir ? `${relDir}/${child}` : child);
    for (const d of names) {
      const childInside = inside ? `${inside}/${d.name}` : d.name;
      if (d.isDirectory()) {
        if (!ignored(d.name, true)) await walk(below(d.name), childInside);
        continue;
      }
      // A regular file is known from its entry; anything else (a link, an unknown type) is what its stat says.
      if (d.isFile() && ignored(d.name, false)) continue;
      const abs = absDir + sep + d.name;
      const key = keyPrefix + childInside;
      let stats: Stats | undefined;
      let md5: string | null | undefined = null;
      let remembered = false;
      if (d.isFile() && !state?.has(key)) {
        // A file the state does not know is read anyway: opened first, its stat is the open file's (one path lookup).
        const fd = openUnlessGone(abs);
        if (fd === null) continue;
        try {
          stats = fstatSync(fd);
          if (stats.isFile() && stats.size < SMALL_FILE) md5 = smallMd5(fd, stats.size, name);
        } finally {
          closeSync(fd);
        }
      } else {
        // One stat: the size, and the inode and times the state is keyed by; a file as remembered is not read.
        try {
          stats = statSync(abs, { throwIfNoEntry: false });
        } catch {
          // unreadable: skipped, as a file removed meanwhile
        }
        if (!stats) continue; // a dangling link, or a file removed meanwhile
        if (!d.isFile()) {
          if (ignored(d.name, stats.isDirectory())) continue;
          if (stats.isDirectory()) {
            await walk(below(d.name), childInside);
            continue;
          }
        }
        md5 = state?.get(key, stats);
        remembered = md5 !== undefined;
      }
      // A FIFO or device would block or never end; DVC hashes regular files only.
      if (!stats.isFile()) throw new UserError(`'${below(d.name)}': not a regular file (a FIFO, socket or device); it cannot be hashed.`);
      md5 ??= await hashFile(abs, stats.size, name !== 'md5');
      if (!remembered) state?.set(key, stats, md5);
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

/** A file descriptor to read `path`, or null when it is gone (removed since the listing, or a dangling link). */
function openUnlessGone(path: string): number | null {
  try {
    return openSync(path, READ);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

async function hashOne(abs: string, rel: string, stats: Stats, name: HashName, state: HashState | undefined): Promise<string> {
  const key = `${name}\0${rel}`;
  const known = state?.get(key, stats);
  if (known) return known;
  const md5 = await hashFile(abs, stats.size, name !== 'md5');
  state?.set(key, stats, md5);
  return md5;
}

/**
 * DVC's `isexec` (dvc-objects `is_exec`: an execute bit of Python's `os.stat`). On Windows Python makes those bits
 * from the name, as the C runtime does — set for .exe, .bat, .cmd and .com — where Node's stat never sets them.
 */
export function isExecutable(mode: number, path: string, platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'win32' ? /\.(exe|bat|cmd|com)$/i.test(path) : (mode & 0o111) !== 0;
}
