import { WORKSPACE } from '../dvc/project';
import type { GitRepo } from '../git/repo';
import type { PlotEntry } from '../report/types';
import type { Logger } from '../util/log';
import { findPlotDefinitions, preparePlots, type PlotsRequest } from './collect';
import type { PlotRenderer } from './render';
import { writePlots } from './write';
import { commitTree } from '../workspace/tree';

export interface RenderPlotsRequest extends PlotsRequest {
  /** Where the images go. */
  dir: string;
  /** The path from the report (or index) to `dir`, put in front of each image's name. */
  linkPrefix: string;
  /** Whether each plot's error is a warning on the log (default); `plots render` prints its results' lines instead. */
  warnErrors?: boolean;
}

/**
 * Finds the plots, overlays base and head, writes one image per plot, and returns the report's entries.
 * `getRenderer` loads vega and the WebAssembly rasteriser; it is called only when a chart is drawn.
 */
export async function renderPlots(git: GitRepo, request: RenderPlotsRequest, getRenderer: () => Promise<PlotRenderer>, log: Logger): Promise<PlotEntry[]> {
  const baseTree = request.base ? commitTree(git, request.base.sha, request.base.label, request.budget ? { budget: request.budget } : {}) : undefined;
  const base = request.base && baseTree ? { sha: request.base.sha, tree: baseTree } : undefined;
  const found = await findPlotDefinitions(request.workspace, request.plotsPaths, request.budget, request.listing, request.projects, base);
  const entries: PlotEntry[] = found.errors.map((e) => ({ id: e.id, title: e.id, image: null, notes: [], error: e.error }));
  if (found.definitions.length) {
    const prepared = await preparePlots(git, request, found.definitions);
    for (const entry of await writePlots(prepared, getRenderer, request.dir, request.linkPrefix, request.deadline)) entries.push(entry);
  }
  // A dvc.yaml that does not load is said once in a run, by the first step that meets it; its entry here shows it still.
  if (request.warnErrors === false) return entries;
  for (const entry of entries) if (entry.error && (request.projects?.sayOnce(WORKSPACE, entry.error) ?? true)) log.warning(entry.error);
  return entries;
}
