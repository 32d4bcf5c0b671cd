import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../util/files';
import type { ComposedReport, PublishOutcome, Publisher } from './types';

/** Writes report.md and report.json into a directory (the CLI's --out, the action's out-dir). */
export class LocalFilesPublisher implements Publisher {
  readonly name = 'local files';
  constructor(private readonly dir: string) {}

  get markdownPath(): string {
    return resolve(this.dir, 'report.md');
  }
  get jsonPath(): string {
    return resolve(this.dir, 'report.json');
  }

  async publish(report: ComposedReport): Promise<PublishOutcome> {
    await writeFileAtomic(join(this.dir, 'report.json'), `${JSON.stringify(report.data, null, 2)}\n`);
    await writeFileAtomic(join(this.dir, 'report.md'), report.markdown);
    return { location: this.markdownPath };
  }
}
