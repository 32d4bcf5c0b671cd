import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFromAction } from '../../src/config/action';
import { parseEvent } from '../../src/config/event';
import { UserError } from '../../src/util/errors';
import { TempRepo } from '../helpers/repo';

const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const pr = (override: { base?: object; head?: object; number?: unknown } = {}) => ({
  pull_request: {
    number: 'number' in override ? override.number : 7,
    base: { sha: BASE, ref: 'main', ...override.base },
    head: { sha: HEAD, ref: 'feat', ...override.head },
  },
});

describe('the event payload is read in one place, each field checked', () => {
  test('a pull_request and a push payload, as GitHub sends them', () => {
    const event = parseEvent(
      { ...pr({ head: { repo: { full_name: 'someone/iris' } } }), repository: { full_name: 'octo/iris', default_branch: 'main' } },
      'test event',
    );
    assert.deepEqual(event.pullRequest, { number: 7, baseSha: BASE, baseRef: 'main', headSha: HEAD, headRef: 'feat', headRepository: 'someone/iris' });
    assert.equal(event.defaultBranch, 'main');
    assert.equal(event.repository, 'octo/iris');
    const push = parseEvent({ ref: 'refs/heads/main', before: BASE.toUpperCase(), after: HEAD, forced: true }, 'test event');
    assert.deepEqual([push.ref, push.before, push.forced, push.pullRequest], ['refs/heads/main', BASE, true, null]);
    assert.equal(parseEvent({ before: 'c'.repeat(64) }, 'test event').before, 'c'.repeat(64), 'a SHA-256 repository');
  });

  test('a deleted fork (`repo: null`) is told apart from a payload without `repo`', () => {
    assert.equal(parseEvent(pr({ head: { repo: null } }), 'e').pullRequest?.headRepository, null);
    assert.equal(parseEvent(pr(), 'e').pullRequest?.headRepository, undefined);
  });

  test('a field of the wrong type or shape is an error naming the field, its value and what was expected', () => {
    const cases: [unknown, string][] = [
      [pr({ base: { sha: 12345 } }), 'pull_request.base.sha is 12345, expected a commit sha (40 hex characters, or 64 in a SHA-256 repository).'],
      [pr({ base: { sha: 'abc123' } }), 'pull_request.base.sha is "abc123", expected a commit sha'],
      [pr({ head: { sha: 5 } }), 'pull_request.head.sha is 5, expected a commit sha'],
      [pr({ head: { ref: {} } }), 'pull_request.head.ref is {}, expected a branch name (text on one line).'],
      [pr({ head: { ref: 'feat\n::error::x' } }), 'pull_request.head.ref is "feat\\n::error::x", expected a branch name'],
      [pr({ number: -3 }), 'pull_request.number is -3, expected a pull request number (a whole number from 1).'],
      [pr({ number: 1.5 }), 'pull_request.number is 1.5, expected a pull request number'],
      [pr({ number: '7' }), 'pull_request.number is "7", expected a pull request number'],
      [{ pull_request: [] }, 'pull_request is [], expected an object.'],
      [pr({ head: { repo: 'someone/iris' } }), 'pull_request.head.repo is "someone/iris", expected an object.'],
      [{ before: 123, after: HEAD, ref: 'refs/heads/main' }, 'before is 123, expected a commit sha'],
      [{ before: {}, after: [], ref: 5 }, 'ref is 5, expected a git ref such as refs/heads/main (text on one line).'],
      [{ before: BASE, forced: 'yes' }, 'forced is "yes", expected true or false.'],
      [{ repository: { default_branch: 1 } }, 'repository.default_branch is 1, expected a branch name'],
      [{ repository: { full_name: 'a/b/c' } }, 'repository.full_name is "a/b/c", expected a repository as \'owner/name\'.'],
      [{ workflow_run: { head_sha: HEAD, pull_requests: [{ number: 0 }] } }, 'workflow_run.pull_requests[0].number is 0, expected a pull request number'],
      [{ workflow_run: { head_sha: HEAD, pull_requests: {} } }, 'workflow_run.pull_requests is {}, expected a list.'],
      [{ workflow_run: { head_sha: HEAD, id: 'nine' } }, 'workflow_run.id is "nine", expected a run id'],
      [[], 'the payload is [], expected an object.'],
      [null, 'the payload is null, expected a JSON object.'],
    ];
    for (const [payload, message] of cases) {
      assert.throws(
        () => parseEvent(payload, 'GITHUB_EVENT_PATH (pull_request event, /tmp/event.json)'),
        (error: Error) => error instanceof UserError && error.message.startsWith(`GITHUB_EVENT_PATH (pull_request event, /tmp/event.json): ${message}`),
        `${JSON.stringify(payload)} → ${message}`,
      );
    }
  });

  test('a long value is cut short in the message', () => {
    assert.throws(
      () => parseEvent({ ref: { long: 'x'.repeat(500) } }, 'e'),
      (error: Error) => error.message.length < 150 && error.message.includes('…'),
    );
  });

  describe('through configFromAction: the error names GITHUB_EVENT_PATH, the event and the file', () => {
    const repo = new TempRepo().write({ 'dvc.yaml': 'stages: {}\n' });
    after(() => repo.remove());
    const run = (eventName: string, payload: unknown) => {
      const path = join(repo.dir, `${eventName}.json`);
      writeFileSync(path, JSON.stringify(payload));
      return configFromAction({
        env: { GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: path, GITHUB_WORKSPACE: repo.dir, GITHUB_REPOSITORY: 'octo/iris' },
        warn: assert.fail,
      });
    };

    test('pull_request and push payloads with fields of the wrong type', async () => {
      await assert.rejects(
        run('pull_request', pr({ base: { sha: 12345 } })),
        (error: Error) =>
          error instanceof UserError &&
          error.message ===
            `GITHUB_EVENT_PATH (pull_request event, ${join(repo.dir, 'pull_request.json')}): pull_request.base.sha is 12345, expected a commit sha (40 hex characters, or 64 in a SHA-256 repository).`,
      );
      await assert.rejects(
        run('push', { before: {}, after: [], ref: 5 }),
        /^UserError: GITHUB_EVENT_PATH \(push event, .*push\.json\): ref is 5, expected a git ref/,
      );
    });

    test('the checked values reach the config: PR number, head commit, labels', async () => {
      const config = await run('pull_request', pr());
      assert.equal(config.github?.prNumber, 7);
      assert.equal(config.github?.headSha, HEAD);
      assert.equal(config.headLabel, 'feat');
      assert.deepEqual(config.baseCandidates, [{ kind: 'commit', sha: BASE, label: 'main' }]);
      assert.equal(config.github?.forkPr, false);
    });
  });
});
