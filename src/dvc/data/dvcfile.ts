import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, posix, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { DataError } from './errors';
import type { ObjectRef } from './oid';

/** One `outs:` entry of a `.dvc` file, as far as pulling and checking it out needs. */
export interface TrackedOut extends ObjectRef {
  /** POSIX path from the project root. */
  path: string;
  /** The `.dvc` file it comes from, relative to the root. */
  dvcfile: string;
  isexec?: boolean;
  /** The out's own `remote:` field, which wins over `-r` and `core.remote`. */
  remote?: string;
}

/** `.dvc` files under `root`, skipping `.git`, `.dvc` and other dot-directories. */
export async function findDvcFiles(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') for (const file of await findDvcFiles(root, join(dir, entry.name))) out.push(file);
    } else if (entry.isFile() && entry.name.endsWith('.dvc') && entry.name !== '.dvc') {
      out.push(relative(root, join(dir, entry.name)).split(sep).join('/'));
    }
  }
  return out.sort();
}

/**
 * The cached outs of a `.dvc` file (DVC's single-stage file: `outs: [{md5, size, nfiles, hash, path, …}]`,
 * `wdir` relative to the file). Outs without a hash or with `cache: false` have nothing to pull and are left
 * out; an entry without `hash: md5` is a DVC 2.x (legacy) object.
 */
export async function readDvcFile(root: string, file: string): Promise<TrackedOut[]> {
  let data: unknown;
  try {
    data = parse(await readFile(join(root, file), 'utf8'));
  } catch (error) {
    throw new DataError(`${file}: cannot read it as YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const doc = data as { outs?: unknown; wdir?: unknown } | null;
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.outs)) throw new DataError(`${file}: expected 'outs:' with a list of outputs`);
  const wdir = typeof doc.wdir === 'string' ? doc.wdir : '.';
  const base = posix.join(dirname(file).split(sep).join('/'), wdir);
  const outs: TrackedOut[] = [];
  doc.outs.forEach((raw: unknown, i: number) => {
    const o = raw as Record<string, unknown>;
    if (!o || typeof o !== 'object' || typeof o.path !== 'string') throw new DataError(`${file}: outs[${i}] has no 'path'`);
    if (o.cache === false || o.md5 === undefined) return;
    if (typeof o.md5 !== 'string') throw new DataError(`${file}: outs[${i}].md5 must be a string`);
    const path = posix.normalize(posix.join(base, o.path));
    if (path.startsWith('..') || posix.isAbsolute(path)) throw new DataError(`${file}: outs[${i}].path '${o.path}' leaves the project`);
    if (o.hash !== undefined && o.hash !== 'md5') throw new DataError(`${file}: outs[${i}].hash ${JSON.stringify(o.hash)} is not one DVC writes (md5)`);
    outs.push({
      oid: o.md5,
      path,
      dvcfile: file,
      legacy: o.hash === undefined,
      isexec: o.isexec === true,
      remote: typeof o.remote === 'string' ? o.remote : undefined,
    });
  });
  return outs;
}
