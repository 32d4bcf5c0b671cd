import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github';
import { checkRuns } from '../fakes/github/routes/checks';
import { comments } from '../fakes/github/routes/comments';
import { addPullRequest, pulls } from '../fakes/github/routes/pulls';
import { runAction, type ActionRun } from '../helpers/action';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * A pull request whose accuracy fell from 0.9 to 0.765 and which also edits .mlreport.yml so that its own gate
 * passes. On pull_request events the rules must come from the base revision.
 */
let fake: FakeGitHub;
let repo: TempRepo;
let baseSha: string;
let headSha: string;
const LOOSENED = 'thresholds:\n  - accuracy >= 0.5\n';

before(async () => {
  fake = await startFakeGitHub();
  repo = new TempRepo();
  baseSha = repo.commit('base', { 'metrics.json': '{"accuracy": 0.9}\n', '.mlreport.yml': 'thresholds:\n  - accuracy >= base - 0.01\n' });
  repo.git('checkout', '-q', '-b', 'loosen');
  headSha = repo.commit('loosen the gate', { 'metrics.json': '{"accuracy": 0.765}\n', '.mlreport.yml': LOOSENED });
});
after(async () => {
  await fake.stop();
  repo.remove();
});
beforeEach(() => {
  checkRuns(fake).length = 0;
});

/** The action in `workspace` on pull request #`number` from `ref` (at `head`) into main (at `base`), against the fake API. */
function runOnPullRequest(
  workspace: string,
  pr: { number: number; base: string; head: string; ref: string },
  inputs: Record<string, string>,
  eventName = 'pull_request',
): Promise<ActionRun> {
  return runAction({
    workspace,
    eventName,
    event: { pull_request: { number: pr.number, base: { sha: pr.base, ref: 'main' }, head: { sha: pr.head, ref: pr.ref } } },
    sha: pr.head,
    apiUrl: fake.url,
    inputs,
  });
}

function runOn(eventName: string, base: string, head: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  repo.git('checkout', '-q', head);
  return runOnPullRequest(repo.dir, { number: 3, base, head, ref: 'loosen' }, { metrics: 'metrics.json', repro: 'off', ...inputs }, eventName);
}

/** The action on the push of `loosen` (base → head): its own rules apply. */
function runOnPush(): Promise<ActionRun> {
  return runAction({
    workspace: repo.dir,
    eventName: 'push',
    event: { before: baseSha, after: headSha, ref: 'refs/heads/loosen' },
    sha: headSha,
    apiUrl: fake.url,
    inputs: { metrics: 'metrics.json', repro: 'off' },
  });
}

function reportJson(result: ActionRun): {
  gates: { passed: boolean; checked: number; rules: { rule: string; status: string; source: { origin: string } }[]; proposed: unknown };
} {
  return JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8'));
}

/** A run whose gate failed the step (exit 1, `passed: false`): its report.json. */
function gateFailed(result: ActionRun): ReturnType<typeof reportJson> {
  assert.equal(result.code, 1, result.stdout);
  assert.equal(result.outputs.passed, 'false');
  return reportJson(result);
}

describe("on pull requests the gate's rules come from the base revision", () => {
  for (const eventName of ['pull_request', 'pull_request_target']) {
    test(`${eventName}: a PR that loosens its own .mlreport.yml is gated by the base's rules; its rules are shown as proposed`, async () => {
      const result = await runOn(eventName, baseSha, headSha);
      const json = gateFailed(result);
      assert.deepEqual(
        json.gates.rules.map((r) => [r.rule, r.status, r.source.origin]),
        [['accuracy >= base - 0.01', 'failed', `.mlreport.yml at the base revision (main, ${baseSha.slice(0, 7)})`]],
      );
      assert.deepEqual(json.gates.proposed, { file: '.mlreport.yml', added: ['accuracy >= 0.5'], removed: ['accuracy >= base - 0.01'] });
      const report = readFileSync(result.outputs.report!, 'utf8');
      assert.match(report, /### Gates: ❌ 1 of 1 rule broke/);
      assert.match(report, /\*\*Proposed rules\*\*.*apply after merge/);
      assert.match(report, /- added: <code>accuracy &gt;= 0\.5<\/code>/);
      assert.match(report, /- removed: <code>accuracy &gt;= base - 0\.01<\/code>/);
      assert.equal(checkRuns(fake)[0]!.conclusion, 'failure');
      assert.match(result.stdout, /The gate uses the rules in \.mlreport\.yml at the base revision/);
    });
  }

  test('a base without rules checks nothing: never ✅, the check run fails, the PR rules are proposed', async () => {
    const bare = new TempRepo();
    try {
      const bareBase = bare.commit('base', { 'metrics.json': '{"accuracy": 0.9}\n' });
      bare.git('checkout', '-q', '-b', 'add-gate');
      const bareHead = bare.commit('add a gate', { 'metrics.json': '{"accuracy": 0.765}\n', '.mlreport.yml': LOOSENED });
      const result = await runOnPullRequest(
        bare.dir,
        { number: 4, base: bareBase, head: bareHead, ref: 'add-gate' },
        { metrics: 'metrics.json', repro: 'off' },
      );
      const json = gateFailed(result);
      assert.match(result.summary, /### Gates: ❌ nothing checked \(no rules at the base revision\)\n\n\*\*Proposed rules\*\*/);
      assert.equal(json.gates.checked, 0);
      assert.deepEqual(json.gates.proposed, { file: '.mlreport.yml', added: ['accuracy >= 0.5'], removed: [] });
      assert.equal(checkRuns(fake)[0]!.conclusion, 'failure');
      assert.doesNotMatch(result.summary, /✅/);
    } finally {
      bare.remove();
    }
  });

  test('the thresholds input replaces the file at both revisions: nothing is proposed', async () => {
    const result = await runOn('pull_request', baseSha, headSha, { thresholds: 'accuracy >= 0.7' });
    assert.equal(result.code, 0, result.stdout);
    const json = reportJson(result);
    assert.deepEqual(
      json.gates.rules.map((r) => r.rule),
      ['accuracy >= 0.7'],
    );
    assert.equal(json.gates.proposed, null);
  });

  test("a PR that leaves the rules alone has no proposed rules; on push the head's rules apply", async () => {
    const same = await runOn('pull_request', headSha, headSha);
    assert.equal(reportJson(same).gates.proposed, null);
    assert.equal(same.code, 0, same.stdout);
    const push = await runOnPush();
    assert.equal(push.code, 0, push.stdout);
    assert.deepEqual(
      reportJson(push).gates.rules.map((r) => [r.rule, r.source.origin]),
      [['accuracy >= 0.5', '.mlreport.yml']],
    );
  });

  test("on: [push, pull_request]: the push run of the PR's head posts no second check and leaves the PR's comment to the pull_request run", async () => {
    const where = { params: { owner: 'octo', repo: 'iris' } } as never;
    addPullRequest(fake, 'octo/iris', { number: 3, headSha, headRef: 'loosen', baseSha });
    try {
      const pr = await runOn('pull_request', baseSha, headSha);
      assert.equal(pr.code, 1, pr.stdout);
      const onPr = () => comments(fake, where).filter((c) => c.on === 'pr:3');
      assert.equal(onPr().length, 1);
      const verdict = onPr()[0]!.body;
      assert.match(verdict, /❌/);
      // The push run of the same commit gates with the branch's own (loosened) rules; its outcome stays its own.
      const asked = fake.requests.length;
      const push = await runOnPush();
      assert.equal(push.code, 0, push.stdout);
      assert.deepEqual(
        checkRuns(fake).map((c) => [c.name, c.head_sha, c.conclusion]),
        [['mlreport', headSha, 'failure']],
        'no second mlreport check run on the same commit',
      );
      assert.equal(onPr().length, 1);
      assert.equal(onPr()[0]!.body, verdict, "the pull_request run's comment is not replaced");
      assert.equal(comments(fake, where).filter((c) => c.on === `commit:${headSha}`).length, 1, 'the push run reports on the commit');
      assert.match(push.stdout, new RegExp(`${headSha.slice(0, 7)} is the head of pull request #3: .*the push run posts no check run 'mlreport'`));
      // The comment and the check run both need to know; GitHub is asked once.
      assert.equal(fake.requests.slice(asked).filter((r) => r.path.includes(`/commits/${headSha}/pulls`)).length, 1);
    } finally {
      pulls(fake, where).length = 0;
    }
  });

  test("a PR's own `directions:` do not decide whether its change reads as better: the base's apply, and the change is named", async () => {
    const flip = new TempRepo();
    try {
      const base = flip.commit('base', {
        'metrics.json': '{"accuracy": 0.9, "drift": 0.1}\n',
        '.mlreport.yml': 'directions:\n  drift: lower\nthresholds:\n  - accuracy >= 0.8\n',
      });
      flip.git('checkout', '-q', '-b', 'flip');
      const head = flip.commit('drift is good now', {
        'metrics.json': '{"accuracy": 0.9, "drift": 0.5}\n',
        '.mlreport.yml': 'directions:\n  drift: higher\nthresholds:\n  - accuracy >= 0.8\n',
      });
      const result = await runOnPullRequest(flip.dir, { number: 11, base, head, ref: 'flip' }, { metrics: 'metrics.json', repro: 'off' });
      const json = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8'));
      assert.deepEqual(json.directions, [{ metric: 'drift', better: 'lower' }]);
      assert.match(json.verdict.line, /drift \+400% \(0\.1 → 0\.5, worse\)/);
      assert.ok(
        json.warnings.includes(
          "This pull request changes `directions:` in .mlreport.yml (drift: higher (at the base: lower)); on a pull request the base revision's apply, as its rules do, until it is merged.",
        ),
        JSON.stringify(json.warnings),
      );
    } finally {
      flip.remove();
    }
  });

  test('a typo in .mlreport.yml fails the step at either revision: a failed check run, never a gate quietly off', async () => {
    const typo = new TempRepo();
    const TYPO = 'threshold:\n  - accuracy >= base - 0.01\n';
    const pr = (base: string, head: string): Promise<ActionRun> => {
      typo.git('checkout', '-q', head);
      return runOnPullRequest(typo.dir, { number: 5, base, head, ref: 'typo' }, { metrics: 'metrics.json', repro: 'off' });
    };
    try {
      const base = typo.commit('base', { 'metrics.json': '{"accuracy": 0.9}\n', '.mlreport.yml': 'thresholds:\n  - accuracy >= base - 0.01\n' });
      typo.git('checkout', '-q', '-b', 'typo');
      const broken = typo.commit('misspell the key', { 'metrics.json': '{"accuracy": 0.95}\n', '.mlreport.yml': TYPO });
      // The base's rules pass this PR; before, it went green and, once merged, gated nothing.
      const atHead = await pr(base, broken);
      assert.equal(atHead.code, 1, atHead.stdout);
      assert.match(atHead.stdout, /::error::mlreport: \.mlreport\.yml line 1: unknown key 'threshold'; did you mean 'thresholds'\?/);
      // Merged anyway: the next PR is stopped by the base's file, named with its revision.
      const fixed = typo.commit('fix the key', { '.mlreport.yml': 'thresholds:\n  - accuracy >= base - 0.01\n' });
      const atBase = await pr(broken, fixed);
      assert.equal(atBase.code, 1, atBase.stdout);
      assert.match(
        atBase.stdout,
        new RegExp(`::error::mlreport: \\.mlreport\\.yml at the base revision \\(main, ${broken.slice(0, 7)}\\) line 1: unknown key 'threshold'`),
      );
      // Neither run reached a verdict: each head's check run fails with the error (test/e2e/gate-stopped.test.ts).
      assert.deepEqual(
        checkRuns(fake).map((r) => [r.head_sha, r.conclusion, r.output.title?.replace(/: \.mlreport\.yml.*/, '')]),
        [
          [broken, 'failure', 'no verdict: the run stopped on an error'],
          [fixed, 'failure', 'no verdict: the run stopped on an error'],
        ],
      );
    } finally {
      typo.remove();
    }
  });
});

describe("the base's rules are found where the base revision's project has them, not where the PR's checkout puts it", () => {
  const pr = (r: TempRepo, base: string, head: string): Promise<ActionRun> => {
    r.git('checkout', '-q', head);
    return runOnPullRequest(r.dir, { number: 6, base, head, ref: 'move' }, { 'working-directory': 'ml', repro: 'off' });
  };
  /** A project in ml/ (with `files`) whose rule is accuracy >= 0.88, committed as the base; then the branch `move`. */
  const mlProject = (files: Record<string, string> = {}): { r: TempRepo; base: string } => {
    const r = new TempRepo();
    const base = r.commit('base', {
      ...files,
      'ml/metrics.json': '{"accuracy": 0.9}\n',
      'ml/dvc.yaml': 'metrics:\n  - metrics.json\n',
      'ml/.mlreport.yml': 'thresholds:\n  - accuracy >= 0.88\n',
    });
    r.git('checkout', '-q', '-b', 'move');
    return { r, base };
  };

  test("a PR that adds .dvc/ at the top (the head's root moves up from ml/) is gated by ml/.mlreport.yml at the base", async () => {
    const { r, base } = mlProject();
    try {
      const head = r.commit('move the root', { 'ml/metrics.json': '{"accuracy": 0.5}\n', '.dvc/config': '[core]\n' });
      const result = await pr(r, base, head);
      const json = gateFailed(result);
      assert.deepEqual(
        json.gates.rules.map((g) => [g.rule, g.status, g.source.origin]),
        [['accuracy >= 0.88', 'failed', `ml/.mlreport.yml at the base revision (main, ${base.slice(0, 7)})`]],
      );
      assert.match(result.stdout, new RegExp(`The gate uses the rules in ml/\\.mlreport\\.yml at the base revision \\(main, ${base.slice(0, 7)}\\)`));
      assert.equal(checkRuns(fake).at(-1)!.conclusion, 'failure');
    } finally {
      r.remove();
    }
  });

  test("a PR that deletes ml/.dvc, ml/dvc.yaml and ml/.mlreport.yml still meets the base's rules: it fails", async () => {
    const { r, base } = mlProject({ 'ml/.dvc/config': '' });
    try {
      r.git('rm', '-q', '-r', 'ml/.dvc', 'ml/dvc.yaml', 'ml/.mlreport.yml');
      const head = r.commit('drop the project', { 'ml/metrics.json': '{"accuracy": 0.5}\n' });
      const result = await pr(r, base, head);
      const json = gateFailed(result);
      assert.deepEqual(
        json.gates.rules.map((g) => [g.rule, g.source.origin]),
        [['accuracy >= 0.88', `ml/.mlreport.yml at the base revision (main, ${base.slice(0, 7)})`]],
      );
      assert.equal(json.gates.passed, false);
      assert.deepEqual(json.gates.proposed, { file: '.mlreport.yml', added: [], removed: ['accuracy >= 0.88'] });
      assert.equal(checkRuns(fake).at(-1)!.conclusion, 'failure');
    } finally {
      r.remove();
    }
  });
});

test("a base commit that cannot be fetched is said as such: no 'no rules at the base', no unchanged rules called proposed", async () => {
  const r = new TempRepo();
  const clone = tempDir();
  try {
    const rules = 'thresholds:\n  - accuracy >= 0.88\n  - loss <= base * 1.1\n';
    const base = r.commit('base', { 'metrics.json': '{"accuracy": 0.9, "loss": 0.5}\n', '.mlreport.yml': rules });
    r.git('checkout', '-q', '-b', 'feat');
    const head = r.commit('feat', { 'metrics.json': '{"accuracy": 0.91, "loss": 0.5}\n' });
    execFileSync('git', ['clone', '-q', '--depth', '1', '-b', 'feat', `file://${r.dir}`, clone]);
    execFileSync('git', ['-C', clone, 'remote', 'set-url', 'origin', `file://${join(clone, 'no-such-remote')}`]);
    const result = await runOnPullRequest(clone, { number: 7, base, head, ref: 'feat' }, { repro: 'off' });
    const json = gateFailed(result) as ReturnType<typeof reportJson> & { gates: { baseUnread?: string }; verdict: { line: string } };
    assert.equal(json.gates.proposed, null);
    assert.equal(json.gates.checked, 0);
    assert.match(json.gates.baseUnread!, new RegExp(`^base commit ${base.slice(0, 7)} could not be fetched: `));
    assert.match(
      json.verdict.line,
      new RegExp(`^❌ gate checked nothing: the base revision could not be read \\(base commit ${base.slice(0, 7)} could not be fetched: `),
    );
    assert.doesNotMatch(result.summary, /Proposed rules|no rules at the base revision/);
    assert.equal(checkRuns(fake).at(-1)!.conclusion, 'failure');
    assert.match(checkRuns(fake).at(-1)!.output.title ?? '', /gate checked nothing: the base revision could not be read/);
    // The fix, as a rule on base from the input gives it, in the headline, the Gates section and the log; and the log
    // says what the gate says: the base exists and could not be read, never that there is none.
    const fix = 'To check it: check out enough history for the base (actions/checkout with `fetch-depth: 0`) from an `origin` the job can reach.';
    assert.ok(json.verdict.line.endsWith(`). ${fix}`), json.verdict.line);
    assert.match(
      result.summary,
      /### Gates: ❌ nothing checked \(the base revision could not be read: base commit .+\)\. To check it: check out enough history/,
    );
    assert.match(result.summary, /\*\*mlreport\*\* · .* vs a base that could not be read ·/);
    const log = result.stdout + result.stderr;
    assert.doesNotMatch(log, /No base revision found|with no base\./);
    assert.match(
      log,
      new RegExp(`The base revision could not be read \\(base commit ${base.slice(0, 7)} could not be fetched: .*\\): it exists, so this is no missing base`),
    );
    assert.ok(log.includes(fix), log);
  } finally {
    r.remove();
    rmSync(clone, { recursive: true, force: true });
  }
});
