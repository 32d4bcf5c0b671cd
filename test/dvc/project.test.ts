import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTrackedFiles } from '../../src/dvc/data/dvcfile';
import { projectFiles } from '../../src/dvc/files';
import { shlexQuote } from '../../src/dvc/interpolate';
import { loadDvcYaml as loadFromTree, loadProject } from '../../src/dvc/project';
import { GitRepo } from '../../src/git/repo';
import { commitTree, workspaceTree } from '../../src/workspace/tree';
import { TempRepo, tempDir } from '../helpers/repo';

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

  test('a top-level plots item with two ids is taken as DVC takes it: each checked, the first one drawn (dvc/repo/plots _collect_pipeline_files)', async () => {
    await withProject({}, async (dir) => {
      const yaml = 'plots:\n  - Loss: {x: step, y: {train.csv: loss}}\n    acc.csv: {title: Accuracy}\n  - roc.csv\n';
      const dvc = await parseDvcYaml(dir, yaml);
      assert.deepEqual(
        dvc!.plots.map((p) => [p.id, p.props && [...p.props.keys()]]),
        [
          ['Loss', ['x', 'y']],
          ['roc.csv', null],
        ],
      );
      // DVC's schema checks every id's properties (SINGLE_PLOT_SCHEMA), the second's too.
      await assert.rejects(
        parseDvcYaml(dir, 'plots:\n  - loss.csv:\n    acc.csv: {titel: Accuracy}\n'),
        /^UserError: dvc\.yaml: plot 'acc\.csv' \(plots\[0\]\): unknown key 'titel'/,
      );
      await assert.rejects(
        parseDvcYaml(dir, 'plots:\n  - loss.csv:\n    acc.csv: 5\n'),
        /^UserError: dvc\.yaml: plot 'acc\.csv' \(plots\[0\]\) must map to its properties/,
      );
      await assert.rejects(parseDvcYaml(dir, 'plots:\n  - {}\n'), /^UserError: dvc\.yaml: 'plots\[0\]' must be a path or a mapping \{id:/);
    });
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

  test('a dict in cmd: an empty dict inside gives no argument and an empty list none (dvc to_str: flatten_dict drops the one, the other has no item)', async () => {
    const files = {
      'dvc.yaml': 'stages:\n  s:\n    cmd: echo ${train}\n',
      'params.yaml': 'train:\n  lr: 0.1\n  opts: {}\n  extra_layers: []\n  deep: {a: {}, b: 2}\n  flags: [true, null, 1.0]\n',
    };
    await withProject(files, async (dir) => {
      // List items are written by Python's f-string, str(): `True`, `None`, unlike a bool or None of the dict itself.
      assert.equal((await loadDvcYaml(dir))!.stages[0]!.cmd, 'echo --lr 0.1 --deep.b 2 --flags True None 1.0');
    });
  });

  describe("DVC's parsing settings (.dvc/config [parsing]) for a dict in cmd", () => {
    const pipeline = {
      'dvc.yaml': 'stages:\n  train:\n    cmd: python train.py ${train}\n',
      'params.yaml': 'train:\n  augment: false\n  layers: [64, 32]\n  fast: true\n',
    };

    test('bool = boolean_optional writes --no-<key>, list = append repeats the flag (tests/func/parsing test_cmd_dict)', async () => {
      await withProject({ ...pipeline, '.dvc/config': '[parsing]\n    bool = boolean_optional\n    list = append\n' }, async (dir) => {
        assert.equal((await loadDvcYaml(dir))!.stages[0]!.cmd, 'python train.py --no-augment --layers 64 --layers 32 --fast');
      });
      // DVC's schema lower-cases both values.
      await withProject({ ...pipeline, '.dvc/config': '[parsing]\nlist = Append\n' }, async (dir) => {
        assert.equal((await loadDvcYaml(dir))!.stages[0]!.cmd, 'python train.py --layers 64 --layers 32 --fast');
      });
      await withProject(pipeline, async (dir) => {
        assert.equal((await loadDvcYaml(dir))!.stages[0]!.cmd, 'python train.py --layers 64 32 --fast');
      });
    });

    test('config.local and the global config count, with DVC precedence (global < repo < local)', async () => {
      const global = tempDir();
      const saved = process.env.DVC_GLOBAL_CONFIG_DIR;
      process.env.DVC_GLOBAL_CONFIG_DIR = global;
      try {
        writeFileSync(join(global, 'config'), '[parsing]\n    bool = boolean_optional\n    list = append\n');
        await withProject({ ...pipeline, '.dvc/config': '[parsing]\n    list = nargs\n' }, async (dir) => {
          assert.equal((await loadDvcYaml(dir))!.stages[0]!.cmd, 'python train.py --no-augment --layers 64 32 --fast');
          writeFileSync(join(dir, '.dvc', 'config.local'), '[parsing]\n    bool = store_true\n    list = append\n');
          assert.equal((await loadDvcYaml(dir))!.stages[0]!.cmd, 'python train.py --layers 64 --layers 32 --fast');
        });
      } finally {
        if (saved === undefined) delete process.env.DVC_GLOBAL_CONFIG_DIR;
        else process.env.DVC_GLOBAL_CONFIG_DIR = saved;
        rmSync(global, { recursive: true, force: true });
      }
    });

    test("at a commit, the commit's .dvc/config is the repo level", async () => {
      const repo = new TempRepo();
      try {
        const sha = repo.commit('append', { ...pipeline, '.dvc/config': '[parsing]\n    list = append\n' });
        repo.write({ '.dvc/config': '[parsing]\n    bool = boolean_optional\n' });
        const git = await GitRepo.open(repo.dir);
        try {
          assert.equal((await loadFromTree(commitTree(git, sha, 'HEAD')))!.stages[0]!.cmd, 'python train.py --layers 64 --layers 32 --fast');
          assert.equal((await loadFromTree(commitTree(git, sha, 'HEAD', { byPath: true })))!.stages[0]!.cmd, 'python train.py --layers 64 --layers 32 --fast');
        } finally {
          await git.close();
        }
        assert.equal((await loadDvcYaml(repo.dir))!.stages[0]!.cmd, 'python train.py --no-augment --layers 64 32 --fast');
      } finally {
        repo.remove();
      }
    });

    test(
      "the project's config files are read only as plain files of the project: a link's target is never quoted",
      { skip: process.platform === 'win32' && 'symlinks need extra rights on Windows' },
      async () => {
        const outside = tempDir();
        try {
          writeFileSync(join(outside, 'config'), 'password hunter2\n');
          mkdirSync(join(outside, 'dvc'));
          writeFileSync(join(outside, 'dvc', 'config'), 'password hunter2\n');
          const links: [string, (dir: string) => void][] = [
            ['.dvc/config', (dir) => (mkdirSync(join(dir, '.dvc')), symlinkSync(join(outside, 'config'), join(dir, '.dvc', 'config')))],
            ['.dvc/config.local', (dir) => (mkdirSync(join(dir, '.dvc')), symlinkSync(join(outside, 'config'), join(dir, '.dvc', 'config.local')))],
            ['.dvc/config', (dir) => symlinkSync(join(outside, 'dvc'), join(dir, '.dvc'))],
          ];
          for (const [file, link] of links) {
            await withProject(pipeline, async (dir) => {
              link(dir);
              await assert.rejects(loadDvcYaml(dir), (error: Error) => {
                assert.ok(error.message.includes(`${join(dir, ...file.split('/'))}: not a plain file of the project (a link is not followed)`), error.message);
                assert.ok(!error.message.includes('hunter2'), error.message);
                return true;
              });
            });
          }
        } finally {
          rmSync(outside, { recursive: true, force: true });
        }
      },
    );

    test('a value DVC does not take is an error naming dvc.yaml, the config file, the key and the choices', async () => {
      await withProject({ ...pipeline, '.dvc/config': '[parsing]\n    bool = yes\n' }, async (dir) => {
        await assert.rejects(loadDvcYaml(dir), {
          name: 'UserError',
          message: `dvc.yaml: DVC's config, whose 'parsing' settings say how a \${dict} in a cmd is written, does not load: ${join(dir, '.dvc', 'config')}: parsing.bool is 'yes'; expected store_true or boolean_optional`,
        });
      });
    });
  });

  test("spaces inside ${ … } are stripped from each dotted part, as DVC's Container.select strips them (tests/unit/test_interpolate.py)", async () => {
    const yaml = `
stages:
  s:
    cmd: "echo \${ n } \${ train.lr} \${ layers[ 1 ] }\${train . name }"
    deps: ["\${ data }/raw"]
  g:
    foreach: [a, b]
    do: {cmd: "echo \${ item }"}
`;
    const params = 'n: 5\ntrain: {lr: 0.1, name: x}\nlayers: [8, 16]\ndata: d\n';
    await withProject({ 'dvc.yaml': yaml, 'params.yaml': params }, async (dir) => {
      const dvc = (await loadDvcYaml(dir))!;
      assert.deepEqual(
        dvc.stages.map((s) => [s.name, s.cmd, s.deps]),
        [
          ['s', 'echo 5 0.1 16x', ['d/raw']],
          ['g@a', 'echo a', []],
          ['g@b', 'echo b', []],
        ],
      );
      // Tracked as the keys they name, for params diff (the loop's own item is no param).
      assert.deepEqual([...dvc.trackedVars], [['params.yaml', ['n', 'train.lr', 'layers.1', 'train.name', 'data']]]);
    });
  });

  // tests/func/parsing/test_foreach.py and test_interpolated_entry.py: what `resolver.tracked_vars` holds.
  test("tracked vars as DVC's resolver records them: a loop item under the path it came from, no mapping, not the foreach data", async () => {
    const cases: [string, Record<string, string>, [string, string[]][]][] = [
      [
        'test_params_file_with_dict_tracked',
        {
          'dvc.yaml': 'stages:\n  build:\n    foreach: ${models}\n    do: {cmd: "echo ${item.thresh}"}\n',
          'params.yaml': 'models: {model1: {thresh: foo}, model2: {thresh: bar}}\n',
        },
        [['params.yaml', ['models.model1.thresh', 'models.model2.thresh']]],
      ],
      [
        'test_params_file_tracked_for_composite_list',
        {
          'dvc.yaml': 'stages:\n  build:\n    foreach: ${models}\n    do: {cmd: "echo ${item.thresh}"}\n',
          'params.yaml': 'models: [{thresh: foo}, {thresh: bar}]\n',
        },
        [['params.yaml', ['models.0.thresh', 'models.1.thresh']]],
      ],
      [
        'test_mixed_vars_for_foreach_data_2',
        {
          'dvc.yaml': 'vars: [test_params.yaml]\nstages:\n  build:\n    foreach: ${models}\n    do: {cmd: "echo ${item.thresh} ${item.epochs}"}\n',
          'params.yaml': 'models: {model1: {thresh: 10}, model2: {thresh: 15}}\n',
          'test_params.yaml': 'models: {model1: {epochs: 5}, model2: {epochs: 10}}\n',
        },
        [
          ['params.yaml', ['models.model1.thresh', 'models.model2.thresh']],
          ['test_params.yaml', ['models.model1.epochs', 'models.model2.epochs']],
        ],
      ],
      [
        "a scalar item of a list from a file, and a matrix axis from one (the key is the loop's own)",
        {
          'dvc.yaml':
            'stages:\n  a:\n    foreach: ${sizes}\n    do: {cmd: "echo ${item}"}\n  m:\n    matrix: {s: "${sizes}", k: [x]}\n    cmd: "echo ${item.s} ${item.k} ${key}"\n',
          'params.yaml': 'sizes: [8, 16]\n',
        },
        [['params.yaml', ['sizes.0', 'sizes.1']]],
      ],
      [
        "a mapping unpacked into a cmd is not tracked (a CtxDict has no sources); a list's item is, under its node's path",
        { 'dvc.yaml': 'stages:\n  t:\n    cmd: "train ${train} ${layers[-1]}"\n', 'params.yaml': 'train: {lr: 0.1}\nlayers: [8, 16]\n' },
        [['params.yaml', ['layers.1']]],
      ],
      [
        'a literal foreach element that is a reference is the value it names',
        { 'dvc.yaml': 'stages:\n  b:\n    foreach: [foo, "${bar}"]\n    do: {cmd: "echo ${item}"}\n', 'params.yaml': 'bar: baz\n' },
        [['params.yaml', ['bar']]],
      ],
      [
        // dvc/parsing/__init__.py resolves the data with unwrap=False: a `${…}` inside an element stays the node it selects.
        'a reference inside a literal foreach element (of a list or a mapping) or a matrix value is the value it names',
        {
          'dvc.yaml':
            'stages:\n  fit:\n    foreach:\n    - name: a\n      lr: ${base_lr}\n      sizes: ${sizes}\n    do: {cmd: "echo ${item.name} ${item.lr} ${item.sizes[1]}"}\n' +
            '  viamap:\n    foreach: {one: {opt: {lr: "${train.lr}"}}}\n    do: {cmd: "echo ${item.opt.lr} ${key}"}\n' +
            '  m:\n    matrix: {cfg: [{lr: "${base_lr}", n: 1}]}\n    cmd: "echo ${item.cfg.lr} ${item.cfg.n}"\n',
          'params.yaml': 'base_lr: 0.1\nsizes: [8, 16]\ntrain: {lr: 0.3}\n',
        },
        [['params.yaml', ['base_lr', 'sizes.1', 'train.lr']]],
      ],
    ];
    for (const [name, files, expected] of cases) {
      await withProject(files, async (dir) => {
        assert.deepEqual([...(await loadDvcYaml(dir))!.trackedVars], expected, name);
      });
    }
  });

  // tests/func/parsing/test_foreach.py test_foreach_partial_interpolations: the foreach data is resolved whole.
  test('${…} inside a literal foreach list or mapping, or a matrix list, resolves before the stages are generated', async () => {
    const yaml = `vars: [{bar: bar}]
stages:
  l:
    foreach: [foo, "\${bar}"]
    do: {cmd: "echo \${item}"}
  m:
    foreach: {model1: foo, model2: "\${bar}"}
    do: {cmd: "echo \${item}"}
  x:
    matrix: {a: [foo, "\${bar}"]}
    cmd: "echo \${item.a}"
`;
    await withProject({ 'dvc.yaml': yaml }, async (dir) => {
      assert.deepEqual(
        (await loadDvcYaml(dir))!.stages.map((s) => [s.name, s.cmd]),
        [
          ['l@foo', 'echo foo'],
          ['l@bar', 'echo bar'],
          ['m@model1', 'echo foo'],
          ['m@model2', 'echo bar'],
          ['x@foo', 'echo foo'],
          ['x@bar', 'echo bar'],
        ],
      );
    });
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

  test('foreach over a mapping with boolean keys: to_str(key) names the stage and is ${key}, `true`/`false` (dvc/parsing normalized_iterable)', async () => {
    const yaml =
      'stages:\n  d:\n    foreach:\n      true: {x: 2}\n      false: {x: 3}\n      null: {x: 4}\n      1.5: {x: 5}\n    do:\n      cmd: echo ${key} ${item.x}\n';
    await withProject({ 'dvc.yaml': yaml }, async (dir) => {
      assert.deepEqual(
        (await loadDvcYaml(dir))!.stages.map((s) => [s.name, s.cmd]),
        [
          ['d@true', 'echo true 2'],
          ['d@false', 'echo false 3'],
          ['d@None', 'echo None 4'],
          ['d@1.5', 'echo 1.5 5'],
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

  test('vars: a file in parts with other keys each time, or whole twice, loads (DVC Context.merge_from)', async () => {
    const yaml = 'vars: [custom.yaml:model, custom.yaml:data, other.yaml, other.yaml]\nstages:\n  s:\n    cmd: echo ${model.depth} ${data.dir} ${o}\n';
    await withProject({ 'dvc.yaml': yaml, 'custom.yaml': 'model: {depth: 2}\ndata: {dir: d}\n', 'other.yaml': 'o: 1\n' }, async (dir) => {
      assert.equal((await loadDvcYaml(dir))!.stages[0]!.cmd, 'echo 2 d 1');
    });
  });

  test("vars: 'file:' and 'file:,' name no key, so the whole file loads (DVC's `if select_keys:`)", async () => {
    for (const entry of ['custom.yaml:', 'custom.yaml:,']) {
      const yaml = `vars: ["${entry}"]\nstages:\n  s:\n    cmd: echo \${model.depth} \${data.dir}\n`;
      await withProject({ 'dvc.yaml': yaml, 'custom.yaml': 'model: {depth: 2}\ndata: {dir: d}\n' }, async (dir) => {
        assert.equal((await loadDvcYaml(dir))!.stages[0]!.cmd, 'echo 2 d', entry);
      });
    }
    // `file:,` is recorded as loaded in parts (DVC's `imports[path] = []`), so loading it whole after is refused.
    const yaml = 'vars: ["custom.yaml:,", custom.yaml]\nstages:\n  s:\n    cmd: echo\n';
    await withProject({ 'dvc.yaml': yaml, 'custom.yaml': 'model: {depth: 2}\n' }, async (dir) => {
      await assert.rejects(loadDvcYaml(dir), { message: "dvc.yaml: failed to parse 'vars': cannot load 'custom.yaml' as it's partially loaded already." });
    });
  });

  test("a vars file that is a folder or holds no mapping is DVC's error, naming dvc.yaml and the vars item; an empty one is no vars", async () => {
    const files = { 'd/x.yaml': 'a: 1\n', 'l.yaml': '- 1\n', 'e.yaml': '', 'r.yaml': 'key: 1\nitem: 2\n' };
    const cases: [string, string][] = [
      ['d', "dvc.yaml: failed to parse 'vars[0]': 'd' is a directory."],
      ['l.yaml', "dvc.yaml: failed to parse 'vars[0]': expected a dictionary, got 'list' in file 'l.yaml'."],
    ];
    for (const [entry, message] of cases) {
      await withProject({ ...files, 'dvc.yaml': `vars: [${entry}]\nstages:\n  s:\n    cmd: echo\n` }, async (dir) => {
        await assert.rejects(loadDvcYaml(dir), { name: 'UserError', message });
      });
    }
    await withProject({ ...files, 'dvc.yaml': 'vars: [e.yaml]\nstages:\n  s:\n    cmd: echo\n' }, async (dir) => {
      assert.equal((await loadDvcYaml(dir))!.stages[0]!.cmd, 'echo');
    });
    // A file's reserved keys are named with the entry they came from (ReservedKeyError's path).
    const yaml = 'stages:\n  s:\n    foreach: {a: 1}\n    do:\n      vars: [r.yaml]\n      cmd: echo\n';
    await withProject({ ...files, 'dvc.yaml': yaml }, async (dir) => {
      await assert.rejects(loadDvcYaml(dir), {
        message: "dvc.yaml: failed to parse 'stages.s@a.vars[0]': attempted to modify reserved keys item and key in 'r.yaml'.",
      });
    });
  });

  test("a key that repeats in a JSON vars file keeps its first place with the last value, as Python's json.loads makes the dict", async () => {
    const files = { 'p.json': '{"train": {"lr": 1, "epochs": 2, "lr": 3}}', 'dvc.yaml': 'vars: [p.json]\nstages:\n  s:\n    cmd: train ${train}\n' };
    await withProject(files, async (dir) => assert.equal((await loadDvcYaml(dir))!.stages[0]!.cmd, 'train --lr 3 --epochs 2'));
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
    // dvc/parsing/interpolate.py validate_value: in a stage's field only a primitive (or None) interpolates, but a dict in cmd.
    [
      'a whole list as deps',
      'vars: [{files: [a.txt, b.txt]}]\nstages:\n  s:\n    cmd: cat\n    deps: ${files}\n',
      /^dvc\.yaml: failed to parse 'stages\.s\.deps': Cannot interpolate data of type 'list' \('files'\)\.$/,
    ],
    [
      'a list as one dep',
      'vars: [{files: [a.txt, b.txt]}]\nstages:\n  s:\n    cmd: cat\n    deps: ["${files}"]\n',
      /^dvc\.yaml: failed to parse 'stages\.s\.deps': Cannot interpolate data of type 'list' \('files'\)\.$/,
    ],
    [
      'a dict as an out',
      'vars: [{o: {p: x}}]\nstages:\n  s:\n    cmd: cat\n    outs: ["${o}"]\n',
      /^dvc\.yaml: failed to parse 'stages\.s\.outs': Cannot interpolate data of type 'dict' \('o'\)\.$/,
    ],
    [
      'a dict in a params entry, embedded',
      'vars: [{o: {p: x}}]\nstages:\n  s:\n    cmd: cat\n    params: ["x${o}"]\n',
      /^dvc\.yaml: failed to parse 'stages\.s\.params': Cannot interpolate data of type 'dict' \('o'\)\.$/,
    ],
    [
      'a list as wdir',
      'vars: [{files: [a, b]}]\nstages:\n  s:\n    cmd: cat\n    wdir: ${files}\n',
      /^dvc\.yaml: failed to parse 'stages\.s\.wdir': Cannot interpolate data of type 'list' \('files'\)\.$/,
    ],
    [
      'a dict embedded outside a stage (a top-level metrics path)',
      'vars: [{o: {p: x}}]\nmetrics: ["m${o}.json"]\n',
      /^dvc\.yaml: failed to parse 'metrics\[0\]': Cannot interpolate data of type 'dict' \('o'\): a dict is unpacked into arguments only in a stage's 'cmd'\.$/,
    ],
    // dvc/parsing/context.py Context.check_loaded (VarsAlreadyLoaded).
    [
      'a vars file loaded whole after some of its keys',
      'vars: [custom.yaml:model, custom.yaml]\nstages:\n  s:\n    cmd: echo\n',
      /^dvc\.yaml: failed to parse 'vars': cannot load 'custom\.yaml' as it's partially loaded already\.$/,
    ],
    [
      'some keys of a vars file loaded whole already',
      'vars: [custom.yaml, custom.yaml:model]\nstages:\n  s:\n    cmd: echo\n',
      /^dvc\.yaml: failed to parse 'vars': cannot partially load 'custom\.yaml:model' as it's already loaded\.$/,
    ],
    [
      'a key of a vars file loaded twice',
      'vars: [custom.yaml:model, "custom.yaml:data,model"]\nstages:\n  s:\n    cmd: echo\n',
      /^dvc\.yaml: failed to parse 'vars': cannot load 'custom\.yaml:data,model' as it's partially loaded already\.$/,
    ],
    [
      'a key of params.yaml, which is loaded whole by default',
      'vars: [params.yaml:model]\nstages:\n  s:\n    cmd: echo\n',
      /^dvc\.yaml: failed to parse 'vars': cannot partially load 'params\.yaml:model' as it's already loaded\.$/,
    ],
    [
      "a stage's vars loading whole a file the top-level vars loaded some keys of",
      'vars: [custom.yaml:model]\nstages:\n  s:\n    vars: [custom.yaml]\n    cmd: echo\n',
      /^dvc\.yaml: failed to parse 'stages\.s\.vars': cannot load 'custom\.yaml' as it's partially loaded already\.$/,
    ],
    // Context.merge_from: `item.partition(":")` splits at the first ':'; keys split at ',' only (spaces kept).
    [
      'a vars file that does not exist',
      'vars: [nope.yaml]\nstages:\n  s:\n    cmd: echo\n',
      /^dvc\.yaml: failed to parse 'vars\[0\]': 'nope\.yaml' does not exist\.$/,
    ],
    [
      'a vars entry whose path holds a colon (DVC takes what precedes the first one as the file)',
      'vars: ["d:x/custom.yaml:model"]\nstages:\n  s:\n    cmd: echo\n',
      /^dvc\.yaml: failed to parse 'vars\[0\]': 'd' does not exist \(a vars entry is FILE or FILE:KEY1,KEY2, split at its first ':', so 'd:x\/custom\.yaml:model' is file 'd'\)\.$/,
    ],
    [
      'a Windows-style vars path',
      'vars: ["C:\\\\p\\\\custom.yaml"]\nstages:\n  s:\n    cmd: echo\n',
      /^dvc\.yaml: failed to parse 'vars\[0\]': 'C' does not exist \(a vars entry is FILE or FILE:KEY1,KEY2, split at its first ':', so 'C:\\p\\custom\.yaml' is file 'C'\)\.$/,
    ],
    [
      'a key the vars file lacks',
      'vars: ["custom.yaml:model,nope"]\nstages:\n  s:\n    cmd: echo\n',
      /^dvc\.yaml: failed to parse 'vars\[0\]': could not find 'nope' in 'custom\.yaml'\.$/,
    ],
    [
      'a space after the comma of a key list',
      'vars: ["custom.yaml:model, data"]\nstages:\n  s:\n    cmd: echo\n',
      /^dvc\.yaml: failed to parse 'vars\[0\]': could not find ' data' in 'custom\.yaml' \(keys are split at ',' only, spaces kept: write 'custom\.yaml:model,data'\)\.$/,
    ],
    [
      "a stage's vars file that does not exist",
      'stages:\n  s:\n    vars: [nope.yaml]\n    cmd: echo\n',
      /^dvc\.yaml: failed to parse 'stages\.s\.vars\[0\]': 'nope\.yaml' does not exist\.$/,
    ],
    // Context.merge_update: a generated stage's own vars may not define the names its loop sets (ReservedKeyError).
    [
      "a foreach stage's vars defining item",
      'stages:\n  s:\n    foreach: [a]\n    do:\n      vars: [{item: 3}]\n      cmd: echo\n',
      /^dvc\.yaml: failed to parse 'stages\.s@a\.vars\[0\]': attempted to modify reserved key item\.$/,
    ],
    [
      "a matrix stage's vars defining key and item",
      'stages:\n  s:\n    matrix: {a: [1]}\n    vars: [{item: 3, key: 4}]\n    cmd: echo\n',
      /^dvc\.yaml: failed to parse 'stages\.s@1\.vars\[0\]': attempted to modify reserved keys key and item\.$/,
    ],
    // ForeachDefinition._check_is_map_or_seq, on what the reference resolved to.
    [
      'foreach over a float',
      'stages:\n  s:\n    foreach: ${lr}\n    do: {cmd: echo}\n',
      /^dvc\.yaml: failed to resolve 'stages\.s\.foreach': expected list\/dictionary, got float\.$/,
    ],
    [
      'foreach over a string',
      'stages:\n  s:\n    foreach: ${name}\n    do: {cmd: echo}\n',
      /^dvc\.yaml: failed to resolve 'stages\.s\.foreach': expected list\/dictionary, got str\.$/,
    ],

    ['unknown stage key', 'stages:\n  s:\n    cmd: x\n    dep: [a]\n', /stage 's': unknown key 'dep'/],
    ['unknown top-level key', 'stage:\n  s: {cmd: x}\n', /unknown top-level key 'stage'/],
    ['bad out flag', 'stages:\n  s:\n    cmd: x\n    outs: [{o: {cach: false}}]\n', /stage 's': 'outs'\[0\]: unknown flag 'cach' on 'o'/],
    // DVC's schema (dvc/schema.py PLOT_DEFINITION) allows no extra key in a top-level plot: a typo is refused, not drawn
    // with the default template (and `header`, a stage plot flag, is not one of a top-level plot's keys).
    [
      'a top-level plot with a misspelt template',
      'plots:\n  - Confusion: {tempalte: confusion, x: actual, y: {cm.json: predicted}}\n',
      /^dvc\.yaml: plot 'Confusion' \(plots\[0\]\): unknown key 'tempalte' \(expected one of x, y, template, title, x_label, y_label\)\.$/,
    ],
    [
      'a top-level plot with a misspelt title',
      'plots:\n  - log.csv\n  - train.csv: {x: epoch, titel: Loss}\n',
      /^dvc\.yaml: plot 'train\.csv' \(plots\[1\]\): unknown key 'titel'/,
    ],
    ['a top-level plot with header', 'plots:\n  - roc.tsv: {header: false}\n', /^dvc\.yaml: plot 'roc\.tsv' \(plots\[0\]\): unknown key 'header'/],
    ['foreach with extra keys', 'stages:\n  s:\n    foreach: [1]\n    do: {cmd: x}\n    cmd: y\n', /stage 's': a foreach group takes only 'foreach' and 'do'/],
    ['deps not a list', 'stages:\n  s:\n    cmd: x\n    deps: a\n', /stage 's': 'deps' must be a list/],
    ['frozen not a bool', 'stages:\n  s:\n    cmd: x\n    frozen: yes\n', /stage 's': 'frozen' must be true or false/],
    // DVC's schema types every out flag (dvc/schema.py OUT_PSTAGE_DETAILED_SCHEMA): a YAML 1.2 `no` is a string to it.
    [
      'push not a bool',
      'stages:\n  s:\n    cmd: x\n    outs:\n    - o:\n        push: no\n',
      /^dvc\.yaml: stage 's': 'outs'\[0\]: 'push' on 'o' must be true or false, not the string 'no'\.$/,
    ],
    [
      'cache not a bool',
      "stages:\n  s:\n    cmd: x\n    metrics: [m.json: {cache: 'false'}]\n",
      /'metrics'\[0\]: 'cache' on 'm\.json' must be true or false, not the string 'false'/,
    ],
    [
      'persist not a bool',
      'stages:\n  s:\n    cmd: x\n    plots: [p.csv: {persist: 1}]\n',
      /'plots'\[0\]: 'persist' on 'p\.csv' must be true or false, not the number 1/,
    ],
    ['checkpoint not a bool', 'stages:\n  s:\n    cmd: x\n    outs: [o: {checkpoint: null}]\n', /'outs'\[0\]: 'checkpoint' on 'o' must be true or false/],
    ['remote not a string', 'stages:\n  s:\n    cmd: x\n    outs: [a, o: {remote: 5}]\n', /'outs'\[1\]: 'remote' on 'o' must be a string, not the number 5/],
    ['labels not strings', 'stages:\n  s:\n    cmd: x\n    outs: [o: {labels: [1]}]\n', /'outs'\[0\]: 'labels' on 'o' must be a list of strings/],
    ['invalid YAML', 'stages:\n  s: [\n', /dvc.yaml:\d+:\d+: invalid YAML/],
    // DVC's schema takes string stage names only (`{str: …}`): YAML makes these a number and a boolean.
    ['a stage named by a number', 'stages:\n  1:\n    cmd: x\n', /^dvc\.yaml: a stage name is the number 1, not a string: quote it/],
    ['a stage named by a boolean', 'stages:\n  true:\n    cmd: x\n', /^dvc\.yaml: a stage name is the boolean true, not a string/],
    ['a stage named by nothing', 'stages:\n  null:\n    cmd: x\n', /^dvc\.yaml: a stage name is an empty value, not a string/],
  ];
  for (const [name, yaml, expected] of cases) {
    test(name, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'params.yaml'), 'lr: 0.1\nname: abc\n');
      writeFileSync(join(dir, 'custom.yaml'), 'model: {depth: 2}\ndata: {dir: d}\n');
      await assert.rejects(parseDvcYaml(dir, yaml), { name: 'UserError', message: expected });
    });
  }

  test("every out flag DVC's schema takes, with its type, is taken", async () => {
    const yaml =
      'stages:\n  s:\n    cmd: x\n    outs:\n    - o:\n        cache: true\n        persist: false\n        checkpoint: false\n        push: false\n' +
      '        remote: store\n        desc: the model\n        type: model\n        labels: [a, b]\n        meta: {owner: me}\n';
    const out = (await parseDvcYaml(tempDir(), yaml))!.stages[0]!.outs[0]!;
    assert.deepEqual([out.cache, out.persist, out.props.get('push'), out.props.get('remote')], [true, false, false, 'store']);
  });

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

describe('outputs DVC refuses to load: duplicated, overlapping, a .dvc file inside an output (dvc/repo/trie.py, graph.py)', () => {
  const out = (path: string) => `outs:\n- md5: 0cc175b9c0f1b6a831c399e269772661\n  size: 1\n  hash: md5\n  path: ${path}\n`;
  const dvcYaml =
    'stages:\n  prepare:\n    cmd: python prepare.py\n    outs:\n    - data/prepared\n    metrics:\n    - eval/metrics.json:\n        cache: false\n';

  async function refused(files: Record<string, string>): Promise<{ loaded: string[]; errors: [string, string][] }> {
    return withProject(files, async (dir) => {
      const project = await loadProject(workspaceTree(dir));
      return { loaded: project.dvcFiles.map((f) => f.file), errors: project.errors.map((e) => [e.file, e.error]) };
    });
  }

  test('a .dvc file and a stage that both out data/prepared: the .dvc file is refused, naming the stage, its dvc.yaml and the path (OutputDuplicationError)', async () => {
    const r = await refused({ 'dvc.yaml': dvcYaml, 'data/prepared.dvc': out('prepared'), 'data/raw.dvc': out('raw') });
    assert.deepEqual(r.loaded, ['data/raw.dvc']);
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0]![0], 'data/prepared.dvc');
    assert.match(r.errors[0]![1], /^data\/prepared\.dvc: output 'data\/prepared' is already specified in stage 'prepare' of dvc\.yaml \(DVC refuses/);
  });

  test('two .dvc files tracking one path, or an uncached metric: the later is refused, naming the first', async () => {
    const r = await refused({ 'dvc.yaml': dvcYaml, 'a.dvc': out('shared'), 'b.dvc': out('shared'), 'eval/metrics.json.dvc': out('metrics.json') });
    assert.deepEqual(r.loaded, ['a.dvc']);
    assert.deepEqual(
      r.errors.map(([file, error]) => [file, error.slice(0, error.indexOf(' ('))]),
      [
        ['b.dvc', "b.dvc: output 'shared' is already specified in a.dvc"],
        ['eval/metrics.json.dvc', "eval/metrics.json.dvc: output 'eval/metrics.json' is already specified in stage 'prepare' of dvc.yaml"],
      ],
    );
  });

  test('a .dvc file or dvc.yaml inside an output folder is no file of the project: DVC does not walk into outputs (index.py collect_files)', async () => {
    await withProject(
      {
        'dvc.yaml': dvcYaml,
        // Inside the stage's output, and broken: DVC never reads it, so it is no error either.
        'data/prepared/train.dvc': 'outs: [\n',
        'data/images.dvc': out('images'),
        'data/images/sub.dvc': out('sub'),
        'data/images/dvc.yaml': 'stages:\n  copy:\n    cmd: cp a b\n    outs: [../raw]\n',
        'data/raw.dvc': out('raw'),
        'pipe.dvc': out('pipe'),
        'pipe/dvc.yaml': 'stages:\n  inner:\n    cmd: echo\n    outs: [../eval/metrics.json]\n',
        'pipe/dvc.lock': 'not: [a lock\n',
      },
      async (dir) => {
        const project = await loadProject(workspaceTree(dir));
        assert.deepEqual(project.errors, []);
        assert.deepEqual(
          project.dvcYamls.map((d) => d.file),
          ['dvc.yaml'],
        );
        assert.deepEqual(
          project.dvcFiles.map((f) => f.file),
          ['data/images.dvc', 'data/raw.dvc', 'pipe.dvc'],
        );
      },
    );
  });

  test('an output inside another is refused (OverlappingOutputPathsError), and the files inside it are not collected', async () => {
    const r = await refused({ 'dvc.yaml': dvcYaml, 'data.dvc': out('data'), 'data/images.dvc': out('images'), 'data/images/x.dvc': 'outs: [\n' });
    assert.deepEqual(r.loaded, []);
    assert.deepEqual(
      r.errors.map(([file, error]) => [file, error.slice(0, error.indexOf(' ('))]),
      [
        [
          'data.dvc',
          "data.dvc: output 'data' and the output 'data/prepared' of stage 'prepare' of dvc.yaml overlap, so they are in the same tracked directory",
        ],
      ],
    );
    const nested = await refused({ 'data/images.dvc': out('images'), 'nested.dvc': out('data/images/x.png') });
    // The root's files are collected before those of its folders: nested.dvc comes first.
    assert.deepEqual(nested.loaded, ['nested.dvc']);
    assert.deepEqual(
      nested.errors.map(([file, error]) => [file, error.slice(0, error.indexOf(' ('))]),
      [
        [
          'data/images.dvc',
          "data/images.dvc: output 'data/images' and the output 'data/images/x.png' of nested.dvc overlap, so they are in the same tracked directory",
        ],
      ],
    );
  });

  test("a file the walk collects before an output holding it is declared (a later folder's `../data`) is refused (StagePathAsOutputError)", async () => {
    const copy = 'stages:\n  copy:\n    cmd: cp -r ../raw ../data\n    outs: [../data]\n';
    const r = await refused({
      'data/x.dvc': out('x'),
      'sub/dvc.yaml': copy,
      'a/dvc.yaml': 'stages:\n  a:\n    cmd: echo\n    outs: [../a.txt]\n',
      'b/dvc.yaml': 'stages:\n  b:\n    cmd: echo\n    outs: [../a]\n',
    });
    assert.deepEqual(r.loaded, []);
    assert.deepEqual(
      r.errors.map(([file, error]) => [file, error.slice(0, error.indexOf(' ('))]),
      [
        ['b/dvc.yaml', "b/dvc.yaml: output 'a' of stage 'b' holds a/dvc.yaml, which is not allowed inside an output"],
        ['data/x.dvc', "data/x.dvc: the .dvc file is inside the output 'data' of stage 'copy' of sub/dvc.yaml"],
      ],
    );
  });
});

describe("stages of two dvc.yaml files whose outputs overlap: DVC's index refuses the project (dvc/repo/trie.py)", () => {
  const stage = (name: string, outs: string) => `stages:\n  ${name}:\n    cmd: echo ${name}\n    outs: [${outs}]\n`;

  async function load(files: Record<string, string>) {
    return withProject(files, async (dir) => loadProject(workspaceTree(dir)));
  }

  test("an output inside another file's, the same output, and a dvc.yaml inside another's output: the file collected later is refused, naming both stages, files and paths", async () => {
    const project = await load({
      'dvc.yaml': stage('a', 'data'),
      'sub/dvc.yaml': stage('b', '../data/x'),
      'sub/dvc.lock': 'schema: "2.0"\nstages: {}\n',
      'twice/dvc.yaml': stage('c', '../data'),
      'eval/dvc.yaml': stage('d', '../m.json'),
      'later/dvc.yaml': stage('e', '../eval'),
    });
    assert.deepEqual(
      project.dvcYamls.map((d) => d.file),
      ['dvc.yaml', 'eval/dvc.yaml'],
    );
    assert.deepEqual(
      project.errors.map((e) => [e.file, e.error.slice(0, e.error.indexOf(' (')), e.refused]),
      [
        ['later/dvc.yaml', "later/dvc.yaml: output 'eval' of stage 'e' holds eval/dvc.yaml, which is not allowed inside an output", true],
        [
          'sub/dvc.yaml',
          "sub/dvc.yaml: output 'data/x' of stage 'b' and the output 'data' of stage 'a' of dvc.yaml overlap, so they are in the same tracked directory",
          true,
        ],
        ['twice/dvc.yaml', "twice/dvc.yaml: output 'data' of stage 'c' is already specified in stage 'a' of dvc.yaml", true],
      ],
    );
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
      assert.deepEqual(await loadTrackedFiles(dir), [
        {
          file: 'data/a.dvc',
          outs: [
            { oid: A, path: 'data/a', dvcfile: 'data/a.dvc', legacy: false, isexec: false, push: true, remote: 'store' },
            { oid: `${B}.dir`, path: 'old', dvcfile: 'data/a.dvc', legacy: true, isexec: false, push: true, remote: undefined },
          ],
        },
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
    [
      'an absolute path, which DVC reads as an external output (dvc/output.py _parse_path)',
      `outs:\n- path: /tmp/abs.xml\n  md5: ${A}\n`,
      /^x\.dvc: outs\[0\]\.path '\/tmp\/abs\.xml' is absolute: DVC reads an absolute path as an external output, outside the project, and DVC 3 no longer caches those; write it relative to the folder of x\.dvc\.$/,
    ],
    ['a Windows absolute path', `outs:\n- path: C:\\data\\abs.xml\n  md5: ${A}\n`, /^x\.dvc: outs\[0\]\.path 'C:\\data\\abs\.xml' is absolute: DVC reads/],
    ['an absolute wdir', `wdir: /srv\nouts:\n- path: abs.xml\n  md5: ${A}\n`, /^x\.dvc: 'wdir' '\/srv' is absolute: DVC reads/],
    ['an out without a path', `outs:\n- md5: ${A}\n`, /^x\.dvc: outs\[0\]: expected an entry with a 'path'/],
    ['a repeated key', 'outs: []\nouts: []\n', /^x\.dvc:2:1: invalid YAML/],
    // DVC's schema for .dvc files (dvc/schema.py SINGLE_STAGE_SCHEMA, dvc/output.py SCHEMA) allows no extra key and
    // checks each key's type: DVC refuses each of these files.
    [
      'a misspelt hash key in an out',
      `outs:\n- md55: ${A}\n  path: a\n`,
      /^x\.dvc: outs\[0\]: unknown key 'md55' \(expected one of path, md5, checksum, etag, size,/,
    ],
    ['a misspelt size in an out', `outs:\n- md5: ${A}\n  sise: 1\n  path: a\n`, /^x\.dvc: outs\[0\]: unknown key 'sise'/],
    ['a size that is no number', `outs:\n- md5: ${A}\n  size: x\n  path: a\n`, /^x\.dvc: outs\[0\]\.size must be a whole number, not the string 'x'\.$/],
    ['outs that are a mapping', `outs:\n  path: a\n  md5: ${A}\n`, /^x\.dvc: outs: expected a list, not a mapping\.$/],
    [
      'an isexec that is a string',
      `outs:\n- md5: ${A}\n  isexec: 'yes'\n  path: a\n`,
      /^x\.dvc: outs\[0\]\.isexec must be true or false, not the string 'yes'\.$/,
    ],
    ['a cache flag left empty', `outs:\n- md5: ${A}\n  cache:\n  path: a\n`, /^x\.dvc: outs\[0\]\.cache must be true or false, not an empty value\.$/],
    [
      'a persist flag that is a string',
      `outs:\n- md5: ${A}\n  persist: 'no'\n  path: a\n`,
      /^x\.dvc: outs\[0\]\.persist must be true or false, not the string 'no'\.$/,
    ],
    ['a push flag that is a number', `outs:\n- md5: ${A}\n  push: 0\n  path: a\n`, /^x\.dvc: outs\[0\]\.push must be true or false, not the number 0\.$/],
    ['a remote that is a number', `outs:\n- md5: ${A}\n  remote: 5\n  path: a\n`, /^x\.dvc: outs\[0\]\.remote must be a string, not the number 5\.$/],
    [
      'labels that are no list of strings',
      `outs:\n- md5: ${A}\n  labels: [1]\n  path: a\n`,
      /^x\.dvc: outs\[0\]\.labels must be a list of strings, not a list\.$/,
    ],
    ['a hash name that is a number', `outs:\n- md5: ${A}\n  hash: 5\n  path: a\n`, /^x\.dvc: outs\[0\]\.hash must be a string, not the number 5\.$/],
    [
      "a DVC 0.x out's metric flag, which DVC 3 no longer takes",
      `md5: ${B}\nwdir: .\nouts:\n- md5: ${A}\n  path: data.xml\n  cache: true\n  metric: false\n  persist: false\n`,
      /^x\.dvc: outs\[0\]: 'metric' is not a key DVC 3 takes in a \.dvc file \(metrics and plots are declared in dvc\.yaml now\); remove it\.$/,
    ],
    [
      "a file's listing with a hash too short",
      `outs:\n- md5: ${A}.dir\n  path: d\n  files:\n  - relpath: x\n    md5: 5\n`,
      /^x\.dvc: outs\[0\]\.files\[0\]\.md5 must be a hash of at least 3 characters, not the number 5\.$/,
    ],
    [
      "a file's listing with an unknown key",
      `outs:\n- md5: ${A}.dir\n  path: d\n  files:\n  - relpath: x\n    sha: ${A}\n`,
      /^x\.dvc: outs\[0\]\.files\[0\]: unknown key 'sha'/,
    ],
    [
      'a cloud record for two remotes',
      `outs:\n- md5: ${A}\n  path: a\n  cloud:\n    one: {etag: abc}\n    two: {etag: abc}\n`,
      /^x\.dvc: outs\[0\]\.cloud must name at most one remote, not 2\.$/,
    ],
    [
      'a cloud record with a version id that is a number',
      `outs:\n- md5: ${A}\n  path: a\n  cloud:\n    s3: {version_id: 7}\n`,
      /^x\.dvc: outs\[0\]\.cloud\.s3\.version_id must be a string, not the number 7\.$/,
    ],
    ['a frozen flag that is a string', `frozen: 'yes'\nouts:\n- md5: ${A}\n  path: a\n`, /^x\.dvc: 'frozen' must be true or false, not the string 'yes'\.$/],
    ['a stage md5 too short', `md5: 12\nouts:\n- md5: ${A}\n  path: a\n`, /^x\.dvc: 'md5' must be a hash of at least 3 characters, not the number 12\.$/],
    ['a desc that is a number', `desc: 1\nouts:\n- md5: ${A}\n  path: a\n`, /^x\.dvc: 'desc' must be a string, not the number 1\.$/],
    ['a wdir that is a number', `wdir: 1\nouts:\n- md5: ${A}\n  path: a\n`, /^x\.dvc: 'wdir' must be a path \(a string\), not the number 1\.$/],
    ['a top level that is a list', `- path: a\n  md5: ${A}\n`, /^x\.dvc: expected a mapping with `outs:`, not a list\.$/],
    ['deps that are a mapping', `deps:\n  path: a\nouts:\n- md5: ${A}\n  path: b\n`, /^x\.dvc: deps: expected a list, not a mapping\.$/],
    [
      'a dep with an unknown key',
      `deps:\n- path: a\n  md5: ${A}\n  cache: false\nouts:\n- md5: ${A}\n  path: b\n`,
      /^x\.dvc: deps\[0\]: unknown key 'cache' \(expected one of path,/,
    ],
    [
      "an import's repo without its url",
      `deps:\n- path: get-started/data.xml\n  repo:\n    rev: v1\nouts:\n- md5: ${A}\n  path: data.xml\n`,
      /^x\.dvc: deps\[0\]\.repo: 'url' is required\.$/,
    ],
    [
      "an import's repo with a misspelt key",
      `deps:\n- path: get-started/data.xml\n  repo:\n    url: https://example.com/r\n    revlock: abc\nouts:\n- md5: ${A}\n  path: data.xml\n`,
      /^x\.dvc: deps\[0\]\.repo: unknown key 'revlock' \(expected one of url, rev, rev_lock, config, remote\)\.$/,
    ],
    [
      'a dep size that is no number',
      `deps:\n- path: https://example.com/a\n  etag: abc\n  size: '1'\nouts:\n- md5: ${A}\n  path: a\n`,
      /^x\.dvc: deps\[0\]\.size must be a whole number, not the string '1'\.$/,
    ],
  ] as const) {
    test(`${name} is an error naming the file and the key, in the model and the data layer alike`, async () => {
      await withProject({ 'x.dvc': text }, async (dir) => {
        const project = await loadProject(workspaceTree(dir));
        assert.equal(project.errors.length, 1);
        assert.equal(project.errors[0]!.file, 'x.dvc');
        assert.match(project.errors[0]!.error, expected);
        await assert.rejects(loadTrackedFiles(dir), (error: Error) => expected.test(error.message));
      });
    });
  }

  test('every .dvc file DVC 3 reads loads: DVC 1.x, 2.x and 3.x `dvc add` and `dvc import`, import-url, cloud-versioned, annotated', async () => {
    const files = {
      // example-get-started's data/data.xml.dvc as DVC 1.x, 2.x (an annotated import) and 3.x (hash: md5) wrote it.
      'v1/data.xml.dvc': `outs:\n- md5: ${A}\n  path: data.xml\n`,
      'v2/data.xml.dvc': `md5: ${B}\nfrozen: true\ndeps:\n- path: get-started/data.xml\n  repo:\n    url: https://github.com/iterative/dataset-registry\n    rev_lock: cf6481baf56f156aa0876709cc231aaf3f3a3c29\n    rev: get-started-40K\nouts:\n- md5: ${A}\n  size: 59918667\n  path: data.xml\n  desc: Imported raw data (tracks source updates)\n`,
      'v3/data.xml.dvc': `md5: ${B}\nfrozen: true\ndeps:\n- path: get-started/data.xml\n  repo:\n    url: https://github.com/iterative/dataset-registry\n    rev_lock: f59388cd04276e75d70b2136597aaa27e7937cc3\nouts:\n- md5: ${A}\n  size: 14445097\n  hash: md5\n  path: data.xml\n`,
      // DVC 0.x/1.x top-level keys: the stage md5, `wdir: .`, `locked:`; the out flags DVC still takes.
      'old.dvc': `md5: ${B}\nwdir: .\nlocked: false\nalways_changed: false\nouts:\n- md5: ${A}\n  path: old.bin\n  cache: true\n  persist: false\n  push: true\n`,
      // import-url: a dep with a remote's etag (case kept) or HDFS checksum; an empty stage md5 is none.
      'url.dvc': `md5: ''\ndeps:\n- etag: '"0x8D9A1B"'\n  size: 10\n  path: https://example.com/u.csv\n- checksum: 000002000000000000000000a86fe4d846edc1bf4c355cb6112f141e\n  path: hdfs://h/data\n  fs_config: {user: me}\nouts:\n- md5: ${A}\n  size: 10\n  hash: md5\n  path: u.csv\n  isexec: false\n`,
      // A cloud-versioned directory (`dvc add` to a version_aware remote) and annotations (`dvc add --desc --type --label --meta`).
      'cloud.dvc': `desc: a stage desc\nmeta: {owner: me, tags: [x]}\nouts:\n- md5: ${B}.dir\n  size: 3\n  nfiles: 1\n  hash: md5\n  path: images\n  desc: pictures\n  type: dataset\n  labels: [raw, cats]\n  meta: 7\n  remote: store\n  files:\n  - size: 3\n    version_id: v1\n    etag: '"0x8D9A1B"'\n    md5: ${A}\n    relpath: a.png\n    cloud:\n      store:\n        etag: '"0x8D9A1B"'\n        version_id: v1\n`,
      // import-db, and an all-digit md5 YAML reads as a number.
      'db.dvc': `deps:\n- db:\n    connection: pg\n    query: SELECT 1\n    file_format: csv\nouts:\n- md5: 12345\n  path: result.csv\n  hash: md5\n`,
      'empty.dvc': '',
      'nulls.dvc': 'wdir:\ndeps:\nouts:\n',
    };
    await withProject(files, async (dir) => {
      const project = await loadProject(workspaceTree(dir));
      assert.deepEqual(project.errors, []);
      assert.deepEqual(
        project.dvcFiles.map((f) => [f.file, f.outs.map((o) => [o.path, o.md5, o.hashName])]),
        [
          ['cloud.dvc', [['images', `${B}.dir`, 'md5']]],
          ['db.dvc', [['result.csv', '12345', 'md5']]],
          ['empty.dvc', []],
          ['nulls.dvc', []],
          ['old.dvc', [['old.bin', A, 'md5-dos2unix']]],
          ['url.dvc', [['u.csv', A, 'md5']]],
          ['v1/data.xml.dvc', [['v1/data.xml', A, 'md5-dos2unix']]],
          ['v2/data.xml.dvc', [['v2/data.xml', A, 'md5-dos2unix']]],
          ['v3/data.xml.dvc', [['v3/data.xml', A, 'md5']]],
        ],
      );
    });
  });

  test('the data layer reads .dvc files through the guarded reader: a link out of the project is refused', async () => {
    const outside = tempDir('mlreport-outside-');
    try {
      writeFileSync(join(outside, 'x.dvc'), `outs:\n- path: a\n  md5: ${A}\n  hash: md5\n`);
      await withProject({}, async (dir) => {
        symlinkSync(join(outside, 'x.dvc'), join(dir, 'x.dvc'));
        await assert.rejects(loadTrackedFiles(dir), /x\.dvc: a link to a file outside the project; not read/);
      });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
