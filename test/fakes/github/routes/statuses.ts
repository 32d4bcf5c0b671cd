import { canWrite, notAccessible, paginate, type Actor, type FakeGitHub, type FakeResponse } from '../server';

/**
 * Commit statuses: create one, list a commit's statuses (newest first). Validates the state enum and
 * GitHub's 140-character limit on descriptions (422 "description is too long (maximum is 140 characters)").
 */
export interface FakeStatus {
  id: number;
  owner: string;
  repo: string;
  sha: string;
  state: string;
  description: string | null;
  target_url: string | null;
  context: string;
  created_at: string;
  creator: Actor;
}

const STATES = ['error', 'failure', 'pending', 'success'];
const DESCRIPTION_LIMIT = 140;

export function commitStatuses(fake: FakeGitHub): FakeStatus[] {
  let statuses = fake.state.get('statuses') as FakeStatus[] | undefined;
  if (!statuses) fake.state.set('statuses', (statuses = []));
  return statuses;
}

export function registerStatusesRoutes(fake: FakeGitHub): void {
  fake.route('POST', '/repos/{owner}/{repo}/statuses/{sha}', (req) => {
    if (!req.actor) return { status: 401, body: { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest', status: '401' } };
    if (!canWrite(req.actor, 'statuses')) return notAccessible();
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!STATES.includes(String(body.state))) return invalid('state', 'state is not included in the list');
    if (!/^[0-9a-f]{40}$/i.test(req.params.sha!))
      return {
        status: 422,
        body: { message: `No commit found for SHA: ${req.params.sha}`, documentation_url: 'https://docs.github.com/rest/commits/statuses', status: '422' },
      };
    const description = typeof body.description === 'string' ? body.description : null;
    if (description !== null && [...description].length > DESCRIPTION_LIMIT)
      return invalid('description', 'description is too long (maximum is 140 characters)');
    const status: FakeStatus = {
      id: fake.nextId(),
      owner: req.params.owner!,
      repo: req.params.repo!,
      sha: req.params.sha!,
      state: String(body.state),
      description,
      target_url: typeof body.target_url === 'string' ? body.target_url : null,
      context: typeof body.context === 'string' && body.context ? body.context : 'default',
      created_at: new Date().toISOString(),
      creator: req.actor,
    };
    commitStatuses(fake).push(status);
    return { status: 201, body: statusBody(fake, status) };
  });

  fake.route('GET', '/repos/{owner}/{repo}/commits/{ref}/statuses', (req) => {
    const list = commitStatuses(fake)
      .filter((s) => s.owner === req.params.owner && s.repo === req.params.repo && s.sha === req.params.ref)
      .reverse();
    return paginate(
      fake,
      req,
      list.map((s) => statusBody(fake, s)),
    );
  });
}

function statusBody(fake: FakeGitHub, s: FakeStatus): Record<string, unknown> {
  return {
    url: `${fake.url}/repos/${s.owner}/${s.repo}/statuses/${s.sha}`,
    avatar_url: null,
    id: s.id,
    node_id: Buffer.from(`StatusContext:${s.id}`).toString('base64'),
    state: s.state,
    description: s.description,
    target_url: s.target_url,
    context: s.context,
    created_at: s.created_at,
    updated_at: s.created_at,
    creator: simpleUser(s.creator),
  };
}

function simpleUser(actor: Actor): Record<string, unknown> {
  const url = `https://api.github.com/users/${encodeURIComponent(actor.login)}`;
  return {
    login: actor.login,
    id: actor.id,
    node_id: Buffer.from(`Bot:${actor.id}`).toString('base64'),
    avatar_url: `https://avatars.githubusercontent.com/in/15368?v=4`,
    gravatar_id: '',
    url,
    html_url: `https://github.com/apps/github-actions`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: actor.type,
    site_admin: false,
  };
}

function invalid(field: string, message: string): FakeResponse {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ resource: 'Status', code: 'custom', field, message }],
      documentation_url: 'https://docs.github.com/rest/commits/statuses',
      status: '422',
    },
  };
}
