import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findDatapoints, parsePlotData } from '../../src/plots/data';

describe('parsePlotData', () => {
  test('CSV: header names the fields, values stay strings as in DVC, quotes and CRLF handled', () => {
    const { rows, dagshub } = parsePlotData('a.csv', 'epoch,loss,"note, quoted"\r\n0,1.5,"a ""b"""\r\n1,1.2,x\r\n');
    assert.equal(dagshub, false);
    assert.deepEqual(rows, [
      { epoch: '0', loss: '1.5', 'note, quoted': 'a "b"' },
      { epoch: '1', loss: '1.2', 'note, quoted': 'x' },
    ]);
  });

  test('TSV, and header: false names the columns 0, 1, …', () => {
    assert.deepEqual(parsePlotData('roc.tsv', '0.1\t0.5\n0.2\t0.7\n', false).rows, [
      { 0: '0.1', 1: '0.5' },
      { 0: '0.2', 1: '0.7' },
    ]);
  });

  test('old Mac line ends (a lone CR) end rows too', () => {
    assert.deepEqual(parsePlotData('a.csv', 'a,b\r1,2\r3,4\r').rows, [
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
  });

  test('an unclosed quote names the file and line', () => {
    assert.throws(() => parsePlotData('bad.csv', 'a,b\n1,2\n3,"4\n'), /bad\.csv:3: a quoted field is never closed/);
  });

  test('JSON list, JSON object with a list, and YAML', () => {
    assert.deepEqual(parsePlotData('a.json', '[{"x":1,"y":2}]').rows, [{ x: 1, y: 2 }]);
    assert.deepEqual(parsePlotData('b.json', '{"train":[{"loss":1},{"loss":0.5}]}').rows, [{ loss: 1 }, { loss: 0.5 }]);
    assert.deepEqual(parsePlotData('c.yaml', 'data:\n  - {actual: cat, predicted: dog}\n').rows, [{ actual: 'cat', predicted: 'dog' }]);
  });

  test('invalid JSON names the file, line and column', () => {
    assert.throws(() => parsePlotData('p.json', '[\n{"x": 1,}\n]'), /p\.json:2:\d+: invalid JSON/);
  });

  test('recognises a DagsHub logger metrics.csv (Name,Value,Timestamp,Step)', () => {
    const { rows, dagshub } = parsePlotData('metrics.csv', 'Name,Value,Timestamp,Step\nloss,0.5,1700000000000,1\nacc,0.8,1700000000000,1\n');
    assert.equal(dagshub, true);
    assert.equal(rows.length, 2);
  });

  test('other extensions are refused with the list of supported ones', () => {
    assert.throws(() => parsePlotData('x.txt', ''), {
      message: 'x.txt: plot data must be .json, .yaml, .yml, .csv or .tsv (or an image: .png, .jpg, .jpeg, .gif, .svg).',
    });
  });
});

test('findDatapoints merges lists of same-keyed objects found anywhere, index-wise (DVC get_datapoints)', () => {
  const doc = { train: [{ loss: 1 }, { loss: 0.5 }], meta: { eval: [{ acc: 0.1 }, { acc: 0.2 }] }, mixed: [{ a: 1 }, { b: 2 }], n: 3 };
  assert.deepEqual(findDatapoints(doc), [
    { loss: 1, acc: 0.1 },
    { loss: 0.5, acc: 0.2 },
  ]);
});

test("findDatapoints keeps a list whose later rows lack some of the first row's keys, as DVC _is_datapoints does", () => {
  // DVC (dvc/render/converter/vega.py `_is_datapoints`): the first row's keys must be every key the rows use; a
  // log whose last epoch has no val_loss is still drawn. A later row with a key the first lacks is not data.
  const log = [
    { epoch: 1, loss: 1, val_loss: 1.2 },
    { epoch: 2, loss: 0.5 },
  ];
  assert.deepEqual(findDatapoints(log), log);
  assert.deepEqual(findDatapoints([{ epoch: 1 }, { epoch: 2, loss: 0.5 }]), []);
});
