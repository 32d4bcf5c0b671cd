import type { DataSection } from '../data-diff/types';
import type { NoiseBand } from '../gate/types';
import type { HistorySection } from '../history/types';
import type { FileDiff } from '../values/types';

/**
 * report.json: the machine-readable report (schema documented in docs/report-schema.md). Sections a run
 * did not produce are empty lists or null, never absent, so consumers need no guesswork.
 */
export interface ReportData {
  schemaVersion: 2;
  tool: { name: 'mlreport'; version: string };
  base: RevisionInfo | null;
  /**
   * With `base` null: why a base revision there is could not be had (a fetch that failed, with git's words), so the
   * base is not known rather than absent (a first commit has none): a rule comparing with `base` is an error, not
   * skipped under missing-base, here and in the aggregate. Absent when there is no base at all, and in older files.
   */
  baseUnread?: string;
  /**
   * With `base` set: why the base is a fallback, not the revision the event named first (a push's `before` that could
   * not be fetched, with git's words); the report says it under the revisions. Absent otherwise, and in older files.
   */
  baseFallback?: string;
  head: RevisionInfo;
  params: FileDiff[];
  metrics: FileDiff[];
  plots: PlotEntry[];
  gates: GateSummary | null;
  pipeline: PipelineSummary | null;
  warnings: string[];
  /**
   * The report's first line, derived from the fields above (report.json's copy is recomputed when read back, so
   * it cannot disagree with them): the comment's first line, the job summary's and the check run's title.
   */
  verdict: Verdict;
  /** Which way is better for metrics, from `.mlreport.yml`'s `directions:` (names not listed: rules, then the name). */
  directions: { metric: string; better: 'higher' | 'lower' }[];
  /**
   * Stages whose dependencies changed since dvc.lock while the run did not reproduce (repro off), or, when it did and
   * the pipeline failed, the stages writing metrics that failed or did not run: the metrics below from them are their
   * last run's. Empty when the pipeline ran to the end or is up to date.
   */
  stale: { stage: string; reasons: string[] }[];
  /**
   * The base branch's history of each metric shown (input `history`, `--history`): values at its last first-parent
   * commits, with their stats; null when history is off or there is no base.
   */
  history: HistorySection | null;
  /**
   * Project files (dvc.yaml, dvc.lock, params) that do not parse at the head, each with file, line and column:
   * DVC refuses such a project, so the report says it first and the run fails. Always written by runs.
   */
  projectErrors?: string[];
  /**
   * Metrics files whose values at the base are not known, each with why (naming the file and the revision): they do not
   * parse there, the dvc.yaml or `.dvc` file that names or tracks them does not load there, or they are DVC-cached and
   * neither the cache, a remote nor the history store gave them. A metric of theirs the base lacks is not new, so a rule
   * comparing with `base` is an error; the aggregate reads this to judge its rules the same way. Written by runs;
   * absent in files from older versions.
   */
  notKnownAtBase?: { file: string; why: string }[];
  /**
   * Metrics files a stage writes when whether the stages were up to date at the head could not be told (a dvc.yaml
   * whose pipeline does not load), each with why: their values may be the last run's, so a rule on them is an error;
   * the aggregate reads this so that one job's such values are not averaged into a configuration's. Absent when none
   * (and in files from older versions).
   */
  freshnessUnknown?: { file: string; why: string }[];
  /** `dvc diff` base → head of the DVC-tracked data, with CSV/TSV shapes; null when there is no base or no DVC-tracked path. */
  data?: DataSection | null;
  /** A trend chart per gated metric (per headline metric without gates), drawn from `history`; empty without it. */
  trends: TrendEntry[];
}

/**
 * One metric's trend: its base values from `history`, the band around them (mean ± k·std, or the min–max a rule on
 * `history.min`/`history.max` judged by) and the head's value as the last point. `standing` is where the head's value
 * is against that band (the same verdict the MLflow run carries).
 */
export interface TrendEntry {
  file: string;
  key: string;
  /**
   * The band's half-width in standard deviations: the gate rule's multiplier of `history.std`, else 2; null when the
   * band is the history's min–max range, as a rule on `history.min`/`history.max` judged by.
   */
  k: number | null;
  /** The rule the band was read from; null when k is the default 2. */
  rule: string | null;
  /**
   * That rule's threshold is one of the band's edges (`history.mean - 3 * history.std`, `history.min`): the band is
   * the rule's own. False where the band only shows the noise beside it (`history.mean` alone, `base - 2 *
   * history.std`). Absent without a rule, and in report.json from older versions.
   */
  thresholdEdge?: boolean;
  /** `not-enough`: fewer than 3 base values; `no-value`: the head has none. */
  standing: 'beyond' | 'within' | 'not-enough' | 'no-value';
  /** The chart (PNG), relative to the report's directory; null when there was nothing to draw or drawing failed. */
  image: string | null;
  error?: string;
}

/** The outcome in one line, with the numbers behind it, and the counts of what changed. */
export interface Verdict {
  /**
   * `failed`: a project file does not parse, a stage failed, or the gate failed (a failing rule broke, a rule could
   * not be checked, nothing was checked); `warning`: only warning rules broke, or (without gates) a metric got worse;
   * `passed`: the gate held; `info`: no gate, nothing worse.
   */
  outcome: 'failed' | 'warning' | 'passed' | 'info';
  /** Plain text with a leading emoji: `❌ gate failed: accuracy −15% (0.8667 → 0.7333, worse)`. */
  line: string;
  /** `2 metrics and 1 param changed`. */
  counts: string;
}

export interface RevisionInfo {
  /** null for the head when it is the (possibly uncommitted) workspace. */
  sha: string | null;
  label: string;
}

export interface PlotEntry {
  id: string;
  title: string;
  /** The rendered image, relative to the report's directory; null when rendering failed. */
  image: string | null;
  /** An image file the pipeline wrote, as it was at the base (image plots are not overlaid). */
  baseImage?: string | null;
  /** What the reader should know: "no data at the base", "downsampled to 2,000 points per line", … */
  notes: string[];
  error?: string;
  /** The plot's key series, downsampled; lets a comment draw it as a Mermaid chart where no PNG can be hosted. */
  series?: PlotSeries;
  /** Why a plot that could have had a Mermaid chart has none (a scatter cloud), for where its PNG cannot be shown. */
  noChart?: string;
}

/** Lines sharing one x-axis (e.g. loss per epoch for base and head). */
export interface PlotSeries {
  x: (number | string)[];
  lines: { name: string; y: (number | null)[] }[];
  xLabel?: string;
  yLabel?: string;
  /** Lines of the plot past the chart's 8, not in `lines` (the image has them): the chart says so. */
  linesLeftOut?: number;
}

export interface GateSummary {
  /** false when a failing-level rule broke, a rule could not be checked, or no rule was checked (`checked: 0`). */
  passed: boolean;
  /** How many rules compared values (held or broke); skipped rules and errors are not counted. */
  checked: number;
  rules: GateRuleResult[];
  /** Which way is better per metric, as the rules say (`>=` → higher), for ↑/↓ next to values. */
  directions: { file: string; key: string; better: 'higher' | 'lower' }[];
  /** On pull requests: how the PR changes .mlreport.yml's rules, which apply only after merge; null when it does not. */
  proposed: { file: string; added: string[]; removed: string[] } | null;
  /** On pull requests: why the base revision, whose rules are in force, could not be read (then no rule is checked). */
  baseUnread?: string;
  /** With `baseUnread`: what would let a run read it, in the words of the interface in use. Absent in older files. */
  baseRemedy?: string;
}

export interface GateRuleResult {
  /** The rule as written, without its level prefix. */
  rule: string;
  level: 'fail' | 'warn';
  /** The rule did not break: it held, or it was skipped. */
  passed: boolean;
  status: 'passed' | 'failed' | 'skipped' | 'error';
  /** What was compared, or why the rule was skipped or broke. */
  detail: string;
  metric: { file: string; key: string } | null;
  base: number | null;
  head: number | null;
  threshold: number | null;
  /** Where the rule was written: `input 'thresholds'`, `--threshold #N` or `.mlreport.yml`, the line, and the file when it is one. */
  source: { origin: string; line: number; file?: string };
  /** Rules using `history.*` only: the band of noise used and whether the head's value is beyond it, within it, or there is not enough history. */
  noise?: NoiseBand;
  /**
   * The out-of-date stages (not reproduced) the rule's metric comes from, or the stage that wrote it and failed or did
   * not run in this run: the rule compared their last run's values, so it is an `error`, not a pass. Absent otherwise.
   */
  stale?: string[];
}

export interface PipelineSummary {
  /** How the pipeline was reproduced: mlreport's own runner, `dvc repro`, or the `run` commands. */
  engine: 'builtin' | 'dvc' | 'run';
  stages: {
    name: string;
    status: 'ran' | 'skipped' | 'failed' | 'not-run';
    seconds: number;
    /** Why it ran, in `dvc status` words. */
    reasons?: string[];
    error?: string;
    /** The run's time budget ended it while it ran (`failed`, `error` says so) or was spent before it started (`not-run`): cut, not broken. */
    stopped?: true;
    /** The last 50 lines of a failed stage's output. */
    log?: string;
    /** The project files the builtin runner could not load, not a stage (its `error` says why). */
    project?: true;
  }[];
}
