import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DvcHttpServer } from '../fakes/dvc-http/server';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github';
import { runAction, type ActionRun } from '../helpers/action';
import { runCli } from '../helpers/cli';
import { md5sum } from '../helpers/md5sum';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * On events where mlreport does not run a pull request's code but holds the workflow's credentials
 * (`pull_request_target`), the PR must not choose where those credentials go: a PR that points the DVC remote at its
 * own server gets no request from it; the remote is read as the base revision defines it.
 */
const WRITER = "const [f, k, v] = process.argv.slice(2); require('fs').writeFileSync(f, JSON.stringify({ [k]: Number(v) }));\n";
const LOCAL = `['remote "storage"']\n    auth = basic\n    user = ci-bot\n    password = s3cr3tHTTPpass\n`;

let repo: TempRepo;
let remote: string;
let forged: string;
let server: DvcHttpServer;
let trusted: DvcHttpServer;
let baseSha: string;
let fake: FakeGitHub;

before(async () => {
  fake = await startFakeGitHub();
  repo = new TempRepo();
  remote = tempDir();
  forged = tempDir();
  // The repository's remote, and the PR's server, both asking for the workflow's credentials.
  trusted = new DvcHttpServer(remote, '/dvc', 'ci-bot', 's3cr3tHTTPpass');
  server = new DvcHttpServer(forged, '/dvc', 'ci-bot', 's3cr3tHTTPpass');
  await trusted.start();
  await server.start();
  repo.write({ '.dvc/config.local': LOCAL });
  repo.commit('pipeline', {
    '.dvc/config': `[core]\n    remote = storage\n['remote "storage"']\n    url = ${trusted.url}\n`,
    '.dvc/.gitignore': '/config.local\n/tmp\n/cache\n',
    '.gitignore': '/metrics.json\n',
    'w.js': WRITER,
    'dvc.yaml': 'stages:\n  train:\n    cmd: node w.js metrics.json acc 0.9\n    outs:\n      - metrics.json\nmetrics:\n  - metrics.json\n',
  });
  assert.equal((await runCli(['repro'], repo.dir)).code, 0);
  assert.equal((await runCli(['push'], repo.dir)).code, 0);
  baseSha = repo.commit('ran', { 'dvc.lock': readFileSync(join(repo.dir, 'dvc.lock'), 'utf8') });
  repo.git('checkout', '-q', '-b', 'pr');
});
after(async () => {
  await fake.stop();
  await server.stop();
  await trusted.stop();
  repo.remove();
  rmSync(remote, { recursive: true, force: true });
  rmSync(forged, { recursive: true, force: true });
});

/** A fresh clone at `head` with the workflow's `.dvc/config.local` (the credentials), run on `eventName`. */
async function runOn(eventName: string, head: string): Promise<ActionRun & { report: { metrics: { rows: { new: unknown }[] }[]; warnings: string[] } }> {
  const clone = tempDir();
  try {
    execFileSync('git', ['clone', '-q', repo.dir, clone]);
    execFileSync('git', ['checkout', '-q', head], { cwd: clone });
    writeFileSync(join(clone, '.dvc', 'config.local'), LOCAL);
    const result = await runAction({
      workspace: clone,
      eventName,
      event: { pull_request: { number: 9, base: { sha: baseSha, ref: 'main' }, head: { sha: head, ref: 'pr' } } },
      sha: head,
      apiUrl: fake.url,
      inputs: { repro: 'off', thresholds: 'acc >= 0.5' },
    });
    return { ...result, report: JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8')) };
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
}

describe("the DVC remote's settings where the pull request's code is not trusted", () => {
  test("pull_request_target: a PR that moves the remote to its own server gets no request; the base's remote is read, and the change is named", async () => {
    // The PR's dvc.lock names an object only its server has: a better accuracy than the pipeline made.
    const file = join(forged, 'metrics.json');
    writeFileSync(file, '{"acc": 0.99}');
    const md5 = md5sum(file);
    mkdirSync(join(forged, 'files', 'md5', md5.slice(0, 2)), { recursive: true });
    writeFileSync(join(forged, 'files', 'md5', md5.slice(0, 2), md5.slice(2)), '{"acc": 0.99}');
    const lock = readFileSync(join(repo.dir, 'dvc.lock'), 'utf8').replace(/md5: [0-9a-f]{32}\n(\s+)size: \d+/, `md5: ${md5}\n$1size: 13`);
    const head = repo.commit('move the remote', {
      'dvc.lock': lock,
      '.dvc/config': `[core]\n    remote = storage\n['remote "storage"']\n    url = ${server.url}\n`,
    });
    server.requests.length = 0;
    // On pull_request the PR's settings are its own (its code runs anyway, with its own token): its server is asked.
    const own = await runOn('pull_request', head);
    assert.ok(server.requests.length > 0, own.stdout);
    assert.equal(own.report.metrics[0]!.rows[0]!.new, 0.99, own.stdout);

    server.requests.length = 0;
    trusted.requests.length = 0;
    const target = await runOn('pull_request_target', head);
    assert.deepEqual(server.requests, [], 'no request (and so no credential) reaches the server the pull request named');
    assert.ok(trusted.requests.length > 0, 'the base revision’s remote is asked');
    // The head's value is not on the repository's remote: the head's dvc.lock names it, so it is not known, and the
    // rule could not check this change and breaks; never the forged 0.99.
    assert.equal(target.code, 1, target.stdout);
    assert.match(
      target.stdout,
      /\[error\] acc >= 0\.5: Not checked: `metrics\.json:acc` is not known at the head: metrics\.json is DVC-cached and could not be read/,
    );
    assert.doesNotMatch(JSON.stringify(target.report.metrics), /0\.99/);
    const note = `Not used from the checked-out .dvc/config: remote 'storage' (changed). DVC remotes are read as .dvc/config at the base revision (main, ${baseSha.slice(0, 7)}) defines them`;
    assert.ok(target.stdout.includes(`::warning::${note}`), target.stdout);
    assert.ok(
      target.report.warnings.some((w) => w.startsWith(note)),
      JSON.stringify(target.report.warnings),
    );
  });

  test('pull_request_target: a .dvc/config the PR made a link to a runner file is not followed: none of that file reaches the log or the report', async () => {
    const outside = tempDir();
    try {
      writeFileSync(join(outside, 'runner-file'), 'RUNNER_ONLY=leak-me-0123456789 (no INI)\n');
      repo.git('checkout', '-q', '-B', 'pr-link', baseSha);
      rmSync(join(repo.dir, '.dvc', 'config'));
      symlinkSync(join(outside, 'runner-file'), join(repo.dir, '.dvc', 'config'));
      const head = repo.commit('link the config');
      const target = await runOn('pull_request_target', head);
      assert.doesNotMatch(target.stdout + target.stderr + JSON.stringify(target.report), /leak-me/);
      assert.match(target.stdout, /Not used from the checked-out \.dvc\/config: the whole file, not a plain file \(a link is not followed\)/);
    } finally {
      repo.git('checkout', '-q', '-f', 'pr');
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('pull_request_target: a .dvc/config.local the PR committed is not the workflow’s and is not read', async () => {
    repo.git('checkout', '-q', '-B', 'pr-local', baseSha);
    repo.write({ '.dvc/config.local': `['remote "storage"']\n    url = ${server.url}\n` });
    repo.git('add', '-f', '.dvc/config.local');
    const head = repo.commit('add a config.local');
    repo.write({ '.dvc/config.local': LOCAL });
    repo.git('rm', '-q', '--cached', '.dvc/config.local');
    server.requests.length = 0;
    trusted.requests.length = 0;
    // The workflow writes its credentials into the same file, after the checkout.
    const clone = tempDir();
    try {
      execFileSync('git', ['clone', '-q', repo.dir, clone]);
      execFileSync('git', ['checkout', '-q', head], { cwd: clone });
      writeFileSync(join(clone, '.dvc', 'config.local'), `['remote "storage"']\n    url = ${server.url}\n${LOCAL.split('\n').slice(1).join('\n')}`);
      const result = await runAction({
        workspace: clone,
        eventName: 'pull_request_target',
        event: { pull_request: { number: 10, base: { sha: baseSha, ref: 'main' }, head: { sha: head, ref: 'pr-local' } } },
        sha: head,
        apiUrl: fake.url,
        inputs: { repro: 'off', thresholds: 'acc >= 0.5' },
      });
      assert.deepEqual(server.requests, []);
      assert.match(result.stdout, /::warning::\.dvc\/config\.local is not used: the checked-out commit has it in git, so it is the pull request's/);
      // Without the workflow's credentials the repository's remote answers 401: the value is not read, and nothing leaks.
      assert.ok(trusted.requests.length > 0);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});
