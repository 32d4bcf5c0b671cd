import type { GitHubClient } from './client';
import { apiStatus } from './client';

/** Where a comment goes: a pull request's conversation, or a commit. */
export type Thread = { kind: 'pr'; number: number } | { kind: 'commit'; sha: string };

export interface RepoRef {
  owner: string;
  repo: string;
}

interface ApiComment {
  id: number | bigint;
  body?: string | null;
  html_url: string;
  user: { login: string; type: string } | null;
}

/** Whose comments we may update and delete: the token's own. */
export interface Identity {
  describe: string;
  owns(user: ApiComment['user']): boolean;
}

/** The hidden line that marks one report (per report-id) among a PR's comments. */
export function commentMarker(reportId: string): string {
  return `<!-- mlreport:comment id=${reportId} -->`;
}

/**
 * The token's identity, asked only when a marked comment exists. App installation tokens (the workflow's
 * GITHUB_TOKEN, `ghs_…`) cannot read `GET /user` (403), and their bot login is not discoverable, so for them any
 * Bot account counts: people cannot post as a bot, so a person pasting the marker is never matched.
 */
export async function tokenIdentity(client: GitHubClient, token: string): Promise<Identity> {
  const app: Identity = { describe: 'a GitHub App bot (installation token)', owns: (u) => u?.type === 'Bot' };
  if (token.startsWith('ghs_')) return app;
  try {
    const { data } = await client.request('GET /user');
    return { describe: data.login, owns: (u) => u?.login === data.login };
  } catch (error) {
    const status = apiStatus(error);
    if (status === 403 || status === 404) return app;
    throw error;
  }
}

export interface UpsertResult {
  url: string;
  /** `kept`: `replaced` said the comment is not this run's to replace (why, in `keptBecause`). */
  action: 'created' | 'updated' | 'unchanged' | 'kept';
  deleted: number;
  keptBecause?: string;
}

/**
 * Posts the report once per thread: finds our earlier comments by marker and author, over every page of
 * comments (100 per request), updates the newest in place and deletes older duplicates (left by a race between
 * two runs). `mode: 'new'` always creates. An unchanged body is not re-sent; `replaced` may keep the comment as it
 * is (a reason), asked only when there is one to update.
 */
export async function upsertComment(
  client: GitHubClient,
  repo: RepoRef,
  thread: Thread,
  body: string,
  marker: string,
  mode: 'update' | 'new',
  identity: () => Promise<Identity>,
  replaced: () => Promise<string | null> = () => Promise.resolve(null),
): Promise<UpsertResult> {
  if (mode === 'update') {
    const marked = (await listComments(client, repo, thread)).filter((c) => c.body?.includes(marker));
    if (marked.length) {
      const who = await identity();
      const mine = marked.filter((c) => who.owns(c.user)).sort((a, b) => Number(b.id) - Number(a.id));
      const [newest, ...older] = mine;
      // Asked just before the write, where a run that finished late would put an older verdict back.
      const keptBecause = newest && newest.body !== body ? await replaced() : null;
      if (newest && keptBecause) return { url: newest.html_url, action: 'kept', deleted: 0, keptBecause };
      if (newest) {
        const url = newest.body === body ? newest.html_url : (await updateComment(client, repo, thread, Number(newest.id), body)).html_url;
        for (const old of older) await deleteComment(client, repo, thread, Number(old.id));
        return { url, action: newest.body === body ? 'unchanged' : 'updated', deleted: older.length };
      }
    }
  }
  const created = await createComment(client, repo, thread, body);
  return { url: created.html_url, action: 'created', deleted: 0 };
}

async function listComments(client: GitHubClient, { owner, repo }: RepoRef, thread: Thread): Promise<ApiComment[]> {
  if (thread.kind === 'pr') {
    return client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: thread.number, per_page: 100 });
  }
  return client.paginate('GET /repos/{owner}/{repo}/commits/{commit_sha}/comments', { owner, repo, commit_sha: thread.sha, per_page: 100 });
}

async function createComment(client: GitHubClient, { owner, repo }: RepoRef, thread: Thread, body: string): Promise<ApiComment> {
  if (thread.kind === 'pr') {
    return (await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: thread.number, body })).data;
  }
  return (await client.request('POST /repos/{owner}/{repo}/commits/{commit_sha}/comments', { owner, repo, commit_sha: thread.sha, body })).data;
}

async function updateComment(client: GitHubClient, { owner, repo }: RepoRef, thread: Thread, id: number, body: string): Promise<ApiComment> {
  if (thread.kind === 'pr') {
    return (await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner, repo, comment_id: id, body })).data;
  }
  return (await client.request('PATCH /repos/{owner}/{repo}/comments/{comment_id}', { owner, repo, comment_id: id, body })).data;
}

async function deleteComment(client: GitHubClient, { owner, repo }: RepoRef, thread: Thread, id: number): Promise<void> {
  try {
    if (thread.kind === 'pr') await client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner, repo, comment_id: id });
    else await client.request('DELETE /repos/{owner}/{repo}/comments/{comment_id}', { owner, repo, comment_id: id });
  } catch (error) {
    // Another run deleted it first: that is the outcome we wanted.
    if (apiStatus(error) !== 404) throw error;
  }
}
