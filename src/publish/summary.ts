import { appendFile } from 'node:fs/promises';
import { withHostedImages } from './github/body';
import type { ComposedReport, PublishOutcome, Publisher } from './types';

/** GitHub aborts a step summary over 1 MiB; stay below it. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 1024;

/**
 * Appends the report to the job summary ($GITHUB_STEP_SUMMARY). A job summary cannot show the report's
 * relative image links: each shows the image hosted earlier in the run, else its plot's Mermaid chart, else a
 * line saying where the PNG is.
 */
export class JobSummaryPublisher implements Publisher {
  readonly name = 'job summary';
  /** `reportDir`: the folder holding report.md and plots/ (the out-dir), named where an image is not shown. */
  constructor(
    private readonly path: string,
    private readonly reportDir: string,
  ) {}

  async publish(report: ComposedReport): Promise<PublishOutcome> {
    const where = `the out-dir (\`${this.reportDir}\`)`;
    const hosted = withHostedImages(report.markdown, report.data.plots, report.hostedImages ?? new Map<string, string>(), where);
    let text = hosted.missing ? `${hosted.text.trimEnd()}\n\n_Plot images are not shown inline: the image files are in ${where}._\n` : hosted.text;
    if (Buffer.byteLength(text) > SUMMARY_LIMIT_BYTES) {
      const note = '\n\n_The report was cut here to fit the job summary limit (1 MiB); report.md in the artifact is complete._\n';
      text =
        Buffer.from(text)
          .subarray(0, SUMMARY_LIMIT_BYTES - note.length)
          .toString('utf8')
          .replace(/\uFFFD*$/, '') + note;
    }
    await appendFile(this.path, `${text}\n`);
    return { location: this.path };
  }
}
