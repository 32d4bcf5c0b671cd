import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lttbIndices } from '../../src/plots/lttb';
import { reduceSeries } from '../../src/plots/series';
import { revisionSeries, type SeriesColumns } from '../../src/plots/datapoints';
import { parsePlotData } from '../../src/plots/data';

/** The series of an `l.csv` with columns step and loss, as a plot with x: step, y: loss reads it. */
function seriesOf(rev: string, xs: string[], ys: string[]): SeriesColumns {
  const data = parsePlotData('l.csv', `step,loss\n${xs.map((x, i) => `${x},${ys[i]}`).join('\n')}\n`);
  return revisionSeries([{ file: 'l.csv', x: 'step', ys: ['loss'], dagshub: false }], rev, new Map([['l.csv', data]]))[0]!;
}

test('LTTB keeps the requested count, the first and last points, and a lone spike', () => {
  const n = 100_000;
  const xs = Float64Array.from({ length: n }, (_, i) => i);
  const ys = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 5000) + (i === 43_210 ? 50 : 0));
  const kept = lttbIndices(xs, ys, 2000);
  assert.equal(kept.length, 2000);
  assert.equal(kept[0], 0);
  assert.equal(kept.at(-1), n - 1);
  assert.ok(kept.includes(43_210), 'the spike survives');
  assert.ok(
    kept.every((v, i) => i === 0 || v > kept[i - 1]!),
    'indices ascend',
  );
});

test('LTTB leaves short series alone', () => {
  assert.deepEqual(lttbIndices([0, 1, 2], [5, 6, 7], 2000), [0, 1, 2]);
});

test('reduceSeries: LTTB per series (sorted by x first), NaN rows skipped, text rows named', () => {
  const column = (rev: string, badRow?: number) => {
    const xs = Array.from({ length: 5000 }, (_, i) => String(4999 - i));
    const ys = Array.from({ length: 5000 }, (_, i) => String(i % 7));
    ys[10] = 'nan';
    if (badRow !== undefined) ys[badRow - 1] = 'oops';
    return seriesOf(rev, xs, ys);
  };
  const r = reduceSeries([column('base'), column('head')], { x: 'step', y: 'loss', numericX: true, numericY: true, reduce: 'lines' }, 1000);
  assert.equal(r.from, 4999);
  assert.equal(r.dropped, 2);
  assert.equal(r.points.filter((p) => p.rev === 'base').length, 1000);
  const steps = r.points.filter((p) => p.rev === 'head').map((p) => p.step as number);
  assert.deepEqual([steps[0], steps.at(-1)], [0, 4999], 'sorted by x first');
  assert.throws(
    () => reduceSeries([column('head', 42)], { x: 'step', y: 'loss', numericX: true, numericY: true, reduce: 'lines' }),
    /y field 'loss' in l\.csv \(head\) is "oops" at data row 42: expected a number/,
  );
});

test('reduceSeries: a log without blanks whose steps run backwards is sorted before LTTB too', () => {
  const xs = Array.from({ length: 5000 }, (_, i) => String(4999 - i));
  const ys = Array.from({ length: 5000 }, (_, i) => String(i % 7));
  const r = reduceSeries([seriesOf('head', xs, ys)], { x: 'step', y: 'loss', numericX: true, numericY: true, reduce: 'lines' }, 1000);
  assert.equal(r.dropped, 0);
  const steps = r.points.map((p) => p.step as number);
  assert.equal(steps.length, 1000);
  assert.deepEqual([steps[0], steps.at(-1)], [0, 4999]);
  assert.ok(
    steps.every((s, i) => i === 0 || s > steps[i - 1]!),
    'ascending',
  );
});
