import type { HistoryStats } from '../history/types';
import { formatNumber } from '../util/numbers';
import type { HistoryStat, NoiseBand } from './types';

/** How many standard deviations the band spans when a rule names none (`accuracy >= history.mean`). */
const DEFAULT_K = 3;

/**
 * The noise band a history rule used, and whether the head's value is within it. A rule on `history.std` spans
 * mean ± k·std with its own k (`stdWeight`: how much its threshold moves per unit of std, 3 for
 * `history.mean - 3 * history.std`); a rule on `history.min`/`history.max` alone spans the history's [min, max]; any
 * other, mean ± 3·std. Pure.
 */
export function noiseBand(used: readonly HistoryStat[], stdWeight: number | null, stats: HistoryStats, head: number): NoiseBand {
  const k = stdWeight;
  let band: NonNullable<NoiseBand['band']>;
  let text: string;
  if (k !== null && Number.isFinite(k) && k > 0) {
    band = { low: stats.mean - k * stats.std, high: stats.mean + k * stats.std, center: stats.mean, k };
    text = `${formatNumber(stats.mean)} ± ${formatNumber(k)}×${formatNumber(stats.std)} = [${formatNumber(band.low)}, ${formatNumber(band.high)}]`;
  } else if (used.includes('min') || used.includes('max')) {
    band = { low: stats.min, high: stats.max, center: null, k: null };
    text = `min–max of ${stats.n} = [${formatNumber(stats.min)}, ${formatNumber(stats.max)}]`;
  } else {
    band = { low: stats.mean - DEFAULT_K * stats.std, high: stats.mean + DEFAULT_K * stats.std, center: stats.mean, k: DEFAULT_K };
    text = `${formatNumber(stats.mean)} ± ${DEFAULT_K}×${formatNumber(stats.std)} = [${formatNumber(band.low)}, ${formatNumber(band.high)}]`;
  }
  const within = head >= band.low && head <= band.high;
  const where = within ? 'within noise' : `beyond noise (${head > band.high ? 'above' : 'below'})`;
  return { n: stats.n, stats, band, verdict: within ? 'within' : 'beyond', text: `${text}: ${where}` };
}

/** A history rule with under 3 values: no band, and the words the report uses. */
export function notEnoughHistory(n: number): NoiseBand {
  return { n, stats: null, band: null, verdict: 'not-enough-history', text: `not enough history (n=${n})` };
}
