// `mlreport metrics diff` as a user runs it: a whole process of the shipped bundle comparing a 10,000-key JSON
// metrics file and a 100,000-row DagsHub logger metrics.csv at HEAD (read from git) with the workspace, its table
// (`--md`) and its `--json` each in a process of their own. Target: < 500 ms CPU, the process and the git it
// starts, start-up included. The CLI's own start-up is measured beside it, alternated, for where the time goes.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../test/helpers/repo';
import { cliStartUp, measure, median } from './measure';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const ROUNDS = 7;
const TARGET_MS = 500;

function jsonMetrics(seed: number): string {
  const groups: Record<string, Record<string, number | string>> = {};
  for (let i = 0; i < 10_000; i++) {
    const g = `group${i % 100}`;
    groups[g] ??= {};
    groups[g][`metric_${i}`] = i % 10 === 0 ? `label-${i}` : Math.sin(i * seed) * 1000;
  }
  return JSON.stringify(groups, null, 2);
}

function loggerCsv(seed: number): string {
  const lines = ['Name,Value,Timestamp,Step'];
  for (let i = 0; i < 100_000; i++) lines.push(`metric_${i % 50},${Math.cos(i * seed)},${1_700_000_000_000 + i},${Math.floor(i / 50)}`);
  return lines.join('\n') + '\n';
}

const dir = tempDir('mlreport-bench-values-');
try {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  writeFileSync(join(dir, 'dvc.yaml'), 'metrics:\n  - metrics.json\n  - metrics.csv\n');
  const write = (seed: number): number => {
    const json = jsonMetrics(seed);
    const csv = loggerCsv(seed);
    writeFileSync(join(dir, 'metrics.json'), json);
    writeFileSync(join(dir, 'metrics.csv'), csv);
    return json.length + csv.length;
  };
  const base = write(1);
  git('add', '-A');
  git('-c', 'user.name=b', '-c', 'user.email=b@example.com', 'commit', '-qm', 'base');
  const head = write(2);
  const keys = Object.values(JSON.parse(execFileSync(process.execPath, [CLI, 'metrics', 'diff', '--json'], { cwd: dir, encoding: 'utf8' })) as object).reduce(
    (n: number, file: object) => n + Object.keys(file).length,
    0,
  );
  // 9,000 JSON numbers and the 50 logged metrics change; the 1,000 labels do not.
  if (keys !== 9050) throw new Error(`metrics diff found ${keys} changed keys, expected 9,050`);

  const runs = {
    table: () => measure(process.execPath, [CLI, 'metrics', 'diff', '--md'], { cwd: dir }).cpuMs,
    json: () => measure(process.execPath, [CLI, 'metrics', 'diff', '--json'], { cwd: dir }).cpuMs,
    start: () => measure(process.execPath, cliStartUp(CLI), { cwd: dir }).cpuMs,
    // What a run costs without Node's compile cache (before Node 22.1, or a first run in a fresh temporary folder).
    uncached: () => measure(process.execPath, [CLI, 'metrics', 'diff', '--md'], { cwd: dir, env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } }).cpuMs,
  };
  const samples = Object.fromEntries(Object.keys(runs).map((k) => [k, [] as number[]])) as Record<keyof typeof runs, number[]>;
  // Interleaved, so a busy moment on a shared machine falls on all of them alike; medians of ROUNDS.
  for (let round = 0; round < ROUNDS; round++) for (const [k, run] of Object.entries(runs)) samples[k as keyof typeof runs].push(run());
  const [table, json, start] = [median(samples.table), median(samples.json), median(samples.start)];
  const mb = ((base + head) / 1024 / 1024).toFixed(1);
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(
    `values: 10,000-key metrics.json + 100,000-row metrics.csv at HEAD and in the workspace (${mb} MB, ${keys} changed keys); the CLI's start-up alone ${start.toFixed(0)} ms CPU; medians of ${ROUNDS}, load average ${load} on ${availableParallelism()} CPUs; Node ${process.version}, its compile cache warm from the check run before`,
  );
  console.log(
    `INFO  the table without the compile cache (NODE_DISABLE_COMPILE_CACHE=1: a first run, or Node before 22.1): ${median(samples.uncached).toFixed(0)} ms CPU`,
  );
  for (const [what, ms] of [
    ['table (--md)', table],
    ['--json', json],
  ] as const) {
    console.log(
      `${ms < TARGET_MS ? 'PASS' : 'FAIL'}  \`mlreport metrics diff ${what === '--json' ? '--json' : '--md'}\`, a whole process: ${ms.toFixed(0)} ms CPU (${(ms - start).toFixed(0)} ms after start-up) (target < ${TARGET_MS} ms)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
