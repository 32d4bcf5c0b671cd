import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYamlPy, type PyDict } from '../../src/pipeline/pyvalue';
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

describe('YAML emitter (ruamel style)', () => {
  test('quoting, floats, empty and null values, non-string keys, key order, folding', () => {
    assert.equal(emitYaml(parseYamlPy('cases.yaml', INPUT) as PyDict), EXPECTED);
  });
});
