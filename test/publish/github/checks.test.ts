import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { GitHubContext } from '../../../src/config/types';
import { evaluateRules } from '../../../src/gate/evaluate';
import { parseRules, ruleLinesFromText } from '../../../src/gate/parse';
import { gateSummary } from '../../../src/gate/summary';
import type { MetricLookup } from '../../../src/gate/types';
import { ANNOTATIONS_PER_REQUEST, CHECK_TEXT_LIMIT, GateCheckPublisher, STATUS_DESCRIPTION_LIMIT, truncate } from '../../../src/publish/github/checks';
import { composeMarkdown } from '../../../src/report/markdown';
import type { ReportData } from '../../../src/report/types';
import { MemoryLogger } from '../../helpers/memory-logger';
import { startFakeGitHub, type FakeGitHub } from '../../fakes/github';
import { checkRuns, type FakeCheckRun } from '../../fakes/github/routes/checks';
import { commitStatuses } from '../../fakes/github/routes/statuses';
import { freePort } from '../../helpers/ports';
import { tempDir } from '../../helpers/repo';
import { UserError } from '../../../src/util/errors';
import { reportOf } from '../../helpers/report';

const HEAD_SHA = 'b'.repeat(40);
const MERGE_SHA = 'c'.repeat(40);
const METRICS: MetricLookup[] = [
  { file: 'metrics.json', key: 'accuracy', base: 0.9, head: 0.93 },
  { file: 'metrics.json', key: 'train.loss', base: 0.5, head: 0.6 },
];
const METRICS_JSON = '{\n  "accuracy": 0.93,\n  "train": {\n    "loss": 0.6\n  }\n}\n';

let fake: FakeGitHub;
let repoRoot: string;
let workspace: string;

before(async () => {
  fake = await startFakeGitHub();
  repoRoot = tempDir();
  workspace = join(repoRoot, 'project');
  mkdirSync(workspace);
  writeFileSync(join(workspace, 'metrics.json'), METRICS_JSON);
});
after(async () => {
  await fake.stop();
  rmSync(repoRoot, { recursive: true, force: true });
});
beforeEach(() => {
  checkRuns(fake).length = 0;
  commitStatuses(fake).length = 0;
  fake.requests.length = 0;
});

function github(token = 'test-token'): GitHubContext {
  return {
    token,
    apiUrl: fake.url,
    serverUrl: 'https://github.com',
    owner: 'octo',
    repo: 'ml',
    eventName: 'pull_request',
    sha: MERGE_SHA,
    headSha: HEAD_SHA,
    prNumber: 7,
    runId: '42',
  };
}

function composed(rules: string, metrics = METRICS): ReportData {
  const lines = ruleLinesFromText(rules, "input 'thresholds'");
  const data: ReportData = reportOf({
    schemaVersion: 2,
    tool: { name: 'mlreport', version: '0' },
    base: { sha: 'a'.repeat(40), label: 'main' },
    head: { sha: HEAD_SHA, label: 'feature' },
    params: [],
    metrics: [],
    plots: [],
    gates: gateSummary(evaluateRules(parseRules(lines), metrics, { missingBase: 'skip', hasBase: true })),
    pipeline: null,
    warnings: [],
  });
  return data;
}

/** Nothing hosted earlier in the run. */
const NONE = { hosted: new Map<string, string>() };

function publisher(token = 'test-token', log = new MemoryLogger()): GateCheckPublisher {
  return new GateCheckPublisher({ github: github(token), checkName: 'ml gates', workspace, repoRoot }, log);
}

function onlyRun(): FakeCheckRun {
  const runs = checkRuns(fake);
  assert.equal(runs.length, 1);
  return runs[0]!;
}

describe('gate check run', () => {
  test('passing gates: a successful check run on the PR head, the report as its summary', async () => {
    const report = composed('accuracy >= 0.9');
    const outcome = await publisher().publish(report, NONE);
    const run = onlyRun();
    assert.equal(run.name, 'ml gates');
    assert.equal(run.head_sha, HEAD_SHA, 'the PR head, not the merge commit');
    assert.equal(run.status, 'completed');
    assert.equal(run.conclusion, 'success');
    assert.equal(run.details_url, 'https://github.com/octo/ml/actions/runs/42');
    // The report's verdict is the check's title, as it is the comment's first line.
    assert.equal(run.output.title, 'gate passed: the rule held');
    assert.equal(run.output.summary, composeMarkdown(report));
    assert.deepEqual(run.annotations, []);
    assert.equal(outcome.location, `https://github.com/octo/ml/runs/${run.id}`);
  });

  test('rules that held over what a failed pipeline left: failure, titled with the pipeline', async () => {
    // A stage that crashed after writing its metrics: the rules hold, but they checked values this change did not make.
    const report = reportOf({
      ...composed('accuracy >= 0.9'),
      pipeline: { engine: 'builtin', stages: [{ name: 'evaluate', status: 'failed', seconds: 1, error: 'exit code 1' }] },
    });
    assert.equal(report.gates!.passed, true);
    await publisher().publish(report, NONE);
    const run = onlyRun();
    assert.equal(run.conclusion, 'failure');
    assert.equal(run.output.title, 'pipeline failed: stage evaluate failed; the gate compared what the pipeline left');
  });

  test('a broken rule: failure, and an annotation on the metrics file at the key, path from the repository root', async () => {
    await publisher().publish(composed('accuracy >= 0.9\ntrain.loss <= base * 1.02\nwarn: accuracy >= 0.95'), NONE);
    const run = onlyRun();
    assert.equal(run.conclusion, 'failure');
    assert.equal(run.output.title, 'gate failed: train.loss 0.6 (rule: train.loss <= base * 1.02); warning: accuracy 0.93 (rule: accuracy >= 0.95)');
    assert.deepEqual(run.annotations, [
      {
        path: 'project/metrics.json',
        start_line: 4,
        end_line: 4,
        annotation_level: 'failure',
        title: 'Gate: train.loss <= base * 1.02',
        message: "0.6 is not <= 0.51 (base 0.5). (rule from input 'thresholds' line 2)",
      },
      {
        path: 'project/metrics.json',
        start_line: 2,
        end_line: 2,
        annotation_level: 'warning',
        title: 'Warning: accuracy >= 0.95',
        message: "0.93 is not >= 0.95. (rule from input 'thresholds' line 3)",
      },
    ]);
  });

  test("a metrics file that links out of the project is not read for the annotation's line", async () => {
    // The outside file has the key on line 3; the rule still names the link, whose target must stay unread.
    writeFileSync(join(repoRoot, 'outside.json'), '{\n\n  "leak": 1, "accuracy": 0.93\n}\n');
    symlinkSync(join(repoRoot, 'outside.json'), join(workspace, 'linked.json'));
    try {
      const metrics: MetricLookup[] = [{ file: 'linked.json', key: 'accuracy', base: 0.9, head: 0.93 }];
      await publisher().publish(composed('accuracy >= 0.95', metrics), NONE);
      assert.deepEqual(
        onlyRun().annotations.map((a) => [a.path, a.start_line]),
        [['project/linked.json', 1]],
      );
    } finally {
      rmSync(join(workspace, 'linked.json'));
    }
  });

  test('a rule that cannot be checked is annotated on its line in .mlreport.yml', async () => {
    const report = composed('acuracy >= 0.9');
    const rules = parseRules([{ text: 'acuracy >= 0.9', source: { origin: '.mlreport.yml', line: 3, file: '.mlreport.yml' } }]);
    report.gates = gateSummary(evaluateRules(rules, METRICS, { missingBase: 'skip', hasBase: true }));
    await publisher().publish(report, NONE);
    assert.deepEqual(
      onlyRun().annotations.map((a) => [a.path, a.start_line, a.annotation_level, a.message]),
      [['project/.mlreport.yml', 3, 'failure', 'Unknown metric `acuracy` (closest known: metrics.json:accuracy). (rule from .mlreport.yml line 3)']],
    );
    assert.equal(onlyRun().conclusion, 'failure');
  });

  test('only warnings broke: the check succeeds, with warning annotations', async () => {
    await publisher().publish(composed('warn: accuracy >= 0.95'), NONE);
    const run = onlyRun();
    assert.equal(run.conclusion, 'success');
    assert.equal(run.annotations[0]!.annotation_level, 'warning');
  });

  test('more than 50 annotations: the first 50 on create, the rest appended by updates', async () => {
    const metrics: MetricLookup[] = Array.from({ length: 120 }, (_, i) => ({ file: 'metrics.json', key: `m${i}`, base: 1, head: 0 }));
    await publisher().publish(composed(metrics.map((m) => `${m.key} >= base`).join('\n'), metrics), NONE);
    const run = onlyRun();
    assert.equal(run.annotations.length, 120);
    assert.deepEqual(
      run.annotations.map((a) => a.title),
      metrics.map((m) => `Gate: ${m.key} >= base`),
    );
    const creates = fake.requestsTo('POST /repos/{owner}/{repo}/check-runs');
    const updates = fake.requestsTo('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}');
    assert.equal(creates.length, 1);
    assert.equal(updates.length, 2);
    for (const r of [...creates, ...updates]) {
      assert.equal(r.status, r.method === 'POST' ? 201 : 200);
      assert.ok((r.body as { output: { annotations: unknown[] } }).output.annotations.length <= ANNOTATIONS_PER_REQUEST);
    }
  });

  test("the summary shows plot images hosted earlier in the run, not the report's relative links", async () => {
    const report = composed('accuracy >= 0.9');
    const plot = { id: 'Loss', title: 'Loss', image: 'plots/Loss.png', notes: [] };
    const hosted = 'https://github.com/octo/ml/blob/abc/pr-1/Loss.png?raw=true';
    await publisher().publish({ ...report, plots: [plot] }, { hosted: new Map([['plots/Loss.png', hosted]]) });
    const summary = onlyRun().output.summary!;
    assert.ok(summary.includes(`![Loss](${hosted})`), summary);
    assert.ok(!summary.includes('](plots/Loss.png)'), summary);
  });

  test('nothing hosted: the summary draws the plot as a Mermaid chart from its series, no relative link', async () => {
    const report = composed('accuracy >= 0.9');
    const plot = { id: 'Loss', title: 'Loss', image: 'plots/Loss.png', notes: [], series: { x: [1, 2, 3], lines: [{ name: 'head', y: [0.9, 0.5, 0.3] }] } };
    await publisher().publish({ ...report, plots: [plot] }, NONE);
    const summary = onlyRun().output.summary!;
    assert.match(summary, /```mermaid\n%%\{init: [^\n]*\}%%\nxychart-beta\n {4}title "Loss"\n {4}x-axis \[1, 2, 3\]\n {4}line \[0\.9, 0\.5, 0\.3\]\n```/);
    assert.ok(!summary.includes('](plots/'), summary);
  });

  test('a report over 65,535 characters is folded to fit the summary, with a note', async () => {
    const report = composed('accuracy >= 0.9');
    const rows = [...Array(2000).keys()].map((i) => ({ key: `class_${i}/f1_score`, old: 0.5, new: 0.5, diff: 0, changed: false }));
    report.metrics = [{ path: 'metrics.json', notes: [], rows }];
    assert.ok(composeMarkdown(report).length > CHECK_TEXT_LIMIT, 'precondition: the report is longer than the limit');
    await publisher().publish(report, NONE);
    const summary = onlyRun().output.summary!;
    assert.ok(summary.length <= CHECK_TEXT_LIMIT, `${summary.length}`);
    assert.match(summary, /This report is longer than a check run summary may be \(65,535 characters\)/);
    assert.match(summary, /### Gates: ✅ the rule passed/);
  });

  test('the fake enforces the limits the publisher keeps to', async () => {
    const post = (body: unknown): Promise<Response> =>
      fetch(`${fake.url}/repos/octo/ml/check-runs`, {
        method: 'POST',
        headers: { authorization: 'token test-token', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const base = { name: 'x', head_sha: HEAD_SHA, conclusion: 'success' };
    const tooLong = await post({ ...base, output: { title: 't', summary: 'x'.repeat(CHECK_TEXT_LIMIT + 1) } });
    assert.equal(tooLong.status, 422);
    assert.match(JSON.stringify(await tooLong.json()), /Only 65535 characters are allowed; 65536 were supplied/);
    const annotation = { path: 'a', start_line: 1, end_line: 1, annotation_level: 'failure', message: 'm' };
    const tooMany = await post({ ...base, output: { title: 't', summary: 's', annotations: Array(51).fill(annotation) } });
    assert.equal(tooMany.status, 422);
    assert.equal((await post({ name: 'x', head_sha: 'nope' })).status, 422);
    assert.equal((await post({ ...base, output: { title: 't', summary: 's', annotations: [annotation] } })).status, 201);
  });

  test('without checks: write, a commit status with the check name instead', async () => {
    const log = new MemoryLogger();
    const outcome = await publisher('no-checks-token', log).publish(composed('accuracy >= 0.99'), NONE);
    assert.equal(checkRuns(fake).length, 0);
    assert.equal(fake.requestsTo('POST /repos/{owner}/{repo}/check-runs')[0]!.status, 403);
    const [status, ...rest] = commitStatuses(fake);
    assert.equal(rest.length, 0);
    assert.equal(status!.sha, HEAD_SHA);
    assert.equal(status!.context, 'ml gates');
    assert.equal(status!.state, 'failure');
    assert.equal(status!.description, 'gate failed: accuracy 0.93 (rule: accuracy >= 0.99)');
    assert.equal(status!.target_url, 'https://github.com/octo/ml/actions/runs/42');
    assert.match(
      log.lines.join('\n'),
      /warning: Cannot create the check run 'ml gates' \(403: the token needs `checks: write`\); setting a commit status instead\./,
    );
    assert.equal(outcome.location, `commit status 'ml gates' on ${HEAD_SHA}`);
  });

  test('a personal access token: GitHub refuses check runs to all but Apps; the status fallback names the token type, not a permission', async () => {
    fake.tokens.set('ghp_personal', { login: 'alice', id: 5, type: 'User', readOnly: false });
    const log = new MemoryLogger();
    const outcome = await publisher('ghp_personal', log).publish(composed('accuracy >= 0.99'), NONE);
    const refused = fake.requestsTo('POST /repos/{owner}/{repo}/check-runs')[0]!;
    assert.equal(refused.status, 403);
    assert.equal((refused.response as { message: string }).message, 'You must authenticate via a GitHub App.');
    assert.equal(checkRuns(fake).length, 0);
    assert.equal(commitStatuses(fake)[0]!.context, 'ml gates');
    assert.equal(outcome.location, `commit status 'ml gates' on ${HEAD_SHA}`);
    const text = log.lines.join('\n');
    assert.match(text, /warning: Cannot create the check run 'ml gates': only a GitHub App token .* may create check runs/);
    assert.doesNotMatch(text, /checks: write/, 'a personal token with every scope still gets this 403');
  });

  test('truncate keeps to a limit without splitting a character', () => {
    assert.equal(truncate('short', STATUS_DESCRIPTION_LIMIT, '…'), 'short');
    const cut = truncate('a'.repeat(138) + '😀😀😀', STATUS_DESCRIPTION_LIMIT, '…');
    assert.equal(cut, `${'a'.repeat(138)}…`, 'the emoji would be split at 139: dropped whole');
    assert.ok(cut.length <= STATUS_DESCRIPTION_LIMIT);
  });

  test('without statuses: write either, the outcome goes to the log, annotated on the file', async () => {
    const log = new MemoryLogger();
    const outcome = await publisher('read-only-token', log).publish(composed('train.loss <= base'), NONE);
    assert.deepEqual(outcome, {});
    assert.equal(checkRuns(fake).length, 0);
    assert.equal(commitStatuses(fake).length, 0);
    assert.deepEqual(
      fake.requests.map((r) => `${r.method} ${r.status}`),
      ['POST 403', 'POST 403'],
    );
    const text = log.lines.join('\n');
    assert.match(text, /Cannot set a commit status either/);
    assert.match(text, /error: Gate: train.loss <= base: 0.6 is not <= 0.5/);
  });

  test("a rate limit's 403, or a 403 after the check run exists, is an error, not a reason for a status", async () => {
    // Its own server: a client that retries rate limits would consume the faults, and they must not outlive this test.
    const limited = await startFakeGitHub();
    try {
      limited.injectFault({
        match: /^POST \/repos\/octo\/ml\/check-runs$/,
        response: {
          status: 403,
          body: {
            message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            documentation_url: 'https://docs.github.com/rest',
            status: '403',
          },
        },
        times: 20,
      });
      const p = new GateCheckPublisher(
        { github: { ...github(), apiUrl: limited.url }, checkName: 'ml gates', workspace, repoRoot, clientOptions: { waitScale: 0.001 } },
        new MemoryLogger(),
      );
      await assert.rejects(
        p.publish(composed('accuracy >= 0.9'), NONE),
        /\(HTTP 403\): GitHub's rate limit for this token is spent; re-run the job after it resets\./,
      );
      assert.equal(commitStatuses(limited).length, 0);
    } finally {
      await limited.stop();
    }
    const metrics: MetricLookup[] = Array.from({ length: 60 }, (_, i) => ({ file: 'metrics.json', key: `m${i}`, base: 1, head: 0 }));
    fake.injectFault({
      match: /^PATCH \/repos\/octo\/ml\/check-runs\/\d+$/,
      response: { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' } },
    });
    await assert.rejects(publisher().publish(composed(metrics.map((m) => `${m.key} >= base`).join('\n'), metrics), NONE));
    assert.equal(checkRuns(fake).length, 1);
    assert.equal(commitStatuses(fake).length, 0, 'no status beside a check run of the same name: both would be required');
  });

  test('other API errors are not hidden: the publisher fails', async () => {
    fake.injectFault({
      match: /^POST \/repos\/octo\/ml\/check-runs$/,
      response: { status: 422, body: { message: 'Validation Failed', documentation_url: 'https://docs.github.com/rest', status: '422' } },
    });
    await assert.rejects(publisher().publish(composed('accuracy >= 0.9'), NONE), {
      message:
        /^Could not post the check run 'ml gates' \(http:\/\/127\.0\.0\.1:\d+\): Validation Failed \(HTTP 422\): GitHub refused what the request asked\. The gate's outcome is in this log only\.$/,
    });
    assert.equal(commitStatuses(fake).length, 0, 'no fallback for errors other than 403');
  });

  test("a failed check run is described as a failed comment is: GitHub's message, the status, what it means, what to do", async () => {
    const failed = async (p: GateCheckPublisher, expected: RegExp): Promise<void> => {
      await assert.rejects(p.publish(composed('accuracy >= 0.9'), NONE), (error: unknown) => {
        assert.ok(error instanceof UserError, String(error));
        assert.match(error.message, /^Could not post the check run 'ml gates' \(http:\/\/127\.0\.0\.1:\d+\): /);
        assert.match(error.message, expected);
        assert.match(error.message, /\. The gate's outcome is in this log only\.$/);
        assert.doesNotMatch(error.message, /HttpError|RequestError/);
        return true;
      });
    };
    // The fake answers an unknown token 401, as GitHub does.
    await failed(
      publisher('revoked-token'),
      /: Bad credentials \(HTTP 401\): GitHub did not accept 'github-token' \(expired, revoked, or for another GitHub host\); give it a current token\./,
    );
    fake.injectFault({
      match: /^POST \/repos\/octo\/ml\/check-runs$/,
      response: { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } },
    });
    await failed(
      publisher(),
      /: Not Found \(HTTP 404\): the token cannot see this repository or what the request names \(GitHub answers 404 for both\); check its access and GITHUB_API_URL\./,
    );
    // The status fallback refused in another way than a permission: the check's permission is still what to give.
    fake.injectFault({ match: /^POST \/repos\/octo\/ml\/check-runs$/, response: { status: 403, body: { message: 'Resource not accessible by integration' } } });
    fake.injectFault({ match: /^POST \/repos\/octo\/ml\/statuses\//, response: { status: 422, body: { message: 'No commit found for SHA' } } });
    await failed(publisher(), /: No commit found for SHA \(HTTP 422\): GitHub refused what the request asked\./);

    const closed = await freePort();
    const unreachable = new GateCheckPublisher(
      {
        github: { ...github(), apiUrl: `http://127.0.0.1:${closed}` },
        checkName: 'ml gates',
        workspace,
        repoRoot,
        clientOptions: { retries: 1, waitScale: 0.001 },
      },
      new MemoryLogger(),
    );
    await failed(
      unreachable,
      /: no answer \(connect ECONNREFUSED 127\.0\.0\.1:\d+\): check that GITHUB_API_URL is GitHub's REST API and that the runner reaches it \(HTTPS_PROXY, NO_PROXY\)\./,
    );

    const hung = createServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    try {
      const silent = new GateCheckPublisher(
        {
          github: { ...github(), apiUrl: `http://127.0.0.1:${(hung.address() as AddressInfo).port}` },
          checkName: 'ml gates',
          workspace,
          repoRoot,
          clientOptions: { retries: 0, timeoutMs: 100 },
        },
        new MemoryLogger(),
      );
      await failed(silent, /: no answer within 0\.1 s: check that GITHUB_API_URL is GitHub's REST API .*, or re-run the job when GitHub answers\./);
    } finally {
      hung.closeAllConnections();
      hung.close();
    }
  });
});
