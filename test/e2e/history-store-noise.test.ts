import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github';
import { bindRepository } from '../fakes/github/routes/git-backed';
import { runAction } from '../helpers/action';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * The "done when" for metrics that are not in git: a `run:` project (metrics.json is made in CI and ignored
 * by git) whose ten pushes to main each recorded a noisy accuracy in the history store. Pull requests then gate on
 * the spread of those records, read back from the store's branch in the checkout's `origin`.
 */
const TRAIN = `const fs = require('fs');
const acc = Number(/acc: (\\S+)/.exec(fs.readFileSync('params.yaml', 'utf8'))[1]);
fs.writeFileSync('metrics.json', JSON.stringify({ acc }));
`;
// Mean 0.9065, sample std 0.0167: the band mean − 3·std is [0.8564, …]; the tip (the PR's base) is 0.90.
const NOISY = [0.9, 0.93, 0.89, 0.92, 0.88, 0.91, 0.935, 0.885, 0.915, 0.9];
const NOISE_RULE = 'acc >= history.mean - 3 * history.std';

let fake: FakeGitHub;
let origin: string;
let repo: TempRepo;
const commits: string[] = [];

const git = (dir: string, ...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

async function pullRequest(acc: string, thresholds: string): Promise<{ code: number | null; stdout: string; report: any }> {
  const base = commits.at(-1)!;
  git(repo.dir, 'checkout', '-q', '-B', `feature-${acc}`, base);
  const head = repo.commit(`acc ${acc}`, { 'params.yaml': `acc: ${acc}\n` });
  const run = await runAction({
    workspace: repo.dir,
    eventName: 'pull_request',
    event: {
      pull_request: { number: 3, base: { sha: base, ref: 'main' }, head: { sha: head, ref: `feature-${acc}`, repo: { full_name: 'octo/iris' } } },
      repository: { default_branch: 'main', full_name: 'octo/iris' },
    },
    sha: head,
    apiUrl: fake.url,
    inputs: { run: 'node train.js', metrics: 'metrics.json', comment: 'off', thresholds },
  });
  return { code: run.code, stdout: run.stdout, report: JSON.parse(readFileSync(join(run.runnerTemp, 'mlreport', 'report.json'), 'utf8')) };
}

before(async () => {
  fake = await startFakeGitHub();
  origin = tempDir('mlreport-origin-');
  git(origin, 'init', '-q', '--bare', '-b', 'main');
  bindRepository(fake, 'octo/iris', origin);
  repo = new TempRepo();
  repo.git('remote', 'add', 'origin', origin);
  for (const [i, acc] of NOISY.entries()) {
    const files: Record<string, string> = { 'params.yaml': `acc: ${acc}\n` };
    if (i === 0) Object.assign(files, { 'train.js': TRAIN, '.gitignore': 'metrics.json\n' });
    const sha = repo.commit(`train ${i}`, files);
    repo.git('push', '-q', 'origin', 'main');
    const run = await runAction({
      workspace: repo.dir,
      eventName: 'push',
      event: { ref: 'refs/heads/main', before: commits.at(-1) ?? '0'.repeat(40), after: sha, repository: { default_branch: 'main', full_name: 'octo/iris' } },
      sha,
      apiUrl: fake.url,
      inputs: { run: 'node train.js', metrics: 'metrics.json', comment: 'off' },
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    commits.push(sha);
  }
  assert.equal(git(origin, 'ls-tree', '--name-only', 'mlreport-history', 'records/').split('\n').length, NOISY.length, 'every push recorded');
});
after(async () => {
  await fake.stop();
  repo.remove();
  rmSync(origin, { recursive: true, force: true });
});

describe('noise-aware gates on metrics that only the history store holds', () => {
  test('a value within the noise fails a fixed `>= base - 0.01` but passes `>= history.mean - 3 * history.std`', async () => {
    const fixed = await pullRequest('0.87', 'acc >= base - 0.01');
    assert.equal(fixed.code, 1, fixed.stdout);
    assert.equal(fixed.report.gates.rules[0].status, 'failed');

    const noise = await pullRequest('0.87', NOISE_RULE);
    assert.equal(noise.code, 0, noise.stdout);
    const [rule] = noise.report.gates.rules;
    assert.equal(rule.status, 'passed');
    const acc = noise.report.history.metrics.find((m: { key: string }) => m.key === 'acc');
    assert.deepEqual(
      acc.points.map((p: { value: number }) => p.value),
      NOISY,
      'the ten records, oldest first',
    );
    assert.deepEqual(
      acc.points.map((p: { commit: string }) => p.commit),
      commits,
    );
    assert.equal(acc.stats.n, 10);
    assert.ok(Math.abs(acc.stats.mean - 0.9065) < 1e-9, String(acc.stats.mean));
  });

  test('a value beyond the noise fails the same rule', async () => {
    const beyond = await pullRequest('0.8', NOISE_RULE);
    assert.equal(beyond.code, 1, beyond.stdout);
    assert.equal(beyond.report.gates.rules[0].status, 'failed');
    assert.match(JSON.stringify(beyond.report.gates.rules[0]), /beyond/);
  });
});
