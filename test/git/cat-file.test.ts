import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CatFileBatch, ObjectTooLarge } from '../../src/git/cat-file';
import { GitRepo } from '../../src/git/repo';
import { commitTree, ReadBudget, RefusedRead } from '../../src/workspace/tree';
import { TempRepo } from '../helpers/repo';

const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.remove()));

function repo(): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  return r;
}

/** Whether a process with this id still runs (signal 0 only checks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function exited(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 20));
  return !alive(pid);
}

describe('one git cat-file --batch for many reads', () => {
  test('concurrent reads come back each with its own bytes, binary-safe, empty and newline-ended blobs too', async () => {
    const r = repo();
    const files: Record<string, string | Buffer> = { 'empty.txt': '', 'nl.txt': '\n\n\n', 'bin.dat': Buffer.from([0, 10, 255, 13, 10, 0]) };
    for (let i = 0; i < 300; i++) files[`m/${i}.json`] = JSON.stringify({ i, pad: 'x'.repeat(i * 37) });
    const sha = r.commit('many', files);
    const git = await GitRepo.open(r.dir);
    const tree = commitTree(git, sha, 'many');
    const paths = Object.keys(files);
    const got = await Promise.all(paths.map((p) => tree.read(p)));
    paths.forEach((p, i) => assert.deepEqual(got[i], Buffer.from(files[p]!), p));
    await git.close();
  });

  test('a missing object is null and the reader stays in step for the next reads', async () => {
    const r = repo();
    const sha = r.commit('one', { 'a.txt': 'alpha' });
    const oid = r.git('rev-parse', `${sha}:a.txt`);
    const batch = new CatFileBatch(r.dir);
    const [missing, found] = await Promise.all([batch.read('0'.repeat(40), 100), batch.read(oid, 100)]);
    assert.equal(missing, null);
    assert.equal(found?.toString(), 'alpha');
    await batch.close();
  });

  test('an object over the limit is refused, its bytes skipped, and the reads after it still get theirs', async () => {
    const r = repo();
    const sha = r.commit('two', { 'big.bin': Buffer.alloc(3 * 1024 * 1024, 7), 'small.txt': 'small' });
    const big = r.git('rev-parse', `${sha}:big.bin`);
    const small = r.git('rev-parse', `${sha}:small.txt`);
    const batch = new CatFileBatch(r.dir);
    const results = await Promise.allSettled([batch.read(big, 1024), batch.read(small, 1024), batch.read(big, 4 * 1024 * 1024)]);
    assert.ok(results[0].status === 'rejected' && results[0].reason instanceof ObjectTooLarge);
    assert.equal(results[1].status === 'fulfilled' && results[1].value?.toString(), 'small');
    assert.equal(results[2].status === 'fulfilled' && results[2].value?.length, 3 * 1024 * 1024);
    await batch.close();
  });

  test('close ends the process, also after failed reads; reads after close fail', async () => {
    const r = repo();
    const sha = r.commit('one', { 'a.txt': 'alpha', 'big.txt': 'b'.repeat(5000) });
    const git = await GitRepo.open(r.dir);
    const tree = commitTree(git, sha, 'one', { budget: new ReadBudget(1000, 10_000) });
    assert.equal((await tree.read('a.txt'))?.toString(), 'alpha');
    await assert.rejects(tree.read('big.txt'), RefusedRead);
    await assert.rejects(tree.read('.git/config'), RefusedRead);
    const batch = new CatFileBatch(r.dir);
    const oid = r.git('rev-parse', `${sha}:a.txt`);
    await batch.read(oid, 10);
    const pid = batch.pid!;
    assert.ok(alive(pid));
    await batch.close();
    assert.ok(await exited(pid), 'git cat-file still runs after close');
    assert.equal(batch.pid, undefined);
    await assert.rejects(batch.read(oid, 10), /closed/);
    await git.close();
  });

  test('git dying under a read fails that read with a message, and the next read starts a new process', async () => {
    const r = repo();
    const sha = r.commit('one', { 'a.txt': 'alpha' });
    const oid = r.git('rev-parse', `${sha}:a.txt`);
    const batch = new CatFileBatch(r.dir);
    await batch.read(oid, 10);
    const pid = batch.pid!;
    const pending = batch.read('f'.repeat(40), 10);
    process.kill(pid, 'SIGKILL');
    // The read may have been answered before the signal landed; either way the reader must not hang.
    await pending.then(
      (v) => assert.equal(v, null),
      (e: Error) => assert.match(e.message, /git cat-file ended early/),
    );
    assert.ok(await exited(pid));
    assert.equal((await batch.read(oid, 10))?.toString(), 'alpha');
    assert.notEqual(batch.pid, pid);
    await batch.close();
  });

  test('revisions resolve through the same process: tags peel to their commit, non-commits and unknown names are null, new commits are seen', async () => {
    const r = repo();
    const first = r.commit('one', { 'a.txt': 'alpha' });
    r.git('tag', '-a', '-m', 'annotated', 'v1');
    const git = await GitRepo.open(r.dir);
    assert.equal(await git.resolveCommit('v1'), first);
    assert.equal(await git.resolveCommit('HEAD:a.txt'), null);
    assert.equal(await git.resolveCommit('no-such-branch'), null);
    const second = r.commit('two', { 'a.txt': 'beta' });
    assert.equal(await git.resolveCommit('HEAD'), second);
    assert.equal(await git.resolveCommit('HEAD~1'), first);
    await assert.rejects(git.resolveCommit('-n'), /not a usable git revision/);
    await assert.rejects(git.resolveCommit('HEAD\nHEAD'), /not a usable git revision/);
    await git.close();
  });

  test('a repository that is gone fails the read with git’s own words, not a hang', async () => {
    const r = repo();
    const batch = new CatFileBatch(join(r.dir, 'no-such-dir'));
    await assert.rejects(batch.read('a'.repeat(40), 10), /git cat-file/);
    await batch.close();
  });
});

describe('commitTree through the batch reader keeps every guard', { skip: process.platform === 'win32' && 'symlinks need extra rights on Windows' }, () => {
  test('links resolved inside the commit (chains too), refused out of it; a missing path is null; the size cap holds', async () => {
    const r = repo();
    r.write({ 'data/real.csv': 'a\n1\n', 'big.csv': 'z'.repeat(2000) });
    symlinkSync('data/real.csv', join(r.dir, 'one.csv'));
    symlinkSync('one.csv', join(r.dir, 'two.csv'));
    symlinkSync('../../etc/passwd', join(r.dir, 'data', 'up.csv'));
    symlinkSync('big.csv', join(r.dir, 'to-big.csv'));
    symlinkSync('loop-b', join(r.dir, 'loop-a'));
    symlinkSync('loop-a', join(r.dir, 'loop-b'));
    const sha = r.commit('links');
    const git = await GitRepo.open(r.dir);
    const tree = commitTree(git, sha, 'main', { budget: new ReadBudget(1000, 1_000_000) });
    assert.equal((await tree.read('two.csv'))?.toString(), 'a\n1\n');
    await assert.rejects(tree.read('data/up.csv'), /data\/up\.csv: a link to \.\.\/\.\.\/etc\/passwd, outside the project/);
    await assert.rejects(tree.read('to-big.csv'), /to-big\.csv: .* larger than/);
    await assert.rejects(tree.read('loop-a'), /too many levels of links/);
    assert.equal(await tree.read('missing.csv'), null);
    assert.equal(await tree.read('data'), null);
    await git.close();
  });
});
