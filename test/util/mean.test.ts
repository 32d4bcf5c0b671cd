import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactMean, meanAndStd } from '../../src/util/mean';

// Each expectation is Python's `statistics.mean` / `statistics.stdev` of the same list (3.11: exact sums, the result
// rounded once), beside what a float sum divided by n gives.
test('the mean of one value repeated is that value, and its std 0, where a float sum drifts', () => {
  // sum(20 × 0.3934) / 20 is 0.3933999999999999: `loss <= history.mean` broke on a loss that did not move.
  assert.deepEqual(meanAndStd(Array<number>(20).fill(0.3934)), { mean: 0.3934, std: 0 });
  // sum(3 × 0.1) / 3 is 0.10000000000000002: a sweep's `train_loss <= 0.1` broke where every job's held.
  assert.deepEqual(meanAndStd([0.1, 0.1, 0.1]), { mean: 0.1, std: 0 });
  for (const v of [0.8033, -2.5e-7, 1e300, 123456.789]) assert.deepEqual(meanAndStd(Array<number>(17).fill(v)), { mean: v, std: 0 });
});

test('mixed values give what Python statistics gives, to the last bit', () => {
  const cases: [number[], number, number][] = [
    [[0.8033, 0.8033, 0.8033, 0.8033, 0.8033, 0.8033, 0.8033, 0.8], 0.8028875, 0.0011667261889577926],
    [[0.842, 0.848, 0.836, 0.845, 0.839, 0.851, 0.84, 0.844, 0.838, 0.847], 0.843, 0.004830458915396484],
    // float: 1000000000.2000002
    [[1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3], 1000000000.2, 0.09999996423721906],
    [[0.1, 0.2, 0.3, 0.4], 0.25, 0.12909944487358058],
    [[2, 4, 4, 4, 5, 5, 7, 9], 5, 2.138089935299395],
    // float: 0
    [[1e16, 1, -1e16], 0.3333333333333333, 1e16],
  ];
  for (const [values, mean, std] of cases) assert.deepEqual(meanAndStd(values), { mean, std }, String(values));
});

test('one value has no std, none has no mean; a non-finite value gives what float arithmetic gives', () => {
  assert.deepEqual(meanAndStd([0.7]), { mean: 0.7, std: null });
  assert.ok(Number.isNaN(exactMean([])));
  assert.equal(exactMean([1, Infinity]), Infinity);
  assert.ok(Number.isNaN(meanAndStd([1, Infinity, -Infinity]).mean));
  assert.equal(exactMean([-0.3, -0.3, -0.3]), -0.3);
});
