// Cold start of the shipped entry points (dist/, built by bench/run.mjs) as a user or the runner starts them: a fresh
// `node` process each time, beside `node -e 0` (the floor no JavaScript entry point can beat) in the same run,
// alternated so that a change in the machine's load touches all alike. Target: under 300 ms. The verdict is on CPU
// time (user + system, as a shell's `times` reports it), steadier than wall time on a shared 2-core machine; wall
// time is printed beside. Then the size of what dist/ ships.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const RUNS = 15;
const TARGET_MS = 300;

interface Sample {
  cpuMs: number;
  wallMs: number;
}

/**
 * One process to its end (output dropped; it may exit non-zero, as the action does with no repository). No stdin, as
 * on a runner: with an open pipe there, the action spends about 1 s more CPU.
 */
function run(args: string[], env: NodeJS.ProcessEnv): Sample {
  const started = performance.now();
  const r = spawnSync('bash', ['-c', '"$@" >/dev/null 2>&1; times', 'bench', process.execPath, ...args], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const wallMs = performance.now() - started;
  const times = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(r.stdout);
  if (!times) throw new Error(`could not time node ${args.join(' ')}: ${r.stderr}`);
  return { cpuMs: (Number(times[1]) * 60 + Number(times[2]) + Number(times[3]) * 60 + Number(times[4])) * 1000, wallMs };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

// The action with no inputs at all fails fast on config; give it an empty event so it runs to its first I/O.
const tmp = mkdtempSync(join(tmpdir(), 'mlreport-bench-'));
writeFileSync(join(tmp, 'event.json'), '{}');
const cases = [
  { label: 'node -e 0 (floor)', args: ['-e', '0'], env: process.env },
  { label: 'node dist/cli.js --help', args: ['dist/cli.js', '--help'], env: process.env, target: TARGET_MS },
  {
    label: 'node dist/index.js (loads, exits on no repo)',
    args: ['dist/index.js'],
    env: { PATH: process.env.PATH, GITHUB_WORKSPACE: tmp, GITHUB_EVENT_PATH: join(tmp, 'event.json') },
    target: TARGET_MS,
  },
];
const samples: Sample[][] = cases.map(() => []);
for (let i = 0; i < RUNS; i++) cases.forEach((c, j) => samples[j]!.push(run(c.args, c.env)));
rmSync(tmp, { recursive: true, force: true });

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}; medians of ${RUNS} processes each`,
);
const floor = median(samples[0]!.map((s) => s.cpuMs));
cases.forEach((c, j) => {
  const cpu = median(samples[j]!.map((s) => s.cpuMs));
  const wall = median(samples[j]!.map((s) => s.wallMs));
  const figure = `${c.label.padEnd(46)} ${cpu.toFixed(0).padStart(4)} ms CPU, ${wall.toFixed(0).padStart(4)} ms wall`;
  if (c.target === undefined) console.log(`      ${figure}`);
  else console.log(`${cpu < c.target ? 'PASS' : 'FAIL'}  ${figure}, ${(cpu / floor).toFixed(1)}× the floor's CPU (target < ${c.target} ms CPU)`);
});

let total = 0;
const sizes: string[] = [];
const walk = (dir: string): void => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(js|wasm|ttf)$/.test(p)) {
      const size = statSync(p).size;
      total += size;
      sizes.push(`  ${p.padEnd(40)} ${(size / 1024).toFixed(0).padStart(6)} KiB (gzip ${(gzipSync(readFileSync(p)).length / 1024).toFixed(0)} KiB)`);
    }
  }
};
walk('dist');
console.log(`bundle: ${(total / 1024).toFixed(0)} KiB of JavaScript, WebAssembly and fonts in dist/`);
console.log(sizes.join('\n'));
