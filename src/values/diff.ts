import type { FileDiff, Leaf, ValueFile, ValueRow } from './types';

/** Diffs one file's values at base and head; rows sorted by key, unchanged rows kept (flagged). */
export function diffValueFile(path: string, base: ValueFile | null, head: ValueFile): FileDiff {
  const notes: string[] = [];
  const side = (file: ValueFile | null, name: string): Map<string, Leaf> => {
    if (!file) return new Map();
    if (file.status === 'ok') return file.values;
    notes.push(file.status === 'missing' ? `not present at ${name}` : `${name}: ${file.message}`);
    return new Map();
  };
  const old = side(base, 'base');
  const now = side(head, 'head');
  const keys = [...new Set([...old.keys(), ...now.keys()])].sort();
  const rows = keys.map((key): ValueRow => {
    const o = old.has(key) ? old.get(key) : undefined;
    const n = now.has(key) ? now.get(key) : undefined;
    const row: ValueRow = { key, old: o, new: n, changed: !(old.has(key) && now.has(key) && o === n) };
    if (typeof o === 'number' && typeof n === 'number') row.diff = n - o;
    return row;
  });
  return { path, rows, notes };
}
