import { writeObject } from '../cache';
import { ObjectError, type FailureKind } from '../errors';
import type { S3Api, S3Settings } from './s3-sdk';
import type { ObjectFile, Remote } from './types';

/**
 * DVC's S3 remote (`s3://bucket/prefix`, dvc-s3), also for S3-compatible stores through `endpointurl` (MinIO,
 * R2, DagsHub's `https://dagshub.com/<owner>/<repo>.s3`, GCS interoperability). The AWS SDK is loaded on first use.
 */
export class S3Remote implements Remote {
  readonly description: string;
  private api: Promise<S3Api> | undefined;

  constructor(
    readonly name: string,
    private readonly bucket: string,
    private readonly prefix: string,
    private readonly settings: S3Settings,
    readonly jobs: number,
    /** The URL, and the endpoint when there is one, as messages show them (no credentials). */
    shownUrl: string,
  ) {
    this.description = `remote '${name}' (${shownUrl})`;
  }

  async read(key: string): Promise<AsyncIterable<Uint8Array>> {
    const api = await this.sdk();
    return api.get(this.bucket, this.key(key)).catch((error: unknown) => {
      throw this.fail('GET', key, error);
    });
  }

  async download(key: string, into: ObjectFile): Promise<number> {
    const api = await this.sdk();
    const size = await api.download(this.bucket, this.key(key), into);
    return size ?? writeObject(into.file, into.oid, into.legacy, await this.read(key), into.from);
  }

  async exists(key: string): Promise<boolean> {
    const api = await this.sdk();
    return api.head(this.bucket, this.key(key)).catch((error: unknown) => {
      throw this.fail('HEAD', key, error);
    });
  }

  async list(prefix: string): Promise<string[]> {
    const api = await this.sdk();
    const base = this.key('');
    const keys = await api.list(this.bucket, this.key(prefix)).catch((error: unknown) => {
      throw this.fail('LIST', prefix, error);
    });
    return keys.map((k) => k.slice(base.length));
  }

  async write(key: string, file: string, size: number): Promise<void> {
    const api = await this.sdk();
    await api.put(this.bucket, this.key(key), file, size).catch((error: unknown) => {
      throw this.fail('PUT', key, error);
    });
  }

  async close(): Promise<void> {
    if (this.api) (await this.api).destroy();
  }

  private key(key: string): string {
    return this.prefix ? `${this.prefix}/${key}` : key;
  }

  private sdk(): Promise<S3Api> {
    this.api ??= import('./s3-sdk').then((m) => m.createS3(this.settings));
    return this.api;
  }

  private fail(method: string, key: string, error: unknown): ObjectError {
    const e = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    const status = e.$metadata?.httpStatusCode;
    const code = e.name ?? e.code ?? 'Error';
    let kind: FailureKind = 'failed';
    let why = `${code}${status ? ` (HTTP ${status})` : ''}`;
    if (code === 'NoSuchBucket') {
      why = `bucket '${this.bucket}' does not exist`;
    } else if (status === 404 || code === 'NoSuchKey' || code === 'NotFound') {
      kind = 'missing';
      why = 'not found';
    } else if (status === 401 || status === 403 || /AccessDenied|InvalidAccessKeyId|SignatureDoesNotMatch|ExpiredToken|CredentialsProviderError/.test(code)) {
      kind = 'denied';
      why = `access denied (${code}): check the credentials (access_key_id/secret_access_key in .dvc/config.local, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)`;
    } else if (!status || status >= 500) {
      kind = 'unreachable';
      why = `${e.code ?? code}${status ? ` (HTTP ${status})` : ''}`;
    }
    return new ObjectError(`${method} ${key} on ${this.description}: ${why}`, kind);
  }
}
