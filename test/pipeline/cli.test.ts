import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, runNode, DIST_ACTION } from '../helpers/cli';
import { TempRepo } from '../helpers/repo';

// Stage commands call this script, so the fixture needs no shell quoting (portable to cmd.exe).
const WRITER =
  "const [f, ...kv] = process.argv.slice(2); const o = {}; for (let i = 0; i < kv.length; i += 2) o[kv[i]] = Number(kv[i + 1]); require('fs').writeFileSync(f, JSON.stringify(o));\n";

function pipelineRepo(): TempRepo {
  const repo = new TempRepo();
  repo.commit('pipeline', {
    'params.yaml': 'train:\n  lr: 0.1\n',
    'w.js': WRITER,
    'dvc.yaml': `stages:
  train:
    cmd: node w.js model.txt m 1
    params: [train.lr]
    outs: [model.txt]
  evaluate:
    cmd: node w.js metrics.json acc 0.9
    deps: [model.txt]
    metrics:
      - metrics.json: {cache: false}
`,
  });
  return repo;
}

describe('mlreport repro / status', () => {
  test('repro runs, status then reports up to date; a param change shows up in status with its reason', async () => {
    const repo = pipelineRepo();
    try {
      let r = await runCli(['status'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /train:\n\tnot in dvc.lock\n\tout model.txt: missing\n/);
      r = await runCli(['repro'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^train: ran .*\nevaluate: ran /);
      assert.match(r.stderr, /── Stage train\n/);
      r = await runCli(['status'], repo.dir);
      assert.equal(r.stdout, 'Data and pipelines are up to date.\n');
      repo.write({ 'params.yaml': 'train:\n  lr: 0.2\n' });
      r = await runCli(['status', '--json'], repo.dir);
      assert.deepEqual(JSON.parse(r.stdout), { train: ['param params.yaml:train.lr: modified'] });
      r = await runCli(['repro', '--dry'], repo.dir);
      assert.match(r.stdout, /train: would run \(param params.yaml:train.lr: modified\)\nevaluate: would run \(upstream stage 'train' would run\)/);
      r = await runCli(['repro', 'train', '--force'], repo.dir);
      assert.match(r.stdout, /^train: ran [\d.]+s \(forced; param params.yaml:train.lr: modified\)\n$/);
    } finally {
      repo.remove();
    }
  });

  test('a params key naming a section the cmd unpacks (${train}): dvc.lock holds the section whole, and a nested change is the key modified, as DVC records it', async () => {
    const repo = new TempRepo();
    try {
      repo.commit('pipeline', {
        'params.yaml': 'train:\n  lr: 0.1\n  optim: {name: adam, beta: 0.9}\n',
        'w.js': WRITER,
        'dvc.yaml': 'stages:\n  train:\n    cmd: node w.js model.txt ${train}\n    params: [train]\n    outs: [model.txt]\n',
      });
      let r = await runCli(['repro'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      // dvc/stage/serialize.py _serialize_params_values: the key as dvc.yaml names it, its value the section as read
      // (dpath.get), top-level keys sorted, nested ones as the file has them.
      const lock = readFileSync(join(repo.dir, 'dvc.lock'), 'utf8');
      assert.match(lock, /\n {4}params:\n {6}params\.yaml:\n {8}train:\n {10}lr: 0\.1\n {10}optim:\n {12}name: adam\n {12}beta: 0\.9\n/);
      assert.match(lock, /cmd: node w\.js model\.txt --lr 0\.1 --optim\.name adam --optim\.beta 0\.9\n/);
      r = await runCli(['status'], repo.dir);
      assert.equal(r.stdout, 'Data and pipelines are up to date.\n');
      // DVC's ParamsDependency.workspace_status compares the section whole: one leaf changed is the key `train` modified.
      repo.write({ 'params.yaml': 'train:\n  lr: 0.1\n  optim: {name: adam, beta: 0.95}\n' });
      r = await runCli(['status', '--json'], repo.dir);
      assert.deepEqual(JSON.parse(r.stdout), { train: ['changed command', 'param params.yaml:train: modified'] });
      // The same values written in another order are no change (a mapping compares as Python's dict ==).
      repo.write({ 'params.yaml': 'train:\n  optim: {beta: 0.9, name: adam}\n  lr: 0.1\n' });
      r = await runCli(['status', '--json'], repo.dir);
      assert.deepEqual(JSON.parse(r.stdout), { train: ['changed command'] });
    } finally {
      repo.remove();
    }
  });

  test('a broken dvc.yaml is a clear error, exit code 2', async () => {
    const repo = new TempRepo();
    try {
      repo.write({ 'fail.js': "console.log('bad things');\nprocess.exit(4);\n" });
      repo.write({ 'dvc.yaml': 'stages:\n  s:\n    cmd: echo ${missing}\n' });
      const r = await runCli(['repro'], repo.dir);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, "mlreport: dvc.yaml: failed to parse 'stages.s.cmd': Could not find 'missing'.\n");
    } finally {
      repo.remove();
    }
  });

  test('a dvc.lock left with git merge conflict markers is named as such, at the first marker, and left as it is', async () => {
    const repo = new TempRepo();
    try {
      const lock = "schema: '2.0'\nstages:\n  s:\n<<<<<<< HEAD\n    cmd: echo a\n=======\n    cmd: echo b\n>>>>>>> other\n";
      repo.write({ 'dvc.yaml': 'stages:\n  s:\n    cmd: echo a\n', 'dvc.lock': lock });
      for (const command of [['status'], ['repro']]) {
        const r = await runCli(command, repo.dir);
        assert.equal(r.code, 2);
        assert.equal(
          r.stderr,
          'mlreport: dvc.lock:4:1: invalid YAML: an unresolved git merge conflict (<<<<<<<, =======, >>>>>>> lines): keep one side and remove the markers.\n',
        );
      }
      assert.equal(readFileSync(join(repo.dir, 'dvc.lock'), 'utf8'), lock);
    } finally {
      repo.remove();
    }
  });
});

describe('mlreport status: .dvc-tracked data (dvc/repo/status.py collects every .dvc file too)', () => {
  test('modified or missing data is listed under its .dvc file, as `dvc status` does, never "up to date"', async () => {
    const repo = new TempRepo();
    try {
      const extra = 'a,b\n1,2\n';
      const md5 = createHash('md5').update(extra).digest('hex');
      repo.write({ [`.dvc/cache/files/md5/${md5.slice(0, 2)}/${md5.slice(2)}`]: extra });
      repo.commit('data', {
        '.dvc/config': '',
        '.dvc/.gitignore': '/cache\n/tmp\n',
        'data/extra.csv': extra,
        'data/.gitignore': '/extra.csv\n',
        'data/extra.csv.dvc': `outs:\n- md5: ${md5}\n  size: ${extra.length}\n  hash: md5\n  path: extra.csv\n`,
      });
      // A project of `.dvc` files alone, no dvc.yaml: DVC's status works there too.
      let r = await runCli(['status'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'Data and pipelines are up to date.\n');
      repo.write({ 'data/extra.csv': 'bye\n' });
      r = await runCli(['status'], repo.dir);
      assert.equal(r.stdout, 'data/extra.csv.dvc:\n\tout data/extra.csv: modified\n');
      rmSync(join(repo.dir, 'data', 'extra.csv'));
      r = await runCli(['status'], repo.dir);
      assert.equal(r.stdout, 'data/extra.csv.dvc: pull from the cache\n\tout data/extra.csv: missing\n');
      r = await runCli(['status', '--json'], repo.dir);
      assert.deepEqual(JSON.parse(r.stdout), { 'data/extra.csv.dvc': ['out data/extra.csv: missing'] });
      // Beside a pipeline, after its stages; a stage named as a target is that stage alone.
      repo.write({ 'dvc.yaml': 'stages:\n  s:\n    cmd: echo s\n    deps: [data/extra.csv]\n' });
      r = await runCli(['status', '--no-pull'], repo.dir);
      assert.equal(r.stdout, 's:\n\tnot in dvc.lock\n\tdep data/extra.csv: missing\ndata/extra.csv.dvc:\n\tout data/extra.csv: missing\n');
      r = await runCli(['status', 's', '--no-pull'], repo.dir);
      assert.equal(r.stdout, 's:\n\tnot in dvc.lock\n\tdep data/extra.csv: missing\n');
    } finally {
      repo.remove();
    }
  });
});

describe('nested dvc.yaml files: `dvc status` collects the stages of every dvc.yaml (dvc/repo/stage.py collect_granular)', () => {
  test('a stage of sub/dvc.yaml out of date is listed by status and warned about by the report; a broken one is an error', async () => {
    const repo = pipelineRepo();
    try {
      repo.write({
        'sub/in.txt': 'one\n',
        'sub/dvc.yaml': 'stages:\n  inner:\n    cmd: node ../w.js m.json acc 0.5\n    deps: [in.txt]\n    metrics:\n    - m.json: {cache: false}\n',
      });
      for (const cwd of ['.', 'sub']) assert.equal((await runCli(['repro', '--cwd', cwd], repo.dir)).code, 0);
      repo.commit('ran');
      let r = await runCli(['status'], repo.dir);
      assert.equal(r.stdout, 'Data and pipelines are up to date.\n');
      repo.write({ 'sub/in.txt': 'two\n' });
      r = await runCli(['status'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'sub/dvc.yaml:inner:\n\tdep in.txt: modified\n');
      r = await runCli(['report', '--base', 'HEAD', '--quiet'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(readFileSync(join(repo.dir, '.mlreport', 'report.md'), 'utf8'), /> - `sub\/dvc\.yaml:inner`: dep in\.txt: modified\n/);
      // The address status printed is a target, from the root, as DVC's `dvc repro sub/dvc.yaml:inner`.
      r = await runCli(['status', 'sub/dvc.yaml:inner'], repo.dir);
      assert.equal(r.stdout, 'inner:\n\tdep in.txt: modified\n', r.stderr);
      r = await runCli(['repro', 's', 'sub/dvc.yaml:inner'], repo.dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^mlreport: The targets name stages of 2 dvc\.yaml files \(.*dvc\.yaml, .*sub[/\\]dvc\.yaml\): run the command once for each/);
      r = await runCli(['repro', 'sub/dvc.yaml:inner'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^inner: ran /m);
      assert.equal((await runCli(['status'], repo.dir)).stdout, 'Data and pipelines are up to date.\n');
      repo.write({ 'sub/dvc.yaml': 'stages: [\n' });
      r = await runCli(['status'], repo.dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^mlreport: sub\/dvc\.yaml:2:1: invalid YAML/);
    } finally {
      repo.remove();
    }
  });
});

describe('report with the Reproduce step', () => {
  test('--repro builtin runs the pipeline first; the report has a Pipeline section', async () => {
    const repo = pipelineRepo();
    try {
      const r = await runCli(['report', '--repro', 'builtin', '--base', 'HEAD', '--quiet'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      const md = readFileSync(join(repo.dir, '.mlreport', 'report.md'), 'utf8');
      assert.match(md, /### Pipeline\n\n\| Stage \| Result \| Time \| Why \|\n\|---\|---\|---\|---\|\n\| train \| ran \| [\d.]+ s \|/);
      assert.match(md, /\| metrics.json \| acc \| - \| 0.9 \|/);
      const json = JSON.parse(readFileSync(join(repo.dir, '.mlreport', 'report.json'), 'utf8'));
      assert.equal(json.pipeline.engine, 'builtin');
      assert.deepEqual(
        json.pipeline.stages.map((s: { status: string }) => s.status),
        ['ran', 'ran'],
      );
    } finally {
      repo.remove();
    }
  });

  test('a failing stage: the report is still written, with the output tail, and the exit code is 1', async () => {
    const repo = pipelineRepo();
    try {
      repo.write({ 'fail.js': "console.log('bad things');\nprocess.exit(4);\n" });
      repo.write({ 'dvc.yaml': readFileSync(join(repo.dir, 'dvc.yaml'), 'utf8').replace('node w.js model.txt m 1', 'node fail.js') });
      const r = await runCli(['report', '--repro', 'builtin', '--base', 'HEAD', '--quiet'], repo.dir);
      assert.equal(r.code, 1);
      const md = readFileSync(join(repo.dir, '.mlreport', 'report.md'), 'utf8');
      assert.match(md, /\| train \| \*\*failed\*\* \| [\d.]+ s \| command exited with code 4/);
      assert.match(md, /\| evaluate \| not run \| – \| upstream stage 'train' failed/);
      assert.match(md, /<details><summary>train: last lines of output<\/summary>\n\n```\n> node fail.js\nbad things\n```\n\n<\/details>/);
    } finally {
      repo.remove();
    }
  });

  test('the action: repro defaults to auto (runs when dvc.yaml exists); `run` commands run first', async () => {
    const repo = pipelineRepo();
    try {
      const out = join(repo.dir, 'out');
      const env = {
        ...process.env,
        GITHUB_WORKSPACE: repo.dir,
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        'INPUT_OUT-DIR': out,
        INPUT_RUN: `node -e "require('fs').writeFileSync('setup.txt', 'ok')"`,
      };
      const r = await runNode(DIST_ACTION, [], { cwd: repo.dir, env });
      assert.doesNotMatch(r.stdout, /::error::/);
      assert.equal(existsSync(join(repo.dir, 'setup.txt')), true);
      const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      assert.equal(json.pipeline.engine, 'builtin');
      assert.deepEqual(
        json.pipeline.stages.map((s: { name: string }) => s.name),
        ['run[1]', 'train', 'evaluate'],
      );

      const bad = await runNode(DIST_ACTION, [], { cwd: repo.dir, env: { ...env, INPUT_REPRO: 'sometimes' } });
      assert.match(bad.stdout, /::error::mlreport: Input 'repro' must be one of auto, builtin, dvc, off \(got 'sometimes'\)/);
    } finally {
      repo.remove();
    }
  });
});
