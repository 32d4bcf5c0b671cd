import { join } from 'node:path';
import type { PlotRenderer } from '../plots/render';
import type { TrendEntry } from '../report/types';
import type { Deadline } from '../util/deadline';
import { describeError } from '../util/errors';
import { writeFileAtomic } from '../util/files';
import { uniqueName } from '../plots/write';
import { trendSpec } from './trend-spec';
import type { TrendPlan } from './trends';

export interface DrawTrendsRequest {
  /** Where the PNGs go. */
  dir: string;
  /** The path from the report to `dir`, put in front of each image's name. */
  linkPrefix: string;
  /** The head's label, the last point's name on the x-axis. */
  headLabel: string;
  deadline?: Deadline;
}

/**
 * Draws each planned trend as `<dir>/<file>-<key>.png` through the plots' renderer (created on first use, so a run
 * without history never loads it) and returns the report's entries. A trend with no base value has no chart; one
 * that fails to draw keeps its verdict and says why in `error`, and the others are drawn.
 */
export async function drawTrends(plans: TrendPlan[], request: DrawTrendsRequest, getRenderer: () => Promise<PlotRenderer>): Promise<TrendEntry[]> {
  const names = new Set<string>();
  const entries: TrendEntry[] = [];
  let renderer: PlotRenderer | null = null;
  for (const { entry: planned, metric } of plans) {
    const entry: TrendEntry = { ...planned, image: null };
    entries.push(entry);
    if (!metric.points.length) continue;
    const what = `trend of '${metric.key}' in ${metric.file}`;
    if (request.deadline?.passed()) {
      entry.error = `${what}: ${request.deadline.skipped(what)}`;
      continue;
    }
    try {
      renderer ??= await getRenderer();
      const image = await renderer.render(trendSpec(entry, metric, request.headLabel));
      const name = uniqueName(`${metric.file}-${metric.key}`, names);
      await writeFileAtomic(join(request.dir, `${name}.png`), image.png);
      entry.image = `${request.linkPrefix}${name}.png`;
    } catch (error) {
      entry.error = `${what}: could not render: ${describeError(error)}`;
    }
  }
  return entries;
}
