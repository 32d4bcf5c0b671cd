import { FlatValues, KeyTable, valueCount } from './flat';
import { collectionEquality } from './flatten';
import { diffLeaf } from './pyformat';
import { unparsedNote } from './unread-notes';
import { exactInt, intLeaf, isFloat, isIntLeaf, numericValue, type FileDiff, type Leaf, type ValueFile, type ValueRow } from './types';

/** Files with at most this many keys (a side) get their rows when diffed (`smallRows`). */
const EAGER_ROWS = 64;
/** A diff's rows kept as columns until someone asks for `rows`: writers read them a row at a time. */
const columnsOf = new WeakMap<FileDiff, DiffColumns>();

class DiffColumns {
  constructor(
    private readonly old: FlatValues,
    private readonly now: FlatValues,
    /** Key indices, in the order of the rows. */
    private readonly order: Int32Array,
    private readonly equality: Equality,
  ) {}

  get length(): number {
    return this.order.length;
  }

  row(n: number): ValueRow {
    const i = this.order[n]!;
    const key = this.old.table.key(i);
    return diffRow(key, this.old.leaf(i), this.now.leaf(i), sameCollection(this.equality, key));
  }
}

/**
 * Diffs one file's values at two revisions the way `dvc metrics/params diff` does (dvc/utils/diff.py):
 * a key missing on one side is None there; equality is Python's (`1 == 1.0`, `True == 1`, NaN never
 * equal); `diff` only when both sides are numbers. Every key is returned, sorted; `changed` says which
 * ones DVC shows without `--all`. The rows are made when `rows` is first read; `diffRows` hands them out one
 * at a time without keeping them.
 */
export function diffValueFile(path: string, base: ValueFile | null, head: ValueFile, names = { base: 'base', head: 'head' }): FileDiff {
  const notes: string[] = [];
  const side = (file: ValueFile | null, name: string): FlatValues | Map<string, Leaf> => {
    if (!file) return new Map();
    if (file.status === 'ok') {
      for (const w of file.warnings ?? []) notes.push(`${name}: ${w}`);
      return file.values;
    }
    notes.push(file.status === 'missing' ? (file.note ?? `not present at ${name}`) : unparsedNote(name, file.message));
    return new Map();
  };
  const a = side(base, names.base);
  const b = side(head, names.head);
  const equality: Equality = [a instanceof Map ? collectionEquality(a) : undefined, b instanceof Map ? collectionEquality(b) : undefined];
  // Rows own and enumerable, between path and notes, like the plain object it was: spreads and JSON see it as before.
  const diff = { path } as FileDiff;
  Object.defineProperty(diff, 'rows', LAZY_ROWS);
  diff.notes = notes;
  const small = valueCount(a) <= EAGER_ROWS && valueCount(b) <= EAGER_ROWS ? smallRows(a, b, equality) : null;
  if (small) {
    settleRows(diff, small);
    return diff;
  }
  // Both sides in one key table: the head's, when it was read into the base's.
  const table = a instanceof FlatValues ? a.table : b instanceof FlatValues ? b.table : new KeyTable();
  const inTable = (values: FlatValues | Map<string, Leaf>): FlatValues =>
    values instanceof FlatValues && values.table === table ? values : FlatValues.fromMap(values instanceof FlatValues ? values.toMap() : values, table);
  const old = inTable(a);
  const now = inTable(b);
  let count = 0;
  for (let i = 0; i < table.size; i++) if (old.has(i) || now.has(i)) count++;
  const order = new Int32Array(count);
  for (let i = 0, n = 0; i < table.size; i++) if (old.has(i) || now.has(i)) order[n++] = i;
  order.sort((x, y) => table.compare(x, y));
  const columns = new DiffColumns(old, now, order, equality);
  // A small file here has a key with a surrogate (`smallRows`): its rows are made now all the same.
  if (order.length <= EAGER_ROWS) settleRows(diff, allRows(columns));
  else columnsOf.set(diff, columns);
  return diff;
}

/** A key with a UTF-16 surrogate: JavaScript's string order is not code point order there. */
const SURROGATE = /[\ud800-\udfff]/;

/**
 * The rows of a small file (at most `EAGER_ROWS` keys a side), made now and straight from its keys: no key table, no
 * columns. Made later, its values would outlive the young generation and be collected by a full GC; put in a table,
 * each params key would be encoded to bytes and decoded back (a report of thousands of small files). Null where a
 * key holds a surrogate: the table's byte order sorts those as Python does.
 */
function smallRows(a: FlatValues | Map<string, Leaf>, b: FlatValues | Map<string, Leaf>, equality: Equality): ValueRow[] | null {
  const old = a instanceof FlatValues ? a.toMap() : a;
  const now = b instanceof FlatValues ? b.toMap() : b;
  const keys: string[] = [];
  for (const key of old.keys()) keys.push(key);
  for (const key of now.keys()) if (!old.has(key)) keys.push(key);
  for (let i = 0; i < keys.length; i++) if (SURROGATE.test(keys[i]!)) return null;
  // Without surrogates, JavaScript's order of UTF-16 units is code point order (Python's sort of the keys).
  keys.sort();
  const rows = new Array<ValueRow>(keys.length);
  for (let i = 0; i < keys.length; i++) rows[i] = diffRow(keys[i]!, old.get(keys[i]!), now.get(keys[i]!), sameCollection(equality, keys[i]!));
  return rows;
}

/** The base's and the head's `==` texts of their tuple and set params (`collectionEquality`). */
type Equality = readonly [ReadonlyMap<string, string> | undefined, ReadonlyMap<string, string> | undefined];

/**
 * Whether a key's values are equal by Python's `==` where a side is a tuple or a set, whose printed text does not tell
 * it (`{1, 9} == {9, 1}`); undefined where neither side is one, and their leaves decide.
 */
function sameCollection([old, now]: Equality, key: string): boolean | undefined {
  const x = old?.get(key);
  const y = now?.get(key);
  return x === undefined && y === undefined ? undefined : x === y;
}

/** Rows made, or set, in place of a diff's columns. */
const rowsOf = new WeakMap<FileDiff, ValueRow[]>();

/**
 * Every diff's `rows` accessor is this one pair of functions: a pair of closures made for each diff gave each its own
 * property store (V8's dictionary mode), and every later read of a report's thousand diffs (the verdict, redaction,
 * report.json, report.md) paid a lookup by name.
 */
const LAZY_ROWS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: FileDiff): ValueRow[] {
    const kept = rowsOf.get(this);
    if (kept) return kept;
    const made = allRows(columnsOf.get(this)!);
    settleRows(this, made);
    return made;
  },
  set(this: FileDiff, rows: ValueRow[]): void {
    settleRows(this, rows);
  },
};

/** Every row of a diff's columns, made. */
function allRows(columns: DiffColumns): ValueRow[] {
  const made = new Array<ValueRow>(columns.length);
  for (let n = 0; n < made.length; n++) made[n] = columns.row(n);
  return made;
}

/** Keeps the rows; lets go of the columns, which would hold both sides' values a second time. */
function settleRows(diff: FileDiff, rows: ValueRow[]): void {
  rowsOf.set(diff, rows);
  columnsOf.delete(diff);
}

/** A file's rows one at a time, made as they are asked for when the diff still has them as columns. */
export function* diffRows(file: FileDiff): Generator<ValueRow> {
  const columns = columnsOf.get(file);
  if (!columns) {
    yield* file.rows;
    return;
  }
  for (let n = 0; n < columns.length; n++) yield columns.row(n);
}

/** `same`: whether the sides are equal where their leaves cannot tell (`sameCollection`). */
export function diffRow(key: string, o: Leaf | undefined, n: Leaf | undefined, same?: boolean): ValueRow {
  if (isIntLeaf(o) || isIntLeaf(n)) return bigIntRow(key, o, n);
  const changed = same === undefined ? !pyEqual(o ?? null, n ?? null) : !same;
  const a = numericValue(o);
  const b = numericValue(n);
  if (a === undefined || b === undefined) return { key, old: o, new: n, changed };
  // Each shape made whole in one literal: V8 keeps its fields inside the object (a million rows: ≈40 MB less
  // than fields added afterwards, which go to a separate store).
  const diff = b - a;
  if (a !== 0 && Number.isFinite(a)) return { key, old: o, new: n, changed, diff, relative: diff / Math.abs(a) };
  return { key, old: o, new: n, changed, diff };
}

/**
 * A row with an int beyond ±2^53 on a side: compared and subtracted exactly, as Python does with its ints (an int
 * and a float: the float's exact value compared, the int made a float to subtract). Apart from the common path, which
 * never meets one.
 */
function bigIntRow(key: string, o: Leaf | undefined, n: Leaf | undefined): ValueRow {
  const changed = !pyEqual(o ?? null, n ?? null);
  const a = numericValue(o);
  const b = numericValue(n);
  if (a === undefined || b === undefined) return { key, old: o, new: n, changed };
  const x = exactInt(o);
  const y = exactInt(n);
  const diff = x !== null && y !== null ? Number(y - x) : b - a;
  if (a !== 0 && Number.isFinite(a)) return { key, old: o, new: n, changed, diff, relative: diff / Math.abs(a) };
  return { key, old: o, new: n, changed, diff };
}

/** new − old exactly, when both sides are ints and one is beyond ±2^53 (`diff` is then the nearest double); else null. */
export function exactDiff(row: ValueRow): bigint | null {
  if (row.diff === undefined || !(isIntLeaf(row.old) || isIntLeaf(row.new))) return null;
  const x = exactInt(row.old);
  const y = exactInt(row.new);
  return x !== null && y !== null ? y - x : null;
}

/**
 * A row's diff (new − old) as a leaf, as Python computes it: a float when a side is one, an exact int otherwise;
 * undefined when the row has none.
 */
export function rowDiffLeaf(row: ValueRow): Leaf | undefined {
  if (row.diff === undefined) return undefined;
  const exact = exactDiff(row);
  return exact === null ? diffLeaf(row.diff, diffIsFloat(row)) : intLeaf(exact);
}

/** Python's `==` between two leaves. */
export function pyEqual(a: Leaf, b: Leaf): boolean {
  if (isIntLeaf(a) || isIntLeaf(b)) return exactEqual(a, b);
  const x = numericValue(a);
  const y = numericValue(b);
  if (x !== undefined || y !== undefined) return x !== undefined && y !== undefined && x === y;
  return a === b;
}

/** Python's `==` where a side is an int beyond ±2^53: exact, a float equal only when it is that very integer. */
function exactEqual(a: Leaf, b: Leaf): boolean {
  const exact = (leaf: Leaf): bigint | null => {
    const int = exactInt(leaf);
    if (int !== null) return int;
    const n = numericValue(leaf);
    return n !== undefined && Number.isInteger(n) ? BigInt(n) : null;
  };
  const x = exact(a);
  return x !== null && x === exact(b);
}

/** True when Python would compute the diff as a float (either side a float). */
export function diffIsFloat(row: ValueRow): boolean {
  return isFloat(row.old) || isFloat(row.new);
}
