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
    assert.throws(() => parseLock("schema: '2.0'\nstages:\n  s:\n    cmd: c\n    deps: [{md5: x}]\n"), /stage 's': deps\[0\]: expected an entry with a 'path'/);
  });
});

describe("dvc.lock is read against DVC's schema (dvc/schema.py LOCKFILE_SCHEMA)", () => {
  const MD5 = 'd1f6e055f7f5e2827fcfae68d9b64d4c';
  /** A lock whose stage 'train' is `body` (indented under it). */
  const lockWith = (body: string): string => `schema: '2.0'\nstages:\n  train:\n${body.replace(/^/gm, '    ')}`;
  const refused: [string, string, RegExp][] = [
    [
      'an md5 that is a number too short for a hash',
      lockWith(`cmd: c\nouts:\n- path: m\n  md5: 5\n`),
      /^dvc\.lock: stage 'train': outs\[0\]\.md5 must be a hash of at least 3 characters, not the number 5\.$/,
    ],
    [
      'an md5 that is a list',
      lockWith(`cmd: c\ndeps:\n- path: d\n  md5: [a]\n`),
      /^dvc\.lock: stage 'train': deps\[0\]\.md5 must be a hash \(a string\), not a list\.$/,
    ],
    [
      'a size that is text',
      lockWith(`cmd: c\nouts:\n- path: m\n  md5: ${MD5}\n  size: x\n`),
      /^dvc\.lock: stage 'train': outs\[0\]\.size must be a whole number, not the string 'x'\.$/,
    ],
    [
      'an nfiles that is a float',
      lockWith(`cmd: c\nouts:\n- path: m\n  md5: ${MD5}.dir\n  nfiles: 1.5\n`),
      /outs\[0\]\.nfiles must be a whole number, not the number 1\.5/,
    ],
    [
      'an isexec that is text',
      lockWith(`cmd: c\nouts:\n- path: m\n  md5: ${MD5}\n  isexec: 'yes'\n`),
      /outs\[0\]\.isexec must be true or false, not the string 'yes'/,
    ],
    [
      'outs that are a string',
      lockWith(`cmd: c\nouts: model.pkl\n`),
      /^dvc\.lock: stage 'train': 'outs' must be a list of entries with a 'path', not the string 'model\.pkl'\.$/,
    ],
    ['deps left empty', lockWith(`cmd: c\ndeps:\n`), /^dvc\.lock: stage 'train': 'deps' must be a list of entries with a 'path', not an empty value\.$/],
    ['a cmd that is a mapping', lockWith(`cmd: {}\n`), /^dvc\.lock: stage 'train': 'cmd' must be a string or a list of commands, not a mapping\.$/],
    ['no cmd', lockWith(`outs:\n- path: m\n  md5: ${MD5}\n`), /^dvc\.lock: stage 'train': 'cmd' is required\.$/],
    [
      'a stage that is a list',
      "schema: '2.0'\nstages:\n  train:\n  - cmd: c\n",
      /^dvc\.lock: stage 'train': expected a mapping with 'cmd', 'deps', 'params' and 'outs', not a list\.$/,
    ],
    [
      'a key DVC does not write in a stage',
      lockWith(`cmd: c\nfrozen: true\n`),
      /^dvc\.lock: stage 'train': unknown key 'frozen' \(expected one of cmd, deps, params, outs\)\.$/,
    ],
    [
      'a key DVC does not write in an entry',
      lockWith(`cmd: c\nouts:\n- path: m\n  md5: ${MD5}\n  sha: x\n`),
      /^dvc\.lock: stage 'train': outs\[0\]: unknown key 'sha'/,
    ],
    [
      'params that are a list',
      lockWith(`cmd: c\nparams: [lr]\n`),
      /^dvc\.lock: stage 'train': 'params' must be a mapping of params files to their values, not a list\.$/,
    ],
    [
      'a params file whose values are a list',
      lockWith(`cmd: c\nparams:\n  params.yaml: [lr]\n`),
      /^dvc\.lock: stage 'train': 'params\.params\.yaml' must be a mapping of param names to values, not a list\.$/,
    ],
    ['a stage named by a number', "schema: '2.0'\nstages:\n  1:\n    cmd: c\n", /^dvc\.lock: a stage name is the number 1, not a string/],
    ['stages left empty', "schema: '2.0'\nstages:\n", /^dvc\.lock: 'stages' must be a mapping of stage names to their records, not an empty value\.$/],
    ['a schema that is a number', 'schema: 2.0\nstages: {}\n', /^dvc\.lock: 'schema' must be the string '2\.0' \(quoted\), not the number 2\.0\.$/],
    ['an unknown top-level key', "schema: '2.0'\nstages: {}\nstage: {}\n", /^dvc\.lock: unknown top-level key 'stage'/],
    ['a DVC 1.x stage with a bad md5', 'train:\n  cmd: c\n  outs:\n  - path: m\n    md5: 5\n', /^dvc\.lock: stage 'train': outs\[0\]\.md5 must be a hash/],
    // DIR_FILES_SCHEMA and CLOUD_SCHEMA: a directory's listing and a remote's record are checked like the entry.
    [
      "a file of a directory's listing with a size that is text",
      lockWith(`cmd: c\nouts:\n- path: d\n  md5: ${MD5}.dir\n  files:\n  - relpath: a\n    md5: ${MD5}\n    size: x\n`),
      /^dvc\.lock: stage 'train': outs\[0\]\.files\[0\]\.size must be a whole number, not the string 'x'\.$/,
    ],
    [
      "a key DVC does not write in a file of a directory's listing",
      lockWith(`cmd: c\nouts:\n- path: d\n  md5: ${MD5}.dir\n  files:\n  - relpath: a\n    path: a\n`),
      /^dvc\.lock: stage 'train': outs\[0\]\.files\[0\]: unknown key 'path' \(expected one of relpath, md5,/,
    ],
    [
      "a remote's record that is a string",
      lockWith(`cmd: c\nouts:\n- path: m\n  md5: ${MD5}\n  cloud:\n    origin: v1\n`),
      /^dvc\.lock: stage 'train': outs\[0\]\.cloud\.origin must be a mapping of hash and meta fields, not the string 'v1'\.$/,
    ],
    [
      "a remote's record with an etag too short",
      lockWith(`cmd: c\nouts:\n- path: m\n  md5: ${MD5}\n  cloud:\n    origin: {etag: E1}\n`),
      /^dvc\.lock: stage 'train': outs\[0\]\.cloud\.origin\.etag must be a hash of at least 3 characters, not the string 'E1'\.$/,
    ],
  ];
  for (const [name, text, expected] of refused) {
    test(`refused, naming the file, the stage and the key: ${name}`, () => {
      assert.throws(() => parseLock(text), { name: 'UserError', message: expected });
    });
  }

  test('what DVC accepts still reads: hashes YAML made numbers, upper case, empty, any cmd list, datasets, files, cloud', () => {
    const lock = parseLock(
      [
        "schema: '2.0'",
        'datasets:',
        '- name: ds',
        'stages:',
        '  train:',
        '    cmd: [1, 2]',
        '    deps:',
        '    - path: a',
        '      md5: 12345',
        '    - path: b',
        `      md5: ${MD5.toUpperCase()}`,
        '    - path: c',
        "      md5: ''",
        '    - path: ds://ds',
        '      dataset: {name: ds}',
        '    params:',
        '      params.yaml: {}',
        '    outs:',
        '    - path: d',
        `      md5: ${MD5}.dir`,
        '      size: 3',
        '      nfiles: 1',
        '      files:',
        '      - relpath: x',
        `        md5: ${MD5}`,
        '        size: 3',
        '        cloud: {origin: {etag: ETag-1}}',
        '      etag: AbC',
        '      version_id: v1',
        '      isexec: false',
        '',
      ].join('\n'),
    );
    const stage = lock.stages.get('train')!;
    // CHECKSUM_SCHEMA: an int of 3 digits or more is its text, strings are lower-cased, '' is no hash.
    assert.deepEqual(
      stage.deps.map((d) => d.md5),
      ['12345', MD5, null, null],
    );
    assert.equal(stage.outs[0]!.nfiles, 1);
    // A list DVC takes as cmd, compared as it is: one that is no list of strings equals no dvc.yaml cmd.
    assert.equal(stage.cmd, '');
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
