import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { plotsFromDvcDoc, plotsFromPaths } from '../../src/plots/definitions';

// The definitions from a dvc.yaml as written (templating is the project loader's; see test/dvc/project.test.ts).
const plotsFromDvcYaml = (text: string) => plotsFromDvcDoc(parse(text));

describe('plotsFromDvcYaml', () => {
  test('reads the forms of example-get-started: a y dict makes the id a name, a bare string is a path', () => {
    // dvc.yaml of iterative/example-get-started @06ea489 (quoted in dvc-semantics.md §4c).
    const { definitions, errors } = plotsFromDvcYaml(`
plots:
- ROC: {template: simple, x: fpr, y: {eval/plots/sklearn/roc/train.json: tpr, eval/plots/sklearn/roc/test.json: tpr}}
- Confusion-Matrix: {template: confusion, x: actual, y: {eval/plots/sklearn/cm/train.json: predicted, eval/plots/sklearn/cm/test.json: predicted}}
- eval/plots/images/importance.png
`);
    assert.deepEqual(errors, []);
    assert.equal(definitions.length, 3);
    const [roc, cm, img] = definitions;
    assert.equal(roc!.id, 'ROC');
    assert.deepEqual(roc!.template, 'simple');
    assert.deepEqual(roc!.sources, [
      { file: 'eval/plots/sklearn/roc/train.json', y: ['tpr'], x: 'fpr' },
      { file: 'eval/plots/sklearn/roc/test.json', y: ['tpr'], x: 'fpr' },
    ]);
    assert.deepEqual(cm!.template, 'confusion');
    assert.equal(img!.image, true);
    assert.equal(img!.id, 'eval/plots/images/importance.png');
  });

  test('the same id listed twice is one plot, where it first stands, with the later definition (DVC reads the list into a dict)', () => {
    const { definitions, errors } = plotsFromDvcYaml(`
plots:
  - plots/loss.csv
  - Accuracy: {y: {plots/acc.csv: acc}}
  - plots/loss.csv: {x: epoch, y: loss, title: Loss}
  - Accuracy: {y: {plots/acc.csv: val_acc}, title: Validation}
`);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      definitions.map((d) => [d.id, d.title, d.sources.map((s) => s.y)]),
      [
        ['plots/loss.csv', 'Loss', [['loss']]],
        ['Accuracy', 'Validation', [['val_acc']]],
      ],
    );
    assert.equal(definitions[0]!.origin, 'dvc.yaml plots[2]');
  });

  test('a path id with props; template defaults to linear; labels and title kept', () => {
    const { definitions } = plotsFromDvcYaml(`
plots:
  - plots/loss.csv:
      x: epoch
      y: [loss, val_loss]
      title: Loss
      x_label: Epoch
      y_label: Loss
  - plots/acc.json
`);
    assert.deepEqual(definitions[0], {
      id: 'plots/loss.csv',
      sources: [{ file: 'plots/loss.csv', y: ['loss', 'val_loss'], x: 'epoch' }],
      template: 'linear',
      title: 'Loss',
      xLabel: 'Epoch',
      yLabel: 'Loss',
      header: true,
      image: false,
      origin: 'dvc.yaml plots[0]',
      topLevelIds: ['plots/loss.csv', 'plots/acc.json'],
    });
    assert.deepEqual(definitions[1]!.sources, [{ file: 'plots/acc.json', y: [], x: null }]);
  });

  test('stage plots are relative to the stage wdir and may set header: false', () => {
    const { definitions } = plotsFromDvcYaml(`
stages:
  train:
    wdir: models
    cmd: python train.py
    plots:
      - out/roc.tsv: {x: fpr, y: tpr, header: false, template: scatter}
      - out/pr.json
`);
    assert.equal(definitions[0]!.id, 'models/out/roc.tsv');
    assert.equal(definitions[0]!.header, false);
    assert.deepEqual(definitions[0]!.template, 'scatter');
    assert.equal(definitions[1]!.id, 'models/out/pr.json');
    assert.equal(definitions[1]!.origin, 'dvc.yaml stages.train.plots[1]');
  });

  test('a stage output without plot properties is not drawn again when a top-level plot draws its file', () => {
    const { definitions } = plotsFromDvcYaml(`
stages:
  train:
    cmd: python train.py
    plots:
      - plots/train_log.csv: {cache: false}
      - plots/confusion.json: {cache: false, template: confusion, x: actual, y: predicted}
      - plots/other.csv
plots:
  - Loss: {x: epoch, y: {plots/train_log.csv: [loss, val_loss]}}
  - Confusion: {template: confusion, x: actual, y: {plots/confusion.json: predicted}}
`);
    assert.deepEqual(
      definitions.map((d) => d.id),
      ['Loss', 'Confusion', 'plots/confusion.json', 'plots/other.csv'],
    );
  });

  test('a template is kept as written, for the lookup at draw time; only a non-string is an error here, naming the plot', () => {
    const { definitions, errors } = plotsFromDvcYaml(`
plots:
  - a.csv: {template: .dvc/plots/my.json}
  - b.csv: {template: lineary}
  - c.csv: {y: [1, 2]}
  - d.csv: {template: [linear]}
`);
    assert.deepEqual(
      definitions.map((d) => [d.id, d.template]),
      [
        ['a.csv', '.dvc/plots/my.json'],
        ['b.csv', 'lineary'],
      ],
    );
    assert.equal(errors.length, 2);
    // The list is the right shape: the item that is not a field name is the one to name.
    assert.match(errors[0]!.error, /dvc\.yaml plots\[2\] \(c\.csv\): `y\[0\]` is 1, not a field name: `y` must be a field name or a list of field names\.$/);
    assert.equal(errors[1]!.error, 'dvc.yaml plots[3] (d.csv): `template` must be a string.');
  });

  test("x as a {file: field} mapping, paired with the y fields as DVC's VegaConverter pairs them", () => {
    const { definitions, errors } = plotsFromDvcYaml(`
plots:
  - Same: {x: {a.json: t, b.json: s}, y: {a.json: v, b.json: v}}
  - Other: {x: {evaluation/train.json: epoch}, y: {evaluation/test.json: acc}}
  - OneForAll: {x: {steps.json: step}, y: {a.json: [v, w], b.json: v}}
  - Swapped: {x: {b.json: s, a.json: t}, y: {a.json: v, b.json: v}}
  - evaluation/test.json: {x: {evaluation/train.json: epoch}, y: acc}
  - Uneven: {x: {a.json: t, b.json: s}, y: {a.json: v, b.json: [v, w]}}
  - Bad: {x: {a.json: [t]}, y: {a.json: v}}
`);
    const sources = new Map(definitions.map((d) => [d.id, d.sources]));
    // Each y file's own x field: no file to join.
    assert.deepEqual(sources.get('Same'), [
      { file: 'a.json', y: ['v'], x: 't' },
      { file: 'b.json', y: ['v'], x: 's' },
    ]);
    // `x: {evaluation/train.json: epoch}` with `y: {evaluation/test.json: acc}`: the x file's column, joined row by row.
    assert.deepEqual(sources.get('Other'), [{ file: 'evaluation/test.json', y: ['acc'], x: 'epoch', xFile: 'evaluation/train.json' }]);
    // One x entry is the x of every y field.
    assert.deepEqual(sources.get('OneForAll'), [
      { file: 'a.json', y: ['v', 'w'], x: 'step', xFile: 'steps.json' },
      { file: 'b.json', y: ['v'], x: 'step', xFile: 'steps.json' },
    ]);
    // Several are paired by position, not by file name (flat_datapoints takes `xs[i]` for the i-th y).
    assert.deepEqual(sources.get('Swapped'), [
      { file: 'a.json', y: ['v'], x: 's', xFile: 'b.json' },
      { file: 'b.json', y: ['v'], x: 't', xFile: 'a.json' },
    ]);
    assert.deepEqual(sources.get('evaluation/test.json'), [{ file: 'evaluation/test.json', y: ['acc'], x: 'epoch', xFile: 'evaluation/train.json' }]);
    // DVC: "Cannot have different number of x and y data sources. Found 2 x and 3 y data sources."
    assert.deepEqual(
      errors.map((e) => e.error),
      [
        'dvc.yaml plots[5] (Uneven): `x` names 2 files and `y` 3 fields; DVC pairs several x files with the y fields one by one, so their numbers must match (or give one x for all).',
        'dvc.yaml plots[6] (Bad): `x` must be a field name or {file: field}, `x.a.json` is a list.',
      ],
    );
  });
});

test('plotsFromPaths gives default properties and marks images', () => {
  const defs = plotsFromPaths(['./logs/metrics.csv', 'out\\cm.png']);
  assert.deepEqual(
    defs.map((d) => [d.id, d.image, d.origin]),
    [
      ['logs/metrics.csv', false, 'plots input'],
      ['out/cm.png', true, 'plots input'],
    ],
  );
});
