import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';
import { readReportJson } from '../helpers/report';

const WRITER = "const [f, k, v] = process.argv.slice(2); require('fs').writeFileSync(f, JSON.stringify({ [k]: Number(v) }));\n";

/** Commits `paths` as the workspace has them now (what a run wrote there), and nothing else. */
function commitWritten(repo: TempRepo, message: string, paths: string[]): void {
  repo.commit(message, Object.fromEntries(paths.map((p) => [p, readFileSync(join(repo.dir, p), 'utf8')])));
}

/** A project's files that make the folder `remote` its default DVC remote, as `dvc remote add -d` would. */
function remoteFiles(remote: string): Record<string, string> {
  return {
    '.dvc/config': `[core]\n    remote = storage\n['remote "storage"']\n    url = ${remote}\n`,
    '.dvc/.gitignore': '/config.local\n/tmp\n/cache\n',
  };
}

/** Runs the pipeline, pushes its outputs, commits dvc.lock alone and clones the repository into `clone`: a fresh clone with nothing pulled. */
async function pushedClone(repo: TempRepo, clone: string): Promise<void> {
  assert.equal((await runCli(['repro'], repo.dir)).code, 0);
  assert.equal((await runCli(['push'], repo.dir)).code, 0);
  commitWritten(repo, 'ran', ['dvc.lock']);
  execFileSync('git', ['clone', '-q', repo.dir, clone]);
}

/**
 * `mlreport report --base HEAD~1 --repro dvc` with `args`, which fails: its report.json. DVC itself is not installed
 * here: a stand-in `dvc` on PATH prints what `dvc repro` prints when `stage` (running `command`) fails.
 */
async function reportWithFailingDvc<T>(repo: TempRepo, stage: string, command: string, args: string[]): Promise<T> {
  const bin = tempDir('mlreport-fake-dvc-');
  const out = tempDir();
  try {
    writeFileSync(join(bin, 'dvc'), `#!/bin/sh\necho "Running stage '${stage}':"\necho '> ${command}'\nexit 1\n`, { mode: 0o755 });
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
    const r = await runCli(['report', '--base', 'HEAD~1', '--repro', 'dvc', '--out', out, '--quiet', ...args], repo.dir, env);
    assert.equal(r.code, 1, r.stderr);
    return readReportJson<T>(out);
  } finally {
    rmSync(bin, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

/** train writes model.json (params: lr), evaluate reads it and writes metrics.json; other.json is a metrics file no stage writes. Run, and committed. */
async function trainEvaluateRepo(): Promise<TempRepo> {
  const repo = new TempRepo();
  repo.commit('pipeline', {
    'params.yaml': 'lr: 0.1\n',
    'w.js': WRITER,
    'other.json': '{"rows": 5}\n',
    'dvc.yaml':
      'stages:\n  train:\n    cmd: node w.js model.json w 1\n    params: [lr]\n    outs:\n      - model.json: {cache: false}\n' +
      '  evaluate:\n    cmd: node w.js metrics.json acc 0.9\n    deps: [model.json]\n    metrics:\n      - metrics.json: {cache: false}\n' +
      'metrics:\n  - other.json\n',
  });
  assert.equal((await runCli(['repro'], repo.dir)).code, 0);
  commitWritten(repo, 'ran', ['metrics.json', 'model.json', 'dvc.lock']);
  return repo;
}

describe('mlreport report says what it compared, and what it could not', () => {
  test("uncommitted changes are the 'workspace', not the branch; the default .mlreport/ ignores itself", async () => {
    const repo = new TempRepo();
    try {
      repo.commit('base', { 'metrics.json': '{"accuracy": 0.9}', 'dvc.yaml': 'metrics:\n  - metrics.json\n' });
      repo.write({ 'metrics.json': '{"accuracy": 0.8}' });
      const r = await runCli(['report', '--base', 'HEAD'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^## ⚠️ accuracy −11% \(0\.9 → 0\.8, worse\)$/m, 'the verdict is the first line of the report');
      assert.match(r.stdout, /^\*\*mlreport\*\* · `workspace` vs `HEAD` \(\w{7}\) · 1 metric and 0 params changed$/m);
      assert.equal(
        readFileSync(join(repo.dir, '.mlreport', '.gitignore'), 'utf8')
          .split('\n')
          .at(-2),
        '*',
      );
      assert.equal(repo.git('status', '--porcelain', '--untracked-files=all'), 'M metrics.json', 'the report folder is not a change to commit');
      repo.git('checkout', '--', 'metrics.json');
      const clean = await runCli(['report', '--base', 'HEAD', '--quiet'], repo.dir);
      const json = readReportJson(join(repo.dir, '.mlreport'));
      assert.equal(clean.code, 0, clean.stderr);
      assert.notEqual(json.head.label, 'workspace', 'a clean workspace is named by its branch');
    } finally {
      repo.remove();
    }
  });

  test("--repro auto that rewrites dvc.lock and the metrics of a committed change names the head 'workspace', not the branch; one with nothing to run keeps the branch", async () => {
    const repo = new TempRepo();
    try {
      repo.commit('pipeline', {
        'params.yaml': 'acc: 0.9\n',
        'w.js':
          "const v = /acc: *([\\d.]+)/.exec(require('fs').readFileSync('params.yaml', 'utf8'))[1];\nrequire('fs').writeFileSync('metrics.json', JSON.stringify({ acc: Number(v) }));\n",
        'dvc.yaml': 'stages:\n  train:\n    cmd: node w.js\n    params: [acc]\n    metrics:\n      - metrics.json: {cache: false}\n',
      });
      assert.equal((await runCli(['repro'], repo.dir)).code, 0);
      commitWritten(repo, 'ran', ['metrics.json', 'dvc.lock']);
      // A committed param change whose dvc.lock was not updated: the run reproduces it, and the tree then differs.
      repo.commit('tune, not reproduced', { 'params.yaml': 'acc: 0.8\n' });
      assert.equal(repo.git('status', '--porcelain'), '');
      const r = await runCli(['report', '--base', 'HEAD~1', '--repro', 'auto', '--quiet'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      const json = readReportJson(join(repo.dir, '.mlreport'));
      assert.match(repo.git('status', '--porcelain'), /dvc\.lock/);
      assert.equal(json.head.label, 'workspace', 'values no commit holds are not named by the branch');
      assert.match(readFileSync(join(repo.dir, '.mlreport', 'report.md'), 'utf8'), /^\*\*mlreport\*\* · `workspace` vs `HEAD~1`/m);
      // Committed: a reproduction with nothing to run leaves the tree as it was, and the branch names it.
      repo.git('commit', '-qam', 'reproduced');
      const again = await runCli(['report', '--base', 'HEAD~1', '--repro', 'auto', '--quiet'], repo.dir);
      assert.equal(again.code, 0, again.stderr);
      assert.notEqual(readReportJson(join(repo.dir, '.mlreport')).head.label, 'workspace');
    } finally {
      repo.remove();
    }
  });

  test("--out folders mlreport makes inside the project ignore themselves too: the next report's head is the branch, not 'workspace'", async () => {
    const repo = new TempRepo();
    try {
      repo.commit('base', { 'metrics.json': '{"accuracy": 0.9}', 'dvc.yaml': 'metrics:\n  - metrics.json\n' });
      repo.commit('head', { 'metrics.json': '{"accuracy": 0.8}' });
      const first = await runCli(['report', '--base', 'HEAD~1', '--out', '.mlreport', '--quiet'], repo.dir);
      assert.equal(first.code, 0, first.stderr);
      const plots = await runCli(['plots', 'render', '--base', 'HEAD~1', '--out', 'out/plots', '--quiet'], repo.dir);
      assert.equal(plots.code, 0, plots.stderr);
      assert.equal(repo.git('status', '--porcelain', '--untracked-files=all'), '', 'no report folder is a change to commit');
      const second = await runCli(['report', '--base', 'HEAD~1', '--out', 'stricter', '--quiet'], repo.dir);
      assert.equal(second.code, 0, second.stderr);
      assert.notEqual(readReportJson(join(repo.dir, 'stricter')).head.label, 'workspace');

      // A folder that is already there is the user's: left as it is, no .gitignore added.
      repo.commit('reports', { 'reports/README.md': 'Reports kept in git.\n' });
      const kept = await runCli(['report', '--base', 'HEAD~1', '--out', 'reports', '--quiet'], repo.dir);
      assert.equal(kept.code, 0, kept.stderr);
      assert.equal(existsSync(join(repo.dir, 'reports', '.gitignore')), false);
    } finally {
      repo.remove();
    }
  });

  test('repro off and a params edit since dvc.lock: the out-of-date stage is named on stderr and in the report', async () => {
    const repo = new TempRepo();
    try {
      repo.commit('pipeline', {
        'params.yaml': 'lr: 0.1\n',
        'w.js': WRITER,
        'dvc.yaml': 'stages:\n  train:\n    cmd: node w.js metrics.json acc 0.9\n    params: [lr]\n    metrics:\n      - metrics.json: {cache: false}\n',
      });
      const ran = await runCli(['repro'], repo.dir);
      assert.equal(ran.code, 0, ran.stderr);
      commitWritten(repo, 'ran', ['metrics.json', 'dvc.lock']);
      repo.write({ 'params.yaml': 'lr: 0.2\n' });
      const out = tempDir();
      const r = await runCli(['report', '--base', 'HEAD', '--out', out, '--quiet'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /warning: Stage 'train' is out of date \(param params\.yaml:lr: modified\)/);
      const md = readFileSync(join(out, 'report.md'), 'utf8');
      assert.match(
        md,
        /> \[!WARNING\]\n> A stage is out of date: the pipeline was not reproduced, so the values below are from the last run, not from this change\.\n> - `train`: param params\.yaml:lr: modified/,
      );
      assert.match(md, /Out-of-date stages: run mlreport repro first, or pass --repro auto/);
      const json = readReportJson(out);
      assert.deepEqual(json.stale, [{ stage: 'train', reasons: ['param params.yaml:lr: modified'] }]);
    } finally {
      repo.remove();
    }
  });

  test('repro off: a rule on a metric an out-of-date stage (or one downstream of it) writes is not checked, never a pass', async () => {
    const repo = await trainEvaluateRepo();
    try {
      repo.commit('change lr, not reproduced', { 'params.yaml': 'lr: 0.2\n' });
      const out = tempDir();
      const report = (...rules: string[]) =>
        runCli(['report', '--base', 'HEAD~1', '--out', out, '--quiet', ...rules.flatMap((r) => ['--threshold', r])], repo.dir);
      const r = await report('acc >= base - 0.01', 'rows >= 1');
      assert.equal(r.code, 1, r.stderr);
      const json = readReportJson(out);
      assert.deepEqual(
        json.gates.rules.map((g: { status: string; stale?: string[] }) => [g.status, g.stale]),
        [
          ['error', ['train']],
          ['passed', undefined],
        ],
      );
      assert.equal(json.gates.passed, false);
      assert.equal(json.gates.checked, 1);
      assert.match(
        json.gates.rules[0].detail,
        /^Not checked: `metrics\.json:acc` comes from out-of-date stage 'train' \(not reproduced\), so the rule compared the last run's values/,
      );
      assert.equal(
        json.verdict.line,
        "❌ gate could not check this change: stage 'train' out of date (not reproduced); the rule compared the last run's values",
      );
      // A rule on a file no out-of-date stage leads to is checked as usual.
      const other = await report('rows >= 1');
      assert.equal(other.code, 0, other.stderr);
      assert.match(readReportJson(out).verdict.line, /^✅ gate passed/);
    } finally {
      repo.remove();
    }
  });

  test('a failed stage: rules on what it and the stages it kept from running write are not checked, and the report says whose values they are', async () => {
    const repo = await trainEvaluateRepo();
    try {
      // The change: a new learning rate, with which training crashes; evaluate never runs, metrics.json is the base's.
      repo.commit('train crashes', {
        'params.yaml': 'lr: 0.2\n',
        'dvc.yaml': readFileSync(join(repo.dir, 'dvc.yaml'), 'utf8').replace('node w.js model.json w 1', 'node w.js model.json w 1 && exit 3'),
      });
      const out = tempDir();
      const r = await runCli(
        ['report', '--base', 'HEAD~1', '--repro', 'auto', '--out', out, '--quiet', '--threshold', 'acc >= base - 0.01', '--threshold', 'rows >= 1'],
        repo.dir,
      );
      assert.equal(r.code, 1, r.stderr);
      const json = readReportJson(out);
      assert.deepEqual(
        json.pipeline.stages.map((s: { name: string; status: string }) => [s.name, s.status]),
        [
          ['train', 'failed'],
          ['evaluate', 'not-run'],
        ],
      );
      assert.deepEqual(
        json.gates.rules.map((g: { status: string; stale?: string[] }) => [g.status, g.stale]),
        [
          ['error', ['evaluate']],
          ['passed', undefined],
        ],
        'a rule on a file no failed stage leads to is checked as usual',
      );
      assert.equal(json.gates.passed, false);
      assert.equal(
        json.gates.rules[0].detail,
        "Not checked: `metrics.json:acc` comes from stage 'evaluate', which did not run (upstream stage 'train' failed), so the rule compared the last run's values, not this change's (0.9 >= 0.89 (base 0.9)).",
      );
      assert.deepEqual(json.stale, [{ stage: 'evaluate', reasons: ["did not run (upstream stage 'train' failed)"] }]);
      assert.equal(json.verdict.line, '❌ pipeline failed: stage train failed; a rule could not check this change (values of stages that did not run)');
      const md = readFileSync(join(out, 'report.md'), 'utf8');
      assert.match(
        md,
        /> \[!WARNING\]\n> A stage of the pipeline did not complete in this run, so the values below from its outputs are from the last run, not from this change\.\n> - `evaluate`: did not run \(upstream stage 'train' failed\)/,
      );
      assert.doesNotMatch(md, /not reproduced|Out-of-date stages/);
    } finally {
      repo.remove();
    }
  });

  test("a fresh clone whose training crashes: evaluate's metrics read from the remote by the old dvc.lock are not this change's values", async () => {
    const repo = new TempRepo();
    const remote = tempDir();
    const clone = tempDir();
    try {
      repo.commit('pipeline', {
        ...remoteFiles(remote),
        '.gitignore': '/model.json\n/metrics.json\n',
        'params.yaml': 'lr: 0.1\n',
        'w.js': WRITER,
        'dvc.yaml':
          'stages:\n  train:\n    cmd: node w.js model.json w 1\n    params: [lr]\n    outs: [model.json]\n' +
          '  evaluate:\n    cmd: node w.js metrics.json acc 0.9\n    deps: [model.json]\n    metrics: [metrics.json]\n',
      });
      await pushedClone(repo, clone);
      execFileSync('git', ['-C', clone, 'checkout', '-q', '-b', 'crash']);
      const dvcYaml = readFileSync(join(clone, 'dvc.yaml'), 'utf8');
      writeFileSync(join(clone, 'dvc.yaml'), dvcYaml.replace('node w.js model.json w 1', 'node w.js model.json w 1 && exit 3'));
      writeFileSync(join(clone, 'params.yaml'), 'lr: 0.2\n');
      const out = tempDir();
      const r = await runCli(['report', '--base', 'HEAD', '--repro', 'auto', '--out', out, '--quiet', '--threshold', 'acc >= base'], clone);
      assert.equal(r.code, 1, r.stderr);
      const json = readReportJson(out);
      assert.equal(json.metrics[0].rows[0].new, 0.9, "the head's value is the base's, read from the remote by dvc.lock");
      assert.deepEqual(
        json.gates.rules.map((g: { status: string; stale?: string[] }) => [g.status, g.stale]),
        [['error', ['evaluate']]],
      );
      assert.equal(json.gates.passed, false);
      assert.deepEqual(json.stale, [{ stage: 'evaluate', reasons: ["did not run (upstream stage 'train' failed)"] }]);
      assert.match(readFileSync(join(out, 'report.md'), 'utf8'), /values below from its outputs are from the last run, not from this change/);
    } finally {
      repo.remove();
      rmSync(remote, { recursive: true, force: true });
      rmSync(clone, { recursive: true, force: true });
    }
  });

  test('a fresh clone that has not pulled: outputs on the remote are read by dvc.lock, not called out of date; one the remote lacks is', async () => {
    const repo = new TempRepo();
    const remote = tempDir();
    const clone = tempDir();
    try {
      repo.commit('pipeline', {
        ...remoteFiles(remote),
        '.gitignore': '/metrics.json\n',
        'params.yaml': 'lr: 0.1\n',
        'w.js': WRITER,
        'dvc.yaml':
          'stages:\n  train:\n    cmd: node w.js metrics.json acc 0.9\n    params: [lr]\n    outs:\n      - metrics.json\nmetrics:\n  - metrics.json\n',
      });
      await pushedClone(repo, clone);
      const out = tempDir();
      const r = await runCli(['report', '--base', 'HEAD', '--out', out, '--quiet'], clone);
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stderr, /out of date/);
      const json = readReportJson(out);
      assert.deepEqual(json.stale, []);
      assert.equal(json.metrics[0].rows[0].new, 0.9, 'the head value is read from the remote by dvc.lock');
      assert.doesNotMatch(readFileSync(join(out, 'report.md'), 'utf8'), /out of date/);

      // Without the object on the remote the values cannot be this commit's: out of date, as before.
      rmSync(join(remote, 'files'), { recursive: true });
      rmSync(join(clone, '.dvc', 'cache'), { recursive: true, force: true });
      const missing = await runCli(['report', '--base', 'HEAD', '--out', out, '--quiet'], clone);
      assert.match(missing.stderr, /warning: Stage 'train' is out of date \(out metrics\.json: missing\)/);
    } finally {
      repo.remove();
      rmSync(remote, { recursive: true, force: true });
      rmSync(clone, { recursive: true, force: true });
    }
  });

  test('repro prints one line per stage, and calls an absent output missing', async () => {
    const repo = new TempRepo();
    try {
      repo.commit('pipeline', { 'w.js': WRITER, 'dvc.yaml': 'stages:\n  train:\n    cmd: node w.js model.json w 1\n    outs: [model.json]\n' });
      const r = await runCli(['repro'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^train: ran [\d.]+s \(not in dvc\.lock; out model\.json: missing\)\n$/);
      assert.doesNotMatch(r.stderr, /Running stage|didn't change/, 'the stage is not said twice in other words');
      const again = await runCli(['repro'], repo.dir);
      assert.equal(again.stdout, 'train: skipped\n');
      assert.equal(again.stderr, '');
    } finally {
      repo.remove();
    }
  });

  test('a DagsHub logger project (metrics.csv and params.yml at the root, no dvc.yaml) is read by default', async () => {
    const repo = new TempRepo();
    const log = (acc: number[]) => `Name,Value,Timestamp,Step\n${acc.map((a, i) => `acc,${a},${1700000000000 + i},${i}`).join('\n')}\n`;
    try {
      repo.commit('base', { 'metrics.csv': log([0.5, 0.7, 0.8]), 'params.yml': 'lr: 0.01\n' });
      repo.commit('head', { 'metrics.csv': log([0.5, 0.75, 0.85, 0.9]), 'params.yml': 'lr: 0.02\n' });
      const out = tempDir();
      const r = await runCli(['report', '--base', 'HEAD~1', '--out', out, '--quiet'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      const md = readFileSync(join(out, 'report.md'), 'utf8');
      assert.match(md, /\| metrics\.csv \| acc \| 0\.8 \| 0\.9 \| \+0\.1 \(\+12%\) \| ✅ better \|/);
      assert.match(md, /\| params\.yml \| lr \| 0\.01 \| 0\.02 \|/);
      const json = readReportJson(out);
      assert.deepEqual(
        json.plots.map((p: { id: string }) => p.id),
        ['metrics.csv#acc'],
      );
    } finally {
      repo.remove();
    }
  });

  test('no values found: the hint names the CLI flags, with no markdown backticks left showing', async () => {
    const repo = new TempRepo();
    try {
      repo.commit('base', { 'README.md': 'x\n' });
      const out = tempDir();
      const r = await runCli(['report', '--base', 'HEAD', '--out', out, '--quiet'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      const md = readFileSync(join(out, 'report.md'), 'utf8');
      assert.match(md, /- No metrics or params files found: name them in dvc\.yaml, or pass --metrics and --params/);
      assert.doesNotMatch(md, /\\`|inputs/);
    } finally {
      repo.remove();
    }
  });
});

describe("a nested dvc.yaml: its stages are no more trusted than the root's", () => {
  /** A root pipeline (train writes metrics.json) and `subDvcYaml`, whose stages write `subOutputs`, each run and committed. */
  async function ranNestedPipelines(subDvcYaml: string, subOutputs: string[]): Promise<TempRepo> {
    const repo = new TempRepo();
    repo.commit('pipelines', {
      'w.js': WRITER,
      'sub/w.js': WRITER,
      'params.yaml': 'lr: 0.1\n',
      'sub/params.yaml': 'lr: 0.1\n',
      'dvc.yaml': 'stages:\n  train:\n    cmd: node w.js metrics.json acc 0.9\n    params: [lr]\n    metrics:\n      - metrics.json: {cache: false}\n',
      'sub/dvc.yaml': subDvcYaml,
    });
    assert.equal((await runCli(['repro'], repo.dir)).code, 0);
    assert.equal((await runCli(['repro', '--cwd', 'sub'], repo.dir)).code, 0);
    commitWritten(repo, 'ran', ['dvc.lock', 'metrics.json', 'sub/dvc.lock', ...subOutputs]);
    return repo;
  }

  /** A root pipeline and a sub/dvc.yaml one, each run and committed; then the head changes sub/'s param only. */
  async function nestedRepo(): Promise<TempRepo> {
    const repo = await ranNestedPipelines(
      'stages:\n  tune:\n    cmd: node w.js m.json f1 0.5\n    params: [lr]\n    metrics:\n      - m.json: {cache: false}\n',
      ['sub/m.json'],
    );
    repo.commit('tune with another lr', { 'sub/params.yaml': 'lr: 0.2\n' });
    return repo;
  }
  const RULES = ['--threshold', 'f1 >= base', '--threshold', 'acc >= base'];
  type Gates = { passed: boolean; rules: { status: string; detail: string; stale?: string[] }[] };

  test('repro off: a rule on what an out-of-date stage of sub/dvc.yaml writes is not checked, as one of the root would be', async () => {
    const repo = await nestedRepo();
    try {
      const out = tempDir();
      const r = await runCli(['report', '--base', 'HEAD~1', '--repro', 'off', '--out', out, '--quiet', ...RULES], repo.dir);
      assert.equal(r.code, 1, r.stderr);
      const json = readReportJson<{ gates: Gates }>(out);
      assert.deepEqual(
        json.gates.rules.map((g) => [g.status, g.stale]),
        [
          ['error', ['sub/dvc.yaml:tune']],
          ['passed', undefined],
        ],
      );
      assert.match(json.gates.rules[0]!.detail, /^Not checked: `sub\/m\.json:f1` comes from out-of-date stage 'sub\/dvc\.yaml:tune' \(not reproduced\)/);
    } finally {
      repo.remove();
    }
  });

  test('the root pipeline reproduced: sub/dvc.yaml is not part of it, so its out-of-date stage did not run and a rule on its metrics is not checked', async () => {
    const repo = await nestedRepo();
    try {
      const out = tempDir();
      const r = await runCli(['report', '--base', 'HEAD~1', '--repro', 'auto', '--out', out, '--quiet', ...RULES], repo.dir);
      assert.equal(r.code, 1, r.stderr);
      const json = readReportJson(out) as {
        gates: Gates;
        pipeline: { stages: { name: string; status: string }[] };
        stale: { stage: string; reasons: string[] }[];
      };
      assert.deepEqual(
        json.pipeline.stages.map((s) => [s.name, s.status]),
        [['train', 'skipped']],
      );
      const why = "did not run (out of date: param params.yaml:lr: modified; the run reproduces the root dvc.yaml's stages only)";
      assert.deepEqual(json.stale, [{ stage: 'sub/dvc.yaml:tune', reasons: [why] }]);
      assert.deepEqual(
        json.gates.rules.map((g) => [g.status, g.stale]),
        [
          ['error', ['sub/dvc.yaml:tune']],
          ['passed', undefined],
        ],
      );
      assert.match(json.gates.rules[0]!.detail, /^Not checked: `sub\/m\.json:f1` comes from stage 'sub\/dvc\.yaml:tune', which did not run \(out of date: /);
      assert.match(r.stderr, /warning: Stage 'sub\/dvc\.yaml:tune' is out of date \(param params\.yaml:lr: modified\) and was not reproduced/);
    } finally {
      repo.remove();
    }
  });

  test(
    '`dvc repro` runs a stage of sub/dvc.yaml upstream of the root and it fails: a rule on what it writes is not checked',
    { skip: process.platform === 'win32' },
    async () => {
      const repo = await nestedRepo();
      try {
        const json = await reportWithFailingDvc<{ gates: Gates }>(repo, 'sub/dvc.yaml:tune', 'node w.js m.json f1 0.5', RULES);
        assert.equal(json.gates.rules[0]!.status, 'error');
        assert.match(
          json.gates.rules[0]!.detail,
          /^Not checked: `sub\/m\.json:f1` comes from stage 'sub\/dvc\.yaml:tune', which failed \(dvc repro exited with code 1\)/,
        );
        // The root's stage has no result: the pipeline stopped before it.
        assert.match(
          json.gates.rules[1]!.detail,
          /^Not checked: `metrics\.json:acc` comes from stage 'train', which did not run \(the pipeline stopped before it: sub\/dvc\.yaml:tune failed\)/,
        );
      } finally {
        repo.remove();
      }
    },
  );

  test(
    '`dvc repro` fails at a stage of sub/dvc.yaml: a later stage of that file with no result is downstream of it, and not checked either',
    { skip: process.platform === 'win32' },
    async () => {
      const repo = await ranNestedPipelines(
        'stages:\n  prep:\n    cmd: node w.js p.json n 1\n    params: [lr]\n    outs:\n      - p.json: {cache: false}\n' +
          '  tune:\n    cmd: node w.js m.json f1 0.5\n    deps: [p.json]\n    metrics:\n      - m.json: {cache: false}\n',
        ['sub/p.json', 'sub/m.json'],
      );
      try {
        // prep is out of date; tune, whose input prep did not rewrite, looks up to date.
        repo.commit('prep with another lr', { 'sub/params.yaml': 'lr: 0.2\n' });
        const json = await reportWithFailingDvc<{ gates: Gates; stale: { stage: string; reasons: string[] }[] }>(
          repo,
          'sub/dvc.yaml:prep',
          'node w.js p.json n 1',
          ['--threshold', 'f1 >= base'],
        );
        // Before, tune had no result and was not out of date: the rule passed on its last run's f1.
        assert.deepEqual(
          json.gates.rules.map((g) => [g.status, g.stale]),
          [['error', ['sub/dvc.yaml:tune']]],
        );
        assert.match(
          json.gates.rules[0]!.detail,
          /^Not checked: `sub\/m\.json:f1` comes from stage 'sub\/dvc\.yaml:tune', which did not run \(upstream stage 'sub\/dvc\.yaml:prep' failed\)/,
        );
        assert.deepEqual(
          json.stale.find((s) => s.stage === 'sub/dvc.yaml:tune'),
          { stage: 'sub/dvc.yaml:tune', reasons: ["did not run (upstream stage 'sub/dvc.yaml:prep' failed)"] },
        );
      } finally {
        repo.remove();
      }
    },
  );
});

describe("a nested dvc.yaml's stage downstream of another file's stage: the project's whole DAG says whose values it has", () => {
  // prepare → features in the root dvc.yaml; sub/dvc.yaml's evaluate reads ../features.json. `.dvc/` makes the top the
  // DVC project of both files, as `dvc init` does, so sub/dvc.lock records ../features.json as DVC records it.
  const FAILING_WRITER =
    "const fs = require('fs'); const [f, k, v] = process.argv.slice(2);\n" +
    "if (f === 'prepared.json' && fs.readFileSync('params.yaml', 'utf8').includes('broken: true')) process.exit(1);\n" +
    'fs.writeFileSync(f, JSON.stringify({ [k]: Number(v) }));\n';
  async function crossFileRepo(): Promise<TempRepo> {
    const repo = new TempRepo();
    repo.commit('pipelines', {
      '.dvc/config': '',
      'w.js': FAILING_WRITER,
      'sub/w.js': WRITER,
      'params.yaml': 'lr: 0.1\nbroken: false\n',
      'dvc.yaml':
        'stages:\n  prepare:\n    cmd: node w.js prepared.json n 1\n    params: [lr, broken]\n    outs:\n      - prepared.json: {cache: false}\n' +
        '  features:\n    cmd: node w.js features.json n 2\n    deps: [prepared.json]\n    outs:\n      - features.json: {cache: false}\n',
      'sub/dvc.yaml': 'stages:\n  evaluate:\n    cmd: node w.js m.json f1 0.5\n    deps: [../features.json]\n    metrics:\n      - m.json: {cache: false}\n',
    });
    assert.equal((await runCli(['repro'], repo.dir)).code, 0);
    const sub = await runCli(['repro', '--cwd', 'sub'], repo.dir);
    assert.equal(sub.code, 0, sub.stdout + sub.stderr);
    assert.match(readFileSync(join(repo.dir, 'sub', 'dvc.lock'), 'utf8'), /path: \.\.\/features\.json/);
    repo.commit('ran', {});
    return repo;
  }
  type Json = {
    projectErrors: string[];
    gates: { passed: boolean; rules: { status: string; detail: string; stale?: string[] }[] };
    stale: { stage: string; reasons: string[] }[];
    verdict: { line: string };
  };
  const report = async (repo: TempRepo, repro: string): Promise<{ code: number | null; json: Json; md: string }> => {
    const out = tempDir();
    const r = await runCli(['report', '--base', 'HEAD~1', '--repro', repro, '--out', out, '--quiet', '--threshold', 'f1 >= base'], repo.dir);
    const json = readReportJson<Json>(out);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    rmSync(out, { recursive: true, force: true });
    return { code: r.code, json, md };
  };

  test('a root stage fails: the nested stage reading what the stage it kept from running writes did not run, and a rule on it is not checked', async () => {
    const repo = await crossFileRepo();
    try {
      repo.commit('break prepare', { 'params.yaml': 'lr: 0.2\nbroken: true\n' });
      const { code, json, md } = await report(repo, 'auto');
      assert.equal(code, 1);
      // features did not run, so features.json is the last run's and sub/dvc.yaml:evaluate looks up to date: before,
      // the rule passed on its last run's f1.
      assert.deepEqual(
        json.gates.rules.map((g) => [g.status, g.stale]),
        [['error', ['sub/dvc.yaml:evaluate']]],
      );
      assert.match(
        json.gates.rules[0]!.detail,
        /^Not checked: `sub\/m\.json:f1` comes from stage 'sub\/dvc\.yaml:evaluate', which did not run \(upstream stage 'prepare' failed\)/,
      );
      assert.deepEqual(json.stale, [{ stage: 'sub/dvc.yaml:evaluate', reasons: ["did not run (upstream stage 'prepare' failed)"] }]);
      assert.match(json.verdict.line, /^❌ pipeline failed: stage prepare failed; a rule could not check this change/);
      assert.match(
        md,
        /> \[!WARNING\]\n> A stage of the pipeline did not complete in this run.*\n> - `sub\/dvc\.yaml:evaluate`: did not run \(upstream stage 'prepare' failed\)/,
      );
    } finally {
      repo.remove();
    }
  });

  test('repro off: a root stage out of date leaves the nested stage reading its outputs with the last run’s values', async () => {
    const repo = await crossFileRepo();
    try {
      repo.commit('another lr, not reproduced', { 'params.yaml': 'lr: 0.2\nbroken: false\n' });
      const { code, json } = await report(repo, 'off');
      assert.equal(code, 1);
      assert.deepEqual(
        json.gates.rules.map((g) => [g.status, g.stale]),
        [['error', ['prepare']]],
      );
      assert.match(json.gates.rules[0]!.detail, /^Not checked: `sub\/m\.json:f1` comes from out-of-date stage 'prepare' \(not reproduced\)/);
    } finally {
      repo.remove();
    }
  });

  test('two files whose stages write one output (DVC refuses the project): the later file is a project error, and a rule on what it writes is not checked', async () => {
    const repo = await crossFileRepo();
    try {
      // sub/dvc.yaml now claims ../prepared.json too, which the root's prepare writes.
      repo.commit('claim prepared.json twice, and break prepare', {
        'sub/dvc.yaml':
          'stages:\n  evaluate:\n    cmd: node w.js m.json f1 0.5\n    deps: [../features.json]\n    metrics:\n      - m.json: {cache: false}\n' +
          '  again:\n    cmd: node w.js ../prepared.json n 1\n    outs:\n      - ../prepared.json: {cache: false}\n',
        'params.yaml': 'lr: 0.2\nbroken: true\n',
      });
      const { code, json } = await report(repo, 'auto');
      assert.equal(code, 1);
      // The project loader refuses sub/dvc.yaml, collected after the root's, naming both stages and the path: the report
      // says it first and fails, and the rule on sub/m.json, which that file's stage writes, is not checked.
      assert.match(
        json.projectErrors[0] ?? '',
        /^sub\/dvc\.yaml: output 'prepared\.json' of stage 'again' is already specified in stage 'prepare' of dvc\.yaml \(DVC refuses such a project/,
      );
      assert.deepEqual(
        json.gates.rules.map((g) => g.status),
        ['error'],
      );
    } finally {
      repo.remove();
    }
  });

  test(
    '`dvc repro` fails at a stage of sub/dvc.yaml: a stage of a third dvc.yaml reading its output did not run either',
    { skip: process.platform === 'win32' },
    async () => {
      const repo = new TempRepo();
      try {
        repo.commit('pipelines', {
          '.dvc/config': '',
          'w.js': WRITER,
          'sub/params.yaml': 'lr: 0.1\n',
          'dvc.yaml':
            'stages:\n  train:\n    cmd: node w.js metrics.json acc 0.9\n    deps: [sub/p.json]\n    metrics:\n      - metrics.json: {cache: false}\n',
          'sub/dvc.yaml': 'stages:\n  prep:\n    cmd: node ../w.js p.json n 1\n    params: [lr]\n    outs:\n      - p.json: {cache: false}\n',
          'eval/dvc.yaml': 'stages:\n  score:\n    cmd: node ../w.js m.json f1 0.5\n    deps: [../sub/p.json]\n    metrics:\n      - m.json: {cache: false}\n',
        });
        for (const cwd of ['sub', '.', 'eval']) {
          const r = await runCli(['repro', '--cwd', cwd], repo.dir);
          assert.equal(r.code, 0, r.stdout + r.stderr);
        }
        repo.commit('ran', {});
        repo.commit('prep with another lr', { 'sub/params.yaml': 'lr: 0.2\n' });
        // The root's upstream stage, in sub/dvc.yaml, fails.
        const json = await reportWithFailingDvc<Json>(repo, 'sub/dvc.yaml:prep', 'node ../w.js p.json n 1', ['--threshold', 'f1 >= base']);
        // eval/dvc.yaml:score is no stage `dvc repro` meant to run, and p.json, which prep did not rewrite, looks as dvc.lock has it.
        assert.deepEqual(
          json.gates.rules.map((g) => [g.status, g.stale]),
          [['error', ['eval/dvc.yaml:score']]],
        );
        assert.deepEqual(
          json.stale.find((s) => s.stage === 'eval/dvc.yaml:score'),
          { stage: 'eval/dvc.yaml:score', reasons: ["did not run (upstream stage 'sub/dvc.yaml:prep' failed)"] },
        );
      } finally {
        repo.remove();
      }
    },
  );
});
