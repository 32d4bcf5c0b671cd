import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lttbIndices } from '../../src/plots/lttb';
import { downsampleLines } from '../../src/plots/series';

test('LTTB keeps the requested count, the first and last points, and a lone spike', () => {
  const n = 100_000;
  const xs = Float64Array.from({ length: n }, (_, i) => i);
  const ys = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 5000) + (i === 43_210 ? 50 : 0));
  const kept = lttbIndices(xs, ys, 2000);
  assert.equal(kept.length, 2000);
  assert.equal(kept[0], 0);
  assert.equal(kept.at(-1), n - 1);
  assert.ok(kept.includes(43_210), 'the spike survives');
  assert.ok(kept.every((v, i) => i === 0 || v > kept[i - 1]!), 'indices ascend');
});

test('LTTB leaves short series alone', () => {
  assert.deepEqual(lttbIndices([0, 1, 2], [5, 6, 7], 2000), [0, 1, 2]);
});

test('downsampleLines works per series and reports the original length', () => {
  const points = ['base', 'head'].flatMap((rev) => Array.from({ length: 5000 }, (_, i) => ({ rev, series: 'loss', step: 4999 - i, loss: i % 7 })));
  const d = downsampleLines(points, 'step', 'loss', 1000);
  assert.equal(d.from, 5000);
  assert.equal(d.points.filter((p) => p.rev === 'base').length, 1000);
  assert.equal(d.points.filter((p) => p.rev === 'head').length, 1000);
  const steps = d.points.filter((p) => p.rev === 'head').map((p) => p.step as number);
  assert.deepEqual([steps[0], steps.at(-1)], [0, 4999], 'sorted by x first');
});
