import { performance } from 'node:perf_hooks';
import type { getOctokit } from '@actions/github';
import type { Octokit } from '@octokit/core';
import type Bottleneck from 'bottleneck/light.js';
import { githubApiRoot } from '../../config/github-api-url';
import type { TimeLimit } from '../../util/deadline';
import { UserError } from '../../util/errors';
import { DEFAULT_TIMEOUT_MS, fetchWithTimeout, PortRefused, RequestTimeoutError, whyNotSent } from '../../util/fetch';
import { rememberUnanswered } from '../../util/unanswered-hosts';
import { bodyExcerpt, checkAnswer } from './answers';

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
  /** The run's publishing limit (Deadline.publishing()): no request starts, waits or is retried past it. */
  limit?: TimeLimit;
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
  const baseUrl = githubApiRoot(apiUrl);
  const { getOctokit, retry, throttling, Bottleneck } = await import('../../util/net-libraries');
  oneWriteAtATime ??= new Bottleneck.Group({ maxConcurrent: 1 });
  const retries = options.retries ?? 4;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const scale = options.waitScale ?? 1;
  const say = options.onRetry ?? (() => undefined);
  const limit = options.limit;
  const onLimit =
    (reason: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const what = `${reason} on ${request.method} ${request.url}`;
      if (retryCount >= retries) return false;
      if (retryAfter * 1000 > maxWaitMs) {
        say(`${what}; GitHub asks to wait ${retryAfter} s, longer than mlreport waits (${Math.round(maxWaitMs / 1000)} s).`);
        return false;
      }
      if (limit && performance.now() + retryAfter * 1000 * scale >= limit.endsAt) {
        say(`${what}; GitHub asks to wait ${retryAfter} s, past ${limit.describe()}.`);
        return false;
      }
      say(`${what}; retry ${retryCount + 1} of ${retries} in ${((retryAfter * 1000 * scale) / 1000).toFixed(1)} s.`);
      return true;
    };
  return getOctokit(
    token,
    {
      baseUrl,
      request: { fetch: fetchWithTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, limit) },
      retry: { retries, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: 1000 * scale },
      throttle: {
        retryAfterBaseValue: 1000 * scale,
        write: oneWriteAtATime,
        notifications: oneWriteAtATime,
        onRateLimit: onLimit('Rate limit exhausted'),
        onSecondaryRateLimit: onLimit('Secondary rate limit'),
      },
    },
    checkAnswers(baseUrl),
    logRetries(retries, scale, say, limit),
    retry,
    throttling,
    notPastLimits(baseUrl, limit),
  );
}

/** How a message names a request: its method and path below the API root (templates filled, no query). */
function shown(octokit: Octokit, baseUrl: string, options: { method: string; url: string }): { origin: string; route: string } {
  const url = new URL(octokit.request.endpoint.parse(options as never).url);
  const base = new URL(baseUrl);
  const path =
    url.origin === base.origin && url.pathname.startsWith(`${base.pathname.replace(/\/$/, '')}/`)
      ? url.pathname.slice(base.pathname.replace(/\/$/, '').length)
      : url.pathname;
  return { origin: url.origin, route: `${options.method} ${path}` };
}

/** Every successful answer is checked once here, before any caller reads it (answers.ts). */
function checkAnswers(baseUrl: string) {
  return (octokit: Octokit): void => {
    octokit.hook.after('request', (response, options) => {
      checkAnswer(options.method, options.url, response.data, shown(octokit, baseUrl, options).route);
    });
  };
}

/**
 * Says why the retry plugin is about to repeat a request, or stops it when the wait would pass the run's limit or
 * fetch refused the port (no attempt can pass). Registered before it, so its error hook sees every failed attempt
 * and uses the retry plugin's own rule and wait ((attempt)² × 1 s).
 */
function logRetries(retries: number, scale: number, say: (message: string) => void, limit: TimeLimit | undefined) {
  return (octokit: Octokit): void => {
    octokit.hook.error('request', (error, options) => {
      const status = apiStatus(error);
      // The retry plugin reads this per request: 0 is no retry.
      const request = options.request as { retryCount?: number; retries?: number };
      const attempt = (request.retryCount ?? 0) + 1;
      if (causeOf(error) instanceof PortRefused) {
        request.retries = 0;
      } else if (status !== undefined && status >= 400 && !DO_NOT_RETRY.includes(status) && attempt <= retries) {
        const reason = (error as ErrorLike).response ? `GitHub answered ${status}` : `Network error (${apiMessage(error)})`;
        const waitMs = attempt ** 2 * 1000 * scale;
        if (limit && performance.now() + waitMs >= limit.endsAt) {
          request.retries = 0;
          // A request the limit itself cut says so already.
          const why = reason.includes(limit.describe()) ? '' : `: ${limit.describe()} is spent`;
          say(`${reason} on ${options.method} ${options.url}; not retried${why}.`);
        } else {
          say(`${reason} on ${options.method} ${options.url}; retry ${attempt} of ${retries} in ${(waitMs / 1000).toFixed(1)} s.`);
        }
      }
      throw error;
    });
  };
}

/** A request mlreport did not send; the message says which and why. */
export class RequestNotSent extends UserError {}

/**
 * Outside the retries: a request is not sent once the run's limit is spent, nor to an API host that left an
 * earlier request of the run unanswered through all its attempts (util/unanswered-hosts.ts, shared with the
 * run's other clients).
 */
function notPastLimits(baseUrl: string, limit: TimeLimit | undefined) {
  return (octokit: Octokit): void => {
    octokit.hook.wrap('request', async (request, options) => {
      const { origin, route } = shown(octokit, baseUrl, options);
      const notSent = whyNotSent(origin, limit);
      if (notSent) throw new RequestNotSent(`${route} was not sent: ${notSent}`);
      try {
        return await request(options);
      } catch (error) {
        if (causeOf(error) instanceof RequestTimeoutError) rememberUnanswered(origin, `GitHub: ${route}: ${apiMessage(error)}`);
        throw error;
      }
    });
  };
}

interface ErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

/** What Octokit's error for a request that got no answer wraps: the error fetch threw. */
export function causeOf(error: unknown): unknown {
  return (error as { cause?: unknown } | null)?.cause;
}

/** GitHub's own message from an error response (the start of one that is not JSON), else the error's. */
export function apiMessage(error: unknown): string {
  const e = (error ?? {}) as ErrorLike;
  if (e.response && (typeof e.response.data === 'string' || e.response.data instanceof ArrayBuffer)) {
    return bodyExcerpt(e.response.data) ?? 'an answer without a message';
  }
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

/** The token's rate limit spent: a 429, or a 403 whose message says so (any other 403 is a missing permission). */
export function isRateLimited(error: unknown): boolean {
  const status = apiStatus(error);
  return status === 429 || (status === 403 && /rate limit/i.test(apiMessage(error)));
}

/** A 403/404 on a write: the token may read but not write here (fork PRs, `permissions: read-all`). */
export function isPermissionError(error: unknown): boolean {
  const status = apiStatus(error);
  return status === 404 || (status === 403 && !isRateLimited(error));
}
