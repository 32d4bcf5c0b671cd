import { notFound, type FakeGitHub, type FakeRequest } from '../server';
import { bucket, repository, simpleUser } from './shapes';

/** A pull request as the fake keeps it; tests seed them with addPullRequest. */
export interface FakePull {
  number: number;
  state: 'open' | 'closed';
  title: string;
  headSha: string;
  headRef: string;
  /** `owner/name` of the head repository (a fork's for fork PRs). */
  headRepo: string;
  baseRef: string;
  baseSha: string;
}

export function pulls(fake: FakeGitHub, req: FakeRequest): FakePull[] {
  return bucket(fake, 'pulls', req, () => [] as FakePull[]);
}

/** Seeds a pull request in `owner/repo` (issue comments need it to exist, as on GitHub). */
export function addPullRequest(fake: FakeGitHub, fullName: string, pull: Partial<FakePull> & { number: number; headSha: string }): FakePull {
  const [owner = '', repo = ''] = fullName.split('/');
  const list = pulls(fake, { params: { owner, repo } } as unknown as FakeRequest);
  const full: FakePull = {
    state: 'open',
    title: `PR ${pull.number}`,
    headRef: `feature-${pull.number}`,
    headRepo: fullName,
    baseRef: 'main',
    baseSha: '0'.repeat(40),
    ...pull,
  };
  list.push(full);
  return full;
}

/** `pull-request-simple`, the shape both list endpoints return. */
function pullSimple(fake: FakeGitHub, req: FakeRequest, pr: FakePull): Record<string, unknown> {
  const full = `${req.params.owner}/${req.params.repo}`;
  const api = `${fake.url}/repos/${full}`;
  const html = `${fake.url}/${full}/pull/${pr.number}`;
  const author = simpleUser(fake, { login: pr.headRepo.split('/')[0] ?? 'someone', id: 7, type: 'User' });
  const link = (href: string): { href: string } => ({ href });
  const now = new Date().toISOString();
  return {
    url: `${api}/pulls/${pr.number}`,
    id: 500000 + pr.number,
    node_id: `PR_${pr.number}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pr.number}`,
    commits_url: `${api}/pulls/${pr.number}/commits`,
    review_comments_url: `${api}/pulls/${pr.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pr.number}/comments`,
    statuses_url: `${api}/statuses/${pr.headSha}`,
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    user: author,
    body: null,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: now,
    updated_at: now,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${pr.headRepo.split('/')[0]}:${pr.headRef}`,
      ref: pr.headRef,
      sha: pr.headSha,
      user: author,
      repo: repository(fake, pr.headRepo, pr.headRepo.toLowerCase() !== full.toLowerCase()),
    },
    base: { label: `${req.params.owner}:${pr.baseRef}`, ref: pr.baseRef, sha: pr.baseSha, user: author, repo: repository(fake, full, false) },
    _links: {
      self: link(`${api}/pulls/${pr.number}`),
      html: link(html),
      issue: link(`${api}/issues/${pr.number}`),
      comments: link(`${api}/issues/${pr.number}/comments`),
      review_comments: link(`${api}/pulls/${pr.number}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${api}/pulls/${pr.number}/commits`),
      statuses: link(`${api}/statuses/${pr.headSha}`),
    },
    author_association: 'CONTRIBUTOR',
    auto_merge: null,
    draft: false,
  };
}

/**
 * `GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls` (open PRs whose head is the commit) and
 * `GET /repos/{owner}/{repo}/pulls` (filters `state`, default open, and `head` as `owner:branch`).
 */
export function registerPulls(fake: FakeGitHub): void {
  fake.route('GET', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls', (req) => ({
    status: 200,
    body: pulls(fake, req)
      .filter((p) => p.headSha === req.params.commit_sha)
      .map((p) => pullSimple(fake, req, p)),
  }));
  // `GET /repos/{owner}/{repo}/pulls/{pull_number}`: the `pull-request` shape (the simple one and its counts), 404 when absent.
  fake.route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', (req) => {
    const pr = pulls(fake, req).find((p) => p.number === Number(req.params.pull_number));
    if (!pr) return { status: 404, body: notFound() };
    return {
      status: 200,
      body: {
        ...pullSimple(fake, req, pr),
        merged: false,
        mergeable: null,
        rebaseable: null,
        mergeable_state: 'unknown',
        merged_by: null,
        comments: 0,
        review_comments: 0,
        maintainer_can_modify: false,
        commits: 1,
        additions: 0,
        deletions: 0,
        changed_files: 0,
      },
    };
  });
  fake.route('GET', '/repos/{owner}/{repo}/pulls', (req) => {
    const state = req.query.get('state') ?? 'open';
    const head = req.query.get('head');
    const list = pulls(fake, req)
      .filter((p) => state === 'all' || p.state === state)
      .filter((p) => !head || `${p.headRepo.split('/')[0]}:${p.headRef}`.toLowerCase() === head.toLowerCase())
      .map((p) => pullSimple(fake, req, p));
    return { status: 200, body: list };
  });
}
