import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GitRepo } from '../../src/git/repo';
import { chartSeries } from '../../src/plots/chart-series';
import { findPlotDefinitions, preparePlots } from '../../src/plots/collect';
import type { Datapoint, PreparedPlot } from '../../src/plots/types';
import { hostedImages } from '../../src/report/images';
import { mermaidChart } from '../../src/report/mermaid';
import { parseReportJson } from '../../src/report/parse';
import { plotsMarkdown } from '../../src/report/plots-markdown';
import { reportJson } from '../../src/report/to-json';
import type { PlotSeries } from '../../src/report/types';
import { TempRepo } from '../helpers/repo';
import { reportOf } from '../helpers/report';

const DVC_YAML = `
plots:
  - Loss: {x: epoch, y: {logs/train.csv: [loss, val_loss]}, title: Training loss}
  - logs/acc.json: {template: simple, y: acc}
  - logs/long.csv: {x: step, y: loss}
  - ROC: {template: scatter, x: fpr, y: {eval/roc.json: tpr}}
  - Jitter: {template: scatter_jitter, x: actual, y: {eval/cm.json: predicted}}
  - Confusion: {template: confusion, x: actual, y: {eval/cm.json: predicted}}
  - Importance: {template: bar_horizontal, x: importance, y: {eval/importance.csv: feature}}
  - Cloud: {template: scatter, x: x, y: {eval/cloud.json: y}}
  - Bins: {template: scatter_jitter, x: bin, y: {eval/cloud.json: y}}
`;

/** A long, noisy log with one spike: LTTB must keep the spike and both ends. */
function longLog(k: number): string {
  const rows = Array.from({ length: 5000 }, (_, i) => `${i},${i === 2500 ? 9 : (1 / (1 + i / 500) + k / 10 + ((i * 7919) % 13) / 1000).toFixed(4)}`);
  return `step,loss\n${rows.join('\n')}\n`;
}

function files(k: number, epochs: number): Record<string, string> {
  const train = [
    'epoch,loss,val_loss',
    ...Array.from({ length: epochs }, (_, e) => `${e + 1},${(1 / (e + 1 + k)).toFixed(4)},${(1.2 / (e + 1 + k)).toFixed(4)}`),
  ];
  return {
    'logs/train.csv': `${train.join('\n')}\n`,
    'logs/acc.json': JSON.stringify({ history: [0.5, 0.7, 0.8].map((a) => ({ acc: Number((a + k / 100).toFixed(2)) })) }),
    'logs/long.csv': longLog(k),
    'eval/roc.json': JSON.stringify([0, 0.2, 0.2, 1].map((fpr, i) => ({ fpr, tpr: [0, 0.6, 0.7, 1][i]! - k / 100 }))),
    'eval/cm.json': JSON.stringify([
      { actual: 'a', predicted: 'b' },
      { actual: 'b', predicted: 'b' },
    ]),
    'eval/importance.csv': 'feature,importance\nwidth,0.5\nlength,0.3\n',
    // Points in no order along x, as a scatter of predictions against targets is: a cloud, not a curve.
    'eval/cloud.json': JSON.stringify([0.3, -1.2, 2.1, 0.4, -0.5, 1.7].map((x, i) => ({ x: x + k / 10, y: ((i * 37) % 11) / 10, bin: i % 3 }))),
  };
}

describe('plot series for the Mermaid fallback, from a real two-revision repository', () => {
  const repo = new TempRepo();
  let prepared: PreparedPlot[];
  const series = (id: string): PlotSeries | undefined => {
    const plot = prepared.find((p) => p.id === id);
    assert.ok(plot && plot.kind === 'vega', id);
    return plot.series;
  };

  before(async () => {
    // The base trained 3 epochs, the PR 5: the chart spans all 5, the base's lines ending at its third.
    const baseSha = repo.commit('base', { 'dvc.yaml': DVC_YAML, ...files(1, 3) });
    repo.commit('head', files(2, 5));
    const git = await GitRepo.open(repo.dir);
    const { definitions } = await findPlotDefinitions(repo.dir, null);
    prepared = await preparePlots(git, { workspace: repo.dir, base: { sha: baseSha, label: 'main' }, headLabel: 'feature', plotsPaths: null }, definitions);
  });
  after(() => repo.remove());

  test('two fields × two revisions: one line each, named by revision and field, base beside head', () => {
    assert.deepEqual(series('Loss'), {
      x: [1, 2, 3, 4, 5],
      lines: [
        { name: 'main: loss', y: [0.5, 0.3333, 0.25, null, null] },
        { name: 'feature: loss', y: [0.3333, 0.25, 0.2, 0.1667, 0.1429] },
        { name: 'main: val_loss', y: [0.6, 0.4, 0.3, null, null] },
        { name: 'feature: val_loss', y: [0.4, 0.3, 0.24, 0.2, 0.1714] },
      ],
      xLabel: 'epoch',
      yLabel: 'loss, val_loss',
    });
  });

  test('one field: lines named by revision; x is the row index, called step', () => {
    assert.deepEqual(series('logs/acc.json'), {
      x: [0, 1, 2],
      lines: [
        { name: 'main', y: [0.51, 0.71, 0.81] },
        { name: 'feature', y: [0.52, 0.72, 0.82] },
      ],
      xLabel: 'step',
      yLabel: 'acc',
    });
  });

  test('a 5,000-step log: at most 40 points, LTTB keeps both ends and the spike, values are real rows', () => {
    const s = series('logs/long.csv')!;
    assert.ok(s.x.length <= 40 && s.x.length >= 30, String(s.x.length));
    assert.equal(s.x[0], 0);
    assert.equal(s.x.at(-1), 4999);
    const spike = s.x.indexOf(2500);
    assert.ok(spike > 0, 'the spike at step 2500 is kept');
    assert.equal(s.lines[0]!.y[spike], 9);
    assert.equal(s.lines[1]!.y[spike], 9);
    const rows = new Map(
      longLog(2)
        .trim()
        .split('\n')
        .slice(1)
        .map((r) => r.split(',').map(Number) as [number, number]),
    );
    s.x.forEach((x, i) => assert.equal(s.lines[1]!.y[i], rows.get(x as number)));
    assert.ok(JSON.stringify(s).length < 2000, 'small enough for report.json');
  });

  test('the chart of a 5,000-step log: one point per device pixel of its width (1,280 per line), ends and spike kept', () => {
    const plot = prepared.find((p) => p.id === 'logs/long.csv');
    assert.ok(plot && plot.kind === 'vega');
    assert.deepEqual(plot.notes, ['downsampled to 1,280 points per line (from 5,000, LTTB, shape kept)']);
    const points = (plot.spec.data as { values: Datapoint[] }).values;
    for (const rev of ['main', 'feature']) {
      const steps = points.filter((p) => p.rev === rev).map((p) => p.step);
      assert.equal(steps.length, 1280, rev);
      assert.deepEqual([steps[0], steps.at(-1), steps.includes(2500)], [0, 4999, true], rev);
    }
  });

  test('scatter: points sorted by x, a repeated x kept as a step (its first and last y), not averaged', () => {
    assert.deepEqual(series('ROC'), {
      x: [0, 0.2, 0.2, 1],
      lines: [
        { name: 'main', y: [-0.01, 0.59, 0.69, 0.99] },
        { name: 'feature', y: [-0.02, 0.6 - 2 / 100, 0.7 - 2 / 100, 0.98] },
      ],
      xLabel: 'fpr',
      yLabel: 'tpr',
    });
  });

  test('categories (scatter_jitter of class names), confusion matrices and bars: no series', () => {
    assert.equal(series('Jitter'), undefined);
    assert.equal(series('Confusion'), undefined);
    assert.equal(series('Importance'), undefined);
  });

  test('a scatter cloud and numeric jittered categories: no series, since no line runs through them; the comment says why', () => {
    assert.equal(series('Cloud'), undefined);
    assert.equal(series('Bins'), undefined);
    const cloud = prepared.find((p) => p.id === 'Cloud');
    assert.ok(cloud && cloud.kind === 'vega');
    const md = plotsMarkdown(
      [{ id: 'Cloud', title: 'Cloud', image: 'plots/Cloud.png', notes: [], ...(cloud.noChart ? { noChart: cloud.noChart } : {}) }],
      hostedImages(new Map(), 'the workflow artifact'),
    );
    assert.equal(
      md,
      '**Cloud**\n\n_Cloud: its points are a cloud, not a curve along x, and a Mermaid chart draws lines, not points; PNG `plots/Cloud.png` in the workflow artifact._',
    );
  });

  test('the series draws as a Mermaid chart with those values', () => {
    const chart = mermaidChart({ id: 'Loss', title: 'Training loss', image: null, notes: [], series: series('Loss')! })!;
    assert.match(
      chart,
      /x-axis "epoch" \[1, 2, 3, 4, 5\]\n {4}y-axis "loss, val_loss"\n {4}line \[0\.5, 0\.3333, 0\.25\]\n {4}line \[0\.3333, 0\.25, 0\.2, 0\.1667, 0\.1429\]/,
    );
    assert.match(chart, /🟦 `main: loss` · 🟧 `feature: loss` · 🟩 `main: val_loss` · 🟥 `feature: val_loss`/);
  });
});

describe('chartSeries on points', () => {
  /** One line's points as reduceSeries makes them: rev, series, and the x/y fields. */
  const col = (rev: string, xs: unknown[], ys: unknown[], field = 'loss'): Datapoint[] =>
    xs.map((x, i) => ({ rev, filename: 'l.csv', field, series: field, step: x, value: ys[i] }));
  const chart = (lines: Datapoint[][], multi = false, xLabel = '') => chartSeries({ points: lines.flat(), x: 'step', y: 'value', multi, xLabel, yLabel: '' });

  test('revisions logged at different steps are read on one x (between their points, linearly), each over its whole range', () => {
    const s = chart([col('main', [0, 10, 20], [1, 0.5, 0.25]), col('pr', [0, 5, 15, 30], [1, 0.6, 0.3, 0.1])], false, 'step')!;
    assert.deepEqual(s, {
      x: [0, 5, 10, 15, 20, 30],
      lines: [
        { name: 'main', y: [1, 0.75, 0.5, 0.375, 0.25, null] },
        { name: 'pr', y: [1, 0.6, 0.45, 0.3, 0.233333, 0.1] },
      ],
      xLabel: 'step',
    });
  });

  test('blank and NaN values are skipped; lines that share no x range each keep their own; text gives no series', () => {
    assert.deepEqual(chart([col('pr', ['0', '1', '2'], ['1', '', 'nan'])]), null);
    assert.deepEqual(chart([col('pr', ['0', '1', '2'], ['1', '', '0.5'])])!.x, [0, 2]);
    assert.deepEqual(chart([col('main', [0, 1], [1, 2]), col('pr', [2, 3], [1, 2])])!.lines, [
      { name: 'main', y: [1, 2, null, null] },
      { name: 'pr', y: [null, null, 1, 2] },
    ]);
    assert.equal(chart([col('pr', [0, 1], ['cat', 'dog'])]), null);
  });

  // sklearn's roc_curve: vertical steps (fpr repeated) and horizontal ones (tpr repeated), from (0, 0) to (1, 1).
  const FPR = [0, 0, 0, 0.02, 0.02, 0.05, 0.05, 0.1, 0.1, 0.2, 0.3, 0.3, 0.5, 0.7, 1];
  const TPR = [0, 0.1, 0.3, 0.3, 0.5, 0.5, 0.65, 0.65, 0.8, 0.85, 0.85, 0.9, 0.95, 0.98, 1];

  test("an ROC curve of vertical steps keeps them, each from its first y to its last, from (0, 0): no step's mean", () => {
    const s = chart([col('main', FPR, TPR)], false, 'fpr')!;
    assert.deepEqual(s.x, [0, 0, 0.02, 0.02, 0.05, 0.05, 0.1, 0.1, 0.2, 0.3, 0.3, 0.5, 0.7, 1]);
    assert.deepEqual(s.lines[0]!.y, [0, 0.3, 0.3, 0.5, 0.5, 0.65, 0.65, 0.8, 0.85, 0.85, 0.9, 0.95, 0.98, 1]);
    // Drawn on Mermaid's grid of its x: from (0, 0) to (1, 1), each step's start where it steps.
    const drawn = mermaidChart({ id: 'ROC', title: 'ROC', image: null, notes: [], series: s })!;
    assert.match(
      drawn,
      /x-axis "fpr" \[0, 0\.02, 0\.05, 0\.1, 0\.2, 0\.3, 0\.5, 0\.7, 1\]\n {4}line \[0, 0\.3, 0\.5, 0\.65, 0\.85, 0\.85, 0\.95, 0\.98, 1\]\n/,
    );
    // A curve that reaches fpr 1 before tpr 1 ends with a step: the chart still ends at (1, 1).
    const late = chart([col('main', [0, 0, 0.5, 1, 1], [0, 0.5, 0.7, 0.9, 1])], false, 'fpr')!;
    assert.match(mermaidChart({ id: 'ROC', title: 'ROC', image: null, notes: [], series: late })!, /x-axis "fpr" \[0, 0\.5, 1\]\n {4}line \[0, 0\.7, 1\]\n/);
    // A precision-recall curve by falling recall steps the same way, read in the order it runs.
    const pr = chart([col('main', [1, 0.5, 0.5, 0], [0.5, 0.6, 0.8, 1])])!;
    assert.deepEqual(
      [pr.x, pr.lines[0]!.y],
      [
        [0, 0.5, 0.5, 1],
        [1, 0.8, 0.6, 0.5],
      ],
    );
  });

  test('a step of one line is a step on the shared x; the other line reads its own value there twice', () => {
    const s = chart([col('main', [0, 0.5, 1], [0, 0.6, 1]), col('pr', FPR, TPR)])!;
    assert.deepEqual(s.x, [0, 0, 0.02, 0.02, 0.05, 0.05, 0.1, 0.1, 0.2, 0.3, 0.3, 0.5, 0.7, 1]);
    assert.deepEqual(s.lines[0]!.y.slice(0, 4), [0, 0, 0.024, 0.024]);
    assert.deepEqual(s.lines[0]!.y.slice(9, 12), [0.36, 0.36, 0.6]);
    assert.deepEqual(s.lines[1]!.y.slice(0, 4), [0, 0.3, 0.3, 0.5]);
    assert.deepEqual(s.lines[1]!.y.slice(9, 12), [0.85, 0.9, 0.95]);
  });

  test('a long stepped curve is downsampled with LTTB to the chart’s points, its ends and steps kept as points of the curve', () => {
    // 200 steps up, each a vertical then a horizontal run: 400 points.
    const fpr = Array.from({ length: 200 }, (_, i) => [i / 200, i / 200]).flat();
    const tpr = Array.from({ length: 200 }, (_, i) => [Math.sqrt(i / 200), Math.sqrt((i + 1) / 200)]).flat();
    const s = chart([col('main', [...fpr, 1], [...tpr, 1])])!;
    assert.ok(s.x.length <= 40, String(s.x.length));
    assert.deepEqual([s.x[0], s.lines[0]!.y[0], s.x.at(-1), s.lines[0]!.y.at(-1)], [0, 0, 1, 1]);
    // Every point kept is one of the curve's corners: no mean of a step.
    const corners = new Set(fpr.map((x, i) => `${x},${tpr[i]}`));
    corners.add('1,1');
    for (let i = 0; i < s.x.length; i++) assert.ok(corners.has(`${s.x[i]},${s.lines[0]!.y[i]}`), `${s.x[i]},${s.lines[0]!.y[i]}`);
  });

  test('at most 8 lines, fields kept whole (base and head together)', () => {
    const fields = ['a', 'b', 'c', 'd', 'e'];
    const all = [...fields.map((f) => col('main', [0, 1], [1, 2], f)), ...fields.map((f) => col('pr', [0, 1], [1, 2], f))];
    const s = chart(all, true)!;
    assert.deepEqual(
      s.lines.map((l) => l.name),
      ['main: a', 'pr: a', 'main: b', 'pr: b', 'main: c', 'pr: c', 'main: d', 'pr: d'],
    );
  });
});

test('a plot with more lines than a chart draws says how many it shows: the image has every line', () => {
  const points: Datapoint[] = [];
  for (const rev of ['main', 'pr'])
    for (let f = 0; f < 9; f++) for (let step = 0; step < 5; step++) points.push({ rev, series: `field_${f}`, step, value: step * (f + 1) });
  const series = chartSeries({ points, x: 'step', y: 'value', multi: true, xLabel: 'step', yLabel: 'value' })!;
  assert.equal(series.lines.length, 8);
  assert.equal(series.linesLeftOut, 10);
  const chart = mermaidChart({ id: 'Many', title: 'Many', image: null, notes: [], series })!;
  assert.match(chart, /Showing 8 of 18 lines: the plot's image has every line\./);
});

test("a plot's reason for having no chart reads back from report.json (mode: publish draws from it)", () => {
  const report = reportOf({
    schemaVersion: 2,
    tool: { name: 'mlreport', version: '0.1.0' },
    base: { sha: '3'.repeat(40), label: 'main' },
    head: { sha: null, label: 'feature' },
    params: [],
    metrics: [],
    plots: [{ id: 'Cloud', title: 'Cloud', image: 'plots/Cloud.png', notes: [], noChart: 'its points are a cloud' }],
    gates: null,
    pipeline: null,
    warnings: [],
  });
  assert.deepEqual(parseReportJson(JSON.stringify(reportJson(report))).plots, report.plots);
});

test("a line that starts after the others says where, in the report's number format", () => {
  const x = [-2.89625, -2.8605259885869323, -1, 0, 1, 2.95479];
  const series: PlotSeries = {
    x,
    lines: [
      { name: 'main', y: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] },
      { name: 'feat', y: [null, 0.25, 0.35, 0.45, 0.55, 0.65] },
    ],
  };
  const chart = mermaidChart({ id: 'p', title: 'p', image: null, notes: [], series })!;
  assert.match(chart, /\n_feat has no values before −2\.861: its line is flat there\._/);
});
