import { appendFile } from 'node:fs/promises';
import { fitReport } from '../report/fit';
import { hostedImages, imagesNotShown } from '../report/images';
import type { ReportData } from '../report/types';
import type { PublishContext, Target, TargetOutcome } from './types';

/** GitHub aborts a step summary over 1 MiB; stay below it. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 1024;

/**
 * Whether the job summary holds the whole report, judged from the report as another target drew it whole: the summary
 * draws the same sections, its image lines and footer differing by a few hundred bytes at most, which the margin covers
 * (a report near the limit is then said to be cut, which report.md does not make untrue).
 */
export function summaryHoldsWhole(whole: string): boolean {
  return Buffer.byteLength(whole) + SUMMARY_MARGIN_BYTES <= SUMMARY_LIMIT_BYTES;
}

const SUMMARY_MARGIN_BYTES = 16 * 1024;

/**
 * Appends the report to the job summary ($GITHUB_STEP_SUMMARY). A job summary cannot show images relative to
 * report.md: each plot shows the image hosted earlier in the run, else its Mermaid chart, else a line saying where
 * the file is. A report over 1 MiB is folded as a comment is.
 */
export class JobSummaryPublisher implements Target {
  readonly name = 'job summary';
  /**
   * `reportDir`: the folder holding report.md and plots/ (the out-dir, or in `mode: publish` the downloaded artifact),
   * named where an image is not shown. `header`: said above the report (`mode: publish`'s caution, as its comment says).
   */
  constructor(
    private readonly path: string,
    private readonly reportDir: string,
    private readonly header?: string,
  ) {}

  async publish(report: ReportData, context: PublishContext): Promise<TargetOutcome> {
    const where = `the out-dir (\`${this.reportDir}\`)`;
    const images = hostedImages(context.hosted, where);
    const footer = imagesNotShown(report.plots, images) ? `_Plot images are not shown inline: the image files are in ${where}._` : undefined;
    const { body } = fitReport(
      report,
      { images, footer, ...(this.header !== undefined ? { header: this.header } : {}) },
      {
        limit: SUMMARY_LIMIT_BYTES,
        measure: (text) => Buffer.byteLength(text),
        what: 'a job summary',
        fullReport: `report.md in ${where}`,
        fullReportUrl: null,
      },
    );
    await appendFile(this.path, `${body}\n`);
    return { location: this.path };
  }
}
