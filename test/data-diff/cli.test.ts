import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/repo';
import { DVC_YAML, twoCommitProject } from './fixture';

/** No system or global DVC config from the machine running the tests. */
function env(): NodeJS.ProcessEnv {
  const none = join(tempDir(), 'none');
  return { ...process.env, DVC_GLOBAL_CONFIG_DIR: none, DVC_SYSTEM_CONFIG_DIR: none };
}

describe('mlreport data diff (dist/cli.js), as `dvc diff` prints it', () => {
  test('a directory with one file added, one modified, one deleted and one renamed, and a .dvc-tracked file: --json with DVC keys', async () => {
    const repo = twoCommitProject();
    const r = await runCli(['data', 'diff', '--json', 'HEAD~1', 'HEAD'], repo.dir, env());
    assert.equal(r.code, 0, r.stderr);
    // DVC (dvc/commands/diff.py): B_REV given hides "not in cache"; entries are {"path"}, directories end with
    // "/", a rename is {"path": {"old", "new"}}; json.dumps on one line.
    assert.equal(
      r.stdout,
      '{"added": [{"path": "data/prepared/new.csv"}], "deleted": [{"path": "data/prepared/old.txt"}], ' +
        '"modified": [{"path": "data/prepared/"}, {"path": "data/prepared/train.csv"}, {"path": "model.pkl"}], ' +
        '"renamed": [{"path": {"old": "data/prepared/img/cat.png", "new": "data/prepared/img/kitty.png"}}]}\n',
    );
    repo.remove();
  });

  test('plain output against the workspace: groups, a blank line after each, files summary counting files only', async () => {
    const repo = twoCommitProject();
    const r = await runCli(['data', 'diff', 'HEAD~1'], repo.dir, env());
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      [
        'Added:',
        '    data/prepared/new.csv',
        '',
        'Deleted:',
        '    data/prepared/old.txt',
        '',
        'Renamed:',
        '    data/prepared/img/cat.png -> data/prepared/img/kitty.png',
        '',
        'Modified:',
        '    data/prepared/',
        '    data/prepared/train.csv',
        '    model.pkl',
        '',
        'files summary: 1 added, 1 deleted, 1 renamed, 2 modified',
        '',
      ].join('\n'),
    );
    // Against the workspace "not in cache" is kept, empty here.
    const json = await runCli(['data', 'diff', 'HEAD~1', '--json', '--show-hash'], repo.dir, env());
    const parsed = JSON.parse(json.stdout) as Record<string, { path: unknown; hash: unknown }[]>;
    assert.deepEqual(Object.keys(parsed), ['added', 'deleted', 'modified', 'renamed', 'not in cache']);
    assert.deepEqual(parsed['not in cache'], []);
    assert.match(String(parsed.added![0]!.hash), /^[0-9a-f]{32}$/);
    assert.deepEqual(Object.keys(parsed.modified![0]!.hash as object), ['old', 'new']);
    const none = await runCli(['data', 'diff', '--json'], repo.dir, env());
    assert.equal(none.stdout, '{}\n');
    repo.remove();
  });

  test('a .dir manifest in neither the cache nor the remote: the directory is "not in cache", its files are not guessed', async () => {
    const remote = tempDir('mlreport-empty-remote-');
    const repo = twoCommitProject({ baseDirInCache: false, remote });
    const r = await runCli(['data', 'diff', 'HEAD~1', '--json'], repo.dir, env());
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      '{"added": [], "deleted": [], "modified": [{"path": "data/prepared/"}, {"path": "model.pkl"}], "renamed": [], "not in cache": [{"path": "data/prepared/"}]}\n',
    );
    assert.match(r.stderr, /data\/prepared\/: its files are not compared: HEAD~1: data\/prepared: object [0-9a-f]{32}\.dir missing from remote 'store'/);
    const plain = await runCli(['data', 'diff', 'HEAD~1', '--targets', 'model.pkl'], repo.dir, env());
    assert.equal(plain.stdout, 'Modified:\n    model.pkl\n\nfiles summary: 1 modified\n');
    repo.remove();
  });

  test('a base dvc.lock whose stage entry lacks the output: that is what is said, not that the stage has no entry', async () => {
    const repo = twoCommitProject();
    const lock = repo.git('show', 'HEAD~1:dvc.lock');
    repo.git('checkout', '-q', 'HEAD~1');
    repo.commit('lock without the out', { 'dvc.lock': lock.replace('- path: data/prepared', '- path: data/other') });
    repo.commit('lock without the md5', { 'dvc.lock': lock.replace(/ {6}md5: .*\n/, '') });
    for (const [base, said] of [
      ['HEAD~1', "dvc.lock does not list 'data/prepared' among the outs of stage 'prepare'"],
      ['HEAD', "dvc.lock records no md5 for 'data/prepared' of stage 'prepare'"],
    ] as const) {
      const r = await runCli(['data', 'diff', base, '--json'], repo.dir, env());
      assert.equal(r.code, 0, r.stderr);
      assert.ok(r.stderr.includes(`data/prepared/: its files are not compared: ${base}: ${said}, so its data is not known there`), r.stderr);
    }
    repo.remove();
  });

  test('a base dvc.lock that does not load: said as such, with its error, not as a missing lock', async () => {
    const repo = twoCommitProject();
    const lock = repo.git('show', 'HEAD~1:dvc.lock');
    repo.git('checkout', '-q', 'HEAD~1');
    repo.commit('hand-edited lock', { 'dvc.lock': lock.replace(/( {6}size: )\d+/, '$1x') });
    const r = await runCli(['data', 'diff', 'HEAD', '--json'], repo.dir, env());
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stderr.includes('data/prepared: its files are not compared: HEAD: dvc.lock does not load, so its data is not known there'), r.stderr);
    assert.match(r.stderr, /HEAD: dvc\.lock: stage '\w+': (deps|outs)\[0\]\.size must be a whole number, not the string 'x'/);
    repo.remove();
  });

  test('a base .dvc file that does not load: the data it tracks is not known there, not added', async () => {
    const repo = twoCommitProject();
    const dvcFile = repo.git('show', 'HEAD~1:model.pkl.dvc');
    repo.git('checkout', '-q', 'HEAD~1');
    repo.commit('hand-edited .dvc file', { 'model.pkl.dvc': dvcFile.replace('  size:', '  sise:') });
    // The workspace's is fixed again, not yet committed.
    repo.write({ 'model.pkl.dvc': dvcFile });
    const r = await runCli(['data', 'diff', 'HEAD', '--json'], repo.dir, env());
    assert.equal(r.code, 0, r.stderr);
    const diff = JSON.parse(r.stdout) as Record<string, { path: unknown }[]>;
    assert.deepEqual(
      diff.added!.map((e) => e.path),
      [],
      'model.pkl is tracked at HEAD too, but the .dvc file there does not say what it held',
    );
    assert.deepEqual(
      diff['not in cache']!.map((e) => e.path),
      ['model.pkl'],
    );
    assert.ok(
      r.stderr.includes('model.pkl: its files are not compared: HEAD: model.pkl.dvc does not load, so the data it tracks is not known there'),
      r.stderr,
    );
    assert.ok(r.stderr.includes("HEAD: model.pkl.dvc: outs[0]: unknown key 'sise'"), r.stderr);
    repo.remove();
  });

  test('no dvc.lock at the base, an unreachable remote: said per path, exit 0', async () => {
    const repo = twoCommitProject({ baseDirInCache: false, remote: 'http://127.0.0.1:9/store' });
    repo.git('rm', '-q', 'dvc.lock');
    repo.commit('no lock');
    repo.git('checkout', '-q', 'HEAD~1', '--', 'dvc.lock');
    repo.commit('lock back', { 'dvc.yaml': DVC_YAML });
    const r = await runCli(['data', 'diff', 'HEAD~1', 'HEAD', '--md'], repo.dir, env());
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /data\/prepared\/: its files are not compared: HEAD~1: dvc\.lock is missing, so its data is not known there/);
    assert.equal(r.stdout, '| Status   | Path           |\n|----------|----------------|\n| modified | data/prepared/ |\n\n');
    const far = await runCli(['data', 'diff', 'HEAD~3', '--json'], repo.dir, env());
    assert.equal(far.code, 0, far.stderr);
    assert.match(far.stderr, /HEAD~3: data\/prepared: object [0-9a-f]{32}\.dir could not be read from remote 'store'/);
    assert.deepEqual(JSON.parse(far.stdout)['not in cache'], [{ path: 'data/prepared/' }]);
    repo.remove();
  });
  test('a revision a shallow clone lacks: data, metrics and params diff say the clone is shallow and how to fetch it, exit 2', async () => {
    const repo = twoCommitProject();
    repo.git('branch', 'release');
    repo.git('commit', '-q', '--allow-empty', '-m', 'third');
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${repo.dir}`, clone]);
    for (const [args, deepen] of [
      [['data', 'diff', 'HEAD~1'], 1],
      [['metrics', 'diff', 'HEAD~2'], 2],
      [['params', 'diff', 'HEAD^^'], 2],
    ] as const) {
      const r = await runCli([...args], clone, env());
      assert.equal(r.code, 2, r.stderr);
      const rev = args[2];
      assert.equal(
        r.stderr,
        `mlreport: unknown revision '${rev}' (this clone is shallow, so its history stops before it: fetch it with 'git fetch --deepen=${deepen}')\n`,
      );
    }
    const branch = await runCli(['data', 'diff', 'nope'], clone, env());
    assert.match(
      branch.stderr,
      /unknown revision 'nope' \(this clone is shallow, .*'git fetch --depth=1 origin nope:nope' if 'nope' is a branch on origin, or 'git fetch --unshallow' for the whole history\)/,
    );
    // A branch's ancestor: deepening the clone brings it when the clone has the branch; else that branch, as deep as
    // the revision goes. Each hint, followed, makes the revision known.
    const main = repo.git('branch', '--show-current').trim();
    for (const rev of [`${main}~1`, `origin/${main}^`]) {
      const r = await runCli(['metrics', 'diff', rev], clone, env());
      assert.equal(
        r.stderr,
        `mlreport: unknown revision '${rev}' (this clone is shallow, so its history stops before it: fetch it with 'git fetch --deepen=1')\n`,
      );
    }
    const release = await runCli(['metrics', 'diff', 'release~1'], clone, env());
    const hint = "'git fetch --depth=2 origin release:release' if 'release' is a branch on origin";
    assert.ok(
      release.stderr.includes(`unknown revision 'release~1' (this clone is shallow, so its history stops before it: fetch it with ${hint}`),
      release.stderr,
    );
    execFileSync('git', ['fetch', '-q', '--depth=2', 'origin', 'release:release'], { cwd: clone });
    const followed = await runCli(['metrics', 'diff', 'release~1'], clone, env());
    assert.equal(followed.code, 0, followed.stderr);
    execFileSync('git', ['fetch', '-q', '--deepen=1'], { cwd: clone });
    assert.equal((await runCli(['metrics', 'diff', `${main}~1`], clone, env())).code, 0, 'the hint, followed, fetches main~1');
    // In a full clone the revision is simply unknown.
    const full = await runCli(['data', 'diff', 'nope'], repo.dir, env());
    assert.equal(full.stderr, "mlreport: unknown revision 'nope' (not a commit git knows here)\n");
    repo.remove();
  });
});
