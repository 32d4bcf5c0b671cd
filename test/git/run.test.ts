import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { gitYesNo, runGit } from '../../src/git/run';
import { TempRepo } from '../helpers/repo';

const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.remove()));

describe('runGit', () => {
  test("stdout as UTF-8; a failure is git's own words; the environment is the process's, as for `git` typed there", async () => {
    const r = new TempRepo();
    repos.push(r);
    const sha = r.commit('één', { 'ü.txt': 'x' });
    assert.equal(await runGit(r.dir, ['log', '-1', '--format=%s']), 'één\n');
    assert.equal(await runGit(r.dir, ['ls-tree', '--name-only', '-z', sha]), 'ü.txt\0');
    await assert.rejects(runGit(r.dir, ['rev-parse', '--verify', 'no-such-branch']), /^Error: fatal: Needed a single revision$/);
    await assert.rejects(runGit(join(r.dir, 'gone'), ['status']), /git status could not start/);
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'mlreport.probe', GIT_CONFIG_VALUE_0: 'from the environment' });
      assert.equal(await runGit(r.dir, ['config', 'mlreport.probe']), 'from the environment\n');
    } finally {
      for (const key of ['GIT_CONFIG_COUNT', 'GIT_CONFIG_KEY_0', 'GIT_CONFIG_VALUE_0']) if (saved[key] === undefined) delete process.env[key];
    }
  });

  test("gitYesNo: exit 0 is yes, 1 is no, anything else git's own words (check-ignore, as the .gitignore of a cached output asks it)", async () => {
    const r = new TempRepo();
    repos.push(r);
    r.commit('ignore', { '.gitignore': '/model.pkl\n' });
    assert.equal(await gitYesNo(r.dir, ['check-ignore', '-q', '--no-index', '--', 'model.pkl']), true);
    assert.equal(await gitYesNo(r.dir, ['check-ignore', '-q', '--no-index', '--', 'eval']), false);
    await assert.rejects(gitYesNo(r.dir, ['check-ignore', '-q', '--no-index', '--', '../elsewhere']), /^Error: fatal: .*outside repository/);
  });
});
