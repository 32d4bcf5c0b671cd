import type { GateSummary } from '../report/types';
import type { GateEvaluation } from './evaluate';
import type { ProposedRules } from './types';

/** The gate's outcome as report.json carries it. */
export function gateSummary(evaluation: GateEvaluation, proposed: ProposedRules | null = null): GateSummary {
  return {
    passed: evaluation.passed,
    checked: evaluation.checked,
    rules: evaluation.outcomes.map((o) => ({
      rule: o.rule.text,
      level: o.rule.level,
      passed: o.status === 'passed' || o.status === 'skipped',
      status: o.status,
      detail: o.message,
      metric: o.metric,
      base: finiteOrNull(o.base),
      head: finiteOrNull(o.head),
      threshold: finiteOrNull(o.threshold),
      source: { origin: o.rule.source.origin, line: o.rule.source.line, ...(o.rule.source.file ? { file: o.rule.source.file } : {}) },
      ...(o.noise ? { noise: o.noise } : {}),
      ...(o.stale ? { stale: o.stale } : {}),
    })),
    directions: evaluation.directions,
    proposed,
  };
}

/** JSON has no NaN or Infinity; such values are null here and explained in `detail`. */
function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * Rules that broke, by level: what the check's conclusion and the step's exit depend on. `failures` counts the rules
 * that could not be checked too (`notChecked` of them: an unknown metric, no base value, a stage's last values), as
 * they fail the gate at any level, though they broke nothing.
 */
export function brokenRules(summary: GateSummary): { failures: number; warnings: number; notChecked: number } {
  let failures = 0;
  let warnings = 0;
  let notChecked = 0;
  for (const r of summary.rules) {
    if (r.status === 'error') notChecked++;
    if (r.status === 'error' || (r.status === 'failed' && r.level === 'fail')) failures++;
    else if (r.status === 'failed') warnings++;
  }
  return { failures, warnings, notChecked };
}
