import type { Actor, FakeGitHub, FakeRequest, FakeResponse } from '../server';

/**
 * Objects in the shapes GitHub's REST API documents (simple-user, repository...), with the fields its OpenAPI
 * description marks required. Shared by the route modules.
 */
export function simpleUser(fake: FakeGitHub, actor: Pick<Actor, 'login' | 'id' | 'type'>): Record<string, unknown> {
  const api = `${fake.url}/users/${encodeURIComponent(actor.login)}`;
  return {
    login: actor.login,
    id: actor.id,
    node_id: `U_${actor.id}`,
    avatar_url: `${fake.url}/avatars/u/${actor.id}`,
    gravatar_id: '',
    url: api,
    html_url: `${fake.url}/${encodeURIComponent(actor.login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: actor.type,
    site_admin: false,
  };
}

const REPO_URL_FIELDS = [
  'archive',
  'assignees',
  'blobs',
  'branches',
  'collaborators',
  'comments',
  'commits',
  'compare',
  'contents',
  'contributors',
  'deployments',
  'downloads',
  'events',
  'forks',
  'git_commits',
  'git_refs',
  'git_tags',
  'hooks',
  'issue_comment',
  'issue_events',
  'issues',
  'keys',
  'labels',
  'languages',
  'merges',
  'milestones',
  'notifications',
  'pulls',
  'releases',
  'stargazers',
  'statuses',
  'subscribers',
  'subscription',
  'tags',
  'teams',
  'trees',
];

/** A `repository` object (what a pull request's head.repo and base.repo hold). */
export function repository(fake: FakeGitHub, fullName: string, fork: boolean): Record<string, unknown> {
  const [owner = 'o', name = 'r'] = fullName.split('/');
  const api = `${fake.url}/repos/${fullName}`;
  const urls = Object.fromEntries(REPO_URL_FIELDS.map((f) => [`${f}_url`, `${api}/${f.replace(/_/g, '/')}`]));
  const now = new Date().toISOString();
  return {
    ...urls,
    id: hashId(fullName),
    node_id: `R_${hashId(fullName)}`,
    name,
    full_name: fullName,
    owner: simpleUser(fake, { login: owner, id: hashId(owner), type: 'User' }),
    private: false,
    html_url: `${fake.url}/${fullName}`,
    description: null,
    fork,
    url: api,
    clone_url: `${fake.url}/${fullName}.git`,
    git_url: `git://example.invalid/${fullName}.git`,
    ssh_url: `git@example.invalid:${fullName}.git`,
    svn_url: `${fake.url}/${fullName}`,
    mirror_url: null,
    homepage: null,
    language: null,
    default_branch: 'main',
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    open_issues: 0,
    open_issues_count: 0,
    size: 1,
    has_downloads: true,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: now,
    created_at: now,
    updated_at: now,
  };
}

function hashId(text: string): number {
  let h = 7;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) % 1_000_000_007;
  return h;
}

/** `owner/repo` of the request, lower-cased as GitHub compares them. */
function repoKey(req: FakeRequest): string {
  return `${req.params.owner}/${req.params.repo}`.toLowerCase();
}

/** A per-repository map kept in `fake.state` under `area`. */
export function bucket<T>(fake: FakeGitHub, area: string, req: FakeRequest, init: () => T): T {
  const key = `${area}:${repoKey(req)}`;
  if (!fake.state.has(key)) fake.state.set(key, init());
  return fake.state.get(key) as T;
}

/** 401 for a write without a token, as GitHub answers. */
export function requireActor(req: FakeRequest): FakeResponse | null {
  if (req.actor) return null;
  return { status: 401, body: { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest', status: '401' } };
}
