import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { operationExists, validateResponse } from './openapi';
import { FakeGitHub, startFakeGitHub } from './index';
import { registerChecksRoutes } from './routes/checks';
import { registerStatusesRoutes } from './routes/statuses';

let fake: FakeGitHub;
before(async () => {
  fake = await startFakeGitHub();
});
after(() => fake.stop());

const SHA = 'd'.repeat(40);

async function call(method: string, path: string, body?: unknown, token = 'test-token'): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

test("every checks and statuses route exists in GitHub's OpenAPI description", () => {
  const probe = new FakeGitHub();
  registerChecksRoutes(probe);
  registerStatusesRoutes(probe);
  const routes = probe.registeredRoutes();
  assert.ok(routes.length >= 7);
  for (const { method, template } of routes) assert.ok(operationExists(method, template), `${method} ${template}`);
});

test('responses validate against the documented schemas', async () => {
  const annotation = { path: 'metrics.json', start_line: 2, end_line: 2, annotation_level: 'failure', message: 'loss rose', title: 'Gate: loss <= base' };
  const created = await call('POST', '/repos/o/r/check-runs', {
    name: 'mlreport',
    head_sha: SHA,
    conclusion: 'failure',
    output: { title: 't', summary: 's', annotations: [annotation] },
  });
  assert.equal(created.status, 201);
  assert.deepEqual(validateResponse('POST', '/repos/{owner}/{repo}/check-runs', 201, created.body), []);
  const id = (created.body as { id: number }).id;

  const updated = await call('PATCH', `/repos/o/r/check-runs/${id}`, { output: { title: 't', summary: 's', annotations: [annotation] } });
  assert.equal(updated.status, 200);
  assert.deepEqual(validateResponse('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}', 200, updated.body), []);
  assert.equal((updated.body as { output: { annotations_count: number } }).output.annotations_count, 2, 'updates append annotations');

  const got = await call('GET', `/repos/o/r/check-runs/${id}`);
  assert.deepEqual(validateResponse('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}', 200, got.body), []);
  const annotations = await call('GET', `/repos/o/r/check-runs/${id}/annotations`);
  assert.equal((annotations.body as unknown[]).length, 2);
  assert.deepEqual(validateResponse('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations', 200, annotations.body), []);
  const forCommit = await call('GET', `/repos/o/r/commits/${SHA}/check-runs?check_name=mlreport`);
  assert.equal((forCommit.body as { total_count: number }).total_count, 1);
  assert.deepEqual(validateResponse('GET', '/repos/{owner}/{repo}/commits/{ref}/check-runs', 200, forCommit.body), []);

  const status = await call('POST', `/repos/o/r/statuses/${SHA}`, {
    state: 'success',
    context: 'mlreport',
    description: 'all passed',
    target_url: 'https://example.com/run',
  });
  assert.equal(status.status, 201);
  assert.deepEqual(validateResponse('POST', '/repos/{owner}/{repo}/statuses/{sha}', 201, status.body), []);
  const statuses = await call('GET', `/repos/o/r/commits/${SHA}/statuses`);
  assert.deepEqual(validateResponse('GET', '/repos/{owner}/{repo}/commits/{ref}/statuses', 200, statuses.body), []);
  assert.equal((statuses.body as { context: string }[])[0]!.context, 'mlreport');
});

test("errors use GitHub's codes and shapes", async () => {
  assert.equal((await call('POST', '/repos/o/r/check-runs', { name: 'x', head_sha: SHA }, 'no-checks-token')).status, 403);
  assert.equal((await call('POST', `/repos/o/r/statuses/${SHA}`, { state: 'success' }, 'no-checks-token')).status, 201, 'that token can still write statuses');
  const forbidden = await call('POST', `/repos/o/r/statuses/${SHA}`, { state: 'success' }, 'read-only-token');
  assert.equal(forbidden.status, 403);
  assert.deepEqual(forbidden.body, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' });
  const long = await call('POST', `/repos/o/r/statuses/${SHA}`, { state: 'success', description: 'x'.repeat(141) });
  assert.equal(long.status, 422);
  assert.deepEqual((long.body as { errors: unknown[] }).errors, [
    { resource: 'Status', code: 'custom', field: 'description', message: 'description is too long (maximum is 140 characters)' },
  ]);
  assert.equal((await call('POST', `/repos/o/r/statuses/${SHA}`, { state: 'done' })).status, 422);
  assert.equal((await call('POST', '/repos/o/r/check-runs', { name: 'x', head_sha: SHA, status: 'completed' })).status, 422, 'completed needs a conclusion');
  assert.equal((await call('PATCH', '/repos/o/r/check-runs/999999', { status: 'completed' })).status, 404);
});
