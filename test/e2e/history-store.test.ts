import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github';
import { bindRepository, GitBackedStore } from '../fakes/github/routes/git-backed';
import { runAction, type ActionRun } from '../helpers/action';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * A `run:` project: `node train.js` writes metrics.json (git ignores it) from the committed params. Its base values
 * are nowhere in git; pushes to main record them in the history store, and pull requests read them from there.
 * The fake's Git Data API writes into a real bare repository, the checkout's `origin`, so what the action writes
 * through the API is what its `git fetch` reads back.
 */
const TRAIN = `const fs = require('fs');
const acc = Number(/acc: (\\S+)/.exec(fs.readFileSync('params.yaml', 'utf8'))[1]);
fs.writeFileSync('metrics.json', JSON.stringify({ acc, loss: 1 - acc, flag: true }));
`;
const WRITES = /^(POST|PATCH|PUT|DELETE) \/repos\/[^/]+\/[^/]+\/git\//;
const GIT_DATA = /^[A-Z]+ \/repos\/[^/]+\/[^/]+\/git\//;
const STORE = 'mlreport-history';

let fake: FakeGitHub;
let origin: string;
let repo: TempRepo;
let first: string;
let second: string;

const git = (dir: string, ...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const storeFile = (path: string): string | null => {
  try {
    return git(origin, 'show', `refs/heads/${STORE}:${path}`);
  } catch {
    return null;
  }
};

/** The requests a run made to the Git Data API: those since `from`. */
const gitData = (from: number, pattern = GIT_DATA): string[] =>
  fake.requests
    .slice(from)
    .map((r) => r.route ?? `${r.method} ${r.path}`)
    .filter((r) => pattern.test(r));

async function push(sha: string, before: string, inputs: Record<string, string> = {}, ref = 'refs/heads/main'): Promise<ActionRun> {
  git(repo.dir, 'checkout', '-q', sha);
  return runAction({
    workspace: repo.dir,
    eventName: 'push',
    event: { ref, before, after: sha, repository: { default_branch: 'main', full_name: 'octo/iris' } },
    sha,
    apiUrl: fake.url,
    inputs: { run: 'node train.js', metrics: 'metrics.json', comment: 'off', ...inputs },
  });
}

async function pullRequest(
  acc: string,
  inputs: Record<string, string>,
  options: { fork?: boolean; token?: string; base?: string; files?: Record<string, string> } = {},
): Promise<ActionRun & { report: any }> {
  const base = options.base ?? second;
  git(repo.dir, 'checkout', '-q', '-B', `feature-${acc}`, base);
  const head = repo.commit(`acc ${acc}`, { 'params.yaml': `acc: ${acc}\n`, ...options.files });
  const result = await runAction({
    workspace: repo.dir,
    eventName: 'pull_request',
    event: {
      pull_request: {
        number: 7,
        base: { sha: base, ref: 'main' },
        head: { sha: head, ref: `feature-${acc}`, repo: { full_name: options.fork ? 'someone/iris' : 'octo/iris' } },
      },
      repository: { default_branch: 'main', full_name: 'octo/iris' },
    },
    sha: head,
    apiUrl: fake.url,
    inputs: { run: 'node train.js', metrics: 'metrics.json', comment: 'off', ...(options.token ? { 'github-token': options.token } : {}), ...inputs },
  });
  return { ...result, report: JSON.parse(readFileSync(join(result.runnerTemp, 'mlreport', 'report.json'), 'utf8')) };
}

before(async () => {
  fake = await startFakeGitHub();
  origin = tempDir('mlreport-origin-');
  git(origin, 'init', '-q', '--bare', '-b', 'main');
  bindRepository(fake, 'octo/iris', origin);
  repo = new TempRepo();
  first = repo.commit('first', { 'train.js': TRAIN, '.gitignore': 'metrics.json\n', 'params.yaml': 'acc: 0.9\n' });
  second = repo.commit('second', { 'params.yaml': 'acc: 0.91\n' });
  repo.git('remote', 'add', 'origin', origin);
  repo.git('push', '-q', 'origin', 'main');
});
after(async () => {
  await fake.stop();
  repo.remove();
  rmSync(origin, { recursive: true, force: true });
});

describe('the history store', () => {
  test('a push to the default branch records its metrics in three requests, creating the branch; the next push adds its record in three more', async () => {
    let from = fake.requests.length;
    const one = await push(first, '0'.repeat(40));
    assert.equal(one.code, 0, one.stdout + one.stderr);
    assert.deepEqual(gitData(from), ['POST /repos/{owner}/{repo}/git/trees', 'POST /repos/{owner}/{repo}/git/commits', 'POST /repos/{owner}/{repo}/git/refs']);
    const record = JSON.parse(storeFile(`records/${first}.json`)!);
    assert.equal(record.commit, first);
    assert.equal(record.date, new Date(Number(git(repo.dir, 'log', '-1', '--format=%ct', first)) * 1000).toISOString());
    // Numbers only: the boolean flag is not a value history can use.
    assert.deepEqual(record.metrics, [
      { file: 'metrics.json', key: 'acc', value: 0.9 },
      { file: 'metrics.json', key: 'loss', value: 1 - 0.9 },
    ]);
    assert.deepEqual(JSON.parse(storeFile('mlreport-history.json')!), { format: 'mlreport-history', version: 1 });
    assert.match(one.stdout, /History store: recorded 2 metric values of [0-9a-f]{7} on 'mlreport-history'/);

    from = fake.requests.length;
    const two = await push(second, first);
    assert.equal(two.code, 0, two.stdout + two.stderr);
    assert.deepEqual(gitData(from), [
      'POST /repos/{owner}/{repo}/git/trees',
      'POST /repos/{owner}/{repo}/git/commits',
      'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
    ]);
    assert.ok(storeFile(`records/${first}.json`), 'the first record is still on the branch');
    assert.equal(JSON.parse(storeFile(`records/${second}.json`)!).metrics[0].value, 0.91);
    // The store is an orphan line of its own: its first commit has no parent, none of main's commits is in it.
    assert.equal(git(origin, 'rev-list', '--count', STORE), '2');
    assert.equal(git(origin, 'rev-list', '--max-parents=0', STORE).split('\n').length, 1);
  });

  test('a pull request of a `run:` project gets the base values from the store, and a `base` rule checks against them', async () => {
    const from = fake.requests.length;
    const broke = await pullRequest('0.85', { thresholds: 'acc >= base - 0.01' });
    assert.equal(broke.code, 1, broke.stdout);
    const file = broke.report.metrics.find((f: { path: string }) => f.path === 'metrics.json');
    const acc = file.rows.find((r: { key: string }) => r.key === 'acc');
    assert.equal(acc.old, 0.91);
    assert.equal(acc.new, 0.85);
    assert.ok(
      file.notes.some((n: string) => /base values from the history store: the record of [0-9a-f]{7} on the branch 'mlreport-history'/.test(n)),
      file.notes,
    );
    assert.equal(broke.report.gates.rules[0].status, 'failed');
    assert.equal(broke.report.gates.rules[0].base, 0.91);
    const md = readFileSync(join(broke.runnerTemp, 'mlreport', 'report.md'), 'utf8');
    assert.match(md, /base values from the history store/);
    // Not "not present at main" beside the main column's values.
    assert.doesNotMatch(md, /not present at main/);

    const held = await pullRequest('0.905', { thresholds: 'acc >= base - 0.01' });
    assert.equal(held.code, 0, held.stdout);
    assert.equal(held.report.gates.rules[0].status, 'passed');
    assert.deepEqual(gitData(from, WRITES), [], 'pull requests never write to the store');
  });

  test('without the store (`history-branch: off`) the same pull request has no base, and the `base` rule is skipped', async () => {
    const run = await pullRequest('0.85', { thresholds: 'acc >= base - 0.01', 'history-branch': 'off' });
    assert.equal(run.report.metrics[0].rows.find((r: { key: string }) => r.key === 'acc').old, undefined);
    assert.equal(run.report.gates.rules[0].status, 'skipped');
  });

  test('a store that cannot be fetched is not known, not empty: the `base` rule on a metric made in CI is an error and the gate fails', async () => {
    repo.git('remote', 'set-url', 'origin', `${origin}-gone`);
    try {
      const run = await pullRequest('0.6', { thresholds: 'acc >= base - 0.01\nacc >= 0.5' });
      assert.equal(run.code, 1, run.stdout);
      const [onBase, fixed] = run.report.gates.rules;
      assert.equal(onBase.status, 'error');
      assert.match(
        onBase.detail,
        /^Not checked: `metrics\.json:acc` is not known at the base: metrics\.json is not in git at main, and the history store's branch 'mlreport-history' could not be fetched \(.+\), so the rule has no `base` value to compare with\. To check it: let the job fetch the branch 'mlreport-history' from `origin`/,
      );
      assert.equal(fixed.status, 'passed');
      assert.equal(run.report.gates.passed, false);
      // report.json says so, for the aggregate's gate and `mode: publish`'s re-check.
      assert.deepEqual(
        run.report.notKnownAtBase.map((n: { file: string }) => n.file),
        ['metrics.json'],
      );
    } finally {
      repo.git('remote', 'set-url', 'origin', origin);
    }
  });

  test('a clone with no `origin` remote cannot fetch the store either: the `base` and `history.*` rules are errors, unless the store branch is there locally', async () => {
    repo.git('remote', 'remove', 'origin');
    try {
      const run = await pullRequest('0.6', { thresholds: 'acc >= base - 0.01\nacc >= history.mean - 2 * history.std\nacc >= 0.5' });
      assert.equal(run.code, 1, run.stdout);
      const [onBase, onHistory, fixed] = run.report.gates.rules;
      assert.equal(onBase.status, 'error', onBase.detail);
      assert.match(
        onBase.detail,
        /^Not checked: `metrics\.json:acc` is not known at the base: metrics\.json is not in git at main, and the history store's branch 'mlreport-history' could not be fetched \(no remote 'origin' to fetch the branch 'mlreport-history' from\)/,
      );
      assert.equal(onHistory.status, 'error', onHistory.detail);
      assert.match(
        onHistory.detail,
        /^Not checked: the rule uses `history\.mean`.*Values there that could not be read are not known, which is no short history/,
      );
      assert.equal(fixed.status, 'passed');
      assert.equal(run.report.gates.passed, false);
      assert.deepEqual(
        run.report.notKnownAtBase.map((n: { file: string }) => n.file),
        ['metrics.json'],
      );
      // The store's own note is not prefixed twice.
      const md = readFileSync(join(run.runnerTemp, 'mlreport', 'report.md'), 'utf8');
      assert.match(md, /History store: no remote 'origin' to fetch the branch 'mlreport-history' from; not read\./);
      assert.doesNotMatch(md, /History of main: History store:/);
      // Its note on the file does not claim the store was read.
      assert.match(md, /metrics\.json<\/code> is not in git at any of the \d+ commits read, and the history store could not be read/);
      assert.doesNotMatch(md, /nor in the history store/);

      // The same clone with the store branch itself (fetched earlier): read from there, the rule is checked.
      repo.git('fetch', '-q', origin, `+refs/heads/${STORE}:refs/heads/${STORE}`);
      const local = await pullRequest('0.6', { thresholds: 'acc >= base - 0.01' });
      assert.equal(local.report.gates.rules[0].status, 'failed', local.report.gates.rules[0].detail);
      assert.equal(local.report.gates.rules[0].base, 0.91);
    } finally {
      repo.git('remote', 'add', 'origin', origin);
      repo.git('update-ref', '-d', `refs/heads/${STORE}`);
    }
  });

  test("a fork's pull request reads the store and never writes to it", async () => {
    const from = fake.requests.length;
    const run = await pullRequest('0.95', { thresholds: 'acc >= base - 0.01' }, { fork: true, token: 'read-only-token' });
    assert.equal(run.report.gates.rules[0].status, 'passed');
    assert.equal(run.report.gates.rules[0].base, 0.91);
    assert.deepEqual(gitData(from, WRITES), []);
  });

  test('a push to another branch, and a push with a read-only token, record nothing and do not fail', async () => {
    const tip = git(origin, 'rev-parse', STORE);
    git(repo.dir, 'checkout', '-q', '-B', 'other', second);
    const other = repo.commit('other', { 'params.yaml': 'acc: 0.5\n' });
    let from = fake.requests.length;
    const elsewhere = await push(other, second, {}, 'refs/heads/other');
    assert.equal(elsewhere.code, 0, elsewhere.stdout);
    assert.deepEqual(gitData(from, WRITES), []);

    from = fake.requests.length;
    const readOnly = await push(other, second, { 'github-token': 'read-only-token' });
    assert.equal(readOnly.code, 0, readOnly.stdout);
    assert.match(
      readOnly.stdout,
      /::warning::.*History store: the token cannot write the branch 'mlreport-history' \(the workflow needs `permissions: contents: write`\)/,
    );
    assert.equal(gitData(from, WRITES).length, 1, 'the first write was refused, nothing more tried');
    assert.equal(git(origin, 'rev-parse', STORE), tip);
    assert.equal(storeFile(`records/${other}.json`), null);
  });

  test('a base its push run has not recorded (still running, failed, cancelled) is not known, not new: a `base` rule on a file the store holds is an error; a file no record holds stays new', async () => {
    git(repo.dir, 'checkout', '-q', '-B', 'main', second);
    const third = repo.commit('third', { 'params.yaml': 'acc: 0.92\n' });
    const short = third.slice(0, 7);
    // The head also makes extra.json, which no run on main ever recorded: a metric new at the head.
    const extra = { 'extra.js': "require('fs').writeFileSync('extra.json', JSON.stringify({ x: 1 }));\n" };
    const inputs = { run: 'node train.js && node extra.js', metrics: 'metrics.json\nextra.json', thresholds: 'acc >= base - 0.01\nx >= base' };
    const run = await pullRequest('0.6', inputs, { base: third, files: extra });
    assert.equal(run.code, 1, run.stdout);
    const [onBase, onNew] = run.report.gates.rules;
    assert.equal(onBase.status, 'error', onBase.detail);
    assert.match(
      onBase.detail,
      new RegExp(
        `^Not checked: \`metrics\\.json:acc\` is not known at the base: metrics\\.json is not in git at main, and the history store 'mlreport-history' has no record of ${short} \\(the run on the push of ${short} failed, was cancelled or has not finished\\), though it holds metrics\\.json for \\d+ other commits, so the rule has no \`base\` value to compare with\\. To check it: wait for the run on the push of ${short} to finish, or re-run it if it failed or was cancelled`,
      ),
    );
    // Whatever missing-base says: the base's value is not known, not absent.
    assert.equal(onNew.status, 'skipped', onNew.detail);
    assert.equal(run.report.gates.passed, false);
    // report.json says so, for the aggregate's gate and `mode: publish`'s re-check.
    assert.deepEqual(
      run.report.notKnownAtBase.map((n: { file: string }) => n.file),
      ['metrics.json'],
    );
    const md = readFileSync(join(run.runnerTemp, 'mlreport', 'report.md'), 'utf8');
    assert.match(md, new RegExp(`not known at main: not in git there, and the history store has no record of ${short}`));
    assert.doesNotMatch(md, /`metrics\.json`: not present at main/);
    // "Why it changed" says the same: its base value is not known, not that the metric was added.
    assert.doesNotMatch(md, /`metrics\.json: acc` added/);
    assert.match(md, /`metrics\.json: acc` 0\.6 \(not known at the base\)/);

    // Once the run on the push of the base has recorded it, the same pull request is checked against it.
    const pushed = await push(third, second);
    assert.equal(pushed.code, 0, pushed.stdout + pushed.stderr);
    const after = await pullRequest('0.6', { ...inputs, thresholds: 'acc >= base - 0.01' }, { base: third, files: extra });
    assert.equal(after.report.gates.rules[0].status, 'failed', after.report.gates.rules[0].detail);
    assert.equal(after.report.gates.rules[0].base, 0.92);
    git(repo.dir, 'checkout', '-q', '-B', 'main', second);
  });

  test('a base record that does not parse is a note beside the file, and a `base` rule on a file the store holds at other commits is an error', async () => {
    const bare = new GitBackedStore(origin);
    const ref = `refs/heads/${STORE}`;
    const tip = bare.ref(ref)!;
    const tree = bare.createTree(
      [{ path: `records/${second}.json`, mode: '100644', type: 'blob', content: '{"format": "mlreport-history", "versi' }],
      git(origin, 'rev-parse', `${tip}^{tree}`),
    );
    bare.updateRef(ref, bare.createCommit('a hand edit', tree as string, [tip]) as string, false);
    const run = await pullRequest('0.85', { thresholds: 'acc >= base - 0.01' });
    // Its values there are not known, not absent. No crash, no stack trace.
    assert.equal(run.code, 1, run.stdout);
    assert.doesNotMatch(run.stdout + run.stderr, /\bat .*\.js:\d+|in src\//);
    const file = run.report.metrics.find((f: { path: string }) => f.path === 'metrics.json');
    assert.equal(file.rows.find((r: { key: string }) => r.key === 'acc').old, undefined);
    assert.ok(
      file.notes.some((n: string) =>
        new RegExp(`History store: records/${second}\\.json on 'mlreport-history' is not JSON \\((?:[^()]|\\([^()]*\\))*\\); skipped\\.`).test(n),
      ),
      file.notes,
    );
    assert.equal(run.report.gates.rules[0].status, 'error');
    assert.match(
      run.report.gates.rules[0].detail,
      new RegExp(
        `is not known at the base: metrics\\.json is not in git at main, and the history store's record of ${second.slice(0, 7)} on 'mlreport-history' is not JSON \\(`,
      ),
    );
  });
});
