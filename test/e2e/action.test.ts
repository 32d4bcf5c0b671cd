import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github/index';
import { runAction } from '../helpers/action';
import { execFileSync } from 'node:child_process';
import { TempRepo, tempDir } from '../helpers/repo';

describe('the action (dist/index.js) as the runner runs it', () => {
  let fake: FakeGitHub;
  const repo = new TempRepo();
  const baseSha = repo.commit('base', {
    'params.yaml': 'train:\n  lr: 0.01\n',
    'metrics.json': '{"accuracy": 0.9}',
    'dvc.yaml': 'metrics:\n  - metrics.json\n',
  });
  const headSha = repo.commit('head', { 'params.yaml': 'train:\n  lr: 0.02\n', 'metrics.json': '{"accuracy": 0.95}' });
  const prEvent = {
    action: 'synchronize',
    number: 12,
    pull_request: { number: 12, state: 'open', base: { ref: 'main', sha: baseSha }, head: { ref: 'tune-lr', sha: headSha } },
    repository: { full_name: 'octo/iris', default_branch: 'main' },
  };

  before(async () => {
    fake = await startFakeGitHub();
  });
  after(async () => {
    await fake.stop();
    repo.remove();
  });

  test('pull_request: report in the step summary, outputs set, exit 0', async () => {
    const run = await runAction({ workspace: repo.dir, eventName: 'pull_request', event: prEvent, sha: headSha, apiUrl: fake.url });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.summary, /<!-- mlreport -->/);
    assert.match(run.summary, /^\*\*mlreport\*\* · `tune-lr` vs `main` \(\w{7}\) · /m);
    assert.match(run.summary, /\| metrics\.json \| accuracy \| 0\.9 \| 0\.95 \|/);
    assert.match(run.summary, /\| params\.yaml \| train\.lr \| 0\.01 \| 0\.02 \|/);
    assert.equal(run.outputs.passed, 'true');
    assert.equal(readFileSync(run.outputs.report!, 'utf8').includes('train.lr'), true);
    const json = JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8'));
    assert.equal(json.base.sha, baseSha);
    assert.equal(json.base.label, 'main');
  });

  test('outputs written with CRLF line ends, as @actions/core writes them on Windows (os.EOL), are read back', async () => {
    // The action itself runs with os.EOL = CRLF: the GITHUB_OUTPUT file then holds what a Windows runner gets.
    const dir = tempDir('mlreport-eol-');
    const preload = join(dir, 'crlf-eol.mjs');
    writeFileSync(
      preload,
      "import os from 'node:os';\nimport { syncBuiltinESMExports } from 'node:module';\nObject.defineProperty(os, 'EOL', { value: '\\r\\n' });\nsyncBuiltinESMExports();\n",
    );
    try {
      const env = { NODE_OPTIONS: `--import=${pathToFileURL(preload).href}` };
      const run = await runAction({ workspace: repo.dir, eventName: 'pull_request', event: prEvent, sha: headSha, apiUrl: fake.url, env });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.match(readFileSync(join(run.runnerTemp, 'output.txt'), 'utf8'), /^passed<<ghadelimiter_[\w-]+\r\ntrue\r\nghadelimiter_[\w-]+\r\n/m);
      assert.equal(run.outputs.passed, 'true');
      assert.equal(readFileSync(run.outputs.report!, 'utf8').includes('train.lr'), true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('push: compares with `before`', async () => {
    const run = await runAction({
      workspace: repo.dir,
      eventName: 'push',
      event: { ref: 'refs/heads/main', before: baseSha, after: headSha, repository: { default_branch: 'main' } },
      sha: headSha,
      apiUrl: fake.url,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.summary, /^\*\*mlreport\*\* · `main` vs `\w{7}` · /m);
    assert.match(run.summary, /0\.9 \| 0\.95/);
  });

  test('a shallow clone (actions/checkout default, depth 1): the base commit is fetched, not required', async () => {
    const clone = tempDir('mlreport-shallow-');
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${repo.dir}`, clone]);
    const run = await runAction({ workspace: clone, eventName: 'pull_request', event: prEvent, sha: headSha, apiUrl: fake.url });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /is not in this clone \(shallow checkout\); fetching that one commit \(depth 1\)/);
    assert.match(run.summary, /\| metrics\.json \| accuracy \| 0\.9 \| 0\.95 \|/);
  });

  test('an unknown input fails the step with a message naming it, and no token in the log', async () => {
    const run = await runAction({
      workspace: repo.dir,
      eventName: 'pull_request',
      event: prEvent,
      sha: headSha,
      apiUrl: fake.url,
      inputs: { metrcs: 'metrics.json', 'github-token': 'ghs_secret123' },
    });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::mlreport: Unknown input 'metrcs'/);
    assert.doesNotMatch(run.stdout + run.stderr, /ghs_secret123/);
  });
});
