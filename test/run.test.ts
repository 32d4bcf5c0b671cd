import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../src/config/types';
import type { ReportData } from '../src/report/types';
import { run } from '../src/run';
import { ReadBudget } from '../src/workspace/tree';
import { runCli } from './helpers/cli';
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

describe('a run loads the project once at each revision, and says what is wrong with it once', () => {
  for (const [what, file, text, message] of [
    ['a params.yaml that is not YAML', 'params.yaml', 'lr: [0.1\n', /^params\.yaml:2:1: invalid YAML/],
    ['a dvc.yaml that is not YAML', 'dvc.yaml', 'stages:\n  train:\n    cmd: [\n', /^dvc\.yaml:4:1: invalid YAML/],
  ] as const) {
    for (const repro of ['off', 'auto']) {
      test(`${what}, --repro ${repro}: one line on stderr, the error at the top of the report; the run fails`, async () => {
        const repo = project();
        const out = tempDir();
        try {
          repo.write({ [file]: text });
          const r = await runCli(['report', '--base', 'HEAD', '--repro', repro, '--out', out, '--quiet'], repo.dir);
          assert.equal(r.code, 1, r.stderr);
          const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
          assert.equal(json.projectErrors.length, 1, JSON.stringify(json.projectErrors));
          const error: string = json.projectErrors[0];
          assert.match(error, message);
          // The values, the plots and the out-of-date check (or the reproduction) each met the broken file.
          const said = r.stderr.split('\n').filter((line) => line.includes(error));
          assert.deepEqual(said, [`error: ${error}`], r.stderr);
          const md = readFileSync(join(out, 'report.md'), 'utf8').split('\n');
          const shown = error.replace(/[[\]]/g, '\\$&');
          assert.ok(md.includes(`## ❌ project files do not parse: ${shown}`), md.join('\n'));
          assert.ok(md.includes(`- ${shown}`), 'listed under "Project files that do not parse"');
          // Where a step shows it, it still does: the plots dvc.yaml defines could not be drawn.
          assert.deepEqual(
            json.plots.map((p: { id: string; error: string }) => [p.id, p.error]),
            [['dvc.yaml', error]],
          );
        } finally {
          repo.remove();
          rmSync(out, { recursive: true, force: true });
        }
      });
    }
  }

  for (const repro of ['off', 'auto']) {
    test(`a hand-edited dvc.lock DVC refuses (an md5 that is a number), --repro ${repro}: the run fails, naming the file, the stage and the key`, async () => {
      const repo = project();
      const out = tempDir();
      try {
        const lock = readFileSync(join(repo.dir, 'dvc.lock'), 'utf8');
        repo.write({ 'dvc.lock': lock.replace(`md5: ${'ab'.repeat(16)}`, 'md5: 5') });
        const r = await runCli(['report', '--base', 'HEAD', '--repro', repro, '--out', out, '--quiet'], repo.dir);
        assert.equal(r.code, 1, r.stderr);
        const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
        const error = "dvc.lock: stage 'train': outs[0].md5 must be a hash of at least 3 characters, not the number 5.";
        assert.deepEqual(json.projectErrors, [error]);
        assert.equal(json.verdict.outcome, 'failed');
        assert.ok(r.stderr.includes(`error: ${error}`), r.stderr);
      } finally {
        repo.remove();
        rmSync(out, { recursive: true, force: true });
      }
    });
  }

  test('metrics and params named on the command line: a broken dvc.yaml is a warning, said once, by the first step that reads it', async () => {
    const repo = project();
    const out = tempDir();
    try {
      repo.write({ 'dvc.yaml': 'stages:\n  train:\n    cmd: [\n' });
      const r = await runCli(['report', '--base', 'HEAD', '--metrics', 'metrics.json', '--params', 'params.yaml', '--out', out, '--quiet'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      // The plots and the out-of-date check both read it.
      assert.deepEqual(
        r.stderr.split('\n').filter((line) => line.includes('dvc.yaml:4:1')),
        ['warning: dvc.yaml:4:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
        r.stderr,
      );
    } finally {
      repo.remove();
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('metrics and params named on the command line: a dvc.lock DVC refuses leaves the out-of-date check undone, and the report says so', async () => {
    const repo = project();
    const out = tempDir();
    try {
      const lock = readFileSync(join(repo.dir, 'dvc.lock'), 'utf8');
      repo.write({ 'dvc.lock': lock.replace(`md5: ${'ab'.repeat(16)}`, 'md5: 5') });
      const r = await runCli(['report', '--base', 'HEAD', '--metrics', 'metrics.json', '--params', 'params.yaml', '--out', out, '--quiet'], repo.dir);
      // Named files need no dvc.yaml or dvc.lock to compare: a broken one is a warning, as a broken dvc.yaml is.
      assert.equal(r.code, 0, r.stderr);
      const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      const said =
        "Could not tell whether the pipeline is up to date: dvc.lock: stage 'train': outs[0].md5 must be a hash of at least 3 characters, not the number 5.";
      assert.deepEqual(json.stale, []);
      // Whether the stage writing metrics.json is up to date is not known: the report says rules on it are not checked.
      const reported = `${said.replace(/\.$/, '')}; rules on the metrics files its stages write (metrics.json) are not checked.`;
      assert.ok(json.warnings.includes(reported), JSON.stringify(json.warnings));
      assert.ok(r.stderr.includes(`warning: ${said}`), r.stderr);
    } finally {
      repo.remove();
      rmSync(out, { recursive: true, force: true });
    }
  });

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
