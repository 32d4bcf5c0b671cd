import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, loadDvcConfig, openRemote, selectRemote } from '../../../src/dvc/data/index';
import { remoteChanges } from '../../../src/dvc/data/config';
import { cliRemoteInputs, type RemoteInputs } from '../../../src/dvc/data/remotes/open';
import { temp } from './helpers';
import { redact } from '../../../src/util/redact';

/** A project with `.dvc/config` (+ optional config.local) and an empty global/system config dir. */
function project(config: string, local?: string): { root: string; env: NodeJS.ProcessEnv } {
  const root = temp();
  mkdirSync(join(root, '.dvc'));
  writeFileSync(join(root, '.dvc', 'config'), config);
  if (local !== undefined) writeFileSync(join(root, '.dvc', 'config.local'), local);
  const none = temp();
  return { root, env: { DVC_GLOBAL_CONFIG_DIR: join(none, 'g'), DVC_SYSTEM_CONFIG_DIR: join(none, 's'), HOME: none } };
}

describe('DVC config as DVC reads it', () => {
  test('DVC’s canonical form: [core] remote, quoted remote section, 4-space indent', async () => {
    const { root, env } = project(`[core]\n    remote = myremote\n['remote "myremote"']\n    url = /tmp/dvcstore\n`);
    const config = await loadDvcConfig(root, { env });
    assert.equal(config.defaultRemote, 'myremote');
    assert.equal(selectRemote(config).url, '/tmp/dvcstore');
    assert.equal(config.cacheDir, join(root, '.dvc', 'cache'));
  });

  test('a relative local URL is resolved against the config file’s directory (.dvc/), as `dvc remote add` stores it', async () => {
    // `dvc remote add -d store ../dvcstore` run at the repo root writes url = ../../dvcstore.
    const { root, env } = project(`[core]\nremote = store\n[remote "store"]\nurl = ../../dvcstore\n[cache]\ndir = ../cache-elsewhere\n`);
    const config = await loadDvcConfig(root, { env });
    assert.equal(selectRemote(config).url, join(root, '..', 'dvcstore'));
    assert.equal(config.cacheDir, join(root, 'cache-elsewhere'));
  });

  test("a revision's .dvc/config: it replaces the repo level only; config.local and the global file still apply, relative URLs resolve against .dvc/", async () => {
    const { root, env } = project(`[core]\nremote = now\n['remote "now"']\nurl = ../../moved\n`, `['remote "old"']\n    jobs = 3\n`);
    mkdirSync(env.DVC_GLOBAL_CONFIG_DIR!, { recursive: true });
    writeFileSync(join(env.DVC_GLOBAL_CONFIG_DIR!, 'config'), `['remote "old"']\n    url = /global/default\n    ssl_verify = false\n`);
    const config = await loadDvcConfig(root, { env }, { text: `[core]\nremote = old\n['remote "old"']\nurl = ../../store\n`, name: '.dvc/config at HEAD~1' });
    assert.equal(config.defaultRemote, 'old');
    const old = selectRemote(config);
    assert.equal(old.url, join(root, '..', 'store'));
    assert.deepEqual(old.options, { ssl_verify: 'false', jobs: '3' });
    assert.deepEqual(old.files.sort(), ['.dvc/config at HEAD~1', join(env.DVC_GLOBAL_CONFIG_DIR!, 'config'), join(root, '.dvc', 'config.local')].sort());
    assert.ok(!config.remotes.has('now'), "the workspace's repo-level remotes are not the revision's");
    const none = await loadDvcConfig(root, { env }, { text: null, name: '.dvc/config at HEAD~1' });
    assert.deepEqual([...none.remotes.keys()], ['old']);
    await assert.rejects(
      loadDvcConfig(root, { env }, { text: '[core\n', name: '.dvc/config at HEAD~1' }),
      (e: unknown) => e instanceof DataError && e.message.startsWith('.dvc/config at HEAD~1:1: '),
    );
  });

  test('config.local shadows key by key; names are case-insensitive; global config sits beneath the repo', async () => {
    const { root, env } = project(
      `[core]\n    remote = Origin\n['remote "origin"']\n    url = https://dagshub.com/acme/iris.dvc\n`,
      `['remote "ORIGIN"']\n    auth = basic\n    user = alice\n    password = "s3cr#t, with comma"  # inline comment\n`,
    );
    mkdirSync(env.DVC_GLOBAL_CONFIG_DIR!, { recursive: true });
    writeFileSync(join(env.DVC_GLOBAL_CONFIG_DIR!, 'config'), `['remote "origin"']\n    url = s3://overridden/by/repo\n    method = put\n`);
    const config = await loadDvcConfig(root, { env });
    const remote = selectRemote(config);
    assert.equal(remote.url, 'https://dagshub.com/acme/iris.dvc');
    assert.deepEqual(remote.options, { method: 'put', auth: 'basic', user: 'alice', password: 's3cr#t, with comma' });
    assert.equal(config.files.length, 3);
  });

  test('unknown and missing remotes name the remote and the files read', async () => {
    const { root, env } = project(`[remote "a"]\nurl = /x\n`);
    const config = await loadDvcConfig(root, { env });
    // DVC's advice (data_cloud.py get_remote): with remotes defined, make one the default (or pick one); else add one.
    assert.throws(
      () => selectRemote(config, undefined, 'pass -r <name>'),
      (e: unknown) =>
        e instanceof DataError &&
        e.message.startsWith(
          "no DVC remote specified, and one is defined (a): set the default with 'dvc remote default <name>' (core.remote in .dvc/config), or pass -r <name>; read ",
        ) &&
        !e.message.includes('remote add'),
    );
    const none = await loadDvcConfig(project('[core]\nno_scm = true\n').root, { env });
    assert.throws(
      () => selectRemote(none),
      (e: unknown) =>
        e instanceof DataError && /^no DVC remote specified and none is defined: create a default remote with 'dvc remote add -d <name> <url>'/.test(e.message),
    );
    assert.throws(
      () => selectRemote(config, 'b'),
      (e: unknown) =>
        e instanceof DataError && e.message.includes("DVC remote 'b' is not defined (defined: a)") && e.message.includes(join(root, '.dvc', 'config')),
    );
  });

  test('remote:// URLs extend another remote’s URL and settings', async () => {
    const { root, env } = project(`['remote "base"']\nurl = s3://bucket/root\nregion = eu-west-1\n['remote "sub"']\nurl = remote://base/models\n`);
    const remote = selectRemote(await loadDvcConfig(root, { env }), 'sub');
    assert.equal(remote.url, 's3://bucket/root/models');
    assert.equal(remote.options.region, 'eu-west-1');
  });

  test('unsupported types name `repro: dvc`; unknown options are refused as DVC does; digest auth is gone', async () => {
    const { root, env } = project(
      `['remote "ssh"']\nurl = ssh://host/path\n['remote "gd"']\nurl = gdrive://folder\n['remote "s3"']\nurl = s3://b/p\nmethod = put\n['remote "web"']\nurl = https://h/p\nauth = digest\nuser = u\npassword = p\n`,
    );
    const config = await loadDvcConfig(root, { env });
    assert.throws(() => openRemote(selectRemote(config, 'ssh')), /ssh remotes are not read by mlreport's builtin DVC data layer.*'repro: dvc'/);
    assert.throws(() => openRemote(selectRemote(config, 'gd')), /gdrive remotes .*'repro: dvc'/);
    assert.throws(() => openRemote(selectRemote(config, 's3')), /remote 's3' \(.*config\): unknown option 'method' for a s3 remote/);
    assert.throws(() => openRemote(selectRemote(config, 'web')), /digest was removed/);
  });

  test("what only DVC itself reads, and basic auth without credentials, is said in the interface's words: the action's inputs, or the CLI's commands and variables", async () => {
    const { root, env } = project(
      [
        `['remote "ssh"']\nurl = ssh://host/path\n`,
        `['remote "scp"']\nurl = user@host:/srv/store\n`,
        `['remote "va"']\nurl = /srv/store\nversion_aware = true\n`,
        `['remote "vs3"']\nurl = s3://b/p?versionId=1\n`,
        `['remote "sp"']\nurl = azure://c/p\naccount_name = a\ntenant_id = t\n`,
        `['remote "ad"']\nurl = azure://c/p\naccount_name = a\n`,
        `['remote "web"']\nurl = https://h/p\nauth = basic\n`,
      ].join(''),
    );
    const config = await loadDvcConfig(root, { env });
    const cloud = { env: {} };
    const messages = (inputs: RemoteInputs): string[] =>
      ['ssh', 'scp', 'va', 'vs3', 'sp', 'ad', 'web'].map((name) => {
        try {
          openRemote(selectRemote(config, name), { ...cloud, ...inputs });
        } catch (error) {
          return (error as Error).message;
        }
        return assert.fail(`remote '${name}' opened`);
      });
    const action = messages({});
    for (const m of action.slice(0, 6)) assert.match(m, /DVC itself: 'repro: dvc'$/);
    assert.match(action[6]!, /requires both 'user' and 'password' \(in \.dvc\/config\.local, or the hub-user\/hub-token inputs, for a remote under hub-url\)$/);
    const cli = messages(cliRemoteInputs({}));
    for (const m of cli.slice(0, 6)) assert.match(m, /DVC itself: dvc pull, dvc push, dvc repro$/);
    assert.match(cli[6]!, /requires both 'user' and 'password' \(in \.dvc\/config\.local, or MLREPORT_REMOTE_USER and MLREPORT_REMOTE_PASSWORD\)$/);
    for (const m of cli) assert.doesNotMatch(m, /repro: dvc|inputs/);
  });

  test('syntax errors name the file and line; a broken %(interpolation)s is an error, as in ConfigObj', async () => {
    const bad = project(`[core]\nremote\n`);
    await assert.rejects(
      loadDvcConfig(bad.root, { env: bad.env }),
      (e: unknown) => e instanceof DataError && e.message.includes(`${join(bad.root, '.dvc', 'config')}:2`),
    );
    // A mistyped credential line is named by its line, never shown: it would reach the report's notes.
    const typo = project(`['remote "r"']\nurl = /x\nsecret_access_key: SECRET_KEY_123\n`);
    await assert.rejects(
      loadDvcConfig(typo.root, { env: typo.env }),
      (e: unknown) =>
        e instanceof DataError && e.message.includes(`${join(typo.root, '.dvc', 'config')}:3: expected 'key = value'`) && !e.message.includes('SECRET_KEY'),
    );
    // With an `=` in the secret, the line parses (as in ConfigObj) into one key holding it: the key is cut where an
    // option name ends, in every message that names it.
    const colon = project(`['remote "r"']\nurl = /x\npassword: s3cr3tP4ss==\n`);
    const config = await loadDvcConfig(colon.root, { env: colon.env });
    assert.throws(
      () => openRemote(selectRemote(config, 'r')),
      (e: unknown) => e instanceof DataError && /unknown option 'password…' for a local remote/.test(e.message) && !/s3cr3t/i.test(e.message),
    );
    const twice = project(`['remote "r"']\nurl = /x\npassword: s3cr3tP4ss==\npassword: s3cr3tP4ss==\n`);
    await assert.rejects(
      loadDvcConfig(twice.root, { env: twice.env }),
      (e: unknown) => e instanceof DataError && /duplicate key 'password…'/.test(e.message) && !/s3cr3t/i.test(e.message),
    );
    const interp = project(`['remote "r"']\nurl = /x\npassword = 50%(off)s\n`);
    await assert.rejects(loadDvcConfig(interp.root, { env: interp.env }), /%\(off\)s' names no option/);
    const ok = project(`['remote "r"']\nbase = /data\nurl = %(base)s/store\n`);
    // `base` is not a DVC option, but interpolation resolves before validation.
    assert.equal(selectRemote(await loadDvcConfig(ok.root, { env: ok.env }), 'r').url, '/data/store');
  });

  test('credentials never appear in an error: basic auth without a password, a URL with userinfo', async () => {
    const { root, env } = project(`['remote "r"']\nurl = https://tok_SECRET123@dagshub.com/a/b.dvc\nauth = basic\n`);
    const remote = openRemote(selectRemote(await loadDvcConfig(root, { env }), 'r'), { password: 'pw_SECRET456' });
    assert.equal(remote.description, "remote 'r' (https://dagshub.com/a/b.dvc)");
    const { root: r2, env: e2 } = project(`['remote "r"']\nurl = https://dagshub.com/a/b.dvc\nauth = basic\npassword = pw_SECRET789\n`);
    const config = await loadDvcConfig(r2, { env: e2 });
    assert.throws(
      () => openRemote(selectRemote(config, 'r')),
      (e: unknown) => e instanceof DataError && /requires both 'user' and 'password'/.test(e.message) && !e.message.includes('SECRET'),
    );
  });

  test('a url that does not parse names the remote, its url, the file that set it and what was expected, with the userinfo masked', async () => {
    const secret = 'S3cretPW_url_41';
    const { root, env } = project(`[core]\n remote = r\n['remote "r"']\n url = https://alice:${secret}@[bad/x\n`, `['remote "r"']\n jobs = 2\n`);
    const config = await loadDvcConfig(root, { env });
    assert.throws(
      () => openRemote(selectRemote(config)),
      (e: unknown) =>
        e instanceof DataError &&
        e.message ===
          `remote 'r' (${join(root, '.dvc', 'config')}): url 'https://***@[bad/x' is not a valid URL: expected https://host[:port]/path, with any '@', ':', '/', '?' or '#' in a user name or password percent-encoded, and an IPv6 host in brackets ([::1])`,
    );
    assert.equal(redact(`echo ${secret}`), 'echo ***');
    // A raw `/` in the password hides its `@` from the URL's authority: the whole userinfo is still masked.
    // Set in config.local over .dvc/config's, it is config.local that is named.
    const slash = project(`['remote "r"']\n url = /elsewhere\n`, `['remote "r"']\n url = http://alice:pw/${secret}@host:8080/x\n`);
    const local = join(slash.root, '.dvc', 'config.local');
    const slashConfig = await loadDvcConfig(slash.root, { env: slash.env });
    assert.throws(
      () => openRemote(selectRemote(slashConfig, 'r')),
      (e: unknown) =>
        e instanceof DataError &&
        e.message.startsWith(`remote 'r' (${local}): url 'http://***@host:8080/x' is not a valid URL`) &&
        !/alice|S3cret/.test(e.message),
    );
  });

  test('query values are shown as *** and registered as secrets; the query is still part of the URL', async () => {
    const secret = 'S3cretPW_query_52';
    const { root, env } = project(`['remote "r"']\n url = https://127.0.0.1:9/x?token=${secret}&v=2\n`);
    const remote = openRemote(selectRemote(await loadDvcConfig(root, { env }), 'r'));
    assert.equal(remote.description, "remote 'r' (https://127.0.0.1:9/x?token=***&v=***)");
    assert.equal(redact(`echo ${secret}`), 'echo ***');
  });

  test("an scp-style user:password@host:/path, which DVC reads as a folder under .dvc/, is refused naming ssh:// and 'repro: dvc', the password masked", async () => {
    const secret = 'S3cretPW_scp_63';
    const { root, env } = project(`['remote "r"']\n url = alice:${secret}@host:/path\n`);
    const config = await loadDvcConfig(root, { env });
    assert.equal(selectRemote(config, 'r').url, join(root, '.dvc', `alice:${secret}@host:/path`), 'a relative path to DVC');
    assert.throws(
      () => openRemote(selectRemote(config, 'r')),
      (e: unknown) =>
        e instanceof DataError &&
        e.message.startsWith(`remote 'r' (${join(root, '.dvc', 'config')}): url '${join(root, '.dvc')}/***@host:/path' is a local folder to DVC`) &&
        /ssh:\/\/user@host\/path.*'repro: dvc'/.test(e.message) &&
        !e.message.includes(secret),
    );
    assert.equal(redact(`echo ${secret}`), 'echo ***');
  });

  test('a file:// url, which DVC neither reads nor writes as the folder (it opens file:/… under the current directory), is refused naming the path to write', async () => {
    const store = temp();
    const { root, env } = project(`['remote "r"']\n url = file://${store}\n['remote "h"']\n url = file://nas/share/dvc\n`);
    const config = await loadDvcConfig(root, { env });
    assert.equal(selectRemote(config, 'r').url, `file://${store}`, 'a URL: not resolved against .dvc/');
    for (const [name, expected] of [
      ['r', `: ${store}`],
      ['h', ' (/srv/dvc-store, ../store)'],
    ] as const) {
      assert.throws(
        () => openRemote(selectRemote(config, name)),
        (e: unknown) =>
          e instanceof DataError &&
          e.message ===
            `remote '${name}' (${join(root, '.dvc', 'config')}): url '${selectRemote(config, name).url}' is a file:// URL, which DVC does not read as a folder: expected the folder written as a path${expected}`,
      );
    }
  });

  test("opening a remote registers its credentials with the redactor: config.local's password never prints", async () => {
    const secret = 'pw-from-config-local-7f3a';
    const { root, env } = project(
      `[core]\n    remote = hub\n['remote "hub"']\n    url = https://dagshub.example/o/r.dvc\n`,
      `['remote "hub"']\n    auth = basic\n    user = me\n    password = ${secret}\n`,
    );
    assert.equal(redact(`token ${secret}`), `token ${secret}`, 'not known before the remote is opened');
    openRemote(selectRemote(await loadDvcConfig(root, { env })));
    assert.equal(redact(`token ${secret}`), 'token ***');
  });
});

describe("how a pull request's .dvc/config changes the remotes (remoteChanges)", () => {
  const at = (text: string | null, name: string) => ({ text, name });
  test('a remote changed in any key, added or removed, and core.remote, each named; sections match by name as DVC reads them', () => {
    const base = `[core]\n    remote = storage\n['remote "storage"']\n    url = s3://bucket/store\n['remote "old"']\n    url = /mnt/old\n`;
    const head = `[core]\nremote = Evil\n[remote "STORAGE"]\nurl = s3://bucket/store\nendpointurl = http://127.0.0.1:8799\n[remote "evil"]\nurl = https://evil.example/dvc\n`;
    assert.deepEqual(remoteChanges(at(base, 'base'), at(head, 'head')), [
      "remote 'storage' (changed)",
      "remote 'old' (removed)",
      "remote 'evil' (added)",
      "core.remote ('evil')",
    ]);
    assert.deepEqual(
      remoteChanges(at(base, 'base'), at(`['remote "storage"']\n  url = s3://bucket/store\n[remote "old"]\nurl=/mnt/old\n[core]\nremote=STORAGE\n`, 'head')),
      [],
    );
    assert.deepEqual(remoteChanges(at(null, 'none'), at(base, 'head')), ["remote 'storage' (added)", "remote 'old' (added)", "core.remote ('storage')"]);
    assert.throws(() => remoteChanges(at(base, 'base'), at('[core\n', '.dvc/config')), /^DataError: \.dvc\/config:1: /);
  });

  test('local: false leaves config.local out', async () => {
    const { root, env } = project(`['remote "r"']\n    url = /tmp/store\n`, `['remote "r"']\n    url = /elsewhere\n`);
    assert.equal((await loadDvcConfig(root, { env })).remotes.get('r')!.url, '/elsewhere');
    assert.equal((await loadDvcConfig(root, { env }, undefined, false)).remotes.get('r')!.url, '/tmp/store');
  });
});

test('the project’s .dvc/config and config.local are read only as plain files of the project: a link out of it is refused, never quoted', async () => {
  const outside = temp();
  writeFileSync(join(outside, 'config'), 'password hunter2\n');
  for (const name of ['config', 'config.local']) {
    const { root, env } = project('[core]\n    remote = r\n');
    rmSync(join(root, '.dvc', name), { force: true });
    symlinkSync(join(outside, 'config'), join(root, '.dvc', name));
    await assert.rejects(loadDvcConfig(root, { env }), (error: Error) => {
      assert.ok(error instanceof DataError);
      assert.match(error.message, /not a plain file of the project \(a link is not followed\)/);
      assert.doesNotMatch(error.message, /hunter2/);
      return true;
    });
  }
});
