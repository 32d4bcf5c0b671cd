import type { PlotEntry, PlotSeries, ReportData } from '../report/types';

/** Lines one overlaid chart draws besides the base: past a handful, lines of near colours cannot be told apart. */
const TOP_CONFIGURATIONS = 5;
/** Charts in one comparison: a sweep's plots repeat per job, a reviewer reads the first few. */
const MAX_PLOTS = 10;

interface ConfigurationRuns {
  id: string;
  reports: ReportData[];
}

/**
 * One chart per plot, with the top configurations (best first, as given) overlaid: each configuration's line is the
 * pointwise mean of its runs' head lines, drawn against the base's line. Only plots whose runs share the x values
 * can be overlaid; a run whose plot has other x values (or several lines per revision) is left out of that chart,
 * and the chart's notes say so. Drawn as a Mermaid chart by the targets (no image is rendered). Pure.
 */
export function overlaidPlots(configurations: ConfigurationRuns[], rankedBy: string | null): PlotEntry[] {
  const top = configurations.slice(0, TOP_CONFIGURATIONS);
  const ids = [...new Set(top.flatMap((c) => c.reports.flatMap((r) => r.plots.filter((p) => p.series).map((p) => p.id))))].slice(0, MAX_PLOTS);
  const plots: PlotEntry[] = [];
  for (const id of ids) {
    let x: PlotSeries['x'] | null = null;
    let base: PlotSeries['lines'][number] | null = null;
    let title = id;
    let labels: Pick<PlotSeries, 'xLabel' | 'yLabel'> = {};
    let skipped = 0;
    const lines: PlotSeries['lines'] = [];
    for (const c of top) {
      const ys: (number | null)[][] = [];
      for (const report of c.reports) {
        const plot = report.plots.find((p) => p.id === id);
        const head = plot?.series?.lines.filter((l) => l.name === report.head.label) ?? [];
        if (!plot?.series || head.length !== 1) continue;
        x ??= plot.series.x;
        if (JSON.stringify(plot.series.x) !== JSON.stringify(x)) {
          skipped++;
          continue;
        }
        title = plot.title;
        labels = { ...(plot.series.xLabel ? { xLabel: plot.series.xLabel } : {}), ...(plot.series.yLabel ? { yLabel: plot.series.yLabel } : {}) };
        base ??= (report.base && plot.series.lines.find((l) => l.name === report.base!.label)) || null;
        ys.push(head[0]!.y);
      }
      if (ys.length) lines.push({ name: c.id, y: x!.map((_, i) => mean(ys.map((y) => y[i] ?? null))) });
    }
    if (!x || !lines.length) continue;
    const notes = [
      `${lines.length === 1 ? 'The' : `The top ${lines.length}`} configuration${lines.length === 1 ? '' : 's'}${rankedBy ? ` by ${rankedBy}` : ''}, each the mean of its runs.`,
      ...(skipped ? [`${skipped} run${skipped === 1 ? '' : 's'} with other x values left out.`] : []),
    ];
    plots.push({ id, title, image: null, notes, series: { x, lines: [...(base ? [{ name: `base: ${base.name}`, y: base.y }] : []), ...lines], ...labels } });
  }
  return plots;
}

function mean(values: (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}
