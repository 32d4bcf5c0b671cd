import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type { Config } from '../src/config/types';
import type { ReportData } from '../src/report/types';
import { run } from '../src/run';
import { ReadBudget } from '../src/workspace/tree';
import { MemoryLogger } from './helpers/memory-logger';
import { TempRepo, tempDir } from './helpers/repo';

/** A pipeline with params, a metric, a plot and a DVC-cached output, so every step of a run reads the project. */
const DVC_YAML = [
  'stages:',
  '  train:',
  '    cmd: node train.js',
  '    deps: [train.js]',
  '    params: [lr]',
  '    outs: [model.bin]',
  '    metrics:',
  '      - metrics.json: {cache: false}',
  '      - eval.json',
  '    plots:',
  '      - loss.csv: {cache: false}',
  '',
].join('\n');

/** The project committed, then its metric changed in the workspace (so the causes are looked for too). */
function project(): TempRepo {
  const repo = new TempRepo();
  repo.commit('base', {
    '.dvc/config': '[core]\n',
    'dvc.yaml': DVC_YAML,
    'dvc.lock': `schema: '2.0'\nstages:\n  train:\n    cmd: node train.js\n    outs:\n    - path: eval.json\n      hash: md5\n      md5: ${'ab'.repeat(16)}\n      size: 12\n`,
    'params.yaml': 'lr: 0.1\n',
    'train.js': '',
    'metrics.json': '{"acc": 0.9}',
    'loss.csv': 'step,loss\n0,1\n1,0.5\n',
  });
  repo.write({ 'metrics.json': '{"acc": 0.8}' });
  return repo;
}

describe('a run loads the project once at each revision', () => {
  test('dvc.yaml and dvc.lock are read once at the head and once at the base, by all the steps that need them', async (t) => {
    const repo = project();
    const out = tempDir();
    try {
      // Every project file read goes through a read budget: the run's, or a tree's own.
      const take = t.mock.method(ReadBudget.prototype, 'take');
      const config: Config = {
        workspace: repo.dir,
        baseCandidates: [{ kind: 'rev', rev: 'HEAD', label: 'HEAD' }],
        headLabel: 'workspace',
        metricsPaths: null,
        paramsPaths: null,
        outDir: out,
        summaryPath: null,
        repro: 'off',
        runCommands: [],
        github: null,
        hub: null,
        mlflow: null,
        history: 0,
      };
      const log = new MemoryLogger();
      const result = await run(config, log);
      const reads = (path: string): number => take.mock.calls.filter((call) => call.arguments[0] === path).length;
      assert.equal(reads('dvc.yaml'), 2);
      assert.equal(reads('dvc.lock'), 2);
      // What each step made of it is as before: the values, the stale stage, the plot, the cause, the cached output, the data.
      const report = result.report as ReportData;
      assert.deepEqual(report.projectErrors, []);
      const acc = report.metrics.find((f) => f.path === 'metrics.json')!.rows[0]!;
      assert.deepEqual([acc.key, acc.old, acc.new], ['acc', 0.9, 0.8]);
      assert.deepEqual(
        report.stale.map((s) => s.stage),
        ['train'],
      );
      assert.deepEqual(
        report.plots.map((p) => p.id),
        ['loss.csv'],
      );
      assert.equal(acc.causes?.stage, 'train');
      // Read from the cache by the hash each side's dvc.lock records, found in the project the run loaded there.
      const notes = report.metrics.find((f) => f.path === 'eval.json')!.notes;
      assert.equal(notes.length, 2);
      assert.match(notes[0]!, /^not in git at HEAD \(DVC-cached\) and cannot be read: no DVC remote specified/);
      assert.match(notes[1]!, /^not present at workspace \(DVC-cached\) and cannot be read: no DVC remote specified/);
      assert.deepEqual(
        report.data?.notInCache.map((e) => e.path),
        ['model.bin'],
        "the data changes list the stage's outputs",
      );
      assert.ok(!log.lines.some((l) => l.startsWith('error')), log.lines.join('\n'));
    } finally {
      repo.remove();
      rmSync(out, { recursive: true, force: true });
    }
  });
});
