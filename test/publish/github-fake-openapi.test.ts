import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { startFakeGitHub } from '../fakes/github';
import { operationExists, validateResponse } from '../fakes/github/openapi';
import { addComment } from '../fakes/github/routes/comments';
import { addPullRequest } from '../fakes/github/routes/pulls';
import { tempDir } from '../helpers/repo';
import { HEAD, REPO, noted, plotsDir, publisher, registerGhsToken, reportData } from './github-fixtures';

test("every route the fake registers exists in GitHub's OpenAPI description", async () => {
  const fake = await startFakeGitHub();
  await fake.stop();
  const missing = fake.registeredRoutes().filter((r) => !operationExists(r.method, r.template));
  assert.deepEqual(missing, []);
});

test("the fake's responses, through the publisher's real calls, validate against the OpenAPI description", async () => {
  const fake = await startFakeGitHub();
  const dir = tempDir();
  try {
    registerGhsToken(fake);
    fake.tokens.set('ghp_user', { login: 'alice', id: 5, type: 'User', readOnly: false });
    addPullRequest(fake, REPO, { number: 5, headSha: HEAD });
    addPullRequest(fake, REPO, { number: 6, headSha: 'e'.repeat(40), headRepo: 'someone/iris', headRef: 'fix' });
    const bot = fake.tokens.get('test-token')!;
    const plots = plotsDir(dir, ['loss', 'roc']);
    const report = reportData(plots);
    addComment(fake, REPO, 'pr:5', '<!-- mlreport:comment id=default -->\nold', bot);
    addComment(fake, REPO, 'pr:5', '<!-- mlreport:comment id=default -->\nolder', bot);
    // Branch store, twice (create the ref, then fast-forward it); PR comment update + duplicate delete.
    await publisher(fake, dir, { token: 'test-token' }).pub.publish(report);
    await publisher(fake, dir).pub.publish(noted(report, 'v2'));
    // Release store, twice (create, then replace assets); a user token (GET /user 200).
    await publisher(fake, dir, { token: 'ghp_user' }, { imageStore: 'release' }).pub.publish(report);
    await publisher(fake, dir, {}, { imageStore: 'release' }).pub.publish(report);
    // Push without a PR: commit comments, created then updated; a duplicate deleted.
    const push = { eventName: 'push', prNumber: null, headSha: null, sha: 'd'.repeat(40) };
    await publisher(fake, dir, push, { imageStore: 'none' }).pub.publish(report);
    addComment(fake, REPO, `commit:${'d'.repeat(40)}`, '<!-- mlreport:comment id=default -->\ndup', bot);
    await publisher(fake, dir, push, { imageStore: 'none' }).pub.publish(noted(report, 'v2'));
    // Publish mode for a fork PR (pulls list with head filter); a read-only token (403s).
    await publisher(
      fake,
      dir,
      {
        eventName: 'workflow_run',
        workflowRun: { id: 1, event: 'pull_request', headSha: 'e'.repeat(40), headBranch: 'fix', headRepository: 'someone/iris', pullRequests: [] },
      },
      { mode: 'publish', imageStore: 'none' },
    ).pub.publish(report);
    await publisher(fake, dir, { token: 'read-only-token' }).pub.publish(report);
    // A too-long body straight to the API: 422.
    const res = await fetch(`${fake.url}/repos/${REPO}/issues/5/comments`, {
      method: 'POST',
      headers: { authorization: 'token test-token', 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'x'.repeat(65537) }),
    });
    assert.equal(res.status, 422);
    assert.match(JSON.stringify(await res.json()), /Body is too long \(maximum is 65536 characters\)/);

    const used = new Set(fake.requests.map((r) => r.route));
    const unused = fake
      .registeredRoutes()
      .map((r) => `${r.method} ${r.template}`)
      .filter((r) => !used.has(r) && !/check|status/i.test(r));
    assert.deepEqual(unused, [], 'every route of this area is exercised');
    // GitHub answers any write by a read-only integration token with this 403, documented per endpoint or not.
    const readOnly403 = (r: (typeof fake.requests)[number]): boolean =>
      r.status === 403 && (r.response as { message?: string }).message === 'Resource not accessible by integration';
    const problems = fake.requests
      .filter((r) => r.route && !readOnly403(r))
      .flatMap((r) => {
        const [method, template] = r.route!.split(' ') as [string, string];
        return validateResponse(method, template, r.status, r.response).map((p) => `${r.route} ${r.status}: ${p}`);
      });
    assert.deepEqual(problems, []);
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
