import { lstat, readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseReportJson, ReportJsonError } from '../report/parse';
import type { ReportData } from '../report/types';
import { UserError } from '../util/errors';
import { VERSION } from '../version';

/** A report.json larger than this is refused (a real one is far smaller). */
const MAX_REPORT_BYTES = 32 * 1024 * 1024;

/** One matrix job: its report, or why there is none (the job failed before uploading, or its report is absent). */
export type RunInput = { name: string; report: ReportData; failed: string | null } | { name: string; report: null; failed: string };

/**
 * The runs in the given folders. A folder holding report.json is one run; any other folder holds runs, one per
 * sub-folder (as actions/download-artifact lays out `pattern: mlreport-*` without merging; hidden folders and
 * node_modules are not jobs'). A run folder without report.json is a failed run, not skipped; so is one whose
 * report.json is not a report (not JSON, cut short, another schema version), with the reason naming the file: it is
 * never averaged, and the sweep's gate fails for it. An aggregate's own report.json among them is an error.
 */
export async function readRuns(dirs: string[]): Promise<RunInput[]> {
  const runs: RunInput[] = [];
  for (const dir of dirs) {
    const stat = await lstat(dir).catch(() => null);
    if (!stat?.isDirectory()) throw new UserError(`${dir} is not a folder; name the folders holding the jobs' report.json (or a folder of such folders).`);
    if (await lstat(join(dir, 'report.json')).catch(() => null)) {
      runs.push(await readRun(dir));
      continue;
    }
    const children = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory() && isJobFolder(e.name)).map((e) => e.name);
    if (!children.length) runs.push({ name: runName(dir), report: null, failed: 'no report.json in its folder' });
    for (const child of children.sort()) runs.push(await readRun(join(dir, child)));
  }
  const seen = new Map<string, number>();
  for (const run of runs) {
    const count = (seen.get(run.name) ?? 0) + 1;
    seen.set(run.name, count);
    if (count > 1) run.name = `${run.name} (${count})`;
  }
  return runs;
}

async function readRun(dir: string): Promise<RunInput> {
  const name = runName(dir);
  const path = join(dir, 'report.json');
  const stat = await lstat(path).catch(() => null);
  if (!stat) return { name, report: null, failed: 'no report.json: the job failed before it wrote or uploaded its report' };
  // A file that is not a report is that job's failure (a partial upload, a job of another mlreport version), not
  // the sweep's: the job is a failed row naming what is wrong, the others are still compared.
  const unread = (why: string): RunInput => ({ name, report: null, failed: `${basename(dir)}/report.json ${why}` });
  // The artifact was made by jobs that ran a pull request's code: a symlink could name any file on this runner.
  if (!stat.isFile()) return unread('is not a regular file (a symlink or a folder), so it was not read');
  if (stat.size > MAX_REPORT_BYTES) return unread(`is ${stat.size} bytes, more than a report may be (${MAX_REPORT_BYTES})`);
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return unread(`is not JSON (${jsonError(error as Error, text)})`);
  }
  const raw = (typeof json === 'object' && json !== null ? json : {}) as { schemaVersion?: unknown; kind?: unknown; projectErrors?: unknown };
  if (raw.kind === 'aggregate') throw new UserError(`${path} is an aggregate report itself; name the matrix jobs' report folders instead.`);
  if (raw.schemaVersion !== 2) {
    return unread(
      `has schemaVersion ${JSON.stringify(raw.schemaVersion) ?? 'missing'}; this mlreport (${VERSION}) reads report.json of schema version 2 (docs/report-schema.md): aggregate with the mlreport version the matrix jobs ran`,
    );
  }
  let report: ReportData;
  try {
    report = parseReportJson(text);
  } catch (error) {
    if (error instanceof ReportJsonError) return unread(`is not a report mlreport wrote: ${error.message}`);
    throw error;
  }
  return { name, report, failed: failure(report, raw.projectErrors) };
}

/** JSON.parse's message with the line and column of the character position it names (a report is many lines). */
function jsonError(error: Error, text: string): string {
  const position = /at position (\d+)/.exec(error.message);
  if (!position || /line \d+ column \d+/.test(error.message)) return error.message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  return `${error.message}, line ${line} column ${before.length - before.lastIndexOf('\n')}`;
}

/**
 * Whether a sub-folder may be a job's report folder: hidden folders (`.git`, `.cache`) and `node_modules` never
 * are, and counted as jobs without report.json they failed every `mlreport aggregate .` run in a repository.
 */
function isJobFolder(name: string): boolean {
  return !name.startsWith('.') && name !== 'node_modules';
}

/**
 * Why a run that wrote its report failed: a stage failed, the time budget was spent before one started (its values are
 * the last run's, as those of a stage it ended while running are), or project files did not parse; null when none did.
 */
function failure(report: ReportData, projectErrors: unknown): string | null {
  const stage = report.pipeline?.stages.find((s) => s.status === 'failed');
  // The row that stands for project files the runner could not load says what is wrong, not a stage's name.
  if (stage?.project) return `pipeline failed: ${stage.error ?? stage.name}`;
  if (stage) return `stage '${stage.name}' failed${stage.error ? `: ${stage.error}` : ''}`;
  const unstarted = report.pipeline?.stages.find((s) => s.status === 'not-run' && s.stopped);
  if (unstarted) return `stage '${unstarted.name}' did not run${unstarted.reasons?.[0] ? `: ${unstarted.reasons[0]}` : ''}`;
  if (Array.isArray(projectErrors) && projectErrors.length) {
    return `project files do not parse: ${String(projectErrors[0])}`;
  }
  return null;
}

/** The job's name: its folder, without the `mlreport-` every report artifact's name starts with. */
function runName(dir: string): string {
  const name = basename(dir);
  return name.startsWith('mlreport-') && name.length > 'mlreport-'.length ? name.slice('mlreport-'.length) : name;
}
