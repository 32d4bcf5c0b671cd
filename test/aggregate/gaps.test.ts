import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { aggregateRuns } from '../../src/aggregate/compose';
import type { RunInput } from '../../src/aggregate/read';
import { parseRules } from '../../src/gate/parse';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';
import { reportOf } from '../helpers/report';

/**
 * A configuration's runs that lost the gated metric: one evaluation wrote `"diverged"`, another no `acc` at all. The
 * others' mean passes the rule; the configuration must not (each of those jobs' own gate broke on it).
 */
const RULE = 'acc >= base - 0.1';
let repo: TempRepo;
let artifacts: string;

before(async () => {
  repo = new TempRepo();
  repo.commit('base', { 'params.yaml': 'lr: 0.1\nseed: 0\n', 'metrics.json': JSON.stringify({ acc: 0.9, loss: 0.3 }) });
  artifacts = tempDir('mlreport-gaps-artifacts-');
  const jobs = [
    { name: 'lr0.1-seed1', lr: 0.1, seed: 1, metrics: { acc: 0.91, loss: 0.3 } },
    { name: 'lr0.1-seed2', lr: 0.1, seed: 2, metrics: { acc: 0.92, loss: 0.3 } },
    { name: 'lr0.1-seed3', lr: 0.1, seed: 3, metrics: { acc: 'diverged', loss: 0.3 } },
    { name: 'lr0.1-seed4', lr: 0.1, seed: 4, metrics: { loss: 0.3 } },
    { name: 'lr1-seed1', lr: 1, seed: 1, metrics: { acc: 0.93, loss: 0.2 } },
    { name: 'lr1-seed2', lr: 1, seed: 2, metrics: { acc: 0.95, loss: 0.2 } },
  ];
  for (const job of jobs) {
    repo.write({ 'params.yaml': `lr: ${job.lr}\nseed: ${job.seed}\n`, 'metrics.json': JSON.stringify(job.metrics) });
    const out = join(artifacts, `mlreport-${job.name}`);
    const r = await runCli(['report', '--base', 'HEAD', '--metrics', 'metrics.json', '--threshold', RULE, '--out', out, '--quiet'], repo.dir);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
  }
});
after(() => {
  repo.remove();
  rmSync(artifacts, { recursive: true, force: true });
});

describe('a run without a number for the gated metric fails its configuration', () => {
  test('text and a missing key: the rule breaks naming the runs, the cell says n=2 of 4, the gate fails', async () => {
    const out = tempDir();
    const r = await runCli(['aggregate', artifacts, '--out', out, '--quiet'], repo.dir);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const byId = Object.fromEntries(json.configurations.map((c: { id: string }) => [c.id, c]));
    const rule = byId['lr=0.1'].gates.rules[0];
    assert.equal(rule.status, 'failed');
    assert.equal(rule.detail, '`metrics.json:acc` is a number in 2 of 4 runs: `lr0.1-seed3` has "diverged", `lr0.1-seed4` lacks it.');
    assert.equal(byId['lr=1'].gates.rules[0].status, 'passed');
    assert.deepEqual(json.gates, { passed: false, configurations: 2, failedConfigurations: ['lr=0.1'] });
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    assert.match(md, /\| 0\.915 ± 0\.00707 \(n=2 of 4\) \|/);
    assert.match(
      md,
      /- lr=0\.1: ❌ `acc >= base - 0\.1`: <code>metrics\.json:acc<\/code> is a number in 2 of 4 runs: <code>lr0\.1-seed3<\/code> has "diverged", <code>lr0\.1-seed4<\/code> lacks it\./,
    );
    rmSync(out, { recursive: true, force: true });
  });
});

describe('NaN and ±Infinity runs (aggregateRuns, pure)', () => {
  function run(name: string, acc: number | { float: 'NaN' | 'Infinity' }): RunInput {
    const report = reportOf({
      schemaVersion: 2,
      tool: { name: 'mlreport', version: '0.1.0' },
      base: { sha: 'a'.repeat(40), label: 'main' },
      head: { sha: 'b'.repeat(40), label: 'sweep' },
      params: [{ path: 'params.yaml', rows: [{ key: 'seed', old: 0, new: name.length, changed: true }], notes: [] }],
      metrics: [{ path: 'metrics.json', rows: [{ key: 'acc', old: 0.9, new: acc, changed: true }], notes: [] }],
      plots: [],
      gates: null,
      pipeline: null,
      warnings: [],
    });
    return { name, report, failed: null };
  }
  const rules = parseRules([{ text: 'acc >= base - 0.1 if present', source: { origin: '--threshold #1', line: 1 } }]);
  const options = { repeatParams: ['seed'], rankBy: null, rules, missingBase: 'skip' as const, expectedRuns: null };

  test('a NaN and an Infinity run break the rule even with `if present`; the finite runs alone would pass it', () => {
    const report = aggregateRuns([run('s1', 0.95), run('s22', { float: 'NaN' }), run('s333', { float: 'Infinity' })], options);
    const rule = report.configurations[0]!.gates!.rules[0]!;
    assert.equal(rule.status, 'failed');
    assert.equal(rule.detail, '`metrics.json:acc` is a number in 1 of 3 runs: `s22` has NaN, `s333` has Infinity.');
    assert.deepEqual(report.gates, { passed: false, configurations: 1, failedConfigurations: ['all runs'] });
  });
});
