import type { GitHubContext, GitHubPublishConfig } from '../../config/types';
import type { Logger } from '../../util/log';
import type { GitHubClient } from './client';
import type { Thread } from './comments';

export interface Targets {
  threads: Thread[];
  /** The commit the report is about (names the images' folder). */
  headSha: string;
}

/**
 * Where the report goes, by event. A pull request event: its PR (or its head commit with `comment-on: commit`).
 * A push: the commit (`auto`), never a PR — a pushed commit that is an open PR's head (`GET /commits/{sha}/pulls`)
 * is that PR's run's to report on (pullRequestHeadNote). Other events: the open PRs whose head is the commit, else
 * the commit itself (`auto`). A `workflow_run` in publish mode: the PR the triggering run was for — taken from GitHub's event, or
 * for a fork (whose `pull_requests` is empty) looked up by the fork's owner and branch and accepted only if the
 * PR's head is the run's commit. Nothing from the artifact decides where the report goes.
 */
export async function resolveTargets(client: GitHubClient, ctx: GitHubContext, cfg: GitHubPublishConfig, log: Logger): Promise<Targets> {
  const run = cfg.mode === 'publish' ? ctx.workflowRun : null;
  if (run) {
    if (cfg.commentOn === 'commit') return { threads: [{ kind: 'commit', sha: run.headSha }], headSha: run.headSha };
    const prs = run.pullRequests.length ? run.pullRequests : await prsForFork(client, ctx, run.headRepository, run.headBranch, run.headSha);
    if (prs.length) return { threads: prs.map((n) => ({ kind: 'pr', number: n })), headSha: run.headSha };
    if (cfg.commentOn === 'auto' && run.event === 'push') return { threads: [{ kind: 'commit', sha: run.headSha }], headSha: run.headSha };
    log.warning(`No open pull request has ${run.headRepository}:${run.headBranch} at ${run.headSha.slice(0, 7)} as its head; the report is not posted.`);
    return { threads: [], headSha: run.headSha };
  }
  if (ctx.prNumber !== null) {
    const headSha = ctx.headSha ?? ctx.sha;
    return cfg.commentOn === 'commit' ? { threads: [{ kind: 'commit', sha: headSha }], headSha } : { threads: [{ kind: 'pr', number: ctx.prNumber }], headSha };
  }
  const sha = ctx.sha;
  if (cfg.commentOn === 'commit') return { threads: [{ kind: 'commit', sha }], headSha: sha };
  const prs = await openPullRequestsAt(client, ctx, sha);
  if (prs.length && ctx.eventName === 'push') {
    log.info(`${pullRequestHeadNote(sha, prs)}; the push run ${cfg.commentOn === 'auto' ? 'comments on the commit' : 'posts no comment'}.`);
    return { threads: cfg.commentOn === 'auto' ? [{ kind: 'commit', sha }] : [], headSha: sha };
  }
  if (prs.length) return { threads: prs.map((n) => ({ kind: 'pr', number: n })), headSha: sha };
  if (cfg.commentOn === 'auto') return { threads: [{ kind: 'commit', sha }], headSha: sha };
  log.info(`No open pull request has ${sha.slice(0, 7)} as its head ('comment-on: pr'); no comment posted.`);
  return { threads: [], headSha: sha };
}

/** Each run's answers by its GitHub context: a push run's comment and its check run ask the same question. */
const askedPulls = new WeakMap<object, Map<string, Promise<number[]>>>();

/** The open pull requests whose head is `sha` (`GET /commits/{sha}/pulls`), asked once a run (a failure is asked again). */
export function openPullRequestsAt(client: GitHubClient, ctx: Pick<GitHubContext, 'owner' | 'repo'>, sha: string): Promise<number[]> {
  let asked = askedPulls.get(ctx);
  if (!asked) askedPulls.set(ctx, (asked = new Map<string, Promise<number[]>>()));
  let answer = asked.get(sha);
  if (!answer) {
    answer = requestOpenPullRequests(client, ctx, sha);
    asked.set(sha, answer);
    answer.catch(() => asked.delete(sha));
  }
  return answer;
}

async function requestOpenPullRequests(client: GitHubClient, ctx: Pick<GitHubContext, 'owner' | 'repo'>, sha: string): Promise<number[]> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
    owner: ctx.owner,
    repo: ctx.repo,
    commit_sha: sha,
    per_page: 100,
  });
  return data.filter((pr) => pr.state === 'open' && pr.head.sha === sha).map((pr) => pr.number);
}

/**
 * Why a push run leaves a pull request alone: its head commit is reported on by the pull request's own run, gated by
 * the rules at its base branch. A push run gates with the branch's own .mlreport.yml — which the pull request may
 * have loosened — and compares with the push's previous commit, so its comment and its check would contradict (and,
 * being the same check name on the same commit, could replace) the pull request's.
 */
export function pullRequestHeadNote(sha: string, prs: number[]): string {
  const which = prs.map((n) => `#${n}`).join(', ');
  return `${sha.slice(0, 7)} is the head of pull request ${which}: its comment and the gate's check run there are the pull_request run's, gated by the rules at its base branch`;
}

async function prsForFork(client: GitHubClient, ctx: GitHubContext, headRepository: string, branch: string, sha: string): Promise<number[]> {
  const headOwner = headRepository.split('/')[0];
  if (!headOwner || !branch) return [];
  const { data } = await client.request('GET /repos/{owner}/{repo}/pulls', {
    owner: ctx.owner,
    repo: ctx.repo,
    state: 'open',
    head: `${headOwner}:${branch}`,
    per_page: 100,
  });
  return data.filter((pr) => pr.head.sha === sha && pr.head.repo?.full_name === headRepository).map((pr) => pr.number);
}
