import type { HistorySection } from '../history/types';
import { planTrends } from '../history/trends';
import type { FileDiff } from '../values/types';
import type { AggregateTrend, Configuration, MetricColumn } from './types';

/** Configurations a trend stands against the base's noise: the ones the plots overlay too. */
const TOP_CONFIGURATIONS = 5;

/**
 * The sweep's trends: the metrics a run's report would show (every gated metric; without gates the headline ones),
 * each with the band of the base branch's history the jobs read (the gate's band where a rule has one), and where
 * each top configuration's mean stands against it, as a run's head would. The metrics and bands are chosen once, so
 * every configuration stands on the same rows against the same band. Pure.
 */
export function sweepTrends(
  history: HistorySection,
  configurations: Configuration[],
  columns: MetricColumn[],
  asDiff: (c: Configuration) => FileDiff[],
): AggregateTrend[] {
  const top = configurations.slice(0, TOP_CONFIGURATIONS);
  const first = top[0];
  if (!first) return [];
  const chosen = asDiff(first);
  // The band is the rule's and the history's, not a configuration's: taken from one that the rule could judge (a
  // configuration with a run lacking the metric has its rule broken before any band).
  const gates = top.find((c) => c.gates?.rules.some((r) => r.noise?.band))?.gates ?? first.gates;
  const trends = new Map<string, AggregateTrend>();
  for (const c of top) {
    const heads = history.metrics.map((m) => {
      const j = columns.findIndex((col) => col.file === m.file && col.key === m.key);
      return { ...m, head: c.metrics[j]?.mean ?? null };
    });
    for (const plan of planTrends({ ...history, metrics: heads }, gates, chosen)) {
      const id = `${plan.entry.file}\u0000${plan.entry.key}`;
      if (!trends.has(id)) {
        const { file, key, k, rule, thresholdEdge } = plan.entry;
        trends.set(id, { file, key, k, rule, ...(thresholdEdge !== undefined && { thresholdEdge }), standings: [] });
      }
      trends.get(id)!.standings.push({ configuration: c.id, mean: plan.metric.head, standing: plan.entry.standing });
    }
  }
  return [...trends.values()];
}
