import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDataFile } from '../../src/dvc/formats';
import type { Raw, RawMap } from '../../src/dvc/python/value';
import { emitYaml } from '../../src/pipeline/yaml-emit';

// INPUT is read the way DVC reads params (YAML 1.2, ints and floats apart); EXPECTED is what ruamel.yaml
// 0.19.1 writes for the same data with DVC's dumper settings (dvc/utils/serialize/_yaml.py: `YAML()`,
// `default_flow_style = False`), produced with `YAML(typ='safe').load` then `dump`.
const INPUT = `stages:
  '123':
    cmd: echo n
  s:
    cmd: echo 'a' && python train.py --config configs/experiment.yaml --out models/ --seed 1
    params:
      params.yaml:
        f: [0.20, 1.0, 1e-5, 1e16, .inf]
        s: ['2.0', 'true', '', 'a: b', '#x', yes, '- x', '-x', ' lead', 'null', '@at', héllo, "it's", '1_000', "tab\\there", "a: it's", "line\\nbreak"]
        e: []
        d: {}
        n: null
        w: {b: 1, 0: 2, true: 3, null: 5, '7': 6}
`;

const EXPECTED = `stages:
  '123':
    cmd: echo n
  s:
    cmd: echo 'a' && python train.py --config configs/experiment.yaml --out 
      models/ --seed 1
    params:
      params.yaml:
        f:
        - 0.2
        - 1.0
        - 1e-05
        - 1e+16
        - .inf
        s:
        - '2.0'
        - 'true'
        - ''
        - 'a: b'
        - '#x'
        - yes
        - '- x'
        - -x
        - ' lead'
        - 'null'
        - '@at'
        - héllo
        - it's
        - '1_000'
        - "tab\\there"
        - "a: it's"
        - "line\\nbreak"
        e: []
        d: {}
        n:
        w:
          b: 1
          0: 2
          true: 3
          null: 5
          '7': 6
`;

// One case of each way the emitter used to differ from ruamel on fuzzed documents (see lock-emit-ruamel.test.ts),
// with what ruamel.yaml 0.17.21 (legacy folding) and 0.19.1 (current) write for it with DVC's dumper settings.
const CLASSES: RawMap = deepMap({
  ints: [2n ** 64n, 1e21, 2 ** 63],
  escapes: ['x\x00y', 'bell\x07 esc\x1b del\x7f', 'bom\ufeff', 'nel\x85 emoji \u{1F600}\n'],
  quoted: "it's: a long value with a quote, and enough words to pass the eighty column limit of ruamel's emitter",
  'line\nbreak': 1,
  ['k'.repeat(123)]: 2,
  nulls: [null, [1, [2]], []],
  resolved: ['2021-01-01', '2001-12-14t21:59:43.10-05:00', '<<', '=', '-_'],
  separator: 'ls\u2028x',
  stages: { train: { params: { 'params.yaml': { 'a key with several words that goes past the eighty column limit of ruamel': 1 } } } },
  cmd: 'python train.py --config configs/experiment.yaml  --out models/ --seed 1 --verbose --epochs 10',
});

/** Object literals as mappings, for writing documents in tests. */
function deepMap(value: object): RawMap {
  const convert = (v: unknown): Raw => (Array.isArray(v) ? v.map(convert) : v !== null && typeof v === 'object' ? deepMap(v) : (v as Raw));
  return new Map(Object.entries(value).map(([k, v]) => [k, convert(v)]));
}

const CLASSES_LEGACY = `ints:
- 18446744073709551616
- 1000000000000000000000
- 9223372036854775808
escapes:
- "x\\0y"
- "bell\\a esc\\e del\\x7F"
- "bom\\uFEFF"
- "nel\\N emoji \\U0001F600\\n"
quoted: "it's: a long value with a quote, and enough words to pass the eighty column\\
  \\ limit of ruamel's emitter"
? "line\\nbreak"
: 1
? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk
: 2
nulls:
- 
- - 1
  - - 2
- []
resolved:
- '2021-01-01'
- '2001-12-14t21:59:43.10-05:00'
- '<<'
- '='
- '-_'
separator: 'ls\u2028  x'
stages:
  train:
    params:
      params.yaml:
        a key with several words that goes past the eighty column limit of ruamel: 1
cmd: python train.py --config configs/experiment.yaml  --out models/ --seed 1 --verbose
  --epochs 10
`;

// ruamel 0.19.1 itself would also wrap the long key in `stages` after `ruamel:`, and then fail to read its text.
const CLASSES_CURRENT = `ints:
- 18446744073709551616
- 1000000000000000000000
- 9223372036854775808
escapes:
- "x\\0y"
- "bell\\a esc\\e del\\x7F"
- "bom\\uFEFF"
- "nel\\N emoji 😀\\n"
quoted: "it's: a long value with a quote, and enough words to pass the eighty column
  limit of ruamel's emitter"
? "line\\nbreak"
: 1
? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk
: 2
nulls:
- 
- - 1
  - - 2
- []
resolved:
- '2021-01-01'
- '2001-12-14t21:59:43.10-05:00'
- '<<'
- '='
- '-_'
separator: 'ls\u2028  x'
stages:
  train:
    params:
      params.yaml:
        a key with several words that goes past the eighty column limit of ruamel: 
          1
cmd: python train.py --config configs/experiment.yaml  --out models/ --seed 1 
  --verbose --epochs 10
`;

describe('YAML emitter (ruamel style)', () => {
  test('big ints, YAML escapes, double-quoted folding, `? ` keys, null and nested items, timestamps, line separators', () => {
    assert.equal(emitYaml(CLASSES, 'legacy'), CLASSES_LEGACY);
    assert.equal(emitYaml(CLASSES, 'current'), CLASSES_CURRENT);
  });

  test('quoting, floats, empty and null values, non-string keys, key order, folding', () => {
    assert.equal(emitYaml(parseDataFile('cases.yaml', INPUT).data as RawMap), EXPECTED);
  });
});
