import { posix } from 'node:path';
import { UserError } from '../util/errors';
import type { Tree } from '../workspace/tree';
import { parseDataFile } from './formats';
import { parseLockEntries, type LockEntry } from './lock';
import { pyStr } from './python/format';
import { isRawMap, type Raw } from './python/value';

/** One `outs:` entry of a `.dvc` file, its path relative to the project. */
interface DvcOut extends LockEntry {
  /** `cache: false` outs are tracked by git, not DVC: nothing to pull or push. */
  cache: boolean;
  /** The out's own `remote:`, which wins over `-r` and `core.remote`. */
  remote?: string;
}

/** A `.dvc` file (`dvc add`): the data it tracks. */
export interface DvcFile {
  file: string;
  outs: DvcOut[];
}

/** `SINGLE_STAGE_SCHEMA` keys (dvc/schema.py); anything else is an error, as in DVC. */
const KEYS = ['md5', 'wdir', 'deps', 'outs', 'frozen', 'locked', 'meta', 'always_changed', 'desc'];

/** Reads a `.dvc` file through a tree; null when there is none. */
export async function readDvcFile(tree: Tree, file: string): Promise<DvcFile | null> {
  const bytes = await tree.read(file);
  return bytes ? parseDvcFile(file, bytes.toString('utf8')) : null;
}

/**
 * A `.dvc` file's text as DVC reads it, for the project model and the data layer alike. Paths are resolved
 * against the file's folder and its `wdir`, and must stay inside the project. Errors name the file and the
 * key (and line and column for YAML).
 */
function parseDvcFile(file: string, text: string): DvcFile {
  const doc = parseDataFile(file, text).data;
  if (doc === null) return { file, outs: [] };
  if (!isRawMap(doc)) throw new UserError(`${file}: expected a mapping with \`outs:\`.`);
  for (const key of doc.keys()) if (!KEYS.includes(key)) throw new UserError(`${file}: unknown key '${key}' (expected one of ${KEYS.join(', ')}).`);
  const wdir = doc.get('wdir') ?? '.';
  if (typeof wdir !== 'string') throw new UserError(`${file}: 'wdir' must be a path.`);
  const base = posix.join(posix.dirname(file), wdir);
  const written = doc.get('outs');
  const outs = parseLockEntries(written, `${file}: outs`).map((entry, i): DvcOut => {
    const item = (written as Raw[])[i] as Map<string, Raw>;
    const where = `${file}: outs[${i}]`;
    const path = posix.normalize(posix.join(base, entry.path));
    if (path === '..' || path.startsWith('../') || posix.isAbsolute(path)) throw new UserError(`${where}.path '${entry.path}' leaves the project.`);
    const hash = item.get('hash');
    if (hash !== undefined && hash !== 'md5') throw new UserError(`${where}.hash '${pyStr(hash)}' is not one DVC writes (md5).`);
    const cache = item.get('cache') ?? true;
    if (typeof cache !== 'boolean') throw new UserError(`${where}.cache must be true or false.`);
    const remote = item.get('remote');
    if (remote !== undefined && typeof remote !== 'string') throw new UserError(`${where}.remote must be a remote's name.`);
    const out: DvcOut = { ...entry, path, cache };
    if (remote !== undefined) out.remote = remote;
    return out;
  });
  return { file, outs };
}
