// The hub mirror, end to end on examples/iris: a throwaway repository with a baseline and a tuned-params commit
// (the pipeline run for each by `mlreport repro`), then the bundled action (dist/index.js) run as on a pull request with
// `hub: dagshub`, against local fakes of DagsHub's API and its MLflow. Prints the comment and the MLflow run.
// Run: npm run demo:hub
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pythonEnvironment } from './python.mjs';
import { runAction } from '../test/helpers/action';
import { TempRepo } from '../test/helpers/repo';
import { FakeHub } from '../test/fakes/hub/server';
import { FakeMlflow } from '../test/fakes/mlflow/server';

const root = resolve(import.meta.dirname, '..');
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
const TOKEN = 'demo-token-not-secret';

const repo = new TempRepo('mlreport-hub-demo-');
cpSync(join(root, 'examples/iris'), repo.dir, { recursive: true });
const python = pythonEnvironment();
process.on('exit', python.cleanup);
const reproduce = (): void => {
  execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'repro'], { cwd: repo.dir, stdio: ['ignore', 'ignore', 'inherit'], env: python.env });
};
reproduce();
const baseSha = repo.commit('Baseline model');
repo.git('checkout', '-q', '-b', 'tune-lr');
const params = readFileSync(join(repo.dir, 'params.yaml'), 'utf8');
writeFileSync(join(repo.dir, 'params.yaml'), params.replace('epochs: 60', 'epochs: 100').replace('learning_rate: 0.05', 'learning_rate: 0.3'));
reproduce();
const headSha = repo.commit('Tune learning rate and epochs');

const mlflow = new FakeMlflow({ auth: { kind: 'basic', username: 'ci-bot', password: TOKEN } });
const hub = await FakeHub.start({ owner: 'acme', repo: 'iris', login: 'ci-bot', token: TOKEN, mlflow });
try {
  const pr = hub.addPull({ headRef: 'tune-lr', headSha });
  const result = await runAction({
    workspace: repo.dir,
    eventName: 'pull_request',
    event: { pull_request: { number: 7, head: { ref: 'tune-lr', sha: headSha }, base: { ref: 'main', sha: baseSha } } },
    sha: headSha,
    repository: 'acme/iris',
    inputs: { hub: 'dagshub', 'hub-url': hub.url, 'hub-token': TOKEN },
  });
  console.log(`── the action (exit code ${result.code}):\n${result.stdout.replace(/^::add-mask::.*\n/gm, '')}`);
  console.log(
    `── the comment on the fake DagsHub PR #${pr.number}:\n${hub
      .commentsOn(pr.number)
      .map((c) => c.body)
      .join('\n---\n')}`,
  );
  for (const run of mlflow.runsOf('acme/iris')) {
    console.log(`── MLflow run ${run.info.run_id} (${run.info.status}) in experiment acme/iris`);
    console.log('params:', Object.fromEntries(run.params));
    const latest = new Map<string, { value: number; points: number }>();
    for (const m of run.history) latest.set(m.key, { value: m.value, points: (latest.get(m.key)?.points ?? 0) + 1 });
    console.log('metrics (latest value, points logged):', Object.fromEntries([...latest].map(([k, v]) => [k, `${v.value} (${v.points})`])));
    console.log('tags:', Object.fromEntries([...run.tags].filter(([k]) => k !== 'mlflow.note.content')));
  }
} finally {
  await hub.close();
  repo.remove();
}
