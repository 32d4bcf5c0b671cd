import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEvent } from '../../src/config/event';
import { historyStoreSettings } from '../../src/config/history-store';

const repository = { default_branch: 'main', full_name: 'octo/iris' };
const event = (payload: object) => parseEvent(payload, 'test event');

describe('the history-branch input: only a push to the default branch records', () => {
  test('a push to the default branch records on mlreport-history unless the input names another branch', () => {
    assert.deepEqual(historyStoreSettings('', 'push', event({ ref: 'refs/heads/main', repository })), { branch: 'mlreport-history', record: true });
    assert.deepEqual(historyStoreSettings('ml/history', 'push', event({ ref: 'refs/heads/main', repository })), { branch: 'ml/history', record: true });
  });

  test('pull requests (a fork’s too), other branches, tags and other events only read', () => {
    const pr = { ref: 'refs/heads/main', pull_request: { number: 1, base: { sha: 'a'.repeat(40), ref: 'main' } }, repository };
    for (const [name, payload] of [
      ['pull_request', pr],
      ['pull_request_target', pr],
      ['push', { ref: 'refs/heads/feature', repository }],
      ['push', { ref: 'refs/tags/main', repository }],
      ['push', { ref: 'refs/heads/main' }],
      ['workflow_dispatch', { ref: 'refs/heads/main', repository }],
    ] as const) {
      assert.deepEqual(historyStoreSettings('', name, event(payload)), { branch: 'mlreport-history', record: false }, `${name} ${JSON.stringify(payload)}`);
    }
  });

  test('`off` turns the store off; a name git would refuse is an error naming the input', () => {
    assert.equal(historyStoreSettings('off', 'push', event({ ref: 'refs/heads/main', repository })), null);
    for (const bad of ['-x', 'a..b', 'a b', 'x.lock', 'a/', '/a', 'a//b', 'a:b', 'a~1']) {
      assert.throws(() => historyStoreSettings(bad, 'push', event({})), /^UserError: Input 'history-branch' must be a branch name/, bad);
    }
  });
});
