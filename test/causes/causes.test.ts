import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { md5sum } from '../helpers/md5sum';
import { TempRepo, tempDir } from '../helpers/repo';
import { pipelineRepo, TRAIN } from './fixture';

interface Report {
  md: string;
  json: { metrics: { path: string; rows: { key: string; causes?: number }[] }[]; causes: Record<string, any>[] };
}

async function report(repo: TempRepo, args: string[] = []): Promise<Report> {
  const out = tempDir();
  try {
    const r = await runCli(['report', '--base', 'HEAD~1', '--out', out, '--quiet', ...args], repo.dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    return { md: readFileSync(join(out, 'report.md'), 'utf8'), json: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function causesOf(r: Report, key = 'accuracy', file = 'metrics.json'): Record<string, any> {
  const row = r.json.metrics.find((f) => f.path === file)!.rows.find((x) => x.key === key)!;
  assert.ok(row.causes !== undefined, `causes on ${file}:${key}`);
  // report.json names each causes entry once; rows point at it by index.
  return r.json.causes[row.causes]!;
}

describe('why metrics changed (dist/cli.js report on real repositories)', () => {
  const repos: TempRepo[] = [];
  after(() => repos.forEach((r) => r.remove()));

  test('a PR changing one param and one code file, reproduced by the run: both, and the re-run stage, on the metric line', async () => {
    const repo = await pipelineRepo();
    repos.push(repo);
    repo.commit('tune', {
      'params.yaml': 'train:\n  epochs: 15\n  lr: 0.1\n',
      'src/train.js': TRAIN.replace('const bias = 0;\n', 'const bias = 0.01;\nconst unused = 1;\n'),
    });
    const r = await report(repo, ['--repro', 'auto']);
    assert.match(r.md, /#### Why it changed\n\n- `accuracy` −0\.5567 \(−83%\) ← `train` re-ran: `train\.epochs` 100→15, `src\/train\.js` \+2\/−1\n/);
    const causes = causesOf(r);
    assert.equal(causes.basis, 'pipeline');
    assert.equal(causes.stage, 'train');
    assert.deepEqual(
      causes.stages.map((s: any) => [s.name, s.status, s.definition]),
      [
        ['prepare', 'unchanged', null],
        ['train', 'ran', null],
      ],
    );
    assert.deepEqual(causes.params, [{ file: 'params.yaml', key: 'train.epochs', old: 100, new: 15, stages: ['train'] }]);
    assert.deepEqual(causes.files, [{ path: 'src/train.js', added: 2, deleted: 1, binary: false, stages: ['train'] }]);
    assert.deepEqual(causes.data, []);
    assert.deepEqual(causes.unknown, []);
    assert.equal(causes.nothingUpstream, false);
    // lr changed nowhere and is not a dep of train: not listed.
    assert.doesNotMatch(r.md.slice(r.md.indexOf('#### Why'), r.md.indexOf('### Params')), /train\.lr/);
  });

  test('the same change run and committed by the author (dvc.lock updated in the PR): the stage re-ran, from the two dvc.lock files', async () => {
    const repo = await pipelineRepo();
    repos.push(repo);
    repo.write({ 'params.yaml': 'train:\n  epochs: 15\n  lr: 0.1\n', 'src/train.js': TRAIN.replace('const bias = 0;\n', 'const bias = 0.01;\n') });
    assert.equal((await runCli(['repro'], repo.dir)).code, 0);
    repo.commit('tune and reproduce');
    const r = await report(repo);
    assert.match(r.md, /- `accuracy` −0\.5567 \(−83%\) ← `train` re-ran in this change \(dvc\.lock\): `train\.epochs` 100→15, `src\/train\.js` \+1\/−1\n/);
    // Reproduced by the run too: the Pipeline section finds it up to date with the committed dvc.lock, and says
    // against what, beside the causes' word that it re-ran in this change.
    const again = await report(repo, ['--repro', 'auto']);
    assert.match(again.md, /^\| train \| skipped \(up to date with dvc\.lock\) \| – \|/m);
    assert.match(again.md, /← `train` re-ran in this change \(dvc\.lock\): `train\.epochs` 100→15/);
    assert.deepEqual(
      causesOf(r).stages.map((s: any) => [s.name, s.status]),
      [
        ['prepare', 'unchanged'],
        ['train', 'updated'],
      ],
    );
  });

  test('a metric that moved while nothing upstream changed is flagged as likely non-determinism, with the size of the move', async () => {
    const repo = await pipelineRepo();
    repos.push(repo);
    // Another run of the same code on the same data and params gave another number (an unseeded shuffle, a GPU).
    const before = JSON.parse(readFileSync(join(repo.dir, 'metrics.json'), 'utf8')).accuracy as number;
    repo.commit('rerun', { 'metrics.json': JSON.stringify({ accuracy: before - 0.02 }), 'README.md': 'notes\n' });
    const r = await report(repo);
    assert.match(r.md, /- `accuracy` −0\.02 \(−3\.0%\) ← nothing upstream of `train` changed: likely non-determinism \(seed, data order, hardware\)\n/);
    const causes = causesOf(r);
    assert.equal(causes.nothingUpstream, true);
    assert.deepEqual([causes.params, causes.files, causes.data, causes.unknown], [[], [], [], []]);
    // The metrics file differs from dvc.lock: the stage is out of date, which is the effect, not a cause.
    assert.deepEqual(
      causes.stages.map((s: any) => [s.name, s.status]),
      [
        ['prepare', 'unchanged'],
        ['train', 'out-of-date'],
      ],
    );
  });

  test('a stage out of date already at the base (a param changed, not reproduced): named with its reasons, never "nothing upstream changed"', async () => {
    const repo = await pipelineRepo();
    repos.push(repo);
    // The base changed a param without reproducing; the head changes nothing upstream: its metrics are the last run's.
    repo.commit('more epochs, not reproduced', { 'params.yaml': 'train:\n  epochs: 120\n  lr: 0.1\n' });
    const before = JSON.parse(readFileSync(join(repo.dir, 'metrics.json'), 'utf8')).accuracy as number;
    repo.commit('metrics by hand', { 'metrics.json': JSON.stringify({ accuracy: before - 0.02 }), 'README.md': 'notes\n' });
    const r = await report(repo);
    assert.match(
      r.md,
      /- `accuracy` −0\.02 \(−3\.0%\) ← `train` would re-run \(param params\.yaml:train\.epochs: modified; out metrics\.json: modified\); `train` was out of date at the base \(param params\.yaml:train\.epochs: modified\): its values there are its last run's\n/,
    );
    assert.doesNotMatch(r.md, /nothing upstream|non-determinism/);
    assert.equal(causesOf(r).nothingUpstream, false);
  });

  test("a base committed without reproducing (a param merged, dvc.lock of the old one): the PR's harmless change takes no blame, and a base rule is not checked", async () => {
    const repo = await pipelineRepo();
    repos.push(repo);
    // The base: epochs 100→15 merged without `repro`, so its dvc.lock and metrics.json are still of epochs 100.
    repo.commit('fewer epochs, not reproduced', { 'params.yaml': 'train:\n  epochs: 15\n  lr: 0.1\n' });
    // The PR: a comment in the training script, reproduced by the run (which now trains with the base's 15 epochs).
    repo.commit('comment', { 'src/train.js': `${TRAIN}// a comment\n` });
    const out = tempDir();
    try {
      const run = await runCli(['report', '--base', 'HEAD~1', '--out', out, '--quiet', '--repro', 'auto', '--threshold', 'accuracy >= base - 0.01'], repo.dir);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      const md = readFileSync(join(out, 'report.md'), 'utf8');
      const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      // The move is from the run dvc.lock records at the base (epochs 100) to this one (15): that change is named,
      // marked as the base's dvc.lock's value, beside the PR's comment line, with the base's stage said out of date.
      assert.match(
        md,
        /- `accuracy` −0\.5667 \(−85%\) ← `train` re-ran: `train\.epochs` 100→15 \(the base's dvc\.lock\), `src\/train\.js` \+1\/−0; `train` was out of date at the base \(param params\.yaml:train\.epochs: modified\): its values there are its last run's\n/,
      );
      const causes = json.causes[json.metrics[0].rows[0].causes];
      assert.deepEqual(causes.params, [{ file: 'params.yaml', key: 'train.epochs', old: 100, new: 15, oldFrom: 'dvc.lock', stages: ['train'] }]);
      assert.deepEqual(causes.stages[1].staleAtBase, ['param params.yaml:train.epochs: modified']);
      // The report says it where a reviewer reads the whole report, as `dvc status` at the base would.
      assert.match(md, /At the base HEAD\\?~1, stage <code>train<\/code> \(param params\.yaml:train\.epochs: modified\) was out of date/);
      // The gate stays closed: the base's value is not of its own params, so the rule has no base to compare with.
      const rule = json.gates.rules[0];
      assert.equal(rule.status, 'error');
      assert.match(rule.detail, /is not known at the base: stage 'train' was out of date at HEAD~1 \(param params\.yaml:train\.epochs: modified\)/);
      assert.equal(json.gates.passed, false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  for (const [broken, stages, error] of [
    [
      'an output two stages write',
      '  copy:\n    cmd: node src/prepare.js\n    outs: [data/prepared.csv]\n',
      /dvc\.yaml: output 'data\/prepared\.csv' is written by two stages: 'prepare' and 'copy'/,
    ],
    [
      'a cycle',
      '  a:\n    cmd: echo a\n    deps: [b.txt]\n    outs: [a.txt]\n  b:\n    cmd: echo b\n    deps: [a.txt]\n    outs: [b.txt]\n',
      /dvc\.yaml: the pipeline has a cycle/,
    ],
  ] as const) {
    test(`a base whose pipeline does not load (${broken}), committed without reproducing: a base rule is not checked, and no "non-determinism"`, async () => {
      const repo = await pipelineRepo();
      repos.push(repo);
      const pipeline = readFileSync(join(repo.dir, 'dvc.yaml'), 'utf8');
      // The base: epochs 100→15 merged without `repro` in a dvc.yaml `dvc status` refuses, so whether `train` was up
      // to date there cannot be told (it was not: its dvc.lock and metrics.json are still of epochs 100).
      repo.commit('fewer epochs, not reproduced', { 'params.yaml': 'train:\n  epochs: 15\n  lr: 0.1\n', 'dvc.yaml': pipeline + stages });
      // The PR fixes dvc.yaml and is reproduced by the run.
      repo.commit('fix dvc.yaml', { 'dvc.yaml': pipeline });
      const out = tempDir();
      try {
        const run = await runCli(
          ['report', '--base', 'HEAD~1', '--out', out, '--quiet', '--repro', 'auto', '--threshold', 'accuracy >= base - 0.01'],
          repo.dir,
        );
        assert.equal(run.code, 1, run.stdout + run.stderr);
        const md = readFileSync(join(out, 'report.md'), 'utf8');
        const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
        const rule = json.gates.rules[0];
        assert.equal(rule.status, 'error');
        assert.match(rule.detail, /is not known at the base: whether the base's stages were up to date there could not be told: at HEAD~1, /);
        assert.match(rule.detail, error);
        assert.equal(json.gates.passed, false);
        // The report says why beside the changes, and the causes do not call the move noise.
        assert.match(md, /At the base HEAD\\?~1, whether the stages were up to date could not be told \(at HEAD\\?~1, dvc\.yaml: /);
        assert.doesNotMatch(md, /non-determinism|no upstream param/);
        // The move is from the run the base's dvc.lock records (epochs 100), as where the base was told out of date.
        assert.match(md, /`train\.epochs` 100→15 \(the base's dvc\.lock\)/);
        const causes = json.causes[json.metrics[0].rows[0].causes];
        assert.equal(causes.nothingUpstream, false);
        assert.ok(
          causes.unknown.some((u: string) => u.startsWith("whether the base's stages were up to date could not be told")),
          causes.unknown.join('\n'),
        );
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }

  test("a base committed without reproducing after a `.dvc` data update: the data change since the base's dvc.lock is named, as a param's is", async () => {
    const repo = new TempRepo('mlreport-causes-');
    repos.push(repo);
    const md5 = (path: string, text: string): string => {
      writeFileSync(join(repo.dir, path), text);
      return md5sum(join(repo.dir, path));
    };
    mkdirSync(join(repo.dir, 'data'), { recursive: true });
    const oldData = md5('data/data.csv', 'a,b\n1,2\n');
    const newData = md5('data/data.csv', 'a,b\n1,2\n3,4\n5,6\n');
    const tracked = (hash: string, size: number) => `outs:\n- md5: ${hash}\n  size: ${size}\n  hash: md5\n  path: data.csv\n`;
    const lock = (hash: string, size: number, metrics: string) => `schema: '2.0'
stages:
  train:
    cmd: node train.js
    deps:
    - path: data/data.csv
      hash: md5
      md5: ${hash}
      size: ${size}
    outs:
    - path: metrics.json
      hash: md5
      md5: ${metrics}
      size: 13
`;
    const before = md5('metrics.json', '{"acc": 0.9}\n');
    repo.commit('base', {
      'data/.gitignore': '/data.csv\n',
      'dvc.yaml': 'stages:\n  train:\n    cmd: node train.js\n    deps: [data/data.csv]\n    metrics:\n      - metrics.json: {cache: false}\n',
      'data/data.csv.dvc': tracked(oldData, 8),
      'dvc.lock': lock(oldData, 8, before),
      'metrics.json': '{"acc": 0.9}\n',
    });
    // The base: the data updated (`dvc add`) and committed without reproducing: dvc.lock still records the old data.
    repo.commit('more data, not reproduced', { 'data/data.csv.dvc': tracked(newData, 16) });
    // The PR reproduces it: dvc.lock and the metrics are of the new data, which is in the workspace.
    const after = md5('metrics.json', '{"acc": 0.92}');
    repo.commit('reproduce', { 'dvc.lock': lock(newData, 16, after), 'metrics.json': '{"acc": 0.92}' });
    const out = tempDir();
    try {
      const run = await runCli(['report', '--base', 'HEAD~1', '--out', out, '--quiet', '--threshold', 'acc >= base - 0.01'], repo.dir);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      const md = readFileSync(join(out, 'report.md'), 'utf8');
      const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      assert.match(
        md,
        /- `acc` \+0\.02 \(\+2\.2%\) ← `train`[^;\n]*: `data\/data\.csv` 8 B→16 B \(the base's dvc\.lock\); `train` was out of date at the base \(dep data\/data\.csv: modified\)/,
      );
      assert.doesNotMatch(md, /no upstream param, file or data change found/);
      const causes = json.causes[json.metrics[0].rows[0].causes];
      assert.deepEqual(causes.data, [
        { path: 'data/data.csv', source: '.dvc', old: { size: 8, nfiles: null }, new: { size: 16, nfiles: null }, oldFrom: 'dvc.lock', stages: ['train'] },
      ]);
      // The gate's note names the data among what the base's value is not of.
      const rule = json.gates.rules[0];
      assert.equal(rule.status, 'error');
      assert.match(rule.detail, /\(dep data\/data\.csv: modified\).*is not of the base's own params, code and data/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('data deps: a `.dvc`-tracked folder and a dvc.lock-only file with new sizes and file counts', async () => {
    const repo = new TempRepo('mlreport-causes-');
    repos.push(repo);
    const lock = (rawMd5: string, rawSize: number) => `schema: '2.0'
stages:
  train:
    cmd: node src/train.js
    deps:
    - path: data/images
      hash: md5
      md5: 0123456789abcdef0123456789abcdef.dir
      size: 3000
      nfiles: 3
    - path: data/raw.csv
      hash: md5
      md5: ${rawMd5}
      size: ${rawSize}
    outs:
    - path: metrics.json
      hash: md5
      md5: cccccccccccccccccccccccccccccccc
      size: 20
`;
    const images = (md5: string, size: number, nfiles: number) =>
      `outs:\n- md5: ${md5}.dir\n  size: ${size}\n  nfiles: ${nfiles}\n  hash: md5\n  path: images\n`;
    const dvcYaml =
      'stages:\n  train:\n    cmd: node src/train.js\n    deps: [data/images, data/raw.csv]\n    metrics:\n      - metrics.json: {cache: false}\n';
    repo.commit('base', {
      '.gitignore': '/data/raw.csv\n',
      'data/.gitignore': '/images\n',
      'dvc.yaml': dvcYaml,
      'dvc.lock': lock('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 2048),
      'data/images.dvc': images('0123456789abcdef0123456789abcdef', 3000, 3),
      'metrics.json': '{"accuracy": 0.8}',
    });
    repo.commit('more data', {
      'dvc.lock': lock('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 3 * 1024 * 1024),
      'data/images.dvc': images('fedcba9876543210fedcba9876543210', 4500, 4),
      'metrics.json': '{"accuracy": 0.85}',
    });
    const r = await report(repo);
    assert.match(r.md, /- `accuracy` \+0\.05 \(\+6\.2%\) ← `train`[^:]*: `data\/images` 2\.9 KiB→4\.4 KiB, 3→4 files, `data\/raw\.csv` 2\.0 KiB→3\.0 MiB\n/);
    assert.deepEqual(causesOf(r).data, [
      { path: 'data/images', source: '.dvc', old: { size: 3000, nfiles: 3 }, new: { size: 4500, nfiles: 4 }, stages: ['train'] },
      { path: 'data/raw.csv', source: 'dvc.lock', old: { size: 2048, nfiles: null }, new: { size: 3145728, nfiles: null }, stages: ['train'] },
    ]);
  });

  test('a .dvc file that does not load at the base: its data is not called added, and its error is among the unknowns', async () => {
    const repo = new TempRepo('mlreport-causes-');
    repos.push(repo);
    const images = (md5: string, size: number) => `outs:\n- md5: ${md5}.dir\n  size: ${size}\n  nfiles: 3\n  hash: md5\n  path: images\n`;
    const dvcYaml = 'stages:\n  train:\n    cmd: node src/train.js\n    deps: [data/images]\n    metrics:\n      - metrics.json: {cache: false}\n';
    repo.commit('base', {
      'data/.gitignore': '/images\n',
      'dvc.yaml': dvcYaml,
      // A hand edit DVC refuses: `sise:` is no key of an out.
      'data/images.dvc': images('0123456789abcdef0123456789abcdef', 3000).replace('  size:', '  sise:'),
      'metrics.json': '{"accuracy": 0.8}',
    });
    repo.commit('head', { 'data/images.dvc': images('fedcba9876543210fedcba9876543210', 4500), 'metrics.json': '{"accuracy": 0.85}' });
    const causes = causesOf(await report(repo));
    assert.deepEqual(causes.data, []);
    assert.equal(causes.unknown.length, 1, JSON.stringify(causes.unknown));
    assert.match(causes.unknown[0], /^at \S+: data\/images\.dvc: outs\[0\]: unknown key 'sise'/);
  });

  test('dvc.lock missing at the base: the line says data changes are unknown instead of guessing', async () => {
    const repo = new TempRepo('mlreport-causes-');
    repos.push(repo);
    const dvcYaml =
      'stages:\n  train:\n    cmd: node src/train.js\n    deps: [src/train.js, data/raw.csv]\n    metrics:\n      - metrics.json: {cache: false}\n';
    repo.commit('base', { '.gitignore': '/data/raw.csv\n', 'dvc.yaml': dvcYaml, 'src/train.js': '// v1\n', 'metrics.json': '{"accuracy": 0.8}' });
    repo.commit('head', {
      'dvc.lock':
        "schema: '2.0'\nstages:\n  train:\n    cmd: node src/train.js\n    deps:\n    - path: data/raw.csv\n      hash: md5\n      md5: 22222222222222222222222222222222\n      size: 10\n",
      'metrics.json': '{"accuracy": 0.7}',
    });
    const r = await report(repo);
    // Its stage is out of date for its deps (not only its output): named with why, not "no change found".
    assert.match(
      r.md,
      /- `accuracy` −0\.1 \(−13%\) ← `train` would re-run \(dep src\/train\.js: new; dep data\/raw\.csv: missing; out metrics\.json: new\); dvc\.lock missing at base: data changes unknown\n/,
    );
    const causes = causesOf(r);
    assert.equal(causes.nothingUpstream, false);
    assert.deepEqual(causes.unknown, ['dvc.lock missing at base: data changes unknown']);
    assert.deepEqual(
      causes.stages.map((s: any) => s.status),
      ['out-of-date'],
    );
  });

  test('no dvc.yaml: every changed param and file, marked as such; a binary file says so', async () => {
    const repo = new TempRepo('mlreport-causes-');
    repos.push(repo);
    repo.commit('base', {
      'params.yaml': 'lr: 0.1\nseed: 1\n',
      'train.py': 'print(1)\n',
      'model.bin': Buffer.from([0, 1, 2, 3]),
      'metrics.json': '{"accuracy": 0.8, "loss": 0.5}',
    });
    repo.commit('head', {
      'params.yaml': 'lr: 0.2\nseed: 1\n',
      'train.py': 'print(2)\nprint(3)\n',
      'model.bin': Buffer.from([0, 9, 9]),
      'metrics.json': '{"accuracy": 0.9, "loss": 0.5}',
    });
    const r = await report(repo, ['--metrics', 'metrics.json', '--params', 'params.yaml']);
    assert.match(
      r.md,
      /- `accuracy` \+0\.1 \(\+12%\) ← no pipeline: all changed params and files listed: `lr` 0\.1→0\.2, `model\.bin` binary, `train\.py` \+2\/−1\n/,
    );
    // An unchanged metric has no line and no causes.
    assert.doesNotMatch(r.md, /- `loss`/);
    assert.equal(r.json.metrics[0]!.rows.find((x) => x.key === 'loss')!.causes, undefined);
    const causes = causesOf(r);
    assert.equal(causes.basis, 'no-pipeline');
    assert.deepEqual(causes.files, [
      { path: 'model.bin', added: null, deleted: null, binary: true, stages: [] },
      { path: 'train.py', added: 2, deleted: 1, binary: false, stages: [] },
    ]);
  });

  test('a dvc.yaml with only `metrics:` and a commit that edits the file alone: no stage writes it, only the file changed', async () => {
    const repo = new TempRepo('mlreport-causes-');
    repos.push(repo);
    repo.commit('base', { 'dvc.yaml': 'metrics:\n  - m.json\n', 'm.json': '{"acc": 0.5}' });
    repo.commit('head', { 'm.json': '{"acc": 0.45}' });
    const r = await report(repo, ['--metrics', 'm.json']);
    assert.match(r.md, /- `acc` −0\.05 \(−10%\) ← no stage writes this file, and no param, file or data changed: only the file itself changed\n/);
    assert.doesNotMatch(r.md, /non-determinism/);
    assert.equal(causesOf(r, 'acc', 'm.json').basis, 'no-stage');
  });

  test('report.json names shared causes once: rows of files no stage writes all point at one entry', async () => {
    const repo = new TempRepo('mlreport-causes-');
    repos.push(repo);
    const files = (v: number): Record<string, string> => ({
      'params.yaml': `lr: ${v}\n`,
      'a.json': JSON.stringify({ acc: v, loss: 1 - v }),
      'b.json': JSON.stringify({ acc: v / 2, loss: 1 - v / 2 }),
    });
    repo.commit('base', files(0.1));
    repo.commit('head', files(0.2));
    const r = await report(repo, ['--metrics', 'a.json', '--metrics', 'b.json', '--params', 'params.yaml']);
    const pointers = r.json.metrics.flatMap((f) => f.rows.map((row) => row.causes));
    assert.deepEqual(pointers, [0, 0, 0, 0], 'four changed rows, one causes entry');
    assert.equal(r.json.causes.length, 1);
    assert.deepEqual(r.json.causes[0]!.params, [{ file: 'params.yaml', key: 'lr', old: 0.1, new: 0.2, stages: [] }]);
    // One line for the four, as one entry in report.json.
    assert.match(r.md, /- `a\.json: acc` \+0\.1 \(\+100%\), `a\.json: loss` −0\.1 \(−11%\), `b\.json: acc` [^←]*, `b\.json: loss` [^←]* ← no pipeline/);
  });

  test('a metrics file inside a directory out: the stage that writes the directory, and what it reads', async () => {
    const repo = new TempRepo('mlreport-causes-');
    repos.push(repo);
    const evaluate = (score: number) =>
      `const fs = require('fs');\nfs.mkdirSync('eval', { recursive: true });\nfs.writeFileSync('eval/metrics.json', JSON.stringify({ auc: ${score} }));\n`;
    repo.write({
      'dvc.yaml':
        'stages:\n  evaluate:\n    cmd: node src/evaluate.js\n    deps: [src/evaluate.js]\n    outs:\n      - eval:\n          cache: false\nmetrics:\n  - eval/metrics.json\n',
      'src/evaluate.js': evaluate(0.7),
    });
    assert.equal((await runCli(['repro'], repo.dir)).code, 0);
    repo.commit('base');
    repo.write({ 'src/evaluate.js': evaluate(0.75) });
    assert.equal((await runCli(['repro'], repo.dir)).code, 0);
    repo.commit('better evaluation');
    const r = await report(repo);
    assert.match(r.md, /- `auc` \+0\.05 \(\+7\.1%\) ← `evaluate` re-ran in this change \(dvc\.lock\): `src\/evaluate\.js` \+1\/−1\n/);
    assert.equal(causesOf(r, 'auc', 'eval/metrics.json').stage, 'evaluate');
  });

  test('a DVC-cached metrics file the head cannot read (never pushed): its metrics are not known at the head, not removed, and nothing is guessed', async () => {
    const repo = new TempRepo('mlreport-causes-');
    repos.push(repo);
    const remote = tempDir('mlreport-remote-');
    try {
      // example-get-started's layout: eval/metrics.json is the evaluate stage's DVC-cached output, its hash in dvc.lock.
      // `push` puts its bytes where a DVC 3 remote keeps them, as `dvc push` does.
      const lock = (bytes: string, push: boolean): string => {
        const file = join(remote, 'object');
        writeFileSync(file, bytes);
        const md5 = md5sum(file);
        rmSync(file);
        if (push) {
          mkdirSync(join(remote, 'files', 'md5', md5.slice(0, 2)), { recursive: true });
          writeFileSync(join(remote, 'files', 'md5', md5.slice(0, 2), md5.slice(2)), bytes);
        }
        return `schema: '2.0'\nstages:\n  evaluate:\n    cmd: python evaluate.py\n    outs:\n    - path: eval/metrics.json\n      hash: md5\n      md5: ${md5}\n      size: ${bytes.length}\n`;
      };
      repo.commit('base', {
        '.dvc/config': `[core]\n    remote = storage\n['remote "storage"']\n    url = ${remote}\n`,
        '.dvc/.gitignore': '/config.local\n/tmp\n/cache\n',
        'dvc.yaml': 'stages:\n  evaluate:\n    cmd: python evaluate.py\n    outs:\n    - eval/metrics.json\nmetrics:\n- eval/metrics.json\n',
        'eval/.gitignore': '/metrics.json\n',
        'dvc.lock': lock(JSON.stringify({ roc_auc: 0.7778 }), true),
      });
      // The head's metrics, in its dvc.lock and never pushed: neither the (empty) cache nor the remote has them.
      repo.commit('evaluate again', { 'dvc.lock': lock(JSON.stringify({ roc_auc: 0.8 }), false) });
      const r = await report(repo);
      assert.match(r.md, /- `eval\/metrics\.json`: not present at \S+ \(DVC-cached\) and cannot be read: [^\n]*missing from remote 'storage'/);
      const line = r.md.split('\n').find((l) => l.startsWith('- `roc_auc`'));
      assert.match(
        line!,
        /^- `roc_auc` was 0\.7778 \(not known at the head\) ← nothing upstream of `evaluate` changed; `eval\/metrics\.json` not present at \S+ \(DVC-cached\) and cannot be read: [^←]*missing from remote 'storage'$/,
      );
      assert.doesNotMatch(r.md, /removed \(was|edited by hand/);
    } finally {
      rmSync(remote, { recursive: true, force: true });
    }
  });
});
