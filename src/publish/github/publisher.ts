import { lstat, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { GitHubContext, GitHubPublishConfig } from '../../config/types';
import { UserError } from '../../util/errors';
import type { Logger } from '../../util/log';
import type { ReportData } from '../../report/types';
import type { Target, TargetOutcome } from '../types';
import { commentBody, localImages } from './body';
import { apiMessage, createGitHubClient, isPermissionError, type GitHubClient, type GitHubClientOptions } from './client';
import { answeredStatus, describeApiFailure, failureHeadline } from './failure';
import { commentMarker, tokenIdentity, upsertComment, type Identity } from './comments';
import { isRulesetRefusal } from './branch-commit';
import { BranchImageStore, MAX_RELEASE_ASSETS, ReleaseImageStore, type ImageFile, type ImageStore } from './images';
import { resolveTargets } from './targets';
import { artifactName } from '../artifact/report';
import { imageProblem } from '../../plots/image';

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/**
 * Images uploaded per run: each is a request that creates content, which GitHub throttles (its secondary rate limit);
 * the others are drawn as Mermaid charts where they can be, and the log and the comment say which.
 */
const MAX_HOSTED_IMAGES = 50;
const COMMENT_PERMISSION = "'pull-requests: write' (commit comments: 'contents: write')";

export interface GitHubPublisherOptions {
  /** The folder the report's image paths are relative to (the out-dir, or the downloaded artifact). */
  baseDir: string;
  clientOptions?: GitHubClientOptions;
  /** Said above the report: `mode: publish` posts what the pull request's own run wrote, unchecked. */
  caution?: string;
  /**
   * Uploads the workflow artifact (once a run), before a comment that sends the reader to it is posted: whether it is
   * there. When it is not, the comment names the out-dir instead.
   */
  artifactFirst?: () => Promise<boolean>;
  /**
   * `mode: publish`: where the run writes the re-checked report besides the comment — report.md in `outDir`, and the
   * job summary when the step has one — named when the comment is not posted.
   */
  recheckedIn?: { outDir: string; jobSummary: boolean };
}

/**
 * Posts a report to GitHub: hosts its plot images (for the targets after it too), then writes one sticky comment
 * per thread. Where the token may not write (fork PRs, read-only permissions) it warns, explains, and says the
 * report was not posted (so the artifact goes up): the job summary and the out-dir already hold the report. Any
 * other failure is thrown with GitHub's own message. What the comment says is the subclass's: a run's report
 * (GitHubPublisher) or a sweep's comparison (AggregateCommentPublisher).
 */
export abstract class CommentTarget<R> implements Target<R> {
  readonly name = 'GitHub comment';
  /** The image files the report links, as paths inside its folder. */
  protected abstract images(report: R): string[];
  /** The comment, marker first, fitted to GitHub's limit. */
  protected abstract body(
    report: R,
    hosted: ReadonlyMap<string, string>,
    notHostedReason: string | null,
    fullReportUrl: string | null,
    headSha: string,
    artifactMissing: boolean,
  ): { body: string; folded: boolean; pointsToArtifact?: boolean };
  /** Said in the log when the comment had to be folded. */
  protected abstract readonly foldedNote: string;

  constructor(
    protected readonly ctx: GitHubContext,
    protected readonly cfg: GitHubPublishConfig,
    protected readonly log: Logger,
    protected readonly options: GitHubPublisherOptions,
  ) {}

  async publish(report: R): Promise<TargetOutcome> {
    const { ctx, cfg, log } = this;
    if (cfg.comment === 'off') return { skipped: true };
    if (!ctx.token) {
      log.warning("No 'github-token': the report is in the job summary and the out-dir only.");
      return { notPosted: "no 'github-token'" };
    }
    if (ctx.forkPr && ctx.eventName === 'pull_request') {
      log.warning(`This pull request comes from a fork, so the workflow's token is read-only and cannot comment. ${this.howToPublish(true)}`);
      return { notPosted: 'a pull request from a fork' };
    }
    const client = await createGitHubClient(ctx.token, ctx.apiUrl, { onRetry: (m) => log.info(m), ...this.options.clientOptions });
    try {
      return await this.post(client, report);
    } catch (error) {
      if (isPermissionError(error)) {
        log.warning(`The token may not write here (${failureHeadline(error)}). ${this.howToPublish(false)} Comments need ${COMMENT_PERMISSION}.`);
        return { notPosted: 'a read-only token' };
      }
      throw new UserError(`Could not post the report to GitHub (${ctx.apiUrl}): ${describeApiFailure(error, COMMENT_PERMISSION)}. ${this.whereInstead()}`);
    }
  }

  private async post(client: GitHubClient, report: R): Promise<TargetOutcome> {
    const { ctx, cfg, log } = this;
    const targets = await resolveTargets(client, ctx, cfg, log);
    if (!targets.threads.length) return { skipped: true };
    const rels = this.images(report);
    const images = cfg.imageStore === 'none' ? [] : await readImages(this.options.baseDir, rels.slice(0, MAX_HOSTED_IMAGES), log);
    const first = targets.threads[0]!;
    const folder = `${first.kind === 'pr' ? `pr-${first.number}` : 'commit'}/${targets.headSha}/${cfg.reportId}`;
    let hosted = new Map<string, string>();
    let reason: string | null = cfg.imageStore === 'none' ? "'image-store: none'" : null;
    const leftOut = cfg.imageStore === 'none' ? [] : rels.slice(MAX_HOSTED_IMAGES);
    if (leftOut.length) {
      reason = `a run uploads at most ${MAX_HOSTED_IMAGES} images`;
      log.warning(
        `The report has ${rels.length} plot images; a run uploads at most ${MAX_HOSTED_IMAGES} (GitHub throttles content creation), so these are not shown inline: ${leftOut.join(', ')}. The comment draws them as Mermaid charts where it can and says where the files are.`,
      );
    }
    if (images.length) {
      try {
        hosted = await this.store(client).upload(images, folder);
        log.info(`Uploaded ${images.length} plot image${images.length === 1 ? '' : 's'} (image-store: ${cfg.imageStore}).`);
      } catch (error) {
        // The images are an extra: whatever stops them, the comment still goes out, with Mermaid charts.
        reason = imageFailureReason(error, cfg.imageStore, cfg.assetsBranch);
        log.warning(
          `Could not upload plot images (${failureHeadline(error)}): ${reason}. Drawing Mermaid charts instead; set 'image-store: none' to skip the upload.`,
        );
      }
    }
    let fitted = this.body(report, hosted, reason, this.runUrl(), targets.headSha, false);
    if (fitted.pointsToArtifact && this.options.artifactFirst && !(await this.options.artifactFirst())) {
      // The artifact could not go up (the warning says why): the comment sends the reader to the out-dir instead.
      fitted = this.body(report, hosted, reason, this.runUrl(), targets.headSha, true);
    }
    if (fitted.folded) log.info(this.foldedNote);
    let identity: Promise<Identity> | null = null;
    const who = (): Promise<Identity> => (identity ??= tokenIdentity(client, ctx.token));
    const urls: string[] = [];
    for (const thread of targets.threads) {
      const stale = thread.kind === 'pr' ? () => olderThanHead(client, ctx, thread.number, targets.headSha) : undefined;
      const mode = cfg.comment === 'new' ? 'new' : 'update';
      const result = await upsertComment(client, ctx, thread, fitted.body, commentMarker(cfg.reportId), mode, who, stale);
      const where = thread.kind === 'pr' ? `pull request #${thread.number}` : `commit ${thread.sha.slice(0, 7)}`;
      if (result.action === 'kept') {
        log.info(`Not updating the report comment on ${where}: ${result.keptBecause}.`);
        continue;
      }
      log.info(
        `Report comment ${result.action} on ${where}: ${result.url}${result.deleted ? ` (${result.deleted} duplicate${result.deleted === 1 ? '' : 's'} deleted)` : ''}`,
      );
      urls.push(result.url);
    }
    if (!urls.length && targets.threads.length) return { skipped: true };
    return { location: urls[0], hostedImages: hosted, ...(fitted.pointsToArtifact ? { pointsToArtifact: true } : {}) };
  }

  private store(client: GitHubClient): ImageStore {
    const { ctx, cfg } = this;
    // The repository alone: the context also holds the tokens, which must not become request fields.
    const repo = { owner: ctx.owner, repo: ctx.repo };
    if (cfg.imageStore === 'release') return new ReleaseImageStore(client, repo, cfg.assetsBranch, (m) => this.log.info(m));
    return new BranchImageStore(
      client,
      repo,
      cfg.assetsBranch,
      ctx.serverUrl,
      `mlreport plots for ${ctx.owner}/${ctx.repo}${ctx.runId ? ` (run ${ctx.runId})` : ''}`,
    );
  }

  protected runUrl(): string | null {
    const { ctx } = this;
    return ctx.runId ? `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}` : null;
  }

  /**
   * Where the report is when the comment failed: the job summary and the folder, which goes up as the artifact unless
   * that is off. `mode: publish` uploads no artifact: its report is the artifact it downloaded.
   */
  protected whereInstead(): string {
    const { cfg } = this;
    const dir = this.options.baseDir;
    if (cfg.mode === 'publish') return `${this.recheckedWhere()}.`;
    const where = `The ${cfg.mode === 'aggregate' ? 'comparison' : 'report'} is in the job summary and in ${dir}`;
    if (cfg.artifact === 'off') return `${where}.`;
    return `${where}; mlreport uploads that folder as the workflow artifact '${artifactName(cfg.reportId)}' (see the artifact's line below).`;
  }

  /**
   * `mode: publish`: where the report is without the comment. The re-checked report is written after the comment (it
   * shows the images the comment hosted): report.md in the out-dir, and the job summary when the step has one.
   */
  private recheckedWhere(): string {
    const downloaded = `${this.options.baseDir}, the artifact this workflow downloaded`;
    const rechecked = this.options.recheckedIn;
    if (!rechecked) return `The report is in ${downloaded}`;
    const where = `${rechecked.jobSummary ? 'the job summary and in ' : ''}${join(rechecked.outDir, 'report.md')}`;
    return `The re-checked report is in ${where}; its plot images are in ${downloaded}`;
  }

  /**
   * What to do when the token may not write (`fork`: a fork's pull request, whose token is read-only), in each mode:
   * a run's report goes up as the artifact that `mode: publish` posts from a workflow_run workflow; `mode: publish`
   * has nothing to upload, it needs a token that may write; a sweep's comparison is no report `mode: publish` posts.
   */
  protected howToPublish(fork: boolean): string {
    const { cfg } = this;
    const dir = this.options.baseDir;
    const uploaded = `mlreport uploads them as the workflow artifact '${artifactName(cfg.reportId)}'`;
    const guide = "(README: 'Fork pull requests')";
    if (cfg.mode === 'publish') {
      const where = `${this.recheckedWhere()} ('mode: publish' uploads none).`;
      return fork
        ? `${where} To post it, run this 'mode: publish' step from a workflow_run workflow, whose token may write ${guide}.`
        : `${where} To post it, give this workflow's token write access and re-run it.`;
    }
    if (cfg.mode === 'aggregate') {
      const where = `The comparison is in the job summary, and report.md and report.json are in ${dir}`;
      const files = cfg.artifact === 'off' ? `${where}.` : `${where}; ${uploaded}.`;
      return fork
        ? `${files} A sweep's comparison cannot be posted on a pull request from a fork: 'mode: publish' posts one run's report, not a comparison.`
        : `${files} To post it, give the aggregate job's token write access.`;
    }
    const where = `The report is in the job summary, and report.md, report.json and plots/ are in ${dir}.`;
    if (cfg.artifact === 'off') {
      return `${where} To post it, upload that folder with actions/upload-artifact and run mlreport with 'mode: publish' from a workflow_run workflow ${guide}.`;
    }
    return `${where} ${uploaded}; to post it, run mlreport with 'mode: publish' from a workflow_run workflow ${guide}.`;
  }
}

/** A run's report as the PR comment. */
export class GitHubPublisher extends CommentTarget<ReportData> {
  protected readonly foldedNote =
    'The report is longer than a comment may be; the comment keeps the headline, gates and changed values and says where the full report is.';
  protected images(report: ReportData): string[] {
    return localImages(report);
  }
  protected body(
    report: ReportData,
    hosted: ReadonlyMap<string, string>,
    notHostedReason: string | null,
    fullReportUrl: string | null,
    headSha: string,
    artifactMissing: boolean,
  ) {
    // `mode: publish` posts from the artifact it downloaded, which is there; otherwise the folder goes up unless it is
    // off or its upload failed.
    const folder =
      (this.cfg.artifact === 'off' || artifactMissing) && this.cfg.mode !== 'publish'
        ? { artifact: false as const, outDir: this.options.baseDir }
        : { artifact: true as const };
    return commentBody(this.cfg.reportId, report, hosted, notHostedReason, fullReportUrl, { folder, headSha, header: this.options.caution });
  }
}

/** Why the images could not be hosted, in words that say what to change. */
function imageFailureReason(error: unknown, store: GitHubPublishConfig['imageStore'], assetsBranch: string): string {
  const where = store === 'release' ? `the release '${assetsBranch}'` : `the branch '${assetsBranch}'`;
  if (isRulesetRefusal(error)) return `a repository ruleset refuses writes to ${where}; exempt it from the ruleset or use another 'assets-branch'`;
  if (isPermissionError(error)) return `the token cannot write to ${where}: it needs 'contents: write'`;
  if (/file_count/i.test(apiMessage(error))) return `${where} holds GitHub's maximum of ${MAX_RELEASE_ASSETS} assets`;
  return answeredStatus(error) !== undefined ? `GitHub refused the upload to ${where}` : `the upload to ${where} did not complete`;
}

/** The linked image files that exist and are the image their name says, of at most 10 MB; others are skipped with a note. */
async function readImages(baseDir: string, rels: string[], log: Logger): Promise<ImageFile[]> {
  const files: ImageFile[] = [];
  const names = new Set<string>();
  for (const rel of rels) {
    let bytes: Buffer;
    try {
      const path = join(baseDir, ...rel.split('/'));
      // A downloaded artifact is untrusted: a symlink in it could name any file on the runner.
      if (!(await lstat(path)).isFile()) throw new Error('not a regular file');
      bytes = await readFile(path);
    } catch {
      log.warning(`${rel} is linked from the report but cannot be read; not uploaded.`);
      continue;
    }
    // The bytes must be the image the name says (an artifact may be untrusted): a host serves them by the name.
    const problem = imageProblem(rel, bytes) ?? (bytes.length > MAX_IMAGE_BYTES ? `${rel} is larger than 10 MB` : null);
    if (problem) {
      log.warning(`${problem}; not uploaded.`);
      continue;
    }
    let name = posix.basename(rel).replace(/[^\w.-]+/g, '-');
    while (names.has(name)) name = `x-${name}`;
    names.add(name);
    files.push({ rel, name, bytes });
  }
  return files;
}

/**
 * Why the pull request's comment is not this run's to update, when its head is no longer `runHead`: runs for
 * successive pushes finish in any order (a workflow without `concurrency:`), and a run that ends after a newer
 * push's must not put its older verdict back in the sticky comment. Null when `runHead` is still the head.
 */
async function olderThanHead(client: GitHubClient, ctx: GitHubContext, pr: number, runHead: string): Promise<string | null> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner: ctx.owner, repo: ctx.repo, pull_number: pr });
  if (data.head.sha === runHead) return null;
  return `its head is now ${data.head.sha.slice(0, 7)}, and this run is for ${runHead.slice(0, 7)}, an older push; the run for the newer head reports there`;
}
