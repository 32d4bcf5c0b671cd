import { UserError } from '../util/errors';
import { pyRepr } from '../dvc/python/format';
import {
  fromPlain,
  isPyFalsy,
  isRawMap,
  mapFrom,
  PyCollection,
  PyDate,
  PyDateTime,
  PyFloat,
  pyEqualityKey,
  PyTime,
  type Raw,
  type RawMap,
} from '../dvc/python/value';
import { floatLeaf, intLeaf, type Leaf } from './types';

/** Plain JavaScript data (already parsed) flattened as metrics or params; JS numbers are ints when integral. */
export function flattenValues(data: unknown, kind: 'metrics' | 'params'): Map<string, Leaf> {
  return kind === 'metrics' ? flattenMetrics(fromPlain(data)) : flattenParams(fromPlain(data));
}

/** More flattened values than this is not a metrics file (e.g. a YAML alias bomb); say so instead of hanging. */
export const MAX_VALUES = 1_000_000;

/**
 * Metrics as DVC extracts them (dvc/repo/metrics/show.py `_extract_metrics`): numbers, strings and
 * booleans are kept; lists, nulls and mappings left empty are dropped; nested keys join with `.`; a file
 * holding one scalar is one metric named `` (and a falsy one, like DVC's `val or {}`, is no metric).
 */
export function flattenMetrics(data: Raw): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  if (Array.isArray(data) || data instanceof PyCollection) {
    // DVC silently shows nothing for these; a clear error helps more (the usual cause: a plot file listed as metrics).
    throw new UserError(
      `expected a mapping of metrics (or a single value), found a list of ${data instanceof PyCollection ? data.items.length : data.length} items; is this a plots file?`,
    );
  }
  if (!isRawMap(data)) {
    const leaf = metricLeaf(data);
    if (leaf !== undefined && leaf !== null && leaf !== 0 && leaf !== '' && leaf !== false && !isZeroFloat(data)) out.set('', leaf);
    return out;
  }
  const visit = (map: RawMap, prefix: string): void => {
    for (const [k, v] of map) {
      const key = ownKey(prefix, k);
      if (isRawMap(v)) visit(v, `${key}.`);
      else {
        const leaf = metricLeaf(v);
        if (leaf !== undefined && leaf !== null) add(out, key, leaf);
      }
    }
  };
  visit(data, '');
  return out;
}

/**
 * Params as DVC shows them: everything kept; nested keys join with `.`; empty mappings vanish; lists
 * (and tuples, sets) become the text Python prints (`['a', 'b']`); null stays null. `keyPaths` limits the
 * result to those dotted paths (a stage's `params: [{file: [keys]}]`), `*` matching one level, re-nested as
 * DVC's `read_param_file` re-nests them; with `flatKeys` (tracked vars: DVC records each key used with its
 * value) each path is a key of its own (`sizes.0`).
 */
export function flattenParams(data: Raw, keyPaths: string[] = [], flatKeys = false): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  if (!isRawMap(data)) {
    // DVC's loaders return `data or {}`: an empty or falsy document is no params.
    if (!isPyFalsy(data)) out.set('', leafOf(data));
    return out;
  }
  const root = !keyPaths.length ? data : flatKeys ? pickPaths(data, keyPaths) : selectPaths(data, keyPaths);
  let equality: Map<string, string> | undefined;
  const visit = (map: RawMap, prefix: string): void => {
    for (const [k, v] of map) {
      const key = ownKey(prefix, k);
      if (isRawMap(v)) visit(v, `${key}.`);
      else {
        add(out, key, leafOf(v));
        if (v instanceof PyCollection) (equality ??= new Map()).set(key, pyEqualityKey(v));
      }
    }
  };
  visit(root, '');
  if (equality) equalityKeys.set(out, equality);
  return out;
}

/**
 * For params that are a tuple or a set, what Python's `==` compares (`pyEqualityKey`), by key. DVC's diff compares
 * such values with `==` (dvc/utils/diff.py; only a list is turned into its text first, by `format_dict`), so two equal
 * sets are no change even where they print differently: a set prints in the order it was built where hashes collide
 * (`{1, 9}` and `{9, 1}`).
 */
const equalityKeys = new WeakMap<Map<string, Leaf>, Map<string, string>>();

/** The `==` texts of a flattened file's tuple and set params (`flattenParams`), by key; undefined when it has none. */
export function collectionEquality(values: Map<string, Leaf>): ReadonlyMap<string, string> | undefined {
  return equalityKeys.get(values);
}

/**
 * `prefix + k` as one string of its own. A key read from a file is a slice sharing the whole text's characters,
 * and a joined key points at its parts: kept as they are, a million keys keep the file's text alive for as long as
 * the diff lives. Reading a character makes V8 copy the key into one flat string (a slice is copied by the join).
 */
function ownKey(prefix: string, k: string): string {
  const key = prefix ? prefix + k : ` ${k}`.slice(1);
  key.charCodeAt(0);
  return key;
}

function add(out: Map<string, Leaf>, key: string, leaf: Leaf): void {
  if (out.size >= MAX_VALUES) throw new UserError(`more than ${MAX_VALUES.toLocaleString('en-US')} values (a runaway file, or YAML aliases that multiply)`);
  out.set(key, leaf);
}

function leafOf(v: Raw): Leaf {
  const leaf = scalarLeaf(v);
  if (leaf !== undefined) return leaf;
  return pyRepr(v);
}

/** A scalar as a Leaf; undefined for lists, tuples, sets and mappings. */
function scalarLeaf(v: Raw): Leaf | undefined {
  if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'bigint') return intLeaf(v);
  if (v instanceof PyFloat) return floatLeaf(v.value);
  // Python's str() of a date or date-time, as DVC's tables print it.
  if (v instanceof PyDate) return v.iso;
  if (v instanceof PyDateTime || v instanceof PyTime) return v.text;
  if (v instanceof PyCollection || Array.isArray(v) || isRawMap(v)) return undefined;
  return undefined;
}

/** A metric: DVC's `_extract_metrics` keeps ints, floats (booleans among them) and strings, not dates or times. */
function metricLeaf(v: Raw): Leaf | undefined {
  return v instanceof PyDate || v instanceof PyDateTime || v instanceof PyTime ? undefined : scalarLeaf(v);
}

function isZeroFloat(v: Raw): boolean {
  return v instanceof PyFloat && v.value === 0;
}

/**
 * `read_param_file` for dotted key paths (dvc/dependency/param.py): each path's `dpath.search` — a fresh structure
 * holding just what it matches, `*` any one level; through a list the list is kept, padded with None up to the index
 * (`layers.0.units` → `{layers: [{units: 64}]}`, shown as the list's text as DVC shows it) — merged as `dpath.merge`
 * does by default: mappings merged key by key, two lists joined, anything else replaced.
 */
function selectPaths(data: RawMap, keyPaths: string[]): RawMap {
  const result: RawMap = new Map();
  for (const path of new Set(keyPaths)) {
    const found = searchPath(data, path.split('.'));
    if (isRawMap(found)) mergeAdditive(result, found);
  }
  return result;
}

function searchPath(node: Raw, parts: string[]): Raw | undefined {
  const [head, ...rest] = parts;
  if (head === undefined) return undefined;
  const list = Array.isArray(node) ? node : null;
  if (!list && !isRawMap(node)) return undefined;
  const children: [string, Raw][] = list ? list.map((v, i) => [String(i), v]) : [...(node as RawMap)];
  let map: RawMap | undefined;
  let items: Raw[] | undefined;
  for (const [k, v] of children) {
    if (head !== '*' && head !== k) continue;
    const found = rest.length ? searchPath(v, rest) : deepCopy(v);
    if (found === undefined) continue;
    if (!list) (map ??= new Map()).set(k, found);
    else {
      items ??= [];
      while (items.length < Number(k)) items.push(null);
      items[Number(k)] = found;
    }
  }
  return list ? items : map;
}

/** Each dotted path's value under the path itself, as DVC's tracked vars hold them (`{'sizes.0': 1}`). */
function pickPaths(data: RawMap, keyPaths: string[]): RawMap {
  const result: RawMap = new Map();
  for (const path of keyPaths) {
    let node: Raw | undefined = data;
    for (const part of path.split('.')) node = isRawMap(node) ? node.get(part) : Array.isArray(node) && /^\d+$/.test(part) ? node[Number(part)] : undefined;
    if (node !== undefined) result.set(path, node);
  }
  return result;
}

/** `dpath.merge(dst, src)` with its default, `MergeType.ADDITIVE`. */
function mergeAdditive(dst: RawMap, src: RawMap): void {
  for (const [k, found] of src) {
    const target = dst.get(k);
    if (isRawMap(target) && isRawMap(found)) mergeAdditive(target, found);
    else if (Array.isArray(target) && Array.isArray(found)) for (const item of found) target.push(item);
    else dst.set(k, found);
  }
}

/** `copy.deepcopy` of mappings and lists, so that merging never changes the file's own values. */
function deepCopy(v: Raw): Raw {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (isRawMap(v))
    return mapFrom(
      [...v].map(([k, x]) => [k, deepCopy(x)] as const),
      v,
    );
  return v;
}
