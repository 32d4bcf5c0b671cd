import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { TempRepo } from '../helpers/repo';

let repo: TempRepo;
before(() => {
  repo = new TempRepo();
  repo.commit('base', { 'metrics.json': '{"accuracy": 0.9, "loss": 0.5}\n' });
  repo.commit('head', { 'metrics.json': '{"accuracy": 0.93, "loss": 0.6}\n', '.mlreport.yml': 'thresholds:\n  - accuracy >= base\n' });
});
after(() => repo.remove());

test('the CLI gates with .mlreport.yml by default and --threshold when given; a broken rule exits 1', async () => {
  const fromFile = await runCli(['report', '--base', 'HEAD~1', '--metrics', 'metrics.json'], repo.dir);
  assert.equal(fromFile.code, 0, fromFile.stderr);
  assert.match(fromFile.stdout, /### Gates: ✅ the rule passed/);

  const broken = await runCli(
    ['report', '--base', 'HEAD~1', '--metrics', 'metrics.json', '--threshold', 'loss <= base + 10%', '--threshold', 'accuracy > 0.9'],
    repo.dir,
  );
  assert.equal(broken.code, 1);
  assert.match(broken.stdout, /### Gates: ❌ 1 of 2 rules broke/);
  assert.match(broken.stderr, /The rules given with the `thresholds` input \(or `--threshold`\) replace the 1 rule in \.mlreport\.yml\./);

  const bad = await runCli(['report', '--base', 'HEAD~1', '--threshold', 'loss <= base +'], repo.dir);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /--threshold #1 line 1, column 15: expected a number, `base`, `\(` or `-`, but found the end of the rule/);
});

test('a misspelled key in .mlreport.yml stops the CLI, naming the file, line and key; before, it gated nothing and exited 0', async () => {
  writeFileSync(join(repo.dir, '.mlreport.yml'), 'threshold:\n  - accuracy >= 0.99\n');
  try {
    const typo = await runCli(['report', '--base', 'HEAD~1', '--metrics', 'metrics.json'], repo.dir);
    assert.equal(typo.code, 2, typo.stdout + typo.stderr);
    assert.match(typo.stderr, /\.mlreport\.yml line 1: unknown key 'threshold'; did you mean 'thresholds'\? Expected one of: thresholds, directions/);
    assert.doesNotMatch(typo.stdout, /Gates/);
  } finally {
    repo.git('checkout', '--', '.mlreport.yml');
  }
});

test('a metrics file that does not parse at the head breaks every rule on it, `if present` and `warn:` too, naming the parse error', async () => {
  const broken = new TempRepo();
  try {
    broken.commit('base', { 'metrics.json': '{"accuracy": 0.9, "loss": 0.5}\n' });
    broken.commit('head', { 'metrics.json': '{"accuracy": 0.85, "loss": 0.6,}\n' });
    const result = await runCli(
      [
        'report',
        '--base',
        'HEAD~1',
        '--metrics',
        'metrics.json',
        '--threshold',
        'accuracy >= 0.8 if present',
        '--threshold',
        'warn: loss <= base * 1.1',
        '--threshold',
        'metrics.json:f1 >= 0.5 if present',
      ],
      broken.dir,
    );
    assert.equal(result.code, 1, result.stdout + result.stderr);
    const json = JSON.parse(readFileSync(join(broken.dir, '.mlreport', 'report.json'), 'utf8')) as {
      gates: { passed: boolean; checked: number; rules: { rule: string; status: string; detail: string }[] };
    };
    assert.equal(json.gates.passed, false);
    assert.equal(json.gates.checked, 0, 'no rule compared a value');
    assert.deepEqual(
      json.gates.rules.map((r) => r.status),
      ['error', 'error', 'error'],
    );
    assert.match(json.gates.rules[0]!.detail, /^`metrics\.json:accuracy` cannot be read at the head: metrics\.json:1:\d+: /);
    assert.match(
      json.gates.rules[2]!.detail,
      /^`metrics\.json:f1` is in no metrics file read at the head, and one that could not be read may hold it: metrics\.json:1:\d+: /,
    );
    assert.doesNotMatch(result.stdout, /missing at the head/);
  } finally {
    broken.remove();
  }
});

test('a metrics file that does not parse at the base: a rule comparing with `base` is not checked (an error), never skipped into a pass', async () => {
  const broken = new TempRepo();
  try {
    broken.commit('base', { 'metrics.json': '{"accuracy": 0.9, "loss": 0.5,}\n' });
    broken.commit('head', { 'metrics.json': '{"accuracy": 0.85, "loss": 0.6}\n' });
    const result = await runCli(
      ['report', '--base', 'HEAD~1', '--metrics', 'metrics.json', '--threshold', 'accuracy >= base - 0.01', '--threshold', 'loss <= 1'],
      broken.dir,
    );
    assert.equal(result.code, 1, result.stdout + result.stderr);
    const json = JSON.parse(readFileSync(join(broken.dir, '.mlreport', 'report.json'), 'utf8')) as {
      gates: { passed: boolean; checked: number; rules: { rule: string; status: string; detail: string }[] };
    };
    assert.equal(json.gates.passed, false);
    assert.deepEqual(
      json.gates.rules.map((r) => [r.rule, r.status]),
      [
        ['accuracy >= base - 0.01', 'error'],
        ['loss <= 1', 'passed'],
      ],
      'a rule on the head value alone is still checked',
    );
    assert.match(
      json.gates.rules[0]!.detail,
      /^Not checked: `metrics\.json` cannot be read at the base \(HEAD~1: metrics\.json:1:\d+: invalid JSON[^)]*\), so the rule has no `base` value to compare with\.$/,
    );
    assert.match(result.stdout, /^## ❌ gate failed: accuracy: Not checked: metrics\.json cannot be read at the base/m);
  } finally {
    broken.remove();
  }
});

test('a metric new at the head (its base file parses) still skips a rule comparing with `base`, as documented', async () => {
  const added = new TempRepo();
  try {
    added.commit('base', { 'metrics.json': '{"loss": 0.5}\n' });
    added.commit('head', { 'metrics.json': '{"accuracy": 0.85, "loss": 0.6}\n' });
    const result = await runCli(
      ['report', '--base', 'HEAD~1', '--metrics', 'metrics.json', '--threshold', 'accuracy >= base - 0.01', '--threshold', 'loss <= 1'],
      added.dir,
    );
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^## ✅ gate passed: the rule held, 1 rule skipped/m);
  } finally {
    added.remove();
  }
});

test("the base's dvc.yaml does not load: a rule comparing with `base` is not checked (an error), never skipped as a new metric", async () => {
  const broken = new TempRepo();
  try {
    broken.commit('base', { 'dvc.yaml': 'metrics:\n  - metrics.json\n  bad: [\n', 'metrics.json': '{"accuracy": 0.9, "loss": 0.5}\n' });
    broken.commit('head', { 'dvc.yaml': 'metrics:\n  - metrics.json\n', 'metrics.json': '{"accuracy": 0.85, "loss": 0.6}\n' });
    const result = await runCli(['report', '--base', 'HEAD~1', '--threshold', 'accuracy >= base - 0.01', '--threshold', 'loss <= 1'], broken.dir);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    const json = JSON.parse(readFileSync(join(broken.dir, '.mlreport', 'report.json'), 'utf8')) as {
      gates: { passed: boolean; checked: number; rules: { rule: string; status: string; detail: string }[] };
    };
    assert.deepEqual(
      [json.gates.passed, json.gates.checked, json.gates.rules.map((r) => [r.rule, r.status])],
      [
        false,
        1,
        [
          ['accuracy >= base - 0.01', 'error'],
          ['loss <= 1', 'passed'],
        ],
      ],
    );
    assert.match(
      json.gates.rules[0]!.detail,
      /^Not checked: `metrics\.json:accuracy` is not known at the base: dvc\.yaml at the base \(HEAD~1\) does not load: dvc\.yaml:\d+:\d+: invalid YAML: [^,]*, so the rule has no `base` value to compare with\.$/,
    );
    assert.match(result.stdout, /^## ❌ gate failed: accuracy: Not checked: metrics\.json:accuracy is not known at the base: dvc\.yaml at the base/m);
  } finally {
    broken.remove();
  }
});
