import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFromAction } from '../../src/config/action';
import { run } from '../../src/run';
import { FakeGitHub, startFakeGitHub } from '../fakes/github';
import { comments } from '../fakes/github/routes/comments';
import { addPullRequest } from '../fakes/github/routes/pulls';
import { runCli } from '../helpers/cli';
import { MemoryLogger } from '../helpers/memory-logger';
import { TempRepo, tempDir } from '../helpers/repo';

const REPO = 'octo/iris';
const TOKEN = 'ghs_publishSummaryToken';

let fake: FakeGitHub;
let repo: TempRepo;
let head: string;
const dirs: string[] = [];

before(async () => {
  fake = await startFakeGitHub();
  fake.tokens.set(TOKEN, FakeGitHub.ACTIONS_BOT);
  repo = new TempRepo();
  repo.commit('main', { 'metrics.json': JSON.stringify({ accuracy: 0.8 }) });
  repo.git('checkout', '-q', '-b', 'fix');
  head = repo.commit('PR', { 'metrics.json': JSON.stringify({ accuracy: 0.85 }) });
  addPullRequest(fake, REPO, { number: 6, headSha: head, headRepo: 'someone/iris', headRef: 'fix' });
});
after(async () => {
  await fake.stop();
  repo.remove();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The report the pull request's run made (its report.md says anything), and the env of workflow_run's `mode: publish` step. */
async function publishStep(extra: NodeJS.ProcessEnv = {}) {
  const artifact = tempDir('mlreport-artifact-');
  const runner = tempDir('mlreport-runner-');
  dirs.push(artifact, runner);
  const made = await runCli(['report', '--base', 'main', '--metrics', 'metrics.json', '--out', artifact, '--threshold', 'accuracy >= 0.99'], repo.dir);
  assert.equal(made.code, 1, made.stdout + made.stderr);
  // The pull request's run may write anything in report.md; the summary is drawn from the re-checked report.json.
  writeFileSync(join(artifact, 'report.md'), 'all green, trust me\n');
  const event = {
    workflow_run: { id: 99, event: 'pull_request', head_sha: head, head_branch: 'fix', head_repository: { full_name: 'someone/iris' }, pull_requests: [] },
    repository: { full_name: REPO, default_branch: 'main' },
  };
  const eventPath = join(runner, 'event.json');
  const summaryPath = join(runner, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(event));
  writeFileSync(summaryPath, 'an earlier step wrote this\n');
  const env: NodeJS.ProcessEnv = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'workflow_run',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: REPO,
    GITHUB_SHA: head,
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_API_URL: fake.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4243',
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: runner,
    'INPUT_GITHUB-TOKEN': TOKEN,
    INPUT_MODE: 'publish',
    'INPUT_ARTIFACT-DIR': artifact,
    'INPUT_IMAGE-STORE': 'none',
    ...extra,
  };
  const config = await configFromAction({ env, warn: () => {} });
  const log = new MemoryLogger();
  const result = await run(config, log);
  const summary = readFileSync(summaryPath, 'utf8');
  assert.ok(summary.startsWith('an earlier step wrote this\n'), 'appended, as a job summary is');
  return { result, log: log.lines.join('\n'), artifact, outDir: config.outDir, written: summary.slice('an earlier step wrote this\n'.length) };
}

test("mode publish writes the re-checked report to the job summary, with the comment's caution, as mode run does", async () => {
  const { result, written } = await publishStep();
  assert.equal(result.failStep, false);
  const [body] = comments(fake, { params: { owner: 'octo', repo: 'iris' } } as never)
    .filter((c) => c.on === 'pr:6')
    .map((c) => c.body);
  assert.ok(body, 'the comment was posted');
  assert.match(written, /^> \[!CAUTION\]\n> Made by the pull request's own workflow run/);
  assert.match(written, /## ❌ gate failed: accuracy 0\.85/);
  assert.doesNotMatch(written, /trust me/);
  // The same text as the comment, without the comment's marker (and the head's commit, which a comment names as mode run's does).
  const commentText = body.slice(body.indexOf('\n') + 1).replace(` (${head.slice(0, 7)})`, '');
  assert.equal(written.trimEnd(), commentText.trimEnd());
});

test('mode publish whose comment GitHub refuses says where the re-checked report is: the job summary and report.md in the out-dir', async () => {
  // What GitHub answers a comment on a repository whose issues are turned off; not retried.
  fake.injectFault({
    match: /^POST \/repos\/octo\/iris\/issues\/6\/comments$/,
    response: { status: 410, body: { message: 'Issues are disabled for this repo', documentation_url: 'https://docs.github.com/rest/issues/comments' } },
  });
  const { result, log, artifact, outDir, written } = await publishStep({ 'INPUT_OUT-DIR': tempDir('mlreport-out-'), 'INPUT_REPORT-ID': 'refused' });
  dirs.push(outDir);
  assert.equal(result.failStep, true, log);
  const error = log.split('\n').find((l) => l.startsWith('error: GitHub comment: '));
  assert.ok(error, log);
  assert.ok(
    error.endsWith(
      `The re-checked report is in the job summary and in ${join(outDir, 'report.md')}; its plot images are in ${artifact}, the artifact this workflow downloaded.`,
    ),
    error,
  );
  // And it is there: the job summary and report.md were written after the comment failed, from the re-checked data.
  assert.match(written, /^> \[!CAUTION\]\n> Made by the pull request's own workflow run/);
  assert.match(written, /## ❌ gate failed: accuracy 0\.85/);
  const reportMd = readFileSync(join(outDir, 'report.md'), 'utf8');
  assert.match(reportMd, /## ❌ gate failed: accuracy 0\.85/);
  assert.doesNotMatch(reportMd, /trust me/);
  assert.equal(result.reportPath, join(outDir, 'report.md'));
});
