import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github';
import { bindRepository, GitBackedStore } from '../fakes/github/routes/git-backed';
import { TempRepo, tempDir } from '../helpers/repo';
import { GitRepo } from '../../src/git/repo';
import { createGitHubClient } from '../../src/publish/github/client';
import { HistoryStore, storeReader } from '../../src/history/store';
import { writeRecord } from '../../src/history/store-write';
import { fillBase, withStoreBase } from '../../src/history/store-base';
import { MemoryLogger } from '../helpers/memory-logger';
import { addSecret } from '../../src/util/redact';
import type { FileDiff } from '../../src/values/types';

const BRANCH = 'mlreport-history';
const REF = `refs/heads/${BRANCH}`;
const fast = { deadlineMs: 10_000, firstDelayMs: 5, maxDelayMs: 50 };
const sha = (n: number): string => n.toString(16).padStart(40, 'a');
const record = (n: number, value = n / 10) => ({ commit: sha(n), date: null, metrics: [{ file: 'metrics.json', key: 'acc', value }] });
const git = (dir: string, ...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

let fake: FakeGitHub;
let origin: string;
let bare: GitBackedStore;
const clones: { repo: TempRepo; git: GitRepo }[] = [];

/** A checkout whose `origin` is the bare repository the fake's Git Data API writes into, as a runner's would be. */
async function checkout(): Promise<GitRepo> {
  const repo = new TempRepo();
  repo.commit('first', { 'a.txt': 'a\n' });
  repo.git('remote', 'add', 'origin', origin);
  const opened = await GitRepo.open(repo.dir);
  clones.push({ repo, git: opened });
  return opened;
}

/** Commits `files` on the store branch as someone else would (a hand edit, a rewrite): straight into the bare repository. */
function storeCommit(files: Record<string, string>, options: { orphan?: boolean } = {}): string {
  const parent = options.orphan ? null : bare.ref(REF);
  const base = parent ? git(origin, 'rev-parse', `${parent}^{tree}`) : undefined;
  const tree = bare.createTree(
    Object.entries(files).map(([path, content]) => ({ path, mode: '100644', type: 'blob', content })),
    base,
  ) as string;
  const commit = bare.createCommit('by hand', tree, parent ? [parent] : []) as string;
  if (bare.ref(REF)) bare.updateRef(REF, commit, true);
  else bare.createRef(REF, commit);
  return commit;
}

const writes = (): string[] => fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.route} ${r.status}`);
const client = () => createGitHubClient('test-token', fake.url, { waitScale: 0.001 });
const marker = '{"format":"mlreport-history","version":1}\n';

beforeEach(async () => {
  fake = await startFakeGitHub();
  origin = tempDir('mlreport-origin-');
  git(origin, 'init', '-q', '--bare', '-b', 'main');
  bindRepository(fake, 'octo/iris', origin);
  bare = new GitBackedStore(origin);
});
afterEach(async () => {
  await fake.stop();
  for (const { repo, git: opened } of clones.splice(0)) {
    await opened.close();
    repo.remove();
  }
  rmSync(origin, { recursive: true, force: true });
});

describe('writing the history store', () => {
  test('a writer that lost the race fetches the new tip and writes again on top of it: both records are kept', async () => {
    const a = new HistoryStore(await checkout(), BRANCH);
    const b = new HistoryStore(await checkout(), BRANCH);
    await writeRecord(await client(), { owner: 'octo', repo: 'iris' }, a, record(1), fast);
    // Both read the same tip; b commits first, so a's ref update is not a fast-forward.
    await a.tip(true);
    await b.tip(true);
    await writeRecord(await client(), { owner: 'octo', repo: 'iris' }, b, record(2), fast);
    fake.requests.length = 0;
    await writeRecord(await client(), { owner: 'octo', repo: 'iris' }, a, record(3), fast);
    assert.deepEqual(writes(), [
      'POST /repos/{owner}/{repo}/git/trees 201',
      'POST /repos/{owner}/{repo}/git/commits 201',
      'PATCH /repos/{owner}/{repo}/git/refs/{ref} 422',
      'POST /repos/{owner}/{repo}/git/trees 201',
      'POST /repos/{owner}/{repo}/git/commits 201',
      'PATCH /repos/{owner}/{repo}/git/refs/{ref} 200',
    ]);
    const { records, notes } = await storeReader(new HistoryStore(await checkout(), BRANCH))([sha(1), sha(2), sha(3)]);
    assert.deepEqual([...records.keys()], [sha(1), sha(2), sha(3)]);
    assert.deepEqual(notes, []);
  });

  test('four writers at once, the branch not yet created: every record lands', async () => {
    const stores = await Promise.all([1, 2, 3, 4].map(async () => new HistoryStore(await checkout(), BRANCH)));
    // Each lost race costs a fetch and three requests again: a minute, as a run has, on a machine shared with others.
    const patient = { ...fast, deadlineMs: 60_000 };
    const results = await Promise.allSettled(
      stores.map(async (s, i) => writeRecord(await client(), { owner: 'octo', repo: 'iris' }, s, record(i + 1), patient)),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      stores.map(() => 'fulfilled'),
      results.map((r) => (r.status === 'rejected' ? String(r.reason) : '')).join('\n'),
    );
    const { records } = await new HistoryStore(await checkout(), BRANCH).records([1, 2, 3, 4].map(sha));
    assert.equal(records.size, 4);
    assert.equal(records.get(sha(4))?.metrics[0]?.value, 0.4);
    assert.equal(git(origin, 'rev-list', '--count', BRANCH), '4');
  });

  test('a branch of that name that is not a store (no marker) is neither read nor written', async () => {
    storeCommit({ 'README.md': 'somebody else’s branch\n' }, { orphan: true });
    const tip = bare.ref(REF);
    const store = new HistoryStore(await checkout(), BRANCH);
    const read = await store.records([sha(1)]);
    assert.equal(read.records.size, 0);
    assert.match(
      read.notes[0]!,
      /^History store: the branch 'mlreport-history' is not an mlreport history store \(no mlreport-history\.json of format 1 at its tip [0-9a-f]{7}\); not read\.$/,
    );
    await assert.rejects(
      writeRecord(await client(), { owner: 'octo', repo: 'iris' }, store, record(1), fast),
      /is not an mlreport history store .*; not written/,
    );
    assert.deepEqual(writes(), [], 'no request was made');
    assert.equal(bare.ref(REF), tip);
  });
});

describe('reading the history store', () => {
  test('records that do not parse, have the wrong shape or name another commit are skipped, each with a note', async () => {
    storeCommit(
      {
        'mlreport-history.json': marker,
        [`records/${sha(1)}.json`]: '{"format": "mlreport-history", "version": 1, "commit": ',
        [`records/${sha(2)}.json`]: JSON.stringify({ format: 'mlreport-history', version: 1, commit: sha(9), date: null, metrics: [] }),
        [`records/${sha(3)}.json`]: JSON.stringify({
          format: 'mlreport-history',
          version: 1,
          commit: sha(3),
          date: null,
          metrics: [{ file: 'm.json', key: 'acc', value: 'high' }],
        }),
        [`records/${sha(4)}.json`]: JSON.stringify({
          format: 'mlreport-history',
          version: 1,
          commit: sha(4),
          date: '2026-01-02T03:04:05.000Z',
          metrics: [{ file: 'm.json', key: 'acc', value: 0.5 }],
        }),
        [`records/${sha(5)}.json`]: '[1, 2]',
      },
      { orphan: true },
    );
    const { records, notes } = await storeReader(new HistoryStore(await checkout(), BRANCH))([1, 2, 3, 4, 5, 6].map(sha));
    assert.deepEqual(
      [...records.values()],
      [{ commit: sha(4), date: '2026-01-02T03:04:05.000Z', source: 'store', metrics: [{ file: 'm.json', key: 'acc', value: 0.5 }] }],
    );
    assert.equal(notes.length, 4, notes.join('\n'));
    assert.match(notes[0]!, new RegExp(`^History store: records/${sha(1)}\\.json on 'mlreport-history' is not JSON \\(.+\\); skipped\\.$`));
    assert.match(notes[1]!, new RegExp(`records/${sha(2)}\\.json on 'mlreport-history' names the commit "${sha(9)}", not ${sha(2)}; skipped`));
    assert.match(notes[2]!, /has metrics\[0\] that is not \{file, key, value\} with a finite number; skipped/);
    assert.match(notes[3]!, /is not an mlreport history record of format 1; skipped/);
  });

  test('a store branch rewritten into an unrelated history: read as it now is, and the next write goes on top of it', async () => {
    const reader = await checkout();
    await writeRecord(await client(), { owner: 'octo', repo: 'iris' }, new HistoryStore(reader, BRANCH), record(1), fast);
    storeCommit(
      { 'mlreport-history.json': marker, [`records/${sha(2)}.json`]: JSON.stringify({ format: 'mlreport-history', version: 1, ...record(2) }) },
      { orphan: true },
    );
    const store = new HistoryStore(reader, BRANCH);
    const before = await store.records([sha(1), sha(2)]);
    assert.deepEqual([...before.records.keys()], [sha(2)]);
    await writeRecord(await client(), { owner: 'octo', repo: 'iris' }, store, record(3), fast);
    const after = await new HistoryStore(reader, BRANCH).records([sha(1), sha(2), sha(3)]);
    assert.deepEqual([...after.records.keys()], [sha(2), sha(3)]);
  });

  test('a store that cannot be fetched is a note without the credentials in the remote’s URL; no remote at all is a store not read, and nothing is written', async () => {
    const secret = 'ghs_abcdefghij0123456789';
    addSecret(secret);
    const opened = await checkout();
    const { repo } = clones.at(-1)!;
    repo.git('remote', 'set-url', 'origin', `http://x-access-token:${secret}@127.0.0.1:9/octo/iris.git`);
    const { notes } = await new HistoryStore(opened, BRANCH).records([sha(1)]);
    assert.match(notes[0]!, /^History store: the branch 'mlreport-history' could not be fetched \(.+\); not read\.$/);
    assert.doesNotMatch(notes[0]!, new RegExp(secret));
    repo.git('remote', 'remove', 'origin');
    // No remote to fetch it from is a store not read, whose records are not known: not an empty store.
    const none = await new HistoryStore(opened, BRANCH).records([sha(1)]);
    assert.deepEqual(none.notes, ["History store: no remote 'origin' to fetch the branch 'mlreport-history' from; not read."]);
    assert.equal(
      none.unread,
      "the history store's branch 'mlreport-history' could not be fetched (no remote 'origin' to fetch the branch 'mlreport-history' from)",
    );
    // Nor is it written blind: without its tip, an existing branch would look like a new one.
    await assert.rejects(
      writeRecord(await client(), { owner: 'octo', repo: 'iris' }, new HistoryStore(opened, BRANCH), record(1), fast),
      /no remote 'origin'.*; not written/,
    );
    assert.deepEqual(writes(), []);
  });
});

describe("the base's own values from a record", () => {
  const diff = (path: string, rows: FileDiff['rows']): FileDiff => ({ path, rows, notes: ['not present at main'] });
  const rec = {
    commit: sha(7),
    date: null,
    source: 'store' as const,
    metrics: [
      { file: 'ci.json', key: 'acc', value: 1 },
      { file: 'ci.json', key: 'gone', value: 3 },
      { file: 'git.json', key: 'acc', value: 0.1 },
    ],
  };

  test('fill only files without any base value; a float at the head stays a float at the base; keys only in the record are rows too', () => {
    const inGit = { path: 'git.json', rows: [{ key: 'acc', old: 0.5, new: 0.6, diff: 0.1, changed: true }], notes: [] };
    const [ci, git] = fillBase([diff('ci.json', [{ key: 'acc', old: undefined, new: { float: 1 }, changed: true }]), inGit], rec, BRANCH);
    assert.equal(git, inGit, 'a file the base has in git keeps its values');
    assert.deepEqual(ci!.rows, [
      { key: 'acc', old: { float: 1 }, new: { float: 1 }, changed: false, diff: 0, relative: 0 },
      { key: 'gone', old: 3, new: undefined, changed: true },
    ]);
    // Only what is true: the base's values are the record's, so not "not present at main" above them.
    assert.deepEqual(ci!.notes, [`base values from the history store: the record of ${sha(7).slice(0, 7)} on the branch 'mlreport-history'`]);
  });
});

describe('a base the store has no record of', () => {
  const json = (r: ReturnType<typeof record>) => JSON.stringify({ format: 'mlreport-history', version: 1, ...r });
  const lacking = (path: string): FileDiff => ({ path, rows: [{ key: 'acc', old: undefined, new: 0.8, changed: true }], notes: ['not present at main'] });
  const main = { sha: sha(9), label: 'main' };

  test('its value of a file the store holds at other commits is not known (its push run has not recorded it); a file no record holds is new', async () => {
    storeCommit(
      { 'mlreport-history.json': marker, [`records/${sha(1)}.json`]: json(record(1)), [`records/${sha(2)}.json`]: json(record(2)) },
      { orphan: true },
    );
    const store = new HistoryStore(await checkout(), BRANCH);
    const { metrics, unrecorded, storeUnread } = await withStoreBase([lacking('metrics.json'), lacking('new.json')], main, store, new MemoryLogger());
    assert.deepEqual(storeUnread, new Map());
    assert.deepEqual(
      unrecorded,
      new Map([
        [
          'metrics.json',
          `metrics.json is not in git at main, and the history store 'mlreport-history' has no record of ${sha(9).slice(0, 7)} (the run on the push of ${sha(9).slice(0, 7)} failed, was cancelled or has not finished), though it holds metrics.json for 2 other commits`,
        ],
      ]),
    );
    // Beside the file, what is true: its values there are not known, not that it is not there.
    assert.deepEqual(metrics[0]!.notes, [`not known at main: not in git there, and the history store has no record of ${sha(9).slice(0, 7)}`]);
    assert.deepEqual(metrics[1]!.notes, ['not present at main']);
  });

  test('a record of the base that does not parse leaves its values not known too, and says why', async () => {
    storeCommit(
      { 'mlreport-history.json': marker, [`records/${sha(1)}.json`]: json(record(1)), [`records/${sha(9)}.json`]: '{"format": "mlreport-history", "vers' },
      { orphan: true },
    );
    const store = new HistoryStore(await checkout(), BRANCH);
    const { metrics, unrecorded } = await withStoreBase([lacking('metrics.json')], main, store, new MemoryLogger());
    assert.match(
      unrecorded.get('metrics.json')!,
      new RegExp(
        `^metrics\\.json is not in git at main, and the history store's record of ${sha(9).slice(0, 7)} on 'mlreport-history' is not JSON \\(.+\\), though it holds metrics\\.json for 1 other commit$`,
      ),
    );
    assert.equal(metrics[0]!.notes[0], `not known at main: not in git there, and its record of ${sha(9).slice(0, 7)} in the history store was skipped`);
    assert.match(metrics[0]!.notes[1]!, /^History store: records\/a+9\.json on 'mlreport-history' is not JSON/);
  });
});
