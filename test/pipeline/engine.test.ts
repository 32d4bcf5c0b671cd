import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dvcPushStep, reproduceStep } from '../../src/pipeline/engine';
import { resolveCommand } from '../../src/pipeline/shell';
import { MemoryLogger } from '../helpers/memory-logger';
import { tempDir } from '../helpers/repo';

/** Runs `fn` with `dir` first on PATH (restored after). */
async function withPath<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.PATH;
  process.env.PATH = `${dir}${delimiter}${before ?? ''}`;
  try {
    return await fn();
  } finally {
    process.env.PATH = before;
  }
}

describe('repro: dvc', () => {
  // A stand-in `dvc` that prints what `dvc repro` prints (dvc/stage/__init__.py and dvc/stage/run.py
  // messages) and fails in the last stage, as a real failing run would.
  test("per-stage results come from dvc repro's own lines; a failure keeps the stage's output", { skip: process.platform === 'win32' }, async () => {
    const bin = tempDir('mlreport-fake-dvc-');
    const work = tempDir('mlreport-dvc-work-');
    try {
      writeFileSync(
        join(bin, 'dvc'),
        `#!/bin/sh
echo "$@" > "${join(work, 'args.txt')}"
echo "Running stage 'prepare':"
echo "> python prepare.py"
echo "Stage 'train' didn't change, skipping"
echo "Running stage 'evaluate':"
echo "> python evaluate.py"
echo "Traceback: boom" >&2
echo "ERROR: failed to reproduce 'evaluate': failed to run: python evaluate.py, exited with 1" >&2
exit 1
`,
      );
      chmodSync(join(bin, 'dvc'), 0o755);
      const log = new MemoryLogger();
      const result = await withPath(bin, () => reproduceStep({ workspace: work, repro: 'dvc', runCommands: [] }, log));
      assert.equal(readFileSync(join(work, 'args.txt'), 'utf8'), 'repro\n');
      assert.equal(result?.engine, 'dvc');
      assert.equal(result?.passed, false);
      assert.deepEqual(
        result?.stages.map((s) => [s.name, s.status]),
        [
          ['prepare', 'ran'],
          ['train', 'skipped'],
          ['evaluate', 'failed'],
        ],
      );
      const evaluate = result!.stages[2]!;
      assert.equal(evaluate.error, 'dvc repro exited with code 1');
      assert.match(evaluate.log!, /^> python evaluate.py\nTraceback: boom\nERROR: failed to reproduce 'evaluate'/);
      assert.ok(log.lines.includes('info: Traceback: boom'));
    } finally {
      rmSync(bin, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    }
  });

  test('on Windows a dvc.cmd shim on PATH is found through PATHEXT and started by cmd.exe; a dvc.exe before it wins', () => {
    const shims = tempDir('mlreport-shims-');
    const exes = tempDir('mlreport-exes-');
    try {
      writeFileSync(join(shims, 'dvc.cmd'), '@python -m dvc %*\r\n');
      writeFileSync(join(exes, 'dvc.exe'), '');
      const env = { Path: `C:\\nowhere;"${shims}"`, PATHEXT: '.COM;.EXE;.BAT;.CMD' };
      assert.deepEqual(resolveCommand('dvc', env, 'win32'), { file: `"${join(shims, 'dvc.cmd')}"`, shell: true });
      assert.deepEqual(resolveCommand('dvc', { ...env, Path: `${exes};${shims}` }, 'win32'), { file: join(exes, 'dvc.exe'), shell: false });
      assert.deepEqual(resolveCommand('dvc', { Path: exes, PATHEXT: '.CMD' }, 'win32'), { file: 'dvc', shell: false });
      assert.deepEqual(resolveCommand('dvc', env, 'linux'), { file: 'dvc', shell: false });
    } finally {
      rmSync(shims, { recursive: true, force: true });
      rmSync(exes, { recursive: true, force: true });
    }
  });

  test('a dvc.cmd shim runs dvc repro on Windows', { skip: process.platform !== 'win32' && 'cmd.exe runs .cmd shims on Windows only' }, async () => {
    const bin = tempDir('mlreport-dvc-shim-');
    const work = tempDir('mlreport-dvc-shim-work-');
    try {
      writeFileSync(join(bin, 'dvc.cmd'), `@echo off\r\necho %* > "${join(work, 'args.txt')}"\r\necho Running stage 'train':\r\n`);
      const result = await withPath(bin, () => reproduceStep({ workspace: work, repro: 'dvc', runCommands: [] }, new MemoryLogger()));
      assert.equal(result?.passed, true, result?.stages[0]?.error);
      assert.deepEqual(
        result?.stages.map((s) => [s.name, s.status]),
        [['train', 'ran']],
      );
      assert.equal(readFileSync(join(work, 'args.txt'), 'utf8').trim(), 'repro');
    } finally {
      rmSync(bin, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    }
  });

  test('without dvc installed the step fails with a message saying what to do', async () => {
    const empty = tempDir('mlreport-no-dvc-');
    const before = process.env.PATH;
    process.env.PATH = empty;
    try {
      const result = await reproduceStep({ workspace: empty, repro: 'dvc', runCommands: [] }, new MemoryLogger());
      assert.equal(result?.passed, false);
      assert.match(result!.stages[0]!.error!, /could not start 'dvc'.*install DVC in an earlier step or use repro: builtin/);
    } finally {
      process.env.PATH = before;
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('repro: auto / off and run commands', () => {
  test('auto without dvc.yaml and no run commands: nothing to do', async () => {
    const dir = tempDir();
    try {
      assert.equal(await reproduceStep({ workspace: dir, repro: 'auto', runCommands: [] }, new MemoryLogger()), null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('run commands run in order; the first failure stops the rest and the pipeline', async () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir, 'dvc.yaml'), "stages:\n  s:\n    cmd: node -e \"require('fs').writeFileSync('s.txt', '')\"\n");
      const cmds = [
        "node -e \"require('fs').writeFileSync('one.txt', '1')\"",
        'node -e "process.exit(5)"',
        "node -e \"require('fs').writeFileSync('three.txt', '3')\"",
      ];
      const result = await reproduceStep({ workspace: dir, repro: 'auto', runCommands: cmds }, new MemoryLogger());
      assert.equal(result?.engine, 'run');
      assert.equal(result?.passed, false);
      assert.deepEqual(
        result?.stages.map((s) => s.status),
        ['ran', 'failed'],
      );
      assert.equal(result?.stages[1]?.error, 'exited with code 5');
      assert.equal(readFileSync(join(dir, 'one.txt'), 'utf8'), '1');
      assert.throws(() => readFileSync(join(dir, 'three.txt')));
      assert.throws(() => readFileSync(join(dir, 's.txt')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('builtin without dvc.yaml is a failed step with a clear message; off does nothing', async () => {
    const dir = tempDir();
    try {
      const result = await reproduceStep({ workspace: dir, repro: 'builtin', runCommands: [] }, new MemoryLogger());
      assert.equal(result?.passed, false);
      assert.match(result!.stages[0]!.error!, /No dvc.yaml in /);
      assert.equal(result!.stages[0]!.name, 'project files', 'no file to name');
      assert.equal(await reproduceStep({ workspace: dir, repro: 'off', runCommands: [] }, new MemoryLogger()), null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The Pipeline section's row is named after the file that stopped the runner, not always dvc.yaml: its reader
  // looks for the file to fix in the Stage column first.
  test('a project that does not load is a failed step named after the file its error names', async () => {
    const cases = [
      { file: 'params.yaml', text: 'lr: [0.1\n', error: /^params\.yaml:2:1: invalid YAML/ },
      { file: 'dvc.lock', text: 'schema: 2.0\nstages: [\n', error: /^dvc\.lock:3:1: invalid YAML/ },
      { file: 'dvc.yaml', text: 'stages:\n  train:\n    cmd: echo\n    bogus: 1\n', error: /^dvc\.yaml: / },
    ];
    for (const c of cases) {
      const dir = tempDir();
      try {
        writeFileSync(join(dir, 'dvc.yaml'), 'stages:\n  train:\n    cmd: echo\n    params: [lr]\n');
        writeFileSync(join(dir, 'params.yaml'), 'lr: 0.1\n');
        writeFileSync(join(dir, c.file), c.text);
        const result = await reproduceStep({ workspace: dir, repro: 'builtin', runCommands: [] }, new MemoryLogger());
        assert.equal(result?.passed, false);
        assert.equal(result?.stages.length, 1);
        const [stage] = result!.stages;
        assert.match(stage!.error!, c.error);
        assert.deepEqual({ name: stage!.name, status: stage!.status, project: stage!.project }, { name: c.file, status: 'failed', project: true });
        assert.equal(result?.stopped, stage!.error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});

describe('dvc-push (dvcPushStep)', () => {
  test('a `dvc import` in the cache is never pushed to the project remote (its source repository holds it), as dvc push leaves it out; the stage outputs are', async () => {
    const dir = tempDir('mlreport-dvcpush-import-');
    const store = tempDir('mlreport-dvcpush-store-');
    const none = tempDir('mlreport-dvcpush-none-');
    const saved = { global: process.env.DVC_GLOBAL_CONFIG_DIR, system: process.env.DVC_SYSTEM_CONFIG_DIR };
    process.env.DVC_GLOBAL_CONFIG_DIR = none;
    process.env.DVC_SYSTEM_CONFIG_DIR = none;
    try {
      const object = (root: string, md5: string): string => join(root, 'files', 'md5', md5.slice(0, 2), md5.slice(2));
      const put = (md5: string, text: string): void => {
        mkdirSync(dirname(object(join(dir, '.dvc', 'cache'), md5)), { recursive: true });
        writeFileSync(object(join(dir, '.dvc', 'cache'), md5), text);
      };
      // md5 of 'imported\n' and of 'model\n'.
      const imported = '1e3fed4ac09a6b7eaee31faf1fc5bc34';
      const model = '458d5f1afc81ae7291a7aaad852dc12a';
      put(imported, 'imported\n');
      put(model, 'model\n');
      writeFileSync(join(dir, '.dvc', 'config'), `[core]\n    remote = store\n['remote "store"']\n    url = ${store}\n`);
      writeFileSync(
        join(dir, 'data.xml.dvc'),
        `md5: 0123456789abcdef0123456789abcdef\nfrozen: true\ndeps:\n- path: get-started/data.xml\n  repo:\n    url: https://example.com/dataset-registry\n    rev_lock: cf6481baf56f156aa0876709cc231aaf3f3a3c29\nouts:\n- md5: ${imported}\n  size: 9\n  hash: md5\n  path: data.xml\n`,
      );
      writeFileSync(join(dir, 'dvc.yaml'), 'stages:\n  train:\n    cmd: cp data.xml model.pkl\n    deps: [data.xml]\n    outs: [model.pkl]\n');
      writeFileSync(
        join(dir, 'dvc.lock'),
        `schema: '2.0'\nstages:\n  train:\n    cmd: cp data.xml model.pkl\n    deps:\n    - path: data.xml\n      hash: md5\n      md5: ${imported}\n      size: 9\n    outs:\n    - path: model.pkl\n      hash: md5\n      md5: ${model}\n      size: 6\n`,
      );
      const log = new MemoryLogger();
      const result = await dvcPushStep(dir, log);
      assert.equal(result.status, 'ran', result.error);
      assert.ok(existsSync(object(store, model)), 'the stage output is pushed');
      assert.ok(!existsSync(object(store, imported)), 'the import is not');
    } finally {
      process.env.DVC_GLOBAL_CONFIG_DIR = saved.global;
      process.env.DVC_SYSTEM_CONFIG_DIR = saved.system;
      rmSync(dir, { recursive: true, force: true });
      rmSync(store, { recursive: true, force: true });
      rmSync(none, { recursive: true, force: true });
    }
  });
});
