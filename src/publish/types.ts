import type { ReportData } from '../report/types';

/**
 * One place the report (a run's ReportData, or a sweep's AggregateReport) goes (report.md and report.json, a PR comment, the job summary, a check run, a hub comment,
 * an MLflow run, the workflow artifact). Each renders what it needs from the report's data, with its own size
 * limit and its own way of showing the plot images. What its failure does to the run is not its business: that is
 * its policy in the publishing table (src/run.ts), applied by the runner (./runner.ts).
 */
export interface Target<R = ReportData> {
  readonly name: string;
  publish(report: R, context: PublishContext): Promise<TargetOutcome>;
}

/** What the targets before this one left for it. */
export interface PublishContext {
  /** Plot images an earlier target hosted in this run: URL by the image's path in the report (`plots/x.png`). */
  hosted: ReadonlyMap<string, string>;
}

export interface TargetOutcome {
  /** Where the report ended up (a path or a URL), when there is one. */
  location?: string;
  /** Plot images this target hosted, for the targets after it: URL by the image's path in the report. */
  hostedImages?: ReadonlyMap<string, string>;
  /** Why the report was not posted although it should have been (a fork's PR, a read-only token, no token). */
  notPosted?: string;
  /** True when there was nothing to do (turned off, no pull request to comment on). */
  skipped?: boolean;
  /** What this target posted sends the reader to the workflow artifact (images not shown inline, the full report). */
  pointsToArtifact?: boolean;
}
