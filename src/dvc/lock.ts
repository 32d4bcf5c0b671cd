import { UserError } from '../util/errors';
import type { Tree } from '../workspace/tree';
import { parseDataFile } from './formats';
import { pyStr } from './python/format';
import { isRawMap, type Raw, type RawMap } from './python/value';

/**
 * How a lock entry's hash was computed: `md5` (DVC 3, entries with `hash: md5`) is the plain md5 of the
 * bytes; `md5-dos2unix` (DVC 2 entries without `hash:`) turns CRLF into LF in 1 MiB chunks that look like
 * text first (dvc-data `hashfile/hash.py` `Dos2UnixHashStreamFile`).
 */
export type HashName = 'md5' | 'md5-dos2unix';

/** A dep or out as dvc.lock records it. */
export interface LockEntry {
  path: string;
  /** `md5` when the entry says `hash: md5` (DVC 3); `md5-dos2unix` for DVC 2 entries without it. */
  hashName: HashName;
  md5: string | null;
  size?: number;
  nfiles?: number;
  isexec?: boolean;
}

/** One stage's record in dvc.lock (dvc/schema.py LOCK_FILE_STAGE_SCHEMA). */
export interface LockStage {
  cmd: string | string[];
  deps: LockEntry[];
  /** params file → key as written in dvc.yaml → value. */
  params: Map<string, RawMap>;
  outs: LockEntry[];
}

/** dvc.lock as read: the parsed stages, and the raw document so stages nobody touches are written back as they were. */
export interface LockDocument {
  stages: Map<string, LockStage>;
  raw: RawMap;
}

/** dvc.lock (next to a dvc.yaml) read through a tree; null when there is none. Errors name the file and the stage. */
export async function readLockFile(tree: Tree, path: string): Promise<LockDocument | null> {
  const bytes = await tree.read(path);
  return bytes ? parseLockText(bytes.toString('utf8'), path) : null;
}

export function parseLockText(text: string, displayPath = 'dvc.lock'): LockDocument {
  // dvc.lock is YAML whatever its name; the one YAML reader, as DVC's (duplicate keys rejected, big ints kept).
  const doc = parseDataFile(displayPath, text).data;
  if (doc === null) return { stages: new Map(), raw: new Map() };
  if (!isRawMap(doc)) throw new UserError(`${displayPath}: expected a mapping at the top level.`);
  // DVC 1.x lock files had no `schema` and the stages at the top level; DVC rewrites them as 2.0.
  const legacy = !doc.has('schema');
  const schema = doc.get('schema') ?? null;
  if (!legacy && schema !== '2.0') throw new UserError(`${displayPath}: unsupported schema '${pyStr(schema)}' (expected '2.0').`);
  const stagesRaw = legacy ? doc : (doc.get('stages') ?? new Map());
  if (!isRawMap(stagesRaw)) throw new UserError(`${displayPath}: 'stages' must be a mapping.`);
  const stages = new Map<string, LockStage>();
  for (const [name, entry] of stagesRaw) {
    stages.set(name, parseStage(entry, `${displayPath}: stage '${name}'`));
  }
  const raw: RawMap = legacy
    ? new Map<string, Raw>([
        ['schema', '2.0'],
        ['stages', stagesRaw],
      ])
    : doc;
  return { stages, raw };
}

function parseStage(entry: Raw, where: string): LockStage {
  if (!isRawMap(entry)) throw new UserError(`${where}: expected a mapping.`);
  const cmd = entry.get('cmd');
  const cmdValue = typeof cmd === 'string' ? cmd : Array.isArray(cmd) && cmd.every((c) => typeof c === 'string') ? cmd : '';
  const params = new Map<string, RawMap>();
  const paramsRaw = entry.get('params');
  if (paramsRaw !== undefined && paramsRaw !== null) {
    if (!isRawMap(paramsRaw)) throw new UserError(`${where}: 'params' must be a mapping of files to values.`);
    for (const [file, values] of paramsRaw) params.set(file, isRawMap(values) ? values : new Map<string, Raw>());
  }
  return { cmd: cmdValue, deps: parseLockEntries(entry.get('deps'), `${where} deps`), params, outs: parseLockEntries(entry.get('outs'), `${where} outs`) };
}

/** A list of deps or outs as dvc.lock and `.dvc` files record them. */
export function parseLockEntries(value: Raw | undefined, where: string): LockEntry[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new UserError(`${where}: expected a list.`);
  return value.map((item, i) => {
    const path = isRawMap(item) ? item.get('path') : undefined;
    if (!isRawMap(item) || typeof path !== 'string') throw new UserError(`${where}[${i}]: expected an entry with a 'path'.`);
    const md5 = item.get('md5');
    const size = item.get('size');
    const nfiles = item.get('nfiles');
    const entry: LockEntry = { path, hashName: item.get('hash') === 'md5' ? 'md5' : 'md5-dos2unix', md5: typeof md5 === 'string' ? md5 : null };
    if (typeof size === 'number') entry.size = size;
    if (typeof nfiles === 'number') entry.nfiles = nfiles;
    if (item.get('isexec') === true) entry.isexec = true;
    return entry;
  });
}
