import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlotData } from '../../src/plots/data';
import { resolveSources } from '../../src/plots/datapoints';
import { plotsFromPaths } from '../../src/plots/definitions';

test('a JSON or YAML plot file with no list of rows says what shape DVC reads; an empty CSV says only that it has no rows', () => {
  const resolve = (file: string, text: string) => () => resolveSources(plotsFromPaths([file])[0]!, new Map([[file, parsePlotData(file, text)]]));
  const shape = /: DVC plots read a list of objects, such as \[\{"epoch": 1, "loss": 0\.5\}, …\], at the top or under any key$/;
  assert.throws(resolve('metrics.json', '{"epoch": 1, "loss": 0.5}'), (e: Error) => /^metrics\.json has no data rows/.test(e.message) && shape.test(e.message));
  assert.throws(resolve('scores.yaml', '- 1\n- 2\n'), shape);
  assert.throws(resolve('log.csv', 'epoch,loss\n'), (e: Error) => e.message === 'log.csv has no data rows');
});

test("a plot without y draws the last key of the first list's first object, as DVC's _infer_y_from_data picks it", () => {
  const ys = (file: string, text: string) => resolveSources(plotsFromPaths([file])[0]!, new Map([[file, parsePlotData(file, text)]]))[0]!.ys;
  // The merged rows are {step, loss, acc}: their last key is acc, but DVC looks at the first list alone.
  const two = {
    loss: [
      { step: 0, loss: 1 },
      { step: 1, loss: 0.5 },
    ],
    acc: [
      { step: 0, acc: 0.1 },
      { step: 1, acc: 0.9 },
    ],
  };
  assert.deepEqual(ys('ll.json', JSON.stringify(two)), ['loss']);
  // Lists are found depth first, in the document's order; a list of other things is passed over.
  const nested = { notes: ['a', 'b'], train: [{ x: 0, a: 1 }], meta: { test: [{ x: 0, b: 2 }] } };
  assert.deepEqual(ys('n.json', JSON.stringify(nested)), ['a']);
  assert.deepEqual(ys('n.yaml', 'meta:\n  test:\n  - {x: 0, b: 2}\ntrain:\n- {x: 0, a: 1}\n'), ['b']);
  assert.deepEqual(ys('log.csv', 'epoch,loss,acc\n1,0.5,0.9\n'), ['acc']);
});
