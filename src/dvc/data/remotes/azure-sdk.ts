// The Azure SDK side of the Azure remote, bundled on its own (dist/dvc-azure.js) and loaded with `await import()`
// only when a project's remote is Azure. Errors pass through unchanged for azure.ts to describe.
import { AnonymousCredential, BlobServiceClient, StorageSharedKeyCredential, type ContainerClient } from '@azure/storage-blob';

export type AzureAuth =
  | { kind: 'connection-string'; connectionString: string }
  | { kind: 'account-key'; accountName: string; accountKey: string }
  | { kind: 'sas'; accountName: string; sasToken: string }
  | { kind: 'anonymous'; accountName: string };

export interface AzureApi {
  /** The account's endpoint, which requests go to. */
  url: URL;
  get(key: string): Promise<AsyncIterable<Uint8Array>>;
  exists(key: string): Promise<boolean>;
  list(prefix: string): Promise<string[]>;
  put(key: string, file: string): Promise<void>;
}

export function createAzure(auth: AzureAuth, container: string): AzureApi {
  const client = containerClient(auth, container);
  return {
    url: new URL(client.url),
    async get(key) {
      const response = await client.getBlobClient(key).download();
      return response.readableStreamBody as AsyncIterable<Uint8Array>;
    },
    exists: (key) => client.getBlobClient(key).exists(),
    async list(prefix) {
      const keys: string[] = [];
      for await (const blob of client.listBlobsFlat({ prefix })) keys.push(blob.name);
      return keys;
    },
    async put(key, file) {
      await client.getBlockBlobClient(key).uploadFile(file);
    },
  };
}

function containerClient(auth: AzureAuth, container: string): ContainerClient {
  const accountUrl = (name: string): string => `https://${name}.blob.core.windows.net`;
  switch (auth.kind) {
    case 'connection-string':
      return BlobServiceClient.fromConnectionString(auth.connectionString).getContainerClient(container);
    case 'account-key':
      return new BlobServiceClient(accountUrl(auth.accountName), new StorageSharedKeyCredential(auth.accountName, auth.accountKey)).getContainerClient(
        container,
      );
    case 'sas':
      return new BlobServiceClient(`${accountUrl(auth.accountName)}?${auth.sasToken.replace(/^\?/, '')}`).getContainerClient(container);
    case 'anonymous':
      return new BlobServiceClient(accountUrl(auth.accountName), new AnonymousCredential()).getContainerClient(container);
  }
}
