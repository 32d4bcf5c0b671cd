import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

/** Ten training runs on main, then one whose metrics file was committed broken. */
const NOISY = [0.842, 0.848, 0.836, 0.845, 0.839, 0.851, 0.84, 0.844, 0.838, 0.847];

let repo: TempRepo;
let broken: string;
before(() => {
  repo = new TempRepo();
  for (const [i, v] of NOISY.entries()) repo.commit(`train run ${i}`, { 'metrics.json': JSON.stringify({ accuracy: v, model: 'cnn' }) });
  broken = repo.commit('a bad merge', { 'metrics.json': '{"accuracy": 0.85,' });
  repo.commit('train run 10', { 'metrics.json': JSON.stringify({ accuracy: 0.843, model: 'cnn' }) });
  // The change under way: the workspace's value, not committed.
  repo.write({ 'metrics.json': JSON.stringify({ accuracy: 0.83, model: 'cnn' }) });
});
after(() => repo.remove());

test('metrics history shows the n, mean, std, min and max a history.* rule gets, and where the workspace stands', async () => {
  const result = await runCli(['metrics', 'history', 'main', '--metrics', 'metrics.json'], repo.dir);
  assert.equal(result.code, 0, result.stderr);
  // Eleven good commits (the ten, and 0.843); the broken one is said on stderr, not counted. A string is not a metric.
  assert.equal(
    result.stdout,
    [
      'Path          Metric    n   mean   std       min    max    workspace  σ from mean',
      'metrics.json  accuracy  11  0.843  0.004583  0.836  0.851  0.83       −2.8',
      '',
    ].join('\n'),
  );
  assert.match(result.stderr, new RegExp(`note: \`metrics.json\` could not be read at 1 commit, skipped there \\(${broken.slice(0, 7)}: .*invalid JSON`));

  const json = await runCli(['metrics', 'history', 'main', '--metrics', 'metrics.json', '--depth', '4', '--json'], repo.dir);
  assert.equal(json.code, 0, json.stderr);
  const history = JSON.parse(json.stdout);
  assert.equal(history.branch, 'main');
  assert.equal(history.depth, 4);
  const [accuracy] = history.metrics;
  assert.deepEqual(
    accuracy.points.map((p: { value: number }) => p.value),
    [0.838, 0.847, 0.843],
  );
  assert.equal(accuracy.head, 0.83);
  assert.equal(accuracy.stats.n, 3);

  const md = await runCli(['metrics', 'history', 'main~1', '--metrics', 'metrics.json', '--depth', '2', '--md'], repo.dir);
  assert.equal(md.code, 0, md.stderr);
  // main~1 is the broken commit: one good value, too few for stats.
  assert.match(md.stdout, /^\| Path +\| Metric +\| n +\| mean +\|/);
  assert.match(md.stdout, /\| metrics\.json \| accuracy +\| 1 +\| - +\| - +\| - +\| - +\| 0\.83 +\| - +\|/);
});

test("a metrics file not in git at any commit read: the note names the CLI's --history-store, not the action's input", async () => {
  const ci = new TempRepo();
  try {
    ci.commit('one', { 'metrics.json': '{"accuracy": 0.8}', '.gitignore': '/extra.json\n' });
    ci.commit('two', { 'metrics.json': '{"accuracy": 0.81}' });
    ci.write({ 'extra.json': '{"f1": 0.7}' });
    const result = await runCli(['metrics', 'history', 'main', '--metrics', 'metrics.json', '--metrics', 'extra.json'], ci.dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stderr,
      /note: `extra\.json` is not in git at any of the 2 commits read .*: its metrics have no history; the history store \(`--history-store BRANCH`\) would keep them\./,
    );
    assert.doesNotMatch(result.stderr, /history-branch/);
  } finally {
    ci.remove();
  }
});

test('metrics history: bad input is a clear error, exit code 2', async () => {
  const cases: [string[], RegExp][] = [
    [['--depth', '0'], /--depth must be at least 1/],
    [['--depth', 'ten'], /--depth must be a whole number of commits from 0 \(off\) to 1000, not 'ten'/],
    [['no-such-branch'], /unknown revision 'no-such-branch'/],
    [['main', 'HEAD'], /expected at most one revision, got 2/],
    // No dvc.yaml and no --metrics: nothing to read, and the fix named.
    [[], /no metrics files at HEAD or in the workspace: name them in dvc\.yaml, or pass --metrics PATH/],
  ];
  for (const [args, message] of cases) {
    const result = await runCli(['metrics', 'history', ...args], repo.dir);
    assert.equal(result.code, 2, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
    assert.match(result.stderr, message);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('--history-store reads the store on origin for metrics that are not in git: the history, and the report’s base and rule', async () => {
  // Metrics made in CI are ignored by git; pushes to main recorded them on the store branch, which this clone fetches.
  const origin = tempDir('mlreport-origin-');
  const out = tempDir('mlreport-out-');
  const clone = new TempRepo();
  try {
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
    clone.git('remote', 'add', 'origin', origin);
    const values = [0.842, 0.848, 0.836, 0.845, 0.839];
    const shas = values.map((_, i) => clone.commit(`train run ${i}`, { '.gitignore': 'metrics.json\n', 'train.py': `# run ${i}\n` }));
    clone.git('checkout', '-q', '--orphan', 'store');
    clone.git('rm', '-q', '-rf', '--cached', '.');
    const record = (sha: string, value: number) => ({
      format: 'mlreport-history',
      version: 1,
      commit: sha,
      date: null,
      metrics: [{ file: 'metrics.json', key: 'accuracy', value }],
    });
    const files = Object.fromEntries(shas.map((sha, i) => [`records/${sha}.json`, JSON.stringify(record(sha, values[i]!))]));
    clone.write({ 'mlreport-history.json': JSON.stringify({ format: 'mlreport-history', version: 1 }), ...files });
    clone.git('add', 'mlreport-history.json', 'records');
    clone.git('commit', '-q', '-m', 'store');
    clone.git('push', '-q', 'origin', 'store:mlreport-history', 'main:main');
    clone.git('checkout', '-q', '-f', 'main');
    clone.git('branch', '-q', '-D', 'store');
    clone.write({ 'metrics.json': JSON.stringify({ accuracy: 0.83 }) });

    const shown = await runCli(['metrics', 'history', 'main', '--metrics', 'metrics.json', '--history-store', 'mlreport-history'], clone.dir);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /\nmetrics\.json {2}accuracy {2}5 {2}0\.842 {2}0\.004743 {2}0\.836 {2}0\.848 {2}0\.83 {7}−2\.5\n/);
    const without = await runCli(['metrics', 'history', 'main', '--metrics', 'metrics.json'], clone.dir);
    assert.match(without.stdout, /accuracy {2}0 {2}- /);
    assert.match(without.stderr, /`metrics\.json` is not in git at any of the 5 commits read \(a DVC-cached or CI-made file\?\)/);
    assert.match(without.stderr, /note: metrics that are not committed have history only in the history store: add --history-store mlreport-history\./);
    assert.doesNotMatch(shown.stderr, /add --history-store/);

    const args = ['report', '--base', 'main', '--metrics', 'metrics.json', '--out', out, '--threshold', 'accuracy >= history.mean - 3 * history.std'];
    const report = await runCli([...args, '--history-store', 'mlreport-history'], clone.dir);
    assert.equal(report.code, 0, report.stdout + report.stderr);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    assert.equal(json.metrics[0].rows[0].old, 0.839, 'the base’s value, from its record');
    assert.equal(json.gates.rules[0].noise.verdict, 'within');
    const noStore = await runCli(args, clone.dir);
    assert.equal(noStore.code, 1, 'without the store the rule has no history to check against');

    // A commit on main the store has no record of (its push run has not finished): its base value is not known, not absent.
    const unrecorded = clone.commit('train run 5', { 'train.py': '# run 5\n' }).slice(0, 7);
    const onBase = await runCli(
      ['report', '--base', 'main', '--metrics', 'metrics.json', '--out', out, '--threshold', 'accuracy >= base - 0.01', '--history-store', 'mlreport-history'],
      clone.dir,
    );
    assert.equal(onBase.code, 1, onBase.stdout + onBase.stderr);
    assert.match(
      onBase.stderr,
      new RegExp(
        `\\[error\\] accuracy >= base - 0\\.01: Not checked: \`metrics\\.json:accuracy\` is not known at the base: metrics\\.json is not in git at main, and the history store 'mlreport-history' has no record of ${unrecorded} .*, though it holds metrics\\.json for 5 other commits, so the rule has no \`base\` value to compare with\\. To check it: let the action's run on the push of ${unrecorded} record it in 'mlreport-history' .*; or compare with a base the store has a record of \\(--base\\)\\.`,
      ),
    );

    const bad = await runCli(['metrics', 'history', '--history-store', '../x'], clone.dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--history-store must be a branch name \(letters, digits, '\.', '_', '-', '\/'\), not '\.\.\/x'/);
  } finally {
    clone.remove();
    rmSync(origin, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
});
