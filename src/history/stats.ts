import type { HistoryStats } from './types';

/** Fewer values than this say nothing about the noise: no stats, and rules that need them follow `missing-base`. */
const MIN_HISTORY = 3;

/** n, mean, sample standard deviation (n − 1), min and max; null for fewer than MIN_HISTORY values. Pure. */
export function historyStats(values: readonly number[]): HistoryStats | null {
  const n = values.length;
  if (n < MIN_HISTORY) return null;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  // Two passes: the squared deviations from the mean, not Σx² − n·mean², which loses digits when the spread is small.
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { n, mean, std: Math.sqrt(squares / (n - 1)), min, max };
}
