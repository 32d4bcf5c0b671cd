/** A flattened leaf as shown in tables: numbers, strings, booleans, or null. */
export type Leaf = number | string | boolean | null;

/** A metrics or params file read at one revision. */
export type ValueFile =
  | { status: 'ok'; values: Map<string, Leaf> }
  | { status: 'missing' }
  | { status: 'error'; message: string };

export interface ValueRow {
  key: string;
  /** undefined: the key does not exist on that side (DVC shows `-`). */
  old: Leaf | undefined;
  new: Leaf | undefined;
  /** new − old, only when both sides are numbers. */
  diff?: number;
  changed: boolean;
}

export interface FileDiff {
  path: string;
  rows: ValueRow[];
  /** Why a side has no values (missing file, parse error), for the report. */
  notes: string[];
}
