import { paginate, validationFailed, notFound, type FakeGitHub, type FakeRequest, type FakeResponse, type Actor } from '../server';
import { pulls } from './pulls';
import { bucket, requireActor, simpleUser } from './shapes';

/** GitHub's limit on a comment body; longer bodies get 422 "Body is too long (maximum is 65536 characters)". */
const COMMENT_BODY_LIMIT = 65536;

export interface FakeComment {
  id: number;
  /** `pr:<number>` or `commit:<sha>`. */
  on: string;
  body: string;
  author: Actor;
  createdAt: string;
  updatedAt: string;
}

export function comments(fake: FakeGitHub, req: FakeRequest): FakeComment[] {
  return bucket(fake, 'comments', req, () => [] as FakeComment[]);
}

/** Seeds a comment (e.g. an earlier report, or a person's comment quoting the marker). */
export function addComment(fake: FakeGitHub, fullName: string, on: string, body: string, author: Actor): FakeComment {
  const [owner = '', repo = ''] = fullName.split('/');
  const now = new Date().toISOString();
  const c: FakeComment = { id: fake.nextId(), on, body, author, createdAt: now, updatedAt: now };
  comments(fake, { params: { owner, repo } } as unknown as FakeRequest).push(c);
  return c;
}

function issueComment(fake: FakeGitHub, req: FakeRequest, c: FakeComment): Record<string, unknown> {
  const full = `${req.params.owner}/${req.params.repo}`;
  const number = c.on.slice('pr:'.length);
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${fake.url}/repos/${full}/issues/comments/${c.id}`,
    html_url: `${fake.url}/${full}/pull/${number}#issuecomment-${c.id}`,
    issue_url: `${fake.url}/repos/${full}/issues/${number}`,
    body: c.body,
    user: simpleUser(fake, c.author),
    author_association: 'NONE',
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

function commitComment(fake: FakeGitHub, req: FakeRequest, c: FakeComment): Record<string, unknown> {
  const full = `${req.params.owner}/${req.params.repo}`;
  const sha = c.on.slice('commit:'.length);
  return {
    id: c.id,
    node_id: `CC_${c.id}`,
    url: `${fake.url}/repos/${full}/comments/${c.id}`,
    html_url: `${fake.url}/${full}/commit/${sha}#commitcomment-${c.id}`,
    body: c.body,
    path: null,
    position: null,
    line: null,
    commit_id: sha,
    user: simpleUser(fake, c.author),
    author_association: 'NONE',
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

function bodyProblem(req: FakeRequest): FakeResponse | null {
  const body = (req.body as { body?: unknown } | undefined)?.body;
  if (typeof body !== 'string') return validationFailed('body is missing', 'body');
  if (body.length > COMMENT_BODY_LIMIT) return validationFailed(`Body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`, 'body');
  return null;
}

/**
 * Issue (PR) comments and commit comments: list (paginated, oldest first), create, update, delete — the
 * endpoints of GitHub's "Issue comments" and "Commit comments" REST docs, with their 404, 422 and 401 answers.
 */
export function registerComments(fake: FakeGitHub): void {
  const onPr = (req: FakeRequest): string | null => {
    const n = Number(req.params.issue_number);
    return pulls(fake, req).some((p) => p.number === n) ? `pr:${n}` : null;
  };
  const onCommit = (req: FakeRequest): string | null => (/^[0-9a-f]{40}$/.test(req.params.commit_sha ?? '') ? `commit:${req.params.commit_sha}` : null);

  for (const [kind, listTemplate, itemTemplate, where, shape] of [
    ['issue', '/repos/{owner}/{repo}/issues/{issue_number}/comments', '/repos/{owner}/{repo}/issues/comments/{comment_id}', onPr, issueComment],
    ['commit', '/repos/{owner}/{repo}/commits/{commit_sha}/comments', '/repos/{owner}/{repo}/comments/{comment_id}', onCommit, commitComment],
  ] as const) {
    fake.route('GET', listTemplate, (req) => {
      const on = where(req);
      if (!on) return { status: 404, body: notFound() };
      const list = comments(fake, req)
        .filter((c) => c.on === on)
        .sort((a, b) => a.id - b.id);
      return paginate(
        fake,
        req,
        list.map((c) => shape(fake, req, c)),
      );
    });
    fake.route('POST', listTemplate, (req) => {
      const on = where(req);
      if (!on) return { status: 404, body: notFound() };
      const problem = requireActor(req) ?? bodyProblem(req);
      if (problem) return problem;
      const now = new Date().toISOString();
      const c: FakeComment = { id: fake.nextId(), on, body: (req.body as { body: string }).body, author: req.actor!, createdAt: now, updatedAt: now };
      comments(fake, req).push(c);
      return { status: 201, body: shape(fake, req, c), headers: { location: String((shape(fake, req, c) as { url: string }).url) } };
    });
    const find = (req: FakeRequest): FakeComment | undefined =>
      comments(fake, req).find((c) => c.id === Number(req.params.comment_id) && c.on.startsWith(kind === 'issue' ? 'pr:' : 'commit:'));
    fake.route('PATCH', itemTemplate, (req) => {
      const c = find(req);
      if (!c) return { status: 404, body: notFound() };
      const problem = requireActor(req) ?? bodyProblem(req);
      if (problem) return problem;
      c.body = (req.body as { body: string }).body;
      c.updatedAt = new Date().toISOString();
      return { status: 200, body: shape(fake, req, c) };
    });
    fake.route('DELETE', itemTemplate, (req) => {
      const list = comments(fake, req);
      const c = find(req);
      if (!c) return { status: 404, body: notFound() };
      const problem = requireActor(req);
      if (problem) return problem;
      list.splice(list.indexOf(c), 1);
      return { status: 204 };
    });
  }
}
