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
import { createReadStream } from 'node:fs';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

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
  get(bucket: string, key: string): Promise<AsyncIterable<Uint8Array>>;
  head(bucket: string, key: string): Promise<boolean>;
  list(bucket: string, prefix: string): Promise<string[]>;
  put(bucket: string, key: string, file: string, size: number): Promise<void>;
  destroy(): void;
}

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
  return {
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
      client.destroy();
    },
  };
}
