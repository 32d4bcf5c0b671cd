import { after, describe, test } from 'node:test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { fitValue, LOG_BATCH_LIMITS, mlflowKey, splitBatches } from '../../src/publish/mlflow/batch';
import { parseLoggerCsv, plotCsvFiles } from '../../src/publish/mlflow/series';

const metric = (i: number) => ({ key: `m${i}`, value: i, timestamp: 1, step: 0 });

describe('splitBatches', () => {
  test('counts: 1,500 metrics and 30 params become requests of ≤1000 items, params first', () => {
    const batches = splitBatches({
      metrics: Array.from({ length: 1500 }, (_, i) => metric(i)),
      params: Array.from({ length: 30 }, (_, i) => ({ key: `p${i}`, value: 'v' })),
      tags: [],
    });
    assert.deepEqual(
      batches.map((b) => [b.params.length, b.metrics.length]),
      [
        [30, 970],
        [0, 530],
      ],
    );
  });

  test('bytes: big tag values are spread so no request passes 1 MB', () => {
    const tags = Array.from({ length: 50 }, (_, i) => ({ key: `t${i}`, value: 'x'.repeat(50_000) }));
    const batches = splitBatches({ metrics: [], params: [], tags });
    assert.ok(batches.length >= 3);
    for (const b of batches) assert.ok(Buffer.byteLength(JSON.stringify({ run_id: 'r'.repeat(32), ...b })) <= LOG_BATCH_LIMITS.bytes);
    assert.equal(
      batches.reduce((n, b) => n + b.tags.length, 0),
      50,
    );
  });

  test('nothing to log: no request', () => {
    assert.deepEqual(splitBatches({ metrics: [], params: [], tags: [] }), []);
  });
});

describe('MLflow names and values', () => {
  test('mlflowKey keeps allowed characters and path-like names, replaces the rest', () => {
    const notes: string[] = [];
    assert.equal(mlflowKey('train.loss', notes), 'train.loss');
    assert.equal(mlflowKey('eval/metrics.json/acc', notes), 'eval/metrics.json/acc');
    assert.equal(mlflowKey('a[0]:b', notes), 'a_0__b');
    assert.equal(mlflowKey('./x//y/', notes), 'x/y');
    assert.deepEqual(notes, []);
  });

  test('fitValue cuts to the limit and notes it', () => {
    const notes: string[] = [];
    const v = fitValue('k', 'a'.repeat(600), 500, notes);
    assert.equal(v.length, 500);
    assert.equal(notes.length, 1);
  });
});

describe('parseLoggerCsv (DagsHub logger metrics.csv)', () => {
  test('reads quoted names, ms timestamps and steps; groups rows by name in file order', () => {
    // The shape DagsHub's logger writes: csv.writer with QUOTE_NONNUMERIC, header Name,Value,Timestamp,Step.
    const text = 'Name,Value,Timestamp,Step\n"loss",0.9,1715430000123,1\n"acc",0.5,1715430000124,1\n"loss",0.4,1715430000200,2\n\n';
    const notes: string[] = [];
    const series = parseLoggerCsv('metrics.csv', text, notes);
    assert.deepEqual(series, [
      {
        file: 'metrics.csv',
        name: 'loss',
        points: [
          { step: 1, value: 0.9, timestamp: 1715430000123 },
          { step: 2, value: 0.4, timestamp: 1715430000200 },
        ],
      },
      { file: 'metrics.csv', name: 'acc', points: [{ step: 1, value: 0.5, timestamp: 1715430000124 }] },
    ]);
    assert.deepEqual(notes, []);
  });

  test('missing step is 1 (the logger default); bad rows are skipped with file:line', () => {
    const notes: string[] = [];
    const series = parseLoggerCsv('logs/metrics.csv', 'Name,Value,Timestamp\nloss,0.3,5\nloss,oops,6\n', notes, 99);
    assert.deepEqual(series, [{ file: 'logs/metrics.csv', name: 'loss', points: [{ step: 1, value: 0.3, timestamp: 5 }] }]);
    assert.deepEqual(notes, ['logs/metrics.csv:3: expected name, a finite value, a timestamp in ms and an integer step; row skipped.']);
  });

  test('read as the metrics diff reads it: quoted names may hold commas and line breaks; an empty value is no value', () => {
    const notes: string[] = [];
    const text = 'Name,Value,Timestamp,Step\n"f1, macro",0.5,10,1\n"two\nlines",1,11,1\nloss,,12,1\n';
    assert.deepEqual(parseLoggerCsv('metrics.csv', text, notes), [
      { file: 'metrics.csv', name: 'f1, macro', points: [{ step: 1, value: 0.5, timestamp: 10 }] },
      { file: 'metrics.csv', name: 'two\nlines', points: [{ step: 1, value: 1, timestamp: 11 }] },
    ]);
    assert.deepEqual(notes, ['metrics.csv:5: expected name, a finite value, a timestamp in ms and an integer step; row skipped.']);
  });

  test('an unterminated quote skips the file with a note naming the line', () => {
    const notes: string[] = [];
    assert.deepEqual(parseLoggerCsv('metrics.csv', 'Name,Value,Timestamp,Step\nloss,1,1,1\n"acc,1,2,1\n', notes), []);
    assert.deepEqual(notes, ['metrics.csv:3: unterminated quoted field; file skipped.']);
  });

  test('another CSV format is not a training log', () => {
    assert.equal(parseLoggerCsv('plots/confusion.csv', 'actual,predicted\nsetosa,setosa\n', []), null);
  });
});

describe('wide training logs and where they are', () => {
  test('a step or epoch column and one column per metric; empty and text cells skipped', () => {
    const notes: string[] = [];
    const series = parseLoggerCsv('plots/train_log.csv', 'epoch,loss,val_loss,phase\n1,0.9,1.0,train\n2,0.5,,train\nx,1,1,train\n', notes, 7);
    assert.deepEqual(series, [
      {
        file: 'plots/train_log.csv',
        name: 'loss',
        points: [
          { step: 1, value: 0.9, timestamp: 7 },
          { step: 2, value: 0.5, timestamp: 7 },
        ],
      },
      { file: 'plots/train_log.csv', name: 'val_loss', points: [{ step: 1, value: 1, timestamp: 7 }] },
    ]);
    assert.deepEqual(notes, ['plots/train_log.csv:4: the epoch column is not an integer; row skipped.']);
  });

  test("plotCsvFiles: stage plots and top-level plots' y files, as the plots step reads dvc.yaml", async () => {
    const text = [
      'stages:',
      '  train:',
      '    cmd: python train.py',
      '    plots:',
      '      - plots/train_log.csv:',
      '          cache: false',
      '      - plots/roc.json',
      'plots:',
      '  - Loss:',
      '      x: epoch',
      '      y:',
      '        logs/extra.csv: [loss, val_loss]',
      '  - ./logs/direct.csv',
    ].join('\n');
    assert.deepEqual(await plotCsvFiles(await workspaceWith(text)), ['logs/direct.csv', 'logs/extra.csv', 'plots/train_log.csv']);
    assert.deepEqual(await plotCsvFiles(await workspaceWith('stages: [')), []);
    assert.deepEqual(await plotCsvFiles(await workspaceWith(null)), []);
  });

  test('plotCsvFiles: a stage wdir and ${…} in a plot path resolve as in DVC', async () => {
    const text = [
      'vars:',
      '  - logdir: logs',
      'stages:',
      '  train:',
      '    cmd: python train.py',
      '    wdir: model',
      '    plots:',
      '      - ${logdir}/train.csv',
    ].join('\n');
    assert.deepEqual(await plotCsvFiles(await workspaceWith(text)), ['model/logs/train.csv']);
  });
});

const workspaces: string[] = [];
after(() => Promise.all(workspaces.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A workspace holding just this dvc.yaml (none when null). */
async function workspaceWith(dvcYaml: string | null): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mlreport-plotcsv-'));
  workspaces.push(dir);
  if (dvcYaml !== null) await writeFile(join(dir, 'dvc.yaml'), dvcYaml);
  return dir;
}
