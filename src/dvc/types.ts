import type { RawMap } from './python/value';

/** A dvc.yaml, loaded, validated and with `${…}` resolved, `foreach`/`matrix` groups expanded. */
export interface DvcYaml {
  /** The folder holding dvc.yaml, relative to the project (`''` at its root); every path below is relative to it. */
  dir: string;
  /** The dvc.yaml's own path in the project, for messages. */
  file: string;
  /** Stages in file order; generated ones are named `group@key` as DVC names them. */
  stages: Stage[];
  /** Top-level `metrics:` (files or dirs, relative to `dir`). */
  metrics: string[];
  /** Top-level `params:` (whole params files, relative to `dir`). */
  params: string[];
  /** Top-level `plots:`, each a path or `{id: definition}`. */
  plots: TopPlot[];
  /** Params files (relative to `dir`) → the keys stages interpolate from them: DVC's tracked vars. */
  trackedVars: Map<string, string[]>;
}

export type TopPlot = { id: string; props: RawMap | null };

export interface Stage {
  name: string;
  /** Posix path relative to the dvc.yaml dir; `.` when absent. */
  wdir: string;
  cmd: string | string[];
  /** Paths as written (relative to `wdir`). */
  deps: string[];
  params: ParamsDep[];
  /** `outs`, `metrics` and `plots` outputs, in that order. */
  outs: Out[];
  frozen: boolean;
  alwaysChanged: boolean;
  desc?: string;
}

export interface ParamsDep {
  /** Params file as written, relative to `wdir` (default `params.yaml`). */
  file: string;
  /** Dotted keys as written; null = the whole file. */
  keys: string[] | null;
}

export interface Out {
  path: string;
  kind: 'out' | 'metric' | 'plot';
  cache: boolean;
  persist: boolean;
  /** Other flags as written (push, desc, remote, template, x, y, …). */
  props: RawMap;
}
