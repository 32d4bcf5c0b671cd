import type { HubConfig } from '../../config/types';
import { hostedImages } from '../../report/images';
import { composeMarkdown, REPORT_MARKER } from '../../report/markdown';
import type { ReportData } from '../../report/types';
import { UserError } from '../../util/errors';
import type { Logger } from '../../util/log';
import type { Target, TargetOutcome } from '../types';
import { GiteaClient, type HubComment, type HubPull } from './gitea';
import { HttpError, JsonHttp, type HttpSettings } from '../../util/http';

/** The hub's API client for a config: Bearer token in a header, never in a URL or a message. */
export function hubHttp(hub: HubConfig, tuning: Partial<HttpSettings> = {}): JsonHttp {
  return new JsonHttp({
    service: `DagsHub (${hub.url})`,
    baseUrl: `${hub.url}/api/v1`,
    headers: hub.token ? { authorization: `Bearer ${hub.token}` } : {},
    secrets: hub.token ? [hub.token] : [],
    ...tuning,
  });
}

/**
 * Keeps one sticky report comment on the hub PR that mirrors this GitHub PR (same head branch, open; same
 * head commit when the hub says which). Edits it in place where the hub allows, else posts a new one and
 * deletes the old.
 */
export class HubCommentPublisher implements Target {
  readonly name: string;
  private readonly api: GiteaClient;

  constructor(
    private readonly hub: HubConfig,
    private readonly log: Logger,
    tuning: Partial<HttpSettings> = {},
  ) {
    this.name = `DagsHub PR comment (${hub.owner}/${hub.repo})`;
    this.api = new GiteaClient(hubHttp(hub, tuning), hub.owner, hub.repo);
  }

  async publish(report: ReportData): Promise<TargetOutcome> {
    if (this.hub.change.prNumber === null) {
      this.log.info('DagsHub: not a pull request, so no PR comment (the MLflow run is still logged).');
      return { skipped: true };
    }
    if (!this.hub.token)
      throw new UserError("'hub-token' is empty, so nothing was posted to DagsHub. Set it from a secret (pull requests from forks get no secrets).");
    const branch = this.hub.change.branch;
    if (!branch) throw new UserError('The event names no head branch, so the DagsHub PR cannot be found.');
    const pull = matchPull(await this.guard(this.api.openPulls()), branch, this.hub.change.sha);
    if (!pull) {
      throw new UserError(
        `No open DagsHub PR in ${this.hub.owner}/${this.hub.repo} has head branch '${branch}': the PR is not mirrored. Open it on DagsHub (or connect the repository), or check 'hub-repo'.`,
      );
    }
    const body = hubBody(report);
    const login = await this.api.currentUser().catch(() => null);
    const ours = (await this.guard(this.api.comments(pull.number))).filter((c) => c.body?.includes(REPORT_MARKER) && (!login || authorOf(c) === login));
    const existing = ours.at(-1);
    let comment: HubComment;
    if (!existing) {
      comment = await this.guard(this.api.createComment(pull.number, body));
      this.log.info(`DagsHub: posted the report on PR #${pull.number}.`);
    } else {
      const edited = await this.guard(this.api.editComment(pull.number, existing.id, body));
      if (edited) {
        comment = edited;
        this.log.info(`DagsHub: updated the report on PR #${pull.number}.`);
      } else {
        comment = await this.guard(this.api.createComment(pull.number, body));
        const deleted = await this.api.deleteComment(pull.number, existing.id).catch(() => false);
        this.log.info(
          `DagsHub cannot edit comments: posted the report anew on PR #${pull.number}${deleted ? ' and deleted the old one' : `; the old one (${existing.id}) could not be deleted`}.`,
        );
      }
    }
    // A retried POST whose first answer was lost can leave a twin; one report per PR is the promise.
    for (const stale of ours.slice(0, -1)) await this.api.deleteComment(pull.number, stale.id).catch(() => false);
    return { location: comment.html_url ?? pull.html_url ?? `${this.hub.url}/${this.hub.owner}/${this.hub.repo}/pulls/${pull.number}` };
  }

  /** Turns the statuses people can fix into messages that say how. */
  private async guard<T>(call: Promise<T>): Promise<T> {
    try {
      return await call;
    } catch (error) {
      if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
        throw new UserError(`${error.message}. Check 'hub-token': a DagsHub access token of a user with write access to ${this.hub.owner}/${this.hub.repo}.`);
      }
      if (error instanceof HttpError && error.status === 404) {
        throw new UserError(`${error.message}. Check 'hub-repo' (${this.hub.owner}/${this.hub.repo}) and 'hub-url' (${this.hub.url}).`);
      }
      throw error;
    }
  }
}

/** The open hub PR with our head branch; when several, the one at our head commit, else the newest. */
export function matchPull(pulls: HubPull[], branch: string, sha: string | null): HubPull | null {
  const candidates = pulls.filter((p) => (p.state ?? 'open') === 'open' && p.head?.ref === branch);
  if (!candidates.length) return null;
  const atSha = sha ? candidates.filter((p) => p.head?.sha === sha) : [];
  const pool = atSha.length ? atSha : candidates;
  return pool.reduce((a, b) => (b.number > a.number ? b : a));
}

/**
 * The report as the hub shows it (its PR comment and the MLflow run's note): images relative to report.md cannot
 * resolve there, and GitHub-hosted ones may be private, so each plot is named and points at the GitHub report. Pure.
 */
export function hubBody(report: ReportData): string {
  return composeMarkdown(report, { images: hostedImages(new Map(), 'the GitHub report', false) });
}

function authorOf(comment: HubComment): string | undefined {
  return comment.user?.login || comment.user?.username;
}
