import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub, startFakeGitHub } from '../fakes/github';
import { checkRuns } from '../fakes/github/routes/checks';
import { comments } from '../fakes/github/routes/comments';
import { addPullRequest } from '../fakes/github/routes/pulls';
import { runAction } from '../helpers/action';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * A sweep as a matrix makes it: each job is the real `mlreport report` on the same commit with its own params and
 * metrics, writing its folder as actions/download-artifact lays out `pattern: mlreport-*`. Three learning rates ×
 * two seeds, one job whose stage fails, and one whose artifact never arrived.
 */
const SWEEP = [
  { lr: 0.01, seed: 1, accuracy: 0.912, loss: 0.31 },
  { lr: 0.01, seed: 2, accuracy: 0.918, loss: 0.29 },
  { lr: 0.1, seed: 1, accuracy: 0.951, loss: 0.2 },
  { lr: 0.1, seed: 2, accuracy: 0.939, loss: 0.23 },
  { lr: 0.3, seed: 1, accuracy: 0.93, loss: 0.26 },
  { lr: 0.3, seed: 2, accuracy: 0.95, loss: 0.19 },
];
const RULE = 'accuracy >= 0.92';

/** Mean and sample standard deviation (n − 1), written out here so the test does not share the code under test. */
function meanStd(xs: number[]): { mean: number; std: number } {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let squares = 0;
  for (const x of xs) squares += (x - mean) * (x - mean);
  return { mean, std: Math.sqrt(squares / (xs.length - 1)) };
}

let repo: TempRepo;
let artifacts: string;
let baseSha: string;

const params = (lr: number, seed: number) => `train:\n  lr: ${lr}\n  seed: ${seed}\n  epochs: 10\n`;

async function job(name: string, files: Record<string, string>, extra: string[] = []): Promise<void> {
  repo.write(files);
  const r = await runCli(
    ['report', '--base', 'HEAD', '--metrics', 'metrics.json', '--threshold', RULE, '--out', join(artifacts, `mlreport-${name}`), '--quiet', ...extra],
    repo.dir,
  );
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
}

before(async () => {
  repo = new TempRepo();
  baseSha = repo.commit('base', { 'params.yaml': params(0.01, 0), 'metrics.json': JSON.stringify({ accuracy: 0.9, loss: 0.3 }) });
  artifacts = tempDir('mlreport-artifacts-');
  for (const run of SWEEP) {
    await job(`lr${run.lr}-seed${run.seed}`, {
      'params.yaml': params(run.lr, run.seed),
      'metrics.json': JSON.stringify({ accuracy: run.accuracy, loss: run.loss }),
    });
  }
  // A job whose training stage fails: its report says so.
  await job('lr0.3-seed3', { 'params.yaml': params(0.3, 3), 'dvc.yaml': 'stages:\n  train:\n    cmd: exit 3\n' }, ['--repro', 'builtin']);
  rmSync(join(repo.dir, 'dvc.yaml'));
  // A job that failed before uploading: download-artifact made no folder, but a job folder without report.json is the same.
  mkdirSync(join(artifacts, 'mlreport-lr0.1-seed3'));
});
after(() => {
  repo.remove();
  rmSync(artifacts, { recursive: true, force: true });
});

describe('mlreport aggregate (dist/cli.js over reports the real report command wrote)', () => {
  test('one row per configuration with mean ± sample std and n, the base on top, the best marked, failed jobs as failed rows', async () => {
    const out = tempDir();
    const r = await runCli(['aggregate', artifacts, '--out', out], repo.dir);
    assert.equal(r.code, 1, 'failed jobs and a broken rule make the exit code 1');
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    assert.equal(json.kind, 'aggregate');
    assert.equal(json.base.sha, baseSha);
    assert.deepEqual(json.varying, [{ file: 'params.yaml', key: 'train.lr' }]);
    assert.deepEqual(json.constant, [{ file: 'params.yaml', key: 'train.epochs', value: 10 }]);
    assert.deepEqual(
      json.metrics.map((m: { key: string; better: string; base: number }) => [m.key, m.better, m.base]),
      [
        ['accuracy', 'higher', 0.9],
        ['loss', 'lower', 0.3],
      ],
    );
    // Best first by accuracy (the metric the rule gates on): lr 0.1 (0.945) over lr 0.3 (0.94) over lr 0.01 (0.915).
    assert.deepEqual(
      json.configurations.map((c: { id: string; best: boolean }) => [c.id, c.best]),
      [
        ['train.lr=0.1', true],
        ['train.lr=0.3', false],
        ['train.lr=0.01', false],
      ],
    );
    for (const c of json.configurations) {
      const lr = c.params[0];
      const runs = SWEEP.filter((s) => s.lr === lr);
      assert.deepEqual(
        c.runs,
        runs.map((s) => `lr${s.lr}-seed${s.seed}`),
      );
      for (const [j, key] of (['accuracy', 'loss'] as const).entries()) {
        const expected = meanStd(runs.map((s) => s[key]));
        assert.equal(c.metrics[j].n, 2);
        assert.ok(Math.abs(c.metrics[j].mean - expected.mean) < 1e-12, `${c.id} ${key} mean ${c.metrics[j].mean} vs ${expected.mean}`);
        assert.ok(Math.abs(c.metrics[j].std - expected.std) < 1e-12, `${c.id} ${key} std ${c.metrics[j].std} vs ${expected.std}`);
      }
    }
    // Worked by hand for one cell: 0.912 and 0.918 → mean 0.915, std 0.003·√2.
    assert.ok(Math.abs(json.configurations[2].metrics[0].std - 0.003 * Math.SQRT2) < 1e-12);
    assert.deepEqual(
      json.failedRuns.map((f: { run: string; configuration: string | null }) => [f.run, f.configuration]),
      [
        ['lr0.1-seed3', null],
        ['lr0.3-seed3', 'train.lr=0.3'],
      ],
    );
    assert.deepEqual(json.gates, { passed: false, configurations: 3, failedConfigurations: ['train.lr=0.01'] });

    const md = readFileSync(join(out, 'report.md'), 'utf8');
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    assert.deepEqual(rows.slice(0, 7), [
      '|  | train.lr | n | accuracy ↑ | loss ↓ | gates |',
      '| base `HEAD` |  |  | 0.9 | 0.3 |  |',
      '| 🏆 best | 0.1 | 2 | 0.945 ± 0.00849 | 0.215 ± 0.02121 | ✅ |',
      '|  | 0.3 | 2 | 0.94 ± 0.01414 | 0.225 ± 0.0495 | ✅ |',
      '|  | 0.01 | 2 | 0.915 ± 0.00424 | 0.3 ± 0.01414 | ❌ 1 broke |',
      '| ❌ failed |  | 0 | `lr0.1-seed3`: no report.json: the job failed before it wrote or uploaded its report |  |  |',
      "| ❌ failed | 0.3 | 0 | `lr0.3-seed3`: stage 'train' failed: command exited with code 3: exit 3 |  |  |",
    ]);
    assert.match(md, /\*\*Best by `accuracy` \(higher is better\):\*\* train\.lr=0\.1: 0\.945 ± 0\.00849/);
    assert.match(md, /### Gates: ❌ 1 of 3 configurations broke a rule; 2 jobs failed/);
    assert.match(md, /- train\.lr=0\.01: ❌ `accuracy >= 0\.92`: 0\.915 is not &gt;= 0\.92/);
    assert.match(md, /sample standard deviation \(divides by n − 1\)/);
    assert.match(r.stderr, /error: Job lr0\.3-seed3: stage 'train' failed/);
  });

  test('--rank-by names the metric and the direction; --threshold replaces the jobs’ rules', async () => {
    const out = tempDir();
    const r = await runCli(['aggregate', artifacts, '--out', out, '--rank-by', 'loss', '--threshold', 'loss <= 0.3', '--quiet'], repo.dir);
    assert.equal(r.code, 1, 'the failed jobs still fail it');
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    assert.deepEqual(json.rankBy, { file: 'metrics.json', key: 'loss', better: 'lower' });
    assert.deepEqual(
      json.configurations.map((c: { id: string }) => c.id),
      ['train.lr=0.1', 'train.lr=0.3', 'train.lr=0.01'],
    );
    assert.deepEqual(json.gates.failedConfigurations, []);
    const unknown = await runCli(['aggregate', artifacts, '--out', out, '--rank-by', 'acuracy'], repo.dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /rank-by 'acuracy' is not a metric of these runs; closest: metrics\.json:accuracy/);
  });

  test('without --out the comparison goes to .mlreport-aggregate, which git ignores', async () => {
    const r = await runCli(['aggregate', artifacts, '--quiet'], repo.dir);
    assert.equal(r.code, 1, 'the failed jobs fail it');
    assert.ok(existsSync(join(repo.dir, '.mlreport-aggregate', 'report.md')), r.stderr);
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: repo.dir }).toString();
    assert.doesNotMatch(status, /mlreport-aggregate/);
  });

  test('reports from different base commits are refused, naming the commits', async () => {
    const mixed = tempDir('mlreport-mixed-');
    cpSync(join(artifacts, 'mlreport-lr0.1-seed1'), join(mixed, 'mlreport-a'), { recursive: true });
    const other = JSON.parse(readFileSync(join(mixed, 'mlreport-a', 'report.json'), 'utf8'));
    other.base.sha = 'f'.repeat(40);
    mkdirSync(join(mixed, 'mlreport-b'));
    writeFileSync(join(mixed, 'mlreport-b', 'report.json'), JSON.stringify(other));
    const r = await runCli(['aggregate', mixed, '--out', join(mixed, 'out')], repo.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`different base commits: ${baseSha} \\(a\\); ${'f'.repeat(40)} \\(b\\)`));
    rmSync(mixed, { recursive: true, force: true });
  });

  test('hidden folders and node_modules beside the job folders are not jobs: `aggregate .` in a repository passes', async () => {
    const dir = tempDir('mlreport-hidden-');
    for (const job of ['mlreport-lr0.1-seed1', 'mlreport-lr0.1-seed2']) cpSync(join(artifacts, job), join(dir, job), { recursive: true });
    for (const other of ['.git', '.hidden', 'node_modules']) mkdirSync(join(dir, other));
    const r = await runCli(['aggregate', '.', '--out', join(dir, '.out')], dir);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(readFileSync(join(dir, '.out', 'report.json'), 'utf8'));
    assert.deepEqual(
      json.configurations.map((c: { id: string; runs: unknown[] }) => [c.id, c.runs.length]),
      [['all runs', 2]],
    );
    assert.doesNotMatch(readFileSync(join(dir, '.out', 'report.md'), 'utf8'), /failed|\.git|\.hidden|node_modules/);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a report.json cut short, or of another schema version, is a failed row naming the file; the other jobs are compared', async () => {
    const dir = tempDir('mlreport-unread-');
    for (const job of ['lr0.1-seed1', 'lr0.1-seed2', 'lr0.3-seed1', 'lr0.3-seed2']) {
      cpSync(join(artifacts, `mlreport-${job}`), join(dir, `mlreport-${job}`), { recursive: true });
    }
    // A partial upload: the file ends inside the report, on its second line.
    const cut = join(dir, 'mlreport-lr0.3-seed2', 'report.json');
    const pretty = JSON.stringify(JSON.parse(readFileSync(cut, 'utf8')), null, 2);
    writeFileSync(cut, pretty.slice(0, pretty.indexOf('\n', pretty.indexOf('\n') + 1) + 8));
    const other = join(dir, 'mlreport-lr0.1-seed2', 'report.json');
    writeFileSync(other, JSON.stringify({ ...JSON.parse(readFileSync(other, 'utf8')), schemaVersion: 1 }));
    const out = tempDir();
    const r = await runCli(['aggregate', dir, '--out', out, '--threshold', RULE], repo.dir);
    assert.equal(r.code, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    assert.deepEqual(
      json.configurations.map((c: { id: string; runs: string[] }) => [c.id, c.runs]),
      [
        ['train.lr=0.1', ['lr0.1-seed1']],
        ['train.lr=0.3', ['lr0.3-seed1']],
      ],
    );
    assert.deepEqual(
      json.failedRuns.map((f: { run: string; reason: string }) => f.run),
      ['lr0.1-seed2', 'lr0.3-seed2'],
    );
    assert.match(
      json.failedRuns[0].reason,
      /^mlreport-lr0\.1-seed2\/report\.json has schemaVersion 1; this mlreport \(.*\) reads report\.json of schema version 2/,
    );
    assert.match(json.failedRuns[1].reason, /^mlreport-lr0\.3-seed2\/report\.json is not JSON \(.*line 3 column 8\)?\)$/);
    assert.equal(json.gates.passed, false, 'a job whose report could not be read fails the gate');
    assert.match(readFileSync(join(out, 'report.md'), 'utf8'), /\| ❌ failed \|  \| 0 \| `lr0\.3-seed2`: mlreport-lr0\.3-seed2\/report\.json is not JSON/);
    assert.match(r.stderr, /error: Job lr0\.3-seed2: mlreport-lr0\.3-seed2\/report\.json is not JSON/);
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });
});

describe('mode: aggregate (dist/index.js against the fake GitHub API)', () => {
  const TOKEN = 'ghs_aggregateToken';
  let fake: FakeGitHub;
  before(async () => {
    fake = await startFakeGitHub();
    fake.tokens.set(TOKEN, FakeGitHub.ACTIONS_BOT);
  });
  after(() => fake.stop());

  test('one sticky comment, the full table in the job summary, one check run; a failed job fails the step', async () => {
    const head = repo.git('rev-parse', 'HEAD');
    addPullRequest(fake, 'octo/iris', { number: 9, headSha: head });
    const event = {
      pull_request: {
        number: 9,
        head: { sha: head, ref: 'sweep', repo: { full_name: 'octo/iris' } },
        base: { sha: baseSha, ref: 'main', repo: { full_name: 'octo/iris' } },
      },
    };
    const workspace = tempDir('mlreport-aggregate-job-');
    // Nine jobs in the matrix, eight folders: one died before uploading anything.
    const inputs = {
      'github-token': TOKEN,
      mode: 'aggregate',
      'artifact-dir': artifacts,
      'report-id': 'sweep',
      'out-dir': join(workspace, 'out'),
      'expected-runs': '9',
    };
    for (let i = 0; i < 2; i++) {
      const r = await runAction({ workspace, eventName: 'pull_request', event, sha: head, apiUrl: fake.url, inputs });
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.equal(r.outputs.passed, 'false');
      assert.match(r.stdout, /::error::Job lr0\.3-seed3: stage 'train' failed/);
      assert.match(r.summary, /\| 🏆 best \| 0\.1 \| 2 \| 0\.945 ± 0\.00849 \|/);
      assert.match(r.outputs['comment-url']!, /\/pull\/9#issuecomment-\d+$/);
    }
    const bodies = comments(fake, { params: { owner: 'octo', repo: 'iris' } } as never)
      .filter((c) => c.on === 'pr:9')
      .map((c) => c.body);
    assert.equal(bodies.length, 1, 'the second run updated the sticky comment');
    assert.match(bodies[0]!, /^<!-- mlreport:comment id=sweep -->\n## mlreport sweep: 9 runs/);
    assert.match(bodies[0]!, /\| ❌ failed \|  \| 0 \| `missing job`: no artifact: 9 jobs expected, 8 uploaded a report \|/);
    assert.match(bodies[0]!, /\| ❌ failed \|  \| 0 \| `lr0\.1-seed3`: no report\.json/);
    const checks = checkRuns(fake).filter((c) => c.name === 'mlreport');
    assert.equal(checks.length, 2);
    assert.equal(checks[1]!.conclusion, 'failure');
    assert.equal(checks[1]!.output.title, '1 of 3 configurations broke a rule; 3 jobs failed');
    rmSync(workspace, { recursive: true, force: true });
  });
});
