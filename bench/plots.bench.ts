// Plot rendering figures quoted in README: the first chart in a process (vega load + WebAssembly
// warm-up), a 100,000-point line chart after it, 20 typical plots through the bundled CLI (one cold
// process, first chart included), PNG sizes and peak memory. Each figure is printed with how it was taken.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GitRepo } from '../src/git/repo';
import { findPlotDefinitions, preparePlots } from '../src/plots/collect';
import type { PreparedPlot } from '../src/plots/types';
import { TempRepo } from '../test/helpers/repo';
import { rendererAssets } from '../test/plots/assets';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const ms = (t: number) => `${Math.round(t)} ms`;
/** CPU time of this process in ms: steadier than wall time on a shared machine. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

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

/** Runs `mlreport plots render` in a fresh process: wall time, CPU time and peak RSS. */
function renderWithCli(dir: string): { wall: number; cpu: number; rssMb: number } {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("maxrss_kb="+u.maxRSS+" cpu_us="+(u.userCPUTime+u.systemCPUTime)+"\\n")})',
      CLI,
      'plots',
      'render',
      '--base',
      'HEAD~1',
      '--out',
      'out',
      '--quiet',
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`plots render failed: ${r.stderr}`);
  return { wall, cpu: Number(/cpu_us=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1000, rssMb: Math.round(Number(/maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024) };
}

// 1. Twenty typical plots, one cold process of the bundled CLI (first chart included).
{
  const repo = new TempRepo('mlreport-bench-');
  repo.commit('base', twentyPlots(0));
  repo.commit('head', twentyPlots(1));
  const runs = [0, 1, 2].map(() => renderWithCli(repo.dir));
  const walls = runs.map((r) => r.wall);
  const cpus = runs.map((r) => r.cpu);
  const rss = Math.max(...runs.map((r) => r.rssMb));
  const pngs = readdirSync(join(repo.dir, 'out')).filter((f) => f.endsWith('.png'));
  const sizes = pngs.map((f) => statSync(join(repo.dir, 'out', f)).size);
  console.log(
    `20 typical plots, \`mlreport plots render\` (bundled CLI, cold process, first chart included), 3 runs: ${walls.map(ms).join(', ')}; median ${ms(median(walls))} wall, ${ms(median(cpus))} CPU`,
  );
  console.log(
    `  peak RSS ${rss} MB; ${pngs.length} PNGs, largest ${Math.round(Math.max(...sizes) / 1024)} KB, total ${Math.round(sizes.reduce((a, b) => a + b, 0) / 1024)} KB`,
  );
  repo.remove();
}

// 2. In one process: the first chart (vega import + WebAssembly init + first render), then a 100,000-point chart.
{
  const repo = new TempRepo('mlreport-bench-');
  const baseSha = repo.commit('base', {
    'dvc.yaml': 'plots:\n  - small.csv: {x: step, y: loss}\n  - big.csv: {x: step, y: loss}\n',
    'small.csv': lossCsv(1000, 0),
    'big.csv': lossCsv(100_000, 0),
  });
  repo.commit('head', { 'small.csv': lossCsv(1000, 1), 'big.csv': lossCsv(100_000, 1) });
  const git = await GitRepo.open(repo.dir);
  const request = { workspace: repo.dir, base: { sha: baseSha, label: 'main' }, headLabel: 'pr', plotsPaths: null };
  const { definitions } = await findPlotDefinitions(repo.dir, null);
  const spec = (p: PreparedPlot) =>
    p.kind === 'vega'
      ? p.spec
      : (() => {
          throw new Error(p.kind === 'error' ? p.error : 'not a chart');
        })();

  const t0 = performance.now();
  const c0 = cpu();
  const { PlotRenderer } = await import('../src/plots/render');
  const tImport = performance.now();
  const renderer = await PlotRenderer.create(rendererAssets());
  const tInit = performance.now();
  const [small] = await preparePlots(git, request, [definitions[0]!]);
  const first = await renderer.render(spec(small!));
  const tFirst = performance.now();
  console.log(
    `first chart in a process (2 × 1,000 points): ${ms(tFirst - t0)} wall (${ms(cpu() - c0)} CPU) in all = import vega ${ms(tImport - t0)} + WebAssembly init ${ms(tInit - tImport)} + prepare and render ${ms(tFirst - tInit)}; PNG ${Math.round(first.png.length / 1024)} KB`,
  );

  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await renderer.render(spec((await preparePlots(git, request, [definitions[0]!]))[0]!));
    warm.push(performance.now() - t);
  }
  console.log(`same chart again (warm), median of 5: ${ms(median(warm))}`);

  const big: number[] = [];
  const bigCpu: number[] = [];
  let bigPng = 0;
  let notes: string[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const c = cpu();
    const [prepared] = await preparePlots(git, request, [definitions[1]!]);
    const image = await renderer.render(spec(prepared!));
    big.push(performance.now() - t);
    bigCpu.push(cpu() - c);
    bigPng = image.png.length;
    notes = prepared!.notes;
  }
  console.log(
    `100,000-point line chart (2 × 100k rows read from CSV at base and head, LTTB, vega, resvg), median of 5: ${ms(median(big))} wall, ${ms(median(bigCpu))} CPU; PNG ${Math.round(bigPng / 1024)} KB; note: "${notes.join('; ')}"`,
  );
  console.log(`peak RSS of this benchmark process (tsx, test data and 6 runs included): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  const cli = [0, 1, 2].map(() => renderWithCli(repo.dir));
  console.log(
    `the same two plots (1k and 100k points) with \`mlreport plots render\` in a cold process, 3 runs: ${cli.map((r) => ms(r.wall)).join(', ')} wall; peak RSS ${Math.max(...cli.map((r) => r.rssMb))} MB`,
  );
  repo.remove();
}
