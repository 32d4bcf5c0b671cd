import type { TimeLimit } from './deadline';
import { UserError } from './errors';
import { VERSION } from '../version';
import { DEFAULT_TIMEOUT_MS, fetchWithTimeout, PortRefused, RequestTimeoutError, whyNotRetried, whyNotSent } from './fetch';
import { rememberUnanswered } from './unanswered-hosts';

/** How to reach one service: its base URL, credentials (headers only), and how patient to be. */
export interface HttpSettings {
  /** What messages call the service ("DagsHub", "MLflow at https://…"). */
  service: string;
  baseUrl: string;
  /** Sent with every request; where the token lives. Never logged. */
  headers: Record<string, string>;
  /** Strings that must never appear in a message (tokens, encoded credentials). */
  secrets: string[];
  /** Attempts per request, the first included. */
  attempts?: number;
  /** First backoff delay; doubles each retry. */
  backoffMs?: number;
  /** Longest wait we accept from a Retry-After header. */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
  /** The run's publishing limit (Deadline.publishing()): no request starts, waits or is retried past it. */
  limit?: TimeLimit;
}

export interface HttpResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

/** A response the service refused, or a request that never got one (status null). */
export class HttpError extends UserError {
  constructor(
    message: string,
    readonly status: number | null,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * A small JSON client over fetch (through the environment's proxy, see util/fetch.ts): bounded retries with exponential backoff for dropped connections,
 * timeouts, 429 and 5xx (honouring Retry-After), and messages with the credentials scrubbed out. A request is not
 * sent, waited for or retried past the settings' limit, nor sent to an origin that left an earlier request of the
 * run unanswered through all its attempts (unanswered-hosts.ts); a port fetch refuses is not retried.
 */
export class JsonHttp {
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly settings: HttpSettings) {
    this.attempts = settings.attempts ?? 4;
    this.backoffMs = settings.backoffMs ?? 500;
    this.maxRetryAfterMs = settings.maxRetryAfterMs ?? 30_000;
    this.timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetch = fetchWithTimeout(this.timeoutMs, settings.limit);
  }

  get service(): string {
    return this.settings.service;
  }

  /** Returns the response for any status below 400; throws HttpError otherwise (after retries). */
  async request<T>(method: string, path: string, options: { query?: Record<string, string | number>; body?: unknown } = {}): Promise<HttpResponse<T>> {
    const url = new URL(this.settings.baseUrl.replace(/\/+$/, '') + path);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': `mlreport/${VERSION}`, ...this.settings.headers };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const what = `${method} ${url.pathname}`;
    const notSent = whyNotSent(url.origin, this.settings.limit);
    if (notSent) throw new HttpError(this.scrub(`${this.service}: ${what} was not sent: ${notSent}`), null, null);
    let lastError: HttpError | null = null;
    let timedOut = false;
    let notRetried: string | undefined;
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      let wait: number;
      timedOut = false;
      try {
        const response = await this.fetch(url, { method, headers, body });
        const text = await response.text().catch(() => '');
        const data = parseJson(text);
        if (response.status < 400) return { status: response.status, data: data as T, headers: response.headers };
        lastError = new HttpError(this.scrub(`${this.service}: ${what} returned ${response.status}${serverMessage(data, text)}`), response.status, data);
        if (!RETRY_STATUSES.has(response.status)) break;
        wait = this.retryAfter(response.headers.get('retry-after')) ?? this.backoff(attempt);
      } catch (error) {
        lastError = new HttpError(this.scrub(`${this.service}: ${what} failed: ${networkReason(error, this.timeoutMs)}`), null, null);
        timedOut = error instanceof RequestTimeoutError;
        if (error instanceof PortRefused || (error instanceof RequestTimeoutError && error.limit)) break;
        wait = this.backoff(attempt);
      }
      if (attempt === this.attempts) break;
      notRetried = whyNotRetried(wait, this.settings.limit);
      if (notRetried) break;
      await sleep(wait);
    }
    if (!lastError) throw new HttpError(`${this.service}: ${what} failed`, null, null);
    if (timedOut) rememberUnanswered(url.origin, lastError.message);
    throw notRetried ? new HttpError(`${lastError.message}; not retried: ${notRetried}`, lastError.status, lastError.body) : lastError;
  }

  /** Removes every secret from a message, whatever the server echoed back. */
  scrub(message: string): string {
    let out = message;
    for (const secret of this.settings.secrets) if (secret) out = out.split(secret).join('***');
    return out;
  }

  private backoff(attempt: number): number {
    return this.backoffMs * 2 ** (attempt - 1);
  }

  private retryAfter(header: string | null): number | null {
    if (!header) return null;
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
    if (!Number.isFinite(ms)) return null;
    return Math.min(Math.max(ms, 0), this.maxRetryAfterMs);
  }
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The server's own explanation, short: MLflow's `message`, Gitea's `message`, or the start of the text. */
function serverMessage(data: unknown, text: string): string {
  if (data && typeof data === 'object') {
    const d = data as { message?: unknown; error_code?: unknown };
    const parts = [typeof d.error_code === 'string' ? d.error_code : '', typeof d.message === 'string' ? d.message : ''].filter(Boolean);
    if (parts.length) return `: ${parts.join(': ').slice(0, 500)}`;
  }
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean ? `: ${clean.slice(0, 200)}` : '';
}

/** Why a request got no answer: the timeout or limit it ran into, the system's error code, or fetch's refusal. */
export function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof RequestTimeoutError || error instanceof PortRefused) return error.message;
  if (error instanceof Error && error.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  return error instanceof Error ? error.message : String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `Authorization: Basic …` for a user and password/token. */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
