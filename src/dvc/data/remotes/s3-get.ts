// A download thread of the S3 remote (bundled on its own as dist/dvc-get.js, started by s3-sdk.ts): it sends GETs
// that the main thread has already signed and streams each answer into the cache, md5 verified, with the same
// code as the main thread (writeObject). The bytes, their md5 and the HTTP parsing are most of a pull's CPU:
// here they run on as many threads as the machine has cores, instead of all on the main thread.
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { parentPort, workerData } from 'node:worker_threads';
import { ObjectFileWriter } from '../cache';
import { copyStaged } from '../checkout';
import { ObjectError } from '../errors';

export interface GetThreadOptions {
  maxSockets: number;
  rejectUnauthorized: boolean;
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
}

export interface GetJob {
  id: number;
  https: boolean;
  hostname: string;
  port?: number;
  /** Already escaped, exactly as signed. */
  path: string;
  headers: Record<string, string>;
  /** The cache file to write, the object it must hash to, how messages name where it came from, and a staged copy. */
  file: string;
  oid: string;
  legacy: boolean;
  from: string;
  copy?: { file: string; mode: number };
}

/**
 * What became of a job: its size; or `fallback` when the server did not answer 200 (or not at all) and the main
 * thread should ask through the SDK, `redirect` when that was a region redirect; or the ObjectError of a body
 * that broke off or did not match its md5.
 */
export type GetResult =
  { id: number; size: number } | { id: number; fallback: true; redirect: boolean } | { id: number; error: string; kind: ObjectError['kind'] };

const options = workerData as GetThreadOptions;
const agent = { keepAlive: true, maxSockets: options.maxSockets };
const httpAgent = new HttpAgent(agent);
const httpsAgent = new HttpsAgent({ ...agent, rejectUnauthorized: options.rejectUnauthorized });

parentPort!.on('message', (job: GetJob) => {
  void run(job).then((result) => parentPort!.postMessage(result));
});

async function run(job: GetJob): Promise<GetResult> {
  const response = await send(job).catch(() => undefined);
  if (response?.statusCode !== 200) {
    response?.resume();
    // A bucket in another region answers every request with a redirect.
    const redirect = !!response && (response.statusCode === 301 || response.statusCode === 307 || !!response.headers['x-amz-bucket-region']);
    return { id: job.id, fallback: true, redirect };
  }
  try {
    const size = await receive(job, response);
    if (job.copy) copyStaged(job.file, job.copy);
    return { id: job.id, size };
  } catch (error) {
    const e = error instanceof ObjectError ? error : new ObjectError(`writing ${job.file}: ${(error as Error).message}`, 'failed');
    return { id: job.id, error: e.message, kind: e.kind };
  }
}

async function receive(job: GetJob, response: IncomingMessage): Promise<number> {
  const writer = new ObjectFileWriter(job.file, job.oid, job.legacy, job.from);
  try {
    for await (const chunk of response) writer.write(chunk as Buffer);
  } catch (error) {
    writer.abort();
    throw new ObjectError(`reading it from ${job.from} broke off: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'unreachable');
  }
  return writer.finish();
}

/** One signed GET, with the SDK request handler's connect and idle timeouts. */
function send(job: GetJob): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = { hostname: job.hostname, port: job.port, path: job.path, headers: job.headers };
    const req: ClientRequest = job.https ? httpsRequest({ ...request, agent: httpsAgent }, resolve) : httpRequest({ ...request, agent: httpAgent }, resolve);
    req.on('error', reject);
    const { connectTimeoutMs, readTimeoutMs } = options;
    if (connectTimeoutMs) {
      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        const timer = setTimeout(() => req.destroy(new Error('connection timed out')), connectTimeoutMs);
        socket.once('connect', () => clearTimeout(timer));
      });
    }
    if (readTimeoutMs) req.setTimeout(readTimeoutMs, () => req.destroy(new Error('read timed out')));
    req.end();
  });
}
