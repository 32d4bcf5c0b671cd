import { join, resolve } from 'node:path';
import type { ReportData } from '../report/types';
import { writeFilesAtomic } from '../util/files';
import { writeJson } from '../util/json-text';
import type { Target, TargetOutcome } from './types';

/**
 * Writes report.md (images linked beside it) and report.json into a directory (the CLI's --out, the action's
 * out-dir); `markdown` draws report.md from the data (a run's report, or a sweep's comparison), `json` what
 * report.json holds.
 */
export class LocalFilesPublisher<R = ReportData> implements Target<R> {
  readonly name = 'local files';
  constructor(
    private readonly dir: string,
    private readonly markdown: (report: R) => string,
    private readonly json: (report: R) => unknown,
  ) {}

  get markdownPath(): string {
    return resolve(this.dir, 'report.md');
  }
  get jsonPath(): string {
    return resolve(this.dir, 'report.json');
  }

  async publish(report: R): Promise<TargetOutcome> {
    // Both or neither: a report.json beside an older report.md (or none) would be two runs' reports.
    await writeFilesAtomic([
      {
        path: join(this.dir, 'report.json'),
        produce: (write) => {
          writeJson(this.json(report), write);
          write('\n');
        },
      },
      { path: join(this.dir, 'report.md'), produce: (write) => write(this.markdown(report)) },
    ]);
    return { location: this.markdownPath };
  }
}
