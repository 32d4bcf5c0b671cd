import { describe, test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { FakeGitHub } from '../fakes/github';
import { comments } from '../fakes/github/routes/comments';
import { addRuleset } from '../fakes/github/routes/git-data';
import { MAX_ASSETS_PER_RELEASE, releases, seedRelease } from '../fakes/github/routes/releases';
import { serverError } from '../fakes/github/faults';
import { HEAD, REPO, noted, plotsDir, publisher, reportData, dropFixture, pullRequestFixture } from './github-fixtures';

// What GitHub does to the image stores that a quiet test repository never shows: the release asset cap,
// repository rulesets, and plain failures. In each case the comment must still be posted.
const [owner, repo] = REPO.split('/') as [string, string];

let fake: FakeGitHub;
let dir: string;
beforeEach(async () => ({ fake, dir } = await pullRequestFixture()));
afterEach(() => dropFixture({ fake, dir }));

const onPr = (): string[] =>
  comments(fake, { params: { owner, repo } } as never)
    .filter((c) => c.on === 'pr:5')
    .map((c) => c.body);

describe('image stores against what GitHub enforces', () => {
  test("release store at GitHub's 1,000-asset limit: the oldest assets are deleted first, the run's images go up", async () => {
    seedRelease(fake, REPO, 'mlreport-assets', MAX_ASSETS_PER_RELEASE - 1);
    const plots = plotsDir(dir, ['loss', 'roc']);
    const { pub, log } = publisher(fake, dir, {}, { imageStore: 'release' });
    const outcome = await pub.publish(reportData(plots));
    assert.ok(outcome.location, 'the comment was posted');
    const assets = releases(fake, { params: { owner, repo } })[0]!.assets;
    assert.ok(assets.length <= MAX_ASSETS_PER_RELEASE - 100 + 2, `pruned with headroom (${assets.length} assets left)`);
    assert.ok(
      assets.some((a) => a.name === `pr-5-${HEAD}-default-loss.png`),
      "this run's images are there",
    );
    const names = new Set(assets.map((a) => a.name));
    assert.equal(names.has('pr-1-old-0.png'), false, 'the oldest asset went first');
    assert.equal(names.has(`pr-1-old-${MAX_ASSETS_PER_RELEASE - 2}.png`), true, 'the newest old asset stays');
    assert.match(log.lines.join('\n'), /near GitHub's limit of 1000 assets: deleted the \d+ oldest images/);
    assert.match(onPr()[0]!, /releases\/download\/mlreport-assets\/pr-5-/);
    assert.equal(fake.requests.filter((r) => r.status === 422).length, 0, 'no upload hit the cap');
  });

  test('a full release that cannot be pruned in time still leaves the comment, with Mermaid charts', async () => {
    seedRelease(fake, REPO, 'mlreport-assets', MAX_ASSETS_PER_RELEASE);
    // Another run filled the release again between our listing and our upload.
    fake.injectFault({
      match: /^POST \/repos\/octo\/iris\/releases\/\d+\/assets$/,
      response: {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [{ resource: 'ReleaseAsset', code: 'custom', field: 'file_count', message: 'file_count limited to 1000 assets per release' }],
          documentation_url: 'https://docs.github.com/rest/releases/assets#upload-a-release-asset',
          status: '422',
        },
      },
    });
    const plots = plotsDir(dir, ['loss']);
    const { pub, log } = publisher(fake, dir, {}, { imageStore: 'release' });
    const outcome = await pub.publish(reportData(plots));
    assert.ok(outcome.location, 'the comment was posted');
    assert.match(
      log.lines.join('\n'),
      /warning: Could not upload plot images \(422: .*file_count limited to 1000 assets per release\).*maximum of 1000 assets.*Mermaid/,
    );
    assert.match(onPr()[0]!, /Plot images are not shown inline \(the release 'mlreport-assets' holds GitHub's maximum of 1000 assets\)/);
  });

  test('a repository ruleset on the assets branch: its 422 is not retried as a race; Mermaid charts, and the comment is posted', async () => {
    addRuleset(fake, REPO, 'refs/heads/mlreport-assets');
    const plots = plotsDir(dir, ['loss']);
    const { pub, log } = publisher(fake, dir);
    const outcome = await pub.publish(reportData(plots));
    assert.ok(outcome.location, 'the comment was posted');
    assert.equal(fake.requestsTo('POST /repos/{owner}/{repo}/git/refs').length, 1, 'one attempt: a rule violation is not a race');
    assert.equal(fake.requestsTo('POST /repos/{owner}/{repo}/git/commits').length, 1);
    const text = log.lines.join('\n');
    assert.match(text, /warning: Could not upload plot images \(422: Repository rule violations found/);
    assert.match(text, /a repository ruleset refuses writes to the branch 'mlreport-assets'/);
    assert.doesNotMatch(text, /contents: write/);
    assert.match(onPr()[0]!, /Plot images are not shown inline \(a repository ruleset refuses writes/);
  });

  test('a ruleset on an existing assets branch (update refused): one attempt, comment posted', async () => {
    const plots = plotsDir(dir, ['loss']);
    await publisher(fake, dir).pub.publish(reportData(plots));
    addRuleset(fake, REPO, 'refs/heads/mlreport-assets');
    fake.requests.length = 0;
    const outcome = await publisher(fake, dir).pub.publish(noted(reportData(plots), 'second'));
    assert.ok(outcome.location);
    assert.equal(fake.requestsTo('PATCH /repos/{owner}/{repo}/git/refs/{ref}').length, 1);
    assert.match(onPr()[0]!, /second/);
  });

  test('any other image failure (GitHub keeps answering 502) falls back to Mermaid and keeps the comment', async () => {
    fake.injectFault({ match: /^POST \/repos\/octo\/iris\/git\/blobs$/, response: serverError(502), times: 10 });
    const plots = plotsDir(dir, ['loss']);
    const { pub, log } = publisher(fake, dir);
    const outcome = await pub.publish(reportData(plots));
    assert.ok(outcome.location, 'the comment was posted');
    assert.match(
      log.lines.join('\n'),
      /warning: Could not upload plot images \(502: Server Error\): GitHub refused the upload to the branch 'mlreport-assets'/,
    );
    assert.equal(onPr().length, 1);
  });
});
