import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { builtinSpec, shortLabels, wrap, type SpecInput } from '../../src/plots/spec';
import { plotsMarkdown } from '../../src/report/plots-markdown';

const input = (over: Partial<SpecInput>): SpecInput => ({
  template: 'linear',
  title: 'T',
  subtitle: [],
  x: 'step',
  y: 'loss',
  xLabel: 'step',
  yLabel: 'loss',
  revs: [
    { label: 'zeta-base', color: '#945dd6' },
    { label: 'alpha-pr', color: '#13adc7' },
  ],
  series: [],
  points: [],
  ...over,
});

test('the colour scale keeps base first even when the head sorts before it alphabetically', () => {
  const spec = builtinSpec(input({})) as { encoding: { color: { scale: { domain: string[]; range: string[] } } } };
  assert.deepEqual(spec.encoding.color.scale, { domain: ['zeta-base', 'alpha-pr'], range: ['#945dd6', '#13adc7'] });
});

test('confusion: counts every cell, zeros included, per revision', () => {
  const points = [
    { rev: 'zeta-base', series: 'p', actual: 'a', predicted: 'a' },
    { rev: 'zeta-base', series: 'p', actual: 'a', predicted: 'b' },
    { rev: 'alpha-pr', series: 'p', actual: 'b', predicted: 'b' },
  ];
  const spec = builtinSpec(input({ template: 'confusion', x: 'actual', y: 'predicted', points })) as { data: { values: Record<string, unknown>[] } };
  const cells = spec.data.values.map((c) => `${c.rev}:${c.actual}/${c.predicted}=${c.xy_count}`);
  assert.deepEqual(cells, [
    'zeta-base:a/a=1',
    'zeta-base:a/b=1',
    'zeta-base:b/a=0',
    'zeta-base:b/b=0',
    'alpha-pr:a/a=0',
    'alpha-pr:a/b=0',
    'alpha-pr:b/a=0',
    'alpha-pr:b/b=1',
  ]);
});

test('confusion_normalized: each cell as a share of its y value (DVC percent_of_y)', () => {
  const points = [
    { rev: 'r', series: 'p', actual: 'a', predicted: 'a' },
    { rev: 'r', series: 'p', actual: 'b', predicted: 'a' },
    { rev: 'r', series: 'p', actual: 'b', predicted: 'a' },
    { rev: 'r', series: 'p', actual: 'b', predicted: 'b' },
  ];
  const spec = builtinSpec(input({ template: 'confusion_normalized', x: 'actual', y: 'predicted', revs: [{ label: 'r', color: '#000' }], points })) as {
    data: { values: Record<string, unknown>[] };
  };
  const share = Object.fromEntries(spec.data.values.map((c) => [`${c.actual}/${c.predicted}`, c.percent_of_y]));
  assert.deepEqual(share, { 'a/a': 1 / 3, 'b/a': 2 / 3, 'a/b': 0, 'b/b': 1 });
});

test('the markdown lists each plot with a relative image link, its notes, or its error', () => {
  const md = plotsMarkdown([
    { id: 'plots/loss.csv', title: 'Loss', image: 'plots/plots-loss-csv.png', notes: ['downsampled to 2,000 points per line'] },
    { id: 'cm', title: 'cm', image: null, notes: [], error: "plot 'cm': no data" },
  ]);
  assert.equal(
    md,
    [
      '**Loss** (`plots/loss.csv`)',
      '',
      '![Loss](plots/plots-loss-csv.png)',
      '',
      '_downsampled to 2,000 points per line_',
      '',
      '**cm**',
      '',
      "_could not be drawn: plot 'cm': no data_",
    ].join('\n'),
  );
});

test('a category template refuses an axis with too many values, naming the field', () => {
  const points = Array.from({ length: 80 }, (_, i) => ({ rev: 'r', series: 'p', actual: i * 0.37, predicted: 1 }));
  assert.throws(
    () => builtinSpec(input({ template: 'confusion', x: 'actual', y: 'predicted', points })),
    /x field 'actual' has 80 different values; the confusion template draws at most 50 categories/,
  );
});

test('long titles and labels wrap at spaces or path separators, so vega does not widen the image', () => {
  assert.deepEqual(wrap('Validation accuracy per training epoch', 20), ['Validation accuracy', 'per training epoch']);
  assert.deepEqual(wrap('eval/plots/sklearn/roc/train.json', 16), ['eval/plots/', 'sklearn/roc/', 'train.json']);
  assert.deepEqual(wrap('x'.repeat(25), 10), ['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  const spec = builtinSpec(input({ title: 'A very long title that goes on and on about the validation loss of the model' })) as { title: { text: string[] } };
  assert.deepEqual(spec.title.text, ['A very long title that goes on and on about the', 'validation loss of the model']);
});

test('confusion: a file one revision lacks keeps its place in the grid as a cell with no count', () => {
  // vega lays facets out one after another: without the stand-in, the head's next matrix would sit under the wrong file.
  const points = [
    { rev: 'zeta-base', series: 'train.json', actual: 'a', predicted: 'a' },
    { rev: 'zeta-base', series: 'test.json', actual: 'a', predicted: 'b' },
    { rev: 'alpha-pr', series: 'train.json', actual: 'b', predicted: 'b' },
  ];
  const spec = builtinSpec(input({ template: 'confusion', x: 'actual', y: 'predicted', series: ['train.json', 'test.json'], points })) as {
    data: { values: Record<string, unknown>[] };
  };
  const cells = spec.data.values.filter((c) => c.rev === 'alpha-pr' && c.series === 'test.json');
  assert.deepEqual(cells, [{ rev: 'alpha-pr', series: 'test.json', actual: 'a', predicted: 'a', xy_count: null, percent_of_max: null }]);
  assert.equal(spec.data.values.filter((c) => c.xy_count === null).length, 1);
});

test('labels cut to fit keep what tells them apart, and stay whole when no cut can', () => {
  const short = shortLabels(['eval/loss_percentile_50', 'eval/loss_percentile_95', 'token_2_xxxxxxxxxxxx', 'token_20_xxxxxxxxxxx', 'loss'], 12);
  assert.deepEqual(Object.fromEntries(short), {
    'eval/loss_percentile_50': 'eval/l…le_50',
    'eval/loss_percentile_95': 'eval/l…le_95',
    token_2_xxxxxxxxxxxx: 'token_2_…xxx',
    token_20_xxxxxxxxxxx: 'token_20…xxx',
    loss: 'loss',
  });
  // They differ only in the middle, further from either end than 12 characters reach.
  const middle = ['abcdefghij_1_klmnopqrst', 'abcdefghij_2_klmnopqrst'];
  assert.deepEqual([...shortLabels(middle, 12).values()], middle);
});

test('smooth: the curve is drawn at the smoothing DVC opens its template at (0.001), which is the data itself', async () => {
  // dvc-render's SmoothLinearTemplate: params [{name: smooth, value: 0.001}], loess bandwidth {signal: smooth}.
  const points = Array.from({ length: 50 }, (_, i) => ({ rev: 'alpha-pr', series: 'loss', step: i, loss: Math.sin(i) + i / 50 }));
  points[49]!.loss = 1;
  const spec = builtinSpec(input({ template: 'smooth', revs: [{ label: 'alpha-pr', color: '#13adc7' }], points }));
  const compiled = compile(spec as never).spec as { data: { name: string; transform?: { type: string }[] }[] };
  const view = new vega.View(vega.parse(compiled as never), { renderer: 'none' });
  await view.runAsync();
  const loess = compiled.data.find((d) => d.transform?.some((t) => t.type === 'loess'));
  assert.ok(loess, 'a LOESS transform');
  const curve = (view.data(loess.name) as { step: number; loss: number }[]).map((p) => [p.step, p.loss]);
  assert.equal(curve.length, points.length);
  curve.forEach(([step, loss], i) => {
    assert.equal(step, points[i]!.step);
    assert.ok(Math.abs(loss! - points[i]!.loss) < 1e-9, `step ${step}: ${loss} on the curve, ${points[i]!.loss} in the data`);
  });
});
