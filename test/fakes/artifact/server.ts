import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the runner's artifact service (v4 artifacts), on 127.0.0.1. Two parts, as on GitHub:
 * - the results service's Twirp JSON API, `POST /twirp/github.actions.results.api.v1.ArtifactService/<Method>`,
 *   in the shapes of @actions/artifact's generated types (proto field names, int64 as JSON strings, wrapper types
 *   as plain values) and Twirp's error form `{ code, msg }` with its HTTP statuses;
 * - the signed blob URL CreateArtifact hands out, taking Azure's Put Blob (`PUT` with `x-ms-blob-type: BlockBlob`).
 * It checks the bearer token, the backend ids the token's `scp` claim names, that names are unique in the run, and
 * that FinalizeArtifact's size and `sha256:` hash match the bytes the blob received.
 */
const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService';

export interface FakeArtifact {
  id: string;
  name: string;
  version: number;
  mimeType: string | null;
  /** The bytes the blob received (null until the PUT). */
  blob: Buffer | null;
  finalized: boolean;
  size: string | null;
  hash: string | null;
}

export class FakeArtifactService {
  readonly artifacts = new Map<string, FakeArtifact>();
  /** Every request as sent: `search` is the query string, `body` the raw bytes (tests grep them for secrets). */
  readonly requests: { method: string; path: string; search: string; body: Buffer }[] = [];
  /** Statuses the next Twirp calls of a method answer (500 → Twirp `internal`). */
  readonly faults = new Map<string, number[]>();
  /** Statuses the next blob PUTs answer, with Azure's XML error body. */
  readonly blobFaults: number[] = [];
  url = '';
  /** Where CreateArtifact's signed upload URLs point: this server, unless a test puts the storage elsewhere (on GitHub it is an Azure host). */
  blobOrigin = '';
  private nextId = 7_000_000_001;
  private server: Server | null = null;

  private constructor(
    readonly runBackendId: string,
    readonly jobBackendId: string,
    readonly token: string,
  ) {}

  /** Starts the fake; `token` is a JWT (unsigned) whose scp claim carries the two backend ids. */
  static async start(
    runBackendId = 'c4d5e6f7-0000-4aae-887f-30da475f5f1a',
    jobBackendId = 'ca395085-040a-526b-2ce8-bdc85f692774',
  ): Promise<FakeArtifactService> {
    const fake = new FakeArtifactService(
      runBackendId,
      jobBackendId,
      runtimeToken(`Actions.GenericRead:00000000 Actions.Results:${runBackendId}:${jobBackendId} Actions.UploadArtifacts:00000000`),
    );
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server!.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const body = await readBody(req);
    this.requests.push({ method: req.method ?? '', path: url.pathname, search: url.search, body });
    if (url.pathname.startsWith('/blob/')) return this.putBlob(req, res, url, body);
    if (req.method !== 'POST' || !url.pathname.startsWith(`${SERVICE}/`)) return twirpError(res, 404, 'bad_route', `no handler for path "${url.pathname}"`);
    if (req.headers.authorization !== `Bearer ${this.token}`) return twirpError(res, 401, 'unauthenticated', 'invalid token');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return twirpError(res, 400, 'malformed', 'unexpected Content-Type');
    const method = url.pathname.slice(SERVICE.length + 1);
    const fault = this.faults.get(method)?.shift();
    if (fault) return twirpError(res, fault, fault >= 500 ? 'internal' : 'invalid_argument', 'injected fault');
    let request: Record<string, unknown>;
    try {
      request = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return twirpError(res, 400, 'malformed', 'the json request could not be decoded');
    }
    if (request.workflow_run_backend_id !== this.runBackendId || request.workflow_job_run_backend_id !== this.jobBackendId) {
      return twirpError(res, 400, 'invalid_argument', 'workflow run or job backend id does not match the token');
    }
    const name = request.name;
    if (typeof name !== 'string' || !name || /[":<>|*?\r\n\\/]/.test(name)) return twirpError(res, 400, 'invalid_argument', 'invalid artifact name');
    if (method === 'CreateArtifact') return this.create(res, name, request);
    if (method === 'FinalizeArtifact') return this.finalize(res, name, request);
    return twirpError(res, 404, 'bad_route', `no handler for method ${method}`);
  }

  private create(res: ServerResponse, name: string, request: Record<string, unknown>): void {
    if (typeof request.version !== 'number' || request.version < 4) return twirpError(res, 400, 'invalid_argument', 'unsupported artifact version');
    if (request.mime_type !== undefined && typeof request.mime_type !== 'string')
      return twirpError(res, 400, 'invalid_argument', 'mime_type is a google.protobuf.StringValue: a JSON string');
    if (this.artifacts.has(name)) return twirpError(res, 409, 'already_exists', 'an artifact with this name already exists on the workflow run');
    this.artifacts.set(name, {
      id: String(this.nextId++),
      name,
      version: request.version,
      mimeType: (request.mime_type as string | undefined) ?? null,
      blob: null,
      finalized: false,
      size: null,
      hash: null,
    });
    sendJson(res, 200, {
      ok: true,
      signed_upload_url: `${this.blobOrigin || this.url}/blob/actions-results/${encodeURIComponent(name)}.zip?sig=${encodeURIComponent(SIGNATURE)}&se=2099-01-01T00%3A00%3A00Z&sp=cw&sr=b&sv=2020-10-02`,
    });
  }

  private finalize(res: ServerResponse, name: string, request: Record<string, unknown>): void {
    const artifact = this.artifacts.get(name);
    if (!artifact) return twirpError(res, 404, 'not_found', 'artifact not found');
    if (!artifact.blob) return twirpError(res, 400, 'failed_precondition', 'nothing was uploaded to the artifact');
    // int64 travels as a JSON string; StringValue as a plain string.
    if (request.size !== String(artifact.blob.length))
      return twirpError(res, 400, 'invalid_argument', `size ${String(request.size)} does not match the uploaded ${artifact.blob.length} bytes`);
    const hash = `sha256:${createHash('sha256').update(artifact.blob).digest('hex')}`;
    if (request.hash !== hash) return twirpError(res, 400, 'invalid_argument', 'hash does not match the uploaded content');
    Object.assign(artifact, { finalized: true, size: request.size, hash: request.hash });
    sendJson(res, 200, { ok: true, artifact_id: artifact.id });
  }

  private putBlob(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): void {
    const blobError = (status: number, code: string): void => {
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>fake</Message></Error>`);
    };
    if (url.searchParams.get('sig') !== SIGNATURE) return blobError(403, 'AuthenticationFailed');
    const fault = this.blobFaults.shift();
    if (fault) return blobError(fault, fault === 403 ? 'AuthorizationFailure' : 'ServerBusy');
    if (req.method !== 'PUT' || url.searchParams.has('comp')) return blobError(400, 'UnsupportedHttpVerb');
    if (req.headers['x-ms-blob-type'] !== 'BlockBlob') return blobError(400, 'MissingRequiredHeader');
    const name = decodeURIComponent(url.pathname.replace(/^\/blob\/actions-results\//, '')).replace(/\.zip$/, '');
    const artifact = this.artifacts.get(name);
    if (!artifact || artifact.finalized) return blobError(404, 'ContainerNotFound');
    if (Number(req.headers['content-length']) !== body.length) return blobError(400, 'InvalidHeaderValue');
    artifact.blob = body;
    res.writeHead(201, { 'content-md5': createHash('md5').update(body).digest('base64') });
    res.end();
  }
}

/** The SAS signature in the blob URL: a secret the client must never print. */
export const SIGNATURE = 'fakeSasSignature+secret=';

/** An unsigned JWT (`alg: none`) with the given `scp` claim, as the runner's ACTIONS_RUNTIME_TOKEN carries. */
export function runtimeToken(scp: string): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'none' })}.${part({ scp, iss: 'fake', exp: 4102444800 })}.`;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function twirpError(res: ServerResponse, status: number, code: string, msg: string): void {
  sendJson(res, status, { code, msg });
}
