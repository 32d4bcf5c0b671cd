import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { md5sum } from '../helpers/md5sum';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * A project whose stage `train` writes metrics.json (not cached), run and committed at accuracy 0.82 with its
 * dvc.lock; the head changes `train.acc` and does not reproduce, so metrics.json is the last run's.
 */
function staleProject(headFiles: Record<string, string>): TempRepo {
  const repo = new TempRepo();
  const files = {
    'dvc.yaml':
      'stages:\n  train:\n    cmd: python3 train.py\n    deps: [train.py]\n    params: [train.acc]\n    metrics:\n    - metrics.json:\n        cache: false\n',
    'params.yaml': 'train:\n  acc: 0.82\n',
    'train.py': 'print("train")\n',
    'metrics.json': '{"accuracy": 0.82}\n',
  };
  repo.write(files);
  const hashed = (path: string) => `    - path: ${path}\n      md5: ${md5sum(join(repo.dir, path))}\n      size: ${statSync(join(repo.dir, path)).size}\n`;
  const lock = `schema: '2.0'\nstages:\n  train:\n    cmd: python3 train.py\n    deps:\n${hashed('train.py')}    params:\n      params.yaml:\n        train.acc: 0.82\n    outs:\n${hashed('metrics.json')}`;
  repo.commit('base', { 'dvc.lock': lock });
  repo.commit('head', { 'params.yaml': 'train:\n  acc: 0.5\n', ...headFiles });
  return repo;
}

interface GateJson {
  gates: { passed: boolean; checked: number; rules: { rule: string; status: string; detail: string }[] };
  warnings: string[];
}

async function report(repo: TempRepo, ...extra: string[]) {
  const out = tempDir();
  const result = await runCli(['report', '--base', 'HEAD~1', '--threshold', 'accuracy >= 0.8', '--out', out, ...extra], repo.dir);
  return { ...result, json: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as GateJson };
}

const CYCLE = 'stages:\n  a: {cmd: cat y > x, deps: [y], outs: [x]}\n  b: {cmd: cat x > y, deps: [x], outs: [y]}\n';

describe('a pipeline whose status cannot be told gates nothing on the values its stages write (fail closed)', () => {
  const repos: TempRepo[] = [];
  const project = (headFiles: Record<string, string>) => {
    const repo = staleProject(headFiles);
    repos.push(repo);
    return repo;
  };
  after(() => repos.forEach((r) => r.remove()));

  let plain: TempRepo;
  before(() => {
    plain = project({});
  });

  test('the out-of-date stage alone: the rule is not checked (as before)', async () => {
    const result = await report(plain);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /^## ❌ gate could not check this change: stage 'train' out of date/m);
  });

  test('an unrelated junk/dvc.yaml with a cycle does not switch the guard off: the rule is an error naming that file', async () => {
    const result = await report(project({ 'junk/dvc.yaml': CYCLE }));
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.equal(result.json.gates.passed, false);
    assert.equal(result.json.gates.checked, 0);
    assert.equal(result.json.gates.rules[0]!.status, 'error');
    assert.equal(
      result.json.gates.rules[0]!.detail,
      "Not checked: could not tell whether the stage that writes `metrics.json` is up to date: junk/dvc.yaml: the pipeline has a cycle: a → b → a; the rule may have compared the last run's values (0.82 >= 0.8).",
    );
    assert.ok(
      result.json.warnings.includes(
        'Could not tell whether the pipeline is up to date: junk/dvc.yaml: the pipeline has a cycle: a → b → a; rules on the metrics files its stages write (metrics.json) are not checked.',
      ),
      result.json.warnings.join('\n'),
    );
    assert.doesNotMatch(result.stdout, /gate passed/);
  });

  test('two stages of a nested dvc.yaml writing one output: the same, naming the file and both stages', async () => {
    const result = await report(project({ 'junk/dvc.yaml': 'stages:\n  a: {cmd: echo a > x, outs: [x]}\n  b: {cmd: echo b > x, outs: [x]}\n' }));
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.equal(result.json.gates.rules[0]!.status, 'error');
    assert.match(
      result.json.gates.rules[0]!.detail,
      /could not tell whether the stage that writes `metrics\.json` is up to date: junk\/dvc\.yaml: output 'x' is written by two stages: 'a' and 'b'\./,
    );
  });

  test('metrics named with --metrics under a dvc.yaml that does not parse: its stages are not known, so neither is their freshness', async () => {
    const result = await report(project({ 'dvc.yaml': 'stages:\n  train:\n    cmd: [\n' }), '--metrics', 'metrics.json');
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.equal(result.json.gates.rules[0]!.status, 'error');
    assert.match(
      result.json.gates.rules[0]!.detail,
      /^Not checked: could not tell whether the stage that writes `metrics\.json` is up to date: dvc\.yaml:4:1: invalid YAML/,
    );
  });

  test('a cycle in the root dvc.yaml with --repro builtin: the pipeline stops, and the gate does not pass on the values it left', async () => {
    const root =
      'stages:\n  a: {cmd: cat y > x, deps: [y], outs: [x]}\n  b: {cmd: cat x > y, deps: [x], outs: [y]}\n  train:\n    cmd: python3 train.py\n    deps: [train.py, x]\n    params: [train.acc]\n    metrics:\n    - metrics.json:\n        cache: false\n';
    const result = await report(project({ 'dvc.yaml': root }), '--repro', 'builtin');
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.equal(result.json.gates.passed, false);
    assert.match(
      result.json.gates.rules[0]!.detail,
      /^Not checked: could not tell whether the stage that writes `metrics\.json` is up to date: dvc\.yaml: the pipeline has a cycle: a → b → a;/,
    );
  });
});
