import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateRuns } from '../../src/aggregate/compose';
import { aggregateMarkdown } from '../../src/aggregate/markdown';
import { parseRules } from '../../src/gate/parse';
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

describe('a tie for best', () => {
  const lower = [{ metric: 'spread', better: 'lower' as const }];

  test('is said, naming the configurations that tie and the one the 🏆 went to', () => {
    const report = aggregateRuns([job(0.01, 0.2, lower), job(0.1, 0.4, lower), job(1, 0.2, lower)], options);
    assert.deepEqual(
      report.configurations.map((c) => [c.id, c.best]),
      [
        ['lr=0.01', true],
        ['lr=1', false],
        ['lr=0.1', false],
      ],
    );
    assert.ok(
      report.warnings.includes(
        "One other configuration ties with the best by `metrics.json:spread` (the same mean, 0.2): lr=1; the 🏆 goes to lr=0.01, the first in the jobs' order.",
      ),
      report.warnings.join('\n'),
    );
  });

  test('is not said when the means differ', () => {
    const report = aggregateRuns([job(0.01, 0.2, lower), job(0.1, 0.4, lower), job(1, 0.21, lower)], options);
    assert.equal(report.warnings.filter((w) => w.includes('ties')).length, 0, report.warnings.join('\n'));
  });
});

/** A job of lr `lr` with its accuracy and, unless null, its f1 (a job whose evaluation wrote none has no f1). */
function gatedJob(lr: number, acc: number, f1: number | null): RunInput {
  const rows = [{ key: 'acc', old: 0.9, new: acc, changed: true }, ...(f1 === null ? [] : [{ key: 'f1', old: 0.5, new: f1, changed: true }])];
  const report = reportOf({
    schemaVersion: 2,
    tool: { name: 'mlreport', version: '0.1.0' },
    base: { sha: 'a'.repeat(40), label: 'main' },
    head: { sha: 'b'.repeat(40), label: 'sweep' },
    params: [{ path: 'params.yaml', rows: [{ key: 'lr', old: 0.1, new: lr, changed: true }], notes: [] }],
    metrics: [{ path: 'metrics.json', rows, notes: [] }],
    plots: [],
    gates: null,
    pipeline: null,
    warnings: [],
  });
  return { name: `lr${lr}`, report, failed: null };
}

describe('the 🏆 goes only to a configuration whose gate was checked and passed', () => {
  const rules = parseRules([
    { text: 'acc >= 0.5', source: { origin: '--threshold #1', line: 1 } },
    { text: 'f1 >= 0.5', source: { origin: '--threshold #2', line: 2 } },
  ]);
  const gated = { ...options, rankBy: 'acc', rules };

  test('the best mean whose rule broke is passed over for the first by mean whose gate passed, and a note says why', () => {
    // lr=1 has the best accuracy but wrote no f1; lr=0.3 the next best, with an f1 under the rule.
    const report = aggregateRuns([gatedJob(1, 0.99, null), gatedJob(0.3, 0.95, 0.2), gatedJob(0.1, 0.93, 0.8), gatedJob(0.01, 0.91, 0.9)], gated);
    assert.deepEqual(
      report.configurations.map((c) => [c.id, c.gates!.passed, c.best]),
      [
        ['lr=1', false, false],
        ['lr=0.3', false, false],
        ['lr=0.1', true, true],
        ['lr=0.01', true, false],
      ],
      'still ranked by the mean; marked by the gate',
    );
    assert.ok(
      report.warnings.includes(
        'Best by `metrics.json:acc` among the configurations whose gate passed: lr=0.1; ranked above it, lr=1 broke a rule, lr=0.3 broke a rule.',
      ),
      report.warnings.join('\n'),
    );
    const { body } = aggregateMarkdown(report);
    assert.match(body, /^\*\*Best by `acc` \(higher is better\):\*\* lr=0\.1: 0\.93$/m);
    assert.match(body, /^\| 🏆 best \| 0\.1 \| 1 \| 0\.93 \|/m);
    assert.doesNotMatch(body, /^\| 🏆 best \| 1 \|/m);
  });

  test('no configuration passed its gate: none is marked, and a note says why', () => {
    const report = aggregateRuns([gatedJob(1, 0.99, null), gatedJob(0.3, 0.95, 0.2)], gated);
    assert.deepEqual(
      report.configurations.map((c) => c.best),
      [false, false],
    );
    assert.ok(
      report.warnings.includes('No configuration is marked best: none passed its gate (lr=1 broke a rule, lr=0.3 broke a rule).'),
      report.warnings.join('\n'),
    );
    assert.doesNotMatch(aggregateMarkdown(report).body, /🏆|\*\*Best by/);
  });

  test('the best mean whose gate passed is marked with no note; without rules the best mean is marked', () => {
    const passing = aggregateRuns([gatedJob(0.1, 0.93, 0.8), gatedJob(1, 0.99, 0.7)], gated);
    assert.deepEqual(
      passing.configurations.map((c) => [c.id, c.best]),
      [
        ['lr=1', true],
        ['lr=0.1', false],
      ],
    );
    assert.ok(!passing.warnings.some((w) => /best/i.test(w)), passing.warnings.join('\n'));
    const ungated = aggregateRuns([gatedJob(1, 0.99, null), gatedJob(0.3, 0.95, 0.2)], { ...options, rankBy: 'acc' });
    assert.deepEqual(
      ungated.configurations.map((c) => [c.id, c.best]),
      [
        ['lr=1', true],
        ['lr=0.3', false],
      ],
    );
  });
});
