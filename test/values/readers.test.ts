import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLoggerMetricsCsv } from '../../src/values/dagshub';
import { flattenMetrics, flattenParams } from '../../src/values/flatten';
import { parseValueFile, parseValuesText } from '../../src/values/parse';
import { parseDataFile } from '../../src/dvc/formats';
import { UserError } from '../../src/util/errors';
import { pyRepr } from '../../src/dvc/python/format';
import type { Raw } from '../../src/dvc/python/value';

const metrics = (path: string, text: string): Record<string, unknown> => Object.fromEntries(flattenMetrics(parseValueFile(path, text, 'metrics').data));
const params = (path: string, text: string, keys: string[] = []): Record<string, unknown> =>
  Object.fromEntries(flattenParams(parseValueFile(path, text, 'params').data, keys));
const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('expected an error');
};

describe('JSON (DVC: json.loads)', () => {
  test('nested keys flatten with "."; int vs float kept as written', () => {
    assert.deepEqual(metrics('m.json', '{"a": {"b": {"c": 1, "d": 1.0, "e": "3"}}, "f": 0.5}'), { 'a.b.c': 1, 'a.b.d': { float: 1 }, 'a.b.e': '3', f: 0.5 });
  });

  test('NaN and Infinity are accepted as Python does, and kept as floats', () => {
    assert.deepEqual(metrics('m.json', '{"a": NaN, "b": -Infinity, "c": Infinity}'), {
      a: { float: 'NaN' },
      b: { float: '-Infinity' },
      c: { float: 'Infinity' },
    });
  });

  test('a repeated key keeps the last value and says so', () => {
    const parsed = parseValueFile('m.json', '{"a": 1,\n "a": 2}', 'metrics');
    assert.deepEqual(Object.fromEntries(flattenMetrics(parsed.data)), { a: 2 });
    assert.match(parsed.warnings[0]!, /line 2: key "a" repeats/);
  });

  test('invalid JSON names the file, line and column', () => {
    assert.equal(
      errorOf(() => parseValueFile('m.json', '{"a": 1,\n  "b": }', 'metrics')),
      'm.json:2:8: invalid JSON: unexpected character "}", expected a value',
    );
    assert.match(
      errorOf(() => parseValueFile('m.json', '{"a": 1}ma\nlformed', 'metrics')),
      /^m\.json:1:9: invalid JSON: extra data/,
    );
    assert.match(
      errorOf(() => parseValueFile('m.json', '{"a": "x', 'metrics')),
      /^m\.json:1:7: invalid JSON: unterminated string/,
    );
  });

  test('1,000-level nesting is read; 10,000 levels is a plain error, not a stack overflow', () => {
    const deep = (n: number): string => '{"a": '.repeat(n) + '1' + '}'.repeat(n);
    const got = metrics('m.json', deep(1000));
    assert.equal(Object.keys(got)[0], Array(1000).fill('a').join('.'));
    assert.match(
      errorOf(() => parseValueFile('m.json', deep(10_000), 'metrics')),
      /nesting deeper than 2000 levels/,
    );
  });

  test('a 10 MB string value is read whole', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const got = metrics('m.json', `{"s": "${big}", "n": 1}`);
    assert.equal((got.s as string).length, big.length);
  });

  test('DVC _extract_metrics: lists, nulls and emptied mappings are dropped; booleans and strings kept', () => {
    assert.deepEqual(metrics('m.json', '{"l": [1, 2], "n": null, "e": {}, "d": {"x": null}, "b": true, "s": "ok"}'), { b: true, s: 'ok' });
  });

  test('DVC _extract_metrics: dates and date-times (YAML timestamps) are dropped, as neither number nor string', () => {
    assert.deepEqual(metrics('m.yaml', 'acc: 0.9\nday: 2024-01-02\nat: 2024-01-02 10:20:30\nn:\n  t: 2024-01-02T10:20:30Z\n'), { acc: 0.9 });
    assert.deepEqual(metrics('m.yaml', '2024-01-02 10:20:30'), {});
  });

  test('DVC test_metrics_diff_simple: a file holding one number is one metric named ""', () => {
    assert.deepEqual(metrics('m.yaml', '3'), { '': 3 });
  });

  test('a metrics file that is a list is a clear error (DVC would show nothing)', () => {
    assert.throws(
      () => metrics('m.json', '[{"x": 1}, {"x": 2}]'),
      /expected a mapping of metrics \(or a single value\), found a list of 2 items; is this a plots file\?/,
    );
  });
});

describe('YAML (DVC: ruamel, YAML 1.2)', () => {
  test('yes/no are strings, 1.0 is a float, 1e3 is a float, 0x10 an int', () => {
    assert.deepEqual(params('params.yaml', 'a: yes\nb: no\nc: 1.0\nd: 1e3\ne: 0x10\nf: true\ng: ~\nh: .nan'), {
      a: 'yes',
      b: 'no',
      c: { float: 1 },
      d: { float: 1000 },
      e: 16,
      f: true,
      g: null,
      h: { float: 'NaN' },
    });
  });

  test('DVC test_parse_yaml_duplicate_key_error: a repeated key is an error with its line', () => {
    assert.match(
      errorOf(() => parseValueFile('params.yaml', 'mykey:\n- foo\nmykey:\n- bar\n', 'params')),
      /^params\.yaml:3:1: invalid YAML: Map keys must be unique/,
    );
  });

  // DVC reads YAML with ruamel's safe loader: a tag it has no constructor for is a ConstructorError, not a missing key.
  test('a tag DVC would refuse is an error naming the line, column and tag', () => {
    assert.equal(
      errorOf(() => parseValueFile('params.yaml', 'bs: 3\nlr: !!python/object:foo {}\n', 'params')),
      "params.yaml:2:5: invalid YAML: unknown tag !!python/object:foo: DVC's YAML loader (ruamel's safe loader) reads only YAML's standard tags",
    );
    assert.match(
      errorOf(() => parseValueFile('params.yaml', 'lr: !custom 3\n', 'params')),
      /^params\.yaml:1:5: invalid YAML: unknown tag !custom:/,
    );
    assert.equal(
      errorOf(() => parseValueFile('params.yaml', 'lr: !!int 1.5\n', 'params')),
      'params.yaml:1:5: invalid YAML: tag !!int on a value not written as one: mlreport does not convert it, so write the value untagged',
    );
    assert.deepEqual(params('params.yaml', 'a: !!str 3\nb: !!float 1.5\n'), { a: '3', b: 1.5 });
    // Standard tags the library leaves unresolved on these values, read as ruamel's safe constructor reads them.
    const tagged = parseValueFile('params.yaml', 'f: !!float 1\ng: !!float -2_0\nyes_: !!bool yes\noff_: !!bool Off\n', 'params').data as Map<string, Raw>;
    assert.deepEqual(Object.fromEntries([...tagged].map(([k, v]) => [k, pyRepr(v)])), { f: '1.0', g: '-20.0', yes_: 'True', off_: 'False' });
    assert.equal(
      errorOf(() => parseValueFile('params.yaml', 'lr: !!float abc\n', 'params')),
      "params.yaml:1:13: invalid YAML: tag !!float on 'abc', which is not a number",
    );
    assert.match(
      errorOf(() => parseValueFile('params.yaml', 'x: !!bool maybe\n', 'params')),
      /^params\.yaml:1:11: invalid YAML: tag !!bool on 'maybe', which is not one of yes, no/,
    );
  });

  test("a second YAML document is an error at its `---` line, not the library's advice to call another function", () => {
    assert.equal(
      errorOf(() => parseValueFile('params.yaml', 'lr: 1\n---\nlr: 2\n', 'params')),
      'params.yaml:2:1: invalid YAML: a second YAML document starts here (a `---` line); DVC reads a file of one document',
    );
  });

  test('invalid YAML names the line and column', () => {
    assert.match(
      errorOf(() => parseValueFile('m.yaml', 'a: 1\nb: [1, 2\n', 'metrics')),
      /^m\.yaml:\d+:\d+: invalid YAML: /,
    );
  });

  test("500-level nesting is read; 1,000 levels (past the YAML reader's stack) is a plain error", () => {
    const got = metrics('m.yaml', '{a: '.repeat(500) + '1' + '}'.repeat(500));
    assert.equal(Object.keys(got)[0]!.length, 999);
    assert.match(
      errorOf(() => parseValueFile('m.yaml', '{a: '.repeat(1000) + '1' + '}'.repeat(1000), 'metrics')),
      /^m\.yaml:1:\d+: invalid YAML: nested too deeply to read$/,
    );
  });

  test('an empty file is an empty mapping (ruamel `or {}`)', () => {
    assert.deepEqual(params('params.yaml', ''), {});
  });

  test('an alias bomb stays small in memory and is refused once it would expand past the limit', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 8; i++) lines.push(`a${i}: &a${i} {${Array.from({ length: 10 }, (_, k) => `k${k}: *a${i - 1}`).join(', ')}}`);
    // Params turn lists into text, so the bomb is 10^8 strings' worth of keys: refused, quickly.
    assert.match(
      errorOf(() => params('params.yaml', lines.join('\n'))),
      /more than 1,000,000 values/,
    );
  });

  test('merge keys fill in what a mapping lacks (ruamel applies `<<`)', () => {
    const text = 'defaults: &d\n  lr: 0.1\n  epochs: 10\ntrain:\n  <<: *d\n  lr: 0.01\n';
    assert.deepEqual(params('params.yaml', text), { 'defaults.lr': 0.1, 'defaults.epochs': 10, 'train.lr': 0.01, 'train.epochs': 10 });
  });

  test("merged keys come first, in the order ruamel's safe loader gives them (flatten_mapping: a list's mappings last first)", () => {
    // Checked with ruamel 0.17.21: YAML(typ='safe').load(text)['train'] == {'z': 1, 'lr': 0.3, 'layers': [1, 2], 'epochs': 5}.
    const text = 'base: &base\n  lr: 0.1\n  layers: [1, 2]\nother: &o {z: 1, lr: 9}\ntrain:\n  epochs: 5\n  <<: [*base, *o]\n  lr: 0.3\n';
    const data = parseDataFile('params.yaml', text).data as Map<string, Map<string, unknown>>;
    assert.deepEqual([...data.get('train')!.keys()], ['z', 'lr', 'layers', 'epochs']);
    assert.deepEqual(params('params.yaml', text)['train.lr'], 0.3);
  });

  test('a document that is null or empty JSON is no params (DVC `data or {}`)', () => {
    assert.deepEqual(params('params.json', 'null'), {});
    assert.deepEqual(params('params.yaml', '~'), {});
  });

  test('non-string keys print as Python str() (True, 1)', () => {
    assert.deepEqual(params('params.yaml', '1: a\ntrue: b'), { 1: 'a', True: 'b' });
  });
});

describe('TOML (DVC: tomlkit)', () => {
  test('tables flatten, ints and floats kept, arrays print as Python lists', () => {
    assert.deepEqual(params('params.toml', '[train]\nlr = 0.01\nepochs = 10\nscale = 1.0\nlayers = ["a", "b"]\n'), {
      'train.lr': 0.01,
      'train.epochs': 10,
      'train.scale': { float: 1 },
      'train.layers': "['a', 'b']",
    });
  });

  test('invalid TOML names the line and column', () => {
    assert.match(
      errorOf(() => parseValueFile('params.toml', 'a = 1\nb =\n', 'params')),
      /^params\.toml:2:\d+: invalid TOML: /,
    );
  });

  test('invalid TOML says why, not only the line it quotes', () => {
    assert.equal(
      errorOf(() => parseValueFile('p.toml', 'a = 1\na = 2\n', 'params')),
      "p.toml:2:1: invalid TOML: duplicate key 'a' (trying to redefine an already defined table or value)",
    );
    assert.equal(
      errorOf(() => parseValueFile('p.toml', 'x = 1\nb =\n', 'params')),
      "p.toml:2:4: invalid TOML: a value missing after '=' for 'b'",
    );
  });
});

describe('Python params (DVC tests/unit/utils/serialize/test_python.py test_parse_valid_types)', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['BOOL = True', { BOOL: true }],
    ['INT = 5', { INT: 5 }],
    ['FLOAT = 0.001', { FLOAT: 0.001 }],
    ["STR = 'abc'", { STR: 'abc' }],
    ["DICT = {'a': 1, 'b': 2}", { 'DICT.a': 1, 'DICT.b': 2 }],
    ['LIST = [1, 2, 3]', { LIST: '[1, 2, 3]' }],
    ['SET = {1, 2, 3}', { SET: '{1, 2, 3}' }],
    ['TUPLE = (10, 100)', { TUPLE: '(10, 100)' }],
    ['NONE = None', { NONE: null }],
    ['UNARY_OP = -1', { UNARY_OP: -1 }],
    ['F = 1.0', { F: { float: 1 } }],
  ];
  for (const [text, expected] of cases) {
    test(text, () => assert.deepEqual(params('params.py', text), expected));
  }

  // A set prints as Python iterates it (by hash; where hashes collide, in the order the file wrote: {1, 9}, {9, 1}).
  // Expected texts are Python 3.11's repr(set(values)), the set parse_py builds (a literal `eval`ed differently: the
  // compiler folds it into a frozenset first). The YAML one is the safe loader's set().update(mapping).
  const sets: [string, string][] = [
    ['{3, 1, 2}', '{1, 2, 3}'],
    ['{8, 1}', '{8, 1}'],
    ['{9, 1}', '{9, 1}'],
    ['{1, 9}', '{1, 9}'],
    ['{16, 8, 0}', '{16, 8, 0}'],
    ['{-1, -2, 1.5, True}', '{1.5, True, -1, -2}'],
    ['{18446744073709551616, 7}', '{18446744073709551616, 7}'],
    ['{40, 30, 20, 10, 5, 9}', '{5, 40, 9, 10, 20, 30}'],
    ['{0.1, 0.25, 3.0}', '{0.1, 0.25, 3.0}'],
    ['{(3, 4), (1, 2), (0,), ()}', '{(0,), (1, 2), (3, 4), ()}'],
    // A string's hash changes with each Python process (PYTHONHASHSEED), so has DVC's order: one order is kept.
    ["{'b', 'c', 'a'}", "{'a', 'b', 'c'}"],
  ];
  for (const [set, printed] of sets) {
    test(`S = ${set} prints as Python's set does: ${printed}`, () => assert.deepEqual(params('params.py', `S = ${set}`), { S: printed }));
  }

  test("a YAML !!set is the set ruamel's safe loader makes (set().update of the mapping), in Python's order", () => {
    assert.deepEqual(params('params.yaml', 'a: !!set {8, 1}\nb: !!set {40, 30, 20, 10, 5, 9}\n'), { a: '{8, 1}', b: '{20, 5, 40, 9, 10, 30}' });
  });

  test('class constants and self.* in __init__, last assignment wins, locals ignored', () => {
    const text = `class TrainConfig:

            EPOCHS = 70

            def __init__(self):
                self.layers = 5
                self.layers = 9  # TrainConfig.layers param will be 9
                bar = 3  # Will NOT be found since it's locally scoped
            `;
    assert.deepEqual(params('params.py', text), { 'TrainConfig.EPOCHS': 70, 'TrainConfig.layers': 9 });
  });

  // _get_ast_name takes `self.NAME` as NAME wherever it is assigned; only a plain NAME depends on being outside
  // `__init__`. `foo.x` and `self.a.b` are no names. (Checked with DVC's _ast_tree_to_dict on Python 3.11.)
  test('self.NAME = literal at module level and in a class body is a param too, as DVC reads it', () => {
    const text = 'self.top = 5\nfoo.x = 6\nself.a.b = 7\nclass C:\n    self.k = 1\n    K = 2\n    def __init__(self):\n        self.i = 3\n        j = 4\n';
    assert.deepEqual(params('params.py', text), { top: 5, 'C.k': 1, 'C.K': 2, 'C.i': 3 });
  });

  // A compound statement's body may sit on its header's line (`class C: X = 1; Y = 2`): Python reads it into the
  // class, so does DVC's _ast_tree_to_dict (checked on Python 3.11); an if's body stays unread as on its own lines.
  test('a one-line class or __init__ body is read as the same block on its own lines', () => {
    const text =
      'class One: X = 1\nclass Two(object): A = 1; B = 2\nif True: HIDDEN = 1\nclass Four:\n    def __init__(self): self.x = 1; local = 2\n    Z = 3\nclass Five: K = (lambda: 1); M = 5\nAFTER = 9\n';
    assert.deepEqual(params('params.py', text), { 'One.X': 1, 'Two.A': 1, 'Two.B': 2, 'Four.x': 1, 'Four.Z': 3, 'Five.M': 5, AFTER: 9 });
    assert.equal(
      errorOf(() => parseValueFile('p.py', 'class C: X = 1\n    Y = 2\n', 'params')),
      'p.py:2:5: invalid Python: unexpected indent',
    );
  });

  test('test_parse_invalid_types: calls and arithmetic (even 1.0 - 1) are skipped, nothing is run', () => {
    assert.deepEqual(params('params.py', 'CONSTRUCTOR = dict(a=1, b=2)\nSUM = 1 + 2\nDIFF = 1.0 - 1\nOK = 2'), { OK: 2 });
  });

  test('imports, functions, annotations, multi-line literals, comments and strings with # are handled', () => {
    const text = [
      'import os  # comment',
      'from x import y',
      'LR: float = 0.1',
      'A = B = 3',
      'LAYERS = [',
      '    64,  # first',
      '    32,',
      ']',
      'NAME = "a # not a comment"',
      'DOC = """multi',
      'line"""',
      'def helper():',
      '    HIDDEN = 1',
      'if True:',
      '    ALSO_HIDDEN = 2',
      'x, y = 1, 2',
      'T = 1, 2',
      'BIG = 1_000',
      "JOINED = 'a' 'b'",
    ].join('\n');
    assert.deepEqual(params('params.py', text), {
      LR: 0.1,
      LAYERS: '[64, 32]',
      NAME: 'a # not a comment',
      DOC: 'multi\nline',
      T: '(1, 2)',
      BIG: 1000,
      JOINED: 'ab',
    });
  });

  // Expected values: DVC's own dvc/utils/serialize/_py.py (parse_py) run on python3 over the same text.
  test('matches DVC parse_py on mixed module 1', () => {
    assert.deepEqual(
      params(
        'params.py',
        "import os\nLR: float = 0.1\nA = B = 3\nLAYERS = [\n    64,  # first\n    32,\n]\nNAME = 'a # not'\nDOC = '''multi\nline'''\ndef helper():\n    HIDDEN = 1\nif True:\n    ALSO = 2\nx, y = 1, 2\nT = 1, 2\nBIG = 1_000\nJOINED = 'a' 'b'\nNEG = -0.5\nE = 1e3\nD = {'x': [1, 2], 'y': {'z': None}}\nS = set()\nHEX = 0x1F\nBYTES = b'x'\nF = f'{x}'\nC = 1j\nDIFF = 1.0 - 1\n",
      ),
      {
        LR: 0.1,
        LAYERS: '[64, 32]',
        NAME: 'a # not',
        DOC: 'multi\nline',
        T: '(1, 2)',
        BIG: 1000,
        JOINED: 'ab',
        NEG: -0.5,
        E: { float: 1000 },
        'D.x': '[1, 2]',
        'D.y.z': null,
        S: 'set()',
        HEX: 31,
        BYTES: "b'x'",
        C: '1j',
      },
    );
  });

  test('matches DVC parse_py on mixed module 2', () => {
    assert.deepEqual(
      params(
        'params.py',
        'class Cfg:\n    A = 1\n    class Inner:\n        B = 2.0\n    def __init__(self, x):\n        self.c = [1, (2, 3)]\n        d = 4\n        self.e: int = 5\n    def other(self):\n        self.f = 6\n',
      ),
      { 'Cfg.A': 1, 'Cfg.Inner.B': { float: 2 }, 'Cfg.c': '[1, (2, 3)]', 'Cfg.e': 5 },
    );
  });

  test('matches DVC parse_py on mixed module 3', () => {
    assert.deepEqual(params('params.py', 'def __init__(self):\n    self.top = 1\nX = 2\n'), { top: 1, X: 2 });
  });

  test('an unclosed bracket is a syntax error with its line', () => {
    assert.match(
      errorOf(() => parseValueFile('params.py', 'A = 1\nB = [1,\n', 'params')),
      /^params\.py:2:5: invalid Python: '\[' was never closed/,
    );
  });

  // DVC's parse_py runs ast.parse: a SyntaxError is PythonFileCorruptedError, never a file with fewer params.
  test('a file Python cannot parse is an error naming its line and column, not params read as removed', () => {
    const cases: [string, string][] = [
      ['LR = \n', "params.py:1:5: invalid Python: nothing after '='"],
      ['A = 1\nLR = 0.1 0.2\n', 'params.py:2:10: invalid Python: 0.2 right after 0.1 (a missing operator or comma?)'],
      ['LR = 0.1 +\n', "params.py:1:11: invalid Python: nothing after '+'"],
      ['A = 1\n  B = 2\n', 'params.py:2:3: invalid Python: unexpected indent'],
      ['class Train:\nLR = 0.1\n', 'params.py:2:1: invalid Python: expected an indented block after line 1'],
      ['class Train:\n    LR = 0.1\n  BS = 2\n', 'params.py:3:3: invalid Python: unindent does not match any outer indentation level'],
      ['print "x"\n', 'params.py:1:7: invalid Python: "x" right after print (a missing operator or comma?)'],
    ];
    for (const [text, message] of cases)
      assert.equal(
        errorOf(() => parseValueFile('params.py', text, 'params')),
        message,
        text,
      );
  });

  test('valid Python that is not all literals still reads: no syntax error is made up', () => {
    const text = [
      'from os import *',
      'import a.b as c',
      'X = 1 if c else 2',
      'Y = [1 for _ in range(3)]',
      'Z = "a" "b"',
      'W = 1,',
      'N = 1 not in c; M = ...',
      'class T:',
      '    LR = 0.1',
      '',
      '    def __init__(self):',
      '        self.bs = 2',
      '',
      'match c:',
      '    case 1 as one:',
      '        pass',
      '    case "x":',
      '        pass',
      'F = f"{X}" "b"',
      'V = (1,',
      '     2)',
    ].join('\n');
    assert.deepEqual(params('params.py', text), { Z: 'ab', W: '(1,)', 'T.LR': 0.1, 'T.bs': 2, V: '(1, 2)' });
  });
});

describe('CSV/TSV metrics', () => {
  test('a plain table: the last row gives the metrics, numbers typed', () => {
    const parsed = parseValueFile('m.csv', 'epoch,loss,acc\n1,0.9,0.5\n2,0.5,0.75\n', 'metrics');
    assert.deepEqual(Object.fromEntries(flattenMetrics(parsed.data)), { epoch: 2, loss: 0.5, acc: 0.75 });
    assert.match(parsed.warnings[0]!, /last one \(line 3\)/);
  });

  test('TSV with quoted fields', () => {
    assert.deepEqual(metrics('m.tsv', 'name\tvalue\n"a\tb"\t1.5\n'), { name: 'a\tb', value: 1.5 });
  });

  test('an unterminated quote names line and column; a long row names its line', () => {
    assert.match(
      errorOf(() => parseValueFile('m.csv', 'a,b\n1,"2\n', 'metrics')),
      /^m\.csv:2:3: invalid CSV: unterminated quoted field/,
    );
    assert.match(
      errorOf(() => parseValueFile('m.csv', 'a,b\n1,2,3\n', 'metrics')),
      /^m\.csv:2:1: invalid CSV: 3 fields but the header has 2/,
    );
  });

  test('the DagsHub logger metrics.csv: each name’s last value is the metric', () => {
    const text = 'Name,Value,Timestamp,Step\nloss,0.9,1700000000000,1\nacc,0.5,1700000000001,1\nloss,0.4,1700000000002,2\n';
    assert.deepEqual(metrics('metrics.csv', text), { loss: 0.4, acc: 0.5 });
  });
  test('logger files: a quoted name with a comma, CRLF lines, and a bad value named by its line', () => {
    assert.deepEqual(metrics('metrics.csv', 'Name,Value,Timestamp,Step\r\nloss,1,1,1\r\n"f1, macro",0.5,2,1\r\nloss,0.25,3,2\r\n'), {
      loss: 0.25,
      'f1, macro': 0.5,
    });
    assert.match(
      errorOf(() => parseValueFile('metrics.csv', 'Name,Value,Timestamp,Step\nloss,1,1,1\nloss,oops,2,2\n', 'metrics')),
      /^metrics\.csv:3:1: invalid CSV: value "oops" of "loss" is not a number/,
    );
    assert.match(
      errorOf(() => parseValueFile('metrics.csv', 'Name,Value,Timestamp,Step\n"a,b",1,1,1\nloss,oops,2,2\n', 'metrics')),
      /^metrics\.csv:3:1: invalid CSV/,
    );
  });
});

describe('parseLoggerMetricsCsv', () => {
  test('keeps the whole series per name, in file order, with steps and timestamps', () => {
    const text = 'Name,Value,Timestamp,Step\r\nloss,1,1700000000000,0\r\nloss,0.5,1700000000500,1\r\nacc,0.25,,\r\n';
    const got = parseLoggerMetricsCsv(text);
    assert.deepEqual([...got.last.keys()], ['loss', 'acc']);
    assert.equal(got.last.get('loss'), 0.5);
    assert.deepEqual(got.series.get('loss'), [
      { step: 0, value: 1, timestamp: 1700000000000 },
      { step: 1, value: 0.5, timestamp: 1700000000500 },
    ]);
    assert.deepEqual(got.series.get('acc'), [{ step: null, value: 0.25, timestamp: null }]);
  });

  test('a value that is not a number is an error naming the line', () => {
    assert.throws(
      () => parseLoggerMetricsCsv('Name,Value,Timestamp,Step\nloss,abc,1,1\n'),
      (e: Error & { line?: number }) => e.line === 2 && /not a number/.test(e.message),
    );
  });
});

describe('parseValuesText (plain data, for plots)', () => {
  test('JSON and YAML become plain objects and arrays; floats are numbers; __proto__ is just a key', () => {
    assert.deepEqual(
      parseValuesText('p.json', '{"rows": [{"x": 1.0, "y": 2}], "__proto__": {"a": 1}}'),
      JSON.parse('{"rows": [{"x": 1, "y": 2}], "__proto__": {"a": 1}}'),
    );
    assert.deepEqual(parseValuesText('p.yaml', 'rows:\n- {x: 1.0, y: yes}\n'), { rows: [{ x: 1, y: 'yes' }] });
    assert.equal(Object.getPrototypeOf(parseValuesText('p.json', '{"__proto__": {"polluted": 1}}')), Object.prototype);
  });

  test('errors name file, line and column', () => {
    assert.throws(() => parseValuesText('p.json', '[1,\n'), /^UserError: p\.json:2:1: invalid JSON/);
  });
});
