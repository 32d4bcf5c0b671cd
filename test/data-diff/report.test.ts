import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github/index';
import { runAction } from '../helpers/action';
import { TempRepo, tempDir } from '../helpers/repo';
import { twoCommitProject } from './fixture';

describe('the action (dist/index.js): the report\'s "Data changes" section and report.json `data`', () => {
  let fake: FakeGitHub;
  before(async () => {
    fake = await startFakeGitHub();
  });
  after(async () => {
    await fake.stop();
  });

  const runOn = async (repo: TempRepo) => {
    const baseSha = repo.git('rev-parse', 'HEAD~1');
    const headSha = repo.git('rev-parse', 'HEAD');
    const event = {
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, state: 'open', base: { ref: 'main', sha: baseSha }, head: { ref: 'new-data', sha: headSha } },
      repository: { full_name: 'octo/iris', default_branch: 'main' },
    };
    const none = `${tempDir()}/none`;
    return runAction({
      workspace: repo.dir,
      eventName: 'pull_request',
      event,
      sha: headSha,
      apiUrl: fake.url,
      inputs: { repro: 'off' },
      env: { DVC_GLOBAL_CONFIG_DIR: none, DVC_SYSTEM_CONFIG_DIR: none },
    });
  };

  test('changed files with sizes, the rename, and the CSV/TSV rows and columns at base and head', async () => {
    const repo = twoCommitProject();
    const run = await runOn(repo);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.summary, /### Data changes\n\n1 added, 1 deleted, 1 renamed, 2 modified \(DVC-tracked files; directories listed too\)\./);
    assert.match(run.summary, /\| added \| `data\/prepared\/new\.csv` \| – \| 4 B \|/);
    assert.match(run.summary, /\| deleted \| `data\/prepared\/old\.txt` \| 5 B \| – \|/);
    assert.match(run.summary, /\| renamed \| `data\/prepared\/img\/cat\.png` → `data\/prepared\/img\/kitty\.png` \| 10 B \| 10 B \|/);
    assert.match(run.summary, /\| modified \| `model\.pkl` \| 9 B \| 10 B \|/);
    // train.csv: a header and 2 rows of 3 columns, then a header and 3 rows of 4 (one with a quoted line break).
    assert.match(run.summary, /\| `data\/prepared\/train\.csv` \| 2 × 3 \| 3 × 4 \|/);
    assert.match(run.summary, /\| `data\/prepared\/new\.csv` \| – \| 0 × 2 \|/);
    const json = JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8'));
    assert.deepEqual(
      json.data.modified.map((m: { path: string }) => m.path),
      ['data/prepared/', 'data/prepared/train.csv', 'model.pkl'],
    );
    assert.deepEqual(json.data.renamed[0].path, { old: 'data/prepared/img/cat.png', new: 'data/prepared/img/kitty.png' });
    assert.deepEqual(json.data.notInCache, []);
    repo.remove();
  });

  test('the base manifest in neither cache nor remote: said in the section, the rest of the report still there', async () => {
    const repo = twoCommitProject({ baseDirInCache: false, remote: tempDir('mlreport-empty-remote-') });
    const run = await runOn(repo);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.summary, /Not compared \(DVC's "not in cache"/);
    assert.match(run.summary, /- `data\/prepared\/`: main: data\/prepared: object [0-9a-f]{32}\.dir missing from remote 'store'/);
    assert.match(run.summary, /\| modified \| `model\.pkl` \|/);
    assert.doesNotMatch(run.summary, /old\.txt/);
    assert.match(run.summary, /### Metrics/);
    repo.remove();
  });

  test('a directory output changed, its manifests in neither cache nor remote: the section says it changed and its files are unknown, not that nothing changed', async () => {
    const repo = new TempRepo('mlreport-datadiff-');
    const lock = (md5: string, size: number) =>
      `schema: '2.0'\nstages:\n  ev:\n    cmd: echo\n    outs:\n    - path: eval\n      hash: md5\n      md5: ${md5}.dir\n      size: ${size}\n`;
    const remote = tempDir('mlreport-empty-remote-');
    repo.commit('base', {
      '.dvc/config': `[core]\n    remote = r\n['remote "r"']\n    url = ${remote}\n`,
      'dvc.yaml': 'stages:\n  ev:\n    cmd: echo\n    outs: [eval]\n',
      'dvc.lock': lock('756f8cb38f1864fefc00d6873da19d03', 1000),
    });
    repo.commit('head', { 'dvc.lock': lock('80a081570c800c60b9b98ca4b3c91dd7', 2000) });
    const run = await runOn(repo);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(
      run.summary,
      /### Data changes\n\n`eval\/` changed \(its md5 differs\), but which of its files changed is not known: they could not be listed \(why below, under "Not compared"\)\.\n\n\| Change \| Path \| Base \| Head \|\n\|---\|---\|---\|---\|\n\| modified \| `eval\/` \| 1000 B \| 2\.0 KiB \|/,
    );
    assert.doesNotMatch(run.summary, /No DVC-tracked file changed/);
    assert.match(
      run.summary,
      /- `eval\/`: main: eval: object 756f8cb38f1864fefc00d6873da19d03\.dir missing from remote 'r'; [^:]+: eval: object 80a081570c800c60b9b98ca4b3c91dd7\.dir missing from remote 'r'/,
    );
    // report.json agrees: the directory is modified, and listed as not compared.
    const json = JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8'));
    assert.deepEqual(
      json.data.modified.map((m: { path: string }) => m.path),
      ['eval/'],
    );
    assert.deepEqual(
      json.data.notInCache.map((m: { path: string }) => m.path),
      ['eval/'],
    );
    repo.remove();
    rmSync(remote, { recursive: true, force: true });
  });

  test('a changed CSV whose base object is in neither cache nor remote: its base shape is not guessed, the note says why', async () => {
    const repo = twoCommitProject({ baseCsvInCache: false, remote: tempDir('mlreport-empty-remote-') });
    const run = await runOn(repo);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.summary, /\| `data\/prepared\/train\.csv` \| – \| 3 × 4 \|/);
    assert.match(run.summary, /- `data\/prepared\/train\.csv` not counted: main: data\/prepared\/train\.csv: object [0-9a-f]{32} missing from remote 'store'/);
    // Its size at the base is unknown (not in the cache), not zero.
    assert.match(run.summary, /\| modified \| `data\/prepared\/train\.csv` \| \? \| 37 B \|/);
    repo.remove();
  });
});
