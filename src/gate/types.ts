import type { HistoryNotKnown, HistoryStats } from '../history/types';

/** A comparison operator, as written in a rule. */
export type Comparator = '>=' | '<=' | '>' | '<' | '==' | '!=';

/** A statistic of the metric's values on the base branch's history, as rules write it: `history.mean`, … */
export type HistoryStat = 'mean' | 'std' | 'min' | 'max' | 'n';

/** The right-hand side of a rule: numbers, `base`, `history.*`, arithmetic and relative percentages. */
export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'base' }
  | { kind: 'history'; stat: HistoryStat }
  | { kind: 'negate'; operand: Expr }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
  /** `left ± N%`: N percent of |left| added or taken away (`base + 5%` is base × 1.05 for a positive base). */
  | { kind: 'percent'; op: '+' | '-'; left: Expr; percent: number };

/** A metric as a rule names it: `[file:]key.path`; without a file, any file whose key matches uniquely. */
export interface MetricRef {
  file: string | null;
  key: string;
  /** As written, for messages. */
  text: string;
}

/** Where a rule was written, so errors and annotations can point at it. */
export interface RuleSource {
  /** `input 'thresholds'` or the project file's name. */
  origin: string;
  /** 1-based line in the input or the file. */
  line: number;
  /**
   * 1-based column of that line where the rule's text starts, so that a syntax error's column is the line's; null
   * when the text does not stand there as written (a rule YAML unescaped, or rebuilt from `- warn: …`): the error
   * then says its column is the rule's. Absent: the rule is the whole line.
   */
  column?: number | null;
  /** The file the rule lives in (for annotations), when it is a file in the repository. */
  file?: string;
}

export type GateLevel = 'fail' | 'warn';

/** One parsed threshold rule. */
export interface GateRule {
  /** The rule as the user wrote it (without the level prefix). */
  text: string;
  level: GateLevel;
  metric: MetricRef;
  comparator: Comparator;
  threshold: Expr;
  /** `if present`: a metric missing at the head skips the rule instead of breaking it. */
  ifPresent: boolean;
  source: RuleSource;
}

/** What to do with a rule that compares with `base` when the base has no value. */
export type MissingBasePolicy = 'skip' | 'fail';

/** Everything the gate step needs, decided up front. */
export interface GateConfig {
  rules: GateRule[];
  missingBase: MissingBasePolicy;
  /** false: a broken rule makes `passed` false but does not fail the step. */
  failOnThreshold: boolean;
  /** The check run's name (and the commit status context in the fallback). */
  checkName: string;
  /** Where the rules came from, when that needs saying (the input set aside the project file's rules). */
  notes: string[];
  /** `project-file`: the rules are the head's .mlreport.yml, until `trustBase` swaps in the base revision's. */
  rulesFrom: 'input' | 'project-file';
  /**
   * Pull request events: the rules in force are .mlreport.yml at the base revision, so a PR cannot loosen its own
   * gate; the head's rules (`rules` until then) become proposed rules (see rulesAtBase).
   */
  trustBase: boolean;
  /** Set once the base's rules are in force: how the PR changes them (they apply after merge); null when it does not. */
  proposed?: ProposedRules | null;
  /**
   * A pull request with rules of its own whose base revision could not be had (a fetch that failed): why. The rules in
   * force are unknown, so the gate checks nothing and fails, and the PR's rules are not called proposed.
   */
  baseUnread?: string | null;
}

/** Rules a pull request adds to or removes from .mlreport.yml, as written (with a `warn: ` prefix for warnings). */
export interface ProposedRules {
  file: string;
  added: string[];
  removed: string[];
}

/** One metric's values, as the evaluator sees them (built from the metrics diff by one adapter). */
export interface MetricLookup {
  file: string;
  key: string;
  /** undefined: absent on that side; null: present but not a number (text, boolean, null). NaN stays NaN. */
  base: number | null | undefined;
  head: number | null | undefined;
  /**
   * Its values on the base branch's history: how many, and their stats (null under MIN_HISTORY values); absent when
   * history is off (or an aggregate's jobs read none).
   */
  history?: {
    n: number;
    stats: HistoryStats | null;
    /**
     * Why some of its values there are not known, rather than absent: commits the clone's history could not be had
     * for (`cause` 'fetch'), a DVC output no cache or remote gave ('dvc-cache'), or a store that could not be read ('store').
     */
    notKnown?: { why: string; cause: HistoryNotKnown['cause'] | 'fetch' };
  };
  /**
   * Why the head has no one value that stands for it: an aggregate's configuration whose runs do not all hold a
   * number (`` `metrics.json:acc` is a number in 2 of 3 runs: `seed3` has "diverged". ``). The rule breaks.
   */
  headGap?: string;
  /** Why its file, there at the head, could not be read (it does not parse, the guard refused it): no missing metric. */
  headError?: string;
  /** What the report notes about the metric's file (`not known at main: dvc.yaml does not load there`): why a side lacks it. */
  fileNotes?: string[];
}

type RuleStatus = 'passed' | 'failed' | 'skipped' | 'error';

/** How one rule came out. */
export interface RuleOutcome {
  rule: GateRule;
  status: RuleStatus;
  /** The metric the rule resolved to, when it did. */
  metric: { file: string; key: string } | null;
  base: number | null;
  head: number | null;
  threshold: number | null;
  /** For people: what was compared, or why the rule was skipped or broke. */
  message: string;
  /** For rules that use `history.*`: the band of noise they used and where the head's value is. */
  noise?: NoiseBand;
  /**
   * Out-of-date stages (not reproduced) the metric's file comes from, or the stage that wrote it and failed or did not
   * run in this run: its values are their last run's, not this change's.
   */
  stale?: string[];
}

/**
 * The noise a history rule measured against: the band mean ± k·std (k as the rule has it, 3 when it has no std),
 * or the history's [min, max] for rules on min/max; `beyond` when the head's value is outside it.
 */
export interface NoiseBand {
  n: number;
  stats: HistoryStats | null;
  /** null when there is not enough history (n under 3). */
  band: {
    low: number;
    high: number;
    center: number | null;
    k: number | null;
    /**
     * The rule's threshold is one of the band's edges by the rule's form (`history.mean - 3 * history.std`,
     * `history.min`): the band is the rule's own. False where it only shows the noise beside the threshold (a rule on
     * the mean alone, on `base - 2 * history.std`, with an offset). Absent in report.json from older versions.
     */
    thresholdEdge?: boolean;
  } | null;
  verdict: 'beyond' | 'within' | 'not-enough-history';
  /** `0.842 ± 3×0.006 = [0.824, 0.860]: within noise`, or `not enough history (n=2)`. */
  text: string;
}

/** Which way is better for a metric, as the rules say (`>=` → higher). */
export interface MetricDirection {
  file: string;
  key: string;
  better: 'higher' | 'lower';
}
