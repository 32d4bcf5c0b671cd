import { getOctokit } from '@actions/github';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface GitHubClientOptions {
  /** Retries after a rate limit, a 5xx or a network error (default 4). */
  retries?: number;
  /** The longest single wait; a rate limit that resets later fails at once with a clear message (default 60 s). */
  maxWaitMs?: number;
  /** Multiplies every wait; tests use a tiny value so `retry-after: 1` costs a millisecond. */
  waitScale?: number;
  /** Told about each retry (the action logs it). */
  onRetry?: (message: string) => void;
}

/**
 * Octokit pointed at the right API (GitHub Enterprise: GITHUB_API_URL), with retries: rate limits (primary:
 * wait for `x-ratelimit-reset`; secondary and 429: honour `retry-after`, else a minute, as GitHub's docs ask)
 * and 5xx/network errors (exponential backoff). Requests stay sequential: GitHub asks integrations not to
 * send concurrent requests, and a run makes few.
 */
export function createGitHubClient(token: string, apiUrl: string, options: GitHubClientOptions = {}): GitHubClient {
  const octokit = getOctokit(token, { baseUrl: apiUrl.replace(/\/+$/, '') });
  const retries = options.retries ?? 4;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const scale = options.waitScale ?? 1;
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const what = `${requestOptions.method} ${String(requestOptions.url)}`;
        const decision = retryDecision(error, attempt, Date.now());
        if (!decision || attempt >= retries) throw error;
        const waitMs = decision.waitMs * scale;
        if (waitMs > maxWaitMs) {
          throw new Error(
            `${decision.reason} on ${what}; GitHub asks to wait ${Math.ceil(decision.waitMs / 1000)} s, longer than mlreport waits (${Math.round(maxWaitMs / 1000)} s).`,
          );
        }
        options.onRetry?.(`${decision.reason} on ${what}; retry ${attempt + 1} of ${retries} in ${(waitMs / 1000).toFixed(1)} s.`);
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  });
  return octokit;
}

interface ErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

/** Whether a failed request is worth repeating, and after how long (before scaling). Pure. */
export function retryDecision(error: unknown, attempt: number, now: number): { reason: string; waitMs: number } | null {
  const e = (error ?? {}) as ErrorLike;
  const status = e.status;
  const headers = e.response?.headers ?? {};
  const message = apiMessage(e);
  const retryAfter = Number(headers['retry-after']);
  if (status === 429 || (status === 403 && (/secondary rate limit|abuse/i.test(message) || headers['retry-after'] !== undefined))) {
    return { reason: `Secondary rate limit (${status})`, waitMs: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : 60_000 };
  }
  if ((status === 403 || status === 429) && String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']) * 1000;
    return { reason: `Rate limit exhausted (${status})`, waitMs: Number.isFinite(reset) ? Math.max(reset - now, 1000) : 60_000 };
  }
  // Octokit reports a failed connection (reset, refused, DNS) as status 500 with no response.
  if (status === undefined || (status === 500 && !e.response)) return { reason: 'Network error', waitMs: 1000 * 2 ** attempt };
  if (status >= 500) return { reason: `GitHub answered ${status}`, waitMs: 1000 * 2 ** attempt };
  return null;
}

/** GitHub's own message from an error response, else the error's. */
export function apiMessage(error: unknown): string {
  const e = (error ?? {}) as ErrorLike;
  const data = e.response?.data as { message?: unknown; errors?: { message?: unknown }[] } | undefined;
  const details = (data?.errors ?? []).map((x) => x.message).filter((m): m is string => typeof m === 'string');
  const main = typeof data?.message === 'string' ? data.message : (e.message ?? String(error));
  return details.length ? `${main}: ${details.join('; ')}` : main;
}

/** The status of a failed API request, or undefined. */
export function apiStatus(error: unknown): number | undefined {
  const status = (error as ErrorLike | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** A 403/404 on a write: the token may read but not write here (fork PRs, `permissions: read-all`). */
export function isPermissionError(error: unknown): boolean {
  const status = apiStatus(error);
  return status === 404 || (status === 403 && !/rate limit/i.test(apiMessage(error)));
}
