import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cache, checkout, openRemote, pull, push, TransferError, type RemoteConfig } from '../../../src/dvc/data/index';
import { EXAMPLE_DIR, md5sum, temp } from './helpers';
import { aws, awsCli, S3RVER_KEYS, startS3rver } from './servers';

const skip = awsCli() ? false : 'awscli is not installed (apt-get install -y awscli; .ci/run installs it)';

describe('S3 remote against s3rver, with awscli as the independent client', { skip }, () => {
  let s3: Awaited<ReturnType<typeof startS3rver>>;
  before(async () => {
    s3 = await startS3rver(temp(), ['dvc-bucket']);
  });
  after(() => s3?.stop());

  const remote = (options: Record<string, string> = {}): RemoteConfig => ({
    name: 'storage',
    url: 's3://dvc-bucket/project',
    options: { endpointurl: s3.endpoint, access_key_id: S3RVER_KEYS.AWS_ACCESS_KEY_ID, secret_access_key: S3RVER_KEYS.AWS_SECRET_ACCESS_KEY, ...options },
    files: ['.dvc/config', '.dvc/config.local'],
  });

  test('objects uploaded by awscli where md5sum says are pulled, verified and checked out', async () => {
    const src = temp();
    mkdirSync(join(src, 'layout'), { recursive: true });
    for (const [name, content] of [
      ['a', 'a\n'],
      ['b', 'b\n'],
      ['m', EXAMPLE_DIR.bytes],
    ] as const) {
      writeFileSync(join(src, name), content);
      const md5 = md5sum(join(src, name));
      const rel = join('files', 'md5', md5.slice(0, 2), `${md5.slice(2)}${name === 'm' ? '.dir' : ''}`);
      mkdirSync(join(src, 'layout', rel, '..'), { recursive: true });
      writeFileSync(join(src, 'layout', rel), content);
    }
    await aws(s3.endpoint, ['s3', 'sync', '--only-show-errors', join(src, 'layout'), 's3://dvc-bucket/project']);

    const root = temp();
    const cache = new Cache(join(root, '.dvc', 'cache'));
    const r = openRemote(remote());
    const result = await pull(cache, r, [{ oid: EXAMPLE_DIR.oid, path: 'data' }]);
    assert.equal(result.downloaded, 3);
    await checkout(cache, root, { path: 'data', oid: EXAMPLE_DIR.oid });
    assert.equal(readFileSync(join(root, 'data', 'a.txt'), 'utf8'), 'a\n');

    // Warm cache: not a single request reaches the server.
    const before = s3.requests();
    await pull(cache, r, [{ oid: EXAMPLE_DIR.oid, path: 'data' }]);
    assert.equal(s3.requests(), before);
    await r.close();
  });

  test('what we push is where md5sum says, as awscli lists and downloads it; credentials from the environment', async () => {
    const root = temp();
    mkdirSync(join(root, 'model'), { recursive: true });
    writeFileSync(join(root, 'model', 'weights.bin'), Buffer.alloc(3 * 1024 * 1024, 7));
    writeFileSync(join(root, 'model', 'config.json'), '{"layers": 3}\n');
    const cache = new Cache(join(root, '.dvc', 'cache'));
    const { oid } = await cache.addDirectory(join(root, 'model'));
    Object.assign(process.env, S3RVER_KEYS);
    const r = openRemote({ ...remote(), options: { endpointurl: s3.endpoint } });
    assert.equal((await push(cache, r, [{ oid, path: 'model' }])).uploaded, 3);
    await r.close();

    const listed = (await aws(s3.endpoint, ['s3', 'ls', '--recursive', 's3://dvc-bucket/project/files/md5/']))
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/).pop()!);
    for (const file of ['weights.bin', 'config.json']) {
      const md5 = md5sum(join(root, 'model', file));
      const key = `project/files/md5/${md5.slice(0, 2)}/${md5.slice(2)}`;
      assert.ok(listed.includes(key), `${key} in ${listed.join(', ')}`);
      const back = join(temp(), 'back');
      await aws(s3.endpoint, ['s3', 'cp', '--only-show-errors', `s3://dvc-bucket/${key}`, back]);
      assert.equal(md5sum(back), md5);
    }
    assert.ok(listed.includes(`project/files/md5/${oid.slice(0, 2)}/${oid.slice(2)}`));
  });

  test('a corrupt object written by awscli is refused; wrong keys are denied; a missing bucket is named', async () => {
    const src = join(temp(), 'tampered');
    writeFileSync(src, 'tampered\n');
    await aws(s3.endpoint, ['s3', 'cp', '--only-show-errors', src, 's3://dvc-bucket/project/files/md5/b1/946ac92492d2347c6235b4d2611184']);
    const root = temp();
    const cache = new Cache(join(root, '.dvc', 'cache'));
    const r = openRemote(remote());
    await assert.rejects(
      pull(cache, r, [{ oid: 'b1946ac92492d2347c6235b4d2611184', path: 'hello.txt' }]),
      (e: unknown) =>
        e instanceof TransferError && e.failures[0]!.kind === 'corrupt' && /hello\.txt: object b1946ac92492d2347c6235b4d2611184: corrupt/.test(e.message),
    );
    assert.equal(await cache.has('b1946ac92492d2347c6235b4d2611184'), false);
    await r.close();

    const wrong = openRemote(remote({ access_key_id: 'NOT_A_KEY', secret_access_key: 'WRONG_SECRET_x9' }));
    await assert.rejects(pull(cache, wrong, [{ oid: 'b1946ac92492d2347c6235b4d2611184', path: 'hello.txt' }]), (e: unknown) => {
      assert.ok(e instanceof TransferError);
      assert.equal(e.failures[0]!.kind, 'denied');
      assert.match(e.message, /remote 'storage' \(s3:\/\/dvc-bucket\/project at http:\/\/127\.0\.0\.1:\d+\): access denied/);
      assert.ok(!e.message.includes('WRONG_SECRET'));
      return true;
    });
    await wrong.close();

    const nobucket = openRemote({ ...remote(), url: 's3://no-such-bucket/p' });
    await assert.rejects(pull(cache, nobucket, [{ oid: 'b1946ac92492d2347c6235b4d2611184' }]), /bucket 'no-such-bucket' does not exist/);
    await nobucket.close();
  });
});
