import { describe, test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub, startFakeGitHub } from '../fakes/github';
import { checkRuns } from '../fakes/github/routes/checks';
import { comments } from '../fakes/github/routes/comments';
import { addPullRequest } from '../fakes/github/routes/pulls';
import { notJson, serverError } from '../fakes/github/faults';
import { fileAtCommit, gitStore } from '../fakes/github/routes/git-data';
import { runAction as runActionAsRunner, type ActionRun } from '../helpers/action';
import type { ProcessResult } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';
import { png } from '../publish/github-fixtures';
import { FakeArtifactService, SIGNATURE } from '../fakes/artifact/server';
import { hasUnzip, readZip, unzipWithInfoZip } from '../helpers/zip';

/**
 * The bundled action (dist/index.js) run as the runner runs it: INPUT_* and GITHUB_* variables, a real event
 * payload file, a git repository with a base and a head commit, and GITHUB_API_URL pointed at the fake.
 */
const REPO = 'octo/iris';
const TOKEN = 'ghs_e2eInstallationToken';

let fake: FakeGitHub;
let repo: TempRepo;
let runner: string;
let base: string;
let head: string;

beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.tokens.set(TOKEN, FakeGitHub.ACTIONS_BOT);
  repo = new TempRepo();
  base = repo.commit('base', { 'metrics.json': JSON.stringify({ accuracy: 0.9, loss: 0.3 }), 'params.yaml': 'lr: 0.1\n' });
  head = repo.commit('head', { 'metrics.json': JSON.stringify({ accuracy: 0.95, loss: 0.2 }), 'params.yaml': 'lr: 0.2\n' });
  runner = tempDir('mlreport-runner-');
});
afterEach(async () => {
  await fake.stop();
  repo.remove();
  for (const dir of [runner, ...runners.splice(0)]) rmSync(dir, { recursive: true, force: true });
});

const runners: string[] = [];

/** The action as the runner starts it, against the fake, writing its report folder to `<runner temp>/out`. */
async function runAction(
  eventName: string,
  event: unknown,
  inputs: Record<string, string> = {},
  token = TOKEN,
  env: Record<string, string> = {},
): Promise<ActionRun & { outDir: string }> {
  const outDir = join(runner, `out-${runners.length}`);
  const r = await runActionAsRunner({
    workspace: repo.dir,
    eventName,
    event,
    sha: head,
    apiUrl: fake.url,
    repository: REPO,
    inputs: { 'github-token': token, metrics: 'metrics.json', params: 'params.yaml', 'out-dir': outDir, ...inputs },
    env: { GITHUB_SERVER_URL: 'https://github.example', ...env },
  });
  runners.push(r.runnerTemp);
  return { ...r, outDir };
}

function prEvent(number: number, headRepo = REPO): unknown {
  return {
    pull_request: { number, head: { sha: head, ref: 'feature', repo: { full_name: headRepo } }, base: { sha: base, ref: 'main', repo: { full_name: REPO } } },
    repository: { full_name: REPO, default_branch: 'main' },
  };
}

const prComments = (n: number): string[] =>
  comments(fake, { params: { owner: 'octo', repo: 'iris' } } as never)
    .filter((c) => c.on === `pr:${n}`)
    .map((c) => c.body);
const noToken = (r: ProcessResult): void => assert.doesNotMatch(r.stdout + r.stderr, new RegExp(TOKEN));

describe('action on GitHub (dist/index.js against the fake API)', () => {
  test('pull_request: two runs leave one comment; outputs and job summary set', async () => {
    const pr = addPullRequest(fake, REPO, { number: 5, headSha: head });
    const first = await runAction('pull_request', prEvent(5));
    assert.equal(first.code, 0, first.stdout + first.stderr);
    head = repo.commit('better', { 'metrics.json': JSON.stringify({ accuracy: 0.96, loss: 0.2 }) });
    pr.headSha = head;
    const second = await runAction('pull_request', prEvent(5), { 'report-id': 'default' });
    assert.equal(second.code, 0, second.stdout + second.stderr);
    const bodies = prComments(5);
    assert.equal(bodies.length, 1);
    assert.match(bodies[0]!, /\| metrics\.json \| accuracy \| 0\.9 \| 0\.96 \|/);
    assert.match(second.outputs['comment-url']!, /\/octo\/iris\/pull\/5#issuecomment-\d+$/);
    assert.equal(second.outputs['comment-url'], first.outputs['comment-url']);
    assert.equal(second.outputs.passed, 'true');
    assert.match(second.summary, /accuracy/);
    assert.match(second.stdout, /Report comment updated on pull request #5/);
    noToken(second);
  });

  test('a fork PR: no write is tried, the summary and artifact folder are written, exit 0, the log says how to publish', async () => {
    addPullRequest(fake, REPO, { number: 6, headSha: head, headRepo: 'someone/iris' });
    // github.com: a server with the artifact service, but a runner that does not give its variables.
    const r = await runAction('pull_request', prEvent(6, 'someone/iris'), {}, 'read-only-token', { GITHUB_SERVER_URL: 'https://github.com' });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(fake.requests.length, 0);
    assert.match(r.summary, /accuracy/);
    assert.ok(existsSync(join(r.outDir, 'report.md')) && existsSync(join(r.outDir, 'report.json')));
    // No runner artifact service here: the log promises no artifact, it says to upload the folder.
    assert.match(r.stdout, /comes from a fork.*are in [^\n]*out-0\. To post it, upload that folder with actions\/upload-artifact.*mode: publish/s);
    // Run without the runner's artifact service (as here) the upload is only a warning saying what to do.
    assert.match(
      r.stdout,
      /::warning::Could not upload the report as the artifact 'mlreport-default': ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set.*actions\/upload-artifact/,
    );
    assert.equal(r.outputs.passed, 'true');
    assert.equal(r.outputs['comment-url'], '');
  });

  test('a read-only token on a same-repository PR warns and exits 0', async () => {
    addPullRequest(fake, REPO, { number: 5, headSha: head });
    const r = await runAction('pull_request', prEvent(5), {}, 'read-only-token');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /::warning::The token may not write here \(403: Resource not accessible by integration\)/);
    assert.equal(prComments(5).length, 0);
  });

  test("push: comments on the commit, also when it is an open PR's head (that PR is its pull_request run's)", async () => {
    const push = { before: base, after: head, ref: 'refs/heads/feature', repository: { full_name: REPO, default_branch: 'main' } };
    const alone = await runAction('push', push);
    assert.equal(alone.code, 0, alone.stdout + alone.stderr);
    assert.match(alone.outputs['comment-url']!, new RegExp(`/commit/${head}#commitcomment-`));
    addPullRequest(fake, REPO, { number: 8, headSha: head });
    const withPr = await runAction('push', push);
    assert.match(withPr.outputs['comment-url']!, new RegExp(`/commit/${head}#commitcomment-`));
    assert.equal(prComments(8).length, 0);
    assert.match(withPr.stdout, /is the head of pull request #8: its comment and the gate's check run there are the pull_request run's/);
  });

  test('a permanent API fault fails the step with a clear message; summary and files are in place', async () => {
    addPullRequest(fake, REPO, { number: 5, headSha: head });
    fake.injectFault({
      match: /^POST \/repos\/octo\/iris\/issues\/5\/comments$/,
      times: 10,
      response: { status: 410, body: { message: 'Issues are disabled for this repo', documentation_url: 'https://docs.github.com/rest', status: '410' } },
    });
    const r = await runAction('pull_request', prEvent(5));
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /::error::GitHub comment: Could not post the report to GitHub \(http:\/\/127\.0\.0\.1:\d+\): Issues are disabled for this repo \(HTTP 410\)/,
    );
    assert.match(r.summary, /accuracy/);
    assert.ok(existsSync(join(r.outDir, 'report.md')));
    assert.equal(r.outputs.passed, 'false');
    noToken(r);
  });

  test('an answer GitHub never gives (not JSON, or null in a list): the step fails naming the request, no JavaScript error', async () => {
    addPullRequest(fake, REPO, { number: 5, headSha: head });
    fake.injectFault({ match: /^GET \/repos\/octo\/iris\/issues\/5\/comments$/, response: notJson('{not json') });
    const garbled = await runAction('pull_request', prEvent(5));
    assert.equal(garbled.code, 1, garbled.stdout + garbled.stderr);
    assert.match(
      garbled.stdout,
      /::error::GitHub comment: Could not post the report to GitHub \(http:\/\/127\.0\.0\.1:\d+\): GitHub's answer to GET \/repos\/octo\/iris\/issues\/5\/comments was not the JSON expected: the body is not JSON: it starts "\{not json"; check that GITHUB_API_URL is GitHub's REST API\./,
    );
    fake.injectFault({ match: /^GET \/repos\/octo\/iris\/issues\/5\/comments$/, response: { status: 200, body: [null] } });
    const shape = await runAction('pull_request', prEvent(5));
    assert.match(shape.stdout, /GitHub's answer to GET \/repos\/octo\/iris\/issues\/5\/comments was not the JSON expected: item 1 is null, not an object/);
    for (const r of [garbled, shape]) assert.doesNotMatch(r.stdout + r.stderr, /Cannot read properties|Cannot use 'in' operator|TypeError|\(in src\//);
    assert.equal(prComments(5).length, 0);
  });

  test('GITHUB_API_URL that is not a URL: one error naming it and the form expected, before any work, not "TypeError: Invalid URL"', async () => {
    addPullRequest(fake, REPO, { number: 5, headSha: head });
    const r = await runAction('pull_request', prEvent(5), {}, TOKEN, { GITHUB_API_URL: 'not a url' });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    assert.equal(errors.length, 1, r.stdout);
    assert.match(
      errors[0]!,
      /^::error::mlreport: GITHUB_API_URL must be GitHub's REST API root, https:\/\/api\.github\.com or https:\/\/HOST\/api\/v3 on GitHub Enterprise Server; got 'not a url'\./,
    );
    assert.doesNotMatch(r.stdout + r.stderr, /Invalid URL|TypeError/);
    assert.doesNotMatch(r.stdout, /Comparing/, 'nothing was compared');
    assert.equal(prComments(5).length, 0);
  });

  test('a 70,000-character report is folded into one comment, never failing', async () => {
    const many = Object.fromEntries([...Array(1400).keys()].map((i) => [`class_${String(i).padStart(4, '0')}_f1_score_macro_average`, i < 3 ? 0.5 : 0.25]));
    repo.commit('many metrics', { 'metrics.json': JSON.stringify({ ...many, accuracy: 0.97 }) });
    head = repo.git('rev-parse', 'HEAD');
    addPullRequest(fake, REPO, { number: 5, headSha: head });
    const r = await runAction('pull_request', prEvent(5));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.ok(readFileSync(join(r.outDir, 'report.md'), 'utf8').length > 70_000);
    const [body] = prComments(5);
    assert.ok(body!.length <= 65_536, String(body!.length));
    assert.ok(/\| metrics\.json \| accuracy \| 0\.9 \| 0\.97 \|/.test(body!), 'the changed accuracy row is kept');
    assert.match(body!, /\[the job summary\]\(https:\/\/github\.example\/octo\/iris\/actions\/runs\/4242\)/);
  });

  test("pull_request_target: the PR's commands are not run with the write token unless explicitly allowed", async () => {
    addPullRequest(fake, REPO, { number: 5, headSha: head });
    const marker = join(repo.dir, 'pwned.txt');
    const command = `node -e "require('fs').writeFileSync('pwned.txt', 'x')"`;
    const refused = await runAction('pull_request_target', prEvent(5), { run: command, comment: 'off' });
    assert.equal(refused.code, 0, refused.stdout + refused.stderr);
    assert.equal(existsSync(marker), false);
    assert.match(refused.stdout, /::warning::Not reproducing the pipeline on 'pull_request_target'/);
    const allowed = await runAction('pull_request_target', prEvent(5), { run: command, comment: 'off', 'allow-pull-request-target-repro': 'true' });
    assert.equal(allowed.code, 0, allowed.stdout + allowed.stderr);
    assert.equal(existsSync(marker), true);
  });

  test("workflow_run and issue_comment (write token, secrets, code maybe a fork's): no command runs without the opt-in", async () => {
    const marker = join(repo.dir, 'pwned.txt');
    const command = `node -e "require('fs').writeFileSync('pwned.txt', 'x')"`;
    const events: [string, unknown][] = [
      ['workflow_run', { workflow_run: { id: 9, event: 'pull_request', head_sha: head, head_branch: 'fix', head_repository: { full_name: 'someone/iris' } } }],
      ['issue_comment', { issue: { number: 5, pull_request: {} }, comment: { body: '/mlreport' } }],
    ];
    for (const [name, event] of events) {
      const r = await runAction(name, event, { run: command, comment: 'off' });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(existsSync(marker), false, name);
      assert.match(r.stdout, new RegExp(`::warning::Not reproducing the pipeline on '${name}'`));
    }
  });

  test("mode publish (workflow_run): posts the artifact's report and images to the fork PR found by GitHub's data", async () => {
    addPullRequest(fake, REPO, { number: 6, headSha: head, headRepo: 'someone/iris', headRef: 'fix' });
    addPullRequest(fake, REPO, { number: 7, headSha: 'f'.repeat(40), headRepo: 'someone/iris', headRef: 'other' });
    const artifact = join(runner, 'artifact');
    mkdirSync(join(artifact, 'plots'), { recursive: true });
    writeFileSync(join(artifact, 'plots', 'loss.png'), png(5, 5));
    writeFileSync(join(artifact, 'plots', 'fake.png'), 'not a png');
    // report.md is ignored (the comment is drawn from report.json); a marker in it or in the data cannot pose as another report.
    writeFileSync(join(artifact, 'report.md'), '<!-- mlreport:comment id=other -->\nnot this\n');
    writeFileSync(join(artifact, 'report.json'), JSON.stringify(artifactReport()));
    const event = {
      workflow_run: { id: 99, event: 'pull_request', head_sha: head, head_branch: 'fix', head_repository: { full_name: 'someone/iris' }, pull_requests: [] },
      repository: { full_name: REPO, default_branch: 'main' },
    };
    const r = await runAction('workflow_run', event, { mode: 'publish', 'artifact-dir': artifact });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(prComments(7).length, 0);
    const [body] = prComments(6);
    assert.ok(body, r.stdout);
    assert.match(body!, /^<!-- mlreport:comment id=default -->\n/);
    assert.doesNotMatch(body!, /id=other/);
    const tip = gitStore(fake, { params: { owner: 'octo', repo: 'iris' } }).refs.get('refs/heads/mlreport-assets')!;
    assert.match(body!, new RegExp(`!\\[Loss\\]\\(https://github\\.example/octo/iris/blob/${tip}/pr-6/${head}/default/loss\\.png\\?raw=true\\)`));
    assert.deepEqual(fileAtCommit(fake, REPO, tip, `pr-6/${head}/default/loss.png`), png(5, 5));
    assert.match(body!, /Fake: PNG `plots\/fake\.png` in the workflow artifact/);
    assert.ok(body!.includes(`**mlreport** · \`fix\` (${head.slice(0, 7)}) vs \`main\``), body);
    // Above the verdict: whose word this is. The pull request's run wrote the numbers; only its gate is held to them.
    assert.ok(
      body!.startsWith(
        "<!-- mlreport:comment id=default -->\n> [!CAUTION]\n> Made by the pull request's own workflow run: its numbers and the rules its gate checked are posted as that run wrote them, not checked by this repository's workflow. Its gate's outcome is checked only against those numbers, and no check run is made from it.\n\n<!-- mlreport -->\n## ",
      ),
      body,
    );
    assert.equal(fake.requestsTo('POST /repos/{owner}/{repo}/check-runs').length, 0);
    assert.match(body!, /\| metrics\.json \| accuracy \| 0\.9 \| 0\.95 \|/);
    assert.doesNotMatch(body!, /not this/);
    assert.match(r.stdout, /fake\.png is not a PNG/);
    assert.match(r.outputs['comment-url']!, /\/pull\/6#issuecomment-/);
    // The artifact's gate outcome is the pull request's own word: `passed` vouches for nothing here.
    assert.equal(r.outputs.passed, '');
  });

  test("mode publish: a report.json that is not mlreport's fails the step naming the key, and posts nothing", async () => {
    addPullRequest(fake, REPO, { number: 6, headSha: head, headRepo: 'someone/iris', headRef: 'fix' });
    const artifact = join(runner, 'artifact');
    mkdirSync(artifact, { recursive: true });
    const bad = artifactReport();
    (bad.plots[0] as { image: unknown }).image = '../../../etc/passwd.png';
    writeFileSync(join(artifact, 'report.json'), JSON.stringify(bad));
    const event = {
      workflow_run: { id: 99, event: 'pull_request', head_sha: head, head_branch: 'fix', head_repository: { full_name: 'someone/iris' }, pull_requests: [] },
      repository: { full_name: REPO, default_branch: 'main' },
    };
    const r = await runAction('workflow_run', event, { mode: 'publish', 'artifact-dir': artifact });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /::error::.*report\.json is not a report mlreport wrote: 'plots\[0\]\.image' must be a path inside the report folder/);
    assert.equal(prComments(6).length, 0);
    writeFileSync(join(artifact, 'report.json'), '{"pr": 7, "not": "trusted"}');
    const junk = await runAction('workflow_run', event, { mode: 'publish', 'artifact-dir': artifact });
    assert.equal(junk.code, 1);
    assert.match(junk.stdout, /'schemaVersion' must be the number 2, not missing/);
  });
});

/** The report.json a first workflow uploads: a fork's report with two plots (one of them not a real PNG). */
function artifactReport() {
  return {
    schemaVersion: 2,
    tool: { name: 'mlreport', version: '1.0.0' },
    base: { sha: base, label: 'main' },
    head: { sha: head, label: 'fix' },
    params: [],
    metrics: [{ path: 'metrics.json', notes: [], rows: [{ key: 'accuracy', old: 0.9, new: 0.95, diff: 0.05, relative: 0.0556, changed: true }] }],
    causes: [],
    plots: [
      { id: '<!-- mlreport:comment id=other -->', title: 'Loss', image: 'plots/loss.png', notes: [] },
      { id: 'fake', title: 'Fake', image: 'plots/fake.png', notes: [] },
    ],
    gates: null,
    pipeline: null,
    warnings: [],
  };
}

describe('the report artifact (dist/index.js against the fake artifact service)', () => {
  let service: FakeArtifactService;
  beforeEach(async () => {
    service = await FakeArtifactService.start();
  });
  afterEach(() => service.stop());
  // github.com: GitHub Enterprise Server has no service for these artifacts (@actions/artifact's isGhes rule).
  const runnerEnv = (): Record<string, string> => ({
    GITHUB_SERVER_URL: 'https://github.com',
    ACTIONS_RUNTIME_TOKEN: service.token,
    ACTIONS_RESULTS_URL: `${service.url}/`,
  });
  const noSecrets = (r: ProcessResult): void => {
    for (const secret of [TOKEN, service.token, SIGNATURE, encodeURIComponent(SIGNATURE)])
      assert.ok(!(r.stdout + r.stderr).includes(secret), 'a secret was printed');
  };
  const withPlots = (): void => {
    head = repo.commit('plots', {
      'loss.json': JSON.stringify([
        { step: 0, loss: 0.5 },
        { step: 1, loss: 0.3 },
        { step: 2, loss: 0.2 },
      ]),
      'cm.png': png(6, 4, 90),
    });
  };

  test('a fork PR: report.md, report.json and the PNGs go up as mlreport-<report-id>, finalized; exit 0', async () => {
    withPlots();
    addPullRequest(fake, REPO, { number: 6, headSha: head, headRepo: 'someone/iris' });
    const r = await runAction(
      'pull_request',
      prEvent(6, 'someone/iris'),
      { plots: 'loss.json\ncm.png', 'report-id': 'iris-fork' },
      'read-only-token',
      runnerEnv(),
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(fake.requests.length, 0, 'no GitHub API write was tried');
    assert.deepEqual([...service.artifacts.keys()], ['mlreport-iris-fork']);
    const artifact = service.artifacts.get('mlreport-iris-fork')!;
    assert.ok(artifact.finalized, 'FinalizeArtifact accepted the size and sha256 of the uploaded zip');
    const report = JSON.parse(readFileSync(join(r.outDir, 'report.json'), 'utf8')) as { plots: { image: string | null }[] };
    const images = report.plots.map((p) => p.image);
    assert.equal(images.length, 2);
    assert.ok(
      images.every((i) => i && /^plots\/[\w.-]+\.png$/.test(i)),
      String(images),
    );
    const files = readZip(artifact.blob!);
    assert.deepEqual([...files.keys()].sort(), ['report.json', 'report.md', ...(images as string[])].sort());
    for (const [name, bytes] of files) assert.ok(bytes.equals(readFileSync(join(r.outDir, ...name.split('/')))), `${name} in the zip is the out-dir's file`);
    for (const image of images as string[])
      assert.ok(
        files
          .get(image)!
          .subarray(0, 4)
          .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
        `${image} is a PNG`,
      );
    if (hasUnzip()) assert.deepEqual([...unzipWithInfoZip(artifact.blob!).keys()].sort(), [...files.keys()].sort());
    assert.match(r.stdout, /comes from a fork.*mlreport uploads them as the workflow artifact 'mlreport-iris-fork'/s);
    assert.match(
      r.stdout,
      /Uploaded the report \(report\.md, report\.json, plots\/.*; \d+ bytes\) as the workflow artifact 'mlreport-iris-fork' \(ID \d+\)\. To post it.*mode: publish/,
    );
    assert.equal(r.outputs.passed, 'true');
    noSecrets(r);
  });

  test('the artifact service failing (500) is a warning saying what to do; the job still passes', async () => {
    service.faults.set('CreateArtifact', [500, 500, 500, 500]);
    addPullRequest(fake, REPO, { number: 6, headSha: head, headRepo: 'someone/iris' });
    const r = await runAction('pull_request', prEvent(6, 'someone/iris'), {}, 'read-only-token', runnerEnv());
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(service.artifacts.size, 0);
    assert.match(
      r.stdout,
      /::warning::Could not upload the report as the artifact 'mlreport-default': The artifact service: POST \/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/CreateArtifact returned 500.*actions\/upload-artifact step named 'mlreport-default'/,
    );
    assert.doesNotMatch(r.stdout, /::error::/);
    assert.equal(r.outputs.passed, 'true');
    assert.match(r.summary, /accuracy/);
    noSecrets(r);
  });

  test("GitHub failing (500s on every attempt): the step fails, and 'artifact: auto' still uploads the report", async () => {
    addPullRequest(fake, REPO, { number: 5, headSha: head });
    fake.injectFault({ match: /^POST \/repos\/octo\/iris\/issues\/5\/comments$/, times: 100, response: serverError(500) });
    const r = await runAction('pull_request', prEvent(5), {}, TOKEN, runnerEnv());
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /::error::.*Could not post the report to GitHub .*\(HTTP 500\)/);
    assert.equal(prComments(5).length, 0);
    const artifact = service.artifacts.get('mlreport-default');
    assert.ok(artifact?.finalized, `the report went up as the artifact:\n${r.stdout}`);
    assert.deepEqual([...readZip(artifact.blob!).keys()].sort(), ['report.json', 'report.md']);
    assert.equal(r.outputs.passed, 'false');
    noSecrets(r);
  });

  test("a posted report uploads nothing with 'artifact: auto'; 'always' uploads it too; 'off' on a fork never calls the service", async () => {
    addPullRequest(fake, REPO, { number: 5, headSha: head });
    const auto = await runAction('pull_request', prEvent(5), {}, TOKEN, runnerEnv());
    assert.equal(auto.code, 0, auto.stdout + auto.stderr);
    assert.equal(prComments(5).length, 1);
    assert.equal(service.requests.length, 0);
    const always = await runAction('pull_request', prEvent(5), { artifact: 'always', 'report-id': 'both' }, TOKEN, runnerEnv());
    assert.equal(always.code, 0, always.stdout + always.stderr);
    assert.deepEqual([...readZip(service.artifacts.get('mlreport-both')!.blob!).keys()], ['report.md', 'report.json']);
    const requests = service.requests.length;
    const off = await runAction('pull_request', prEvent(5, 'someone/iris'), { artifact: 'off' }, 'read-only-token', runnerEnv());
    assert.equal(off.code, 0, off.stdout + off.stderr);
    assert.equal(service.requests.length, requests);
    assert.match(off.stdout, /comes from a fork.*upload that folder with actions\/upload-artifact/);
    noSecrets(always);
  });

  test("a posted comment that sends the reader to the artifact (images not shown inline) uploads it with 'artifact: auto'; 'off' names the out-dir", async () => {
    withPlots();
    addPullRequest(fake, REPO, { number: 5, headSha: head });
    const auto = await runAction('pull_request', prEvent(5), { plots: 'loss.json\ncm.png', 'image-store': 'none' }, TOKEN, runnerEnv());
    assert.equal(auto.code, 0, auto.stdout + auto.stderr);
    const [comment] = prComments(5);
    assert.match(comment!, /the image files are in the workflow artifact\._/);
    const artifact = service.artifacts.get('mlreport-default');
    assert.ok(artifact?.finalized, `the artifact the comment names went up:\n${auto.stdout}`);
    assert.ok([...readZip(artifact.blob!).keys()].some((name) => /^plots\/.*\.png$/.test(name)));

    const requests = service.requests.length;
    const off = await runAction(
      'pull_request',
      prEvent(5),
      { plots: 'loss.json\ncm.png', 'image-store': 'none', artifact: 'off', 'report-id': 'off' },
      TOKEN,
      runnerEnv(),
    );
    assert.equal(off.code, 0, off.stdout + off.stderr);
    assert.equal(service.requests.length, requests);
    const offComment = prComments(5).find((c) => c.includes('mlreport:comment id=off'))!;
    assert.doesNotMatch(offComment, /workflow artifact/);
    assert.ok(offComment.includes(`the image files are in the out-dir (\`${off.outDir}\`)`), offComment);
    noSecrets(auto);
  });

  test('an upload known not to happen (GitHub Enterprise Server, no runner token): the comment and check run name the out-dir, not an artifact', async () => {
    withPlots();
    addPullRequest(fake, REPO, { number: 5, headSha: head });
    const inputs = { plots: 'loss.json\ncm.png', 'image-store': 'none', thresholds: 'accuracy >= 0.5' };
    const cases = [
      { id: 'ghes', env: { ...runnerEnv(), GITHUB_SERVER_URL: 'https://ghe.example.com' }, why: /GitHub Enterprise Server \(ghe\.example\.com\)/ },
      { id: 'local', env: { GITHUB_SERVER_URL: 'https://github.com' }, why: /ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set/ },
    ];
    for (const { id, env, why } of cases) {
      const r = await runAction('pull_request', prEvent(5), { ...inputs, 'report-id': id, 'check-name': `gate ${id}` }, TOKEN, env);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const comment = prComments(5).find((c) => c.includes(`mlreport:comment id=${id}`))!;
      assert.doesNotMatch(comment, /workflow artifact/);
      assert.ok(comment.includes(`the image files are in the out-dir (\`${r.outDir}\`)`), comment);
      const check = checkRuns(fake).find((c) => c.name === `gate ${id}`)!;
      assert.ok(check, `a check run named 'gate ${id}'`);
      assert.doesNotMatch(`${check.output.summary}\n${check.output.text ?? ''}`, /workflow artifact/);
      assert.doesNotMatch(r.stdout, why, 'no upload is wanted: the texts point at none');
    }
    assert.equal(service.requests.length, 0);
  });
});
