import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { HttpError, JsonHttp } from '../../src/util/http';
import { close, listen, sendJson } from '../fakes/hub/http';

const SECRET = 'tok_abcdef123456';

describe('JsonHttp', () => {
  let server: Server;
  afterEach(() => close(server));

  async function serve(handler: (n: number, res: import('node:http').ServerResponse) => void): Promise<string> {
    let n = 0;
    server = createServer((_req, res) => handler(++n, res));
    return listen(server);
  }

  test('Retry-After decides the wait, not the backoff', async () => {
    // A 60 s backoff would time the test out; the server's Retry-After: 0 is what must be used.
    const url = await serve((n, res) => (n === 1 ? sendJson(res, 429, { message: 'slow down' }, { 'retry-after': '0' }) : sendJson(res, 200, { ok: true })));
    const http = new JsonHttp({ service: 'test', baseUrl: url, headers: {}, secrets: [], backoffMs: 60_000 });
    assert.deepEqual((await http.request('GET', '/x')).data, { ok: true });
  });

  test('a server that never answers: a timeout per attempt, then an error', async () => {
    const url = await serve(() => undefined);
    const http = new JsonHttp({ service: 'test', baseUrl: url, headers: {}, secrets: [], attempts: 2, backoffMs: 1, timeoutMs: 200 });
    await assert.rejects(http.request('GET', '/x'), (e: unknown) => e instanceof HttpError && e.status === null && /no answer within 0\.2 s/.test(e.message));
  });

  test('4xx other than 408/429 is not retried; the server message is kept, a token it echoes is not', async () => {
    let calls = 0;
    const url = await serve((_n, res) => {
      calls++;
      sendJson(res, 400, { error_code: 'INVALID_PARAMETER_VALUE', message: `bad token ${SECRET}` });
    });
    const http = new JsonHttp({ service: 'MLflow', baseUrl: url, headers: { authorization: `Bearer ${SECRET}` }, secrets: [SECRET], backoffMs: 1 });
    const error = await http.request('POST', '/api', { body: {} }).then(
      () => assert.fail('expected a 400'),
      (e: unknown) => e as HttpError,
    );
    assert.equal(calls, 1);
    assert.equal(error.status, 400);
    assert.equal(error.message, 'MLflow: POST /api returned 400: INVALID_PARAMETER_VALUE: bad token ***');
  });

  test('5xx is retried a bounded number of times', async () => {
    let calls = 0;
    const url = await serve((_n, res) => {
      calls++;
      sendJson(res, 502, { message: 'bad gateway' });
    });
    const http = new JsonHttp({ service: 'hub', baseUrl: url, headers: {}, secrets: [], attempts: 3, backoffMs: 1 });
    await assert.rejects(http.request('GET', '/x'), /returned 502/);
    assert.equal(calls, 3);
  });
});
