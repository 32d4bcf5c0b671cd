import { meanAndStd } from '../util/mean';
import type { HistoryStats } from './types';

/** Fewer values than this say nothing about the noise: no stats, and rules that need them follow `missing-base`. */
const MIN_HISTORY = 3;

/**
 * n, mean, sample standard deviation (n − 1), min and max; null for fewer than MIN_HISTORY values. Mean and std are
 * exact, rounded once (meanAndStd): a history of one value repeated has that value as its mean and 0 as its std. Pure.
 */
export function historyStats(values: readonly number[]): HistoryStats | null {
  const n = values.length;
  if (n < MIN_HISTORY) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const { mean, std } = meanAndStd(values);
  return { n, mean, std: std!, min, max };
}
