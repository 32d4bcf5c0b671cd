import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github';
import { secondaryRateLimit } from '../fakes/github/faults';
import { checkRuns } from '../fakes/github/routes/checks';
import { comments } from '../fakes/github/routes/comments';
import { commitStatuses } from '../fakes/github/routes/statuses';
import { addPullRequest, type FakePull } from '../fakes/github/routes/pulls';
import { runAction, type ActionRun } from '../helpers/action';
import { TempRepo } from '../helpers/repo';

/**
 * A pull request whose first push passed the gate, and whose next push stops the run on an error (a typo'd key in
 * .mlreport.yml, a rule that does not parse, a bad input): the sticky comment must not keep the first push's ✅ as
 * the verdict, and the gate's check run on the new head must fail.
 */
const REPO = 'octo/ml';
let fake: FakeGitHub;
let repo: TempRepo;
let baseSha: string;
let passingSha: string;
let pr: FakePull;
let number = 10;

before(async () => {
  fake = await startFakeGitHub();
  repo = new TempRepo();
  baseSha = repo.commit('base', { 'metrics.json': '{"accuracy": 0.9}\n', '.mlreport.yml': 'thresholds:\n  - accuracy >= 0.88\n' });
  repo.git('checkout', '-q', '-b', 'feature');
  passingSha = repo.commit('better', { 'metrics.json': '{"accuracy": 0.91}\n' });
});
after(async () => {
  await fake.stop();
  repo.remove();
});
beforeEach(() => {
  checkRuns(fake).length = 0;
  commitStatuses(fake).length = 0;
  number += 1;
  repo.git('checkout', '-q', passingSha);
});

function runOn(head: string, inputs: Record<string, string> = {}, options: { token?: string; headRepo?: string; base?: string } = {}): Promise<ActionRun> {
  repo.git('checkout', '-q', head);
  pr.headSha = head;
  return runAction({
    workspace: repo.dir,
    eventName: 'pull_request',
    event: {
      pull_request: {
        number: pr.number,
        base: { sha: options.base ?? baseSha, ref: 'main', repo: { full_name: REPO } },
        head: { sha: head, ref: 'feature', repo: { full_name: options.headRepo ?? REPO } },
      },
    },
    sha: 'e'.repeat(40),
    repository: REPO,
    apiUrl: fake.url,
    inputs: { metrics: 'metrics.json', repro: 'off', 'github-token': options.token ?? 'test-token', ...inputs },
  });
}

/** The pull request's comments, oldest first. */
const prComments = (): string[] =>
  comments(fake, { params: { owner: 'octo', repo: 'ml' } } as never)
    .filter((c) => c.on === `pr:${pr.number}`)
    .map((c) => c.body);

/** A first run that passes, so the PR has a "✅ gate passed" comment, then a commit on top of it for the next push. */
async function passedFirst(files: Record<string, string>): Promise<string> {
  pr = addPullRequest(fake, REPO, { number, headSha: passingSha });
  const first = await runOn(passingSha);
  assert.equal(first.code, 0, first.stdout + first.stderr);
  assert.match(prComments()[0]!, /## ✅ gate passed/);
  assert.equal(checkRuns(fake)[0]!.conclusion, 'success');
  checkRuns(fake).length = 0;
  repo.git('checkout', '-q', '-B', `push-${number}`, passingSha);
  return repo.commit('next push', files);
}

describe('a run that stops on an error says so on the pull request', () => {
  test("a typo'd key in .mlreport.yml: the ✅ comment is replaced by the error and no verdict, the check run fails", async () => {
    const head = await passedFirst({
      'metrics.json': '{"accuracy": 0.3}\n',
      '.mlreport.yml': 'thresholds:\n  - accuracy >= 0.88\nthreshold:\n  - accuracy >= 0.1\n',
    });
    const result = await runOn(head);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /::error::mlreport: \.mlreport\.yml line 3: unknown key 'threshold'/);
    assert.doesNotMatch(result.stdout + result.stderr, /at .*\.js:\d+/, 'no stack trace');
    const bodies = prComments();
    assert.equal(bodies.length, 1, 'the sticky comment is updated, not joined by another');
    assert.doesNotMatch(bodies[0]!, /gate passed/);
    assert.match(bodies[0]!, /^<!-- mlreport:comment id=default -->\n## ❌ no verdict: the run stopped on an error\n/);
    assert.match(bodies[0]!, new RegExp(`The run for ${head.slice(0, 7)} stopped before it compared any values, so this commit has no gate verdict`));
    assert.match(bodies[0]!, /```text\n\.mlreport\.yml line 3: unknown key 'threshold'; did you mean 'thresholds'\?/);
    assert.match(bodies[0]!, /\[the run's log\]\(https:\/\/github\.com\/octo\/ml\/actions\/runs\/4242\)/);
    const [check, ...others] = checkRuns(fake);
    assert.equal(others.length, 0);
    assert.equal(check!.name, 'mlreport');
    assert.equal(check!.head_sha, head);
    assert.equal(check!.conclusion, 'failure');
    assert.match(check!.output.title!, /^no verdict: the run stopped on an error: \.mlreport\.yml line 3: unknown key 'threshold'/);
    assert.match(check!.output.summary!, /```text\n\.mlreport\.yml line 3/);
    // On the pull request's diff too: the line the error names.
    assert.deepEqual(
      check!.annotations.map((a) => [a.path, a.start_line, a.end_line, a.annotation_level]),
      [['.mlreport.yml', 3, 3, 'failure']],
    );
    assert.match(check!.annotations[0]!.message, /^\.mlreport\.yml line 3: unknown key 'threshold'; did you mean 'thresholds'\?/);
  });

  test("an error in the base branch's .mlreport.yml: the comment and the check say to fix it on the base branch, not to push again", async () => {
    repo.git('checkout', '-q', '-B', `bad-base-${number}`, baseSha);
    const badBase = repo.commit('typo on main', { '.mlreport.yml': 'threshold:\n  - accuracy >= 0.5\n' });
    // The pull request already has the fix: pushing to it again cannot change the rules in force.
    const head = repo.commit('fixed here', { '.mlreport.yml': 'thresholds:\n  - accuracy >= 0.5\n' });
    pr = addPullRequest(fake, REPO, { number, headSha: head });
    const result = await runOn(head, {}, { base: badBase });
    assert.equal(result.code, 1);
    const [body] = prComments();
    assert.match(body!, new RegExp(`\\.mlreport\\.yml at the base revision \\(main, ${badBase.slice(0, 7)}\\) line 1: unknown key 'threshold'`));
    const advice =
      /The error is in the base branch's rules, which gate this pull request, so a push here cannot fix it: fix it on the base branch \(until then, the `thresholds` input gates in its place\); \[the run's log\]/;
    assert.match(body!, advice);
    assert.doesNotMatch(body!, /push again/);
    assert.match(checkRuns(fake)[0]!.output.summary!, advice);
  });

  test("a rule in the 'thresholds' input that does not parse: the error, with its caret, under its own check name", async () => {
    const head = await passedFirst({ 'metrics.json': '{"accuracy": 0.3}\n' });
    const result = await runOn(head, { thresholds: 'accuracy >= 0.88\nloss <== base', 'check-name': 'ml gate' });
    assert.equal(result.code, 1);
    const [body] = prComments();
    assert.match(
      body!,
      /```text\ninput 'thresholds' line 2, column 8: expected a number, `base`, `\(` or `-` after the comparison, but found `=`[^\n]*\n {4}loss <== base\n {11}\^\n```/,
    );
    const [check] = checkRuns(fake);
    assert.equal(check!.name, 'ml gate');
    assert.equal(check!.conclusion, 'failure');
    assert.deepEqual(check!.annotations, [], 'an input is no file of the pull request to annotate');
  });

  test("a rule that does not parse in a sub-folder project's .mlreport.yml: the check run annotates that file at the rule's line", async () => {
    const head = await passedFirst({
      'ml/metrics.json': '{"accuracy": 0.3}\n',
      'ml/.mlreport.yml': '# the gate\nthresholds:\n  - accuracy >= 0.88\n  - loss <== base\n',
    });
    const result = await runOn(head, { 'working-directory': 'ml' });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /::error::mlreport: \.mlreport\.yml line 4, column 12: /);
    const [check] = checkRuns(fake);
    assert.equal(check!.conclusion, 'failure');
    assert.deepEqual(
      check!.annotations.map((a) => [a.path, a.start_line, a.annotation_level]),
      [['ml/.mlreport.yml', 4, 'failure']],
    );
  });

  test('the job summary carries the same "no verdict" text: on a push run (no comment) and on a pull request', async () => {
    repo.git('checkout', '-q', '-B', `push-run-${number}`, passingSha);
    const head = repo.commit('typo', { '.mlreport.yml': 'thresholds:\n  - accuracy >== 0.5\n' });
    const push = await runAction({
      workspace: repo.dir,
      eventName: 'push',
      event: { after: head, ref: 'refs/heads/main', repository: { full_name: REPO, default_branch: 'main' } },
      sha: head,
      repository: REPO,
      apiUrl: fake.url,
      inputs: { metrics: 'metrics.json', repro: 'off', 'github-token': 'test-token' },
    });
    assert.equal(push.code, 1, push.stdout + push.stderr);
    assert.match(push.summary, /^## ❌ no verdict: the run stopped on an error\n/);
    assert.match(push.summary, new RegExp(`The run for ${head.slice(0, 7)} stopped before it compared any values`));
    assert.match(push.summary, /```text\n\.mlreport\.yml line 2, column \d+: /);

    pr = addPullRequest(fake, REPO, { number, headSha: head });
    const pull = await runOn(head);
    assert.equal(pull.code, 1);
    assert.match(pull.summary, /^## ❌ no verdict: the run stopped on an error\n/);
    assert.equal(
      pull.summary.trim(),
      prComments()[0]!
        .replace(/^<!-- mlreport:comment id=default -->\n/, '')
        .replace(/\[the run's log\]\([^)]*\)/, "the run's log")
        .trim(),
    );
  });

  test('a bad publishing input: the comment still goes where it always does, with the input named', async () => {
    const head = await passedFirst({ 'metrics.json': '{"accuracy": 0.3}\n' });
    const result = await runOn(head, { 'image-store': 'gist' });
    assert.equal(result.code, 1);
    assert.match(prComments()[0]!, /Input 'image-store' is 'gist'; expected one of: branch, release, none\./);
    assert.equal(checkRuns(fake)[0]!.conclusion, 'failure', '.mlreport.yml is there: the run was to gate');
  });

  test('without a gate (no rules anywhere), a bad input replaces the comment and makes no check run', async () => {
    const head = await passedFirst({ 'metrics.json': '{"accuracy": 0.3}\n' });
    repo.git('rm', '-q', '.mlreport.yml');
    repo.git('commit', '-q', '-m', 'no gate');
    const bare = repo.git('rev-parse', 'HEAD').trim();
    const result = await runOn(bare, { repro: 'sometimes' });
    assert.equal(result.code, 1);
    assert.notEqual(head, bare);
    assert.match(prComments()[0]!, /Input 'repro' must be one of/);
    assert.equal(checkRuns(fake).length, 0);
  });

  test("GitHub slow to answer a stopped run: the log names the stopped run's own 30 s to publish, not a `deadline-minutes` budget", async () => {
    const head = await passedFirst({ 'metrics.json': '{"accuracy": 0.3}\n' });
    fake.injectFault({ match: new RegExp(`^GET /repos/octo/ml/issues/${pr.number}/comments$`), response: secondaryRateLimit(45, 429) });
    const result = await runOn(head, { history: '-1', 'deadline-minutes': '330' });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /::error::mlreport: Input 'history' must be a whole number/);
    assert.match(result.stdout, /GitHub asks to wait 45 s, past the 30 s a run stopped by an error has to say so\./);
    assert.doesNotMatch(result.stdout, /time budget|`deadline-minutes`/);
  });

  test("a fork's read-only token: nothing is written, the step fails with the error, no crash", async () => {
    const head = await passedFirst({ 'metrics.json': '{"accuracy": 0.3}\n', '.mlreport.yml': 'threshold: []\n' });
    pr.headRepo = 'someone/ml';
    const result = await runOn(head, {}, { token: 'read-only-token', headRepo: 'someone/ml' });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /::error::mlreport: \.mlreport\.yml line 1: unknown key 'threshold'/);
    assert.match(result.stdout, /comes from a fork, so the workflow's token is read-only and cannot comment\. The error is in this log only\./);
    assert.match(result.stdout, /Cannot set a commit status either/);
    assert.doesNotMatch(result.stdout + result.stderr, /at .*\.js:\d+|HttpError/);
    assert.match(prComments()[0]!, /## ✅ gate passed/, 'a read-only token cannot change it');
    assert.equal(checkRuns(fake).length, 0);
    assert.equal(commitStatuses(fake).length, 0);
  });

  test('a run for an older push that stops does not replace the newer head’s comment', async () => {
    const head = await passedFirst({ 'metrics.json': '{"accuracy": 0.3}\n', '.mlreport.yml': 'threshold: []\n' });
    const before = prComments()[0]!;
    repo.git('checkout', '-q', head);
    const result = await runAction({
      workspace: repo.dir,
      eventName: 'pull_request',
      event: { pull_request: { number: pr.number, base: { sha: baseSha, ref: 'main' }, head: { sha: head, ref: 'feature' } } },
      sha: 'e'.repeat(40),
      repository: REPO,
      apiUrl: fake.url,
      inputs: { metrics: 'metrics.json', repro: 'off' },
    });
    assert.equal(result.code, 1);
    assert.notEqual(pr.headSha, head, 'the PR has moved on');
    assert.equal(prComments()[0], before);
    assert.match(result.stdout, /Not updating the report comment on pull request #\d+: its head is now/);
  });
});
