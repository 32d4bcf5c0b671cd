import { existsSync } from 'node:fs';
import { join, posix, relative, resolve, dirname } from 'node:path';
import { joinPath, readDataFile } from '../dvc/project';
import type { ParamsDep, Stage } from '../dvc/types';
import { UserError } from '../util/errors';
import type { Tree } from '../workspace/tree';
import { DvcIgnore } from './dvcignore';
import { hashPath, type HashMeta } from './hash';
import { HashState } from './hash-state';
import type { HashName, LockEntry, LockStage } from '../dvc/lock';
import { isRawMap, keyValue, mapFrom, PyCollection, pyEqual, PyTime, setKeyValue, type Raw, type RawMap } from '../dvc/python/value';

/** Why a stage would run, in `dvc status` words. */
export interface StageStatus {
  changed: boolean;
  reasons: string[];
}

/**
 * The filesystem side of status checks: hashes paths and reads params files under the project (both memoised until
 * `invalidate`). Paths are relative to the dvc.yaml directory.
 */
export class Workspace {
  readonly ignore: DvcIgnore;
  /** Where `.dvc` lives; `.dvcignore` rules are anchored here. */
  readonly root: string;
  /** The project directory relative to the DVC root, posix ('' when they are the same). */
  private readonly prefix: string;
  private readonly hashes = new Map<string, Promise<HashMeta | null>>();
  /** Params files as read, until `invalidate`: a `foreach` of 2,000 stages read one params.yaml 2,000 times. */
  private readonly paramsFiles = new Map<string, Promise<RawMap | null>>();
  /** What files hashed to when last read, across runs: unchanged files are not read again. */
  private state: Promise<HashState> | null = null;

  constructor(
    readonly dir: string,
    /** Params files are read through the project's guarded reader. */
    private readonly tree: Tree,
    /** Where `dir` is in `tree` (`sub` for `sub/dvc.yaml`'s stages): their params files are read from there. */
    private readonly treeDir = '',
    /** The project's folder, which `sub/dvc.yaml`'s `../data` stays inside of, when no `.dvc` folder says where it is. */
    projectRoot = dir,
  ) {
    this.root = findDvcRoot(dir, projectRoot);
    this.ignore = new DvcIgnore(this.root);
    this.prefix = relative(this.root, dir).split(/[\\/]/).filter(Boolean).join('/');
  }

  abs(path: string): string {
    return join(this.dir, ...path.split('/'));
  }

  hash(path: string, name: HashName = 'md5'): Promise<HashMeta | null> {
    const key = `${name}\0${path}`;
    let p = this.hashes.get(key);
    if (!p) {
      const rel = posix.normalize(posix.join(this.prefix || '.', path));
      if (rel.startsWith('../')) throw new UserError(`'${path}' is outside the DVC project.`);
      this.state ??= HashState.open(this.root);
      p = this.state.then((state) => hashPath(this.root, rel, this.ignore, name, state));
      this.hashes.set(key, p);
    }
    return p;
  }

  /** Forgets this run's hashes (a stage ran): each path is looked at again, read only if its stat changed. */
  invalidate(): void {
    this.hashes.clear();
    this.paramsFiles.clear();
  }

  /** Keeps the hashes of this run for the next one. */
  async saveState(): Promise<void> {
    if (this.state) await (await this.state).save();
  }

  exists(path: string): boolean {
    return existsSync(this.abs(path));
  }

  /** A project path as a path from the DVC root, where `.dvc` files and the data layer name it. */
  rootPath(path: string): string {
    return posix.normalize(posix.join(this.prefix || '.', path));
  }

  existsAtRoot(rootPath: string): boolean {
    return existsSync(join(this.root, ...rootPath.split('/')));
  }

  /** A params file's contents (shared: not to be changed), or null when the file does not exist. */
  params(path: string): Promise<RawMap | null> {
    let read = this.paramsFiles.get(path);
    if (!read) {
      read = this.readParams(path);
      this.paramsFiles.set(path, read);
    }
    return read;
  }

  private async readParams(path: string): Promise<RawMap | null> {
    const data = await readDataFile(this.tree, joinPath(this.treeDir, path));
    if (data === undefined) return null;
    if (data === null) return new Map();
    if (!isRawMap(data)) throw new UserError(`${path}: expected a mapping of params at the top level.`);
    return data;
  }
}

/** The DVC root: the nearest directory up with a `.dvc` folder; the project directory when there is none. */
function findDvcRoot(dir: string, projectRoot: string): string {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.dvc'))) return d;
    if (dirname(d) === d) return resolve(projectRoot);
  }
}

/** dpath.get(config, key, separator='.') as DVC's read_param_file uses it. */
export function getParam(data: RawMap, key: string): Raw | undefined {
  let cur: Raw | undefined = data;
  for (const part of key.split('.')) {
    const list: Raw[] | null = Array.isArray(cur) ? cur : cur instanceof PyCollection && cur.kind === 'tuple' ? cur.items : null;
    if (list && /^\d+$/.test(part)) cur = list[Number(part)];
    else if (isRawMap(cur)) cur = cur.get(part);
    else return undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Current values of a stage's params, as dvc.lock records them; errors on a key the file lacks. */
export async function currentParams(stage: Stage, ws: Workspace, project: (p: string) => string): Promise<Map<string, RawMap>> {
  const out = new Map<string, RawMap>();
  for (const dep of stage.params) {
    const path = project(dep.file);
    const data = await ws.params(path);
    if (data === null) throw new UserError(`stage '${stage.name}': params file '${path}' does not exist.`);
    // DVC reads the file for this stage: its values are shared within the stage only (a YAML alias), never with
    // another stage's, or dvc.lock would hold an anchor across stages where DVC's has none.
    const memo = new Map<object, Raw>();
    if (dep.keys === null) {
      out.set(dep.file, copyShared(mapFrom(data, data), memo) as RawMap);
      continue;
    }
    const values: RawMap = new Map();
    const missing: string[] = [];
    for (const key of dep.keys) {
      const v = getParam(data, key);
      if (v === undefined) missing.push(key);
      else values.set(key, copyShared(v, memo));
    }
    if (missing.length) throw new UserError(`stage '${stage.name}': ${missingParams(missing, path)}.`);
    out.set(dep.file, values);
  }
  return out;
}

/**
 * Refuses params dvc.lock cannot hold, naming the file and key: a TOML time, for which DVC's YAML writer (ruamel) has no
 * form, so `dvc repro` fails on it after running the stage. Checked before the stage runs.
 */
export function checkLockable(stageName: string, params: Map<string, RawMap>): void {
  const find = (value: Raw, key: string): string | null => {
    if (value instanceof PyTime) return `${key} = ${value.text}`;
    const items = isRawMap(value) ? [...value] : Array.isArray(value) ? value.map((v, i): [string, Raw] => [String(i), v]) : [];
    for (const [k, v] of items) {
      const found = find(v, key ? `${key}.${k}` : k);
      if (found) return found;
    }
    return null;
  };
  for (const [file, values] of params) {
    const found = find(values, '');
    if (found)
      throw new UserError(
        `stage '${stageName}': ${file}: ${found} is a time of day, which dvc.lock cannot hold (DVC cannot write it either: its YAML writer has no form for a Python time); quote it in the file to make it a string.`,
      );
  }
}

/** A deep copy of lists and mappings in which what was one object stays one object (Python's `deepcopy` memo). */
function copyShared(value: Raw, memo: Map<object, Raw>): Raw {
  if (!Array.isArray(value) && !isRawMap(value)) return value;
  const done = memo.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const list: Raw[] = [];
    memo.set(value, list);
    for (const item of value) list.push(copyShared(item, memo));
    return list;
  }
  const map: RawMap = new Map();
  memo.set(value, map);
  for (const [k, v] of value) {
    map.set(k, copyShared(v, memo));
    // A key that was not a string in the file (`1: a`) stays so.
    const written = keyValue(value, k);
    if (written !== k) setKeyValue(map, k, written);
  }
  return map;
}

function missingParams(keys: string[], file: string): string {
  return `params ${keys.map((k) => `'${k}'`).join(', ')} missing from '${file}'`;
}

function sameCmd(a: string | string[], b: string | string[]): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

async function entryStatus(path: string, entry: LockEntry | undefined, ws: Workspace): Promise<string | null> {
  const current = await ws.hash(path, entry?.hashName ?? 'md5');
  if (!current) return 'missing';
  if (!entry || entry.md5 === null) return 'new';
  if (current.md5 === entry.md5) return null;
  return (await onlyLineEndsDiffer(path, entry, current.size, ws)) ? `modified, only in its line endings (${LINE_ENDS_FIX})` : 'modified';
}

/**
 * A `.dvc` file's outs as `dvc status` sees them (its `Stage.status()` `changed outs`): each one not in the workspace
 * (`missing`, DVC's `deleted`) or not what the file records (`modified`); empty when the data is as recorded.
 * Paths are the project's.
 */
export async function trackedStatus(outs: readonly { path: string; oid: string; legacy?: boolean }[], ws: Workspace): Promise<string[]> {
  const reasons: string[] = [];
  for (const out of outs) {
    const s = await entryStatus(out.path, { path: out.path, hashName: out.legacy ? 'md5-dos2unix' : 'md5', md5: out.oid }, ws);
    if (s) reasons.push(`out ${out.path}: ${s}`);
  }
  return reasons;
}

/**
 * The fix for a CRLF checkout (Git for Windows' core.autocrlf=true) of text hashed with LF elsewhere. DVC 3 hashes
 * the raw bytes, as we do, so the stage re-runs either way; this names the cause where it shows.
 */
const LINE_ENDS_FIX = "a CRLF checkout of LF data: add '* text=auto eol=lf' to .gitattributes, or set git config core.autocrlf false, and check out again";

/**
 * Whether the md5 dvc.lock records is that of this path with CRLF read as LF (DVC's md5-dos2unix: text chunks only),
 * so its bytes differ from it only in line endings. CRLF only adds bytes: the same or a smaller size rules it out
 * without reading the data again.
 */
async function onlyLineEndsDiffer(path: string, entry: LockEntry, size: number, ws: Workspace): Promise<boolean> {
  if (entry.hashName !== 'md5' || (entry.size !== undefined && size <= entry.size)) return false;
  return (await ws.hash(path, 'md5-dos2unix'))?.md5 === entry.md5;
}

/**
 * How a params file's values differ from what dvc.lock records for a stage's params dep (`param params.yaml:lr:
 * modified`), in `dvc status` words; `data` is the file as read, `locked` dvc.lock's entry for it.
 */
export function paramReasons(dep: ParamsDep, data: RawMap, locked: RawMap): string[] {
  const reasons: string[] = [];
  const keys = dep.keys ?? [...new Set([...data.keys(), ...locked.keys()])];
  for (const key of keys) {
    const actual = dep.keys ? getParam(data, key) : data.get(key);
    const before = locked.get(key);
    // A listed key the file lacks is `deleted` even when dvc.lock never held it (a key added with a typo): DVC's
    // `ParamsDependency.workspace_status` checks the file first, so the stage runs and fails on the missing key.
    if (actual === undefined) reasons.push(`param ${dep.file}:${key}: deleted`);
    else if (before === undefined) reasons.push(`param ${dep.file}:${key}: new`);
    else if (!sameAsLocked(actual, before)) reasons.push(`param ${dep.file}:${key}: modified`);
  }
  return reasons;
}

/**
 * A param's value against the one dvc.lock records: Python's `==` (a set's items in any order), where a set holding a
 * tuple, which dvc.lock holds as a list of its items (`emitYaml`: ruamel would write complex keys), equals that list
 * whatever the list's order.
 */
function sameAsLocked(actual: Raw, locked: Raw): boolean {
  if (actual instanceof PyCollection && actual.kind === 'set' && Array.isArray(locked)) {
    return actual.items.length === locked.length && actual.items.every((x) => locked.some((y) => pyEqual(x, y)));
  }
  if (isRawMap(actual) && isRawMap(locked)) {
    return actual.size === locked.size && [...actual].every(([k, v]) => locked.has(k) && sameAsLocked(v, locked.get(k)!));
  }
  const list = (v: Raw): Raw[] | null => (Array.isArray(v) ? v : v instanceof PyCollection && v.kind === 'tuple' ? v.items : null);
  const a = list(actual);
  const b = list(locked);
  if (a && b) return a.length === b.length && a.every((x, i) => sameAsLocked(x, b[i]!));
  return pyEqual(actual, locked);
}

/**
 * DVC's `Stage.changed()` with all reasons collected: a changed cmd, a dep or params value that differs
 * from dvc.lock, an out that is missing or modified, `always_changed`, or a stage with neither deps nor
 * outs. For a frozen stage only the cmd and the outs count (DVC's `changed_deps` returns False for it).
 */
export async function stageStatus(stage: Stage, lock: LockStage | undefined, ws: Workspace, project: (p: string) => string): Promise<StageStatus> {
  const reasons: string[] = [];
  if (stage.alwaysChanged) reasons.push('always changed');
  else if (!stage.deps.length && !stage.params.length && !stage.outs.length) reasons.push('always changed (no deps or outs)');
  if (lock && !sameCmd(lock.cmd, stage.cmd)) reasons.push('changed command');
  if (!lock) reasons.push('not in dvc.lock');

  const lockDeps = new Map((lock?.deps ?? []).map((e) => [e.path, e]));
  // A dep listed twice is two deps to DVC (and two entries in dvc.lock), but its status is one: DVC gathers the
  // stage's status into a mapping by path.
  for (const dep of new Set(stage.deps)) {
    const s = await entryStatus(project(dep), lockDeps.get(dep), ws);
    if (s && lock) reasons.push(`dep ${dep}: ${s}`);
    else if (s === 'missing') reasons.push(`dep ${dep}: missing`);
  }
  for (const dep of stage.params) {
    const path = project(dep.file);
    const data = await ws.params(path);
    const locked = lock?.params.get(dep.file);
    if (data === null) {
      reasons.push(`params ${dep.file}: missing`);
      continue;
    }
    if (!lock || !locked) {
      // Nothing recorded to compare with: the stage runs, and a key the file lacks stops it. Said here as repro says it.
      const missing = (dep.keys ?? []).filter((key) => getParam(data, key) === undefined);
      if (missing.length) reasons.push(missingParams(missing, path));
      else if (lock) reasons.push(`params ${dep.file}: new`);
      continue;
    }
    for (const reason of paramReasons(dep, data, locked)) reasons.push(reason);
  }
  const lockOuts = new Map((lock?.outs ?? []).map((e) => [e.path, e]));
  for (const out of stage.outs) {
    const s = await entryStatus(project(out.path), lockOuts.get(out.path), ws);
    if (s && lock) reasons.push(`out ${out.path}: ${s}`);
    else if (s === 'missing') reasons.push(`out ${out.path}: missing`);
  }
  if (stage.frozen) {
    const kept = reasons.filter((r) => r === 'changed command' || r === 'not in dvc.lock' || r.startsWith('out '));
    return { changed: kept.length > 0, reasons: kept };
  }
  return { changed: reasons.length > 0, reasons };
}
