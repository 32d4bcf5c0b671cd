import { diffIsFloat } from '../values/diff';
import { diffLeaf, displayValue } from '../values/pyformat';
import type { Leaf, ValueRow } from '../values/types';

/** A value as a table shows it: `-` when absent; floats rounded for display (full precision stays in JSON). */
export function formatLeaf(value: Leaf | undefined, precision: number | null = 5): string {
  return displayValue(value, precision);
}

/** A row's change as `+0.01234 (+2.5%)`: DVC's diff, rounded like its tables, and the relative change. */
export function formatChange(row: ValueRow, precision: number | null = 5): string {
  if (row.diff === undefined) return '-';
  const abs = displayValue(diffLeaf(row.diff, diffIsFloat(row)), precision);
  const signed = row.diff > 0 ? `+${abs}` : abs;
  if (row.relative === undefined || row.diff === 0 || !Number.isFinite(row.relative)) return signed;
  const pct = row.relative * 100;
  return `${signed} (${pct > 0 ? '+' : ''}${pct.toFixed(Math.abs(pct) < 10 ? 1 : 0)}%)`;
}
