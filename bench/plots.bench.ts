// Plot rendering as a user runs it: every figure is whole `node dist/cli.js plots render` processes of the shipped
// bundle (dist/, built by bench/run.mjs), never the sources. Verdicts are on CPU time (user + system of the process
// and of the git processes it starts, as a shell's `times` reports them): on a shared 2-core machine that is steadier
// than wall time, which is printed beside. The first chart is compared in the same run with its peer: the same CLI
// bundle with only the rasteriser swapped for the native @resvg/resvg-js (bench/native-resvg.ts).
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { TempRepo } from '../test/helpers/repo';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
// Under node_modules, so that the peer's render.js finds @resvg/resvg-js.
const PEER = join(ROOT, 'node_modules/.cache/mlreport-bench-native');

interface Run {
  cpuMs: number;
  wallMs: number;
  rssMb: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (t: number) => `${Math.round(t)} ms`;
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

/**
 * One `plots render` process of the bundle in `dist`. bash's `times` gives the CPU of the process and its children,
 * which Node cannot see for a process it spawned; the peak RSS comes from the process itself at exit.
 */
function renderWithCli(dist: string, dir: string): Run {
  const rssHook = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss_kb="+process.resourceUsage().maxRSS+"\\n"))';
  const args = [process.execPath, '--import', rssHook, join(dist, 'cli.js'), 'plots', 'render', '--base', 'HEAD~1', '--out', 'out', '--quiet'];
  const started = performance.now();
  const r = spawnSync('bash', ['-c', '"$@" >/dev/null || exit; times', 'bench', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const wallMs = performance.now() - started;
  const times = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(r.stdout);
  if (r.status !== 0 || !times) throw new Error(`plots render failed (exit ${r.status}): ${r.stderr}`);
  const cpuMs = (Number(times[1]) * 60 + Number(times[2]) + Number(times[3]) * 60 + Number(times[4])) * 1000;
  return { cpuMs, wallMs, rssMb: Math.round(Number(/maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024) };
}

/** `runs` processes of each bundle, alternated so that a change in the machine's load touches both alike. */
function interleaved(dists: string[], dir: string, runs: number): Run[][] {
  const out: Run[][] = dists.map(() => []);
  for (let i = 0; i < runs; i++) dists.forEach((dist, j) => out[j]!.push(renderWithCli(dist, dir)));
  return out;
}

const summary = (runs: Run[]) =>
  `${ms(median(runs.map((r) => r.cpuMs)))} CPU, ${ms(median(runs.map((r) => r.wallMs)))} wall (median of ${runs.length}; CPU ${runs.map((r) => Math.round(r.cpuMs)).join(', ')})`;

/** The shipped CLI with the native rasteriser: a copy of dist/ whose render.js is rebuilt with bench/native-resvg.ts. */
async function buildNativePeer(): Promise<void> {
  rmSync(PEER, { recursive: true, force: true });
  cpSync(DIST, PEER, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { render: 'src/plots/engine.ts' },
    outdir: PEER,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    alias: { '@resvg/resvg-wasm': './bench/native-resvg.ts' },
    external: ['@resvg/resvg-js'],
    banner: { js: "import{createRequire as __mlreportCreateRequire}from'node:module';const require=__mlreportCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

function lossCsv(rows: number, k: number): string {
  const lines = ['step,loss,val_loss'];
  for (let i = 0; i < rows; i++) {
    const t = i / rows;
    lines.push(
      `${i},${(2 * Math.exp(-4 * t) + 0.1 * Math.sin(i * 0.37 + k)).toFixed(5)},${(2.2 * Math.exp(-3.5 * t) + 0.12 * Math.cos(i * 0.11 + k)).toFixed(5)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function confusionJson(n: number, classes: number, k: number): string {
  const rows = Array.from({ length: n }, (_, i) => ({ actual: `class_${i % classes}`, predicted: `class_${(i + (i % (5 + k) === 0 ? 1 : 0)) % classes}` }));
  return JSON.stringify(rows);
}

/** A project with 20 typical plots: 10 loss curves (1k epochs, 2 fields), 4 confusion matrices, 2 scatter, 2 bars, 2 smooth. */
function twentyPlots(k: number): Record<string, string> {
  const files: Record<string, string> = {};
  const defs: string[] = [];
  for (let i = 0; i < 10; i++) {
    files[`plots/loss_${i}.csv`] = lossCsv(1000, k + i);
    defs.push(`  - plots/loss_${i}.csv: {x: step, y: [loss, val_loss]}`);
  }
  for (let i = 0; i < 4; i++) {
    files[`plots/cm_${i}.json`] = confusionJson(600, 3 + i * 2, k);
    defs.push(`  - CM ${i}: {template: confusion, x: actual, y: {plots/cm_${i}.json: predicted}}`);
  }
  for (let i = 0; i < 2; i++) {
    files[`plots/roc_${i}.json`] = JSON.stringify(Array.from({ length: 200 }, (_, j) => ({ fpr: j / 199, tpr: Math.min(1, Math.sqrt(j / 199) + k / 50) })));
    defs.push(`  - ROC ${i}: {template: scatter, x: fpr, y: {plots/roc_${i}.json: tpr}}`);
    files[`plots/imp_${i}.csv`] =
      `feature,importance\n${Array.from({ length: 12 }, (_, j) => `feature_${j},${(1 / (j + 1) + k / 100).toFixed(3)}`).join('\n')}\n`;
    defs.push(`  - Importance ${i}: {template: bar_horizontal_sorted, x: importance, y: {plots/imp_${i}.csv: feature}}`);
    defs.push(`  - Smooth ${i}: {template: smooth, x: step, y: {plots/loss_${i}.csv: loss}}`);
  }
  files['dvc.yaml'] = `plots:\n${defs.join('\n')}\n`;
  return files;
}

/** A repository whose head commit changes the given files, for `plots render --base HEAD~1`. */
function repoWith(base: Record<string, string>, head: Record<string, string>): TempRepo {
  const repo = new TempRepo('mlreport-bench-');
  repo.commit('base', base);
  repo.commit('head', head);
  return repo;
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${process.platform}-${process.arch}, Node ${process.version}`,
);
const parts = process.env.PLOTS_BENCH?.split(',') ?? ['first', 'twenty', 'long'];
if (parts.includes('first') || parts.includes('twenty')) await buildNativePeer();

// 1. The first chart: a whole process drawing one 2 × 1,000-point chart (Node start, CLI, git reads, vega, the
//    rasteriser's start and one PNG), beside the same work with the native rasteriser.
if (parts.includes('first')) {
  const RUNS = 7;
  const repo = repoWith(
    { 'dvc.yaml': 'plots:\n  - loss.csv: {x: step, y: [loss, val_loss]}\n', 'loss.csv': lossCsv(1000, 0) },
    { 'loss.csv': lossCsv(1000, 1) },
  );
  const [ours, peer] = interleaved([DIST, PEER], repo.dir, RUNS);
  const ratio = median(ours!.map((r) => r.cpuMs)) / median(peer!.map((r) => r.cpuMs));
  console.log(`one chart (2 × 1,000 points), a whole \`mlreport plots render\` process, ${RUNS} runs of each alternated:`);
  console.log(`  shipped bundle (resvg WebAssembly): ${summary(ours!)}`);
  console.log(`  peer, same bundle with native @resvg/resvg-js: ${summary(peer!)}`);
  console.log(`${verdict(ratio <= 2)}  first chart: ${ratio.toFixed(2)}× the native peer's CPU (target ≤ 2×)`);
  repo.remove();
}

// 2. Twenty typical plots in one process, first chart included.
if (parts.includes('twenty')) {
  const repo = repoWith(twentyPlots(0), twentyPlots(1));
  const [ours, peer] = interleaved([DIST, PEER], repo.dir, 3);
  const cpu = median(ours!.map((r) => r.cpuMs));
  const rss = Math.max(...ours!.map((r) => r.rssMb));
  const pngs = readdirSync(join(repo.dir, 'out')).filter((f) => f.endsWith('.png'));
  const sizes = pngs.map((f) => statSync(join(repo.dir, 'out', f)).size);
  const largest = Math.max(...sizes);
  console.log(`20 typical plots, one \`mlreport plots render\` process: ${summary(ours!)}; native peer ${summary(peer!)}`);
  console.log(`${verdict(cpu < 5000)}  20 plots: ${ms(cpu)} CPU (target < 5 s)`);
  console.log(`${verdict(rss < 400)}  20 plots: peak RSS ${rss} MB (target < 400 MB)`);
  console.log(
    `${verdict(pngs.length === 20 && largest < 300 * 1024)}  PNGs (2× density): ${pngs.length} of 20 drawn, largest ${Math.round(largest / 1024)} KB, all ${Math.round(sizes.reduce((a, b) => a + b, 0) / 1024)} KB (target < 300 KB each)`,
  );
  repo.remove();
}

// 3. A 100,000-point line chart after the first: what it adds to a process that draws a 1,000-point chart (two
//    100k-row CSVs read at base and head, LTTB, vega, the PNG).
if (parts.includes('long')) {
  const RUNS = 5;
  const small = repoWith({ 'dvc.yaml': 'plots:\n  - small.csv: {x: step, y: loss}\n', 'small.csv': lossCsv(1000, 0) }, { 'small.csv': lossCsv(1000, 1) });
  const both = repoWith(
    {
      'dvc.yaml': 'plots:\n  - small.csv: {x: step, y: loss}\n  - big.csv: {x: step, y: loss}\n',
      'small.csv': lossCsv(1000, 0),
      'big.csv': lossCsv(100_000, 0),
    },
    { 'small.csv': lossCsv(1000, 1), 'big.csv': lossCsv(100_000, 1) },
  );
  const one: Run[] = [];
  const two: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    one.push(renderWithCli(DIST, small.dir));
    two.push(renderWithCli(DIST, both.dir));
  }
  const added = median(two.map((r) => r.cpuMs)) - median(one.map((r) => r.cpuMs));
  const addedWall = median(two.map((r) => r.wallMs)) - median(one.map((r) => r.wallMs));
  const rss = Math.max(...two.map((r) => r.rssMb));
  console.log(`1k-point chart alone: ${summary(one)}; with a 100k-point chart after it: ${summary(two)}`);
  console.log(`${verdict(added < 400)}  100,000-point chart after the first: adds ${ms(added)} CPU (${ms(addedWall)} wall) to the process (target < 400 ms)`);
  console.log(`${verdict(rss < 400)}  1k + 100k charts: peak RSS ${rss} MB (target < 400 MB)`);
  small.remove();
  both.remove();
}
rmSync(PEER, { recursive: true, force: true });
