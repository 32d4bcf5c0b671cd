// Peak memory of the shipped CLI (dist/cli.js, whole process) on big values files, in a throwaway git repository:
// a DagsHub logger metrics.csv of 5,000,000 rows, and a metrics.json of 1,000,000 keys, each at HEAD and in the
// workspace, every value changed. Peak RSS is the process's own getrusage maximum, written by a preloaded hook.
// MEMORY_BENCH=json (or csv) runs one of the two cases.
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const MiB = 1024 * 1024;

async function loggerCsv(file: string, rows: number, seed: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('Name,Value,Timestamp,Step\n');
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    buffer += `metric_${i % 50},${Math.cos(i * seed).toFixed(6)},${1_700_000_000_000 + i},${Math.floor(i / 50)}\n`;
    if (buffer.length > MiB && !out.write(buffer)) await once(out, 'drain');
    if (buffer.length > MiB) buffer = '';
  }
  out.end(buffer);
  await once(out, 'finish');
}

function metricsJson(file: string, keys: number, seed: number): void {
  const groups: Record<string, Record<string, number>> = {};
  for (let i = 0; i < keys; i++) (groups[`group${i % 1000}`] ??= {})[`metric_${i}`] = Math.sin(i * seed) * 1000;
  writeFileSync(file, JSON.stringify(groups, null, 2));
}

const only = process.env.MEMORY_BENCH;
const load = (): string => loadavg()[0]!.toFixed(1);

/** Runs the CLI in `dir`; returns its peak RSS in bytes, the wall time and its CPU time (user + system). */
function peak(dir: string, args: string[]): { rss: number; seconds: number; cpu: number } {
  const hook = join(dir, '..', 'maxrss.cjs');
  const result = join(dir, '..', 'maxrss.txt');
  writeFileSync(
    hook,
    `process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(${JSON.stringify(result)}, [u.maxRSS * 1024, (u.userCPUTime + u.systemCPUTime) / 1e6].join(' ')); });\n`,
  );
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--require', hook, CLI, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * MiB });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`mlreport ${args.join(' ')} exited with ${r.status}: ${r.stderr.toString().slice(0, 2000)}`);
  const [rss, cpu] = readFileSync(result, 'utf8').split(' ').map(Number);
  return { rss: rss!, seconds, cpu: cpu! };
}

function repo(root: string, name: string): string {
  const dir = join(root, name);
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const settings: [string, string][] = [
    ['user.name', 'bench'],
    ['user.email', 'bench@example.com'],
    ['commit.gpgsign', 'false'],
  ];
  for (const [k, v] of settings) execFileSync('git', ['config', k, v], { cwd: dir });
  return dir;
}

function commit(dir: string): void {
  execFileSync('git', ['add', '-A'], { cwd: dir });
  execFileSync('git', ['commit', '-q', '-m', 'base'], { cwd: dir });
}

const root = mkdtempSync(join(tmpdir(), 'mlreport-bench-memory-'));
try {
  if (only !== 'json') {
    const csvDir = repo(root, 'csv');
    await loggerCsv(join(csvDir, 'metrics.csv'), 5_000_000, 1);
    commit(csvDir);
    await loggerCsv(join(csvDir, 'metrics.csv'), 5_000_000, 2);
    const csvBytes = statSync(join(csvDir, 'metrics.csv')).size;
    const csv = peak(csvDir, ['metrics', 'diff', '--targets', 'metrics.csv']);
    const csvTarget = 256 * MiB;
    console.log(
      `logger metrics.csv, 5,000,000 rows (${(csvBytes / MiB).toFixed(0)} MiB at HEAD and in the workspace), metrics diff: peak RSS ${(csv.rss / MiB).toFixed(0)} MiB, ${csv.seconds.toFixed(1)} s  target ≤ ${csvTarget / MiB} MiB (was 2.6 GB): ${csv.rss <= csvTarget ? 'PASS' : 'FAIL'}`,
    );
  }
  if (only !== 'csv') {
    const jsonDir = repo(root, 'json');
    metricsJson(join(jsonDir, 'metrics.json'), 1_000_000, 1);
    commit(jsonDir);
    metricsJson(join(jsonDir, 'metrics.json'), 1_000_000, 2);
    // The input: the bytes of both revisions' files, which the diff holds parsed at once.
    const input = statSync(join(jsonDir, 'metrics.json')).size * 2;
    for (const args of [
      ['metrics', 'diff', '--targets', 'metrics.json', '--json'],
      ['metrics', 'diff', '--targets', 'metrics.json'],
    ]) {
      const before = load();
      const json = peak(jsonDir, args);
      const ratio = json.rss / input;
      console.log(
        `metrics.json, 1,000,000 changed keys (2 × ${(input / 2 / MiB).toFixed(0)} MiB), ${args.slice(0, 2).join(' ')}${args.includes('--json') ? ' --json' : ' (table)'}: peak RSS ${(json.rss / MiB).toFixed(0)} MiB = ${ratio.toFixed(2)}× the input (${(input / MiB).toFixed(0)} MiB), ${json.seconds.toFixed(1)} s wall, ${json.cpu.toFixed(1)} s CPU, load ${before}–${load()}  target ≤ 4× the input: ${ratio <= 4 ? 'PASS' : 'FAIL'}`,
      );
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
