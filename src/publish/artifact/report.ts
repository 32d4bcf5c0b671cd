import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitHubContext, GitHubPublishConfig } from '../../config/types';
import { describeError } from '../../util/errors';
import { HttpError } from '../../util/http';
import type { Logger } from '../../util/log';
import { zipFiles, type ZipEntry } from '../../util/zip';
import { reportImages } from '../../report/images';
import type { ReportData } from '../../report/types';
import type { PublishResults, TargetResult } from '../runner';
import type { Target, TargetOutcome } from '../types';
import { isGhes, uploadArtifact, type ArtifactUploadOptions, type UploadedArtifact } from './service';

/** The artifact workflow B downloads (README: 'Fork pull requests'). */
export function artifactName(reportId: string): string {
  return `mlreport-${reportId}`;
}

/**
 * `artifact: auto` uploads the report folder whenever the comment should have been posted and was not, whatever
 * the reason (a fork's PR, a read-only token, no token, GitHub failing), and whenever a posted text (the comment,
 * the check run) sends the reader to it: plot images it could not show, a folded report's full text. `always` on
 * every run; `off` never.
 */
export function wantsArtifact(mode: GitHubPublishConfig['artifact'], comment: TargetResult | undefined, results: PublishResults = new Map()): boolean {
  if (mode !== 'auto') return mode === 'always';
  if (comment?.status === 'not-posted' || comment?.status === 'failed') return true;
  return [...results.values()].some((r) => r.status === 'published' && r.pointsToArtifact === true);
}

/**
 * The report folder (written by the local-files target) as the workflow artifact `mlreport-<report-id>`, uploaded at
 * most once a run: by the first posted text that sends the reader to it, before that text goes up (so a text names
 * the artifact only once it is there), else by the artifact target after the other targets.
 */
export class ArtifactUpload<R extends Pick<ReportData, 'plots'> = ReportData> {
  private attempt: Promise<UploadedArtifact | null> | null = null;
  constructor(
    private readonly cfg: GitHubPublishConfig,
    readonly outDir: string,
    private readonly github: Pick<GitHubContext, 'serverUrl' | 'artifactRuntime'>,
    private readonly log: Logger,
    private readonly options: ArtifactUploadOptions = {},
  ) {}

  get name(): string {
    return artifactName(this.cfg.reportId);
  }

  /** Uploads the report unless this run tried already: what it uploaded, or null (a warning said why). */
  upload(report: R): Promise<UploadedArtifact | null> {
    return (this.attempt ??= uploadReportArtifact(this.cfg, this.outDir, report, this.github, this.log, this.options));
  }
}

/** The artifact as a publishing target: its upload, unless a posted text already made it. */
export class ReportArtifact<R extends Pick<ReportData, 'plots'> = ReportData> implements Target<R> {
  readonly name = 'workflow artifact';
  constructor(private readonly artifact: ArtifactUpload<R>) {}

  async publish(report: R): Promise<TargetOutcome> {
    const uploaded = await this.artifact.upload(report);
    return uploaded ? { location: this.artifact.name } : { notPosted: 'see the warning above' };
  }
}

/**
 * Why this run can upload no artifact, known before anything is posted: GitHub Enterprise Server has no service for
 * them, and off a runner there is none. Null when the runner's artifact service is there (it may still refuse).
 */
export function artifactServiceMissing(github: Pick<GitHubContext, 'serverUrl' | 'artifactRuntime'>): string | null {
  if (isGhes(github.serverUrl)) {
    return `GitHub Enterprise Server (${new URL(github.serverUrl).host}) has no service for these artifacts (v4, as @actions/artifact 2+ and actions/upload-artifact@v4 make)`;
  }
  if (!github.artifactRuntime) return 'ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set (they are on a GitHub-hosted or self-hosted runner)';
  return null;
}

/**
 * Uploads report.md, report.json and the plot images the report links to as the workflow artifact
 * `mlreport-<report-id>`. Never fails the run: without the runner's artifact service (off a runner, or on GitHub
 * Enterprise Server, which has none), or when it refuses, it warns and says how to upload the folder instead.
 */
export async function uploadReportArtifact(
  cfg: GitHubPublishConfig,
  outDir: string,
  report: Pick<ReportData, 'plots'>,
  github: Pick<GitHubContext, 'serverUrl' | 'artifactRuntime'>,
  log: Logger,
  options: ArtifactUploadOptions = {},
): Promise<UploadedArtifact | null> {
  const name = artifactName(cfg.reportId);
  const instead = `Upload ${outDir} with an actions/upload-artifact step named '${name}' instead, or set 'artifact: off'.`;
  const missing = artifactServiceMissing(github);
  if (missing) {
    const ghesInstead = `Upload ${outDir} with the artifact action your server supports (actions/upload-artifact@v3) instead, or set 'artifact: off'.`;
    log.warning(`Could not upload the report as the artifact '${name}': ${missing}. ${isGhes(github.serverUrl) ? ghesInstead : instead}`);
    return null;
  }
  const runtime = github.artifactRuntime!;
  try {
    const entries = await reportFiles(outDir, report, log);
    const uploaded = await uploadArtifact(runtime, name, zipFiles(entries), options);
    log.info(
      `Uploaded the report (${entries.map((e) => e.name).join(', ')}; ${uploaded.size} bytes) as the workflow artifact '${name}'${uploaded.id ? ` (ID ${uploaded.id})` : ''}. ` +
        `To post it, a workflow_run workflow downloads it (actions/download-artifact with name: ${name}, run-id: the triggering run) and runs mlreport with 'mode: publish' (README: 'Fork pull requests').`,
    );
    return uploaded;
  } catch (error) {
    if (error instanceof HttpError && error.status === 409) {
      // Names are unique per workflow run, so retrying cannot help: matrix jobs need their own report-id.
      log.warning(
        `Could not upload the report as the artifact '${name}': another job of this workflow run already uploaded one with that name. Jobs of one run (a matrix) must each set their own 'report-id' (now '${cfg.reportId}'): give each job its own 'report-id', e.g. from the matrix values.`,
      );
      return null;
    }
    log.warning(`Could not upload the report as the artifact '${name}': ${describeError(error).replace(/\.?$/, '.')} ${instead}`);
    return null;
  }
}

/** report.md, report.json and each plot and trend image the report names (paths relative to the out-dir, as in its links). */
async function reportFiles(outDir: string, report: Pick<ReportData, 'plots'> & Partial<Pick<ReportData, 'trends'>>, log: Logger): Promise<ZipEntry[]> {
  const names = ['report.md', 'report.json'];
  // The run wrote these under the out-dir itself; anything else is not taken along.
  for (const image of reportImages(report)) if (!image.split('/').includes('..') && !names.includes(image)) names.push(image);
  const entries: ZipEntry[] = [];
  for (const name of names) {
    try {
      entries.push({ name, bytes: await readFile(join(outDir, ...name.split('/'))) });
    } catch {
      log.warning(`${name} is named by the report but cannot be read from ${outDir}; not in the artifact.`);
    }
  }
  return entries;
}
