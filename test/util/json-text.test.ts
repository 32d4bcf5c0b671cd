import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeJson } from '../../src/util/json-text';

function jsonPieces(value: unknown): string[] {
  const pieces: string[] = [];
  writeJson(value, (piece) => pieces.push(piece));
  return pieces;
}

/** The text reads back as JSON.stringify's would, whatever the values hold. */
const same = (value: unknown, why: string): void => {
  const text = jsonPieces(value).join('');
  const expected = JSON.stringify(value, null, 2);
  if (expected === undefined) return assert.equal(text, '', why);
  assert.deepEqual(JSON.parse(text), JSON.parse(expected), why);
};

test("a report's JSON reads back as JSON.stringify's, whatever the values hold", () => {
  same({ a: 1, b: [1, 'x', null, true, false], c: {}, d: [], e: { f: { g: [[], [{}], [[1]]] } } }, 'nesting, empty lists and objects');
  same({ n: [0, -0, 1.5, 1e21, 1e-7, NaN, Infinity, -Infinity, Number.MAX_VALUE, 5e-324] }, 'numbers as JSON writes them, non-finite as null');
  same({ s: ['"quoted"', 'back\\slash', 'new\nline\ttab', '\u0000\u001f\u007f', 'ℹ️ é 漢字 😀', '\ud800 lone', '\u2028\u2029'] }, 'escapes and non-ASCII text');
  same({ 'key "q"': 1, ℹ️: 2, '': 3, '10': 4, '2': 5, b: 6, a: 7 }, 'keys escaped, in the order JSON.stringify takes them');
  same({ u: undefined, f: () => 1, s: Symbol('x'), kept: 1, list: [undefined, () => 1, Symbol('y'), 2] }, 'members JSON leaves out; in a list they are null');
  same({ only: undefined }, 'an object whose every member is left out');
  same([undefined], 'a list of one left-out member');
  same({ d: new Date(0), custom: { toJSON: (key: string) => `key ${key}` }, list: [{ toJSON: (key: string) => [key] }] }, 'toJSON is given its key');
  same({ boxed: [Object(1), Object('s'), Object(false)] }, 'boxed primitives');
  same({ map: new Map([[1, 2]]), set: new Set([1]), typed: new Uint8Array([1, 2]), buffer: Buffer.from('ab') }, 'objects JSON writes by their own keys');
  same('top', 'a string at the top');
  same(null, 'null at the top');
  const holes = [1, , 3];
  same({ holes }, 'holes in a list are null');
  assert.throws(() => jsonPieces({ big: 1n }), TypeError, 'a BigInt throws as JSON.stringify does');
});

test('indented as JSON.stringify(value, null, 2) down to the rows, one line a row from there', () => {
  const report = {
    schemaVersion: 2,
    metrics: [
      {
        path: 'm.json',
        rows: [
          { key: 'acc', old: 0.5, new: { float: 1 }, changed: true },
          { key: 'x', changed: false },
        ],
      },
    ],
    causes: [],
  };
  assert.equal(
    jsonPieces(report).join(''),
    [
      '{',
      '  "schemaVersion": 2,',
      '  "metrics": [',
      '    {',
      '      "path": "m.json",',
      '      "rows": [',
      '        {"key":"acc","old":0.5,"new":{"float":1},"changed":true},',
      '        {"key":"x","changed":false}',
      '      ]',
      '    }',
      '  ],',
      '  "causes": []',
      '}',
    ].join('\n'),
  );
  const shallow = { a: 1, b: [1, 'x', null], c: { d: 'e', f: [] } };
  assert.equal(jsonPieces(shallow).join(''), JSON.stringify(shallow, null, 2), 'above the rows, the same text');
});

test('a list met more than once is written in full each time, at every depth it appears at', () => {
  const shared = [
    { file: 'params.yaml', key: 'lr', old: 0.1, stages: ['train'] },
    { path: 'src/a.py', added: 1, deleted: null },
  ];
  const rows = Array.from({ length: 200 }, (_, i) => ({ key: `m${i}`, changed: true, causes: { params: shared, files: shared, unknown: [] } }));
  same({ metrics: [{ path: 'm.json', rows }], again: shared, deeper: { and: { again: [shared, [shared]] } } }, 'shared lists at different indents');
});

test('large text comes in pieces and reads back whole', () => {
  const big = {
    rows: Array.from({ length: 20000 }, (_, i) => ({ key: `k${i}`, value: i / 7, tags: ['a', `t${i % 13}`], note: i % 5000 === 0 ? 'ℹ️ note' : 'plain' })),
    long: Array.from({ length: 3 }, () => 'x'.repeat(100000)),
  };
  const pieces = jsonPieces(big);
  assert.ok(pieces.length > 10, `about 64 KiB a piece (${pieces.length} pieces)`);
  assert.deepEqual(JSON.parse(pieces.join('')), big);
  assert.ok(
    pieces.every((p) => p.length < 400000),
    'no piece is the whole text',
  );
});

test("a value at the rows' depth is one line under an object as in a list, and a list there is walked", () => {
  const report = { plots: [{ id: 'p', series: { x: [1, 2], lines: [{ name: 'a', y: [1] }] }, notes: ['n'] }] };
  assert.equal(
    jsonPieces(report).join(''),
    [
      '{',
      '  "plots": [',
      '    {',
      '      "id": "p",',
      '      "series": {"x":[1,2],"lines":[{"name":"a","y":[1]}]},',
      '      "notes": [',
      '        "n"',
      '      ]',
      '    }',
      '  ]',
      '}',
    ].join('\n'),
  );
  const lists = { a: { b: [[1, [2]], { c: [3] }], d: [] } };
  assert.equal(
    jsonPieces(lists).join(''),
    ['{', '  "a": {', '    "b": [', '      [', '        1,', '        [2]', '      ],', '      {"c":[3]}', '    ],', '    "d": []', '  }', '}'].join('\n'),
    'a list above the rows is walked; below them, and any object at their depth, is one line',
  );
});

test('a list of more rows than one piece holds is written whole, in pieces', () => {
  const rows = Array.from({ length: 5000 }, (_, i) => ({ key: `metric-${i}`, old: i / 7, new: i === 3 ? undefined : 'x'.repeat(i % 40), changed: true }));
  const value = {
    metrics: [
      { path: 'm.json', rows },
      { path: 'n.json', rows: [undefined, rows[0]] },
    ],
  };
  const pieces = jsonPieces(value);
  assert.ok(pieces.length > 1, 'more than one piece');
  const text = pieces.join('');
  assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(value)));
  assert.equal(text.split('\n').length, 5000 + 2 + 14, 'a row a line');
});
