import type { HistorySection } from '../history/types';
import { numericValue, type FileDiff, type Leaf } from '../values/types';
import type { MetricLookup } from './types';

/**
 * The one adapter between the metrics diff and the gate: every metric row as base/head numbers, with its history
 * when history was read (`history` null: read, but there was none — no base). Absent stays undefined; anything that
 * is not a number becomes null. `unreadAtHead`: metrics files there at the head that could not be read, by path, with why.
 */
export function metricLookupFromDiffs(
  files: FileDiff[],
  history?: HistorySection | null,
  unreadAtHead: ReadonlyMap<string, string> = new Map(),
): MetricLookup[] {
  const series = new Map(history?.metrics.map((m) => [`${m.file}\0${m.key}`, m]));
  return files.flatMap((f) => {
    // Why a side lacks the file, where the notes say more than that it is not there (a file that does not load, a
    // DVC output that cannot be read): a rule skipped for want of a base value names it.
    const why = f.notes.filter((n) => !n.startsWith('not present at '));
    const headError = unreadAtHead.get(f.path);
    return f.rows.map((r) => {
      const lookup: MetricLookup = { file: f.path, key: r.key, base: ruleNumber(r.old), head: ruleNumber(r.new), ...(why.length ? { fileNotes: why } : {}) };
      if (headError !== undefined) lookup.headError = headError;
      if (history !== undefined) {
        const m = series.get(`${f.path}\0${r.key}`);
        // Commits the history could not be had for leave every metric's values there unknown; else the metric's own.
        const notKnown = history?.notKnown !== undefined ? { why: history.notKnown, cause: 'fetch' as const } : m?.notKnown;
        lookup.history = { n: m?.points.length ?? 0, stats: m?.stats ?? null, ...(notKnown && { notKnown }) };
      }
      return lookup;
    });
  });
}

/** A value as a rule reads it: undefined when absent, null when not a number (text, a boolean). */
export function ruleNumber(leaf: Leaf | undefined): number | null | undefined {
  if (leaf === undefined) return undefined;
  // numericValue reads floats kept as written (`1.0` is `{float: 1}`); booleans are not numbers to a rule.
  return typeof leaf === 'boolean' ? null : (numericValue(leaf) ?? null);
}
