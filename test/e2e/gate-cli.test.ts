import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { md5sum } from '../helpers/md5sum';
import { TempRepo, tempDir } from '../helpers/repo';

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
  assert.match(broken.stderr, /The rules given with `--threshold` replace the 1 rule in \.mlreport\.yml\./);

  const bad = await runCli(['report', '--base', 'HEAD~1', '--threshold', 'loss <= base +'], repo.dir);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /--threshold #1 line 1, column 15: expected a number, `base`, `\(` or `-`, but found the end of the rule/);
});

test('--missing-base fail: a rule with no base value breaks, and its message names the flag, not the action input', async () => {
  writeFileSync(join(repo.dir, 'metrics.json'), '{"accuracy": 0.93, "loss": 0.6, "f1": 0.7}\n');
  try {
    const r = await runCli(['report', '--base', 'HEAD~1', '--metrics', 'metrics.json', '--threshold', 'f1 >= base', '--missing-base', 'fail'], repo.dir);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /f1 >= base: The rule compares with `base`, but `metrics\.json:f1` is not present at the base \(`--missing-base fail`\)\./);
    assert.doesNotMatch(r.stdout + r.stderr, /missing-base: fail/);
  } finally {
    repo.git('checkout', '--', 'metrics.json');
  }
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
    assert.match(result.stdout, /^## ❌ gate could not check this change: accuracy: metrics\.json cannot be read at the base/m);
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
    assert.match(result.stdout, /^## ❌ gate could not check this change: accuracy: metrics\.json:accuracy is not known at the base: dvc\.yaml at the base/m);
  } finally {
    broken.remove();
  }
});

/**
 * example-get-started's layout: eval/metrics.json is a stage's DVC-cached output (git ignores it), its hash in each
 * commit's dvc.lock. The base's object was never pushed: `remote` (a local DVC remote, or none with null) lacks it, and
 * the clone's cache is empty. The head's file is in the workspace, as the stage wrote it (its dvc.lock agrees).
 */
function cachedAtBase(remote: string | null): TempRepo {
  const r = new TempRepo();
  const lock = (bytes: string): string => {
    const file = join(r.dir, 'eval', 'metrics.json');
    mkdirSync(join(r.dir, 'eval'), { recursive: true });
    writeFileSync(file, bytes);
    const entry = `      md5: ${md5sum(file)}\n      size: ${statSync(file).size}\n`;
    return `schema: '2.0'\nstages:\n  evaluate:\n    cmd: node evaluate.js\n    outs:\n    - path: eval/metrics.json\n      hash: md5\n${entry}`;
  };
  r.commit('base', {
    '.dvc/config': remote === null ? '' : `[core]\n    remote = storage\n['remote "storage"']\n    url = ${remote}\n`,
    '.dvc/.gitignore': '/config.local\n/tmp\n/cache\n',
    'dvc.yaml': 'stages:\n  evaluate:\n    cmd: node evaluate.js\n    outs:\n    - eval/metrics.json\nmetrics:\n- eval/metrics.json\n',
    'eval/.gitignore': '/metrics.json\n',
    'dvc.lock': lock('{"roc_auc": 0.81, "loss": 0.4}'),
  });
  r.commit('head', { 'dvc.lock': lock('{"roc_auc": 0.85, "loss": 0.38}') });
  return r;
}

test('a DVC-cached metrics file no cache or remote gives at the base: a rule comparing with `base` is not checked (an error), never skipped into a pass', async () => {
  const remote = tempDir('mlreport-remote-');
  const repos = [cachedAtBase(remote), cachedAtBase(null)];
  try {
    type Json = { gates: { passed: boolean; checked: number; rules: { rule: string; status: string; detail: string }[] } };
    const RULES = ['--threshold', 'roc_auc >= base - 0.01', '--threshold', 'loss <= 1'];
    for (const [r, why] of [
      [repos[0]!, /^eval\/metrics\.json: object [0-9a-f]{32} missing from remote 'storage'$/],
      [repos[1]!, /^no DVC remote specified and none is defined: create a default remote with 'dvc remote add -d <name> <url>'/],
    ] as const) {
      for (const missingBase of ['skip', 'fail']) {
        // Before: the rule was skipped as if roc_auc were new at the head, and `loss <= 1` made the gate pass (exit 0).
        const result = await runCli(['report', '--base', 'HEAD~1', '--missing-base', missingBase, ...RULES], r.dir);
        assert.equal(result.code, 1, result.stdout + result.stderr);
        const json = JSON.parse(readFileSync(join(r.dir, '.mlreport', 'report.json'), 'utf8')) as Json;
        assert.deepEqual(
          [json.gates.passed, json.gates.checked, json.gates.rules.map((g) => [g.rule, g.status])],
          [
            false,
            1,
            [
              ['roc_auc >= base - 0.01', 'error'],
              ['loss <= 1', 'passed'],
            ],
          ],
          missingBase,
        );
        const detail = json.gates.rules[0]!.detail;
        const [, reason] = /is DVC-cached and could not be read from the cache or the remote \(HEAD~1: (.*)\), so the rule/.exec(detail) ?? [];
        assert.match(detail, /^Not checked: `eval\/metrics\.json:roc_auc` is not known at the base: eval\/metrics\.json is DVC-cached and could not be read /);
        assert.match(reason ?? detail, why);
        // The remedy in the CLI's words: the shell's credentials, git, or the history store the action records.
        assert.match(
          detail,
          /, so the rule has no `base` value to compare with\. To check it: give this shell the DVC remote's credentials \(`\.dvc\/config\.local`, .*; or commit the file to git \(`cache: false` on it in dvc\.yaml\); or read the history store .*\(`--history-store BRANCH`\)\.$/,
        );
        assert.match(
          result.stdout,
          /^## ❌ gate could not check this change: roc\\_auc: eval\/metrics\.json:roc\\_auc is not known at the base: eval\/metrics\.json is DVC-cached/m,
        );
      }
    }
  } finally {
    repos.forEach((r) => r.remove());
    rmSync(remote, { recursive: true, force: true });
  }
});
