import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { configFromAction } from '../../src/config/action';
import { publishConfigFromInputs } from '../../src/config/publish-inputs';
import { guardReproduction, mayReproduce } from '../../src/config/repro-guard';
import { tempDir } from '../helpers/repo';

const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('publishing inputs', () => {
  test('defaults', () => {
    assert.deepEqual(publishConfigFromInputs(inputs({}), '/ws'), {
      mode: 'run',
      comment: 'update',
      commentOn: 'auto',
      reportId: 'default',
      imageStore: 'branch',
      assetsBranch: 'mlreport-assets',
      artifactDir: null,
      allowPullRequestTargetRepro: false,
      artifact: 'auto',
    });
  });

  for (const [name, value, message] of [
    ['comment', 'sticky', "Input 'comment' is 'sticky'; expected one of: update, new, off."],
    ['comment-on', 'issue', "Input 'comment-on' is 'issue'; expected one of: auto, pr, commit."],
    ['image-store', 'imgur', "Input 'image-store' is 'imgur'; expected one of: branch, release, none."],
    ['artifact', 'sometimes', "Input 'artifact' is 'sometimes'; expected one of: auto, always, off."],
    ['mode', 'reproduce', "Input 'mode' is 'reproduce'; expected one of: run, publish, aggregate."],
    ['report-id', 'my report', "Input 'report-id' is 'my report'; expected 1-64 letters, digits, '.', '_' or '-'."],
    ['assets-branch', '../x', "Input 'assets-branch' is '../x'; expected a branch name (letters, digits, '.', '_', '-', '/')."],
    ['allow-pull-request-target-repro', 'yes', "Input 'allow-pull-request-target-repro' is 'yes'; expected true or false (also True, TRUE, False, FALSE)."],
  ] as const) {
    test(`an invalid '${name}' names the input and the allowed values`, () => {
      assert.throws(() => publishConfigFromInputs(inputs({ [name]: value }), '/ws'), { name: 'UserError', message });
    });
  }

  test('mode aggregate needs artifact-dir: the folder of downloaded job artifacts', () => {
    assert.throws(
      () => publishConfigFromInputs(inputs({ mode: 'aggregate' }), '/ws'),
      /'mode' is 'aggregate', which needs 'artifact-dir'.*pattern: mlreport-\*/,
    );
    assert.equal(publishConfigFromInputs(inputs({ mode: 'aggregate', 'artifact-dir': 'reports' }), '/ws').artifactDir, join('/ws', 'reports'));
  });

  test('mode publish needs artifact-dir', () => {
    assert.throws(() => publishConfigFromInputs(inputs({ mode: 'publish' }), '/ws'), /needs 'artifact-dir'/);
    assert.equal(publishConfigFromInputs(inputs({ mode: 'publish', 'artifact-dir': 'in' }), '/ws').artifactDir, resolve('/ws', 'in'));
  });

  test('the action reads fork PRs and workflow_run events from the event payload', async (t) => {
    const dir = tempDir();
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const event = join(dir, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: { number: 3, head: { sha: 'f'.repeat(40), ref: 'x', repo: { full_name: 'someone/iris' } }, base: { sha: 'e'.repeat(40), ref: 'main' } },
      }),
    );
    const env = {
      GITHUB_REPOSITORY: 'octo/iris',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_WORKSPACE: dir,
      'INPUT_IMAGE-STORE': 'none',
    };
    const config = await configFromAction({ env, warn: assert.fail });
    assert.equal(config.github?.forkPr, true);
    assert.equal(config.githubPublish?.imageStore, 'none');
    writeFileSync(
      event,
      JSON.stringify({
        workflow_run: {
          id: 9,
          event: 'pull_request',
          head_sha: 'f'.repeat(40),
          head_branch: 'x',
          head_repository: { full_name: 'someone/iris' },
          pull_requests: [],
        },
      }),
    );
    const wr = await configFromAction({ warn: assert.fail, env: { ...env, GITHUB_EVENT_NAME: 'workflow_run' } });
    assert.deepEqual(wr.github?.workflowRun, {
      id: 9,
      event: 'pull_request',
      headSha: 'f'.repeat(40),
      headBranch: 'x',
      headRepository: 'someone/iris',
      pullRequests: [],
    });
    assert.equal(wr.github?.forkPr, false);
  });
});

describe('repro guard', () => {
  test("refuses to reproduce on every event with the base repository's token and secrets unless explicitly allowed", () => {
    const privileged = [
      'pull_request_target',
      'workflow_run',
      'issue_comment',
      'pull_request_review_comment',
      'pull_request_review',
      'check_run',
      'discussion',
    ];
    for (const event of privileged) {
      const refused = mayReproduce(event, false);
      assert.equal(refused.allowed, false, event);
      assert.match(!refused.allowed ? refused.reason : '', new RegExp(`on '${event}'.*allow-pull-request-target-repro: true`), event);
      assert.deepEqual(mayReproduce(event, true), { allowed: true });
    }
    for (const event of ['pull_request', 'push', 'workflow_dispatch', 'schedule', 'merge_group', ''])
      assert.deepEqual(mayReproduce(event, false), { allowed: true });
  });

  test('guardReproduction turns the step off (repro and run commands), and says so only when something would have run', () => {
    const step = { workspace: '/w', repro: 'auto', runCommands: ['python train.py'] };
    const refused = guardReproduction(step, 'pull_request_target', false);
    assert.deepEqual(refused.step, { workspace: '/w', repro: 'off', runCommands: [] });
    assert.match(refused.refused ?? '', /pull_request_target/);
    assert.equal(guardReproduction({ ...step, repro: 'off', runCommands: [] }, 'pull_request_target', false).refused, null);
    assert.deepEqual(guardReproduction(step, 'pull_request_target', true), { step, refused: null });
    assert.deepEqual(guardReproduction(step, 'pull_request', false), { step, refused: null });
  });
});
