import { diffIsFloat } from '../values/diff';
import { diffLeaf, displayValue } from '../values/pyformat';
import type { Leaf, ValueRow } from '../values/types';

/** A value as a table shows it: `-` when absent; floats rounded for display (full precision stays in JSON). */
export function formatLeaf(value: Leaf | undefined, precision: number | null = 5): string {
  return displayValue(value, precision);
}

/**
 * A row's change as `+0.01234 (+2.5%)`: DVC's diff, rounded like its tables, and the relative change.
 * `formatChange(diff, old)` (a diff and the old value) is accepted too.
 */
export function formatChange(row: ValueRow, precision?: number | null): string;
export function formatChange(diff: number | undefined, old: Leaf | undefined): string;
export function formatChange(first: ValueRow | number | undefined, second?: number | null | Leaf): string {
  const isRow = typeof first === 'object' && first !== null;
  const row = isRow ? first : legacyRow(first, second as Leaf | undefined);
  const precision = isRow && (typeof second === 'number' || second === null) ? second : 5;
  if (row.diff === undefined) return '-';
  const abs = displayValue(diffLeaf(row.diff, diffIsFloat(row)), precision);
  const signed = row.diff > 0 ? `+${abs}` : abs;
  if (row.relative === undefined || row.diff === 0 || !Number.isFinite(row.relative)) return signed;
  const pct = row.relative * 100;
  return `${signed} (${pct > 0 ? '+' : ''}${pct.toFixed(Math.abs(pct) < 10 ? 1 : 0)}%)`;
}

function legacyRow(diff: number | undefined, old: Leaf | undefined): ValueRow {
  const o = typeof old === 'number' ? old : undefined;
  const relative = diff !== undefined && o !== undefined && o !== 0 ? diff / Math.abs(o) : undefined;
  return { key: '', old, new: undefined, diff, relative, changed: true };
}
