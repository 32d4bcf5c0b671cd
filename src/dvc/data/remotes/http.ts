import { createReadStream, readFileSync } from 'node:fs';
import type { Agent, IncomingMessage, request as httpRequest } from 'node:http';
import type { AgentOptions } from 'node:https';
import { VERSION } from '../../../version';
import { maskable } from '../../../util/redact';
import { ObjectError, type FailureKind } from '../errors';
import type { Remote } from './types';
import {
  EndpointUnreachable,
  endpointOf,
  isUnreachable,
  isUnreachableCode,
  refuseUnreachable,
  rememberUnreachable,
  unreachableReason,
  type Endpoint,
} from './unreachable';

export interface HttpRemoteOptions {
  name: string;
  /** The remote URL requests go to: no userinfo (it is in `authHeaders`), the query kept. */
  url: URL;
  /** The URL as messages show it: no userinfo, no query values. */
  shownUrl: string;
  /** Request headers carrying credentials (`authorization`, or a custom header); never shown. */
  authHeaders: Record<string, string>;
  /** `method`: how objects are uploaded, POST (DVC's default, what DagsHub takes) or PUT. */
  uploadMethod: 'POST' | 'PUT';
  jobs: number;
  /** `ssl_verify`: false to accept any certificate, or a CA bundle path. */
  sslVerify: boolean | string;
  connectTimeoutMs: number;
  readTimeoutMs: number;
  /** Strings never to repeat in a message, whatever a server echoes back. */
  secrets: string[];
  /** Where the credentials sent come from (`the user and password in …/.dvc/config.local`); unset when none are sent. */
  credentials?: string;
  /** What to do about a 401 when no credentials are sent. */
  authHint: string;
}

/** Reads retry like dvc-http's ExponentialRetry(attempts=5, factor=0.1); uploads are tried once, as there. */
const READ_ATTEMPTS = 5;

/**
 * DVC's HTTP(S) remote (dvc-http over fsspec), which DagsHub's `https://dagshub.com/<owner>/<repo>.dvc` is:
 * objects at `<url>/files/md5/ab/cdef…`, fetched with GET, probed with HEAD (GET where HEAD is refused), uploaded
 * as the raw bytes with POST or PUT. HTTP remotes cannot be listed.
 */
export class HttpRemote implements Remote {
  readonly name: string;
  readonly description: string;
  readonly jobs: number;
  /** The remote's host and port, as a failure to resolve or reach them is remembered (unreachable.ts). */
  private readonly endpoint: Endpoint;
  private readonly agentOptions: AgentOptions;
  /** node:http or node:https and the agent, from the first request: loading them is ≈ 10 ms of every start. */
  private transport: Promise<{ request: typeof httpRequest; agent: Agent }> | undefined;

  constructor(private readonly options: HttpRemoteOptions) {
    this.name = options.name;
    this.jobs = options.jobs;
    this.description = `remote '${options.name}' (${options.shownUrl})`;
    this.endpoint = endpointOf(options.url);
    this.agentOptions = { keepAlive: true, maxSockets: Math.max(options.jobs, 1) };
    if (options.url.protocol === 'https:') {
      const tls =
        options.sslVerify === false ? { rejectUnauthorized: false } : typeof options.sslVerify === 'string' ? { ca: readFileSync(options.sslVerify) } : {};
      this.agentOptions = { ...this.agentOptions, ...tls };
    }
  }

  private async connect(): Promise<{ request: typeof httpRequest; agent: Agent }> {
    const { request, Agent } = this.options.url.protocol === 'https:' ? await import('node:https') : await import('node:http');
    return { request, agent: new Agent(this.agentOptions) };
  }

  async read(key: string): Promise<AsyncIterable<Uint8Array>> {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.send('GET', key);
        if (response.statusCode === 200) return response;
        response.resume();
        throw this.statusError(key, response.statusCode ?? 0, 'GET');
      } catch (error) {
        if (error instanceof EndpointUnreachable && error.code && attempt >= READ_ATTEMPTS) rememberUnreachable(this.endpoint, error.code);
        if (!(error instanceof ObjectError) || !retryable(error.kind) || attempt >= READ_ATTEMPTS || isUnreachable(this.endpoint)) throw error;
        await sleep(Math.min(100 * 2 ** (attempt - 1), 60_000));
      }
    }
  }

  async exists(key: string): Promise<boolean> {
    let response = await this.send('HEAD', key);
    response.resume();
    if (response.statusCode === 405 || response.statusCode === 501) {
      response = await this.send('GET', key);
      response.destroy();
    }
    const status = response.statusCode ?? 0;
    if (status < 400) return true;
    if (status === 404) return false;
    throw this.statusError(key, status, 'HEAD');
  }

  async write(key: string, file: string, size: number): Promise<void> {
    const response = await this.send(this.options.uploadMethod, key, file, size);
    const body = await text(response);
    const status = response.statusCode ?? 0;
    if (status >= 400) throw this.statusError(key, status, this.options.uploadMethod, body);
  }

  async close(): Promise<void> {
    if (this.transport) (await this.transport).agent.destroy();
  }

  private url(key: string): URL {
    const url = new URL(this.options.url.href);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/${key}`;
    return url;
  }

  private async send(method: string, key: string, file?: string, size?: number): Promise<IncomingMessage> {
    refuseUnreachable(this.endpoint, `${method} ${key} on ${this.description}`);
    const url = this.url(key);
    const { request, agent } = await (this.transport ??= this.connect());
    const headers: Record<string, string> = { 'user-agent': `mlreport/${VERSION}`, ...this.options.authHeaders };
    if (method === 'HEAD') headers['accept-encoding'] = 'identity';
    if (file !== undefined) {
      headers['content-type'] = 'application/octet-stream';
      headers['content-length'] = String(size);
    }
    const { connectTimeoutMs, readTimeoutMs } = this.options;
    return new Promise((resolve, reject) => {
      // As dvc-http sets aiohttp's timeouts: `connect_timeout` bounds making the connection (the socket's idle timeout
      // from its creation, TLS handshake included), `read_timeout` every wait for data after it, the answer's headers
      // included, then its body.
      let connected = false;
      let answered = false;
      const req = request(url, { method, headers, agent, timeout: connectTimeoutMs }, (res) => {
        answered = true;
        res.socket.setTimeout(readTimeoutMs, () => res.destroy(new Error(`no data for ${readTimeoutMs / 1000} s`)));
        resolve(res);
      });
      req.on('socket', (socket) => {
        const answer = (): void => {
          connected = true;
          socket.setTimeout(readTimeoutMs);
        };
        // A kept-alive socket is connected already; a new one is once it connects (and, for https, is secured).
        if (req.reusedSocket) answer();
        else socket.once(this.options.url.protocol === 'https:' ? 'secureConnect' : 'connect', answer);
      });
      req.on('timeout', () => {
        if (!answered) req.destroy(new Error(connected ? `no answer within ${readTimeoutMs / 1000} s` : `no connection within ${connectTimeoutMs / 1000} s`));
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        const failed = `${method} ${key} on ${this.description} failed: ${error.code ?? error.message}`;
        if (isUnreachableCode(error.code)) reject(new EndpointUnreachable(`${failed} (${unreachableReason(this.endpoint, error.code)})`, error.code));
        else reject(new ObjectError(failed, 'unreachable'));
      });
      if (file === undefined) req.end();
      else
        createReadStream(file)
          .on('error', (e) => req.destroy(e))
          .pipe(req);
    });
  }

  private statusError(key: string, status: number, method: string, body = ''): ObjectError {
    const kind: FailureKind =
      status === 404 ? 'missing' : status === 401 || status === 403 ? 'denied' : status >= 500 || status === 429 || status === 408 ? 'unreachable' : 'failed';
    const why =
      status === 404
        ? 'not found'
        : status === 401
          ? this.options.credentials
            ? `credentials refused: ${this.options.credentials} (with DagsHub, the password is a token)`
            : `authentication required: ${this.options.authHint}`
          : status === 403
            ? 'access forbidden for these credentials'
            : `HTTP ${status}`;
    const detail = body.replace(/\s+/g, ' ').trim().slice(0, 200);
    let message = `${method} ${key} on ${this.description}: ${status} ${why}${detail && kind === 'failed' ? ` (${detail})` : ''}`;
    for (const secret of this.options.secrets) if (maskable(secret)) message = message.split(secret).join('***');
    return new ObjectError(message, kind);
  }
}

function retryable(kind: FailureKind): boolean {
  return kind === 'unreachable';
}

async function text(response: IncomingMessage): Promise<string> {
  let out = '';
  for await (const chunk of response) if (out.length < 4096) out += String(chunk);
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
