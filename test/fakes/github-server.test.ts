import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FakeGitHub, paginate } from './github/server';
import { operationExists, validateResponse } from './github/openapi';

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
