import type { Datapoint } from './types';

/**
 * Values whose range is wider than a double can hold (1e308 and -1e308 in one column: max − min overflows to
 * Infinity) leave vega's linear scale with an infinite span: every point maps to one edge and the axis gets a single
 * tick labelled "NaN". Such a field is drawn in units of a power of ten instead, so its span is a few units; the
 * axis title says which (`loss (×1e308)`), as a chart of very large numbers usually does. The factor of 10 leaves
 * room for the scale's rounding of its ends to nice numbers, which can add a step to the span.
 */
export function rescaleHuge(points: Datapoint[], field: string): { points: Datapoint[]; power: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    const v = p[field];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max || Number.isFinite((max - min) * 10)) return null;
  const power = Math.floor(Math.log10(Math.max(Math.abs(min), Math.abs(max))));
  const unit = 10 ** power;
  return { points: points.map((p) => (typeof p[field] === 'number' ? { ...p, [field]: p[field] / unit } : p)), power };
}

/** An axis title with the unit its values are drawn in. */
export function inUnits(label: string, power: number): string {
  return `${label} (×1e${power})`;
}
