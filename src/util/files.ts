import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

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
