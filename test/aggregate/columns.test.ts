import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

/** The common layout of one metric per split: metrics/train.json and metrics/test.json with the same keys. */
let repo: TempRepo;
let artifacts: string;

before(async () => {
  repo = new TempRepo();
  const split = (acc: number, extra = {}) => JSON.stringify({ acc, ...extra });
  repo.commit('base', { 'params.yaml': 'lr: 0.1\nseed: 0\n', 'metrics/train.json': split(0.95), 'metrics/test.json': split(0.9, { loss: 0.3 }) });
  artifacts = tempDir('mlreport-columns-artifacts-');
  for (const [lr, seed, train, test] of [
    [0.1, 1, 0.96, 0.91],
    [0.1, 2, 0.98, 0.93],
    [1, 1, 0.97, 0.88],
  ] as const) {
    repo.write({ 'params.yaml': `lr: ${lr}\nseed: ${seed}\n`, 'metrics/train.json': split(train), 'metrics/test.json': split(test, { loss: 0.2 }) });
    const out = join(artifacts, `mlreport-lr${lr}-seed${seed}`);
    const args = ['report', '--base', 'HEAD', '--metrics', 'metrics/train.json', '--metrics', 'metrics/test.json', '--out', out, '--quiet'];
    const r = await runCli(args, repo.dir);
    assert.equal(r.code, 0, r.stderr);
  }
});
after(() => {
  repo.remove();
  rmSync(artifacts, { recursive: true, force: true });
});

describe('the sweep table’s columns', () => {
  test('a key two metrics files have is headed with its file; a key only one has stays short', async () => {
    const out = tempDir();
    const r = await runCli(['aggregate', artifacts, '--out', out, '--rank-by', 'metrics/test.json:acc higher', '--quiet'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    assert.deepEqual(rows.slice(0, 4), [
      '|  | lr | n | metrics/test.json:acc ↑ | loss ↓ | metrics/train.json:acc ↑ |',
      '| base `HEAD` |  |  | 0.9 | 0.3 | 0.95 |',
      '| 🏆 best | 0.1 | 2 | 0.92 ± 0.01414 | 0.2 ± 0 | 0.97 ± 0.01414 |',
      '|  | 1 | 1 | 0.88 | 0.2 | 0.97 |',
    ]);
    assert.match(md, /\*\*Best by `metrics\/test\.json:acc` \(higher is better\):\*\* lr=0\.1: 0\.92 ± 0\.01414/);
    rmSync(out, { recursive: true, force: true });
  });
});
