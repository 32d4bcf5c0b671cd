import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GitRepo } from '../../src/git/repo';
import { commitTree, projectPath, ReadBudget, RefusedRead, WorkspaceListing, workspaceTree } from '../../src/workspace/tree';
import { TempRepo, tempDir } from '../helpers/repo';

const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.remove()));

describe('projectPath', () => {
  test('normalises inside the project; refuses absolute paths, `..` out and .git/.dvc at any depth and case', () => {
    assert.equal(projectPath('./a/b/../c.json'), 'a/c.json');
    assert.equal(projectPath('a\\b.json'), 'a/b.json');
    assert.equal(projectPath('my.dvc'), 'my.dvc');
    for (const bad of ['/etc/passwd', 'C:/x', '../x', 'a/../../x', '.git/config', 'a/.Git/config', 'x/y/.DVC/config', '.dvc/tmp/x']) {
      assert.throws(() => projectPath(bad), RefusedRead, bad);
    }
  });
});

describe('letter case', () => {
  test('a path that differs from the file on disk only in case is what git sees at a commit: not there; reported, not read', async () => {
    const r = new TempRepo();
    repos.push(r);
    const head = r.commit('metrics', { 'eval/metrics.json': '{"acc": 0.9}' });
    // macOS's and Windows' default file systems find the file under any case; git, and Linux's, do not.
    const caseInsensitive = existsSync(join(r.dir, 'EVAL', 'Metrics.JSON'));
    assert.equal(await commitTree(await GitRepo.open(r.dir), head, 'HEAD').read('Eval/metrics.json'), null);
    const read = workspaceTree(r.dir).read('Eval/metrics.json');
    if (caseInsensitive) {
      await assert.rejects(read, (error) => {
        assert.ok(error instanceof RefusedRead);
        assert.equal(
          error.message,
          "Eval/metrics.json: the file on disk is 'eval/metrics.json' (letter case differs), which git and Linux runners do not take for 'Eval/metrics.json'; not read — use its name as on disk",
        );
        return true;
      });
    } else assert.equal(await read, null);
    assert.equal((await workspaceTree(r.dir).read('eval/metrics.json'))?.toString(), '{"acc": 0.9}');
  });
});

describe("a run's one listing of the workspace", () => {
  test('trees given the same listing walk the workspace once; a tree of another root, or without it, walks its own', async () => {
    const r = new TempRepo();
    repos.push(r);
    r.write({ 'dvc.yaml': 'stages: {}\n', 'data/a.png': 'a' });
    const listing = new WorkspaceListing(r.dir);
    assert.deepEqual(await workspaceTree(r.dir, { listing }).list(), ['data/a.png', 'dvc.yaml']);
    // A file written after the walk is not in the run's listing (the run takes it once the steps that write are done)...
    r.write({ 'data/b.png': 'b' });
    assert.deepEqual(await workspaceTree(r.dir, { name: 'head', listing }).list(), ['data/a.png', 'dvc.yaml']);
    // ...and is in a walk of a tree's own, as in a listing of another root (the listing is not used there).
    assert.deepEqual(await workspaceTree(r.dir).list(), ['data/a.png', 'data/b.png', 'dvc.yaml']);
    assert.deepEqual(await workspaceTree(join(r.dir, 'data'), { listing }).list(), ['a.png', 'b.png']);
  });
});

describe('the guarded trees', { skip: process.platform === 'win32' && 'symlinks need extra rights on Windows' }, () => {
  test('workspace: a size cap per file and per run, shared by the trees of one run', async () => {
    const r = new TempRepo();
    repos.push(r);
    r.write({ 'a.txt': 'x'.repeat(600), 'b.txt': 'y'.repeat(600), 'big.txt': 'z'.repeat(1200) });
    const budget = new ReadBudget(1000, 1000);
    const tree = workspaceTree(r.dir, { budget });
    assert.equal((await tree.read('a.txt'))?.length, 600);
    await assert.rejects(tree.read('big.txt'), /big\.txt: 0\.00 MiB is larger than|big\.txt: .* larger than/);
    await assert.rejects(workspaceTree(r.dir, { budget }).read('b.txt'), /one run may read/);
    assert.equal(await tree.read('missing.txt'), null);
  });

  test('workspace: a link to a folder of the project is listed through, as DVC reads a linked metrics, plots or output folder; one out of it, into .git, or to a folder above stays one entry', async () => {
    const r = new TempRepo();
    repos.push(r);
    const outside = tempDir();
    r.write({ 'runs/7/m.json': '{"acc": 1}', 'runs/7/plots/loss.csv': 'step,loss\n1,0.5\n' });
    writeFileSync(join(outside, 'secret.json'), '{}');
    symlinkSync(join('runs', '7'), join(r.dir, 'models'));
    symlinkSync(join('runs', '7'), join(r.dir, 'again'));
    symlinkSync('..', join(r.dir, 'runs', 'up'));
    symlinkSync(outside, join(r.dir, 'elsewhere'));
    symlinkSync('.git', join(r.dir, 'gitdir'));
    const tree = workspaceTree(r.dir);
    const listed = await tree.list();
    assert.deepEqual(listed, [
      'again/m.json',
      'again/plots/loss.csv',
      'elsewhere',
      'gitdir',
      'models/m.json',
      'models/plots/loss.csv',
      'runs/7/m.json',
      'runs/7/plots/loss.csv',
      'runs/up',
    ]);
    assert.equal((await tree.read('models/m.json'))?.toString(), '{"acc": 1}');
    await assert.rejects(tree.read('elsewhere/secret.json'), /a link to a file outside the project; not read/);
    await assert.rejects(
      tree.read('elsewhere'),
      (e: unknown) => e instanceof RefusedRead && e.message === 'elsewhere: a link to a folder outside the project; not read',
    );
    // Links that lead into each other are walked until one would lead where a link on the way already did.
    r.write({ 'loop/a/x.txt': 'x', 'loop/b/y.txt': 'y' });
    symlinkSync(join('..', 'b'), join(r.dir, 'loop', 'a', 'to-b'));
    symlinkSync(join('..', 'a'), join(r.dir, 'loop', 'b', 'to-a'));
    assert.deepEqual(
      (await workspaceTree(r.dir).list()).filter((f) => f.startsWith('loop/a/')),
      ['loop/a/to-b/to-a/to-b', 'loop/a/to-b/to-a/x.txt', 'loop/a/to-b/y.txt', 'loop/a/x.txt'],
    );
    // DVC's walk of the project's files does not follow links: a .dvc file found through one is not the project's.
    assert.deepEqual([...(await tree.ignored!(['models/plots/loss.csv', 'runs/7/plots/loss.csv']))], ['models/plots/loss.csv']);
  });

  test('workspace: a loop of links (x -> x, a -> b -> a), even in an ignored folder, is one entry of the listing; reading it is refused by name', async () => {
    const r = new TempRepo();
    repos.push(r);
    r.write({ '.gitignore': 'venv/\n', 'm.json': '{"acc": 1}', 'venv/keep.txt': '' });
    symlinkSync('selfy', join(r.dir, 'selfy'));
    symlinkSync('loopb', join(r.dir, 'loopa'));
    symlinkSync('loopa', join(r.dir, 'loopb'));
    symlinkSync('l', join(r.dir, 'venv', 'l'));
    const tree = workspaceTree(r.dir);
    assert.deepEqual(await tree.list(), ['.gitignore', 'loopa', 'loopb', 'm.json', 'selfy', 'venv/keep.txt', 'venv/l']);
    assert.equal((await tree.read('m.json'))?.toString(), '{"acc": 1}');
    for (const path of ['selfy', 'loopa', 'venv/l', 'selfy/m.json']) {
      await assert.rejects(tree.read(path), (error) => {
        assert.ok(error instanceof RefusedRead, String(error));
        assert.equal(error.message, `${path}: a loop of links (each leads on to another, never to a file); not read`);
        return true;
      });
    }
  });

  test('a commit: links are followed inside it; links out of the project or into .git are refused; no .git in listings', async () => {
    const r = new TempRepo();
    repos.push(r);
    r.write({ 'data/real.csv': 'a\n1\n' });
    symlinkSync('data/real.csv', join(r.dir, 'inside.csv'));
    symlinkSync('../outside.csv', join(r.dir, 'out.csv'));
    symlinkSync('sub/.git/config', join(r.dir, 'cfg.csv'));
    symlinkSync('/etc/hostname', join(r.dir, 'abs.csv'));
    const sha = r.commit('links');
    writeFileSync(join(r.dir, '..', 'outside.csv'), 'secret');
    const tree = commitTree(await GitRepo.open(r.dir), sha, 'main');
    assert.equal((await tree.read('inside.csv'))?.toString(), 'a\n1\n');
    await assert.rejects(tree.read('out.csv'), /out\.csv: a link to \.\.\/outside\.csv, outside the project/);
    await assert.rejects(tree.read('cfg.csv'), /cfg\.csv: a link to sub\/\.git\/config/);
    await assert.rejects(tree.read('abs.csv'), /abs\.csv: a link to \/etc\/hostname/);
    assert.equal(await tree.read('nope.csv'), null);
    assert.deepEqual(await tree.list(), ['abs.csv', 'cfg.csv', 'data/real.csv', 'inside.csv', 'out.csv']);
  });

  test('a commit: a link to a folder of the commit is read and listed through as in the workspace; one out of the project, into .git, to a folder above or in a loop stays one entry', async () => {
    const r = new TempRepo();
    repos.push(r);
    r.write({ 'runs/7/m.json': '{"acc": 1}', 'runs/7/plots/loss.csv': 'step,loss\n1,0.5\n', 'loop/a/x.txt': 'x', 'loop/b/y.txt': 'y' });
    symlinkSync(join('runs', '7'), join(r.dir, 'latest'));
    symlinkSync('latest', join(r.dir, 'chained'));
    symlinkSync('..', join(r.dir, 'runs', 'up'));
    symlinkSync('../outside', join(r.dir, 'elsewhere'));
    symlinkSync('.git', join(r.dir, 'gitdir'));
    symlinkSync(join('..', 'b'), join(r.dir, 'loop', 'a', 'to-b'));
    symlinkSync(join('..', 'a'), join(r.dir, 'loop', 'b', 'to-a'));
    const sha = r.commit('linked folders');
    const tree = commitTree(await GitRepo.open(r.dir), sha, 'main');
    // The workspace lists the same files: base and head name a linked folder's files alike.
    const listed = await tree.list();
    assert.deepEqual(listed, await workspaceTree(r.dir).list());
    assert.deepEqual(
      listed.filter((f) => !f.startsWith('loop/')),
      [
        'chained/m.json',
        'chained/plots/loss.csv',
        'elsewhere',
        'gitdir',
        'latest/m.json',
        'latest/plots/loss.csv',
        'runs/7/m.json',
        'runs/7/plots/loss.csv',
        'runs/up',
      ],
    );
    for (const byPath of [false, true]) {
      const at = commitTree(await GitRepo.open(r.dir), sha, 'main', { byPath });
      assert.equal((await at.read('latest/m.json'))?.toString(), '{"acc": 1}');
      assert.equal((await at.read('chained/plots/loss.csv'))?.toString(), 'step,loss\n1,0.5\n');
      assert.equal((await at.read('runs/up/runs/7/m.json'))?.toString(), '{"acc": 1}');
      assert.deepEqual(
        (await at.readMany!(['latest/m.json', 'latest/nope.json', 'latest'])).map((b) => b?.toString() ?? null),
        ['{"acc": 1}', null, null],
      );
      assert.equal(await at.read('runs/7/m.json/x'), null);
      await assert.rejects(at.read('elsewhere/secret.json'), /elsewhere\/secret\.json: a link to \.\.\/outside, outside the project/);
      await assert.rejects(at.read('gitdir/config'), /gitdir\/config: a link to \.git, outside the project or into \.git\/ or \.dvc\//);
      assert.equal((await at.read(`loop/a/${'to-b/to-a/'.repeat(3)}x.txt`))?.toString(), 'x');
      await assert.rejects(at.read(`loop/a/${'to-b/to-a/'.repeat(25)}x.txt`), /too many levels of links/);
    }
    // DVC's collection of dvc.yaml and .dvc files does not follow links, at a revision as in the workspace.
    assert.deepEqual([...(await tree.ignored!(['latest/plots/loss.csv', 'runs/7/plots/loss.csv']))], ['latest/plots/loss.csv']);
  });

  test('a commit streamed in chunks takes the run budget as git sends them: past it the read stops, refused by name', async () => {
    const r = new TempRepo();
    repos.push(r);
    const sha = r.commit('logs', { 'small.csv': 's'.repeat(300), 'big.csv': 'b'.repeat(200_000) });
    const git = await GitRepo.open(r.dir);
    const budget = new ReadBudget(1000, 100_000);
    const read = async (path: string): Promise<number> => {
      let n = 0;
      for await (const chunk of (await commitTree(git, sha, 'main', { budget }).chunks(path))!) n += chunk.length;
      return n;
    };
    // Past the per-file cap (1,000) is allowed for a streamed read; the run's 100,000 bytes are not.
    assert.equal(await read('small.csv'), 300);
    await assert.rejects(
      read('big.csv'),
      (error: Error) => error instanceof RefusedRead && /^big\.csv: reading it would pass the .* one run may read/.test(error.message),
    );
    assert.equal(await commitTree(git, sha, 'main').chunks('none.csv'), null);
    await git.close();
  });

  test("a commit's .dvc/config is read by dvcConfig() only: a regular file, within the budget; read() still refuses .dvc/", async () => {
    const r = new TempRepo();
    repos.push(r);
    const config = `[core]\n    remote = storage\n['remote "storage"']\n    url = ../../store\n`;
    const withConfig = r.commit('config', { '.dvc/config': config });
    const git = await GitRepo.open(r.dir);
    assert.equal((await commitTree(git, withConfig, 'main').dvcConfig?.())?.toString(), config);
    await assert.rejects(commitTree(git, withConfig, 'main').read('.dvc/config'), RefusedRead);
    await assert.rejects(commitTree(git, withConfig, 'main', { budget: new ReadBudget(10) }).dvcConfig!(), /\.dvc\/config: .* larger than/);
    symlinkSync('../secrets.ini', join(r.dir, '.dvc', 'link'));
    r.git('rm', '-q', '.dvc/config');
    symlinkSync('link', join(r.dir, '.dvc', 'config'));
    const linked = r.commit('a link');
    assert.equal(await commitTree(git, linked, 'main').dvcConfig!(), null);
  });
});

describe(".dvc/plots/, DVC's template folder", () => {
  const template = '{"mark": "line", "data": {"values": "<DVC_METRIC_DATA>"}}';

  test('dvcPlotsFile() reads a regular file inside it or its subfolders, in the workspace and at a commit, within the budget', async () => {
    const r = new TempRepo();
    repos.push(r);
    const sha = r.commit('templates', { '.dvc/plots/custom.json': template, '.dvc/plots/sub/deep/mine.json': template, '.dvc/config': '[core]\n' });
    const git = await GitRepo.open(r.dir);
    for (const tree of [workspaceTree(r.dir), commitTree(git, sha, 'main'), commitTree(git, sha, 'main', { byPath: true })]) {
      assert.equal((await tree.dvcPlotsFile('custom.json'))?.toString(), template, tree.name);
      assert.equal((await tree.dvcPlotsFile('sub/deep/mine.json'))?.toString(), template, tree.name);
      assert.equal(await tree.dvcPlotsFile('custom'), null, tree.name);
      assert.equal(await tree.dvcPlotsFile('custom.json/x.json'), null, tree.name);
      // A folder is no template: the workspace says so, a commit has no file there.
      if (tree.isCommit) assert.equal(await tree.dvcPlotsFile('sub/deep'), null, tree.name);
      else await assert.rejects(tree.dvcPlotsFile('sub/deep'), /\.dvc\/plots\/sub\/deep: a folder, not a file/);
      // read() is unchanged: every .dvc/ path is refused, the template folder's too.
      await assert.rejects(tree.read('.dvc/plots/custom.json'), RefusedRead);
    }
    await assert.rejects(workspaceTree(r.dir, { budget: new ReadBudget(10) }).dvcPlotsFile('custom.json'), /\.dvc\/plots\/custom\.json: .* larger than/);
    await assert.rejects(commitTree(git, sha, 'main', { budget: new ReadBudget(10) }).dvcPlotsFile('custom.json'), /larger than/);
    await git.close();
  });

  test('the rest of .dvc/ stays refused: `..` or `.` in the path, a link in it or on the way, the folder itself a link', async () => {
    const r = new TempRepo();
    repos.push(r);
    r.write({
      '.dvc/config.local': 'secret',
      '.dvc/cache/files/md5/ab/cd': 'x',
      '.dvc/tmp/x': 'x',
      '.dvc/plots/sub/t.json': template,
      'outside.json': template,
    });
    symlinkSync('../config.local', join(r.dir, '.dvc', 'plots', 'local.json'));
    symlinkSync('../../outside.json', join(r.dir, '.dvc', 'plots', 'out.json'));
    // A subfolder that is a link (to .dvc/ itself): nothing is read through it.
    symlinkSync('..', join(r.dir, '.dvc', 'plots', 'up'));
    const sha = r.commit('a .dvc/ with secrets and links');
    const git = await GitRepo.open(r.dir);
    for (const tree of [workspaceTree(r.dir), commitTree(git, sha, 'main')]) {
      for (const name of [
        '../config.local',
        '..',
        '.',
        '',
        'sub/../../config.local',
        'sub/./t.json',
        'sub//t.json',
        'sub/',
        '../cache/files/md5/ab/cd',
        '../tmp/x',
        'a\\..\\..\\config.local',
      ]) {
        await assert.rejects(tree.dvcPlotsFile(name), RefusedRead, `${tree.name} ${name}`);
      }
      assert.equal((await tree.dvcPlotsFile('sub/t.json'))?.toString(), template, tree.name);
      // Through the linked subfolder: the workspace refuses it, a commit has no such file (git does not follow links).
      if (tree.isCommit) assert.equal(await tree.dvcPlotsFile('up/config.local'), null);
      else await assert.rejects(tree.dvcPlotsFile('up/config.local'), /not a file of the project's own \.dvc\/plots\//);
      await assert.rejects(tree.dvcPlotsFile('local.json'), /\.dvc\/plots\/local\.json: a link; links in \.dvc\/plots\/ are not followed/);
      await assert.rejects(tree.dvcPlotsFile('out.json'), /a link/);
      for (const path of ['.dvc/plots/../config.local', '.dvc/config.local', '.dvc/plots/sub/t.json', '.dvc/cache/files/md5/ab/cd']) {
        await assert.rejects(tree.read(path), RefusedRead, `${tree.name} ${path}`);
      }
    }
    // A workspace whose .dvc/plots is itself a link (to the project's .dvc/, where config.local is) reads nothing through it.
    const linked = new TempRepo();
    repos.push(linked);
    linked.write({ '.dvc/config.local': 'secret' });
    symlinkSync('.', join(linked.dir, '.dvc', 'plots'));
    await assert.rejects(workspaceTree(linked.dir).dvcPlotsFile('config.local'), /not a file of the project's own \.dvc\/plots\//);
    await git.close();
  });
});
