/**
 * What mlreport reads from GitHub's answers, checked once where every answer arrives (client.ts): an answer that
 * is not JSON, or JSON without a field we read, is an error naming the request and what was wrong, never a
 * TypeError deep in a caller. Only the fields the callers read are checked; routes not listed are not read.
 */
type Check = (value: unknown, at: string) => string | null;

const string: Check = (v, at) => (typeof v === 'string' ? null : wrong(v, at, 'a string'));
// Octokit parses big numbers as bigint.
const number: Check = (v, at) => (typeof v === 'number' || typeof v === 'bigint' ? null : wrong(v, at, 'a number'));
const orNull =
  (check: Check): Check =>
  (v, at) =>
    v === null || v === undefined ? null : check(v, at);

function object(fields: Record<string, Check>): Check {
  return (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return wrong(v, at, 'an object');
    for (const [key, check] of Object.entries(fields)) {
      const problem = check((v as Record<string, unknown>)[key], at ? `${at}.${key}` : `'${key}'`);
      if (problem) return problem;
    }
    return null;
  };
}

function list(item: Check): Check {
  return (v, at) => {
    if (!Array.isArray(v)) return wrong(v, at, 'a list');
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `item ${i + 1}`);
      if (problem) return problem;
    }
    return null;
  };
}

function wrong(value: unknown, at: string, expected: string): string {
  const what = at || 'the answer';
  if (value === undefined) return `${what} is missing (expected ${expected})`;
  const got = value === null ? 'null' : Array.isArray(value) ? 'a list' : `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
  return `${what} is ${got}, not ${expected}`;
}

const comment = object({ id: number, html_url: string, body: orNull(string), user: orNull(object({ login: string, type: string })) });
const sha = object({ sha: string });
const release = object({ id: number, upload_url: string });

/** By `METHOD /template`, as the callers name their requests. */
const EXPECTED: Record<string, Check> = {
  'GET /user': object({ login: string }),
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': list(comment),
  'GET /repos/{owner}/{repo}/commits/{commit_sha}/comments': list(comment),
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': comment,
  'POST /repos/{owner}/{repo}/commits/{commit_sha}/comments': comment,
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': comment,
  'PATCH /repos/{owner}/{repo}/comments/{comment_id}': comment,
  'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': list(object({ number, state: string, head: sha })),
  'GET /repos/{owner}/{repo}/pulls': list(object({ number, head: object({ sha: string, repo: orNull(object({ full_name: string })) }) })),
  'POST /repos/{owner}/{repo}/check-runs': object({ id: number, html_url: orNull(string) }),
  'POST /repos/{owner}/{repo}/git/blobs': sha,
  'POST /repos/{owner}/{repo}/git/trees': sha,
  'POST /repos/{owner}/{repo}/git/commits': sha,
  'GET /repos/{owner}/{repo}/git/ref/{ref}': object({ object: sha }),
  'GET /repos/{owner}/{repo}/releases/tags/{tag}': release,
  'POST /repos/{owner}/{repo}/releases': release,
  'GET /repos/{owner}/{repo}/releases/{release_id}/assets': list(object({ id: number, name: string, created_at: string })),
  'POST /repos/{owner}/{repo}/releases/{release_id}/assets': object({ browser_download_url: string }),
};

/** Later pages and release uploads name absolute URLs: matched by path, whatever the API's prefix (`/api/v3`). */
const BY_PATH = Object.entries(EXPECTED).map(([route, check]) => {
  const [method, template] = route.split(' ') as [string, string];
  return { method, pattern: new RegExp(`${template.replace(/\{[^}]+\}/g, '[^/]+')}$`), check };
});

function expected(method: string, url: string): Check | undefined {
  if (url.startsWith('/')) return EXPECTED[`${method} ${url}`];
  let path: string;
  try {
    path = new URL(url.replace(/\{[^}]*\}/g, '')).pathname;
  } catch {
    return undefined;
  }
  return BY_PATH.find((r) => r.method === method && r.pattern.test(path))?.check;
}

/** An answer GitHub (or what answered for it) gave that is not what the request's callers read. */
export class ApiAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiAnswerError';
  }
}

/**
 * Throws ApiAnswerError when `data`, the answer to `method url` (`url` as the caller named it: a template or an
 * absolute URL), is not the JSON its callers read. `shown` is how the message names the request.
 */
export function checkAnswer(method: string, url: string, data: unknown, shown: string): void {
  const check = expected(method, url);
  if (!check) return;
  // Octokit hands over the text of a body that does not parse as JSON, and the bytes of one not labelled JSON.
  const text = typeof data === 'string' || data instanceof ArrayBuffer || data === undefined;
  const excerpt = bodyExcerpt(data);
  const empty = data === undefined || (data instanceof ArrayBuffer ? !data.byteLength : !excerpt);
  const problem = !text ? check(data, '') : empty ? 'the body is empty' : `the body is not JSON${excerpt ? `: it starts ${excerpt}` : ''}`;
  if (problem) throw new ApiAnswerError(`GitHub's answer to ${shown} was not the JSON expected: ${problem}`);
}

/** The quoted start of a body that was not JSON, or null when it is not text or empty. */
export function bodyExcerpt(data: unknown): string | null {
  if (typeof data !== 'string' || !data.trim()) return null;
  const text = data.trim().replace(/\s+/g, ' ');
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
