import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitRepo } from '../../src/git/repo';
import { TempRepo } from '../helpers/repo';

const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.remove()));

/** What `git diff --name-only` lists from `sha` to the work tree under `dir`: the porcelain's answer. */
function porcelain(r: TempRepo, sha: string, dir: string): string[] {
  const out = r.git('-C', dir, 'diff', '--name-only', '-z', '--no-renames', '--relative', sha, '--');
  return out.split('\0').filter(Boolean).sort();
}

async function diffPaths(dir: string, sha: string): Promise<string[]> {
  return (await GitRepo.using(dir, (git) => git.diffPaths(sha))).sort();
}

/** Rewrites a file with the bytes it has, its time moved: its stat differs from the index's, its content does not. */
function touchSame(r: TempRepo, path: string, content: string): void {
  writeFileSync(join(r.dir, path), content);
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(r.dir, path), later, later);
}

describe('the files changed from a commit to the work tree (diffPaths)', () => {
  test('lists what `git diff` lists: a rewrite of the same bytes, or a file back to the commit, is no change', async () => {
    const r = new TempRepo();
    repos.push(r);
    const base = r.commit('base', { 'a.txt': 'a\n', 'b.txt': 'b\n', 'c.txt': 'c\n', 'sub/d.txt': 'd\n', 'sub/e.txt': 'e\n', 'g.sh': 'echo\n' });
    r.commit('head', { 'a.txt': 'a at head\n', 'sub/e.txt': 'e at head\n' });

    touchSame(r, 'b.txt', 'b\n'); // rewritten with the bytes it had: stat only
    touchSame(r, 'a.txt', 'a\n'); // back to the base's content (HEAD's index holds another)
    writeFileSync(join(r.dir, 'c.txt'), 'c changed\n');
    rmSync(join(r.dir, 'sub', 'd.txt'));
    r.write({ 'new.txt': 'new\n', 'untracked.txt': 'u\n' });
    r.git('add', 'new.txt');
    if (process.platform !== 'win32') chmodSync(join(r.dir, 'g.sh'), 0o755);

    const expected = ['c.txt', 'new.txt', 'sub/d.txt', 'sub/e.txt', ...(process.platform !== 'win32' ? ['g.sh'] : [])].sort();
    assert.deepEqual(porcelain(r, base, r.dir), expected, "the porcelain's own list");
    assert.deepEqual(await diffPaths(r.dir, base), expected);
    // From a folder of the project, paths relative to it and only what is under it.
    assert.deepEqual(await diffPaths(join(r.dir, 'sub'), base), porcelain(r, base, join(r.dir, 'sub')));
    assert.deepEqual(await diffPaths(join(r.dir, 'sub'), base), ['d.txt', 'e.txt']);
  });

  test('a file whose content differs is listed however many files only changed their stat', async () => {
    const r = new TempRepo();
    repos.push(r);
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`m/${i}.json`] = `{"acc": ${i}}\n`;
    const base = r.commit('base', files);
    for (let i = 0; i < 50; i++) touchSame(r, `m/${i}.json`, files[`m/${i}.json`]!);
    writeFileSync(join(r.dir, 'm', '7.json'), '{"acc": 0.7}\n');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(r.dir, 'm', '7.json'), later, later);
    assert.deepEqual(await diffPaths(r.dir, base), ['m/7.json']);
    assert.deepEqual(porcelain(r, base, r.dir), ['m/7.json']);
  });
});
