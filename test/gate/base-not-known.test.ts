import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseNotKnown } from '../../src/gate';
import type { FileDiff } from '../../src/values/types';

/** report.json's `notKnownAtBase`: the metrics files the run's gate judged not known at the base, and why. */
describe('baseNotKnown', () => {
  const file = (path: string, old: number | undefined): FileDiff => ({ path, rows: [{ key: 'acc', old, new: 0.9, changed: true }], notes: [] });

  test('each kind with its reason; a DVC-cached file the history store gave base values for is known', () => {
    const metrics = [file('a.json', undefined), file('b.json', undefined), file('c.json', undefined), file('d.json', 0.8)];
    const found = baseNotKnown(metrics, {
      unreadAtBase: new Map([['a.json', 'main: a.json:1:2: invalid JSON']]),
      notKnownAtBase: new Map([['b.json', 'dvc.yaml at the base (main) does not load: dvc.yaml:3:1: invalid YAML']]),
      cachedAtBase: new Map([
        ['c.json', 'main: no DVC remote specified'],
        ['d.json', 'main: no DVC remote specified'],
      ]),
    });
    assert.deepEqual(found, [
      { file: 'a.json', why: 'a.json cannot be read at the base (main: a.json:1:2: invalid JSON)' },
      { file: 'b.json', why: 'dvc.yaml at the base (main) does not load: dvc.yaml:3:1: invalid YAML' },
      { file: 'c.json', why: 'c.json is DVC-cached and could not be read from the cache or the remote (main: no DVC remote specified)' },
    ]);
  });

  test('every base file read: none', () => {
    assert.deepEqual(baseNotKnown([file('a.json', 0.8)], {}), []);
  });
});
