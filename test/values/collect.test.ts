import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { GitRepo } from '../../src/git/repo';
import { ReadBudget } from '../../src/workspace/tree';
import { MemoryLogger } from '../helpers/memory-logger';
import { collectAndCompare } from '../../src/values/collect';
import { runCli } from '../helpers/cli';
import { TempRepo } from '../helpers/repo';

const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.remove()));

describe('collectAndCompare (run.ts entry point)', () => {
  test('reads dvc.yaml at each side, keeps full precision, notes a DVC-cached output missing from git once', async () => {
    const r = new TempRepo();
    repos.push(r);
    const base = r.commit('base', {
      'dvc.yaml':
        'stages:\n  train:\n    cmd: python train.py\n    params:\n    - train\n    metrics:\n    - metrics.json:\n        cache: false\n    - eval/scores.json\n',
      'params.yaml': 'train:\n  lr: 0.001\n  layers: [64, 32]\n',
      'metrics.json': '{"loss": 0.123456789, "bad": [1]}',
    });
    r.write({ 'params.yaml': 'train:\n  lr: 0.0001\n  layers: [64, 32]\n', 'metrics.json': '{"loss": 0.1}', 'eval/scores.json': '{"acc": 1.0}' });
    const log = new MemoryLogger();
    const git = await GitRepo.open(r.dir);
    const result = await collectAndCompare(git, { workspace: r.dir, base: { sha: base, label: 'main' }, metricsPaths: null, paramsPaths: null }, log);
    assert.deepEqual(
      result.metrics.map((f) => f.path),
      ['eval/scores.json', 'metrics.json'],
    );
    assert.deepEqual(result.metrics[0], {
      path: 'eval/scores.json',
      rows: [{ key: 'acc', old: undefined, new: { float: 1 }, changed: true }],
      notes: ['not in git at main (DVC-tracked)'],
    });
    assert.deepEqual(result.metrics[1]!.rows, [
      { key: 'loss', old: 0.123456789, new: 0.1, diff: 0.1 - 0.123456789, relative: (0.1 - 0.123456789) / 0.123456789, changed: true },
    ]);
    assert.deepEqual(
      result.params[0]!.rows.map((row) => [row.key, row.old, row.new, row.changed]),
      [
        ['train.layers', '[64, 32]', '[64, 32]', false],
        ['train.lr', 0.001, 0.0001, true],
      ],
    );
    // Named at the base and not there: DVC fails to load it there (`metrics diff` says so), the report notes it once.
    assert.deepEqual(result.errors, [{ rev: 'main', path: 'eval/scores.json', message: 'eval/scores.json: not in git at main (DVC-tracked)', warned: false }]);
    // No dvc.lock at the base hashes it: the base never had its values, so it is no unreadable DVC-cached file there.
    assert.deepEqual(result.cachedAtBase, new Map());
    assert.ok(!log.lines.some((l) => l.startsWith('warning')), log.lines.join('\n'));
  });

  test('a DVC-cached metrics file whose object no cache or remote gives at the base: its values there are not known, with why', async () => {
    const r = new TempRepo();
    repos.push(r);
    const lock = (md5: string) =>
      `schema: '2.0'\nstages:\n  evaluate:\n    cmd: node e.js\n    outs:\n    - path: eval/m.json\n      hash: md5\n      md5: ${md5}\n      size: 10\n`;
    const base = r.commit('base', {
      '.dvc/config': '',
      'dvc.yaml': 'stages:\n  evaluate:\n    cmd: node e.js\n    outs:\n    - eval/m.json\nmetrics:\n- eval/m.json\n',
      'eval/.gitignore': '/m.json\n',
      'dvc.lock': lock('0cc175b9c0f1b6a831c399e269772661'),
    });
    r.write({ 'eval/m.json': '{"auc": 1}' });
    const git = await GitRepo.open(r.dir);
    const result = await collectAndCompare(
      git,
      { workspace: r.dir, base: { sha: base, label: 'main' }, metricsPaths: null, paramsPaths: null },
      new MemoryLogger(),
    );
    assert.match(result.metrics[0]!.notes[0]!, /^not in git at main \(DVC-cached\) and cannot be read: no DVC remote specified/);
    // The gate is told: the base had the file, so a metric missing from what was read there is not new.
    assert.deepEqual([...result.cachedAtBase.keys()], ['eval/m.json']);
    assert.match(result.cachedAtBase.get('eval/m.json')!, /^main: no DVC remote specified and none is defined/);
    assert.deepEqual(result.notKnownAtBase, new Map());
  });

  test('a DVC-cached metrics file whose object no cache or remote gives at the head: its values there are not known, with why', async () => {
    const r = new TempRepo();
    repos.push(r);
    const base = r.commit('base', {
      'dvc.yaml': 'stages:\n  evaluate:\n    cmd: node e.js\n    metrics:\n    - eval/m.json:\n        cache: false\n',
      'eval/m.json': '{"auc": 0.7}',
    });
    // The head's dvc.lock hashes the output, but the workspace lacks it and no cache or remote holds its object.
    r.git('rm', '-q', 'eval/m.json');
    r.commit('head', {
      '.dvc/config': '',
      'dvc.yaml': 'stages:\n  evaluate:\n    cmd: node e.js\n    outs:\n    - eval/m.json\nmetrics:\n- eval/m.json\n',
      'eval/.gitignore': '/m.json\n',
      'dvc.lock':
        "schema: '2.0'\nstages:\n  evaluate:\n    cmd: node e.js\n    outs:\n    - path: eval/m.json\n      hash: md5\n      md5: 0cc175b9c0f1b6a831c399e269772661\n      size: 10\n",
    });
    const git = await GitRepo.open(r.dir);
    const result = await collectAndCompare(
      git,
      { workspace: r.dir, base: { sha: base, label: 'main' }, metricsPaths: null, paramsPaths: null },
      new MemoryLogger(),
    );
    // The gate is told: the head names the file, so its metrics are not known there, not missing.
    assert.deepEqual([...result.cachedAtHead.keys()], ['eval/m.json']);
    assert.match(result.cachedAtHead.get('eval/m.json')!, /no DVC remote specified and none is defined/);
    assert.deepEqual(result.cachedAtBase, new Map());
  });

  test('a .dvc file that does not load at the base: the metrics file it tracks is not known there, not called absent', async () => {
    const r = new TempRepo();
    repos.push(r);
    const dvcFile = 'outs:\n- md5: 0cc175b9c0f1b6a831c399e269772661\n  size: 12\n  hash: md5\n  path: scores.json\n';
    const base = r.commit('base', {
      'dvc.yaml': 'metrics: [eval/scores.json]\n',
      'eval/.gitignore': '/scores.json\n',
      // A hand edit DVC refuses: `sise:` is no key of an out.
      'eval/scores.json.dvc': dvcFile.replace('  size:', '  sise:'),
    });
    r.write({ 'eval/scores.json.dvc': dvcFile, 'eval/scores.json': '{"acc": 1.0}' });
    const log = new MemoryLogger();
    const git = await GitRepo.open(r.dir);
    const result = await collectAndCompare(git, { workspace: r.dir, base: { sha: base, label: 'main' }, metricsPaths: null, paramsPaths: null }, log);
    assert.deepEqual(result.metrics[0]!.notes, ['not known at main: eval/scores.json.dvc, which tracks it, does not load there']);
    // The gate is told why, with the file's error: a rule comparing with `base` has no base value, and the metric is not new.
    assert.deepEqual(
      result.notKnownAtBase,
      new Map([
        [
          'eval/scores.json',
          `eval/scores.json.dvc, which tracks it, does not load at the base (main): eval/scores.json.dvc: outs[0]: unknown key 'sise' (expected one of path, md5, checksum, etag, size, nfiles, isexec, version_id, persist, cloud, hash, desc, type, labels, meta, cache, remote, push, files, fs_config).`,
        ],
      ]),
    );
    assert.deepEqual(log.lines, [
      "warning: main: eval/scores.json.dvc: outs[0]: unknown key 'sise' (expected one of path, md5, checksum, etag, size, nfiles, isexec, version_id, persist, " +
        'cloud, hash, desc, type, labels, meta, cache, remote, push, files, fs_config). (the data it tracks is not known there)',
    ]);
  });

  test('a file that fails to parse on one side: warning names revision and file, the other files still diffed', async () => {
    const r = new TempRepo();
    repos.push(r);
    const base = r.commit('base', { 'a.json': '{"x": 1}', 'b.yaml': 'y: 1\n' });
    r.write({ 'a.json': '{"x": 1,,}', 'b.yaml': 'y: 2\n' });
    const log = new MemoryLogger();
    const git = await GitRepo.open(r.dir);
    const result = await collectAndCompare(
      git,
      { workspace: r.dir, base: { sha: base, label: 'main' }, metricsPaths: ['*.json', 'b.yaml'], paramsPaths: [] },
      log,
    );
    assert.deepEqual(result.errors, [
      { rev: 'head', side: 'head', kind: 'metrics', path: 'a.json', message: 'a.json:1:9: invalid JSON: expected a "quoted" key', warned: true },
    ]);
    assert.ok(log.lines.includes('warning: head: a.json:1:9: invalid JSON: expected a "quoted" key'), log.lines.join('\n'));
    assert.deepEqual(result.metrics[1]!.rows[0], { key: 'y', old: 1, new: 2, diff: 1, relative: 1, changed: true });
  });

  test('hundreds of values files at the base, read in one batch: each keeps its values, and a refused one is an error naming it', async () => {
    const r = new TempRepo();
    repos.push(r);
    const files: Record<string, string> = { 'dvc.yaml': 'metrics:\n  - m\nparams:\n  - p\n', 'm/big.json': `{"x": "${'z'.repeat(5000)}"}` };
    for (let i = 0; i < 300; i++) {
      files[`m/${i}.json`] = JSON.stringify({ acc: i / 1000 });
      files[`p/${i}.yaml`] = `lr: ${i}\n`;
    }
    const base = r.commit('base', files);
    symlinkSync('../../outside.json', join(r.dir, 'm', 'up.json'));
    const link = r.commit('a link out of the project');
    r.git('rm', '-rq', 'm', 'p');
    const log = new MemoryLogger();
    const git = await GitRepo.open(r.dir);
    for (const sha of [base, link]) {
      const budget = new ReadBudget(4096, 1024 * 1024);
      const result = await collectAndCompare(git, { workspace: r.dir, base: { sha, label: 'main' }, metricsPaths: null, paramsPaths: null, budget }, log);
      // The head's dvc.yaml names folders 'm' and 'p', gone there: the files under them at the base are compared
      // as not present, and the folders are not files of their own.
      assert.deepEqual(
        result.metrics.map((f) => f.path).filter((p) => !/^m\/\d+\.json$/.test(p)),
        sha === link ? ['m/big.json', 'm/up.json'] : ['m/big.json'],
      );
      assert.equal(result.params.length, 300);
      const m = new Map(result.metrics.map((f) => [f.path, f]));
      assert.deepEqual(m.get('m/7.json'), {
        path: 'm/7.json',
        rows: [{ key: 'acc', old: 0.007, new: undefined, changed: true }],
        notes: ['not present at head'],
      });
      assert.deepEqual(new Map(result.params.map((f) => [f.path, f])).get('p/299.yaml')!.rows, [{ key: 'lr', old: 299, new: undefined, changed: true }]);
      const errors = result.errors.map((e) => `${e.rev} ${e.message}`);
      assert.deepEqual(errors, [
        // DVC reads a folder its dvc.yaml names at a revision where it is not, and fails to.
        'head m: not present at head',
        'head p: not present at head',
        'main m/big.json: 0.00 MiB is larger than the 0.00 MiB a project file may have; not read',
        ...(sha === link ? ['main m/up.json: a link to ../../outside.json, outside the project or into .git/ or .dvc/; not read'] : []),
      ]);
    }
    await git.close();
  });

  test('a folder of values files new at the head: its files are not present at the base, the folder is no file of its own', async () => {
    const r = new TempRepo();
    repos.push(r);
    const base = r.commit('base', { 'dvc.yaml': 'metrics:\n  - m\n' });
    r.write({ 'm/a.json': '{"acc": 1}', 'm/b.json': '{"acc": 2}' });
    const log = new MemoryLogger();
    const git = await GitRepo.open(r.dir);
    const result = await collectAndCompare(git, { workspace: r.dir, base: { sha: base, label: 'main' }, metricsPaths: null, paramsPaths: null }, log);
    assert.deepEqual(
      result.metrics.map((f) => [f.path, f.notes]),
      [
        ['m/a.json', ['not present at main']],
        ['m/b.json', ['not present at main']],
      ],
    );
    await git.close();
  });

  test('a file the other side lacks is said to be missing from a folder named there, not unnamed: a new file, a file turned into a folder, a glob', async () => {
    const r = new TempRepo();
    repos.push(r);
    const base = r.commit('base', {
      'dvc.yaml': 'metrics:\n  - m\n  - scores\n  - eval/*.json\n',
      'm/a.json': '{"acc": 1}',
      scores: '{"f1": 0.5}',
      'eval/x.json': '{"loss": 1}',
    });
    r.git('rm', '-q', 'scores');
    r.write({ 'm/new.json': '{"acc": 2}', 'scores/a.json': '{"f1": 0.6}', 'eval/y.json': '{"loss": 2}' });
    const log = new MemoryLogger();
    const git = await GitRepo.open(r.dir);
    const result = await collectAndCompare(git, { workspace: r.dir, base: { sha: base, label: 'main' }, metricsPaths: null, paramsPaths: null }, log);
    assert.deepEqual(
      result.metrics.map((f) => [f.path, f.notes]),
      [
        ['eval/x.json', []],
        ['eval/y.json', ['not present at main']],
        ['m/a.json', []],
        ['m/new.json', ['not present at main']],
        ['scores', ['a folder at head: its files are compared under their own paths']],
        ['scores/a.json', ['not present at main (scores is a file there)']],
      ],
    );
    // The other way round: at the head the folder is a file again, and a file the base named is not named there.
    r.git('add', '-A');
    const folder = r.commit('folder', {});
    r.git('rm', '-rq', 'scores');
    r.write({ scores: '{"f1": 0.7}', 'dvc.yaml': 'metrics:\n  - m\n  - scores\n' });
    const back = await collectAndCompare(git, { workspace: r.dir, base: { sha: folder, label: 'main' }, metricsPaths: null, paramsPaths: null }, log);
    assert.deepEqual(
      back.metrics.filter((f) => !f.path.startsWith('m/')).map((f) => [f.path, f.notes]),
      [
        ['eval/x.json', ['not named in dvc.yaml at head']],
        ['eval/y.json', ['not named in dvc.yaml at head']],
        ['scores', ['a folder at main: its files are compared under their own paths']],
        ['scores/a.json', ['not present at head (scores is a file there)']],
      ],
    );
    await git.close();
  });

  test("a file the base's dvc.yaml may name, where that dvc.yaml does not load, is not known there — not 'not named'", async () => {
    const r = new TempRepo();
    repos.push(r);
    const base = r.commit('base', {
      'dvc.yaml': 'metrics:\n  - m.json\nstages:\n  a:\n    cmd: [echo\n',
      'sub/dvc.yaml': 'metrics:\n  - s.json\n',
      'm.json': '{"acc": 0.5}',
      'sub/s.json': '{"f1": 0.5}',
      'other.json': '{"x": 1}',
    });
    r.write({ 'dvc.yaml': 'metrics:\n  - m.json\n  - other.json\n', 'sub/dvc.yaml': 'metrics:\n  - s.json\n  - t.json\n', 'sub/t.json': '{"f1": 1}' });
    const log = new MemoryLogger();
    const git = await GitRepo.open(r.dir);
    const result = await collectAndCompare(git, { workspace: r.dir, base: { sha: base, label: 'main' }, metricsPaths: null, paramsPaths: null }, log);
    await git.close();
    assert.deepEqual(
      result.metrics.map((f) => [f.path, f.notes]),
      [
        ['m.json', ['not known at main: dvc.yaml does not load there']],
        ['other.json', ['not known at main: dvc.yaml does not load there']],
        ['sub/s.json', []],
        // The root dvc.yaml could name any file of the project, sub/'s own included.
        ['sub/t.json', ['not known at main: dvc.yaml does not load there']],
      ],
    );
    assert.deepEqual([...result.notKnownAtBase.keys()], ['m.json', 'other.json', 'sub/t.json'], 'what sub/dvc.yaml names at the base is known');
    assert.match(result.notKnownAtBase.get('m.json')!, /^dvc\.yaml at the base \(main\) does not load: dvc\.yaml:\d+:\d+: /);

    // A nested dvc.yaml that does not load leaves its own folder's files unknown, and only those.
    const nested = r.commit('nested', { 'dvc.yaml': 'metrics:\n  - m.json\n', 'sub/dvc.yaml': 'metrics: [s.json\n' });
    r.write({ 'dvc.yaml': 'metrics:\n  - m.json\n  - other.json\n', 'sub/dvc.yaml': 'metrics:\n  - s.json\n  - t.json\n' });
    const git2 = await GitRepo.open(r.dir);
    const second = await collectAndCompare(git2, { workspace: r.dir, base: { sha: nested, label: 'main' }, metricsPaths: null, paramsPaths: null }, log);
    await git2.close();
    assert.deepEqual(
      second.metrics.map((f) => [f.path, f.notes]),
      [
        ['m.json', []],
        ['other.json', ['not named in dvc.yaml at main']],
        ['sub/s.json', ['not known at main: sub/dvc.yaml does not load there']],
        ['sub/t.json', ['not known at main: sub/dvc.yaml does not load there']],
      ],
    );
    assert.deepEqual([...second.notKnownAtBase.keys()], ['sub/s.json', 'sub/t.json']);
    assert.match(second.notKnownAtBase.get('sub/s.json')!, /^sub\/dvc\.yaml at the base \(main\) does not load: sub\/dvc\.yaml:\d+:\d+: /);
  });

  test('mlreport report renders the same facts, and report.json keeps full precision', async () => {
    const r = new TempRepo();
    repos.push(r);
    r.commit('base', { 'metrics.json': '{"val_loss": 0.123456789, "acc": 0.5}', 'dvc.yaml': 'metrics:\n- metrics.json\n' });
    r.git('checkout', '-q', '-b', 'feature');
    r.commit('head', { 'metrics.json': '{"val_loss": 0.2, "acc": 0.5}' });
    const res = await runCli(['report', '--base', 'main', '--quiet'], r.dir);
    assert.equal(res.code, 0, res.stderr);
    const md = readFileSync(join(r.dir, '.mlreport', 'report.md'), 'utf8');
    assert.match(md, /\| metrics\.json \| val\\_loss \| 0\.1235 \| 0\.2 \| \+0\.07654 \(\+62%\) \| ❌ worse \|/);
    assert.match(md, /<details><summary>1 unchanged metric<\/summary>/);
    const json = JSON.parse(readFileSync(join(r.dir, '.mlreport', 'report.json'), 'utf8'));
    assert.equal(json.metrics[0].rows.find((row: { key: string }) => row.key === 'val_loss').old, 0.123456789);
  });
});

describe('a logger metrics.csv read in pieces', () => {
  test('ASCII pieces then a UTF-8 name, at the base (from git) and in the workspace; a bad byte after ASCII pieces is still an error', async () => {
    const r = new TempRepo();
    repos.push(r);
    // 1.5 MB of ASCII rows: the workspace's and git's pieces are all ASCII until the last rows.
    const rows = Array.from({ length: 60_000 }, (_, i) => `loss,${(i / 60_000).toFixed(6)},${i},${i}`).join('\n');
    const log = (last: string): string => `Name,Value,Timestamp,Step\n${rows}\nprécision,${last},1,1\n`;
    r.commit('base', { 'dvc.yaml': 'metrics:\n  - metrics.csv\n', 'metrics.csv': log('0.5') });
    r.write({ 'metrics.csv': log('0.75') });
    const res = await runCli(['metrics', 'diff', '--json'], r.dir);
    assert.equal(res.code, 0, res.stderr);
    assert.deepEqual(JSON.parse(res.stdout), { 'metrics.csv': { précision: { old: 0.5, new: 0.75, diff: 0.25 } } });
    const bad = Buffer.concat([Buffer.from(log('0.75')), Buffer.from([0xff, 0x0a])]);
    r.write({ 'metrics.csv': bad });
    const broken = await runCli(['metrics', 'diff', '--json'], r.dir);
    assert.match(broken.stderr, /metrics\.csv: not UTF-8 text/);
  });
});

describe('a workspace metrics.csv larger than one piece (the workspace reads each piece into the same memory)', () => {
  test('a logger: each of 50 names keeps its last value, its rows crossing the pieces where they fall', async () => {
    const r = new TempRepo();
    repos.push(r);
    const names = Array.from({ length: 50 }, (_, k) => `name_${k}`);
    r.commit('base', { 'dvc.yaml': 'metrics:\n  - metrics.csv\n', 'metrics.csv': `Name,Value,Timestamp,Step\n${names.map((n) => `${n},0,0,0`).join('\n')}\n` });
    // ≈ 3.3 MB, rows of differing lengths: lines cross each 1 MiB boundary at a different place.
    const last = new Map<string, number>();
    const rows: string[] = [];
    for (let i = 0; i < 120_000; i++) {
      const name = names[(i * 7) % 50]!;
      const value = (i % 1000) / 8;
      last.set(name, value);
      rows.push(`${name},${value},${1_700_000_000_000 + i},${'1'.repeat(i % 7)}`);
    }
    r.write({ 'metrics.csv': `Name,Value,Timestamp,Step\n${rows.join('\n')}\n` });
    const res = await runCli(['metrics', 'diff', '--json'], r.dir);
    assert.equal(res.code, 0, res.stderr);
    const expected = Object.fromEntries(
      [...last]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .filter(([, v]) => v !== 0)
        .map(([name, v]) => [name, { old: 0, new: v, diff: v }]),
    );
    assert.deepEqual(JSON.parse(res.stdout), { 'metrics.csv': expected });
  });

  test('a table that is not a logger: read whole, its last row the metrics', async () => {
    const r = new TempRepo();
    repos.push(r);
    r.commit('base', { 'dvc.yaml': 'metrics:\n  - metrics.csv\n', 'metrics.csv': 'epoch,loss,note\n0,1,start\n' });
    const rows = Array.from({ length: 90_000 }, (_, i) => `${i},${(90_000 - i) / 4},${'x'.repeat((i % 13) + 1)}`);
    r.write({ 'metrics.csv': `epoch,loss,note\n${rows.join('\n')}\n` });
    const res = await runCli(['metrics', 'diff', '--json'], r.dir);
    assert.equal(res.code, 0, res.stderr);
    assert.deepEqual(JSON.parse(res.stdout), {
      'metrics.csv': { epoch: { old: 0, new: 89_999, diff: 89_999 }, loss: { old: 1, new: 0.25, diff: -0.75 }, note: { old: 'start', new: 'x' } },
    });
  });
});

describe('consumers read leaves through numericValue', () => {
  test('the gate lookup sees a float written as 1.0 as the number 1, and a boolean as no number', async () => {
    const { metricLookupFromDiffs } = await import('../../src/gate/lookup');
    const { diffValueFile } = await import('../../src/values/diff');
    const { flattenMetrics } = await import('../../src/values/flatten');
    const { parseValueFile } = await import('../../src/values/parse');
    const read = (text: string) => ({ status: 'ok' as const, values: flattenMetrics(parseValueFile('m.json', text, 'metrics').data) });
    const diff = diffValueFile('m.json', read('{"acc": 1.0, "ok": true}'), read('{"acc": 0.5, "ok": false}'));
    assert.deepEqual(metricLookupFromDiffs([diff]), [
      { file: 'm.json', key: 'acc', base: 1, head: 0.5 },
      { file: 'm.json', key: 'ok', base: null, head: null },
    ]);
  });
});

describe('a pull request cannot make mlreport read files outside the project', () => {
  test('an absolute path in dvc.yaml is refused by name, not read as a project path without its leading slash', async () => {
    const r = new TempRepo();
    repos.push(r);
    // The project holds tmp/m.json: joined to the project, /tmp/m.json would have read it.
    const base = r.commit('base', { 'dvc.yaml': 'metrics:\n- /tmp/m.json\n- C:\\m.json\n- ok.json\n', 'ok.json': '{"a": 1}', 'tmp/m.json': '{"inside": 7}' });
    const log = new MemoryLogger();
    const git = await GitRepo.open(r.dir);
    const result = await collectAndCompare(git, { workspace: r.dir, base: { sha: base, label: 'main' }, metricsPaths: null, paramsPaths: null }, log);
    assert.deepEqual(
      result.metrics.map((f) => f.path),
      ['ok.json'],
    );
    for (const path of ['/tmp/m.json', 'C:/m.json']) {
      assert.ok(
        log.lines.some((l) => l.includes(`skipped "${path}": ${path}: an absolute path; only files inside the project are read`)),
        log.lines.join('\n'),
      );
    }
  });

  test(
    'paths outside the project or under .git/ are skipped with a warning; a symlink out is refused',
    { skip: process.platform === 'win32' && 'symlinks need extra rights on Windows' },
    async () => {
      const r = new TempRepo();
      repos.push(r);
      const { symlinkSync } = await import('node:fs');
      const base = r.commit('base', { 'dvc.yaml': 'metrics:\n- ../../etc/hostname\n- .git/config\n- link.json\n- ok.json\n', 'ok.json': '{"a": 1}' });
      const outside = join(r.dir, '..', `outside-${Date.now()}.json`);
      (await import('node:fs')).writeFileSync(outside, '{"secret": 42}');
      symlinkSync(outside, join(r.dir, 'link.json'));
      const log = new MemoryLogger();
      const git = await GitRepo.open(r.dir);
      const result = await collectAndCompare(git, { workspace: r.dir, base: { sha: base, label: 'main' }, metricsPaths: null, paramsPaths: null }, log);
      (await import('node:fs')).rmSync(outside);
      assert.deepEqual(
        result.metrics.map((f) => f.path),
        ['link.json', 'ok.json'],
      );
      assert.ok(!JSON.stringify(result).includes('42'));
      assert.match(result.metrics[0]!.notes.join('\n'), /link\.json: a link to a file outside the project/);
      assert.ok(
        log.lines.some((l) => l.includes('skipped "../../etc/hostname"')),
        log.lines.join('\n'),
      );
      assert.ok(
        log.lines.some((l) => l.includes('skipped ".git/config"')),
        log.lines.join('\n'),
      );
    },
  );
});
