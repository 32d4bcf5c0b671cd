import { nodeCrypto } from '../../../util/node-crypto';
import { copyFile, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ObjectError } from '../errors';
import type { Remote } from './types';

/** A remote that is a directory (a mounted share, or `../dvcstore` next to the project). */
export class LocalRemote implements Remote {
  readonly description: string;

  constructor(
    readonly name: string,
    private readonly root: string,
    readonly jobs: number,
  ) {
    this.description = `remote '${name}' (${root})`;
  }

  async read(key: string): Promise<AsyncIterable<Uint8Array>> {
    const path = join(this.root, key);
    // Open first so a missing object fails here, as a 'missing', not halfway through the caller's stream.
    const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
      throw this.fail(key, error);
    });
    return handle.createReadStream({ highWaterMark: 1024 * 1024 }) as AsyncIterable<Uint8Array>;
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(join(this.root, key))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw this.fail(key, error as NodeJS.ErrnoException);
    }
  }

  async list(prefix: string): Promise<string[]> {
    try {
      return (await readdir(join(this.root, prefix))).filter((n) => !n.startsWith('.')).map((n) => `${prefix}${n}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw this.fail(prefix, error as NodeJS.ErrnoException);
    }
  }

  async write(key: string, file: string): Promise<void> {
    const target = join(this.root, key);
    const tmp = join(dirname(target), `.${nodeCrypto().randomBytes(12).toString('hex')}.tmp`);
    try {
      await mkdir(dirname(target), { recursive: true });
      await copyFile(file, tmp);
      await rename(tmp, target);
    } catch (error) {
      await rm(tmp, { force: true });
      throw this.fail(key, error as NodeJS.ErrnoException);
    }
  }

  async close(): Promise<void> {}

  private fail(key: string, error: NodeJS.ErrnoException): ObjectError {
    if (error.code === 'ENOENT') return new ObjectError(`${key} is not in ${this.description}`, 'missing');
    if (error.code === 'EACCES' || error.code === 'EPERM') return new ObjectError(`permission denied on ${key} in ${this.description}`, 'denied');
    return new ObjectError(`${key} in ${this.description}: ${error.code ?? error.message}`, 'failed');
  }
}
