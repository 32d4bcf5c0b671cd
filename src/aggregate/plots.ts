import type { PlotEntry, PlotSeries, ReportData } from '../report/types';
import { exactMean } from '../util/mean';

/** Lines one overlaid chart draws besides the base: past a handful, lines of near colours cannot be told apart. */
const TOP_CONFIGURATIONS = 5;
/** Charts in one comparison: a sweep's plots repeat per job, a reviewer reads the first few. */
const MAX_PLOTS = 10;
/** x values a chart of runs with different x is read on: a comment's chart draws no more than 40. */
const SHARED_POINTS = 40;

interface ConfigurationRuns {
  id: string;
  reports: ReportData[];
}

/** One chart of the comparison: a plot's line of one file or field (`series`), or its only line (`series` ''). */
interface Chart {
  plot: string;
  series: string;
}

/**
 * One chart per plot and per file or field it draws (example-get-started's ROC has y in train.json and test.json:
 * a chart for each, as a configuration's line per file would not fit beside the others), with the top configurations
 * (best first, as given) overlaid: each configuration's line is the pointwise mean of its runs' head lines, drawn
 * against the base's line. Runs with different numeric x (each ROC curve has its own thresholds) are read between
 * their points on one shared x; runs whose categorical x differs from the first are left out of that chart, and the
 * chart's notes say so. Plots no chart draws (no line series: images, bars,
 * confusion matrices) and charts past MAX_PLOTS are named in `warnings`. Drawn as Mermaid charts by the targets (no
 * image is rendered). Pure.
 */
export function overlaidPlots(configurations: ConfigurationRuns[], rankedBy: string | null): { plots: PlotEntry[]; warnings: string[] } {
  const top = configurations.slice(0, TOP_CONFIGURATIONS);
  const reports = top.flatMap((c) => c.reports);
  const charts = new Map<string, Chart>();
  const unlined = new Set<string>();
  for (const report of reports) {
    for (const plot of report.plots) {
      if (!plot.series) unlined.add(plot.id);
      for (const series of headSeries(plot.series, report.head.label)) charts.set(JSON.stringify([plot.id, series]), { plot: plot.id, series });
    }
  }
  for (const chart of charts.values()) unlined.delete(chart.plot);

  const plots: PlotEntry[] = [];
  for (const chart of charts.values()) {
    const plot = overlaid(chart, top, rankedBy);
    if (plot) plots.push(plot);
  }
  const warnings: string[] = [];
  if (unlined.size) {
    warnings.push(
      `Not overlaid: ${[...unlined].map((id) => `\`${id}\``).join(', ')}, which the jobs drew without a line to average (an image, bars or a confusion matrix); each job's own report shows it.`,
    );
  }
  if (plots.length > MAX_PLOTS) {
    const rest = plots.slice(MAX_PLOTS).map((p) => `\`${p.title}\``);
    warnings.push(`Charts past the first ${MAX_PLOTS} are left out: ${rest.join(', ')}; each job's own report shows them.`);
  }
  return { plots: plots.slice(0, MAX_PLOTS), warnings };
}

/** The files or fields a plot's head lines are of: `feat/tune: train.json` → `train.json`; a lone `feat/tune` → ''. */
function headSeries(series: PlotSeries | undefined, head: string): string[] {
  return (series?.lines ?? []).flatMap((l) => (l.name === head ? [''] : l.name.startsWith(`${head}: `) ? [l.name.slice(head.length + 2)] : []));
}

/** A revision's line of a file or field, named as a run's report names it (`main: train.json`, or `main`). */
function lineOf(series: PlotSeries, revision: string, of: string): PlotSeries['lines'][number] | undefined {
  return series.lines.find((l) => l.name === (of ? `${revision}: ${of}` : revision));
}

/** A line as a run's report has it: y over that report's own x. */
interface RunLine {
  x: PlotSeries['x'];
  y: (number | null)[];
}

function overlaid(chart: Chart, top: ConfigurationRuns[], rankedBy: string | null): PlotEntry | null {
  let base: (RunLine & { name: string }) | null = null;
  let title = chart.plot;
  let labels: Pick<PlotSeries, 'xLabel' | 'yLabel'> = {};
  let lacking = 0;
  const gathered: { id: string; runs: RunLine[] }[] = [];
  for (const c of top) {
    const runs: RunLine[] = [];
    for (const report of c.reports) {
      const plot = report.plots.find((p) => p.id === chart.plot);
      const head = plot?.series && lineOf(plot.series, report.head.label, chart.series);
      if (!plot?.series || !head) {
        lacking++;
        continue;
      }
      title = chart.series ? `${plot.title}: ${chart.series}` : plot.title;
      labels = { ...(plot.series.xLabel ? { xLabel: plot.series.xLabel } : {}), ...(plot.series.yLabel ? { yLabel: plot.series.yLabel } : {}) };
      const line = report.base && lineOf(plot.series, report.base.label, chart.series);
      if (line) base ??= { name: line.name, x: plot.series.x, y: line.y };
      runs.push({ x: plot.series.x, y: head.y });
    }
    if (runs.length) gathered.push({ id: c.id, runs });
  }
  const all = gathered.flatMap((g) => g.runs);
  if (!all.length) return null;
  const x = sharedX(all);
  let skipped = 0;
  const onX = (line: RunLine): (number | null)[] | null => {
    if (sameX(line.x, x)) return line.y;
    if (numbers(x) && numbers(line.x)) return readOn(line, x);
    skipped++;
    return null;
  };
  const lines = gathered.flatMap((g) => {
    const ys = g.runs.map(onX).filter((y): y is (number | null)[] => y !== null);
    return ys.length ? [{ name: g.id, y: x.map((_, i) => mean(ys.map((y) => y[i] ?? null))) }] : [];
  });
  if (!lines.length) return null;
  const baseY = base && (sameX(base.x, x) ? base.y : numbers(x) && numbers(base.x) ? readOn(base, x) : null);
  const runs = (n: number) => `${n} run${n === 1 ? '' : 's'}`;
  const notes = [
    `${lines.length === 1 ? 'The' : `The top ${lines.length}`} configuration${lines.length === 1 ? '' : 's'}${rankedBy ? ` by ${rankedBy}` : ''}, each the mean of its runs.`,
    ...(all.some((r) => !sameX(r.x, x)) && numbers(x)
      ? [
          'The runs have different x values (a ROC curve’s thresholds, a log every few steps): each line is read between its own points on a shared x, and averaged where its runs cover it.',
        ]
      : []),
    ...(skipped ? [`${runs(skipped)} with other x values left out.`] : []),
    ...(lacking ? [`${runs(lacking)} without this line left out.`] : []),
  ];
  const id = chart.series ? `${chart.plot}: ${chart.series}` : chart.plot;
  return { id, title, image: null, notes, series: { x, lines: [...(base && baseY ? [{ name: `base: ${base.name}`, y: baseY }] : []), ...lines], ...labels } };
}

/**
 * The x every line is drawn on: the runs' own when they share it; when they differ and are numbers, their union (at
 * most SHARED_POINTS values, evenly spaced over it past that), an x where a run steps (an ROC curve's vertical step:
 * the x twice) twice; else the first run's, the others being left out.
 */
function sharedX(lines: RunLine[]): PlotSeries['x'] {
  const first = lines[0]!.x;
  if (lines.every((l) => sameX(l.x, first)) || !lines.every((l) => numbers(l.x))) return first;
  const times = new Map<number, number>();
  for (const l of lines) {
    const own = new Map<number, number>();
    for (const x of l.x as number[]) own.set(x, (own.get(x) ?? 0) + 1);
    for (const [x, n] of own) times.set(x, Math.max(n, times.get(x) ?? 0));
  }
  const union = [...times.keys()].sort((a, b) => a - b).flatMap((x) => Array<number>(times.get(x)!).fill(x));
  if (union.length <= SHARED_POINTS) return union;
  const [lo, hi] = [union[0]!, union.at(-1)!];
  return Array.from({ length: SHARED_POINTS }, (_, i) => Number((lo + ((hi - lo) * i) / (SHARED_POINTS - 1)).toPrecision(12)));
}

function sameX(a: PlotSeries['x'], b: PlotSeries['x']): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function numbers(x: PlotSeries['x']): x is number[] {
  return x.every((v) => typeof v === 'number');
}

/**
 * The line at each of `xs`: its own value, or linear between its neighbouring points; null outside its range. Where
 * it steps at an x (two points there, in the order it runs), the first of equal xs reads the step's start, a second
 * its end.
 */
function readOn(line: RunLine, xs: number[]): (number | null)[] {
  const points = (line.x as number[])
    .map((x, i) => [x, line.y[i]] as const)
    .filter((p): p is readonly [number, number] => typeof p[1] === 'number' && Number.isFinite(p[1]))
    .sort((a, b) => a[0] - b[0]);
  if (!points.length) return xs.map(() => null);
  return xs.map((x, i) => {
    const after = points.findIndex((p) => p[0] >= x);
    if (after === -1 || (after === 0 && points[0]![0] > x)) return null;
    const [x1, y1] = points[after]!;
    if (x1 === x) {
      if (xs[i - 1] !== x) return y1;
      let end = after;
      while (points[end + 1]?.[0] === x) end++;
      return points[end]![1];
    }
    if (after === 0) return y1;
    const [x0, y0] = points[after - 1]!;
    return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  });
}

function mean(values: (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return xs.length ? exactMean(xs) : null;
}
