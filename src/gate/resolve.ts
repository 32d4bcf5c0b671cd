import { editDistance } from '../util/edit-distance';
import type { MetricLookup, MetricRef } from './types';

export type Resolution = { kind: 'found'; metric: MetricLookup } | { kind: 'ambiguous'; candidates: MetricLookup[] } | { kind: 'unknown'; closest: string[] };

/** `file:key` as rules and messages write it. */
export function metricName(m: { file: string; key: string }): string {
  return `${m.file}:${m.key}`;
}

/**
 * Finds the metric a rule names. The file, when given, is a path or a path suffix (`metrics.json` matches
 * `eval/metrics.json`). The key is exact, or else a unique `.`-separated suffix (`loss` matches `train.loss`).
 * Exact matches win over suffix matches; several equally good matches are ambiguous.
 */
export function resolveMetric(ref: MetricRef, metrics: MetricLookup[]): Resolution {
  const inFile = ref.file === null ? metrics : metrics.filter((m) => m.file === ref.file || m.file.endsWith(`/${ref.file}`));
  const exactFile = ref.file === null ? inFile : inFile.filter((m) => m.file === ref.file);
  const files = exactFile.length ? exactFile : inFile;
  const exact = files.filter((m) => m.key === ref.key);
  const suffix = files.filter((m) => m.key.endsWith(`.${ref.key}`));
  const matches = exact.length ? exact : suffix;
  if (matches.length === 1) return { kind: 'found', metric: matches[0]! };
  if (matches.length > 1) return { kind: 'ambiguous', candidates: matches };
  return { kind: 'unknown', closest: closestNames(ref, metrics) };
}

/** Up to three known metric names nearest to what the rule wrote (edit distance), nearest first. */
function closestNames(ref: MetricRef, metrics: MetricLookup[], limit = 3): string[] {
  const wanted = (ref.file === null ? ref.key : `${ref.file}:${ref.key}`).toLowerCase();
  const key = ref.key.toLowerCase();
  // The nearest `limit` so far, nearest first: a project of 10,000 metrics is scanned once, not sorted (ties are
  // broken by localeCompare, which is slow), and a name that cannot come nearer than the last kept is not scored.
  const best: { full: string; distance: number }[] = [];
  const bound = (): number => (best.length < limit ? Infinity : best[limit - 1]!.distance);
  for (const m of metrics) {
    const full = metricName(m);
    const mKey = m.key.toLowerCase();
    const last = mKey.slice(mKey.lastIndexOf('.') + 1);
    const floor = Math.min(Math.abs(wanted.length - full.length), Math.abs(key.length - mKey.length), Math.abs(key.length - last.length));
    if (floor > bound()) continue;
    const most = bound();
    const distance = Math.min(editDistance(wanted, full.toLowerCase(), most), editDistance(key, mKey, most), editDistance(key, last, most));
    if (distance > most) continue;
    const at = best.findIndex((b) => distance < b.distance || (distance === b.distance && full.localeCompare(b.full) < 0));
    if (at === -1) {
      if (best.length < limit) best.push({ full, distance });
    } else {
      best.splice(at, 0, { full, distance });
      if (best.length > limit) best.pop();
    }
  }
  // Names within a few edits are likely typos; when none is that close, the nearest few still help.
  const near = best.filter((s) => s.distance <= Math.max(2, Math.floor(ref.key.length / 3)));
  return (near.length ? near : best).map((s) => s.full);
}
