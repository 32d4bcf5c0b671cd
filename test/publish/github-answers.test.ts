import { describe, test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { FakeGitHub } from '../fakes/github';
import { notJson } from '../fakes/github/faults';
import { comments } from '../fakes/github/routes/comments';
import { checkAnswer } from '../../src/publish/github/answers';
import { GateCheckPublisher } from '../../src/publish/github/checks';
import { UserError } from '../../src/util/errors';
import { REPO, context, dropFixture, plotsDir, publisher, pullRequestFixture, reportData } from './github-fixtures';
import { MemoryLogger } from '../helpers/memory-logger';
import { gateSummary } from '../../src/gate/summary';
import { evaluateRules } from '../../src/gate/evaluate';
import { parseRules, ruleLinesFromText } from '../../src/gate/parse';

/**
 * Answers GitHub itself never gives, as a wrong GITHUB_API_URL or a proxy in between may: each is an error naming
 * the request and what was wrong with the answer, never a JavaScript TypeError from the code that read it.
 */
const [owner, repo] = REPO.split('/') as [string, string];
const LIST = /^GET \/repos\/octo\/iris\/issues\/5\/comments$/;
const JS_INTERNALS = /Cannot read properties|Cannot use 'in' operator|TypeError|is not a function|undefined/;

let fake: FakeGitHub;
let dir: string;
beforeEach(async () => ({ fake, dir } = await pullRequestFixture()));
afterEach(() => dropFixture({ fake, dir }));

function failure(expected: RegExp) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof UserError, String(error));
    assert.match(error.message, expected);
    assert.doesNotMatch(error.message, JS_INTERNALS);
    return true;
  };
}

describe("GitHub's answers that are not the JSON expected", () => {
  test('a body that is not JSON: said so, quoting its start, naming the request; not retried', async () => {
    fake.injectFault({ match: LIST, times: 10, response: notJson('{not json') });
    const { pub } = publisher(fake, dir);
    await assert.rejects(
      pub.publish(reportData()),
      failure(
        /^Could not post the report to GitHub \(http:\/\/127\.0\.0\.1:\d+\): GitHub's answer to GET \/repos\/octo\/iris\/issues\/5\/comments was not the JSON expected: the body is not JSON: it starts "\{not json"; check that GITHUB_API_URL is GitHub's REST API\. The report is in the job summary/,
      ),
    );
    assert.equal(fake.requests.filter((r) => LIST.test(`${r.method} ${r.path.split('?')[0]}`)).length, 1);
  });

  test('JSON of the wrong shape: a list holding null, an empty body', async () => {
    fake.injectFault({ match: LIST, response: { status: 200, body: [null] } });
    await assert.rejects(
      publisher(fake, dir).pub.publish(reportData()),
      failure(/GET \/repos\/octo\/iris\/issues\/5\/comments was not the JSON expected: item 1 is null, not an object;/),
    );
    fake.injectFault({ match: LIST, response: { status: 200, body: [{ id: 1, html_url: 'https://x', body: 'hi', user: { login: 'a' } }] } });
    await assert.rejects(
      publisher(fake, dir).pub.publish(reportData()),
      failure(/was not the JSON expected: item 1\.user\.type is missing \(expected a string\)/),
    );
    fake.injectFault({ match: /^POST \/repos\/octo\/iris\/issues\/5\/comments$/, response: notJson('') });
    await assert.rejects(
      publisher(fake, dir).pub.publish(reportData()),
      failure(/GitHub's answer to POST \/repos\/octo\/iris\/issues\/5\/comments was not the JSON expected: the body is empty/),
    );
  });

  test('an image upload answered with {} or [null]: a warning naming the request, and the comment still goes out', async () => {
    const plots = plotsDir(dir, ['loss']);
    fake.injectFault({ match: /^POST \/repos\/octo\/iris\/git\/blobs$/, response: { status: 200, body: {} } });
    const first = publisher(fake, dir);
    assert.ok((await first.pub.publish(reportData(plots))).location);
    assert.match(
      first.log.lines.join('\n'),
      /warning: Could not upload plot images \(GitHub's answer to POST \/repos\/octo\/iris\/git\/blobs was not the JSON expected: 'sha' is missing \(expected a string\)\): the upload to the branch 'mlreport-assets' did not complete\. Drawing Mermaid charts instead/,
    );
    fake.injectFault({ match: /^GET \/repos\/octo\/iris\/git\/ref\//, response: { status: 200, body: [null] } });
    const second = publisher(fake, dir);
    await second.pub.publish(reportData(plots));
    assert.match(
      second.log.lines.join('\n'),
      /GitHub's answer to GET \/repos\/octo\/iris\/git\/ref\/heads%2Fmlreport-assets was not the JSON expected: the answer is a list, not an object/,
    );
    assert.doesNotMatch([...first.log.lines, ...second.log.lines].join('\n'), JS_INTERNALS);
    assert.equal(comments(fake, { params: { owner, repo } } as never).length, 1);
  });

  test('a check run answered with {}: the check run fails, naming what was missing', async () => {
    fake.injectFault({ match: /^POST \/repos\/octo\/iris\/check-runs$/, response: { status: 200, body: {} } });
    const lines = ruleLinesFromText('m0 >= 0.5', "input 'thresholds'");
    const report = {
      ...reportData(),
      gates: gateSummary(
        evaluateRules(parseRules(lines), [{ file: 'metrics.json', key: 'm0', base: 0.5, head: 0.75 }], { missingBase: 'skip', hasBase: true }),
      ),
    };
    const check = new GateCheckPublisher({ github: context(fake), checkName: 'ml gates', workspace: dir, repoRoot: dir }, new MemoryLogger());
    await assert.rejects(
      check.publish(report, { hosted: new Map() }),
      failure(
        /^Could not post the check run 'ml gates' \(http:\/\/127\.0\.0\.1:\d+\): GitHub's answer to POST \/repos\/octo\/iris\/check-runs was not the JSON expected: 'id' is missing \(expected a number\); check that GITHUB_API_URL is GitHub's REST API\. The gate's outcome is in this log only\.$/,
      ),
    );
  });

  test('an error answer that is not JSON: its start is quoted, not the whole page', async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${'x'.repeat(5000)}</body></html>`;
    fake.injectFault({ match: LIST, times: 10, response: notJson(page, 502) });
    await assert.rejects(publisher(fake, dir).pub.publish(reportData()), (error: Error) => {
      assert.match(
        error.message,
        /: "<html><head><title>502 Bad Gateway<\/title><\/head><body>x+…" \(HTTP 502\): GitHub failed to answer; re-run the job later\./,
      );
      assert.ok(error.message.length < 600, error.message);
      return true;
    });
  });

  test('later pages (absolute URLs) and GitHub Enterprise paths are checked by their path', () => {
    const ghes = 'https://ghe.example/api/v3/repos/o/r/issues/7/comments?per_page=100&page=2';
    assert.throws(() => checkAnswer('GET', ghes, [null], 'GET /repos/o/r/issues/7/comments'), /item 1 is null, not an object/);
    assert.doesNotThrow(() => checkAnswer('GET', ghes, [], 'x'));
    const upload = 'https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}';
    assert.throws(() => checkAnswer('POST', upload, { id: 1 }, 'POST upload'), /'browser_download_url' is missing/);
    assert.doesNotThrow(() => checkAnswer('DELETE', '/repos/{owner}/{repo}/issues/comments/{comment_id}', '', 'x'), 'nothing is read from it');
  });
});
