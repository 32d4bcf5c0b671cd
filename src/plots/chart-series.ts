import { MERMAID_MAX_LINES, MERMAID_MAX_POINTS } from '../report/mermaid';
import type { PlotSeries } from '../report/types';
import { lttbIndices } from './lttb';
import { toNumber } from './series';
import type { Datapoint } from './types';

export interface ChartSeriesInput {
  /** The points the chart is drawn from (numeric and downsampled where the template needs it), base first. */
  points: Datapoint[];
  x: string;
  y: string;
  /** Several files or fields: line names carry the field as well as the revision. */
  multi: boolean;
  xLabel: string;
  yLabel: string;
}

interface Line {
  name: string;
  xs: number[];
  ys: number[];
}

/**
 * A plot's lines for a comment's Mermaid chart: one line per revision × field, on one shared x-axis, at most
 * MERMAID_MAX_POINTS points kept with LTTB (the union of each line's picks, so every line keeps its peaks).
 * Where lines have points at different x (the PR trained longer, logs at other steps, lines downsampled
 * apart), the chart spans every line's whole range, each line read at every x any of them has inside its own range
 * (linearly between its own points, as its drawn line runs) and null outside it. Null when x or y is not numeric
 * (category plots). Pure.
 */
export function chartSeries(input: ChartSeriesInput, maxPoints = MERMAID_MAX_POINTS): PlotSeries | null {
  const groups = new Map<string, { rev: string; series: string; xs: unknown[]; ys: unknown[] }>();
  for (const p of input.points) {
    const key = `${String(p.rev)}\0${String(p.series)}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { rev: String(p.rev), series: String(p.series), xs: [], ys: [] }));
    group.xs.push(p[input.x]);
    group.ys.push(p[input.y]);
  }
  const order = [...new Set([...groups.values()].map((g) => g.series))];
  // Base and head of the same field side by side, so a cut at MERMAID_MAX_LINES never drops a field's head alone.
  const columns = [...groups.values()].sort((a, b) => order.indexOf(a.series) - order.indexOf(b.series)).slice(0, MERMAID_MAX_LINES);
  const lines: Line[] = [];
  for (const g of columns) {
    const line = numericLine(g.xs, g.ys, input.multi ? `${g.rev}: ${g.series}` : g.rev);
    if (line === undefined) return null;
    if (line.xs.length) lines.push(line);
  }
  if (!lines.length) return null;
  const aligned = align(lines);
  if (aligned.x.length < 2) return null;
  const keep = downsample(aligned.x, aligned.ys, maxPoints);
  return {
    x: keep.map((i) => aligned.x[i]!),
    lines: lines.map((line, l) => ({ name: line.name, y: keep.map((i) => aligned.ys[l]![i] ?? null) })),
    ...(input.xLabel ? { xLabel: input.xLabel } : {}),
    ...(input.yLabel ? { yLabel: input.yLabel } : {}),
  };
}

/** The line's points sorted by x, blanks skipped, repeated x averaged; undefined when a value is not a number. */
function numericLine(xs: unknown[], ys: unknown[], name: string): Line | undefined {
  const points: [number, number][] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = toNumber(xs[i]);
    const y = toNumber(ys[i]);
    if (x === undefined || y === undefined) return undefined;
    if (!Number.isNaN(x) && !Number.isNaN(y)) points.push([x, y]);
  }
  points.sort((a, b) => a[0] - b[0]);
  const line: Line = { name, xs: [], ys: [] };
  for (let i = 0; i < points.length;) {
    const x = points[i]![0];
    let sum = 0;
    let count = 0;
    for (; i < points.length && points[i]![0] === x; i++, count++) sum += points[i]![1];
    line.xs.push(x);
    line.ys.push(count === 1 ? sum : round(sum / count));
  }
  return line;
}

/**
 * Every line's values on one x array: their own when all share the same x, else read on the union of their x, each
 * line only inside its own range (null outside it: the base's 100 epochs stay whole beside the PR's 15).
 */
function align(lines: Line[]): { x: number[]; ys: (number | null)[][] } {
  const first = lines[0]!.xs;
  if (lines.every((l) => l.xs.length === first.length && l.xs.every((x, i) => x === first[i]))) return { x: first, ys: lines.map((l) => l.ys) };
  const x = [...new Set(lines.flatMap((l) => l.xs))].sort((a, b) => a - b);
  return {
    x,
    ys: lines.map((l) => {
      const lo = l.xs[0]!;
      const hi = l.xs.at(-1)!;
      const inside = x.filter((v) => v >= lo && v <= hi);
      const values = readAt(l, inside);
      let k = 0;
      return x.map((v) => (v >= lo && v <= hi ? values[k++]! : null));
    }),
  };
}

/** The line's value at each of `xs` (ascending, inside its range): its own point, or linear between its neighbours. */
function readAt(line: Line, xs: number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const x of xs) {
    while (line.xs[j + 1] !== undefined && line.xs[j + 1]! <= x) j++;
    const x0 = line.xs[j]!;
    const y0 = line.ys[j]!;
    if (x0 === x || line.xs[j + 1] === undefined) {
      out.push(y0);
      continue;
    }
    const x1 = line.xs[j + 1]!;
    const y1 = line.ys[j + 1]!;
    out.push(round(y0 + ((y1 - y0) * (x - x0)) / (x1 - x0)));
  }
  return out;
}

/**
 * Indices to keep: all when few, else every line's LTTB picks (over its own range), merged. Each line gets an equal
 * share of `max`; lines of the same shape pick the same points, so the share grows while the merged picks still fit.
 */
function downsample(x: number[], ys: (number | null)[][], max: number): number[] {
  if (x.length <= max) return x.map((_, i) => i);
  const ranges = ys.map((y) => {
    const at = y.flatMap((v, i) => (v === null ? [] : [i]));
    return { at, x: at.map((i) => x[i]!), y: at.map((i) => y[i]!) };
  });
  const merged = (share: number): number[] => {
    const picked = new Set<number>();
    for (const r of ranges) for (const i of lttbIndices(r.x, r.y, share)) picked.add(r.at[i]!);
    return [...picked].sort((a, b) => a - b);
  };
  let best = merged(Math.max(3, Math.floor(max / ys.length)));
  for (let share = Math.floor(max / ys.length) + 1; best.length < max && share <= max; share++) {
    const next = merged(share);
    if (next.length > max) break;
    best = next;
  }
  return best;
}

/** Computed values (averages, readings between points) to 6 significant digits: the chart prints no more. */
function round(v: number): number {
  return Number(v.toPrecision(6));
}
