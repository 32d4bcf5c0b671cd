import { lttbIndices } from './lttb';
import { PlotDataError, type SeriesColumns } from './datapoints';
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
  // Points are this module's own copies, so values are converted in place (100k-row logs stay fast).
  const kept: Datapoint[] = [];
  let dropped = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const value = toNumber(p[field]);
    if (value === undefined) {
      throw new PlotDataError(
        `${axis} field '${field}' in ${String(p.filename)} (${String(p.rev)}) is ${JSON.stringify(p[field])} at data row ${rowOf(points, i)}: expected a number`,
      );
    }
    if (Number.isNaN(value)) {
      dropped++;
      continue;
    }
    p[field] = value;
    kept.push(p);
  }
  return { points: kept, dropped };
}

/** The 1-based row of points[i] within its file and field (for messages only). */
function rowOf(points: Datapoint[], i: number): number {
  const p = points[i]!;
  let row = 1;
  for (let j = 0; j < i; j++) {
    const q = points[j]!;
    if (q.rev === p.rev && q.filename === p.filename && q.field === p.field) row++;
  }
  return row;
}

export interface ReduceOptions {
  x: string;
  y: string;
  numericX: boolean;
  numericY: boolean;
  /** 'lines': LTTB to MAX_LINE_POINTS; 'points': even thinning to MAX_SCATTER_POINTS; 'all': keep all. */
  reduce: 'lines' | 'points' | 'all';
}

export interface Reduced {
  points: Datapoint[];
  dropped: number;
  /** The longest series' length when any was downsampled or thinned. */
  from: number | null;
}

/**
 * Checks and reduces columnar series, then makes point objects for what is kept: numbers where the
 * template needs them (blank/NaN rows skipped, other text an error naming file, field and row), lines
 * downsampled with LTTB, scatter clouds thinned evenly.
 */
export function reduceSeries(all: SeriesColumns[], o: ReduceOptions, maxLinePoints = MAX_LINE_POINTS): Reduced {
  const points: Datapoint[] = [];
  let dropped = 0;
  let from: number | null = null;
  for (const s of all) {
    const n = s.xs.length;
    const xs = o.numericX ? new Float64Array(n) : null;
    const ys = o.numericY ? new Float64Array(n) : null;
    // keep[k]: the index in s of the k-th usable value; xs/ys hold the numbers at position k.
    const keep = new Int32Array(n);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const x = xs ? checkedNumber(s, 'x', o.x, s.xs[i], i) : 0;
      const y = ys ? checkedNumber(s, 'y', o.y, s.ys[i], i) : 0;
      if (Number.isNaN(x) || Number.isNaN(y)) {
        dropped++;
        continue;
      }
      if (xs) xs[count] = x;
      if (ys) ys[count] = y;
      keep[count++] = i;
    }
    const max = o.reduce === 'lines' ? maxLinePoints : o.reduce === 'points' ? MAX_SCATTER_POINTS : Infinity;
    let chosen: ArrayLike<number> = { length: count };
    let identity = true;
    if (count > max) {
      from = Math.max(from ?? 0, count);
      identity = false;
      if (o.reduce === 'lines' && xs && ys) {
        if (ascending(xs, count)) chosen = lttbIndices(xs.subarray(0, count), ys.subarray(0, count), max);
        else {
          const order = Array.from({ length: count }, (_, k) => k).sort((a, b) => xs[a]! - xs[b]!);
          const picked = lttbIndices(
            Float64Array.from(order, (k) => xs[k]!),
            Float64Array.from(order, (k) => ys[k]!),
            max,
          );
          chosen = picked.map((j) => order[j]!);
        }
      } else {
        const step = count / max;
        chosen = Array.from({ length: max }, (_, j) => Math.floor(j * step));
      }
    }
    for (let c = 0; c < chosen.length; c++) {
      const k = identity ? c : chosen[c]!;
      const i = keep[k]!;
      points.push({
        rev: s.rev,
        filename: s.filename,
        field: s.field,
        series: s.series,
        [o.x]: xs ? xs[k] : s.xs[i],
        [o.y]: ys ? ys[k] : s.ys[i],
      });
    }
  }
  return { points, dropped, from };
}

function checkedNumber(s: SeriesColumns, axis: 'x' | 'y', field: string, value: unknown, i: number): number {
  const n = toNumber(value);
  if (n === undefined) {
    const name = axis === 'y' ? s.field : field;
    throw new PlotDataError(
      `${axis} field '${name}' in ${s.filename} (${s.rev}) is ${JSON.stringify(value)} at data row ${s.rows ? s.rows[i] : i + 1}: expected a number`,
    );
  }
  return n;
}

function ascending(xs: Float64Array, n: number): boolean {
  for (let i = 1; i < n; i++) if (xs[i]! < xs[i - 1]!) return false;
  return true;
}

/** A number, NaN for a missing value, undefined for text that is not a number. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (value === null || value === undefined) return Number.NaN;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  if (t === '' || /^[+-]?(nan|inf(inity)?)$/i.test(t)) return Number.NaN;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}
