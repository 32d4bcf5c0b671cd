import { apiMessage, apiStatus, type GitHubClient } from './client';
import type { RepoRef } from './comments';

/** How long a branch commit keeps retrying when other runs move the branch first. */
export interface RefRetry {
  deadlineMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_REF_RETRY: RefRetry = { deadlineMs: 60_000, firstDelayMs: 250, maxDelayMs: 8_000 };

/** A branch's tip commit, and its tree when the reader learnt it (a tree built on top of the tip needs it). */
export interface BranchTip {
  commit: string;
  tree: string | null;
}

/** What one commit on a store branch (plot images, metric history) needs from its owner. */
export interface BranchCommit {
  branch: string;
  message: string;
  /** Reads the branch's tip; null when the branch does not exist yet. Called again after each lost race. */
  tip(): Promise<BranchTip | null>;
  /** The tree to commit on top of `tip` (null: the branch's first commit). */
  tree(tip: BranchTip | null): Promise<string>;
  retry?: RefRetry;
}

/**
 * Commits a tree on top of an orphan branch of the repository with the Git Data API (creating the branch on first
 * use), and returns the new commit's SHA. The ref moves only as a fast-forward: when another run moved it first,
 * the tip is read again, the tree and commit made again on top of it, and the update retried, so no run's commit is
 * lost.
 */
export async function commitOnBranch(client: GitHubClient, repoRef: RepoRef, commit: BranchCommit): Promise<string> {
  // Only the two path parameters: a whole context spread here would go out as query or body fields.
  const { owner, repo } = repoRef;
  const retry = commit.retry ?? DEFAULT_REF_RETRY;
  const deadline = Date.now() + retry.deadlineMs;
  for (let attempt = 0; ; attempt++) {
    const tip = await commit.tip();
    const tree = await commit.tree(tip);
    const created = await client.request('POST /repos/{owner}/{repo}/git/commits', {
      owner,
      repo,
      message: commit.message,
      tree,
      parents: tip ? [tip.commit] : [],
    });
    try {
      if (tip) {
        await client.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner, repo, ref: `heads/${commit.branch}`, sha: created.data.sha, force: false });
      } else {
        await client.request('POST /repos/{owner}/{repo}/git/refs', { owner, repo, ref: `refs/heads/${commit.branch}`, sha: created.data.sha });
      }
      return created.data.sha;
    } catch (error) {
      // 422: not a fast-forward, or the branch was just created — another run got there first. A repository
      // ruleset's 422 is a refusal, not a race: repeating it changes nothing. Runs that collided would collide
      // again after equal waits: a random share of a doubling delay ("full jitter").
      if (apiStatus(error) !== 422 || isRulesetRefusal(error)) throw error;
      const waitMs = Math.random() * Math.min(retry.maxDelayMs, retry.firstDelayMs * 2 ** attempt);
      if (Date.now() + waitMs > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

/** A branch's tip by the REST API (one request; its tree is not learnt), null when the branch does not exist. */
export async function tipByRest(client: GitHubClient, { owner, repo }: RepoRef, branch: string): Promise<BranchTip | null> {
  try {
    return { commit: (await client.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner, repo, ref: `heads/${branch}` })).data.object.sha, tree: null };
  } catch (error) {
    if (apiStatus(error) === 404) return null;
    throw error;
  }
}

/** GitHub's answer when a repository ruleset forbids the ref write (creation, update or non-fast-forward). */
export function isRulesetRefusal(error: unknown): boolean {
  return apiStatus(error) === 422 && /repository rule violations/i.test(apiMessage(error));
}
