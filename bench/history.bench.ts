// The base branch's history as a user runs it: a whole `mlreport metrics history main --depth 200` process of the
// shipped bundle reading 50 metrics at each of 200 first-parent commits of main and summarising them (each metric's
// points and n/mean/std/min/max, as a `history.*` rule gets them). Target: under 1 s. Beside it in the same run,
// interleaved: the peer — a bare `git log --first-parent` piped into `git cat-file --batch` of the same 200 blobs —
// and, for what a report adds, `mlreport report --history 200` with one `history.*` rule (it also draws that
// metric's trend chart, so it pays the chart renderer's start) and the same report with `--history 0`.
// CPU time: user + system of the process and all it started.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../test/helpers/repo';
import { measure, median } from './measure';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const COMMITS = 200;
const METRICS = 50;
const ROUNDS = 5;
const TARGET_MS = 1000;

const metricsAt = (commit: number): string =>
  `${JSON.stringify(Object.fromEntries(Array.from({ length: METRICS }, (_, m) => [`metric_${m}`, 0.8 + Math.sin(commit * 7 + m) / 100])), null, 2)}\n`;

const dir = tempDir('mlreport-bench-history-');
try {
  const git = (args: string[], input?: string): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', input });
  git(['init', '-q', '-b', 'main']);
  // 200 commits through one fast-import stream, not 200 `git commit` processes.
  let stream = '';
  for (let c = 0; c < COMMITS; c++) {
    const message = `run ${c}`;
    const data = metricsAt(c);
    stream += `commit refs/heads/main\ncommitter Bench <bench@example.com> ${1_700_000_000 + c * 3600} +0000\ndata ${message.length}\n${message}\n`;
    stream += `M 100644 inline metrics.json\ndata ${Buffer.byteLength(data)}\n${data}\n`;
  }
  git(['fast-import', '--quiet'], stream);
  git(['checkout', '-q', '-f', 'main']);
  writeFileSync(join(dir, 'metrics.json'), metricsAt(COMMITS));

  const out = join(dir, '.out');
  const args = (history: number): string[] => {
    const rule = history ? ['--threshold', 'metric_7 >= history.mean - 3 * history.std'] : [];
    return [CLI, 'report', '--base', 'main', '--metrics', 'metrics.json', '--history', String(history), ...rule, '--out', out, '--quiet'];
  };
  const historyArgs = (format: string[]): string[] => [CLI, 'metrics', 'history', 'main', '--depth', String(COMMITS), '--metrics', 'metrics.json', ...format];
  const timed = (argv: string[]) => (): { cpu: number; wall: number } => {
    const run = measure(process.execPath, argv, { cwd: dir });
    return { cpu: run.cpuMs, wall: run.wallMs };
  };
  // What each process does, checked before timing: 50 metrics × 200 points with stats, and the report's trend drawn.
  type Section = { metrics: { points: unknown[]; stats: unknown }[] };
  const complete = (section: Section): boolean => section.metrics.length === METRICS && section.metrics.every((m) => m.points.length === COMMITS && m.stats);
  const shown = spawnSync(process.execPath, historyArgs(['--json']), { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (shown.status !== 0 || !complete(JSON.parse(shown.stdout) as Section)) {
    throw new Error(`\`metrics history\` did not read ${METRICS} metrics × ${COMMITS} commits: ${shown.stderr}`);
  }
  const check = spawnSync(process.execPath, args(COMMITS), { cwd: dir, encoding: 'utf8' });
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { history: Section; trends: { image: string | null }[] };
  if (check.status !== 0 || !complete(report.history) || !report.trends.some((t) => t.image)) {
    throw new Error(`the report did not read ${METRICS} metrics × ${COMMITS} commits and draw the trend: ${check.stderr}`);
  }

  const peerScript = `git log --first-parent -n ${COMMITS} --format=%H main | sed 's/$/:metrics.json/' | git cat-file --batch`;
  const runs = {
    history: timed(historyArgs([])),
    report: timed(args(COMMITS)),
    off: timed(args(0)),
    peer: () => {
      const run = measure('bash', ['-c', peerScript], { cwd: dir });
      return { cpu: run.cpuMs, wall: run.wallMs };
    },
  };
  const samples = Object.fromEntries(Object.keys(runs).map((k) => [k, [] as { cpu: number; wall: number }[]])) as Record<
    keyof typeof runs,
    { cpu: number; wall: number }[]
  >;
  // Interleaved, so a busy moment on a shared machine falls on all of them alike; medians of ROUNDS.
  for (let round = 0; round < ROUNDS; round++) for (const [k, run] of Object.entries(runs)) samples[k as keyof typeof runs].push(run());
  const cpu = (k: keyof typeof samples) => median(samples[k].map((s) => s.cpu));
  const wall = (k: keyof typeof samples) => median(samples[k].map((s) => s.wall));
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  console.log(
    `peer: \`git log --first-parent\` + \`git cat-file --batch\` of the same ${COMMITS} blobs: ${cpu('peer').toFixed(0)} ms CPU (${wall('peer').toFixed(0)} ms wall)`,
  );
  console.log(
    `INFO  \`mlreport report --history ${COMMITS}\` with one history.* rule, its trend chart drawn: ${cpu('report').toFixed(0)} ms CPU (${wall('report').toFixed(0)} ms wall); the same report with --history 0 and no rule: ${cpu('off').toFixed(0)} ms CPU; history, rule and chart add ${(cpu('report') - cpu('off')).toFixed(0)} ms CPU`,
  );
  const pass = cpu('history') < TARGET_MS;
  console.log(
    `${pass ? 'PASS' : 'FAIL'}  \`mlreport metrics history main --depth ${COMMITS}\`, ${METRICS} metrics × ${COMMITS} commits read and summarised, whole process: ${cpu('history').toFixed(0)} ms CPU (${wall('history').toFixed(0)} ms wall; medians of ${ROUNDS}, load ${load}) (target < ${TARGET_MS} ms)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
