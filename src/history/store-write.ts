import type { GitHubContext } from '../config/types';
import { shortSha } from '../git/repo';
import { commitOnBranch, type RefRetry } from '../publish/github/branch-commit';
import { createGitHubClient, isPermissionError, type GitHubClient, type GitHubClientOptions } from '../publish/github/client';
import { describeApiFailure } from '../publish/github/failure';
import type { RepoRef } from '../publish/github/comments';
import type { Target, TargetOutcome } from '../publish/types';
import type { ReportData } from '../report/types';
import { UserError } from '../util/errors';
import type { Logger } from '../util/log';
import { headMetrics, recordPath, recordText, STORE_FORMAT, STORE_MARKER, type HistoryStore } from './store';
import type { HistoryRecord } from './types';

/**
 * Adds one commit's record to the store branch: a tree on top of the tip's tree (`base_tree`, the file inline as
 * `content`), a commit, a ref update — three requests, as the tip and its tree come from git. When another run
 * moved the branch first, the tip is fetched again and the three are made again on top of it.
 */
export async function writeRecord(
  client: GitHubClient,
  repoRef: RepoRef,
  store: HistoryStore,
  record: Omit<HistoryRecord, 'source'>,
  retry?: RefRetry,
): Promise<string> {
  const { owner, repo } = repoRef;
  const file = { path: recordPath(record.commit), mode: '100644' as const, type: 'blob' as const, content: recordText(record) };
  let attempt = 0;
  return commitOnBranch(client, repoRef, {
    branch: store.branch,
    message: `mlreport: metrics of ${record.commit}`,
    ...(retry ? { retry } : {}),
    tip: async () => {
      // The run may have fetched the tip already (the base's values); after a lost race it is fetched again.
      const tip = await store.tip(attempt++ > 0);
      if (tip.state === 'unusable') throw new UserError(`${tip.reason}; not written`);
      // Without the tip, a branch that exists would be taken for a new one: never write blind.
      if (tip.state === 'absent' && !tip.remote) throw new UserError(`${tip.why}; not written`);
      return tip.state === 'ok' ? { commit: tip.commit, tree: tip.tree } : null;
    },
    tree: async (tip) => {
      const marker = { path: STORE_MARKER, mode: '100644' as const, type: 'blob' as const, content: `${JSON.stringify(STORE_FORMAT)}\n` };
      const body = tip?.tree ? { owner, repo, base_tree: tip.tree, tree: [file] } : { owner, repo, tree: [marker, file] };
      return (await client.request('POST /repos/{owner}/{repo}/git/trees', body)).data.sha;
    },
  });
}

/**
 * Records a push's metrics on the store branch, as the last row of the publishing table (never fails the run).
 * Only `push` to the default branch gets one (the config decides); a read-only token is said, not an error.
 */
export class HistoryRecorder implements Target {
  readonly name = 'history store';
  constructor(
    private readonly ctx: GitHubContext,
    private readonly store: HistoryStore,
    private readonly log: Logger,
    private readonly clientOptions: GitHubClientOptions = {},
  ) {}

  async publish(report: ReportData): Promise<TargetOutcome> {
    const commit = report.head.sha;
    const why = !this.ctx.token
      ? "no 'github-token'"
      : !commit
        ? 'the head is not a commit'
        : report.pipeline?.stages.some((s) => s.status === 'failed')
          ? 'a stage failed'
          : report.projectErrors?.length
            ? 'project files do not parse'
            : null;
    if (why) {
      this.log.info(`History store: this push's metrics are not recorded (${why}).`);
      return { skipped: true };
    }
    const tip = await this.store.tip();
    if (tip.state === 'absent' && !tip.remote) {
      this.log.info(`History store: ${tip.why}; this push's metrics are not recorded.`);
      return { skipped: true };
    }
    const metrics = headMetrics(report.metrics);
    if (!metrics.length) {
      this.log.info('History store: no numeric metrics at the head; nothing recorded.');
      return { skipped: true };
    }
    const client = await createGitHubClient(this.ctx.token, this.ctx.apiUrl, { onRetry: (m) => this.log.info(m), ...this.clientOptions });
    try {
      const date = await this.store.dateOf(commit!);
      const written = await writeRecord(client, { owner: this.ctx.owner, repo: this.ctx.repo }, this.store, { commit: commit!, date, metrics });
      this.log.info(`History store: recorded ${metrics.length} metric values of ${shortSha(commit!)} on '${this.store.branch}' (${shortSha(written)}).`);
      return { location: `${this.store.branch}:${recordPath(commit!)}` };
    } catch (error) {
      if (!isPermissionError(error)) {
        throw error instanceof UserError ? error : new UserError(`Could not record this push's metrics: ${describeApiFailure(error, '`contents: write`')}.`);
      }
      this.log.warning(
        `History store: the token cannot write the branch '${this.store.branch}' (the workflow needs \`permissions: contents: write\`); this push's metrics are not recorded.`,
      );
      return { notPosted: 'a read-only token' };
    }
  }
}
