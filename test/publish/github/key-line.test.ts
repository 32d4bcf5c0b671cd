import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyLine } from '../../../src/publish/github/key-line';

test('keyLine finds a flattened key in JSON and YAML, segment by segment', () => {
  const json = '{\n  "train": {\n    "loss": 0.3,\n    "acc": 0.9\n  },\n  "test": {\n    "loss": 0.4\n  }\n}\n';
  assert.equal(keyLine(json, 'train.loss'), 3);
  assert.equal(keyLine(json, 'test.loss'), 7);
  assert.equal(keyLine(json, 'train.acc'), 4);
  const yaml = 'accuracy: 0.9\nnested:\n  accuracy: 0.8\n';
  assert.equal(keyLine(yaml, 'accuracy'), 1);
  assert.equal(keyLine(yaml, 'nested.accuracy'), 3);
  assert.equal(keyLine('{"a": 1}', 'missing'), 1);
  assert.equal(keyLine('{"x": {"y": 1}}\n', 'x.z'), 1);
});
