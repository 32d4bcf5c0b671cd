import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readDvcFile as readTrackedOuts } from '../../src/dvc/data/dvcfile';
import { projectFiles } from '../../src/dvc/files';
import { shlexQuote } from '../../src/dvc/interpolate';
import { loadDvcYaml as loadFromTree, loadProject } from '../../src/dvc/project';
import { workspaceTree } from '../../src/workspace/tree';
import { tempDir } from '../helpers/repo';

const loadDvcYaml = (dir: string) => loadFromTree(workspaceTree(dir));

async function parseDvcYaml(dir: string, text: string) {
  writeFileSync(join(dir, 'dvc.yaml'), text);
  return loadDvcYaml(dir);
}

async function withProject<T>(files: Record<string, string>, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = tempDir('mlreport-dvcyaml-');
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, ...path.split('/').slice(0, -1)), { recursive: true });
      writeFileSync(join(dir, ...path.split('/')), text);
    }
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('loadDvcYaml', () => {
  test('no dvc.yaml → null', async () => {
    await withProject({}, async (dir) => assert.equal(await loadDvcYaml(dir), null));
  });

  test('stage fields, defaults and top-level lists', async () => {
    const yaml = `
stages:
  train:
    desc: Train it
    wdir: sub
    cmd: [python train.py, echo done]
    deps: [train.py, ../data]
    params:
      - lr
      - conf.json: [a.b]
      - whole.yaml:
    outs:
      - model.pkl
      - cache: {cache: false, persist: true}
    metrics:
      - metrics.json: {cache: false}
    plots:
      - plot.csv: {x: step, y: loss, template: linear}
    always_changed: true
    frozen: false
metrics: [metrics.json]
params: [other.yaml]
plots:
  - plot.csv
  - ROC: {x: fpr, y: {roc.json: tpr}}
`;
    await withProject({ 'dvc.yaml': yaml }, async (dir) => {
      const dvc = (await loadDvcYaml(dir))!;
      assert.deepEqual(dvc.metrics, ['metrics.json']);
      assert.deepEqual(dvc.params, ['other.yaml']);
      assert.deepEqual(
        dvc.plots.map((p) => p.id),
        ['plot.csv', 'ROC'],
      );
      const s = dvc.stages[0]!;
      assert.equal(s.name, 'train');
      assert.equal(s.wdir, 'sub');
      assert.equal(s.desc, 'Train it');
      assert.deepEqual(s.cmd, ['python train.py', 'echo done']);
      assert.deepEqual(s.deps, ['train.py', '../data']);
      assert.deepEqual(s.params, [
        { file: 'params.yaml', keys: ['lr'] },
        { file: 'conf.json', keys: ['a.b'] },
        { file: 'whole.yaml', keys: null },
      ]);
      assert.deepEqual(
        s.outs.map((o) => [o.path, o.kind, o.cache, o.persist]),
        [
          ['model.pkl', 'out', true, false],
          ['cache', 'out', false, true],
          ['metrics.json', 'metric', false, false],
          ['plot.csv', 'plot', true, false],
        ],
      );
      assert.equal(s.alwaysChanged, true);
      assert.equal(s.frozen, false);
    });
  });

  test('${} from params.yaml and vars: typed when whole, Python str() when embedded, \\${ escapes', async () => {
    const yaml = `
vars:
  - config.yaml
  - extra.json:tag
  - {inline: {n: 3}}
stages:
  s:
    cmd: run --lr ${'${train.lr}'} --one ${'${train.one}'} --tiny ${'${train.tiny}'} --flag ${'${train.flag}'} --n ${'${inline.n}'} --t ${'${tag}'} --d ${'${layers[1]}'} \\${'${literal}'}
    deps: ["${'${data_dir}'}/raw"]
    outs:
      - ${'${data_dir}'}/out.csv: {cache: false}
    always_changed: ${'${train.flag}'}
`;
    const files = {
      'dvc.yaml': yaml,
      'params.yaml': 'train:\n  lr: 0.10\n  one: 1.0\n  tiny: 0.00001\n  flag: true\nlayers: [8, 16]\n',
      'config.yaml': 'data_dir: data\n',
      'extra.json': '{"tag": "v1", "unused": 1}',
    };
    await withProject(files, async (dir) => {
      const s = (await loadDvcYaml(dir))!.stages[0]!;
      assert.equal(s.cmd, 'run --lr 0.1 --one 1.0 --tiny 1e-05 --flag true --n 3 --t v1 --d 16 ${literal}');
      assert.deepEqual(s.deps, ['data/raw']);
      // Mapping keys are interpolated too (dvc/parsing/context.py resolves keys and values).
      assert.deepEqual(
        s.outs.map((o) => [o.path, o.cache]),
        [['data/out.csv', false]],
      );
      assert.equal(s.alwaysChanged, true);
    });
  });

  test('a dict in cmd unpacks into --key value arguments (DVC defaults: store_true, nargs)', async () => {
    const files = {
      'dvc.yaml': 'stages:\n  s:\n    cmd: python t.py ${args}\n',
      'params.yaml': "args:\n  lr: 0.5\n  name: my model\n  on: true\n  off: false\n  ids: [1, 'a b']\n  sub: {k: x}\n",
    };
    await withProject(files, async (dir) => {
      assert.equal((await loadDvcYaml(dir))!.stages[0]!.cmd, "python t.py --lr 0.5 --name 'my model' --on --ids 1 'a b' --sub.k x");
    });
    assert.equal(shlexQuote("it's"), `'it'"'"'s'`);
    assert.equal(shlexQuote('a/b.c@d%e+f=g:h,i-j_k'), 'a/b.c@d%e+f=g:h,i-j_k');
  });

  test('foreach over a list, a list of dicts and a mapping; names as DVC makes them', async () => {
    const yaml = `
stages:
  a:
    foreach: [x, 2, true, x]
    do: {cmd: "echo \${item}"}
  b:
    foreach: \${models}
    do: {cmd: "train \${item.name}"}
  c:
    foreach:
      us: {n: 1}
      2021: {n: 2}
    do: {cmd: "echo \${key} \${item.n}"}
`;
    await withProject({ 'dvc.yaml': yaml, 'params.yaml': 'models:\n  - {name: m1}\n  - {name: m2}\n' }, async (dir) => {
      const stages = (await loadDvcYaml(dir))!.stages;
      // File order, as DVC keeps it, even for keys that look like integers.
      assert.deepEqual(
        stages.map((s) => [s.name, s.cmd]),
        [
          ['a@x', 'echo x'],
          ['a@2', 'echo 2'],
          ['a@true', 'echo true'],
          ['b@0', 'train m1'],
          ['b@1', 'train m2'],
          ['c@us', 'echo us 1'],
          ['c@2021', 'echo 2021 2'],
        ],
      );
    });
  });

  test('matrix: the example of dvc tests/func/parsing/test_matrix.py', async () => {
    const yaml = `
stages:
  build:
    matrix:
      os: [win, linux]
      pyv: [3.7, 3.8]
      dict: [{arg1: 1}, {arg2: 2}]
      list: [[out1, out11], [out2, out22]]
    cmd: "echo \${item.os} \${item.pyv} \${item.dict} -- \${item.list.0} \${item.list.1}"
`;
    await withProject({ 'dvc.yaml': yaml }, async (dir) => {
      const stages = (await loadDvcYaml(dir))!.stages;
      assert.equal(stages.length, 16);
      assert.equal(stages[0]!.name, 'build@win-3.7-dict0-list0');
      assert.equal(stages[0]!.cmd, 'echo win 3.7 --arg1 1 -- out1 out11');
      assert.equal(stages[15]!.name, 'build@linux-3.8-dict1-list1');
      assert.equal(stages[15]!.cmd, 'echo linux 3.8 --arg2 2 -- out2 out22');
    });
  });

  test('stage vars load relative to wdir and cannot redefine global keys', async () => {
    const ok = { 'dvc.yaml': 'stages:\n  s:\n    wdir: w\n    vars: [local.yaml]\n    cmd: echo ${v}\n', 'w/local.yaml': 'v: 7\n' };
    await withProject(ok, async (dir) => assert.equal((await loadDvcYaml(dir))!.stages[0]!.cmd, 'echo 7'));
    const clash = { 'dvc.yaml': 'vars: [a.yaml]\nstages:\n  s:\n    cmd: echo\n', 'params.yaml': 'x: {y: 1}\n', 'a.yaml': 'x: {y: 2}\n' };
    await withProject(clash, async (dir) => {
      await assert.rejects(loadDvcYaml(dir), /cannot redefine 'x.y' from 'a.yaml' as it already exists in 'params.yaml'/);
    });
  });
});

describe('dvc.yaml errors name the stage and the key', () => {
  const cases: [string, string, RegExp][] = [
    ['unknown variable', 'stages:\n  train:\n    cmd: python t.py ${nope.lr}\n', /dvc.yaml: failed to parse 'stages.train.cmd': Could not find 'nope.lr'/],
    ['list embedded in a string', 'vars: [{l: [1, 2]}]\nstages:\n  s:\n    cmd: echo ${l}\n', /stages.s.cmd.*Cannot interpolate data of type 'list'/],
    ['missing cmd', 'stages:\n  s:\n    deps: [a]\n', /stage 's': 'cmd' is required/],
    ['unknown stage key', 'stages:\n  s:\n    cmd: x\n    dep: [a]\n', /stage 's': unknown key 'dep'/],
    ['unknown top-level key', 'stage:\n  s: {cmd: x}\n', /unknown top-level key 'stage'/],
    ['bad out flag', 'stages:\n  s:\n    cmd: x\n    outs: [{o: {cach: false}}]\n', /stage 's': 'outs'\[0\]: unknown flag 'cach' on 'o'/],
    ['foreach with extra keys', 'stages:\n  s:\n    foreach: [1]\n    do: {cmd: x}\n    cmd: y\n', /stage 's': a foreach group takes only 'foreach' and 'do'/],
    ['deps not a list', 'stages:\n  s:\n    cmd: x\n    deps: a\n', /stage 's': 'deps' must be a list/],
    ['frozen not a bool', 'stages:\n  s:\n    cmd: x\n    frozen: yes\n', /stage 's': 'frozen' must be true or false/],
    ['invalid YAML', 'stages:\n  s: [\n', /dvc.yaml:\d+:\d+: invalid YAML/],
    // DVC's schema takes string stage names only (`{str: …}`): YAML makes these a number and a boolean.
    ['a stage named by a number', 'stages:\n  1:\n    cmd: x\n', /^dvc\.yaml: a stage name is the number 1, not a string: quote it/],
    ['a stage named by a boolean', 'stages:\n  true:\n    cmd: x\n', /^dvc\.yaml: a stage name is the boolean true, not a string/],
    ['a stage named by nothing', 'stages:\n  null:\n    cmd: x\n', /^dvc\.yaml: a stage name is an empty value, not a string/],
  ];
  for (const [name, yaml, expected] of cases) {
    test(name, async () => {
      await assert.rejects(parseDvcYaml(tempDir(), yaml), { name: 'UserError', message: expected });
    });
  }

  test('a quoted number is a stage name, as in DVC', async () => {
    const dvc = await parseDvcYaml(tempDir(), "stages:\n  '1':\n    cmd: x\n");
    assert.deepEqual(
      dvc?.stages.map((s) => s.name),
      ['1'],
    );
  });
});

describe('projectFiles', () => {
  test('metrics, params and plots files as DVC collects them, relative to dvc.yaml', async () => {
    const yaml = `
stages:
  train:
    wdir: sub
    cmd: x
    params: [lr, {../conf.json: [a]}]
    outs: [model.pkl]
    metrics: [{m.json: {cache: false}}]
    plots: [loss.csv]
metrics: [eval/metrics.json]
params: [extra.yaml]
plots:
  - images/importance.png
  - ROC: {x: fpr, y: {eval/roc.json: tpr}}
`;
    await withProject({ 'dvc.yaml': yaml }, async (dir) => {
      const files = projectFiles([(await loadDvcYaml(dir))!]);
      assert.deepEqual(files.metrics, ['eval/metrics.json', 'sub/m.json']);
      assert.deepEqual(
        [...files.params],
        [
          ['sub/params.yaml', ['lr']],
          ['conf.json', ['a']],
        ],
      );
      assert.deepEqual(files.topParams, ['extra.yaml']);
      assert.deepEqual(files.plots, ['eval/roc.json', 'images/importance.png', 'sub/loss.csv']);
      assert.deepEqual([...files.dvcOuts].sort(), ['sub/loss.csv', 'sub/model.pkl']);
    });
  });
});

describe('loadProject', () => {
  test('every dvc.yaml with its dvc.lock, and .dvc files whose data counts as DVC-tracked; broken files are errors', async () => {
    const files = {
      'dvc.yaml': 'metrics: [m.json]\n',
      'dvc.lock': "schema: '2.0'\nstages:\n  s:\n    cmd: c\n",
      'sub/dvc.yaml': 'stages:\n  t:\n    cmd: x\n    metrics: [eval.json]\n',
      'data/raw.dvc': 'outs:\n- md5: 0cc175b9c0f1b6a831c399e269772661\n  size: 1\n  hash: md5\n  path: raw\n',
      'broken/dvc.yaml': 'stages: [\n',
      'bad.dvc': 'outs: x\nunknown: 1\n',
    };
    await withProject(files, async (dir) => {
      const project = await loadProject(workspaceTree(dir));
      assert.deepEqual(
        project.dvcYamls.map((d) => d.file),
        ['dvc.yaml', 'sub/dvc.yaml'],
      );
      assert.deepEqual([...project.locks.keys()], ['']);
      assert.deepEqual(
        project.dvcFiles.map((f) => [f.file, f.outs.map((o) => [o.path, o.md5])]),
        [['data/raw.dvc', [['data/raw', '0cc175b9c0f1b6a831c399e269772661']]]],
      );
      assert.deepEqual(
        project.errors.map((e) => e.file),
        ['broken/dvc.yaml', 'bad.dvc'],
        'each error names its file: dvc.yaml files first',
      );
      assert.match(project.errors[0]!.error, /^broken\/dvc\.yaml:2:1: invalid YAML/);
      assert.match(project.errors[1]!.error, /^bad\.dvc: unknown key 'unknown'/);
      const names = projectFiles(project.dvcYamls, project.dvcFiles);
      assert.deepEqual(names.metrics, ['m.json', 'sub/eval.json']);
      assert.deepEqual([...names.dvcOuts].sort(), ['data/raw', 'sub/eval.json']);
    });
  });
});

describe('.dvc files: one reader for the project model and the data layer', () => {
  const A = '0cc175b9c0f1b6a831c399e269772661';
  const B = '92eb5ffee6ae2fec3ad71c777531578f';

  test('both see the same outs: paths from the file and its wdir, cache: false, remote, DVC 2.x entries', async () => {
    const text = `wdir: ..\nouts:\n- md5: ${A}\n  size: 1\n  hash: md5\n  path: data/a\n  remote: store\n- path: notes.txt\n  cache: false\n  md5: ${B}\n  hash: md5\n- md5: ${B}.dir\n  path: old\n  nfiles: 2\n`;
    await withProject({ 'data/a.dvc': text }, async (dir) => {
      const project = await loadProject(workspaceTree(dir));
      assert.deepEqual(project.errors, []);
      assert.deepEqual(
        project.dvcFiles[0]?.outs.map((o) => [o.path, o.md5, o.hashName, o.cache, o.remote]),
        [
          ['data/a', A, 'md5', true, 'store'],
          ['notes.txt', B, 'md5', false, undefined],
          ['old', `${B}.dir`, 'md5-dos2unix', true, undefined],
        ],
      );
      // The data layer pulls only what DVC caches.
      assert.deepEqual(await readTrackedOuts(dir, 'data/a.dvc'), [
        { oid: A, path: 'data/a', dvcfile: 'data/a.dvc', legacy: false, isexec: false, remote: 'store' },
        { oid: `${B}.dir`, path: 'old', dvcfile: 'data/a.dvc', legacy: true, isexec: false, remote: undefined },
      ]);
    });
  });

  for (const [name, text, expected] of [
    ['an unknown key', 'outs: []\nfoo: 1\n', /^x\.dvc: unknown key 'foo'/],
    ['a hash DVC does not write', `outs:\n- path: a\n  md5: ${A}\n  hash: sha256\n`, /^x\.dvc: outs\[0\]\.hash 'sha256' is not one DVC writes \(md5\)/],
    [
      'an md5 that is a number too short for a hash',
      'outs:\n- path: a\n  md5: 5\n',
      /^x\.dvc: outs\[0\]\.md5 must be a hash of at least 3 characters, not the number 5/,
    ],
    ['a path out of the project', `outs:\n- path: ../../etc/passwd\n  md5: ${A}\n`, /^x\.dvc: outs\[0\]\.path '\.\.\/\.\.\/etc\/passwd' leaves the project/],
    ['an out without a path', `outs:\n- md5: ${A}\n`, /^x\.dvc: outs\[0\]: expected an entry with a 'path'/],
    ['a repeated key', 'outs: []\nouts: []\n', /^x\.dvc:2:1: invalid YAML/],
  ] as const) {
    test(`${name} is an error naming the file and the key, in the model and the data layer alike`, async () => {
      await withProject({ 'x.dvc': text }, async (dir) => {
        const project = await loadProject(workspaceTree(dir));
        assert.equal(project.errors.length, 1);
        assert.equal(project.errors[0]!.file, 'x.dvc');
        assert.match(project.errors[0]!.error, expected);
        await assert.rejects(readTrackedOuts(dir, 'x.dvc'), (error: Error) => expected.test(error.message));
      });
    });
  }

  test('the data layer reads .dvc files through the guarded reader: a link out of the project is refused', async () => {
    const outside = tempDir('mlreport-outside-');
    try {
      writeFileSync(join(outside, 'x.dvc'), `outs:\n- path: a\n  md5: ${A}\n  hash: md5\n`);
      await withProject({}, async (dir) => {
        symlinkSync(join(outside, 'x.dvc'), join(dir, 'x.dvc'));
        await assert.rejects(readTrackedOuts(dir, 'x.dvc'), /x\.dvc: a link to a file outside the project; not read/);
      });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
