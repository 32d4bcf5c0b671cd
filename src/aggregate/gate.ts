import { evaluateRules } from '../gate/evaluate';
import { metricLookupFromDiffs, ruleNumber } from '../gate/lookup';
import { metricName } from '../gate/resolve';
import type { GateConfig } from '../gate/types';
import { gateSummary } from '../gate/summary';
import type { HistorySection } from '../history/types';
import type { GateSummary, ReportData } from '../report/types';
import type { FileDiff, Leaf } from '../values/types';
import type { MetricColumn } from './types';

/**
 * One configuration's gate: the rules evaluated on its means (`metrics`, as a diff against the base). A metric that
 * some of its runs lack, or hold as text, NaN or ±Infinity, has no mean that stands for the configuration: the
 * others' mean would pass a crashed or diverged run, so a rule on it breaks, naming those runs (even with
 * `if present`: the metric is there, in the other runs).
 */
export function configurationGate(
  gate: GateConfig,
  metrics: FileDiff[],
  runs: { name: string; report: ReportData }[],
  columns: MetricColumn[],
  hasBase: boolean,
  history: HistorySection | null | undefined,
): GateSummary {
  const gaps = new Map(
    columns.flatMap((c) => {
      const lacking = runs.flatMap((r) => {
        const why = lacks(r.report, c);
        return why ? [`\`${r.name}\` ${why}`] : [];
      });
      if (!lacking.length) return [];
      const have = runs.length - lacking.length;
      return [[metricName(c), `\`${metricName(c)}\` is a number in ${have} of ${runs.length} runs: ${lacking.join(', ')}.`] as const];
    }),
  );
  const lookups = metricLookupFromDiffs(metrics, history).map((m) => {
    const gap = gaps.get(metricName(m));
    return gap ? { ...m, headGap: gap } : m;
  });
  return gateSummary(evaluateRules(gate.rules, lookups, { missingBase: gate.missingBase, hasBase }));
}

/** A run's value of the column's metric at its head; undefined when it has none. */
export function runValue(report: ReportData, column: MetricColumn): Leaf | undefined {
  return report.metrics.find((f) => f.path === column.file)?.rows.find((r) => r.key === column.key)?.new;
}

/** Why a run has no number for the column (`lacks it`, `has "diverged"`, `has NaN`); null when it has one. */
function lacks(report: ReportData, column: MetricColumn): string | null {
  const value = runValue(report, column);
  const n = ruleNumber(value);
  if (n === undefined) return 'lacks it';
  if (n === null) return `has ${JSON.stringify(value)}`;
  return Number.isFinite(n) ? null : `has ${n}`;
}
