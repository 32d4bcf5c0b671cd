import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github';
import { addPullRequest } from '../fakes/github/routes/pulls';
import { runAction, type ActionRun } from '../helpers/action';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * A `${{ secrets.X }}` written into a `run:` line reaches the action as plain text: the runner masks it in the log, but
 * nothing masks what the action sends to the API or writes to files. So the report names the `run` input's commands by
 * their line and never quotes them.
 */
const REPO = 'octo/iris';
const SECRET_OK = 'wJalrXUtnFEMIK7MDENGbPxRfiCYzzSENTINELone';
const SECRET_FAILED = 'wJalrXUtnFEMIK7MDENGbPxRfiCYzzSENTINELtwo';

describe('the `run` input: a secret in a command line is published nowhere', () => {
  let github: FakeGitHub;
  let repo: TempRepo;
  let run: ActionRun;
  let outDir = '';

  before(async () => {
    github = await startFakeGitHub();
    repo = new TempRepo();
    const base = repo.commit('base', { 'metrics.json': JSON.stringify({ accuracy: 0.9 }) });
    repo.git('checkout', '-q', '-b', 'feature');
    const head = repo.commit('head', { 'metrics.json': JSON.stringify({ accuracy: 0.95 }) });
    addPullRequest(github, REPO, { number: 5, headSha: head });
    outDir = tempDir('mlreport-run-secret-out-');
    run = await runAction({
      workspace: repo.dir,
      eventName: 'pull_request',
      event: {
        pull_request: {
          number: 5,
          head: { sha: head, ref: 'feature', repo: { full_name: REPO } },
          base: { sha: base, ref: 'main', repo: { full_name: REPO } },
        },
        repository: { full_name: REPO, default_branch: 'main' },
      },
      sha: head,
      apiUrl: github.url,
      repository: REPO,
      inputs: {
        metrics: 'metrics.json',
        thresholds: 'accuracy >= 0.5',
        // The second command fails, so the verdict and the Pipeline section speak of it.
        run: `node -e "process.exit(0)" -- --aws-secret=${SECRET_OK}\nnode -e "process.exit(3)" -- --password=${SECRET_FAILED}`,
        'out-dir': outDir,
        artifact: 'off',
      },
    });
  });

  after(async () => {
    await github.stop();
    repo.remove();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(run.runnerTemp, { recursive: true, force: true });
  });

  test('the report still says which command failed, by its line of the input', () => {
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.summary, /^\| run\\\[1\\\] \| ran \|/m);
    assert.match(run.summary, /^\| run\\\[2\\\] \| \*\*failed\*\* \| [^|]+ \| exited with code 3 \|/m);
    const json = JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8'));
    assert.deepEqual(
      json.pipeline.stages.map((s: { name: string }) => s.name),
      ['run[1]', 'run[2]'],
    );
    assert.ok(
      github.requests.some((r) => r.method === 'POST' && r.path.endsWith('/check-runs')),
      'a check run was posted',
    );
    assert.ok(
      github.requests.some((r) => r.method === 'POST' && r.path.endsWith('/issues/5/comments')),
      'a comment was posted',
    );
  });

  test('no request body, job summary, output or out-dir file holds the secret', () => {
    const text = (b: unknown): string => (b === undefined ? '' : Buffer.isBuffer(b) ? b.toString('latin1') : typeof b === 'string' ? b : JSON.stringify(b));
    const seen: { where: string; text: string }[] = [
      ...github.requests.map((r) => ({ where: `GitHub ${r.method} ${r.path}`, text: `${r.path}\n${text(r.body)}` })),
      { where: 'the job summary', text: run.summary },
      ...Object.entries(run.outputs).map(([name, value]) => ({ where: `output ${name}`, text: value })),
      ...filesUnder(outDir).map((file) => ({ where: file, text: readFileSync(file, 'latin1') })),
    ];
    assert.ok(seen.length > 5, `searched ${seen.length} places`);
    const leaks = seen.flatMap(({ where, text: t }) => [SECRET_OK, SECRET_FAILED].filter((s) => t.includes(s)).map((s) => `${where} contains ${s}`));
    assert.deepEqual(leaks, []);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
