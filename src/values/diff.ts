import { isFloat, numericValue, type FileDiff, type Leaf, type ValueFile, type ValueRow } from './types';

/**
 * Diffs one file's values at two revisions the way `dvc metrics/params diff` does (dvc/utils/diff.py):
 * a key missing on one side is None there; equality is Python's (`1 == 1.0`, `True == 1`, NaN never
 * equal); `diff` only when both sides are numbers. Every key is returned, sorted; `changed` says which
 * ones DVC shows without `--all`.
 */
export function diffValueFile(path: string, base: ValueFile | null, head: ValueFile, names = { base: 'base', head: 'head' }): FileDiff {
  const notes: string[] = [];
  const side = (file: ValueFile | null, name: string): Map<string, Leaf> => {
    if (!file) return new Map();
    if (file.status === 'ok') {
      for (const w of file.warnings ?? []) notes.push(`${name}: ${w}`);
      return file.values;
    }
    notes.push(file.status === 'missing' ? (file.note ?? `not present at ${name}`) : `${name}: ${file.message}`);
    return new Map();
  };
  const old = side(base, names.base);
  const now = side(head, names.head);
  // The union of both sides' keys without spreading them into one call or a Set: a million keys a side stay cheap.
  const keys = Array.from(old.keys());
  for (const key of now.keys()) if (!old.has(key)) keys.push(key);
  keys.sort(compareKeys);
  const rows = new Array<ValueRow>(keys.length);
  for (let i = 0; i < keys.length; i++) rows[i] = diffRow(keys[i]!, old.get(keys[i]!), now.get(keys[i]!));
  return { path, rows, notes };
}

export function diffRow(key: string, o: Leaf | undefined, n: Leaf | undefined): ValueRow {
  const changed = !pyEqual(o ?? null, n ?? null);
  const a = numericValue(o);
  const b = numericValue(n);
  if (a === undefined || b === undefined) return { key, old: o, new: n, changed };
  // Each shape made whole in one literal: V8 keeps its fields inside the object (a million rows: ≈40 MB less
  // than fields added afterwards, which go to a separate store).
  const diff = b - a;
  if (a !== 0 && Number.isFinite(a)) return { key, old: o, new: n, changed, diff, relative: diff / Math.abs(a) };
  return { key, old: o, new: n, changed, diff };
}

/** Python's `==` between two leaves. */
export function pyEqual(a: Leaf, b: Leaf): boolean {
  const x = numericValue(a);
  const y = numericValue(b);
  if (x !== undefined || y !== undefined) return x !== undefined && y !== undefined && x === y;
  return a === b;
}

/** True when Python would compute the diff as a float (either side a float). */
export function diffIsFloat(row: ValueRow): boolean {
  return isFloat(row.old) || isFloat(row.new);
}

/** Python's sort order for str keys: by code point (UTF-16 order differs only for astral characters). */
function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    // A surrogate stands for a code point above every BMP character.
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
