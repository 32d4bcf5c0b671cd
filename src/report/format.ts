import type { Leaf } from '../values/types';

/** A value as a table shows it: `-` when absent; floats rounded for display (full precision stays in JSON). */
export function formatLeaf(value: Leaf | undefined, precision = 5): string {
  if (value === undefined || value === null) return '-';
  if (typeof value === 'number') return formatNumber(value, precision);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return value;
}

export function formatNumber(value: number, precision = 5): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(precision)));
}

export function formatChange(diff: number | undefined, old: Leaf | undefined): string {
  if (diff === undefined) return '-';
  const sign = diff > 0 ? '+' : '';
  const abs = `${sign}${formatNumber(diff)}`;
  if (typeof old === 'number' && old !== 0 && diff !== 0) {
    const pct = (diff / Math.abs(old)) * 100;
    return `${abs} (${pct > 0 ? '+' : ''}${pct.toFixed(Math.abs(pct) < 10 ? 1 : 0)}%)`;
  }
  return abs;
}
