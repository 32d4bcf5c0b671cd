import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
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
      assert.ok(
        refused.stdout.includes(
          `train: failed 0.0s (output 'models/weights' of stage 'train': 'models' on the way to it is a link to ${realpathSync(join(outside, 'models'))}, outside the project; nothing is written or deleted there)`,
        ),
        refused.stdout,
      );
      assert.doesNotMatch(refused.stdout + refused.stderr, /pathspec|fatal/);
      assert.deepEqual(readdirSync(join(outside, 'models')), [], 'the command did not run: nothing was written through the link');
      repo.remove();
    },
  );

  test(
    'outputs through a link into .git/ or .dvc/ or out of the project: repro refuses each stage before deleting, running or git-ignoring anything, a frozen one too',
    { skip: process.platform === 'win32' && 'symlinks need extra rights on Windows' },
    async () => {
      const repo = new TempRepo('mlreport-gitignore-');
      const outside = tempDir();
      writeFileSync(join(outside, 'secret.json'), '{"token": 1}');
      repo.write({
        '.dvc/.gitignore': '/cache\n',
        '.dvc/z': 'z',
        'dvc.yaml': [
          'stages:',
          "  cfg:\n    cmd: node -e \"require('fs').writeFileSync('out.txt', 'hi')\"\n    outs: [g/config]",
          "  a:\n    cmd: node -e \"require('fs').writeFileSync('g/x', 'hi')\"\n    outs: [g/x]",
          "  b:\n    cmd: node -e \"require('fs').writeFileSync('d/y', 'hi')\"\n    outs: [d/y]",
          "  sec:\n    cmd: node -e \"require('fs').writeFileSync('out.txt', 'hi')\"\n    outs: [ext/secret.json]",
          '  fz:\n    cmd: echo never\n    frozen: true\n    outs: [d/z]',
          '',
        ].join('\n'),
      });
      symlinkSync('.git', join(repo.dir, 'g'));
      symlinkSync('.dvc', join(repo.dir, 'd'));
      symlinkSync(outside, join(repo.dir, 'ext'));
      repo.commit('outputs through links');
      const gitConfig = readFileSync(join(repo.dir, '.git', 'config'), 'utf8');
      const [gitDir, dvcDir] = ['.git', '.dvc'].map((d) => realpathSync(join(repo.dir, d)));
      for (const command of [['repro'], ['repro', '--force']]) {
        const r = await runCli(command, repo.dir);
        assert.equal(r.code, 1, r.stderr + r.stdout);
        for (const line of [
          `cfg: failed 0.0s (output 'g/config' of stage 'cfg': 'g' on the way to it is a link to ${gitDir}, inside .git/, which holds git's own files; nothing is written or deleted there)`,
          `a: failed 0.0s (output 'g/x' of stage 'a': 'g' on the way to it is a link to ${gitDir}, inside .git/`,
          `b: failed 0.0s (output 'd/y' of stage 'b': 'd' on the way to it is a link to ${dvcDir}, inside .dvc/, which holds DVC's own files;`,
          `sec: failed 0.0s (output 'ext/secret.json' of stage 'sec': 'ext' on the way to it is a link to ${realpathSync(outside)}, outside the project;`,
          `fz: failed 0.0s (output 'd/z': 'd' on the way to it is a link to ${dvcDir}, inside .dvc/, which holds DVC's own files; no .gitignore is written there)`,
        ]) {
          assert.ok(r.stdout.includes(line), `${line}\n${r.stdout}`);
        }
      }
      assert.equal(readFileSync(join(repo.dir, '.git', 'config'), 'utf8'), gitConfig, '.git/config is neither deleted nor written');
      assert.ok(
        !existsSync(join(repo.dir, '.git', 'x')) && !existsSync(join(repo.dir, '.dvc', 'y')) && !existsSync(join(repo.dir, 'out.txt')),
        'no command ran',
      );
      assert.ok(!existsSync(join(repo.dir, '.git', '.gitignore')), 'no .gitignore in .git/');
      assert.equal(readFileSync(join(repo.dir, '.dvc', '.gitignore'), 'utf8'), '/cache\n', ".dvc/.gitignore is DVC's own");
      assert.equal(readFileSync(join(outside, 'secret.json'), 'utf8'), '{"token": 1}', 'the file outside the project is kept');
      assert.ok(!existsSync(join(repo.dir, 'dvc.lock')), 'no stage is recorded');
      repo.remove();
    },
  );

  test(
    "an unchanged stage whose output is through a link into .git/: repro does not copy git's file into the DVC cache, whence a push would send it",
    { skip: process.platform === 'win32' && 'symlinks need extra rights on Windows' },
    async () => {
      const repo = new TempRepo('mlreport-gitignore-');
      repo.write({ '.dvc/.gitignore': '/cache\n', 'dvc.yaml': 'stages:\n  keep:\n    cmd: echo never\n    outs: [g/description]\n' });
      symlinkSync('.git', join(repo.dir, 'g'));
      const description = readFileSync(join(repo.dir, '.git', 'description'));
      const md5 = createHash('md5').update(description).digest('hex');
      const lock = `schema: '2.0'\nstages:\n  keep:\n    cmd: echo never\n    outs:\n    - path: g/description\n      hash: md5\n      md5: ${md5}\n      size: ${description.length}\n`;
      repo.write({ 'dvc.lock': lock });
      repo.commit('an output in .git');
      const r = await runCli(['repro'], repo.dir);
      assert.ok(
        (r.stdout + r.stderr).includes(
          `output 'g/description': 'g' on the way to it is a link to ${realpathSync(join(repo.dir, '.git'))}, inside .git/, which holds git's own files; not saved to the cache`,
        ),
        r.stdout + r.stderr,
      );
      assert.ok(!existsSync(join(repo.dir, '.dvc', 'cache', 'files', 'md5', md5.slice(0, 2), md5.slice(2))), "git's file is not in the cache");
      assert.equal(readFileSync(join(repo.dir, 'dvc.lock'), 'utf8'), lock);
      repo.remove();
    },
  );
});
