import { UserError } from '../util/errors';
import { writeFileAtomic } from '../util/files';
import type { Tree } from '../workspace/tree';
import { compareCodePoints, type HashMeta, type HashName } from './hash';
import { isPyDict, parseYamlPy, pyEntries, pyStr, type PyDict, type PyValue } from '../dvc/python/pyvalue';
import { emitYaml, type Folding } from './yaml-emit';

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

/** dvc.lock as read: the parsed stages, and the raw document so stages we do not touch are kept as written. */
export interface LockFile {
  stages: Map<string, LockStage>;
  raw: PyDict;
  /** The line folding the file was written with (older ruamel versions wrap long commands differently). */
  folding: Folding;
}

/** Reads dvc.lock through the project's reader; a missing file is an empty lock. Errors name the file and the stage. */
export async function readLock(tree: Tree, path = 'dvc.lock'): Promise<LockFile> {
  const bytes = await tree.read(path);
  if (!bytes) return { stages: new Map(), raw: {}, folding: 'current' };
  return parseLock(bytes.toString('utf8'), path);
}

export function parseLock(text: string, displayPath = 'dvc.lock'): LockFile {
  const doc = parseYamlPy(displayPath, text);
  if (doc === null) return { stages: new Map(), raw: {}, folding: 'current' };
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
  // Keep the folding the file already has, so stages we do not touch stay byte for byte as they were.
  const folding: Folding = emitYaml(raw, 'current') !== text && emitYaml(raw, 'legacy') === text ? 'legacy' : 'current';
  return { stages, raw, folding };
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
  return { cmd: cmdValue, deps: parseEntries(entry.deps, `${where} deps`), params, outs: parseEntries(entry.outs, `${where} outs`) };
}

function parseEntries(value: PyValue | undefined, where: string): LockEntry[] {
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

/** A dep/out entry exactly as DVC 3 writes it: path, hash, md5, size, [nfiles], [isexec]. */
export function lockEntryFromHash(path: string, meta: HashMeta): LockEntry {
  const entry: LockEntry = { path, hashName: 'md5', md5: meta.md5, size: meta.size };
  if (meta.nfiles !== undefined) entry.nfiles = meta.nfiles;
  if (meta.isexec) entry.isexec = true;
  return entry;
}

/** The stage mapping in DVC's key order (dvc/stage/serialize.py `to_single_stage_lockfile`). */
export function serializeStage(stage: LockStage): PyDict {
  const out: PyDict = { cmd: stage.cmd };
  const entry = (e: LockEntry): PyDict => {
    const d: PyDict = { path: e.path };
    if (e.hashName === 'md5') d.hash = 'md5';
    if (e.md5 !== null) d.md5 = e.md5;
    if (e.size !== undefined) d.size = e.size;
    if (e.nfiles !== undefined) d.nfiles = e.nfiles;
    if (e.isexec) d.isexec = true;
    return d;
  };
  const byPath = (a: LockEntry, b: LockEntry): number => compareCodePoints(a.path, b.path);
  if (stage.deps.length) out.deps = [...stage.deps].sort(byPath).map(entry);
  const files = Object.keys(stage.params).sort(compareCodePoints);
  if (files.length) {
    // params.yaml first, the other files alphabetically; keys sorted at the first level only.
    const ordered = [...files.filter((f) => f === 'params.yaml'), ...files.filter((f) => f !== 'params.yaml')];
    const params: PyDict = {};
    for (const file of ordered) {
      const values = stage.params[file]!;
      params[file] = Object.fromEntries(
        Object.keys(values)
          .sort(compareCodePoints)
          .map((k) => [k, values[k]!]),
      );
    }
    out.params = params;
  }
  if (stage.outs.length) out.outs = [...stage.outs].sort(byPath).map(entry);
  return out;
}

/**
 * The lock file text after updating `updates` (stage name → record): existing stages keep their place and
 * their text, new ones are appended, `schema: '2.0'` comes first — as DVC's `Lockfile.dump_stages` does.
 */
export function renderLock(lock: LockFile, updates: Map<string, LockStage>): string {
  const raw: PyDict = { schema: '2.0', ...lock.raw };
  const stages: PyDict = isPyDict(raw.stages) ? { ...raw.stages } : {};
  for (const [name, stage] of updates) stages[name] = serializeStage(stage);
  raw.stages = stages;
  return emitYaml(raw, lock.folding);
}

export async function writeLock(path: string, lock: LockFile, updates: Map<string, LockStage>): Promise<void> {
  await writeFileAtomic(path, renderLock(lock, updates));
}
