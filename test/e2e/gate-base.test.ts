import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github';
import { checkRuns } from '../fakes/github/routes/checks';
import { runAction } from '../helpers/action';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

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

describe("a base revision that exists but could not be fetched is not 'no base': a rule on base is an error, whatever missing-base says", () => {
  type Json = {
    base: unknown;
    baseUnread?: string;
    gates: { passed: boolean; checked: number; rules: { rule: string; status: string; detail: string }[] };
    verdict: { line: string };
  };
  const json = (path: string): Json => JSON.parse(readFileSync(path, 'utf8'));

  /** A one-commit-deep clone of `repo` at its head, whose origin is `origin` (a folder that is no repository: out of reach). */
  function shallowClone(origin?: string): string {
    const clone = tempDir();
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]);
    execFileSync('git', ['-C', clone, 'remote', 'set-url', 'origin', `file://${origin ?? join(clone, 'no-such-remote')}`]);
    return clone;
  }

  for (const missingBase of ['skip', 'fail']) {
    test(`action, pull request, origin out of reach, missing-base: ${missingBase}: the rule on base is not checked, naming git's error and fetch-depth`, async () => {
      const clone = shallowClone();
      try {
        const base = repo.git('rev-parse', 'HEAD~1').trim();
        const result = await runAction({
          workspace: clone,
          eventName: 'pull_request',
          event: { pull_request: { number: 4, base: { sha: base, ref: 'main' }, head: { sha: headSha, ref: 'feat' } } },
          sha: headSha,
          apiUrl: fake.url,
          inputs: { metrics: 'metrics.json', thresholds: 'accuracy >= 0.5\nloss <= base * 1.05', 'missing-base': missingBase, repro: 'off' },
        });
        assert.equal(result.code, 1, result.stdout);
        assert.equal(result.outputs.passed, 'false');
        const report = json(result.outputs['report-json']!);
        assert.equal(report.base, null);
        assert.match(report.baseUnread!, new RegExp(`^base commit ${base.slice(0, 7)} could not be fetched: `));
        assert.deepEqual(
          report.gates.rules.map((r) => [r.rule, r.status]),
          [
            ['accuracy >= 0.5', 'passed'],
            ['loss <= base * 1.05', 'error'],
          ],
        );
        const detail = report.gates.rules[1]!.detail;
        assert.match(detail, new RegExp(`^Not checked: the base revision could not be read \\(base commit ${base.slice(0, 7)} could not be fetched: `));
        assert.match(detail, /actions\/checkout with `fetch-depth: 0`/);
        assert.equal(report.gates.passed, false);
        assert.match(report.verdict.line, /^❌ gate could not check this change: loss: the base revision could not be read/);
        assert.equal(checkRuns(fake).at(-1)!.conclusion, 'failure');
      } finally {
        rmSync(clone, { recursive: true, force: true });
      }
    });
  }

  test('action, pull request whose base commit the reachable origin does not have: an error, not a skip', async () => {
    const clone = shallowClone(repo.dir);
    try {
      const base = 'deadbeef'.repeat(5);
      const result = await runAction({
        workspace: clone,
        eventName: 'pull_request',
        event: { pull_request: { number: 5, base: { sha: base, ref: 'main' }, head: { sha: headSha, ref: 'feat' } } },
        sha: headSha,
        apiUrl: fake.url,
        inputs: { metrics: 'metrics.json', thresholds: 'accuracy >= 0.5\nloss <= base * 1.05', repro: 'off' },
      });
      assert.equal(result.code, 1, result.stdout);
      const report = json(result.outputs['report-json']!);
      assert.match(report.baseUnread!, /^base commit deadbee could not be fetched: /);
      assert.equal(report.gates.rules[1]!.status, 'error');
      assert.equal(report.gates.passed, false);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  test("CLI, shallow clone whose origin is out of reach: HEAD~1 could not be fetched, so a rule on base exits 1, naming the CLI's fetch", async () => {
    const clone = shallowClone();
    try {
      // No origin/HEAD to fork from (a clone that fetched only its commit): HEAD~1 is the base, which the clone lacks.
      execFileSync('git', ['-C', clone, 'update-ref', '-d', 'refs/remotes/origin/HEAD']);
      execFileSync('git', ['-C', clone, 'update-ref', '-d', 'refs/remotes/origin/main']);
      const rules = ['loss <= base * 1.05', 'accuracy >= 0.5', 'accuracy >= history.mean - 3 * history.std'].flatMap((r) => ['--threshold', r]);
      const result = await runCli(['report', '--metrics', 'metrics.json', ...rules], clone);
      assert.equal(result.code, 1, result.stdout + result.stderr);
      const report = json(join(clone, '.mlreport', 'report.json'));
      assert.match(report.baseUnread!, /^HEAD~1 could not be fetched: /);
      assert.equal(report.gates.rules[0]!.status, 'error');
      assert.match(report.gates.rules[0]!.detail, /git fetch origin <commit>/);
      // The base branch's history is the base's too: fewer than 3 values of it is no "not enough history" here.
      assert.deepEqual(
        report.gates.rules.map((r) => r.status),
        ['error', 'passed', 'error'],
      );
      assert.match(report.gates.rules[2]!.detail, /^Not checked: the base revision could not be read \(HEAD~1 could not be fetched: /);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});
