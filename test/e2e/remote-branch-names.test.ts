import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { md5sum } from '../helpers/md5sum';
import { TempRepo, tempDir } from '../helpers/repo';

/** `data.txt.dvc` as `dvc add data.txt` writes it, for the file `dir/data.txt` holds now. */
function dvcFile(dir: string): string {
  const file = join(dir, 'data.txt');
  return `outs:\n- md5: ${md5sum(file)}\n  size: ${statSync(file).size}\n  hash: md5\n  path: data.txt\n`;
}

// origin: main (accuracy 0.8, lr 0.1, data v1); tune, off main (accuracy 0.9, lr 0.2, data v2).
const origin = new TempRepo('mlreport-origin-');
const project = { 'dvc.yaml': 'metrics:\n  - metrics.json\nparams:\n  - params.yaml\n', '.gitignore': '/data.txt\n' };
origin.write({ 'data.txt': 'v1\n' });
const main = origin.commit('main', { ...project, 'metrics.json': '{"accuracy": 0.8}', 'params.yaml': 'lr: 0.1\n', 'data.txt.dvc': dvcFile(origin.dir) });
origin.git('checkout', '-q', '-b', 'tune');
origin.write({ 'data.txt': 'v2\n' });
origin.commit('tune', { 'metrics.json': '{"accuracy": 0.9}', 'params.yaml': 'lr: 0.2\n', 'data.txt.dvc': dvcFile(origin.dir) });
origin.git('checkout', '-q', 'main');
// A normal clone of the PR's branch: `main` is only `origin/main` there.
const clone = join(tempDir('mlreport-clone-'), 'clone');
execFileSync('git', ['clone', '-q', '--branch', 'tune', origin.dir, clone]);
execFileSync('git', ['config', 'user.email', 't@e'], { cwd: clone });
execFileSync('git', ['config', 'user.name', 'T'], { cwd: clone });
after(() => origin.remove());

/** No system or global DVC config from the machine running the tests. */
const env = { ...process.env, DVC_GLOBAL_CONFIG_DIR: join(tempDir(), 'none'), DVC_SYSTEM_CONFIG_DIR: join(tempDir(), 'none') };

test('a branch only on origin (`main` as `origin/main`) is resolved as DVC resolves it, by every command', async () => {
  assert.throws(() => execFileSync('git', ['rev-parse', '--verify', '--quiet', 'main'], { cwd: clone }), 'precondition: git alone does not know `main`');

  const metrics = await runCli(['metrics', 'diff', 'main', '--json'], clone, env);
  assert.equal(metrics.code, 0, metrics.stderr);
  assert.deepEqual(JSON.parse(metrics.stdout), { 'metrics.json': { accuracy: { old: 0.8, new: 0.9, diff: 0.09999999999999998 } } });

  const params = await runCli(['params', 'diff', 'main', '--json'], clone, env);
  assert.equal(params.code, 0, params.stderr);
  assert.deepEqual(JSON.parse(params.stdout), { 'params.yaml': { lr: { old: 0.1, new: 0.2, diff: 0.1 } } });

  const data = await runCli(['data', 'diff', 'main', 'HEAD', '--json'], clone, env);
  assert.equal(data.code, 0, data.stderr);
  assert.deepEqual(JSON.parse(data.stdout).modified, [{ path: 'data.txt' }]);

  const history = await runCli(['metrics', 'history', 'main', '--json'], clone, env);
  assert.equal(history.code, 0, history.stderr);
  assert.deepEqual(
    JSON.parse(history.stdout).metrics[0].points.map((p: { commit: string; value: number }) => [p.commit, p.value]),
    [[main, 0.8]],
  );

  // `main~0` and the like start from the remote branch too; `--base main` needs no fetch for what the clone has.
  const suffixed = await runCli(['metrics', 'diff', 'main~0', '--json'], clone, env);
  assert.equal(suffixed.code, 0, suffixed.stderr);
  const report = await runCli(['report', '--base', 'main', '--out', join(tempDir(), 'out')], clone, env);
  assert.equal(report.code, 0, report.stderr);
  assert.match(report.stdout, /`tune` vs `main` \(\w{7}\)/);
  assert.doesNotMatch(report.stderr, /fetching the branch/);
});

test('a name two remotes hold as different commits is ambiguous, as in DVC; one no remote has names the fetch that brings it', async () => {
  const other = join(tempDir('mlreport-clone-'), 'other');
  execFileSync('git', ['clone', '-q', '--branch', 'tune', origin.dir, other]);
  execFileSync('git', ['remote', 'add', 'upstream', origin.dir], { cwd: other });
  execFileSync('git', ['fetch', '-q', 'upstream'], { cwd: other });
  // The same commit on both: not ambiguous.
  assert.equal((await runCli(['metrics', 'diff', 'main'], other, env)).code, 0);
  execFileSync('git', ['update-ref', 'refs/remotes/upstream/main', 'refs/remotes/origin/tune'], { cwd: other });
  const ambiguous = await runCli(['metrics', 'diff', 'main'], other, env);
  assert.equal(ambiguous.code, 2);
  assert.match(ambiguous.stderr, /^mlreport: ambiguous revision 'main': origin\/main and upstream\/main are different commits; name the one to use/m);

  const unknown = await runCli(['params', 'diff', 'release'], other, env);
  assert.equal(unknown.code, 2);
  assert.match(
    unknown.stderr,
    /unknown revision 'release' \(not a commit git knows here, nor a branch of a remote this clone has fetched: if 'release' is a branch on origin, 'git fetch origin release' brings it\)/,
  );
  assert.doesNotMatch(unknown.stderr, /\n\s+at /, 'no stack trace');
});
