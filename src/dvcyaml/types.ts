import type { PyDict } from '../pipeline/pyvalue';

/** A dvc.yaml, loaded, validated and with `${…}` resolved, `foreach`/`matrix` groups expanded. */
export interface DvcYaml {
  /** Absolute directory holding dvc.yaml; every path below is relative to it unless said otherwise. */
  dir: string;
  /** Stages in file order; generated ones are named `group@key` as DVC names them. */
  stages: Stage[];
  /** Top-level `metrics:` (files or dirs, relative to `dir`). */
  metrics: string[];
  /** Top-level `params:` (whole params files, relative to `dir`). */
  params: string[];
  /** Top-level `plots:`, each a path or `{id: definition}`. */
  plots: TopPlot[];
}

export type TopPlot = { id: string; props: PyDict | null };

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
  props: PyDict;
}
