import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diffRow, diffValueFile, pyEqual } from '../../src/values/diff';
import { dvcDiffJson, dvcDiffTable, writeDvcDiffJson, writeDvcDiffTable, type DvcTableOptions } from '../../src/values/dvc-output';
import type { FileDiff, Leaf } from '../../src/values/types';
import { escapeCell } from '../../src/report/escape';

const file = (path: string, rows: [string, Leaf | undefined, Leaf | undefined][]): FileDiff => ({
  path,
  rows: rows.map(([k, o, n]) => diffRow(k, o, n)),
  notes: [],
});
const metricsTable = (files: FileDiff[], over: Partial<DvcTableOptions> = {}): string =>
  dvcDiffTable(files, { title: 'Metric', aRev: 'HEAD', bRev: 'workspace', precision: 5, showChange: true, markdown: false, all: false, ...over });

describe('diff semantics (dvc/utils/diff.py)', () => {
  test("equality is Python's: 1 == 1.0, True == 1, NaN != NaN, None == missing", () => {
    assert.ok(pyEqual(1, { float: 1 }));
    assert.ok(pyEqual(true, 1));
    assert.ok(!pyEqual({ float: 'NaN' }, { float: 'NaN' }));
    assert.ok(!pyEqual('1', 1));
    assert.ok(diffRow('k', null, undefined).changed === false);
  });

  test('diff only when both sides are numbers (booleans count, as in Python); relative change against |old|', () => {
    assert.deepEqual(diffRow('k', 1, 3), { key: 'k', old: 1, new: 3, diff: 2, relative: 2, changed: true });
    assert.equal(diffRow('k', '1', '3').diff, undefined);
    assert.equal(diffRow('k', undefined, 3).diff, undefined);
    assert.equal(diffRow('k', true, false).diff, -1);
    assert.equal(diffRow('k', 0, 1).relative, undefined);
    assert.equal(diffRow('k', -2, -1).relative, 0.5);
  });

  test('rows sorted by key in code-point order; a side that failed leaves a note', () => {
    const d = diffValueFile(
      'm.json',
      { status: 'error', message: 'm.json:1:2: invalid JSON: x' },
      {
        status: 'ok',
        values: new Map<string, Leaf>([
          ['b', 1],
          ['a', 2],
          ['B', 3],
        ]),
      },
      { base: 'HEAD', head: 'workspace' },
    );
    assert.deepEqual(
      d.rows.map((r) => r.key),
      ['B', 'a', 'b'],
    );
    assert.deepEqual(d.notes, ['HEAD: m.json:1:2: invalid JSON: x']);
  });
});

describe('tables (ported from DVC tests/unit/test_compare.py)', () => {
  test('test_diff_table: Path | Metric | HEAD | workspace | Change', () => {
    assert.equal(
      metricsTable([file('metrics.json', [['a.b.c', 1, 2]])]),
      'Path          Metric    HEAD    workspace    Change\nmetrics.json  a.b.c     1       2            1\n',
    );
  });

  test('test_do_not_show_changes: params tables have no Change column', () => {
    const t = dvcDiffTable([file('params.yaml', [['a.b.c', 1, 2]])], {
      title: 'Param',
      aRev: 'HEAD',
      bRev: 'workspace',
      precision: null,
      showChange: false,
      markdown: false,
      all: false,
    });
    assert.equal(t, 'Path         Param    HEAD    workspace\nparams.yaml  a.b.c    1       2\n');
  });

  test('test_diff_table_rounding: precision 3 → 1.123 / 2.235 / change 1.111', () => {
    assert.equal(
      metricsTable([file('metrics.json', [['a.b.c', 1.1234, 2.2345]])], { precision: 3 }).split('\n')[1],
      'metrics.json  a.b.c     1.123   2.235        1.111',
    );
  });

  test('test_diff_new / test_diff_old_deleted: a missing side prints -, and so does Change', () => {
    assert.equal(metricsTable([file('param.json', [['a.b.d', undefined, 'new']])]).split('\n')[1], 'param.json  a.b.d     -       new          -');
    assert.equal(metricsTable([file('metric.json', [['a.b.d', 'old', undefined]])]).split('\n')[1], 'metric.json  a.b.d     old     -            -');
  });

  test('test_diff_sorted: rows by key', () => {
    const t = metricsTable(
      [
        file('metrics.yaml', [
          ['x.b', 5, 6],
          ['a.d.e', 3, 4],
          ['a.b.c', 1, 2],
        ]),
      ].map((f) => ({ ...f, rows: [...f.rows].sort((x, y) => (x.key < y.key ? -1 : 1)) })),
    );
    assert.deepEqual(
      t
        .split('\n')
        .slice(1, 4)
        .map((l) => l.split(/\s+/)[1]),
      ['a.b.c', 'a.d.e', 'x.b'],
    );
  });

  test('test_diff_falsey_values: 0 vs 0.0 prints 0, 0.0 and Change 0.0 (with --all, as it is unchanged)', () => {
    assert.equal(
      metricsTable([file('metrics.yaml', [['x.b', 0, { float: 0 }]])], { all: true }).split('\n')[1],
      'metrics.yaml  x.b       0       0.0          0.0',
    );
  });

  test('test_diff_list: a list value prints as Python shows it, Change -', () => {
    const t = dvcDiffTable([file('params.yaml', [['a.b.c', 1, '[2, 3]']])], {
      title: 'Param',
      aRev: 'HEAD',
      bRev: 'workspace',
      precision: null,
      showChange: true,
      markdown: false,
      all: false,
    });
    assert.equal(t.split('\n')[1], 'params.yaml  a.b.c    1       [2, 3]       -');
  });

  test('test_diff_default: the plain table exactly', () => {
    const files = [
      file('metrics.yaml', [
        ['a.b.c', 1, 2],
        ['a.d.e', 3, 4],
        ['x.b', 5, 6],
      ]),
    ];
    files[0]!.rows[2]!.diff = undefined;
    assert.equal(
      metricsTable(files),
      [
        'Path          Metric    HEAD    workspace    Change',
        'metrics.yaml  a.b.c     1       2            1',
        'metrics.yaml  a.d.e     3       4            1',
        'metrics.yaml  x.b       5       6            -',
        '',
      ].join('\n'),
    );
  });

  test("test_metrics_diff_md: the GitHub markdown table exactly, with DVC's trailing blank line", () => {
    const files = [
      file('metrics.yaml', [
        ['a.b.c', 1, 2],
        ['a.d.e', 3, 4],
        ['x.b', 5, 6],
      ]),
    ];
    files[0]!.rows[2]!.diff = undefined;
    assert.equal(
      metricsTable(files, { markdown: { escape: escapeCell } }),
      [
        '| Path         | Metric   | HEAD   | workspace   | Change   |',
        '|--------------|----------|--------|-------------|----------|',
        '| metrics.yaml | a.b.c    | 1      | 2           | 1        |',
        '| metrics.yaml | a.d.e    | 3      | 4           | 1        |',
        '| metrics.yaml | x.b      | 5      | 6           | -        |',
        '',
        '',
      ].join('\n'),
    );
  });
});

describe('--json (the shape of `dvc metrics diff --json`)', () => {
  test('one line, Python separators, null for a missing side, diff only for numbers, floats as Python writes them', () => {
    const json = dvcDiffJson(
      [
        file('m.json', [
          ['a.b.c', 1, 3],
          ['a.b.e', '1', '3'],
          ['x', { float: 1 }, 2.5],
          ['gone', 'old', undefined],
          ['same', 1, 1],
        ]),
      ],
      false,
    );
    assert.equal(
      json,
      '{"m.json": {"a.b.c": {"old": 1, "new": 3, "diff": 2}, "a.b.e": {"old": "1", "new": "3"}, "x": {"old": 1.0, "new": 2.5, "diff": 1.5}, "gone": {"old": "old", "new": null}}}',
    );
    assert.deepEqual(JSON.parse(json), {
      'm.json': { 'a.b.c': { old: 1, new: 3, diff: 2 }, 'a.b.e': { old: '1', new: '3' }, x: { old: 1, new: 2.5, diff: 1.5 }, gone: { old: 'old', new: null } },
    });
  });

  test('test_metrics_diff_with_unchanged: --all keeps unchanged rows with diff 0', () => {
    assert.equal(
      dvcDiffJson(
        [
          file('metrics.yaml', [
            ['foo', 1, 3],
            ['xyz', 10, 10],
          ]),
        ],
        true,
      ),
      '{"metrics.yaml": {"foo": {"old": 1, "new": 3, "diff": 2}, "xyz": {"old": 10, "new": 10, "diff": 0}}}',
    );
  });

  test('no change at all prints {} (test_metrics_diff_json_unchanged)', () => {
    assert.equal(dvcDiffJson([file('m.json', [['a', 1, 1]])], false), '{}');
  });

  test('NaN, infinities and non-ASCII are written as Python json.dumps does', () => {
    assert.equal(
      dvcDiffJson([file('m.json', [['é', { float: 'NaN' }, { float: 'Infinity' }]])], false),
      '{"m.json": {"\\u00e9": {"old": NaN, "new": Infinity, "diff": NaN}}}',
    );
  });
});

describe('large diffs are written in pieces', () => {
  const many = (n: number): FileDiff[] => [
    file('b.json', [['only', 1, 2]]),
    file(
      'a.json',
      Array.from({ length: n }, (_, i): [string, Leaf, Leaf] => [`group${i % 7}.metric_${i}`, i / 3, i / 7]),
    ),
  ];

  test('--json: pieces end between two keys, and together are the one document', () => {
    const chunks: string[] = [];
    writeDvcDiffJson(many(20_000), false, (c) => chunks.push(c));
    assert.ok(chunks.length > 5, `${chunks.length} pieces`);
    for (const c of chunks.slice(0, -1)) assert.match(c, /}$/);
    for (const c of chunks.slice(1)) assert.match(c, /^, "/);
    const whole = chunks.join('');
    assert.equal(whole, dvcDiffJson(many(20_000), false));
    const parsed = JSON.parse(whole) as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(parsed), ['a.json', 'b.json']);
    assert.equal(Object.keys(parsed['a.json']!).length, 19_999);
  });

  test('tables: pieces are whole lines; --no-path leaves out the Path column, plain and markdown', () => {
    const chunks: string[] = [];
    writeDvcDiffTable(many(20_000), { title: 'Metric', aRev: 'HEAD', bRev: 'workspace', precision: 5, showChange: true, markdown: false, all: false }, (c) =>
      chunks.push(c),
    );
    assert.ok(chunks.length > 5);
    for (const c of chunks) assert.match(c, /\n$/);
    assert.equal(chunks.join('').split('\n').length, 20_000 + 2);
    const small = [file('metrics.json', [['a.b.c', 1, 2]])];
    assert.equal(metricsTable(small, { noPath: true }), 'Metric    HEAD    workspace    Change\na.b.c     1       2            1\n');
    assert.equal(
      metricsTable(small, { noPath: true, markdown: { escape: escapeCell } }),
      '| Metric   | HEAD   | workspace   | Change   |\n|----------|--------|-------------|----------|\n| a.b.c    | 1      | 2           | 1        |\n\n',
    );
  });
});
