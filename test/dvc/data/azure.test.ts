import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { lookup as dnsLookup } from 'node:dns/promises';
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

  test('an endpoint whose host name does not resolve is said so; after the SDK has retried one request, later ones are not sent', async (t) => {
    // `.invalid` never resolves (RFC 6761); a machine without a name server answers EAI_AGAIN instead.
    const lookup = await dnsLookup('mlreport-azure.invalid').catch((e: NodeJS.ErrnoException) => e.code);
    if (lookup !== 'ENOTFOUND') return t.skip(`this machine answers ${String(lookup)} for a .invalid name`);
    const cache = new Cache(join(temp(), 'cache'));
    const nowhere = openRemote(remote({ connection_string: azurite.connectionString.replace(/127\.0\.0\.1:\d+/, 'mlreport-azure.invalid:10000') }));
    const failure = async (oid: string): Promise<{ message: string; ms: number }> => {
      const started = Date.now();
      const error = await pull(cache, nowhere, [{ oid, path: 'model.pkl' }]).then(
        () => assert.fail('pulled from a host that does not resolve'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof TransferError);
      assert.equal(error.failures[0]!.kind, 'unreachable');
      return { message: error.message, ms: Date.now() - started };
    };
    const first = await failure('f'.repeat(32));
    assert.match(
      first.message,
      /GET files\/md5\/ff\/f{30} on remote 'blob' \(azure:\/\/dvc\/store\): ENOTFOUND \(the host name mlreport-azure\.invalid does not resolve\)/,
    );
    const second = await failure('e'.repeat(32));
    assert.match(
      second.message,
      /model\.pkl: object e{32}: GET files\/md5\/ee\/e{30} on remote 'blob' .*: not asked, as mlreport-azure\.invalid did not resolve for an earlier request/,
    );
    // The SDK's own retries (4 tries, 16 s) for the first; none for the second.
    assert.ok(second.ms < first.ms / 4, `first ${first.ms} ms, second ${second.ms} ms`);
  });

  test('an endpoint that refuses connections is said so; after the SDK has retried one request, later ones are not sent', async () => {
    const cache = new Cache(join(temp(), 'cache'));
    // Nothing listens on the discard port.
    const refusing = openRemote(remote({ connection_string: azurite.connectionString.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:9') }));
    const failure = async (oid: string): Promise<string> => {
      const error = await pull(cache, refusing, [{ oid, path: 'model.pkl' }]).then(
        () => assert.fail('pulled from an endpoint that refuses connections'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof TransferError);
      assert.equal(error.failures[0]!.kind, 'unreachable');
      return error.message;
    };
    assert.match(
      await failure('f'.repeat(32)),
      /GET files\/md5\/ff\/f{30} on remote 'blob' \(azure:\/\/dvc\/store\): ECONNREFUSED \(127\.0\.0\.1:9 refuses connections\)$/,
    );
    assert.match(
      await failure('e'.repeat(32)),
      /model\.pkl: object e{32}: GET files\/md5\/ee\/e{30} on remote 'blob' .*: not asked, as 127\.0\.0\.1:9 refused the connection for an earlier request$/,
    );
    // The account's own endpoint, another port of the same host, is still asked.
    const r = openRemote(remote({ connection_string: azurite.connectionString }));
    await assert.rejects(pull(cache, r, [{ oid: 'd'.repeat(32), path: 'model.pkl' }]), / not found$/);
  });

  test('no credential at all: the message says where DVC looks', () => {
    assert.throws(() => openRemote(remote({}), { env: {} }), /requires either account_name or connection_string/);
    assert.throws(() => openRemote(remote({ account_name: 'acct' }), { env: {} }), /no Azure credential: set account_key, sas_token or connection_string/);
  });
});
