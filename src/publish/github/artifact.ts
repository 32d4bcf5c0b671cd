import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseReportJson, ReportJsonError } from '../../report/parse';
import type { ReportData } from '../../report/types';
import { UserError } from '../../util/errors';

/** A report.json larger than this is refused (a real one is far smaller; the comment is folded far below it). */
const MAX_REPORT_BYTES = 32 * 1024 * 1024;

/**
 * The report inside a downloaded artifact, for `mode: publish`: report.json, checked field by field, from which
 * the comment is drawn as in the run that made it. The artifact was made by a workflow that ran a pull request's
 * code, so it is untrusted: report.md and anything else in it is ignored, every text in the data is escaped when
 * drawn, and nothing in it chooses where the report goes.
 */
export async function readArtifact(dir: string): Promise<ReportData> {
  const path = join(dir, 'report.json');
  const missing = `'artifact-dir' (${dir}) has no readable report.json; download the artifact the first workflow uploaded (actions/download-artifact with run-id) into it.`;
  let text: string;
  try {
    const stat = await lstat(path);
    if (!stat.isFile()) throw new UserError(`${path} is not a regular file (a symlink or a folder); a report artifact holds report.json itself.`);
    if (stat.size > MAX_REPORT_BYTES) throw new UserError(`${path} is ${stat.size} bytes, more than a report may be (${MAX_REPORT_BYTES}).`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(missing);
  }
  try {
    return parseReportJson(text);
  } catch (error) {
    if (error instanceof ReportJsonError) throw new UserError(`${path} is not a report mlreport wrote: ${error.message}.`);
    throw error;
  }
}
