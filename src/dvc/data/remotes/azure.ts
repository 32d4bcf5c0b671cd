import { ObjectError, type FailureKind } from '../errors';
import type { AzureApi, AzureAuth } from './azure-sdk';
import type { Remote } from './types';

/** DVC's Azure Blob remote (`azure://container/prefix`, dvc-azure). The Azure SDK is loaded on first use. */
export class AzureRemote implements Remote {
  readonly description: string;
  private api: Promise<AzureApi> | undefined;

  constructor(
    readonly name: string,
    private readonly container: string,
    private readonly prefix: string,
    private readonly auth: AzureAuth,
    readonly jobs: number,
  ) {
    this.description = `remote '${name}' (azure://${container}${prefix ? `/${prefix}` : ''})`;
  }

  async read(key: string): Promise<AsyncIterable<Uint8Array>> {
    return (await this.sdk()).get(this.key(key)).catch((error: unknown) => {
      throw this.fail('GET', key, error);
    });
  }

  async exists(key: string): Promise<boolean> {
    return (await this.sdk()).exists(this.key(key)).catch((error: unknown) => {
      throw this.fail('HEAD', key, error);
    });
  }

  async list(prefix: string): Promise<string[]> {
    const base = this.key('');
    const keys = await (await this.sdk()).list(this.key(prefix)).catch((error: unknown) => {
      throw this.fail('LIST', prefix, error);
    });
    return keys.map((k) => k.slice(base.length));
  }

  async write(key: string, file: string): Promise<void> {
    await (await this.sdk()).put(this.key(key), file).catch((error: unknown) => {
      throw this.fail('PUT', key, error);
    });
  }

  async close(): Promise<void> {}

  private key(key: string): string {
    return this.prefix ? `${this.prefix}/${key}` : key;
  }

  private sdk(): Promise<AzureApi> {
    this.api ??= import('./azure-sdk').then((m) => m.createAzure(this.auth, this.container));
    return this.api;
  }

  private fail(method: string, key: string, error: unknown): ObjectError {
    const e = error as { statusCode?: number; code?: string; name?: string };
    const status = e.statusCode;
    const code = e.code ?? e.name ?? 'Error';
    let kind: FailureKind = 'failed';
    let why = `${code}${status ? ` (HTTP ${status})` : ''}`;
    if (code === 'ContainerNotFound') {
      why = `container '${this.container}' does not exist`;
    } else if (status === 404) {
      kind = 'missing';
      why = 'not found';
    } else if (status === 401 || status === 403) {
      kind = 'denied';
      why = `access denied (${code}): check account_key/sas_token/connection_string in .dvc/config.local or AZURE_STORAGE_* variables`;
    } else if (!status || status >= 500) {
      kind = 'unreachable';
    }
    return new ObjectError(`${method} ${key} on ${this.description}: ${why}`, kind);
  }
}
