import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CatFileBatch, NotRead, ObjectTooLarge } from '../../src/git/cat-file';
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

  test('readMany asks for every object at once and answers in the order asked: missing null, over the limit refused, the rest their bytes', async () => {
    const r = repo();
    const files: Record<string, string | Buffer> = { 'big.bin': Buffer.alloc(200_000, 7), 'empty.txt': '' };
    for (let i = 0; i < 2000; i++) files[`m/${i}.json`] = JSON.stringify({ i });
    const sha = r.commit('many', files);
    const names = Object.keys(files);
    const oids = new Map(
      r
        .git('rev-parse', ...names.map((p) => `${sha}:${p}`))
        .split('\n')
        .map((o, i) => [names[i]!, o]),
    );
    const oid = (p: string): string => oids.get(p)!;
    const paths = names.filter((p) => p.startsWith('m/'));
    const batch = new CatFileBatch(r.dir);
    await batch.read(oid('empty.txt'), 10);
    const pid = batch.pid;
    // A batch this large goes through a file in a private temporary folder, which must be gone after.
    const temp = mkdtempSync(join(tmpdir(), 'cat-file-test-'));
    const savedTemp = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    const got = await batch.readMany([
      { oid: oid('big.bin'), maxBytes: 1000 },
      { oid: '0'.repeat(40), maxBytes: 1000 },
      ...paths.map((p) => ({ oid: oid(p), maxBytes: 1000 })),
      { oid: oid('empty.txt'), maxBytes: 0 },
      { oid: oid('big.bin'), maxBytes: 200_000 },
    ]);
    assert.ok(got[0] instanceof ObjectTooLarge && got[0].size === 200_000);
    assert.equal(got[1], null);
    paths.forEach((p, i) => assert.equal((got[i + 2] as Buffer).toString(), files[p], p));
    assert.equal((got.at(-2) as Buffer).length, 0);
    assert.equal((got.at(-1) as Buffer).length, 200_000);
    if (savedTemp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTemp;
    assert.deepEqual(readdirSync(temp), [], 'the batch file is removed');
    assert.equal(batch.pid, pid, 'the long-lived reader is still the same process');
    // No writable temporary folder: the same answers, through the long-lived reader.
    process.env.TMPDIR = join(temp, 'no-such-folder');
    try {
      const again = await batch.readMany(paths.map((p) => ({ oid: oid(p), maxBytes: 1000 })));
      paths.forEach((p, i) => assert.equal((again[i] as Buffer).toString(), files[p], p));
    } finally {
      if (savedTemp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTemp;
    }
    // A small batch is asked of that process, in step with its other reads.
    const few = await batch.readMany([
      { oid: oid('m/1.json'), maxBytes: 100 },
      { oid: oid('big.bin'), maxBytes: 10 },
    ]);
    assert.equal((few[0] as Buffer).toString(), files['m/1.json']);
    assert.ok(few[1] instanceof ObjectTooLarge);
    assert.equal(batch.pid, pid);
    rmSync(temp, { recursive: true });
    assert.deepEqual(await batch.readMany([]), []);
    await batch.close();
    await assert.rejects(batch.readMany([{ oid: oid('empty.txt'), maxBytes: 0 }]), /closed/);
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

  test('a large batch where git cannot read fails with git’s own words and leaves no file behind', async () => {
    const r = repo();
    r.commit('one', { 'a.txt': 'alpha' });
    rmSync(join(r.dir, '.git'), { recursive: true });
    const temp = mkdtempSync(join(tmpdir(), 'cat-file-test-'));
    const savedTemp = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    try {
      const batch = new CatFileBatch(r.dir);
      const many = Array.from({ length: 100 }, (_, i) => ({ oid: i.toString(16).padStart(40, '0'), maxBytes: 10 }));
      await assert.rejects(batch.readMany(many), /git cat-file failed: .*not a git repository/);
      await batch.close();
      assert.deepEqual(readdirSync(temp), []);
    } finally {
      if (savedTemp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTemp;
      rmSync(temp, { recursive: true });
    }
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

describe(
  'commitTree.readMany: one batch, the guards of read for each file',
  { skip: process.platform === 'win32' && 'symlinks need extra rights on Windows' },
  () => {
    test('each path gets what read gives it, in order: bytes, null, or the refusal naming the file and the rule', async () => {
      const r = repo();
      r.write({ 'data/real.csv': 'a\n1\n', 'big.csv': 'z'.repeat(2000), 'm/a.json': '{"a": 1}', 'm/b.json': '{"b": 2}' });
      symlinkSync('data/real.csv', join(r.dir, 'one.csv'));
      symlinkSync('../../etc/passwd', join(r.dir, 'data', 'up.csv'));
      symlinkSync('big.csv', join(r.dir, 'to-big.csv'));
      const sha = r.commit('links');
      const git = await GitRepo.open(r.dir);
      const paths = ['m/a.json', 'big.csv', 'data/up.csv', 'missing.json', '.git/config', 'one.csv', 'to-big.csv', 'data', 'm/b.json'];
      const got = await commitTree(git, sha, 'main', { budget: new ReadBudget(1000, 1_000_000) }).readMany!(paths);
      assert.equal(got.length, paths.length);
      assert.equal(String(got[0]), '{"a": 1}');
      assert.ok(got[1] instanceof RefusedRead && /^big\.csv: .* larger than/.test(got[1].message), String(got[1]));
      assert.ok(got[2] instanceof RefusedRead && /^data\/up\.csv: a link to \.\.\/\.\.\/etc\/passwd, outside the project/.test(got[2].message), String(got[2]));
      assert.equal(got[3], null);
      assert.ok(got[4] instanceof RefusedRead && /\.git\/config: inside \.git\//.test(got[4].message), String(got[4]));
      assert.equal(String(got[5]), 'a\n1\n');
      assert.ok(got[6] instanceof RefusedRead && /^to-big\.csv: .* larger than/.test(got[6].message), String(got[6]));
      assert.equal(got[7], null);
      assert.equal(String(got[8]), '{"b": 2}');
      await git.close();
    });

    test('the run budget is taken file by file in the order asked: the file that would pass it is refused, by name; a smaller one after it still fits', async () => {
      const r = repo();
      const sha = r.commit('four', { '1.json': 'x'.repeat(400), '2.json': 'x'.repeat(400), '3.json': 'x'.repeat(400), '4.json': 'x'.repeat(100) });
      const git = await GitRepo.open(r.dir);
      const budget = new ReadBudget(1000, 1000);
      const got = await commitTree(git, sha, 'main', { budget }).readMany!(['1.json', '2.json', '3.json', '4.json']);
      assert.equal((got[0] as Buffer).length, 400);
      assert.equal((got[1] as Buffer).length, 400);
      assert.ok(got[2] instanceof RefusedRead && /^3\.json: reading it would pass the .* one run may read/.test(got[2].message), String(got[2]));
      // What is left (200 bytes) still takes a smaller file, as one read after another would.
      assert.equal((got[3] as Buffer).length, 100);
      // The budget is shared with later reads of the run.
      await assert.rejects(commitTree(git, sha, 'again', { budget }).read('1.json'), /1\.json: reading it would pass/);
      await git.close();
    });
  },
);

describe('a large batch whose answers pass what the run may read', () => {
  // 200 blobs of 512 KiB (100 MiB for git to write into the batch's file), a run that may read 2 MiB.
  const files: Record<string, string> = {};
  for (let i = 0; i < 200; i++) files[`m/${String(i).padStart(3, '0')}.json`] = `${i}`.padEnd(512 * 1024, ' ');
  const paths = Object.keys(files);

  test('git is stopped once its file passes the limit: the objects it did not get to are NotRead, the ones before read whole', async () => {
    const r = repo();
    const sha = r.commit('big', files);
    const batch = new CatFileBatch(r.dir);
    const oids = r.git('rev-parse', ...paths.map((p) => `${sha}:${p}`)).split('\n');
    const got = await batch.readMany(
      oids.map((oid) => ({ oid, maxBytes: Infinity })),
      2 * 1024 * 1024,
    );
    const read = got.filter((g) => g instanceof Buffer);
    assert.ok(read.length >= 4, `${read.length} read`);
    assert.ok(got.slice(0, read.length).every((g, i) => g instanceof Buffer && g.toString() === files[paths[i]!]));
    // The rest were never taken from git: far fewer than 200 bodies were written.
    assert.ok(got.slice(read.length).every((g) => g instanceof NotRead));
    assert.ok(read.length < 150, `${read.length} of 200 read: git was not stopped`);
    await batch.close();
  });

  test('through a commit: the files the run can take are read in order, the rest refused by name as past the budget', async () => {
    const r = repo();
    const sha = r.commit('big', files);
    const git = await GitRepo.open(r.dir);
    const budget = new ReadBudget(1024 * 1024, 2 * 1024 * 1024 + 1000);
    const got = await commitTree(git, sha, 'main', { budget }).readMany!(paths);
    // Four of 512 KiB fit in 2 MiB + 1,000 bytes; every later one is refused, whether git wrote it or was stopped first.
    assert.deepEqual(
      got.slice(0, 4).map((g) => (g as Buffer).length),
      [512 * 1024, 512 * 1024, 512 * 1024, 512 * 1024],
    );
    for (const [i, g] of got.slice(4).entries()) {
      assert.ok(g instanceof RefusedRead && g.message === `${paths[i + 4]}: reading it would pass the 2 MiB one run may read; not read`, String(g));
    }
    await git.close();
  });
});

describe('objects read once a run', () => {
  test('a small blob read again (the base for the comparison, then for the history) is not asked of git again; a large one is', async () => {
    const r = repo();
    const sha = r.commit('three', { 'm.json': '{"acc": 1}', 'other.json': '{}', 'big.csv': 'z'.repeat(200 * 1024) });
    const git = await GitRepo.open(r.dir);
    const [small] = await commitTree(git, sha, 'base').readMany!(['m.json']);
    assert.equal(String(small), '{"acc": 1}');
    assert.equal((await commitTree(git, sha, 'base').read('big.csv'))!.length, 200 * 1024);
    // The history finds its files through the commit's tree objects: these are read now, for another file.
    assert.equal(String(await commitTree(git, sha, 'history', { byPath: true }).read('other.json')), '{}');
    await git.close();
    // The reader has ended: what is served now was kept from the first read.
    assert.equal(
      String(
        await commitTree(git, sha, 'history', { byPath: true })
          .read('m.json')
          .catch((e: Error) => e.message),
      ),
      '{"acc": 1}',
    );
    await assert.rejects(commitTree(git, sha, 'again').read('big.csv'), /closed/, 'a large blob is not kept');
  });
});
