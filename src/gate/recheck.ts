import type { HistoryStats } from '../history/types';
import { notKnownAtBaseOf } from '../report/not-known-at-base';
import { unreadAtHead } from '../values/unread-notes';
import type { GateRuleResult, GateSummary, ReportData } from '../report/types';
import { formatNumber, formatPair } from '../util/numbers';
import { compare, evaluateExpr } from './evaluate';
import { metricLookupFromDiffs } from './lookup';
import { historyStatsUsed, parseRule, RuleSyntaxError, usesBase } from './parse';
import { metricName, resolveMetric } from './resolve';
import type { GateRule, MetricLookup } from './types';

/** How many contradictions the verdict line names before "and N more". */
const NAMED = 3;

/**
 * `mode: publish`: the gate of a report another run made (the pull request's own, whose workflow the PR may edit),
 * re-checked against that report's own numbers. Each rule's row is held to what it records — its rule's comparison,
 * its threshold worked out again from the rule, its base and its history stats, its values the same as the report's
 * metrics table and history — and the gate's `passed` and `checked` to its rows. A row they contradict becomes an
 * error saying so, and the verdict names it: never a green one. The numbers themselves are not checked (only the
 * run that made them could), nor which rules were in force, nor their levels. Pure.
 */
export function withGateRechecked(report: ReportData): ReportData {
  if (!report.gates) return report;
  const { rows, totals } = recheckGate(report.gates, report);
  if (!totals.length && rows.every((why) => why === null)) return report;
  const rules = report.gates.rules.map((r, i): GateRuleResult => {
    const why = rows[i];
    return why ? { ...r, status: 'error', passed: false, detail: `The artifact marks this rule ${r.status}, but ${why}.` } : r;
  });
  const items = [
    ...report.gates.rules.flatMap((r, i) => (rows[i] ? [`${short(ruleText(r))} (marked ${r.status}, but ${short(rows[i], 120)})`] : [])),
    ...totals,
  ];
  return {
    ...report,
    gates: { ...report.gates, rules, ...totalsOf(rules, report.gates.baseUnread) },
    verdict: {
      outcome: 'failed',
      line: `❌ the artifact's gate verdict does not match its own numbers: ${items.slice(0, NAMED).join(', ')}${items.length > NAMED ? ` and ${items.length - NAMED} more` : ''}`,
      counts: report.verdict.counts,
    },
  };
}

/** Per row, why its numbers contradict its status (null: they do not); and where the gate's totals contradict its rows. */
export function recheckGate(
  gates: GateSummary,
  report: Pick<ReportData, 'metrics' | 'history'> & Partial<Pick<ReportData, 'base' | 'head' | 'notKnownAtBase' | 'baseUnread'>>,
): { rows: (string | null)[]; totals: string[] } {
  // The metrics as the run's gate saw them: the one adapter from the metrics table and the history it drew.
  const lookups = metricLookupFromDiffs(report.metrics, report.history);
  const notKnown = new Map(
    notKnownAtBaseOf({ base: report.base ?? null, metrics: report.metrics, notKnownAtBase: report.notKnownAtBase }).map((n) => [n.file, n.why]),
  );
  // A base revision there is that could not be fetched is not known: a rule that needs it cannot have been skipped.
  const baseUnread = report.base ? undefined : report.baseUnread;
  // Files the head could not read (their notes say why): their metrics are not known there, not missing.
  const unreadHead = new Map<string, string>();
  for (const f of report.metrics) {
    const note = report.head ? unreadAtHead(f, report.head.label) : null;
    if (note !== null) unreadHead.set(f.path, note);
  }
  const rows = gates.rules.map((r) => rowMismatch(r, lookups, notKnown, unreadHead, baseUnread));
  const totals: string[] = [];
  const { checked, passed } = totalsOf(gates.rules, gates.baseUnread);
  if (gates.checked !== checked) totals.push(`gates.checked is ${gates.checked}, but ${checked} of its rules compared values`);
  if (gates.passed !== passed) totals.push(`gates.passed is ${gates.passed}, but its rules ${passed ? 'pass' : 'fail'} the gate`);
  return { rows, totals };
}

/** What the gate's totals are, from its rows (evaluateRules' rule): checked is held or broke; passed, no failure and something checked. */
function totalsOf(rules: GateRuleResult[], baseUnread: string | undefined): Pick<GateSummary, 'checked' | 'passed'> {
  const checked = rules.filter((r) => r.status === 'passed' || r.status === 'failed').length;
  const failure = rules.some((r) => r.status === 'error' || (r.status === 'failed' && r.level === 'fail'));
  return { checked, passed: checked > 0 && !failure && !baseUnread };
}

function rowMismatch(
  r: GateRuleResult,
  lookups: MetricLookup[],
  notKnown: ReadonlyMap<string, string>,
  unreadHead: ReadonlyMap<string, string>,
  baseUnread: string | undefined,
): string | null {
  if (r.passed !== (r.status === 'passed' || r.status === 'skipped')) return `its passed field is ${r.passed}`;
  // An error fails the gate whatever its numbers say.
  if (r.status === 'error') return null;
  let rule: GateRule;
  try {
    rule = parseRule(r.rule, { origin: 'report.json', line: 1 });
  } catch (error) {
    if (error instanceof RuleSyntaxError) return `its rule does not parse here (${error.problem})`;
    throw error;
  }
  if (r.status === 'passed') return passedMismatch(r, rule, lookups);
  if (r.status === 'skipped') return skippedMismatch(r, rule, lookups, notKnown, unreadHead, baseUnread);
  // A broken rule with no head or threshold broke for want of a value (missing, not a number, no base): nothing to compare.
  if (r.head === null || r.threshold === null || !compare(r.head, rule.comparator, r.threshold)) return null;
  const [h, t] = formatPair(r.head, r.threshold);
  return `${h} ${rule.comparator} ${t} holds`;
}

/** A rule that held: every number it needed recorded, the same as the report's, its threshold worked out again, held. */
function passedMismatch(r: GateRuleResult, rule: GateRule, lookups: MetricLookup[]): string | null {
  if (r.stale?.length) return `its values are the last run's of stage ${r.stale.map((s) => `'${s}'`).join(', ')}, not this change's`;
  const stats = historyStatsUsed(rule.threshold);
  const needed: [string, unknown][] = [
    ['metric', r.metric],
    ['value at the head', r.head],
    ['threshold', r.threshold],
    ...(usesBase(rule.threshold) ? [['value at the base', r.base] as [string, unknown]] : []),
    ...(stats.length ? [['history stats', r.noise?.stats ?? null] as [string, unknown]] : []),
  ];
  const missing = needed.filter(([, v]) => v === null).map(([what]) => what);
  if (missing.length) return `it records no ${missing.join(', no ')}`;
  const head = r.head!;
  const threshold = r.threshold!;
  const found = resolveMetric(rule.metric, lookups);
  if (found.kind !== 'found') return `the report's metrics have no one metric ${rule.metric.text}`;
  const m = found.metric;
  if (m.file !== r.metric!.file || m.key !== r.metric!.key) return `its rule names ${metricName(m)}, not ${metricName(r.metric!)}`;
  if (m.head !== head) return `the report's metrics have ${shown(m.head)} at the head, not ${formatNumber(head)}`;
  if (usesBase(rule.threshold) && m.base !== r.base) return `the report's metrics have ${shown(m.base)} at the base, not ${formatNumber(r.base!)}`;
  const history = stats.length ? r.noise!.stats! : null;
  if (history && !sameStats(history, m.history?.stats ?? null)) return `the report's history of ${metricName(m)} has other stats than the rule's`;
  const worked = evaluateExpr(rule.threshold, r.base ?? Number.NaN, history);
  // The same arithmetic on the same numbers gives the same double; a tolerance spares another version's order of operations.
  if (!(Math.abs(worked - threshold) <= 1e-9 * Math.max(1, Math.abs(threshold)))) {
    return `its threshold works out to ${formatNumber(worked)} from the rule, not ${formatNumber(threshold)}`;
  }
  const [h, t] = formatPair(head, threshold);
  if (!compare(head, rule.comparator, threshold)) return `${h} is not ${rule.comparator} ${t}`;
  const band = r.noise?.band;
  if (band && r.noise!.verdict !== 'not-enough-history') {
    const within = head >= band.low && head <= band.high;
    if (within !== (r.noise!.verdict === 'within')) {
      return `its noise band [${formatNumber(band.low)}, ${formatNumber(band.high)}] has ${h} ${within ? 'within' : 'beyond'} it, not ${r.noise!.verdict}`;
    }
  }
  return null;
}

/**
 * A skipped rule computed no threshold, and lacked what it needed in the report's own numbers: its metric at the head
 * (`if present`), its base value (a rule on `base`, on a file the report does not say is not known at the base), or 3
 * values of history (a rule on `history.*`, whose history the report does not say has values not known).
 */
function skippedMismatch(
  r: GateRuleResult,
  rule: GateRule,
  lookups: MetricLookup[],
  notKnown: ReadonlyMap<string, string>,
  unreadHead: ReadonlyMap<string, string>,
  baseUnread: string | undefined,
): string | null {
  if (r.threshold !== null) return `it records a threshold (${formatNumber(r.threshold)}), so nothing it needed was missing`;
  const found = resolveMetric(rule.metric, lookups);
  if (found.kind === 'ambiguous') return `${rule.metric.text} names several of the report's metrics, which is an error, not a skip`;
  const m = found.kind === 'found' ? found.metric : null;
  if (r.metric && m && (m.file !== r.metric.file || m.key !== r.metric.key)) return `its rule names ${metricName(m)}, not ${metricName(r.metric)}`;
  if (rule.ifPresent && r.head === null && m?.head === undefined) {
    const unread = m ? unreadHead.get(m.file) : undefined;
    return unread === undefined ? null : `the report says ${m!.file} could not be read at the head (${unread}), which makes a rule on it an error, not a skip`;
  }
  if (m?.head === undefined) return `its metric ${rule.metric.text} is missing at the head, which breaks a rule without if present`;
  if (m.head === null || r.head !== m.head)
    return `the report's metrics have ${shown(m.head)} at the head, not ${r.head === null ? 'none' : formatNumber(r.head)}`;
  const stats = historyStatsUsed(rule.threshold);
  if (baseUnread !== undefined && (usesBase(rule.threshold) || stats.length)) {
    return `the report says the base revision could not be read (${baseUnread}), which makes a rule that needs the base an error, not a skip`;
  }
  if (usesBase(rule.threshold) && r.base === null && m.base === undefined) {
    const unknown = notKnown.get(m.file);
    return unknown === undefined ? null : `the report says ${m.file} is not known at the base (${unknown}), which makes a rule on base an error, not a skip`;
  }
  const unknown = stats.length && !m.history?.stats ? m.history?.notKnown : undefined;
  if (unknown) {
    return `the report says the values of ${metricName(m)}'s history at some commits are not known (${unknown.why}), which makes a rule on history.* an error, not a skip`;
  }
  if (stats.length && r.noise?.verdict === 'not-enough-history' && !m.history?.stats) return null;
  return `the report's numbers have what it needs (${metricName(m)} at the head${usesBase(rule.threshold) ? ' and the base' : ''}${stats.length ? ', and its history' : ''})`;
}

function sameStats(a: HistoryStats, b: HistoryStats | null): boolean {
  return b !== null && (['n', 'mean', 'std', 'min', 'max'] as const).every((k) => a[k] === b[k]);
}

function shown(v: number | null | undefined): string {
  return v === undefined ? 'no value' : v === null ? 'no number' : formatNumber(v);
}

function ruleText(r: GateRuleResult): string {
  return r.level === 'warn' ? `warn: ${r.rule}` : r.rule;
}

function short(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
