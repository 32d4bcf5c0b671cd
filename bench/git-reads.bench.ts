// Reading 1,000 metrics + 1,000 params files at the base as a user does: `mlreport report --base HEAD` processes of
// the shipped bundle (both kinds in one process, as the action), beside the same blobs read by one bare
// `git cat-file --batch` plus the CLI's own start-up (what a command loads before its work: `cliStartUp`), interleaved in the same run. Target: ≤ 2× (cat-file
// + start-up) for the report whose head deleted the files (so what it does is read them at the base); the report
// with the files at the head too is printed beside it. CPU time: user + system of the process and all it started.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../test/helpers/repo';
import { cliStartUp, measure, median, verdict } from './measure';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const FILES = 1000;
// Medians of 7: a median of 3 moved by a tenth from one run to the next on a 2-core machine.
const ROUNDS = 7;

const dir = tempDir('mlreport-bench-git-');
try {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'm'));
  mkdirSync(join(dir, 'p'));
  const metrics: string[] = [];
  const params: string[] = [];
  const write = (round: number): void => {
    for (let i = 0; i < FILES; i++) {
      writeFileSync(join(dir, 'm', `${i}.json`), JSON.stringify({ acc: (i + round) / FILES, loss: 1 - i / FILES, epoch: i }));
      writeFileSync(join(dir, 'p', `${i}.yaml`), `lr: ${(i + round) / 1e4}\nlayers: ${i % 7}\nname: run-${i}\n`);
    }
  };
  for (let i = 0; i < FILES; i++) {
    metrics.push(`m/${i}.json`);
    params.push(`p/${i}.yaml`);
  }
  // Named by their folders, as a project with this many values files would: a 2,000-line dvc.yaml would measure YAML parsing.
  writeFileSync(join(dir, 'dvc.yaml'), 'metrics:\n  - m\nparams:\n  - p\n');
  write(0);
  git('add', '-A');
  git('-c', 'user.name=b', '-c', 'user.email=b@example.com', 'commit', '-qm', 'base');
  write(1);
  const blobs = git('rev-parse', ...[...metrics, ...params].map((p) => `HEAD:${p}`));
  if (blobs.trim().split('\n').length !== 2 * FILES) throw new Error('expected one blob a file');
  const lines = blobs.trim().split('\n');
  const metricsBlobs = `${lines.slice(0, FILES).join('\n')}\n`;
  const paramsBlobs = `${lines.slice(FILES).join('\n')}\n`;

  const out = join(dir, '.out');
  const cli =
    (...args: string[]) =>
    (): number =>
      measure(process.execPath, [CLI, ...args], { cwd: dir }).cpuMs;
  const report = cli('report', '--base', 'HEAD', '--out', out, '--quiet');
  const check = spawnSync(process.execPath, [CLI, 'metrics', 'diff', 'HEAD', '--json'], { cwd: dir, encoding: 'utf8' });
  if (check.status !== 0 || Object.keys(JSON.parse(check.stdout) as object).length !== FILES) throw new Error(`metrics diff failed: ${check.stderr}`);
  const headless = <T>(fn: () => T): T => {
    rmSync(join(dir, 'm'), { recursive: true });
    rmSync(join(dir, 'p'), { recursive: true });
    try {
      return fn();
    } finally {
      mkdirSync(join(dir, 'm'));
      mkdirSync(join(dir, 'p'));
      write(1);
    }
  };
  const runs = {
    cat: () => measure('git', ['cat-file', '--batch'], { cwd: dir, input: blobs }).cpuMs,
    start: () => measure(process.execPath, cliStartUp(CLI), { cwd: dir }).cpuMs,
    both: report,
    // Each kind's files read at the base by the command that reads only them, beside a cat-file of its 1,000 blobs.
    catMetrics: () => measure('git', ['cat-file', '--batch'], { cwd: dir, input: metricsBlobs }).cpuMs,
    catParams: () => measure('git', ['cat-file', '--batch'], { cwd: dir, input: paramsBlobs }).cpuMs,
    metricsDiff: () => headless(cli('metrics', 'diff', 'HEAD', '--json')),
    paramsDiff: () => headless(cli('params', 'diff', 'HEAD', '--json')),
    // The same report where the pull request deleted every values file: what is left is reading them at the base.
    baseOnly: () => headless(report),
  };
  const samples = Object.fromEntries(Object.keys(runs).map((k) => [k, [] as number[]])) as Record<keyof typeof runs, number[]>;
  // Interleaved, so a busy moment on a shared machine falls on all of them alike; medians of ROUNDS.
  for (let round = 0; round < ROUNDS; round++) for (const [k, run] of Object.entries(runs)) samples[k as keyof typeof runs].push(run());
  const cat = median(samples.cat);
  const start = median(samples.start);
  console.log(
    `peer: \`git cat-file --batch\` of the ${2 * FILES} blobs ${cat.toFixed(0)} ms CPU + the CLI's start-up (Node, cli.js and commands.js) ${start.toFixed(0)} ms; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} CPUs`,
  );
  verdict(
    `\`mlreport report --base HEAD\`, ${FILES} metrics + ${FILES} params files read at the base (deleted at the head)`,
    median(samples.baseOnly),
    cat + start,
    2,
    'ms CPU',
  );
  console.log(
    `INFO  the same report with the files changed at the head (read from git and from disk, diffed, ${2 * FILES} rows composed): ${median(samples.both).toFixed(0)} ms CPU, ${(median(samples.both) / (cat + start)).toFixed(2)}× the peer`,
  );
  // The reads without the report around them (history, causes, report.md and report.json of the rows).
  for (const [what, ours, peer] of [
    ['metrics', median(samples.metricsDiff), median(samples.catMetrics)],
    ['params', median(samples.paramsDiff), median(samples.catParams)],
  ] as const) {
    console.log(
      `INFO  \`mlreport ${what} diff HEAD --json\`, its ${FILES} files read at the base (deleted at the head): ${ours.toFixed(0)} ms CPU vs its blobs' cat-file ${peer.toFixed(0)} + start-up ${start.toFixed(0)} ms = ${(ours / (peer + start)).toFixed(2)}×`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
