import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { GitRepo } from '../../src/git/repo';
import { findPlotDefinitions, preparePlots } from '../../src/plots/collect';
import { PlotRenderer } from '../../src/plots/render';
import { commitTree } from '../../src/workspace/tree';
import { TempRepo } from '../helpers/repo';
import { rendererAssets } from './assets';

test('a plot id that is a directory stands for each data file and image in it; props carry over', async () => {
  const repo = new TempRepo();
  try {
    repo.write({
      'dvc.yaml': 'plots:\n  - eval/plots: {template: scatter, x: a, y: b}\n',
      'eval/plots/one.json': '[]',
      'eval/plots/sub/two.csv': 'a,b\n',
      'eval/plots/cm.png': 'x',
      'eval/plots/notes.txt': 'ignored',
    });
    const { definitions, errors } = await findPlotDefinitions(repo.dir, null);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      definitions.map((d) => [d.id, d.image, d.template]),
      [
        ['eval/plots/cm.png', true, 'scatter'],
        ['eval/plots/one.json', false, 'scatter'],
        ['eval/plots/sub/two.csv', false, 'scatter'],
      ],
    );
  } finally {
    repo.remove();
  }
});

test('a file under a directory plot that a more specific top-level plot names is drawn once, by that plot (DVC `_closest_parent`)', async () => {
  const repo = new TempRepo();
  try {
    repo.write({
      'dvc.yaml':
        'plots:\n  - dvclive/plots/metrics: {x: step, y_label: metric}\n  - dvclive/plots/metrics/train/acc.tsv: {title: Train accuracy}\n' +
        '  - dvclive/plots/metrics/deep: {title: Deep}\n',
      'dvclive/plots/metrics/train/acc.tsv': 'step\tacc\n0\t0.5\n',
      'dvclive/plots/metrics/eval/acc.tsv': 'step\tacc\n0\t0.4\n',
      'dvclive/plots/metrics/deep/loss.tsv': 'step\tloss\n0\t1\n',
    });
    const { definitions, errors } = await findPlotDefinitions(repo.dir, null);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      definitions.map((d) => [d.id, d.title, d.yLabel]),
      [
        ['dvclive/plots/metrics/eval/acc.tsv', null, 'metric'],
        ['dvclive/plots/metrics/train/acc.tsv', 'Train accuracy', null],
        ['dvclive/plots/metrics/deep/loss.tsv', 'Deep', null],
      ],
    );
  } finally {
    repo.remove();
  }
});

test('the plots input takes files and globs instead of dvc.yaml; invalid dvc.yaml YAML is an error entry', async () => {
  const repo = new TempRepo();
  try {
    repo.write({ 'dvc.yaml': 'plots: [\n', 'logs/a.csv': 'x\n', 'logs/b.tsv': 'x\n', 'logs/c.txt': 'x\n' });
    const fromInput = await findPlotDefinitions(repo.dir, ['logs/*.csv', 'logs/b.tsv', 'missing.json']);
    assert.deepEqual(
      fromInput.definitions.map((d) => d.id),
      ['logs/a.csv', 'logs/b.tsv', 'missing.json'],
    );
    const fromYaml = await findPlotDefinitions(repo.dir, null);
    assert.equal(fromYaml.definitions.length, 0);
    assert.match(fromYaml.errors[0]!.error, /^dvc\.yaml:\d+:\d+: invalid YAML/);
  } finally {
    repo.remove();
  }
});

test('plot paths and properties with ${…} are resolved from params.yaml and vars, as DVC does', async () => {
  const repo = new TempRepo();
  try {
    repo.write({
      'params.yaml': 'logs: out/logs\nchart: {title: Loss per epoch}\n',
      'dvc.yaml': `vars:
  - split: test
stages:
  train:
    cmd: python train.py
    plots:
      - \${logs}/train.csv:
          x: epoch
          y: loss
          title: \${chart.title}
plots:
  - CM:
      template: confusion
      x: actual
      y:
        eval/\${split}.json: predicted
`,
    });
    const { definitions, errors } = await findPlotDefinitions(repo.dir, null);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      definitions.map((d) => [d.id, d.title, d.sources.map((s) => s.file)]),
      [
        ['CM', null, ['eval/test.json']],
        ['out/logs/train.csv', 'Loss per epoch', ['out/logs/train.csv']],
      ],
    );
  } finally {
    repo.remove();
  }
});

test('plots of every dvc.yaml, each with paths relative to its own folder; a name two files use is `file::name`', async () => {
  const repo = new TempRepo();
  try {
    repo.write({
      'dvc.yaml': 'plots:\n  - loss.csv\n  - ROC: {x: fpr, y: {eval/roc.json: tpr}}\n',
      'models/a/dvc.yaml': `stages:
  train:
    cmd: python train.py
    wdir: src
    plots:
      - ../logs/train.csv: {x: step, y: acc}
plots:
  - eval/plots
  - ROC: {x: {eval/roc.json: fpr}, y: {eval/roc.json: tpr}}
  - CM: {template: confusion, x: actual, y: {eval/cm.json: predicted}}
`,
      'models/a/eval/plots/one.json': '[]',
      'models/a/eval/plots/two.csv': 'a\n',
      'broken/dvc.yaml': 'plots: [\n',
    });
    const { definitions, errors } = await findPlotDefinitions(repo.dir, null);
    assert.deepEqual(
      errors.map((e) => e.id),
      ['broken/dvc.yaml'],
    );
    assert.match(errors[0]!.error, /^broken\/dvc\.yaml:\d+:\d+: invalid YAML/);
    assert.deepEqual(
      definitions.map((d) => [d.id, d.sources.map((s) => [s.file, s.x, s.y])]),
      [
        ['loss.csv', [['loss.csv', null, []]]],
        ['dvc.yaml::ROC', [['eval/roc.json', 'fpr', ['tpr']]]],
        ['models/a/eval/plots/one.json', [['models/a/eval/plots/one.json', null, []]]],
        ['models/a/eval/plots/two.csv', [['models/a/eval/plots/two.csv', null, []]]],
        ['models/a/dvc.yaml::ROC', [['models/a/eval/roc.json', 'fpr', ['tpr']]]],
        ['CM', [['models/a/eval/cm.json', 'actual', ['predicted']]]],
        ['models/a/logs/train.csv', [['models/a/logs/train.csv', 'step', ['acc']]]],
      ],
    );
    assert.equal(definitions[1]!.origin, 'dvc.yaml plots[1]');
    assert.equal(definitions[4]!.origin, 'models/a/dvc.yaml plots[1]');
  } finally {
    repo.remove();
  }
});

test('a data file is read as UTF-8 (a BOM dropped, accented names kept) and a plain ASCII one as the same text', async () => {
  const repo = new TempRepo();
  try {
    repo.commit('base', {
      'dvc.yaml': 'plots:\n  - imp.csv: {template: bar_horizontal, x: importance, y: feature}\n  - loss.csv: {x: step, y: loss}\n',
      'imp.csv': '\ufefffeature,importance\ngröße,0.5\nlänge,0.25\n',
      'loss.csv': `step,loss\n${Array.from({ length: 3000 }, (_, i) => `${i},${(1 / (i + 1)).toFixed(6)}`).join('\n')}\n`,
    });
    const git = await GitRepo.open(repo.dir);
    const { definitions } = await findPlotDefinitions(repo.dir, null);
    const prepared = await preparePlots(git, { workspace: repo.dir, base: null, headLabel: 'main', plotsPaths: null }, definitions);
    const values = (id: string) => {
      const plot = prepared.find((p) => p.id === id);
      assert.ok(plot?.kind === 'vega', JSON.stringify(plot));
      return (plot.spec.data as { values: Record<string, unknown>[] }).values;
    };
    assert.deepEqual(
      values('imp.csv').map((p) => [p.feature, p.importance]),
      [
        ['größe', 0.5],
        ['länge', 0.25],
      ],
    );
    const loss = values('loss.csv');
    assert.deepEqual([loss.length, loss[0]!.loss, loss.at(-1)!.step, loss.at(-1)!.loss], [1280, 1, 2999, 0.000333]);
  } finally {
    repo.remove();
  }
});

test('an image plot whose bytes are not the image its name says is an error naming the file; a bad base image is a note', async () => {
  const repo = new TempRepo();
  try {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]);
    const baseSha = repo.commit('base', {
      'dvc.yaml': 'plots:\n  - text.png\n  - jpeg.png\n  - ok.svg\n  - ok.jpg\n  - fixed.png\n',
      'fixed.png': 'Git LFS pointer, say\n',
    });
    repo.commit('head', {
      'text.png': 'version https://git-lfs.github.com/spec/v1\noid sha256:0\n',
      'jpeg.png': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
      'ok.svg': '\ufeff<?xml version="1.0"?>\n<!-- drawn by matplotlib -->\n<svg xmlns="http://www.w3.org/2000/svg"/>',
      'ok.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xdb]),
      'fixed.png': png,
    });
    const git = await GitRepo.open(repo.dir);
    const { definitions } = await findPlotDefinitions(repo.dir, null);
    const prepared = await preparePlots(git, { workspace: repo.dir, base: { sha: baseSha, label: 'main' }, headLabel: 'pr', plotsPaths: null }, definitions);
    const byId = new Map(prepared.map((p) => [p.id, p]));
    const error = (id: string) => {
      const plot = byId.get(id);
      return plot?.kind === 'error' ? plot.error : `not an error: ${plot?.kind}`;
    };
    assert.match(error('text.png'), /^plot 'text\.png' \(dvc\.yaml plots\[0\]\): text\.png is not a PNG image \(it starts with "version https:/);
    assert.match(error('jpeg.png'), /jpeg\.png is not a PNG image \(it is a JPEG: name it \.jpg\)/);
    assert.equal(byId.get('ok.svg')?.kind, 'image');
    assert.equal(byId.get('ok.jpg')?.kind, 'image');
    const fixed = byId.get('fixed.png');
    assert.ok(fixed?.kind === 'image');
    assert.equal(fixed.base, null);
    assert.deepEqual(fixed.notes, ['base (main): fixed.png is not a PNG image (it starts with "Git LFS pointer, say")']);
  } finally {
    repo.remove();
  }
});

test('rows with a blank, NaN or infinite value are skipped and counted, base and head apart', async () => {
  const repo = new TempRepo();
  try {
    const baseSha = repo.commit('base', { 'log.csv': 'step,loss\n0,1\n1,\n2,0.5\n' });
    repo.write({ 'log.csv': 'step,loss\n0,1\n1,inf\n2,nan\n3,0.4\n' });
    const git = await GitRepo.open(repo.dir);
    const { definitions } = await findPlotDefinitions(repo.dir, ['log.csv']);
    const [both] = await preparePlots(
      git,
      { workspace: repo.dir, base: { sha: baseSha, label: 'main' }, headLabel: 'pr', plotsPaths: ['log.csv'] },
      definitions,
    );
    assert.ok(both!.notes.includes('3 rows with a blank, NaN or infinite value skipped, base and head counted apart'), both!.notes.join('; '));
    const [head] = await preparePlots(git, { workspace: repo.dir, base: null, headLabel: 'pr', plotsPaths: ['log.csv'] }, definitions);
    assert.ok(head!.notes.includes('2 rows with a blank, NaN or infinite value skipped'), head!.notes.join('; '));
  } finally {
    repo.remove();
  }
});

test('a directory plot whose folder holds no plot files says what such a folder should hold', async () => {
  const repo = new TempRepo();
  try {
    repo.write({ 'dvc.yaml': 'plots:\n  - dvclive/plots\n  - eval\n', 'dvclive/plots/README.txt': 'notes', 'eval/roc.json': '[]' });
    const { definitions, errors } = await findPlotDefinitions(repo.dir, null);
    assert.deepEqual(
      definitions.map((d) => d.id),
      ['eval/roc.json'],
    );
    assert.deepEqual(errors, [
      {
        id: 'dvclive/plots',
        error:
          "plot 'dvclive/plots' (dvc.yaml plots[0]): dvclive/plots: a folder without plot data or images in it (expected .json, .yaml, .yml, .csv, .tsv, .png, .jpg, .jpeg, .gif, .svg files)",
      },
    ]);
  } finally {
    repo.remove();
  }
});

test('an empty folder given as a plot (only in the workspace: git keeps no empty folder) says it holds no plot data', async () => {
  const repo = new TempRepo();
  try {
    repo.write({ 'dvc.yaml': 'plots:\n  - dvclive/plots\n' });
    mkdirSync(join(repo.dir, 'dvclive', 'plots'), { recursive: true });
    for (const plotsPaths of [null, ['dvclive/plots']]) {
      const { definitions, errors } = await findPlotDefinitions(repo.dir, plotsPaths);
      assert.deepEqual(definitions, []);
      const origin = plotsPaths ? 'plots input' : 'dvc.yaml plots[0]';
      assert.deepEqual(errors, [
        {
          id: 'dvclive/plots',
          error: `plot 'dvclive/plots' (${origin}): dvclive/plots: a folder without plot data or images in it (expected .json, .yaml, .yml, .csv, .tsv, .png, .jpg, .jpeg, .gif, .svg files)`,
        },
      ]);
    }
  } finally {
    repo.remove();
  }
});

test("an x from another file is joined to the y file's rows row by row, as DVC does; where it cannot be, the plot says why", async () => {
  const repo = new TempRepo();
  const rows = (field: string, values: number[]) => JSON.stringify({ rows: values.map((v) => ({ [field]: v })) });
  try {
    const baseSha = repo.commit('base', {
      'dvc.yaml': `plots:
  - Accuracy: {x: {evaluation/train.json: epoch}, y: {evaluation/test.json: acc}}
  - Uneven: {x: {evaluation/train.json: epoch}, y: {evaluation/short.csv: acc}}
  - Later: {x: {evaluation/later.csv: epoch}, y: {evaluation/test.json: acc}}
  - NoField: {x: {evaluation/train.json: step}, y: {evaluation/test.json: acc}}
  - Custom: {x: {evaluation/train.json: epoch}, y: {evaluation/test.json: acc}, template: mine}
`,
      '.dvc/plots/mine.json': JSON.stringify({ data: { values: '<DVC_METRIC_DATA>' }, mark: 'line', encoding: { x: { field: '<DVC_METRIC_X>' } } }),
      'evaluation/train.json': rows('epoch', [10, 20, 30, 40]),
      'evaluation/test.json': rows('acc', [0.5, 0.6, 0.7, 0.75]),
      'evaluation/short.csv': 'acc\n0.4\n0.5\n0.6\n0.65\n',
    });
    repo.write({
      'evaluation/train.json': rows('epoch', [10, 20, 30, 40, 50]),
      'evaluation/test.json': rows('acc', [0.55, 0.65, 0.72, 0.8, 0.83]),
      'evaluation/short.csv': 'acc\n0.45\n0.55\n0.62\n',
      'evaluation/later.csv': 'epoch\n5\n10\n15\n20\n25\n',
    });
    const git = await GitRepo.open(repo.dir);
    const { definitions, errors } = await findPlotDefinitions(repo.dir, null);
    assert.deepEqual(errors, []);
    const request = { workspace: repo.dir, base: { sha: baseSha, label: 'main' }, headLabel: 'feature', plotsPaths: null };
    const plots = new Map((await preparePlots(git, request, definitions)).map((p) => [p.id, p]));
    await git.close();
    const drawn = (id: string) => {
      const plot = plots.get(id);
      assert.ok(plot?.kind === 'vega', JSON.stringify(plot));
      const values = (plot.spec.data as { values: Record<string, unknown>[] }).values;
      return { plot, points: values.map((p) => [p.rev, p.epoch, p.acc]) };
    };

    // The epochs of train.json are the x of test.json's accuracies, at each revision; the axis is titled by the field.
    const accuracy = drawn('Accuracy');
    assert.deepEqual(accuracy.points, [
      ['main', 10, 0.5],
      ['main', 20, 0.6],
      ['main', 30, 0.7],
      ['main', 40, 0.75],
      ['feature', 10, 0.55],
      ['feature', 20, 0.65],
      ['feature', 30, 0.72],
      ['feature', 40, 0.8],
      ['feature', 50, 0.83],
    ]);
    assert.deepEqual(accuracy.plot.notes, []);
    const image = await (await PlotRenderer.create(rendererAssets())).render(accuracy.plot.spec);
    assert.match(image.svg, />epoch</);
    assert.deepEqual(
      ['10', '20', '30', '40', '50'].filter((tick) => image.svg.includes(`>${tick}<`)),
      ['10', '20', '30', '40', '50'],
    );

    // A custom template gets the same joined rows (every field of them, as DVC hands them over).
    assert.deepEqual(drawn('Custom').points, accuracy.points);

    // Lengths differ at the head (5 epochs, 3 accuracies): DVC refuses to join them there and draws the base alone.
    const uneven = drawn('Uneven');
    assert.deepEqual(uneven.points, [
      ['main', 10, 0.4],
      ['main', 20, 0.5],
      ['main', 30, 0.6],
      ['main', 40, 0.65],
    ]);
    assert.deepEqual(uneven.plot.notes, [
      "head (feature): x 'epoch' from evaluation/train.json cannot be joined to evaluation/short.csv's rows: evaluation/train.json has 5 rows and evaluation/short.csv 3; DVC pairs them row by row, so both need the same number",
      'no data at the head (feature): showing main only',
    ]);

    // The x file is new in the pull request: the base cannot be drawn, and says why.
    const later = drawn('Later');
    assert.deepEqual(
      later.points.map((p) => [p[0], p[1]]),
      [
        ['feature', 5],
        ['feature', 10],
        ['feature', 15],
        ['feature', 20],
        ['feature', 25],
      ],
    );
    assert.deepEqual(later.plot.notes, [
      "base (main): evaluation/later.csv does not exist, so x 'epoch' from evaluation/later.csv cannot be joined to evaluation/test.json's rows",
      'no data at the base (main): showing feature only',
    ]);

    // No revision can be joined: the plot is an error naming the file and field, never drawn against the row index.
    const noField = plots.get('NoField');
    assert.ok(noField?.kind === 'error', JSON.stringify(noField));
    assert.equal(
      noField.error,
      "plot 'NoField' (dvc.yaml plots[3]): base (main): evaluation/train.json has no x field 'step' (fields: epoch); head (feature): evaluation/train.json has no x field 'step' (fields: epoch)",
    );
  } finally {
    repo.remove();
  }
});

test('a plot over several files draws each file at every revision that has it, named alike, as `dvc plots diff` matches them', async () => {
  const repo = new TempRepo();
  const roc = (fpr: number[], tpr: number[]) => JSON.stringify({ roc: fpr.map((f, i) => ({ fpr: f, tpr: tpr[i] })) });
  try {
    const dvcYaml = 'plots:\n  - ROC:\n      x: fpr\n      y:\n        eval/roc/train.json: tpr\n        eval/roc/test.json: tpr\n';
    const fullSha = repo.commit('full', {
      'dvc.yaml': dvcYaml,
      'eval/roc/train.json': roc([0, 1], [0, 1]),
      'eval/roc/test.json': roc([0, 1], [0.2, 1]),
    });
    repo.git('rm', '-q', 'eval/roc/test.json');
    const partialSha = repo.commit('no test.json', { 'eval/roc/train.json': roc([0, 1], [0.5, 1]) });
    const git = await GitRepo.open(repo.dir);
    const { definitions } = await findPlotDefinitions(repo.dir, null);
    const lines = (plot: unknown) => {
      assert.ok(plot && (plot as { kind: string }).kind === 'vega', JSON.stringify(plot));
      const values = (plot as { spec: { data: { values: Record<string, unknown>[] } } }).spec.data.values;
      return [...new Set(values.map((p) => `${String(p.rev)} ${String(p.series)}`))];
    };

    // The head lacks test.json: its train.json is still drawn beside both of the base's files.
    const [missingAtHead] = await preparePlots(
      git,
      { workspace: repo.dir, base: { sha: fullSha, label: 'main' }, headLabel: 'pr', plotsPaths: null },
      definitions,
    );
    assert.deepEqual(lines(missingAtHead), ['main train.json', 'main test.json', 'pr train.json']);
    assert.deepEqual(missingAtHead!.notes, ['no eval/roc/test.json at the head (pr): it shows main only']);

    // The base lacks it: the base's train.json has the name (and so the dash) the head's has.
    repo.git('checkout', '-q', fullSha);
    const [missingAtBase] = await preparePlots(
      git,
      { workspace: repo.dir, base: { sha: partialSha, label: 'main' }, headLabel: 'pr', plotsPaths: null },
      definitions,
    );
    assert.deepEqual(lines(missingAtBase), ['main train.json', 'pr train.json', 'pr test.json']);
    assert.deepEqual(missingAtBase!.notes, ['no eval/roc/test.json at the base (main): it shows pr only']);
    await git.close();
  } finally {
    repo.remove();
  }
});

test('a field the base file lacks (a metric the pull request adds) is named in the note, not said to be no data', async () => {
  const repo = new TempRepo();
  try {
    const baseSha = repo.commit('base', {
      'dvc.yaml': 'plots:\n  - log.csv: {x: epoch, y: [loss, val_loss]}\n  - Both:\n      x: epoch\n      y: {log.csv: val_loss, other.csv: loss}\n',
      'log.csv': 'epoch,loss\n1,0.9\n2,0.5\n3,0.3\n',
      'other.csv': 'epoch,loss\n1,0.8\n2,0.6\n',
    });
    repo.write({ 'log.csv': 'epoch,loss,val_loss\n1,0.9,1.0\n2,0.5,0.7\n3,0.3,0.6\n' });
    const git = await GitRepo.open(repo.dir);
    const { definitions } = await findPlotDefinitions(repo.dir, null);
    const [log, both] = await preparePlots(git, { workspace: repo.dir, base: { sha: baseSha, label: 'main' }, headLabel: 'pr', plotsPaths: null }, definitions);
    await git.close();
    // DVC leaves that revision out naming the field (FieldNotFoundError: "Could not find provided field ('val_loss')").
    assert.deepEqual(log!.notes, ["base (main): log.csv has no y field 'val_loss' (fields: epoch, loss)", 'no data at the base (main): showing pr only']);
    // The base's other file is still drawn; the one without the field is said to show the head alone, and why.
    assert.deepEqual(both!.notes, ["base (main): log.csv has no y field 'val_loss' (fields: epoch, loss): it shows pr only"]);
  } finally {
    repo.remove();
  }
});

test("an empty image at the head (a killed run) says it is empty, and the base's image is still shown", async () => {
  const repo = new TempRepo();
  try {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]);
    const baseSha = repo.commit('base', { 'dvc.yaml': 'plots:\n  - images\n', 'images/sample.png': png });
    repo.write({ 'images/sample.png': '' });
    const git = await GitRepo.open(repo.dir);
    const { definitions } = await findPlotDefinitions(repo.dir, null);
    const prepared = await preparePlots(git, { workspace: repo.dir, base: { sha: baseSha, label: 'main' }, headLabel: 'pr', plotsPaths: null }, definitions);
    await git.close();
    const sample = prepared.find((p) => p.id === 'images/sample.png');
    assert.ok(sample?.kind === 'image', JSON.stringify(sample));
    assert.equal(sample.head, null);
    assert.deepEqual(sample.base, png);
    assert.deepEqual(sample.notes, ["head (pr): images/sample.png is empty (0 bytes): showing main's"]);
  } finally {
    repo.remove();
  }
});

test("each revision's data is drawn under the plots its own dvc.yaml defines, as `dvc plots diff` groups them by id", async () => {
  const repo = new TempRepo();
  try {
    const rows = (k: number) => `step,loss\n0,${1 / k}\n1,${0.5 / k}\n`;
    // The pull request renames the base's plots/x.csv to NewLoss, keeps Acc, drops the Old folder and adds Fresh.
    const baseSha = repo.commit('base', {
      'dvc.yaml':
        'plots:\n  - plots/x.csv: {x: step, y: loss, title: Old title}\n  - Acc: {x: step, y: {plots/acc.csv: loss}}\n  - old\n  - plots/fresh.csv: {x: step, y: loss}\n',
      'plots/x.csv': rows(1),
      'plots/acc.csv': rows(1),
      'old/a.csv': rows(1),
      'plots/fresh.csv': rows(1),
    });
    repo.git('rm', '-q', '-r', 'old');
    repo.commit('head', {
      'dvc.yaml':
        'plots:\n  - NewLoss: {x: step, y: {plots/x.csv: loss}}\n  - Acc: {x: step, y: {plots/acc.csv: loss}}\n  - Fresh: {x: step, y: {plots/fresh.csv: loss}}\n',
      'plots/x.csv': rows(2),
      'plots/acc.csv': rows(2),
      'plots/fresh.csv': rows(2),
    });
    const git = await GitRepo.open(repo.dir);
    const { definitions, errors } = await findPlotDefinitions(repo.dir, null, undefined, undefined, undefined, {
      sha: baseSha,
      tree: commitTree(git, baseSha, 'main'),
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(
      definitions.map((d) => [d.id, d.only ?? 'both']),
      [
        ['NewLoss', 'head'],
        ['Acc', 'both'],
        ['Fresh', 'head'],
        ['plots/x.csv', 'base'],
        ['old/a.csv', 'base'],
        ['plots/fresh.csv', 'base'],
      ],
    );
    const prepared = await preparePlots(git, { workspace: repo.dir, base: { sha: baseSha, label: 'main' }, headLabel: 'pr', plotsPaths: null }, definitions);
    await git.close();
    const shown = prepared.map((p) => {
      assert.ok(p.kind === 'vega', JSON.stringify(p));
      const revs = new Set((p.spec.data as { values: Record<string, unknown>[] }).values.map((v) => v.rev));
      return [p.id, p.title, [...revs].join(' '), p.notes.join('; ')];
    });
    assert.deepEqual(shown, [
      ['NewLoss', 'NewLoss', 'pr', 'not in dvc.yaml at the base (main): showing pr only'],
      ['Acc', 'Acc', 'main pr', ''],
      ['Fresh', 'Fresh', 'pr', 'not in dvc.yaml at the base (main): showing pr only'],
      ['plots/x.csv', 'Old title', 'main', 'not in dvc.yaml at the head (pr): showing main only'],
      ['old/a.csv', 'old/a.csv', 'main', 'not in dvc.yaml at the head (pr): showing main only'],
      ['plots/fresh.csv', 'plots/fresh.csv', 'main', 'not in dvc.yaml at the head (pr): showing main only'],
    ]);
  } finally {
    repo.remove();
  }
});

test("a base dvc.yaml that does not load leaves the head's definitions to draw both revisions", async () => {
  const repo = new TempRepo();
  try {
    const baseSha = repo.commit('base', { 'dvc.yaml': 'plots: [\n', 'x.csv': 'step,loss\n0,1\n' });
    repo.commit('head', { 'dvc.yaml': 'plots:\n  - x.csv: {x: step, y: loss}\n', 'x.csv': 'step,loss\n0,2\n' });
    const git = await GitRepo.open(repo.dir);
    const { definitions } = await findPlotDefinitions(repo.dir, null, undefined, undefined, undefined, {
      sha: baseSha,
      tree: commitTree(git, baseSha, 'main'),
    });
    await git.close();
    assert.deepEqual(
      definitions.map((d) => [d.id, d.only ?? 'both']),
      [['x.csv', 'both']],
    );
  } finally {
    repo.remove();
  }
});
