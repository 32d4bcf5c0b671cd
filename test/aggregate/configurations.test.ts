import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateRuns } from '../../src/aggregate/compose';
import { aggregateMarkdown } from '../../src/aggregate/markdown';
import type { RunInput } from '../../src/aggregate/read';
import { parseRules } from '../../src/gate/parse';
import { reportOf } from '../helpers/report';

/** A job of example-get-started's shape: `train.n_est` varies, `train.seed` repeats, `prepare.seed` is the data split's. */
function job(nEst: number, seed: number, auc: number | null, failed: string | null = null): RunInput {
  const report = reportOf({
    schemaVersion: 2,
    tool: { name: 'mlreport', version: '0.1.0' },
    base: { sha: 'a'.repeat(40), label: 'main' },
    head: { sha: 'b'.repeat(40), label: 'feat/tune' },
    params: [
      {
        path: 'params.yaml',
        rows: [
          { key: 'prepare.seed', old: 20170428, new: 20170428, changed: false },
          { key: 'train.n_est', old: 50, new: nEst, changed: nEst !== 50 },
          { key: 'train.seed', old: 20170428, new: seed, changed: true },
        ],
        notes: [],
      },
    ],
    metrics: auc === null ? [] : [{ path: 'eval/metrics.json', rows: [{ key: 'roc_auc.test', old: 0.8, new: auc, changed: true }], notes: [] }],
    plots: [],
    gates: null,
    pipeline: null,
    warnings: [],
  });
  return { name: `n${nEst}-seed${seed}`, report, failed };
}

const rules = parseRules([{ text: 'roc_auc.test >= base - 0.01', source: { origin: '--threshold #1', line: 1 } }]);
const options = { repeatParams: ['seed'], rankBy: null, rules, missingBase: 'skip' as const, expectedRuns: null };
const crashed = "stage 'evaluate' failed: command exited with code 1";

describe('configurations every job of which failed', () => {
  const report = aggregateRuns(
    [
      job(50, 1, 0.81),
      job(50, 2, 0.82),
      job(200, 1, 0.83),
      job(200, 2, 0.825),
      job(800, 1, null, crashed),
      job(800, 2, null, crashed),
      job(800, 3, null, crashed),
    ],
    options,
  );

  test('count as configurations, and as failed ones', () => {
    assert.deepEqual(report.gates, { passed: false, configurations: 3, failedConfigurations: ['train.n_est=800'] });
    const { body } = aggregateMarkdown(report);
    assert.match(body, /^## mlreport sweep: 7 runs of `feat\/tune` in 3 configurations vs `main`$/m);
    assert.match(body, /^### Gates: ❌ 1 of 3 configurations had no successful run; 3 jobs failed$/m);
  });

  test('a repeat param with one value in every run is shown with the other constants', () => {
    assert.deepEqual(report.varying, [{ file: 'params.yaml', key: 'train.n_est' }]);
    assert.deepEqual(report.constant, [{ file: 'params.yaml', key: 'prepare.seed', value: 20170428 }]);
    assert.match(aggregateMarkdown(report).body, /Params the same in every run: `prepare\.seed` = `20170428`\./);
  });

  test('beside a configuration that broke a rule, both are said', () => {
    const broken = aggregateRuns([job(50, 1, 0.7), job(200, 1, 0.83), job(800, 1, null, crashed)], options);
    assert.deepEqual(broken.gates?.failedConfigurations, ['train.n_est=50', 'train.n_est=800']);
    assert.match(aggregateMarkdown(broken).body, /^### Gates: ❌ 1 of 3 configurations broke a rule, 1 configuration had no successful run; 1 job failed$/m);
  });

  test('a failed job whose params did not parse names no configuration, and adds none', () => {
    const unparsed = job(50, 3, null, 'pipeline failed: params.yaml:7:1: invalid YAML');
    unparsed.report!.params = [{ path: 'params.yaml', rows: [], notes: ['params.yaml does not parse at the head'] }];
    const withIt = aggregateRuns([job(50, 1, 0.81), job(200, 1, 0.83), unparsed], options);
    assert.deepEqual(withIt.gates, { passed: false, configurations: 2, failedConfigurations: [] });
    assert.deepEqual(
      withIt.failedRuns.map((f) => [f.run, f.configuration, f.params]),
      [['n50-seed3', null, null]],
    );
    assert.match(aggregateMarkdown(withIt).body, /in 2 configurations/);
  });
  test('a failed job whose params did not parse leaves the constant params constant, and the configurations as they were', () => {
    const withSplit = (run: RunInput): RunInput => {
      run.report!.params[0]!.rows.push({ key: 'prepare.split', old: 0.2, new: 0.2, changed: false });
      return run;
    };
    const unparsed = job(50, 3, null, 'project files do not parse: params.yaml:7:1: invalid YAML');
    unparsed.report!.params = [{ path: 'params.yaml', rows: [], notes: ['params.yaml does not parse at the head'] }];
    const runs = [job(50, 1, 0.81), job(50, 2, 0.82), job(200, 1, 0.83), job(200, 2, 0.825)].map(withSplit);
    const withIt = aggregateRuns([...runs, unparsed], options);
    const without = aggregateRuns(runs, options);
    assert.deepEqual(withIt.varying, [{ file: 'params.yaml', key: 'train.n_est' }]);
    assert.deepEqual(withIt.constant, without.constant);
    assert.deepEqual(withIt.constant, [
      { file: 'params.yaml', key: 'prepare.seed', value: 20170428 },
      { file: 'params.yaml', key: 'prepare.split', value: 0.2 },
    ]);
    assert.deepEqual(
      withIt.configurations.map((c) => c.id),
      ['train.n_est=200', 'train.n_est=50'],
    );
    const { body } = aggregateMarkdown(withIt);
    assert.match(body, /^\*\*Best by `roc_auc\.test` \(higher is better\):\*\* train\.n\\_est=200: 0\.8275 ± 0\.00354$/m);
    assert.match(body, /Params the same in every run: `prepare\.seed` = `20170428`, `prepare\.split` = `0\.2`\./);
    assert.match(body, /^\| ❌ failed \|  \| 0 \| `n50-seed3`: project files do not parse/m);
  });
});

describe('a repeat whose own gate could not tell whether its values were fresh', () => {
  test("its values are not averaged into the configuration's: a rule on them is an error naming the job", () => {
    const unsure = job(100, 1, 0.95);
    // As the job wrote it: a dvc.yaml whose pipeline does not load, so the stage writing the file may not have run.
    unsure.report!.freshnessUnknown = [{ file: 'eval/metrics.json', why: 'junk/dvc.yaml: the pipeline has a cycle: a → b → a' }];
    const report = aggregateRuns([unsure, job(100, 2, 0.7)], options);
    // The mean 0.825 is above 0.8 − 0.01: compared, the rule would hold on the other repeat's bad value.
    const [rule] = report.configurations[0]!.gates!.rules;
    assert.equal(rule!.status, 'error', rule!.detail);
    assert.match(rule!.detail, /could not tell whether the stage that writes it is up to date: junk\/dvc\.yaml: the pipeline has a cycle.*job `n100-seed1`/);
    assert.equal(report.gates?.passed, false);
  });
});

describe('repeats that all give the same value', () => {
  test('average to that value with a std of 0, so the sweep’s gate holds where each job’s did', () => {
    // As floats, (0.1 + 0.1 + 0.1) / 3 is 0.10000000000000002, which is not <= 0.1 (Python's statistics.mean gives 0.1).
    const same = parseRules([{ text: 'roc_auc.test <= 0.1', source: { origin: '--threshold #1', line: 1 } }]);
    const report = aggregateRuns([job(50, 1, 0.1), job(50, 2, 0.1), job(50, 3, 0.1)], { ...options, rules: same });
    assert.deepEqual(report.configurations[0]!.metrics, [{ mean: 0.1, std: 0, n: 3 }]);
    assert.equal(report.configurations[0]!.gates!.rules[0]!.status, 'passed', report.configurations[0]!.gates!.rules[0]!.detail);
    assert.equal(report.gates?.passed, true);
  });
});

describe('jobs whose params are all the same, seed included', () => {
  test('are named in a warning: they are no repeats over seed, and the ± is no spread over seeds', () => {
    // A matrix whose command does not pass the seed on: `n50-seed2` ran with seed 1, as `n50-seed1` did.
    const twice = { ...job(50, 1, 0.81), name: 'n50-seed2' };
    const report = aggregateRuns([job(50, 1, 0.81), twice, job(200, 1, 0.83), job(200, 2, 0.825)], options);
    assert.deepEqual(
      report.warnings.filter((w) => /same params/.test(w)),
      [
        "jobs `n50-seed1`, `n50-seed2` (train.n_est=50) have all the same params, `seed` included: they are no repeats over `seed`, so that configuration's ± is no spread over seeds (does the job's command pass `seed` on? is one job's artifact there twice?).",
      ],
    );
    const { body } = aggregateMarkdown(report);
    assert.match(body, /^- jobs <code>n50-seed1<\/code>, <code>n50-seed2<\/code> \(train\.n\\_est=50\) have all the same params/m);
    // Repeats that differ by seed are no such thing.
    assert.deepEqual(
      aggregateRuns([job(50, 1, 0.81), job(50, 2, 0.82)], options).warnings.filter((w) => /same params/.test(w)),
      [],
    );
  });
});
