import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github';
import { checkRuns } from '../fakes/github/routes/checks';
import { runAction, type ActionRun } from '../helpers/action';
import { TempRepo } from '../helpers/repo';

/**
 * The event payload and GITHUB_REPOSITORY as the runner gives them to dist/index.js, when they are not what GitHub
 * sends: one error naming the field (never a TypeError from wherever it was first used), and nothing posted.
 */
let fake: FakeGitHub;
let repo: TempRepo;
let baseSha: string;
let headSha: string;

before(async () => {
  fake = await startFakeGitHub();
  repo = new TempRepo();
  baseSha = repo.commit('base', { 'metrics.json': '{"accuracy": 0.9}' });
  headSha = repo.commit('head', { 'metrics.json': '{"accuracy": 0.85}' });
});
after(async () => {
  await fake.stop();
  repo.remove();
});
beforeEach(() => {
  fake.requests.length = 0;
  checkRuns(fake).length = 0;
});

function run(eventName: string, event: unknown, options: { repository?: string; inputs?: Record<string, string> } = {}): Promise<ActionRun> {
  return runAction({
    workspace: repo.dir,
    eventName,
    event,
    sha: headSha,
    apiUrl: fake.url,
    repository: options.repository,
    inputs: { metrics: 'metrics.json', ...options.inputs },
  });
}

function assertCleanError(result: ActionRun, message: RegExp): void {
  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.match(result.stdout, message);
  assert.doesNotMatch(result.stdout + result.stderr, /TypeError|\(in src\/|\[object Object\]/);
  assert.deepEqual(
    fake.requests.map((r) => r.route),
    [],
    'nothing is posted',
  );
}

describe('an event payload field of the wrong type or shape fails the step naming the field', () => {
  const pr = (base: object, head: object, number: unknown = 7) => ({
    number: 7,
    pull_request: { number, base: { sha: baseSha, ref: 'main', ...base }, head: { sha: headSha, ref: 'feat', ...head } },
  });

  test('pull_request: base.sha a number, head.ref an object, head.sha a number, number negative', async () => {
    assertCleanError(
      await run('pull_request', pr({ sha: 12345 }, {})),
      /::error::mlreport: GITHUB_EVENT_PATH \(pull_request event, .*event\.json\): pull_request\.base\.sha is 12345, expected a commit sha \(40 hex characters, or 64 in a SHA-256 repository\)\./,
    );
    assertCleanError(await run('pull_request', pr({}, { ref: {} })), /pull_request\.head\.ref is \{\}, expected a branch name \(text on one line\)\./);
    assertCleanError(await run('pull_request', pr({}, { sha: 5 })), /pull_request\.head\.sha is 5, expected a commit sha/);
    assertCleanError(
      await run('pull_request', pr({}, {}, -3), { inputs: { thresholds: 'accuracy >= 0.8' } }),
      /pull_request\.number is -3, expected a pull request number \(a whole number from 1\)\./,
    );
  });

  test('push: before a number; before, after and ref of the wrong types', async () => {
    assertCleanError(
      await run('push', { before: 123, after: headSha, ref: 'refs/heads/main' }),
      /GITHUB_EVENT_PATH \(push event, .*\): before is 123, expected a commit sha/,
    );
    assertCleanError(
      await run('push', { before: {}, after: [], ref: 5 }),
      /GITHUB_EVENT_PATH \(push event, .*\): ref is 5, expected a git ref such as refs\/heads\/main/,
    );
  });
});

describe('GITHUB_REPOSITORY', () => {
  const event = { pull_request: { number: 7, base: { sha: baseSha, ref: 'main' }, head: { sha: headSha, ref: 'feat', repo: { full_name: 'octo/iris' } } } };

  test("not 'owner/name': an error saying so, not a fork's read-only token", async () => {
    const result = await run('pull_request', event, { repository: 'a/b/c', inputs: { thresholds: 'accuracy >= 0.8' } });
    assertCleanError(result, /::error::mlreport: GITHUB_REPOSITORY is 'a\/b\/c'; expected the repository as 'owner\/name', which the runner sets\./);
    assert.doesNotMatch(result.stdout, /fork/);
  });

  test('empty on a runner: an error, not a green step with no comment and no check run', async () => {
    const result = await run('pull_request', event, { repository: '', inputs: { thresholds: 'accuracy >= 0.8' } });
    assertCleanError(result, /::error::mlreport: GITHUB_REPOSITORY is empty; expected the repository as 'owner\/name'/);
    assert.notEqual(result.outputs.passed, 'true');
  });
});

describe('a force push', () => {
  test('`forced: true` with a `before` no clone has: said so, compared with the previous commit, the gate checked', async () => {
    const gone = '2'.repeat(40);
    const result = await run('push', { before: gone, after: headSha, forced: true, ref: 'refs/heads/main' }, { inputs: { thresholds: 'accuracy >= base' } });
    assert.match(result.stdout, /The push was forced: 2222222, the branch's head before it, is not in the branch's history now, so it is not the base\./);
    assert.doesNotMatch(result.stdout, /shallow checkout/);
    assert.match(result.stdout, new RegExp(`Comparing main with HEAD~1 \\(${baseSha}\\)`));
    assert.equal(result.code, 1, 'the gate broke: 0.85 < 0.9');
    const [check] = checkRuns(fake);
    assert.equal(check?.conclusion, 'failure');
    assert.match(check!.output.summary!, /\| ❌ \| accuracy &gt;= base \| 0\.9 \| 0\.85 \|/);
  });

  test('a `before` a full clone lacks, without `forced`: a force push too, not a shallow checkout', async () => {
    const result = await run('push', { before: '3'.repeat(40), after: headSha, ref: 'refs/heads/main' }, { inputs: { thresholds: 'accuracy >= base' } });
    assert.match(
      result.stdout,
      /3333333, the branch's head before this push, is not in this full clone: the push rewrote the branch \(a force push\), so it is not the base\./,
    );
    assert.doesNotMatch(result.stdout, /shallow checkout|Could not fetch/);
    assert.match(result.stdout, /Comparing main with HEAD~1/);
    assert.equal(checkRuns(fake)[0]?.conclusion, 'failure');
  });
});
