import { describe, test, after } from 'node:test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FakeArtifactService } from '../fakes/artifact/server';
import { FakeGitHub, startFakeGitHub } from '../fakes/github';
import { comments } from '../fakes/github/routes/comments';
import { addPullRequest } from '../fakes/github/routes/pulls';
import { runAction, type ActionRun } from '../helpers/action';
import { runCli, type ProcessResult } from '../helpers/cli';
import { gone } from '../helpers/processes';
import { readZip } from '../helpers/zip';
import { TempRepo, tempDir } from '../helpers/repo';
import { readReportJson } from '../helpers/report';

function pids(dir: string): number[] {
  return ['worker.pid', 'shell.pid'].map((f) => Number(readFileSync(join(dir, f), 'utf8').trim()));
}

/** SLOW's shell and its background worker have both ended. */
async function assertEnded(dir: string, what = 'the stage'): Promise<void> {
  for (const pid of pids(dir)) assert.ok(await gone(pid), `process ${pid} of ${what} still runs`);
}

/** A new repository and out-dir for `body`, removed after it. */
async function inRepo(body: (repo: TempRepo, out: string) => Promise<void>): Promise<void> {
  const repo = new TempRepo();
  const out = tempDir();
  try {
    await body(repo, out);
  } finally {
    repo.remove();
    rmSync(out, { recursive: true, force: true });
  }
}

/** `mlreport report --base HEAD --repro builtin` with a budget of 0.05 min (3 s) and `args`, its report in `out`. */
function budgetedReport(repo: TempRepo, out: string, args: string[]): Promise<ProcessResult> {
  return runCli(['report', '--base', 'HEAD', '--repro', 'builtin', '--deadline-minutes', '0.05', ...args, '--out', out, '--quiet'], repo.dir);
}

// The stage starts a long sleep in the background (as training starts workers) and waits for it; the plot and the
// evaluate stage come after it. 3 s (0.05 min) of budget: the stage is still running when it is spent.
/** PR #5 of octo/iris: main's metrics.json (acc 0.5), then the feature branch's (acc 0.7), both committed. */
function pullRequestCommits(repo: TempRepo): { base: string; head: string } {
  const base = repo.commit('base', { 'metrics.json': '{"acc": 0.5}' });
  repo.git('checkout', '-q', '-b', 'feature');
  return { base, head: repo.commit('head', { 'metrics.json': '{"acc": 0.7}' }) };
}

/** The `pull_request` payload of PR #5 from `feature` into `main`. */
function pullRequestEvent(base: string, head: string): unknown {
  return {
    pull_request: {
      number: 5,
      head: { sha: head, ref: 'feature', repo: { full_name: 'octo/iris' } },
      base: { sha: base, ref: 'main', repo: { full_name: 'octo/iris' } },
    },
    repository: { full_name: 'octo/iris', default_branch: 'main' },
  };
}

/**
 * The action on PR #5's `pull_request` event (its commits made by `commits` in a new repository) against the fake
 * GitHub API, with a budget of 0.05 min (3 s): metrics.json compared, the report in `out`, no image store, and
 * `inputs`. The run fails (exit 1); `check` looks at the rest.
 */
async function budgetedActionOnPullRequest(
  commits: (repo: TempRepo) => { base: string; head: string },
  inputs: Record<string, string>,
  check: (run: { r: ActionRun; repo: TempRepo; fake: FakeGitHub; out: string }) => Promise<void>,
): Promise<void> {
  const fake = await startFakeGitHub();
  const repo = new TempRepo();
  const out = tempDir();
  after(() => rmSync(out, { recursive: true, force: true }));
  try {
    fake.tokens.set('ghs_deadlineToken', FakeGitHub.ACTIONS_BOT);
    const { base, head } = commits(repo);
    addPullRequest(fake, 'octo/iris', { number: 5, headSha: head });
    const r = await runAction({
      workspace: repo.dir,
      eventName: 'pull_request',
      event: pullRequestEvent(base, head),
      sha: head,
      apiUrl: fake.url,
      inputs: { 'github-token': 'ghs_deadlineToken', metrics: 'metrics.json', 'out-dir': out, 'deadline-minutes': '0.05', 'image-store': 'none', ...inputs },
    });
    rmSync(r.runnerTemp, { recursive: true, force: true });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    await check({ r, repo, fake, out });
  } finally {
    await fake.stop();
    repo.remove();
  }
}

const SLOW = 'sleep 300 & echo $! > worker.pid; echo $$ > shell.pid; wait';
// A step that, ended by the budget, finishes cleanly (as training that checkpoints on SIGTERM does): the budget is then
// spent before the next one starts, with nothing running.
const ENDS_ON_TERM = "echo trained > model.txt; trap 'exit 0' TERM; sleep 300 & wait";
const DVC_YAML = `stages:
  train:
    cmd: ${SLOW}
  evaluate:
    cmd: echo evaluated > evaluated.txt
    deps: [worker.pid]
    outs: [evaluated.txt]
plots:
  - logs/train.csv:
      x: epoch
      y: loss
`;
const TRAIN_LOG = 'epoch,loss\n1,0.9\n2,0.5\n';

describe('the run deadline (deadline-minutes)', { skip: process.platform === 'win32' }, () => {
  test('report --deadline-minutes: the running stage is ended with its worker, the rest is cut, the report says so', async () => {
    await inRepo(async (repo, out) => {
      repo.commit('base', { 'metrics.json': '{"acc": 0.5}', 'dvc.yaml': DVC_YAML, 'logs/train.csv': TRAIN_LOG });
      repo.write({ 'metrics.json': '{"acc": 0.7}' });
      const started = performance.now();
      const r = await budgetedReport(repo, out, ['--metrics', 'metrics.json']);
      const seconds = (performance.now() - started) / 1000;
      assert.equal(r.code, 1, 'the pipeline did not complete: exit 1');
      assert.ok(seconds < 60, `ended ${seconds.toFixed(1)} s after it started, not when the stage would have`);
      await assertEnded(repo.dir);
      const report = readReportJson(out);
      const [train, evaluate] = report.pipeline.stages;
      assert.equal(report.pipeline.stages.length, 2);
      assert.equal(train.status, 'failed');
      // The CLI's own option, not the action's input.
      assert.match(train.error, /stopped: the run's time budget \(3 s, `--deadline-minutes`\) was spent/);
      assert.equal(evaluate.status, 'not-run');
      // What was gathered before the deadline is reported; what came after it is a note where it would have been.
      assert.equal(report.metrics[0].rows[0].new, 0.7);
      assert.match(report.plots[0].error, /logs\/train\.csv.*not done: the run's time budget/);
      assert.match(
        report.warnings[0],
        /^The run's time budget \(3 s, `--deadline-minutes`\) was spent, so the report is incomplete: stage 'train' stopped while running; stage 'evaluate' skipped; plot 'logs\/train\.csv' skipped\.$/,
      );
      const md = readFileSync(join(out, 'report.md'), 'utf8');
      assert.match(md, /### Notes\n\n- The run's time budget/);
      assert.ok(!existsSync(join(repo.dir, 'evaluated.txt')), 'the stage after the deadline did not run');
    });
  });

  test('a stage the budget ended reads as cut, not failed: verdict, the stages after it, the rules on them, the Pipeline cell', async () => {
    await inRepo(async (repo, out) => {
      repo.commit('base', {
        'metrics.json': '{"acc": 0.5}',
        'better.json': '{"acc": 0.9}',
        'dvc.yaml': `stages:\n  train:\n    cmd: ${SLOW}\n    outs: [model.txt]\n  evaluate:\n    cmd: cp better.json metrics.json\n    deps: [model.txt, better.json]\n    outs:\n      - metrics.json:\n          cache: false\nmetrics: [metrics.json]\n`,
      });
      const r = await budgetedReport(repo, out, ['--threshold', 'acc >= 0.5']);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      await assertEnded(repo.dir);
      const report = readReportJson(out);
      const [train, evaluate] = report.pipeline.stages;
      assert.equal(train.stopped, true);
      const cut = "the pipeline stopped before it: the run's time budget was spent while stage 'train' ran";
      assert.deepEqual(evaluate.reasons, [cut]);
      assert.match(report.verdict.line, /^❌ pipeline stopped: the run's time budget was spent while stage train ran; a rule could not check this change/);
      assert.deepEqual(report.stale, [{ stage: 'evaluate', reasons: [`did not run (${cut})`] }]);
      assert.ok(report.gates.rules[0].detail.includes(`which did not run (${cut})`), report.gates.rules[0].detail);
      const md = readFileSync(join(out, 'report.md'), 'utf8');
      assert.match(md, /\| train \| \*\*failed\*\* \| [\d.]+ s \| stopped: the run's time budget \(3 s, <code>--deadline-minutes<\/code>\) was spent \|/);
      assert.doesNotMatch(md, /upstream stage 'train' failed/);
    });
  });

  test('a cut stage whose non-persistent out was deleted: the notes show `deadline-minutes` as code, and the rule says the head has no value', async () => {
    await inRepo(async (repo, out) => {
      repo.commit('base', {
        'm.json': '{"acc": 0.8}',
        'dvc.yaml': `stages:\n  train:\n    cmd: ${SLOW}\n    outs:\n      - m.json:\n          cache: false\nmetrics: [m.json]\n`,
      });
      // The history rule gives acc a trend (one base run is no band of its own), which the budget leaves undrawn.
      const r = await budgetedReport(repo, out, ['--threshold', 'acc >= base - 0.1', '--threshold', 'acc >= history.min', '--history', '5']);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      await assertEnded(repo.dir);
      const md = readFileSync(join(out, 'report.md'), 'utf8');
      const spent = "the run's time budget \\(3 s, <code>--deadline-minutes</code>\\) was spent";
      assert.match(md, new RegExp(`^> - \`train\`: failed \\(stopped: ${spent}\\)$`, 'm'));
      assert.match(md, new RegExp(`^_trend of 'acc' in m\\.json: not done: ${spent}_$`, 'm'));
      assert.doesNotMatch(md, /\\`/, 'no backslash-escaped backtick is left to show');
      const rule = readReportJson(out).gates.rules[0];
      assert.equal(rule.head, null);
      assert.match(
        rule.detail,
        /^Not checked: `m\.json:acc` comes from stage 'train', which failed \(stopped: .*\), so the head has no value of it from this change \(/,
      );
      assert.doesNotMatch(rule.detail, /compared the last run's values/);
    });
  });

  test('the budget spent between two stages: the verdict says the run was stopped by it, as when it ends a running stage', async () => {
    await inRepo(async (repo, out) => {
      repo.commit('base', {
        'metrics.json': '{"acc": 0.5}',
        'better.json': '{"acc": 0.9}',
        'dvc.yaml':
          `stages:\n  train:\n    cmd: ${ENDS_ON_TERM}\n    outs: [model.txt]\n` +
          '  evaluate:\n    cmd: cp better.json metrics.json\n    deps: [model.txt, better.json]\n    outs:\n      - metrics.json:\n          cache: false\nmetrics: [metrics.json]\n',
      });
      const report = async (...rules: string[]) => {
        const r = await budgetedReport(
          repo,
          out,
          rules.flatMap((x) => ['--threshold', x]),
        );
        return { code: r.code, json: readReportJson(out), md: readFileSync(join(out, 'report.md'), 'utf8') };
      };
      const gated = await report('acc >= 0.5');
      assert.equal(gated.code, 1);
      // train ended as asked and completed; the budget was spent before evaluate started.
      assert.deepEqual(
        gated.json.pipeline.stages.map((s: { name: string; status: string; stopped?: true }) => [s.name, s.status, s.stopped]),
        [
          ['train', 'ran', undefined],
          ['evaluate', 'not-run', true],
        ],
      );
      // Before, the line was the gate's ("stage 'evaluate' did not run"), or without a rule "no metric changed".
      assert.equal(
        gated.json.verdict.line,
        "❌ pipeline stopped: the run's time budget was spent before stage evaluate started; a rule could not check this change (values of stages that did not run)",
      );
      assert.match(gated.md, /^## ❌ pipeline stopped: the run's time budget was spent before stage evaluate started;/m);
      assert.equal(gated.json.gates.rules[0].status, 'error');
      assert.deepEqual(gated.json.stale, [
        { stage: 'evaluate', reasons: ["did not run (not done: the run's time budget (3 s, `--deadline-minutes`) was spent)"] },
      ]);
      // Again from the commit, without a rule.
      repo.git('checkout', '--', '.');
      repo.git('clean', '-fdxq');
      const plain = await report();
      assert.equal(plain.code, 1);
      assert.equal(plain.json.verdict.line, "❌ pipeline stopped: the run's time budget was spent before stage evaluate started");
    });
  });

  test('the action: the budget spent before a `run` command starts stops the run the same way, and the pipeline after it', async () => {
    const withPipeline = (repo: TempRepo) => {
      const { base } = pullRequestCommits(repo);
      const head = repo.commit('pipeline', {
        'better.json': '{"acc": 0.9}',
        'dvc.yaml':
          'stages:\n  evaluate:\n    cmd: cp better.json metrics.json\n    deps: [better.json]\n    outs:\n      - metrics.json:\n          cache: false\n',
      });
      return { base, head };
    };
    const inputs = { repro: 'builtin', run: `${ENDS_ON_TERM}\necho second > second.txt`, thresholds: 'acc >= 0.5' };
    await budgetedActionOnPullRequest(withPipeline, inputs, async ({ r, repo, out }) => {
      assert.ok(!existsSync(join(repo.dir, 'second.txt')), 'the second run command did not start');
      const report = readReportJson(out);
      assert.deepEqual(
        report.pipeline.stages.map((s: { name: string; status: string; stopped?: true }) => [s.name, s.status, s.stopped]),
        [
          // Named by their place in the input, never quoted (a secret in a command's text is not masked here).
          ['run[1]', 'ran', undefined],
          ['run[2]', 'not-run', true],
        ],
      );
      assert.equal(
        report.verdict.line,
        "❌ pipeline stopped: the run's time budget was spent before stage run[2] started; a rule could not check this change (values of stages that did not run)",
      );
      // The pipeline after the commands did not start either, for the same reason.
      assert.deepEqual(report.stale, [{ stage: 'evaluate', reasons: ["did not run (not done: the run's time budget (3 s, `deadline-minutes`) was spent)"] }]);
      assert.match(r.summary, /^## ❌ pipeline stopped: the run's time budget was spent before stage run\\\[2\\\] started;/m);
    });
  });

  test('the action: a slow `run` command is ended; the comment and the job summary still go out with the note', async () => {
    const inputs = { repro: 'off', run: `${SLOW}\necho second > second.txt` };
    await budgetedActionOnPullRequest(pullRequestCommits, inputs, async ({ r, repo, fake, out }) => {
      await assertEnded(repo.dir, 'the run command');
      const bodies = comments(fake, { params: { owner: 'octo', repo: 'iris' } } as never).filter((c) => c.on === 'pr:5');
      assert.equal(bodies.length, 1, 'the comment was posted');
      for (const text of [bodies[0]!.body, r.summary, readFileSync(join(out, 'report.md'), 'utf8')]) {
        assert.match(
          text,
          /The run's time budget \(3 s, <code>deadline-minutes<\/code>\) was spent, so the report is incomplete: run\\\[1\\\] stopped while running\.\n/,
        );
        assert.match(text, /\| metrics\.json \| acc \| 0\.5 \| 0\.7 \|/);
      }
      assert.ok(!existsSync(join(repo.dir, 'second.txt')), 'the second run command did not start');
    });
  });
  test("mode publish and mode aggregate: an API that never answers is waited for until the budget's grace ends, not through every retry", async () => {
    // Accepts connections and never answers. Without the budget each request would be tried 5 times, 30 s each.
    const hung = createServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(hung.address() as AddressInfo).port}`;
    const repo = new TempRepo();
    const artifacts = tempDir();
    try {
      const head = repo.commit('base', { 'metrics.json': '{"acc": 0.5}' });
      // The folder a job of the first workflow uploads, made by the real report command; aggregate reads a folder of them.
      const made = await runCli(['report', '--base', 'HEAD', '--metrics', 'metrics.json', '--out', join(artifacts, 'mlreport-a'), '--quiet'], repo.dir);
      assert.equal(made.code, 0, made.stderr);
      const pr = {
        number: 5,
        head: { sha: head, ref: 'feature', repo: { full_name: 'octo/iris' } },
        base: { sha: head, ref: 'main', repo: { full_name: 'octo/iris' } },
      };
      const common = { workspace: repo.dir, sha: head, apiUrl, inputs: { 'deadline-minutes': '0.01', 'image-store': 'none', artifact: 'off' } };
      const [published, aggregated] = await Promise.all([
        runAction({
          ...common,
          eventName: 'workflow_run',
          event: {
            workflow_run: { id: 9, event: 'pull_request', head_sha: head, head_branch: 'feature', pull_requests: [pr] },
            repository: { full_name: 'octo/iris', default_branch: 'main' },
          },
          inputs: { ...common.inputs, mode: 'publish', 'artifact-dir': join(artifacts, 'mlreport-a') },
        }),
        runAction({
          ...common,
          eventName: 'pull_request',
          event: { pull_request: pr, repository: { full_name: 'octo/iris', default_branch: 'main' } },
          inputs: { ...common.inputs, mode: 'aggregate', 'artifact-dir': artifacts },
        }),
      ]);
      for (const r of [published, aggregated]) {
        rmSync(r.runnerTemp, { recursive: true, force: true });
        assert.equal(r.code, 1, r.stdout + r.stderr);
        assert.match(
          r.stdout,
          /::error::GitHub comment: .*no answer before the run's time budget \(0\.6 s, `deadline-minutes`, with at least 30 s to publish\) was spent/,
        );
        assert.doesNotMatch(r.stdout, /retry 2 of 4/);
        // `artifact: off` (and `mode: publish`, which uploads none): the failure names no artifact to look for; `mode:
        // publish` names the job summary and report.md it writes from the re-checked report.
        const where =
          r === published
            ? /The re-checked report is in the job summary and in [^\n]*report\.md; its plot images are in [^\n]*, the artifact this workflow downloaded\.\n/
            : /The comparison is in the job summary and in [^\n]*\.\n/;
        assert.match(r.stdout, where);
        assert.doesNotMatch(r.stdout, /uploads that folder as the workflow artifact/);
      }
    } finally {
      hung.closeAllConnections();
      hung.close();
      repo.remove();
      rmSync(artifacts, { recursive: true, force: true });
    }
  });

  test("the budget spent and GitHub's API never answering: the comment's wait leaves the artifact its share, and it goes up", async () => {
    // Accepts connections and never answers: the comment waits for it until its share of the grace ends.
    const hung = createServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const service = await FakeArtifactService.start();
    const repo = new TempRepo();
    const out = tempDir();
    try {
      const { base, head } = pullRequestCommits(repo);
      const started = performance.now();
      const r = await runAction({
        workspace: repo.dir,
        eventName: 'pull_request',
        event: pullRequestEvent(base, head),
        sha: head,
        apiUrl: `http://127.0.0.1:${(hung.address() as AddressInfo).port}`,
        inputs: { metrics: 'metrics.json', 'out-dir': out, repro: 'off', 'deadline-minutes': '0.01', 'image-store': 'none' },
        env: { GITHUB_SERVER_URL: 'https://github.com', ACTIONS_RUNTIME_TOKEN: service.token, ACTIONS_RESULTS_URL: `${service.url}/` },
      });
      const seconds = (performance.now() - started) / 1000;
      rmSync(r.runnerTemp, { recursive: true, force: true });
      assert.equal(r.code, 1, r.stdout + r.stderr);
      // The comment waited out its share, said so, and said where the report goes instead.
      assert.match(
        r.stdout,
        /::error::GitHub comment: Could not post the report to GitHub .*no answer before the run's time budget \(0\.6 s, `deadline-minutes`, with at least 30 s to publish, the last 10 s of them kept for the workflow artifact\) was spent.*The report is in the job summary and in .*; mlreport uploads that folder as the workflow artifact 'mlreport-default' \(see the artifact's line below\)\./,
      );
      // GitHub's host is remembered as unanswered; the artifact service is another origin, and its share was left.
      const artifact = service.artifacts.get('mlreport-default');
      assert.ok(artifact?.finalized, `the artifact went up:\n${r.stdout}`);
      assert.deepEqual([...readZip(artifact.blob!).keys()].sort(), ['report.json', 'report.md']);
      assert.match(r.stdout, /\nUploaded the report \(report\.md, report\.json; \d+ bytes\) as the workflow artifact 'mlreport-default'/);
      assert.doesNotMatch(r.stdout, /Could not upload/);
      // The job summary is a file: a hung API delays it, never loses it.
      assert.match(r.summary, /\| metrics\.json \| acc \| 0\.5 \| 0\.7 \|/);
      // One grace (30 s) past the budget, and the process's start: not a request's retries (5 × 30 s, ≈ 3 minutes with their waits);
      // wide enough for a busy CI machine.
      assert.ok(seconds < 90, `ended ${seconds.toFixed(1)} s after it started`);
    } finally {
      hung.closeAllConnections();
      hung.close();
      await service.stop();
      repo.remove();
      rmSync(out, { recursive: true, force: true });
    }
  });
});
