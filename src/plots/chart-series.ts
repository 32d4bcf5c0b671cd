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
  type Group = { rev: string; series: string; xs: unknown[]; ys: unknown[] };
  const groups = new Map<string, Group>();
  // A line's points come one after another: its group is looked up again only where the next line starts.
  let group: Group | undefined;
  let last: Datapoint | undefined;
  for (const p of input.points) {
    if (!group || p.rev !== last!.rev || p.series !== last!.series) {
      const key = `${String(p.rev)}\0${String(p.series)}`;
      group = groups.get(key);
      if (!group) groups.set(key, (group = { rev: String(p.rev), series: String(p.series), xs: [], ys: [] }));
    }
    last = p;
    group.xs.push(p[input.x]);
    group.ys.push(p[input.y]);
  }
  const order = [...new Set([...groups.values()].map((g) => g.series))];
  // Base and head of the same field side by side, so a cut at MERMAID_MAX_LINES never drops a field's head alone.
  const columns = [...groups.values()].sort((a, b) => order.indexOf(a.series) - order.indexOf(b.series)).slice(0, MERMAID_MAX_LINES);
  const leftOut = groups.size - columns.length;
  const lines: Line[] = [];
  for (const g of columns) {
    const line = numericLine(g.xs, g.ys, input.multi ? `${g.rev}: ${g.series}` : g.rev);
    if (line === undefined) return null;
    if (line.xs.length) lines.push(line);
  }
  if (!lines.length) return null;
  const aligned = align(lines);
  // One x (a line of one point, or one step): nothing to draw along x.
  if (aligned.x[0] === aligned.x.at(-1)) return null;
  const keep = downsample(aligned.x, aligned.ys, maxPoints);
  return {
    x: keep.map((i) => aligned.x[i]!),
    lines: lines.map((line, l) => ({ name: line.name, y: keep.map((i) => aligned.ys[l]![i] ?? null) })),
    ...(input.xLabel ? { xLabel: input.xLabel } : {}),
    ...(input.yLabel ? { yLabel: input.yLabel } : {}),
    ...(leftOut ? { linesLeftOut: leftOut } : {}),
  };
}

/**
 * Whether a scatter plot's points make curves along x: in each line (revision × field), x only rises or only falls in
 * the file's order, as on an ROC or precision-recall curve. A cloud of points is no function of x: a line through it
 * shows a curve that is not there, and Mermaid's xychart has lines and bars only, no points. Pure.
 */
export function followsX(points: Datapoint[], x: string): boolean {
  const lines = new Map<string, { last: number; rises: boolean; falls: boolean }>();
  for (const p of points) {
    const value = toNumber(p[x]);
    if (value === undefined || Number.isNaN(value)) continue;
    const key = `${String(p.rev)}\0${String(p.series)}`;
    const line = lines.get(key);
    if (!line) {
      lines.set(key, { last: value, rises: false, falls: false });
      continue;
    }
    if (value > line.last) line.rises = true;
    if (value < line.last) line.falls = true;
    if (line.rises && line.falls) return false;
    line.last = value;
  }
  return true;
}

/**
 * The line's points along x, blanks skipped; undefined when a value is not a number. A repeated x keeps its first and
 * last y, in the order the line runs through them: a vertical step of an ROC or precision-recall curve (sklearn's
 * `roc_curve` is made of them) stays a step, from (0, 0), not the mean of its ends. A line whose x only falls (a
 * precision-recall curve by falling recall) is turned around whole; any other is sorted, repeated x in file order.
 */
function numericLine(xs: unknown[], ys: unknown[], name: string): Line | undefined {
  const px: number[] = [];
  const py: number[] = [];
  let rises = false;
  let falls = false;
  for (let i = 0; i < xs.length; i++) {
    const x = toNumber(xs[i]);
    const y = toNumber(ys[i]);
    if (x === undefined || y === undefined) return undefined;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    if (px.length && x < px[px.length - 1]!) falls = true;
    if (px.length && x > px[px.length - 1]!) rises = true;
    px.push(x);
    py.push(y);
  }
  const order = !falls ? null : !rises ? px.map((_, i) => px.length - 1 - i) : px.map((_, i) => i).sort((a, b) => px[a]! - px[b]!);
  const at = (k: number): number => (order ? order[k]! : k);
  const line: Line = { name, xs: [], ys: [] };
  for (let k = 0; k < px.length;) {
    const x = px[at(k)]!;
    const first = py[at(k)]!;
    for (k++; k < px.length && px[at(k)] === x; k++);
    const last = py[at(k - 1)]!;
    line.xs.push(x);
    line.ys.push(first);
    if (last !== first) {
      line.xs.push(x);
      line.ys.push(last);
    }
  }
  return line;
}

/**
 * Every line's values on one x array: their own when all share the same x, else read on the union of their x, each
 * line only inside its own range (null outside it: the base's 100 epochs stay whole beside the PR's 15). An x where a
 * line steps is in the union twice, so the step stays one.
 */
function align(lines: Line[]): { x: number[]; ys: (number | null)[][] } {
  const first = lines[0]!.xs;
  if (lines.every((l) => l.xs.length === first.length && l.xs.every((x, i) => x === first[i]))) return { x: first, ys: lines.map((l) => l.ys) };
  const x = lines.slice(1).reduce((union, l) => mergeSorted(union, l.xs), first);
  return { x, ys: lines.map((l) => readAt(l, x)) };
}

/** The union of two ascending arrays, ascending; a value either has twice (a step) is there twice. */
function mergeSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j === b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else if (i === a.length || b[j]! < a[i]!) out.push(b[j++]!);
    else {
      out.push(a[i++]!);
      j++;
    }
  }
  return out;
}

/**
 * The line's value at each of `xs` (ascending): its own point, or linear between its neighbours; null outside its
 * range. Where the line steps at an x, the first of two equal xs reads the step's start and the second its end.
 */
function readAt(line: Line, xs: number[]): (number | null)[] {
  const lo = line.xs[0]!;
  const hi = line.xs[line.xs.length - 1]!;
  const out: (number | null)[] = [];
  let j = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (!(x >= lo && x <= hi)) {
      out.push(null);
      continue;
    }
    while (j + 1 < line.xs.length && line.xs[j + 1]! <= x) j++;
    const x0 = line.xs[j]!;
    if (x0 === x) {
      // j is the line's last point at x; the first of the union's equal xs takes its first.
      out.push(xs[i - 1] === x ? line.ys[j]! : line.ys[line.xs.indexOf(x, Math.max(0, j - 1))]!);
      continue;
    }
    if (j + 1 === line.xs.length) {
      out.push(line.ys[j]!);
      continue;
    }
    const x1 = line.xs[j + 1]!;
    const y0 = line.ys[j]!;
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
  // Typed arrays, as reduceSeries gives lttbIndices: one kind of argument keeps V8's optimised code for it. Filled
  // in a loop: `Float64Array.from` with a mapping function calls it through V8's generic path, ≈ 20 ms for two
  // lines of 2,560 points in a fresh process.
  const ranges = ys.map((y) => {
    const at: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] !== null) at.push(i);
    const rx = new Float64Array(at.length);
    const ry = new Float64Array(at.length);
    for (let k = 0; k < at.length; k++) {
      rx[k] = x[at[k]!]!;
      ry[k] = y[at[k]!]!;
    }
    return { at, x: rx, y: ry };
  });
  // The merged picks as marks over x, and how many there are.
  const merged = (share: number): { marks: Uint8Array; count: number } => {
    const marks = new Uint8Array(x.length);
    let count = 0;
    for (const r of ranges) {
      for (const i of lttbIndices(r.x, r.y, share)) {
        count += 1 - marks[r.at[i]!]!;
        marks[r.at[i]!] = 1;
      }
    }
    return { marks, count };
  };
  let best = merged(Math.max(3, Math.floor(max / ys.length)));
  for (let share = Math.floor(max / ys.length) + 1; best.count < max && share <= max; share++) {
    const next = merged(share);
    if (next.count > max) break;
    best = next;
  }
  const keep: number[] = [];
  for (let i = 0; i < x.length; i++) if (best.marks[i]) keep.push(i);
  return keep;
}

/** Computed values (readings between points) to 6 significant digits: the chart prints no more. */
function round(v: number): number {
  return Number(v.toPrecision(6));
}
