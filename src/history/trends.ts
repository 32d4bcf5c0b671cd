import { historyStatsUsed, parseRule } from '../gate/parse';
import type { GateSummary, TrendEntry } from '../report/types';
import { numericValue, type FileDiff } from '../values/types';
import type { HistorySection, HistoryStats } from './types';

/** Without gates, the trends shown are of at most this many metrics (the headline metrics). */
const HEADLINE_TRENDS = 4;
/** The band's half-width in standard deviations when no rule on the metric says one. */
const DEFAULT_K = 2;

/** A metric's history and the band to draw around it: one trend before it is drawn. */
export interface TrendPlan {
  entry: Omit<TrendEntry, 'image' | 'error'>;
  metric: HistorySection['metrics'][number];
}

/**
 * Which metrics get a trend, and where the head stands in each. With gates: every metric a rule names, in the rules'
 * order. Without: the headline metrics, at most HEADLINE_TRENDS: the changed ones first, in the report's order, then
 * unchanged ones. Each with a band (3 base values or more), or a `history.*` rule on it. Only metrics the history
 * holds. Pure.
 */
export function planTrends(history: HistorySection | null, gates: GateSummary | null, metrics: FileDiff[]): TrendPlan[] {
  if (!history) return [];
  const byName = new Map(history.metrics.map((m) => [trendId(m), m]));
  const chosen = gates ? gatedMetrics(gates) : headlineMetrics(metrics);
  const plans: TrendPlan[] = [];
  for (const name of chosen) {
    const metric = byName.get(trendId(name));
    // A trend is worth its space only with a band (3 base values or more): a young or DVC-cached metric's row would
    // only say "not enough history", with a chart of the metrics table's two values. A metric a `history.*` rule is on
    // keeps its row, which says why that rule could not use history.
    if (!metric || (!metric.stats && !historyRuleOn(gates, name))) continue;
    const band = bandOf(gates, name);
    plans.push({ entry: { file: metric.file, key: metric.key, ...band, standing: standingOf(metric, band.k) }, metric });
    if (!gates && plans.length === HEADLINE_TRENDS) break;
  }
  return plans;
}

/** Whether a rule on the metric reads its history (`history.*`), whether or not it could be checked. */
function historyRuleOn(gates: GateSummary | null, metric: { file: string; key: string }): boolean {
  return (gates?.rules ?? []).some((r) => r.metric && trendId(r.metric) === trendId(metric) && readsHistory(r.rule, r.noise));
}

/** A checked history rule has its noise band; one that could not be checked (its stage did not run) is read from its text. */
function readsHistory(rule: string, noise: unknown): boolean {
  if (noise) return true;
  try {
    return historyStatsUsed(parseRule(rule, { origin: 'report.json', line: 1 }).threshold).length > 0;
  } catch {
    return false; // Rules come from a report that parsed them; one that does not parse reads nothing.
  }
}

function trendId(m: { file: string; key: string }): string {
  return `${m.file}\0${m.key}`;
}

function gatedMetrics(gates: GateSummary): { file: string; key: string }[] {
  const seen = new Set<string>();
  return gates.rules.flatMap((r) => (r.metric && !seen.has(trendId(r.metric)) && seen.add(trendId(r.metric)) ? [r.metric] : []));
}

function headlineMetrics(files: FileDiff[]): { file: string; key: string }[] {
  const rows = files.flatMap((f) =>
    f.rows
      .filter((r) => typeof r.new !== 'boolean' && numericValue(r.new ?? undefined) !== undefined)
      .map((r) => ({ file: f.path, key: r.key, changed: r.changed })),
  );
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}

/**
 * The band the gate judged by, from the rules on the metric whose noise band has one: the first whose threshold is
 * one of its band's edges (the band is the rule's own), else the first: mean ± k·std with the rule's k (the multiplier
 * of `history.std` as the rule's parsed expression gives it, 3 in `accuracy >= history.mean - 3 * history.std`, and 3
 * for `history.mean` alone), or the history's min–max range (k null) for a rule on `history.min`/`history.max` alone,
 * so the trend shows the band the gate judged by and never calls a value within noise that the gate called beyond it;
 * DEFAULT_K when no rule on the metric has a band (no history rule, or not enough history).
 */
function bandOf(gates: GateSummary | null, metric: { file: string; key: string }): { k: number | null; rule: string | null; thresholdEdge?: boolean } {
  const banded = (gates?.rules ?? []).filter((r) => r.metric && trendId(r.metric) === trendId(metric) && r.noise?.band);
  const rule = banded.find((r) => r.noise!.band!.thresholdEdge) ?? banded[0];
  if (!rule) return { k: DEFAULT_K, rule: null };
  const band = rule.noise!.band!;
  return { k: band.k, rule: rule.rule, thresholdEdge: band.thresholdEdge === true };
}

/** Where the head's value is against the band (its edges inside, as the gate has them). */
function standingOf(metric: HistorySection['metrics'][number], k: number | null): TrendEntry['standing'] {
  if (metric.head === null) return 'no-value';
  const band = trendBand(metric.stats, k);
  if (!band) return 'not-enough';
  return metric.head < band.low || metric.head > band.high ? 'beyond' : 'within';
}

/** The band mean ± k·std, or the history's [min, max] when k is null; null when there are too few values for one. */
export function trendBand(stats: HistoryStats | null, k: number | null): { low: number; high: number } | null {
  if (!stats) return null;
  return k === null ? { low: stats.min, high: stats.max } : { low: stats.mean - k * stats.std, high: stats.mean + k * stats.std };
}

/** The verdict in words, as the report, the MLflow tags and the hub comment say it. */
export function standingText(standing: TrendEntry['standing']): string {
  return { beyond: 'beyond noise', within: 'within noise', 'not-enough': 'not enough history', 'no-value': 'no value at the head' }[standing];
}

/** Short SHAs; longer where two share a prefix, so each commit keeps its own place on the axis. */
export function axisLabels(commits: string[]): string[] {
  for (let length = 7; length < 40; length++) {
    const labels = commits.map((c) => c.slice(0, length));
    if (new Set(labels).size === labels.length) return labels;
  }
  return commits.map((c, i) => `${i + 1}:${c.slice(0, 7)}`);
}

/** The head's place on the x-axis after the base commits: its label (a branch name, cut when long), unlike theirs. */
export function headAxisLabel(label: string, taken: string[]): string {
  let out = label.length > 16 ? `${label.slice(0, 15)}…` : label || 'head';
  while (taken.includes(out)) out = `${out}′`;
  return out;
}
