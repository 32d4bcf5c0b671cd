import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST_CLI, runCli, runNode } from '../helpers/cli';
import { tempDir, TempRepo } from '../helpers/repo';

describe('the CLI start: help from the commands table, the commands from their own bundle', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('--help, --version and a command --help are answered by dist/cli.js alone; running a command needs dist/commands.js', async () => {
    // dist/cli.js with nothing beside it but the package.json that makes it a module.
    const alone = tempDir();
    dirs.push(alone);
    copyFileSync(DIST_CLI, join(alone, 'cli.js'));
    copyFileSync(join(dirname(DIST_CLI), 'package.json'), join(alone, 'package.json'));
    const cli = join(alone, 'cli.js');
    const help = await runNode(cli, ['--help'], { cwd: alone });
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^ {2}metrics history {2}show each metric over a branch's last N commits/m);
    assert.match((await runNode(cli, ['--version'], { cwd: alone })).stdout, /^\d+\.\d+\.\d+\n$/);
    const usage = await runNode(cli, ['pull', '--help'], { cwd: alone });
    assert.equal(usage.code, 0, usage.stderr);
    assert.match(usage.stdout, /^usage: mlreport pull \[TARGET\.\.\.\][^]*MLREPORT_REMOTE_PASSWORD/);
    const run = await runNode(cli, ['status'], { cwd: alone });
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /commands\.js/);
  });

  test('metrics diff and params diff run from dist/cli.js and their own bundle, dist/values-commands.js, without dist/commands.js', async () => {
    const alone = tempDir();
    dirs.push(alone);
    for (const file of ['cli.js', 'values-commands.js', 'package.json']) copyFileSync(join(dirname(DIST_CLI), file), join(alone, file));
    const cli = join(alone, 'cli.js');
    const repo = new TempRepo();
    dirs.push(repo.dir);
    repo.commit('base', { 'dvc.yaml': 'metrics:\n  - metrics.json\nparams:\n  - params.yaml\n', 'metrics.json': '{"acc": 0.5}', 'params.yaml': 'lr: 0.1\n' });
    repo.write({ 'metrics.json': '{"acc": 0.75}', 'params.yaml': 'lr: 0.2\n' });
    const metrics = await runNode(cli, ['metrics', 'diff', '--json'], { cwd: repo.dir });
    assert.equal(metrics.code, 0, metrics.stderr);
    assert.deepEqual(JSON.parse(metrics.stdout), { 'metrics.json': { acc: { old: 0.5, new: 0.75, diff: 0.25 } } });
    const params = await runNode(cli, ['params', 'diff', '--md'], { cwd: repo.dir });
    assert.equal(params.code, 0, params.stderr);
    assert.equal(
      params.stdout,
      '| Path        | Param   | HEAD   | workspace   |\n|-------------|---------|--------|-------------|\n| params.yaml | lr      | 0.1    | 0.2         |\n\n',
    );
    // Its errors are told there too, the environment's secrets redacted.
    const env = { ...process.env, GITHUB_TOKEN: 'ghp_valuesSecret0042' };
    const bad = await runNode(cli, ['metrics', 'diff', '--precision', 'ghp_valuesSecret0042'], { cwd: repo.dir, env });
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'mlreport: --precision expects a whole number of digits, got "***"\n');
    assert.match((await runNode(cli, ['status'], { cwd: repo.dir })).stderr, /commands\.js/);
  });

  test("an error is told by the commands' bundle, which knows the environment's secrets", async () => {
    const dir = tempDir();
    dirs.push(dir);
    const r = await runCli(['ghp_startSecret0042'], dir, { ...process.env, GITHUB_TOKEN: 'ghp_startSecret0042' });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "mlreport: unknown command '***'. Run 'mlreport --help' for the list.\n");
  });

  test(
    'run from a folder deleted after the shell entered it: a plain error, not a stack or uv_cwd',
    { skip: process.platform === 'win32' && 'a folder in use cannot be deleted' },
    async () => {
      const parent = tempDir();
      dirs.push(parent);
      const gone = join(parent, 'gone');
      mkdirSync(gone);
      const r = spawnSync('sh', ['-c', 'cd "$1" && rmdir "$1" && exec "$2" "$3" report', 'sh', gone, process.execPath, DIST_CLI], { encoding: 'utf8' });
      assert.equal(r.status, 2);
      assert.equal(
        r.stderr,
        'mlreport: the current folder no longer exists (it was deleted or moved after this shell entered it): cd into the project and run again.\n',
      );
    },
  );

  test(
    "a command's compiled code is kept by Node in the temporary folder for the next run, unless NODE_DISABLE_COMPILE_CACHE is set",
    { skip: !('enableCompileCache' in module) && 'Node before 22.1 has no compile cache' },
    async () => {
      const repo = new TempRepo();
      dirs.push(repo.dir);
      repo.commit('base', { 'dvc.yaml': 'metrics:\n  - metrics.json\n', 'metrics.json': '{"acc": 0.5}' });
      const run = async (env: NodeJS.ProcessEnv): Promise<string[]> => {
        const tmp = tempDir();
        dirs.push(tmp);
        const { NODE_COMPILE_CACHE: _ignored, NODE_DISABLE_COMPILE_CACHE: _unset, ...rest } = process.env;
        const r = await runCli(['metrics', 'diff', '--json'], repo.dir, { ...rest, TMPDIR: tmp, TMP: tmp, TEMP: tmp, ...env });
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout, '{}\n');
        const cache = join(tmp, 'node-compile-cache');
        return existsSync(cache) ? readdirSync(cache, { recursive: true }).map(String) : [];
      };
      // One entry per bundle compiled, under a folder per Node version: at least values-commands.js's.
      assert.ok((await run({})).length >= 2);
      assert.deepEqual(await run({ NODE_DISABLE_COMPILE_CACHE: '1' }), []);
    },
  );

  test(
    "V8's tiering flags, set by a command once its code is loaded, neither print an error nor spoil the compile cache of a process that loads the same code without them",
    { skip: !('enableCompileCache' in module) && 'Node before 22.1 has no compile cache' },
    async () => {
      const repo = new TempRepo();
      dirs.push(repo.dir);
      repo.commit('base', { 'dvc.yaml': 'metrics:\n  - metrics.json\n', 'metrics.json': '{"acc": 0.5}' });
      const tmp = tempDir();
      dirs.push(tmp);
      const { NODE_COMPILE_CACHE: _ignored, NODE_DISABLE_COMPILE_CACHE: _unset, ...rest } = process.env;
      const env = { ...rest, TMPDIR: tmp, TMP: tmp, TEMP: tmp, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' };
      const values = pathToFileURL(join(dirname(DIST_CLI), 'values-commands.js')).href;
      // A process that loads the CLI and the values commands' bundle and runs nothing (what the benches take as start-up)...
      const load = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import m from 'node:module'; await import(${JSON.stringify(pathToFileURL(DIST_CLI).href)}); m.enableCompileCache(); await import(${JSON.stringify(values)});`,
        ],
        { cwd: repo.dir, env, encoding: 'utf8' },
      );
      assert.equal(load.status, 0, load.stderr);
      // ...then commands, which set the flags: each takes the code the one before kept.
      for (let i = 0; i < 2; i++) {
        const r = await runCli(['metrics', 'diff', '--json'], repo.dir, env);
        assert.equal(r.code, 0, r.stderr);
        assert.doesNotMatch(r.stderr, /unrecognized flag|rejected/i);
        assert.match(r.stderr, /values-commands\.js was accepted/);
      }
    },
  );
});
