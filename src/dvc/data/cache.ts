import { nodeCrypto } from '../../util/node-crypto';
import { closeSync, createReadStream, fchmodSync, mkdirSync, openSync, renameSync, rmSync, writevSync } from 'node:fs';
import { chmod, copyFile, mkdir, open, readFile, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { DataError, ObjectError } from './errors';
import { ObjectHasher } from './hash';
import { dirManifest, parseManifest, type DirEntry } from './manifest';
import { objectKey } from './oid';
import { eachLimit } from './pool';

/** DVC protects cache files read-only (dvc-data `CACHE_MODE`), and trusts a 0444 file without re-hashing it. */
const CACHE_MODE = 0o444;
/**
 * Bytes gathered before one write to a cache file. Not more: the kernel gives a write of 1 MiB page-cache folios
 * of 1 MiB, which on the 2-core Linux machine of the bench cost 2–3× the system time of 256 KiB writes.
 */
const WRITE_BATCH = 256 * 1024;

/**
 * The local DVC cache (`.dvc/cache` or `cache.dir`) in DVC 3's layout: `files/md5/ab/cdef…` for DVC 3 objects,
 * `ab/cdef…` at the root for DVC 2.x ones. Objects arrive verified and whole: streamed into a temp file in the
 * target directory while their md5 is computed, and renamed into place only when it matches.
 */
export class Cache {
  constructor(readonly dir: string) {}

  path(oid: string, legacy = false): string {
    return join(this.dir, ...objectKey(oid, legacy).split('/'));
  }

  /**
   * Whether the cache holds object `oid`, as dvc-data's `LocalHashFileDB.check` decides: a read-only (0444) file is
   * trusted by its name; any other is hashed again (a cache restored by a CI cache action, a file someone edited),
   * and removed when its md5 is not the object's, so that it counts as missing and a pull fetches it again. One that
   * matches is made read-only, so it is not read again next time.
   */
  /** Objects this process found corrupt (their bytes not their md5) and removed: a message can say so. */
  readonly corrupt = new Set<string>();

  async has(oid: string, legacy = false): Promise<boolean> {
    const path = this.path(oid, legacy);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return false;
    return (info.mode & 0o777) === CACHE_MODE || this.verify(path, oid, legacy);
  }

  private async verify(path: string, oid: string, legacy: boolean): Promise<boolean> {
    const hasher = new ObjectHasher(legacy);
    try {
      for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hasher.update(chunk as Buffer);
    } catch {
      return false;
    }
    if (hasher.digest() !== oid.replace(/\.dir$/, '')) {
      await rm(path, { force: true }).catch(() => undefined);
      this.corrupt.add(oid);
      return false;
    }
    // Not being able to protect it (a read-only or shared cache) is not an error, as in DVC.
    await chmod(path, CACHE_MODE).catch(() => undefined);
    return true;
  }

  /**
   * Which of `oids` the cache holds: one listing per `ab/` folder that exists instead of one `stat` per object,
   * which for the thousands of files of a directory output is most of the cost of asking. Those listed are then
   * checked as `has` checks them (their mode, and their md5 when they are not read-only).
   */
  async holding(oids: readonly string[], legacy = false): Promise<Set<string>> {
    const held = new Set<string>();
    if (!oids.length) return held;
    const folders = new Map<string, string[]>();
    for (const oid of oids) {
      const folder = dirname(this.path(oid, legacy));
      folders.set(folder, [...(folders.get(folder) ?? []), oid]);
    }
    const root = dirname([...folders.keys()][0]!);
    const present = new Set(await readdir(root).catch(() => []));
    await eachLimit([...folders], 8, async ([folder, wanted]) => {
      if (!present.has(basename(folder))) return;
      // A symbolic link counts when it leads to a file, as `has` says.
      const entries = new Map((await readdir(folder, { withFileTypes: true })).map((e) => [e.name, e]));
      for (const oid of wanted) {
        const e = entries.get(basename(this.path(oid, legacy)));
        if ((e?.isFile() || e?.isSymbolicLink()) && (await this.has(oid, legacy))) held.add(oid);
      }
    });
    return held;
  }

  /**
   * Stores a stream as object `oid`. A stream whose md5 differs is ObjectError kind 'corrupt' and leaves
   * nothing behind; so does a stream that breaks off.
   */
  async write(oid: string, legacy: boolean, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, from: string): Promise<number> {
    return writeObject(this.path(oid, legacy), oid, legacy, source, from);
  }

  /** Stores bytes already in memory (a verified `.dir` manifest). */
  async writeBytes(oid: string, legacy: boolean, bytes: Uint8Array, from: string): Promise<void> {
    await this.write(oid, legacy, [bytes], from);
  }

  /** The entries of a `.dir` object in the cache. */
  async manifest(oid: string, legacy = false): Promise<DirEntry[]> {
    const path = this.path(oid, legacy);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      throw new DataError(`${oid} is not in the cache (${this.dir})`);
    }
    return parseManifest(bytes, `cache object ${path}`);
  }

  /** Adds a workspace file to the cache (what `dvc commit` does for a file output) and returns its md5. */
  async addFile(file: string): Promise<{ oid: string; size: number }> {
    const hasher = new ObjectHasher(false);
    let size = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
      hasher.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    const oid = hasher.digest();
    if (!(await this.has(oid))) {
      const target = this.path(oid);
      await mkdir(dirname(target), { recursive: true });
      const tmp = join(dirname(target), `.${nodeCrypto().randomBytes(12).toString('hex')}.tmp`);
      try {
        await copyFile(file, tmp);
        await chmod(tmp, CACHE_MODE);
        await rename(tmp, target);
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
    }
    return { oid, size };
  }

  /**
   * Adds every file under a workspace directory and its `.dir` manifest (DVC's directory output), returning the
   * `<md5>.dir` oid with DVC's `size` (sum of file sizes) and `nfiles`. Symlinks are followed as DVC does;
   * empty directories leave no trace, as in DVC. `ignored` applies the project's `.dvcignore` (relpaths).
   */
  async addDirectory(dir: string, ignored: (relpath: string) => boolean = () => false): Promise<{ oid: string; size: number; nfiles: number }> {
    const entries: DirEntry[] = [];
    let size = 0;
    for (const file of await listFiles(dir)) {
      const relpath = relative(dir, file).split(sep).join('/');
      if (ignored(relpath)) continue;
      const added = await this.addFile(file);
      entries.push({ relpath, md5: added.oid });
      size += added.size;
    }
    const manifest = dirManifest(entries);
    if (!(await this.has(manifest.oid))) await this.writeBytes(manifest.oid, false, manifest.bytes, dir);
    return { oid: manifest.oid, size, nfiles: entries.length };
  }
}

/**
 * Streams `source` into the cache file `target` as object `oid`: into a temp file beside it while its md5 is
 * computed, renamed into place only when the md5 matches. A stream whose md5 differs is ObjectError kind
 * 'corrupt' and leaves nothing behind; so does a stream that breaks off. Also run on download threads.
 */
export async function writeObject(
  target: string,
  oid: string,
  legacy: boolean,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  from: string,
): Promise<number> {
  const tmp = join(dirname(target), `.${nodeCrypto().randomBytes(12).toString('hex')}.tmp`);
  const hasher = new ObjectHasher(legacy);
  let size = 0;
  try {
    // A pull writes thousands of objects: one writev per MiB instead of a stream (and a syscall) per chunk, and
    // a directory made only when the first open in it fails, keep the per-object cost near the bytes' own.
    const file = await open(tmp, 'wx', 0o644).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(dirname(target), { recursive: true });
      return open(tmp, 'wx', 0o644);
    });
    try {
      let batch: Uint8Array[] = [];
      let batched = 0;
      for await (const chunk of source) {
        hasher.update(chunk);
        size += chunk.length;
        batch.push(chunk);
        batched += chunk.length;
        if (batched >= WRITE_BATCH) {
          await writeAll(file, batch);
          batch = [];
          batched = 0;
        }
      }
      await writeAll(file, batch);
      await file.chmod(CACHE_MODE);
    } finally {
      await file.close();
    }
  } catch (error) {
    await rm(tmp, { force: true });
    if (error instanceof ObjectError) throw error;
    throw new ObjectError(`reading it from ${from} broke off: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'unreachable');
  }
  const actual = hasher.digest();
  const expected = oid.replace(/\.dir$/, '');
  if (actual !== expected) {
    await rm(tmp, { force: true });
    throw new ObjectError(`corrupt: ${from} sent ${size} bytes whose md5 is ${actual}`, 'corrupt');
  }
  await rename(tmp, target);
  return size;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    // DVC's default ignores (`.git`, `.hg`, `.dvc`) hold at any depth.
    if (entry.name === '.git' || entry.name === '.hg' || entry.name === '.dvc') continue;
    const path = join(dir, entry.name);
    // A link to nothing (dangling, or round a loop of links, whose stat fails with ELOOP) holds no file: left out, as the
    // folder's hash leaves it out (hashDir), where its raw ELOOP stopped the save.
    const led = entry.isSymbolicLink() ? await stat(path).catch(() => undefined) : undefined;
    if (entry.isSymbolicLink() && !led) continue;
    if (entry.isDirectory() || led?.isDirectory()) for (const file of await listFiles(path)) out.push(file);
    else out.push(path);
  }
  return out;
}

/** Writes every byte of `chunks` at the file's position, going on where the system wrote only part. */
async function writeAll(file: FileHandle, chunks: Uint8Array[]): Promise<void> {
  let rest = chunks;
  while (rest.length) {
    let { bytesWritten } = await file.writev(rest);
    let i = 0;
    while (i < rest.length && bytesWritten >= rest[i]!.length) bytesWritten -= rest[i++]!.length;
    rest = rest.slice(i);
    if (bytesWritten && rest.length) rest[0] = rest[0]!.subarray(bytesWritten);
  }
}

/**
 * writeObject for a download thread, chunk by chunk: the same temp file, md5 check and rename, with the file calls
 * made synchronously on the calling thread. Each asynchronous call is a round trip through libuv's file-system
 * threads (a wake-up of another thread, then of this one), and a thousand-file pull made ten of them a file; the
 * main thread's writeObject keeps them asynchronous, as it serves other transfers meanwhile.
 */
export class ObjectFileWriter {
  private readonly tmp: string;
  private readonly hasher: ObjectHasher;
  private fd: number | undefined;
  private batch: Uint8Array[] = [];
  private batched = 0;
  private size = 0;

  constructor(
    private readonly target: string,
    private readonly oid: string,
    legacy: boolean,
    private readonly from: string,
  ) {
    this.tmp = join(dirname(target), `.${nodeCrypto().randomBytes(12).toString('hex')}.tmp`);
    this.hasher = new ObjectHasher(legacy);
    // Created read-only (the descriptor still writes): no chmod afterwards unless the umask takes bits of it.
    try {
      this.fd = openSync(this.tmp, 'wx', CACHE_MODE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dirname(target), { recursive: true });
      this.fd = openSync(this.tmp, 'wx', CACHE_MODE);
    }
    if (umask() & CACHE_MODE) fchmodSync(this.fd, CACHE_MODE);
  }

  write(chunk: Uint8Array): void {
    this.hasher.update(chunk);
    this.size += chunk.length;
    this.batch.push(chunk);
    this.batched += chunk.length;
    if (this.batched >= WRITE_BATCH) this.flush();
  }

  /** Closes the file and, when its md5 is the object's, renames it into place; else leaves nothing behind. */
  finish(): number {
    try {
      this.flush();
      closeSync(this.fd!);
      this.fd = undefined;
      const actual = this.hasher.digest();
      if (actual !== this.oid.replace(/\.dir$/, '')) throw new ObjectError(`corrupt: ${this.from} sent ${this.size} bytes whose md5 is ${actual}`, 'corrupt');
      renameSync(this.tmp, this.target);
      return this.size;
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.tmp, { force: true });
  }

  private flush(): void {
    let rest = this.batch;
    while (rest.length) {
      let written = writevSync(this.fd!, rest);
      let i = 0;
      while (i < rest.length && written >= rest[i]!.length) written -= rest[i++]!.length;
      rest = rest.slice(i);
      if (written && rest.length) rest[0] = rest[0]!.subarray(written);
    }
    this.batch = [];
    this.batched = 0;
  }
}

let processUmask: number | undefined;
/** The process's umask, read once: each `process.umask()` is two system calls (it sets the mask to read it). */
export function umask(): number {
  return (processUmask ??= process.umask());
}
