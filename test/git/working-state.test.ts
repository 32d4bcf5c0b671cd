import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitRepo } from '../../src/git/repo';
import { TempRepo } from '../helpers/repo';

const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.remove()));

async function state(r: TempRepo, exclude: string[] = [], dir = r.dir): Promise<{ head: string | null; branch: string | null; changed: boolean }> {
  return GitRepo.using(dir, (git) => git.workingState(exclude));
}

describe("the working tree's state, from one git status", () => {
  test('HEAD, its branch, and what counts as a change: edits, staged and untracked files; not ignored ones, not the excluded folder', async () => {
    const r = new TempRepo();
    repos.push(r);
    assert.deepEqual(await state(r), { head: null, branch: 'main', changed: false }, 'before the first commit');
    r.write({ 'a.txt': 'a' });
    assert.deepEqual(await state(r), { head: null, branch: 'main', changed: true });
    const sha = r.commit('one', { '.gitignore': 'ignored/\n', 'sub/b.txt': 'b' });
    assert.deepEqual(await state(r), { head: sha, branch: 'main', changed: false });

    r.write({ 'ignored/x': 'x', 'out/report.md': 'r' });
    assert.deepEqual(await state(r, ['out']), { head: sha, branch: 'main', changed: false }, 'ignored files and the excluded folder');
    assert.equal((await state(r)).changed, true, 'an untracked folder is a change');

    r.write({ 'a.txt': 'changed' });
    r.git('add', 'a.txt');
    assert.equal((await state(r, ['out'])).changed, true, 'a staged edit');
    r.git('commit', '-qm', 'two');
    const second = r.git('rev-parse', 'HEAD');

    // From a folder inside the project, only what is under it counts.
    r.write({ 'a.txt': 'again' });
    assert.deepEqual(await state(r, [], join(r.dir, 'sub')), { head: second, branch: 'main', changed: false });
    writeFileSync(join(r.dir, 'sub', 'b.txt'), 'edited');
    assert.equal((await state(r, [], join(r.dir, 'sub'))).changed, true);
    r.git('checkout', '-q', '--', '.');

    r.git('checkout', '-q', '-b', 'feature/x');
    assert.deepEqual(await state(r, ['out']), { head: second, branch: 'feature/x', changed: false });
    r.git('checkout', '-q', '--detach', sha);
    assert.deepEqual(await state(r, ['out']), { head: sha, branch: null, changed: false }, 'a detached HEAD has no branch');
    mkdirSync(join(r.dir, 'odd name\twith tab'));
    writeFileSync(join(r.dir, 'odd name\twith tab', 'f'), 'f');
    assert.equal((await state(r, ['out'])).changed, true, 'a path git would quote');
  });
});
