import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub, startFakeGitHub } from '../fakes/github';
import { comments } from '../fakes/github/routes/comments';
import { checkRuns } from '../fakes/github/routes/checks';
import { commitStatuses } from '../fakes/github/routes/statuses';
import { addPullRequest } from '../fakes/github/routes/pulls';
import { gitStore } from '../fakes/github/routes/git-data';
import { releases } from '../fakes/github/routes/releases';
import { FakeArtifactService } from '../fakes/artifact/server';
import { FakeHub } from '../fakes/hub/server';
import { FakeMlflow } from '../fakes/mlflow/server';
import { runAction, type ActionRun } from '../helpers/action';
import { TempRepo, tempDir } from '../helpers/repo';
import { readZip } from '../helpers/zip';
import { png } from '../publish/github-fixtures';

/**
 * Every publishing path of the bundled action, run with recognisable secrets: the workflow token (an App
 * installation token, `ghs_…`), a second one without `checks: write` (the status fallback), the hub token, and
 * the runner's artifact runtime token. Then every request any fake received (URL and body; the Authorization
 * header is where a token belongs), the log, report.md, report.json, the job summary and the unzipped
 * artifact are searched for each secret, raw, URL-encoded and base64-encoded.
 */
const REPO = 'octo/iris';
const GITHUB_TOKEN = 'ghs_TOKENSENTINELworkflow0000000000000000';
const NO_CHECKS_TOKEN = 'ghs_TOKENSENTINELnochecks0000000000000000';
const HUB_TOKEN = 'dhp_TOKENSENTINELhub000000000000000000';

interface Seen {
  where: string;
  text: string;
}

describe('no token leaks from any publishing path', () => {
  let github: FakeGitHub;
  let hub: FakeHub;
  let mlflow: FakeMlflow;
  let artifacts: FakeArtifactService;
  let repo: TempRepo;
  let head = '';
  const runs: { name: string; run: ActionRun; outDir: string }[] = [];
  const temps: string[] = [];

  before(async () => {
    github = await startFakeGitHub();
    github.tokens.set(GITHUB_TOKEN, FakeGitHub.ACTIONS_BOT);
    github.tokens.set(NO_CHECKS_TOKEN, { ...FakeGitHub.ACTIONS_BOT, cannotWrite: ['checks'] });
    artifacts = await FakeArtifactService.start();
    mlflow = new FakeMlflow({ auth: { kind: 'basic', username: 'ci-bot', password: HUB_TOKEN } });
    hub = await FakeHub.start({ owner: 'octo', repo: 'iris', login: 'ci-bot', token: HUB_TOKEN, mlflow });
    repo = new TempRepo();
    const base = repo.commit('base', {
      'metrics.json': JSON.stringify({ accuracy: 0.9, loss: 0.3 }),
      'params.yaml': 'lr: 0.1\n',
      'loss.json': JSON.stringify([
        { step: 0, loss: 0.6 },
        { step: 1, loss: 0.4 },
      ]),
    });
    repo.git('checkout', '-q', '-b', 'feature');
    head = repo.commit('head', {
      'metrics.json': JSON.stringify({ accuracy: 0.95, loss: 0.2 }),
      'params.yaml': 'lr: 0.2\n',
      'loss.json': JSON.stringify([
        { step: 0, loss: 0.5 },
        { step: 1, loss: 0.3 },
        { step: 2, loss: 0.2 },
      ]),
      'cm.png': png(6, 4, 90),
    });
    addPullRequest(github, REPO, { number: 5, headSha: head });
    hub.addPull({ headRef: 'feature', headSha: head });
    const event = {
      pull_request: { number: 5, head: { sha: head, ref: 'feature', repo: { full_name: REPO } }, base: { sha: base, ref: 'main', repo: { full_name: REPO } } },
      repository: { full_name: REPO, default_branch: 'main' },
    };
    const scenarios: { name: string; token: string; inputs: Record<string, string> }[] = [
      // Comment, release images, check run, hub comment, MLflow run, artifact.
      { name: 'release', token: GITHUB_TOKEN, inputs: { 'image-store': 'release', 'report-id': 'release' } },
      // Comment, assets-branch images, the commit status instead of a check run; the hub and MLflow again.
      { name: 'branch', token: NO_CHECKS_TOKEN, inputs: { 'image-store': 'branch', 'report-id': 'branch' } },
    ];
    for (const s of scenarios) {
      const outDir = tempDir('mlreport-tokens-out-');
      temps.push(outDir);
      const run = await runAction({
        workspace: repo.dir,
        eventName: 'pull_request',
        event,
        sha: head,
        apiUrl: github.url,
        repository: REPO,
        inputs: {
          'github-token': s.token,
          metrics: 'metrics.json',
          params: 'params.yaml',
          plots: 'loss.json\ncm.png',
          thresholds: 'accuracy >= 0.9',
          artifact: 'always',
          hub: 'dagshub',
          'hub-url': hub.url,
          'hub-token': HUB_TOKEN,
          'out-dir': outDir,
          ...s.inputs,
        },
        env: { GITHUB_SERVER_URL: 'https://github.com', ACTIONS_RUNTIME_TOKEN: artifacts.token, ACTIONS_RESULTS_URL: `${artifacts.url}/` },
      });
      temps.push(run.runnerTemp);
      runs.push({ name: s.name, run, outDir });
    }
  });

  after(async () => {
    await hub.close();
    await artifacts.stop();
    await github.stop();
    repo.remove();
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  test('every path was taken', () => {
    for (const { name, run } of runs) assert.equal(run.code, 0, `${name}: ${run.stdout}${run.stderr}`);
    const [owner, name] = REPO.split('/') as [string, string];
    const onPr = comments(github, { params: { owner, repo: name } } as never).filter((c) => c.on === 'pr:5');
    assert.equal(onPr.length, 2, 'one comment per report-id');
    assert.ok(releases(github, { params: { owner, repo: name } })[0]?.assets.length, 'release images');
    assert.ok(gitStore(github, { params: { owner, repo: name } }).refs.get('refs/heads/mlreport-assets'), 'assets-branch images');
    assert.equal(checkRuns(github).length, 1, 'a check run');
    assert.equal(commitStatuses(github).length, 1, 'the status fallback');
    assert.equal(hub.commentsOn(1).length, 1, 'the hub comment, posted then edited');
    assert.ok(hub.requests.some((r) => r.method === 'PATCH'));
    assert.ok(mlflow.runsOf('octo/iris').length >= 1, 'MLflow runs');
    assert.deepEqual([...artifacts.artifacts.keys()].sort(), ['mlreport-branch', 'mlreport-release']);
    assert.ok([...artifacts.artifacts.values()].every((a) => a.finalized));
  });

  test('no request URL or body, log line, report file, summary or artifact file carries a token', () => {
    const secrets = [GITHUB_TOKEN, NO_CHECKS_TOKEN, HUB_TOKEN, artifacts.token];
    const forms = secrets.flatMap((s) => [s, encodeURIComponent(s), Buffer.from(s).toString('base64'), Buffer.from(`ci-bot:${s}`).toString('base64')]);
    const seen: Seen[] = [];
    const text = (b: unknown): string => (b === undefined ? '' : Buffer.isBuffer(b) ? b.toString('latin1') : typeof b === 'string' ? b : JSON.stringify(b));
    for (const r of github.requests) seen.push({ where: `GitHub ${r.method} ${r.path}`, text: `${r.path}\n${text(r.body)}` });
    for (const r of hub.requests) seen.push({ where: `hub ${r.method} ${r.path}`, text: `${r.path}${r.search}\n${r.body}` });
    for (const r of mlflow.requests) seen.push({ where: `MLflow ${r.method} ${r.path}`, text: `${r.path}${r.search}\n${r.body}` });
    for (const r of artifacts.requests) seen.push({ where: `artifact service ${r.method} ${r.path}`, text: `${r.path}${r.search}\n${text(r.body)}` });
    for (const { name, run, outDir } of runs) {
      // `::add-mask::` lines are the runner's own command (consumed, never shown): they must carry the secret.
      const log = `${run.stdout}\n${run.stderr}`
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
      seen.push({ where: `${name}: the log`, text: log }, { where: `${name}: the job summary`, text: run.summary });
      for (const file of filesUnder(outDir)) seen.push({ where: `${name}: ${file}`, text: readFileSync(file, 'latin1') });
    }
    for (const [name, artifact] of artifacts.artifacts) {
      for (const [file, bytes] of readZip(artifact.blob!)) seen.push({ where: `artifact ${name}: ${file}`, text: bytes.toString('latin1') });
    }
    assert.ok(seen.length > 40, `searched ${seen.length} places`);
    const leaks = seen.flatMap(({ where, text: t }) => forms.filter((f) => t.includes(f)).map((f) => `${where} contains ${f.slice(0, 24)}…`));
    assert.deepEqual(leaks, []);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
