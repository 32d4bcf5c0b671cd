import { after, describe, test } from 'node:test';
import { rmSync } from 'node:fs';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Config, MlflowAuth } from '../../src/config/types';
import { HubCommentPublisher } from '../../src/publish/hub/comment';
import { MlflowTarget } from '../../src/publish/hub/mirrors';
import { MlflowRunPublisher } from '../../src/publish/mlflow/mirror';
import { describeError } from '../../src/util/errors';
import { MemoryLogger } from '../helpers/memory-logger';
import { tempDir } from '../helpers/repo';
import { close, listen } from '../fakes/hub/http';
import { fileDiff, hubConfig, mlflowConfig, report, TOKEN } from './hub-fixtures';

/**
 * DagsHub serves its API and MLflow from one origin, and a run talks to it for the PR comment, the MLflow run and
 * the owner of 'hub-token'. A hub that does not answer costs the run one request's attempts, not each target's;
 * and none of them asks past the run's limit.
 */
const servers: Server[] = [];
// Kept open to the end: a later server of this file given the port of a remembered one would be refused.
after(() => Promise.all(servers.map(close)));

/** A hub that accepts requests and never answers them; `asked` counts them. */
async function hungHub(): Promise<{ url: string; asked: () => number }> {
  let asked = 0;
  const server = createServer(() => void asked++);
  servers.push(server);
  return { url: await listen(server), asked: () => asked };
}

const composed = () => report([fileDiff('metrics.json', { acc: 0.9 })], [fileDiff('params.yaml', { lr: 0.01 })]);
const QUICK = { attempts: 2, backoffMs: 1, timeoutMs: 100 };

describe('a hub that does not answer', () => {
  test('the PR comment waits out its attempts; the MLflow run on the same origin is not sent, saying why', async () => {
    const hub = await hungHub();
    const comment = await new HubCommentPublisher(hubConfig(hub.url), new MemoryLogger(), QUICK).publish(composed()).catch((e: unknown) => e);
    assert.match(describeError(comment), /GET \/api\/v1\/repos\/acme\/iris\/pulls failed: no answer within 0\.1 s/);
    assert.equal(hub.asked(), 2);

    const mlflow = await new MlflowRunPublisher(mlflowConfig(`${hub.url}/acme/iris.mlflow`), [], new MemoryLogger(), { tuning: QUICK })
      .publish(composed())
      .catch((e: unknown) => e);
    assert.match(
      describeError(mlflow),
      new RegExp(
        `^MLflow \\(${hub.url}/acme/iris\\.mlflow\\): GET /acme/iris\\.mlflow/api/2\\.0/mlflow/experiments/get-by-name was not sent: ${hub.url} did not answer an earlier request \\(DagsHub \\(${hub.url}\\): GET /api/v1/repos/acme/iris/pulls failed: no answer within 0\\.1 s\\)`,
      ),
    );
    assert.ok(!describeError(mlflow).includes(TOKEN));
    assert.equal(hub.asked(), 2, 'nothing after the comment gave up');
  });
});

describe("the run's limit on the MLflow target", () => {
  test("reaches the MLflow run and the question of who owns 'hub-token': once spent, the hub gets no request", { timeout: 10_000 }, async (t) => {
    const hub = await hungHub();
    const workspace = tempDir('mlreport-hub-limits-');
    t.after(() => rmSync(workspace, { recursive: true, force: true }));
    const config = { workspace, hub: hubConfig(hub.url) } as Config;
    const limit = { endsAt: performance.now() - 1, describe: () => "the test's budget" };
    const publish = (auth: MlflowAuth) =>
      new MlflowTarget(config, mlflowConfig(`${hub.url}/acme/iris.mlflow`, { auth }), new MemoryLogger(), { limit })
        .publish(composed())
        .catch((e: unknown) => e);

    const owner = await publish({ kind: 'basic', username: null, password: TOKEN });
    assert.match(
      describeError(owner),
      /^Could not ask DagsHub who owns 'hub-token' \(DagsHub \([^)]+\): GET \/api\/v1\/user was not sent: the test's budget is spent\)/,
    );
    const run = await publish({ kind: 'basic', username: 'ci-bot', password: TOKEN });
    assert.match(
      describeError(run),
      /^MLflow \([^)]+\): GET \/acme\/iris\.mlflow\/api\/2\.0\/mlflow\/experiments\/get-by-name was not sent: the test's budget is spent/,
    );
    assert.equal(hub.asked(), 0);
  });
});
