import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

const DVC_YAML = `stages:
  count:
    cmd: wc -l input.txt > count.txt
    deps:
    - input.txt
    outs:
    - count.txt
  prep:
    cmd: sh prep.sh
    deps:
    - input.txt
    outs:
    - data/prep
    - weird[1]#.txt
    - run.log
    metrics:
    - stats.json:
        cache: false
`;

function project(): TempRepo {
  const repo = new TempRepo('mlreport-gitignore-');
  repo.write({
    '.dvc/.gitignore': '/cache\n',
    '.gitignore': '*.log',
    'data/.gitignore': '/raw',
    'input.txt': 'a\nb\n',
    'dvc.yaml': DVC_YAML,
    'prep.sh': `mkdir -p data/prep\ncp input.txt data/prep/a.txt\ncp input.txt 'weird[1]#.txt'\necho ok > run.log\necho '{"n": 1}' > stats.json\n`,
  });
  repo.commit('project');
  return repo;
}

describe('repro git-ignores the cached outputs it writes, as dvc repro does (dist/cli.js)', () => {
  test('each in the .gitignore of its folder as /<name>, escaped; outputs git ignores already and cache: false outs are left alone', async () => {
    const repo = project();
    const r = await runCli(['repro'], repo.dir);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    // scmrepo's Git.ignore: appended after a newline when the file lacks one; a pattern already covering run.log adds nothing.
    assert.equal(readFileSync(join(repo.dir, '.gitignore'), 'utf8'), '*.log\n/count.txt\n/weird\\[1\\]\\#.txt\n');
    assert.equal(readFileSync(join(repo.dir, 'data', '.gitignore'), 'utf8'), '/raw\n/prep\n');
    assert.equal(repo.git('status', '--porcelain', '--untracked-files=all'), 'M .gitignore\n M data/.gitignore\n?? dvc.lock\n?? stats.json');
    // Another run of changed stages adds nothing twice.
    repo.write({ 'input.txt': 'a\n' });
    assert.equal((await runCli(['repro'], repo.dir)).code, 0);
    assert.equal(readFileSync(join(repo.dir, '.gitignore'), 'utf8'), '*.log\n/count.txt\n/weird\\[1\\]\\#.txt\n');
    repo.remove();
  });

  test("a cached output git already tracks fails its stage with DVC's advice, and its dvc.lock entry is not written", async () => {
    const repo = project();
    assert.equal((await runCli(['repro', 'count'], repo.dir)).code, 0);
    repo.git('add', '-f', 'count.txt');
    repo.commit('count.txt committed by mistake');
    const lock = readFileSync(join(repo.dir, 'dvc.lock'), 'utf8');
    writeFileSync(join(repo.dir, 'input.txt'), 'a\nb\nc\n');
    const r = await runCli(['repro', 'count'], repo.dir);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /^count: failed .*output 'count\.txt' is already tracked by git.*git rm -r --cached 'count\.txt'/m);
    assert.equal(readFileSync(join(repo.dir, 'dvc.lock'), 'utf8'), lock);
    repo.remove();
  });

  test(
    "an output in a linked folder is git-ignored in the folder the link leads to, as DVC's does; one leading out of the repository fails its stage by name",
    { skip: process.platform === 'win32' && 'symlinks need extra rights on Windows' },
    async () => {
      const repo = new TempRepo('mlreport-gitignore-');
      repo.write({
        '.dvc/.gitignore': '/cache\n',
        'runs/7/.keep': '',
        'train.js': "require('fs').mkdirSync('models/weights', { recursive: true });\nrequire('fs').writeFileSync('models/weights/w.bin', 'w');\n",
        'dvc.yaml': 'stages:\n  train:\n    cmd: node train.js\n    outs:\n    - models/weights\n',
      });
      symlinkSync(join('runs', '7'), join(repo.dir, 'models'));
      repo.commit('project');
      const r = await runCli(['repro'], repo.dir);
      // git names no path beyond a link (`pathspec 'models/weights' is beyond a symbolic link`): the entry goes where the link leads.
      assert.equal(r.code, 0, r.stderr + r.stdout);
      assert.equal(readFileSync(join(repo.dir, 'runs', '7', '.gitignore'), 'utf8'), '/weights\n');
      assert.equal(repo.git('check-ignore', 'runs/7/weights/w.bin'), 'runs/7/weights/w.bin');

      const outside = tempDir();
      mkdirSync(join(outside, 'models'));
      repo.git('rm', '-q', 'models');
      symlinkSync(join(outside, 'models'), join(repo.dir, 'models'));
      repo.commit('models elsewhere');
      const refused = await runCli(['repro', '--force'], repo.dir);
      assert.equal(refused.code, 1, refused.stderr + refused.stdout);
      assert.match(
        refused.stdout,
        /^train: failed .*\(output 'models\/weights' is in 'models', which leads to .*, outside the git repository: DVC cannot git-ignore an output there/m,
      );
      assert.doesNotMatch(refused.stdout + refused.stderr, /pathspec|fatal/);
      repo.remove();
    },
  );
});
