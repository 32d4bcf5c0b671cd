import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github';
import { checkRuns } from '../fakes/github/routes/checks';
import { runAction } from '../helpers/action';
import { runCli } from '../helpers/cli';
import { localStoreBranch } from '../helpers/history-store';
import { TempRepo, tempDir } from '../helpers/repo';

/** Ten training runs on main: accuracy moves by about ±0.005 from run to run with nothing changed. */
const NOISY = [0.842, 0.848, 0.836, 0.845, 0.839, 0.851, 0.84, 0.844, 0.838, 0.847];
const NOISE_RULE = 'accuracy >= history.mean - 3 * history.std';

let repo: TempRepo;
const cleanup: string[] = [];
before(() => {
  repo = new TempRepo();
  for (const [i, v] of NOISY.entries()) repo.commit(`train run ${i}`, { 'metrics.json': JSON.stringify({ accuracy: v, loss: 1 - v }) });
});
after(() => {
  repo.remove();
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

function pr(branch: string, accuracy: number): void {
  repo.git('checkout', '-q', '-B', branch, 'main');
  repo.commit(`PR ${branch}`, { 'metrics.json': JSON.stringify({ accuracy, loss: 1 - accuracy }) });
}

function reportJson(dir: string) {
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
}

test('a PR within the noise passes the history rule that a fixed `>= base - 0.01` breaks; a PR beyond it breaks it', async () => {
  pr('within', 0.83);
  const out = tempDir('mlreport-out-');
  cleanup.push(out);
  const args = ['report', '--base', 'main', '--metrics', 'metrics.json', '--out', out];
  const noise = await runCli([...args, '--threshold', NOISE_RULE], repo.dir);
  assert.equal(noise.code, 0, noise.stdout + noise.stderr);
  assert.match(noise.stdout, /### Gates: ✅ the rule passed/);
  assert.match(noise.stdout, /noise band 0\.843 ± 3×0\.00483 = \\\[0\.8285, 0\.8575\\\]: within noise/);
  const json = reportJson(out);
  assert.equal(json.history.branch, 'main');
  assert.equal(json.history.depth, 20);
  const accuracy = json.history.metrics.find((m: { key: string }) => m.key === 'accuracy');
  assert.deepEqual(
    accuracy.points.map((p: { value: number }) => p.value),
    NOISY,
  );
  assert.equal(accuracy.head, 0.83);
  assert.equal(accuracy.stats.n, 10);
  assert.equal(json.gates.rules[0].noise.verdict, 'within');

  const fixed = await runCli([...args, '--threshold', 'accuracy >= base - 0.01'], repo.dir);
  assert.equal(fixed.code, 1, 'the one-step comparison calls the same value a regression');

  pr('beyond', 0.81);
  const beyond = await runCli([...args, '--threshold', NOISE_RULE], repo.dir);
  assert.equal(beyond.code, 1);
  assert.match(
    beyond.stdout,
    /\| ❌ \| accuracy &gt;= history\.mean - 3 \\\* history\.std \| 0\.847 \| 0\.81 \| 0\.8285 \| 0\.81 is not &gt;= 0\.8285 \(history n=10\)\. · noise band .*: beyond noise \(below\) \|/,
  );
  assert.equal(reportJson(out).gates.rules[0].noise.verdict, 'beyond');
});

test('--history N reads N commits of the local branch; --history 0 with a history rule is an error naming the rule', async () => {
  pr('short', 0.83);
  const out = tempDir('mlreport-out-');
  cleanup.push(out);
  const few = await runCli(['report', '--base', 'main', '--metrics', 'metrics.json', '--out', out, '--history', '2', '--threshold', NOISE_RULE], repo.dir);
  assert.equal(few.code, 1, 'a gate whose only rule was skipped checked nothing');
  assert.match(few.stdout, /Skipped: not enough history \(n=2\); the rule uses <code>history\.mean<\/code>, which needs at least 3 values\./);
  assert.equal(reportJson(out).history.metrics[0].points.length, 2);

  const off = await runCli(
    ['report', '--base', 'main', '--metrics', 'metrics.json', '--out', out, '--history', '0', '--threshold', 'accuracy >= 0.8', '--threshold', NOISE_RULE],
    repo.dir,
  );
  assert.equal(off.code, 2, off.stderr);
  assert.match(off.stderr, /--threshold #2 line 1: `accuracy >= history\.mean - 3 \* history\.std` uses `history\.mean`\nbut history is off \(--history 0\)\./);

  const plain = await runCli(
    ['report', '--base', 'main', '--metrics', 'metrics.json', '--out', out, '--history', '0', '--threshold', 'accuracy >= 0.8'],
    repo.dir,
  );
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(reportJson(out).history, null);

  const bad = await runCli(['report', '--history', 'lots'], repo.dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--history must be a whole number of commits from 0 \(off\) to 1000, not 'lots'\./);
});

test('the action on a pull request in a one-commit-deep clone fetches the base branch history and gates on its noise', async () => {
  pr('feature', 0.83);
  const headSha = repo.git('rev-parse', 'HEAD');
  const baseSha = repo.git('rev-parse', 'main');
  const bare = tempDir('mlreport-origin-');
  const clone = join(tempDir('mlreport-clone-'), 'work');
  cleanup.push(bare, join(clone, '..'));
  execFileSync('git', ['clone', '-q', '--bare', repo.dir, bare]);
  execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${bare}`, clone]);
  const fake: FakeGitHub = await startFakeGitHub();
  try {
    const result = await runAction({
      workspace: clone,
      eventName: 'pull_request',
      event: { pull_request: { number: 7, base: { sha: baseSha, ref: 'main' }, head: { sha: headSha, ref: 'feature' } } },
      sha: headSha,
      repository: 'octo/ml',
      apiUrl: fake.url,
      inputs: { metrics: 'metrics.json', thresholds: NOISE_RULE, history: '8', comment: 'off' },
    });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Fetching 8 commits of main's history \(this clone holds 1\)\./);
    const json = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8'));
    assert.deepEqual(
      json.history.metrics.find((m: { key: string }) => m.key === 'accuracy').points.map((p: { value: number }) => p.value),
      NOISY.slice(2),
    );
    assert.deepEqual(json.history.notes, []);
    assert.equal(execFileSync('git', ['rev-list', '--count', baseSha], { cwd: clone, encoding: 'utf8' }).trim(), '8', 'no more history than asked for');
    assert.equal(checkRuns(fake)[0]!.conclusion, 'success');
    assert.match(result.summary, /noise band .*: within noise/);
  } finally {
    await fake.stop();
  }
});

test("the action in a clone whose fetch of the base branch's history fails: the history rule is an error and the gate fails, never a skip that passes", async () => {
  pr('offline', 0.7);
  const headSha = repo.git('rev-parse', 'HEAD');
  const baseSha = repo.git('rev-parse', 'main');
  const bare = tempDir('mlreport-origin-');
  const clone = join(tempDir('mlreport-clone-'), 'work');
  cleanup.push(bare, join(clone, '..'));
  execFileSync('git', ['clone', '-q', '--bare', repo.dir, bare]);
  // The base commit is here (the head's parent); the rest of main's history is not, and origin is out of reach.
  execFileSync('git', ['clone', '-q', '--depth', '2', '--branch', 'offline', `file://${bare}`, clone]);
  execFileSync('git', ['remote', 'set-url', 'origin', `file://${bare}-gone`], { cwd: clone });
  const fake: FakeGitHub = await startFakeGitHub();
  try {
    const result = await runAction({
      workspace: clone,
      eventName: 'pull_request',
      event: { pull_request: { number: 7, base: { sha: baseSha, ref: 'main' }, head: { sha: headSha, ref: 'offline' } } },
      sha: headSha,
      repository: 'octo/ml',
      apiUrl: fake.url,
      inputs: { metrics: 'metrics.json', thresholds: `${NOISE_RULE}\nloss <= 1`, comment: 'off' },
    });
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.equal(result.outputs.passed, 'false');
    const json = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8'));
    assert.match(json.history.notKnown, /^Only 1 of the 20 commits asked for: fetching main's history from origin failed/);
    const rule = json.gates.rules[0];
    assert.equal(rule.status, 'error');
    assert.match(
      rule.detail,
      /has 1 known value of history where it needs 3: Only 1 of the 20 .*\. To check it: check out enough history for the base \(actions\/checkout with `fetch-depth: 0`\) from an `origin` the job can reach\.$/,
    );
    assert.equal(json.gates.rules[1].status, 'passed');
    assert.equal(checkRuns(fake)[0]!.conclusion, 'failure');
  } finally {
    await fake.stop();
  }
});

test('a shallow clone with no remote to fetch the rest from: the history is not known, so a history rule is an error, not a skip; the notes say why', async () => {
  pr('cut', 0.83);
  const clone = join(tempDir('mlreport-clone-'), 'work');
  cleanup.push(join(clone, '..'));
  execFileSync('git', ['clone', '-q', '--depth', '3', '--branch', 'cut', `file://${repo.dir}`, clone]);
  execFileSync('git', ['remote', 'remove', 'origin'], { cwd: clone });
  const out = join(clone, '..', 'out');
  const result = await runCli(
    ['report', '--base', 'HEAD~1', '--metrics', 'metrics.json', '--out', out, '--threshold', NOISE_RULE, '--threshold', 'loss <= 1'],
    clone,
  );
  assert.equal(result.code, 1, 'main has 10 commits, 2 of them here: too few values for want of the others is no short history');
  assert.doesNotMatch(result.stdout, /Skipped: not enough history/);
  assert.match(
    result.stderr,
    /\[error\] accuracy >= history\.mean - 3 \* history\.std: Not checked: the rule uses `history\.mean`, and `metrics\.json:accuracy` has 2 known values of history where it needs 3: Only 2 of the 20 commits asked for: .*no remote 'origin'.*\. Values there that could not be read are not known, which is no short history\. To check it: fetch the base first/,
  );
  const json = reportJson(out);
  assert.equal(json.gates.passed, false);
  assert.match(json.history.notKnown, /^Only 2 of the 20 commits asked for/);
  assert.match(
    result.stdout,
    /### Notes\n\n- History of HEAD\\~1: Only 2 of the 20 commits asked for: this clone's history of HEAD\\~1 ends there \(a shallow clone\?\) and there is no remote 'origin' to fetch the rest from\./,
  );
});

test('a metric that did not move over 20 runs has its own value as history.mean and 0 as history.std: a PR that changes nothing holds `<= history.mean`', async () => {
  // Summed as floats, 20 × 0.3934 / 20 is 0.3933999999999999, and `0.3934 <= 0.3933999999999999` broke the gate.
  // Each commit is another run (its file differs: the run's id), whose acc and loss came out the same.
  const still = new TempRepo();
  cleanup.push(still.dir);
  for (let i = 0; i < 21; i++) still.commit(`run ${i}`, { 'metrics.json': JSON.stringify({ acc: 0.8033, loss: 0.3934, run: i }) });
  still.git('checkout', '-q', '-b', 'same');
  still.commit('docs', { 'README.md': 'one more edit\n' });
  const out = tempDir('mlreport-out-');
  cleanup.push(out);
  const args = ['report', '--base', 'main', '--metrics', 'metrics.json', '--out', out];
  const result = await runCli([...args, '--threshold', 'loss <= history.mean', '--threshold', 'acc >= history.mean'], still.dir);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /### Gates: ✅ all 2 rules passed/);
  assert.match(result.stdout, /\| metrics\.json \| loss \| 0\.3934 \(`[0-9a-f]{7}`\) \| 0\.3934 ± 0 \(20\) \|/);
  const json = reportJson(out);
  assert.deepEqual(
    json.history.metrics.filter((m: { key: string }) => m.key !== 'run').map((m: { key: string; stats: object }) => [m.key, m.stats]),
    [
      ['acc', { n: 20, mean: 0.8033, std: 0, min: 0.8033, max: 0.8033 }],
      ['loss', { n: 20, mean: 0.3934, std: 0, min: 0.3934, max: 0.3934 }],
    ],
  );
  assert.deepEqual(
    json.gates.rules.map((r: { threshold: number; noise: { text: string } }) => [r.threshold, r.noise.text]),
    [
      [0.3934, '0.3934 ± 3×0 = [0.3934, 0.3934]: within noise; not the rule’s band: its threshold 0.3934 is inside it'],
      [0.8033, '0.8033 ± 3×0 = [0.8033, 0.8033]: within noise; not the rule’s band: its threshold 0.8033 is inside it'],
    ],
  );
});

test('a rule on the mean alone that breaks inside the noise band: neither the gate note nor the Trends row calls the band the rule’s or the value a green within noise', async () => {
  pr('under-mean', 0.84); // mean 0.843, ±3·std [0.8285, 0.8575]
  const out = tempDir('mlreport-out-');
  cleanup.push(out);
  const result = await runCli(['report', '--base', 'main', '--metrics', 'metrics.json', '--out', out, '--threshold', 'accuracy >= history.mean'], repo.dir);
  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.match(
    result.stdout,
    /\| ❌ \| accuracy &gt;= history\.mean \| 0\.847 \| 0\.84 \| 0\.843 \| 0\.84 is not &gt;= 0\.843 \(history n=10\)\. · noise band 0\.843 ± 3×0\.00483 = \\\[0\.8285, 0\.8575\\\]: within noise; not the rule’s band: its threshold 0\.843 is inside it \|/,
  );
  assert.match(result.stdout, /\| 0\.8285 to 0\.8575 \(±3·std\) \| 0\.84 \| within noise, but the rule <code>accuracy &gt;= history\.mean<\/code> broke \|/);
  assert.doesNotMatch(result.stdout, /✅ within noise|the rule’s\)/);
  const json = reportJson(out);
  assert.deepEqual([json.trends[0].rule, json.trends[0].thresholdEdge], ['accuracy >= history.mean', false]);
});

test('a CML-style project whose metrics.json is committed stale: the history gates on what the push runs recorded, and the report says where', async () => {
  // CI's `run:` trains at each push and records what it made; the metrics.json in git is one laptop run, never updated.
  const cml = new TempRepo();
  cleanup.push(cml.dir);
  const made = [0.842, 0.848, 0.836, 0.845, 0.839];
  const commits = made.map((_, i) => cml.commit(`train.py change ${i}`, { 'train.py': `# ${i}\n`, 'metrics.json': JSON.stringify({ accuracy: 0.7 }) }));
  localStoreBranch(
    cml.dir,
    commits.map((commit, i) => ({ commit, metrics: [{ file: 'metrics.json', key: 'accuracy', value: made[i]! }] })),
  );
  cml.git('checkout', '-q', '-b', 'pr');
  cml.commit('PR', { 'metrics.json': JSON.stringify({ accuracy: 0.835 }) });
  const out = tempDir('mlreport-out-');
  cleanup.push(out);
  const args = ['report', '--base', 'main', '--metrics', 'metrics.json', '--out', out, '--threshold', NOISE_RULE];

  const stored = await runCli([...args, '--history-store', 'mlreport-history'], cml.dir);
  assert.equal(stored.code, 0, stored.stderr);
  const json = reportJson(out);
  const accuracy = json.history.metrics.find((m: { key: string }) => m.key === 'accuracy');
  assert.deepEqual(
    accuracy.points.map((p: { value: number }) => p.value),
    made,
  );
  assert.match(
    stored.stdout,
    /- History of main: <code>metrics\.json<\/code> is taken from the history store at 5 commits of the 5 read \([0-9a-f]{7}, [0-9a-f]{7}, [0-9a-f]{7}, and 2 more\), where the push run's record of the commit differs from the file committed there and no dvc\.lock or <code>\.dvc<\/code> file records its hash there/,
  );

  // Without the store the stale file is the one run there is: too few values, and the rule is skipped.
  const gitOnly = await runCli(args, cml.dir);
  assert.equal(gitOnly.code, 1, gitOnly.stdout);
  assert.match(gitOnly.stdout, /Skipped: not enough history \(n=1\)/);
});
