// Parses and evaluates threshold rules against a large metrics diff, the pure middle of the gate step:
// how long a run spends gating, for many rules over many metrics (and unknown names, which are scored
// against every known name for the "closest known" list).
import { evaluateRules } from '../src/gate/evaluate';
import { parseRules, ruleLinesFromText } from '../src/gate/parse';
import type { MetricLookup } from '../src/gate/types';

function metricsOf(count: number): MetricLookup[] {
  return Array.from({ length: count }, (_, i) => ({
    file: `eval/part${i % 10}.json`,
    key: `group${i % 37}.metric_${i}`,
    base: i / count,
    head: i / count + 0.001,
  }));
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

for (const [rules, metrics, unknown] of [
  [10, 100, 0],
  [100, 10_000, 0],
  [1_000, 10_000, 0],
  [100, 10_000, 10],
] as const) {
  const lookup = metricsOf(metrics);
  const text = Array.from({ length: rules }, (_, i) =>
    i < unknown
      ? `metric_typo_${i} >= 0.5`
      : i % 3 === 0
        ? `metric_${i} >= base - 1%`
        : i % 3 === 1
          ? `eval/part${i % 10}.json:metric_${i} <= base * 1.02 + 0.01`
          : `warn: metric_${i} > 0 if present`,
  ).join('\n');
  const parsed = time(() => parseRules(ruleLinesFromText(text, "input 'thresholds'")));
  const evaluated = time(() => evaluateRules(parsed.value, lookup, { missingBase: 'skip', hasBase: true }));
  const broken = evaluated.value.outcomes.filter((o) => o.status !== 'passed' && o.status !== 'skipped').length;
  console.log(
    `${String(rules).padStart(5)} rules × ${String(metrics).padStart(6)} metrics (${unknown} unknown names): parse ${parsed.ms.toFixed(1).padStart(6)} ms, evaluate ${evaluated.ms.toFixed(1).padStart(7)} ms (${broken} broken)`,
  );
}
