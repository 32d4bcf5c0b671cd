import { describe, test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeGitHub, type FakeGitHub } from '../../fakes/github';
import { validationFailed } from '../../fakes/github/server';
import { fileAtCommit, gitStore } from '../../fakes/github/routes/git-data';
import { createGitHubClient } from '../../../src/publish/github/client';
import type { RefRetry } from '../../../src/publish/github/branch-commit';
import { BranchImageStore } from '../../../src/publish/github/images';
import { GHS_TOKEN, REPO, png, registerGhsToken } from '../github-fixtures';

const [owner, repo] = REPO.split('/') as [string, string];
const REF_UPDATE = /^PATCH \/repos\/octo\/iris\/git\/refs\/heads(\/|%2F)mlreport-assets$/;
const fast: RefRetry = { deadlineMs: 5_000, firstDelayMs: 5, maxDelayMs: 50 };

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
  registerGhsToken(fake);
});
afterEach(() => fake.stop());

const store = async (retry: RefRetry, run: number): Promise<BranchImageStore> =>
  new BranchImageStore(
    await createGitHubClient(GHS_TOKEN, fake.url, { waitScale: 0.001 }),
    { owner, repo },
    'mlreport-assets',
    'https://github.example',
    `run ${run}`,
    retry,
  );
const tip = (): string | undefined => gitStore(fake, { params: { owner, repo } }).refs.get('refs/heads/mlreport-assets');
const refUpdates = (): number[] => fake.requests.filter((r) => REF_UPDATE.test(`${r.method} ${r.path}`)).map((r) => r.status);

describe('the assets-branch commit', () => {
  test('a ref update refused four times as not a fast forward (other runs moved the branch) is retried until it lands', async () => {
    await (await store(fast, 0)).upload([{ rel: 'plots/a.png', name: 'a.png', bytes: png() }], 'run-0');
    fake.injectFault({ match: REF_UPDATE, times: 4, response: validationFailed('Update is not a fast forward', 'sha') });
    const urls = await (await store(fast, 1)).upload([{ rel: 'plots/b.png', name: 'b.png', bytes: png(5, 5) }], 'run-1');
    assert.deepEqual(refUpdates(), [422, 422, 422, 422, 200]);
    const sha = tip()!;
    assert.ok(urls.get('plots/b.png')?.includes(`/blob/${sha}/run-1/b.png?raw=true`));
    assert.deepEqual(fileAtCommit(fake, REPO, sha, 'run-1/b.png'), png(5, 5));
  });

  test('six runs committing at once all land on the branch, one after another', async () => {
    await (await store(fast, 0)).upload([{ rel: 'plots/a.png', name: 'a.png', bytes: png() }], 'run-0');
    const runs = [1, 2, 3, 4, 5, 6];
    const results = await Promise.allSettled(
      runs.map(async (run) => (await store(fast, run)).upload([{ rel: 'plots/p.png', name: 'p.png', bytes: png(run + 4, 3) }], `run-${run}`)),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      runs.map(() => 'fulfilled'),
      results.map((r) => (r.status === 'rejected' ? String(r.reason) : '')).join('\n'),
    );
    // Walk the branch: every run's commit is on it, each holding that run's image.
    const { commits } = gitStore(fake, { params: { owner, repo } });
    const messages: string[] = [];
    for (let sha = tip(); sha; sha = commits.get(sha)?.parents[0]) messages.push(commits.get(sha)!.message);
    assert.deepEqual(messages.sort(), ['run 0', 'run 1', 'run 2', 'run 3', 'run 4', 'run 5', 'run 6']);
  });

  test('when other runs keep winning, it gives up at the deadline with GitHub’s answer', async () => {
    await (await store(fast, 0)).upload([{ rel: 'plots/a.png', name: 'a.png', bytes: png() }], 'run-0');
    fake.injectFault({ match: REF_UPDATE, times: 10_000, response: validationFailed('Update is not a fast forward', 'sha') });
    await assert.rejects(
      (await store({ deadlineMs: 1_000, firstDelayMs: 5, maxDelayMs: 50 }, 1)).upload([{ rel: 'plots/b.png', name: 'b.png', bytes: png() }], 'run-1'),
      {
        status: 422,
        message: /Update is not a fast forward/,
      },
    );
    assert.ok(refUpdates().length >= 2, `retried before giving up: ${refUpdates().length}`);
  });
});
