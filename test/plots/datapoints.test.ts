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
