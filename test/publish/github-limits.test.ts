import { describe, test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { FakeGitHub } from '../fakes/github';
import { GateCheckPublisher } from '../../src/publish/github/checks';
import { GitHubPublisher } from '../../src/publish/github/publisher';
import { publishAll } from '../../src/publish/runner';
import type { TimeLimit } from '../../src/util/deadline';
import { gateSummary } from '../../src/gate/summary';
import { evaluateRules } from '../../src/gate/evaluate';
import { parseRules, ruleLinesFromText } from '../../src/gate/parse';
import type { ReportData } from '../../src/report/types';
import { MemoryLogger } from '../helpers/memory-logger';
import { context, dropFixture, publishConfig, pullRequestFixture, reportData } from './github-fixtures';

/**
 * What bounds a run's GitHub requests: the run's publishing limit (Deadline.publishing()), and the memory of an
 * API host that left a request unanswered through all its attempts. Timeouts here are a fraction of a second;
 * each test would take minutes (30 s per attempt, five attempts) if a bound did not hold.
 */
let fake: FakeGitHub;
let dir: string;
let hung: Server | null = null;
let asked = 0;
beforeEach(async () => ({ fake, dir } = await pullRequestFixture()));
afterEach(async () => {
  await dropFixture({ fake, dir });
  hung?.closeAllConnections();
  hung?.close();
  hung = null;
});

/** An API that accepts connections and never answers; counts the requests it got. */
async function hungApi(): Promise<string> {
  asked = 0;
  hung = createServer(() => void asked++);
  await new Promise<void>((resolve) => hung!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(hung.address() as AddressInfo).port}`;
}

function limitIn(ms: number): TimeLimit {
  return { endsAt: performance.now() + ms, describe: () => "the test's budget" };
}

function gated(): ReportData {
  const lines = ruleLinesFromText('m0 >= 0.5', "input 'thresholds'");
  const rules = parseRules(lines);
  return {
    ...reportData(),
    gates: gateSummary(evaluateRules(rules, [{ file: 'metrics.json', key: 'm0', base: 0.5, head: 0.75 }], { missingBase: 'skip', hasBase: true })),
  };
}

describe("the run's limits on GitHub requests", () => {
  test('once the limit is spent, no request is sent, and the error says so', async () => {
    const log = new MemoryLogger();
    const clientOptions = { limit: limitIn(-1) };
    const comment = new GitHubPublisher(context(fake), publishConfig(), log, { baseDir: dir, clientOptions });
    await assert.rejects(comment.publish(reportData()), {
      message:
        /^Could not post the report to GitHub \([^)]+\): GET \/repos\/octo\/iris\/issues\/5\/comments was not sent: the test's budget is spent\. The report is in/,
    });
    const check = new GateCheckPublisher({ github: context(fake), checkName: 'mlreport', workspace: dir, repoRoot: dir, clientOptions }, log);
    await assert.rejects(check.publish(gated(), { hosted: new Map() }), {
      message: /^Could not post the check run 'mlreport' \([^)]+\): POST \/repos\/octo\/iris\/check-runs was not sent: the test's budget is spent\. /,
    });
    assert.equal(fake.requests.length, 0);
  });

  test('a request under way is abandoned when the limit passes, and not retried', { timeout: 10_000 }, async () => {
    const apiUrl = await hungApi();
    const log = new MemoryLogger();
    // The per-request timeout stays the default 30 s: only the limit can end this in time.
    const comment = new GitHubPublisher(context(fake, { apiUrl }), publishConfig(), log, { baseDir: dir, clientOptions: { limit: limitIn(300) } });
    await assert.rejects(comment.publish(reportData()), {
      message: /: no answer before the test's budget was spent: check that GITHUB_API_URL is GitHub's REST API/,
    });
    assert.equal(asked, 1);
    const said = log.lines.filter((l) => l.includes('/repos/octo/iris/issues/5/comments'));
    assert.equal(said.length, 1, log.lines.join('\n'));
    assert.match(said[0]!, /^info: Network error \(no answer before the test's budget was spent\) on GET .*; not retried\.$/);
  });

  test('a retry that would start after the limit is not made', { timeout: 10_000 }, async () => {
    fake.injectFault({ match: /^GET \/repos\/octo\/iris\/issues\/5\/comments$/, times: 10, response: { status: 502, body: { message: 'Server Error' } } });
    const log = new MemoryLogger();
    // The first retry would wait 20 s; the limit is 3 s away (room for the first answer on a busy machine).
    const comment = new GitHubPublisher(context(fake), publishConfig(), log, { baseDir: dir, clientOptions: { limit: limitIn(3000), waitScale: 20 } });
    await assert.rejects(comment.publish(reportData()), { message: /Server Error \(HTTP 502\)/ });
    assert.equal(fake.requests.length, 1);
    assert.match(log.lines.join('\n'), /GitHub answered 502 on GET .*; not retried: the test's budget is spent\./);
  });

  test('an API host that left a request unanswered through its retries is not asked again; the check run fails the step', async () => {
    const apiUrl = await hungApi();
    const log = new MemoryLogger();
    const clientOptions = { timeoutMs: 100, retries: 1, waitScale: 0.001 };
    const ctx = context(fake, { apiUrl });
    const comment = new GitHubPublisher(ctx, publishConfig({ imageStore: 'none' }), log, { baseDir: dir, clientOptions });
    const check = new GateCheckPublisher({ github: ctx, checkName: 'mlreport', workspace: dir, repoRoot: dir, clientOptions }, log);
    const { results, failed } = await publishAll(
      gated(),
      [
        { target: comment, policy: 'required' },
        { target: check, policy: 'required' },
      ],
      log,
    );
    assert.equal(asked, 2, 'the comment request and its one retry; nothing after');
    assert.equal(failed, true, 'a gate whose check run could not be posted fails the step');
    assert.deepEqual(results.get(check), {
      status: 'failed',
      error: `Could not post the check run 'mlreport' (${apiUrl}): POST /repos/octo/iris/check-runs was not sent: ${apiUrl} did not answer an earlier request (GitHub: GET /repos/octo/iris/issues/5/comments: no answer within 0.1 s). The gate's outcome is in this log only.`,
    });
    assert.match(log.lines.join('\n'), /error: GitHub comment: Could not post the report to GitHub \([^)]+\): no answer within 0\.1 s: /);
  });

  test("an API on a port Node's fetch refuses: one attempt, and the error names the host and port", { timeout: 10_000 }, async () => {
    const log = new MemoryLogger();
    // The default retries wait 1 + 4 + 9 + 16 s: only no retry ends this in time.
    const apiUrl = 'http://127.0.0.1:6000/api/v3';
    const comment = new GitHubPublisher(context(fake, { apiUrl }), publishConfig(), log, { baseDir: dir });
    await assert.rejects(comment.publish(reportData()), {
      message:
        /: Node's fetch refuses port 6000 \(127\.0\.0\.1:6000\), one the Fetch standard blocks; no request to it is sent, so the service needs another port: check GITHUB_API_URL\. The report is in/,
    });
    assert.doesNotMatch(log.lines.join('\n'), /retry/);
  });
});
