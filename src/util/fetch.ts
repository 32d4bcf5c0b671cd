import { getProxyUrl } from '@actions/http-client/lib/proxy';
import { performance } from 'node:perf_hooks';
import type { Dispatcher, ProxyAgent } from 'undici';
import type { TimeLimit } from './deadline';
import { unansweredBefore } from './unanswered-hosts';

/** How long one request (answer and body) may take before it is abandoned, unless the caller says otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;

const proxies = new Map<string, ProxyAgent>();

/**
 * The proxy @actions/http-client (and so Octokit in @actions/github) would use for this URL: HTTPS_PROXY or
 * HTTP_PROXY by the URL's scheme, none when NO_PROXY lists the host or the host is loopback. Node 20's own fetch
 * ignores these variables, so every client of ours sends through this.
 */
function proxyFor(url: URL, Agent: typeof ProxyAgent): Dispatcher | undefined {
  const proxy = getProxyUrl(url);
  if (!proxy?.hostname) return undefined;
  let agent = proxies.get(proxy.href);
  if (!agent) {
    const auth =
      proxy.username || proxy.password
        ? { token: `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}` }
        : {};
    agent = new Agent({ uri: `${proxy.protocol}//${proxy.host}`, ...auth });
    proxies.set(proxy.href, agent);
  }
  return agent;
}

/** A request that gave no complete answer in time; the message says how long we waited, never the URL's query. */
export class RequestTimeoutError extends Error {
  constructor(
    readonly timeoutMs: number,
    /** The limit that cut the wait short, as its message names it; then no retry can start either. */
    readonly limit?: string,
  ) {
    super(limit ? `no answer before ${limit} was spent` : `no answer within ${timeoutMs / 1000} s`);
    this.name = 'RequestTimeoutError';
  }
}

/**
 * A request fetch refused to send: the URL's port is one the Fetch standard blocks (6000, 9, 25 and others), which
 * Node's fetch turns down before connecting ("bad port"). Retrying cannot help; the message names the host and
 * port, never the query.
 */
export class PortRefused extends Error {
  constructor(url: URL) {
    super(`Node's fetch refuses port ${url.port} (${url.host}), one the Fetch standard blocks; no request to it is sent, so the service needs another port`);
    this.name = 'PortRefused';
  }
}

/** undici's answer to a blocked port: TypeError('fetch failed') caused by Error('bad port'), on Node 20 and 24 alike. */
function isBadPort(error: unknown): boolean {
  return error instanceof TypeError && error.cause instanceof Error && error.cause.message === 'bad port';
}

/**
 * fetch through the proxy the environment asks for, abandoned after `timeoutMs` (reading the body included).
 * A caller's own abort signal still works.
 */
async function httpFetch(input: string | URL, init: RequestInit = {}, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Response> {
  const url = new URL(input);
  const net = await import('./net-libraries');
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  try {
    const options = { ...init, signal, dispatcher: proxyFor(url, net.ProxyAgent) } as Parameters<typeof net.fetch>[1];
    return await net.fetch(url, options);
  } catch (error) {
    if (timeout.aborted) throw new RequestTimeoutError(timeoutMs);
    if (isBadPort(error)) throw new PortRefused(url);
    throw error;
  }
}

/**
 * `httpFetch` with a fixed timeout, in the shape of fetch (what Octokit's `request.fetch` takes); with a `limit`,
 * no request waits past it.
 */
export function fetchWithTimeout(timeoutMs: number, limit?: TimeLimit): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : input;
    const left = limit ? Math.max(0, Math.ceil(limit.endsAt - performance.now())) : Infinity;
    if (left >= timeoutMs) return httpFetch(url, init, timeoutMs);
    try {
      return await httpFetch(url, init, left);
    } catch (error) {
      throw error instanceof RequestTimeoutError ? new RequestTimeoutError(left, limit!.describe()) : error;
    }
  };
}

/**
 * Why a request to `origin` is not sent at all: the run's limit is spent, or the origin left an earlier request of
 * the run unanswered (unanswered-hosts.ts); undefined when it may go.
 */
export function whyNotSent(origin: string, limit: TimeLimit | undefined): string | undefined {
  if (limit && performance.now() >= limit.endsAt) return `${limit.describe()} is spent`;
  return unansweredBefore(origin);
}

/** Why a retry `waitMs` away is not made: the run's limit is spent, or passes first; undefined when it may be. */
export function whyNotRetried(waitMs: number, limit: TimeLimit | undefined): string | undefined {
  const now = performance.now();
  if (!limit || now + waitMs < limit.endsAt) return undefined;
  return now >= limit.endsAt ? `${limit.describe()} is spent` : `a retry in ${(waitMs / 1000).toFixed(1)} s would start past ${limit.describe()}`;
}
