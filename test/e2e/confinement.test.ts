import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub, startFakeGitHub } from '../fakes/github';
import { comments } from '../fakes/github/routes/comments';
import { addPullRequest } from '../fakes/github/routes/pulls';
import { runAction, workflowCommands, type ActionRun } from '../helpers/action';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * What a pull request's pipeline can reach when the action reproduces it: recognisable tokens are put where the
 * runner puts them, a stage prints everything it can find and fails, and every text the run leaves is searched.
 */
const REPO = 'octo/iris';
const GITHUB_TOKEN = 'ghs_confineGitHubToken0123456789';
const HUB_TOKEN = 'hub_confineHubToken0123456789';
const RUNTIME_TOKEN = 'eyJconfineRuntimeToken0123456789';
const OIDC_TOKEN = 'oidc_confineRequestToken0123456789';
// A password with characters that percent-encoding and base64's alignment both change.
const MLFLOW_PASSWORD = 'mlf/Pass+word=0123456789';

const LEAK_SH = `
echo "input token: $(printenv INPUT_GITHUB-TOKEN)"
echo "hub token: $(printenv INPUT_HUB-TOKEN)"
echo "runtime: $ACTIONS_RUNTIME_TOKEN oidc: $ACTIONS_ID_TOKEN_REQUEST_TOKEN github: $GITHUB_TOKEN"
env | grep -E 'TOKEN|^INPUT_|^ACTIONS_|^GITHUB_(OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)=' || true
echo "password: $MLFLOW_TRACKING_PASSWORD"
printf 'me:%s' "$MLFLOW_TRACKING_PASSWORD" | base64
printf 'xy-me:%s' "$MLFLOW_TRACKING_PASSWORD" | base64
echo "https://me:$(node -e 'process.stdout.write(encodeURIComponent(process.env.MLFLOW_TRACKING_PASSWORD))')@mlflow.example/x"
git config --get http.https://github.com/.extraheader
echo "passed=true" >> "\${GITHUB_OUTPUT:-/dev/null}"
# Without the variables, the files themselves: they lie in the runner's temporary folder.
for f in "$RUNNER_TEMP"/*.txt "$RUNNER_TEMP"/*.md "$JOB_FILES"/*.txt; do printf 'passed<<EOF\ntrue\nEOF\n## forged by the stage\n' >> "$f"; done
echo "::set-output name=passed::true"
echo "  ::add-mask::0.95"
echo "::error file=README.md,line=1::pwned"
echo "the end of the stage"
exit 3
`;

describe('a pull request pipeline in the action: no secret out, no workflow command in', () => {
  let fake: FakeGitHub;
  const repo = new TempRepo();
  let run: ActionRun;
  let texts: Record<string, string>;
  let envDir: string;
  let envFile: string;

  before(async () => {
    fake = await startFakeGitHub();
    fake.tokens.set(GITHUB_TOKEN, FakeGitHub.ACTIONS_BOT);
    const base = repo.commit('base', { 'metrics.json': '{"accuracy": 0.9}' });
    const head = repo.commit('head', {
      'metrics.json': '{"accuracy": 0.95}',
      'leak.sh': LEAK_SH,
      'dvc.yaml': [
        'vars:',
        '  - x: 1',
        'metrics:',
        '  - metrics.json',
        '  - "m${x}\\n::set-output name=passed::true\\n##[add-mask]accuracy\\n::error file=README.md,line=1::pwned"',
        'stages:',
        '  leak:',
        '    cmd: sh leak.sh',
        '',
      ].join('\n'),
    });
    // actions/checkout leaves the token in the clone's config, base64-encoded after `x-access-token:`.
    const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${GITHUB_TOKEN}`).toString('base64')}`;
    repo.git('config', 'http.https://github.com/.extraheader', header);
    addPullRequest(fake, REPO, { number: 3, headSha: head });
    // The runner's GITHUB_ENV file: the job's environment for the steps after this one.
    envDir = tempDir();
    envFile = join(envDir, 'env.txt');
    writeFileSync(envFile, '');
    run = await runAction({
      workspace: repo.dir,
      eventName: 'pull_request',
      event: {
        pull_request: {
          number: 3,
          head: { sha: head, ref: 'feature', repo: { full_name: REPO } },
          base: { sha: base, ref: 'main', repo: { full_name: REPO } },
        },
        repository: { full_name: REPO, default_branch: 'main' },
      },
      sha: head,
      apiUrl: fake.url,
      repository: REPO,
      inputs: { 'github-token': GITHUB_TOKEN, 'hub-token': HUB_TOKEN, 'out-dir': 'out' },
      env: {
        ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: OIDC_TOKEN,
        ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/oidc',
        MLFLOW_TRACKING_PASSWORD: MLFLOW_PASSWORD,
        GITHUB_ENV: envFile,
        // Where the stage finds it (on a runner, beside the others in RUNNER_TEMP).
        JOB_FILES: envDir,
      },
    });
    const onPr = comments(fake, { params: { owner: 'octo', repo: 'iris' } } as never).filter((c) => c.on === 'pr:3');
    texts = {
      log: run.stdout + run.stderr,
      summary: run.summary,
      'report.md': readFileSync(join(repo.dir, 'out', 'report.md'), 'utf8'),
      'report.json': readFileSync(join(repo.dir, 'out', 'report.json'), 'utf8'),
      comment: onPr.map((c) => c.body).join('\n'),
    };
  });
  after(async () => {
    await fake.stop();
    rmSync(run.runnerTemp, { recursive: true, force: true });
    rmSync(envDir, { recursive: true, force: true });
    repo.remove();
  });

  test("what a stage appends to the step's file commands through the runner's folder is cut away, and said", () => {
    assert.doesNotMatch(run.summary, /forged/);
    assert.match(run.summary, /^<!-- mlreport/, 'the summary is the report alone');
    assert.equal(readFileSync(envFile, 'utf8'), '', "the job's environment for later steps is untouched");
    assert.equal(run.outputs.passed, 'false');
    assert.match(run.stdout, /A stage wrote to this step's GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STEP_SUMMARY file: removed/);
  });

  test("the failing stage's output is in the report, the step fails, and a comment was posted", () => {
    assert.equal(run.code, 1, run.stdout + run.stderr);
    for (const name of ['report.md', 'report.json', 'summary', 'comment', 'log']) assert.match(texts[name]!, /the end of the stage/, name);
  });

  test('the stage never sees the action inputs, runtime tokens or file commands', () => {
    const log = texts.log!;
    assert.match(log, /input token: \n/);
    assert.match(log, /hub token: \n/);
    assert.match(log, /runtime:  oidc:  github: \n/);
    assert.doesNotMatch(log, /^(INPUT_|ACTIONS_|GITHUB_OUTPUT=|GITHUB_ENV=|GITHUB_STEP_SUMMARY=)/m);
    assert.equal(run.outputs.passed, 'false');
  });

  test('no secret, nor its percent-encoded or base64 form, is in the log, the report files, the summary or the comment', () => {
    const forms = [
      GITHUB_TOKEN,
      HUB_TOKEN,
      RUNTIME_TOKEN,
      OIDC_TOKEN,
      MLFLOW_PASSWORD,
      encodeURIComponent(MLFLOW_PASSWORD),
      Buffer.from(`me:${MLFLOW_PASSWORD}`).toString('base64'),
      Buffer.from(`xy-me:${MLFLOW_PASSWORD}`).toString('base64'),
      Buffer.from(`x-access-token:${GITHUB_TOKEN}`).toString('base64'),
      // The password's own base64 at each alignment, as any encoder would put it inside a longer string.
      ...[0, 1, 2].map((k) =>
        Buffer.from(`${'-'.repeat(k)}${MLFLOW_PASSWORD}`)
          .toString('base64')
          .slice(4, 20),
      ),
    ];
    for (const [where, text] of Object.entries(texts)) {
      for (const form of forms) assert.ok(!text.includes(form), `${form} in ${where}`);
    }
    assert.match(texts['report.md']!, /password: \*\*\*/);
    assert.match(texts['report.md']!, /https:\/\/me:\*\*\*@mlflow\.example/);
  });

  test('text from dvc.yaml and a stage never acts as a workflow command: no output set, no mask added, no forged annotation', () => {
    const commands = workflowCommands(run.stdout);
    assert.deepEqual(
      // mlreport's own: the stage's group, its failure, the warning that its writes to the file commands were cut.
      commands.filter((c) => c.name !== 'group' && c.name !== 'endgroup' && !((c.name === 'error' || c.name === 'warning') && !c.properties)),
      [],
      JSON.stringify(commands),
    );
    assert.ok(!commands.some((c) => c.data.includes('pwned')));
    assert.match(run.stdout, /::set-output name=passed::true/, 'the text is still in the log, inert');
    // The dvc.yaml entry's text went through the run (a metrics file the head does not have, in the report's data);
    // the stage's own output above is the log's share of command-like text.
    assert.match(texts['report.json']!, /##\[add-mask\]accuracy/, "the dvc.yaml entry's text reached the report");
  });
});

test('the CLI in a workflow step: stage output and results that look like workflow commands stay inert', async () => {
  const repo = new TempRepo();
  try {
    repo.commit('stage', {
      'dvc.yaml': 'stages:\n  "::set-output name=passed::true":\n    cmd: echo "::add-mask::0.95"; echo "##[error]forged"; exit 1\n',
    });
    const r = await runCli(['repro'], repo.dir, { ...process.env, GITHUB_ACTIONS: 'true' });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout + r.stderr, /::add-mask::0\.95/);
    assert.deepEqual(workflowCommands(r.stderr), []);
    assert.deepEqual(workflowCommands(r.stdout), []);
  } finally {
    repo.remove();
  }
});
