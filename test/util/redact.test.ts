import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addSecret, redact, redactDeep } from '../../src/util/redact';

test('a registered secret is redacted raw, percent-encoded, and in base64 whatever comes before it', () => {
  const secret = 'redact+Me/0123456789=';
  addSecret(secret);
  assert.equal(redact(`token ${secret}.`), 'token ***.');
  assert.equal(redact(`q=${encodeURIComponent(secret)}&x=1`), 'q=***&x=1');
  for (const prefix of ['', 'a', 'ab', 'user:', 'x-access-token:']) {
    for (const encode of [(b: Buffer) => b.toString('base64'), (b: Buffer) => b.toString('base64url')]) {
      const encoded = encode(Buffer.from(`${prefix}${secret}`));
      const out = redact(`header ${encoded} end`);
      assert.match(out, /\*\*\*/, `${prefix}: ${out}`);
      // What is left of the encoding is at most the characters that mix the secret with its neighbours.
      assert.ok(out.replace('header ', '').replace(' end', '').replace('***', '').length <= Math.ceil((prefix.length * 4) / 3) + 4, out);
    }
  }
});

test("URL credentials and authorization headers are redacted whoever's they are; short values are not secrets", () => {
  assert.equal(redact('remote https://bob:hunter22@dvc.example/store failed'), 'remote https://bob:***@dvc.example/store failed');
  assert.equal(redact('extraheader = AUTHORIZATION: basic eC1hY2Nlc3M6YWJj'), 'extraheader = AUTHORIZATION: basic ***');
  addSecret('abc');
  assert.equal(redact('abc'), 'abc');
});

test('redactDeep cleans every string of report data in place, keys too', () => {
  addSecret('deep-secret-42');
  const data = { stages: [{ name: 'train', log: 'printing deep-secret-42' }], metrics: { 'deep-secret-42': 1 }, n: 3, none: null };
  assert.equal(redactDeep(data), data);
  assert.deepEqual(data, { stages: [{ name: 'train', log: 'printing ***' }], metrics: { '***': 1 }, n: 3, none: null });
});

test('redactDeep cleans a list that many rows share, and every row shows it clean', () => {
  addSecret('shared-secret-77');
  const shared = [{ file: 'params.yaml', key: 'token', new: 'shared-secret-77' }, 'log shared-secret-77'];
  const rows = Array.from({ length: 3 }, (_, i) => ({ key: `m${i}`, causes: { params: shared, note: 'row shared-secret-77' } }));
  redactDeep({ rows, again: [shared] });
  for (const row of rows) {
    assert.deepEqual(row.causes.params, [{ file: 'params.yaml', key: 'token', new: '***' }, 'log ***']);
    assert.equal(row.causes.note, 'row ***', 'objects around the shared list are each cleaned');
  }
});

test('redactDeep cleans an object that many rows share once, and every row shows it clean, keys too', () => {
  addSecret('object-secret-31');
  const causes = { basis: 'no-pipeline', unknown: ['read object-secret-31'], 'object-secret-31': 'value object-secret-31' };
  const rows = Array.from({ length: 3 }, (_, i) => ({ key: `m${i}`, causes }));
  const report = { metrics: [{ path: 'm.json', rows }], causes: [causes] };
  redactDeep(report);
  for (const row of report.metrics[0]!.rows) assert.deepEqual(row.causes, { basis: 'no-pipeline', unknown: ['read ***'], '***': 'value ***' });
});
