import type { getOctokit } from '@actions/github';
import type { Octokit } from '@octokit/core';
import type Bottleneck from 'bottleneck/light.js';
import { DEFAULT_TIMEOUT_MS, fetchWithTimeout } from '../../util/fetch';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface GitHubClientOptions {
  /** Retries after a 5xx, a network error or a timeout (default 4). */
  retries?: number;
  /** The longest rate-limit wait; a limit that resets later fails at once, saying so (default 60 s). */
  maxWaitMs?: number;
  /** Multiplies every wait; tests use a tiny value so `retry-after: 1` costs a millisecond. */
  waitScale?: number;
  /** How long one request may go unanswered (default 30 s). */
  timeoutMs?: number;
  /** Told about each retry (the action logs it). */
  onRetry?: (message: string) => void;
}

/**
 * Writes one at a time, as the throttling plugin has them, without its spacing (1 s between writes, 3 s between
 * comments, process-wide): a run makes about ten writes, all sequential, and the spacing made `mode: publish`
 * with three images 7.0 s instead of 2.7 s end to end (bench/publish.bench.ts). Rate-limit answers are still
 * waited out.
 */
let oneWriteAtATime: Bottleneck.Group | undefined;

/** Statuses the retry plugin leaves alone: client errors, and 403/429, which the throttling plugin handles. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

/**
 * Octokit composed once, as @actions/github gives it (GitHub Enterprise: GITHUB_API_URL; HTTPS_PROXY/NO_PROXY),
 * with @octokit/plugin-retry (5xx, network errors and timeouts, growing waits) and @octokit/plugin-throttling
 * (primary limits: wait for `x-ratelimit-reset`; secondary limits and 429: honour `retry-after`, else a
 * minute, as GitHub's docs ask). Every request is abandoned after `timeoutMs`. The libraries are read here, not at
 * start (src/util/net-libraries.ts).
 */
export async function createGitHubClient(token: string, apiUrl: string, options: GitHubClientOptions = {}): Promise<GitHubClient> {
  const { getOctokit, retry, throttling, Bottleneck } = await import('../../util/net-libraries');
  oneWriteAtATime ??= new Bottleneck.Group({ maxConcurrent: 1 });
  const retries = options.retries ?? 4;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const scale = options.waitScale ?? 1;
  const say = options.onRetry ?? (() => undefined);
  const onLimit =
    (reason: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const what = `${reason} on ${request.method} ${request.url}`;
      if (retryCount >= retries) return false;
      if (retryAfter * 1000 > maxWaitMs) {
        say(`${what}; GitHub asks to wait ${retryAfter} s, longer than mlreport waits (${Math.round(maxWaitMs / 1000)} s).`);
        return false;
      }
      say(`${what}; retry ${retryCount + 1} of ${retries} in ${((retryAfter * 1000 * scale) / 1000).toFixed(1)} s.`);
      return true;
    };
  return getOctokit(
    token,
    {
      baseUrl: apiUrl.replace(/\/+$/, ''),
      request: { fetch: fetchWithTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) },
      retry: { retries, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: 1000 * scale },
      throttle: {
        retryAfterBaseValue: 1000 * scale,
        write: oneWriteAtATime,
        notifications: oneWriteAtATime,
        onRateLimit: onLimit('Rate limit exhausted'),
        onSecondaryRateLimit: onLimit('Secondary rate limit'),
      },
    },
    logRetries(retries, scale, say),
    retry,
    throttling,
  );
}

/**
 * Says why the retry plugin is about to repeat a request. Registered before it, so its error hook sees every
 * failed attempt and uses the retry plugin's own rule and wait ((attempt)² × 1 s).
 */
function logRetries(retries: number, scale: number, say: (message: string) => void) {
  return (octokit: Octokit): void => {
    octokit.hook.error('request', (error, options) => {
      const status = apiStatus(error);
      const attempt = ((options.request as { retryCount?: number } | undefined)?.retryCount ?? 0) + 1;
      if (status !== undefined && status >= 400 && !DO_NOT_RETRY.includes(status) && attempt <= retries) {
        const reason = (error as ErrorLike).response ? `GitHub answered ${status}` : `Network error (${apiMessage(error)})`;
        say(`${reason} on ${options.method} ${options.url}; retry ${attempt} of ${retries} in ${(attempt ** 2 * scale).toFixed(1)} s.`);
      }
      throw error;
    });
  };
}

interface ErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
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
