// Publishing to GitHub against the fake API: requests per run on a PR that already has the report, and the
// action's end-to-end time (dist/index.js as the runner starts it) on the iris example with three plots.
// Targets (issue #5): ≤ 6 requests + 1 per image + 1 per 100 comments; under 2.5 s end to end.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub } from '../test/fakes/github';
import { addComment } from '../test/fakes/github/routes/comments';
import { addPullRequest } from '../test/fakes/github/routes/pulls';
import { DIST_ACTION, DIST_CLI, runNode } from '../test/helpers/cli';
import { TempRepo, tempDir } from '../test/helpers/repo';
import { noted, plotsDir, png, publisher, registerGhsToken, reportData, GHS_TOKEN, REPO } from '../test/publish/github-fixtures';
import { reportJson } from '../src/report/to-json';

const RUNS = 5;
const fake = await startFakeGitHub();
registerGhsToken(fake);
const repo = new TempRepo('mlreport-bench-');
const work = tempDir('mlreport-bench-run-');
try {
  // The iris example, its pipeline run by `mlreport repro` (python3, standard library; dvc.lock written, as a user
  // commits it) for a baseline and a tuned commit. The pipeline's own commands are not timed.
  cpSync('examples/iris', repo.dir, { recursive: true });
  writeFileSync(join(repo.dir, 'dvc.yaml'), `${readFileSync(join(repo.dir, 'dvc.yaml'), 'utf8')}\nmetrics:\n  - run.json\n`);
  writeFileSync(join(repo.dir, 'run.json'), '{"run": -1}');
  const reproduce = (): void => {
    execFileSync(process.execPath, [DIST_CLI, 'repro'], { cwd: repo.dir, stdio: 'ignore' });
  };
  reproduce();
  const base = repo.commit('Baseline model');
  const params = readFileSync(join(repo.dir, 'params.yaml'), 'utf8');
  writeFileSync(join(repo.dir, 'params.yaml'), params.replace('epochs: 60', 'epochs: 100').replace('learning_rate: 0.05', 'learning_rate: 0.3'));
  reproduce();
  const head = repo.commit('Tune learning rate and epochs');
  addPullRequest(fake, REPO, { number: 5, headSha: head });
  const human = { login: 'reviewer', id: 9, type: 'User' as const, readOnly: false };
  for (let i = 0; i < 150; i++) addComment(fake, REPO, 'pr:5', `review comment ${i}`, human);

  // 1. Requests per run, in process, three plots, the report already on the PR.
  const plots = plotsDir(work, ['confusion', 'roc', 'precision_recall']);
  for (const p of plots) writeFileSync(join(work, p.image!), png(480, 360, 0, true));
  const report = reportData(plots);
  await publisher(fake, work).pub.publish(report);
  const count = async (label: string, run: () => Promise<unknown>): Promise<void> => {
    const before = fake.requests.length;
    await run();
    const made = fake.requests.slice(before);
    const byRoute = new Map<string, number>();
    for (const r of made) byRoute.set(r.route ?? r.path, (byRoute.get(r.route ?? r.path) ?? 0) + 1);
    console.log(`${label}: ${made.length} requests`);
    for (const [route, n] of byRoute) console.log(`    ${n} × ${route}`);
  };
  await count('PR with the report, 151 other comments, 3 images (branch store)', () => publisher(fake, work).pub.publish(noted(report, 'run 2')));
  await count('same, no images (image-store none)', () => publisher(fake, work, {}, { imageStore: 'none' }).pub.publish(noted(report, 'run 3')));
  await publisher(fake, work, {}, { imageStore: 'release' }).pub.publish(report);
  await count("same, 3 images (release store, replacing last run's assets)", () =>
    publisher(fake, work, {}, { imageStore: 'release' }).pub.publish(noted(report, 'run 5')),
  );

  // 2. End to end: dist/index.js as the runner starts it (node start-up, config, git, diff, compose, publish).
  const event = join(work, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      pull_request: { number: 5, head: { sha: head, ref: 'feature', repo: { full_name: REPO } }, base: { sha: base, ref: 'main', repo: { full_name: REPO } } },
    }),
  );
  const artifact = join(work, 'artifact');
  mkdirSync(join(artifact, 'plots'), { recursive: true });
  for (const p of plots) copyFileSync(join(work, p.image!), join(artifact, p.image!));
  // As a first workflow's artifact holds it: report.json's own shape.
  writeFileSync(join(artifact, 'report.json'), JSON.stringify(reportJson(noted(report, 'iris report'))));
  const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_REPOSITORY: REPO,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_SHA: head,
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_API_URL: fake.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '1',
    GITHUB_STEP_SUMMARY: join(work, 'summary.md'),
    RUNNER_TEMP: work,
    'INPUT_GITHUB-TOKEN': GHS_TOKEN,
    'INPUT_OUT-DIR': join(work, 'out'),
    // The pipeline ran above; its commands are not part of this figure.
    INPUT_REPRO: 'off',
    ...extra,
  });
  const time = async (label: string, extra: Record<string, string>, target?: number): Promise<void> => {
    const ms: number[] = [];
    let requests = 0;
    let gateRequests = 0;
    for (let i = 0; i < RUNS; i++) {
      // A slightly different report each run, so the comment is really updated: a metrics file no stage writes (the
      // stages' own outputs stay as dvc.lock records them, or the gate would not check them).
      writeFileSync(join(repo.dir, 'run.json'), JSON.stringify({ run: i }));
      const before = fake.requests.length;
      const t = performance.now();
      const r = await runNode(DIST_ACTION, [], { cwd: repo.dir, env: env(extra) });
      ms.push(performance.now() - t);
      requests = fake.requests.length - before;
      gateRequests = fake.requests.slice(before).filter((q) => /check-runs|statuses/.test(q.route ?? '')).length;
      if (r.code !== 0) throw new Error(`${label}: exit ${r.code}\n${r.stdout}${r.stderr}`);
    }
    ms.sort((a, b) => a - b);
    const median = ms[Math.floor(RUNS / 2)]! / 1000;
    const verdict = target === undefined ? '' : `  target < ${target} s: ${median < target ? 'PASS' : 'FAIL'}`;
    console.log(
      `${label}: median ${median.toFixed(2)} s (min ${(ms[0]! / 1000).toFixed(2)}, max ${(ms.at(-1)! / 1000).toFixed(2)}; ${RUNS} runs), ${requests} requests per run${gateRequests ? ` (${gateRequests} of them the gates' check run: the example has gates)` : ''}${verdict}`,
    );
  };
  await time('action end to end, mode run, iris example (dvc.yaml metrics and params), PR with the report', {}, 2.5);
  await time('action end to end, mode publish, 3 plots (branch store), PR with the report', {
    INPUT_MODE: 'publish',
    'INPUT_ARTIFACT-DIR': artifact,
  });
} finally {
  await fake.stop();
  repo.remove();
  rmSync(work, { recursive: true, force: true });
}
