import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportData } from '../../report/types';
import { UserError } from '../../util/errors';
import { VERSION } from '../../version';
import type { ComposedReport } from '../types';

/** Larger report.md files are cut (the comment is cut far below this anyway). */
const MAX_REPORT_CHARS = 1024 * 1024;

/**
 * The report inside a downloaded artifact, for `mode: publish`. The artifact was made by a workflow that ran a
 * pull request's code, so it is untrusted: only report.md (as text) and the PNG files it links to inside the
 * folder (checked to be PNGs when uploaded) are read; report.json and anything else are ignored, and nothing in
 * it chooses where the report goes.
 */
export async function readArtifact(dir: string, headSha: string): Promise<ComposedReport> {
  let markdown: string;
  try {
    markdown = (await readFile(join(dir, 'report.md'), 'utf8')).slice(0, MAX_REPORT_CHARS);
  } catch {
    throw new UserError(
      `'artifact-dir' (${dir}) has no readable report.md; download the artifact the first workflow uploaded (actions/download-artifact with run-id) into it.`,
    );
  }
  const data: ReportData = {
    schemaVersion: 1,
    tool: { name: 'mlreport', version: VERSION },
    base: null,
    head: { sha: headSha || null, label: headSha.slice(0, 7) || 'head' },
    params: [],
    metrics: [],
    plots: [],
    gates: null,
    pipeline: null,
    warnings: [],
  };
  return { data, markdown };
}
