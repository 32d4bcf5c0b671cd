import type { ReportData } from '../report/types';
import { describeError } from '../util/errors';
import type { Logger } from '../util/log';
import type { Target } from './types';

/**
 * What a target's failure does to the run:
 * - `required`: an error, and the step fails;
 * - `optional`: a warning saying how to make it required; the step does not fail;
 * - `never-fails`: a best-effort fallback; it warns and says what to do instead.
 */
type Policy = 'required' | 'optional' | 'never-fails';

/** One row of the publishing table. */
export interface PlannedTarget<R = ReportData> {
  target: Target<R>;
  policy: Policy;
  /** Said with an optional target's failure: the input that makes it required. */
  requiredBy?: string;
  /** Runs only when this holds for the earlier targets' results (the artifact: when the comment was not posted). */
  when?: (results: PublishResults) => boolean;
}

/** How a target ended: published, not posted for a reason it named (a fork, a read-only token), skipped, or failed. */
export type TargetResult =
  | { status: 'published'; location: string | null; pointsToArtifact?: boolean }
  | { status: 'not-posted'; reason: string }
  | { status: 'skipped' }
  | { status: 'failed'; error: string };

export type PublishResults = ReadonlyMap<Target<never>, TargetResult>;

/**
 * Publishes the report to each target of the table in order (null rows are targets this run has not configured).
 * Images a target hosts are shown by the targets after it. Returns each target's result and whether a required
 * one failed.
 */
export async function publishAll<R>(report: R, table: (PlannedTarget<R> | null)[], log: Logger): Promise<{ results: PublishResults; failed: boolean }> {
  const results = new Map<Target<R>, TargetResult>();
  const hosted = new Map<string, string>();
  let failed = false;
  for (const row of table) {
    if (!row || (row.when && !row.when(results))) continue;
    const { target, policy } = row;
    try {
      const outcome = await target.publish(report, { hosted });
      for (const [path, url] of outcome.hostedImages ?? []) hosted.set(path, url);
      results.set(
        target,
        outcome.notPosted
          ? { status: 'not-posted', reason: outcome.notPosted }
          : outcome.skipped
            ? { status: 'skipped' }
            : { status: 'published', location: outcome.location ?? null, ...(outcome.pointsToArtifact ? { pointsToArtifact: true } : {}) },
      );
    } catch (error) {
      const message = describeError(error);
      results.set(target, { status: 'failed', error: message });
      if (policy === 'required') {
        failed = true;
        log.error(`${target.name}: ${message}`);
      } else if (policy === 'optional') {
        log.warning(`${target.name}: ${message} (This does not fail the step${row.requiredBy ? `; set '${row.requiredBy}' to make it` : ''}.)`);
      } else {
        log.warning(`${target.name}: ${message}`);
      }
    }
  }
  return { results, failed };
}
