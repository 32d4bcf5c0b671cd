import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesSection } from '../../src/report/values-section';
import { percent } from '../../src/report/format';
import { MINUS } from '../../src/util/numbers';
import { guessDirection } from '../../src/values/direction';
import { diffRow } from '../../src/values/diff';
import type { FileDiff, Leaf } from '../../src/values/types';
import { reportOf } from '../helpers/report';

const file = (path: string, rows: [string, Leaf | undefined, Leaf | undefined][], notes: string[] = []): FileDiff => ({
  path,
  rows: rows.map(([k, o, n]) => diffRow(k, o, n)),
  notes,
});
const labels = { base: 'main', head: 'feature' };

describe('report values sections', () => {
  test('floats from 10^15 in e-notation as docs/report.md says (1e16 is a float in the file); ints stay whole', () => {
    const md = valuesSection(
      'metrics',
      [
        file('m.yaml', [
          ['big', { float: 1e16 }, { float: 2e16 }],
          ['big2', { float: 1.5e15 }, { float: 2.5e15 }],
          ['big3', { float: 2.5e20 }, { float: 3.5e20 }],
          ['count', 10 ** 16, 2 * 10 ** 16],
        ]),
      ],
      labels,
    );
    const rows = md.split('\n').filter((l) => l.startsWith('| m.yaml'));
    assert.deepEqual(
      rows.map((r) => r.split(' | ').slice(1, 5).join(' | ').replace(/ \|$/, '')),
      [
        'big | 1e16 | 2e16 | +1e16 (+100%)',
        'big2 | 1.5e15 | 2.5e15 | +1e15 (+67%)',
        'big3 | 2.5e20 | 3.5e20 | +1e20 (+40%)',
        'count | 10000000000000000 | 20000000000000000 | +10000000000000000 (+100%)',
      ],
    );
  });

  test('changed metrics first with DVC columns, Change with relative %, unchanged folded in <details>', () => {
    const md = valuesSection(
      'metrics',
      [
        file('eval/metrics.json', [
          ['acc', 0.9, 0.95],
          ['epochs', 10, 10],
          ['note', 'a', 'b'],
        ]),
      ],
      labels,
    );
    assert.equal(
      md,
      [
        '| Path | Metric | main | feature | Change | Better or worse |',
        '|---|---|---|---|---|---|',
        '| eval/metrics.json | acc | 0.9 | 0.95 | +0.05 (+5.6%) | ✅ better |',
        '| eval/metrics.json | note | a | b | - |  |',
        '',
        '<details><summary>1 unchanged metric</summary>',
        '',
        '| Path | Metric | main | feature | Change | Better or worse |',
        '|---|---|---|---|---|---|',
        '| eval/metrics.json | epochs | 10 | 10 | 0 |  |',
        '',
        '</details>',
      ].join('\n'),
    );
  });

  test('a regression is marked: loss up, accuracy down', () => {
    const md = valuesSection(
      'metrics',
      [
        file('m.json', [
          ['val_loss', 0.2, 0.3],
          ['test.accuracy', 0.9, 0.8],
        ]),
      ],
      labels,
    );
    // The change keeps its sign; whether that is good is a separate mark (an arrow beside a fall read as "rose").
    assert.match(md, /\| test\.accuracy \| 0\.9 \| 0\.8 \| −0\.1 \(−11%\) \| ❌ worse \|/);
    assert.match(md, /\| val\\_loss \| 0\.2 \| 0\.3 \| \+0\.1 \(\+50%\) \| ❌ worse \|/);
  });

  test('a direction from a threshold wins over the name', () => {
    const md = valuesSection('metrics', [file('m.json', [['loss', 0.2, 0.3]])], labels, { direction: () => 'higher' });
    assert.match(md, /\| loss \| 0\.2 \| 0\.3 \| \+0\.1 \(\+50%\) \| ✅ better \|/);
  });

  test('params have no Change column and are not rounded', () => {
    const md = valuesSection('params', [file('params.yaml', [['lr', 0.123456789, 0.1]])], labels);
    assert.equal(md, '| Path | Param | main | feature |\n|---|---|---|---|\n| params.yaml | lr | 0.123456789 | 0.1 |');
  });

  test('names and values from files are escaped: pipes, backticks, HTML, @mentions', () => {
    const md = valuesSection('params', [file('p|x.yaml', [['a|b', '<img src=x>', '`rm -rf` @octocat']])], labels);
    assert.ok(md.includes('p\\|x.yaml'));
    assert.ok(md.includes('a\\|b'));
    assert.ok(md.includes('&lt;img src=x&gt;'));
    assert.ok(md.includes('\\`rm -rf\\`'));
    assert.ok(md.includes('@\u200doctocat'));
    assert.ok(!/@octocat/.test(md));
  });

  test('a 10 MB value is cut in the table (report.json keeps it)', () => {
    const md = valuesSection('params', [file('p.yaml', [['s', 'a', 'x'.repeat(10_000_000)]])], labels);
    assert.ok(md.length < 1000);
    assert.match(md, /… \(10,000,000 characters\)/);
  });

  test('no base: the head values alone; notes listed under the table', () => {
    const md = valuesSection('metrics', [file('m.json', [['acc', undefined, 0.9]], ['not in git at main (DVC-tracked)'])], { base: null, head: 'feature' });
    assert.equal(
      md,
      '| Path | Metric | feature | Direction |\n|---|---|---|---|\n| m.json | acc | 0.9 | higher is better |\n\n- `m.json`: not in git at main (DVC-tracked)',
    );
  });

  test('a note said of many files is one line naming the first few; of a few files, a line each', () => {
    const gone = Array.from({ length: 1200 }, (_, i) => file(`m/${i}.json`, [['acc', i, undefined]], ['not present at feature']));
    const md = valuesSection(
      'metrics',
      [file('a.json', [['x', 1, 2]], ['not present at feature']), ...gone, file('z.json', [['x', 1, 1]], ['a `warning`'])],
      labels,
    );
    const notes = md.split('\n').filter((l) => l.startsWith('- '));
    assert.deepEqual(notes, ['- `a.json`, `m/0.json`, `m/1.json` and 1,198 other files: not present at feature', '- `z.json`: a \\`warning\\`']);
    const few = valuesSection('metrics', gone.slice(0, 3), labels);
    assert.deepEqual(
      few.split('\n').filter((l) => l.startsWith('- ')),
      ['- `m/0.json`: not present at feature', '- `m/1.json`: not present at feature', '- `m/2.json`: not present at feature'],
    );
  });

  test('a relative change has one format per magnitude: an exact 10 % drop reads as a 10 % rise does', () => {
    // 0.45 / 0.5 - 1 is -0.09999999999999998 in doubles, 2.2 / 2 - 1 is 0.10000000000000009.
    const pct = (old: number, now: number): string | null => percent(diffRow('m', old, now));
    assert.equal(pct(0.5, 0.45), `${MINUS}10%`);
    assert.equal(pct(2, 2.2), '+10%');
    assert.equal(pct(1, 1 - 0.0996), `${MINUS}10%`);
    assert.equal(pct(1, 1 - 0.0994), `${MINUS}9.9%`);
    assert.equal(pct(1, 1.025), '+2.5%');
    assert.equal(pct(1, 1.0004), '+0.04%');
  });

  test('a change of 1,000 % or more reads as the factor the value was multiplied by, never in e-notation percents', () => {
    const pct = (old: number, now: number): string | null => percent(diffRow('m', old, now));
    // 1e-20 → 100 was `+1e+22%`; 1 → 12345 was `+1234400%`.
    assert.equal(pct(1e-20, 100), '×1e22');
    assert.equal(pct(1, 12345), '×12,300');
    assert.equal(pct(1, 2e6), '×2e6');
    assert.equal(pct(2, 25), '×12.5');
    assert.equal(pct(1, 10.99), '+999%');
    assert.equal(pct(1, 11), '×11');
    // A negative base: the change is relative to its size; the factor keeps new = factor × old.
    assert.equal(pct(-0.5, -0.1), '+80%');
    assert.equal(pct(-1, -20), '×20');
    assert.equal(pct(-2, 0), '+100%');
    // Across zero: a factor below 0.
    assert.equal(pct(0.001, -5), `×${MINUS}5,000`);
    assert.equal(pct(-0.001, 5), `×${MINUS}5,000`);
    assert.equal(pct(1, -0.5), `${MINUS}150%`);
    // A drop a whole percent would print as −100% though the value is not 0: what it was divided by.
    assert.equal(pct(1, 0.004), '÷250');
    assert.equal(pct(100, 1e-20), '÷1e22');
    assert.equal(pct(1, 0.006), `${MINUS}99%`);
    assert.equal(pct(1, 0), `${MINUS}100%`);
    // From 0 there is no relative change (DVC gives none either): the difference alone.
    assert.equal(pct(0, 5), null);
  });

  test('a huge relative change reads as a factor in the table, and a change from 0 as its difference alone', () => {
    const md = valuesSection(
      'metrics',
      [
        file('m.json', [
          ['grad_norm', 1e-20, 100],
          ['drift', 0, 0.5],
          ['val_loss', 2, 0.0004],
        ]),
      ],
      labels,
    );
    assert.match(md, /\| m\.json \| grad\\_norm \| 1e-20 \| 100 \| \+100 \(×1e22\) \|/);
    assert.match(md, /\| m\.json \| drift \| 0 \| 0\.5 \| \+0\.5 \|/);
    assert.match(md, /\| m\.json \| val\\_loss \| 2 \| 0\.0004 \| −2 \(÷5,000\) \| ✅ better \|/);
    assert.doesNotMatch(md, /e\+|\d{5}%/);
  });

  test('nothing found / nothing changed', () => {
    assert.equal(valuesSection('params', [], labels), '_No params found._');
    assert.match(valuesSection('params', [file('p.yaml', [['a', 1, 1]])], labels), /^_No params changed\._\n\n<details><summary>1 unchanged param<\/summary>/);
  });

  test('guessDirection reads the dotted part nearest the end that names a metric', () => {
    assert.equal(guessDirection('train.loss'), 'lower');
    assert.equal(guessDirection('eval.f1_score'), 'higher');
    assert.equal(guessDirection('rmse'), 'lower');
    assert.equal(guessDirection('roc_auc'), 'higher');
    assert.equal(guessDirection('epochs'), undefined);
  });
});

describe('composeMarkdown wires threshold directions into the metrics section', () => {
  test("a rule's direction (gates.directions) wins over the name", async () => {
    const { composeMarkdown } = await import('../../src/report/markdown');
    const md = composeMarkdown(
      reportOf({
        schemaVersion: 2,
        tool: { name: 'mlreport', version: 'test' },
        base: { sha: 'a'.repeat(40), label: 'main' },
        head: { sha: null, label: 'feature' },
        params: [],
        metrics: [
          file('m.json', [
            ['loss', 0.2, 0.3],
            ['acc', 0.5, 0.4],
          ]),
        ],
        plots: [],
        gates: { passed: true, checked: 1, proposed: null, rules: [], directions: [{ file: 'm.json', key: 'loss', better: 'higher' }] },
        pipeline: null,
        warnings: [],
      }),
    );
    assert.match(md, /\| m\.json \| loss \| 0\.2 \| 0\.3 \| \+0\.1 \(\+50%\) \| ✅ better \|/);
    assert.match(md, /\| m\.json \| acc \| 0\.5 \| 0\.4 \| −0\.1 \(−20%\) \| ❌ worse \|/);
  });
});
