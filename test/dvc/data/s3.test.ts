import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Cache, checkout, DataError, openRemote, pull, pullTracked, push, stage, TransferError, type RemoteConfig } from '../../../src/dvc/data/index';
import { EXAMPLE_DIR, exampleDirInStore, md5sum, temp } from './helpers';
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

/** One request as the front saw it. */
interface Seen {
  method: string;
  path: string;
  userAgent: string;
  region: string;
}

/**
 * Checks an AWS Signature Version 4 `authorization` header the way S3 does (AWS's documented signing process):
 * the canonical request is rebuilt from the request as received — the path decoded and each segment encoded once,
 * the signed headers' values — and signed with the key derived from the secret. s3rver itself does not check V4
 * signatures, so the front in front of it does.
 */
function validSigV4(req: IncomingMessage, secret: string): boolean {
  const m = /^AWS4-HMAC-SHA256 Credential=[^/]+\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
    String(req.headers.authorization ?? ''),
  );
  if (!m) return false;
  const [, date, region, service, signedHeaders, signature] = m as unknown as string[];
  const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const [path, query = ''] = (req.url ?? '').split('?') as [string, string?];
  const canonicalQuery = query
    .split('&')
    .filter(Boolean)
    .map((pair) => pair.split('=').map((part) => encode(decodeURIComponent(part))) as [string, string?])
    .sort(([a, x = ''], [b, y = '']) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v = '']) => `${k}=${v}`)
    .join('&');
  const canonical = [
    req.method,
    path
      .split('/')
      .map((segment) => encode(decodeURIComponent(segment)))
      .join('/'),
    canonicalQuery,
    signedHeaders!
      .split(';')
      .map(
        (h) =>
          `${h}:${String(req.headers[h] ?? '')
            .trim()
            .replace(/\s+/g, ' ')}\n`,
      )
      .join(''),
    signedHeaders,
    String(req.headers['x-amz-content-sha256'] ?? ''),
  ].join('\n');
  const toSign = [
    'AWS4-HMAC-SHA256',
    String(req.headers['x-amz-date']),
    `${date}/${region}/${service}/aws4_request`,
    createHash('sha256').update(canonical).digest('hex'),
  ].join('\n');
  const key = [date!, region!, service!, 'aws4_request'].reduce<Buffer>(
    (k, part) => createHmac('sha256', k).update(part).digest(),
    Buffer.from(`AWS4${secret}`),
  );
  return createHmac('sha256', key).update(toSign).digest('hex') === signature;
}

/**
 * A pass-through HTTP front for s3rver that checks every request's signature (S3's 403 SignatureDoesNotMatch when
 * wrong) and can answer a request itself instead (a throttled 503, a region redirect, a dropped connection): what
 * a real S3 endpoint does under load or with a bucket in another region.
 */
async function startFront(
  upstream: string,
  answer: (seen: Seen, req: IncomingMessage, res: ServerResponse) => boolean = () => false,
): Promise<{ endpoint: string; seen: Seen[]; badSignatures: () => number; stop: () => Promise<void> }> {
  const target = new URL(upstream);
  const seen: Seen[] = [];
  let badSignatures = 0;
  const server = createServer((req, res) => {
    const s: Seen = {
      method: req.method ?? '',
      path: decodeURIComponent((req.url ?? '').split('?')[0]!),
      userAgent: String(req.headers['user-agent'] ?? ''),
      region: /Credential=[^/]+\/\d+\/([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? '',
    };
    seen.push(s);
    if (!validSigV4(req, S3RVER_KEYS.AWS_SECRET_ACCESS_KEY)) {
      badSignatures++;
      res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
      return;
    }
    if (answer(s, req, res)) return;
    const out = httpRequest({ hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    badSignatures: () => badSignatures,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('S3 bulk GETs (signed by the SDK, sent without its per-request middleware)', { skip }, () => {
  let s3: Awaited<ReturnType<typeof startS3rver>>;
  const prefix = 'odd prefix+(1)/ü';
  before(async () => {
    s3 = await startS3rver(temp(), ['dvc-bucket']);
    // The example directory laid out by md5sum and uploaded by awscli under a prefix that needs escaping.
    const layout = temp();
    exampleDirInStore(layout);
    await aws(s3.endpoint, ['s3', 'sync', '--only-show-errors', layout, `s3://dvc-bucket/${prefix}`]);
  });
  after(() => s3?.stop());

  const open = (endpoint: string, options: Record<string, string> = {}) =>
    openRemote({
      name: 'storage',
      url: `s3://dvc-bucket/${prefix}`,
      options: { endpointurl: endpoint, access_key_id: S3RVER_KEYS.AWS_ACCESS_KEY_ID, secret_access_key: S3RVER_KEYS.AWS_SECRET_ACCESS_KEY, ...options },
      files: ['.dvc/config'],
    });
  // The file objects: the `.dir` manifest is read first, through the SDK, to learn which files to fetch.
  const objectGets = (seen: Seen[]) => seen.filter((s) => s.method === 'GET' && s.path.includes('/files/md5/') && !s.path.endsWith('.dir'));

  test('each object is one GET with a valid signature, under a prefix with spaces, +, () and non-ASCII', async () => {
    const front = await startFront(s3.endpoint);
    const root = temp();
    const cache = new Cache(join(root, '.dvc', 'cache'));
    const r = open(front.endpoint);
    try {
      assert.equal((await pull(cache, r, [{ oid: EXAMPLE_DIR.oid, path: 'data' }])).downloaded, 3);
    } finally {
      await r.close();
      await front.stop();
    }
    await checkout(cache, root, { path: 'data', oid: EXAMPLE_DIR.oid });
    assert.equal(readFileSync(join(root, 'data', 'sub', 'b.txt'), 'utf8'), 'b\n');
    assert.equal(front.badSignatures(), 0);
    const gets = objectGets(front.seen);
    assert.equal(gets.length, 2, JSON.stringify(front.seen));
    for (const g of gets) {
      assert.ok(g.path.startsWith(`/dvc-bucket/${prefix}/files/md5/`), g.path);
      // Not the SDK's own user agent (aws-sdk-js/…): these requests did not go through its middleware.
      assert.match(g.userAgent, /^mlreport\//);
    }
  });

  test('a throttled 503 and a dropped connection go to the SDK, whose retries fetch the object', async () => {
    const refused = new Set<string>();
    const front = await startFront(s3.endpoint, (seen, _req, res) => {
      if (seen.method !== 'GET' || !seen.path.includes('/files/md5/') || seen.path.endsWith('.dir') || refused.has(seen.path)) return false;
      refused.add(seen.path);
      if (seen.path.endsWith('3b/5d5c3712955042212316173ccf37be')) res.socket?.destroy();
      else
        res
          .writeHead(503, { 'content-type': 'application/xml' })
          .end('<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>');
      return true;
    });
    const cache = new Cache(join(temp(), 'cache'));
    const r = open(front.endpoint);
    try {
      assert.equal((await pull(cache, r, [{ oid: EXAMPLE_DIR.oid, path: 'data' }])).downloaded, 3);
    } finally {
      await r.close();
      await front.stop();
    }
    assert.equal(front.badSignatures(), 0);
    const gets = objectGets(front.seen);
    // Each file: the direct GET that was refused, then the SDK's.
    assert.equal(gets.length, 4, JSON.stringify(gets));
    for (const path of new Set(gets.map((g) => g.path))) {
      assert.deepEqual(
        gets.filter((g) => g.path === path).map((g) => g.userAgent.split('/')[0]),
        ['mlreport', 'aws-sdk-js'],
        path,
      );
    }
  });

  test('a bucket in another region: the SDK follows the redirect, and the rest of the pull goes with it', async () => {
    // The bucket "lives" in eu-west-1: requests signed for another region get S3's 301 PermanentRedirect.
    const front = await startFront(s3.endpoint, (seen, _req, res) => {
      if (seen.region === 'eu-west-1' || !seen.region) return false;
      res
        .writeHead(301, { 'content-type': 'application/xml', 'x-amz-bucket-region': 'eu-west-1' })
        .end(
          '<Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message></Error>',
        );
      return true;
    });
    const cache = new Cache(join(temp(), 'cache'));
    const r = open(front.endpoint, { region: 'us-east-1' });
    try {
      assert.equal((await pull(cache, r, [{ oid: EXAMPLE_DIR.oid, path: 'data' }])).downloaded, 3);
    } finally {
      await r.close();
      await front.stop();
    }
    assert.equal(front.badSignatures(), 0);
    // A refused direct GET at most per file in flight when the redirect arrived; the SDK signs for eu-west-1 after.
    const gets = objectGets(front.seen);
    const redirected = gets.filter((g) => g.region !== 'eu-west-1');
    assert.ok(redirected.length >= 1 && redirected.length <= 2, JSON.stringify(front.seen));
    assert.ok(redirected.every((g) => g.userAgent.startsWith('mlreport/')));
    assert.equal(gets.filter((g) => g.region === 'eu-west-1').length, 2);
  });

  test('a directory the workspace lacks: each file is copied into its staged folder once verified, and the checkout moves that folder into place', async () => {
    const root = temp();
    const cache = new Cache(join(root, '.dvc', 'cache'));
    const target = { path: 'data', oid: EXAMPLE_DIR.oid };
    const staged = await stage(root, target);
    assert.ok(staged && staged.startsWith(join(root, '.data.')), staged);
    const r = open(s3.endpoint);
    try {
      assert.equal((await pull(cache, r, [target], { staging: new Map([['data', staged]]) })).downloaded, 3);
    } finally {
      await r.close();
    }
    // Before any checkout the hidden folder holds whole copies, writable as checkout makes them; the cache's stay 0444.
    assert.equal(readFileSync(join(staged, 'sub', 'b.txt'), 'utf8'), 'b\n');
    assert.equal(statSync(join(staged, 'a.txt')).mode & 0o777, 0o666 & ~process.umask());
    assert.equal(statSync(cache.path('60b725f10c9c85c70d97880dfe8191b3')).mode & 0o777, 0o444);
    assert.ok(!existsSync(join(root, 'data')));
    const inode = statSync(join(staged, 'a.txt')).ino;
    assert.equal(await checkout(cache, root, target, { staged }), 'created');
    assert.equal(statSync(join(root, 'data', 'a.txt')).ino, inode, 'the staged copy itself, not a second one');
    assert.equal(readFileSync(join(root, 'data', 'a.txt'), 'utf8'), 'a\n');
    assert.deepEqual(readdirSync(root).sort(), ['.dvc', 'data']);
  });

  test('a corrupt file object in a pulled directory: no copy of it anywhere, no workspace folder, no staged folder left', async () => {
    const front = await startFront(s3.endpoint, (seen, _req, res) => {
      if (seen.method !== 'GET' || !seen.path.endsWith('60/b725f10c9c85c70d97880dfe8191b3')) return false;
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '2' }).end('x\n');
      return true;
    });
    const root = temp();
    mkdirSync(join(root, '.dvc'));
    writeFileSync(
      join(root, '.dvc', 'config'),
      `[core]\n    remote = s3\n['remote "s3"']\n    url = s3://dvc-bucket/${prefix}\n    endpointurl = ${front.endpoint}\n` +
        `    access_key_id = ${S3RVER_KEYS.AWS_ACCESS_KEY_ID}\n    secret_access_key = ${S3RVER_KEYS.AWS_SECRET_ACCESS_KEY}\n`,
    );
    writeFileSync(join(root, 'data.dvc'), `outs:\n- md5: ${EXAMPLE_DIR.oid}\n  nfiles: 2\n  hash: md5\n  path: data\n`);
    try {
      await assert.rejects(
        pullTracked(root),
        (e: unknown) => e instanceof DataError && /data\/a\.txt: object 60b725f10c9c85c70d97880dfe8191b3: corrupt/.test(e.message),
      );
    } finally {
      await front.stop();
    }
    assert.deepEqual(readdirSync(root).sort(), ['.dvc', 'data.dvc']);
    const cache = new Cache(join(root, '.dvc', 'cache'));
    assert.equal(await cache.has('60b725f10c9c85c70d97880dfe8191b3'), false);
    assert.equal(await cache.has('3b5d5c3712955042212316173ccf37be'), true);
    assert.equal(await cache.has(EXAMPLE_DIR.oid), false);
  });

  test('an object missing from the remote is reported as missing, with its key and the remote', async () => {
    const cache = new Cache(join(temp(), 'cache'));
    const r = open(s3.endpoint);
    await assert.rejects(pull(cache, r, [{ oid: 'd41d8cd98f00b204e9800998ecf8427e', path: 'empty.txt' }]), (e: unknown) => {
      assert.ok(e instanceof TransferError);
      assert.equal(e.failures[0]!.kind, 'missing');
      assert.match(
        e.message,
        /empty\.txt: object d41d8cd98f00b204e9800998ecf8427e: GET .*files\/md5\/d4\/1d8cd98f00b204e9800998ecf8427e on remote 'storage' .*: not found/,
      );
      return true;
    });
    await r.close();
  });
});
