import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli';
import { md5sum } from '../helpers/md5sum';
import { TempRepo, tempDir } from '../helpers/repo';

const cleanup: (() => void)[] = [];
after(() => cleanup.forEach((c) => c()));

/** A file's bytes put into a DVC 3 remote where md5sum says it belongs, as `dvc push` leaves it. */
function push(remote: string, bytes: string): { md5: string; size: number } {
  const work = tempDir('mlreport-obj-');
  cleanup.push(() => rmSync(work, { recursive: true, force: true }));
  writeFileSync(join(work, 'obj'), bytes);
  const md5 = md5sum(join(work, 'obj'));
  const target = join(remote, 'files', 'md5', md5.slice(0, 2), md5.slice(2));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
  return { md5, size: statSync(target).size };
}

function lock(md5: string, size: number): string {
  return [
    "schema: '2.0'",
    'stages:',
    '  evaluate:',
    '    cmd: python evaluate.py',
    '    outs:',
    '    - path: eval/metrics.json',
    '      hash: md5',
    `      md5: ${md5}`,
    `      size: ${size}`,
    '',
  ].join('\n');
}

/**
 * example-get-started's layout: eval/metrics.json is a stage's DVC-cached output (git ignores it), its hash in each
 * commit's dvc.lock, its bytes pushed to the project's remote by CI on main — except at one commit, never pushed.
 * `clone` is a fresh clone of it: an empty cache and no eval/metrics.json until the pipeline writes the head's.
 */
function project(values: number[], unpushed: number): { shas: string[]; clone: string; remote: string } {
  const r = new TempRepo();
  const remote = tempDir('mlreport-remote-');
  const clone = tempDir('mlreport-clone-');
  cleanup.push(() => [r.dir, remote, clone].forEach((d) => rmSync(d, { recursive: true, force: true })));
  r.write({
    '.dvc/config': `[core]\n    remote = storage\n['remote "storage"']\n    url = ${remote}\n`,
    '.dvc/.gitignore': '/config.local\n/tmp\n/cache\n',
    'dvc.yaml': 'stages:\n  evaluate:\n    cmd: python evaluate.py\n    outs:\n    - eval/metrics.json:\n        cache: true\nmetrics:\n- eval/metrics.json\n',
    'eval/.gitignore': '/metrics.json\n',
  });
  const shas = values.map((value, i) => {
    const bytes = JSON.stringify({ roc_auc: value, epochs: 10 + i });
    const object = push(remote, bytes);
    // The one commit CI never pushed: its dvc.lock names an object the remote does not have.
    if (i === unpushed) rmSync(join(remote, 'files', 'md5', object.md5.slice(0, 2), object.md5.slice(2)));
    return r.commit(`evaluate ${i}`, { 'dvc.lock': lock(object.md5, object.size), 'eval/metrics.json': bytes });
  });
  execFileSync('git', ['clone', '-q', r.dir, clone]);
  return { shas, clone, remote };
}

test('the history reads a DVC-cached metrics file at each commit from the remote, by that commit’s dvc.lock', async () => {
  const { shas, clone } = project([0.81, 0.83, 0.82, 0.84, 0.8], 2);
  mkdirSync(join(clone, 'eval'), { recursive: true });
  writeFileSync(join(clone, 'eval/metrics.json'), JSON.stringify({ roc_auc: 0.9, epochs: 15 }));

  const cli = await runCli(['metrics', 'history', '--json'], clone);
  assert.equal(cli.code, 0, cli.stderr);
  const history = JSON.parse(cli.stdout) as { metrics: { key: string; points: { commit: string; value: number }[]; head: number | null }[]; notes: string[] };
  const roc = history.metrics.find((m) => m.key === 'roc_auc')!;
  assert.deepEqual(
    roc.points.map((p) => [p.commit, p.value]),
    [
      [shas[0], 0.81],
      [shas[1], 0.83],
      [shas[3], 0.84],
      [shas[4], 0.8],
    ],
  );
  assert.equal(roc.head, 0.9);
  // The commit whose object is not on the remote is named, and why.
  assert.equal(history.notes.length, 1, history.notes.join('\n'));
  assert.match(
    history.notes[0]!,
    new RegExp(
      `^\`eval/metrics\\.json\` is not in git nor a DVC output in the cache or on the remote at 1 commit of the 5 read \\(${shas[2]!.slice(0, 7)}\\) \\(.*missing from remote 'storage'\\): left out there\\.$`,
    ),
  );
  assert.doesNotMatch(cli.stderr, /history store/);

  // The report's history, trends and gates on it read the same; the clone's cache now holds the pulled objects.
  const out = join(clone, '.out');
  const report = await runCli(['report', '--base', 'HEAD', '--out', out, '--quiet', '--threshold', 'roc_auc >= history.min - 1'], clone);
  // The head's metrics were written by hand, not by the stage: the rule held over values this change did not make.
  assert.equal(report.code, 1, report.stderr);
  assert.match(report.stderr, /Not checked: `eval\/metrics\.json:roc_auc` comes from out-of-date stage 'evaluate' \(not reproduced\).*\(history n=4\)/);
  const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
    history: { metrics: { key: string; points: unknown[]; stats: { n: number } | null }[] };
  };
  const inReport = json.history.metrics.find((m) => m.key === 'roc_auc')!;
  assert.equal(inReport.points.length, 4);
  assert.equal(inReport.stats?.n, 4);
});

test('without a remote that holds them, the note says why DVC could not stand in for git', async () => {
  const { clone, remote } = project([0.81, 0.83], -1);
  rmSync(join(remote, 'files'), { recursive: true });
  const cli = await runCli(['metrics', 'history', '--json'], clone);
  assert.equal(cli.code, 0, cli.stderr);
  const history = JSON.parse(cli.stdout) as { metrics: { points: unknown[] }[]; notes: string[] };
  assert.ok(history.metrics.every((m) => !m.points.length));
  assert.equal(history.notes.length, 1, history.notes.join('\n'));
  assert.match(
    history.notes[0]!,
    /^`eval\/metrics\.json` is not in git nor a DVC output in the cache or on the remote at any of the 2 commits read \(eval\/metrics\.json: object [0-9a-f]{32} missing from remote 'storage'\): its metrics have no history; the history store .* would keep them\.$/,
  );
});

test('a history rule on a DVC-cached metric whose values no cache or remote gives at any commit is an error, not a skip: the gate fails', async () => {
  const { clone, remote } = project([0.81, 0.83, 0.82], -1);
  // A fresh clone without the remote's objects: a fork's pull request, a CI job without the remote's credentials.
  rmSync(join(remote, 'files'), { recursive: true });
  const bytes = JSON.stringify({ roc_auc: 0.6, epochs: 20 });
  mkdirSync(join(clone, 'eval'), { recursive: true });
  writeFileSync(join(clone, 'eval/metrics.json'), bytes);
  const object = md5sum(join(clone, 'eval/metrics.json'));
  writeFileSync(join(clone, 'dvc.lock'), lock(object, Buffer.byteLength(bytes)));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: clone });
  git('checkout', '-q', '-b', 'pr');
  git('commit', '-q', '-am', 'evaluate the PR');

  const out = join(clone, '.out');
  const rules = ['--threshold', 'roc_auc >= history.mean - 2 * history.std', '--threshold', 'roc_auc >= 0.5'];
  const report = await runCli(['report', '--base', 'main', '--out', out, '--quiet', ...rules], clone);
  assert.equal(report.code, 1, 'the history was there, not read: nothing says roc_auc 0.6 is within its noise');
  assert.match(
    report.stderr,
    /\[error\] roc_auc >= history\.mean - 2 \* history\.std: Not checked: the rule uses `history\.mean`, and `eval\/metrics\.json:roc_auc` has 0 known values of history where it needs 3: at 3 of the 3 commits of main read, eval\/metrics\.json is DVC-cached and could not be read from the cache or the remote \(.*missing from remote 'storage'\)\. Values there that could not be read are not known, which is no short history\. To check it: give this shell the DVC remote's credentials/,
  );
  assert.match(report.stderr, /\[passed\] roc_auc >= 0\.5/);
  const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
    gates: { passed: boolean };
    history: { metrics: { key: string; notKnown?: { cause: string } }[] };
  };
  assert.equal(json.gates.passed, false);
  assert.equal(json.history.metrics.find((m) => m.key === 'roc_auc')!.notKnown?.cause, 'dvc-cache');
});

test('a metrics file no dvc.yaml named yet at a commit is said to be not there, not missing from the cache or remote', async () => {
  const r = new TempRepo();
  cleanup.push(() => rmSync(r.dir, { recursive: true, force: true }));
  const dvcYaml = 'stages:\n  train:\n    cmd: python train.py\n    outs:\n    - model.pkl\n';
  r.commit('project', { '.dvc/config': '', '.dvc/.gitignore': '/cache\n', 'dvc.yaml': dvcYaml, 'README.md': 'a\n' });
  r.commit('docs', { 'README.md': 'b\n' });
  const added = r.commit('bench', { 'dvc.yaml': `${dvcYaml}metrics:\n- bench.json\n`, 'bench.json': '{"latency": 3}' });
  r.write({ 'bench.json': '{"latency": 4}' });
  const cli = await runCli(['metrics', 'history', '--json', '--depth', '3'], r.dir);
  assert.equal(cli.code, 0, cli.stderr);
  const notes = (JSON.parse(cli.stdout) as { notes: string[] }).notes.join('\n');
  assert.match(notes, /^`bench\.json` is not in git nor a DVC output there at 2 commits of the 3 read \([0-9a-f]{7}/m, notes);
  assert.doesNotMatch(notes, /in the cache or on the remote/, notes);
  assert.match(cli.stdout, new RegExp(added));
});
