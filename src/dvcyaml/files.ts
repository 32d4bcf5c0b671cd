import { posix } from 'node:path';
import { isPyDict } from '../pipeline/pyvalue';
import type { DvcYaml, Stage } from './types';

/** Files a dvc.yaml names for `metrics`/`params`/`plots` commands, relative to the dvc.yaml directory. */
export interface DvcYamlFiles {
  /** Stage `metrics:` outs and the top-level `metrics:` list (files or directories). */
  metrics: string[];
  /** Params files of stage `params:` and the top-level `params:` list (params.yaml is added by callers that find it). */
  params: string[];
  /** Stage `plots:` outs, top-level plot paths, and the data files named in top-level plot `y:` mappings. */
  plots: string[];
}

function inWdir(stage: Stage, path: string): string {
  return posix.normalize(posix.join(stage.wdir, path.replace(/\\/g, '/')));
}

/** What DVC's `metrics show`, `params show` and `plots show` would collect from this dvc.yaml (sorted). */
export function dvcYamlFiles(dvc: DvcYaml): DvcYamlFiles {
  const metrics = new Set(dvc.metrics.map((m) => posix.normalize(m)));
  const params = new Set(dvc.params.map((p) => posix.normalize(p)));
  const plots = new Set<string>();
  for (const stage of dvc.stages) {
    for (const out of stage.outs) {
      if (out.kind === 'metric') metrics.add(inWdir(stage, out.path));
      if (out.kind === 'plot') plots.add(inWdir(stage, out.path));
    }
    for (const dep of stage.params) params.add(inWdir(stage, dep.file));
  }
  for (const plot of dvc.plots) {
    const y = plot.props?.y;
    if (y !== undefined && isPyDict(y)) for (const file of Object.keys(y)) plots.add(posix.normalize(file));
    else plots.add(posix.normalize(plot.id));
  }
  const sorted = (s: Set<string>): string[] => [...s].sort();
  return { metrics: sorted(metrics), params: sorted(params), plots: sorted(plots) };
}
