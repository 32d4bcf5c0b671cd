import { appendFile } from 'node:fs/promises';
import type { ComposedReport, PublishOutcome, Publisher } from './types';

/** GitHub aborts a step summary over 1 MiB; stay below it. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 1024;

/** Appends the report to the job summary ($GITHUB_STEP_SUMMARY). */
export class JobSummaryPublisher implements Publisher {
  readonly name = 'job summary';
  constructor(private readonly path: string) {}

  async publish(report: ComposedReport): Promise<PublishOutcome> {
    let text = report.markdown;
    if (Buffer.byteLength(text) > SUMMARY_LIMIT_BYTES) {
      const note = '\n\n_The report was cut here to fit the job summary limit (1 MiB); report.md in the artifact is complete._\n';
      text = Buffer.from(text).subarray(0, SUMMARY_LIMIT_BYTES - note.length).toString('utf8').replace(/\uFFFD*$/, '') + note;
    }
    await appendFile(this.path, `${text}\n`);
    return { location: this.path };
  }
}
