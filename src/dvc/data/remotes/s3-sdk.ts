// The S3 SDK side of the S3 remote, bundled on its own (dist/dvc-s3.js) and loaded with `await import()` only
// when a project's remote is S3, so other runs never parse the SDK. Errors pass through unchanged: the caller
// (s3.ts, in the main bundle) turns them into messages.
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  paginateListObjectsV2,
  type PutObjectCommandInput,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { getEndpointFromInstructions } from '@smithy/core/endpoints';
import { HttpRequest, extendedEncodeURIComponent } from '@smithy/core/protocols';
import { createReadStream } from 'node:fs';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { VERSION } from '../../../version';
import { ObjectError } from '../errors';
import type { GetJob, GetResult, GetThreadOptions } from './s3-get';
import type { ObjectFile } from './types';

export interface S3Settings {
  region: string;
  endpoint?: string;
  /** Explicit keys from the DVC config; absent means the SDK's default chain (env vars, profiles, roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  profile?: string;
  anonymous: boolean;
  sslVerify: boolean;
  maxSockets: number;
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
  /** `sse`, `acl`, `grant_*`… as PutObject parameters. */
  putParams: Partial<PutObjectCommandInput>;
}

export interface S3Api {
  /**
   * Downloads an object into the cache on a download thread; undefined when the server did not answer 200 there,
   * for the caller to GET it through the SDK instead (whose retries, redirects and errors then decide).
   */
  download(bucket: string, key: string, into: ObjectFile): Promise<number | undefined>;
  get(bucket: string, key: string): Promise<AsyncIterable<Uint8Array>>;
  head(bucket: string, key: string): Promise<boolean>;
  list(bucket: string, prefix: string): Promise<string[]>;
  put(bucket: string, key: string, file: string, size: number): Promise<void>;
  destroy(): void;
}

/**
 * The SDK's logger. Without one, the SDK writes some warnings to the console itself: "An error was encountered in a
 * non-retryable streaming request." once per failed upload, before our error says which objects failed and why; and
 * "Multiple credential sources detected" on every run whose DVC config sets `profile` while AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY are set (a CI runner's default keys), though the user set no AWS_PROFILE and the profile is
 * used, as DVC uses it. The errors themselves still reach the caller.
 */
const SILENT = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

export function createS3(settings: S3Settings): S3Api {
  // The bundled SDK is a fixed version; its notice that *future* versions will need Node 22 is not for our users.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const agent = { keepAlive: true, maxSockets: settings.maxSockets };
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    // S3-compatible servers (MinIO, R2, DagsHub, s3rver) address buckets by path, as boto3 does for a custom endpoint.
    forcePathStyle: settings.endpoint !== undefined,
    followRegionRedirects: true,
    cacheMiddleware: true,
    credentials: settings.anonymous ? { accessKeyId: '', secretAccessKey: '' } : settings.credentials,
    profile: settings.profile,
    logger: SILENT,
    // Flexible checksums (aws-chunked trailers) are not understood by every S3-compatible server; DVC (boto3
    // through s3fs) sends none unless required, and verifies the md5 itself.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: {
      httpAgent: new HttpAgent(agent),
      httpsAgent: new HttpsAgent({ ...agent, rejectUnauthorized: settings.sslVerify }),
      connectionTimeout: settings.connectTimeoutMs,
      requestTimeout: settings.readTimeoutMs,
    },
    ...(settings.anonymous ? { signer: { sign: (request: unknown) => Promise.resolve(request) } } : {}),
  } as S3ClientConfig);
  const direct = directGets(client, settings);
  return {
    download: direct.download,
    async get(bucket, key) {
      const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return out.Body as AsyncIterable<Uint8Array>;
    },
    async head(bucket, key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch (error) {
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
        throw error;
      }
    },
    async list(bucket, prefix) {
      const keys: string[] = [];
      for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: prefix })) {
        for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
      }
      return keys;
    },
    async put(bucket, key, file, size) {
      await client.send(new PutObjectCommand({ ...settings.putParams, Bucket: bucket, Key: key, Body: createReadStream(file), ContentLength: size }));
    },
    destroy() {
      direct.destroy();
      client.destroy();
    },
  };
}

interface RequestSigner {
  sign(request: HttpRequest, options: { signingDate: Date; signingRegion?: string; signingService?: string }): Promise<HttpRequest>;
}

interface Target {
  url: URL;
  signer: RequestSigner;
  region?: string;
  service?: string;
}

/**
 * Downloads that skip the SDK's per-request middleware, which costs several times the request itself when a pull
 * fetches thousands of objects, and that run on download threads (s3-get.ts) rather than all on the main thread.
 * The bucket's endpoint is resolved once by the SDK's own rules; each GET is signed here by the SDK's own SigV4
 * signer, with the client's credential chain and clock-skew offset, and sent by a thread. Only a 200 is taken
 * there; anything else comes back as undefined and the caller repeats the GET through the SDK.
 */
function directGets(client: S3Client, settings: S3Settings): { download: S3Api['download']; destroy: () => void } {
  const targets = new Map<string, Promise<Target | undefined>>();
  // After a region redirect every direct GET would be refused: the SDK (which follows redirects) does the rest.
  let off = false;
  let pool: GetPool | undefined;
  const config = client.config as unknown as {
    signer: (scheme?: Record<string, unknown>) => Promise<RequestSigner>;
    systemClockOffset?: number;
  };
  const target = (bucket: string): Promise<Target | undefined> => {
    let found = targets.get(bucket);
    if (!found) {
      // The endpoint rules read the key only for features a DVC object never uses (the SDK's own endpoint
      // cache ignores it), so one resolution serves the bucket.
      found = getEndpointFromInstructions({ Bucket: bucket, Key: 'files/md5' }, GetObjectCommand, client.config).then(async (endpoint) => {
        const scheme = endpoint.properties?.authSchemes?.[0] as { name?: string; signingName?: string; signingRegion?: string } | undefined;
        // Other schemes (SigV4a multi-region access points, S3 Express sessions) and endpoints that need their
        // own headers stay with the SDK.
        if (scheme?.name !== 'sigv4' || Object.keys(endpoint.headers ?? {}).length) return undefined;
        return { url: endpoint.url, signer: await config.signer(scheme), region: scheme.signingRegion, service: scheme.signingName };
      });
      targets.set(bucket, found);
    }
    return found;
  };
  return {
    async download(bucket, key, into) {
      if (off) return undefined;
      const t = await target(bucket).catch(() => undefined);
      if (!t) return undefined;
      // A signing failure (no credentials, an expired session) is for the SDK to report, as it always did.
      const signed = await t.signer
        .sign(
          new HttpRequest({
            method: 'GET',
            protocol: t.url.protocol,
            hostname: t.url.hostname,
            port: t.url.port ? Number(t.url.port) : undefined,
            path: `${t.url.pathname.replace(/\/+$/, '')}/${key.split('/').map(extendedEncodeURIComponent).join('/')}`,
            headers: { host: t.url.host, 'user-agent': `mlreport/${VERSION}` },
          }),
          { signingDate: new Date(Date.now() + (config.systemClockOffset ?? 0)), signingRegion: t.region, signingService: t.service },
        )
        .catch(() => undefined);
      if (!signed) return undefined;
      pool ??= new GetPool({
        maxSockets: settings.maxSockets,
        rejectUnauthorized: settings.sslVerify,
        connectTimeoutMs: settings.connectTimeoutMs,
        readTimeoutMs: settings.readTimeoutMs,
      });
      const result = await pool.run({
        https: t.url.protocol === 'https:',
        hostname: signed.hostname,
        port: signed.port,
        path: signed.path,
        headers: signed.headers,
        ...into,
      });
      if ('size' in result) return result.size;
      if ('error' in result) throw new ObjectError(result.error, result.kind);
      if (result.redirect) off = true;
      return undefined;
    },
    destroy() {
      void pool?.destroy();
    },
  };
}

/**
 * One download thread per core (at least two), each job to the live thread with the fewest in flight. A thread
 * that dies hands its jobs back as `fallback`, as does the pool once none is left: the SDK path still serves.
 */
class GetPool {
  private readonly threads: { worker: Worker; jobs: Set<number>; dead: boolean }[];
  private readonly waiting = new Map<number, (result: GetResult) => void>();
  private nextId = 0;

  constructor(options: GetThreadOptions) {
    const count = Math.max(2, Math.min(availableParallelism(), 8));
    const workerData: GetThreadOptions = { ...options, maxSockets: Math.max(1, Math.ceil(options.maxSockets / count)) };
    // The bundle's thread is dist/dvc-get.js beside this one. Run from the sources (the tests, through tsx), the
    // thread loads s3-get.ts, and registers tsx first: a thread does not inherit the loader hooks.
    const start = (): Worker =>
      import.meta.url.endsWith('.ts')
        ? new Worker(
            `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./s3-get.ts', import.meta.url).href)}); })`,
            {
              eval: true,
              workerData,
            },
          )
        : new Worker(new URL('./dvc-get.js', import.meta.url), { workerData });
    this.threads = Array.from({ length: count }, () => {
      const thread = { worker: start(), jobs: new Set<number>(), dead: false };
      thread.worker.unref();
      thread.worker.on('message', (result: GetResult) => this.settle(thread, result));
      const die = (): void => {
        thread.dead = true;
        for (const id of thread.jobs) this.settle(thread, { id, fallback: true, redirect: false });
      };
      thread.worker.on('error', die);
      thread.worker.on('exit', die);
      return thread;
    });
  }

  run(job: Omit<GetJob, 'id'>): Promise<GetResult> {
    const id = this.nextId++;
    const live = this.threads.filter((t) => !t.dead);
    if (!live.length) return Promise.resolve({ id, fallback: true, redirect: false });
    const thread = live.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    // A thread with work keeps the process alive; an idle one never holds it open.
    if (!thread.jobs.size) thread.worker.ref();
    thread.jobs.add(id);
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      thread.worker.postMessage({ ...job, id });
    });
  }

  async destroy(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private settle(thread: GetPool['threads'][number], result: GetResult): void {
    thread.jobs.delete(result.id);
    if (!thread.jobs.size) thread.worker.unref();
    const done = this.waiting.get(result.id);
    this.waiting.delete(result.id);
    done?.(result);
  }
}
