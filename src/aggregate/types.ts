import type { HistorySection } from '../history/types';
import type { GateSummary, PlotEntry, RevisionInfo, TrendEntry } from '../report/types';
import type { Leaf } from '../values/types';

/**
 * report.json of `mlreport aggregate` / `mode: aggregate`: one sweep's runs (matrix jobs) grouped into
 * configurations, compared on their metrics (schema documented in docs/report-schema.md, "Aggregate report").
 * Lists aligned by index (`configurations[i].metrics[j]` is `metrics[j]`) keep a 200-run sweep's file small.
 */
export interface AggregateReport {
  schemaVersion: 1;
  kind: 'aggregate';
  tool: { name: 'mlreport'; version: string };
  /** The base every run compared with (they must share it); null when no run had a base. */
  base: RevisionInfo | null;
  /** The head the runs reported on, when they all name the same one; null when they differ. */
  head: RevisionInfo | null;
  /** Params whose values tell repeats apart (`seed`): runs differing only by these are one configuration. */
  repeatParams: string[];
  /** Params that differ between runs: the columns that tell configurations apart. */
  varying: ParamRef[];
  /** Params with one value in every run, folded away from the table. */
  constant: (ParamRef & { value: Leaf })[];
  metrics: MetricColumn[];
  /** The metric that picks the best configuration; null when none was named or guessed. */
  rankBy: { file: string; key: string; better: 'higher' | 'lower' } | null;
  /** Ordered best first when there is a `rankBy`, else in the order of their params. */
  configurations: Configuration[];
  /** Jobs whose report is missing or says the run failed: never dropped, never averaged. */
  failedRuns: FailedRun[];
  /**
   * Every configuration's gate together; null when no rule applies. `configurations` counts those whose every job
   * failed too (they are in `failedRuns` only), and `failedConfigurations` lists them after the ones that broke a rule.
   */
  gates: { passed: boolean; configurations: number; failedConfigurations: string[] } | null;
  plots: PlotEntry[];
  /**
   * The base branch's history every job read (one copy; `head` null in each metric: the configurations' means stand
   * in `trends`); null when the jobs read none, or histories that differ (then `warnings` says so).
   */
  history: HistorySection | null;
  trends: AggregateTrend[];
  warnings: string[];
}

/** One metric's trend in a sweep: the band of the base's history, and where each top configuration's mean stands. */
export interface AggregateTrend {
  file: string;
  key: string;
  /** As a run's trend: mean ± k·std, or (null) the history's min–max a rule on `history.min`/`history.max` judged by. */
  k: number | null;
  rule: string | null;
  /** As a run's trend: the rule's threshold is one of the band's edges. */
  thresholdEdge?: boolean;
  /** Best first: the top configurations' means against the band. */
  standings: { configuration: string; mean: number | null; standing: TrendEntry['standing'] }[];
}

export interface ParamRef {
  file: string;
  key: string;
}

export interface MetricColumn {
  file: string;
  key: string;
  better: 'higher' | 'lower' | null;
  /** The base revision's value; null when the base has none (or it is not a number). */
  base: number | null;
}

export interface Configuration {
  /** The varying params' values, as one short label (`lr=0.01, depth=3`); the table's row name. */
  id: string;
  /** Aligned with `varying`; null where a run has no such param. */
  params: (Leaf | null)[];
  /** The runs (job folders) averaged in this row. */
  runs: string[];
  /** Aligned with `metrics`: mean and sample standard deviation (n − 1) over the runs holding a number; null when none does. */
  metrics: (MetricStats | null)[];
  best: boolean;
  /** The rules evaluated on this configuration's means (head) against the base's values. */
  gates: GateSummary | null;
}

export interface MetricStats {
  mean: number;
  /** Sample standard deviation (divides by n − 1); null for a single value. */
  std: number | null;
  n: number;
}

export interface FailedRun {
  run: string;
  reason: string;
  /** The configuration it belonged to and its params (aligned with `varying`), when its report said which. */
  configuration: string | null;
  params: (Leaf | null)[] | null;
}
