import { appendFile } from 'node:fs/promises';
import { aggregateMarkdown, gatesHeadline } from '../aggregate/markdown';
import type { AggregateReport } from '../aggregate/types';
import { COMMENT_LIMIT, jobSummaryLink } from '../report/fit';
import { stripMarkers } from './github/body';
import { CHECK_TEXT_LIMIT, CheckRunTarget, stripEmoji, type GateOutcome } from './github/checks';
import { commentMarker } from './github/comments';
import { CommentTarget } from './github/publisher';
import { SUMMARY_LIMIT_BYTES } from './summary';
import type { Target, TargetOutcome } from './types';

/** A sweep's comparison as one sticky comment (its own `report-id`), folded to GitHub's limit. */
export class AggregateCommentPublisher extends CommentTarget<AggregateReport> {
  protected readonly foldedNote =
    'The comparison is longer than a comment may be; the comment keeps the verdict, the best configurations and the ranked and gated metrics, and links the job summary.';
  protected images(): string[] {
    return [];
  }
  protected body(
    report: AggregateReport,
    _hosted: ReadonlyMap<string, string>,
    _reason: string | null,
    fullReportUrl: string | null,
    _headSha: string,
    artifactMissing: boolean,
  ) {
    const marker = commentMarker(this.cfg.reportId);
    const summary = jobSummaryLink(fullReportUrl);
    // With `artifact: auto` the artifact goes up only when the comment does not: a posted comment names the summary
    // alone; with `always` a folded comment names it too, unless its upload failed.
    const named = this.cfg.artifact === 'always' && !artifactMissing;
    const artifact = named ? ' and in report.md in the workflow artifact' : '';
    const fitted = aggregateMarkdown(report, { limit: COMMENT_LIMIT - marker.length - 1, fullReport: `${summary}${artifact}` });
    return { body: `${marker}\n${stripMarkers(fitted.body)}`, folded: fitted.folded, pointsToArtifact: named && fitted.folded };
  }
}

/** The full comparison in the job summary (folded only past GitHub's 1 MiB). */
export class AggregateSummaryPublisher implements Target<AggregateReport> {
  readonly name = 'job summary';
  /** `reportDir`: the out-dir, named where the full table is when even the summary must fold. */
  constructor(
    private readonly path: string,
    private readonly reportDir: string,
  ) {}

  async publish(report: AggregateReport): Promise<TargetOutcome> {
    const { body } = aggregateMarkdown(report, {
      limit: SUMMARY_LIMIT_BYTES,
      measure: (text) => Buffer.byteLength(text),
      fullReport: `report.md in the out-dir (\`${this.reportDir}\`)`,
    });
    await appendFile(this.path, `${body}\n`);
    return { location: this.path };
  }
}

/** The sweep's overall gate as a check run: every configuration's rules held and no job failed. */
export class AggregateCheckPublisher extends CheckRunTarget<AggregateReport> {
  protected outcome(report: AggregateReport): Promise<Omit<GateOutcome, 'headSha'> | null> {
    if (!report.gates) return Promise.resolve(null);
    return Promise.resolve({
      failed: !report.gates.passed,
      title: stripEmoji(gatesHeadline(report)),
      summary: aggregateMarkdown(report, { limit: CHECK_TEXT_LIMIT, fullReport: 'the job summary' }).body,
      // A sweep's means have no line in any file: the summary carries the broken rules.
      annotations: [],
    });
  }
}
