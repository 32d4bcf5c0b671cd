import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { TempRepo } from '../helpers/repo';

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
});
