import { join, resolve } from 'node:path';
import type { ReportData } from '../report/types';
import { writeFileAtomic } from '../util/files';
import type { Target, TargetOutcome } from './types';

/**
 * Writes report.md (images linked beside it) and report.json into a directory (the CLI's --out, the action's
 * out-dir); `markdown` draws report.md from the data (a run's report, or a sweep's comparison).
 */
export class LocalFilesPublisher<R = ReportData> implements Target<R> {
  readonly name = 'local files';
  constructor(
    private readonly dir: string,
    private readonly markdown: (report: R) => string,
  ) {}

  get markdownPath(): string {
    return resolve(this.dir, 'report.md');
  }
  get jsonPath(): string {
    return resolve(this.dir, 'report.json');
  }

  async publish(report: R): Promise<TargetOutcome> {
    await writeFileAtomic(join(this.dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFileAtomic(join(this.dir, 'report.md'), this.markdown(report));
    return { location: this.markdownPath };
  }
}
