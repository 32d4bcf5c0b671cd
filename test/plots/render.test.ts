import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-wasm';
import { GitRepo } from '../../src/git/repo';
import { findPlotDefinitions, preparePlots, type PlotsRequest } from '../../src/plots/collect';
import { PlotRenderer } from '../../src/plots/render';
import { FONT } from '../../src/plots/spec';
import { renderPlots } from '../../src/plots/render-plots';
import type { PreparedPlot } from '../../src/plots/types';
import { MemoryLogger } from '../helpers/memory-logger';
import { TempRepo } from '../helpers/repo';
import { rendererAssets } from './assets';
import { countMarks, pngPixels, pngSize } from './svg';

const CLASSES = ['setosa', 'versicolor', 'virginica'];

/** Training data of one revision; `k` changes every number so base and head differ. */
function dataFiles(k: number): Record<string, string> {
  const loss = ['epoch,loss,val_loss', ...Array.from({ length: 20 }, (_, e) => `${e},${(1 / (e + k)).toFixed(4)},${(1.2 / (e + k)).toFixed(4)}`)];
  const confusion = Array.from({ length: 30 }, (_, i) => ({ actual: CLASSES[i % 3], predicted: CLASSES[(i + (i % (4 + k) === 0 ? 1 : 0)) % 3] }));
  return {
    'plots/loss.csv': `${loss.join('\n')}\n`,
    'plots/acc.json': JSON.stringify({ train: Array.from({ length: 15 }, (_, i) => ({ acc: 0.5 + i / (30 + k) })) }),
    'plots/roc.json': JSON.stringify({ roc: Array.from({ length: 11 }, (_, i) => ({ fpr: i / 10, tpr: Math.min(1, Math.sqrt(i / 10) + k / 100) })) }),
    'plots/confusion.json': JSON.stringify(confusion),
    'plots/importance.csv': `feature,importance\n${['petal_width', 'petal_length', 'sepal_length', 'sepal_width'].map((f, i) => `${f},${(0.5 / (i + 1) + k / 100).toFixed(3)}`).join('\n')}\n`,
  };
}

const DVC_YAML = `
plots:
  - plots/loss.csv: {x: epoch, y: [loss, val_loss], title: Loss}
  - plots/acc.json: {template: simple}
  - Smoothed: {template: smooth, y: {plots/acc.json: acc}}
  - ROC: {template: scatter, x: fpr, y: {plots/roc.json: tpr}}
  - Jitter: {template: scatter_jitter, x: actual, y: {plots/confusion.json: predicted}}
  - Confusion: {template: confusion, x: actual, y: {plots/confusion.json: predicted}}
  - Normalized: {template: confusion_normalized, x: actual, y: {plots/confusion.json: predicted}}
  - Importance: {template: bar_horizontal, x: importance, y: {plots/importance.csv: feature}}
  - Sorted: {template: bar_horizontal_sorted, x: importance, y: {plots/importance.csv: feature}}
`;

describe('every builtin template, base and head overlaid', () => {
  const repo = new TempRepo();
  let renderer: PlotRenderer;
  let prepared: PreparedPlot[];
  const svgs = new Map<string, string>();
  const pngs = new Map<string, Uint8Array>();

  before(async () => {
    const baseSha = repo.commit('base', { 'dvc.yaml': DVC_YAML, ...dataFiles(1) });
    repo.commit('head', dataFiles(3));
    const git = await GitRepo.open(repo.dir);
    const request: PlotsRequest = { workspace: repo.dir, base: { sha: baseSha, label: 'main' }, headLabel: 'feature', plotsPaths: null };
    const { definitions, errors } = await findPlotDefinitions(repo.dir, null);
    assert.deepEqual(errors, []);
    prepared = await preparePlots(git, request, definitions);
    renderer = await PlotRenderer.create(rendererAssets());
    for (const plot of prepared) {
      assert.equal(plot.kind, 'vega', plot.kind === 'error' ? plot.error : '');
      if (plot.kind !== 'vega') continue;
      const image = await renderer.render(plot.spec);
      const size = pngSize(image.png);
      assert.deepEqual(size, { width: image.width, height: image.height });
      assert.ok(image.png.length < 300_000, `${plot.id}: ${image.png.length} bytes`);
      svgs.set(plot.id, image.svg);
      pngs.set(plot.id, image.png);
    }
  });
  after(() => repo.remove());

  const marks = (id: string) => countMarks(svgs.get(id)!);

  test('linear: one line per revision × field, each with its end point; legend names both revisions, base first', () => {
    assert.deepEqual(marks('plots/loss.csv'), { line: 4, symbol: 4 });
    const svg = svgs.get('plots/loss.csv')!;
    assert.ok(svg.indexOf('>main<') < svg.indexOf('>feature<'), 'base listed first');
    assert.match(svg, /stroke="#945dd6"/);
    assert.match(svg, /stroke="#13adc7"/);
  });
  test('simple: just the lines; x defaults to the row index, called step', () => {
    assert.deepEqual(marks('plots/acc.json'), { line: 2 });
    assert.match(svgs.get('plots/acc.json')!, />step</);
  });
  test('smooth: raw and smoothed line per revision, and end points', () => {
    assert.deepEqual(marks('Smoothed'), { line: 4, symbol: 2 });
  });
  test('scatter: one point per row of each revision', () => {
    assert.deepEqual(marks('ROC'), { symbol: 22 });
  });
  test('scatter_jitter: one point per row of each revision', () => {
    assert.deepEqual(marks('Jitter'), { symbol: 60 });
  });
  test('confusion and confusion_normalized: a 3×3 matrix per revision, every cell labelled', () => {
    assert.deepEqual(marks('Confusion'), { rect: 18, text: 18 });
    assert.deepEqual(marks('Normalized'), { rect: 18, text: 18 });
  });
  test("every PNG holds the pixels resvg's own encoder writes for its SVG", () => {
    const fonts = rendererAssets().fonts;
    for (const [id, svg] of svgs) {
      const resvg = new Resvg(svg, {
        font: { fontBuffers: fonts, defaultFontFamily: FONT, sansSerifFamily: FONT, loadSystemFonts: false } as never,
        background: 'white',
      });
      const image = resvg.render();
      const theirs = pngPixels(image.asPng());
      image.free();
      resvg.free();
      const ours = pngPixels(pngs.get(id)!);
      assert.deepEqual([ours.width, ours.height], [theirs.width, theirs.height], id);
      assert.ok(Buffer.compare(ours.rgba, theirs.rgba) === 0, `${id}: pixels differ`);
    }
  });
  test('bar_horizontal(_sorted): a bar per feature and revision; sorted puts the largest first', () => {
    assert.deepEqual(marks('Importance'), { rect: 8 });
    assert.deepEqual(marks('Sorted'), { rect: 8 });
    const labels = [...svgs.get('Sorted')!.matchAll(/>(petal_width|petal_length|sepal_length|sepal_width)</g)].map((m) => m[1]);
    assert.deepEqual(labels.slice(0, 4), ['petal_width', 'petal_length', 'sepal_length', 'sepal_width']);
    const unsorted = [...svgs.get('Importance')!.matchAll(/>(petal_width|petal_length|sepal_length|sepal_width)</g)].map((m) => m[1]);
    assert.deepEqual(unsorted.slice(0, 4), ['petal_length', 'petal_width', 'sepal_length', 'sepal_width']);
  });
});

describe('renderPlots writes images and entries', () => {
  test('head-only data, a custom template, an image passthrough, bad input and remote data: each plot on its own', async () => {
    const repo = new TempRepo();
    try {
      // Both revisions define the plots: `dvc plots diff` draws a revision's data under its own definitions.
      const baseSha = repo.commit('base', {
        'dvc.yaml': `
plots:
  - plots/new.json: {y: score}
  - plots/loss.csv: {x: epoch, y: loss, template: tpl/custom.json}
  - img/cm.png
  - ValLoss: {x: epoch, y: {plots/loss.csv: val_loss}}
  - plots/bad.csv: {x: epoch, y: loss}
  - plots/empty.json
  - Remote: {template: tpl/remote.json, y: {plots/loss.csv: loss}}
  - Broken: {template: tpl/broken.json, y: {plots/loss.csv: loss}}
  - plots/fixed.json
`,
        'plots/loss.csv': 'epoch,loss\n0,1\n1,0.5\n',
        'plots/fixed.json': '[{"score": 1},',
        'img/cm.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 1]),
      });
      repo.commit('head', {
        'plots/fixed.json': '[{"score": 1}, {"score": 2}]',
        'plots/new.json': JSON.stringify([{ score: 1 }, { score: 2 }, { score: 4 }]),
        'plots/loss.csv': 'epoch,loss\n0,0.9\n1,0.4\n2,0.2\n',
        'plots/bad.csv': 'epoch,loss\n0,0.9\n1,oops\n',
        'plots/empty.json': '[]',
        'img/cm.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 2]),
        'tpl/custom.json': JSON.stringify({
          $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
          data: { values: '<DVC_METRIC_DATA>' },
          title: '<DVC_METRIC_TITLE>',
          mark: { type: 'point', filled: true },
          encoding: { x: { field: '<DVC_METRIC_X>', type: 'quantitative' }, y: { field: '<DVC_METRIC_Y>', type: 'quantitative' }, color: '<DVC_METRIC_COLOR>' },
        }),
        'tpl/broken.json': JSON.stringify({ data: { values: '<DVC_METRIC_DATA>' }, mark: 'sparkline', encoding: { y: { field: '<DVC_METRIC_Y>' } } }),
        'tpl/remote.json': JSON.stringify({ data: { url: 'http://127.0.0.1:9/data.json' }, mark: 'line', layer: [{ data: { values: '<DVC_METRIC_DATA>' } }] }),
      });
      const git = await GitRepo.open(repo.dir);
      const out = join(repo.dir, 'out');
      const log = new MemoryLogger();
      let renderersMade = 0;
      const entries = await renderPlots(
        git,
        { workspace: repo.dir, base: { sha: baseSha, label: 'main' }, headLabel: 'feature', plotsPaths: null, dir: out, linkPrefix: 'plots/' },
        async () => {
          renderersMade++;
          return PlotRenderer.create(rendererAssets());
        },
        log,
      );
      const byId = (id: string) => entries.filter((e) => e.id === id);
      assert.equal(renderersMade, 1);

      const [fresh] = byId('plots/new.json');
      assert.equal(fresh!.image, 'plots/plots-new-json.png');
      assert.deepEqual(fresh!.notes, ['no data at the base (main): showing feature only']);
      pngSize(readFileSync(join(out, 'plots-new-json.png')));

      const [custom] = byId('plots/loss.csv');
      const [missingField] = byId('ValLoss');
      assert.equal(custom!.error, undefined);
      pngSize(readFileSync(join(out, 'plots-loss-csv.png')));
      assert.match(missingField!.error!, /plot 'ValLoss' \(dvc\.yaml plots\[3\]\): plots\/loss\.csv has no y field 'val_loss' \(fields: epoch, loss\)/);
      assert.equal(missingField!.image, null);

      const [image] = byId('img/cm.png');
      assert.equal(image!.image, 'plots/img-cm-png.png');
      assert.equal(image!.baseImage, 'plots/img-cm-png.base.png');
      assert.deepEqual([...readFileSync(join(out, 'img-cm-png.png'))], [0x89, 0x50, 0x4e, 0x47, 2]);
      assert.deepEqual([...readFileSync(join(out, 'img-cm-png.base.png'))], [0x89, 0x50, 0x4e, 0x47, 1]);

      assert.match(byId('plots/bad.csv')[0]!.error!, /y field 'loss' in plots\/bad\.csv \(feature\) is "oops" at data row 2: expected a number/);
      assert.match(byId('plots/empty.json')[0]!.error!, /plots\/empty\.json has no data rows/);
      assert.match(byId('Remote')[0]!.error!, /tpl\/remote\.json: `data\.url` asks for data from "http:\/\/127\.0\.0\.1:9\/data\.json"; refused/);
      assert.match(byId('Broken')[0]!.error!, /^plot 'Broken' \(dvc\.yaml plots\[7\]\): tpl\/broken\.json: `mark` is "sparkline", not a Vega-Lite mark/);
      const [fixed] = byId('plots/fixed.json');
      assert.equal(fixed!.image, 'plots/plots-fixed-json.png');
      assert.equal(fixed!.notes.length, 2);
      assert.match(fixed!.notes[0]!, /^base \(main\): plots\/fixed\.json:1:\d+: invalid JSON/);
      assert.equal(fixed!.notes[1], 'no data at the base (main): showing feature only');
      assert.equal(log.lines.filter((l) => l.startsWith('warning:')).length, 5);
    } finally {
      repo.remove();
    }
  });

  test('a DagsHub metrics.csv becomes one plot per metric name, x = Step', async () => {
    const repo = new TempRepo();
    try {
      const rows = (k: number) => [
        'Name,Value,Timestamp,Step',
        ...[1, 2, 3].flatMap((s) => [`loss,${1 / (s + k)},170000000000${s},${s}`, `acc,${0.5 + s / 10},170000000000${s},${s}`]),
      ];
      const baseSha = repo.commit('base', { 'metrics.csv': `${rows(0).join('\n')}\n` });
      repo.commit('head', { 'metrics.csv': `${rows(1).join('\n')}\n` });
      const git = await GitRepo.open(repo.dir);
      const defs = await findPlotDefinitions(repo.dir, ['metrics.csv']);
      const prepared = await preparePlots(
        git,
        { workspace: repo.dir, base: { sha: baseSha, label: 'main' }, headLabel: 'pr', plotsPaths: ['metrics.csv'] },
        defs.definitions,
      );
      assert.deepEqual(
        prepared.map((p) => [p.id, p.title, p.kind]),
        [
          ['metrics.csv#loss', 'loss', 'vega'],
          ['metrics.csv#acc', 'acc', 'vega'],
        ],
      );
      const renderer = await PlotRenderer.create(rendererAssets());
      const spec = (prepared[0] as Extract<PreparedPlot, { kind: 'vega' }>).spec;
      const { svg } = await renderer.render(spec);
      assert.deepEqual(countMarks(svg), { line: 2, symbol: 2 });
    } finally {
      repo.remove();
    }
  });

  test('values near ±1e308 (a span wider than a double) draw a sane axis in units of a power of ten, never "NaN"', async () => {
    const repo = new TempRepo();
    try {
      // max − min of 1e308 and −1.5e308 overflows to Infinity: vega's scale had an infinite span, one "NaN" tick.
      const rows = (k: number, high: number, low: number) =>
        `step,v\n${Array.from({ length: 10 }, (_, i) => `${i},${i === 3 ? high : i === 6 ? low : i * k}`).join('\n')}\n`;
      const M = Number.MAX_VALUE;
      const baseSha = repo.commit('base', {
        'dvc.yaml': 'plots:\n  - a.csv: {x: step, y: v}\n  - b.csv: {x: step, y: v, template: scatter}\n  - c.csv: {x: v, y: step, template: bar_horizontal}\n',
        'a.csv': rows(1, 1e308, -1.5e308),
        'b.csv': rows(1, M, -M),
        'c.csv': rows(1, 1e308, -1e308),
      });
      repo.write({ 'a.csv': rows(2, 1e308, -1.5e308), 'b.csv': rows(2, M, -M), 'c.csv': rows(2, 1e308, -1e308) });
      const git = await GitRepo.open(repo.dir);
      const { definitions } = await findPlotDefinitions(repo.dir, null);
      const request = { workspace: repo.dir, base: { sha: baseSha, label: 'main' }, headLabel: 'feature', plotsPaths: null };
      const prepared = await preparePlots(git, request, definitions);
      await git.close();
      const renderer = await PlotRenderer.create(rendererAssets());
      const labels = new Map<string, string[]>();
      for (const plot of prepared) {
        assert.ok(plot.kind === 'vega', JSON.stringify(plot));
        const { svg } = await renderer.render(plot.spec);
        assert.ok(!/>(NaN|Infinity)</.test(svg), `${plot.id}: an axis label says NaN or Infinity`);
        labels.set(
          plot.id,
          [...svg.matchAll(/<text[^>]*>([^<]*)</g)].map((m) => m[1]!),
        );
      }
      // The axis counts in units of 1e308, from −1.5 to 1; the other axis is untouched.
      const a = labels.get('a.csv')!;
      assert.ok(a.includes('v (×1e308)'), a.join(' | '));
      for (const tick of ['−1.5', '−1.0', '0.0', '1.0']) assert.ok(a.includes(tick), `${tick}: ${a.join(' | ')}`);
      assert.ok(a.includes('step') && a.includes('9'), a.join(' | '));
      // The largest doubles themselves, either sign.
      const b = labels.get('b.csv')!;
      assert.ok(b.includes('v (×1e308)') && b.includes('−1.5') && b.includes('1.5'), b.join(' | '));
      // A bar chart's numeric x the same way.
      const c = labels.get('c.csv')!;
      assert.ok(c.includes('v (×1e308)') && c.includes('−1.0') && c.includes('1.0'), c.join(' | '));
    } finally {
      repo.remove();
    }
  });
});

describe('long series and revision names', () => {
  test('legends of long names stack into rows and columns, so the image stays about as wide as the chart', async () => {
    const repo = new TempRepo();
    try {
      const fields = Array.from({ length: 9 }, (_, i) => `val_metric_number_${i}_with_long_name`);
      const rows = (k: number) =>
        `epoch,${fields.join(',')}\n${Array.from({ length: 30 }, (_, e) => [e, ...fields.map((_, i) => Math.exp(-e / (5 + i + k)))].join(',')).join('\n')}\n`;
      const baseSha = repo.commit('base', {
        'dvc.yaml': `plots:\n  - Many: {x: epoch, y: {many.csv: [${fields.join(', ')}]}}\n  - Dots: {template: scatter, x: epoch, y: {many.csv: [${fields.slice(0, 4).join(', ')}]}}\n`,
        'many.csv': rows(0),
      });
      repo.commit('head', { 'many.csv': rows(1) });
      const git = await GitRepo.open(repo.dir);
      const { definitions } = await findPlotDefinitions(repo.dir, null);
      const headLabel = 'experiments/very-long-branch-name-for-lr-0.001_and_batch_size_256_with_augmentation';
      const prepared = await preparePlots(git, { workspace: repo.dir, base: { sha: baseSha, label: 'main' }, headLabel, plotsPaths: null }, definitions);
      await git.close();
      const renderer = await PlotRenderer.create(rendererAssets());
      for (const plot of prepared) {
        assert.ok(plot.kind === 'vega', JSON.stringify(plot));
        const { png, svg } = await renderer.render(plot.spec);
        // The plot is 640 (scatter 520) px wide, drawn at 2×: one row of nine legend entries made it 7,136 px.
        const { width } = pngSize(png);
        assert.ok(width <= 1700, `${plot.id}: ${width} px wide`);
        const texts = [...svg.matchAll(/<text[^>]*>([^<]*)</g)].map((m) => m[1]!);
        for (const field of plot.id === 'Many' ? fields : fields.slice(0, 4)) assert.ok(texts.includes(field), `${plot.id}: no legend entry ${field}`);
        assert.ok(texts.includes('experiments/very-long-branch…_size_256_with_augmentation'), texts.join(' | '));
      }
    } finally {
      repo.remove();
    }
  });

  test('names cut to fit stay apart: the part that differs is kept, in the legend and on a bar chart axis', async () => {
    const repo = new TempRepo();
    try {
      const series = ['eval/validation_loss_per_token_percentile_50', 'eval/validation_loss_per_token_percentile_95'];
      const features = Array.from({ length: 30 }, (_, i) => `tfidf_feature_token_${i}_${'x'.repeat(8 + ((i * 7) % 20))}`);
      repo.commit('base', {
        'dvc.yaml': `plots:\n  - Trunc: {x: epoch, y: {trunc.csv: [${series.join(', ')}]}}\n  - imp.json: {template: bar_horizontal_sorted, x: importance, y: feature}\n`,
        'trunc.csv': `epoch,${series.join(',')}\n0,1,1\n1,0.5,0.7\n2,0.2,0.4\n`,
        'imp.json': JSON.stringify(features.map((feature, i) => ({ feature, importance: ((i * 37) % 30) / 30 }))),
      });
      const git = await GitRepo.open(repo.dir);
      const { definitions } = await findPlotDefinitions(repo.dir, null);
      const prepared = await preparePlots(
        git,
        { workspace: repo.dir, base: { sha: 'HEAD', label: 'main' }, headLabel: 'feature', plotsPaths: null },
        definitions,
      );
      await git.close();
      const renderer = await PlotRenderer.create(rendererAssets());
      const texts = new Map<string, string[]>();
      for (const plot of prepared) {
        assert.ok(plot.kind === 'vega', JSON.stringify(plot));
        const { svg } = await renderer.render(plot.spec);
        texts.set(
          plot.id,
          [...svg.matchAll(/<text[^>]*>([^<]*)</g)].map((m) => m[1]!),
        );
      }
      const trunc = texts.get('Trunc')!;
      assert.ok(trunc.includes('eval/validation_lo…ken_percentile_50') && trunc.includes('eval/validation_lo…ken_percentile_95'), trunc.join(' | '));
      // Every feature's axis label names its own token, and no two labels are alike.
      const bars = texts.get('imp.json')!.filter((t) => t.startsWith('tfidf_feature_token_'));
      assert.equal(new Set(bars).size, features.length, bars.join(' | '));
      for (let i = 0; i < features.length; i++)
        assert.ok(
          bars.some((t) => t.startsWith(`tfidf_feature_token_${i}_`) || t.startsWith(`tfidf_feature_token_${i}…`)),
          `token ${i}: ${bars.join(' | ')}`,
        );
    } finally {
      repo.remove();
    }
  });

  test('long class names on a confusion matrix and a jitter plot stay apart on both axes, cut where they are alike', async () => {
    const repo = new TempRepo();
    try {
      const classes = [
        'category_electronics_accessories_headphones',
        'category_electronics_accessories_speakers',
        'category_home_kitchen_small_appliances_blenders',
        'category_home_kitchen_small_appliances_toasters',
        'short',
      ];
      const rows = classes.flatMap((actual, i) => classes.map((predicted, j) => ({ actual, predicted, n: i + j })));
      repo.commit('base', {
        'dvc.yaml':
          'plots:\n  - Confusion: {template: confusion, x: actual, y: {cm.json: predicted}}\n  - Jitter: {template: scatter_jitter, x: actual, y: {cm.json: predicted}}\n',
        'cm.json': JSON.stringify(rows),
      });
      const git = await GitRepo.open(repo.dir);
      const { definitions } = await findPlotDefinitions(repo.dir, null);
      const prepared = await preparePlots(git, { workspace: repo.dir, base: null, headLabel: 'feature', plotsPaths: null }, definitions);
      await git.close();
      const renderer = await PlotRenderer.create(rendererAssets());
      for (const plot of prepared) {
        assert.ok(plot.kind === 'vega', JSON.stringify(plot));
        const { svg } = await renderer.render(plot.spec);
        const texts = [...svg.matchAll(/<text[^>]*>([^<]*)</g)].map((m) => m[1]!);
        // Each axis draws a label a class: five distinct labels twice, each long one ending as its class does.
        const labels = texts.filter((t) => t.startsWith('category_') || t === 'short');
        assert.equal(labels.length, 10, `${plot.id}: ${labels.join(' | ')}`);
        assert.equal(new Set(labels).size, 5, `${plot.id}: ${labels.join(' | ')}`);
        for (const end of ['headphones', 'speakers', 'blenders', 'toasters'])
          assert.equal(labels.filter((l) => l.endsWith(end)).length, 2, `${plot.id} ${end}: ${labels.join(' | ')}`);
      }
    } finally {
      repo.remove();
    }
  });

  test('an 80-bar feature-importance chart of long names, base and head, stays under 300 KB, the pixels resvg draws', async () => {
    const repo = new TempRepo();
    try {
      const features = Array.from({ length: 80 }, (_, i) => `tfidf_feature_token_${i}_${'x'.repeat(4 + ((i * 7) % 30))}`);
      const importance = (k: number) => JSON.stringify(features.map((feature, i) => ({ feature, importance: ((i * 37 + k) % 80) / 80 })));
      const baseSha = repo.commit('base', {
        'dvc.yaml': 'plots:\n  - imp.json: {template: bar_horizontal_sorted, x: importance, y: feature}\n',
        'imp.json': importance(0),
      });
      repo.commit('head', { 'imp.json': importance(3) });
      const git = await GitRepo.open(repo.dir);
      const { definitions } = await findPlotDefinitions(repo.dir, null);
      const [plot] = await preparePlots(
        git,
        { workspace: repo.dir, base: { sha: baseSha, label: 'main' }, headLabel: 'feature', plotsPaths: null },
        definitions,
      );
      await git.close();
      assert.ok(plot?.kind === 'vega', JSON.stringify(plot));
      const renderer = await PlotRenderer.create(rendererAssets());
      const { png, svg } = await renderer.render(plot.spec);
      assert.equal(countMarks(svg).rect, 160);
      assert.ok(png.length < 300_000, `${png.length} bytes`);
      const resvg = new Resvg(svg, {
        font: { fontBuffers: rendererAssets().fonts, defaultFontFamily: FONT, sansSerifFamily: FONT, loadSystemFonts: false } as never,
        background: 'white',
      });
      const image = resvg.render();
      const theirs = pngPixels(image.asPng());
      image.free();
      resvg.free();
      const ours = pngPixels(png);
      assert.deepEqual([ours.width, ours.height], [theirs.width, theirs.height]);
      assert.ok(Buffer.compare(ours.rgba, theirs.rgba) === 0, 'pixels differ');
    } finally {
      repo.remove();
    }
  });
});
