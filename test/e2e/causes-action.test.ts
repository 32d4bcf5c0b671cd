import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { FakeGitHub, startFakeGitHub } from '../fakes/github';
import { comments } from '../fakes/github/routes/comments';
import { addPullRequest } from '../fakes/github/routes/pulls';
import { runAction } from '../helpers/action';
import type { TempRepo } from '../helpers/repo';
import { pipelineRepo, TRAIN } from '../causes/fixture';

const REPO = 'octo/iris';
const TOKEN = 'ghs_causesInstallationToken';

describe('why metrics changed, through the action (dist/index.js against the fake API)', () => {
  let fake: FakeGitHub;
  let repo: TempRepo;
  before(async () => {
    fake = await startFakeGitHub();
    fake.tokens.set(TOKEN, FakeGitHub.ACTIONS_BOT);
    repo = await pipelineRepo();
  });
  after(async () => {
    await fake.stop();
    repo.remove();
  });

  test('a PR changing a param and the training code: the comment and report.json tie the metric to both and to the re-run stage', async () => {
    const base = repo.git('rev-parse', 'HEAD');
    // The author changed the code and the params but did not reproduce: the action's repro (auto) runs `train`.
    const head = repo.commit('fewer epochs', {
      'params.yaml': 'train:\n  epochs: 15\n  lr: 0.1\n',
      'src/train.js': TRAIN.replace('const bias = 0;\n', 'const bias = 0.01;\n'),
    });
    addPullRequest(fake, REPO, { number: 17, headSha: head });
    const event = {
      pull_request: {
        number: 17,
        head: { sha: head, ref: 'fewer-epochs', repo: { full_name: REPO } },
        base: { sha: base, ref: 'main', repo: { full_name: REPO } },
      },
      repository: { full_name: REPO, default_branch: 'main' },
    };
    const run = await runAction({
      workspace: repo.dir,
      eventName: 'pull_request',
      event,
      sha: head,
      apiUrl: fake.url,
      repository: REPO,
      inputs: { 'github-token': TOKEN },
    });
    try {
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const bodies = comments(fake, { params: { owner: 'octo', repo: 'iris' } } as never)
        .filter((c) => c.on === 'pr:17')
        .map((c) => c.body);
      assert.equal(bodies.length, 1);
      assert.match(bodies[0]!, /#### Why it changed\n\n- `accuracy` −0\.5567 \(−83%\) ← `train` re-ran: `train\.epochs` 100→15, `src\/train\.js` \+1\/−1\n/);
      const json = JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8'));
      const causes = json.causes[json.metrics[0].rows.find((r: { key: string }) => r.key === 'accuracy').causes];
      assert.equal(causes.stage, 'train');
      assert.deepEqual(
        causes.stages.map((s: { name: string; status: string }) => [s.name, s.status]),
        [
          ['prepare', 'unchanged'],
          ['train', 'ran'],
        ],
      );
      assert.deepEqual(causes.params, [{ file: 'params.yaml', key: 'train.epochs', old: 100, new: 15, stages: ['train'] }]);
      assert.deepEqual(causes.files, [{ path: 'src/train.js', added: 1, deleted: 1, binary: false, stages: ['train'] }]);
      assert.equal(causes.nothingUpstream, false);
    } finally {
      rmSync(run.runnerTemp, { recursive: true, force: true });
    }
  });
});
