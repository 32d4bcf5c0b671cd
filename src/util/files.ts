import { closeSync, openSync, writeSync } from 'node:fs';
import { lstat, mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from './errors';

/** Writes via a temporary file and a rename, so a reader never sees half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeFilesAtomic([{ path, produce: (write) => write(data) }]);
}

/**
 * Files that belong together (report.md and report.json): every one is written to its temporary file first, and
 * only when all are written, and no folder stands where one goes, are they renamed into place. A failure leaves
 * none of the new files and no temporary file behind, and says which file and why.
 */
export async function writeFilesAtomic(files: { path: string; produce: (write: (piece: string | Uint8Array) => void) => void }[]): Promise<void> {
  const temps: string[] = [];
  try {
    for (const { path, produce } of files) {
      const tmp = await tempBeside(path);
      temps.push(tmp);
      writeTemp(tmp, path, produce);
    }
    for (const { path } of files) {
      if ((await stat(path).catch(() => null))?.isDirectory()) throw new UserError(`Cannot write ${path}: a folder is there.`);
    }
  } catch (error) {
    await Promise.all(temps.map((tmp) => rm(tmp, { force: true })));
    throw error;
  }
  for (const [i, { path }] of files.entries()) {
    await rename(temps[i]!, path).catch(async (error: unknown) => {
      await Promise.all(temps.slice(i).map((tmp) => rm(tmp, { force: true })));
      throw cannotWrite(path, error);
    });
  }
}

function writeTemp(tmp: string, path: string, produce: (write: (piece: string | Uint8Array) => void) => void): void {
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (error) {
    throw cannotWrite(path, error);
  }
  try {
    produce((piece) => {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      try {
        for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
      } catch (error) {
        throw cannotWrite(path, error);
      }
    });
  } finally {
    closeSync(fd);
  }
}

/** A file system's refusal, said of the file the user asked for (not of its temporary file). */
function cannotWrite(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code) return error as Error;
  const why: Record<string, string> = {
    EISDIR: 'a folder is there',
    ENOSPC: 'no space left on the disk',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
  };
  return new UserError(`Cannot write ${path}: ${why[code] ?? code}.`);
}

/** The temporary file a write goes to before its rename: beside `path` (same filesystem), its folder made. */
async function tempBeside(path: string): Promise<string> {
  try {
    await makeFolders(dirname(path));
  } catch (error) {
    throw cannotWrite(path, error);
  }
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/**
 * Makes the folder a run writes its report into (`setting` names it: `--out DIR`, the action's `out-dir`), before
 * the run spends any time: a file in its place, or a folder that cannot be made, is the user's to fix.
 */
export async function makeOutFolder(dir: string, setting: string): Promise<void> {
  try {
    await makeFolders(dir);
    if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'a file is there or on its path'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'permission denied'
          : `it cannot be made (${code ?? (error as Error).message})`;
    throw new UserError(`${setting} is ${dir}: ${why}; expected a folder for the report's files.`);
  }
}

/**
 * `mkdir -p`: the folders missing on the way, made one by one. Node's own recursive mkdir never returns where a
 * parent refuses new folders with ENOENT (/proc): it spun a core.
 */
async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(dir); !(await exists(at)); at = dirname(at)) {
    if (dirname(at) === at) break;
    missing.unshift(at);
  }
  for (const folder of missing)
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      // Made meanwhile (plots written side by side): what was wanted.
      if (error.code !== 'EEXIST') throw error;
    });
}

/** Whether anything (a file, a folder, a dangling link) is at `path`. */
async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => null)) !== null;
}
