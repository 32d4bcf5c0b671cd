import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateRuns } from '../../src/aggregate/compose';
import { aggregateMarkdown } from '../../src/aggregate/markdown';
import type { RunInput } from '../../src/aggregate/read';
import { reportOf } from '../helpers/report';

/**
 * A job's report with a plot, shaped as `mlreport report --plots loss.json` writes it: one line per revision,
 * named by the revision's label (the base `main`, the head `sweep`).
 */
function job(lr: number, seed: number, accuracy: number, loss: number[]): RunInput {
  const report = reportOf({
    schemaVersion: 2,
    tool: { name: 'mlreport', version: '0.1.0' },
    base: { sha: 'a'.repeat(40), label: 'main' },
    head: { sha: 'b'.repeat(40), label: 'sweep' },
    params: [
      {
        path: 'params.yaml',
        rows: [
          { key: 'lr', old: 0.1, new: lr, changed: true },
          { key: 'seed', old: 0, new: seed, changed: true },
        ],
        notes: [],
      },
    ],
    metrics: [{ path: 'metrics.json', rows: [{ key: 'accuracy', old: 0.9, new: accuracy, changed: true }], notes: [] }],
    plots: [
      {
        id: 'loss.json',
        title: 'Training loss',
        image: 'plots/loss-json.png',
        notes: [],
        series: {
          x: [0, 1, 2],
          lines: [
            { name: 'main', y: [1, 0.6, 0.5] },
            { name: 'sweep', y: loss },
          ],
          xLabel: 'step',
          yLabel: 'loss',
        },
      },
    ],
    gates: null,
    pipeline: null,
    warnings: [],
  });
  return { name: `lr${lr}-seed${seed}`, report, failed: null };
}

describe('plots overlaid per configuration', () => {
  const runs = [job(0.01, 1, 0.91, [1, 0.8, 0.7]), job(0.01, 2, 0.92, [1, 0.6, 0.5]), job(0.1, 1, 0.95, [0.9, 0.4, 0.2]), job(0.1, 2, 0.94, [0.9, 0.2, 0.1])];
  const report = aggregateRuns(runs, { repeatParams: ['seed'], rankBy: 'accuracy', rules: null, missingBase: 'skip', expectedRuns: null });

  test("one chart per plot: the base's line, then each configuration's mean line, best first", () => {
    assert.equal(report.plots.length, 1);
    const [plot] = report.plots;
    assert.equal(plot!.title, 'Training loss');
    assert.equal(plot!.image, null);
    assert.deepEqual(plot!.series!.x, [0, 1, 2]);
    assert.deepEqual(
      plot!.series!.lines.map((l) => l.name),
      ['base: main', 'lr=0.1', 'lr=0.01'],
    );
    const close = (a: (number | null)[], b: number[]) => a.every((v, i) => Math.abs(v! - b[i]!) < 1e-12);
    assert.ok(close(plot!.series!.lines[1]!.y, [0.9, 0.3, 0.15]), String(plot!.series!.lines[1]!.y));
    assert.ok(close(plot!.series!.lines[2]!.y, [1, 0.7, 0.6]), String(plot!.series!.lines[2]!.y));
    assert.match(plot!.notes[0]!, /The top 2 configurations by accuracy, each the mean of its runs/);
  });

  test('the comparison draws it as a Mermaid chart, its lines named in order', () => {
    const md = aggregateMarkdown(report).body;
    assert.match(
      md,
      /### Plots\n\n```mermaid\n%%\{init: \{"themeVariables": \{"xyChart": \{"plotColorPalette": "#1f6feb, #e16f24, #2da44e"\}\}\}\}%%\nxychart-beta\n {4}title "Training loss"\n {4}x-axis "step" \[0, 1, 2\]\n {4}y-axis "loss"\n {4}line \[1, 0\.6, 0\.5\]\n {4}line \[0\.9, 0\.3, 0\.15\]\n {4}line \[1, 0\.7, 0\.6\]\n```/,
    );
    assert.match(md, /^🟦 `base: main` · 🟧 `lr=0\.1` · 🟩 `lr=0\.01`$/m);
  });

  test('a run whose plot has other numeric x values (logged at other steps) is read between its points on the shared x', () => {
    const odd = job(0.1, 3, 0.95, [0.5, 0.1]);
    odd.report!.plots[0]!.series!.x = [0, 2];
    odd.report!.plots[0]!.series!.lines = [{ name: 'sweep', y: [0.5, 0.1] }];
    const withOdd = aggregateRuns([...runs, odd], { repeatParams: ['seed'], rankBy: 'accuracy', rules: null, missingBase: 'skip', expectedRuns: null });
    const [plot] = withOdd.plots;
    assert.deepEqual(plot!.series!.x, [0, 1, 2]);
    // lr=0.1 at x=1: 0.4 and 0.2 from its runs, 0.3 read between the odd run's points at 0 and 2.
    const close = (a: (number | null)[], b: number[]) => a.length === b.length && a.every((v, i) => Math.abs(v! - b[i]!) < 1e-12);
    assert.ok(close(plot!.series!.lines[1]!.y, [2.3 / 3, 0.3, 0.4 / 3]), String(plot!.series!.lines[1]!.y));
    assert.match(plot!.notes.join(' '), /The runs have different x values .*: each line is read between its own points on a shared x/);
    assert.doesNotMatch(plot!.notes.join(' '), /left out/);
    // Curves of many points each (ROC thresholds): at most 40 x values, evenly spaced over their union.
    const curve = (seed: number, offset: number) => {
      const run = job(0.1, seed, 0.95, []);
      run.report!.plots[0]!.series!.x = Array.from({ length: 30 }, (_, i) => (i + offset) / 30);
      run.report!.plots[0]!.series!.lines = [{ name: 'sweep', y: Array.from({ length: 30 }, (_, i) => (i + offset) / 30) }];
      return run;
    };
    const dense = aggregateRuns([curve(1, 0), curve(2, 0.5)], {
      repeatParams: ['seed'],
      rankBy: 'accuracy',
      rules: null,
      missingBase: 'skip',
      expectedRuns: null,
    });
    const x = dense.plots[0]!.series!.x as number[];
    assert.equal(x.length, 40);
    assert.ok(x[0] === 0 && Math.abs(x.at(-1)! - 29.5 / 30) < 1e-9, String(x));
    assert.ok(close(dense.plots[0]!.series!.lines[0]!.y.slice(1, -1), x.slice(1, -1)), 'y = x read on the shared x');
  });

  test('ROC curves that step at different x: each step stays a step on the shared x, the mean starting at (0, 0)', () => {
    // As a run's report holds sklearn's roc_curve: a vertical step is its x twice, the step's start and end.
    const roc = (seed: number, x: number[], y: number[]) => {
      const run = job(0.1, seed, 0.95, []);
      run.report!.plots[0]!.series!.x = x;
      run.report!.plots[0]!.series!.lines = [{ name: 'sweep', y }];
      return run;
    };
    const sweep = aggregateRuns([roc(1, [0, 0, 0.5, 0.5, 1], [0, 0.4, 0.4, 0.8, 1]), roc(2, [0, 0, 0.25, 0.25, 1], [0, 0.6, 0.6, 0.9, 1])], {
      repeatParams: ['seed'],
      rankBy: 'accuracy',
      rules: null,
      missingBase: 'skip',
      expectedRuns: null,
    });
    const series = sweep.plots[0]!.series!;
    assert.deepEqual(series.x, [0, 0, 0.25, 0.25, 0.5, 0.5, 1]);
    // Seed 1 at 0.25: 0.4 (flat there); seed 2 at 0.5: 0.9 + 0.1 × 0.25 / 0.75, read between its points.
    const expected = [0, 0.5, 0.5, 0.65, (0.4 + 0.9 + 0.1 / 3) / 2, (0.8 + 0.9 + 0.1 / 3) / 2, 1];
    const y = series.lines[0]!.y;
    assert.ok(y.length === expected.length && y.every((v, i) => Math.abs(v! - expected[i]!) < 1e-12), String(y));
  });

  test('a run whose plot has other categories on x is left out of the chart, and the chart says so', () => {
    const categorical = runs.map((r) => {
      const copy = job(Number(r.name.slice(2, r.name.indexOf('-'))), Number(r.name.slice(-1)), 0.9, r.report!.plots[0]!.series!.lines[1]!.y as number[]);
      copy.report!.plots[0]!.series!.x = ['a', 'b', 'c'];
      return copy;
    });
    const odd = job(0.1, 3, 0.95, [0.5, 0.4]);
    odd.report!.plots[0]!.series!.x = ['a', 'b'];
    odd.report!.plots[0]!.series!.lines = [{ name: 'sweep', y: [0.5, 0.4] }];
    const withOdd = aggregateRuns([...categorical, odd], { repeatParams: ['seed'], rankBy: 'accuracy', rules: null, missingBase: 'skip', expectedRuns: null });
    assert.equal(withOdd.plots[0]!.series!.lines.length, 3);
    assert.match(withOdd.plots[0]!.notes.join(' '), /1 run with other x values left out/);
  });
});

/**
 * example-get-started's ROC: `y: {eval/plots/sklearn/roc/train.json: tpr, eval/plots/sklearn/roc/test.json: tpr}`.
 * A run's report names its lines by revision and file (`main: train.json`, `feat/tune: test.json`), as
 * `mlreport report` draws a plot of several files.
 */
function rocJob(nEst: number, seed: number, auc: number, train: number[], test: number[]): RunInput {
  const run = job(nEst, seed, auc, [1, 0.5, 0.4]);
  run.name = `n${nEst}-seed${seed}`;
  run.report!.plots = [
    {
      id: 'ROC',
      title: 'ROC',
      image: 'plots/roc.png',
      notes: [],
      series: {
        x: [0, 0.5, 1],
        lines: [
          { name: 'main: train.json', y: [0, 0.8, 1] },
          { name: 'sweep: train.json', y: train },
          { name: 'main: test.json', y: [0, 0.6, 1] },
          { name: 'sweep: test.json', y: test },
        ],
        xLabel: 'fpr',
        yLabel: 'tpr',
      },
    },
    { id: 'confusion', title: 'Confusion matrix', image: 'plots/confusion.png', notes: [] },
  ];
  return run;
}

test('runs of one configuration that logged the same values draw exactly those values as their mean line', () => {
  // As floats, (0.1 + 0.1 + 0.1) / 3 is 0.10000000000000002: the mean line would sit off its runs' own.
  const same = [1, 2, 3].map((seed) => job(0.01, seed, 0.91, [0.3, 0.1, 0.7]));
  const report = aggregateRuns(same, { repeatParams: ['seed'], rankBy: 'accuracy', rules: null, missingBase: 'skip', expectedRuns: null });
  assert.deepEqual(report.plots[0]!.series!.lines[1]!.y, [0.3, 0.1, 0.7]);
});

describe('a plot of several files (example-get-started ROC)', () => {
  const runs = [
    rocJob(0.01, 1, 0.8, [0, 0.9, 1], [0, 0.7, 1]),
    rocJob(0.01, 2, 0.82, [0, 0.7, 1], [0, 0.5, 1]),
    rocJob(0.1, 1, 0.9, [0, 0.875, 1], [0, 0.8, 1]),
  ];
  const report = aggregateRuns(runs, { repeatParams: ['seed'], rankBy: 'accuracy', rules: null, missingBase: 'skip', expectedRuns: null });

  test('one chart per file, each with the base line of that file and the configurations overlaid', () => {
    assert.deepEqual(
      report.plots.map((p) => [p.id, p.title, p.series!.lines.map((l) => [l.name, l.y])]),
      [
        [
          'ROC: train.json',
          'ROC: train.json',
          [
            ['base: main: train.json', [0, 0.8, 1]],
            ['lr=0.1', [0, 0.875, 1]],
            ['lr=0.01', [0, 0.8, 1]],
          ],
        ],
        [
          'ROC: test.json',
          'ROC: test.json',
          [
            ['base: main: test.json', [0, 0.6, 1]],
            ['lr=0.1', [0, 0.8, 1]],
            ['lr=0.01', [0, 0.6, 1]],
          ],
        ],
      ],
    );
    assert.equal(aggregateMarkdown(report).body.match(/```mermaid/g)?.length, 2);
  });

  test('a plot no chart can overlay (no line series) is named in the notes, not dropped without a word', () => {
    assert.deepEqual(report.warnings, [
      "Not overlaid: `confusion`, which the jobs drew without a line to average (an image, bars or a confusion matrix); each job's own report shows it.",
    ]);
    assert.match(aggregateMarkdown(report).body, /### Notes\n\n- Not overlaid: <code>confusion<\/code>, which the jobs drew/);
  });

  test('past 10 charts the rest are named under Notes, not dropped without a word', () => {
    const wide = [job(0.01, 1, 0.91, [1, 0.8, 0.7]), job(0.1, 1, 0.95, [0.9, 0.4, 0.2])].map((run) => {
      run.report!.plots = Array.from({ length: 12 }, (_, i) => ({ ...run.report!.plots[0]!, id: `loss${i}.json`, title: `Loss ${i}` }));
      return run;
    });
    const many = aggregateRuns(wide, { repeatParams: ['seed'], rankBy: 'accuracy', rules: null, missingBase: 'skip', expectedRuns: null });
    assert.equal(many.plots.length, 10);
    assert.deepEqual(many.warnings, ["Charts past the first 10 are left out: `Loss 10`, `Loss 11`; each job's own report shows them."]);
  });

  test("a run lacking one file's line is left out of that chart only, and the chart says so", () => {
    const partial = rocJob(0.1, 2, 0.91, [0, 0.625, 1], [0, 0.9, 1]);
    partial.report!.plots[0]!.series!.lines = partial.report!.plots[0]!.series!.lines.filter((l) => l.name !== 'sweep: test.json');
    const withPartial = aggregateRuns([...runs, partial], { repeatParams: ['seed'], rankBy: 'accuracy', rules: null, missingBase: 'skip', expectedRuns: null });
    const [train, test] = withPartial.plots;
    assert.deepEqual(train!.series!.lines[1], { name: 'lr=0.1', y: [0, 0.75, 1] });
    assert.deepEqual(test!.series!.lines[1], { name: 'lr=0.1', y: [0, 0.8, 1] });
    assert.deepEqual(test!.notes.slice(1), ['1 run without this line left out.']);
    assert.deepEqual(train!.notes.slice(1), []);
  });
});
