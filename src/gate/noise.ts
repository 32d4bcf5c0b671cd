import type { HistoryStats } from '../history/types';
import { formatApart, formatNumber } from '../util/numbers';
import type { HistoryStat, NoiseBand } from './types';

/** How many standard deviations the band spans when a rule names none (`accuracy >= history.mean`). */
const DEFAULT_K = 3;

/**
 * Other histories the threshold is worked out on, to tell whether it is an edge of the band by its form (mean − k·std,
 * the min, …) rather than by chance (a rule on the mean alone over values that never moved has its threshold on a band
 * of width 0). n stays the history's: a rule may divide by it.
 */
const PROBES = [
  { mean: 0.5377, std: 0.0419, min: 0.4813, max: 0.6061 },
  { mean: 13.1, std: 2.3, min: 9.7, max: 17.9 },
] as const;

/**
 * The noise band a history rule used, and whether the head's value is within it. A rule on `history.std` spans
 * mean ± k·std with its own k (`stdWeight`: how much its threshold moves per unit of std, 3 for
 * `history.mean - 3 * history.std`); a rule on `history.min`/`history.max` alone spans the history's [min, max]; any
 * other, mean ± 3·std. `thresholdAt`: the rule's threshold on a history's stats. The band is the rule's own
 * (`thresholdEdge`) when the threshold is one of its edges whatever the history; otherwise (a rule on the mean alone,
 * on `base - 2 * history.std`, with an offset) the band only shows the noise beside the threshold, and the text says
 * where the threshold is against it, so that a rule broken within noise, or held beyond it, reads as the gate judged.
 * Pure.
 */
export function noiseBand(
  used: readonly HistoryStat[],
  stdWeight: number | null,
  stats: HistoryStats,
  head: number,
  thresholdAt: (stats: HistoryStats) => number,
): NoiseBand {
  const k = stdWeight !== null && Number.isFinite(stdWeight) && stdWeight > 0 ? stdWeight : null;
  const range = k === null && (used.includes('min') || used.includes('max'));
  const width = k ?? DEFAULT_K;
  const edges = (s: Pick<HistoryStats, 'mean' | 'std' | 'min' | 'max'>): { low: number; high: number } =>
    range ? { low: s.min, high: s.max } : { low: s.mean - width * s.std, high: s.mean + width * s.std };
  const { low, high } = edges(stats);
  const band = range ? { low, high, center: null, k: null } : { low, high, center: stats.mean, k: width };
  const threshold = thresholdAt(stats);
  // The edges and the threshold with the digits that tell them from the head's value: never "0.7909 beyond [0.7909, …]".
  const [lowText, highText, thresholdText] = formatApart([low, high, threshold, head]);
  const text = range
    ? `min–max of ${stats.n} = [${lowText}, ${highText}]`
    : `${formatNumber(stats.mean)} ± ${formatNumber(width)}×${formatNumber(stats.std)} = [${lowText}, ${highText}]`;
  const thresholdEdge = PROBES.every((probe) => {
    const at = thresholdAt({ ...stats, ...probe });
    const e = edges(probe);
    return near(at, e.low) || near(at, e.high);
  });
  const within = head >= low && head <= high;
  const where = within ? 'within noise' : `beyond noise (${head > high ? 'above' : 'below'})`;
  const apart = thresholdEdge
    ? ''
    : `; not the rule’s band: its threshold ${thresholdText} is ${threshold < low ? 'below' : threshold > high ? 'above' : 'inside'} it`;
  return { n: stats.n, stats, band: { ...band, thresholdEdge }, verdict: within ? 'within' : 'beyond', text: `${text}: ${where}${apart}` };
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A history rule with under 3 values: no band, and the words the report uses. */
export function notEnoughHistory(n: number): NoiseBand {
  return { n, stats: null, band: null, verdict: 'not-enough-history', text: `not enough history (n=${n})` };
}
