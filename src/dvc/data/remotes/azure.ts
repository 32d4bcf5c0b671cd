import { ObjectError, type FailureKind } from '../errors';
import type { AzureApi, AzureAuth } from './azure-sdk';
import type { Remote } from './types';
import { EndpointUnreachable, endpointOf, isUnreachableCode, refuseUnreachable, rememberUnreachable, unreachableReason, type Endpoint } from './unreachable';

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
    return this.call('GET', key, (api) => api.get(this.key(key)));
  }

  async exists(key: string): Promise<boolean> {
    return this.call('HEAD', key, (api) => api.exists(this.key(key)));
  }

  async list(prefix: string): Promise<string[]> {
    const base = this.key('');
    const keys = await this.call('LIST', prefix, (api) => api.list(this.key(prefix)));
    return keys.map((k) => k.slice(base.length));
  }

  async write(key: string, file: string): Promise<void> {
    await this.call('PUT', key, (api) => api.put(this.key(key), file));
  }

  async close(): Promise<void> {}

  private key(key: string): string {
    return this.prefix ? `${this.prefix}/${key}` : key;
  }

  private sdk(): Promise<AzureApi> {
    this.api ??= import('./azure-sdk').then((m) => m.createAzure(this.auth, this.container));
    return this.api;
  }

  /** One request through the SDK, which retries it; its failure described, an endpoint that did not resolve or refused connections remembered. */
  private async call<T>(method: string, key: string, request: (api: AzureApi) => Promise<T>): Promise<T> {
    const api = await this.sdk();
    const endpoint = endpointOf(api.url);
    refuseUnreachable(endpoint, `${method} ${key} on ${this.description}`);
    return request(api).catch((error: unknown) => {
      throw this.fail(method, key, endpoint, error);
    });
  }

  private fail(method: string, key: string, endpoint: Endpoint, error: unknown): ObjectError {
    const e = error as { statusCode?: number; code?: string; name?: string };
    const status = e.statusCode;
    const code = e.code ?? e.name ?? 'Error';
    let kind: FailureKind = 'failed';
    let why = `${code}${status ? ` (HTTP ${status})` : ''}`;
    if (isUnreachableCode(code)) {
      // The SDK has retried it (4 tries over 16 s): the rest of the run does not ask again.
      rememberUnreachable(endpoint, code);
      return new EndpointUnreachable(`${method} ${key} on ${this.description}: ${code} (${unreachableReason(endpoint, code)})`, code);
    }
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
