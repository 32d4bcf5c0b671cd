import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateRequest } from './openapi';

/**
 * A local stand-in for the GitHub REST API: real HTTP on 127.0.0.1, routes registered per feature
 * (see routes/*.ts), responses in the documented shapes and status codes. Tests can seed state, look at the
 * requests made, and inject faults (rate limits, 5xx) that the next matching requests receive.
 */
export interface FakeRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** The token's identity, or null when the request had no valid token. */
  actor: Actor | null;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  /** Sent as it is instead of `body` as JSON: answers GitHub never gives, as a proxy in between might. */
  raw?: string;
  headers?: Record<string, string>;
}

export interface Actor {
  login: string;
  id: number;
  type: 'Bot' | 'User';
  /** A read-only token (fork PRs, `permissions: read-all`): every write answers 403. */
  readOnly: boolean;
  /** Scopes this token may not write (a workflow's `permissions:` without e.g. `checks: write`); routes check it. */
  cannotWrite?: string[];
}

/** Whether the actor may write `scope` (`checks`, `statuses`...): the answer to GitHub's per-scope token permissions. */
export function canWrite(actor: Actor | null, scope: string): boolean {
  return actor !== null && !actor.readOnly && !(actor.cannotWrite ?? []).includes(scope);
}

/** GitHub's 403 for a token without the permission ("Resource not accessible by integration"). */
export function notAccessible(): FakeResponse {
  return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' } };
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The route template that matched, e.g. `GET /repos/{owner}/{repo}/issues/{issue_number}/comments`. */
  route: string | null;
  status: number;
  body: unknown;
  /** The response body sent (checked against the OpenAPI description by the fake's own tests). */
  response?: unknown;
}

export interface Fault {
  /** Applies to requests whose `METHOD /path` matches. */
  match: RegExp;
  response: FakeResponse;
  /** How many matching requests receive it (default 1). */
  times?: number;
}

type Handler = (req: FakeRequest, fake: FakeGitHub) => FakeResponse | Promise<FakeResponse>;

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly tokens = new Map<string, Actor>();
  /** Requests that sent a query parameter or body field their endpoint does not define (see `stop`). */
  readonly requestProblems: string[] = [];
  private readonly routes: Route[] = [];
  private readonly faults: Fault[] = [];
  private server: Server | null = null;
  private nextIdValue = 1000;
  /** Free-form state the route modules keep (comments, check runs, refs...). */
  readonly state = new Map<string, unknown>();
  url = '';

  /** The bot identity behind GITHUB_TOKEN in Actions. */
  static readonly ACTIONS_BOT: Actor = { login: 'github-actions[bot]', id: 41898282, type: 'Bot', readOnly: false };

  constructor() {
    this.tokens.set('test-token', FakeGitHub.ACTIONS_BOT);
    this.tokens.set('read-only-token', { ...FakeGitHub.ACTIONS_BOT, readOnly: true });
    this.tokens.set('no-checks-token', { ...FakeGitHub.ACTIONS_BOT, cannotWrite: ['checks'] });
  }

  nextId(): number {
    return this.nextIdValue++;
  }

  /** Registers a route; `template` uses the OpenAPI form, e.g. `/repos/{owner}/{repo}/pulls/{pull_number}`. */
  route(method: string, template: string, handler: Handler): this {
    const names: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_m, name: string) => {
        names.push(name);
        // A git ref (`heads/feature/x`) may hold slashes, sent raw or encoded.
        return name === 'ref' ? '(.+)' : '([^/]+)';
      })}$`,
    );
    this.routes.push({ method, template, pattern, names, handler });
    return this;
  }

  /** The next `times` requests matching `match` get `response` instead of being handled. */
  injectFault(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** Route templates registered, as `METHOD /template` (the OpenAPI test checks each exists upstream). */
  registeredRoutes(): { method: string; template: string }[] {
    return this.routes.map(({ method, template }) => ({ method, template }));
  }

  requestsTo(route: string): RecordedRequest[] {
    return this.requests.filter((r) => r.route === route);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /**
   * Stops the server, then fails when any request sent a query parameter or body field its endpoint does not
   * define in GitHub's OpenAPI description: every test that uses the fake checks its requests, not only the
   * responses it got.
   */
  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
    if (this.requestProblems.length) {
      throw new Error(`Requests not in GitHub's OpenAPI description:\n${[...new Set(this.requestProblems)].join('\n')}`);
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown = undefined;
    const contentType = String(req.headers['content-type'] ?? '');
    // Release asset uploads send the file's bytes (e.g. image/png); everything else is JSON.
    if (raw.length && contentType && !/json/i.test(contentType)) {
      body = raw;
    } else if (raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return this.send(
          res,
          { method, path: url.pathname, route: null, body: raw.toString('utf8') },
          { status: 400, body: { message: 'Problems parsing JSON' } },
        );
      }
    }
    const found = this.routes
      .filter((r) => r.method === method)
      .map((r) => ({ r, m: r.pattern.exec(url.pathname) }))
      .find((x) => x.m);
    const routeName = found ? `${method} ${found.r.template}` : null;
    const record = { method, path: url.pathname + url.search, route: routeName, body };
    if (found) {
      const problems = validateRequest(method, found.r.template, url.searchParams, body);
      if (problems.length) {
        this.requestProblems.push(...problems.map((p) => `${method} ${url.pathname}: ${p}`));
        return this.send(res, record, {
          status: 422,
          body: { message: `Invalid request.\n\n${problems.join('\n')}`, documentation_url: 'https://docs.github.com/rest' },
        });
      }
    }

    const fault = this.faults.find((f) => (f.times ?? 1) > 0 && f.match.test(`${method} ${url.pathname}`));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      return this.send(res, record, fault.response);
    }
    if (!found) return this.send(res, record, { status: 404, body: notFound() });

    const auth = req.headers.authorization ?? '';
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(auth)?.[1];
    const actor = token ? (this.tokens.get(token) ?? null) : null;
    if (token && !actor)
      return this.send(res, record, { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } });
    if (actor?.readOnly && method !== 'GET' && method !== 'HEAD') {
      return this.send(res, record, {
        status: 403,
        body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' },
      });
    }
    const params = Object.fromEntries(found.r.names.map((n, i) => [n, decodeURIComponent(found.m![i + 1]!)]));
    try {
      const response = await found.r.handler({ method, path: url.pathname, params, query: url.searchParams, headers: req.headers, body, actor }, this);
      this.send(res, record, response);
    } catch (error) {
      this.send(res, record, { status: 500, body: { message: `fake server error: ${error instanceof Error ? error.message : String(error)}` } });
    }
  }

  private send(res: ServerResponse, record: Omit<RecordedRequest, 'status'>, response: FakeResponse): void {
    this.requests.push({ ...record, status: response.status, response: response.body });
    const headers: Record<string, string> = {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-github-media-type': 'github.v3; format=json',
      ...response.headers,
    };
    if (response.raw !== undefined || response.body === undefined) {
      res.writeHead(response.status, headers).end(response.raw);
      return;
    }
    res.writeHead(response.status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(response.body));
  }
}

export function notFound(): { message: string; documentation_url: string; status: string } {
  return { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' };
}

/** GitHub's 422 shape. */
export function validationFailed(message: string, field?: string): FakeResponse {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', code: 'custom', field, message }],
      documentation_url: 'https://docs.github.com/rest',
      status: '422',
    },
  };
}

/** GitHub's Link header for page-based pagination (what Octokit's paginate follows). */
export function paginate<T>(fake: FakeGitHub, req: FakeRequest, items: T[]): FakeResponse {
  const perPage = Math.min(Number(req.query.get('per_page') ?? 30) || 30, 100);
  const page = Math.max(Number(req.query.get('page') ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (p: number, rel: string): string => {
    const q = new URLSearchParams(req.query);
    q.set('page', String(p));
    q.set('per_page', String(perPage));
    return `<${fake.url}${req.path}?${q}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
  return { status: 200, body: slice, headers: links.length ? { link: links.join(', ') } : {} };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
