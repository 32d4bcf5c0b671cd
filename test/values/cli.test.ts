import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

// Each test follows one of DVC's own functional tests (tests/func/metrics/test_diff.py,
// tests/func/params/test_diff.py at iterative/dvc 9f901e57) and expects what DVC's --json prints for it.
// DVC's `run_copy_metrics(..., metrics=[...])` becomes a dvc.yaml stage with the file under `metrics:`;
// `metrics_no_cache` adds `cache: false` (the file lives in git).

const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.remove()));

function repo(): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  r.commit('init', { '.dvc/config': '' });
  return r;
}

const stageYaml = (metrics: string[], cache = false): string =>
  `stages:\n  copy-metrics:\n    cmd: cp in out\n    metrics:\n${metrics.map((m) => (cache ? `    - ${m}\n` : `    - ${m}:\n        cache: false\n`)).join('')}`;
const paramsStage = (params: string): string => `stages:\n  echo-params:\n    cmd: echo params.yaml\n    params:\n${params}`;

async function json(r: TempRepo, args: string[]): Promise<unknown> {
  const res = await runCli(args, r.dir);
  assert.equal(res.code, 0, res.stderr);
  return JSON.parse(res.stdout);
}

describe('mlreport metrics diff (DVC tests/func/metrics/test_diff.py)', () => {
  test('test_metrics_diff_simple: a scalar file is the metric ""', async () => {
    const r = repo();
    for (const v of [1, 2, 3]) r.commit(String(v), { 'm.yaml': String(v), 'dvc.yaml': stageYaml(['m.yaml']) });
    assert.deepEqual(await json(r, ['metrics', 'diff', 'HEAD~2', '--json']), { 'm.yaml': { '': { old: 1, new: 3, diff: 2 } } });
  });

  for (const ext of ['yaml', 'json'] as const) {
    test(`test_metrics_diff_${ext}: nested keys, strings without diff, unchanged keys left out`, async () => {
      const r = repo();
      for (const v of [1, 2, 3]) {
        const data = { a: { b: { c: v, d: 1, e: String(v) } } };
        r.commit(String(v), {
          [`m.${ext}`]: ext === 'json' ? JSON.stringify(data) : `a:\n  b:\n    c: ${v}\n    d: 1\n    e: '${v}'\n`,
          'dvc.yaml': stageYaml([`m.${ext}`]),
        });
      }
      assert.deepEqual(await json(r, ['metrics', 'diff', 'HEAD~2', '--json']), {
        [`m.${ext}`]: { 'a.b.e': { old: '1', new: '3' }, 'a.b.c': { old: 1, new: 3, diff: 2 } },
      });
    });
  }

  test('test_metrics_diff_json_unchanged: back to the same values prints {}', async () => {
    const r = repo();
    for (const v of [1, 2, 1]) r.commit(String(v), { 'm.json': JSON.stringify({ a: { b: { c: v, d: 1, e: String(v) } } }), 'dvc.yaml': stageYaml(['m.json']) });
    assert.deepEqual(await json(r, ['metrics', 'diff', 'HEAD~2', '--json']), {});
  });

  test('nothing changed: the table prints nothing, as ui.table does without rows; --md still prints the header (test_empty_markdown)', async () => {
    const r = repo();
    for (const v of [1, 2, 1]) r.commit(String(v), { 'm.json': JSON.stringify({ acc: v }), 'params.yaml': 'lr: 0.1\n', 'dvc.yaml': stageYaml(['m.json']) });
    for (const args of [
      ['metrics', 'diff', 'HEAD~2'],
      ['metrics', 'diff'],
      ['params', 'diff', 'HEAD~1'],
    ]) {
      const res = await runCli(args, r.dir);
      assert.deepEqual({ code: res.code, stdout: res.stdout, stderr: res.stderr }, { code: 0, stdout: '', stderr: '' }, args.join(' '));
    }
    const md = await runCli(['metrics', 'diff', '--md'], r.dir);
    assert.equal(md.stdout, '| Path   | Metric   | HEAD   | workspace   | Change   |\n|--------|----------|--------|-------------|----------|\n\n');
    const all = await runCli(['metrics', 'diff', 'HEAD~2', '--all'], r.dir);
    assert.equal(all.stdout, 'Path    Metric    HEAD~2    workspace    Change\nm.json  acc       1         1            0\n');
  });

  test("a JSON file with a UTF-8 BOM does not load, as Python's json.loads refuses it on text DVC read as utf-8", async () => {
    const r = repo();
    r.commit('1', {
      'm.json': '{"acc": 0.8}',
      'params.json': '{"lr": 0.1}',
      'dvc.yaml': stageYaml(['m.json']) + '    params:\n    - params.json:\n      - lr\n',
    });
    r.write({ 'm.json': '\ufeff{"acc": 0.9}', 'params.json': '\ufeff{"lr": 0.2}' });
    const metrics = await runCli(['metrics', 'diff', '--json'], r.dir);
    assert.equal(metrics.code, 0, metrics.stderr);
    assert.match(metrics.stderr, /failed to load some metrics for following revisions: 'workspace'/);
    assert.match(metrics.stderr, /m\.json: line 1 column 1: Unexpected UTF-8 BOM/);
    assert.deepEqual(JSON.parse(metrics.stdout), { 'm.json': { acc: { old: 0.8, new: null } } });
    // A stage's params file that does not load fails the diff, as any params file that does not parse does.
    const params = await runCli(['params', 'diff', '--json'], r.dir);
    assert.equal(params.code, 1);
    assert.match(params.stderr, /^mlreport: ERROR: params\.json: line 1 column 1: Unexpected UTF-8 BOM/);
  });

  test('test_metrics_diff_broken_json: the broken side counts as missing, a warning names it, exit 0', async () => {
    const r = repo();
    const metrics = JSON.stringify({ a: { b: { c: 1, d: 1, e: '3' } } });
    r.commit('add metrics', { 'm.json': metrics, 'dvc.yaml': stageYaml(['m.json']) });
    r.write({ 'm.json': `${metrics}ma\nlformed\n` });
    const res = await runCli(['metrics', 'diff', '--json'], r.dir);
    assert.equal(res.code, 0);
    assert.deepEqual(JSON.parse(res.stdout), {
      'm.json': { 'a.b.e': { old: '3', new: null }, 'a.b.c': { old: 1, new: null }, 'a.b.d': { old: 1, new: null } },
    });
    assert.match(res.stderr, /workspace: m\.json:1:\d+: invalid JSON: extra data after the JSON value/);
    assert.match(res.stderr, /failed to load some metrics for following revisions: 'workspace'/);
  });

  test('test_metrics_diff_no_metrics: no metrics files prints {}', async () => {
    const r = repo();
    r.commit('add foo', { foo: 'foo' });
    assert.deepEqual(await json(r, ['metrics', 'diff', 'HEAD~1', '--json']), {});
  });

  test('test_metrics_diff_new_metric: a metrics file that is not committed yet has old null', async () => {
    const r = repo();
    r.write({ 'm.json': JSON.stringify({ a: { b: { c: 1, d: 1, e: '3' } } }), 'dvc.yaml': stageYaml(['m.json']) });
    assert.deepEqual(await json(r, ['metrics', 'diff', '--json']), {
      'm.json': { 'a.b.e': { old: null, new: '3' }, 'a.b.c': { old: null, new: 1 }, 'a.b.d': { old: null, new: 1 } },
    });
  });

  test('test_metrics_diff_deleted_metric: a deleted file has new null', async () => {
    const r = repo();
    r.commit('add metrics', { 'm.json': JSON.stringify({ a: { b: { c: 1, d: 1, e: '3' } } }), 'dvc.yaml': stageYaml(['m.json']) });
    rmSync(join(r.dir, 'm.json'));
    assert.deepEqual(await json(r, ['metrics', 'diff', '--json']), {
      'm.json': { 'a.b.e': { old: '3', new: null }, 'a.b.c': { old: 1, new: null }, 'a.b.d': { old: 1, new: null } },
    });
    // DVC: errors {"workspace": {"m.json": FileNotFoundError}}, said on stderr; mlreport says why too.
    const res = await runCli(['metrics', 'diff'], r.dir);
    assert.equal(res.code, 0);
    assert.equal(res.stderr, "mlreport: failed to load some metrics for following revisions: 'workspace'.\nwarning: m.json: not present at workspace\n");
  });

  test('a file dvc.yaml names but absent at each side in turn: both revisions failed to load, old first (dvc/repo/metrics/diff.py)', async () => {
    const r = repo();
    r.commit('base', { 'dvc.yaml': 'metrics:\n- a.json\n- b.json\n', 'a.json': '{"x": 1}' });
    r.write({ 'b.json': '{"x": 1}' });
    rmSync(join(r.dir, 'a.json'));
    const res = await runCli(['metrics', 'diff'], r.dir);
    assert.equal(res.code, 0);
    assert.equal(
      res.stdout,
      'Path    Metric    HEAD    workspace    Change\na.json  x         1       -            -\nb.json  x         -       1            -\n',
    );
    assert.equal(
      res.stderr,
      "mlreport: failed to load some metrics for following revisions: 'HEAD, workspace'.\nwarning: a.json: not present at workspace\nwarning: b.json: not present at HEAD\n",
    );
  });

  test('a dvc.yaml that does not load at the base: DVC fails the whole revision (Index.from_repo raises)', async () => {
    const r = repo();
    r.commit('base', { 'dvc.yaml': 'metrics: [a.json\n', 'a.json': '{"x": 1}' });
    r.write({ 'dvc.yaml': 'metrics: [a.json]\n' });
    const res = await runCli(['metrics', 'diff'], r.dir);
    assert.equal(res.code, 0);
    assert.match(res.stderr, /^warning: HEAD: dvc\.yaml:2:1: invalid YAML: .*\nmlreport: failed to load some metrics for following revisions: 'HEAD'\.\n$/);
  });

  test('a cached metrics file whose object neither the cache nor the remote has: that revision failed to load, and why', async () => {
    const r = repo();
    const metrics = '{"acc": 0.8}';
    const md5 = createHash('md5').update(metrics).digest('hex');
    const stage = stageYaml(['eval/m.json'], true);
    r.commit('ran', {
      '.dvc/config': `[core]\n    remote = local\n['remote "local"']\n    url = ${join(r.dir, 'no-such-remote')}\n`,
      'dvc.yaml': stage,
      'dvc.lock': `schema: '2.0'\nstages:\n  copy-metrics:\n    cmd: cp in out\n    outs:\n    - path: eval/m.json\n      hash: md5\n      md5: ${md5}\n      size: ${metrics.length}\n`,
      '.gitignore': '/eval/m.json\n',
    });
    r.write({ 'eval/m.json': '{"acc": 0.9}' });
    for (const kind of ['--json', '--all']) {
      const res = await runCli(['metrics', 'diff', kind], r.dir);
      assert.equal(res.code, 0);
      const [line, why, ...rest] = res.stderr.split('\n');
      assert.equal(line, "mlreport: failed to load some metrics for following revisions: 'HEAD'.");
      assert.match(why!, new RegExp(`^warning: eval/m\\.json: not in git at HEAD \\(DVC-cached\\) and cannot be read: .*${md5}.*remote 'local'`));
      assert.deepEqual(rest, ['']);
    }
  });

  test('test_metrics_diff_with_unchanged: --all keeps unchanged metrics with diff 0', async () => {
    const r = repo();
    r.commit('1', { 'metrics.yaml': 'foo: 1\nxyz: 10', 'dvc.yaml': stageYaml(['metrics.yaml']) });
    r.commit('2', { 'metrics.yaml': 'foo: 2\nxyz: 10' });
    r.commit('3', { 'metrics.yaml': 'foo: 3\nxyz: 10' });
    assert.deepEqual(await json(r, ['metrics', 'diff', 'HEAD~2', '--all', '--json']), {
      'metrics.yaml': { foo: { old: 1, new: 3, diff: 2 }, xyz: { old: 10, new: 10, diff: 0 } },
    });
  });

  test('test_no_commits: a repository without commits prints {}', async () => {
    const r = new TempRepo();
    repos.push(r);
    r.write({ 'm.yaml': 'foo: 1', 'dvc.yaml': stageYaml(['m.yaml']) });
    assert.deepEqual(await json(r, ['metrics', 'diff', '--json']), {});
    // DVC prints nothing at all here; an empty table alone would read as "nothing changed".
    for (const kind of ['metrics', 'params']) {
      const res = await runCli([kind, 'diff', '--all'], r.dir);
      assert.equal(res.code, 0);
      assert.equal(
        res.stderr,
        `mlreport: unknown revision 'HEAD': this repository has no commit yet, so there is nothing to compare the workspace's ${kind} with (DVC shows nothing too); commit, then diff\n`,
      );
    }
  });

  test('test_metrics_diff_dirty: workspace changes against HEAD', async () => {
    const r = repo();
    for (const v of [1, 2, 3]) r.commit(String(v), { 'm.yaml': String(v), 'dvc.yaml': stageYaml(['m.yaml']) });
    r.write({ 'm.yaml': '4' });
    assert.deepEqual(await json(r, ['metrics', 'diff', '--json']), { 'm.yaml': { '': { old: 3, new: 4, diff: 1 } } });
  });

  test('test_metrics_diff_cli: the plain table, byte for byte', async () => {
    const r = repo();
    for (const v of [1.23456789, 2.34567891011, 3.45678910111213]) r.commit(String(v), { 'm.yaml': `foo: ${v}`, 'dvc.yaml': stageYaml(['m.yaml']) });
    const res = await runCli(['metrics', 'diff', 'HEAD~2'], r.dir);
    assert.equal(res.code, 0);
    assert.equal(res.stdout, 'Path    Metric    HEAD~2    workspace    Change\nm.yaml  foo       1.23457   3.45679      2.22222\n');
  });

  test('test_metrics_diff_non_metrics: --targets reads a file dvc.yaml does not name', async () => {
    const r = repo();
    for (const v of [1, 2, 3]) r.commit(String(v), { 'some_file.yaml': `foo: ${v}` });
    assert.deepEqual(await json(r, ['metrics', 'diff', 'HEAD~2', '--targets', 'some_file.yaml', '--json']), {
      'some_file.yaml': { foo: { old: 1, new: 3, diff: 2 } },
    });
  });

  for (const [dvcfile, metricsFile, expectedPath] of [
    ['dvc.yaml', 'my_metrics.yaml', 'my_metrics.yaml'],
    ['dir/dvc.yaml', 'my_metrics.yaml', 'dir/my_metrics.yaml'],
    ['dir/dvc.yaml', '../my_metrics.yaml', 'my_metrics.yaml'],
  ] as const) {
    test(`test_diff_top_level_metrics[${dvcfile}-${metricsFile}]: top-level metrics resolve against the dvc.yaml's folder`, async () => {
      const r = repo();
      r.commit('add metrics', { [dvcfile]: `metrics:\n- ${metricsFile}\n`, [expectedPath]: JSON.stringify({ foo: 3 }) });
      r.write({ [expectedPath]: JSON.stringify({ foo: 5 }) });
      assert.deepEqual(await json(r, ['metrics', 'diff', '--json']), { [expectedPath]: { foo: { diff: 2, new: 5, old: 3 } } });
    });
  }

  test('test_metrics_diff_active_branch_unchanged: comparing with the branch name itself', async () => {
    const r = repo();
    for (const v of [1, 2, 1]) r.commit(String(v), { 'm.yaml': `a:\n  b:\n    c: ${v}\n`, 'dvc.yaml': stageYaml(['m.yaml']) });
    assert.deepEqual(await json(r, ['metrics', 'diff', 'main', '--json']), {});
  });

  test('a cached DVC output missing from git at the base: DVC failed to load it there, and why', async () => {
    const r = repo();
    r.commit('pipeline', { 'dvc.yaml': stageYaml(['eval/metrics.json'], true), '.gitignore': '/eval/metrics.json\n' });
    r.write({ 'eval/metrics.json': '{"acc": 0.9}' });
    const res = await runCli(['metrics', 'diff', '--json'], r.dir);
    assert.equal(res.code, 0);
    assert.deepEqual(JSON.parse(res.stdout), { 'eval/metrics.json': { acc: { old: null, new: 0.9 } } });
    assert.equal(
      res.stderr,
      "mlreport: failed to load some metrics for following revisions: 'HEAD'.\nwarning: eval/metrics.json: not in git at HEAD (DVC-tracked)\n",
    );
  });

  test('--md prints the GitHub table; --precision and revisions as written', async () => {
    const r = repo();
    r.commit('1', { 'm.json': '{"loss": 0.123456789}', 'dvc.yaml': stageYaml(['m.json']) });
    r.commit('2', { 'm.json': '{"loss": 0.2}' });
    const res = await runCli(['metrics', 'diff', 'HEAD~1', 'HEAD', '--md', '--precision', '2'], r.dir);
    assert.equal(
      res.stdout,
      // `~` is escaped as report.md escapes it (src/report/escape.ts): `~a~` would strike text through.
      '| Path   | Metric   | HEAD\\~1   | HEAD   | Change   |\n|--------|----------|-----------|--------|----------|\n| m.json | loss     | 0.12      | 0.2    | 0.08     |\n\n',
    );
  });

  test('--md escapes names and values as report.md does: a `|` or HTML in a key cannot break the table', async () => {
    const r = repo();
    r.commit('1', { 'm.json': '{"|pipe|": 1, "<b>x</b>": 1}', 'params.yaml': 'a|b: 1\n', 'dvc.yaml': stageYaml(['m.json']) });
    r.write({ 'm.json': '{"|pipe|": 2, "<b>x</b>": 2}', 'params.yaml': 'a|b: <i>\n' });
    assert.equal(
      (await runCli(['metrics', 'diff', '--md'], r.dir)).stdout,
      [
        '| Path   | Metric               | HEAD   | workspace   | Change   |',
        '|--------|----------------------|--------|-------------|----------|',
        '| m.json | &lt;b&gt;x&lt;/b&gt; | 1      | 2           | 1        |',
        '| m.json | \\|pipe\\|             | 1      | 2           | 1        |',
        '',
        '',
      ].join('\n'),
    );
    assert.equal(
      (await runCli(['params', 'diff', '--md'], r.dir)).stdout,
      [
        '| Path        | Param   | HEAD   | workspace   |',
        '|-------------|---------|--------|-------------|',
        '| params.yaml | a\\|b    | 1      | &lt;i&gt;   |',
        '',
        '',
      ].join('\n'),
    );
  });

  test('the DVC-style options of metrics, params and data diff: --precision=N, and bad ones named, exit 2', async () => {
    const r = repo();
    r.commit('1', { 'm.json': '{"loss": 0.123456789}', 'dvc.yaml': stageYaml(['m.json']) });
    r.commit('2', { 'm.json': '{"loss": 0.2}' });
    const res = await runCli(['metrics', 'diff', 'HEAD~1', 'HEAD', '--precision=3', '--no-path'], r.dir);
    assert.equal(res.stdout, 'Metric    HEAD~1    HEAD    Change\nloss      0.123     0.2     0.077\n');
    const cases: [string[], string][] = [
      [['metrics', 'diff', '--precision', 'two'], '--precision expects a whole number of digits, got "two"'],
      [['metrics', 'diff', '--precision'], '--precision expects a whole number of digits, got ""'],
      [['params', 'diff', '--precision', '2'], "unknown option '--precision'"],
      [['metrics', 'diff', '--deps'], "unknown option '--deps'"],
      [['data', 'diff', 'HEAD~1', 'HEAD', 'main'], 'expected at most two revisions (A_REV B_REV), got 3: HEAD~1 HEAD main'],
      [['data', 'diff', '--all'], "unknown option '--all'"],
    ];
    for (const [args, message] of cases) {
      const bad = await runCli(args, r.dir);
      assert.equal(bad.code, 2, args.join(' '));
      assert.equal(bad.stderr, `mlreport: ${message}\n`);
    }
  });

  test('--targets takes directories and globs; --no-path drops the Path column', async () => {
    const r = repo();
    r.commit('1', { 'eval/a.json': '{"x": 1}', 'eval/sub/b.yaml': 'y: 1\n', 'other/c.json': '{"z": 1}' });
    r.write({ 'eval/a.json': '{"x": 2}', 'eval/sub/b.yaml': 'y: 2\n', 'other/c.json': '{"z": 2}' });
    assert.deepEqual(await json(r, ['metrics', 'diff', '--targets', 'eval', '--json']), {
      'eval/a.json': { x: { old: 1, new: 2, diff: 1 } },
      'eval/sub/b.yaml': { y: { old: 1, new: 2, diff: 1 } },
    });
    assert.deepEqual(Object.keys((await json(r, ['metrics', 'diff', '--targets', '**/*.json', '--json'])) as object), ['eval/a.json', 'other/c.json']);
    const res = await runCli(['metrics', 'diff', '--targets', 'other/c.json', '--no-path'], r.dir);
    assert.equal(res.stdout, 'Metric    HEAD    workspace    Change\nz         1       2            1\n');
    // A target naming nothing at either side is said (DVC: "failed to load some metrics"), not an empty table alone;
    // one found at one side only fails to load at the other, as DVC's FileNotFoundError does.
    r.write({ 'new.json': '{"n": 1}' });
    const missing = await runCli(['metrics', 'diff', '--targets', 'nope.json', 'none/*.json', 'new.json', 'eval', '--json'], r.dir);
    assert.equal(missing.code, 0, missing.stderr);
    assert.equal(
      missing.stderr,
      'warning: metrics target "nope.json": no such file at HEAD or workspace\nwarning: metrics target "none/*.json": no such file at HEAD or workspace\n' +
        "mlreport: failed to load some metrics for following revisions: 'HEAD, workspace'.\nwarning: new.json: not present at HEAD\n",
    );
    assert.deepEqual(Object.keys(JSON.parse(missing.stdout) as object), ['eval/a.json', 'eval/sub/b.yaml', 'new.json']);
  });

  test('--targets . is the project root: every file in it, as DVC expands a directory (expand_paths, fs.find)', async () => {
    const r = repo();
    r.commit('1', { 'eval/a.json': '{"x": 1}', 'params.yaml': 'lr: 1\n' });
    r.write({ 'eval/a.json': '{"x": 2}', 'params.yaml': 'lr: 2\n' });
    const all = { 'eval/a.json': { x: { old: 1, new: 2, diff: 1 } }, 'params.yaml': { lr: { old: 1, new: 2, diff: 1 } } };
    assert.deepEqual(await json(r, ['metrics', 'diff', '--targets', '.', '--json']), all);
    // From a folder, `..` names the root too; the paths are printed from there, as DVC prints them.
    const res = await runCli(['metrics', 'diff', '--targets', '..', '--json'], join(r.dir, 'eval'));
    assert.deepEqual(JSON.parse(res.stdout), { 'a.json': all['eval/a.json'], '../params.yaml': all['params.yaml'] });
  });

  test('--help prints the usage; both commands are listed by mlreport --help', async () => {
    const r = repo();
    assert.match((await runCli(['metrics', 'diff', '--help'], r.dir)).stdout, /usage: mlreport metrics diff \[A_REV\] \[B_REV\]/);
    const help = (await runCli(['--help'], r.dir)).stdout;
    assert.match(help, /metrics diff/);
    assert.match(help, /params diff/);
  });

  test('an unknown revision is a clear error, exit 2', async () => {
    const r = repo();
    const res = await runCli(['metrics', 'diff', 'nope'], r.dir);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /unknown revision 'nope'/);
  });
});

describe('mlreport params diff (DVC tests/func/params/test_diff.py)', () => {
  test('test_diff_no_params: nothing to compare prints {}', async () => {
    const r = repo();
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), {});
  });

  test('test_diff_no_changes', async () => {
    const r = repo();
    r.commit('bar', { 'params.yaml': 'foo: bar', 'dvc.yaml': paramsStage('    - foo\n') });
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), {});
  });

  test('test_diff: strings change without a diff', async () => {
    const r = repo();
    r.commit('bar', { 'params.yaml': 'foo: bar', 'dvc.yaml': paramsStage('    - foo\n') });
    r.commit('baz', { 'params.yaml': 'foo: baz' });
    r.commit('qux', { 'params.yaml': 'foo: qux' });
    assert.deepEqual(await json(r, ['params', 'diff', 'HEAD~2', '--json']), { 'params.yaml': { foo: { old: 'bar', new: 'qux' } } });
  });

  test('test_diff_dirty', async () => {
    const r = repo();
    r.commit('bar', { 'params.yaml': 'foo: bar', 'dvc.yaml': paramsStage('    - foo\n') });
    r.commit('baz', { 'params.yaml': 'foo: baz' });
    r.write({ 'params.yaml': 'foo: qux' });
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), { 'params.yaml': { foo: { old: 'baz', new: 'qux' } } });
  });

  test('test_diff_new', async () => {
    const r = repo();
    r.write({ 'params.yaml': 'foo: bar', 'dvc.yaml': paramsStage('    - foo\n') });
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), { 'params.yaml': { foo: { old: null, new: 'bar' } } });
  });

  test('test_diff_deleted', async () => {
    const r = repo();
    r.commit('bar', { 'params.yaml': 'foo: bar', 'dvc.yaml': paramsStage('    - foo\n') });
    rmSync(join(r.dir, 'params.yaml'));
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), { 'params.yaml': { foo: { old: 'bar', new: null } } });
    // DVC: errors {"workspace": {"params.yaml": FileNotFoundError}}, said on stderr.
    const res = await runCli(['params', 'diff'], r.dir);
    assert.equal(res.stderr, "mlreport: failed to load some params for following revisions: 'workspace'.\nwarning: params.yaml: not present at workspace\n");
  });

  test('test_diff_list: lists compare and print as Python shows them', async () => {
    const r = repo();
    r.commit('foo', { 'params.yaml': 'foo:\n- bar\n- baz', 'dvc.yaml': paramsStage('    - foo\n') });
    r.write({ 'params.yaml': 'foo:\n- bar\n- baz\n- qux' });
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), { 'params.yaml': { foo: { old: "['bar', 'baz']", new: "['bar', 'baz', 'qux']" } } });
  });

  test('test_diff_dict: nested keys flatten with "."', async () => {
    const r = repo();
    r.commit('foo', { 'params.yaml': 'foo:\n  bar: baz', 'dvc.yaml': paramsStage('    - foo\n') });
    r.write({ 'params.yaml': 'foo:\n  bar: qux' });
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), { 'params.yaml': { 'foo.bar': { old: 'baz', new: 'qux' } } });
  });

  test('test_diff_with_unchanged: --all', async () => {
    const r = repo();
    r.commit('bar', { 'params.yaml': 'foo: bar\nxyz: val', 'dvc.yaml': paramsStage('    - foo\n    - xyz\n') });
    r.commit('baz', { 'params.yaml': 'foo: baz\nxyz: val' });
    r.commit('qux', { 'params.yaml': 'foo: qux\nxyz: val' });
    assert.deepEqual(await json(r, ['params', 'diff', 'HEAD~2', '--all', '--json']), {
      'params.yaml': { foo: { old: 'bar', new: 'qux' }, xyz: { old: 'val', new: 'val' } },
    });
  });

  test('test_diff_targeted: --targets limits the files; stage keys of other files are tracked', async () => {
    const r = repo();
    r.commit('add stage', {
      'params.yaml': 'foo: bar',
      'other_params.yaml': 'xyz: val',
      'dvc.yaml': 'stages:\n  copy-foo-bar:\n    cmd: cp foo bar\n    params:\n    - foo\n    - other_params.yaml:\n      - xyz\n',
    });
    r.commit('baz', { 'params.yaml': 'foo: baz', 'other_params.yaml': 'xyz: val2' });
    r.commit('qux', { 'params.yaml': 'foo: qux', 'other_params.yaml': 'xyz: val3' });
    assert.deepEqual(await json(r, ['params', 'diff', 'HEAD~2', '--json']), {
      'params.yaml': { foo: { old: 'bar', new: 'qux' } },
      'other_params.yaml': { xyz: { old: 'val', new: 'val3' } },
    });
    assert.deepEqual(await json(r, ['params', 'diff', 'HEAD~2', '--targets', 'params.yaml', '--json']), { 'params.yaml': { foo: { old: 'bar', new: 'qux' } } });
    assert.deepEqual(await json(r, ['params', 'diff', 'HEAD~2', '--targets', 'other_params.yaml', '--json']), {
      'other_params.yaml': { xyz: { old: 'val', new: 'val3' } },
    });
  });

  for (const file of ['params.yaml', 'other_params.yaml']) {
    test(`test_diff_without_targets_specified[${file}]: a wholly tracked file shows added and removed keys`, async () => {
      const r = repo();
      r.commit('foo', { [file]: "foo:\n  bar: bar\nx: '0'\n", 'dvc.yaml': `stages:\n  test:\n    cmd: echo ${file}\n    params:\n    - ${file}:\n` });
      r.write({ [file]: "foo:\n  bar: baz\ny: '100'\n" });
      assert.deepEqual(await json(r, ['params', 'diff', '--json']), {
        [file]: { 'foo.bar': { new: 'baz', old: 'bar' }, x: { new: null, old: '0' }, y: { new: '100', old: null } },
      });
    });
  }

  test('a stage tracking some keys of a non-default file shows only those keys (DVC read_param_file key_paths)', async () => {
    const r = repo();
    r.commit('1', { 'train.yaml': 'lr: 0.1\nseed: 1\n', 'dvc.yaml': 'stages:\n  t:\n    cmd: x\n    params:\n    - train.yaml:\n      - lr\n' });
    r.write({ 'train.yaml': 'lr: 0.2\nseed: 2\n' });
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), { 'train.yaml': { lr: { old: 0.1, new: 0.2, diff: 0.1 } } });
  });

  for (const [dvcfile, paramsFile, expectedPath] of [
    ['dvc.yaml', 'my_params.yaml', 'my_params.yaml'],
    ['dir/dvc.yaml', 'my_params.yaml', 'dir/my_params.yaml'],
    ['dir/dvc.yaml', '../my_params.yaml', 'my_params.yaml'],
  ] as const) {
    test(`test_diff_top_level_params[${dvcfile}-${paramsFile}]: numeric params get a diff too`, async () => {
      const r = repo();
      r.commit('add params', { [dvcfile]: `params:\n- ${paramsFile}\n`, [expectedPath]: 'foo: 3\n' });
      r.write({ [expectedPath]: 'foo: 5\n' });
      assert.deepEqual(await json(r, ['params', 'diff', '--json']), { [expectedPath]: { foo: { diff: 2, new: 5, old: 3 } } });
    });
  }

  test('keys through a list are re-nested as dpath.search + merge re-nest them: the list shown whole (dvc/dependency/param.py read_param_file)', async () => {
    const r = repo();
    const cfg = (units: number): string => `layers:\n- {units: ${units}, act: relu}\n- {units: 32, act: tanh}\nopt: {lr: 1}\n`;
    r.commit('1', {
      'cfg.yaml': cfg(64),
      'dvc.yaml':
        'stages:\n  s:\n    cmd: echo\n    params:\n    - cfg.yaml: [layers.0.units, opt.lr]\n  t:\n    cmd: echo\n    params:\n    - other.yaml: [l.1.u, l.0.u]\n',
      'other.yaml': 'l: [{u: 1, v: 0}, {u: 2}]\n',
    });
    r.write({ 'cfg.yaml': cfg(128), 'other.yaml': 'l: [{u: 1, v: 0}, {u: 3}]\n' });
    assert.equal(
      (await runCli(['params', 'diff'], r.dir)).stdout,
      [
        'Path        Param    HEAD                        workspace',
        "cfg.yaml    layers   [{'units': 64}]             [{'units': 128}]",
        "other.yaml  l        [None, {'u': 2}, {'u': 1}]  [None, {'u': 3}, {'u': 1}]",
        '',
      ].join('\n'),
    );
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), {
      'cfg.yaml': { layers: { old: "[{'units': 64}]", new: "[{'units': 128}]" } },
      'other.yaml': { l: { old: "[None, {'u': 2}, {'u': 1}]", new: "[None, {'u': 3}, {'u': 1}]" } },
    });
  });

  test("TOML dates, date-times and times are Python's (tomlkit unwrap): str() in params, no metric at all (dvc/repo/metrics/show.py _extract_metrics)", async () => {
    const r = repo();
    const toml = (minute: string, day: string): string =>
      `d = 2024-01-${day}\ndt = 1979-05-27T07:${minute}:00Z\nldt = 1979-05-27T07:${minute}:00.5\nt = 07:${minute}:00\nn = 1\n`;
    r.commit('1', { 'dvc.yaml': 'params:\n- p.toml\nmetrics:\n- m.toml\n', 'p.toml': toml('32', '01'), 'm.toml': toml('32', '01') });
    r.write({ 'p.toml': toml('33', '02'), 'm.toml': toml('33', '02').replace('n = 1', 'n = 2') });
    assert.equal(
      (await runCli(['params', 'diff'], r.dir)).stdout,
      [
        'Path    Param    HEAD                        workspace',
        'p.toml  d        2024-01-01                  2024-01-02',
        'p.toml  dt       1979-05-27 07:32:00+00:00   1979-05-27 07:33:00+00:00',
        'p.toml  ldt      1979-05-27 07:32:00.500000  1979-05-27 07:33:00.500000',
        'p.toml  t        07:32:00                    07:33:00',
        '',
      ].join('\n'),
    );
    assert.deepEqual(await json(r, ['metrics', 'diff', '--json']), { 'm.toml': { n: { old: 1, new: 2, diff: 1 } } });
  });

  test("date-times print as Python's str() (repr() in a list), as ruamel reads them", async () => {
    const r = repo();
    const yaml = (start: string, t: string, l: string): string => `start: ${start}\nt: ${t}\nl: [${l}]\n`;
    r.commit('1', { 'params.yaml': yaml('2024-01-02 10:20:30', '2024-01-02T10:20:30Z', '2024-01-02T10:20:30.5') });
    r.write({ 'params.yaml': yaml('2024-01-02 10:20:31', '2024-01-02T10:20:30+05:30', '2024-01-02 10:20:30.5 -5') });
    assert.equal(
      (await runCli(['params', 'diff'], r.dir)).stdout,
      [
        'Path         Param    HEAD                                                 workspace',
        "params.yaml  l        [datetime.datetime(2024, 1, 2, 10, 20, 30, 500000)]  [datetime.datetime(2024, 1, 2, 10, 20, 30, 500000, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=68400), '-5'))]",
        'params.yaml  start    2024-01-02 10:20:30                                  2024-01-02 10:20:31',
        'params.yaml  t        2024-01-02 10:20:30+00:00                            2024-01-02 10:20:30+05:30',
        '',
      ].join('\n'),
    );
    // DVC's json.dumps has no default for a datetime and fails on one; mlreport writes its str(), as for a date.
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), {
      'params.yaml': {
        l: {
          old: '[datetime.datetime(2024, 1, 2, 10, 20, 30, 500000)]',
          new: "[datetime.datetime(2024, 1, 2, 10, 20, 30, 500000, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=68400), '-5'))]",
        },
        start: { old: '2024-01-02 10:20:30', new: '2024-01-02 10:20:31' },
        t: { old: '2024-01-02 10:20:30+00:00', new: '2024-01-02 10:20:30+05:30' },
      },
    });
  });

  test('--deps: only the keys stages depend on, no top-level params files (dvc/repo/params/show.py deps_only)', async () => {
    const r = repo();
    r.commit('1', { 'params.yaml': 'foo: 1\nxyz: 1\n', 'other.yaml': 'a: 1\n', 'dvc.yaml': 'params:\n- other.yaml\n' + paramsStage('    - foo\n') });
    r.write({ 'params.yaml': 'foo: 2\nxyz: 2\n', 'other.yaml': 'a: 2\n' });
    assert.deepEqual(await json(r, ['params', 'diff', '--deps', '--json']), { 'params.yaml': { foo: { old: 1, new: 2, diff: 1 } } });
    assert.deepEqual(Object.keys((await json(r, ['params', 'diff', '--json'])) as object).sort(), ['other.yaml', 'params.yaml']);
  });

  // dvc/repo/params/show.py _gather_params: _collect_vars runs without targets or stages, --deps or not, and skips
  // only the files already read; with --deps the whole params.yaml is not among them.
  // dvc/parsing/__init__.py `_resolve_foreach_data` resolves a literal list with unwrap=False, so `${base_lr}` in an
  // element stays params.yaml's node and `${item.lr}` is tracked as base_lr (DVC: `params.yaml base_lr 0.1 0.2`).
  test('--deps: a param reaching a stage through ${…} inside a literal foreach list is shown, as DVC tracks it', async () => {
    const r = repo();
    const dvcYaml =
      'stages:\n  fit:\n    foreach:\n      - name: a\n        lr: ${base_lr}\n    do:\n      cmd: echo ${item.lr} > out-${item.name}.txt\n' +
      '  viadict:\n    foreach:\n      one: ${train}\n    do:\n      cmd: echo ${item.lr} ${key} > v-${key}.txt\n';
    r.commit('1', { 'params.yaml': 'base_lr: 0.1\ntrain: {lr: 0.1, epochs: 3}\n', 'dvc.yaml': dvcYaml });
    r.write({ 'params.yaml': 'base_lr: 0.2\ntrain: {lr: 0.3, epochs: 3}\n' });
    assert.deepEqual(await json(r, ['params', 'diff', '--deps', '--json']), {
      'params.yaml': { base_lr: { old: 0.1, new: 0.2, diff: 0.1 }, 'train.lr': { old: 0.1, new: 0.3, diff: 0.19999999999999998 } },
    });
  });

  test("--deps: the keys a stage interpolates from params.yaml are shown, as DVC's tracked vars, when no stage depends on params.yaml", async () => {
    const r = repo();
    r.commit('1', { 'params.yaml': 'lr: 0.1\nother: 1\n', 'dvc.yaml': 'stages:\n  t:\n    cmd: train ${lr}\n' });
    r.write({ 'params.yaml': 'lr: 0.2\nother: 2\n' });
    assert.deepEqual(await json(r, ['params', 'diff', '--deps', '--json']), { 'params.yaml': { lr: { old: 0.1, new: 0.2, diff: 0.1 } } });
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), {
      'params.yaml': { lr: { old: 0.1, new: 0.2, diff: 0.1 }, other: { old: 1, new: 2, diff: 1 } },
    });
  });

  test('test_vars_shows_on_params_diff: values a stage interpolates from a vars file are params', async () => {
    const r = repo();
    const dvcYaml = 'vars:\n- test_params.yaml\nstages:\n  build:\n    foreach: ${vars}\n    do:\n      cmd: script --epoch ${item.epoch}\n';
    r.write({ 'test_params.yaml': 'vars:\n  model1:\n    epoch: 15\n  model2:\n    epoch: 35\n', 'dvc.yaml': dvcYaml });
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), {
      'test_params.yaml': { 'vars.model1.epoch': { new: 15, old: null }, 'vars.model2.epoch': { new: 35, old: null } },
    });
    r.commit('added stages');
    r.write({ 'test_params.yaml': 'vars:\n  model1:\n    epoch: 20\n  model2:\n    epoch: 35\n' });
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), { 'test_params.yaml': { 'vars.model1.epoch': { new: 20, old: 15, diff: 5 } } });
  });

  test('tracked vars: only the keys used, a[0] indexing, and not the loop item', async () => {
    const r = repo();
    r.commit('1', {
      'cfg.yaml': 'train:\n  lr: 0.1\n  unused: 1\nsizes: [1, 2]\n',
      'dvc.yaml': 'vars:\n- cfg.yaml\nstages:\n  t:\n    cmd: train --lr ${train.lr} --size ${sizes[0]}\n',
    });
    r.write({ 'cfg.yaml': 'train:\n  lr: 0.2\n  unused: 2\nsizes: [3, 2]\n' });
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), {
      'cfg.yaml': { 'sizes.0': { old: 1, new: 3, diff: 2 }, 'train.lr': { old: 0.1, new: 0.2, diff: 0.1 } },
    });
  });

  test("tracked vars: a section unpacked into a cmd is no param (DVC tracks no dict), a loop's items are, one key each", async () => {
    const r = repo();
    r.commit('1', {
      'cfg.yaml': 'train:\n  lr: 0.1\nsizes: [1, 2]\nunused: 1\n',
      'dvc.yaml': 'vars:\n- cfg.yaml\nstages:\n  t:\n    cmd: train ${train}\n  s:\n    foreach: ${sizes}\n    do:\n      cmd: size ${item}\n',
    });
    r.write({ 'cfg.yaml': 'train:\n  lr: 0.2\nsizes: [3, 2]\nunused: 2\n' });
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), { 'cfg.yaml': { 'sizes.0': { old: 1, new: 3, diff: 2 } } });
  });

  // dvc/utils/serialize/_py.py parse_py makes a set; dvc/utils/diff.py compares with ==, and the table prints str(set).
  test("a Python set written in another order is no change; a changed one prints in Python's order", async () => {
    const r = repo();
    r.commit('1', { 'p.py': 'TAGS = {3, 1, 2}\nNAMES = {"b", "a"}\n', 'dvc.yaml': 'params:\n- p.py\n' });
    r.write({ 'p.py': 'TAGS = {2, 3, 1}\nNAMES = {"a", "b"}\n' });
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), {});
    r.write({ 'p.py': 'TAGS = {1, 8}\nNAMES = {"a", "b"}\n' });
    const res = await runCli(['params', 'diff'], r.dir);
    assert.equal(res.stdout, 'Path    Param    HEAD       workspace\np.py    TAGS     {1, 2, 3}  {8, 1}\n');
  });

  // Where hashes collide, a set prints in the order set(values) inserted it (Python 3.11: set([1, 9]) is {1, 9},
  // set([9, 1]) is {9, 1}): DVC prints each so, and compares them with ==, so they are no change all the same.
  test('equal sets that print differently (colliding hashes, tuples, a resized table) are no change; tuples compare with ==', async () => {
    const r = repo();
    const many = Array.from({ length: 70 }, (_, i) => `K${i} = ${i}\n`).join('');
    const before = 'A = {1, 9}\nD = {(1, 2), (3, 4), (0, 0), (-1, 5)}\nG = {100, 33, 64, 7, 8, 9, 1000000, 31, 32}\nT = (1, {1, 9})\nU = (1, 2)\n';
    const after = 'A = {9, 1}\nD = {(-1, 5), (0, 0), (3, 4), (1, 2)}\nG = {32, 31, 1000000, 9, 8, 7, 64, 33, 100}\nT = (True, {9, 1})\nU = (1.0, 2)\n';
    r.commit('1', { 'p.py': before, 'q.py': before + many, 'dvc.yaml': 'params:\n- p.py\n- q.py\n' });
    r.write({ 'p.py': after, 'q.py': after + many });
    // q.py has more keys than a small file's: its rows are made from columns.
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), {});
    const all = await runCli(['params', 'diff', '--all'], r.dir);
    assert.match(all.stdout, /p\.py +A +\{1, 9\} +\{9, 1\}\n/);
    assert.match(all.stdout, /p\.py +D +\{\(-1, 5\), \(1, 2\), \(3, 4\), \(0, 0\)\} +\{\(0, 0\), \(1, 2\), \(3, 4\), \(-1, 5\)\}\n/);
    assert.match(all.stdout, /p\.py +G +\{64, 33, 1000000, 32, 100, 7, 8, 9, 31\} +\{32, 1000000, 64, 33, 100, 7, 8, 9, 31\}\n/);
    r.write({ 'p.py': after.replace('{9, 1}\n', '{9, 2}\n').replace('(1, 2)}', '(1, 3)}'), 'q.py': after + many });
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), {
      'p.py': { A: { old: '{1, 9}', new: '{9, 2}' }, D: { old: '{(-1, 5), (1, 2), (3, 4), (0, 0)}', new: '{(0, 0), (1, 3), (3, 4), (-1, 5)}' } },
    });
    // A set is not a string that prints like it, nor a list of its items (which DVC compares as its text).
    r.write({ 'p.py': before.replace('A = {1, 9}', 'A = "{1, 9}"'), 'q.py': before.replace('U = (1, 2)', 'U = [1, 2]') + many });
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), {
      'p.py': { A: { old: '{1, 9}', new: '{1, 9}' } },
      'q.py': { U: { old: '(1, 2)', new: '[1, 2]' } },
    });
  });

  test('test_diff_active_branch_no_changes', async () => {
    const r = repo();
    r.commit('bar', { 'params.yaml': 'foo: bar', 'dvc.yaml': paramsStage('    - foo\n') });
    assert.deepEqual(await json(r, ['params', 'diff', 'main', '--json']), {});
  });

  test('params tables have no Change column and print floats unrounded (dvc/commands/params.py)', async () => {
    const r = repo();
    r.commit('1', { 'params.yaml': 'lr: 0.123456789\nflag: true\n' });
    r.write({ 'params.yaml': 'lr: 0.1\nflag: false\n' });
    const res = await runCli(['params', 'diff'], r.dir);
    assert.equal(
      res.stdout,
      'Path         Param    HEAD         workspace\nparams.yaml  flag     True         False\nparams.yaml  lr       0.123456789  0.1\n',
    );
  });

  // DVC parses a .py params file with ast.parse: a syntax error is PythonFileCorruptedError, as bad JSON is an error.
  test('a Python params file that does not parse, or a YAML tag DVC refuses: the report names file, line and why, and keeps the other files', async () => {
    const r = repo();
    const dvcYaml = 'stages:\n  train:\n    cmd: echo\n    params:\n      - p.py:\n      - q.json:\n      - lr\n';
    r.commit('1', { 'p.py': 'LR = 0.1\n', 'q.json': '{"a": 1}', 'params.yaml': 'lr: 0.1\n', 'dvc.yaml': dvcYaml });
    r.write({ 'p.py': 'LR = \n', 'q.json': '{"a": 2}' });
    const out = tempDir();
    const res = await runCli(['report', '--base', 'HEAD', '--out', out, '--quiet'], r.dir);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    assert.match(md, /### ❌ Project files that do not parse\n\n- p\.py:1:5: invalid Python: nothing after '='\n/);
    assert.match(md, /\| q\.json \| a \| 1 \| 2 \|/);
    assert.deepEqual(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).projectErrors, ["p.py:1:5: invalid Python: nothing after '='"]);
    assert.match(res.stderr, /p\.py:1:5: invalid Python: nothing after '='/);

    r.write({ 'p.py': 'LR = 0.1\n', 'params.yaml': 'lr: !!python/object:foo {}\n' });
    const params = await runCli(['params', 'diff'], r.dir);
    assert.notEqual(params.code, 0);
    assert.match(
      params.stderr,
      /params\.yaml:1:5: invalid YAML: unknown tag !!python\/object:foo: DVC's YAML loader \(ruamel's safe loader\) reads only YAML's standard tags/,
    );
    assert.doesNotMatch(params.stdout, /lr/, 'not shown as removed');
    rmSync(out, { recursive: true, force: true });
  });

  test('paths are printed from the current directory, as DVC prints relpath(path, start) (dvc/commands/metrics.py, params.py)', async () => {
    const r = repo();
    r.commit('base', { 'dvc.yaml': 'metrics:\n- sub/wm.json\n- top.json\n', 'sub/wm.json': '{"a": 1}', 'top.json': '{"t": 1}', 'sub/p.yaml': 'k: 1\n' });
    r.write({ 'sub/wm.json': '{"a": 2}', 'top.json': '{"t": 2}', 'sub/p.yaml': 'k: 2\n' });
    const sub = join(r.dir, 'sub');
    const metrics = await runCli(['metrics', 'diff', '--json'], sub);
    assert.deepEqual(Object.keys(JSON.parse(metrics.stdout) as object), ['../top.json', 'wm.json']);
    // A target given from there prints as it was given.
    const targeted = await runCli(['params', 'diff', '--targets', 'p.yaml', '--json'], sub);
    assert.deepEqual(JSON.parse(targeted.stdout), { 'p.yaml': { k: { old: 1, new: 2, diff: 1 } } });
    assert.deepEqual(Object.keys(JSON.parse((await runCli(['metrics', 'diff', '--json'], r.dir)).stdout) as object), ['sub/wm.json', 'top.json']);
  });

  test('templated params paths are followed, at the top level and in a stage (docs/metrics-params.md)', async () => {
    const r = repo();
    r.commit('base', {
      'params.yaml': 'pfile: hp.yaml\n',
      'hp.yaml': 'lr: 1\nother: 1\n',
      'dvc.yaml': 'params:\n- ${pfile}\nstages:\n  s:\n    cmd: echo\n    params:\n    - ${pfile}:\n      - lr\n',
    });
    r.write({ 'hp.yaml': 'lr: 2\nother: 1\n' });
    assert.deepEqual(await json(r, ['params', 'diff', '--json']), { 'hp.yaml': { lr: { old: 1, new: 2, diff: 1 } } });
  });

  test('Python, TOML and JSON params files named with --targets', async () => {
    const r = repo();
    r.commit('1', { 'cfg.py': 'LR = 0.1\nclass Model:\n    layers = [64, 32]\n', 'cfg.toml': '[a]\nb = 1\n', 'cfg.json': '{"c": 1.0}' });
    r.write({ 'cfg.py': 'LR = 0.01\nclass Model:\n    layers = [64]\n', 'cfg.toml': '[a]\nb = 2\n', 'cfg.json': '{"c": 1}' });
    assert.deepEqual(await json(r, ['params', 'diff', '--targets', 'cfg.py', 'cfg.toml', 'cfg.json', '--json']), {
      'cfg.py': { LR: { old: 0.1, new: 0.01, diff: 0.01 - 0.1 }, 'Model.layers': { old: '[64, 32]', new: '[64]' } },
      'cfg.toml': { 'a.b': { old: 1, new: 2, diff: 1 } },
    });
  });
});

describe('ints beyond 2^53 stay exact, as Python keeps them (dvc/utils/diff.py `_diff_vals`: new - old on ints)', () => {
  test('metrics diff: JSON values, Change and --json digit for digit; a change a double cannot see is shown', async () => {
    const r = repo();
    r.commit('i', {
      'dvc.yaml': 'metrics:\n- m.json\n',
      'm.json': '{"num_tokens": 9007199254740993, "ts_ns": 1700000000123456789, "edge": 9007199254740993, "same": 12345678901234567890}',
    });
    r.write({ 'm.json': '{"num_tokens": 9007199254740995, "ts_ns": 1700000000123456800, "edge": 9007199254740992, "same": 12345678901234567890}' });
    const table = await runCli(['metrics', 'diff'], r.dir);
    assert.equal(table.code, 0, table.stderr);
    assert.equal(
      table.stdout,
      [
        'Path    Metric      HEAD                 workspace            Change',
        'm.json  edge        9007199254740993     9007199254740992     -1',
        'm.json  num_tokens  9007199254740993     9007199254740995     2',
        'm.json  ts_ns       1700000000123456789  1700000000123456800  11',
        '',
      ].join('\n'),
    );
    const out = await runCli(['metrics', 'diff', '--json'], r.dir);
    assert.equal(
      out.stdout.trim(),
      '{"m.json": {"edge": {"old": 9007199254740993, "new": 9007199254740992, "diff": -1}, ' +
        '"num_tokens": {"old": 9007199254740993, "new": 9007199254740995, "diff": 2}, ' +
        '"ts_ns": {"old": 1700000000123456789, "new": 1700000000123456800, "diff": 11}}}',
    );
  });

  test('metrics diff: YAML, TOML and CSV ints; an exact difference beyond 2^53; an int against a float', async () => {
    const r = repo();
    r.commit('i', {
      'dvc.yaml': 'metrics:\n- m.yaml\n- m.toml\n- m.csv\n- logger.csv\n',
      'm.yaml': 'a: 1700000000123456789\nbig: -99999999999999999999\nf: 9007199254740993\n',
      'm.toml': 'a = 1700000000123456789\n',
      'm.csv': 'step,a\n1,1700000000123456789\n',
      'logger.csv': 'Name,Value,Timestamp,Step\na,1700000000123456789,1,0\n',
    });
    r.write({
      'm.yaml': 'a: 1700000000123456790\nbig: 99999999999999999999\nf: 9007199254740992.0\n',
      'm.toml': 'a = 1700000000123456790\n',
      'm.csv': 'step,a\n1,1700000000123456790\n',
      'logger.csv': 'Name,Value,Timestamp,Step\na,1700000000123456790,1,0\n',
    });
    const out = await runCli(['metrics', 'diff', '--json'], r.dir);
    assert.equal(out.code, 0, out.stderr);
    // Python: 9007199254740992.0 - 9007199254740993 is a float subtraction, the int rounded first: 0.0; the two are not equal.
    assert.equal(
      out.stdout.trim(),
      '{"logger.csv": {"a": {"old": 1700000000123456789, "new": 1700000000123456790, "diff": 1}}, ' +
        '"m.csv": {"a": {"old": 1700000000123456789, "new": 1700000000123456790, "diff": 1}}, ' +
        '"m.toml": {"a": {"old": 1700000000123456789, "new": 1700000000123456790, "diff": 1}}, ' +
        '"m.yaml": {"a": {"old": 1700000000123456789, "new": 1700000000123456790, "diff": 1}, ' +
        '"big": {"old": -99999999999999999999, "new": 99999999999999999999, "diff": 199999999999999999998}, ' +
        '"f": {"old": 9007199254740993, "new": 9007199254740992.0, "diff": 0.0}}}',
    );
  });

  test('params diff: a changed big int is listed (as status says it is modified), an unchanged one is not', async () => {
    const r = repo();
    r.commit('p', { 'params.yaml': 'ts: 1700000000123456789\nseed: 12345678901234567890\n', 'dvc.yaml': paramsStage('    - ts\n    - seed\n') });
    r.write({ 'params.yaml': 'ts: 1700000000123456790\nseed: 12345678901234567890\n' });
    const table = await runCli(['params', 'diff'], r.dir);
    assert.equal(table.code, 0, table.stderr);
    assert.equal(table.stdout, 'Path         Param    HEAD                 workspace\nparams.yaml  ts       1700000000123456789  1700000000123456790\n');
    const out = await runCli(['params', 'diff', '--json', '--all'], r.dir);
    assert.equal(
      out.stdout.trim(),
      '{"params.yaml": {"seed": {"old": 12345678901234567890, "new": 12345678901234567890, "diff": 0}, ' +
        '"ts": {"old": 1700000000123456789, "new": 1700000000123456790, "diff": 1}}}',
    );
  });
});
