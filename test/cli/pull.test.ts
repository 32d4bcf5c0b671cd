import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { basename, join } from 'node:path';
import { pullTracked, pushTracked } from '../../src/dvc/data/index';
import { DIST_CLI, runCli } from '../helpers/cli';
import { md5sum } from '../helpers/md5sum';
import { TempRepo } from '../helpers/repo';
import { EXAMPLE_DIR, exampleDirInStore, placeByMd5sum, temp } from '../dvc/data/helpers';
import { aws, awsCli, S3RVER_KEYS, startS3rver } from '../dvc/data/servers';
import { DvcHttpServer } from '../fakes/dvc-http/server';

/** `data.dvc` as DVC 3's `dvc add data` writes it for the reference's example directory. */
const DATA_DVC = `outs:\n- md5: ${EXAMPLE_DIR.oid}\n  size: 4\n  nfiles: 2\n  hash: md5\n  path: data\n`;

/** `.dvc/config` with one remote, the default (`dvc remote add -d NAME URL`); `more` is more lines of its section. */
function defaultRemote(url: string, name = 'store', more = ''): string {
  return `[core]\n    remote = ${name}\n['remote "${name}"']\n    url = ${url}\n${more}`;
}

/** The environment with DVC's global and system config read from `none`, which holds none: the machine's own does not count. */
function withoutUserConfig(none: string): NodeJS.ProcessEnv {
  return { ...process.env, DVC_GLOBAL_CONFIG_DIR: none, DVC_SYSTEM_CONFIG_DIR: none };
}

/**
 * A repository whose default remote `store` is a local folder holding the example directory's objects (what DATA_DVC
 * tracks), with `files` written too; `env` reads no DVC config but the project's (withoutUserConfig(none)).
 */
function exampleStoreRepo(
  files: Record<string, string> = {},
  store = temp(),
  none = temp(),
): { repo: TempRepo; store: string; none: string; env: NodeJS.ProcessEnv } {
  exampleDirInStore(store);
  const repo = new TempRepo();
  repo.write({ '.dvc/config': defaultRemote(store), ...files });
  return { repo, store, none, env: withoutUserConfig(none) };
}

describe('mlreport pull / push (dist/cli.js) on .dvc-tracked data', () => {
  test('--jobs reads decimal digits only, as every numeric setting does: 0x10, 1e2 and 0 are errors naming it', async () => {
    const repo = new TempRepo();
    for (const jobs of ['0x10', '1e2', '0', '2.5']) {
      const r = await runCli(['pull', '--jobs', jobs], repo.dir);
      assert.equal(r.code, 2, jobs);
      assert.equal(r.stderr, `mlreport: --jobs must be a whole number of at least 1, not '${jobs}'.\n`);
    }
  });

  test('a fresh clone with a relative local remote: pull restores the data; a second pull changes nothing', async () => {
    const parent = temp();
    exampleDirInStore(join(parent, 'dvcstore'));
    const repo = new TempRepo();
    mkdirSync(join(repo.dir, '.dvc'));
    // `dvc remote add -d store ../dvcstore` at the repo root: stored relative to .dvc/.
    writeFileSync(join(repo.dir, '.dvc', 'config'), defaultRemote(`../../${basename(parent)}/dvcstore`));
    writeFileSync(join(repo.dir, 'data.dvc'), DATA_DVC);
    const env = withoutUserConfig(join(parent, 'none'));
    const r = await runCli(['pull'], repo.dir, env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^A\tdata$/m);
    assert.match(r.stdout, /3 object\(s\) downloaded/);
    assert.equal(readFileSync(join(repo.dir, 'data', 'sub', 'b.txt'), 'utf8'), 'b\n');
    const again = await runCli(['pull'], repo.dir, env);
    assert.match(again.stdout, /0 object\(s\) downloaded .*, 3 already in the cache/);
    // From a subfolder, as DVC does: the project is the nearest folder upwards with .dvc/.
    mkdirSync(join(repo.dir, 'src'));
    const fromSub = await runCli(['pull'], join(repo.dir, 'src'), env);
    assert.equal(fromSub.code, 0, fromSub.stderr);
    assert.match(fromSub.stdout, /0 object\(s\) downloaded .*, 3 already in the cache/);
    repo.remove();
  });

  test('a cache file that is not read-only is hashed again: a corrupt one is fetched anew from the remote, a good one is kept and protected', async () => {
    const parent = temp();
    const { repo, env } = exampleStoreRepo({ 'data.dvc': DATA_DVC }, join(parent, 'dvcstore'), join(parent, 'none'));
    assert.equal((await runCli(['pull'], repo.dir, env)).code, 0);
    const cached = (md5: string): string => join(repo.dir, '.dvc', 'cache', 'files', 'md5', md5.slice(0, 2), md5.slice(2));
    const a = cached('60b725f10c9c85c70d97880dfe8191b3');
    const b = cached('3b5d5c3712955042212316173ccf37be');
    assert.equal(statSync(a).mode & 0o777, 0o444);
    // A read-only file is trusted by its name, as in DVC; a writable one is not.
    chmodSync(a, 0o644);
    writeFileSync(a, 'corrupted\n');
    chmodSync(b, 0o644);
    rmSync(join(repo.dir, 'data'), { recursive: true });
    const r = await runCli(['pull'], repo.dir, env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^1 object\(s\) downloaded .*, 2 already in the cache/m);
    assert.equal(readFileSync(join(repo.dir, 'data', 'a.txt'), 'utf8'), 'a\n');
    assert.equal(readFileSync(a, 'utf8'), 'a\n');
    assert.equal(statSync(b).mode & 0o777, 0o444, 'a good writable file is made read-only');
    repo.remove();
  });

  test('push does not send a corrupt cache object: a writable one is hashed first, removed, and named as not in the cache', async () => {
    const parent = temp();
    const empty = join(parent, 'empty');
    const { repo, env } = exampleStoreRepo({ 'data.dvc': DATA_DVC }, join(parent, 'dvcstore'), join(parent, 'none'));
    assert.equal((await runCli(['pull'], repo.dir, env)).code, 0);
    const a = join(repo.dir, '.dvc', 'cache', 'files', 'md5', '60', 'b725f10c9c85c70d97880dfe8191b3');
    chmodSync(a, 0o644);
    writeFileSync(a, 'corrupted\n');
    writeFileSync(join(repo.dir, '.dvc', 'config.local'), `['remote "store"']\n    url = ${empty}\n`);
    const r = await runCli(['push'], repo.dir, env);
    assert.equal(r.code, 2, r.stdout);
    assert.match(
      r.stderr,
      /data\/a\.txt: object 60b725f10c9c85c70d97880dfe8191b3: not in the local cache .* \(or corrupt there, and removed\), so it cannot be pushed/,
    );
    assert.ok(!existsSync(join(empty, 'files', 'md5', '60', 'b725f10c9c85c70d97880dfe8191b3')), 'the corrupt bytes were not sent');
    assert.ok(!existsSync(join(empty, 'files', 'md5', '84')), 'nor the .dir of a directory the remote cannot serve whole');
    assert.ok(!existsSync(a));
    repo.remove();
  });

  test('a pull killed mid-way leaves nothing in the workspace: a directory is built under .dvc/tmp, and the next pull clears what a killed run left', async () => {
    const parent = temp();
    const { repo, env } = exampleStoreRepo({}, join(parent, 'dvcstore'), join(parent, 'none'));
    repo.commit('data', {
      '.dvc/.gitignore': '/config.local\n/tmp\n/cache\n',
      '.gitignore': '/data\n',
      'data.dvc': DATA_DVC,
    });
    // A remote that never answers: the pull waits on it with the directory's new folder made (staged).
    const server = createServer(() => undefined);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    writeFileSync(join(repo.dir, '.dvc', 'config.local'), `['remote "store"']\n    url = http://127.0.0.1:${(server.address() as AddressInfo).port}/store\n`);
    const runs = join(repo.dir, '.dvc', 'tmp', 'mlreport-checkout');
    const hidden = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith('.data.')) : []);
    const staged = (): string[] => [...hidden(repo.dir), ...(existsSync(runs) ? readdirSync(runs).flatMap((pid) => hidden(join(runs, pid))) : [])];
    const child = spawn(process.execPath, [DIST_CLI, 'pull'], { cwd: repo.dir, env, stdio: 'ignore' });
    try {
      for (let i = 0; i < 800 && !staged().length; i++) await sleep(25);
      assert.equal(staged().length, 1, 'the pull made the folder of data/');
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
      server.closeAllConnections();
      server.close();
    }
    assert.deepEqual(hidden(repo.dir), [], 'nothing of it in the workspace');
    assert.equal(repo.git('status', '--porcelain', '--untracked-files=all').trim(), '');
    assert.ok(existsSync(join(runs, String(child.pid))), "it is under .dvc/tmp, in the killed run's folder");
    // An earlier version built it beside the output: the next pull clears that too.
    mkdirSync(join(repo.dir, '.data.0123456789ab.tmp', 'sub'), { recursive: true });
    writeFileSync(join(repo.dir, '.data.0123456789ab.tmp', 'sub', 'b.txt'), 'b\n');
    rmSync(join(repo.dir, '.dvc', 'config.local'));
    const r = await runCli(['pull'], repo.dir, env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(join(repo.dir, 'data', 'sub', 'b.txt'), 'utf8'), 'b\n');
    assert.deepEqual(hidden(repo.dir), []);
    assert.ok(!existsSync(join(runs, String(child.pid))), "the killed run's folder is gone");
    assert.equal(repo.git('status', '--porcelain', '--untracked-files=all').trim(), '');
    repo.remove();
  });

  test('.dvc/tmp a link to another file system (a tmpfs): the checkout builds beside the output, where a rename from there failed with EXDEV', async (t) => {
    const parent = temp();
    const other = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/mlreport-tmp-') : null;
    if (!other || statSync(other).dev === statSync(parent).dev) {
      if (other) rmSync(other, { recursive: true, force: true });
      t.skip('no second file system (/dev/shm) here');
      return;
    }
    try {
      const { repo, env } = exampleStoreRepo({ 'data.dvc': DATA_DVC }, join(parent, 'dvcstore'), join(parent, 'none'));
      symlinkSync(other, join(repo.dir, '.dvc', 'tmp'));
      const r = await runCli(['pull'], repo.dir, env);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(readFileSync(join(repo.dir, 'data', 'sub', 'b.txt'), 'utf8'), 'b\n');
      assert.deepEqual(
        readdirSync(repo.dir).filter((n) => n.startsWith('.data.')),
        [],
      );
      repo.remove();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  test('a pull that fails for one output prints the checkout of the others before the error, as dvc pull does', async () => {
    const { repo, env } = exampleStoreRepo({
      'data.dvc': DATA_DVC,
      // Not on the remote.
      'raw.csv.dvc': `outs:\n- md5: ${'f'.repeat(32)}\n  size: 3\n  hash: md5\n  path: raw.csv\n`,
    });
    const r = await runCli(['pull'], repo.dir, env);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, /raw\.csv: object f{32}/);
    assert.equal(r.stdout, 'A\tdata\n');
    assert.equal(readFileSync(join(repo.dir, 'data', 'a.txt'), 'utf8'), 'a\n');
    repo.remove();
  });

  test('an HTTP (DagsHub-style) remote with the token from MLREPORT_REMOTE_PASSWORD; a wrong token fails naming the data, exit 2, token unprinted', async () => {
    const store = temp();
    exampleDirInStore(store);
    const server = new DvcHttpServer(store, '/acme/iris.dvc', 'alice', 'tok_CLI_secret_1');
    const url = await server.start();
    try {
      const repo = new TempRepo();
      mkdirSync(join(repo.dir, '.dvc'));
      writeFileSync(join(repo.dir, '.dvc', 'config'), defaultRemote(url, 'origin'));
      writeFileSync(join(repo.dir, 'data.dvc'), DATA_DVC);
      const bad = await runCli(['pull'], repo.dir, { ...process.env, MLREPORT_REMOTE_USER: 'alice', MLREPORT_REMOTE_PASSWORD: 'tok_WRONG_2' });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /data\/a\.txt: object 60b725f10c9c85c70d97880dfe8191b3|object 849835d274483dc683eb416d6e4f887d\.dir/);
      assert.match(bad.stderr, /403/);
      assert.ok(!bad.stderr.includes('tok_WRONG_2') && !bad.stdout.includes('tok_WRONG_2'));
      assert.ok(!existsSync(join(repo.dir, 'data')));
      const good = await runCli(['pull', '-j', '2'], repo.dir, { ...process.env, MLREPORT_REMOTE_USER: 'alice', MLREPORT_REMOTE_PASSWORD: 'tok_CLI_secret_1' });
      assert.equal(good.code, 0, good.stderr);
      assert.equal(readFileSync(join(repo.dir, 'data', 'a.txt'), 'utf8'), 'a\n');
      repo.remove();
    } finally {
      await server.stop();
    }
  });

  test('several remotes and no core.remote: pull, push and repro name them and say how to choose one (dvc remote default, -r)', async () => {
    const repo = new TempRepo();
    const env = withoutUserConfig(temp());
    repo.write({
      '.dvc/config': `['remote "storage"']\n    url = ../../store\n['remote "backup"']\n    url = ../../store-miss\n`,
      'data.dvc': DATA_DVC,
      'dvc.yaml': 'stages:\n  s:\n    cmd: cp data/a.txt out.txt\n    deps:\n    - data\n    outs:\n    - out.txt\n',
    });
    for (const command of ['pull', 'push', 'repro']) {
      const r = await runCli([command], repo.dir, env);
      assert.notEqual(r.code, 0, command);
      assert.match(
        r.stdout + r.stderr,
        /no DVC remote specified, and 2 are defined \(storage, backup\): set the default with 'dvc remote default <name>' \(core\.remote in \.dvc\/config\), or pass -r <name>; read /,
        command,
      );
      assert.doesNotMatch(r.stdout + r.stderr, /remote add/, command);
    }
    repo.remove();
  });

  test("a version_aware remote: the CLI's hint names dvc pull, not the action's 'repro: dvc' input", async () => {
    const repo = new TempRepo();
    const none = temp();
    repo.write({ '.dvc/config': defaultRemote(temp(), 's', '    version_aware = true\n'), 'data.dvc': DATA_DVC });
    const r = await runCli(['pull'], repo.dir, withoutUserConfig(none));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /version_aware\/worktree remotes store files by path, not by md5; they need DVC itself: dvc pull, dvc push, dvc repro/);
    assert.doesNotMatch(r.stderr, /repro: dvc/);
    repo.remove();
  });

  test("mlreport report's hints name the CLI too: a remote only DVC reads names dvc pull, a missing dvc names --repro builtin", async () => {
    const repo = new TempRepo();
    const env = withoutUserConfig(temp());
    repo.write({
      '.dvc/config': defaultRemote(temp(), 's', '    version_aware = true\n'),
      'dvc.yaml': 'metrics:\n- m.json\nstages:\n  make:\n    cmd: echo {} > m.json\n    outs:\n    - m.json\n',
    });
    assert.equal((await runCli(['repro'], repo.dir, env)).code, 0);
    repo.commit('ran');
    // Neither the output nor its object is here: repro looks for it on the remote.
    rmSync(join(repo.dir, 'm.json'));
    rmSync(join(repo.dir, '.dvc', 'cache'), { recursive: true });
    const auto = await runCli(['report', '--repro', 'auto', '--base', 'HEAD'], repo.dir, env);
    assert.match(
      auto.stdout,
      /\| make \| ran \| .* \| cannot restore: remote 's' .*they need DVC itself: dvc pull, dvc push, dvc repro; out m\.json: missing \|/,
    );
    // A PATH with git and no dvc.
    const bin = temp();
    symlinkSync(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim(), join(bin, 'git'));
    const noDvc = await runCli(['report', '--repro', 'dvc', '--base', 'HEAD'], repo.dir, { ...env, PATH: bin });
    assert.match(noDvc.stdout, /could not start 'dvc' \(spawn dvc ENOENT\); install DVC, or pass --repro builtin/);
    for (const r of [auto, noDvc]) assert.doesNotMatch(r.stdout + r.stderr, /repro: |earlier step|input/);
    repo.remove();
  });

  test('a remote url that does not parse, a token in its query, an scp-style address: each named on stderr, exit 2, no credential printed', async () => {
    const secret = 'S3cretPW_cli_85';
    const repo = new TempRepo();
    mkdirSync(join(repo.dir, '.dvc'));
    writeFileSync(join(repo.dir, 'data.dvc'), DATA_DVC);
    const env = withoutUserConfig(temp());
    const config = join(repo.dir, '.dvc', 'config');
    const cases: [string, RegExp][] = [
      [
        `https://alice:${secret}@[bad/x`,
        /remote 'r' \(.*\.dvc\/config\): url 'https:\/\/\*\*\*@\[bad\/x' is not a valid URL: expected https:\/\/host\[:port\]\/path/,
      ],
      [`http://127.0.0.1:9/x?token=${secret}`, /on remote 'r' \(http:\/\/127\.0\.0\.1:9\/x\?token=\*\*\*\) failed: ECONNREFUSED/],
      [`alice:${secret}@host:/path`, /url '.*\/\.dvc\/\*\*\*@host:\/path' is a local folder to DVC.*ssh:\/\/user@host\/path/],
      ['https://', /url 'https:\/\/' has no host after 'https:\/\/', so DVC reads it as a local folder .*expected https:\/\/host\/path/],
      ['s3:///bucket/x', /url 's3:\/\/\/bucket\/x' has no host after 's3:\/\/'/],
    ];
    for (const [url, message] of cases) {
      writeFileSync(config, `[core]\n remote = r\n['remote "r"']\n url = ${url}\n`);
      for (const command of ['pull', 'push']) {
        const r = await runCli([command], repo.dir, env);
        assert.equal(r.code, 2, `${command} ${url}: ${r.stderr}`);
        assert.match(r.stderr, message);
        assert.ok(!`${r.stdout}${r.stderr}`.includes(secret), `${command} ${url}: ${r.stderr}`);
      }
    }
    repo.remove();
  });

  test('a file:///abs url is refused naming the folder to write, as DVC reads no folder from it: pull reads nothing, push writes no ./file: folder', async () => {
    const repo = new TempRepo();
    const store = temp();
    const env = withoutUserConfig(temp());
    exampleDirInStore(store);
    exampleDirInStore(join(repo.dir, '.dvc', 'cache'));
    repo.write({ '.dvc/config': defaultRemote(`file://${store}`, 'r'), 'data.dvc': DATA_DVC });
    for (const command of ['pull', 'push']) {
      const r = await runCli([command], repo.dir, env);
      assert.equal(r.code, 2, `${command}: ${r.stdout}${r.stderr}`);
      assert.ok(
        r.stderr.includes(`url 'file://${store}' is a file:// URL, which DVC does not read as a folder: expected the folder written as a path: ${store}`),
        `${command}: ${r.stderr}`,
      );
    }
    assert.ok(!existsSync(join(repo.dir, 'file:')), 'nothing is written under ./file:');
    repo.remove();
  });

  test("push: false outs (a .dvc file's and a stage's) are not pushed, as dvc push skips them; the others are", async () => {
    const repo = new TempRepo();
    const none = temp();
    const store = temp();
    const env = withoutUserConfig(none);
    const cache = join(repo.dir, '.dvc', 'cache');
    writeFileSync(join(none, 'model'), 'weights\n');
    writeFileSync(join(none, 'report'), 'report\n');
    const model = placeByMd5sum(cache, join(none, 'model'));
    const report = placeByMd5sum(cache, join(none, 'report'));
    exampleDirInStore(cache);
    repo.write({
      '.dvc/config': defaultRemote(store),
      'data.dvc': DATA_DVC.replace('  path: data\n', '  path: data\n  push: false\n'),
      'dvc.yaml': 'stages:\n  train:\n    cmd: make\n    outs:\n    - model.pkl:\n        push: false\n    - report.txt\n',
      'dvc.lock': `schema: '2.0'\nstages:\n  train:\n    cmd: make\n    outs:\n    - path: model.pkl\n      hash: md5\n      md5: ${model}\n      size: 8\n    - path: report.txt\n      hash: md5\n      md5: ${report}\n      size: 7\n`,
    });
    const target = await runCli(['push', 'data.dvc'], repo.dir, env);
    assert.equal(target.code, 0, target.stderr);
    assert.match(target.stdout, /^0 object\(s\) uploaded/m);
    const all = await runCli(['push'], repo.dir, env);
    assert.equal(all.code, 0, all.stderr);
    assert.match(all.stdout, /^1 object\(s\) uploaded/m);
    assert.ok(existsSync(join(store, 'files', 'md5', report.slice(0, 2), report.slice(2))), 'report.txt is pushed');
    assert.ok(!existsSync(join(store, 'files', 'md5', model.slice(0, 2), model.slice(2))), 'model.pkl (push: false) is not');
    assert.ok(!existsSync(join(store, 'files', 'md5', EXAMPLE_DIR.oid.slice(0, 2))), 'data (push: false) is not');
    repo.remove();
  });

  describe('S3 through the lazily loaded SDK bundle', { skip: awsCli() ? false : 'awscli is not installed' }, () => {
    let s3: Awaited<ReturnType<typeof startS3rver>>;
    before(async () => {
      s3 = await startS3rver(temp(), ['dvc']);
    });
    after(() => s3?.stop());

    test('push uploads what awscli then finds; pull in a fresh clone restores it; an unknown -r is named', async () => {
      const repo = new TempRepo();
      mkdirSync(join(repo.dir, '.dvc'));
      writeFileSync(join(repo.dir, '.dvc', 'config'), defaultRemote('s3://dvc/store', 's3', `    endpointurl = ${s3.endpoint}\n`));
      writeFileSync(
        join(repo.dir, '.dvc', 'config.local'),
        `['remote "s3"']\n    access_key_id = S3RVER\n    secret_access_key = ${S3RVER_KEYS.AWS_SECRET_ACCESS_KEY}\n`,
      );
      writeFileSync(join(repo.dir, 'data.dvc'), DATA_DVC);
      exampleDirInStore(join(repo.dir, '.dvc', 'cache'));
      const pushed = await runCli(['push'], repo.dir);
      assert.equal(pushed.code, 0, pushed.stderr);
      assert.match(pushed.stdout, /3 object\(s\) uploaded/);
      const listed = await aws(s3.endpoint, ['s3', 'ls', '--recursive', 's3://dvc/store/']);
      assert.match(listed, /store\/files\/md5\/84\/9835d274483dc683eb416d6e4f887d\.dir/);

      const clone = new TempRepo();
      mkdirSync(join(clone.dir, '.dvc'));
      writeFileSync(join(clone.dir, '.dvc', 'config'), readFileSync(join(repo.dir, '.dvc', 'config')));
      writeFileSync(join(clone.dir, 'data.dvc'), DATA_DVC);
      const pulled = await runCli(['pull'], clone.dir, { ...process.env, ...S3RVER_KEYS });
      assert.equal(pulled.code, 0, pulled.stderr);
      assert.equal(readFileSync(join(clone.dir, 'data', 'a.txt'), 'utf8'), 'a\n');

      const unknown = await runCli(['pull', '-r', 'nope'], clone.dir);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /DVC remote 'nope' is not defined \(defined: s3\)/);
      repo.remove();
      clone.remove();
    });
    test("the SDK's own console lines stay out: a push to a missing bucket prints our error alone; DVC's profile with AWS_* keys set prints no credential warning", async () => {
      const repo = new TempRepo();
      const none = temp();
      const env = withoutUserConfig(none);
      repo.write({
        '.dvc/config': defaultRemote('s3://no-such-bucket/store', 's3', `    endpointurl = ${s3.endpoint}\n`),
        'data.dvc': DATA_DVC,
      });
      exampleDirInStore(join(repo.dir, '.dvc', 'cache'));
      const pushed = await runCli(['push'], repo.dir, { ...env, ...S3RVER_KEYS });
      assert.equal(pushed.code, 2, pushed.stderr);
      assert.match(
        pushed.stderr,
        /^mlreport: 2 objects could not be pushed to remote 's3' [^\n]*:\n  data\/a\.txt: .*bucket 'no-such-bucket' does not exist\n/,
      );
      assert.doesNotMatch(pushed.stderr, /non-retryable/);

      // The keys in a profile of DVC's credentialpath; the environment's (a runner's defaults) are wrong.
      const creds = join(none, 'creds');
      writeFileSync(creds, `[good]\naws_access_key_id = ${S3RVER_KEYS.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${S3RVER_KEYS.AWS_SECRET_ACCESS_KEY}\n`);
      repo.write({
        '.dvc/config': defaultRemote('s3://dvc/profiled', 's3', `    endpointurl = ${s3.endpoint}\n`),
        '.dvc/config.local': `['remote "s3"']\n    profile = good\n    credentialpath = ${creds}\n`,
      });
      const wrongKeys = { ...env, AWS_ACCESS_KEY_ID: 'AKIAWRONGWRONGWRONG1', AWS_SECRET_ACCESS_KEY: 'wrong-secret-key' };
      const profiled = await runCli(['push'], repo.dir, wrongKeys);
      assert.equal(profiled.code, 0, profiled.stderr);
      assert.match(profiled.stdout, /^3 object\(s\) uploaded/m);
      assert.equal(profiled.stderr, '');
      repo.remove();
    });
  });
  test('a `dvc import` (a .dvc file whose dep names a repo): pull, status and repro name the file and its source, not a missing remote object; push leaves it out', async () => {
    const store = temp();
    const env = withoutUserConfig(temp());
    const repo = new TempRepo();
    // As example-get-started's data/data.xml.dvc: `dvc import` of a file of another repository.
    repo.write({ 'data.xml': '<rows/>\n' });
    const md5 = md5sum(join(repo.dir, 'data.xml'));
    rmSync(join(repo.dir, 'data.xml'));
    repo.write({
      '.dvc/config': defaultRemote(store),
      'data.xml.dvc': `md5: 0123456789abcdef0123456789abcdef\nfrozen: true\ndeps:\n- path: get-started/data.xml\n  repo:\n    url: https://example.com/dataset-registry\n    rev_lock: cf6481baf56f156aa0876709cc231aaf3f3a3c29\nouts:\n- md5: ${md5}\n  size: 8\n  hash: md5\n  path: data.xml\n`,
      'dvc.yaml': 'stages:\n  prepare:\n    cmd: tr a-z A-Z < data.xml > prepared.xml\n    deps: [data.xml]\n    outs: [prepared.xml]\n',
    });
    const why =
      /data\.xml is imported by data\.xml\.dvc from https:\/\/example\.com\/dataset-registry \(`dvc import`\): DVC fetches an import from its source repository, never from this project's remotes, and mlreport cannot; run `dvc pull data\.xml\.dvc` \(or `dvc update data\.xml\.dvc`\) with DVC first, or reproduce with DVC's runner \(`repro: dvc` in the action, `--repro dvc` on the CLI\)/;
    const pull = await runCli(['pull'], repo.dir, env);
    assert.notEqual(pull.code, 0);
    assert.match(pull.stderr, why);
    assert.doesNotMatch(pull.stderr + pull.stdout, /missing from remote|not in remote/);
    const status = await runCli(['status'], repo.dir, env);
    assert.match(status.stdout, /^data\.xml\.dvc: cannot pull: data\.xml is imported by data\.xml\.dvc from https:\/\/example\.com\/dataset-registry/m);
    const repro = await runCli(['repro'], repo.dir, env);
    assert.notEqual(repro.code, 0);
    assert.match(repro.stdout + repro.stderr, /prepare: failed .*'data\.xml' is tracked by data\.xml\.dvc but cannot be pulled: data\.xml is imported by/);
    assert.match(repro.stdout + repro.stderr, why);
    // With the data in the cache (`dvc pull` ran here), the import checks out and the stage runs; push never sends
    // an import to the project's remote (dvc/repo/push.py), whose source repository holds it.
    const cached = join(repo.dir, '.dvc', 'cache', 'files', 'md5', md5.slice(0, 2));
    mkdirSync(cached, { recursive: true });
    writeFileSync(join(cached, md5.slice(2)), '<rows/>\n');
    assert.equal((await runCli(['pull'], repo.dir, env)).code, 0);
    assert.equal(readFileSync(join(repo.dir, 'data.xml'), 'utf8'), '<rows/>\n');
    const ran = await runCli(['repro'], repo.dir, env);
    assert.equal(ran.code, 0, ran.stdout + ran.stderr);
    assert.equal((await runCli(['push'], repo.dir, env)).code, 0);
    assert.equal(existsSync(join(store, 'files', 'md5', md5.slice(0, 2), md5.slice(2))), false);
    assert.ok(existsSync(join(store, 'files', 'md5')), 'the stage output was pushed');
    repo.remove();
  });

  test('outputs DVC refuses (a .dvc file and a stage both out one path; a .dvc file inside a tracked directory it collected first): pull, push, repro and status refuse before touching anything, --force too', async () => {
    const { repo, env } = exampleStoreRepo({
      'data.dvc': DATA_DVC,
      'dvc.yaml': 'stages:\n  prepare:\n    cmd: cp -r data prepared\n    deps:\n    - data\n    outs:\n    - prepared\n',
      'dvc.lock': `schema: '2.0'\nstages:\n  prepare:\n    cmd: cp -r data prepared\n    outs:\n    - path: prepared\n      hash: md5\n      md5: ${EXAMPLE_DIR.oid}\n      nfiles: 2\n`,
      'prepared.dvc': DATA_DVC.replace('path: data', 'path: prepared'),
    });
    repo.commit('duplicate');
    for (const command of [['pull'], ['pull', '--force'], ['push'], ['repro'], ['status']]) {
      const r = await runCli(command, repo.dir, env);
      assert.equal(r.code, 2, `${command.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /^mlreport: prepared\.dvc: output 'prepared' is already specified in stage 'prepare' of dvc\.yaml \(DVC refuses such a project/m);
      assert.equal(r.stdout, '');
    }
    assert.ok(!existsSync(join(repo.dir, 'data')) && !existsSync(join(repo.dir, 'prepared')), 'nothing is checked out');

    rmSync(join(repo.dir, 'prepared.dvc'));
    // DVC collects the files of `models/` before those of `track/`, whose .dvc file then tracks `models` with the
    // .dvc file in it (StagePathAsOutputError). (A .dvc file in a folder the walk already knows as an output, such as
    // `data/sub.dvc` here, is no file of the project: DVC does not walk into outputs.)
    repo.write({
      'models/sub.dvc': 'outs:\n- md5: 60b725f10c9c85c70d97880dfe8191b3\n  size: 2\n  hash: md5\n  path: ../sub\n',
      'track/models.dvc': 'wdir: ..\nouts:\n- md5: 60b725f10c9c85c70d97880dfe8191b3\n  size: 2\n  hash: md5\n  path: models\n',
    });
    repo.commit('a .dvc file inside a tracked directory');
    for (const command of [['pull'], ['pull', '--force']]) {
      const r = await runCli(command, repo.dir, env);
      assert.equal(r.code, 2, `${command.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(
        r.stderr,
        /^mlreport: track\/models\.dvc: output 'models' holds models\/sub\.dvc, which is not allowed inside an output \(DVC refuses such a project/m,
      );
    }
    assert.equal(readFileSync(join(repo.dir, 'models', 'sub.dvc'), 'utf8').includes('path: ../sub'), true, 'the committed .dvc file is kept');
    assert.ok(!existsSync(join(repo.dir, 'data')) && !existsSync(join(repo.dir, 'prepared')));
    repo.remove();
  });

  test(
    'an output through a link out of the project or into .git/: pull and pull --force refuse it naming the output, its .dvc file or stage, and where the link leads, before anything is fetched or written; status writes nothing there',
    { skip: process.platform === 'win32' && 'symlinks need extra rights on Windows' },
    async () => {
      const store = temp();
      const outside = temp();
      const none = temp();
      const payload = join(temp(), 'payload');
      writeFileSync(payload, '[core]\n\tfsmonitor = echo planted\n');
      const md5 = placeByMd5sum(store, payload);
      const out = (path: string): string => `    outs:\n    - path: ${path}\n      hash: md5\n      md5: ${md5}\n      size: 34\n`;
      const repo = new TempRepo();
      repo.write({
        '.dvc/config': defaultRemote(store),
        'hook.dvc': `outs:\n- md5: ${md5}\n  size: 34\n  hash: md5\n  path: g/hooks/post-commit\n`,
        'dvc.yaml': 'stages:\n  cfg:\n    cmd: echo hi\n    outs: [g/config]\n  plant:\n    cmd: echo hi\n    outs: [ext/planted.txt]\n',
        'dvc.lock': `schema: '2.0'\nstages:\n  cfg:\n    cmd: echo hi\n${out('g/config')}  plant:\n    cmd: echo hi\n${out('ext/planted.txt')}`,
      });
      symlinkSync('.git', join(repo.dir, 'g'));
      symlinkSync(outside, join(repo.dir, 'ext'));
      repo.commit('outputs through links');
      const gitConfig = readFileSync(join(repo.dir, '.git', 'config'), 'utf8');
      const env = withoutUserConfig(none);
      for (const command of [['pull'], ['pull', '--force'], ['pull', 'hook.dvc']]) {
        const r = await runCli(command, repo.dir, env);
        assert.equal(r.code, 2, `${command.join(' ')}: ${r.stdout}${r.stderr}`);
        const gitDir = realpathSync(join(repo.dir, '.git'));
        assert.ok(
          r.stderr.includes(
            `g/hooks/post-commit (hook.dvc): 'g' on the way to it is a link to ${gitDir}, inside .git/, which holds git's own files; pull does not write or delete there, and pulled nothing`,
          ),
          r.stderr,
        );
        if (command.length === 1 || command[1] === '--force') {
          assert.ok(r.stderr.includes(`g/config (stage 'cfg' of dvc.yaml): 'g' on the way to it is a link to ${gitDir}, inside .git/`), r.stderr);
          assert.ok(
            r.stderr.includes(
              `ext/planted.txt (stage 'plant' of dvc.yaml): 'ext' on the way to it is a link to ${realpathSync(outside)}, outside the project;`,
            ),
            r.stderr,
          );
        }
        assert.doesNotMatch(r.stderr, /\n\s+at |Error:/);
      }
      const status = await runCli(['status'], repo.dir, env);
      assert.equal(status.code, 0, status.stdout + status.stderr);
      // What repro would do with those stages: refuse them, not restore them.
      assert.ok(
        status.stdout.includes(
          `cfg: cannot restore or run: output 'g/config' of stage 'cfg': 'g' on the way to it is a link to ${realpathSync(join(repo.dir, '.git'))}, inside .git/, which holds git's own files; nothing is written or deleted there\n`,
        ),
        status.stdout,
      );
      assert.ok(
        status.stdout.includes(`plant: cannot restore or run: output 'ext/planted.txt' of stage 'plant': 'ext' on the way to it is a link to`),
        status.stdout,
      );
      assert.equal(readFileSync(join(repo.dir, '.git', 'config'), 'utf8'), gitConfig, '.git/config is untouched');
      assert.ok(!existsSync(join(repo.dir, '.git', 'hooks', 'post-commit')), 'no hook is planted');
      assert.deepEqual(readdirSync(outside), [], 'nothing is written outside the project');
      assert.ok(!existsSync(join(repo.dir, '.dvc', 'cache')), 'nothing is fetched');
      repo.remove();
    },
  );

  test('the data layer itself (pullTracked, pushTracked, as called without the commands) takes .dvc files from the project loader: a refused one moves nothing', async () => {
    const { repo, env } = exampleStoreRepo({
      'data.dvc': DATA_DVC,
      // The same directory a second time, inside data.dvc's output (OverlappingOutputPathsError).
      'copy.dvc': DATA_DVC.replace('path: data', 'path: data/copy'),
    });
    repo.commit('overlap');
    // copy.dvc comes first in path order, so data.dvc is the one refused; DVC refuses the whole project, so a pull of copy.dvc alone too.
    const said =
      /^data\.dvc: output 'data' and the output 'data\/copy' of copy\.dvc overlap, so they are in the same tracked directory \(DVC refuses such a project/;
    await assert.rejects(pullTracked(repo.dir, { env }), (error: Error) => said.test(error.message));
    await assert.rejects(pullTracked(repo.dir, { env, targets: ['copy.dvc'] }), (error: Error) => said.test(error.message));
    await assert.rejects(pushTracked(repo.dir, { env }), (error: Error) => said.test(error.message));
    assert.ok(!existsSync(join(repo.dir, 'data')), 'nothing is checked out');
    assert.ok(!existsSync(join(repo.dir, '.dvc', 'cache')), 'nothing is fetched');
    repo.remove();
  });

  test('targets as dvc pull takes them: relative to the current folder, ./paths, a file or folder inside a tracked directory (that part only)', async () => {
    const { repo, store, none, env } = exampleStoreRepo();
    writeFileSync(join(none, 'model'), 'weights\n');
    const model = placeByMd5sum(store, join(none, 'model'));
    repo.write({
      'data/images.dvc': DATA_DVC.replace('path: data', 'path: images'),
      'dvc.yaml': 'stages:\n  train:\n    cmd: make\n    outs:\n    - prepared\n    - model.pkl\n',
      'dvc.lock': `schema: '2.0'\nstages:\n  train:\n    cmd: make\n    outs:\n    - path: model.pkl\n      hash: md5\n      md5: ${model}\n      size: 8\n    - path: prepared\n      hash: md5\n      md5: ${EXAMPLE_DIR.oid}\n      nfiles: 2\n`,
    });
    const cache = join(repo.dir, '.dvc', 'cache', 'files', 'md5');
    const inside = await runCli(['pull', 'data/images/a.txt'], repo.dir, env);
    assert.equal(inside.code, 0, inside.stderr);
    assert.equal(inside.stdout, 'A\tdata/images/a.txt\n1 object(s) downloaded (0.0 MiB), 0 already in the cache\n');
    assert.equal(readFileSync(join(repo.dir, 'data', 'images', 'a.txt'), 'utf8'), 'a\n');
    assert.ok(!existsSync(join(repo.dir, 'data', 'images', 'sub')), 'only the file named');
    assert.ok(!existsSync(join(cache, '84')), 'the .dir is not cached: the cache does not hold the whole directory');
    const folder = await runCli(['pull', 'prepared/sub/'], repo.dir, env);
    assert.equal(folder.code, 0, folder.stderr);
    assert.equal(folder.stdout, 'A\tprepared/sub/b.txt\n1 object(s) downloaded (0.0 MiB), 0 already in the cache\n');
    assert.ok(!existsSync(join(repo.dir, 'prepared', 'a.txt')));
    const dotted = await runCli(['pull', './model.pkl'], repo.dir, env);
    assert.equal(dotted.code, 0, dotted.stderr);
    assert.equal(dotted.stdout, 'A\tmodel.pkl\n1 object(s) downloaded (0.0 MiB), 0 already in the cache\n');
    const fromData = await runCli(['pull', 'images.dvc'], join(repo.dir, 'data'), env);
    assert.equal(fromData.code, 0, fromData.stderr);
    assert.equal(fromData.stdout, 'M\tdata/images\n1 object(s) downloaded (0.0 MiB), 2 already in the cache\n');
    assert.equal(readFileSync(join(repo.dir, 'data', 'images', 'sub', 'b.txt'), 'utf8'), 'b\n');
    const stage = await runCli(['pull', '../dvc.yaml:train', '--force'], join(repo.dir, 'data'), env);
    assert.equal(stage.code, 0, stage.stderr);
    assert.match(stage.stdout, /^M\tprepared$/m);

    for (const [args, message] of [
      [['pull', 'data/images/nope.txt'], 'mlreport: data/images/nope.txt: no such file or folder in data/images, which data/images.dvc tracks\n'],
      [['pull', 'images.dvc'], 'mlreport: no .dvc-tracked output or dvc.lock stage output matches images.dvc\n'],
      [['push', '../outside'], 'mlreport: no .dvc-tracked output or dvc.lock stage output matches ../outside\n'],
    ] as const) {
      const r = await runCli([...args], repo.dir, env);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr, message);
    }

    // A push of a file inside a tracked directory sends that file's object alone.
    const other = temp();
    writeFileSync(join(repo.dir, '.dvc', 'config'), defaultRemote(other, 'other'));
    const pushed = await runCli(['push', 'a.txt'], join(repo.dir, 'data', 'images'), env);
    assert.equal(pushed.code, 0, pushed.stderr);
    assert.match(pushed.stdout, /^1 object\(s\) uploaded/m);
    assert.ok(existsSync(join(other, 'files', 'md5', '60', 'b725f10c9c85c70d97880dfe8191b3')));
    repo.remove();
  });

  test("-r NAME moves only the outs without a remote: of their own or with remote: NAME; an out whose remote: names another is left out, as DVC's outs_filter leaves it", async () => {
    const none = temp();
    const env = withoutUserConfig(none);
    const [main, other, third] = [temp(), temp(), temp()];
    const repo = new TempRepo();
    const cache = join(repo.dir, '.dvc', 'cache');
    writeFileSync(join(none, 'model'), 'weights\n');
    const model = placeByMd5sum(cache, join(none, 'model'));
    exampleDirInStore(cache);
    repo.write({
      '.dvc/config': `[core]\n    remote = main\n['remote "main"']\n    url = ${main}\n['remote "other"']\n    url = ${other}\n['remote "third"']\n    url = ${third}\n`,
      'data.dvc': `${DATA_DVC}  remote: other\n`,
      'model.pkl.dvc': `outs:\n- md5: ${model}\n  size: 8\n  hash: md5\n  path: model.pkl\n`,
    });
    const objects = (store: string): number =>
      existsSync(join(store, 'files'))
        ? execFileSync('find', [join(store, 'files'), '-type', 'f'], { encoding: 'utf8' })
            .split('\n')
            .filter(Boolean).length
        : 0;
    const toThird = await runCli(['push', '-r', 'third'], repo.dir, env);
    assert.equal(toThird.code, 0, toThird.stderr);
    assert.match(toThird.stdout, /^1 object\(s\) uploaded/m);
    assert.deepEqual([objects(main), objects(other), objects(third)], [0, 0, 1], 'model.pkl alone goes to third; data (remote: other) is left out');
    const toOther = await runCli(['push', '-r', 'OTHER'], repo.dir, env);
    assert.equal(toOther.code, 0, toOther.stderr);
    assert.deepEqual([objects(main), objects(other), objects(third)], [0, 4, 1], 'remote: other is the remote named (names are case-insensitive)');
    // Without -r, each out goes to its own remote: data to other, model.pkl to core.remote.
    assert.equal((await runCli(['push'], repo.dir, env)).code, 0);
    assert.deepEqual([objects(main), objects(other), objects(third)], [1, 4, 1]);

    rmSync(cache, { recursive: true });
    const fromThird = await runCli(['pull', '-r', 'third'], repo.dir, env);
    assert.equal(fromThird.code, 0, fromThird.stderr);
    assert.equal(fromThird.stdout, 'A\tmodel.pkl\n1 object(s) downloaded (0.0 MiB), 0 already in the cache\n');
    assert.ok(!existsSync(join(repo.dir, 'data')), 'data (remote: other) is not pulled from third');
    repo.remove();
  });

  test('a push that fails for one remote still pushes to the others, and names what failed at the end, as dvc push does', async () => {
    const env = withoutUserConfig(temp());
    const [main, other] = [temp(), temp()];
    const repo = new TempRepo();
    exampleDirInStore(join(repo.dir, '.dvc', 'cache'));
    repo.write({
      '.dvc/config': `[core]\n    remote = main\n['remote "main"']\n    url = ${main}\n['remote "other"']\n    url = ${other}\n`,
      // model.pkl goes to main, first; its object is in no cache, so that push fails.
      'a-model.pkl.dvc': 'outs:\n- md5: 0cc175b9c0f1b6a831c399e269772661\n  size: 1\n  hash: md5\n  path: model.pkl\n',
      'data.dvc': `${DATA_DVC}  remote: other\n`,
    });
    const r = await runCli(['push'], repo.dir, env);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^mlreport: 3 object\(s\) were uploaded to the other remote\(s\); 1 object could not be pushed to remote 'main'/m);
    assert.match(r.stderr, /^ {2}model\.pkl: object 0cc175b9c0f1b6a831c399e269772661: not in the local cache/m);
    assert.ok(existsSync(join(other, 'files', 'md5', '60', 'b725f10c9c85c70d97880dfe8191b3')), "data went to its remote: other although main's push failed");
    repo.remove();
  });
});
