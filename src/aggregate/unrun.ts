import type { AggregateReport, FailedRun } from './types';

/** The configurations whose every job failed: named by their failed jobs only, none of them in `configurations`. */
export function withoutRuns(configurations: { id: string }[], failedRuns: FailedRun[]): string[] {
  const ran = new Set(configurations.map((c) => c.id));
  return [...new Set(failedRuns.flatMap((f) => (f.configuration !== null && !ran.has(f.configuration) ? [f.configuration] : [])))];
}

/** How many configurations the sweep had: those with a successful run and those whose every job failed. */
export function configurationCount(report: AggregateReport): number {
  return report.configurations.length + withoutRuns(report.configurations, report.failedRuns).length;
}
