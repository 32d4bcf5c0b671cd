import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml, parseYamlDocument } from '../../src/dvc/formats/yaml';
import { plainYaml } from '../../src/dvc/formats/yaml-plain';
import { PyFloat, type Raw } from '../../src/dvc/python/value';

/** A parsed value with everything a reader can tell apart spelled out: order of keys, int or float, -0, bigint. */
function shape(value: Raw): unknown {
  if (value instanceof Map) return { map: [...value].map(([k, v]) => [k, shape(v)]) };
  if (value instanceof PyFloat) return { float: Object.is(value.value, -0) ? '-0' : String(value.value) };
  if (typeof value === 'bigint') return { bigint: String(value) };
  if (typeof value === 'number') return { number: Object.is(value, -0) ? '-0' : String(value) };
  if (Array.isArray(value)) return value.map(shape);
  return value;
}

/** What the library makes of the text: its data, or its error. */
function viaLibrary(text: string): unknown {
  try {
    return shape(parseYamlDocument(text).data);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function viaParseYaml(text: string): unknown {
  try {
    return shape(parseYaml(text).data);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Draws from a small linear congruential generator: the same documents every run. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return (state >>> 16) % n; // the high bits: the low ones of this generator repeat every few draws
  };
}

/** Where the plain reader answers, its answer is the library's; where it does not, parseYaml gives the library's. */
function readsAsTheLibrary(text: string): boolean {
  const plain = plainYaml(text);
  if (plain) assert.deepEqual(shape(plain), viaLibrary(text), JSON.stringify(text));
  else assert.deepEqual(viaParseYaml(text), viaLibrary(text), JSON.stringify(text));
  return plain !== null;
}

const PLAIN = [
  'lr: 0.0001\nlayers: 3\nname: run-1\n',
  'lr: 0\nlayers: 0\nname: run-0',
  '',
  '\n\n',
  '# only a comment\n  # and another\n',
  'train:\n  epochs: 10\n  lr: 1.0e-3 # the rate\n  optimizer: adam\n\n  nested:\n    deeper:\n      deepest: x\nseed: 42\n',
  'a:\nb: 1\nc:\n',
  'a: # comment after the key\n  b: 1\n',
  'a:   \n  b: 1   \n',
  'n: null\nN: Null\nNN: NULL\nt: true\nT: True\nTT: TRUE\nf: false\nF: False\nFF: FALSE\n',
  'y: yes\nno: no\non: on\noff: off\nnn: nan\ni: inf\nnUlL: nUlL\ntRue: tRue\n',
  'big: 9007199254740993\nsafe: 9007199254740991\nneg: -12\nzero: -0\nhuge: 123456789012345678901234567890\n',
  'f1: 1.0\nf2: 1.\nf3: 1e5\nf4: 1.5e-3\nf5: -2.50\nf6: 0.0\nf7: -0.0\nf8: 1e400\nf9: 3.14159\nf10: 1E+2\n',
  'path: /data/train.csv\nrel: data/x_y.csv\nwords: a  b   c\ndash: x - y\nend: x-\nunder: _x\ndotted.key: 1\ndash-key: 2\n_k: 3\n',
  'a:\n  b:\n    c:\n      d:\n        e: 1\n  f: 2\ng: 3\n',
  'a:\n    b: 1\n    c: 2\nd: 3\n',
  'layers:\n  - 64\n  - 32\n',
  'layers:\n- 64\n- 32\nname: x\n',
  'cmd: python train.py --lr=0.1 (fast)\nf: g(x)\n',
  'a:\n- x\n- y: 1\n  z: 2\n- w:\n    v: 3\n- u:\n  - 1\n  - 2\n  t: 4\nb: 5\n',
  'a:\n-   k: 1\n    j: 2\n-    s\n',
  'a:\n  - x # c\n\n  # between\n  - y\n',
  'a:\n- k:\n- j\n',
  // A dvc.yaml shaped like DVC's get-started project's: stages with lists, metrics, plots with their options.
  [
    'stages:',
    '  prepare:',
    '    cmd: python src/prepare.py data/data.xml',
    '    deps:',
    '    - data/data.xml',
    '    - src/prepare.py',
    '    params:',
    '    - prepare.seed',
    '    outs:',
    '    - data/prepared',
    '  train:',
    '    cmd: python src/train.py data/features model.pkl',
    '    deps:',
    '    - data/features',
    '    outs:',
    '    - model.pkl',
    'metrics:',
    '- eval/metrics.json',
    'plots:',
    '- ROC:',
    '    template: simple',
    '    x: fpr',
    '    y:',
    '      eval/plots/roc/train.json: tpr',
    '      eval/plots/roc/test.json: tpr',
    '- eval/plots/images/importance.png',
    'artifacts:',
    '  model:',
    '    path: model.pkl',
    '    desc: A model (trained on the prepared data)',
    '    labels:',
    '    - nlp',
    '',
  ].join('\n'),
  'eval/metrics.json: 1\nplots:\n- eval/plots/roc.json:\n    x: fpr\n    y:\n      eval/plots/a.json: tpr\n',
];

test('plain params files are read without the library, with what the library reads', () => {
  for (const text of PLAIN) {
    const plain = plainYaml(text);
    assert.notEqual(plain, null, `read as plain: ${JSON.stringify(text)}`);
    assert.deepEqual(shape(plain!), viaLibrary(text), `same as the library: ${JSON.stringify(text)}`);
    assert.deepEqual(viaParseYaml(text), viaLibrary(text));
  }
});

const LEFT_TO_THE_LIBRARY: [string, string][] = [
  ['anchors and aliases', 'base: &b 1\ncopy: *b\n'],
  ['an anchored mapping merged', 'defaults: &d\n  lr: 1\ntrain:\n  <<: *d\n  epochs: 2\n'],
  ['several documents', 'a: 1\n---\nb: 2\n'],
  ['a document start', '---\na: 1\n'],
  ['a document end', 'a: 1\n...\n'],
  ['a directive', '%YAML 1.2\n---\na: 1\n'],
  ['a double-quoted key', '"a b": 1\n'],
  ['a single-quoted key', "'a': 1\n"],
  ['a quoted value', 'a: "1"\nb: \'x\'\n'],
  ['a tag', 'a: !!str 1\n'],
  ['a local tag', 'a: !custom x\n'],
  ['a literal block scalar', 'a: |\n  line 1\n  line 2\n'],
  ['a folded block scalar', 'a: >-\n  one\n  two\n'],
  ['a flow mapping', 'a: {b: 1, c: 2}\n'],
  ['a flow sequence', 'layers: [64, 32]\n'],
  ['a sequence in a sequence', 'a:\n- - 1\n'],
  ['an empty item', 'a:\n-\n- 1\n'],
  ['an item that is a comment', 'a:\n- # c\n'],
  ['a tab after the dash', 'a:\n-\tx\n'],
  ['a continuation of an item', 'a:\n- one\n  two\n'],
  ['a deeper dash after an item', 'a:\n- one\n  - two\n'],
  ['a key after an item, deeper', 'a:\n- one\n  b: 1\n'],
  ['a dash after a value', 'a: 1\n- x\n'],
  ["a key past an item mapping's column", 'a:\n- b: 1\n    c: 2\n'],
  ["a key short of an item mapping's column", 'a:\n-  b: 1\n c: 2\n'],
  ['a repeated key in an item', 'a:\n- b: 1\n  b: 2\n'],
  ['an item quoted', 'a:\n- "x"\n'],
  ['an item with a colon', 'a:\n- b: c: d\n'],
  ['a repeated key (an error)', 'a: 1\na: 2\n'],
  ['a repeated nested key (an error)', 'a:\n  b: 1\n  b: 2\n'],
  ['a tab before a value', 'a:\t1\n'],
  ['a tab as indentation (an error)', 'a:\n\tb: 1\n'],
  ['a tab in a comment line', 'a: 1\n\t# c\n'],
  ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
  ['a lone CR', 'a: 1\rb: 2\n'],
  ['a byte order mark', '\ufeffa: 1\n'],
  ['non-ASCII text', 'name: café\n'],
  ['a non-ASCII comment', 'a: 1 # η\n'],
  ['a hex int', 'a: 0x1F\n'],
  ['an octal int', 'a: 0o17\n'],
  ['a leading zero', 'a: 007\n'],
  ['a plus sign', 'a: +1\n'],
  ['a float without its int part', 'a: .5\n'],
  ['infinity', 'a: .inf\n'],
  ['negative infinity', 'a: -.inf\n'],
  ['not a number', 'a: .nan\n'],
  ['a version-like value', 'a: 1.2.3\n'],
  ['a tilde null', 'a: ~\n'],
  ['a boolean key', 'true: 1\n'],
  ['a null key', 'null: 1\n'],
  ['an int key', '1: a\n'],
  ['a float key', '1.5: a\n'],
  ['a key with a space', 'my key: 1\n'],
  ['no space after the colon', 'a:1\n'],
  ['a colon in the value', 'a: b: c\n'],
  ['a URL value', 'url: http://example.com\n'],
  ['a hash inside a value', 'a: b#c\n'],
  ['a continuation line (multi-line plain scalar)', 'a: one\n  two\n'],
  ['an indented first key', '  a: 1\n'],
  ['an indent that matches no level (an error)', 'a:\n    b: 1\n  c: 2\n'],
  ['an explicit key', '? a\n: 1\n'],
  ['a dash value', 'a: -\n'],
  ['a dash-led string', 'a: -x\n'],
  ['a sequence at the root', '- a\n- b\n'],
  ['a scalar at the root', 'just text\n'],
  ['a comma', 'a: b, c\n'],
  ['a key with a dollar', 'a: ${b}\n'],
];

test('anything past the plain subset is left to the library, which then reads it as before', () => {
  for (const [why, text] of LEFT_TO_THE_LIBRARY) {
    assert.equal(plainYaml(text), null, `left to the library: ${why}`);
    assert.deepEqual(viaParseYaml(text), viaLibrary(text), why);
  }
  assert.match(JSON.stringify(viaParseYaml('a: 1\na: 2\n')), /error/, 'a repeated key is still an error');
});

test('generated plain mappings: wherever the plain reader answers, the library answers the same', () => {
  const rand = generator(7);
  const values = [
    '0',
    '1',
    '-1',
    '10',
    '0.5',
    '1.0',
    '2e3',
    '-0.25',
    '1.',
    'abc',
    'a b',
    'x-y',
    '/p/q.csv',
    'true',
    'False',
    'NULL',
    'yes',
    'on',
    '',
    '# c',
    'v # c',
    '12345678901234567890',
    '1.2.3',
    '.5',
    '+3',
    'é',
  ];
  const keys = ['a', 'b', 'lr', 'layers', 'name', 'x.y', 'k-1', '_k', 'True', 'null', 'n'];
  let plainCount = 0;
  for (let round = 0; round < 400; round++) {
    const lines: string[] = [];
    const depthOf: number[] = [0];
    for (let i = 0, n = 1 + rand(12); i < n; i++) {
      const depth = depthOf[rand(depthOf.length)]!;
      const key = keys[rand(keys.length)]!;
      const value = values[rand(values.length)]!;
      const pad = ' '.repeat(depth * 2);
      if (rand(5) === 0) {
        lines.push(`${pad}${key}:${rand(3) === 0 ? ' # c' : ''}`);
        depthOf.push(depth + 1);
      } else lines.push(`${pad}${key}:${value ? ` ${value}` : ''}${rand(6) === 0 ? '   ' : ''}`);
      if (rand(8) === 0) lines.push(rand(2) ? '' : `${pad}# note`);
    }
    if (readsAsTheLibrary(`${lines.join('\n')}\n`)) plainCount++;
  }
  assert.ok(plainCount > 40, `enough generated files were plain (${plainCount})`);
});

test('generated mappings and sequences, dvc.yaml-like: wherever the plain reader answers, the library answers the same', () => {
  const rand = generator(11);
  const values = ['0', '1.5', 'x', 'data/a.csv', 'python s.py --n=2', 'f(x)', 'true', 'null', '', '# c', 'v # c', '- y', '1.2.3', 'a: b'];
  const keys = ['cmd', 'deps', 'outs', 'x', 'eval/m.json', 'k-1', 'True'];
  let plainCount = 0;
  for (let round = 0; round < 600; round++) {
    const lines: string[] = [];
    let depth = 0;
    for (let i = 0, n = 1 + rand(14); i < n; i++) {
      const pad = ' '.repeat(depth * 2 + (rand(12) === 0 ? 1 : 0));
      const key = keys[rand(keys.length)]!;
      const value = values[rand(values.length)]!;
      const dashed = depth > 0 && rand(2) === 0 ? `${rand(3) === 0 ? '  ' : ''}- ` : '';
      const lead = dashed ? ' '.repeat(Math.max(0, pad.length - 2)) + dashed : pad;
      switch (rand(4)) {
        case 0:
          lines.push(`${lead}${key}:`);
          depth++;
          break;
        case 1:
          lines.push(`${lead}${value || 'z'}`);
          break;
        default:
          lines.push(`${lead}${key}:${value ? ` ${value}` : ''}`);
      }
      if (rand(5) === 0) depth = Math.max(0, depth - 1 - rand(2));
    }
    if (readsAsTheLibrary(`${lines.join('\n')}\n`)) plainCount++;
  }
  assert.ok(plainCount > 40, `enough generated files were plain (${plainCount})`);
});

test('generated dvc.yaml-like documents (mappings, lists of values and of mappings, either indent) are read plain, as the library reads them', () => {
  const rand = generator(23);
  const scalars = ['0', '7', '-2', '0.25', '1.0', '3e-4', 'x', 'data/prepared', 'python src/train.py --lr=0.1', 'f(x)', 'true', 'False', 'null', 'a-b'];
  const keys = ['cmd', 'deps', 'outs', 'params', 'metrics', 'eval/metrics.json', 'cache', 'x', 'y', 'template', 'train.seed'];
  // Lines of a value under a key at `indent`; `compact` puts a list's dashes at the key's column, as DVC writes them.
  const block = (depth: number, indent: number): string[] => {
    const lines: string[] = [];
    const used = new Set<string>();
    for (let i = 0, n = 1 + rand(4); i < n; i++) {
      const key = keys[rand(keys.length)]!;
      if (used.has(key)) continue;
      used.add(key);
      const pad = ' '.repeat(indent);
      const kind = depth > 3 ? 0 : rand(4);
      if (kind === 0) lines.push(`${pad}${key}: ${scalars[rand(scalars.length)]}${rand(5) === 0 ? ' # note' : ''}`);
      else if (kind === 1) lines.push(`${pad}${key}:`, ...block(depth + 1, indent + 2 + 2 * rand(2)));
      else {
        lines.push(`${pad}${key}:`);
        const dash = indent + (rand(2) ? 0 : 2);
        for (let k = 0, m = 1 + rand(3); k < m; k++) {
          if (kind === 2 || depth > 2) lines.push(`${' '.repeat(dash)}- ${scalars[rand(scalars.length)]}`);
          else {
            // A mapping in the item: its first key on the dash's line, the rest at that key's column.
            const inner = block(depth + 1, dash + 2);
            lines.push(`${' '.repeat(dash)}- ${inner[0]!.trimStart()}`, ...inner.slice(1));
          }
        }
      }
    }
    return lines;
  };
  let lists = 0;
  for (let round = 0; round < 300; round++) {
    const text = `${block(0, 0).join('\n')}\n`;
    if (text.includes('- ')) lists++;
    const plain = plainYaml(text);
    assert.notEqual(plain, null, `read plain: ${JSON.stringify(text)}`);
    assert.deepEqual(shape(plain!), viaLibrary(text), JSON.stringify(text));
  }
  assert.ok(lists > 150, `enough generated documents had lists (${lists})`);
});
