import { describe, test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub, startFakeGitHub } from '../fakes/github';
import { comments } from '../fakes/github/routes/comments';
import { addPullRequest } from '../fakes/github/routes/pulls';
import { gitStore } from '../fakes/github/routes/git-data';
import { runAction, type ActionRun } from '../helpers/action';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * Plots meet GitHub publishing: dist/index.js as the runner starts it, a repository whose dvc.yaml defines a
 * training-loss plot, and the fake GitHub API. Where no image can be hosted the comment and the job summary draw
 * the plot's series as a Mermaid chart; where the images are hosted, the summary links them too.
 */
const REPO = 'octo/iris';
const TOKEN = 'ghs_plotsE2eToken';
const DVC_YAML = 'plots:\n  - Loss: {x: epoch, y: {logs/train.csv: [loss, val_loss]}, title: Training loss}\n';

function trainLog(losses: number[]): string {
  return `epoch,loss,val_loss\n${losses.map((l, i) => `${i + 1},${l},${(l * 1.25).toFixed(3)}`).join('\n')}\n`;
}

let fake: FakeGitHub;
let repo: TempRepo;
let base: string;
let head: string;
let out: string;
const runs: ActionRun[] = [];

beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.tokens.set(TOKEN, FakeGitHub.ACTIONS_BOT);
  repo = new TempRepo();
  base = repo.commit('base', { 'dvc.yaml': DVC_YAML, 'logs/train.csv': trainLog([0.9, 0.6, 0.4]), 'metrics.json': '{"loss": 0.4}' });
  repo.git('checkout', '-q', '-b', 'feature');
  head = repo.commit('head', { 'logs/train.csv': trainLog([0.8, 0.5, 0.3, 0.25]), 'metrics.json': '{"loss": 0.25}' });
  out = tempDir('mlreport-out-');
  addPullRequest(fake, REPO, { number: 5, headSha: head });
});
afterEach(async () => {
  await fake.stop();
  repo.remove();
  rmSync(out, { recursive: true, force: true });
  for (const r of runs.splice(0)) rmSync(r.runnerTemp, { recursive: true, force: true });
});

async function run(inputs: Record<string, string>): Promise<ActionRun> {
  const event = {
    pull_request: { number: 5, head: { sha: head, ref: 'feature', repo: { full_name: REPO } }, base: { sha: base, ref: 'main', repo: { full_name: REPO } } },
    repository: { full_name: REPO, default_branch: 'main' },
  };
  const r = await runAction({
    workspace: repo.dir,
    eventName: 'pull_request',
    event,
    sha: head,
    apiUrl: fake.url,
    repository: REPO,
    inputs: { 'github-token': TOKEN, metrics: 'metrics.json', 'out-dir': out, repro: 'off', ...inputs },
    env: { GITHUB_SERVER_URL: 'https://github.example' },
  });
  runs.push(r);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  return r;
}

const prComment = (): string => {
  const bodies = comments(fake, { params: { owner: 'octo', repo: 'iris' } } as never)
    .filter((c) => c.on === 'pr:5')
    .map((c) => c.body);
  assert.equal(bodies.length, 1);
  return bodies[0]!;
};

/** The chart of the Loss plot: base trained 3 epochs, the PR 4: it spans all 4, the base's lines ending at their third. */
const CHART = [
  '```mermaid',
  '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#1f6feb, #e16f24, #2da44e, #cf222e"}}}}%%',
  'xychart-beta',
  '    title "Training loss"',
  '    x-axis "epoch" [1, 2, 3, 4]',
  '    y-axis "loss, val_loss"',
  '    line [0.9, 0.6, 0.4]',
  '    line [0.8, 0.5, 0.3, 0.25]',
  '    line [1.125, 0.75, 0.5]',
  '    line [1, 0.625, 0.375, 0.313]',
  '```',
  '🟦 `main: loss` · 🟧 `feature: loss` · 🟩 `main: val_loss` · 🟥 `feature: val_loss`',
].join('\n');

describe('plots on GitHub (dist/index.js against the fake API)', () => {
  test("image-store none: the comment and the job summary draw the plot's series as Mermaid; report.json carries it", async () => {
    const r = await run({ 'image-store': 'none' });
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    assert.deepEqual([report.base.label, report.head.label], ['main', 'feature']);
    assert.deepEqual(report.plots[0].series, {
      x: [1, 2, 3, 4],
      lines: [
        { name: 'main: loss', y: [0.9, 0.6, 0.4, null] },
        { name: 'feature: loss', y: [0.8, 0.5, 0.3, 0.25] },
        { name: 'main: val_loss', y: [1.125, 0.75, 0.5, null] },
        { name: 'feature: val_loss', y: [1, 0.625, 0.375, 0.313] },
      ],
      xLabel: 'epoch',
      yLabel: 'loss, val_loss',
    });
    const body = prComment();
    assert.ok(body.includes(CHART), body);
    // No artifact can go up here (no runner's artifact service): the comment names the out-dir, where the files are.
    assert.ok(body.includes(`the image files are in the out-dir (\`${out}\`)`), body);
    assert.doesNotMatch(body, /\]\(plots\//);
    assert.equal(fake.requestsTo('POST /repos/{owner}/{repo}/git/blobs').length, 0);
    assert.ok(r.summary.includes(CHART), r.summary);
    assert.doesNotMatch(r.summary, /\]\(plots\//);
    // report.md keeps the relative link: it sits next to plots/.
    assert.match(readFileSync(join(out, 'report.md'), 'utf8'), /!\[Training loss\]\(plots\/Loss\.png\)/);
  });

  test('image-store branch: the job summary shows the image by the URL the comment uses', async () => {
    const r = await run({});
    const tip = gitStore(fake, { params: { owner: 'octo', repo: 'iris' } }).refs.get('refs/heads/mlreport-assets')!;
    const url = `https://github.example/octo/iris/blob/${tip}/pr-5/${head}/default/Loss.png?raw=true`;
    assert.ok(prComment().includes(`![Training loss](${url})`), prComment());
    assert.ok(r.summary.includes(`![Training loss](${url})`), r.summary);
    assert.doesNotMatch(r.summary, /\]\(plots\/|```mermaid/);
  });
});
