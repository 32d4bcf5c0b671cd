import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { GitRepo } from '../../src/git/repo';
import { readHistory, readProjectHistory } from '../../src/history/read';
import { historyStats } from '../../src/history/stats';
import { HistoryStore, storeReader } from '../../src/history/store';
import type { HistoryRecord, StoreReader } from '../../src/history/types';
import { collectAndCompare } from '../../src/values/collect';
import type { FileDiff } from '../../src/values/types';
import { MAX_FILE_BYTES, ReadBudget } from '../../src/workspace/tree';
import { localStoreBranch } from '../helpers/history-store';
import { MemoryLogger } from '../helpers/memory-logger';
import { TempRepo, tempDir } from '../helpers/repo';

const cleanup: (() => void)[] = [];
after(() => cleanup.forEach((c) => c()));

function repo(): TempRepo {
  const r = new TempRepo();
  cleanup.push(() => r.remove());
  return r;
}

/** The metrics diff rows the report shows, as the history reader takes them (head values only matter here). */
function shown(file: string, head: Record<string, number>): FileDiff[] {
  return [{ path: file, notes: [], rows: Object.entries(head).map(([key, v]) => ({ key, old: v, new: v, changed: false })) }];
}

const NOISY = [0.842, 0.848, 0.836, 0.845, 0.839, 0.851, 0.84, 0.844, 0.838, 0.847];

async function history(dir: string, depth: number, metrics: FileDiff[], store?: StoreReader, rev = 'main') {
  const log = new MemoryLogger();
  const section = await GitRepo.using(dir, async (git) => {
    const sha = (await git.resolveCommit(rev))!;
    return readHistory(git, { base: { sha, label: rev }, depth, metrics }, store, log);
  });
  return { section, log };
}

test('the last N first-parent commits of the base, oldest first, with their committer dates and stats', async () => {
  const r = repo();
  const shas = NOISY.map((v, i) => r.commit(`run ${i}`, { 'metrics.json': JSON.stringify({ accuracy: v, train: { loss: 1 - v } }) }));
  // A merged side branch: its own commits are not the base branch's history; the merge commit is.
  r.git('checkout', '-q', '-b', 'side', shas[8]!);
  r.commit('side work', { 'metrics.json': JSON.stringify({ accuracy: 0.1, train: { loss: 0.9 } }) });
  r.git('checkout', '-q', 'main');
  r.git('merge', '-q', '--no-ff', '-s', 'ours', '-m', 'merge side', 'side');

  const { section } = await history(r.dir, 20, shown('metrics.json', { accuracy: 0.83, 'train.loss': 0.17 }));
  const accuracy = section.metrics.find((m) => m.key === 'accuracy')!;
  // The merge kept main's metrics.json as it was: the same run as the commit before it, not another value.
  assert.deepEqual(
    accuracy.points.map((p) => p.commit),
    shas,
  );
  assert.deepEqual(
    accuracy.points.map((p) => p.value),
    NOISY,
  );
  assert.equal(accuracy.head, 0.83);
  assert.deepEqual(accuracy.stats, historyStats(NOISY));
  assert.equal(accuracy.points[0]!.date, r.git('log', '-1', '--format=%cI', shas[0]!));
  assert.equal(section.metrics.find((m) => m.key === 'train.loss')!.points.length, 10);
  assert.deepEqual(section.notes, [
    '`metrics.json` is the same as at the commit before at 1 of the 11 commits read (its stage did not run again there): the 11 commits hold 10 runs, and history.n counts runs, not commits.',
  ]);
  assert.equal(section.branch, 'main');
  assert.equal(section.depth, 20);
  // 20 asked, 11 there: the section says how many were read, and that the branch has no more (the Trends line's words).
  assert.deepEqual({ read: section.read, wholeBranch: section.wholeBranch }, { read: 11, wholeBranch: true });
  // A young branch, all of it read: a short history, with nothing not known.
  assert.equal(section.notKnown, undefined);
  assert.ok(section.metrics.every((m) => m.notKnown === undefined));

  const { section: five } = await history(r.dir, 5, shown('metrics.json', { accuracy: 0.83 }));
  assert.deepEqual(
    five.metrics[0]!.points.map((p) => p.commit),
    shas.slice(6),
  );
  assert.deepEqual({ read: five.read, wholeBranch: five.wholeBranch }, { read: 5, wholeBranch: false });
});

test('sample standard deviation (n − 1); fewer than 3 values give no stats', () => {
  assert.deepEqual(historyStats([2, 4, 4, 4, 5, 5, 7, 9]), { n: 8, mean: 5, std: Math.sqrt(32 / 7), min: 2, max: 9 });
  assert.equal(historyStats([1, 2]), null);
  // A spread far below the values' size keeps its digits.
  const close = historyStats([1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3])!;
  assert.ok(Math.abs(close.std - 0.1) < 1e-6, String(close.std));
});

test('bad records are skipped with one note each: a file that does not parse, a missing key, NaN, a commit without the file', async () => {
  const r = repo();
  const good = (v: number) => ({ 'metrics.json': JSON.stringify({ accuracy: v, loss: 0.3 }) });
  r.commit('no metrics yet', { 'README.md': 'hi\n' });
  r.commit('a', good(0.84));
  r.commit('broken', { 'metrics.json': '{"accuracy": 0.85,\n' });
  r.commit('b', good(0.85));
  const noAccuracy = r.commit('no accuracy', { 'metrics.json': JSON.stringify({ loss: 0.31 }) });
  const nan = r.commit('nan', { 'metrics.json': '{"accuracy": NaN, "loss": 0.3}' });
  r.commit('c', good(0.86));

  const { section, log } = await history(r.dir, 10, shown('metrics.json', { accuracy: 0.8, loss: 0.3 }));
  const accuracy = section.metrics.find((m) => m.key === 'accuracy')!;
  assert.deepEqual(
    accuracy.points.map((p) => p.value),
    [0.84, 0.85, 0.86],
  );
  assert.equal(section.metrics.find((m) => m.key === 'loss')!.points.length, 5);
  const notes = section.notes.join('\n');
  assert.match(notes, /`metrics\.json` is not in git at 1 commit of the 7 read \([0-9a-f]{7}\): left out there\./);
  assert.match(notes, /`metrics\.json` could not be read at 1 commit, skipped there \([0-9a-f]{7}: 2:1: invalid JSON/);
  assert.match(notes, new RegExp(`\`metrics\\.json:accuracy\` is missing at 1 commit of the 7 read \\(${noAccuracy.slice(0, 7)}\\)`));
  assert.match(notes, new RegExp(`\`metrics\\.json:accuracy\` is not a finite number at 1 commit \\(${nan.slice(0, 7)}\\)`));
  assert.equal(section.notes.length, 4);
  assert.ok(log.lines.some((l) => l.startsWith('info: History: ')));
});

test('a commit whose dvc.yaml over the metrics file, or the .dvc file tracking it, does not load is skipped, as the base rule calls it not known', async () => {
  const r = repo();
  const dvcYaml = 'metrics:\n  - metrics.json\n  - sub/scores.json\n';
  r.commit('a', { 'dvc.yaml': dvcYaml, 'metrics.json': '{"acc": 0.9}', 'sub/scores.json': '{"f1": 0.7}' });
  r.commit('b', { 'metrics.json': '{"acc": 0.91}', 'sub/scores.json': '{"f1": 0.71}' });
  // The value 0.5 at a commit whose dvc.yaml does not load: DVC shows no metrics there.
  const broken = r.commit('broken', { 'dvc.yaml': 'metrics:\n  - metrics.json\n   bad: [\n', 'metrics.json': '{"acc": 0.5}' });
  r.commit('fixed', { 'dvc.yaml': dvcYaml, 'metrics.json': '{"acc": 0.92}' });
  // A `.dvc` file that does not load, over sub/: only the files under it are not known there.
  const badDvc = r.commit('bad dvc', { 'sub.dvc': 'outs:\n- path: sub\n  bogus: 1\n', 'metrics.json': '{"acc": 0.93}', 'sub/scores.json': '{"f1": 0.1}' });

  const metrics = [...shown('metrics.json', { acc: 0.8 }), ...shown('sub/scores.json', { f1: 0.7 })];
  const { section } = await history(r.dir, 10, metrics);
  assert.deepEqual(
    section.metrics.find((m) => m.key === 'acc')!.points.map((p) => p.value),
    [0.9, 0.91, 0.92, 0.93],
  );
  assert.deepEqual(
    section.metrics.find((m) => m.key === 'f1')!.points.map((p) => p.value),
    [0.7, 0.71, 0.71],
  );
  const notes = section.notes.join('\n');
  assert.match(notes, new RegExp(`\`metrics\\.json\` could not be read at 1 commit, skipped there \\(${broken.slice(0, 7)}: dvc\\.yaml does not load there: `));
  assert.match(
    notes,
    new RegExp(
      `\`sub/scores\\.json\` could not be read at 2 commits, skipped there \\(${badDvc.slice(0, 7)}: sub\\.dvc does not load there: .*; ${broken.slice(0, 7)}: dvc\\.yaml does not load there`,
    ),
  );
});

test('a commit whose .dvc file DVC’s index refuses (an output a stage declares too) is skipped, as the project loader refuses it', async () => {
  const r = repo();
  // metrics.json is the train stage's metric, committed to git (cache: false).
  const dvcYaml = 'stages:\n  train:\n    cmd: python train.py\n    metrics:\n    - metrics.json:\n        cache: false\n';
  r.commit('a', { 'dvc.yaml': dvcYaml, 'metrics.json': '{"acc": 0.9}' });
  r.commit('b', { 'metrics.json': '{"acc": 0.91}' });
  // A `.dvc` file that parses, over the stage's own output: the loader refuses it (DVC's OutputDuplicationError).
  const refused = r.commit('dvc add over it', {
    'metrics.json.dvc': 'outs:\n- md5: 0123456789abcdef0123456789abcdef\n  path: metrics.json\n',
    'metrics.json': '{"acc": 0.5}',
  });
  rmSync(join(r.dir, 'metrics.json.dvc'));
  r.commit('removed', { 'metrics.json': '{"acc": 0.92}' });

  const { section } = await history(r.dir, 10, shown('metrics.json', { acc: 0.8 }));
  assert.deepEqual(
    section.metrics[0]!.points.map((p) => p.value),
    [0.9, 0.91, 0.92],
  );
  assert.match(
    section.notes.join('\n'),
    new RegExp(
      `\`metrics\\.json\` could not be read at 1 commit, skipped there \\(${refused.slice(0, 7)}: metrics\\.json\\.dvc does not load there: metrics\\.json\\.dvc: output 'metrics\\.json' is already specified in stage 'train' of dvc\\.yaml`,
    ),
  );
});

test('in a DVC repository, a commit’s .dvc file of any name that the loader refuses over the metrics file leaves its values not known there', async () => {
  const r = repo();
  r.commit('init', { '.dvc/config': '', '.dvc/.gitignore': '/cache\n', 'dvc.yaml': 'metrics:\n- eval/scores.json\n', 'eval/scores.json': '{"f1": 0.7}' });
  r.commit('b', { 'eval/scores.json': '{"f1": 0.71}' });
  // Two `.dvc` files name eval/ (neither is eval.dvc): the second in path order is refused, and eval/scores.json is under it.
  const track = (name: string) => `outs:\n- md5: 0123456789abcdef0123456789abcdef.dir\n  path: ${name}\n`;
  const refused = r.commit('tracked twice', { 'data-a.dvc': track('eval'), 'data-b.dvc': track('eval'), 'eval/scores.json': '{"f1": 0.1}' });
  rmSync(join(r.dir, 'data-a.dvc'));
  rmSync(join(r.dir, 'data-b.dvc'));
  r.commit('fixed', { 'eval/scores.json': '{"f1": 0.72}' });

  const log = new MemoryLogger();
  const section = await GitRepo.using(r.dir, async (git) => {
    const sha = (await git.resolveCommit('main'))!;
    return readProjectHistory(
      git,
      { base: { sha, label: 'main' }, depth: 10, metrics: shown('eval/scores.json', { f1: 0.7 }) },
      { workspace: r.dir, data: {} },
      undefined,
      log,
    );
  });
  assert.deepEqual(
    section.metrics[0]!.points.map((p) => p.value),
    [0.7, 0.71, 0.72],
  );
  assert.match(
    section.notes.join('\n'),
    new RegExp(
      `\`eval/scores\\.json\` could not be read at 1 commit, skipped there \\(${refused.slice(0, 7)}: data-b\\.dvc does not load there: data-b\\.dvc: output 'eval' is already specified in data-a\\.dvc`,
    ),
  );
});

test('a shallow clone fetches N commits of the base from origin, never the whole history', async () => {
  const r = repo();
  for (let i = 0; i < 30; i++) r.commit(`run ${i}`, { 'metrics.json': JSON.stringify({ accuracy: 0.8 + i / 1000 }) });
  const bare = tempDir('mlreport-origin-');
  cleanup.push(() => rmSync(bare, { recursive: true, force: true }));
  execFileSync('git', ['clone', '-q', '--bare', r.dir, bare]);
  const clone = join(tempDir('mlreport-clone-'), 'c');
  cleanup.push(() => rmSync(clone, { recursive: true, force: true }));
  // As actions/checkout makes it: one commit deep.
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${bare}`, clone]);
  const count = () => execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: clone, encoding: 'utf8' }).trim();
  assert.equal(count(), '1');

  const { section, log } = await history(clone, 10, shown('metrics.json', { accuracy: 0.9 }), undefined, 'HEAD');
  assert.deepEqual(
    section.metrics[0]!.points.map((p) => p.value),
    Array.from({ length: 10 }, (_, i) => 0.8 + (20 + i) / 1000),
  );
  assert.deepEqual(section.notes, []);
  assert.ok(log.lines.includes("info: Fetching 10 commits of HEAD's history (this clone holds 1)."), log.lines.join('\n'));
  assert.equal(count(), '10');
  assert.deepEqual({ read: section.read, wholeBranch: section.wholeBranch }, { read: 10, wholeBranch: false });
  assert.equal(execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: clone, encoding: 'utf8' }).trim(), 'true');
});

test('a shallow clone that cannot fetch says so and goes on with what it has', async () => {
  const r = repo();
  for (const v of [0.8, 0.81, 0.82, 0.83, 0.84]) r.commit(`run ${v}`, { 'metrics.json': JSON.stringify({ accuracy: v }) });
  const clone = join(tempDir('mlreport-clone-'), 'c');
  cleanup.push(() => rmSync(clone, { recursive: true, force: true }));
  execFileSync('git', ['clone', '-q', '--depth', '2', `file://${r.dir}`, clone]);

  execFileSync('git', ['remote', 'set-url', 'origin', `file://${r.dir}-gone`], { cwd: clone });
  const offline = await history(clone, 20, shown('metrics.json', { accuracy: 0.9 }), undefined, 'HEAD');
  assert.deepEqual(
    offline.section.metrics[0]!.points.map((p) => p.value),
    [0.83, 0.84],
  );
  assert.match(offline.section.notes.join('\n'), /^Only 2 of the 20 commits asked for: fetching HEAD's history from origin failed \(.+\)\.$/);
  // The branch goes on past what the clone has: its values there are not known, and the section says why.
  assert.equal(offline.section.notKnown, offline.section.notes[0]);

  execFileSync('git', ['remote', 'remove', 'origin'], { cwd: clone });
  const noRemote = await history(clone, 20, shown('metrics.json', { accuracy: 0.9 }), undefined, 'HEAD');
  assert.equal(noRemote.section.metrics[0]!.points.length, 2);
  // Cut short, not the branch's start: 2 read, and the note says why.
  assert.deepEqual({ read: noRemote.section.read, wholeBranch: noRemote.section.wholeBranch }, { read: 2, wholeBranch: false });
  assert.deepEqual(noRemote.section.notes, [
    "Only 2 of the 20 commits asked for: this clone's history of HEAD ends there (a shallow clone?) and there is no remote 'origin' to fetch the rest from.",
  ]);
  assert.equal(noRemote.section.notKnown, noRemote.section.notes[0]);
});

test('commits whose metrics are not in git are asked of the store for their values; the others only whether it holds another run', async () => {
  const r = repo();
  const inGit = [0.84, 0.85].map((v, i) => r.commit(`git ${i}`, { 'metrics.json': JSON.stringify({ accuracy: v }) }));
  r.git('rm', '-q', 'metrics.json');
  // The metrics are made in CI from here on: not in git, recorded in the store by pushes.
  const notInGit = [0, 1, 2].map((i) => r.commit(`ci ${i}`));
  const asked: string[][] = [];
  const store: StoreReader = async (commits) => {
    asked.push([...commits]);
    const records = new Map<string, HistoryRecord>();
    // The store was begun when the metrics left git: it holds the records of two of the commits after.
    commits.slice(0, 2).forEach((commit, i) => {
      if (notInGit.includes(commit))
        records.set(commit, { commit, date: null, source: 'store', metrics: [{ file: 'metrics.json', key: 'accuracy', value: 0.9 + i / 100 }] });
    });
    return { records, notes: ['1 store record skipped (does not parse).'] };
  };
  const { section } = await history(r.dir, 10, shown('metrics.json', { accuracy: 0.95 }), store);
  // Then the commits whose file in git nothing shows to be their run's (no dvc.lock), for a record of another run.
  assert.deepEqual(asked, [[...notInGit].reverse(), [...inGit].reverse()]);
  const points = section.metrics[0]!.points;
  assert.deepEqual(
    points.map((p) => [p.commit, p.value]),
    [
      [inGit[0], 0.84],
      [inGit[1], 0.85],
      [notInGit[1], 0.91],
      [notInGit[2], 0.9],
    ],
  );
  assert.deepEqual(section.notes, [
    '1 store record skipped (does not parse).',
    // The store was read and has no record of it (its push run did not record it): said so.
    `\`metrics.json\` is not in git nor in the history store at 1 commit of the 5 read (${notInGit[0]!.slice(0, 7)}): left out there.`,
  ]);

  const failing: StoreReader = () => Promise.reject(new Error('store branch unreadable'));
  const { section: withoutStore } = await history(r.dir, 10, shown('metrics.json', { accuracy: 0.95 }), failing);
  assert.equal(withoutStore.metrics[0]!.points.length, 2);
  assert.match(
    withoutStore.notes[0]!,
    /^The history store could not be read \(Error: store branch unreadable.*\): commits whose metrics are not in git are left out\.$/,
  );
  // Commits asked of a store that could not be read may well have records: their values are not known, not absent.
  assert.equal(withoutStore.metrics[0]!.notKnown?.cause, 'store');
  assert.match(
    withoutStore.metrics[0]!.notKnown!.why,
    /^at 3 of the 5 commits of main read, metrics\.json is not in git and the history store could not be read \(Error: store branch unreadable.*\)$/,
  );
  const unfetched: StoreReader = async () => ({
    records: new Map(),
    notes: ['History store: …; not read.'],
    unread: "the history store's branch 'h' could not be fetched (fatal: …)",
  });
  const { section: unreached } = await history(r.dir, 10, shown('metrics.json', { accuracy: 0.95 }), unfetched);
  assert.equal(
    unreached.metrics[0]!.notKnown?.why,
    "at 3 of the 5 commits of main read, metrics.json is not in git and the history store's branch 'h' could not be fetched (fatal: …)",
  );
  // A store that was read, without records of some commits, leaves them without values: not there, nothing not known.
  assert.equal(section.metrics[0]!.notKnown, undefined);
});

test('a metrics file that is a link is read through the guarded reader: inside the commit only', async () => {
  const r = repo();
  r.commit('real', { 'eval/metrics.json': JSON.stringify({ accuracy: 0.8 }) });
  symlinkSync('eval/metrics.json', join(r.dir, 'metrics.json'));
  r.commit('link');
  symlinkSync('../../../etc/passwd', join(r.dir, 'outside.json'));
  r.commit('bad link');
  const { section } = await history(r.dir, 5, [...shown('metrics.json', { accuracy: 0.9 }), ...shown('outside.json', { x: 1 })]);
  // The link and the commit after it read the same bytes: one run.
  assert.deepEqual(
    section.metrics[0]!.points.map((p) => p.value),
    [0.8],
  );
  assert.equal(section.metrics[1]!.points.length, 0);
  assert.match(
    section.notes.join('\n'),
    /`outside\.json` could not be read at 1 commit, skipped there \([0-9a-f]{7}: a link to \.\.\/\.\.\/\.\.\/etc\/passwd, outside the project/,
  );
});

test('a JSON file with a UTF-8 BOM at a commit is skipped there with a note, as DVC fails to load it', async () => {
  const r = repo();
  r.commit('a', { 'metrics.json': JSON.stringify({ accuracy: 0.84 }) });
  const bom = r.commit('bom', { 'metrics.json': '\ufeff{"accuracy": 0.85}' });
  r.commit('c', { 'metrics.json': JSON.stringify({ accuracy: 0.86 }) });
  const { section } = await history(r.dir, 10, shown('metrics.json', { accuracy: 0.8 }));
  assert.deepEqual(
    section.metrics[0]!.points.map((p) => p.value),
    [0.84, 0.86],
  );
  assert.match(
    section.notes.join('\n'),
    new RegExp(`could not be read at 1 commit, skipped there \\(${bom.slice(0, 7)}: line 1 column 1: Unexpected UTF-8 BOM`),
  );
});

test('a project in a sub-folder of the repository reads its own files at each commit', async () => {
  const r = repo();
  for (const v of [0.7, 0.71, 0.72]) r.commit(`run ${v}`, { 'proj/metrics.json': JSON.stringify({ accuracy: v }), 'metrics.json': '{"accuracy": 0}' });
  const { section } = await history(join(r.dir, 'proj'), 20, shown('metrics.json', { accuracy: 0.9 }));
  assert.deepEqual(
    section.metrics[0]!.points.map((p) => p.value),
    [0.7, 0.71, 0.72],
  );
  assert.deepEqual(section.metrics[0]!.stats, historyStats([0.7, 0.71, 0.72]));
});

test("the base's metrics files the comparison parsed are not read again: the history takes the diff's base values", async () => {
  const r = repo();
  const texts = [0.8, 0.81, 0.82].map((v) => JSON.stringify({ accuracy: v, passed: true, label: 'x' }));
  for (const text of texts) r.commit('run', { 'metrics.json': text });
  const head = JSON.stringify({ accuracy: 0.9 });
  r.write({ 'metrics.json': head });
  await GitRepo.using(r.dir, async (git) => {
    const base = { sha: (await git.resolveCommit('main'))!, label: 'main' };
    const log = new MemoryLogger();
    const run = async (reuse: boolean) => {
      // Room for what the comparison reads (the base's file and the head's) and the two older commits' files: a
      // second read of the base's file would pass the budget.
      const budget = new ReadBudget(MAX_FILE_BYTES, texts[2]!.length + head.length + texts[0]!.length + texts[1]!.length);
      const comparison = await collectAndCompare(git, { workspace: r.dir, base, metricsPaths: ['metrics.json'], paramsPaths: [], budget }, log);
      assert.deepEqual([...comparison.parsedAtBase], ['metrics.json']);
      const parsedAtBase = reuse ? comparison.parsedAtBase : new Set<string>();
      return readHistory(git, { base, depth: 3, metrics: comparison.metrics, budget, parsedAtBase }, undefined, log);
    };
    const section = await run(true);
    assert.deepEqual(section.notes, []);
    assert.deepEqual(
      section.metrics.map((m) => [m.key, m.points.map((p) => p.value)]),
      [['accuracy', [0.8, 0.81, 0.82]]],
    );
    // Without the comparison's values, the base's file is read again, past the budget.
    assert.match((await run(false)).notes.join('\n'), /could not be read at 1 commit.*would pass the/);
  });
});

test("the diff's base values stand for the base commit only where git holds the file there, with values", async () => {
  const r = repo();
  r.commit('run', { 'empty.json': '{}' });
  const sha = r.commit('run', { 'empty.json': '{}' });
  r.write({ 'empty.json': JSON.stringify({ accuracy: 0.9 }), 'cached.json': JSON.stringify({ accuracy: 0.9 }) });
  const section = await GitRepo.using(r.dir, async (git) => {
    const base = { sha, label: 'main' };
    const log = new MemoryLogger();
    // A base file with no values is not taken: the history store may fill its base side in (withStoreBase).
    const comparison = await collectAndCompare(git, { workspace: r.dir, base, metricsPaths: ['empty.json'], paramsPaths: [] }, log);
    assert.deepEqual([...comparison.parsedAtBase], []);
    // A file the comparison parsed at the base from the DVC cache, as git does not have it: git's files are read.
    const metrics = shown('cached.json', { accuracy: 0.8 });
    const request = { base, depth: 5, metrics, parsedAtBase: new Set(['cached.json']) };
    return Promise.all([readHistory(git, request, undefined, log), readHistory(git, { ...request, cli: true }, undefined, log)]);
  });
  assert.equal(section[0].metrics[0]!.points.length, 0);
  // The hint names the action's input in an action run, the CLI's flag in a CLI run.
  const missing =
    '`cached\\.json` is not in git at any of the 2 commits read \\(a DVC-cached or CI-made file\\?\\): its metrics have no history; the history store';
  assert.match(section[0].notes.join('\n'), new RegExp(`${missing} \\(input \`history-branch\`\\) would keep them\\.`));
  assert.match(section[1].notes.join('\n'), new RegExp(`${missing} \\(\`--history-store BRANCH\`\\) would keep them\\.`));
});

test('history counts runs, not commits: a commit whose metrics file is the same as at the commit before it did not run the stage again', async () => {
  const r = repo();
  const runs = [0.8, 0.806, 0.797, 0.803];
  const made: string[] = [];
  for (const [i, v] of runs.entries()) {
    made.push(r.commit(`train ${i}`, { 'metrics.json': JSON.stringify({ accuracy: v }) }));
    // Docs-only commits after each run: metrics.json byte for byte as that run left it.
    for (let d = 0; d < 4; d++) r.commit(`docs ${i}.${d}`, { 'README.md': `docs ${i}.${d}\n` });
  }
  // The first run's file again, after another run: a new run (a revert that retrained), not the same as its parent.
  const again = r.commit('retrain as at first', { 'metrics.json': JSON.stringify({ accuracy: 0.8 }) });
  r.commit('docs last', { 'README.md': 'last\n' });

  const { section } = await history(r.dir, 20, shown('metrics.json', { accuracy: 0.8 }));
  const accuracy = section.metrics[0]!;
  // 20 commits read, reaching into the first run's docs commits: the oldest read stands for that run, as its value.
  assert.equal(section.read, 20);
  assert.deepEqual(
    accuracy.points.map((p) => [p.commit, p.value]),
    [
      [r.git('rev-parse', 'main~19'), 0.8],
      [made[1], 0.806],
      [made[2], 0.797],
      [made[3], 0.803],
      [again, 0.8],
    ],
  );
  assert.deepEqual(accuracy.stats, historyStats([0.8, 0.806, 0.797, 0.803, 0.8]));
  assert.deepEqual(section.notes, [
    '`metrics.json` is the same as at the commit before at 15 of the 20 commits read (its stage did not run again there): the 20 commits hold 5 runs, and history.n counts runs, not commits.',
  ]);
});

test('a store record with the same values as the record of the commit before it is the same run', async () => {
  const r = repo();
  r.commit('first', { 'a.txt': 'a\n' });
  const commits = [1, 2, 3, 4, 5].map((i) => r.commit(`ci ${i}`, { 'a.txt': `${i}\n` }));
  // Runs on pushes recorded 0.9, then the same again (no retraining), then 0.91, 0.91, 0.92.
  const values = [0.9, 0.9, 0.91, 0.91, 0.92];
  const store: StoreReader = async (asked) => {
    const records = new Map<string, HistoryRecord>();
    for (const commit of asked) {
      const at = commits.indexOf(commit);
      if (at >= 0) records.set(commit, { commit, date: null, source: 'store', metrics: [{ file: 'metrics.json', key: 'accuracy', value: values[at]! }] });
    }
    return { records, notes: [] };
  };
  const { section } = await history(r.dir, 5, shown('metrics.json', { accuracy: 0.95 }), store);
  assert.deepEqual(
    section.metrics[0]!.points.map((p) => [p.commit, p.value]),
    [
      [commits[0], 0.9],
      [commits[2], 0.91],
      [commits[4], 0.92],
    ],
  );
  assert.match(
    section.notes.join('\n'),
    /`metrics\.json` is the same as at the commit before at 2 of the 5 commits read \(its stage did not run again there\): the 5 commits hold 3 runs/,
  );
});

test('a metrics folder committed as a link to a folder (latest -> runs/N) is read through the link at the base and at each commit, as in the workspace', async () => {
  const r = repo();
  const runs = [0.7, 0.72, 0.74];
  runs.forEach((auc, i) => {
    r.write({ [`runs/${i}/m.json`]: JSON.stringify({ auc }) });
    rmSync(join(r.dir, 'latest'), { force: true });
    symlinkSync(join('runs', String(i)), join(r.dir, 'latest'));
    r.commit(`run ${i}`, { 'dvc.yaml': 'metrics:\n- latest\n' });
  });
  r.write({ 'runs/3/m.json': JSON.stringify({ auc: 0.8 }) });
  rmSync(join(r.dir, 'latest'));
  symlinkSync(join('runs', '3'), join(r.dir, 'latest'));
  const log = new MemoryLogger();
  const { comparison, section } = await GitRepo.using(r.dir, async (git) => {
    const base = { sha: (await git.resolveCommit('main'))!, label: 'main' };
    const comparison = await collectAndCompare(git, { workspace: r.dir, base, metricsPaths: null, paramsPaths: null }, log);
    const section = await readHistory(git, { base, depth: 5, metrics: comparison.metrics, parsedAtBase: comparison.parsedAtBase }, undefined, log);
    return { comparison, section };
  });
  // The base has the file behind the same link: a value to compare with, not "not present at main".
  assert.deepEqual(
    comparison.metrics.map((f) => [f.path, f.rows.map((row) => [row.key, row.old, row.new])]),
    [['latest/m.json', [['auc', 0.74, 0.8]]]],
  );
  assert.deepEqual(
    comparison.metrics.flatMap((f) => f.notes),
    [],
  );
  assert.deepEqual(
    section.metrics.map((m) => [m.key, m.points.map((p) => p.value)]),
    [['auc', runs]],
  );
  assert.deepEqual(section.notes, []);
});

test("a base commit that repeats its parent's run is the same run, also where the history takes the diff's base values", async () => {
  const r = repo();
  for (const v of [0.8, 0.81, 0.82]) r.commit(`run ${v}`, { 'metrics.json': JSON.stringify({ accuracy: v }) });
  r.commit('docs', { 'README.md': 'docs\n' });
  r.write({ 'metrics.json': JSON.stringify({ accuracy: 0.9 }) });
  const section = await GitRepo.using(r.dir, async (git) => {
    const base = { sha: (await git.resolveCommit('main'))!, label: 'main' };
    const log = new MemoryLogger();
    const comparison = await collectAndCompare(git, { workspace: r.dir, base, metricsPaths: ['metrics.json'], paramsPaths: [] }, log);
    assert.deepEqual([...comparison.parsedAtBase], ['metrics.json']);
    return readHistory(git, { base, depth: 4, metrics: comparison.metrics, parsedAtBase: comparison.parsedAtBase }, undefined, log);
  });
  // The base's file as git names it is the file its parent's bytes make: one run, not two.
  assert.deepEqual(
    section.metrics[0]!.points.map((p) => p.value),
    [0.8, 0.81, 0.82],
  );
});

/** `localStoreBranch` of the one file and key these tests read. */
function storeBranch(r: TempRepo, records: { commit: string; acc: number }[]): void {
  localStoreBranch(
    r.dir,
    records.map(({ commit, acc }) => ({ commit, metrics: [{ file: 'metrics.json', key: 'acc', value: acc }] })),
  );
}

async function historyWithStore(dir: string, metrics: FileDiff[]) {
  return GitRepo.using(dir, async (git) => {
    const sha = (await git.resolveCommit('main'))!;
    return readHistory(git, { base: { sha, label: 'main' }, depth: 10, metrics }, storeReader(new HistoryStore(git, 'mlreport-history')), new MemoryLogger());
  });
}

test('a CML-style project whose metrics file is committed stale: the store’s record of each commit (what its push run made) stands where it differs', async () => {
  const r = repo();
  // metrics.json was committed once from a laptop's run; CI's `run:` trains at every push and records what it made.
  const commits = [0, 1, 2, 3, 4].map((i) => r.commit(`change ${i}`, { 'train.py': `# ${i}\n`, 'metrics.json': '{"acc": 0.5}' }));
  // At commits[1] the push run made what is committed: the same values, git's file stands.
  const made = [0.81, 0.5, 0.8, 0.84, 0.82];
  storeBranch(
    r,
    commits.map((commit, i) => ({ commit, acc: made[i]! })),
  );

  const section = await historyWithStore(r.dir, shown('metrics.json', { acc: 0.83 }));
  assert.deepEqual(
    section.metrics[0]!.points.map((p) => [p.commit, p.value]),
    commits.map((commit, i) => [commit, made[i]]),
  );
  assert.deepEqual(section.metrics[0]!.stats, historyStats(made));
  assert.deepEqual(section.notes, [
    `\`metrics.json\` is taken from the history store at 4 commits of the 5 read (${[4, 3, 2]
      .map((i) => commits[i]!.slice(0, 7))
      .join(
        ', ',
      )}, and 1 more), where the push run's record of the commit differs from the file committed there and no dvc.lock or \`.dvc\` file records its hash there: nothing shows the committed file is what the run made. A committed file whose hash its dvc.lock records stays.`,
  ]);

  // Without the store, the committed file is all there is: one run, the same bytes at every commit.
  const { section: gitOnly } = await history(r.dir, 10, shown('metrics.json', { acc: 0.83 }));
  assert.deepEqual(
    gitOnly.metrics[0]!.points.map((p) => p.value),
    [0.5],
  );
});

test('a store record holding fewer keys than the committed file agrees where each key it holds is the file’s; where it differs, it stands for the whole file', async () => {
  const r = repo();
  const accs = [0.6, 0.61, 0.62, 0.63];
  const losses = [1.6, 1.61, 1.62, 1.63];
  const commits = accs.map((acc, i) => r.commit(`run ${i}`, { 'metrics.json': JSON.stringify({ acc, loss: losses[i] }) }));
  // The push runs recorded acc only (loss was not a finite number in their runs): the same acc as the committed file.
  storeBranch(
    r,
    commits.map((commit, i) => ({ commit, acc: accs[i]! })),
  );
  const metrics: FileDiff[] = [{ path: 'metrics.json', notes: [], rows: ['acc', 'loss'].map((key) => ({ key, old: 1, new: 1, changed: false })) }];
  const agreeing = await historyWithStore(r.dir, metrics);
  // Nothing the record holds says the committed file is not the run's: it stays, loss with it, and no note.
  assert.deepEqual(
    agreeing.metrics.map((m) => [m.key, m.points.map((p) => p.value)]),
    [
      ['acc', accs],
      ['loss', losses],
    ],
  );
  assert.deepEqual(agreeing.notes, []);

  // At the last commit the run made another acc: the committed file is not that commit's run, and its loss, the
  // same stale run's, is not that commit's loss either: left out there, said as not in the record, not as missing.
  localStoreBranch(r.dir, [
    ...commits.slice(0, 3).map((commit, i) => ({ commit, metrics: [{ file: 'metrics.json', key: 'acc', value: accs[i]! }] })),
    { commit: commits[3]!, metrics: [{ file: 'metrics.json', key: 'acc', value: 0.7 }] },
  ]);
  const differing = await historyWithStore(r.dir, metrics);
  assert.deepEqual(
    differing.metrics.map((m) => [m.key, m.points.map((p) => p.value)]),
    [
      ['acc', [0.6, 0.61, 0.62, 0.7]],
      ['loss', [1.6, 1.61, 1.62]],
    ],
  );
  const last = commits[3]!.slice(0, 7);
  assert.deepEqual(differing.notes, [
    `\`metrics.json\` is taken from the history store at 1 commit of the 4 read (${last}), where the push run's record of the commit differs from the file committed there and no dvc.lock or \`.dvc\` file records its hash there: nothing shows the committed file is what the run made. A committed file whose hash its dvc.lock records stays.`,
    `\`metrics.json:loss\` is not in the history store's record at 1 commit of the 4 read (${last}), where the record stands in for the committed file (above): left out there.`,
  ]);
});

test('a committed metrics file whose hash its dvc.lock records is its stage’s run and stays; one whose hash is not gives way to the store’s record', async () => {
  const r = repo();
  const dvcYaml = 'stages:\n  train:\n    cmd: python train.py\n    metrics:\n    - metrics.json:\n        cache: false\n';
  const md5 = (text: string): string => createHash('md5').update(text).digest('hex');
  const lock = (text: string): string =>
    `schema: '2.0'\nstages:\n  train:\n    cmd: python train.py\n    outs:\n    - path: metrics.json\n      hash: md5\n      md5: ${md5(text)}\n      size: ${text.length}\n`;
  const metrics = (acc: number): string => JSON.stringify({ acc });
  // Reproduced and committed with its dvc.lock, twice.
  const fresh = [0.9, 0.91].map((acc) => r.commit(`repro ${acc}`, { 'dvc.yaml': dvcYaml, 'dvc.lock': lock(metrics(acc)), 'metrics.json': metrics(acc) }));
  // dvc.lock says the stage made 0.93, but the file committed is an older one (committed stale).
  const stale = r.commit('stale', { 'dvc.lock': lock(metrics(0.93)), 'metrics.json': metrics(0.7) });
  // The push runs recorded other values at every commit (a stage that is not deterministic, re-run in CI).
  storeBranch(r, [
    { commit: fresh[0]!, acc: 0.8 },
    { commit: fresh[1]!, acc: 0.81 },
    { commit: stale, acc: 0.93 },
  ]);

  const section = await historyWithStore(r.dir, shown('metrics.json', { acc: 0.9 }));
  assert.deepEqual(
    section.metrics[0]!.points.map((p) => [p.commit, p.value]),
    [
      [fresh[0], 0.9],
      [fresh[1], 0.91],
      [stale, 0.93],
    ],
  );
  assert.deepEqual(section.notes, [
    `\`metrics.json\` is taken from the history store at 1 commit of the 3 read (${stale.slice(0, 7)}), where the push run's record of the commit differs from the file committed there and its hash there is not the one its dvc.lock (or \`.dvc\` file) records: the committed file is not what the stage made. A committed file whose hash its dvc.lock records stays.`,
  ]);
});

test('the base commit is checked as the others are: the diff’s base values do not stand where a .dvc file the loader refuses tracks the file', async () => {
  const r = repo();
  const dvcYaml = 'stages:\n  train:\n    cmd: python train.py\n    metrics:\n    - metrics.json:\n        cache: false\n';
  r.commit('a', { 'dvc.yaml': dvcYaml, 'metrics.json': '{"acc": 0.9}' });
  r.commit('b', { 'metrics.json': '{"acc": 0.91}' });
  const base = r.commit('dvc add over it', {
    'metrics.json.dvc': 'outs:\n- md5: 0123456789abcdef0123456789abcdef\n  path: metrics.json\n',
    'metrics.json': '{"acc": 0.5}',
  });
  r.write({ 'metrics.json': '{"acc": 0.92}' });
  const section = await GitRepo.using(r.dir, async (git) => {
    const at = { sha: base, label: 'main' };
    const log = new MemoryLogger();
    const comparison = await collectAndCompare(git, { workspace: r.dir, base: at, metricsPaths: ['metrics.json'], paramsPaths: [] }, log);
    // The comparison reads the base's file as DVC's metrics diff would: its values are the diff's base side.
    assert.deepEqual([...comparison.parsedAtBase], ['metrics.json']);
    return readHistory(git, { base: at, depth: 3, metrics: comparison.metrics, parsedAtBase: comparison.parsedAtBase }, undefined, log);
  });
  assert.deepEqual(
    section.metrics[0]!.points.map((p) => p.value),
    [0.9, 0.91],
  );
  assert.match(
    section.notes.join('\n'),
    new RegExp(`\`metrics\\.json\` could not be read at 1 commit, skipped there \\(${base.slice(0, 7)}: metrics\\.json\\.dvc does not load there: `),
  );
});

test('the base commit’s file the diff already read is checked against its dvc.lock too: matching, it stays beside a record that differs', async () => {
  const r = repo();
  const dvcYaml = 'stages:\n  train:\n    cmd: python train.py\n    metrics:\n    - metrics.json:\n        cache: false\n';
  const text = JSON.stringify({ acc: 0.9 });
  const lock = `schema: '2.0'\nstages:\n  train:\n    cmd: python train.py\n    outs:\n    - path: metrics.json\n      hash: md5\n      md5: ${createHash('md5').update(text).digest('hex')}\n      size: ${text.length}\n`;
  const base = r.commit('repro', { 'dvc.yaml': dvcYaml, 'dvc.lock': lock, 'metrics.json': text });
  storeBranch(r, [{ commit: base, acc: 0.8 }]);
  r.write({ 'metrics.json': JSON.stringify({ acc: 0.95 }) });
  const section = await GitRepo.using(r.dir, async (git) => {
    const at = { sha: base, label: 'main' };
    const log = new MemoryLogger();
    const comparison = await collectAndCompare(git, { workspace: r.dir, base: at, metricsPaths: ['metrics.json'], paramsPaths: [] }, log);
    assert.deepEqual([...comparison.parsedAtBase], ['metrics.json']);
    const store = storeReader(new HistoryStore(git, 'mlreport-history'));
    return readHistory(git, { base: at, depth: 3, metrics: comparison.metrics, parsedAtBase: comparison.parsedAtBase }, store, log);
  });
  assert.deepEqual(
    section.metrics[0]!.points.map((p) => p.value),
    [0.9],
  );
  assert.deepEqual(section.notes, []);
});
