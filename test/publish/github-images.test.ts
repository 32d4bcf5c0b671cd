import { describe, test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { FakeGitHub } from '../fakes/github';
import { comments } from '../fakes/github/routes/comments';
import { addRuleset } from '../fakes/github/routes/git-data';
import { MAX_ASSETS_PER_RELEASE, releases, seedRelease } from '../fakes/github/routes/releases';
import { serverError } from '../fakes/github/faults';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEAD, REPO, noted, plotEntry, plotsDir, publisher, reportData, dropFixture, pullRequestFixture } from './github-fixtures';

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

  test('JPEG, GIF and SVG plots are hosted like PNGs; an image whose bytes are another kind is not', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>\n';
    const plots = plotsDir(dir, ['loss']);
    for (const [name, bytes] of [
      ['imp.jpg', jpeg],
      ['anim.gif', gif],
      ['chart.svg', svg],
      ['fake.jpg', 'not an image'],
    ] as const) {
      writeFileSync(join(dir, 'plots', name), bytes);
      plots.push(plotEntry({ id: name, title: name, image: `plots/${name}` }));
    }
    for (const imageStore of ['branch', 'release'] as const) {
      const { pub, log } = publisher(fake, dir, {}, { imageStore, reportId: imageStore });
      const outcome = await pub.publish(reportData(plots));
      assert.ok(outcome.location, 'the comment was posted');
      const body = onPr().find((b) => b.includes(`id=${imageStore}`))!;
      for (const name of ['imp.jpg', 'anim.gif', 'chart.svg'])
        assert.match(body, new RegExp(`!\\[${name.replace('.', '\\.')}\\]\\(https?://[^)]*${name.replace('.', '\\.')}`), `${imageStore}: ${name}\n${body}`);
      assert.match(log.lines.join('\n'), /plots\/fake\.jpg is not a JPEG image .*; not uploaded\./);
      assert.match(body, /_fake\.jpg: JPEG `plots\/fake\.jpg` in the workflow artifact\._/);
    }
    const types = Object.fromEntries(releases(fake, { params: { owner, repo } })[0]!.assets.map((a) => [a.name.replace(/^.*-/, ''), a.contentType]));
    assert.deepEqual(types, { 'loss.png': 'image/png', 'imp.jpg': 'image/jpeg', 'anim.gif': 'image/gif', 'chart.svg': 'image/svg+xml' });
  });

  test('past the 50 images a run uploads, the log names the plots left out and the comment says why they are not inline', async () => {
    const plots = plotsDir(
      dir,
      Array.from({ length: 52 }, (_, i) => `p${i}`),
    );
    const { pub, log } = publisher(fake, dir);
    const outcome = await pub.publish(reportData(plots));
    assert.ok(outcome.location);
    assert.equal(fake.requestsTo('POST /repos/{owner}/{repo}/git/blobs').length, 50);
    assert.match(log.lines.join('\n'), /warning: The report has 52 plot images; a run uploads at most 50 .*: plots\/p50\.png, plots\/p51\.png\./);
    assert.match(onPr()[0]!, /_Plot images are not shown inline \(a run uploads at most 50 images\): the image files are in the workflow artifact\._/);
    assert.equal(outcome.pointsToArtifact, true, 'so the artifact goes up');
  });

  test('past the 50 images a run uploads, the trend charts (gated metrics, shown first) are among those hosted', async () => {
    const plots = plotsDir(
      dir,
      Array.from({ length: 52 }, (_, i) => `p${i}`),
    );
    writeFileSync(join(dir, 'plots', 'trend-acc.png'), readFileSync(join(dir, 'plots', 'p0.png')));
    const report = {
      ...reportData(plots),
      trends: [{ file: 'metrics.json', key: 'acc', k: 2, rule: null, standing: 'within' as const, image: 'plots/trend-acc.png' }],
    };
    const { pub, log } = publisher(fake, dir);
    assert.ok((await pub.publish(report)).location);
    const [tree] = fake.requestsTo('POST /repos/{owner}/{repo}/git/trees');
    const paths = (tree!.body as { tree: { path: string }[] }).tree.map((t) => t.path.replace(/^.*\//, ''));
    assert.equal(paths.length, 50);
    assert.equal(paths[0], 'trend-acc.png');
    assert.match(
      log.lines.join('\n'),
      /warning: The report has 53 plot images; a run uploads at most 50 .*: plots\/p49\.png, plots\/p50\.png, plots\/p51\.png\./,
    );
  });
});
