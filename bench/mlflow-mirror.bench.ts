// Logs a run with a long training history to the fake MLflow server over loopback HTTP and prints how many
// log-batch requests it took and how long: the cost of the MLflow mirror for a large run.
import { MlflowRunPublisher } from '../src/publish/mlflow/mirror';
import type { MetricSeries } from '../src/publish/mlflow/series';
import { MemoryLogger } from '../test/helpers/memory-logger';
import { FakeMlflow } from '../test/fakes/mlflow/server';
import { fileDiff, mlflowConfig, report, TOKEN } from '../test/publish/hub-fixtures';

const mlflow = await FakeMlflow.start({ auth: { kind: 'basic', username: 'ci-bot', password: TOKEN } });
try {
  for (const [names, steps] of [
    [2, 750],
    [10, 1000],
    [50, 1000],
  ] as const) {
    const logs: MetricSeries[] = Array.from({ length: names }, (_, n) => ({
      file: 'metrics.csv',
      name: `metric_${n}`,
      points: Array.from({ length: steps }, (_, i) => ({ step: i + 1, value: Math.exp(-i / 100) + n, timestamp: 1_715_430_000_000 + i })),
    }));
    const params = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`p${i}`, i]));
    const config = mlflowConfig(mlflow.url);
    config.change = { ...config.change, sha: `${names}`.padStart(40, '0') };
    const before = mlflow.batches.length;
    const start = performance.now();
    await new MlflowRunPublisher(config, logs, new MemoryLogger()).publish(report([fileDiff('metrics.json', { acc: 0.9 })], [fileDiff('params.yaml', params)]));
    const ms = performance.now() - start;
    const batches = mlflow.batches.slice(before);
    const mb = batches.reduce((n, b) => n + b.bytes, 0) / 1e6;
    console.log(
      `${String(names * steps).padStart(6)} metric points + 150 params: ${batches.length} log-batch requests, ${mb.toFixed(1)} MB, ${ms.toFixed(0)} ms (all accepted: ${batches.every((b) => b.status === 200)})`,
    );
  }
} finally {
  await mlflow.close();
}
