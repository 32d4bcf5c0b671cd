import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hubBody } from '../../src/publish/hub/comment';
import { MlflowRunPublisher } from '../../src/publish/mlflow/mirror';
import { RUN_KEY_TAG } from '../../src/publish/mlflow/plan';
import type { MetricSeries } from '../../src/publish/mlflow/series';
import { describeError } from '../../src/util/errors';
import { MemoryLogger } from '../helpers/memory-logger';
import { FakeMlflow } from '../fakes/mlflow/server';
import { FAST, fileDiff, HEAD_SHA, mlflowConfig, report, TOKEN } from './hub-fixtures';

const iris = (acc: number, lr = 0.01) =>
  report(
    [fileDiff('metrics.json', { acc, 'f1.macro': 0.88, converged: 'yes' })],
    [fileDiff('params.yaml', { 'train.lr': lr, 'train.epochs': 20, 'data.features': '["sepal","petal"]' })],
  );

function series(name: string, n: number, file = 'metrics.csv'): MetricSeries {
  return { file, name, points: Array.from({ length: n }, (_, i) => ({ step: i + 1, value: 1 / (i + 1), timestamp: 1_700_000_000_000 + i })) };
}

describe('MLflow run mirror', () => {
  let mlflow: FakeMlflow;
  afterEach(() => mlflow?.close());
  const auth = { kind: 'basic' as const, username: 'ci-bot', password: TOKEN };

  test('creates the experiment and a run with params, metrics, source tags and the report as note', async () => {
    mlflow = await FakeMlflow.start({ auth });
    const composed = iris(0.9);
    const log = new MemoryLogger();
    const outcome = await new MlflowRunPublisher(mlflowConfig(mlflow.url), [series('loss', 3)], log, { tuning: FAST }).publish(composed);
    const [run] = mlflow.runsOf('acme/iris');
    assert.ok(run);
    assert.equal(run.info.status, 'FINISHED');
    assert.deepEqual(Object.fromEntries(run.params), { 'train.lr': '0.01', 'train.epochs': '20', 'data.features': '["sepal","petal"]' });
    assert.deepEqual(
      run.history.map((m) => [m.key, m.step, m.value]),
      [
        ['loss', 1, 1],
        ['loss', 2, 0.5],
        ['loss', 3, 1 / 3],
        ['acc', 0, 0.9],
        ['f1.macro', 0, 0.88],
      ],
    );
    assert.equal(run.tags.get(RUN_KEY_TAG), HEAD_SHA);
    assert.equal(run.tags.get('mlflow.source.git.commit'), HEAD_SHA);
    assert.equal(run.tags.get('mlflow.source.git.branch'), 'tune-lr');
    assert.equal(run.tags.get('mlflow.runName'), 'tune-lr @ aaaaaaa');
    assert.equal(run.tags.get('ci.pr'), '7');
    assert.equal(run.tags.get('mlflow.source.type'), 'JOB');
    assert.equal(run.tags.get('mlflow.note.content'), hubBody(composed));
    assert.match(outcome.location ?? '', /#\/experiments\/1\/runs\/[0-9a-f]{32}$/);
    assert.ok(log.lines.some((l) => /'converged' in metrics\.json is "yes", not a number/.test(l)));
  });

  test('a re-run for the same commit updates the same run: no duplicate params or series, a changed final value appended', async () => {
    mlflow = await FakeMlflow.start({ auth });
    const publisher = new MlflowRunPublisher(mlflowConfig(mlflow.url), [series('loss', 3)], new MemoryLogger(), { tuning: FAST });
    await publisher.publish(iris(0.9));
    const log = new MemoryLogger();
    await new MlflowRunPublisher(mlflowConfig(mlflow.url), [series('loss', 3)], log, { tuning: FAST, now: () => Date.now() + 1000 }).publish(iris(0.93, 0.02));
    const runs = mlflow.runsOf('acme/iris');
    assert.equal(runs.length, 1);
    const run = runs[0]!;
    assert.equal(run.params.get('train.lr'), '0.01', 'params are immutable');
    assert.ok(log.lines.some((l) => /Param 'train\.lr' was logged as '0\.01'.*'0\.02' was not logged/.test(l)));
    assert.equal(run.history.filter((m) => m.key === 'loss').length, 3);
    assert.deepEqual(
      run.history.filter((m) => m.key === 'acc').map((m) => m.value),
      [0.9, 0.93],
    );
    assert.equal(run.history.filter((m) => m.key === 'f1.macro').length, 1, 'unchanged final not sent again');
    assert.match(run.tags.get('mlflow.note.content') ?? '', /0\.93/, 'tags overwrite');
    assert.equal(run.info.status, 'FINISHED');
    assert.ok(
      mlflow.batches.every((b) => b.status === 200),
      'the server refused nothing',
    );
  });

  test('another commit gets its own run', async () => {
    mlflow = await FakeMlflow.start({ auth });
    await new MlflowRunPublisher(mlflowConfig(mlflow.url), [], new MemoryLogger(), { tuning: FAST }).publish(iris(0.9));
    const other = mlflowConfig(mlflow.url);
    other.change = { ...other.change, sha: 'e'.repeat(40) };
    await new MlflowRunPublisher(other, [], new MemoryLogger(), { tuning: FAST }).publish(iris(0.9));
    assert.equal(mlflow.runsOf('acme/iris').length, 2);
  });

  test('1,500 metric points are split into requests the server accepts', async () => {
    mlflow = await FakeMlflow.start({ auth });
    await new MlflowRunPublisher(mlflowConfig(mlflow.url), [series('loss', 1500)], new MemoryLogger(), { tuning: FAST }).publish(iris(0.9));
    const run = mlflow.runsOf('acme/iris')[0]!;
    assert.equal(run.history.filter((m) => m.key === 'loss').length, 1500);
    assert.ok(mlflow.batches.length >= 2);
    assert.ok(mlflow.batches.every((b) => b.status === 200 && b.metrics <= 1000 && b.metrics + b.params + b.tags <= 1000 && b.bytes <= 1_000_000));
  });

  test('250 params: batches of at most 100 params each', async () => {
    mlflow = await FakeMlflow.start({ auth });
    const params = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`p${i}`, i]));
    await new MlflowRunPublisher(mlflowConfig(mlflow.url), [], new MemoryLogger(), { tuning: FAST }).publish(
      report([fileDiff('m.json', { a: 1 })], [fileDiff('params.yaml', params)]),
    );
    assert.equal(mlflow.runsOf('acme/iris')[0]!.params.size, 250);
    assert.ok(mlflow.batches.every((b) => b.status === 200 && b.params <= 100));
    assert.equal(mlflow.batches.filter((b) => b.params).length, 3);
  });

  test('over-long keys and values are cut with a note, never refused', async () => {
    mlflow = await FakeMlflow.start({ auth });
    const log = new MemoryLogger();
    const long = 'x'.repeat(300);
    await new MlflowRunPublisher(mlflowConfig(mlflow.url), [], log, { tuning: FAST }).publish(
      report([fileDiff('m.json', { [long]: 1 })], [fileDiff('params.yaml', { blob: 'y'.repeat(2000), 'bad:key!': 1 })]),
    );
    const run = mlflow.runsOf('acme/iris')[0]!;
    assert.equal(run.params.get('blob')?.length, 500);
    assert.ok(run.params.get('blob')?.endsWith('…(truncated)'));
    assert.equal(run.params.get('bad_key_'), '1');
    assert.ok(run.history.some((m) => m.key === 'x'.repeat(250)));
    assert.ok(log.lines.some((l) => /value of 'blob' is 2000 characters/.test(l)));
    assert.ok(log.lines.some((l) => /longer than 250 characters/.test(l)));
  });

  test('a report longer than the note limit is cut at a line break, with a link to the full report', async () => {
    mlflow = await FakeMlflow.start({ auth });
    const params = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`a_rather_long_parameter_name_${i}`, i]));
    const composed = report([fileDiff('m.json', { a: 1 })], [fileDiff('params.yaml', params)]);
    assert.ok(hubBody(composed).length > 5000);
    const log = new MemoryLogger();
    await new MlflowRunPublisher(mlflowConfig(mlflow.url), [], log, { tuning: FAST }).publish(composed);
    const note = mlflow.runsOf('acme/iris')[0]!.tags.get('mlflow.note.content') ?? '';
    assert.ok(note.length <= 5000);
    assert.match(note, /\|\n\n_The report was cut here .*https:\/\/github\.com\/acme\/iris\/actions\/runs\/1\._\n$/);
    assert.ok(log.lines.some((l) => /the run's note keeps the first 5000/.test(l)));
  });

  test('a key in two metrics files is prefixed with each file path; a key in one file is not', async () => {
    mlflow = await FakeMlflow.start({ auth });
    await new MlflowRunPublisher(mlflowConfig(mlflow.url), [], new MemoryLogger(), { tuning: FAST }).publish(
      report([fileDiff('eval/train.json', { loss: 0.2 }), fileDiff('eval/test.json', { loss: 0.3, auc: 0.8 })], []),
    );
    const keys = mlflow
      .runsOf('acme/iris')[0]!
      .history.map((m) => m.key)
      .sort();
    assert.deepEqual(keys, ['auc', 'eval/test.json/loss', 'eval/train.json/loss']);
  });

  test('bad credentials: the error says what to set and never contains the token', async () => {
    mlflow = await FakeMlflow.start({ auth: { kind: 'basic', username: 'ci-bot', password: 'the-right-one' } });
    const error = await new MlflowRunPublisher(mlflowConfig(mlflow.url), [], new MemoryLogger(), { tuning: FAST }).publish(iris(0.9)).catch((e: unknown) => e);
    const message = describeError(error);
    assert.match(message, /returned 401/);
    assert.match(message, /hub-user' and 'hub-token'/);
    assert.ok(!message.includes(TOKEN) && !message.includes(Buffer.from(`ci-bot:${TOKEN}`).toString('base64')));
    assert.equal(mlflow.requests.length, 1);
  });

  test('bearer token (MLFLOW_TRACKING_TOKEN) is sent as such', async () => {
    mlflow = await FakeMlflow.start({ auth: { kind: 'bearer', token: TOKEN } });
    await new MlflowRunPublisher(mlflowConfig(mlflow.url, { auth: { kind: 'bearer', token: TOKEN } }), [], new MemoryLogger(), { tuning: FAST }).publish(
      iris(0.9),
    );
    assert.equal(mlflow.runsOf('acme/iris').length, 1);
  });

  test('the user name comes from the hub when not given', async () => {
    mlflow = await FakeMlflow.start({ auth });
    const config = mlflowConfig(mlflow.url, { auth: { kind: 'basic', username: null, password: TOKEN } });
    await new MlflowRunPublisher(config, [], new MemoryLogger(), { tuning: FAST, resolveUser: async () => 'ci-bot' }).publish(iris(0.9));
    assert.equal(mlflow.runsOf('acme/iris').length, 1);
  });

  test('dropped connections and 503s are retried; the run is complete', async () => {
    mlflow = await FakeMlflow.start({ auth });
    mlflow.faults.add({ path: /get-by-name/, times: 2, action: 'drop' });
    mlflow.faults.add({
      path: /log-batch/,
      times: 1,
      action: { status: 503, body: { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'try later' }, headers: { 'retry-after': '0' } },
    });
    await new MlflowRunPublisher(mlflowConfig(mlflow.url), [series('loss', 5)], new MemoryLogger(), { tuning: FAST }).publish(iris(0.9));
    const run = mlflow.runsOf('acme/iris')[0]!;
    assert.equal(run.history.length, 7);
    assert.equal(run.info.status, 'FINISHED');
  });

  test('a log-batch that keeps failing marks the run FAILED; the next run for the commit completes it', async () => {
    mlflow = await FakeMlflow.start({ auth });
    mlflow.faults.add({ path: /log-batch/, times: 4, action: { status: 500, body: { error_code: 'INTERNAL_ERROR', message: 'database is locked' } } });
    const publisher = new MlflowRunPublisher(mlflowConfig(mlflow.url), [series('loss', 3)], new MemoryLogger(), { tuning: FAST });
    await assert.rejects(publisher.publish(iris(0.9)), /log-batch returned 500: INTERNAL_ERROR: database is locked/);
    assert.equal(mlflow.runsOf('acme/iris')[0]!.info.status, 'FAILED');
    await publisher.publish(iris(0.9));
    const runs = mlflow.runsOf('acme/iris');
    assert.equal(runs.length, 1);
    assert.equal(runs[0]!.info.status, 'FINISHED');
    assert.equal(runs[0]!.params.size, 3);
    assert.equal(runs[0]!.history.length, 5);
  });

  test('a server that drops every connection: bounded attempts, an error naming the call', async () => {
    mlflow = await FakeMlflow.start({ auth });
    mlflow.faults.add({ times: Infinity, action: 'drop' });
    const error = await new MlflowRunPublisher(mlflowConfig(mlflow.url), [], new MemoryLogger(), { tuning: FAST }).publish(iris(0.9)).catch((e: unknown) => e);
    assert.match(describeError(error), /GET \/api\/2\.0\/mlflow\/experiments\/get-by-name failed/);
    assert.equal(mlflow.requests.length, 4);
  });

  test('a URL with no MLflow behind it: the error points at the tracking URI', async () => {
    mlflow = await FakeMlflow.start({ auth });
    const error = await new MlflowRunPublisher(mlflowConfig(`${mlflow.url}/nothing-here`), [], new MemoryLogger(), { tuning: FAST })
      .publish(iris(0.9))
      .catch((e: unknown) => e);
    assert.match(describeError(error), /No MLflow server answers at .*nothing-here: check 'mlflow-tracking-uri'/);
  });
});
