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
  const wanted = ref.file === null ? ref.key : `${ref.file}:${ref.key}`;
  const scored = metrics.map((m) => {
    const full = metricName(m);
    const distance = Math.min(
      editDistance(wanted.toLowerCase(), full.toLowerCase()),
      editDistance(ref.key.toLowerCase(), m.key.toLowerCase()),
      editDistance(ref.key.toLowerCase(), m.key.split('.').pop()!.toLowerCase()),
    );
    return { full, distance };
  });
  const sorted = scored.sort((a, b) => a.distance - b.distance || a.full.localeCompare(b.full));
  // Names within a few edits are likely typos; when none is that close, the nearest few still help.
  const near = sorted.filter((s) => s.distance <= Math.max(2, Math.floor(ref.key.length / 3)));
  return (near.length ? near : sorted).slice(0, limit).map((s) => s.full);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
