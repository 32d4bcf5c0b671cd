import type { PlotEntry, PlotSeries } from './types';

/** GitHub's renderer gets slow and unreadable with many points; a PR comment needs the shape, not every epoch. */
export const MERMAID_MAX_POINTS = 40;
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
 * The x-axis every line is drawn on: the points where any line has a value, at most MERMAID_MAX_POINTS evenly
 * spaced (first and last kept). Each line is drawn from its first value to its last; Mermaid cannot leave a gap,
 * so a line's missing points inside its extent are interpolated, and a line that starts late is held at its first
 * value before it (said in a note). Lines past MERMAID_MAX_LINES are left out (also said).
 */
function usable(series: PlotSeries): { series: PlotSeries; notes: string[] } | null {
  const n = series.x.length;
  const all = series.lines.filter((l) => l.y.length === n);
  if (!n || !all.length || all.length !== series.lines.length) return null;
  const lines = all.slice(0, MERMAID_MAX_LINES);
  const has = (l: PlotSeries['lines'][number], i: number) => typeof l.y[i] === 'number' && Number.isFinite(l.y[i]);
  let idx = [...Array(n).keys()].filter((i) => lines.some((l) => has(l, i)));
  if (idx.length < 2) return null;
  if (idx.length > MERMAID_MAX_POINTS) {
    const step = (idx.length - 1) / (MERMAID_MAX_POINTS - 1);
    idx = [...Array(MERMAID_MAX_POINTS).keys()].map((k) => idx[Math.round(k * step)]!);
  }
  const notes: string[] = [];
  const drawn = lines.flatMap((l) => {
    const known = [...Array(n).keys()].filter((i) => has(l, i));
    if (!known.length) return [];
    const first = known[0]!;
    const last = known.at(-1)!;
    if (first > idx[0]!) notes.push(`${clean(l.name)} has no values before ${clean(String(series.x[first]))}: its line is flat there.`);
    // Up to its last point; later x values are simply not drawn for it (its line ends there).
    const y = idx.filter((i) => i <= last).map((i) => valueAt(l.y, known, i, series.x));
    return [{ name: l.name, y }];
  });
  if (all.length > lines.length) notes.push(`${all.length - lines.length} more lines are not drawn here.`);
  if (!drawn.length) return null;
  return { series: { ...series, x: idx.map((i) => series.x[i]!), lines: drawn }, notes };
}

/** The line's value at index i: its own, else interpolated between its neighbours, else its first value. */
function valueAt(y: (number | null)[], known: number[], i: number, x: (number | string)[]): number {
  if (typeof y[i] === 'number' && Number.isFinite(y[i])) return y[i];
  const after = known.find((k) => k > i);
  const before = known.findLast((k) => k < i);
  if (before === undefined || after === undefined) return y[after ?? before!]!;
  const [x0, x1, xi] = [x[before], x[after], x[i]];
  const t = typeof x0 === 'number' && typeof x1 === 'number' && typeof xi === 'number' && x1 !== x0 ? (xi - x0) / (x1 - x0) : (i - before) / (after - before);
  return y[before]! + t * (y[after]! - y[before]!);
}

function label(x: number | string): string {
  const text = typeof x === 'number' ? number(x) : clean(x);
  return /^[\w.-]+$/.test(text) ? text : `"${text}"`;
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
