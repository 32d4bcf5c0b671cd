import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { lookup as dnsLookup } from 'node:dns/promises';
import { createServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { join } from 'node:path';
import { Cache, checkout, loadDvcConfig, openRemote, pull, push, selectRemote, TransferError, type RemoteConfig } from '../../../src/dvc/data/index';
import { ObjectError } from '../../../src/dvc/data/errors';
import { cliRemoteInputs, type RemoteInputs } from '../../../src/dvc/data/remotes/open';
import { DvcHttpServer } from '../../fakes/dvc-http/server';
import { EXAMPLE_DIR, exampleDirInStore, md5sum, temp } from './helpers';
import { selfSignedCert } from './servers';
import { redact } from '../../../src/util/redact';

const TOKEN = 'dh_tok_5f3a9c0e1b';

describe('HTTP remote (DVC’s HTTP remote protocol, as DagsHub serves it)', () => {
  const store = temp();
  const server = new DvcHttpServer(store, '/acme/iris.dvc', 'alice', TOKEN);
  let url = '';
  before(async () => {
    url = await server.start();
  });
  after(() => server.stop());

  const remote = (options: Record<string, string> = {}): RemoteConfig => ({ name: 'origin', url, options, files: ['.dvc/config'] });

  test('pulls objects laid out by md5sum with basic auth from the action inputs (user + token)', async () => {
    exampleDirInStore(store);
    const root = temp();
    const cache = new Cache(join(root, '.dvc', 'cache'));
    const r = openRemote(remote(), { user: 'alice', password: TOKEN });
    await pull(cache, r, [{ oid: EXAMPLE_DIR.oid, path: 'data' }]);
    await r.close();
    await checkout(cache, root, { path: 'data', oid: EXAMPLE_DIR.oid });
    assert.equal(readFileSync(join(root, 'data', 'sub', 'b.txt'), 'utf8'), 'b\n');
    assert.ok(server.requests.some((q) => q.method === 'GET' && q.path === '/acme/iris.dvc/files/md5/84/9835d274483dc683eb416d6e4f887d.dir'));
  });

  test('config.local credentials (auth = basic) push with POST, the raw bytes where md5sum says; PUT with method = put', async () => {
    for (const method of ['post', 'put']) {
      const root = temp();
      const file = join(root, 'model.bin');
      writeFileSync(file, `weights for ${method}\n`);
      const cache = new Cache(join(root, '.dvc', 'cache'));
      const { oid } = await cache.addFile(file);
      server.requests.length = 0;
      const r = openRemote(remote({ auth: 'basic', user: 'alice', password: TOKEN, method }));
      assert.equal((await push(cache, r, [{ oid, path: 'model.bin' }])).uploaded, 1);
      await r.close();
      const md5 = md5sum(file);
      assert.equal(readFileSync(join(store, 'files', 'md5', md5.slice(0, 2), md5.slice(2)), 'utf8'), `weights for ${method}\n`);
      // Asked first (HEAD), then uploaded with the configured method.
      assert.deepEqual(
        server.requests.map((q) => q.method),
        ['HEAD', method.toUpperCase()],
      );
    }
  });

  test('a .dir is pushed after its files, and a .dir the remote has vouches for its entries', async () => {
    const root = temp();
    mkdirSync(join(root, 'eval', 'plots'), { recursive: true });
    writeFileSync(join(root, 'eval', 'metrics.json'), '{"acc": 0.9}');
    writeFileSync(join(root, 'eval', 'plots', 'roc.csv'), 'fpr,tpr\n0,0\n1,1\n');
    const cache = new Cache(join(root, '.dvc', 'cache'));
    const { oid } = await cache.addDirectory(join(root, 'eval'));
    server.requests.length = 0;
    const r = openRemote(remote(), { user: 'alice', password: TOKEN });
    await push(cache, r, [{ oid, path: 'eval' }]);
    const uploads = server.requests.filter((q) => q.method === 'POST').map((q) => q.path);
    assert.equal(uploads.length, 3);
    assert.ok(uploads[2]!.endsWith('.dir'));
    server.requests.length = 0;
    assert.equal((await push(cache, r, [{ oid, path: 'eval' }])).uploaded, 0);
    assert.deepEqual(
      server.requests.map((q) => q.method),
      ['HEAD'],
    );
    await r.close();
  });

  test('401 without credentials and 403 with a wrong token: named, with no credential in the message', async () => {
    const cache = new Cache(join(temp(), 'cache'));
    const anonymous = openRemote(remote());
    await assert.rejects(pull(cache, anonymous, [{ oid: 'b1946ac92492d2347c6235b4d2611184', path: 'hello.txt' }]), (e: unknown) => {
      assert.ok(e instanceof TransferError);
      assert.equal(e.failures[0]!.kind, 'denied');
      assert.match(
        e.message,
        /hello\.txt: object b1946ac92492d2347c6235b4d2611184: GET files\/md5\/b1\/946ac92492d2347c6235b4d2611184 on remote 'origin' \(http:\/\/127\.0\.0\.1:\d+\/acme\/iris\.dvc\): 401/,
      );
      return true;
    });
    const wrong = openRemote(remote(), { user: 'alice', password: 'dh_tok_WRONG_77' });
    await assert.rejects(pull(cache, wrong, [{ oid: 'b1946ac92492d2347c6235b4d2611184' }]), (e: unknown) => {
      assert.ok(e instanceof TransferError);
      assert.match(e.message, /403 access forbidden/);
      assert.ok(!e.message.includes('WRONG') && !e.message.includes(TOKEN));
      return true;
    });
    await wrong.close();
    await anonymous.close();
  });

  test('401 with user/password in the config but no auth: the hint says they are not sent without auth = basic, as in DVC', async () => {
    const cache = new Cache(join(temp(), 'cache'));
    const r = openRemote(remote({ user: 'alice', password: TOKEN }));
    await assert.rejects(pull(cache, r, [{ oid: 'b1946ac92492d2347c6235b4d2611184', path: 'hello.txt' }]), (e: unknown) => {
      assert.ok(e instanceof TransferError);
      assert.match(
        e.message,
        /401 authentication required: the remote's user\/password are not sent without 'auth = basic', as in DVC: dvc remote modify --local origin auth basic$/m,
      );
      assert.ok(!e.message.includes(TOKEN));
      return true;
    });
    await r.close();
  });

  test('401 to credentials sent says where they came from; with none sent, how the interface in use takes them; never a secret', async () => {
    const secret = 'wrongP4ssw0rd_401';
    // Answers 401 to every request whatever its credentials, as a server with basic auth does to wrong ones.
    const refusing = createServer((req, res) => {
      req.resume();
      res.writeHead(401, { 'www-authenticate': 'Basic realm="dvc"' }).end();
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/store`;
      const root = temp();
      mkdirSync(join(root, '.dvc'));
      writeFileSync(join(root, '.dvc', 'config'), `['remote "web"']\n    url = ${base}\n`);
      writeFileSync(join(root, '.dvc', 'config.local'), `['remote "web"']\n    auth = basic\n    user = alice\n    password = ${secret}\n`);
      const none = temp();
      const configured = selectRemote(await loadDvcConfig(root, { env: { DVC_GLOBAL_CONFIG_DIR: none, DVC_SYSTEM_CONFIG_DIR: none } }), 'web');
      const bare: RemoteConfig = { name: 'web', url: base, options: {}, files: [join(root, '.dvc', 'config')] };
      const cli = cliRemoteInputs({ MLREPORT_REMOTE_USER: 'alice', MLREPORT_REMOTE_PASSWORD: secret });
      const cases: [RemoteConfig, RemoteInputs, string][] = [
        [configured, {}, `credentials refused: the user and password in ${join(root, '.dvc', 'config.local')} (with DagsHub, the password is a token)`],
        [{ ...bare, url: base.replace('//', `//alice:${secret}@`) }, {}, "credentials refused: the user and password in the url's userinfo"],
        [bare, cli, 'credentials refused: the user and password from MLREPORT_REMOTE_USER and MLREPORT_REMOTE_PASSWORD'],
        [bare, { user: 'alice', password: secret }, 'credentials refused: the user and password from the hub-user/hub-token inputs'],
        // A one-letter user is too short to mask (it would mask every `a` of the message), as the redactor holds.
        [bare, { user: 'a', password: secret }, 'credentials refused: the user and password from the hub-user/hub-token inputs'],
        [
          bare,
          { env: { MLREPORT_REMOTE_PASSWORD: secret } },
          "authentication required: give the remote a user and password (with DagsHub, a token) in .dvc/config.local written by an earlier step ('dvc remote modify --local web auth basic', then 'user' and 'password'), or with the hub-user/hub-token inputs, for a remote under hub-url; MLREPORT_REMOTE_USER/MLREPORT_REMOTE_PASSWORD are read by the CLI only",
        ],
        [
          bare,
          cliRemoteInputs({}),
          "authentication required: give the remote a user and password (with DagsHub, a token) in .dvc/config.local ('dvc remote modify --local web auth basic', then 'user' and 'password'), or with MLREPORT_REMOTE_USER and MLREPORT_REMOTE_PASSWORD",
        ],
      ];
      for (const [config, inputs, expected] of cases) {
        const r = openRemote(config, inputs);
        await assert.rejects(r.exists('files/md5/b1/946ac92492d2347c6235b4d2611184'), (e: unknown) => {
          assert.ok(e instanceof ObjectError);
          assert.equal(e.kind, 'denied');
          assert.ok(e.message.includes(`: 401 ${expected}`), e.message);
          assert.ok(!e.message.includes(secret));
          return true;
        });
        await r.close();
      }
    } finally {
      refusing.closeAllConnections();
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });

  test('a missing object is named; a server that refuses connections is said so, not asked again once a read has retried in full, nothing written', async () => {
    const root = temp();
    const cache = new Cache(join(root, 'cache'));
    const r = openRemote(remote(), { user: 'alice', password: TOKEN });
    await assert.rejects(
      pull(cache, r, [{ oid: 'ffffffffffffffffffffffffffffffff', path: 'data.xml' }]),
      /data\.xml: object f{32}: GET files\/md5\/ff\/f{30} on remote 'origin' .*: 404 not found/,
    );
    await r.close();
    const down = openRemote({ name: 'down', url: 'http://127.0.0.1:9/x.dvc', options: { connect_timeout: '2' }, files: [] }, { user: 'u', password: 'p' });
    await assert.rejects(pull(cache, down, [{ oid: 'ffffffffffffffffffffffffffffffff', path: 'data.xml' }]), (e: unknown) => {
      assert.ok(e instanceof TransferError);
      assert.equal(e.failures[0]!.kind, 'unreachable');
      assert.match(e.message, /remote 'down' \(http:\/\/127\.0\.0\.1:9\/x\.dvc\) failed: ECONNREFUSED \(127\.0\.0\.1:9 refuses connections\)$/);
      return true;
    });
    // Refused through a read's five tries: the rest of the run, any remote of that host and port, does not ask again.
    const again = openRemote({ name: 'again', url: 'http://127.0.0.1:9/y.dvc', options: {}, files: [] });
    await assert.rejects(pull(cache, again, [{ oid: 'e'.repeat(32), path: 'model.pkl' }]), (e: unknown) => {
      assert.ok(e instanceof TransferError);
      assert.equal(e.failures[0]!.kind, 'unreachable');
      assert.match(
        e.message,
        /model\.pkl: object e{32}: GET files\/md5\/ee\/e{30} on remote 'again' .*: not asked, as 127\.0\.0\.1:9 refused the connection for an earlier request$/,
      );
      return true;
    });
    await again.close();
    await down.close();
    assert.ok(!existsSync(join(root, 'cache', 'files')));
  });

  test(
    'read_timeout bounds the wait for an answer on a connection made (new or kept alive), as dvc-http sets sock_read; it is said so',
    { timeout: 30_000 },
    async () => {
      // Accepts every connection; answers the first request it gets with a 404 on a connection kept alive, and no other.
      let connections = 0;
      let requests = 0;
      const silent = createNetServer((socket) => {
        connections++;
        socket.on('data', () => {
          if (++requests === 1) socket.write('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: keep-alive\r\n\r\n');
        });
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const sockets = new Set<import('node:net').Socket>();
      silent.on('connection', (socket) => sockets.add(socket));
      try {
        const base = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/x.dvc`;
        // connect_timeout at DVC's 60 s default would hold each of the five tries for a minute: only read_timeout applies.
        const r = openRemote({ name: 'slow', url: base, options: { read_timeout: '0.5' }, files: ['.dvc/config'] });
        assert.equal(await r.exists('files/md5/ff/ffffffffffffffffffffffffffffff'), false);
        const cache = new Cache(join(temp(), 'cache'));
        await assert.rejects(pull(cache, r, [{ oid: 'e'.repeat(32), path: 'data.xml' }]), (e: unknown) => {
          assert.ok(e instanceof TransferError);
          assert.equal(e.failures[0]!.kind, 'unreachable');
          assert.match(
            e.message,
            /data\.xml: object e{32}: GET files\/md5\/ee\/e{30} on remote 'slow' \(http:\/\/127\.0\.0\.1:\d+\/x\.dvc\) failed: no answer within 0\.5 s$/,
          );
          return true;
        });
        // The first of the five tries went over the connection kept alive, each retry over a new one.
        assert.deepEqual([connections, requests], [5, 6]);
        await assert.rejects(
          r.exists('files/md5/dd/dddddddddddddddddddddddddddddd'),
          /HEAD files\/md5\/dd\/d{30} on remote 'slow' .* failed: no answer within 0\.5 s$/,
        );
        await r.close();
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    },
  );

  test('https: the TLS handshake is part of connecting (connect_timeout), the wait after it is read_timeout', { timeout: 30_000 }, async (t) => {
    const tls = selfSignedCert(temp());
    if (!tls) return t.skip('openssl is not installed');
    const sockets = new Set<import('node:net').Socket>();
    // One completes handshakes and never answers; the other accepts connections and never starts a handshake.
    const silent = createTlsServer(tls, () => undefined);
    const mute = createNetServer(() => undefined);
    const ports: number[] = [];
    for (const server of [silent, mute]) {
      server.on('connection', (socket: import('node:net').Socket) => sockets.add(socket));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      ports.push((server.address() as AddressInfo).port);
    }
    try {
      const options = { ssl_verify: 'false', read_timeout: '0.5', connect_timeout: '0.5' };
      for (const [port, expected] of [
        [ports[0], 'no answer within 0.5 s'],
        [ports[1], 'no connection within 0.5 s'],
      ] as const) {
        const r = openRemote({ name: 'tls', url: `https://127.0.0.1:${port}/x.dvc`, options, files: ['.dvc/config'] });
        await assert.rejects(
          r.exists('files/md5/dd/dddddddddddddddddddddddddddddd'),
          (e: unknown) => e instanceof Error && e.message.endsWith(`failed: ${expected}`),
        );
        await r.close();
      }
    } finally {
      for (const socket of sockets) socket.destroy();
      for (const server of [silent, mute]) await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test("a token in the URL's query is sent as DVC sends it, shown as ***, and scrubbed from a server's echo of the request", async () => {
    const secret = 'S3cretPW_qs_74';
    // Has no object (404 to HEAD) and refuses uploads, echoing the request's path and query as some proxies' 400 pages do.
    const seen: string[] = [];
    const echo = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      req.resume();
      if (req.method === 'HEAD') res.writeHead(404).end();
      else res.writeHead(400).end(`bad request: ${req.url}`);
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/x.dvc`;
      const root = temp();
      writeFileSync(join(root, 'hello.txt'), 'hello\n');
      const cache = new Cache(join(root, 'cache'));
      const { oid } = await cache.addFile(join(root, 'hello.txt'));
      const r = openRemote({ name: 'q', url: `${base}?token=${secret}`, options: {}, files: ['.dvc/config'] });
      assert.equal(r.description, `remote 'q' (${base}?token=***)`);
      await assert.rejects(push(cache, r, [{ oid, path: 'hello.txt' }]), (e: unknown) => {
        assert.ok(e instanceof TransferError);
        assert.ok(
          e.message.includes(
            `POST files/md5/b1/946ac92492d2347c6235b4d2611184 on remote 'q' (${base}?token=***): 400 HTTP 400 (bad request: /x.dvc/files/md5/b1/946ac92492d2347c6235b4d2611184?token=***)`,
          ),
          e.message,
        );
        assert.ok(!e.message.includes(secret));
        return true;
      });
      await r.close();
      assert.deepEqual(
        seen.map((q) => q.split('?')[1]),
        [`token=${secret}`, `token=${secret}`],
      );
      assert.equal(redact(`echo ${secret}`), 'echo ***');
    } finally {
      echo.closeAllConnections();
      await new Promise<void>((resolve) => echo.close(() => resolve()));
    }
  });

  test('a host name that does not resolve is said so; once a read has retried in full, later reads are not tried', async (t) => {
    // `.invalid` never resolves (RFC 6761); a machine without a name server answers EAI_AGAIN, which is retried.
    const lookup = await dnsLookup('mlreport-test.invalid').catch((e: NodeJS.ErrnoException) => e.code);
    if (lookup !== 'ENOTFOUND') return t.skip(`this machine answers ${String(lookup)} for a .invalid name`);
    const root = temp();
    const cache = new Cache(join(root, 'cache'));
    const nowhere = openRemote({ name: 'nowhere', url: 'http://mlreport-test.invalid/x.dvc', options: {}, files: [] });
    const failure = async (oid: string): Promise<string> => {
      const error = await pull(cache, nowhere, [{ oid, path: 'data.xml' }]).then(
        () => assert.fail('pulled from a host that does not resolve'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof TransferError);
      assert.equal(error.failures[0]!.kind, 'unreachable');
      return error.message;
    };
    assert.match(await failure('f'.repeat(32)), /failed: ENOTFOUND \(the host name mlreport-test\.invalid does not resolve\)/);
    assert.match(await failure('e'.repeat(32)), /data\.xml: object e{32}: GET .* not asked, as mlreport-test\.invalid did not resolve for an earlier request/);
    await nowhere.close();
    assert.ok(!existsSync(join(root, 'cache', 'files')));
  });
});
