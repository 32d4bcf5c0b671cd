// Cold start of the bundled entry points, and the bundle size. Target: under 300 ms on a 2-core machine, beside
// `node -e 0` (the floor no JavaScript entry point can beat) in the same run.
// Each sample is a fresh `node` process; the figure is the median of N runs (min–max shown).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const RUNS = 15;

function time(args: string[], env: NodeJS.ProcessEnv = process.env): number[] {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}

const TARGET_MS = 300;

/** Prints the median; with a target, the verdict beside it. */
function line(label: string, samples: number[], target?: number): void {
  const median = samples[Math.floor(samples.length / 2)]!;
  const verdict = target === undefined ? '' : `  target < ${target} ms: ${median < target ? 'PASS' : 'FAIL'}`;
  console.log(
    `${label.padEnd(46)} median ${median.toFixed(0).padStart(4)} ms  (min ${samples[0]!.toFixed(0)}, max ${samples.at(-1)!.toFixed(0)}, n=${samples.length})${verdict}`,
  );
}

// The action with no inputs at all fails fast on config; give it an empty event so it runs to its first I/O.
const tmp = mkdtempSync(join(tmpdir(), 'mlreport-bench-'));
writeFileSync(join(tmp, 'event.json'), '{}');
line('node -e 0 (floor)', time(['-e', '0']));
line('node dist/cli.js --help', time(['dist/cli.js', '--help']), TARGET_MS);
line(
  'node dist/index.js (loads, exits on no repo)',
  time(['dist/index.js'], { PATH: process.env.PATH, GITHUB_WORKSPACE: tmp, GITHUB_EVENT_PATH: join(tmp, 'event.json') }),
  TARGET_MS,
);

let total = 0;
const sizes: string[] = [];
const walk = (dir: string): void => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.js')) {
      const size = statSync(p).size;
      total += size;
      sizes.push(`  ${p.padEnd(40)} ${(size / 1024).toFixed(0).padStart(6)} KiB (gzip ${(gzipSync(readFileSync(p)).length / 1024).toFixed(0)} KiB)`);
    }
  }
};
walk('dist');
console.log(`bundle: ${(total / 1024).toFixed(0)} KiB of JavaScript in dist/`);
console.log(sizes.join('\n'));
