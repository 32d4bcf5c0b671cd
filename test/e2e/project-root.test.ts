import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '../../src/config/project-root';
import { UserError } from '../../src/util/errors';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github';
import { runAction } from '../helpers/action';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

/** A project as DVC lays it out: dvc.yaml and .mlreport.yml at the root, code in src/; accuracy fell. */
let repo: TempRepo;
let headSha: string;
let fake: FakeGitHub;
before(async () => {
  fake = await startFakeGitHub();
  repo = new TempRepo();
  const project = {
    'dvc.yaml': 'stages:\n  evaluate:\n    cmd: python src/evaluate.py\n    metrics:\n      - metrics.json:\n          cache: false\n',
    '.mlreport.yml': 'thresholds:\n  - accuracy >= base - 0.01\n',
    'src/evaluate.py': 'print("evaluate")\n',
  };
  repo.commit('base', { ...project, 'metrics.json': '{"accuracy": 0.9}\n' });
  headSha = repo.commit('head', { 'metrics.json': '{"accuracy": 0.765}\n' });
});
after(async () => {
  await fake.stop();
  repo.remove();
});

/** The report without the lines that name where it ran. */
function reportBody(markdown: string): string {
  return markdown.replace(/^report: .*$/m, '').trim();
}

describe('the project root is found as DVC finds it, so a sub-folder gives the same report', () => {
  test('action: `working-directory: src` reads dvc.yaml and .mlreport.yml at the root: the gate breaks as it does from the root', async () => {
    const run = (workingDirectory: string) =>
      runAction({
        workspace: repo.dir,
        eventName: 'workflow_dispatch',
        event: {},
        sha: headSha,
        apiUrl: fake.url,
        inputs: { 'working-directory': workingDirectory, repro: 'off' },
      });
    const fromRoot = await run('.');
    const fromSrc = await run('src');
    assert.equal(fromRoot.code, 1, fromRoot.stdout);
    assert.equal(fromSrc.code, 1, fromSrc.stdout);
    assert.equal(fromSrc.outputs.passed, 'false');
    assert.match(fromSrc.summary, /### Gates: ❌ 1 of 1 rule could not be checked/);
    assert.match(fromSrc.summary, /accuracy/);
    assert.equal(readFileSync(fromSrc.outputs.report!, 'utf8'), readFileSync(fromRoot.outputs.report!, 'utf8'));
  });

  test('CLI: `mlreport report` from src/ prints the same report as from the root', async () => {
    // Outside the project: a folder left inside it would be an uncommitted change the second run names `workspace`.
    const outside = tempDir();
    const fromRoot = await runCli(['report', '--base', 'HEAD~1', '--out', join(outside, 'root')], repo.dir);
    const fromSrc = await runCli(['report', '--base', 'HEAD~1', '--out', join(outside, 'src')], join(repo.dir, 'src'));
    assert.equal(fromRoot.code, 1, fromRoot.stderr);
    assert.equal(fromSrc.code, 1, fromSrc.stderr);
    assert.match(fromSrc.stdout, /### Gates: ❌ 1 of 1 rule could not be checked/);
    assert.equal(reportBody(fromSrc.stdout), reportBody(fromRoot.stdout));
  });

  test('action: a working-directory that does not exist is an input error, not a library error', async () => {
    const result = await runAction({ workspace: repo.dir, eventName: 'workflow_dispatch', event: {}, sha: headSha, inputs: { 'working-directory': 'scr' } });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /::error::mlreport: Input 'working-directory': 'scr' is not a directory \(.*scr does not exist\)/);
    assert.doesNotMatch(result.stdout + result.stderr, /could not start|spawn git|ENOENT|at .*\.js:\d+/);
  });

  test('action: a working-directory outside the workspace (`../..`, `/etc`, a link out of it) is refused naming the input', async () => {
    // The workspace is a folder inside a parent git repository: `..` would find that one, and report on it.
    const parent = new TempRepo();
    try {
      parent.commit('parent', { 'dvc.yaml': 'metrics:\n  - metrics.json\n', 'metrics.json': '{"accuracy": 0.1}\n' });
      const workspace = join(parent.dir, 'ws');
      mkdirSync(workspace);
      execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: workspace });
      symlinkSync(parent.dir, join(workspace, 'up'));
      for (const workingDirectory of ['..', '../..', '/etc', 'up']) {
        const result = await runAction({
          workspace,
          eventName: 'workflow_dispatch',
          event: {},
          sha: headSha,
          inputs: { 'working-directory': workingDirectory },
        });
        assert.equal(result.code, 1, workingDirectory);
        const error = `::error::mlreport: Input 'working-directory': '${workingDirectory}' is outside the workspace (${workspace}): expected a folder of the checked-out repository, as a path relative to the workspace (such as \`ml\`, or \`.\` for its root).`;
        assert.ok(result.stdout.includes(error), `${workingDirectory}: ${result.stdout}`);
        assert.doesNotMatch(result.stdout, /not inside a git repository|Comparing/);
      }
      // An absolute path to a folder of the workspace is that folder.
      const inside = await runAction({
        workspace: repo.dir,
        eventName: 'workflow_dispatch',
        event: {},
        sha: headSha,
        apiUrl: fake.url,
        inputs: { 'working-directory': join(repo.dir, 'src'), repro: 'off' },
      });
      assert.doesNotMatch(inside.stdout, /outside the workspace/);
      assert.match(inside.summary, /### Gates: ❌ 1 of 1 rule could not be checked/);
    } finally {
      parent.remove();
    }
  });

  test('CLI: --cwd to a directory that does not exist exits 2 with the same message', async () => {
    const result = await runCli(['report', '--cwd', 'scr'], repo.dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^mlreport: --cwd: 'scr' is not a directory \(.*scr does not exist\)/);
    assert.doesNotMatch(result.stderr, /could not start|spawn git|ENOENT|at .*\.js:\d+/);
  });
});

describe('findProjectRoot', () => {
  test('the nearest folder with .dvc/ (a `dvc init --subdir` project), else one with dvc.yaml or .mlreport.yml, else the git root', async () => {
    const mono = new TempRepo();
    try {
      mono.commit('layout', {
        'ml/.dvc/config': '',
        'ml/dvc.yaml': 'stages: {}\n',
        'ml/src/train.py': '',
        'web/app/index.js': '',
        'tools/dvc.yaml': 'stages: {}\n',
      });
      mkdirSync(join(mono.dir, 'tools', 'bin'));
      // Physical folders, as DVC finds its root (macOS temp dirs are reached through /var → /private/var).
      const root = realpathSync(mono.dir);
      assert.equal(await findProjectRoot(join(mono.dir, 'ml', 'src'), '--cwd'), join(root, 'ml'));
      assert.equal(await findProjectRoot(join(mono.dir, 'ml'), '--cwd'), join(root, 'ml'));
      assert.equal(await findProjectRoot(join(mono.dir, 'web', 'app'), '--cwd'), root, 'no project above: the git root');
      assert.equal(await findProjectRoot(join(mono.dir, 'tools', 'bin'), '--cwd'), join(root, 'tools'), 'a dvc.yaml without .dvc/');
      await assert.rejects(
        findProjectRoot(join(mono.dir, 'ml', 'src', 'train.py'), '--cwd'),
        (e: Error) => e instanceof UserError && /is not a directory/.test(e.message),
      );
    } finally {
      mono.remove();
    }
  });
});

describe('a pull request that moves its project root is compared with the base where the base has its project', () => {
  let server: FakeGitHub;
  before(async () => {
    server = await startFakeGitHub();
  });
  after(async () => server.stop());

  /** A pull request from `ml`: its base's and its head's files, and the run's report.json. */
  async function pullRequest(
    baseFiles: Record<string, string>,
    headFiles: Record<string, string>,
    deleted: string[] = [],
    inputs: Record<string, string> = { 'working-directory': 'ml', history: '0' },
  ) {
    const moved = new TempRepo();
    try {
      const base = moved.commit('base', baseFiles);
      moved.write(headFiles);
      for (const path of deleted) moved.git('rm', '-rq', path);
      const head = moved.commit('move the root');
      const result = await runAction({
        workspace: moved.dir,
        eventName: 'pull_request',
        event: { pull_request: { number: 5, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'move' } } },
        sha: head,
        apiUrl: server.url,
        inputs: { repro: 'off', ...inputs },
      });
      const json = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8')) as {
        gates: { passed: boolean; rules: { rule: string; status: string; base: number | null; detail: string }[] };
        metrics: { path: string; rows: { key: string; old: unknown; new: unknown }[] }[];
      };
      return { result, json };
    } finally {
      moved.remove();
    }
  }
  const RULES = 'thresholds:\n  - accuracy >= base - 0.01\n  - accuracy >= 0.3\n';

  test('the PR adds ml/.dvc/: the base value of ml/metrics.json is found by the base root dvc.yaml, and its `base` rule breaks', async () => {
    const { result, json } = await pullRequest(
      { '.dvc/config': '[core]\n', 'dvc.yaml': 'metrics:\n- ml/metrics.json\n', '.mlreport.yml': RULES, 'ml/metrics.json': '{"accuracy": 0.8}\n' },
      { 'ml/.dvc/config': '[core]\n', 'ml/dvc.yaml': 'metrics:\n- metrics.json\n', 'ml/metrics.json': '{"accuracy": 0.5}\n' },
    );
    assert.equal(result.code, 1, result.stdout);
    assert.equal(json.gates.passed, false);
    assert.deepEqual(
      json.gates.rules.map((r) => [r.rule, r.status, r.base]),
      [
        ['accuracy >= base - 0.01', 'failed', 0.8],
        ['accuracy >= 0.3', 'passed', 0.8],
      ],
    );
    assert.deepEqual(
      json.metrics.map((f) => [f.path, f.rows.map((r) => [r.key, r.old, r.new])]),
      [['metrics.json', [['accuracy', 0.8, 0.5]]]],
    );
    assert.match(result.stdout, /The project root is ml\/ at .* and the top of the repository at the base \(main\)/);
    assert.match(result.summary, /This change moves the project root \(ml\/ here, the top of the repository at the base\): metrics and params are compared/);
  });

  test('the base names its metrics outside the moved root: they cannot be matched, so a `base` rule is an error, never skipped', async () => {
    const { result, json } = await pullRequest(
      { '.dvc/config': '[core]\n', 'dvc.yaml': 'metrics:\n- metrics.json\n', '.mlreport.yml': RULES, 'metrics.json': '{"accuracy": 0.8}\n', 'ml/train.py': '' },
      { 'ml/.dvc/config': '[core]\n', 'ml/dvc.yaml': 'metrics:\n- metrics.json\n', 'ml/metrics.json': '{"accuracy": 0.5}\n' },
    );
    assert.equal(result.code, 1, result.stdout);
    assert.equal(json.gates.passed, false);
    assert.deepEqual(
      json.gates.rules.map((r) => [r.rule, r.status]),
      [
        ['accuracy >= base - 0.01', 'error'],
        ['accuracy >= 0.3', 'passed'],
      ],
    );
    assert.match(
      json.gates.rules[0]!.detail,
      /the base's project names its metrics in metrics\.json, outside ml\/ \(this project's root, which the change moved\)/,
    );
    assert.match(result.stdout, /Outside the head's project \(ml\/\), not compared: metrics\.json \(named by the base's project\)/);
  });

  test('the PR deletes ml/.dvc/ (the root moves up to the top): the base value is found by ml/dvc.yaml at the base', async () => {
    const { result, json } = await pullRequest(
      {
        '.dvc/config': '[core]\n',
        'ml/.dvc/config': '[core]\n',
        'ml/dvc.yaml': 'metrics:\n- metrics.json\n',
        'ml/.mlreport.yml': RULES,
        'ml/metrics.json': '{"accuracy": 0.8}\n',
      },
      { 'dvc.yaml': 'metrics:\n- ml/metrics.json\n', 'ml/metrics.json': '{"accuracy": 0.5}\n' },
      ['ml/.dvc', 'ml/dvc.yaml'],
    );
    assert.equal(result.code, 1, result.stdout);
    assert.deepEqual(
      json.gates.rules.map((r) => [r.rule, r.status, r.base]),
      [
        ['accuracy >= base - 0.01', 'failed', 0.8],
        ['accuracy >= 0.3', 'passed', 0.8],
      ],
    );
    assert.deepEqual(
      json.metrics.map((f) => [f.path, f.rows.map((r) => [r.key, r.old, r.new])]),
      [['ml/metrics.json', [['accuracy', 0.8, 0.5]]]],
    );
  });

  test('the PR moves proj/ up to the top (git mv proj/.dvc .dvc): the base project is found in proj/, and a `base` rule is an error, never skipped', async () => {
    const { result, json } = await pullRequest(
      {
        'proj/.dvc/config': '[core]\n',
        'proj/dvc.yaml': 'metrics:\n- metrics.json\n',
        'proj/.mlreport.yml': 'thresholds:\n  - metrics.json:accuracy >= base - 0.01\n  - metrics.json:accuracy >= 0.3\n',
        'proj/metrics.json': '{"accuracy": 0.9}\n',
      },
      {
        '.dvc/config': '[core]\n',
        'dvc.yaml': 'metrics:\n- metrics.json\n',
        '.mlreport.yml': 'thresholds:\n  - metrics.json:accuracy >= base - 0.01\n  - metrics.json:accuracy >= 0.3\n',
        'metrics.json': '{"accuracy": 0.5}\n',
      },
      ['proj'],
      { 'working-directory': '.', history: '0' },
    );
    assert.equal(result.code, 1, result.stdout);
    assert.equal(json.gates.passed, false);
    assert.deepEqual(
      json.gates.rules.map((r) => [r.rule, r.status]),
      [
        ['metrics.json:accuracy >= base - 0.01', 'error'],
        ['metrics.json:accuracy >= 0.3', 'passed'],
      ],
    );
    assert.match(
      json.gates.rules[0]!.detail,
      /the base's project names its metrics in proj\/metrics\.json, which this project does not read \(its root was proj\/ at the base/,
    );
    assert.match(result.summary, /This change moves the project root \(the top of the repository here, proj\/ at the base\)/);
  });

  test('a history.* rule on a file the base branch names elsewhere is an error, not "not enough history", and no note says it is not in git', async () => {
    const { result, json } = await pullRequest(
      {
        '.dvc/config': '[core]\n',
        'dvc.yaml': 'metrics:\n- metrics.json\n',
        '.mlreport.yml': 'thresholds:\n  - accuracy >= history.mean - 2 * history.std\n',
        'metrics.json': '{"accuracy": 0.9}\n',
        'ml/train.py': '',
      },
      { 'ml/.dvc/config': '[core]\n', 'ml/dvc.yaml': 'metrics:\n- metrics.json\n', 'ml/metrics.json': '{"accuracy": 0.5}\n' },
      ['dvc.yaml', 'metrics.json'],
      { 'working-directory': 'ml', history: '5' },
    );
    assert.equal(result.code, 1, result.stdout);
    assert.deepEqual(
      json.gates.rules.map((r) => [r.rule, r.status]),
      [['accuracy >= history.mean - 2 * history.std', 'error']],
    );
    assert.match(json.gates.rules[0]!.detail, /this change moves the project root \(ml\/ here, the top of the repository at the base\)/);
    assert.doesNotMatch(result.summary, /is not in git/);
  });
});
