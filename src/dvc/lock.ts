import { UserError } from '../util/errors';
import type { Tree } from '../workspace/tree';
import { parseDataFile } from './formats';
import { describeValue } from './python/format';
import { isRawMap, keyValue, type Raw, type RawMap } from './python/value';
import { boolField, mapField, onlyKeys, stringField } from './schema-fields';

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

/** The keys of dvc.lock's top level (dvc/schema.py `LOCKFILE_SCHEMA`). */
const TOP_KEYS = ['schema', 'datasets', 'stages'];
/** The keys of a stage's record (`LOCK_FILE_STAGE_SCHEMA`). */
const STAGE_KEYS = ['cmd', 'deps', 'params', 'outs'];
/** The keys of a dep or out record (`DATA_SCHEMA`: checksums, meta, path, cloud, files, hash, dataset). */
const ENTRY_KEYS = ['path', 'hash', 'md5', 'checksum', 'etag', 'size', 'nfiles', 'isexec', 'version_id', 'cloud', 'files', 'dataset'];

/**
 * dvc.lock's text as DVC reads it: checked against its schema (dvc/schema.py `LOCKFILE_SCHEMA`), so a hand-edited
 * lock with a key of the wrong type is refused, as DVC refuses it, instead of read as "no hash" and passed over.
 * Errors name the file, the stage and the key, and say what was expected and what was found.
 */
export function parseLockText(text: string, displayPath = 'dvc.lock'): LockDocument {
  // dvc.lock is YAML whatever its name; the one YAML reader, as DVC's (duplicate keys rejected, big ints kept).
  const doc = parseDataFile(displayPath, text).data;
  if (doc === null) return { stages: new Map(), raw: new Map() };
  if (!isRawMap(doc)) throw new UserError(`${displayPath}: expected a mapping at the top level, not ${describeValue(doc)}.`);
  // DVC 1.x lock files had no `schema` and the stages at the top level; DVC 2 read them, and rewrites them as 2.0.
  const legacy = !doc.has('schema');
  if (!legacy) {
    const schema = doc.get('schema') ?? null;
    if (typeof schema !== 'string') throw new UserError(`${displayPath}: 'schema' must be the string '2.0' (quoted), not ${describeValue(schema)}.`);
    if (schema !== '2.0') throw new UserError(`${displayPath}: unsupported schema '${schema}' (expected '2.0').`);
    for (const key of doc.keys()) {
      if (!TOP_KEYS.includes(key)) throw new UserError(`${displayPath}: unknown top-level key '${key}' (expected one of ${TOP_KEYS.join(', ')}).`);
    }
  }
  const stagesRaw = legacy ? doc : doc.has('stages') ? doc.get('stages')! : new Map<string, Raw>();
  if (!isRawMap(stagesRaw)) throw new UserError(`${displayPath}: 'stages' must be a mapping of stage names to their records, not ${describeValue(stagesRaw)}.`);
  const stages = new Map<string, LockStage>();
  for (const [name, entry] of stagesRaw) {
    const key = keyValue(stagesRaw, name);
    if (typeof key !== 'string') throw new UserError(`${displayPath}: a stage name is ${describeValue(key)}, not a string, as DVC writes them.`);
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
  if (!isRawMap(entry)) throw new UserError(`${where}: expected a mapping with 'cmd', 'deps', 'params' and 'outs', not ${describeValue(entry)}.`);
  onlyKeys(entry, STAGE_KEYS, where);
  if (!entry.has('cmd')) throw new UserError(`${where}: 'cmd' is required.`);
  const cmd = entry.get('cmd')!;
  if (typeof cmd !== 'string' && !Array.isArray(cmd)) throw new UserError(`${where}: 'cmd' must be a string or a list of commands, not ${describeValue(cmd)}.`);
  // DVC takes any list here and compares it with the stage's cmd as it is; one with items that are not strings
  // never equals a dvc.yaml cmd, and neither does '' (DVC never writes an empty cmd).
  const cmdValue = typeof cmd === 'string' ? cmd : cmd.every((c) => typeof c === 'string') ? cmd : '';
  const params = new Map<string, RawMap>();
  if (entry.has('params')) {
    const paramsRaw = entry.get('params')!;
    if (!isRawMap(paramsRaw)) throw new UserError(`${where}: 'params' must be a mapping of params files to their values, not ${describeValue(paramsRaw)}.`);
    for (const [file, values] of paramsRaw) {
      const fileKey = keyValue(paramsRaw, file);
      if (typeof fileKey !== 'string') throw new UserError(`${where}: a params file name is ${describeValue(fileKey)}, not a string.`);
      if (!isRawMap(values)) throw new UserError(`${where}: 'params.${file}' must be a mapping of param names to values, not ${describeValue(values)}.`);
      for (const param of values.keys()) {
        const paramKey = keyValue(values, param);
        if (typeof paramKey !== 'string') throw new UserError(`${where}: a param name in 'params.${file}' is ${describeValue(paramKey)}, not a string.`);
      }
      params.set(file, values);
    }
  }
  const entries = (key: 'deps' | 'outs'): LockEntry[] => {
    if (!entry.has(key)) return [];
    const value = entry.get(key)!;
    if (!Array.isArray(value)) throw new UserError(`${where}: '${key}' must be a list of entries with a 'path', not ${describeValue(value)}.`);
    return parseLockEntries(value, `${where}: ${key}`, ENTRY_KEYS);
  };
  return { cmd: cmdValue, deps: entries('deps'), params, outs: entries('outs') };
}

/**
 * A list of deps or outs as dvc.lock and `.dvc` files record them, their hash and meta fields checked as DVC's
 * schema checks them (dvc/output.py `CHECKSUMS_SCHEMA`, `META_SCHEMA`, `CLOUD_SCHEMA`, `DIR_FILES_SCHEMA`).
 * `keys`: the only keys an entry may have; the types of keys not checked here (a `.dvc` out's `cache:`) are the caller's to check.
 */
export function parseLockEntries(value: Raw | undefined, where: string, keys: readonly string[]): LockEntry[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new UserError(`${where}: expected a list, not ${describeValue(value)}.`);
  return value.map((item, i) => {
    const at = `${where}[${i}]`;
    const path = isRawMap(item) ? item.get('path') : undefined;
    if (!isRawMap(item) || typeof path !== 'string') throw new UserError(`${at}: expected an entry with a 'path'.`);
    return { path, ...checkEntry(item, at, keys) };
  });
}

/** An entry's fields but its `path`, checked: its keys (only `keys`), hashes, meta, `hash`, `dataset`, `cloud` and `files`. */
export function checkEntry(item: RawMap, at: string, keys: readonly string[]): Omit<LockEntry, 'path'> {
  onlyKeys(item, keys, at);
  const { md5, size, nfiles, isexec } = hashAndMeta(item, at);
  const hash = stringField(item, 'hash', `${at}.hash`);
  mapField(item, 'dataset', `${at}.dataset`);
  cloud(item, at);
  const files = item.get('files');
  if (files !== undefined) {
    if (!Array.isArray(files)) throw new UserError(`${at}.files must be a list of entries with a 'relpath', not ${describeValue(files)}.`);
    files.forEach((f, j) => {
      if (!isRawMap(f) || typeof f.get('relpath') !== 'string') throw new UserError(`${at}.files[${j}]: expected an entry with a 'relpath'.`);
      onlyKeys(f, FILE_KEYS, `${at}.files[${j}]`);
      hashAndMeta(f, `${at}.files[${j}]`);
      cloud(f, `${at}.files[${j}]`);
    });
  }
  const entry: Omit<LockEntry, 'path'> = { hashName: hash === 'md5' ? 'md5' : 'md5-dos2unix', md5 };
  if (size !== undefined) entry.size = size;
  if (nfiles !== undefined) entry.nfiles = nfiles;
  if (isexec === true) entry.isexec = true;
  return entry;
}

/** `CHECKSUMS_SCHEMA` and `META_SCHEMA`: the hash and meta fields an entry, a file of its `files:` and a `cloud:` record may have. */
const HASH_META_KEYS = ['md5', 'checksum', 'etag', 'size', 'nfiles', 'isexec', 'version_id'];
/** `DIR_FILES_SCHEMA`: one file of an entry's `files:`. */
const FILE_KEYS = ['relpath', ...HASH_META_KEYS, 'cloud'];

/** The hash and meta fields of an entry, a file of `files:` or a `cloud:` record, checked (`CHECKSUMS_SCHEMA`, `META_SCHEMA`). */
function hashAndMeta(item: RawMap, at: string): { md5: string | null; size?: number; nfiles?: number; isexec?: boolean } {
  const md5 = checksum(item, 'md5', `${at}.md5`, true);
  checksum(item, 'checksum', `${at}.checksum`, true);
  checksum(item, 'etag', `${at}.etag`, false);
  stringField(item, 'version_id', `${at}.version_id`);
  const size = wholeNumber(item, 'size', at);
  const nfiles = wholeNumber(item, 'nfiles', at);
  const isexec = boolField(item, 'isexec', `${at}.isexec`);
  return { md5, size, nfiles, isexec };
}

/** `CLOUD_SCHEMA`: at most one remote's name, mapped to the hash and meta fields the object has there. */
function cloud(item: RawMap, at: string): void {
  const value = item.get('cloud');
  if (value === undefined) return;
  if (!isRawMap(value)) throw new UserError(`${at}.cloud must be a mapping of a remote's name to its fields, not ${describeValue(value)}.`);
  if (value.size > 1) throw new UserError(`${at}.cloud must name at most one remote, not ${value.size}.`);
  for (const [name, fields] of value) {
    const key = keyValue(value, name);
    if (typeof key !== 'string') throw new UserError(`${at}.cloud: a remote's name is ${describeValue(key)}, not a string.`);
    const where = `${at}.cloud.${name}`;
    if (!isRawMap(fields)) throw new UserError(`${where} must be a mapping of hash and meta fields, not ${describeValue(fields)}.`);
    onlyKeys(fields, HASH_META_KEYS, where);
    hashAndMeta(fields, where);
  }
}

/**
 * A hash field as DVC's `CHECKSUM_SCHEMA` takes it: empty or null is no hash; a string (or an int, which YAML makes
 * of an all-digit hash) of at least 3 characters is one, lower-cased unless the field is case-sensitive (`etag`).
 * `named`: how messages name the field (`x.dvc: outs[0].md5`).
 */
export function checksum(item: RawMap, key: string, named: string, lower: boolean): string | null {
  const v = item.get(key);
  if (v === undefined || v === null || v === '') return null;
  // Python's bool is an int: voluptuous lets `True` through as the text 'True'.
  const text = typeof v === 'string' ? v : isInt(v) ? (typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v)) : null;
  if (text === null) throw new UserError(`${named} must be a hash (a string), not ${describeValue(v)}.`);
  if (text.length < 3) throw new UserError(`${named} must be a hash of at least 3 characters, not ${describeValue(v)}.`);
  return lower ? text.toLowerCase() : text;
}

function wholeNumber(item: RawMap, key: string, at: string): number | undefined {
  const v = item.get(key);
  if (v === undefined) return undefined;
  if (!isInt(v)) throw new UserError(`${at}.${key} must be a whole number, not ${describeValue(v)}.`);
  return Number(v);
}

/** A Python int as voluptuous's `int` check sees it: bools included (YAML floats are never ints, even `1.0`). */
function isInt(v: Raw): v is number | bigint | boolean {
  return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint' || typeof v === 'boolean';
}
