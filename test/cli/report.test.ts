import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

describe('mlreport report (dist/cli.js in a real repository)', () => {
  const repo = new TempRepo();
  repo.commit('base', {
    'params.yaml': 'train:\n  lr: 0.01\n  epochs: 10\n',
    'metrics.json': '{"accuracy": 0.9, "loss": 0.3}',
    'dvc.yaml': 'metrics:\n  - metrics.json\n  - eval/extra.json\n',
  });
  repo.commit('head', {
    'params.yaml': 'train:\n  lr: 0.02\n  epochs: 10\n',
    'metrics.json': '{"accuracy": 0.93, "loss": 0.25}',
    'eval/extra.json': '{"auc": 0.8}',
  });
  after(() => repo.remove());

  test('writes report.md and report.json with the changed params and metrics; exit 0', async () => {
    const out = tempDir();
    const r = await runCli(['report', '--base', 'HEAD~1', '--out', out], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    assert.match(md, /\| metrics\.json \| accuracy \| 0\.9 \| 0\.93 \| \+0\.03 \(\+3\.3%\) \|/);
    assert.match(md, /\| params\.yaml \| train\.lr \| 0\.01 \| 0\.02 \|/);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    assert.equal(json.schemaVersion, 2);
    assert.equal(json.base.label, 'HEAD~1');
    assert.equal(json.base.sha, repo.git('rev-parse', 'HEAD~1'));
    assert.equal(json.head.sha, repo.git('rev-parse', 'HEAD'));
    const acc = json.metrics.find((f: any) => f.path === 'metrics.json').rows.find((r: any) => r.key === 'accuracy');
    assert.equal(acc.old, 0.9);
    assert.equal(acc.new, 0.93);
    assert.deepEqual(json.plots, []);
    assert.equal(json.gates, null);
    assert.match(r.stdout, new RegExp(`report: ${join(out, 'report.md').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  test('a metrics file missing at the base is shown as `-`, not an error', async () => {
    const out = tempDir();
    const r = await runCli(['report', '--base', 'HEAD~1', '--out', out, '--quiet'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    assert.match(md, /\| eval\/extra\.json \| auc \| - \| 0\.8 \| - \|/);
  });

  test('an invalid file is reported with its path and position; the other files are still reported', async () => {
    const bad = new TempRepo();
    bad.commit('base', { 'metrics.json': '{"acc": 1}', 'other.json': '{"f1": 0.5}' });
    bad.commit('head', { 'metrics.json': '{"acc": 1,\n  "loss": }', 'other.json': '{"f1": 0.6}' });
    const out = tempDir();
    const r = await runCli(['report', '--base', 'HEAD~1', '--out', out, '--metrics', 'metrics.json', '--metrics', 'other.json', '--quiet'], bad.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /metrics\.json:2:\d+: invalid JSON/);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    assert.match(md, /\| other\.json \| f1 \| 0\.5 \| 0\.6 \|/);
    assert.match(md, /metrics\.json.*invalid JSON/);
    bad.remove();
  });

  test('no base commit (first commit, HEAD~1 missing): head values alone, with a note', async () => {
    const single = new TempRepo();
    single.commit('only', { 'metrics.json': '{"acc": 1}' });
    const out = tempDir();
    const r = await runCli(['report', '--out', out, '--metrics', 'metrics.json', '--quiet'], single.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /No base revision found/);
    assert.match(readFileSync(join(out, 'report.md'), 'utf8'), /no base revision to compare with/);
    single.remove();
  });

  test('bad usage: unknown option or command → exit 2 with a message naming it', async () => {
    const r = await runCli(['report', '--bse', 'HEAD~1'], repo.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--bse/);
    const u = await runCli(['reprot'], repo.dir);
    assert.equal(u.code, 2);
    assert.match(u.stderr, /unknown command 'reprot'/);
  });

  test('outside a git repository: a clear error, no output written', async () => {
    const dir = tempDir();
    const r = await runCli(['report', '--out', join(dir, 'out')], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is not inside a git repository/);
    assert.equal(existsSync(join(dir, 'out')), false);
  });

  test('--out names a file (or a path through one): a clear error before any work, the file untouched', async () => {
    const dir = tempDir();
    const file = join(dir, 'taken');
    writeFileSync(file, 'mine\n');
    for (const out of [file, join(file, 'report')]) {
      const r = await runCli(['report', '--base', 'HEAD~1', '--out', out], repo.dir);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.trim(), `mlreport: --out is ${out}: a file is there or on its path; expected a folder for the report's files.`);
      assert.doesNotMatch(r.stdout, /Comparing/, 'nothing read before the error');
    }
    assert.equal(readFileSync(file, 'utf8'), 'mine\n');
  });

  test('report.md cannot be written (a folder is there): the error names it, no report.json alone, no temporary file, no `report:` line', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'report.md'));
    const r = await runCli(['report', '--base', 'HEAD~1', '--out', out, '--quiet'], repo.dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`Cannot write ${join(out, 'report.md').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: a folder is there\\.`));
    assert.doesNotMatch(r.stderr, /EISDIR|\(in src\//);
    assert.doesNotMatch(r.stdout, /report:/);
    assert.deepEqual(readdirSync(out), ['report.md']);
  });

  test('--out or --base given empty: an error, not the current folder or the default base', async () => {
    const out = await runCli(['report', '--out', ''], repo.dir);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /--out is empty: expected a folder \(without --out: \.mlreport\/ at the project root\)/);
    const base = await runCli(['report', '--base', '', '--out', tempDir()], repo.dir);
    assert.equal(base.code, 2);
    assert.match(base.stderr, /--base is empty: expected a commit, branch or tag/);
    assert.equal(existsSync(join(repo.dir, 'report.md')), false);
  });

  test('--base that git would read as an option is an error naming --base', async () => {
    const r = await runCli(['report', '--base=-x', '--out', tempDir()], repo.dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--base is "-x": expected a branch, tag or commit \(one that does not start with '-', on one line\)\./);
  });

  test('--help lists the commands; --version prints the package version', async () => {
    const h = await runCli(['--help'], repo.dir);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /report +compare metrics and params/);
    const v = await runCli(['--version'], repo.dir);
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
    assert.equal(v.stdout.trim(), pkg.version);
  });
});
