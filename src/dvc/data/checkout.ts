import { nodeCrypto } from '../../util/node-crypto';
import { chmodSync, constants, copyFileSync, createReadStream, rmSync } from 'node:fs';
import { chmod, copyFile, lstat, mkdir, readdir, readlink, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { umask, type Cache } from './cache';
import { DataError } from './errors';
import { ObjectHasher } from './hash';
import { checkOid, isDirOid } from './oid';
import { eachLimit } from './pool';
import { outputPlaceRefused } from '../../workspace/output-place';

/** File operations in flight during a directory checkout: enough to keep libuv's four file-system threads busy. */
const COPIES_AT_ONCE = 8;

/**
 * Where outputs are built before they are moved into place: under DVC's `.dvc/tmp`, which its own `.dvc/.gitignore`
 * ignores, as DVC keeps partial downloads under the cache and never in the workspace. One folder per process, so a
 * later run can tell a killed run's leftovers (its process is gone) from a live run's.
 */
const WORK_DIR = join('tmp', 'mlreport-checkout');

/** A DVC output to materialise: its path relative to the project root and the object it should hold. */
export interface CheckoutTarget {
  path: string;
  oid: string;
  legacy?: boolean;
  /** `isexec: true` in the `.dvc`/lock entry: the file gets the execute bits. */
  isexec?: boolean;
}

export interface CheckoutOptions {
  /** Replace workspace content that differs and is not in the cache (DVC's `--force`). */
  force?: boolean;
  /**
   * The folder `stage` made for this directory output, holding whole copies of some of its files (made as their
   * objects arrived): checkout copies the rest into it and moves it into place. It is removed in any case.
   */
  staged?: string;
}

export type CheckoutOutcome = 'unchanged' | 'created' | 'modified';

/**
 * Puts an output from the cache into the workspace, as `dvc checkout` does with the default `copy` link type
 * (a reflink where the file system offers one). A file is written to a temp file beside it and renamed over; a
 * directory is built whole beside the old one and swapped in, so the workspace never holds a half-written file
 * or a half-filled directory. Content that differs and is not in the cache is kept unless `force` — DVC's
 * "Can't remove the following unsaved files without confirmation".
 */
export async function checkout(cache: Cache, root: string, target: CheckoutTarget, options: CheckoutOptions = {}): Promise<CheckoutOutcome> {
  try {
    return await place(cache, root, target, options);
  } finally {
    // Moved into place on success; otherwise what was copied into it goes.
    if (options.staged) await rm(options.staged, { recursive: true, force: true });
  }
}

/**
 * The new folder of a directory output that the workspace does not hold yet, made beside it before its objects
 * are pulled, so that a remote can copy each file into it as its object arrives (`ObjectFile.copy`) instead of
 * the checkout copying all of them afterwards; pass it to `checkout` as `staged`. Undefined for a file output,
 * or where the output exists (the checkout compares it first).
 */
export async function stage(root: string, target: CheckoutTarget): Promise<string | undefined> {
  if (!isDirOid(target.oid)) return undefined;
  const dest = outputPath(root, target.path);
  if (await lstat(dest).catch(() => undefined)) return undefined;
  await removeLeftovers(dest);
  const staged = await workPath(root, dest, 'tmp');
  await mkdir(staged, { recursive: true });
  return staged;
}

/** Runs whose leftovers were cleared in this process, by their `.dvc/tmp` folder. */
const cleared = new Set<string>();

/**
 * A new path to build `dest` at (`tmp`) or to move its old version to (`old`), on the same file system so that a
 * rename puts it in place: under `.dvc/tmp` (see WORK_DIR), or beside `dest` in a project without `.dvc` or where
 * `.dvc/tmp` is on another file system. The folders under `.dvc/tmp` of runs whose process is gone (killed) are
 * removed first, once per process.
 */
async function workPath(root: string, dest: string, suffix: 'tmp' | 'old'): Promise<string> {
  const name = `.${basename(dest)}.${nodeCrypto().randomBytes(6).toString('hex')}.${suffix}`;
  const dvc = await stat(join(root, '.dvc')).catch(() => undefined);
  if (!dvc?.isDirectory()) return join(dirname(dest), name);
  let near = dirname(dest);
  let there = await stat(near).catch(() => undefined);
  while (!there && dirname(near) !== near) {
    near = dirname(near);
    there = await stat(near).catch(() => undefined);
  }
  const runs = join(root, '.dvc', WORK_DIR);
  // Its own file system, not `.dvc`'s: `.dvc/tmp` may be a link to another (a tmpfs), where a rename fails with EXDEV.
  const work = await mkdir(runs, { recursive: true }).then(
    () => stat(runs),
    () => undefined,
  );
  if (!work?.isDirectory() || there?.dev !== work.dev) return join(dirname(dest), name);
  if (!cleared.has(runs)) {
    cleared.add(runs);
    for (const pid of await readdir(runs).catch(() => [])) if (!running(pid)) await rm(join(runs, pid), { recursive: true, force: true });
  }
  const own = join(runs, String(process.pid));
  await mkdir(own, { recursive: true });
  return join(own, name);
}

/** Whether `.dvc/tmp`'s folder `pid` belongs to another process still running (not this one: its folder is new). */
function running(pid: string): boolean {
  if (!/^[1-9][0-9]*$/.test(pid) || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The hidden copies of `dest` an interrupted checkout left beside it (`.data.<12 hex>.tmp`, `.old`): an earlier
 * version's, or one in a project where they are made there (see workPath); `keep` is this checkout's own.
 */
async function removeLeftovers(dest: string, keep?: string): Promise<void> {
  const prefix = `.${basename(dest)}.`;
  for (const name of await readdir(dirname(dest)).catch(() => [])) {
    if (join(dirname(dest), name) === keep) continue;
    if (name.startsWith(prefix) && /^[0-9a-f]{12}\.(tmp|old)$/.test(name.slice(prefix.length)))
      await rm(join(dirname(dest), name), { recursive: true, force: true });
  }
}

/** Makes the folders of `relpaths` under `dir`, each once. */
export async function makeFolders(dir: string, relpaths: readonly string[]): Promise<void> {
  for (const folder of new Set(relpaths.map((r) => dirname(join(dir, ...r.split('/')))))) await mkdir(folder, { recursive: true });
}

/** Where a staged file goes, with the mode checkout gives it. */
export function stagedCopy(staged: string, relpath: string): { file: string; mode: number } {
  return { file: join(staged, ...relpath.split('/')), mode: 0o666 & ~umask() };
}

/**
 * `materialise` for a download thread, which copies an object into a staged folder as soon as it is verified in
 * the cache. Best effort: a copy that fails leaves no file there, and the checkout makes it.
 */
export function copyStaged(from: string, to: { file: string; mode: number }): void {
  try {
    copyFileSync(from, to.file, constants.COPYFILE_FICLONE);
    chmodSync(to.file, to.mode);
  } catch {
    rmSync(to.file, { force: true });
  }
}

/** Where the output `path` goes, once it is known to be a place checkout may write and delete (`outputPlaceRefused`). */
function outputPath(root: string, path: string): string {
  const dest = resolve(root, path);
  const rel = relative(resolve(root), dest);
  if (!rel || rel.startsWith('..') || rel.split(sep).includes('..')) throw new DataError(`${path}: an output path must stay inside the project`);
  const refused = outputPlaceRefused(root, rel.split(sep).join('/'));
  if (refused) throw new DataError(`${path}: ${refused}; checkout does not write or delete there`);
  return dest;
}

async function place(cache: Cache, root: string, target: CheckoutTarget, options: CheckoutOptions): Promise<CheckoutOutcome> {
  checkOid(target.oid, target.path);
  const dest = outputPath(root, target.path);
  const legacy = target.legacy ?? false;
  if (!(await cache.has(target.oid, legacy))) throw new DataError(`${target.path}: object ${target.oid} is not in the cache (${cache.dir}); pull it first`);
  await removeLeftovers(dest, options.staged);
  const current = await lstat(dest).catch(() => undefined);
  if (current?.isSymbolicLink()) await refuseLinkToNoFile(dest, target.path);
  if (!isDirOid(target.oid)) {
    if (current?.isFile() && (await md5(dest, legacy)) === target.oid) {
      if (target.isexec) await chmod(dest, 0o755 & ~umask());
      return 'unchanged';
    }
    if (current) await guardUnsaved(cache, dest, target.path, legacy, options);
    await mkdir(dirname(dest), { recursive: true });
    const tmp = await workPath(root, dest, 'tmp');
    try {
      await materialise(cache.path(target.oid, legacy), tmp, target.isexec ?? false);
      if (current?.isDirectory()) await rm(dest, { recursive: true, force: true });
      await rename(tmp, dest);
    } catch (error) {
      await rm(tmp, { force: true });
      throw new DataError(`${target.path}: checkout failed: ${(error as Error).message}`);
    }
    return current ? 'modified' : 'created';
  }

  const entries = await cache.manifest(target.oid, legacy);
  const held = await cache.holding(
    entries.map((e) => e.md5),
    legacy,
  );
  const missing = entries.filter((e) => !held.has(e.md5)).map((e) => `${target.path}/${e.relpath} (object ${e.md5})`);
  missing.sort();
  if (missing.length)
    throw new DataError(
      `${target.path}: ${missing.length} file(s) of ${target.oid} are not in the cache (${cache.dir}); pull first:\n  ${missing.slice(0, 10).join('\n  ')}`,
    );
  if (current?.isDirectory()) {
    const want = new Map(entries.map((e) => [e.relpath, e.md5]));
    const have = await listFiles(dest);
    let same = have.length === want.size;
    for (const relpath of have) {
      const file = join(dest, ...relpath.split('/'));
      const actual = await md5(file, legacy);
      if (want.get(relpath) !== actual) {
        same = false;
        if (!options.force && !(await cache.has(actual, legacy))) throw unsaved(`${target.path}/${relpath}`);
      }
    }
    if (same) return 'unchanged';
  } else if (current) {
    await guardUnsaved(cache, dest, target.path, legacy, options);
  }
  await mkdir(dirname(dest), { recursive: true });
  const fresh = options.staged ?? (await workPath(root, dest, 'tmp'));
  const old = await workPath(root, dest, 'old');
  try {
    // Folders first, then the copies several at a time: one after another, each file waits for its own
    // round trips through the file system's threads, which on a busy machine is most of a large checkout.
    // A staged folder's files are whole copies already (copyStaged leaves none that is not).
    await mkdir(fresh, { recursive: true });
    await makeFolders(
      fresh,
      entries.map((e) => e.relpath),
    );
    const copied = new Set(options.staged ? await listFiles(fresh) : []);
    const rest = entries.filter((e) => !copied.has(e.relpath));
    await eachLimit(rest, COPIES_AT_ONCE, (e) => materialise(cache.path(e.md5, legacy), join(fresh, ...e.relpath.split('/')), false));
    if (current) await rename(dest, old);
    await rename(fresh, dest);
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw new DataError(`${target.path}: checkout failed: ${(error as Error).message}`);
  }
  await rm(old, { recursive: true, force: true });
  return current ? 'modified' : 'created';
}

/** A copy of a cache file with ordinary permissions (cache files are read-only); a reflink where supported. */
async function materialise(from: string, to: string, exec: boolean): Promise<void> {
  await copyFile(from, to, constants.COPYFILE_FICLONE);
  await chmod(to, (exec ? 0o777 : 0o666) & ~umask());
}

/**
 * A link where an output goes that leads to a folder, or to nothing, is not checked out: what is there is the link's
 * to say, not a file to compare (its read failed with EISDIR or ENOENT). A link to a file (DVC's `symlink` cache
 * type) is checked and replaced as a file is.
 */
async function refuseLinkToNoFile(dest: string, path: string): Promise<void> {
  const led = await stat(dest).catch(() => undefined);
  if (led?.isFile()) return;
  const to = await readlink(dest);
  throw new DataError(
    `${path}: a link to ${to}, which ${led ? 'is a folder' : 'does not exist'}, is where the output goes; checkout does not write through or over a link: remove it, or put the folder it leads to in its place`,
  );
}

async function guardUnsaved(cache: Cache, dest: string, path: string, legacy: boolean, options: CheckoutOptions): Promise<void> {
  if (options.force) return;
  const stats = await lstat(dest);
  const files = stats.isDirectory() ? (await listFiles(dest)).map((f) => join(dest, ...f.split('/'))) : [dest];
  for (const file of files) {
    if (!(await cache.has(await md5(file, legacy), legacy))) throw unsaved(file === dest ? path : `${path}/${relative(dest, file).split(sep).join('/')}`);
  }
}

function unsaved(path: string): DataError {
  return new DataError(
    `${path}: the workspace holds different content that is not in the DVC cache; refusing to replace it (use --force to replace it anyway)`,
  );
}

async function md5(file: string, legacy: boolean): Promise<string> {
  const hasher = new ObjectHasher(legacy);
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hasher.update(chunk as Buffer);
  return hasher.digest();
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const file of await listFiles(join(dir, entry.name), rel)) out.push(file);
    else out.push(rel);
  }
  return out;
}
