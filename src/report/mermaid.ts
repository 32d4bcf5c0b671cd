import type { HistorySection } from '../history/types';
import { axisLabels, trendBand, headAxisLabel } from '../history/trends';
import { formatNumber } from '../util/numbers';
import type { PlotEntry, PlotSeries, TrendEntry } from './types';

/** GitHub's renderer gets slow and unreadable with many points; a PR comment needs the shape, not every epoch. */
export const MERMAID_MAX_POINTS = 40;
/** x values on a numeric axis: Mermaid prints each one, and past this many they run into each other. */
const GRID_LABELS = 22;
/** Past this many lines a chart cannot be read (and the legend's colours run out). */
export const MERMAID_MAX_LINES = 8;

/**
 * Line colours, strong enough to tell apart on GitHub's light and dark backgrounds, each paired with the coloured
 * square that stands for it in the legend (`xychart-beta` draws none of its own).
 */
const PALETTE: { color: string; square: string }[] = [
  { color: '#1f6feb', square: '🟦' },
  { color: '#e16f24', square: '🟧' },
  { color: '#2da44e', square: '🟩' },
  { color: '#cf222e', square: '🟥' },
  { color: '#8250df', square: '🟪' },
  { color: '#8b572a', square: '🟫' },
  { color: '#57606a', square: '⬛' },
  { color: '#d4a72c', square: '🟨' },
];

/**
 * A plot's key series as a Mermaid `xychart-beta` block, which GitHub draws itself — for comments where no
 * PNG can be hosted (fork PRs, `image-store: none`). `xychart-beta` (not `xychart`) because GitHub's bundled
 * Mermaid may lag. Every line keeps its whole extent on a shared x-axis (downsampled, never cut to the shortest),
 * in the palette's colours, with a legend below. Null when the plot has no usable series. Pure.
 */
export function mermaidChart(plot: PlotEntry): string | null {
  const chart = plot.series && usable(plot.series);
  if (!chart) return null;
  const { series, notes } = chart;
  const palette = PALETTE.slice(0, series.lines.length);
  const lines = [
    '```mermaid',
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette.map((p) => p.color).join(', ')}"}}}}%%`,
    'xychart-beta',
    `    title "${clean(plot.title, 60)}"`,
    `    x-axis ${series.xLabel ? `"${clean(series.xLabel)}" ` : ''}[${series.x.map(label).join(', ')}]`,
  ];
  if (series.yLabel) lines.push(`    y-axis "${clean(series.yLabel)}"`);
  for (const line of series.lines) lines.push(`    line [${line.y.map((v) => number(v!)).join(', ')}]`);
  lines.push('```');
  lines.push(series.lines.map((l, i) => `${palette[i]!.square} \`${clean(l.name)}\``).join(' · '));
  for (const note of notes) lines.push('', `_${note}_`);
  return lines.join('\n');
}

/**
 * A metric's trend as a Mermaid `xychart-beta` block, for where its PNG cannot be shown: the last base values (x: short
 * SHAs, oldest first) and then the head's, the band's edges mean ± k·std and its mean as flat lines, and the head's
 * value also as a bar, the one bar in the chart, so it stands apart from the base commits (Mermaid draws no single
 * marker). The bars of the other commits sit at the axis's bottom: zero height. At most MERMAID_MAX_POINTS points, the
 * newest kept. Null when there is no base value. Pure.
 */
export function trendChart(entry: TrendEntry, metric: HistorySection['metrics'][number], headLabel: string): string | null {
  const points = metric.points.slice(-(MERMAID_MAX_POINTS - 1));
  if (!points.length) return null;
  const labels = axisLabels(points.map((p) => p.commit));
  const head = metric.head;
  const values = [...points.map((p) => p.value), ...(head === null ? [] : [head])];
  const range = trendBand(metric.stats, entry.k);
  const all = [...values, ...(range ? [range.low, range.high] : [])];
  const [min, max] = all.reduce(([lo, hi], v) => [Math.min(lo, v), Math.max(hi, v)], [Infinity, -Infinity]);
  const pad = (max - min) * 0.08 || Math.abs(max) * 0.01 || 1;
  const [bottom, top] = [min - pad, max + pad];
  const flat = (v: number) => `[${values.map(() => number(v)).join(', ')}]`;
  const [orange, blue, green, grey] = [PALETTE[1]!, PALETTE[0]!, PALETTE[2]!, PALETTE[6]!];
  const series: { color: { color: string; square: string }; text: string }[] = [];
  // The head's value as the chart's one bar: the others sit below the y-axis, where Mermaid draws nothing (at the
  // axis itself it still draws a stub a few pixels high at every commit).
  const hidden = bottom - (top - bottom);
  if (head !== null) series.push({ color: orange, text: `bar [${[...points.map(() => hidden), head].map(number).join(', ')}]` });
  series.push({ color: blue, text: `line [${values.map(number).join(', ')}]` });
  if (range && metric.stats) {
    series.push(
      { color: green, text: `line ${flat(range.high)}` },
      { color: green, text: `line ${flat(range.low)}` },
      { color: grey, text: `line ${flat(metric.stats.mean)}` },
    );
  }
  const lines = [
    '```mermaid',
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${series.map((s) => s.color.color).join(', ')}"}}}}%%`,
    'xychart-beta',
    `    title "${clean(`${metric.key} (${metric.file})`, 60)}"`,
    // Quoted: an unquoted SHA of digits (`1234567`) could be read as a number.
    `    x-axis [${[...labels, ...(head === null ? [] : [headAxisLabel(headLabel, labels)])].map((l) => `"${clean(l)}"`).join(', ')}]`,
    `    y-axis "${clean(metric.key, 40)}" ${number(bottom)} --> ${number(top)}`,
    ...series.map((s) => `    ${s.text}`),
    '```',
  ];
  const legend = [`${blue.square} base values, oldest first${head === null ? '' : `, then ${clean(headLabel || 'head')}`}`];
  if (head !== null) legend.unshift(`${orange.square} ${clean(headLabel || 'head')}`);
  if (range) legend.push(`${green.square} band ${entry.k === null ? 'min–max' : `mean ± ${number(entry.k)}·std`}`, `${grey.square} mean`);
  lines.push(legend.join(' · '));
  if (metric.points.length > points.length) lines.push('', `_The newest ${points.length} of ${metric.points.length} base values are drawn._`);
  return lines.join('\n');
}

/**
 * The x-axis every line is drawn on. Mermaid spaces its x values evenly whatever they are, so numeric x is read on an
 * evenly spaced grid of at most MERMAID_MAX_POINTS values over every line's whole range (epochs 1-15 must not take as
 * much width as 16-100); other x keep their order, evenly picked. Each line is drawn from its first value to its last,
 * read between its own points; Mermaid cannot leave a gap, so a line that starts late is held at its first value before
 * it (said in a note). Lines past MERMAID_MAX_LINES are left out (also said).
 */
function usable(series: PlotSeries): { series: PlotSeries; notes: string[] } | null {
  const n = series.x.length;
  const all = series.lines.filter((l) => l.y.length === n);
  if (!n || !all.length || all.length !== series.lines.length) return null;
  const lines = all.slice(0, MERMAID_MAX_LINES);
  const has = (l: PlotSeries['lines'][number], i: number) => typeof l.y[i] === 'number' && Number.isFinite(l.y[i]);
  const used = [...Array(n).keys()].filter((i) => lines.some((l) => has(l, i)));
  if (used.length < 2) return null;
  const numeric = used.every((i) => typeof series.x[i] === 'number');
  // Positions to draw at: numbers on an even grid, or indices into series.x (then a position is its own x).
  const grid = numeric ? evenGrid(used.map((i) => series.x[i] as number)) : pick(used);
  const at = (i: number): number => (numeric ? (series.x[i] as number) : i);
  const notes: string[] = [];
  const drawn = lines.flatMap((l) => {
    const known = [...Array(n).keys()].filter((i) => has(l, i));
    if (!known.length) return [];
    const [first, last] = [at(known[0]!), at(known.at(-1)!)];
    if (first > grid[0]!) notes.push(`${clean(l.name)} has no values before ${xText(series.x[known[0]!]!)}: its line is flat there.`);
    // Up to its last point; past it the line simply ends.
    const y = grid
      .filter((g) => g <= last)
      .map((g) =>
        readAt(
          known.map(at),
          known.map((i) => l.y[i]!),
          g,
        ),
      );
    return y.length ? [{ name: l.name, y }] : [];
  });
  const leftOut = all.length - lines.length + (series.linesLeftOut ?? 0);
  if (leftOut) notes.push(`Showing ${lines.length} of ${lines.length + leftOut} lines: the plot's image has every line.`);
  if (!drawn.length) return null;
  return { series: { ...series, x: numeric ? grid : grid.map((i) => series.x[i]!), lines: drawn }, notes };
}

/**
 * Evenly spaced x values from the smallest x to the largest, on a round step (1, 2, 2.5 or 5 times a power of ten)
 * so the axis reads 1, 5, 10, 15, …: at most GRID_LABELS of them, since Mermaid prints every one and more collide.
 */
function evenGrid(xs: number[]): number[] {
  const distinct = [...new Set(xs)].sort((a, b) => a - b);
  const lo = distinct[0]!;
  const hi = distinct.at(-1)!;
  if (distinct.length <= GRID_LABELS) return distinct;
  const raw = (hi - lo) / (GRID_LABELS - 2);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const grid = [lo];
  for (let v = Math.floor(lo / step + 1) * step; v < hi; v += step) grid.push(Number(v.toPrecision(12)));
  grid.push(hi);
  return grid;
}

/** At most MERMAID_MAX_POINTS of the indices, evenly spaced, first and last kept. */
function pick(indices: number[]): number[] {
  if (indices.length <= MERMAID_MAX_POINTS) return indices;
  const step = (indices.length - 1) / (MERMAID_MAX_POINTS - 1);
  return [...Array(MERMAID_MAX_POINTS).keys()].map((k) => indices[Math.round(k * step)]!);
}

/**
 * The line (points xs to ys, xs ascending) at x: linear between its neighbours, its first value before it starts. At
 * an x where it steps (two points), the step's start, but at its last x its last value: an ROC curve runs from (0, 0)
 * to (1, 1) whatever steps it takes at either end.
 */
function readAt(xs: number[], ys: number[], x: number): number {
  if (x === xs.at(-1)) return ys.at(-1)!;
  const after = xs.findIndex((v) => v >= x);
  if (after <= 0) return ys[after === -1 ? ys.length - 1 : 0]!;
  const [x0, x1] = [xs[after - 1]!, xs[after]!];
  return x1 === x0 ? ys[after]! : ys[after - 1]! + ((ys[after]! - ys[after - 1]!) * (x - x0)) / (x1 - x0);
}

function label(x: number | string): string {
  const text = typeof x === 'number' ? number(x) : clean(x);
  return /^[\w.-]+$/.test(text) ? text : `"${text}"`;
}

/** An x value in a note, numbers in the report's one format (`−2.861`, not the double's 17 digits). */
function xText(x: number | string): string {
  return typeof x === 'number' ? formatNumber(x) : clean(x);
}

function number(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

/**
 * Mermaid strings cannot hold quotes, a newline or backtick would end the block, and Mermaid reads some HTML in
 * labels. Long titles are cut at a word with an ellipsis rather than wrapped mid-word by the chart.
 */
function clean(text: string, max = 80): string {
  const flat = text
    .replace(/["`\r\n[\]<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
