import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GitRepo } from '../../src/git/repo';
import { TempRepo, tempDir } from '../helpers/repo';

const repos: TempRepo[] = [];
const dirs: string[] = [];
after(() => {
  repos.forEach((r) => r.remove());
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function folder(prefix: string): string {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
}

function repo(): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  r.commit('one', { 'top.json': '{}', 'sub/deep/m.json': '{"a": 1}', 'sub/p.yaml': 'lr: 1\n' });
  return r;
}

/** What git itself says of `dir`: the top of its work tree and the files of HEAD under `dir`, named from there. */
function gitSays(dir: string): { root: string; files: string[] } {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  return { root: resolve(git('rev-parse', '--show-toplevel')), files: git('ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter(Boolean).sort() };
}

async function weSay(dir: string): Promise<{ root: string; files: string[] }> {
  return GitRepo.using(dir, async (git) => {
    const head = (await git.resolveCommit('HEAD'))!;
    return { root: resolve(git.root), files: [...(await git.listEntries(head)).keys()].sort() };
  });
}

/** `fn` with no git on PATH: whatever it opens, it opens without starting a process. */
async function withoutGitOnPath<T>(fn: () => Promise<T>): Promise<T> {
  const path = process.env.PATH;
  process.env.PATH = '';
  try {
    return await fn();
  } finally {
    process.env.PATH = path;
  }
}

describe('opening a repository: where its work tree starts, and where the folder opened sits in it', () => {
  test('a plain clone is found without a git process, from its top, a folder inside and a link to one: what git says', async () => {
    const r = repo();
    const places = [r.dir, join(r.dir, 'sub'), join(r.dir, 'sub', 'deep')];
    // A link to a folder needs extra rights on Windows.
    if (process.platform !== 'win32') {
      const link = join(folder('mlreport-link-'), 'to-sub');
      symlinkSync(join(r.dir, 'sub'), link);
      places.push(link);
    }
    for (const dir of places) {
      // Opened (and so placed) with no git to ask; read with git back on PATH.
      const opened = await withoutGitOnPath(() => GitRepo.open(dir));
      assert.equal(realpathSync(opened.root), realpathSync(r.dir), dir);
      await opened.close();
      assert.deepEqual(await weSay(dir), gitSays(dir), dir);
    }
  });

  test('anything less plain is asked of git, with the same answers: GIT_DIR, a linked work tree, a config naming a work tree', async () => {
    const r = repo();
    const linked = join(folder('mlreport-worktree-'), 'wt');
    r.git('worktree', 'add', '-q', linked);
    mkdirSync(join(linked, 'extra'), { recursive: true });
    assert.deepEqual(await weSay(join(linked, 'sub')), gitSays(join(linked, 'sub')), 'a linked work tree (.git is a file)');
    await assert.rejects(
      withoutGitOnPath(() => GitRepo.open(join(linked, 'extra'))),
      /not inside a git repository/,
      'a .git file is not read here: git is asked, and there is none on PATH',
    );

    const elsewhere = repo();
    const gitDir = join(elsewhere.dir, '.git');
    const workTree = folder('mlreport-worktree-');
    mkdirSync(join(workTree, 'sub'));
    process.env.GIT_DIR = gitDir;
    process.env.GIT_WORK_TREE = workTree;
    try {
      const opened = await GitRepo.open(join(workTree, 'sub'));
      assert.equal(realpathSync(opened.root), realpathSync(workTree), 'GIT_WORK_TREE is the top');
      await opened.close();
    } finally {
      delete process.env.GIT_DIR;
      delete process.env.GIT_WORK_TREE;
    }

    // A config that includes others may name a work tree there: git is asked (and here there is none to ask).
    const including = repo();
    including.git('config', 'include.path', 'more.cfg');
    await assert.rejects(
      withoutGitOnPath(() => GitRepo.open(including.dir)),
      /not inside a git repository/,
    );
    assert.deepEqual(await weSay(including.dir), gitSays(including.dir));

    const configured = repo();
    const outside = folder('mlreport-worktree-');
    configured.git('config', 'core.worktree', outside);
    const opened = await GitRepo.open(configured.dir);
    assert.equal(realpathSync(opened.root), realpathSync(outside), 'core.worktree is the top');
    await opened.close();
  });

  test(
    "a repository another user owns is git's to refuse, in its own words (how to allow it), not said to be no repository",
    { skip: process.getuid?.() !== 0 && 'giving a folder to another user needs root' },
    async () => {
      const r = repo();
      // The top alone first (git checks it as well as .git), then everything.
      execFileSync('chown', ['nobody', r.dir]);
      process.env.GIT_CONFIG_GLOBAL = '/dev/null';
      process.env.GIT_CONFIG_NOSYSTEM = '1';
      try {
        await assert.rejects(GitRepo.open(join(r.dir, 'sub')), /^UserError: git refuses to read the repository at .*: detected dubious ownership/);
      } finally {
        delete process.env.GIT_CONFIG_GLOBAL;
        delete process.env.GIT_CONFIG_NOSYSTEM;
      }
      execFileSync('chown', ['-R', 'nobody', r.dir]);
      // No safe.directory from this machine's own config.
      process.env.GIT_CONFIG_GLOBAL = '/dev/null';
      process.env.GIT_CONFIG_NOSYSTEM = '1';
      try {
        await assert.rejects(GitRepo.open(r.dir), /^UserError: git refuses to read the repository at .*: detected dubious ownership[^]*safe\.directory/);
      } finally {
        delete process.env.GIT_CONFIG_GLOBAL;
        delete process.env.GIT_CONFIG_NOSYSTEM;
        execFileSync('chown', ['-R', String(process.getuid!()), r.dir]);
      }
    },
  );

  test('a folder that is in no repository, or inside .git, is refused with what mlreport needs', async () => {
    await assert.rejects(GitRepo.open(folder('mlreport-no-repo-')), /is not inside a git repository \(mlreport compares revisions/);
    const r = repo();
    await assert.rejects(GitRepo.open(join(r.dir, '.git', 'refs')), /is not inside a git repository/);
  });
});
