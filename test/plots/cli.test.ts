import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DIST_CLI, runCli, runNode } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';
import { pngSize } from './svg';

/** An iris-like project: a per-epoch loss log and a confusion matrix data file, defined in dvc.yaml. */
function irisLike(repo: TempRepo, k: number): void {
  const log = [
    'epoch,loss,val_loss,accuracy',
    ...Array.from({ length: 30 }, (_, e) => `${e},${(1 / (e + k)).toFixed(4)},${(1.1 / (e + k)).toFixed(4)},${(1 - 0.5 / (e + k)).toFixed(4)}`),
  ];
  const classes = ['setosa', 'versicolor', 'virginica'];
  const cm = Array.from({ length: 45 }, (_, i) => ({ actual: classes[i % 3], predicted: classes[(i + (i % (5 + k) === 0 ? 1 : 0)) % 3] }));
  repo.commit(`k=${k}`, {
    'dvc.yaml': `stages:
  train:
    cmd: python train.py
    plots:
      - plots/confusion.json: {template: confusion, x: actual, y: predicted, title: Confusion matrix}
plots:
  - Loss: {x: epoch, y: {plots/loss.csv: [loss, val_loss]}}
  - plots/loss.csv: {x: epoch, y: accuracy, title: Accuracy}
`,
    'plots/loss.csv': `${log.join('\n')}\n`,
    'plots/confusion.json': JSON.stringify(cm),
  });
}

describe('mlreport CLI with plots (bundled dist)', () => {
  test('report: renders base+head PNGs under out/plots and lists them in the markdown and report.json', async () => {
    const repo = new TempRepo();
    try {
      irisLike(repo, 1);
      repo.git('checkout', '-q', '-b', 'feature');
      irisLike(repo, 2);
      const r = await runCli(['report', '--base', 'main', '--out', 'out', '--quiet'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      const md = readFileSync(join(repo.dir, 'out/report.md'), 'utf8');
      assert.match(md, /### Plots/);
      assert.match(md, /!\[Loss\]\(plots\/Loss\.png\)/);
      assert.match(md, /!\[Accuracy\]\(plots\/plots-loss-csv\.png\)/);
      assert.match(md, /!\[Confusion matrix\]\(plots\/plots-confusion-json\.png\)/);
      const report = JSON.parse(readFileSync(join(repo.dir, 'out/report.json'), 'utf8'));
      assert.deepEqual(
        report.plots.map((p: { id: string }) => p.id),
        ['Loss', 'plots/loss.csv', 'plots/confusion.json'],
      );
      for (const p of report.plots) {
        const png = readFileSync(join(repo.dir, 'out', p.image));
        const { width } = pngSize(png);
        assert.ok(width > 1000, `${p.id} is drawn at 2x (${width}px wide)`);
        assert.ok(png.length < 300_000);
      }
    } finally {
      repo.remove();
    }
  });

  test('plots render: index.md/index.json beside the images; a broken plot is named, the rest still render, exit 1', async () => {
    const repo = new TempRepo();
    try {
      irisLike(repo, 1);
      repo.write({ 'dvc.yaml': `${readFileSync(join(repo.dir, 'dvc.yaml'), 'utf8')}  - LR: {x: epoch, y: {plots/loss.csv: lr}}\n` });
      const r = await runCli(['plots', 'render', '--base', 'HEAD', '--out', 'pl'], repo.dir);
      assert.equal(r.code, 1);
      const said = "plot 'LR' (dvc.yaml plots[2]): plots/loss.csv has no y field 'lr' (fields: epoch, loss, val_loss, accuracy)";
      // Said once: on its result line, not again as a warning.
      assert.ok(r.stdout.split('\n').includes(`FAILED  ${said}`), r.stdout);
      assert.ok(!r.stderr.includes(said), r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      const quiet = await runCli(['plots', 'render', '--base', 'HEAD', '--out', 'pl', '--quiet'], repo.dir);
      assert.equal(quiet.code, 1);
      assert.ok(!quiet.stdout.includes(said), 'no result lines with --quiet');
      assert.ok(quiet.stderr.split('\n').includes(`warning: ${said}`), quiet.stderr);
      const index = JSON.parse(readFileSync(join(repo.dir, 'pl/index.json'), 'utf8'));
      assert.equal(index.plots.length, 4);
      assert.equal(index.plots.filter((p: { image: string | null }) => p.image).length, 3);
      assert.ok(existsSync(join(repo.dir, 'pl/Loss.png')));
      assert.match(readFileSync(join(repo.dir, 'pl/index.md'), 'utf8'), /could not be drawn: plot 'LR'/);
    } finally {
      repo.remove();
    }
  });

  test('a directory plot keeps a file the pull request deleted: drawn from the base, said to have no data at the head', async () => {
    const repo = new TempRepo();
    try {
      repo.commit('base', {
        'dvc.yaml': 'plots:\n  - dvclive/plots/metrics: {x: step}\n',
        'dvclive/plots/metrics/loss.tsv': 'step\tloss\n0\t1\n1\t0.5\n',
        'dvclive/plots/metrics/acc.tsv': 'step\tacc\n0\t0.5\n1\t0.7\n',
      });
      rmSync(join(repo.dir, 'dvclive/plots/metrics/acc.tsv'));
      const r = await runCli(['plots', 'render', '--base', 'HEAD', '--out', 'pl'], repo.dir);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const index = JSON.parse(readFileSync(join(repo.dir, 'pl/index.json'), 'utf8')) as { plots: { id: string; image: string | null; notes: string[] }[] };
      assert.deepEqual(
        index.plots.map((p) => p.id),
        ['dvclive/plots/metrics/acc.tsv', 'dvclive/plots/metrics/loss.tsv'],
      );
      const acc = index.plots[0]!;
      assert.ok(acc.image, 'the base is drawn');
      assert.ok(
        acc.notes.some((n) => /no data at the head/.test(n)),
        acc.notes.join('; '),
      );
    } finally {
      repo.remove();
    }
  });

  test('report without plots never loads the plots chunk (vega, WebAssembly) and writes no plots folder', async () => {
    const repo = new TempRepo();
    // A copy of the bundle without the renderer (vega, WebAssembly): loading it would fail the run.
    const dist = tempDir('mlreport-dist-');
    try {
      cpSync(dirname(DIST_CLI), dist, { recursive: true });
      rmSync(join(dist, 'render.js'));
      repo.commit('one', { 'metrics.json': '{"acc": 0.5}', 'dvc.yaml': 'metrics: [metrics.json]\n' });
      repo.commit('two', { 'metrics.json': '{"acc": 0.6}' });
      const r = await runNode(join(dist, 'cli.js'), ['report', '--out', 'out', '--quiet'], { cwd: repo.dir });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(existsSync(join(repo.dir, 'out/plots')), false);
      assert.doesNotMatch(readFileSync(join(repo.dir, 'out/report.md'), 'utf8'), /### Plots/);
      repo.write({ 'dvc.yaml': 'metrics: [metrics.json]\nplots: [loss.csv]\n', 'loss.csv': 'loss\n1\n0.5\n' });
      const withPlots = await runNode(join(dist, 'cli.js'), ['report', '--out', 'out', '--quiet'], { cwd: repo.dir });
      assert.match(withPlots.stderr, /render\.js/, 'with a plot to draw, the renderer is loaded (and missing here)');
    } finally {
      repo.remove();
      rmSync(dist, { recursive: true, force: true });
    }
  });

  test('the renderer reads its WebAssembly and fonts from files beside it: without resvg.wasm the plot is named as not drawn, and why', async () => {
    const repo = new TempRepo();
    const dist = tempDir('mlreport-dist-');
    try {
      cpSync(dirname(DIST_CLI), dist, { recursive: true });
      // Inlined as base64, they made render.js 7 MB of source to parse before the first chart.
      assert.ok(statSync(join(dist, 'render.js')).size < 3_000_000, 'render.js carries no inlined binary');
      for (const file of ['resvg.wasm', 'fonts/DejaVuSans.ttf', 'fonts/DejaVuSans-Bold.ttf']) assert.ok(existsSync(join(dist, file)), file);
      rmSync(join(dist, 'resvg.wasm'));
      repo.commit('one', { 'dvc.yaml': 'plots: [loss.csv]\n', 'loss.csv': 'loss\n1\n0.5\n' });
      const r = await runNode(join(dist, 'cli.js'), ['plots', 'render', '--out', 'pl'], { cwd: repo.dir });
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /^FAILED {2}plot 'loss\.csv' \(dvc\.yaml plots\[0\]\): could not render: .*resvg\.wasm/m);
      assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      repo.remove();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
