import { lttbIndices } from './lttb';
import { PlotDataError, type SeriesColumn, type SeriesColumns } from './datapoints';
import type { Datapoint } from './types';

/**
 * Points per line above which it is downsampled: one per device pixel of a line chart's plot area (640 px wide in
 * `lineSpec`, drawn at 2× density). LTTB keeps the most prominent point of each bucket, so a pixel column keeps its
 * peak; more points add nothing to see but cost vega, the SVG and the rasteriser time per point.
 */
export const MAX_LINE_POINTS = 1280;
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
    const n = s.y.length;
    const xn = o.numericX ? s.x.numbers() : null;
    const yn = o.numericY ? s.y.numbers() : null;
    // The first row with text that is not a number, x before y in the same row.
    const xBad = xn?.bad ?? -1;
    const yBad = yn?.bad ?? -1;
    if (xBad >= 0 && (yBad < 0 || xBad <= yBad)) throw notNumber(s, 'x', o.x, s.x, xBad);
    if (yBad >= 0) throw notNumber(s, 'y', o.y, s.y, yBad);
    // keep[k]: the row of the k-th usable value; xs/ys hold the numbers at position k (the columns themselves when
    // no row is blank, as in most logs: no copy).
    const whole = !xn?.nans && !yn?.nans;
    let count = n;
    if (!whole) {
      count = 0;
      for (let i = 0; i < n; i++) if (!(xn && Number.isNaN(xn.values[i])) && !(yn && Number.isNaN(yn.values[i]))) count++;
    }
    dropped += n - count;
    let keep: Int32Array | null = null;
    let xs = xn?.values ?? null;
    let ys = yn?.values ?? null;
    if (count < n) {
      keep = new Int32Array(count);
      const kx = xs ? new Float64Array(count) : null;
      const ky = ys ? new Float64Array(count) : null;
      let k = 0;
      for (let i = 0; i < n; i++) {
        if ((xs && Number.isNaN(xs[i])) || (ys && Number.isNaN(ys[i]))) continue;
        if (kx) kx[k] = xs![i]!;
        if (ky) ky[k] = ys![i]!;
        keep[k++] = i;
      }
      xs = kx;
      ys = ky;
    }
    const max = o.reduce === 'lines' ? maxLinePoints : o.reduce === 'points' ? MAX_SCATTER_POINTS : Infinity;
    let chosen: ArrayLike<number> = { length: count };
    let identity = true;
    if (count > max) {
      from = Math.max(from ?? 0, count);
      identity = false;
      if (o.reduce === 'lines' && xs && ys) {
        if (whole ? xn!.ascending : ascending(xs, count)) chosen = lttbIndices(xs, ys, max);
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
      const i = keep ? keep[k]! : k;
      points.push({
        rev: s.rev,
        filename: s.filename,
        field: s.field,
        series: s.series,
        [o.x]: xs ? xs[k] : s.x.at(i),
        [o.y]: ys ? ys[k] : s.y.at(i),
      });
    }
  }
  return { points, dropped, from };
}

function notNumber(s: SeriesColumns, axis: 'x' | 'y', field: string, column: SeriesColumn, i: number): PlotDataError {
  const name = axis === 'y' ? s.field : field;
  return new PlotDataError(
    `${axis} field '${name}' in ${s.filename} (${s.rev}) is ${JSON.stringify(column.at(i))} at data row ${s.rows ? s.rows[i] : i + 1}: expected a number`,
  );
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
  if (t === '') return Number.NaN;
  const n = Number(t);
  if (Number.isFinite(n)) return n;
  return /^[+-]?(nan|inf(inity)?)$/i.test(t) ? Number.NaN : undefined;
}
