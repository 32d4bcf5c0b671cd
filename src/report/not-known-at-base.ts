import { unreadAtBaseNote } from '../values/unread-notes';
import type { ReportData } from './types';

/**
 * A report's metrics files whose values at the base are not known, with why: as it records them (`notKnownAtBase`),
 * else, in a report of an older version, as its files' notes say (`not known at main: …`, `not in git at main
 * (DVC-cached) and cannot be read: …`), leaving out a file with base values (the history store gave them). Pure.
 */
export function notKnownAtBaseOf(report: Pick<ReportData, 'base' | 'metrics' | 'notKnownAtBase'>): { file: string; why: string }[] {
  if (report.notKnownAtBase) return report.notKnownAtBase;
  const base = report.base;
  if (!base) return [];
  return report.metrics.flatMap((f) => {
    const note = unreadAtBaseNote(f, base.label);
    return note && f.rows.every((r) => r.old === undefined) ? [{ file: f.path, why: `${f.path} is ${note}` }] : [];
  });
}
