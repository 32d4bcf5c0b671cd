import { describe, test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FakeGitHub } from '../fakes/github';
import { primaryRateLimit, secondaryRateLimit, serverError } from '../fakes/github/faults';
import { comments } from '../fakes/github/routes/comments';
import { aggregateRuns } from '../../src/aggregate/compose';
import { AggregateCommentPublisher } from '../../src/publish/aggregate';
import { GitHubPublisher } from '../../src/publish/github/publisher';
import { MemoryLogger } from '../helpers/memory-logger';
import { freePort } from '../helpers/ports';
import { UserError } from '../../src/util/errors';
import { REPO, context, plotsDir, publishConfig, publisher, reportData, dropFixture, pullRequestFixture } from './github-fixtures';

const [owner, repo] = REPO.split('/') as [string, string];
const COMMENTS = /^POST \/repos\/octo\/iris\/issues\/5\/comments$/;
const bodies = (fake: FakeGitHub): string[] => comments(fake, { params: { owner, repo } } as never).map((c) => c.body);

let fake: FakeGitHub;
let dir: string;
beforeEach(async () => ({ fake, dir } = await pullRequestFixture()));
afterEach(() => dropFixture({ fake, dir }));

describe('API faults', () => {
  test('502s are retried with backoff and the comment is posted once', async () => {
    fake.injectFault({ match: COMMENTS, times: 2, response: serverError(502) });
    const { pub, log } = publisher(fake, dir);
    const out = await pub.publish(reportData());
    assert.ok(out.location);
    assert.equal(bodies(fake).length, 1);
    assert.deepEqual(
      fake.requests.filter((r) => COMMENTS.test(`${r.method} ${r.path}`)).map((r) => r.status),
      [502, 502, 201],
    );
    assert.equal(log.lines.filter((l) => /GitHub answered 502.*retry \d of 4/.test(l)).length, 2, log.lines.join('\n'));
  });

  test('429 and a secondary-rate-limit 403 with retry-after are waited out', async () => {
    fake.injectFault({ match: COMMENTS, response: secondaryRateLimit(1, 429) });
    fake.injectFault({ match: /^GET \/repos\/octo\/iris\/issues\/5\/comments$/, response: secondaryRateLimit(2, 403) });
    const { pub, log } = publisher(fake, dir);
    await pub.publish(reportData());
    assert.equal(bodies(fake).length, 1);
    assert.ok(
      log.lines.some((l) => /Secondary rate limit on GET .*retry 1 of 4/.test(l)),
      log.lines.join('\n'),
    );
    assert.ok(log.lines.some((l) => /Secondary rate limit on POST .*retry 1 of 4/.test(l)));
  });

  test("a permanent fault fails with GitHub's message and status, after the retries, without the token", async () => {
    fake.injectFault({ match: COMMENTS, times: 100, response: serverError(502) });
    const { pub } = publisher(fake, dir);
    await assert.rejects(pub.publish(reportData()), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.match(
        error.message,
        /^Could not post the report to GitHub \(http:\/\/127\.0\.0\.1:\d+\): Server Error \(HTTP 502\): GitHub failed to answer; re-run the job later\. The report is in the job summary and in /,
      );
      assert.doesNotMatch(error.message, /ghs_/);
      return true;
    });
    assert.equal(fake.requests.filter((r) => COMMENTS.test(`${r.method} ${r.path}`)).length, 5);
  });

  test('an exhausted rate limit resetting in half an hour fails at once, saying why', async () => {
    fake.injectFault({ match: /^GET /, times: 10, response: primaryRateLimit(Math.floor(Date.now() / 1000) + 1800) });
    const log = new MemoryLogger();
    const pub = new GitHubPublisher(context(fake), publishConfig(), log, { baseDir: dir, clientOptions: { maxWaitMs: 60_000 } });
    await assert.rejects(
      pub.publish(reportData()),
      /Could not post the report to GitHub \([^)]*\): API rate limit exceeded for installation ID 1\. \(HTTP 403\)/,
    );
    assert.match(log.lines.join('\n'), /Rate limit exhausted on GET .*; GitHub asks to wait 1[78]\d\d s, longer than mlreport waits \(60 s\)/);
    assert.equal(
      fake.requests.length,
      1,
      'no retry: it would wait beyond the limit' + JSON.stringify(fake.requests.map((r) => r.method + r.path)) + log.lines.join('\n'),
    );
  });

  test('an API that cannot be reached: retried, then a message naming the API URL, no HTTP status', async () => {
    const log = new MemoryLogger();
    // A port nothing listens on (not 9 or another port fetch refuses outright: that is not retried).
    const apiUrl = `http://127.0.0.1:${await freePort()}`;
    const ctx = context(fake, { apiUrl });
    const pub = new GitHubPublisher(ctx, publishConfig(), log, { baseDir: dir, clientOptions: { waitScale: 0.001 } });
    await assert.rejects(pub.publish(reportData()), (error: Error) => {
      assert.ok(error.message.startsWith(`Could not post the report to GitHub (${apiUrl}): `), error.message);
      assert.doesNotMatch(error.message, /HTTP 500/);
      return true;
    });
    assert.equal(log.lines.filter((l) => /Network error .* retry \d of 4/.test(l)).length, 4, log.lines.join('\n'));
  });

  test('GITHUB_API_URL that is not an http(s) URL: an error naming it and the form expected, nothing sent', async () => {
    for (const apiUrl of ['not a url', 'ftp://ghe.example/api/v3']) {
      const log = new MemoryLogger();
      const pub = new GitHubPublisher(context(fake, { apiUrl }), publishConfig(), log, { baseDir: dir });
      await assert.rejects(pub.publish(reportData()), (error: unknown) => {
        assert.ok(error instanceof UserError);
        assert.equal(
          error.message,
          `GITHUB_API_URL must be GitHub's REST API root, https://api.github.com or https://HOST/api/v3 on GitHub Enterprise Server; got '${apiUrl}'. The runner sets it: check the workflow's env.`,
        );
        return true;
      });
      assert.deepEqual(log.lines, [], 'no retries of a request that cannot be sent');
    }
    assert.equal(fake.requests.length, 0);
  });

  test('a read-only token warns and explains how to publish, without failing', async () => {
    const plots = plotsDir(dir, ['loss']);
    const { pub, log } = publisher(fake, dir, { token: 'read-only-token' });
    const out = await pub.publish(reportData(plots));
    assert.equal(out.location, undefined);
    assert.equal(bodies(fake).length, 0);
    assert.equal(out.notPosted, 'a read-only token');
    const text = log.lines.join('\n');
    assert.match(text, /Could not upload plot images \(403: Resource not accessible by integration\)/);
    assert.match(text, /token may not write here \(403: Resource not accessible by integration\).*mode: publish/s);
    assert.doesNotMatch(text, /read-only-token/);
  });

  test('a fork PR on pull_request makes no write at all, says how to publish, and tells the run it was not posted', async () => {
    const { pub, log } = publisher(fake, dir, { forkPr: true });
    const out = await pub.publish(reportData());
    assert.equal(fake.requests.length, 0);
    assert.equal(out.notPosted, 'a pull request from a fork');
    assert.match(log.lines.join('\n'), /comes from a fork.*mlreport uploads them as the workflow artifact 'mlreport-default'.*mode: publish/s);
    const off = publisher(fake, dir, { forkPr: true }, { artifact: 'off' });
    await off.pub.publish(reportData());
    assert.match(off.log.lines.join('\n'), /comes from a fork.*upload that folder with actions\/upload-artifact.*mode: publish/s);
  });

  // `mode: publish` posts an artifact another run uploaded: it uploads no artifact, so it must not say it does. It
  // writes the re-checked report (report.md in the out-dir, the job summary) after the comment, and says so; its way
  // out is a token that may write (a workflow_run workflow's, on a fork's PR).
  test('mode: publish says where the re-checked report is, that the downloaded artifact holds its images, and that it uploads none', async () => {
    const outDir = join(dir, 'out');
    const publishing = (ctx: Parameters<typeof context>[1], jobSummary = true) => {
      const log = new MemoryLogger();
      const cfg = publishConfig({ mode: 'publish', artifactDir: dir });
      const options = { baseDir: dir, clientOptions: { waitScale: 0.001 }, recheckedIn: { outDir, jobSummary } };
      return { pub: new GitHubPublisher(context(fake, ctx), cfg, log, options), log };
    };
    const readOnly = publishing({ token: 'read-only-token' });
    assert.equal((await readOnly.pub.publish(reportData())).notPosted, 'a read-only token');
    const fork = publishing({ forkPr: true });
    assert.equal((await fork.pub.publish(reportData())).notPosted, 'a pull request from a fork');
    const said = { readOnly: readOnly.log.lines.join('\n'), fork: fork.log.lines.join('\n') };
    const where = `The re-checked report is in the job summary and in ${join(outDir, 'report.md')}; its plot images are in ${dir}, the artifact this workflow downloaded`;
    for (const text of Object.values(said)) {
      assert.ok(text.includes(`${where} ('mode: publish' uploads none).`), text);
      assert.doesNotMatch(text, /uploads them as the workflow artifact/);
    }
    assert.match(said.readOnly, /To post it, give this workflow's token write access and re-run it\. Comments need 'pull-requests: write'/);
    assert.match(said.fork, /To post it, run this 'mode: publish' step from a workflow_run workflow, whose token may write/);
    fake.injectFault({ match: COMMENTS, times: 100, response: serverError(502) });
    await assert.rejects(publishing({}).pub.publish(reportData()), (error: Error) => {
      assert.ok(error.message.endsWith(`re-run the job later. ${where}.`), error.message);
      return true;
    });
    // A step with no job summary (GITHUB_STEP_SUMMARY unset) names report.md alone.
    await assert.rejects(publishing({}, false).pub.publish(reportData()), (error: Error) => {
      assert.ok(
        error.message.endsWith(
          `The re-checked report is in ${join(outDir, 'report.md')}; its plot images are in ${dir}, the artifact this workflow downloaded.`,
        ),
        error.message,
      );
      return true;
    });
  });

  test("mode: aggregate says where the comparison is, and not that 'mode: publish' would post it", async () => {
    const comparison = aggregateRuns([{ name: 'lr0.1', report: reportData(), failed: null }], {
      repeatParams: ['seed'],
      rankBy: null,
      rules: null,
      missingBase: 'skip',
      expectedRuns: null,
    });
    const said = async (ctx: Parameters<typeof context>[1], cfg: Parameters<typeof publishConfig>[0]): Promise<string> => {
      const log = new MemoryLogger();
      const pub = new AggregateCommentPublisher(context(fake, ctx), publishConfig({ mode: 'aggregate', reportId: 'sweep', ...cfg }), log, { baseDir: dir });
      assert.ok((await pub.publish(comparison)).notPosted);
      return log.lines.join('\n');
    };
    const fork = await said({ forkPr: true }, {});
    assert.match(
      fork,
      /The comparison is in the job summary, and report\.md and report\.json are in [^\n]*; mlreport uploads them as the workflow artifact 'mlreport-sweep'\./,
    );
    assert.match(fork, /A sweep's comparison cannot be posted on a pull request from a fork: 'mode: publish' posts one run's report, not a comparison\./);
    assert.doesNotMatch(fork, /plots\/|run mlreport with 'mode: publish'/);
    const off = await said({ forkPr: true }, { artifact: 'off' });
    assert.doesNotMatch(off, /workflow artifact/);
    const readOnly = await said({ token: 'read-only-token' }, {});
    assert.match(readOnly, /To post it, give the aggregate job's token write access\. Comments need 'pull-requests: write'/);
    assert.doesNotMatch(readOnly, /run mlreport with 'mode: publish'/);
  });
});
