import { joinPath } from './project';
import { isRawMap } from './python/value';
import type { DvcFile } from './dvcfile';
import type { DvcYaml } from './types';

/** What a project's dvc.yaml files name, as project paths (`/`-separated, relative to the project). */
export interface ProjectFiles {
  /** Stage `metrics:` outs and the top-level `metrics:` lists (files or directories). */
  metrics: string[];
  /** Params file → the dotted keys stages track; an empty list is the whole file (DVC's `_merge_params`). */
  params: Map<string, string[]>;
  /** Files of the top-level `params:` lists (whole files; left out by `params diff --deps`). */
  topParams: string[];
  /** Params files → the keys stages interpolate from them (DVC's tracked vars, shown by `params diff`). */
  vars: Map<string, string[]>;
  /** Outputs DVC caches (so git does not hold them): a metrics file among them missing at a commit is expected. */
  dvcOuts: Set<string>;
  /** Stage `plots:` outs, top-level plot paths, and the data files named in top-level plot `y:` mappings. */
  plots: string[];
}

/**
 * What DVC's `metrics show`, `params show` and `plots show` collect from these dvc.yaml files: paths resolve
 * against each dvc.yaml's folder and the stage's `wdir`, as DVC does; `.dvc` files add the data they track. `params.yaml` at the root is added by
 * callers that find it.
 */
export function projectFiles(dvcYamls: DvcYaml[], dvcFiles: DvcFile[] = []): ProjectFiles {
  const metrics = new Set<string>();
  const params = new Map<string, string[]>();
  const topParams = new Set<string>();
  const vars = new Map<string, string[]>();
  const dvcOuts = new Set<string>();
  const plots = new Set<string>();
  const addParams = (file: string, keys: string[] | null): void => {
    const current = params.get(file);
    if (keys === null || !keys.length || (current && !current.length)) params.set(file, []);
    else params.set(file, [...new Set([...(current ?? []), ...keys])]);
  };
  for (const dvc of dvcYamls) {
    for (const m of dvc.metrics) metrics.add(joinPath(dvc.dir, m));
    for (const p of dvc.params) topParams.add(joinPath(dvc.dir, p));
    for (const stage of dvc.stages) {
      const base = joinPath(dvc.dir, stage.wdir);
      for (const out of stage.outs) {
        const path = joinPath(base, out.path);
        if (out.kind === 'metric') metrics.add(path);
        if (out.kind === 'plot') plots.add(path);
        if (out.cache) dvcOuts.add(path);
      }
      for (const dep of stage.params) addParams(joinPath(base, dep.file), dep.keys);
    }
    for (const [file, keys] of dvc.trackedVars) {
      const path = joinPath(dvc.dir, file);
      vars.set(path, [...new Set([...(vars.get(path) ?? []), ...keys])]);
    }
    for (const plot of dvc.plots) {
      const y = plot.props?.get('y');
      if (isRawMap(y)) for (const file of y.keys()) plots.add(joinPath(dvc.dir, file));
      else plots.add(joinPath(dvc.dir, plot.id));
    }
  }
  for (const file of dvcFiles) for (const out of file.outs) dvcOuts.add(out.path);
  const sorted = (s: Set<string>): string[] => [...s].sort();
  return { metrics: sorted(metrics), params, topParams: sorted(topParams), vars, dvcOuts, plots: sorted(plots) };
}
