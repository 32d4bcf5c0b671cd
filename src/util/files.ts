import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { UserError } from './errors';

/** Writes via a temporary file and a rename, so a reader never sees half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = await tempBeside(path);
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/**
 * `writeFileAtomic` for text made in pieces: each piece `produce` hands on is written as it comes (a large report
 * is never one string), then the file is renamed into place. What `produce` throws leaves no file behind.
 */
export async function writeTextAtomic(path: string, produce: (write: (piece: string) => void) => void): Promise<void> {
  const tmp = await tempBeside(path);
  const fd = openSync(tmp, 'w');
  try {
    produce((piece) => {
      const bytes = Buffer.from(piece, 'utf8');
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
    });
  } catch (error) {
    closeSync(fd);
    await rm(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  await rename(tmp, path);
}

/** The temporary file a write goes to before its rename: beside `path` (same filesystem), its folder made. */
async function tempBeside(path: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/**
 * Makes the folder a run writes its report into (`setting` names it: `--out DIR`, the action's `out-dir`), before
 * the run spends any time: a file in its place, or a folder that cannot be made, is the user's to fix.
 */
export async function makeOutFolder(dir: string, setting: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'a file is there or on its path'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'permission denied'
          : `it cannot be made (${code ?? (error as Error).message})`;
    throw new UserError(`${setting} is ${dir}: ${why}; expected a folder for report.md, report.json and the plots.`);
  }
}
