import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FakeGitHub, paginate } from './github/server';
import { operationExists, validateRequest, validateResponse } from './github/openapi';

// The fake itself is test infrastructure; these tests keep it honest (real HTTP, GitHub's pagination,
// auth and error shapes) so the feature tests built on it mean something.
describe('FakeGitHub', () => {
  const fake = new FakeGitHub();
  const template = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
  const items = Array.from({ length: 75 }, (_, i) => ({ id: i + 1 }));
  fake.route('GET', template, (req, f) => paginate(f, req, items));
  fake.route('POST', template, (req) => ({ status: 201, body: { id: 1, issue: req.params.issue_number } }));

  before(() => fake.start());
  after(() => fake.stop());

  test('paginates with GitHub Link headers (per_page ≤ 100)', async () => {
    const r = await fetch(`${fake.url}/repos/o/r/issues/3/comments?per_page=30`, { headers: { authorization: 'token test-token' } });
    assert.equal(r.status, 200);
    assert.equal(((await r.json()) as unknown[]).length, 30);
    const link = r.headers.get('link') ?? '';
    assert.match(link, /[?&]page=2[^>]*>; rel="next"/);
    assert.match(link, /[?&]page=3[^>]*>; rel="last"/);
    const last = await fetch(`${fake.url}/repos/o/r/issues/3/comments?per_page=30&page=3`);
    assert.equal(((await last.json()) as unknown[]).length, 15);
    assert.doesNotMatch(last.headers.get('link') ?? '', /rel="next"/);
  });

  test('a read-only token cannot write (403, as on fork PRs); a bad token is 401', async () => {
    const ro = await fetch(`${fake.url}/repos/o/r/issues/3/comments`, { method: 'POST', headers: { authorization: 'token read-only-token' }, body: '{}' });
    assert.equal(ro.status, 403);
    assert.equal(((await ro.json()) as { message: string }).message, 'Resource not accessible by integration');
    const bad = await fetch(`${fake.url}/repos/o/r/issues/3/comments`, { headers: { authorization: 'token nope' } });
    assert.equal(bad.status, 401);
  });

  test('injected faults answer the next matching requests, then the route answers again', async () => {
    fake.injectFault({ match: /^POST .*\/comments$/, response: { status: 502, body: { message: 'Server Error' } }, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (await fetch(`${fake.url}/repos/o/r/issues/3/comments`, { method: 'POST', headers: { authorization: 'token test-token' }, body: '{}' })).status,
      );
    }
    assert.deepEqual(statuses, [502, 502, 201]);
    assert.equal(fake.requests.filter((r) => r.method === 'POST' && r.status !== 403).length, 3);
  });

  test("unknown routes are 404 with GitHub's error shape", async () => {
    const r = await fetch(`${fake.url}/nope`);
    assert.equal(r.status, 404);
    assert.deepEqual(await r.json(), { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
  });

  test('a request with a field its endpoint does not define is refused (422), and stop() then fails the test', async () => {
    const probe = new FakeGitHub();
    probe.route('GET', '/repos/{owner}/{repo}/releases/tags/{tag}', () => ({ status: 200, body: {} }));
    probe.route('POST', '/repos/{owner}/{repo}/releases', () => ({ status: 201, body: {} }));
    await probe.start();
    const ok = await fetch(`${probe.url}/repos/o/r/releases/tags/v1`);
    assert.equal(ok.status, 200);
    const leaky = await fetch(`${probe.url}/repos/o/r/releases/tags/v1?token=ghs_x`);
    assert.equal(leaky.status, 422);
    assert.match(((await leaky.json()) as { message: string }).message, /query parameter "token" is not defined/);
    const body = await fetch(`${probe.url}/repos/o/r/releases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tag_name: 'v1', artifactRuntime: { token: 'x' } }),
    });
    assert.equal(body.status, 422);
    await assert.rejects(probe.stop(), /Requests not in GitHub's OpenAPI description:[\s\S]*\$\.artifactRuntime: not a field the endpoint defines/);
  });

  test('the request checker: nested fields, types, required fields, bodies where none is taken', () => {
    const none = new URLSearchParams();
    const checkRun = '/repos/{owner}/{repo}/check-runs';
    assert.deepEqual(validateRequest('POST', checkRun, none, { name: 'n', head_sha: 'a', output: { title: 't', summary: 's', annotations: [] } }), []);
    assert.deepEqual(validateRequest('POST', checkRun, none, { name: 'n', head_sha: 'a', output: { title: 't', summary: 's', token: 'x' } }), [
      '$.output.token: not a field the endpoint defines',
    ]);
    assert.deepEqual(validateRequest('POST', checkRun, none, { head_sha: 1 }), [
      '$.name: required by the endpoint, missing',
      '$.head_sha: number where string is defined',
    ]);
    assert.deepEqual(validateRequest('DELETE', '/repos/{owner}/{repo}/releases/assets/{asset_id}', none, { token: 'x' }), [
      'DELETE /repos/{owner}/{repo}/releases/assets/{asset_id} takes no JSON body, but one was sent',
    ]);
    assert.deepEqual(validateRequest('GET', template, new URLSearchParams('per_page=100&page=2'), undefined), []);
  });

  test('the OpenAPI checker knows real routes and catches wrong shapes', () => {
    assert.equal(operationExists('GET', template), true);
    assert.equal(operationExists('GET', '/repos/{owner}/{repo}/nonsense'), false);
    assert.deepEqual(validateResponse('GET', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls', 200, []), []);
    const problems = validateResponse('GET', '/repos/{owner}/{repo}/issues/comments/{comment_id}', 200, { id: 'x' });
    assert.ok(
      problems.some((p) => p.includes('$.id')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.includes('required')),
      problems.join('\n'),
    );
  });
});
