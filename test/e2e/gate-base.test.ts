import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github';
import { checkRuns } from '../fakes/github/routes/checks';
import { runAction } from '../helpers/action';
import { runCli } from '../helpers/cli';
import { TempRepo } from '../helpers/repo';

/** Accuracy fell 15% between the two commits: any gate that compares with the base must see it. */
let repo: TempRepo;
let headSha: string;
let fake: FakeGitHub;

before(async () => {
  fake = await startFakeGitHub();
  repo = new TempRepo();
  repo.commit('base', { 'metrics.json': '{"accuracy": 0.9, "loss": 0.5}\n' });
  headSha = repo.commit('head', { 'metrics.json': '{"accuracy": 0.765, "loss": 0.6}\n' });
});
after(async () => {
  await fake.stop();
  repo.remove();
});
beforeEach(() => {
  checkRuns(fake).length = 0;
});

const RULES = 'accuracy >= base - 1%\nloss <= base * 1.05';

describe('an explicit base that does not resolve fails the run, naming what was tried', () => {
  test('action: `base: mian` fails the step; no check run, no green gate', async () => {
    const result = await runAction({
      workspace: repo.dir,
      eventName: 'push',
      event: {},
      sha: headSha,
      apiUrl: fake.url,
      inputs: { base: 'mian', metrics: 'metrics.json', thresholds: RULES },
    });
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stdout, /::error::mlreport: Input 'base': 'mian' is not a commit in this repository \(tried `mian`/);
    assert.notEqual(result.outputs.passed, 'true');
    assert.equal(checkRuns(fake).length, 0);
    assert.doesNotMatch(result.stdout + result.summary, /✅/);
  });

  test('CLI: `--base origin/main` without that remote exits 2, naming the revision and the missing remote', async () => {
    const result = await runCli(['report', '--base', 'origin/main', '--metrics', 'metrics.json', '--threshold', 'accuracy >= base'], repo.dir);
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(
      result.stderr,
      /^mlreport: --base: 'origin\/main' is not a commit in this repository \(tried `origin\/main`; no remote 'origin' to fetch it from\)/,
    );
    assert.doesNotMatch(result.stdout, /Gates/);
    assert.equal(existsSync(join(repo.dir, '.mlreport', 'report.json')), false, 'no report is written');
  });

  test('CLI: a typo in --base is as much an error as in `metrics diff`', async () => {
    const report = await runCli(['report', '--base', 'HEAD~7', '--metrics', 'metrics.json'], repo.dir);
    assert.equal(report.code, 2);
    assert.match(report.stderr, /--base: 'HEAD~7' is not a commit in this repository/);
  });
});

describe('a gate in which no rule was checked never shows ✅', () => {
  test('action: no base found, every rule skipped: "nothing checked", a failed check run, passed=false, gates.checked 0', async () => {
    const single = new TempRepo();
    try {
      const sha = single.commit('only', { 'metrics.json': '{"accuracy": 0.765, "loss": 0.6}\n' });
      const result = await runAction({
        workspace: single.dir,
        eventName: 'workflow_dispatch',
        event: {},
        sha,
        apiUrl: fake.url,
        inputs: { metrics: 'metrics.json', thresholds: RULES },
      });
      assert.equal(result.code, 1, result.stdout);
      assert.equal(result.outputs.passed, 'false');
      assert.match(result.summary, /### Gates: ❌ nothing checked \(2 rules skipped\)/);
      const [run] = checkRuns(fake);
      assert.equal(run!.conclusion, 'failure');
      assert.equal(run!.output.title, 'gate checked nothing: every rule was skipped');
      const json = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8'));
      assert.equal(json.gates.passed, false);
      assert.equal(json.gates.checked, 0);
      assert.deepEqual(
        json.gates.rules.map((r: { status: string }) => r.status),
        ['skipped', 'skipped'],
      );
    } finally {
      single.remove();
    }
  });

  test('CLI: the same gate exits 1 and says so', async () => {
    const single = new TempRepo();
    try {
      single.commit('only', { 'metrics.json': '{"accuracy": 0.765}\n' });
      const result = await runCli(['report', '--metrics', 'metrics.json', '--threshold', 'accuracy >= base'], single.dir);
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stdout, /### Gates: ❌ nothing checked \(the rule was skipped\)/);
    } finally {
      single.remove();
    }
  });

  test('one rule checked and one skipped is still a pass', async () => {
    const single = new TempRepo();
    try {
      single.commit('only', { 'metrics.json': '{"accuracy": 0.765}\n' });
      const result = await runCli(['report', '--metrics', 'metrics.json', '--threshold', 'accuracy >= base', '--threshold', 'accuracy > 0.5'], single.dir);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /### Gates: ✅ no rule broke \(1 passed, 1 skipped\)/);
      assert.equal(JSON.parse(readFileSync(join(single.dir, '.mlreport', 'report.json'), 'utf8')).gates.checked, 1);
    } finally {
      single.remove();
    }
  });
});
