import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { TimeLimit } from '../../src/util/deadline';
import { HttpError, JsonHttp } from '../../src/util/http';
import { close, listen, sendJson } from '../fakes/hub/http';

/**
 * What bounds JsonHttp's requests besides its attempts: the run's publishing limit, the run's memory of origins
 * that left a request unanswered, and ports Node's fetch refuses. Each test would take minutes (or a minute of
 * backoff) if its bound did not hold; the test's timeout says so instead.
 */
const SECRET = 'tok_abcdef123456';
const servers: Server[] = [];
// Kept open to the end: a later server of this file given the port of a remembered one would be refused.
after(() => Promise.all(servers.map(close)));

/** A server on 127.0.0.1; `asked` counts the requests it got. */
async function serve(handler: (n: number, res: import('node:http').ServerResponse) => void): Promise<{ url: string; asked: () => number }> {
  let n = 0;
  const server = createServer((_req, res) => handler(++n, res));
  servers.push(server);
  return { url: await listen(server), asked: () => n };
}

/** Accepts requests and never answers them. */
const hung = () => serve(() => undefined);

function limitIn(ms: number): TimeLimit {
  return { endsAt: performance.now() + ms, describe: () => "the test's budget" };
}

async function failure(request: Promise<unknown>): Promise<HttpError> {
  return request.then(
    () => assert.fail('expected an error'),
    (e: unknown) => {
      assert.ok(e instanceof HttpError, String(e));
      return e;
    },
  );
}

describe('JsonHttp: origins that did not answer', () => {
  test('an origin that left a request unanswered through its attempts is not asked again, by any client of the run', async () => {
    const server = await hung();
    const hub = new JsonHttp({
      service: 'DagsHub',
      baseUrl: `${server.url}/api/v1`,
      headers: { authorization: `Bearer ${SECRET}` },
      secrets: [SECRET],
      attempts: 2,
      backoffMs: 1,
      timeoutMs: 100,
    });
    const first = await failure(hub.request('GET', '/repos/acme/iris/pulls', { query: { token: SECRET } }));
    assert.equal(first.message, 'DagsHub: GET /api/v1/repos/acme/iris/pulls failed: no answer within 0.1 s');
    assert.equal(server.asked(), 2);

    // Another service on the same origin, as DagsHub's MLflow is: not asked, and told which request went unanswered.
    const mlflow = new JsonHttp({ service: 'MLflow', baseUrl: `${server.url}/acme/iris.mlflow`, headers: {}, secrets: [], backoffMs: 1, timeoutMs: 100 });
    const second = await failure(mlflow.request('GET', '/api/2.0/mlflow/experiments/get-by-name', { query: { experiment_name: 'x' } }));
    assert.equal(
      second.message,
      `MLflow: GET /acme/iris.mlflow/api/2.0/mlflow/experiments/get-by-name was not sent: ${server.url} did not answer an earlier request (DagsHub: GET /api/v1/repos/acme/iris/pulls failed: no answer within 0.1 s)`,
    );
    assert.equal(second.status, null);
    assert.equal(server.asked(), 2);
    assert.ok(!second.message.includes(SECRET) && !second.message.includes('?'));
  });
});

describe("JsonHttp: the run's limit", () => {
  test('once the limit is spent, no request reaches the server, and the error says so', async () => {
    const server = await serve((_n, res) => sendJson(res, 200, { ok: true }));
    const http = new JsonHttp({ service: 'MLflow', baseUrl: server.url, headers: {}, secrets: [], limit: limitIn(-1) });
    const error = await failure(http.request('POST', '/api/2.0/mlflow/runs/create', { body: {} }));
    assert.equal(error.message, "MLflow: POST /api/2.0/mlflow/runs/create was not sent: the test's budget is spent");
    assert.equal(server.asked(), 0);
  });

  test('a request under way is abandoned when the limit passes, and not retried', { timeout: 10_000 }, async () => {
    const server = await hung();
    // The timeout stays the default 30 s: only the limit can end this in time.
    const http = new JsonHttp({ service: 'DagsHub', baseUrl: server.url, headers: {}, secrets: [], backoffMs: 1, limit: limitIn(300) });
    const error = await failure(http.request('GET', '/api/v1/user'));
    assert.equal(error.message, "DagsHub: GET /api/v1/user failed: no answer before the test's budget was spent");
    assert.equal(server.asked(), 1);
  });

  test('a backoff that would end past the limit is not waited: one attempt', { timeout: 10_000 }, async () => {
    const server = await serve((_n, res) => sendJson(res, 502, { message: 'bad gateway' }));
    const http = new JsonHttp({ service: 'hub', baseUrl: server.url, headers: {}, secrets: [], backoffMs: 1000, limit: limitIn(500) });
    const error = await failure(http.request('GET', '/x'));
    assert.equal(error.message, "hub: GET /x returned 502: bad gateway; not retried: a retry in 1.0 s would start past the test's budget");
    assert.equal(error.status, 502);
    assert.equal(server.asked(), 1);
  });

  test('a Retry-After that would end past the limit is not waited: one attempt', { timeout: 10_000 }, async () => {
    const server = await serve((_n, res) => sendJson(res, 429, { message: 'slow down' }, { 'retry-after': '5' }));
    const http = new JsonHttp({ service: 'hub', baseUrl: server.url, headers: {}, secrets: [], backoffMs: 1, limit: limitIn(1000) });
    const error = await failure(http.request('GET', '/x'));
    assert.equal(error.message, "hub: GET /x returned 429: slow down; not retried: a retry in 5.0 s would start past the test's budget");
    assert.equal(server.asked(), 1);
  });
});

describe('JsonHttp: a port fetch refuses', () => {
  test('is one attempt, and the message names the host and port, not the query or the token', { timeout: 10_000 }, async () => {
    // 6000 (X11) is on the Fetch standard's list of blocked ports; a minute of backoff shows any retry.
    const http = new JsonHttp({
      service: 'MLflow',
      baseUrl: 'http://127.0.0.1:6000/mlflow',
      headers: { authorization: `Bearer ${SECRET}` },
      secrets: [SECRET],
      backoffMs: 60_000,
    });
    const error = await failure(http.request('GET', '/api/2.0/mlflow/experiments/get-by-name', { query: { experiment_name: SECRET } }));
    assert.equal(
      error.message,
      "MLflow: GET /mlflow/api/2.0/mlflow/experiments/get-by-name failed: Node's fetch refuses port 6000 (127.0.0.1:6000), one the Fetch standard blocks; no request to it is sent, so the service needs another port",
    );
    assert.equal(error.status, null);
  });
});
