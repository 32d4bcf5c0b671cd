import { nodeCrypto } from '../../util/node-crypto';
import type { TimeLimit } from '../../util/deadline';
import { fetchWithTimeout, PortRefused, RequestTimeoutError, whyNotRetried, whyNotSent } from '../../util/fetch';
import { HttpError, JsonHttp, networkReason } from '../../util/http';
import { rememberUnanswered } from '../../util/unanswered-hosts';
import { UserError } from '../../util/errors';
import { VERSION } from '../../version';
import type { ArtifactRuntime } from '../../config/types';

const TWIRP_SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService';
/** Azure takes far more in one Put Blob; its own SDK switches to blocks above 256 MiB, and so do we stop there. */
const MAX_SINGLE_PUT_BYTES = 256 * 2 ** 20;

export type { ArtifactRuntime } from '../../config/types';

export interface ArtifactUploadOptions {
  /** First wait between attempts; doubles each retry (default 0.5 s). */
  backoffMs?: number;
  /** The largest zip sent (default 256 MiB). */
  maxBytes?: number;
  /** How long the blob upload may go unanswered (default 120 s). */
  blobTimeoutMs?: number;
  /** The run's publishing limit (Deadline.publishing()): no request starts, waits or is retried past it. */
  limit?: TimeLimit;
}

export interface UploadedArtifact {
  id: string;
  size: number;
  /** `sha256:<hex>` of the zip. */
  digest: string;
}

/**
 * Whether the server is GitHub Enterprise Server, which has no v4 artifact service: @actions/artifact's own rule
 * (`isGhes()` in its shared config) — any host but github.com, *.ghe.com (GHE.com) and *.localhost.
 */
export function isGhes(serverUrl: string): boolean {
  let host: string;
  try {
    host = new URL(serverUrl || 'https://github.com').hostname.toUpperCase();
  } catch {
    return false;
  }
  return host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST');
}

/**
 * The run's and the job's backend ids, from the token's `scp` claim: one scope reads
 * `Actions.Results:<workflow run backend id>:<workflow job run backend id>`.
 */
export function backendIds(token: string): { workflowRunBackendId: string; workflowJobRunBackendId: string } {
  const invalid = new UserError('ACTIONS_RUNTIME_TOKEN is not a JWT with an `Actions.Results:<run>:<job>` scope.');
  const payload = token.split('.')[1];
  if (!payload) throw invalid;
  let scp: unknown;
  try {
    scp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scp?: unknown }).scp;
  } catch {
    throw invalid;
  }
  if (typeof scp !== 'string') throw invalid;
  for (const scope of scp.split(' ')) {
    const parts = scope.split(':');
    if (parts[0] !== 'Actions.Results') continue;
    if (parts.length !== 3 || !parts[1] || !parts[2]) throw invalid;
    return { workflowRunBackendId: parts[1], workflowJobRunBackendId: parts[2] };
  }
  throw invalid;
}

/**
 * Uploads one zip as a workflow artifact the way @actions/artifact does: CreateArtifact (Twirp JSON, proto field
 * names) → the zip to the signed blob URL → FinalizeArtifact with its size and SHA-256. The blob goes up in one
 * Put Blob request (at most 256 MiB here); a report folder is a few megabytes.
 */
export async function uploadArtifact(runtime: ArtifactRuntime, name: string, zip: Buffer, options: ArtifactUploadOptions = {}): Promise<UploadedArtifact> {
  const maxBytes = options.maxBytes ?? MAX_SINGLE_PUT_BYTES;
  if (zip.length > maxBytes) {
    throw new UserError(
      `the report folder zips to ${(zip.length / 2 ** 20).toFixed(1)} MiB, more than the ${(maxBytes / 2 ** 20).toFixed(0)} MiB mlreport uploads in one request`,
    );
  }
  const ids = backendIds(runtime.token);
  const twirp = new JsonHttp({
    service: 'The artifact service',
    baseUrl: new URL(runtime.resultsUrl).origin + TWIRP_SERVICE,
    headers: { authorization: `Bearer ${runtime.token}` },
    secrets: [runtime.token],
    backoffMs: options.backoffMs,
    limit: options.limit,
  });
  const created = await twirp.request<{ ok?: boolean; signed_upload_url?: string }>('POST', '/CreateArtifact', {
    body: {
      workflow_run_backend_id: ids.workflowRunBackendId,
      workflow_job_run_backend_id: ids.workflowJobRunBackendId,
      name,
      version: 7,
      mime_type: 'application/zip',
    },
  });
  const uploadUrl = created.data?.signed_upload_url;
  if (!created.data?.ok || !uploadUrl)
    throw new UserError(`The artifact service did not create the artifact '${name}' (CreateArtifact answered without ok and an upload URL).`);
  await putBlob(uploadUrl, zip, options);
  const digest = `sha256:${nodeCrypto().createHash('sha256').update(zip).digest('hex')}`;
  const finalized = await twirp.request<{ ok?: boolean; artifact_id?: string | number }>('POST', '/FinalizeArtifact', {
    body: {
      workflow_run_backend_id: ids.workflowRunBackendId,
      workflow_job_run_backend_id: ids.workflowJobRunBackendId,
      name,
      size: String(zip.length),
      hash: digest,
    },
  });
  if (!finalized.data?.ok) throw new UserError(`The artifact service did not finalize the artifact '${name}' (FinalizeArtifact answered without ok).`);
  return { id: String(finalized.data.artifact_id ?? ''), size: zip.length, digest };
}

/**
 * Azure Put Blob to a SAS URL. The URL carries the signature, so messages name only its host. Bounded as JsonHttp's
 * requests are: not sent, waited for or retried past the run's limit, nor to a storage host that left an earlier
 * request unanswered; a port fetch refuses is not retried.
 */
async function putBlob(url: string, body: Buffer, options: ArtifactUploadOptions): Promise<void> {
  const { origin, host } = new URL(url);
  const what = `Uploading the zip to the artifact storage (${host})`;
  const notSent = whyNotSent(origin, options.limit);
  if (notSent) throw new HttpError(`${what} was not started: ${notSent}`, null, null);
  const timeoutMs = options.blobTimeoutMs ?? 120_000;
  const send = fetchWithTimeout(timeoutMs, options.limit);
  const backoffMs = options.backoffMs ?? 500;
  let last = '';
  let timedOut = false;
  let notRetried: string | undefined;
  for (let attempt = 1; attempt <= 3; attempt++) {
    timedOut = false;
    try {
      const response = await send(url, {
        method: 'PUT',
        headers: {
          'x-ms-blob-type': 'BlockBlob',
          'x-ms-version': '2020-10-02',
          'x-ms-blob-content-type': 'application/zip',
          'user-agent': `mlreport/${VERSION}`,
        },
        body,
      });
      const text = await response.text().catch(() => '');
      if (response.status === 201 || response.status === 200) return;
      const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
      last = `${response.status}${code ? ` ${code}` : ''}`;
      if (response.status < 500 && response.status !== 408 && response.status !== 429) break;
    } catch (error) {
      last = networkReason(error, timeoutMs);
      timedOut = error instanceof RequestTimeoutError;
      if (error instanceof PortRefused || (error instanceof RequestTimeoutError && error.limit)) break;
    }
    if (attempt === 3) break;
    const wait = backoffMs * 2 ** (attempt - 1);
    notRetried = whyNotRetried(wait, options.limit);
    if (notRetried) break;
    await new Promise((r) => setTimeout(r, wait));
  }
  if (timedOut) rememberUnanswered(origin, `${what}: ${last}`);
  throw new HttpError(`${what} failed: ${last}${notRetried ? `; not retried: ${notRetried}` : ''}`, null, null);
}
