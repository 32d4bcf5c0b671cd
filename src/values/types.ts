/**
 * A float that JavaScript cannot tell from an int: integral floats as written (`1.0`, `1e3`) and NaN/±inf.
 * DVC shows these as Python does (`1.0`, `nan`, `inf`), so the file's own type is kept.
 * Non-finite values are strings so report.json stays valid JSON.
 */
export interface FloatLeaf {
  float: number | 'NaN' | 'Infinity' | '-Infinity';
}

/**
 * A flattened value as read from a file. Plain JS numbers are ints when integral and floats otherwise;
 * integral floats and non-finite floats are a `FloatLeaf`. Params lists/tuples/dicts in lists are kept
 * as the text Python would print (`['a', 'b']`), as DVC does. Use `numericValue`/`displayValue` rather
 * than inspecting the representation.
 */
export type Leaf = number | string | boolean | null | FloatLeaf;

/** A metrics or params file read at one revision. */
export type ValueFile =
  { status: 'ok'; values: Map<string, Leaf>; warnings?: string[] } | { status: 'missing'; note?: string } | { status: 'error'; message: string };

export interface ValueRow {
  key: string;
  /** undefined: the key does not exist on that side (DVC shows `-`, its JSON `null`). */
  old: Leaf | undefined;
  new: Leaf | undefined;
  /** new − old, only when both sides are numbers (Python's rule, so booleans count as 0/1). */
  diff?: number;
  /** diff / |old|, when diff exists and old is not 0. */
  relative?: number;
  changed: boolean;
}

export interface FileDiff {
  path: string;
  rows: ValueRow[];
  /** Why a side has no values (missing file, parse error), for the report. */
  notes: string[];
}

export function isFloatLeaf(value: unknown): value is FloatLeaf {
  return value !== null && typeof value === 'object' && 'float' in value;
}

/** The number a leaf holds (booleans are 0/1, as in Python), or undefined for strings, null and absent. */
export function numericValue(leaf: Leaf | undefined): number | undefined {
  if (typeof leaf === 'number') return leaf;
  if (typeof leaf === 'boolean') return leaf ? 1 : 0;
  if (isFloatLeaf(leaf)) return typeof leaf.float === 'number' ? leaf.float : Number(leaf.float);
  return undefined;
}

/** True when the leaf is a Python float (as opposed to an int or bool). */
export function isFloat(leaf: Leaf | undefined): boolean {
  return isFloatLeaf(leaf) || (typeof leaf === 'number' && !Number.isInteger(leaf));
}

/** Makes a leaf from a JS number known to be a float. */
export function floatLeaf(value: number): Leaf {
  if (Number.isNaN(value)) return { float: 'NaN' };
  if (value === Infinity) return { float: 'Infinity' };
  if (value === -Infinity) return { float: '-Infinity' };
  return Number.isInteger(value) ? { float: value } : value;
}
