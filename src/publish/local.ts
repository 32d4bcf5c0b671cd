import { join, resolve } from 'node:path';
import { composeMarkdown } from '../report/markdown';
import type { ReportData } from '../report/types';
import { writeFileAtomic } from '../util/files';
import type { Target, TargetOutcome } from './types';

/** Writes report.md (images linked beside it) and report.json into a directory (the CLI's --out, the action's out-dir). */
export class LocalFilesPublisher implements Target {
  readonly name = 'local files';
  constructor(private readonly dir: string) {}

  get markdownPath(): string {
    return resolve(this.dir, 'report.md');
  }
  get jsonPath(): string {
    return resolve(this.dir, 'report.json');
  }

  async publish(report: ReportData): Promise<TargetOutcome> {
    await writeFileAtomic(join(this.dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFileAtomic(join(this.dir, 'report.md'), composeMarkdown(report));
    return { location: this.markdownPath };
  }
}
