import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github/index';
import { runAction } from '../helpers/action';
import { TempRepo, tempDir } from '../helpers/repo';

// main: fork → m1; feature: fork → f1 (the change: max_features 200→100, accuracy 0.8→0.9) → f2 (a comment alone).
const origin = new TempRepo('mlreport-origin-');
const fork = origin.commit('fork', {
  'params.yaml': 'max_features: 200\n',
  'metrics.json': '{"accuracy": 0.8}',
  'dvc.yaml': 'metrics:\n  - metrics.json\n',
  'train.py': 'train\n',
});
origin.commit('m1', { 'README.md': 'docs\n' });
origin.git('checkout', '-q', '-b', 'feature', fork);
origin.commit('f1', { 'params.yaml': 'max_features: 100\n', 'metrics.json': '{"accuracy": 0.9}' });
const head = origin.commit('f2', { 'train.py': 'train\n# c\n' });
origin.git('checkout', '-q', 'main');
const created = { ref: 'refs/heads/feature', before: '0'.repeat(40), after: head, created: true, repository: { default_branch: 'main' } };

let fake: FakeGitHub;
before(async () => {
  fake = await startFakeGitHub();
});
after(async () => {
  await fake.stop();
  origin.remove();
});

/** What actions/checkout makes for a push: the pushed branch, one commit deep. */
function checkout(): string {
  const dir = join(tempDir('mlreport-ws-'), 'ws');
  execFileSync('git', ['clone', '-q', '--depth=1', '--branch', 'feature', `file://${origin.dir}`, dir]);
  return dir;
}

test("push of a new branch from actions/checkout's depth-1 clone: compared with where it left the default branch, the whole branch's change", async () => {
  const run = await runAction({ workspace: checkout(), eventName: 'push', event: created, sha: head, apiUrl: fake.url, inputs: { comment: 'off' } });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, new RegExp(`Comparing feature with main \\(${fork}\\)`));
  assert.match(run.summary, /^\*\*mlreport\*\* · `feature` vs `main` \(\w{7}\) · /m);
  assert.match(run.summary, /\| params\.yaml \| max\\_features \| 200 \| 100 \|/);
  // The causes credit the branch's change, not its last commit's comment alone.
  assert.match(run.summary, /`accuracy` \+0\.1 \(\+12%\) ← .*`max_features` 200→100, `train\.py` \+1\/−0/);
  assert.match(run.summary, /\| metrics\.json \| accuracy \| 0\.8 \| 0\.9 \|/);
  assert.doesNotMatch(run.summary, /not the point where this branch left/);
});

test('where the fork point cannot be had, the report names the base used instead and why', async () => {
  // The job's own commit is on no remote: its history cannot be fetched deeper, so only HEAD~1 is within reach.
  const ws = checkout();
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@e', 'commit', '-q', '--allow-empty', '-m', 'made in the job'], { cwd: ws });
  const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ws, encoding: 'utf8' }).trim();
  const run = await runAction({ workspace: ws, eventName: 'push', event: { ...created, after: sha }, sha, apiUrl: fake.url, inputs: { comment: 'off' } });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.summary, /^\*\*mlreport\*\* · `feature` vs `HEAD~1` \(\w{7}\) · /m);
  assert.match(
    run.summary,
    /The base is HEAD\\~1 \(\w{7}\), not the point where this branch left main: this clone is shallow, and HEAD's history could not be fetched deeper to meet main's: .*The changes shown are those since HEAD\\~1, not the whole branch's; to compare with the fork point, fetch the whole history \(actions\/checkout with <code>fetch-depth: 0<\/code>\)\./s,
  );
});
