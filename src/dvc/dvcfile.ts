import { posix } from 'node:path';
import { UserError } from '../util/errors';
import type { Tree } from '../workspace/tree';
import { parseLockEntries, type LockEntry } from './lock';
import { parseDataFile } from './formats';
import { isRawMap } from './python/value';

/** A `.dvc` file (`dvc add`): the data it tracks, with paths relative to the project. */
export interface DvcFile {
  file: string;
  outs: LockEntry[];
}

/** `SINGLE_STAGE_SCHEMA` keys (dvc/schema.py); anything else is an error, as in DVC. */
const KEYS = ['md5', 'wdir', 'deps', 'outs', 'frozen', 'locked', 'meta', 'always_changed', 'desc'];

/** Reads a `.dvc` file through a tree; null when there is none. Errors name the file (and line and column for YAML). */
export async function readDvcFile(tree: Tree, file: string): Promise<DvcFile | null> {
  const bytes = await tree.read(file);
  if (!bytes) return null;
  const doc = parseDataFile(file, bytes.toString('utf8')).data;
  if (doc === null) return { file, outs: [] };
  if (!isRawMap(doc)) throw new UserError(`${file}: expected a mapping with \`outs:\`.`);
  for (const key of doc.keys()) if (!KEYS.includes(key)) throw new UserError(`${file}: unknown key '${key}' (expected one of ${KEYS.join(', ')}).`);
  const wdir = doc.get('wdir') ?? '.';
  if (typeof wdir !== 'string') throw new UserError(`${file}: 'wdir' must be a path.`);
  // Paths are relative to the .dvc file's folder and its `wdir`.
  const base = posix.join(posix.dirname(file), wdir);
  const outs = parseLockEntries(doc.get('outs'), `${file}: outs`).map((out) => ({ ...out, path: posix.normalize(posix.join(base, out.path)) }));
  return { file, outs };
}
