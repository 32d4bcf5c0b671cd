import { UserError } from '../util/errors';
import type { Tree } from '../workspace/tree';
import { isPyDict, parseYamlPy, pyEntries, pyStr, type PyDict, type PyValue } from './python/pyvalue';

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
  params: Record<string, PyDict>;
  outs: LockEntry[];
}

/** dvc.lock as read: the parsed stages, and the raw document so stages nobody touches are written back as they were. */
export interface LockDocument {
  stages: Map<string, LockStage>;
  raw: PyDict;
}

/** dvc.lock (next to a dvc.yaml) read through a tree; null when there is none. Errors name the file and the stage. */
export async function readLockFile(tree: Tree, path: string): Promise<LockDocument | null> {
  const bytes = await tree.read(path);
  return bytes ? parseLockText(bytes.toString('utf8'), path) : null;
}

export function parseLockText(text: string, displayPath = 'dvc.lock'): LockDocument {
  const doc = parseYamlPy(displayPath, text);
  if (doc === null) return { stages: new Map(), raw: {} };
  if (!isPyDict(doc)) throw new UserError(`${displayPath}: expected a mapping at the top level.`);
  // DVC 1.x lock files had no `schema` and the stages at the top level; DVC rewrites them as 2.0.
  const legacy = !('schema' in doc);
  if (!legacy && doc.schema !== '2.0')
    throw new UserError(`${displayPath}: unsupported schema '${typeof doc.schema === 'string' ? doc.schema : pyStr(doc.schema ?? null)}' (expected '2.0').`);
  const stagesRaw = legacy ? doc : (doc.stages ?? {});
  if (!isPyDict(stagesRaw)) throw new UserError(`${displayPath}: 'stages' must be a mapping.`);
  const stages = new Map<string, LockStage>();
  for (const [name, entry] of pyEntries(stagesRaw)) {
    stages.set(name, parseStage(entry, `${displayPath}: stage '${name}'`));
  }
  const raw: PyDict = legacy ? { schema: '2.0', stages: stagesRaw } : doc;
  return { stages, raw };
}

function parseStage(entry: PyValue, where: string): LockStage {
  if (!isPyDict(entry)) throw new UserError(`${where}: expected a mapping.`);
  const cmd = entry.cmd;
  const cmdValue = typeof cmd === 'string' ? cmd : Array.isArray(cmd) && cmd.every((c) => typeof c === 'string') ? cmd : '';
  const params: Record<string, PyDict> = {};
  if (entry.params !== undefined && entry.params !== null) {
    if (!isPyDict(entry.params)) throw new UserError(`${where}: 'params' must be a mapping of files to values.`);
    for (const [file, values] of Object.entries(entry.params)) params[file] = isPyDict(values) ? values : {};
  }
  return { cmd: cmdValue, deps: parseLockEntries(entry.deps, `${where} deps`), params, outs: parseLockEntries(entry.outs, `${where} outs`) };
}

/** A list of deps or outs as dvc.lock and `.dvc` files record them. */
export function parseLockEntries(value: PyValue | undefined, where: string): LockEntry[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new UserError(`${where}: expected a list.`);
  return value.map((item, i) => {
    if (!isPyDict(item) || typeof item.path !== 'string') throw new UserError(`${where}[${i}]: expected an entry with a 'path'.`);
    const md5 = typeof item.md5 === 'string' ? item.md5 : null;
    const entry: LockEntry = { path: item.path, hashName: item.hash === 'md5' ? 'md5' : 'md5-dos2unix', md5 };
    if (typeof item.size === 'number') entry.size = item.size;
    if (typeof item.nfiles === 'number') entry.nfiles = item.nfiles;
    if (item.isexec === true) entry.isexec = true;
    return entry;
  });
}
