import type { HistoryStats } from '../history/types';
import { formatNumber, formatPair } from '../util/numbers';
import { noiseBand, notEnoughHistory } from './noise';
import { historyStatsUsed, usesBase } from './parse';
import { metricName, resolveMetric } from './resolve';
import type { Comparator, Expr, GateRule, HistoryStat, MetricDirection, MetricLookup, MissingBasePolicy, RuleOutcome } from './types';

export interface GateEvaluation {
  /** false when a failing-level rule broke, a rule could not be evaluated (unknown metric), or no rule was checked. */
  passed: boolean;
  /** Rules that compared values (held or broke); 0 means the gate checked nothing and must not pass. */
  checked: number;
  outcomes: RuleOutcome[];
  /** Which way is better per metric, as the rules say; for ↑/↓ in the report. */
  directions: MetricDirection[];
}

export interface EvaluateOptions {
  missingBase: MissingBasePolicy;
  /** Whether there is a base revision at all (changes the message of a rule that needs one). */
  hasBase: boolean;
  /**
   * Without a base revision: why it could not be had (a fetch that failed, with git's words), when it exists but is
   * not known here. Such a base is not missing: a rule comparing with `base` (or `history.*`) is an error, not a skip,
   * whatever missing-base says, and `baseRemedy` says how to fetch it. Absent: there is no base (the first commit).
   */
  baseUnread?: string;
  /** What would let a run have the base `baseUnread` says it lacked, in the words of the interface in use. */
  baseRemedy?: string;
  /** Metrics files there at the head that could not be read (path → why): a metric they may hold is not missing. */
  unreadAtHead?: ReadonlyMap<string, string>;
  /**
   * Metrics files there at the base that could not be read (path → why, naming the revision): a metric they may hold
   * is no metric new at the head, so a rule comparing with `base` is not checked rather than skipped.
   */
  unreadAtBase?: ReadonlyMap<string, string>;
  /**
   * Metrics files whose values at the base are not known (path → why, naming the file that does not load there and
   * the revision): their dvc.yaml or `.dvc` file does not load at the base. A metric the base lacks there may well
   * have been there: a rule comparing with `base` is not checked, rather than skipped as if the metric were new.
   */
  notKnownAtBase?: ReadonlyMap<string, string>;
  /**
   * Metrics files the base has as DVC outputs whose object no cache or remote gave (path → why, naming the revision,
   * the object and the remote). The base had the file, so a metric it lacks there is not known, not new: a rule
   * comparing with `base` is not checked, whatever missing-base says, and `cachedRemedy` says what would let it be.
   */
  cachedAtBase?: ReadonlyMap<string, string>;
  /**
   * The same at the head (path → why): dvc.lock names the file there, so a metric it lacks there is not known, not
   * missing, and every rule on it is not checked, `if present` too.
   */
  cachedAtHead?: ReadonlyMap<string, string>;
  /** What would let a run read such a file at the base, in the words of the interface in use (inputs or flags). */
  cachedRemedy?: string;
  /**
   * Metrics files the base does not have in git whose base values the history store would hold, when its branch could
   * not be fetched (path → why): whether it has them is not known, so a rule comparing with `base` is not checked
   * rather than skipped as if the metric were new, and `storeRemedy` says what would let it be.
   */
  storeUnreadAtBase?: ReadonlyMap<string, string>;
  /** What would let a run read the history store's branch, in the words of the interface in use. */
  storeRemedy?: string;
  /**
   * Metrics files the base does not have in git that the history store holds at other commits, when it has no
   * usable record of the base (path → why): the base's push run has not recorded them (it failed, was cancelled or
   * is still running), so they are not known at the base rather than new, and `unrecordedRemedy` says what would
   * let a run know them.
   */
  unrecordedAtBase?: ReadonlyMap<string, string>;
  /** What would have the store record the base, in the words of the interface in use. */
  unrecordedRemedy?: string;
  /**
   * What would let a run know a history's values it could not (`MetricLookup.history.notKnown`), by why it could not:
   * the clone's history could not be fetched, or a DVC output no cache or remote gave (a store: `storeRemedy`).
   */
  historyRemedy?: { fetch?: string; 'dvc-cache'?: string };
  /**
   * Metrics files written by out-of-date stages the run did not reproduce, or by stages downstream of them (path →
   * those stages): their values are the last run's, so a rule that compared them checked nothing of this change.
   */
  staleAtHead?: ReadonlyMap<string, string[]>;
  /**
   * Why each stage of `staleAtHead` made no values of this change, when the pipeline ran and it did not (`which failed
   * (…)`, `which did not run (upstream stage 'train' failed)`); absent: the stages are out of date, not reproduced.
   */
  staleWhy?: ReadonlyMap<string, string>;
  /**
   * Metrics files whose values at the base are those of a stage out of date at the base commit itself (path → why,
   * naming the stage, the revision and `dvc status`'s reasons there): the base was committed without reproducing, so
   * its values are not of its own params, code and data, and a rule comparing with `base` is not checked, as where the
   * base's values are not known.
   */
  staleAtBase?: ReadonlyMap<string, string>;
  /**
   * Metrics files a stage of the base writes when whether the base's stages were up to date there could not be told
   * (path → why, naming the dvc.yaml whose pipeline does not load there and the revision): the base's value may be a
   * stale stage's last run's, so a rule comparing with `base` is not checked, as on `staleAtBase`.
   */
  baseFreshnessUnknown?: ReadonlyMap<string, string>;
  /**
   * Metrics files a stage writes when whether the stages are up to date could not be told (path → why, naming the
   * project file that does not load): their values may be the last run's, so a rule on them checked nothing known.
   */
  freshnessUnknown?: ReadonlyMap<string, string>;
  /** A CLI run: messages name the policy by its flag (`--missing-base fail`), not by the action's input. */
  cli?: boolean;
}

/** The `missing-base: fail` policy as the interface in use sets it. */
function failPolicy(options: EvaluateOptions): string {
  return options.cli ? '`--missing-base fail`' : 'missing-base: fail';
}

/**
 * Evaluates every rule against the metrics. Semantics:
 * - a metric missing at the head breaks its rule, unless the rule says `if present` (then it is skipped); a metrics
 *   file there at the head that cannot be read (it does not parse, the guard refused it) is an error for every rule
 *   on it, `if present` too: a crashed evaluation is not an absent metric;
 * - in an aggregate, a metric some of a configuration's runs lack (or hold as a non-number) breaks its rule;
 * - a rule that uses `base` when the base has no value is skipped with a note, or breaks with `missing-base: fail`;
 *   but a base revision that could not be fetched (`baseUnread`) is not known, not missing: such a rule is an error;
 *   but a metrics file there at the base that cannot be read, whose dvc.yaml or `.dvc` file does not load there, or
 *   that is a DVC output whose object no cache or remote gave, or that is not in git there while the history store
 *   that would hold its values could not be fetched, is no missing value: such a rule is an error;
 * - a rule that uses `history.*` when the base branch's history has fewer than 3 values of the metric follows
 *   missing-base as `base` does; but fewer for want of values that are there and could not be read (a clone whose
 *   history could not be fetched, DVC outputs no cache or remote gave, a history store that could not be read) is no
 *   short history: such a rule is an error;
 * - a rule that uses `history.*` where no history was read (history off, or an aggregate of jobs that read none) is an error;
 * - NaN and ±Infinity (at head, at base, or as the computed threshold) and non-numbers break the rule;
 * - a metric no file has, or a name that matches several, is an error: it fails the gate at any level,
 *   because a rule that cannot be checked must not pass silently;
 * - a gate in which every rule was skipped (or that has none) checked nothing, and fails.
 */
export function evaluateRules(rules: GateRule[], metrics: MetricLookup[], options: EvaluateOptions): GateEvaluation {
  return evaluationOf(
    rules.map((rule) =>
      freshnessNotKnown(notOfThisChange(evaluateRule(rule, metrics, options), options.staleAtHead, options.staleWhy), options.freshnessUnknown),
    ),
  );
}

/** A gate's verdict from its rules' outcomes: it passes when it checked something and nothing failing-level broke. */
export function evaluationOf(outcomes: RuleOutcome[]): GateEvaluation {
  const checked = outcomes.filter((o) => o.status === 'passed' || o.status === 'failed').length;
  const passed = checked > 0 && outcomes.every((o) => o.status === 'passed' || o.status === 'skipped' || (o.status === 'failed' && o.rule.level === 'warn'));
  return { passed, checked, outcomes, directions: directionsOf(outcomes) };
}

function evaluateRule(rule: GateRule, metrics: MetricLookup[], options: EvaluateOptions): RuleOutcome {
  const outcome = (status: RuleOutcome['status'], message: string, extra: Partial<RuleOutcome> = {}): RuleOutcome => ({
    rule,
    status,
    metric: null,
    base: null,
    head: null,
    threshold: null,
    message,
    ...extra,
  });
  const resolved = resolveMetric(rule.metric, metrics);
  if (resolved.kind === 'ambiguous') {
    const names = resolved.candidates.map(metricName);
    return outcome('error', `\`${rule.metric.text}\` matches ${names.length} metrics (${names.join(', ')}); name one as \`file:key\`.`);
  }
  if (resolved.kind === 'unknown') {
    const known = resolved.closest.length ? `closest known: ${resolved.closest.join(', ')}` : 'no metrics were found at all';
    // A file the head has but that could not be read may hold the metric: not knowing is no absence, `if present` or not.
    const unread = [...(options.unreadAtHead ?? new Map<string, string>()), ...cachedAtHeadWhy(options.cachedAtHead)].filter(
      ([path]) => rule.metric.file === null || path === rule.metric.file || path.endsWith(`/${rule.metric.file}`),
    );
    if (unread.length) {
      return outcome(
        'error',
        `\`${rule.metric.text}\` is in no metrics file read at the head, and one that could not be read may hold it: ${unread.map(([, why]) => why).join('; ')}`,
      );
    }
    // A typo is the likelier reason than a metric not written yet: the names it may have meant go with the skip.
    if (rule.ifPresent) return outcome('skipped', `\`${rule.metric.text}\` is not in any metrics file (${known}); skipped because of \`if present\`.`);
    return outcome('error', `Unknown metric \`${rule.metric.text}\` (${known}).`);
  }
  const m = resolved.metric;
  const metric = { file: m.file, key: m.key };
  const head = m.head;
  const base = m.base ?? null;
  const known = { metric, base: base !== null && Number.isFinite(base) ? base : null };
  // Some of an aggregate's runs lack it: `if present` does not skip it, the others have it.
  if (m.headGap) return outcome('failed', m.headGap, known);
  const cachedHead = head === undefined ? options.cachedAtHead?.get(m.file) : undefined;
  if (cachedHead !== undefined) {
    return outcome('error', `Not checked: \`${metricName(m)}\` is not known at the head: ${cachedUnreadWhy(m.file, cachedHead)}.`, known);
  }
  if (head === undefined && m.headError !== undefined) {
    return outcome('error', `\`${metricName(m)}\` cannot be read at the head: ${m.headError}`, known);
  }
  if (head === undefined) {
    if (rule.ifPresent) return outcome('skipped', `\`${metricName(m)}\` is missing at the head; skipped because of \`if present\`.`, known);
    return outcome('failed', `\`${metricName(m)}\` is missing at the head.`, known);
  }
  if (head === null) return outcome('failed', `\`${metricName(m)}\` is not a number at the head.`, known);
  // ±Infinity compares like a number but means the metric blew up (a loss of `inf` is below no threshold a rule intends).
  if (!Number.isFinite(head)) return outcome('failed', `\`${metricName(m)}\` is ${head} at the head.`, known);
  const withHead = { ...known, head };

  if (usesBase(rule.threshold)) {
    // A value the base has that is not a number (text, a boolean) is no missing base: like NaN, it breaks the rule.
    if (m.base === null) {
      return outcome('failed', `\`${metricName(m)}\` is not a number at the base, so there is nothing to compare with.`, withHead);
    }
    const unreadBase = base === null ? options.unreadAtBase?.get(m.file) : undefined;
    if (unreadBase !== undefined) {
      return outcome(
        'error',
        `Not checked: \`${m.file}\` cannot be read at the base (${unreadBase}), so the rule has no \`base\` value to compare with.`,
        withHead,
      );
    }
    const notKnown = base === null ? notKnownAtBase(m.file, options) : null;
    if (notKnown) {
      const remedy = notKnown.remedy ? ` ${notKnown.remedy}` : '';
      return outcome(
        'error',
        `Not checked: \`${metricName(m)}\` is not known at the base: ${notKnown.why}, so the rule has no \`base\` value to compare with.${remedy}`,
        withHead,
      );
    }
    if (base === null && !options.hasBase && options.baseUnread !== undefined) return baseNotRead(outcome, options, withHead);
    if (base === null) {
      const why = !options.hasBase
        ? 'there is no base revision'
        : `\`${metricName(m)}\` is not present at the base${m.fileNotes ? ` (${m.file}: ${m.fileNotes.join('; ')})` : ''}`;
      if (options.missingBase === 'fail') return outcome('failed', `The rule compares with \`base\`, but ${why} (${failPolicy(options)}).`, withHead);
      return outcome('skipped', `Skipped: the rule compares with \`base\`, but ${why}.`, withHead);
    }
    if (!Number.isFinite(base)) return outcome('failed', `\`${metricName(m)}\` is ${base} at the base, so there is nothing to compare with.`, withHead);
    const staleBase = options.staleAtBase?.get(m.file);
    if (staleBase !== undefined) {
      return outcome(
        'error',
        `Not checked: \`${metricName(m)}\` is not known at the base: ${staleBase}, so its value there (${formatNumber(base)}) is not of the base's own params, code and data, and the rule has no \`base\` value to compare with.`,
        withHead,
      );
    }
    const freshBase = options.baseFreshnessUnknown?.get(m.file);
    if (freshBase !== undefined) {
      return outcome(
        'error',
        `Not checked: \`${metricName(m)}\` is not known at the base: whether the base's stages were up to date there could not be told: ${freshBase.replace(/\.$/, '')}; its value there (${formatNumber(base)}) may be a stage's last run's, not of the base's own params, code and data, so the rule has no \`base\` value to compare with.`,
        withHead,
      );
    }
  }
  const stats = historyStatsUsed(rule.threshold);
  let history: HistoryStats | null = null;
  if (stats.length) {
    const used = `\`history.${stats[0]}\``;
    if (!m.history) return outcome('error', `The rule uses ${used}, but no history of the base branch was read here.`, withHead);
    if (!m.history.stats && !options.hasBase && options.baseUnread !== undefined) return baseNotRead(outcome, options, withHead);
    if (!m.history.stats && m.history.notKnown) {
      // Values there but not read are not known: too few of them is no short history, whatever missing-base says.
      const { why, cause } = m.history.notKnown;
      const fix = cause === 'store' ? options.storeRemedy : cause === 'moved-root' ? undefined : options.historyRemedy?.[cause];
      const remedy = fix ? ` ${fix}` : '';
      return outcome(
        'error',
        `Not checked: the rule uses ${used}, and \`${metricName(m)}\` has ${m.history.n} known value${m.history.n === 1 ? '' : 's'} of history where it needs 3: ${why.replace(/\.$/, '')}. Values there that could not be read are not known, which is no short history.${remedy}`,
        { ...withHead, noise: notEnoughHistory(m.history.n) },
      );
    }
    if (!m.history.stats) {
      const noise = notEnoughHistory(m.history.n);
      const why = `${noise.text}${options.hasBase ? '' : ': there is no base revision'}`;
      if (options.missingBase === 'fail')
        return outcome('failed', `The rule uses ${used}, but there is ${why} (${failPolicy(options)}).`, { ...withHead, noise });
      return outcome('skipped', `Skipped: ${why}; the rule uses ${used}, which needs at least 3 values.`, { ...withHead, noise });
    }
    history = m.history.stats;
  }
  const threshold = evaluateExpr(rule.threshold, base ?? Number.NaN, history);
  // `base / 0` is Infinity, which every value is below: a rule that would hold whatever the metric is checks nothing.
  if (!Number.isFinite(threshold)) return outcome('failed', `The threshold works out to ${threshold}.`, withHead);
  const thresholdAt = (s: HistoryStats): number => evaluateExpr(rule.threshold, base ?? Number.NaN, s);
  const noise = history ? { noise: noiseBand(stats, stdWeight(rule.threshold, base ?? Number.NaN, history, stats), history, head, thresholdAt) } : {};
  const full = { ...withHead, threshold, ...noise };
  // The report's number format, with the digits it takes so a message never reads "0.9 is not >= 0.9".
  const [h, t] = formatPair(head, threshold);
  const notes = [usesBase(rule.threshold) ? `base ${formatNumber(base!)}` : '', history ? `history n=${history.n}` : ''].filter(Boolean);
  const baseNote = notes.length ? ` (${notes.join(', ')})` : '';
  if (compare(head, rule.comparator, threshold)) return outcome('passed', `${h} ${rule.comparator} ${t}${baseNote}`, full);
  return outcome('failed', `${h} is not ${rule.comparator} ${t}${baseNote}.`, full);
}

/**
 * Why a file the base has no value of is not known there rather than without the metric, and what would let a run
 * know it; null when nothing says so. In order: a DVC output no cache or remote gave; the base's own project does not
 * give the file (it does not load there, the change moved the root), which comes before the store's reasons, as the
 * store would hold only values of a file that project gives; a history store that could not be read; one that holds
 * the file at other commits but has no record of the base.
 */
function notKnownAtBase(file: string, options: EvaluateOptions): { why: string; remedy?: string | undefined } | null {
  const cached = options.cachedAtBase?.get(file);
  if (cached !== undefined) return { why: cachedUnreadWhy(file, cached), remedy: options.cachedRemedy };
  const notKnown = options.notKnownAtBase?.get(file);
  if (notKnown !== undefined) return { why: notKnown };
  const storeUnread = options.storeUnreadAtBase?.get(file);
  if (storeUnread !== undefined) return { why: storeUnread, remedy: options.storeRemedy };
  const unrecorded = options.unrecordedAtBase?.get(file);
  if (unrecorded !== undefined) return { why: unrecorded, remedy: options.unrecordedRemedy };
  return null;
}

/** A rule that needs the base (its value, or its branch's history) when the base revision could not be fetched. */
function baseNotRead(
  outcome: (status: RuleOutcome['status'], message: string, extra?: Partial<RuleOutcome>) => RuleOutcome,
  options: EvaluateOptions,
  withHead: Partial<RuleOutcome>,
): RuleOutcome {
  const remedy = options.baseRemedy ? ` ${options.baseRemedy}` : '';
  return outcome(
    'error',
    `Not checked: the base revision could not be read (${options.baseUnread}), so the rule has nothing at the base to compare with; it exists, so this is no missing base.${remedy}`,
    withHead,
  );
}

/** Why a DVC output a revision names has no values there (`why`: the cache's or the remote's words), for a message. */
export function cachedUnreadWhy(file: string, why: string): string {
  return `${file} is DVC-cached and could not be read from the cache or the remote (${why})`;
}

function cachedAtHeadWhy(cachedAtHead: ReadonlyMap<string, string> | undefined): [string, string][] {
  return [...(cachedAtHead ?? new Map<string, string>())].map(([path, why]) => [path, cachedUnreadWhy(path, why)]);
}

/**
 * A rule that compared values of a file out-of-date stages write (`staleAtHead`) compared their last run's values, not
 * this change's: an error (it can neither pass nor be counted as checked), its numbers kept to show what was compared.
 * So is one on a file a stage writes that failed or did not run in this run (`staleWhy` says which and why).
 */
function notOfThisChange(
  outcome: RuleOutcome,
  staleAtHead: ReadonlyMap<string, string[]> | undefined,
  staleWhy: ReadonlyMap<string, string> | undefined,
): RuleOutcome {
  const stale = outcome.metric && staleAtHead?.get(outcome.metric.file);
  if (!stale?.length || (outcome.status !== 'passed' && outcome.status !== 'failed')) return outcome;
  const stages = stale.map((s) => `'${s}'`).join(', ');
  const from = staleWhy
    ? `stage ${stale.map((s) => `'${s}', ${staleWhy.get(s) ?? 'which did not run'}`).join('; stage ')}`
    : `out-of-date stage${stale.length === 1 ? '' : 's'} ${stages} (not reproduced)`;
  // A head without the value (the stage deleted its non-persistent out before it was stopped) compared nothing.
  const compared = outcome.head === null ? 'so the head has no value of it from this change' : "so the rule compared the last run's values, not this change's";
  const message = `Not checked: \`${metricName(outcome.metric!)}\` comes from ${from}, ${compared} (${outcome.message.replace(/\.$/, '')}).`;
  return { ...outcome, status: 'error', message, stale };
}

/**
 * A rule that compared values of a file a stage writes, when whether that stage is up to date could not be told (a
 * dvc.yaml whose pipeline does not load: `dvc status` refuses the whole project), may have compared the last run's
 * values: an error, as for an out-of-date stage, its numbers kept to show what was compared.
 */
function freshnessNotKnown(outcome: RuleOutcome, freshnessUnknown: ReadonlyMap<string, string> | undefined): RuleOutcome {
  const why = outcome.metric && freshnessUnknown?.get(outcome.metric.file);
  if (!why || (outcome.status !== 'passed' && outcome.status !== 'failed')) return outcome;
  const message = `Not checked: could not tell whether the stage that writes \`${outcome.metric!.file}\` is up to date: ${why.replace(/\.$/, '')}; the rule may have compared the last run's values (${outcome.message.replace(/\.$/, '')}).`;
  return { ...outcome, status: 'error', message };
}

/** The threshold's value; `history.*` is NaN without history (callers check that a rule needing it has it). */
export function evaluateExpr(expr: Expr, base: number, history: HistoryStats | null = null): number {
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'base':
      return base;
    case 'history':
      return history ? history[expr.stat] : Number.NaN;
    case 'negate':
      return -evaluateExpr(expr.operand, base, history);
    case 'percent': {
      const left = evaluateExpr(expr.left, base, history);
      const delta = (Math.abs(left) * expr.percent) / 100;
      return expr.op === '+' ? left + delta : left - delta;
    }
    case 'binary': {
      const l = evaluateExpr(expr.left, base, history);
      const r = evaluateExpr(expr.right, base, history);
      switch (expr.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          return l / r;
      }
    }
  }
}

/** How far the threshold moves per unit of `history.std` (3 in `history.mean - 3 * history.std`); null without std. */
function stdWeight(expr: Expr, base: number, history: HistoryStats, used: HistoryStat[]): number | null {
  if (!used.includes('std')) return null;
  const k = Math.abs(evaluateExpr(expr, base, { ...history, std: 1 }) - evaluateExpr(expr, base, { ...history, std: 0 }));
  // The difference of two thresholds carries their rounding: `history.mean - history.std` gives 0.9999999999999999.
  return Number(k.toPrecision(12));
}

/** Whether `value comparator threshold` holds. */
export function compare(value: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case '>=':
      return value >= threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    case '<':
      return value < threshold;
    case '==':
      return value === threshold;
    case '!=':
      return value !== threshold;
  }
}

function directionsOf(outcomes: RuleOutcome[]): MetricDirection[] {
  const byMetric = new Map<string, MetricDirection | null>();
  for (const o of outcomes) {
    if (!o.metric) continue;
    const c = o.rule.comparator;
    const better = c === '>=' || c === '>' ? 'higher' : c === '<=' || c === '<' ? 'lower' : null;
    if (!better) continue;
    const name = metricName(o.metric);
    const seen = byMetric.get(name);
    if (seen === undefined) byMetric.set(name, { ...o.metric, better });
    else if (seen && seen.better !== better) byMetric.set(name, null);
  }
  return [...byMetric.values()].filter((d): d is MetricDirection => d !== null);
}
