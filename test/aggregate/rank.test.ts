import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateRuns } from '../../src/aggregate/compose';
import type { RunInput } from '../../src/aggregate/read';
import { reportOf } from '../helpers/report';

/** A job whose metric `spread` says nothing by its name about which way is better; `.mlreport.yml` may say it. */
function job(lr: number, spread: number, directions: { metric: string; better: 'higher' | 'lower' }[]): RunInput {
  const report = reportOf({
    schemaVersion: 2,
    tool: { name: 'mlreport', version: '0.1.0' },
    base: { sha: 'a'.repeat(40), label: 'main' },
    head: { sha: 'b'.repeat(40), label: 'sweep' },
    params: [{ path: 'params.yaml', rows: [{ key: 'lr', old: 0.1, new: lr, changed: true }], notes: [] }],
    metrics: [{ path: 'metrics.json', rows: [{ key: 'spread', old: 0.5, new: spread, changed: true }], notes: [] }],
    plots: [],
    gates: null,
    pipeline: null,
    warnings: [],
    directions,
  });
  return { name: `lr${lr}`, report, failed: null };
}

const options = { repeatParams: [], rankBy: 'spread', rules: null, missingBase: 'skip' as const, expectedRuns: null };

describe('ranking follows the jobs’ directions', () => {
  test("a job's `directions: spread: lower` ranks the smallest spread best", () => {
    const lower = [{ metric: 'spread', better: 'lower' as const }];
    const report = aggregateRuns([job(0.01, 0.4, lower), job(0.1, 0.2, lower), job(1, 0.3, lower)], options);
    assert.deepEqual(report.rankBy, { file: 'metrics.json', key: 'spread', better: 'lower' });
    assert.deepEqual(
      report.configurations.map((c) => c.id),
      ['lr=0.1', 'lr=1', 'lr=0.01'],
    );
    assert.equal(report.configurations[0]!.best, true);
  });

  test('without directions, a name that says nothing is still an error that asks for one', () => {
    assert.throws(() => aggregateRuns([job(0.01, 0.4, []), job(0.1, 0.2, [])], options), /rank-by 'spread': neither a gate rule nor the metric's name says/);
  });

  test("a word after the metric that is not a direction says the direction must be 'higher' or 'lower'", () => {
    const lower = [{ metric: 'spread', better: 'lower' as const }];
    assert.throws(
      () => aggregateRuns([job(0.01, 0.4, lower), job(0.1, 0.2, lower)], { ...options, rankBy: 'metrics.json:spread best' }),
      (error: Error) =>
        error.message ===
        "rank-by 'metrics.json:spread best': the direction after the metric must be `higher` or `lower`, not 'best' (rank-by is `metric` or `file:metric`, optionally followed by `higher` or `lower`).",
    );
    assert.throws(
      () => aggregateRuns([job(0.01, 0.4, lower)], { ...options, rankBy: 'sprad' }),
      /rank-by 'sprad' is not a metric of these runs; closest: metrics\.json:spread/,
    );
  });
});
