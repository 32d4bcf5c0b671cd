import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cache, checkout, openRemote, pull, push, TransferError, type RemoteConfig } from '../../../src/dvc/data/index';
import { EXAMPLE_DIR, md5sum, temp } from './helpers';
import { startAzurite } from './servers';

describe('Azure Blob remote against azurite', () => {
  let azurite: Awaited<ReturnType<typeof startAzurite>>;
  before(async () => {
    azurite = await startAzurite(temp());
    const { BlobServiceClient } = await import('@azure/storage-blob');
    await BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('dvc').create();
  });
  after(() => azurite?.stop());

  const remote = (options: Record<string, string>): RemoteConfig => ({ name: 'blob', url: 'azure://dvc/store', options, files: ['.dvc/config'] });

  test('push lands where md5sum says (read back with the Azure SDK directly); pull and checkout in a fresh clone', async () => {
    const root = temp();
    mkdirSync(join(root, 'data', 'sub'), { recursive: true });
    writeFileSync(join(root, 'data', 'a.txt'), 'a\n');
    writeFileSync(join(root, 'data', 'sub', 'b.txt'), 'b\n');
    const cache = new Cache(join(root, '.dvc', 'cache'));
    const { oid } = await cache.addDirectory(join(root, 'data'));
    assert.equal(oid, EXAMPLE_DIR.oid);
    const r = openRemote(remote({}), { env: { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString } });
    assert.equal((await push(cache, r, [{ oid, path: 'data' }])).uploaded, 3);

    const { BlobServiceClient } = await import('@azure/storage-blob');
    const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('dvc');
    const md5 = md5sum(join(root, 'data', 'sub', 'b.txt'));
    const blob = await container.getBlobClient(`store/files/md5/${md5.slice(0, 2)}/${md5.slice(2)}`).downloadToBuffer();
    assert.equal(blob.toString(), 'b\n');
    const manifest = await container.getBlobClient('store/files/md5/84/9835d274483dc683eb416d6e4f887d.dir').downloadToBuffer();
    assert.equal(manifest.toString(), EXAMPLE_DIR.bytes);

    const clone = temp();
    const fresh = new Cache(join(clone, '.dvc', 'cache'));
    const viaConfig = openRemote(remote({ connection_string: azurite.connectionString }));
    assert.equal((await pull(fresh, viaConfig, [{ oid, path: 'data' }])).downloaded, 3);
    await checkout(fresh, clone, { path: 'data', oid });
    assert.equal(readFileSync(join(clone, 'data', 'a.txt'), 'utf8'), 'a\n');
  });

  test('a missing object and a wrong account key are named, the key never shown', async () => {
    const cache = new Cache(join(temp(), 'cache'));
    const r = openRemote(remote({ connection_string: azurite.connectionString }));
    await assert.rejects(
      pull(cache, r, [{ oid: 'ffffffffffffffffffffffffffffffff', path: 'eval/metrics.json' }]),
      /eval\/metrics\.json: object f{32}: GET files\/md5\/ff\/f{30} on remote 'blob' \(azure:\/\/dvc\/store\): not found/,
    );
    const badKey = Buffer.from('not the key').toString('base64');
    const wrong = openRemote(remote({ connection_string: azurite.connectionString.replace(/AccountKey=[^;]+/, `AccountKey=${badKey}`) }));
    await assert.rejects(pull(cache, wrong, [{ oid: 'ffffffffffffffffffffffffffffffff' }]), (e: unknown) => {
      assert.ok(e instanceof TransferError);
      assert.equal(e.failures[0]!.kind, 'denied');
      assert.ok(!e.message.includes(badKey));
      return true;
    });
  });

  test('no credential at all: the message says where DVC looks', () => {
    assert.throws(() => openRemote(remote({}), { env: {} }), /requires either account_name or connection_string/);
    assert.throws(() => openRemote(remote({ account_name: 'acct' }), { env: {} }), /no Azure credential: set account_key, sas_token or connection_string/);
  });
});
