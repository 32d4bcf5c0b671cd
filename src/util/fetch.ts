import { getProxyUrl } from '@actions/http-client/lib/proxy';
import { performance } from 'node:perf_hooks';
import type { Dispatcher, ProxyAgent } from 'undici';
import type { TimeLimit } from './deadline';

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
    limit?: string,
  ) {
    super(limit ? `no answer before ${limit} was spent` : `no answer within ${timeoutMs / 1000} s`);
    this.name = 'RequestTimeoutError';
  }
}

/**
 * fetch through the proxy the environment asks for, abandoned after `timeoutMs` (reading the body included).
 * A caller's own abort signal still works.
 */
export async function httpFetch(input: string | URL, init: RequestInit = {}, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Response> {
  const url = new URL(input);
  const net = await import('./net-libraries');
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  try {
    const options = { ...init, signal, dispatcher: proxyFor(url, net.ProxyAgent) } as Parameters<typeof net.fetch>[1];
    return await net.fetch(url, options);
  } catch (error) {
    if (timeout.aborted) throw new RequestTimeoutError(timeoutMs);
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
