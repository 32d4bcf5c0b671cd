import type { PlotEntry, PlotSeries, ReportData } from '../report/types';

/** Lines one overlaid chart draws besides the base: past a handful, lines of near colours cannot be told apart. */
const TOP_CONFIGURATIONS = 5;
/** Charts in one comparison: a sweep's plots repeat per job, a reviewer reads the first few. */
const MAX_PLOTS = 10;

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
 * against the base's line. Only runs that share the x values can be overlaid; a run whose plot has other x values is
 * left out of that chart, and the chart's notes say so. Plots no chart draws (no line series: images, bars,
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

function overlaid(chart: Chart, top: ConfigurationRuns[], rankedBy: string | null): PlotEntry | null {
  let x: PlotSeries['x'] | null = null;
  let base: PlotSeries['lines'][number] | null = null;
  let title = chart.plot;
  let labels: Pick<PlotSeries, 'xLabel' | 'yLabel'> = {};
  let skipped = 0;
  let lacking = 0;
  const lines: PlotSeries['lines'] = [];
  for (const c of top) {
    const ys: (number | null)[][] = [];
    for (const report of c.reports) {
      const plot = report.plots.find((p) => p.id === chart.plot);
      const head = plot?.series && lineOf(plot.series, report.head.label, chart.series);
      if (!plot?.series || !head) {
        lacking++;
        continue;
      }
      x ??= plot.series.x;
      if (JSON.stringify(plot.series.x) !== JSON.stringify(x)) {
        skipped++;
        continue;
      }
      title = chart.series ? `${plot.title}: ${chart.series}` : plot.title;
      labels = { ...(plot.series.xLabel ? { xLabel: plot.series.xLabel } : {}), ...(plot.series.yLabel ? { yLabel: plot.series.yLabel } : {}) };
      base ??= (report.base && lineOf(plot.series, report.base.label, chart.series)) || null;
      ys.push(head.y);
    }
    if (ys.length) lines.push({ name: c.id, y: x!.map((_, i) => mean(ys.map((y) => y[i] ?? null))) });
  }
  if (!x || !lines.length) return null;
  const runs = (n: number) => `${n} run${n === 1 ? '' : 's'}`;
  const notes = [
    `${lines.length === 1 ? 'The' : `The top ${lines.length}`} configuration${lines.length === 1 ? '' : 's'}${rankedBy ? ` by ${rankedBy}` : ''}, each the mean of its runs.`,
    ...(skipped ? [`${runs(skipped)} with other x values left out.`] : []),
    ...(lacking ? [`${runs(lacking)} without this line left out.`] : []),
  ];
  const id = chart.series ? `${chart.plot}: ${chart.series}` : chart.plot;
  return { id, title, image: null, notes, series: { x, lines: [...(base ? [{ name: `base: ${base.name}`, y: base.y }] : []), ...lines], ...labels } };
}

function mean(values: (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}
