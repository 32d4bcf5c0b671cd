import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github';
import { checkRuns } from '../fakes/github/routes/checks';
import { commitStatuses } from '../fakes/github/routes/statuses';
import { runAction, type ActionRun } from '../helpers/action';
import { md5sum } from '../helpers/md5sum';
import { TempRepo, tempDir } from '../helpers/repo';

let fake: FakeGitHub;
let repo: TempRepo;
let baseSha: string;
let headSha: string;
/** On pull_request, GITHUB_SHA is GitHub's test merge commit; the check run must go on the PR head instead. */
const mergeSha = 'e'.repeat(40);

before(async () => {
  fake = await startFakeGitHub();
  repo = new TempRepo();
  baseSha = repo.commit('base', { 'metrics.json': JSON.stringify({ accuracy: 0.9, loss: 0.5 }, null, 2) });
  repo.git('checkout', '-q', '-b', 'feature');
  headSha = repo.commit('head', { 'metrics.json': JSON.stringify({ accuracy: 0.93, loss: 0.6 }, null, 2) });
});
after(async () => {
  await fake.stop();
  repo.remove();
});
beforeEach(() => {
  checkRuns(fake).length = 0;
  commitStatuses(fake).length = 0;
});

/** The action as the runner starts it (test/helpers/action.ts), on a pull_request from `feature` into `main`. */
function runGate(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    workspace: repo.dir,
    eventName: 'pull_request',
    event: { pull_request: { number: 7, base: { sha: baseSha, ref: 'main' }, head: { sha: headSha, ref: 'feature' } } },
    sha: mergeSha,
    repository: 'octo/ml',
    apiUrl: fake.url,
    inputs: { metrics: 'metrics.json', ...inputs },
  });
}

describe('the action gates a pull request', () => {
  test('a passing gate: exit 0, passed=true, a successful check run on the PR head', async () => {
    const result = await runGate({ thresholds: 'accuracy >= 0.9\nloss <= base * 1.5' });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.equal(result.outputs.passed, 'true');
    const [run, ...others] = checkRuns(fake);
    assert.equal(others.length, 0);
    assert.equal(run!.name, 'mlreport');
    assert.equal(run!.head_sha, headSha);
    assert.equal(run!.conclusion, 'success');
    assert.match(run!.output.summary!, /### Gates: ✅ all 2 rules passed/);
    assert.match(result.summary, /### Gates: ✅ all 2 rules passed/, 'the job summary has the section too');
    const report = readFileSync(result.outputs.report!, 'utf8');
    assert.ok(report.indexOf('### Gates') < report.indexOf('### Metrics'));
    const json = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8'));
    assert.equal(json.gates.passed, true);
    assert.deepEqual(json.gates.rules[1], {
      rule: 'loss <= base * 1.5',
      level: 'fail',
      passed: true,
      status: 'passed',
      detail: '0.6 <= 0.75 (base 0.5)',
      metric: { file: 'metrics.json', key: 'loss' },
      base: 0.5,
      head: 0.6,
      threshold: 0.75,
      source: { origin: "input 'thresholds'", line: 2 },
    });
  });

  test('a failing gate: exit 1, passed=false, a failed check run annotated on metrics.json', async () => {
    const result = await runGate({ thresholds: 'accuracy >= 0.9\nloss <= base * 1.02', 'check-name': 'ml gates' });
    assert.equal(result.code, 1);
    assert.equal(result.outputs.passed, 'false');
    assert.match(
      result.stdout,
      /::error::Gates: ❌ 1 of 2 rules broke\.%0A  \[passed\] accuracy >= 0\.9: 0\.93 >= 0\.9%0A  \[failed\] loss <= base \* 1\.02: 0\.6 is not <= 0\.51 \(base 0\.5\)\./,
    );
    assert.match(result.stdout, /::error::mlreport: see the errors above\./);
    const run = checkRuns(fake)[0]!;
    assert.equal(run.name, 'ml gates');
    assert.equal(run.conclusion, 'failure');
    assert.deepEqual(
      run.annotations.map((a) => [a.path, a.start_line, a.annotation_level]),
      [['metrics.json', 3, 'failure']],
    );
  });

  test('fail-on-threshold: false keeps the step green, passed=false, the check still fails', async () => {
    const result = await runGate({ thresholds: 'loss <= base', 'fail-on-threshold': 'false' });
    assert.equal(result.code, 0, result.stdout);
    assert.equal(result.outputs.passed, 'false');
    assert.match(result.stdout, /fail-on-threshold is false: the step does not fail/);
    assert.equal(checkRuns(fake)[0]!.conclusion, 'failure');
  });

  test('a token without checks: write: a commit status instead', async () => {
    const result = await runGate({ thresholds: 'accuracy >= 0.9', 'github-token': 'no-checks-token' });
    assert.equal(result.code, 0, result.stdout);
    assert.equal(checkRuns(fake).length, 0);
    assert.deepEqual(
      commitStatuses(fake).map((s) => [s.sha, s.context, s.state, s.description]),
      [[headSha, 'mlreport', 'success', 'gate passed: the rule held; loss +20% (0.5 → 0.6, worse), accuracy +3.3% (0.9 → 0.93, better)']],
    );
  });

  test('a check run GitHub refuses (401): a passing gate still fails the step, with what the status means and what to do', async () => {
    const result = await runGate({ thresholds: 'accuracy >= 0.9', 'github-token': 'revoked-token', comment: 'off' });
    assert.equal(result.code, 1, result.stdout);
    assert.match(
      result.stdout,
      /::error::check run: Could not post the check run 'mlreport' \(http:\/\/127\.0\.0\.1:\d+\): Bad credentials \(HTTP 401\): GitHub did not accept 'github-token' \(expired, revoked, or for another GitHub host\); give it a current token\. The gate's outcome is in this log only\./,
    );
    assert.doesNotMatch(result.stdout, /HttpError/);
    assert.equal(checkRuns(fake).length, 0);
  });

  test("rules from .mlreport.yml when the input is empty (on push; pull requests use the base's file, test/e2e/gate-trust.test.ts)", async () => {
    writeFileSync(join(repo.dir, '.mlreport.yml'), 'thresholds:\n  - accuracy >= 0.95\n  - warn: loss <= base\n');
    try {
      const result = await runAction({
        workspace: repo.dir,
        eventName: 'push',
        event: { before: baseSha, after: headSha, ref: 'refs/heads/feature' },
        sha: headSha,
        repository: 'octo/ml',
        apiUrl: fake.url,
        inputs: { metrics: 'metrics.json' },
      });
      assert.equal(result.code, 1);
      const run = checkRuns(fake)[0]!;
      // The verdict: an absolute rule broke by the value (accuracy rose, but not to 0.95); a relative one by the change.
      assert.equal(run.output.title, 'gate failed: accuracy 0.93 (rule: accuracy >= 0.95); warning: loss +20% (0.5 → 0.6)');
      assert.deepEqual(
        run.annotations.map((a) => [a.title, a.annotation_level]),
        [
          ['Gate: accuracy >= 0.95', 'failure'],
          ['Warning: loss <= base', 'warning'],
        ],
      );
    } finally {
      rmSync(join(repo.dir, '.mlreport.yml'));
    }
  });

  test('a rule that does not parse: the step fails before anything runs, naming line and column; the check run fails', async () => {
    const result = await runGate({ thresholds: 'accuracy >= 0.9\nloss <== base' });
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /::error::mlreport: input 'thresholds' line 2, column 8: expected a number, `base`, `\(` or `-` after the comparison, but found `=`/,
    );
    assert.doesNotMatch(result.stdout + result.stderr, /at .*\.js:\d+/, 'no stack trace');
    // No verdict was reached: the check run fails with the error (test/e2e/gate-stopped.test.ts), never a pass.
    const [check, ...others] = checkRuns(fake);
    assert.equal(others.length, 0);
    assert.equal(check!.conclusion, 'failure');
    assert.match(check!.output.title!, /^no verdict: the run stopped on an error: input 'thresholds' line 2, column 8/);
  });

  test('an unknown metric: an error naming the closest known metrics', async () => {
    const result = await runGate({ thresholds: 'acuracy >= 0.9' });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /\[error\] acuracy >= 0\.9: Unknown metric `acuracy` \(closest known: metrics\.json:accuracy\)/);
    assert.equal(checkRuns(fake)[0]!.conclusion, 'failure');
  });
});

test("`run` commands alone are the user's reproduction: a stage of sub/dvc.yaml they re-made is not called out of date", async () => {
  const own = new TempRepo();
  try {
    const writer = "const [f, k, v] = process.argv.slice(2); require('fs').writeFileSync(f, JSON.stringify({ [k]: Number(v) }));\n";
    own.commit('base', {
      'sub/w.js': writer,
      'sub/dvc.yaml': 'stages:\n  tune:\n    cmd: node w.js m.json f1 0.5\n    metrics:\n      - m.json: {cache: false}\n',
      // The last `dvc repro` wrote f1 0.5: dvc.lock records that file, which the run command below rewrites.
      'sub/m.json': '{"f1":0.5}',
      'sub/dvc.lock':
        "schema: '2.0'\nstages:\n  tune:\n    cmd: node w.js m.json f1 0.5\n    outs:\n    - path: m.json\n      hash: md5\n      md5: 7ed7692ea737795ce6aa4b4f04e57c02\n      size: 10\n",
    });
    const result = await runAction({
      workspace: own.dir,
      eventName: 'push',
      event: {},
      sha: own.git('rev-parse', 'HEAD').trim(),
      apiUrl: fake.url,
      inputs: { repro: 'off', run: 'cd sub && node w.js m.json f1 0.6', base: 'HEAD', thresholds: 'f1 >= 0.55', comment: 'off' },
    });
    assert.equal(result.code, 0, result.stdout);
    assert.equal(result.outputs.passed, 'true');
    assert.doesNotMatch(result.stdout, /out of date|Not checked/);
  } finally {
    own.remove();
  }
});

test("a pull request whose base's DVC-cached metrics no remote gives (as a fork's without secrets): a rule comparing with base is an error, the gate red", async () => {
  const own = new TempRepo();
  const remote = tempDir('mlreport-remote-');
  try {
    // eval/metrics.json is a stage's DVC-cached output; the base's object is on no remote this run can read.
    const lock = (bytes: string): string => {
      mkdirSync(join(own.dir, 'eval'), { recursive: true });
      writeFileSync(join(own.dir, 'eval', 'metrics.json'), bytes);
      const file = join(own.dir, 'eval', 'metrics.json');
      return `schema: '2.0'\nstages:\n  evaluate:\n    cmd: node evaluate.js\n    outs:\n    - path: eval/metrics.json\n      hash: md5\n      md5: ${md5sum(file)}\n      size: ${statSync(file).size}\n`;
    };
    const base = own.commit('base', {
      '.dvc/config': `[core]\n    remote = storage\n['remote "storage"']\n    url = ${remote}\n`,
      '.dvc/.gitignore': '/config.local\n/tmp\n/cache\n',
      'dvc.yaml': 'stages:\n  evaluate:\n    cmd: node evaluate.js\n    outs:\n    - eval/metrics.json\nmetrics:\n- eval/metrics.json\n',
      'eval/.gitignore': '/metrics.json\n',
      'dvc.lock': lock('{"auc": 0.81}'),
    });
    own.git('checkout', '-q', '-b', 'feature');
    const head = own.commit('head', { 'dvc.lock': lock('{"auc": 0.85}') });
    const result = await runAction({
      workspace: own.dir,
      eventName: 'pull_request',
      event: { pull_request: { number: 8, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'feature' } } },
      sha: mergeSha,
      repository: 'octo/ml',
      apiUrl: fake.url,
      inputs: { thresholds: 'auc >= base - 0.01\nauc >= 0.5', comment: 'off' },
    });
    // Before: the first rule was skipped as if auc were new, the second passed, and the gate was green (exit 0).
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.equal(result.outputs.passed, 'false');
    const run = checkRuns(fake).find((r) => r.head_sha === head)!;
    assert.equal(run.conclusion, 'failure');
    const json = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8')) as { gates: { rules: { status: string; detail: string }[] } };
    assert.deepEqual(
      json.gates.rules.map((r) => r.status),
      ['error', 'passed'],
    );
    // The reason, and the remedy in the action's words: the workflow's secrets, cache: false, the history store's input.
    assert.match(
      json.gates.rules[0]!.detail,
      /^Not checked: `eval\/metrics\.json:auc` is not known at the base: eval\/metrics\.json is DVC-cached and could not be read from the cache or the remote \(main: eval\/metrics\.json: object [0-9a-f]{32} missing from remote 'storage'\), so the rule has no `base` value to compare with\. To check it: give the workflow the DVC remote's credentials .*`hub-user`\/`hub-token`.*input `dvc-push: true`.*`cache: false` on it in dvc\.yaml.*\('mlreport-history', input `history-branch`/,
    );
  } finally {
    own.remove();
    rmSync(remote, { recursive: true, force: true });
  }
});
