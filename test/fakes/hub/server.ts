import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FakeMlflow } from '../mlflow/server';
import { applyFault, close, createServer, FaultQueue, listen, readBody, sendJson } from './http';

/**
 * A fake hub speaking the Gitea-style REST API DagsHub follows (`/api/v1/...`): the user, a repository's open
 * pulls (paginated with `page`/`limit`, `Link` and `X-Total-Count` headers), issue comments (list, create,
 * edit, delete). The comment list is not paginated, as in Gitea and Gogs: Gitea's swagger (`issueGetComments`)
 * defines only `since`/`before`, and its handler (`ListIssueComments`) ignores `page`/`limit`, answers every
 * comment each time with an `X-Total-Count` header and no `Link`. Optionally serves a fake MLflow under
 * `/{owner}/{repo}.mlflow`, as DagsHub does. Loopback only.
 */
export interface FakeHubOptions {
  owner: string;
  repo: string;
  login: string;
  token: string;
  /** Which edit/delete comment path exists: Gitea's `/issues/comments/{id}`, Gogs' `/issues/{index}/comments/{id}`, or none (405). */
  commentEndpoint?: 'gitea' | 'gogs' | 'none';
  /** What a missing edit/delete path answers: 405 (the route exists for other methods) or 404 (no route). */
  missingEndpointStatus?: 404 | 405;
  /** The same for deleting; defaults to `commentEndpoint`. */
  deleteEndpoint?: 'gitea' | 'gogs' | 'none';
  /** Gitea caps `limit` at its MAX_RESPONSE_ITEMS (50 by default). */
  maxPageSize?: number;
  mlflow?: FakeMlflow;
}

export interface FakePull {
  number: number;
  state: 'open' | 'closed';
  headRef: string;
  headSha: string;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  login: string;
}

export class FakeHub {
  readonly pulls: FakePull[] = [];
  readonly comments: FakeComment[] = [];
  readonly faults = new FaultQueue();
  readonly requests: { method: string; path: string; search: string; authorization: string | undefined; body: string }[] = [];
  url = '';
  private nextComment = 1000;
  private server: Server | null = null;

  private constructor(readonly options: FakeHubOptions) {}

  static async start(options: FakeHubOptions): Promise<FakeHub> {
    const fake = new FakeHub(options);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    fake.url = await listen(fake.server);
    return fake;
  }

  close(): Promise<void> {
    return this.server ? close(this.server) : Promise.resolve();
  }

  addPull(pull: Partial<FakePull> & { headRef: string }): FakePull {
    const full: FakePull = { number: this.pulls.length + 1, state: 'open', headSha: 'f'.repeat(40), ...pull };
    this.pulls.push(full);
    return full;
  }

  /** A comment by someone (a person, or the token's user), as if posted before the run. */
  addComment(issue: number, body: string, login = this.options.login): FakeComment {
    const comment = { id: this.nextComment++, issue, body, login };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(issue: number): FakeComment[] {
    return this.comments.filter((c) => c.issue === issue);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const { owner, repo, mlflow } = this.options;
    const mount = `/${owner}/${repo}.mlflow`;
    if (mlflow && url.pathname.startsWith(`${mount}/`)) {
      await mlflow.handle(req, res, url.pathname.slice(mount.length), url.searchParams);
      return;
    }
    const text = await readBody(req);
    this.requests.push({ method, path: url.pathname, search: url.search, authorization: req.headers.authorization, body: text });
    if (applyFault(this.faults.take(method, url.pathname), req, res)) return;
    const auth = req.headers.authorization ?? '';
    if (auth !== `Bearer ${this.options.token}` && auth !== `token ${this.options.token}`) {
      sendJson(res, 401, { message: 'user does not exist [uid: 0, name: ]', url: `${this.url}/api/swagger` });
      return;
    }
    const base = `/api/v1/repos/${owner}/${repo}`;
    const path = url.pathname;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/api/v1/user') return sendJson(res, 200, { id: 1, login: this.options.login, username: this.options.login });
    if (!path.startsWith(`${base}/`)) return sendJson(res, 404, { message: "The target couldn't be found.", errors: [] });
    const rest = path.slice(base.length);
    if (method === 'GET' && rest === '/pulls') {
      const state = url.searchParams.get('state') ?? 'open';
      const list = this.pulls.filter((p) => state === 'all' || p.state === state);
      return this.page(
        res,
        url,
        list.map((p) => this.pullJson(p)),
      );
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(m[1]);
      if (!this.pulls.some((p) => p.number === issue)) return sendJson(res, 404, { message: 'issue does not exist', errors: [] });
      if (method === 'GET') {
        const all = this.commentsOn(issue);
        return sendJson(
          res,
          200,
          all.map((c) => this.commentJson(c)),
          { 'x-total-count': String(all.length) },
        );
      }
      if (method === 'POST') {
        const body = parseBody(text);
        if (typeof body?.body !== 'string') return sendJson(res, 422, { message: '[Body]: Required', errors: [] });
        return sendJson(res, 201, this.commentJson(this.addComment(issue, body.body)));
      }
    }
    const giteaPath = /^\/issues\/comments\/(\d+)$/.exec(rest);
    const gogsPath = /^\/issues\/(\d+)\/comments\/(\d+)$/.exec(rest);
    const endpoint = method === 'DELETE' ? (this.options.deleteEndpoint ?? this.options.commentEndpoint ?? 'gitea') : (this.options.commentEndpoint ?? 'gitea');
    if ((giteaPath && endpoint === 'gitea') || (gogsPath && endpoint === 'gogs')) {
      const id = Number(giteaPath ? giteaPath[1] : gogsPath![2]);
      const comment = this.comments.find((c) => c.id === id && (!gogsPath || c.issue === Number(gogsPath[1])));
      if (!comment) return sendJson(res, 404, { message: 'comment does not exist', errors: [] });
      if (comment.login !== this.options.login) return sendJson(res, 403, { message: 'user should be the poster', errors: [] });
      if (method === 'PATCH') {
        const body = parseBody(text);
        if (typeof body?.body !== 'string') return sendJson(res, 422, { message: '[Body]: Required', errors: [] });
        comment.body = body.body;
        return sendJson(res, 200, this.commentJson(comment));
      }
      if (method === 'DELETE') {
        this.comments.splice(this.comments.indexOf(comment), 1);
        return sendJson(res, 204, null);
      }
    }
    if (giteaPath || gogsPath) {
      const status = this.options.missingEndpointStatus ?? 405;
      return sendJson(res, status, { message: status === 405 ? 'Method Not Allowed' : "The target couldn't be found.", errors: [] });
    }
    return sendJson(res, 404, { message: "The target couldn't be found.", errors: [] });
  }

  /** Gitea's pagination: `page` from 1, `limit` capped, `Link` with rel="next"/"last", `X-Total-Count`. */
  private page(res: ServerResponse, url: URL, items: unknown[]): void {
    const max = this.options.maxPageSize ?? 50;
    const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? max) || max, 1), max);
    const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / limit), 1);
    const link = (p: number, rel: string): string => {
      const u = new URL(url.pathname, this.url);
      url.searchParams.forEach((v, k) => u.searchParams.set(k, v));
      u.searchParams.set('page', String(p));
      u.searchParams.set('limit', String(limit));
      return `<${u.href}>; rel="${rel}"`;
    };
    const links = [...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []), ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : [])];
    sendJson(res, 200, items.slice((page - 1) * limit, page * limit), {
      'x-total-count': String(items.length),
      ...(links.length ? { link: links.join(',') } : {}),
    });
  }

  private pullJson(p: FakePull): unknown {
    const { owner, repo } = this.options;
    return {
      id: p.number + 500,
      number: p.number,
      state: p.state,
      title: `PR ${p.number}`,
      html_url: `${this.url}/${owner}/${repo}/pulls/${p.number}`,
      head: { label: p.headRef, ref: p.headRef, sha: p.headSha, repo: { full_name: `${owner}/${repo}` } },
      base: { label: 'main', ref: 'main', sha: '0'.repeat(40), repo: { full_name: `${owner}/${repo}` } },
    };
  }

  private commentJson(c: FakeComment): unknown {
    const { owner, repo } = this.options;
    return {
      id: c.id,
      html_url: `${this.url}/${owner}/${repo}/pulls/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${this.url}/${owner}/${repo}/issues/${c.issue}`,
      user: { id: 1, login: c.login, username: c.login },
      body: c.body,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
    };
  }
}

function parseBody(text: string): { body?: unknown } | null {
  try {
    return JSON.parse(text) as { body?: unknown };
  } catch {
    return null;
  }
}
