import { realpath } from 'node:fs/promises';
import { posix, relative, sep } from 'node:path';
import type { GitHubContext } from '../../config/types';
import { fitReport, fullReportIn } from '../../report/fit';
import { hostedImages, imagesNotShown } from '../../report/images';
import { folderWhere, type ReportFolder } from './body';
import type { GateRuleResult, GateSummary, ReportData } from '../../report/types';
import type { Logger } from '../../util/log';
import type { PublishContext, Target, TargetOutcome } from '../types';
import { UserError } from '../../util/errors';
import { apiMessage, apiStatus, createGitHubClient, isRateLimited, type GitHubClient, type GitHubClientOptions } from './client';
import { describeApiFailure } from './failure';
import { workspaceTree } from '../../workspace/tree';
import { summaryHoldsWhole } from '../summary';
import { keyLine } from './key-line';
import { openPullRequestsAt, pullRequestHeadNote } from './targets';

/** Checks API limits: output.summary and output.text ≤ 65,535 characters; ≤ 50 annotations per request. */
export const CHECK_TEXT_LIMIT = 65535;
export const ANNOTATIONS_PER_REQUEST = 50;
/** Commit status descriptions over 140 characters are rejected (422). */
export const STATUS_DESCRIPTION_LIMIT = 140;

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

/** What the check run or the status says, computed once. */
export interface GateOutcome {
  headSha: string;
  failed: boolean;
  title: string;
  summary: string;
  annotations: Annotation[];
  /** The summary sends the reader to the workflow artifact (images not shown inline, the full report). */
  pointsToArtifact?: boolean;
}

export interface CheckRunOptions {
  github: GitHubContext;
  checkName: string;
  /** Retry tuning (tests shorten the waits). */
  clientOptions?: GitHubClientOptions;
}

export interface GateCheckOptions extends CheckRunOptions {
  /** The workspace directory (metrics paths are relative to it) and the repository's root. */
  workspace: string;
  repoRoot: string;
  /** Where images not shown and the full report are (default: the workflow artifact). */
  folder?: ReportFolder;
  /**
   * Uploads the workflow artifact (once a run), before a check run that sends the reader to it is posted: whether it
   * is there. When it is not, the check run names `outDir` instead.
   */
  artifactFirst?: { upload: () => Promise<boolean>; outDir: string };
}

/**
 * Publishes a gate's outcome where branch protection can require it: a check run (conclusion, the report
 * as summary, annotations). Without `checks: write` (403), a commit status with the same name; without that
 * either, the log alone. What the check says is the subclass's: a run's gates (GateCheckPublisher) or a sweep's
 * (AggregateCheckPublisher).
 */
export abstract class CheckRunTarget<R> implements Target<R> {
  readonly name = 'check run';

  constructor(
    protected readonly options: CheckRunOptions,
    protected readonly log: Logger,
  ) {}

  /** The check's conclusion, title, summary and annotations; null when the report has no gate. */
  protected abstract outcome(report: R, context: PublishContext): Promise<Omit<GateOutcome, 'headSha'> | null>;

  async publish(report: R, context: PublishContext): Promise<TargetOutcome> {
    const drawn = await this.outcome(report, context);
    if (!drawn) return { skipped: true };
    const outcome: GateOutcome = { headSha: this.options.github.headSha ?? this.options.github.sha, ...drawn };
    const { token, apiUrl } = this.options.github;
    const client = await createGitHubClient(token, apiUrl, { onRetry: (m) => this.log.info(m), ...this.options.clientOptions });
    let status: TargetOutcome | null;
    try {
      if (this.options.github.eventName === 'push') {
        const prs = await openPullRequestsAt(client, this.options.github, outcome.headSha);
        if (prs.length) {
          this.log.info(`${pullRequestHeadNote(outcome.headSha, prs)}; the push run posts no check run '${this.options.checkName}'.`);
          return { skipped: true };
        }
      }
      const checkRun = await this.createCheckRun(client, outcome);
      if (!('refused' in checkRun)) return { ...checkRun, ...(outcome.pointsToArtifact ? { pointsToArtifact: true } : {}) };
      this.log.warning(`Cannot create the check run '${this.options.checkName}'${checkRun.refused}; setting a commit status instead.`);
      status = await this.setStatus(client, outcome);
    } catch (error) {
      throw new UserError(
        `Could not post the check run '${this.options.checkName}' (${apiUrl}): ${describeApiFailure(error, '`checks: write`')}. The gate's outcome is in this log only.`,
      );
    }
    if (status) return status;
    this.log.warning(
      `Cannot set a commit status either (403: the token needs \`statuses: write\`; fork pull requests get a read-only token). The gate's outcome is in this log only.`,
    );
    for (const a of outcome.annotations) {
      const where = { file: a.path, line: a.start_line };
      if (a.annotation_level === 'failure') this.log.error(`${a.title}: ${a.message}`, where);
      else this.log.warning(`${a.title}: ${a.message}`, where);
    }
    return {};
  }

  /** The check run, annotations beyond the first 50 appended by updates; why not, when the token may not create it. */
  private async createCheckRun(client: GitHubClient, o: GateOutcome): Promise<TargetOutcome | { refused: string }> {
    const { owner, repo } = this.options.github;
    const output = (annotations: Annotation[]) => ({ title: o.title, summary: o.summary, annotations });
    let created;
    try {
      created = await client.request('POST /repos/{owner}/{repo}/check-runs', {
        owner,
        repo,
        name: this.options.checkName,
        head_sha: o.headSha,
        conclusion: o.failed ? 'failure' : 'success',
        completed_at: new Date().toISOString(),
        ...(this.runUrl() ? { details_url: this.runUrl()! } : {}),
        output: output(o.annotations.slice(0, ANNOTATIONS_PER_REQUEST)),
      });
    } catch (error) {
      if (!isNotPermitted(error)) throw error;
      // GitHub lets only Apps write check runs: a personal access token gets this 403 whatever its scopes.
      if (/authenticate via a GitHub App/i.test(apiMessage(error))) {
        return {
          refused: `: only a GitHub App token (such as the workflow's GITHUB_TOKEN) may create check runs, and 'github-token' is a personal access or OAuth token`,
        };
      }
      return { refused: ' (403: the token needs `checks: write`)' };
    }
    for (let i = ANNOTATIONS_PER_REQUEST; i < o.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
      await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        owner,
        repo,
        check_run_id: created.data.id,
        output: output(o.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST)),
      });
    }
    return { location: created.data.html_url ?? undefined };
  }

  /** A commit status named like the check; null when the token may not set it. */
  private async setStatus(client: GitHubClient, o: GateOutcome): Promise<TargetOutcome | null> {
    const { owner, repo } = this.options.github;
    try {
      await client.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
        owner,
        repo,
        sha: o.headSha,
        state: o.failed ? 'failure' : 'success',
        context: this.options.checkName,
        description: truncate(o.title, STATUS_DESCRIPTION_LIMIT, '…'),
        target_url: this.runUrl(),
      });
    } catch (error) {
      if (isNotPermitted(error)) return null;
      throw error;
    }
    return { location: `commit status '${this.options.checkName}' on ${o.headSha}` };
  }

  protected runUrl(): string | null {
    const { serverUrl, owner, repo, runId } = this.options.github;
    return runId ? `${serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/actions/runs/${runId}` : null;
  }
}

/** A run's gates as the check run: the report as its summary, an annotation on the metrics file per broken rule. */
export class GateCheckPublisher extends CheckRunTarget<ReportData> {
  constructor(
    private readonly gateOptions: GateCheckOptions,
    log: Logger,
  ) {
    super(gateOptions, log);
  }

  protected async outcome(report: ReportData, context: PublishContext): Promise<Omit<GateOutcome, 'headSha'> | null> {
    const gates = report.gates;
    if (!gates) return null;
    let drawn = this.summary(report, context, this.gateOptions.folder ?? { artifact: true });
    const first = this.gateOptions.artifactFirst;
    if (drawn.pointsToArtifact && first && !(await first.upload())) {
      // The artifact could not go up (the warning says why): the summary sends the reader to the out-dir instead.
      drawn = this.summary(report, context, { artifact: false, outDir: first.outDir });
    }
    return {
      // Not only broken rules: a gate that checked nothing fails too (GitHub counts `neutral` as passing a required check),
      // and so does one whose pipeline failed or whose project files do not load: it compared what was left, not this change.
      failed: !gates.passed || report.verdict.outcome === 'failed',
      // The report's verdict, as the comment's and the job summary's first line says it.
      title: stripEmoji(report.verdict.line),
      // The check page cannot show images relative to report.md: the hosted ones, else the Mermaid charts.
      summary: drawn.body,
      annotations: await this.annotations(gates),
      pointsToArtifact: drawn.pointsToArtifact,
    };
  }

  /** The report as the check's summary, sending the reader to `folder` for images not shown and the full report. */
  private summary(report: ReportData, context: PublishContext, folder: ReportFolder): { body: string; pointsToArtifact: boolean } {
    const where = folderWhere(folder);
    const images = hostedImages(context.hosted, where);
    const summary = fitReport(
      report,
      { images },
      {
        limit: CHECK_TEXT_LIMIT,
        what: 'a check run summary',
        fullReportUrl: this.runUrl(),
        fullReport: (whole) => fullReportIn(this.runUrl(), where, summaryHoldsWhole(whole)),
      },
    );
    return { body: summary.body, pointsToArtifact: folder.artifact && (summary.folded || imagesNotShown(report.plots, images) > 0) };
  }

  /** One annotation per broken rule: on the metrics file at the key's line, else on the rule's own line. */
  private async annotations(gates: GateSummary): Promise<Annotation[]> {
    const out: Annotation[] = [];
    const prefix = await this.workspaceInRepo();
    const texts = new Map<string, string | null>();
    // The metrics file a rule names comes from the pull request: read it as every project file is read.
    const tree = workspaceTree(this.gateOptions.workspace);
    const read = async (path: string): Promise<string | null> => {
      if (!texts.has(path))
        texts.set(
          path,
          await tree.read(path).then(
            (bytes) => bytes?.toString('utf8') ?? null,
            () => null,
          ),
        );
      return texts.get(path)!;
    };
    for (const r of gates.rules) {
      if (r.status !== 'failed' && r.status !== 'error') continue;
      const level = r.status === 'error' || r.level === 'fail' ? 'failure' : 'warning';
      const title = `${r.level === 'warn' ? 'Warning' : 'Gate'}: ${r.rule}`.slice(0, 255);
      let path: string | null = null;
      let line = 1;
      if (r.metric) {
        path = r.metric.file;
        const text = await read(r.metric.file);
        if (text !== null) line = keyLine(text, r.metric.key);
      } else if (r.source.file) {
        path = r.source.file;
        line = r.source.line;
      }
      if (!path) continue;
      out.push({ path: prefix ? posix.join(prefix, path) : path, start_line: line, end_line: line, annotation_level: level, title, message: ruleMessage(r) });
    }
    return out;
  }

  /** Annotation paths are relative to the repository root, metrics paths to the workspace: the workspace's place in the repo. */
  private async workspaceInRepo(): Promise<string> {
    const real = async (p: string): Promise<string> => realpath(p).catch(() => p);
    const prefix = relative(await real(this.gateOptions.repoRoot), await real(this.gateOptions.workspace))
      .split(sep)
      .join('/');
    return prefix.startsWith('..') ? '' : prefix;
  }
}

function ruleMessage(r: GateRuleResult): string {
  return `${r.detail} (rule from ${r.source.origin} line ${r.source.line})`;
}

/** A 403 for a missing permission ("Resource not accessible by integration"), not a rate limit's 403. */
function isNotPermitted(error: unknown): boolean {
  return apiStatus(error) === 403 && !isRateLimited(error);
}

/** Cuts `text` to at most `limit` characters (code points never split), ending with `tail` when cut. */
export function truncate(text: string, limit: number, tail: string): string {
  if (text.length <= limit) return text;
  let cut = text.slice(0, limit - tail.length);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + tail;
}

/** Check titles and status descriptions read better without the report's emoji. */
export function stripEmoji(text: string): string {
  return text.replace(/^[^\p{L}\p{N}]+/u, '');
}
