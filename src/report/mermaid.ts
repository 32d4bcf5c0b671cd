import type { PlotEntry, PlotSeries } from './types';

/** GitHub's renderer gets slow and unreadable with many points; a PR comment needs the shape, not every epoch. */
export const MERMAID_MAX_POINTS = 40;
/** The chart has no legend; past this many lines it cannot be read. */
export const MERMAID_MAX_LINES = 8;

/**
 * A plot's key series as a Mermaid `xychart-beta` block, which GitHub draws itself — for comments where no
 * PNG can be hosted (fork PRs, `image-store: none`). `xychart-beta` (not `xychart`) because GitHub's bundled
 * Mermaid may lag. The chart has no legend, so the line names follow it in order. Null when the plot has
 * no usable series. Pure.
 */
export function mermaidChart(plot: PlotEntry): string | null {
  const series = plot.series && usable(plot.series);
  if (!series) return null;
  const lines = [
    '```mermaid',
    'xychart-beta',
    `    title "${clean(plot.title)}"`,
    `    x-axis ${series.xLabel ? `"${clean(series.xLabel)}" ` : ''}[${series.x.map(label).join(', ')}]`,
  ];
  if (series.yLabel) lines.push(`    y-axis "${clean(series.yLabel)}"`);
  for (const line of series.lines) lines.push(`    line [${line.y.map((v) => number(v as number)).join(', ')}]`);
  lines.push('```');
  if (series.lines.length > 1) lines.push(`_Lines, in drawing order: ${series.lines.map((l) => `\`${clean(l.name)}\``).join(', ')}._`);
  return lines.join('\n');
}

/** Drops points where any line has no value, then keeps at most MERMAID_MAX_POINTS evenly spaced (first and last kept). */
function usable(series: PlotSeries): PlotSeries | null {
  const n = series.x.length;
  if (!n || !series.lines.length || series.lines.some((l) => l.y.length !== n)) return null;
  let idx = [...Array(n).keys()].filter((i) => series.lines.every((l) => typeof l.y[i] === 'number' && Number.isFinite(l.y[i])));
  if (idx.length < 2) return null;
  if (idx.length > MERMAID_MAX_POINTS) {
    const step = (idx.length - 1) / (MERMAID_MAX_POINTS - 1);
    idx = [...Array(MERMAID_MAX_POINTS).keys()].map((k) => idx[Math.round(k * step)]!);
  }
  return {
    ...series,
    x: idx.map((i) => series.x[i]!),
    lines: series.lines.slice(0, MERMAID_MAX_LINES).map((l) => ({ name: l.name, y: idx.map((i) => l.y[i]!) })),
  };
}

function label(x: number | string): string {
  const text = typeof x === 'number' ? number(x) : clean(x);
  return /^[\w.-]+$/.test(text) ? text : `"${text}"`;
}

function number(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

/** Mermaid strings cannot hold quotes, a newline or backtick would end the block, and Mermaid reads some HTML in labels. */
function clean(text: string): string {
  return text
    .replace(/["`\r\n[\]<>]/g, ' ')
    .trim()
    .slice(0, 80);
}
