import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LockStage } from '../../src/dvc/lock';
import { parseLock, renderLock } from '../../src/pipeline/lock';
import { PyFloat, type Raw, type RawMap } from '../../src/dvc/python/value';
import { pyFloatRepr } from '../../src/util/python-text';

// Expected bytes below were produced by ruamel.yaml 0.19.1 configured as DVC's dumper
// (dvc/utils/serialize/_yaml.py: `YAML()` with `default_flow_style = False`) dumping the same data, with
// params keys sorted as dvc/stage/serialize.py `_serialize_params_values` sorts them (nested dicts keep order).
const RUAMEL_OUTPUT = `schema: '2.0'
stages:
  train:
    cmd: python src/train.py --epochs 10 --learning-rate 0.001 --batch-size 64 
      --output models/model.pkl --seed 42 --verbose
    deps:
    - path: data/features
      hash: md5
      md5: f35d4cc2c552ac959ae602162b8543f3.dir
      size: 2232588
      nfiles: 2
    params:
      params.yaml:
        train.flag: true
        train.huge: 1e+16
        train.lr: 0.2
        train.name: '2.0'
        train.none:
        train.one: 1.0
        train.opts:
        - 1
        - 'a: b'
        train.sec:
          y: "it's: here"
          x: 1
        train.tiny: 1e-05
    outs:
    - path: model.pkl
      hash: md5
      md5: d1f6e055f7f5e2827fcfae68d9b64d4c
      size: 1958115
      isexec: true
  build@win-3.7:
    cmd:
    - echo one
    - "echo 'a: b' with enough words to go past the eighty column limit of ruamel's
      emitter"
`;

function map(entries: Record<string, Raw>): RawMap {
  return new Map(Object.entries(entries));
}

describe('dvc.lock writing', () => {
  test('renders exactly what DVC (ruamel) writes: key order, quoting, folding, floats', () => {
    const train: LockStage = {
      cmd: 'python src/train.py --epochs 10 --learning-rate 0.001 --batch-size 64 --output models/model.pkl --seed 42 --verbose',
      deps: [{ path: 'data/features', hashName: 'md5', md5: 'f35d4cc2c552ac959ae602162b8543f3.dir', size: 2232588, nfiles: 2 }],
      params: new Map([
        [
          'params.yaml',
          map({
            'train.sec': map({ y: "it's: here", x: 1 }),
            'train.lr': new PyFloat(0.2),
            'train.one': new PyFloat(1),
            'train.tiny': new PyFloat(1e-5),
            'train.huge': new PyFloat(1e16),
            'train.name': '2.0',
            'train.flag': true,
            'train.none': null,
            'train.opts': [1, 'a: b'],
          }),
        ],
      ]),
      outs: [{ path: 'model.pkl', hashName: 'md5', md5: 'd1f6e055f7f5e2827fcfae68d9b64d4c', size: 1958115, isexec: true }],
    };
    const build: LockStage = {
      cmd: ['echo one', "echo 'a: b' with enough words to go past the eighty column limit of ruamel's emitter"],
      deps: [],
      params: new Map(),
      outs: [],
    };
    const text = renderLock(
      { stages: new Map(), raw: new Map(), folding: 'current' },
      new Map([
        ['train', train],
        ['build@win-3.7', build],
      ]),
    );
    assert.equal(text, RUAMEL_OUTPUT);
  });

  test('deps and outs sorted by path; params.yaml first, other files alphabetically', () => {
    const entry = (path: string) => ({ path, hashName: 'md5' as const, md5: 'd41d8cd98f00b204e9800998ecf8427e', size: 0 });
    const stage: LockStage = {
      cmd: 'run',
      deps: [entry('src/z.py'), entry('data/a'), entry('data/B')],
      params: new Map([
        ['b.yaml', map({ k: 1 })],
        ['a.json', map({ k: 2 })],
        ['params.yaml', map({ z: 1, a: 2 })],
      ]),
      outs: [entry('out/2'), entry('out/1')],
    };
    const text = renderLock({ stages: new Map(), raw: new Map(), folding: 'current' }, new Map([['s', stage]]));
    const paths = [...text.matchAll(/path: (\S+)/g)].map((m) => m[1]);
    assert.deepEqual(paths, ['data/B', 'data/a', 'src/z.py', 'out/1', 'out/2']);
    assert.match(text, /params:\n      params.yaml:\n        a: 2\n        z: 1\n      a.json:\n        k: 2\n      b.yaml:\n        k: 1\n/);
  });

  test('an existing lock round-trips byte for byte; updated stages keep their place, new ones go last', () => {
    const lock = parseLock(RUAMEL_OUTPUT);
    assert.equal(renderLock(lock, new Map()), RUAMEL_OUTPUT);
    assert.equal(renderLock(lock, lock.stages), RUAMEL_OUTPUT);
    const updated = renderLock(
      lock,
      new Map([
        ['new', { cmd: 'echo', deps: [], params: new Map(), outs: [] }],
        ['train', { cmd: 'x', deps: [], params: new Map(), outs: [] }],
      ]),
    );
    assert.match(updated, /^schema: '2.0'\nstages:\n  train:\n    cmd: x\n  build@win-3.7:\n[\s\S]*\n  new:\n    cmd: echo\n$/);
  });

  test('a lock folded by older ruamel (PyYAML rule) keeps that folding, new stages included', () => {
    // Written by PyYAML 6 (`yaml.dump(data, default_flow_style=False, sort_keys=False)`), whose wrapping
    // rule ruamel.yaml used before 0.18.13; the same cmd appears folded this way in public dvc.lock files.
    const legacy = `schema: '2.0'
stages:
  sagemaker:
    cmd: cp models/model.pth sagemaker/code/model.pth && cd sagemaker && tar -cpzf
      model.tar.gz code/ && cd .. && mv sagemaker/model.tar.gz .  && rm sagemaker/code/model.pth
    outs:
    - path: model.tar.gz
      hash: md5
      md5: d41d8cd98f00b204e9800998ecf8427e
      size: 0
`;
    const lock = parseLock(legacy);
    assert.equal(lock.folding, 'legacy');
    assert.equal(renderLock(lock, lock.stages), legacy);
    const current = renderLock({ ...lock, folding: 'current' }, lock.stages);
    assert.match(current, /tar \n      -cpzf model/);
  });

  test('the older folding is recognised in a CRLF checkout of the lock (core.autocrlf=true)', () => {
    const legacy = `schema: '2.0'
stages:
  sagemaker:
    cmd: cp models/model.pth sagemaker/code/model.pth && cd sagemaker && tar -cpzf
      model.tar.gz code/ && cd .. && mv sagemaker/model.tar.gz .  && rm sagemaker/code/model.pth
`;
    const lock = parseLock(legacy.replace(/\n/g, '\r\n'));
    assert.equal(lock.folding, 'legacy');
    assert.equal(renderLock(lock, lock.stages), legacy);
  });

  test('legacy entries without hash: read as md5-dos2unix and are written back unchanged', () => {
    const legacy = `schema: '2.0'\nstages:\n  s:\n    cmd: c\n    deps:\n    - path: a\n      md5: 0cc175b9c0f1b6a831c399e269772661\n      size: 1\n`;
    const lock = parseLock(legacy);
    assert.equal(lock.stages.get('s')?.deps[0]?.hashName, 'md5-dos2unix');
    assert.equal(renderLock(lock, lock.stages), legacy);
  });

  test('DVC 1.x lock files (no schema) are read', () => {
    const lock = parseLock('s:\n  cmd: c\n  outs:\n  - path: o\n    md5: 0cc175b9c0f1b6a831c399e269772661\n');
    assert.equal(lock.stages.get('s')?.outs[0]?.path, 'o');
  });

  test('bad lock files name the problem', () => {
    assert.throws(() => parseLock("schema: '3.0'\nstages: {}\n"), /dvc.lock: unsupported schema '3.0'/);
    assert.throws(() => parseLock("schema: '2.0'\nstages:\n  s:\n    cmd: c\n    deps: [{md5: x}]\n"), /stage 's' deps\[0\]: expected an entry with a 'path'/);
  });
});

describe("Python's float repr", () => {
  test('shortest digits, exponent below 1e-4 and from 1e16', () => {
    const cases: [number, string][] = [
      [0.2, '0.2'],
      [1, '1.0'],
      [1e-5, '1e-05'],
      [0.0001, '0.0001'],
      [1e16, '1e+16'],
      [1e15, '1000000000000000.0'],
      [123456789.123, '123456789.123'],
      [-2.5e-7, '-2.5e-07'],
      [1.5e300, '1.5e+300'],
      [0.1 + 0.2, '0.30000000000000004'],
    ];
    for (const [x, repr] of cases) assert.equal(pyFloatRepr(x), repr, String(x));
  });
});
