import { lttbIndices } from './lttb';
import { PlotDataError } from './datapoints';
import type { Datapoint } from './types';

/** Points per series above which a line is downsampled (≥ 1.5 points per device pixel at 2× density). */
export const MAX_LINE_POINTS = 2000;
/** Scatter plots keep more points: every point is a mark, but there is no line shape to preserve. */
export const MAX_SCATTER_POINTS = 5000;

/**
 * Makes `field` numeric in every point (CSV gives strings). Blank, `nan` and null values drop the point, as
 * a gap in a logged series; anything else that is not a number is an error naming the file, field and row.
 */
export function coerceNumeric(points: Datapoint[], field: string, axis: 'x' | 'y'): { points: Datapoint[]; dropped: number } {
  const kept: Datapoint[] = [];
  const rowInSeries = new Map<string, number>();
  let dropped = 0;
  for (const p of points) {
    const key = `${p.rev}\0${p.filename}\0${p.field}`;
    const row = (rowInSeries.get(key) ?? 0) + 1;
    rowInSeries.set(key, row);
    const value = toNumber(p[field]);
    if (value === undefined) {
      throw new PlotDataError(
        `${axis} field '${field}' in ${String(p.filename)} (${String(p.rev)}) is ${JSON.stringify(p[field])} at data row ${row}: expected a number`,
      );
    }
    if (Number.isNaN(value)) {
      dropped++;
      continue;
    }
    kept.push({ ...p, [field]: value });
  }
  return { points: kept, dropped };
}

/** A number, NaN for a missing value, undefined for text that is not a number. */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (value === null || value === undefined) return Number.NaN;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  if (t === '' || /^[+-]?(nan|inf(inity)?)$/i.test(t)) return Number.NaN;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** Groups points into series (one line each: revision × file × field), keeping their order. */
export function groupSeries(points: Datapoint[]): Datapoint[][] {
  const groups = new Map<string, Datapoint[]>();
  for (const p of points) {
    const key = `${p.rev}\0${p.series}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(p);
  }
  return [...groups.values()];
}

export interface Downsampled {
  points: Datapoint[];
  /** The longest series' length before downsampling, when any series was downsampled. */
  from: number | null;
}

/** LTTB per series (sorted by x first), so 100k-step curves render in milliseconds and keep their shape. */
export function downsampleLines(points: Datapoint[], x: string, y: string, max = MAX_LINE_POINTS): Downsampled {
  let from: number | null = null;
  const out: Datapoint[] = [];
  for (const series of groupSeries(points)) {
    if (series.length <= max) {
      out.push(...series);
      continue;
    }
    from = Math.max(from ?? 0, series.length);
    const sorted = [...series].sort((a, b) => (a[x] as number) - (b[x] as number));
    const xs = Float64Array.from(sorted, (p) => p[x] as number);
    const ys = Float64Array.from(sorted, (p) => p[y] as number);
    for (const i of lttbIndices(xs, ys, max)) out.push(sorted[i]!);
  }
  return { points: out, from };
}

/** Every k-th point of long scatter series (no shape to keep; an even thinning keeps the density). */
export function thinScatter(points: Datapoint[], max = MAX_SCATTER_POINTS): Downsampled {
  let from: number | null = null;
  const out: Datapoint[] = [];
  for (const series of groupSeries(points)) {
    if (series.length <= max) {
      out.push(...series);
      continue;
    }
    from = Math.max(from ?? 0, series.length);
    const step = series.length / max;
    for (let i = 0; i < max; i++) out.push(series[Math.floor(i * step)]!);
  }
  return { points: out, from };
}
