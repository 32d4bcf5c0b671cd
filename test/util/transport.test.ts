import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { rmSync } from 'node:fs';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github';
import { addPullRequest } from '../fakes/github/routes/pulls';
import { FakeArtifactService } from '../fakes/artifact/server';
import { startRecordingProxy, type RecordingProxy } from '../helpers/proxy';
import { tempDir } from '../helpers/repo';
import { GHS_TOKEN, HEAD, REPO, plotsDir, publisher, registerGhsToken, reportData } from '../publish/github-fixtures';
import { createGitHubClient } from '../../src/publish/github/client';
import { uploadArtifact } from '../../src/publish/artifact/service';
import { JsonHttp } from '../../src/util/http';

/** A JSON service answering every request with its method and path, listening on all interfaces. */
async function startEcho(): Promise<{ port: number; server: Server; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ method: req.method, path: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return { port: (server.address() as AddressInfo).port, server, seen };
}

const close = (server: Server): Promise<void> => {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
};

function withEnv(vars: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

describe('HTTPS_PROXY / HTTP_PROXY / NO_PROXY, as @actions/http-client reads them', () => {
  let proxy: RecordingProxy;
  before(async () => {
    proxy = await startRecordingProxy();
  });
  after(() => proxy.stop());

  test('the JSON client (MLflow, hubs, the artifact service) goes through the proxy, with its credentials', async () => {
    const echo = await startEcho();
    const restore = withEnv({
      HTTP_PROXY: proxy.url.replace('http://', 'http://ci-user:p%40ss@'),
      NO_PROXY: undefined,
      no_proxy: undefined,
      http_proxy: undefined,
    });
    try {
      const http = new JsonHttp({ service: 'MLflow', baseUrl: `http://mlflow.test:${echo.port}`, headers: {}, secrets: [] });
      const { data } = await http.request<{ path: string }>('GET', '/api/2.0/mlflow/experiments/get-by-name', { query: { experiment_name: 'x' } });
      assert.equal(data.path, '/api/2.0/mlflow/experiments/get-by-name?experiment_name=x');
      assert.deepEqual(proxy.connects.at(-1), { target: `mlflow.test:${echo.port}`, authorization: `Basic ${Buffer.from('ci-user:p@ss').toString('base64')}` });
    } finally {
      restore();
      await close(echo.server);
    }
  });

  test('Octokit (comments, the assets branch) goes through the proxy too', async () => {
    const fake: FakeGitHub = await startFakeGitHub();
    const dir = tempDir();
    registerGhsToken(fake);
    addPullRequest(fake, REPO, { number: 5, headSha: HEAD });
    fake.url = fake.url.replace('127.0.0.1', 'api.github.test');
    const restore = withEnv({ HTTP_PROXY: proxy.url, NO_PROXY: undefined, no_proxy: undefined, http_proxy: undefined });
    try {
      const before = proxy.connects.length;
      const plots = plotsDir(dir, ['loss']);
      const { pub } = publisher(fake, dir);
      const out = await pub.publish(reportData(plots));
      assert.ok(out.location);
      const routes = fake.requests.map((r) => r.route);
      assert.ok(routes.includes('POST /repos/{owner}/{repo}/git/blobs'), routes.join('\n'));
      assert.ok(routes.includes('POST /repos/{owner}/{repo}/issues/{issue_number}/comments'), routes.join('\n'));
      assert.ok(proxy.connects.length > before);
      assert.ok(proxy.connects.slice(before).every((c) => c.target === new URL(fake.url).host));
    } finally {
      restore();
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the artifact upload (Twirp calls and the blob PUT to the signed URL) goes through the proxy', async () => {
    const fake = await FakeArtifactService.start();
    fake.url = fake.url.replace('127.0.0.1', 'results.actions.test');
    const restore = withEnv({ HTTP_PROXY: proxy.url, NO_PROXY: undefined, no_proxy: undefined, http_proxy: undefined });
    try {
      const before = proxy.connects.length;
      const uploaded = await uploadArtifact(
        { token: fake.token, resultsUrl: `${fake.url}/` },
        'mlreport-default',
        Buffer.from('PK\x05\x06' + '\0'.repeat(18), 'binary'),
      );
      assert.equal(uploaded.size, 22);
      assert.deepEqual(
        fake.requests.map((r) => `${r.method} ${r.path.split('/').at(-1)}`),
        ['POST CreateArtifact', 'PUT mlreport-default.zip', 'POST FinalizeArtifact'],
      );
      assert.ok(proxy.connects.length > before && proxy.connects.slice(before).every((c) => c.target === new URL(fake.url).host));
    } finally {
      restore();
      await fake.stop();
    }
  });

  test('NO_PROXY: a listed host is reached directly', async (t) => {
    const host = hostname();
    const resolves = await lookup(host).then(
      () => true,
      () => false,
    );
    if (!resolves || /^localhost$|^127\./i.test(host)) return t.skip(`this machine's name (${host}) does not resolve to a non-loopback name`);
    const echo = await startEcho();
    const restore = withEnv({ HTTP_PROXY: proxy.url, NO_PROXY: `example.org, ${host.toUpperCase()}`, no_proxy: undefined, http_proxy: undefined });
    try {
      const before = proxy.connects.length;
      const http = new JsonHttp({ service: 'MLflow', baseUrl: `http://${host}:${echo.port}`, headers: {}, secrets: [] });
      await http.request('GET', '/direct');
      const client = await createGitHubClient(GHS_TOKEN, `http://${host}:${echo.port}`);
      await client.request('GET /octocat');
      assert.deepEqual(echo.seen, ['GET /direct', 'GET /octocat']);
      assert.equal(proxy.connects.length, before, 'nothing went through the proxy');
    } finally {
      restore();
      await close(echo.server);
    }
  });
});

describe('timeouts: a server that accepts the connection and never answers', () => {
  const servers: Server[] = [];
  const seen: string[] = [];
  // One server per test: the run remembers an origin that did not answer and asks it nothing more. All are kept
  // open to the end, so no later server of this file is given a remembered port.
  async function hung(): Promise<string> {
    const server = createServer((req) => void seen.push(`${req.method} ${req.url}`));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  after(() => Promise.all(servers.map(close)));

  test('the GitHub client gives up after its timeout on each attempt and says so', async () => {
    seen.length = 0;
    const url = await hung();
    const retries: string[] = [];
    const client = await createGitHubClient(GHS_TOKEN, url, { timeoutMs: 300, retries: 2, waitScale: 0.001, onRetry: (m) => retries.push(m) });
    await assert.rejects(client.request('GET /repos/{owner}/{repo}', { owner: 'octo', repo: 'iris' }), /no answer within 0\.3 s/);
    assert.deepEqual(seen, ['GET /repos/octo/iris', 'GET /repos/octo/iris', 'GET /repos/octo/iris']);
    assert.equal(retries.length, 2);
    assert.match(retries[0]!, /no answer within 0\.3 s.* on GET .*retry 1 of 2/);
  });

  test('the JSON client gives up after its timeout on each attempt and says so, without the token', async () => {
    seen.length = 0;
    const url = await hung();
    const http = new JsonHttp({
      service: 'MLflow',
      baseUrl: url,
      headers: { authorization: 'Bearer tok-123' },
      secrets: ['tok-123'],
      timeoutMs: 300,
      attempts: 2,
      backoffMs: 1,
    });
    await assert.rejects(http.request('POST', '/api/2.0/mlflow/runs/create', { body: {} }), (error: Error) => {
      assert.equal(error.message, 'MLflow: POST /api/2.0/mlflow/runs/create failed: no answer within 0.3 s');
      return true;
    });
    assert.equal(seen.length, 2);
  });
});
