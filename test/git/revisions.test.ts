import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseEvent } from '../../src/config/event';
import { GitRepo } from '../../src/git/repo';
import { ancestryOf, baseFromEvent, explicitBase, headLabelFromEvent, resolveBase } from '../../src/git/revisions';
import { UserError } from '../../src/util/errors';
import { MemoryLogger } from '../helpers/memory-logger';
import { commitTree } from '../../src/workspace/tree';
import { TempRepo, tempDir } from '../helpers/repo';
import { cliBaseCandidates } from '../../src/commands/project-options';

const event = (payload: object) => parseEvent(payload, 'test event');

describe('baseFromEvent', () => {
  test('pull_request: the PR base SHA, labelled with the base branch', () => {
    const sha = 'a'.repeat(40);
    assert.deepEqual(baseFromEvent('pull_request', event({ pull_request: { base: { sha, ref: 'main' } } })), [{ kind: 'commit', sha, label: 'main' }]);
    assert.deepEqual(baseFromEvent('pull_request_target', event({ pull_request: { base: { sha, ref: 'dev' } } })), [{ kind: 'commit', sha, label: 'dev' }]);
  });

  test('push: the `before` commit; should it be gone (a force push), the fork point with the default branch, then HEAD~1', () => {
    const before = 'b'.repeat(40);
    const previous = { kind: 'rev', rev: 'HEAD~1', label: 'HEAD~1' };
    const forkPoint = {
      kind: 'merge-base',
      ref: 'refs/remotes/origin/main',
      fetchBranch: 'main',
      label: 'main',
      wholeHistoryAdvice: 'actions/checkout with `fetch-depth: 0`',
    };
    assert.deepEqual(baseFromEvent('push', event({ before })), [{ kind: 'commit', sha: before, label: 'bbbbbbb', pushed: { forced: false } }, previous]);
    assert.deepEqual(baseFromEvent('push', event({ before, forced: true, ref: 'refs/heads/dev', repository: { default_branch: 'main' } })), [
      { kind: 'commit', sha: before, label: 'bbbbbbb', pushed: { forced: true } },
      forkPoint,
      previous,
    ]);
    // On the default branch itself the fork point would be the head: compared with itself.
    assert.deepEqual(baseFromEvent('push', event({ before, forced: true, ref: 'refs/heads/main', repository: { default_branch: 'main' } })), [
      { kind: 'commit', sha: before, label: 'bbbbbbb', pushed: { forced: true } },
      previous,
    ]);
  });

  test('push of a new branch (before is all zeros): merge-base with the default branch, then HEAD~1', () => {
    const candidates = baseFromEvent('push', event({ before: '0'.repeat(40), repository: { default_branch: 'main' } }));
    assert.equal(candidates[0]!.kind, 'merge-base');
    assert.deepEqual(candidates[0], {
      kind: 'merge-base',
      ref: 'refs/remotes/origin/main',
      fetchBranch: 'main',
      label: 'main',
      wholeHistoryAdvice: 'actions/checkout with `fetch-depth: 0`',
    });
    assert.deepEqual(candidates[1], { kind: 'rev', rev: 'HEAD~1', label: 'HEAD~1' });
  });

  test('other events: the previous commit', () => {
    assert.deepEqual(baseFromEvent('workflow_dispatch', event({})), [{ kind: 'rev', rev: 'HEAD~1', label: 'HEAD~1' }]);
  });

  test('head label: PR branch, pushed branch, else short SHA', () => {
    assert.equal(headLabelFromEvent('pull_request', event({ pull_request: { head: { ref: 'feature/x' } } }), 'c'.repeat(40)), 'feature/x');
    assert.equal(headLabelFromEvent('push', event({ ref: 'refs/heads/dev' }), 'c'.repeat(40)), 'dev');
    assert.equal(headLabelFromEvent('schedule', event({}), 'c'.repeat(40)), 'ccccccc');
  });
});

/** `count` empty commits on `branch` from `from` (each message names the branch, so no two branches share one), written at once by fast-import (thousands in a blink). */
function commitsOn(repo: TempRepo, branch: string, from: string, count: number): string {
  const stream = Array.from(
    { length: count },
    (_, i) => `commit refs/heads/${branch}\ncommitter T <t@e> ${1700000000 + i} +0000\ndata <<END\n${branch} ${i}\nEND\n${i === 0 ? `from ${from}\n` : ''}\n`,
  ).join('');
  execFileSync('git', ['fast-import', '--quiet', '--force'], { cwd: repo.dir, input: stream });
  return repo.git('rev-parse', branch);
}

describe('the fork point of a pushed new branch, from a depth-1 clone as actions/checkout makes it', () => {
  // main: fork → m1 → m2; feature: fork → f1 (the change) → f2 (a comment). A push creating `feature`.
  const origin = new TempRepo('mlreport-origin-');
  const fork = origin.commit('fork', { 'params.yaml': 'max_features: 200\n', 'train.py': 'train\n' });
  origin.commit('m1', { 'other.txt': '1\n' });
  origin.commit('m2', { 'other.txt': '2\n' });
  origin.git('checkout', '-q', '-b', 'feature', fork);
  origin.commit('f1', { 'params.yaml': 'max_features: 100\n' });
  const f2 = origin.commit('f2', { 'train.py': 'train\n# c\n' });
  origin.git('checkout', '-q', 'main');
  const created = event({ ref: 'refs/heads/feature', before: '0'.repeat(40), after: f2, created: true, repository: { default_branch: 'main' } });
  const checkout = (from = origin.dir): string => {
    const dir = join(tempDir(), 'ws');
    execFileSync('git', ['clone', '-q', '--depth=1', '--branch', 'feature', `file://${from}`, dir]);
    return dir;
  };
  after(() => origin.remove());

  test('both sides are deepened until they meet: the base is the fork point, not HEAD~1, and nothing is said in the report', async () => {
    const git = await GitRepo.open(checkout());
    const log = new MemoryLogger();
    const base = await resolveBase(git, baseFromEvent('push', created), log);
    assert.deepEqual(base, { sha: fork, label: 'main' }, log.lines.join('\n'));
    assert.ok(!log.lines.some((l) => l.startsWith('warning:')), log.lines.join('\n'));
  });

  test('a fetch that fails: a full clone finds the fork point with the branch it has; one without the branch says so', async () => {
    const full = join(tempDir(), 'full');
    execFileSync('git', ['clone', '-q', '--branch', 'feature', `file://${origin.dir}`, full]);
    execFileSync('git', ['remote', 'set-url', 'origin', join(tempDir(), 'gone')], { cwd: full });
    const log = new MemoryLogger();
    assert.deepEqual(await resolveBase(await GitRepo.open(full), baseFromEvent('push', created), log), { sha: fork, label: 'main' });
    assert.match(log.lines.join('\n'), /info: Fetch failed: /);

    const ws = checkout();
    execFileSync('git', ['remote', 'set-url', 'origin', join(tempDir(), 'gone')], { cwd: ws });
    const misses: string[] = [];
    const base = await resolveBase(await GitRepo.open(ws), baseFromEvent('push', created), new MemoryLogger(), misses);
    // HEAD~1 cannot be fetched either: no base, and why is kept (the base is not known, not absent).
    assert.equal(base, null);
    assert.match(misses[0] ?? '', /^main could not be fetched to find where this branch started: /);
  });

  test('a fork point that cannot be had is said, naming the base used instead and why, never silently', async () => {
    // The checkout's own commit is on no remote (made in the job): its history cannot be fetched deeper.
    const ws = checkout();
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@e', 'commit', '-q', '--allow-empty', '-m', 'local'], { cwd: ws });
    const git = await GitRepo.open(ws);
    const log = new MemoryLogger();
    const base = await resolveBase(git, baseFromEvent('push', created), log);
    assert.equal(base?.sha, f2);
    assert.equal(base?.label, 'HEAD~1');
    assert.match(
      base?.instead ?? '',
      /^The base is HEAD~1 \(\w{7}\), not the point where this branch left main: this clone is shallow, and HEAD's history could not be fetched deeper to meet main's: .+\. The changes shown are those since HEAD~1, not the whole branch's; to compare with the fork point, fetch the whole history \(actions\/checkout with `fetch-depth: 0`\)\.$/,
    );
    assert.ok(log.lines.includes(`warning: ${base!.instead}`), log.lines.join('\n'));

    // Histories that share nothing (a full clone): said too, without advice to fetch more.
    const orphan = new TempRepo();
    try {
      orphan.commit('a');
      orphan.commit('b');
      orphan.git('remote', 'add', 'origin', origin.dir);
      const alone = await resolveBase(await GitRepo.open(orphan.dir), baseFromEvent('push', created), new MemoryLogger());
      assert.equal(alone?.label, 'HEAD~1');
      assert.match(alone?.instead ?? '', /: HEAD shares no history with main\. The changes shown are those since HEAD~1, not the whole branch's\.$/);
    } finally {
      orphan.remove();
    }
  });

  test(`a fork point deeper than the bound (${1000} commits of each side) is not fetched for: the base used instead is said`, async () => {
    // main moved on 1,001 commits since the fork, written at once by fast-import.
    const deep = new TempRepo('mlreport-origin-');
    try {
      const base = deep.commit('fork', { 'a.txt': 'fork\n' });
      deep.git('checkout', '-q', '-b', 'feature');
      deep.commit('f1', { 'a.txt': 'f1\n' });
      deep.commit('f2', { 'a.txt': 'f2\n' });
      commitsOn(deep, 'main', base, 1001);
      const git = await GitRepo.open(checkout(deep.dir));
      const log = new MemoryLogger();
      const found = await resolveBase(git, baseFromEvent('push', created), log);
      assert.equal(found?.label, 'HEAD~1');
      assert.match(found?.instead ?? '', /left main: it is not in the last 1000 commits of either \(this clone is shallow, and mlreport reads no deeper\)\./);
      assert.match(log.lines.join('\n'), /not in the last 200 commits of each; fetching 1000 of each\./);
    } finally {
      deep.remove();
    }
  });

  test('the history a clone has is never cut: a full clone stays full and finds the fork point; a deep one keeps its depth', async () => {
    // 1,200 commits up to the fork; main 1,001 on from it (past the bound), the branch 5.
    const long = new TempRepo('mlreport-origin-');
    try {
      const forkAt = commitsOn(long, 'main', long.commit('root'), 1199);
      commitsOn(long, 'feature', forkAt, 5);
      commitsOn(long, 'main', forkAt, 1001);
      const count = (dir: string): number => Number(execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: dir, encoding: 'utf8' }));

      // actions/checkout with `fetch-depth: 0`: a fetch with --depth there would make it shallow, main cut 200 deep.
      const full = join(tempDir(), 'full');
      execFileSync('git', ['clone', '-q', '--branch', 'feature', `file://${long.dir}`, full]);
      const inFull = await resolveBase(await GitRepo.open(full), baseFromEvent('push', created), new MemoryLogger());
      assert.deepEqual(inFull, { sha: forkAt, label: 'main' });
      assert.equal(execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: full, encoding: 'utf8' }).trim(), 'false');
      assert.equal(count(full), 1205);

      // `fetch-depth: 1100`: HEAD's history is deeper than any round's depth, so it is not fetched again (at 200, then
      // 1,000 deep, which would cut it there); main, fetched 1,000 deep, does not reach the fork point: said.
      const deep = join(tempDir(), 'deep');
      execFileSync('git', ['clone', '-q', '--depth=1100', '--branch', 'feature', `file://${long.dir}`, deep]);
      const inDeep = await resolveBase(await GitRepo.open(deep), baseFromEvent('push', created), new MemoryLogger());
      assert.equal(inDeep?.label, 'HEAD~1');
      assert.match(inDeep?.instead ?? '', /it is not in the last 1000 commits of either/);
      assert.equal(count(deep), 1100);
    } finally {
      long.remove();
    }
  });

  test("the CLI's default in a shallow clone that does not reach the fork point with origin/HEAD: said, with the CLI's remedy", async () => {
    const ws = checkout();
    execFileSync('git', ['fetch', '-q', '--depth=1', 'origin', '+refs/heads/main:refs/remotes/origin/main'], { cwd: ws });
    execFileSync('git', ['remote', 'set-head', 'origin', 'main'], { cwd: ws });
    const git = await GitRepo.open(ws);
    const base = await resolveBase(git, cliBaseCandidates(undefined), new MemoryLogger());
    assert.equal(base?.label, 'HEAD~1');
    assert.match(base?.instead ?? '', /left origin\/HEAD: this clone is shallow, .*fetch the whole history \('git fetch --unshallow'\)\.$/);
  });
});

test('ancestryOf: the revision a ~N / ^ suffix starts from, and how many generations back it goes', () => {
  assert.deepEqual(ancestryOf('main~2'), { name: 'main', suffix: '~2', generations: 2 });
  assert.deepEqual(ancestryOf('origin/main^'), { name: 'origin/main', suffix: '^', generations: 1 });
  assert.deepEqual(ancestryOf('HEAD~^2~'), { name: 'HEAD', suffix: '~^2~', generations: 3 });
  assert.deepEqual(ancestryOf('v1.0^0'), { name: 'v1.0', suffix: '^0', generations: 0 });
  assert.equal(ancestryOf('main'), null);
  assert.equal(ancestryOf('feature~x'), null);
});

describe('resolveBase against real repositories', () => {
  const origin = new TempRepo('mlreport-origin-');
  const first = origin.commit('one', { 'metrics.json': '{"acc": 1}' });
  origin.commit('two', { 'metrics.json': '{"acc": 2}' });
  const third = origin.commit('three', { 'metrics.json': '{"acc": 3}' });
  const cloneDir = join(tempDir(), 'clone');
  // What actions/checkout does by default: a depth-1 clone of the head.
  execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin.dir}`, cloneDir]);
  after(() => origin.remove());

  test('a base commit missing from a shallow clone is fetched (depth 1) and logged', async () => {
    const git = await GitRepo.open(cloneDir);
    assert.equal(await git.isShallow(), true);
    assert.equal(await git.resolveCommit(first), null, 'precondition: the shallow clone lacks the base');
    const log = new MemoryLogger();
    const base = await resolveBase(git, [{ kind: 'commit', sha: first, label: 'main' }], log);
    assert.deepEqual(base, { sha: first, label: 'main' });
    assert.ok(
      log.lines.some((l) => l.includes('fetching that one commit')),
      log.lines.join('\n'),
    );
    assert.equal((await commitTree(git, first, 'main').read('metrics.json'))?.toString(), '{"acc": 1}');
    assert.equal(await git.isShallow(), true, 'still shallow: only the one commit was fetched');
  });

  test('an unknown base commit falls through to the next candidate, with a warning when none is left', async () => {
    const git = await GitRepo.open(origin.dir);
    const log = new MemoryLogger();
    const missing = 'f'.repeat(40);
    const base = await resolveBase(
      git,
      [
        { kind: 'commit', sha: missing, label: 'gone' },
        { kind: 'rev', rev: 'HEAD~2', label: 'HEAD~2' },
      ],
      log,
    );
    assert.deepEqual(base, { sha: first, label: 'HEAD~2' });
    const none = await resolveBase(git, [{ kind: 'commit', sha: missing, label: 'gone' }], log);
    assert.equal(none, null);
    // A commit the event names that could not be had is not known, not absent: the gate's words, not "No base revision found".
    assert.ok(
      log.lines.some((l) => l.startsWith('warning: The base revision could not be read (')),
      log.lines.join('\n'),
    );
  });

  test("a push's `before` that a full clone lacks is a force push: said so, nothing fetched, and the next candidate is the base", async () => {
    const git = await GitRepo.open(origin.dir);
    assert.equal(await git.isShallow(), false);
    const log = new MemoryLogger();
    const gone = '2'.repeat(40);
    const previous = { kind: 'rev', rev: 'HEAD~2', label: 'HEAD~2' } as const;
    const base = await resolveBase(git, [{ kind: 'commit', sha: gone, label: '2222222', pushed: { forced: false } }, previous], log);
    assert.deepEqual(base, { sha: first, label: 'HEAD~2' });
    assert.deepEqual(log.lines, [
      "info: 2222222, the branch's head before this push, is not in this full clone: the push rewrote the branch (a force push), so it is not the base.",
    ]);
  });

  test('a push marked `forced`: its `before` is not the base even where the clone still has it', async () => {
    const git = await GitRepo.open(origin.dir);
    const log = new MemoryLogger();
    const base = await resolveBase(
      git,
      [
        { kind: 'commit', sha: first, label: 'bbbbbbb', pushed: { forced: true } },
        { kind: 'rev', rev: 'HEAD~1', label: 'HEAD~1' },
      ],
      log,
    );
    assert.equal(base?.label, 'HEAD~1');
    assert.match(
      log.lines.join('\n'),
      /^info: The push was forced: \w{7}, the branch's head before it, is not in the branch's history now, so it is not the base\.$/,
    );
  });

  test("a push's `before` a shallow clone lacks is fetched, as a shallow checkout", async () => {
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin.dir}`, clone]);
    const git = await GitRepo.open(clone);
    const log = new MemoryLogger();
    const base = await resolveBase(git, [{ kind: 'commit', sha: first, label: 'bbbbbbb', pushed: { forced: false } }], log);
    assert.deepEqual(base, { sha: first, label: 'bbbbbbb' });
    assert.match(log.lines.join('\n'), /is not in this clone \(shallow checkout\); fetching that one commit \(depth 1\)/);
  });

  test("a push's `before` the origin does not hold: the next candidate is the base, and `misses` says why it is a fallback", async () => {
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin.dir}`, clone]);
    const git = await GitRepo.open(clone);
    const log = new MemoryLogger();
    const misses: string[] = [];
    const gone = 'deadbeef'.repeat(5);
    const base = await resolveBase(
      git,
      [
        { kind: 'commit', sha: gone, label: 'deadbee', pushed: { forced: false } },
        { kind: 'rev', rev: 'HEAD~1', label: 'HEAD~1' },
      ],
      log,
      misses,
    );
    assert.deepEqual(base, { sha: origin.git('rev-parse', 'HEAD~1').trim(), label: 'HEAD~1' });
    assert.equal(misses.length, 1, misses.join('\n'));
    assert.match(misses[0]!, /^deadbee, the branch's head before this push, could not be fetched: \S/);
  });

  test('a base found though its own fetch failed (the branch read as the clone has it) is no fallback: `misses` stays empty', async () => {
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', `file://${origin.dir}`, clone]);
    execFileSync('git', ['remote', 'set-url', 'origin', join(tempDir(), 'gone')], { cwd: clone });
    const git = await GitRepo.open(clone);
    const log = new MemoryLogger();
    const misses: string[] = [];
    const branch = origin.git('rev-parse', '--abbrev-ref', 'HEAD').trim();
    const fork = { kind: 'merge-base', ref: `refs/remotes/origin/${branch}`, fetchBranch: branch, label: branch } as const;
    const base = await resolveBase(git, [fork], log, misses);
    assert.deepEqual(base, { sha: third, label: branch });
    assert.match(log.lines.join('\n'), /Fetch failed: /, 'precondition: the fetch failed');
    assert.deepEqual(misses, []);
  });

  test('HEAD~1 a depth-1 clone lacks (a force push, a schedule, a manual run) is fetched with the head, one generation deeper', async () => {
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin.dir}`, clone]);
    const git = await GitRepo.open(clone);
    assert.equal(await git.resolveCommit('HEAD~1'), null, 'precondition: the clone has the head alone');
    const log = new MemoryLogger();
    const base = await resolveBase(git, [{ kind: 'rev', rev: 'HEAD~1', label: 'HEAD~1' }], log);
    const second = origin.git('rev-parse', 'HEAD~1').trim();
    assert.deepEqual(base, { sha: second, label: 'HEAD~1' });
    assert.deepEqual(log.lines, [`info: HEAD~1 is not in this clone (shallow checkout); fetching ${third.slice(0, 7)} with its parent.`]);
    assert.equal((await commitTree(git, second, 'HEAD~1').read('metrics.json'))?.toString(), '{"acc": 2}');
    assert.equal(execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: clone, encoding: 'utf8' }).trim(), '2', 'one generation fetched, not the history');
  });

  test('HEAD~1 a shallow clone lacks and cannot fetch: a warning that the base exists but could not be read, with the fix; no base', async () => {
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin.dir}`, clone]);
    execFileSync('git', ['remote', 'set-url', 'origin', join(tempDir(), 'gone')], { cwd: clone });
    const git = await GitRepo.open(clone);
    const log = new MemoryLogger();
    const misses: string[] = [];
    assert.equal(await resolveBase(git, [{ kind: 'rev', rev: 'HEAD~1', label: 'HEAD~1' }], log, misses, 'To check it: fetch it.'), null);
    assert.equal(misses.length, 1);
    // The same statement as the gate's ("it exists, so this is no missing base"), never "No base revision found".
    assert.match(
      log.lines.join('\n'),
      /^warning: Could not fetch HEAD~1: .+\n(?:.*\n)*warning: The base revision could not be read \(HEAD~1 could not be fetched: .+\): it exists, so this is no missing base, .+ To check it: fetch it\.$/m,
    );
    assert.doesNotMatch(log.lines.join('\n'), /No base revision found/);
  });

  test('an explicit base a shallow clone lacks is fetched from origin; one that does not exist is an error naming what was tried', async () => {
    origin.git('branch', 'release', first);
    const git = await GitRepo.open(cloneDir);
    assert.equal(await git.resolveCommit('release'), null, 'precondition: the clone has only its own branch');
    const log = new MemoryLogger();
    const base = await resolveBase(git, [explicitBase('release', "Input 'base'", 'actions/checkout with `fetch-depth: 0`')], log);
    assert.deepEqual(base, { sha: first, label: 'release' });
    origin.git('branch', 'stable', first);
    const remote = await resolveBase(git, [explicitBase('origin/stable', '--base', "'git fetch origin <branch>'")], log);
    assert.deepEqual(remote, { sha: first, label: 'origin/stable' }, 'origin/<branch> fetches <branch>');
    await assert.rejects(
      resolveBase(git, [explicitBase('relaese', "Input 'base'", 'actions/checkout with `fetch-depth: 0`')], log),
      (error: Error) =>
        error instanceof UserError &&
        /^Input 'base': 'relaese' is not a commit in this repository \(tried `relaese`; fetching the branch 'relaese' from origin \(.*couldn't find remote ref/.test(
          error.message,
        ) &&
        error.message.endsWith('or fetch it before mlreport runs (actions/checkout with `fetch-depth: 0`).'),
    );
  });

  test("an explicit HEAD~1 a shallow clone lacks is fetched as the default base is; a CLI's --base error gives the CLI's advice", async () => {
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin.dir}`, clone]);
    const git = await GitRepo.open(clone);
    const log = new MemoryLogger();
    const advice = "'git fetch origin <branch>', or 'git fetch --unshallow' in a shallow clone";
    const base = await resolveBase(git, [explicitBase('HEAD~1', '--base', advice)], log);
    assert.equal(base?.sha, origin.git('rev-parse', 'HEAD~1').trim());
    assert.match(log.lines.join('\n'), /HEAD~1 is not in this clone \(shallow checkout\); fetching/);
    await assert.rejects(resolveBase(git, [explicitBase('nope', '--base', advice)], log), (error: Error) =>
      error.message.endsWith(`fetch it before mlreport runs (${advice}).`),
    );
  });

  test("an explicit <branch>~N a shallow clone lacks is fetched N generations deep, never looked for as a branch named 'main~1'", async () => {
    const shallowClone = (): string => {
      const dir = join(tempDir(), 'clone');
      execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin.dir}`, dir]);
      return dir;
    };
    const main = origin.git('branch', '--show-current').trim();
    const second = origin.git('rev-parse', 'HEAD~1').trim();
    // The clone has the branch (its local branch, or origin/<branch>): that commit is fetched again with N generations.
    for (const rev of [`${main}~1`, `origin/${main}^`]) {
      const git = await GitRepo.open(shallowClone());
      const log = new MemoryLogger();
      assert.deepEqual(await resolveBase(git, [explicitBase(rev, '--base', 'advice')], log), { sha: second, label: rev });
      assert.deepEqual(log.lines, [`info: ${rev} is not in this clone (shallow checkout); fetching ${third.slice(0, 7)} with its parent.`]);
    }
    // A branch only on origin: fetched into origin/<branch>, deep enough for its ~N.
    origin.git('branch', 'stable-2', 'HEAD~1');
    const git = await GitRepo.open(shallowClone());
    const log = new MemoryLogger();
    assert.deepEqual(await resolveBase(git, [explicitBase('stable-2~1', '--base', 'advice')], log), { sha: first, label: 'stable-2~1' });
    assert.deepEqual(log.lines, ["info: --base: 'stable-2~1' is not in this clone; fetching the branch 'stable-2' from origin."]);
  });

  test('a commit is read binary-safe, null for a missing path, relative to a sub-folder', async () => {
    const repo = new TempRepo();
    const bytes = Buffer.from([0, 255, 1, 254, 10, 13, 10]);
    const sha = repo.commit('bin', { 'sub/model.bin': bytes, 'sub/m.json': '{}' });
    const git = await GitRepo.open(join(repo.dir, 'sub'));
    const tree = commitTree(git, sha, 'bin');
    assert.deepEqual(await tree.read('model.bin'), bytes);
    assert.equal(await tree.read('nope.json'), null);
    assert.deepEqual(await tree.list(), ['m.json', 'model.bin']);
    repo.remove();
  });

  test('revisions that look like options are refused, not passed to git', async () => {
    const git = await GitRepo.open(origin.dir);
    await assert.rejects(git.resolveCommit('--output=/tmp/pwned'), /not a usable git revision/);
    await assert.rejects(git.fetchBranch('--upload-pack=touch /tmp/x', 1), /not a valid branch name|not a usable git revision/);
    assert.equal(await git.resolveCommit(third), third);
  });
});
