import { describe, test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FakeGitHub } from '../fakes/github';
import { addComment, comments } from '../fakes/github/routes/comments';
import { fileAtCommit, gitStore } from '../fakes/github/routes/git-data';
import { releases } from '../fakes/github/routes/releases';
import { commentMarker } from '../../src/publish/github/comments';
import { HEAD, REPO, noted, plotsDir, publisher, reportData, dropFixture, pullRequestFixture } from './github-fixtures';

const [owner, repo] = REPO.split('/') as [string, string];
const MARKER = commentMarker('default');
const HUMAN = { login: 'alice', id: 5, type: 'User' as const, readOnly: false };

let fake: FakeGitHub;
let dir: string;
beforeEach(async () => ({ fake, dir } = await pullRequestFixture()));
afterEach(() => dropFixture({ fake, dir }));

const onPr = (n = 5): string[] =>
  comments(fake, { params: { owner, repo } } as never)
    .filter((c) => c.on === `pr:${n}`)
    .map((c) => c.body);

describe('sticky PR comment', () => {
  test('names the commit it reports on; a run for an older push, finishing late, does not put its verdict back', async () => {
    await publisher(fake, dir).pub.publish(noted(reportData(), 'the head: accuracy 0.30'));
    assert.ok(onPr()[0]!.includes(` (${HEAD.slice(0, 7)}) vs `), onPr()[0]);
    const older = 'c'.repeat(40);
    const late = publisher(fake, dir, { headSha: older, sha: 'd'.repeat(40) });
    const out = await late.pub.publish(noted(reportData(), 'an older push: accuracy 0.91'));
    assert.equal(onPr().length, 1);
    assert.match(onPr()[0]!, /the head: accuracy 0\.30/);
    assert.equal(fake.requestsTo('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}').length, 0);
    assert.deepEqual(out, { skipped: true });
    assert.ok(
      late.log.lines.includes(
        `info: Not updating the report comment on pull request #5: its head is now ${HEAD.slice(0, 7)}, and this run is for ${older.slice(0, 7)}, an older push; the run for the newer head reports there.`,
      ),
      late.log.lines.join('\n'),
    );
    // The run for the head itself still updates it.
    await publisher(fake, dir).pub.publish(noted(reportData(), 'the head, re-run'));
    assert.match(onPr()[0]!, /the head, re-run/);
  });

  test('two runs leave one comment, updated in place', async () => {
    const first = publisher(fake, dir);
    const out1 = await first.pub.publish(noted(reportData(), 'accuracy 0.90'));
    const second = publisher(fake, dir);
    const out2 = await second.pub.publish(noted(reportData(), 'accuracy 0.95'));
    const bodies = onPr();
    assert.equal(bodies.length, 1);
    assert.match(bodies[0]!, /accuracy 0\.95/);
    assert.ok(bodies[0]!.startsWith(MARKER));
    assert.equal(out1.location, out2.location);
    assert.equal(fake.requestsTo('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}').length, 1);
    assert.equal(fake.requestsTo('POST /repos/{owner}/{repo}/issues/{issue_number}/comments').length, 1);
  });

  test("three duplicates: the newest is updated, the rest deleted; others' comments and other report-ids untouched", async () => {
    const bot = fake.tokens.get('test-token')!;
    const a = addComment(fake, REPO, 'pr:5', `${MARKER}\nold 1`, bot);
    const b = addComment(fake, REPO, 'pr:5', `${MARKER}\nold 2`, bot);
    const c = addComment(fake, REPO, 'pr:5', `${MARKER}\nold 3`, bot);
    addComment(fake, REPO, 'pr:5', `quoting your report: ${MARKER}`, HUMAN);
    addComment(fake, REPO, 'pr:5', `${commentMarker('gpu')}\nthe GPU job's report`, bot);
    const { pub, log } = publisher(fake, dir);
    await pub.publish(noted(reportData(), 'fresh'));
    const left = comments(fake, { params: { owner, repo } } as never);
    assert.deepEqual(
      left.map((x) => x.id).filter((id) => [a.id, b.id, c.id].includes(id)),
      [c.id],
    );
    assert.match(left.find((x) => x.id === c.id)!.body, /fresh/);
    assert.ok(left.some((x) => x.author.login === 'alice'));
    assert.ok(left.some((x) => x.body.includes('GPU job')));
    assert.ok(
      log.lines.some((l) => /2 duplicates deleted/.test(l)),
      log.lines.join('\n'),
    );
  });

  test('finds its comment past the first page (all comments are listed, 100 per request)', async () => {
    for (let i = 0; i < 150; i++) addComment(fake, REPO, 'pr:5', `chatter ${i}`, HUMAN);
    const bot = fake.tokens.get('test-token')!;
    addComment(fake, REPO, 'pr:5', `${MARKER}\nprevious`, bot);
    for (let i = 0; i < 30; i++) addComment(fake, REPO, 'pr:5', `more chatter ${i}`, HUMAN);
    const { pub } = publisher(fake, dir);
    await pub.publish(noted(reportData(), 'next'));
    assert.equal(onPr().filter((b) => b.includes(MARKER)).length, 1);
    assert.equal(fake.requestsTo('GET /repos/{owner}/{repo}/issues/{issue_number}/comments').length, 2);
    assert.ok(fake.requestsTo('GET /repos/{owner}/{repo}/issues/{issue_number}/comments').every((r) => r.path.includes('per_page=100')));
  });

  test("a user token's identity comes from GET /user; a person's marked comment is never edited", async () => {
    fake.tokens.set('ghp_alice', HUMAN);
    addComment(fake, REPO, 'pr:5', `${MARKER}\nby the bot`, fake.tokens.get('test-token')!);
    const { pub } = publisher(fake, dir, { token: 'ghp_alice' });
    await pub.publish(noted(reportData(), 'by alice'));
    const marked = comments(fake, { params: { owner, repo } } as never).filter((c) => c.body.includes(MARKER));
    assert.deepEqual(marked.map((c) => c.author.login).sort(), ['alice', 'github-actions[bot]']);
    assert.equal(fake.requestsTo('GET /user').length, 1);
  });

  test('comment: new posts every run; comment: off posts nothing', async () => {
    for (let i = 0; i < 2; i++) await publisher(fake, dir, {}, { comment: 'new' }).pub.publish(reportData());
    assert.equal(onPr().length, 2);
    await publisher(fake, dir, {}, { comment: 'off' }).pub.publish(reportData());
    assert.equal(onPr().length, 2);
  });
});

describe('requests per run', () => {
  test("a PR that already has the report: 6 requests (one asks the PR's head) + 1 per image + 1 per 100 comments", async () => {
    for (let i = 0; i < 150; i++) addComment(fake, REPO, 'pr:5', `chatter ${i}`, HUMAN);
    const plots = plotsDir(dir, ['loss', 'roc', 'confusion']);
    await publisher(fake, dir).pub.publish(reportData(plots));
    const before = fake.requests.length;
    await publisher(fake, dir).pub.publish(noted(reportData(plots), 'run 2'));
    assert.equal(fake.requests.length - before, 6 + 3 + 2);
    const again = fake.requests.length;
    await publisher(fake, dir, {}, { imageStore: 'none' }).pub.publish(noted(reportData(plots), 'run 3'));
    assert.equal(fake.requests.length - again, 3 + 1);
  });
});

describe('push events', () => {
  test("a push whose commit is an open PR's head leaves the PR to the pull_request run: it comments on the commit (auto), or nowhere (pr)", async () => {
    const { pub, log } = publisher(fake, dir, { eventName: 'push', prNumber: null, headSha: null, sha: HEAD });
    const out = await pub.publish(reportData());
    assert.equal(onPr().length, 0);
    assert.match(out.location!, new RegExp(`/commit/${HEAD}#commitcomment-`));
    assert.ok(
      log.lines.some((m) =>
        m.startsWith(`info: ${HEAD.slice(0, 7)} is the head of pull request #5: its comment and the gate's check run there are the pull_request run's`),
      ),
    );
    await publisher(fake, dir, { eventName: 'push', prNumber: null, headSha: null, sha: HEAD }, { commentOn: 'pr' }).pub.publish(reportData());
    assert.equal(onPr().length, 0);
  });

  test('a push with no PR comments on the commit (auto), or nowhere (comment-on: pr)', async () => {
    const sha = 'd'.repeat(40);
    await publisher(fake, dir, { eventName: 'push', prNumber: null, headSha: null, sha }, { commentOn: 'pr' }).pub.publish(reportData());
    assert.equal(comments(fake, { params: { owner, repo } } as never).length, 0);
    const out = await publisher(fake, dir, { eventName: 'push', prNumber: null, headSha: null, sha }).pub.publish(reportData());
    const again = await publisher(fake, dir, { eventName: 'push', prNumber: null, headSha: null, sha }).pub.publish(noted(reportData(), 'v2'));
    const onCommit = comments(fake, { params: { owner, repo } } as never).filter((c) => c.on === `commit:${sha}`);
    assert.equal(onCommit.length, 1);
    assert.match(onCommit[0]!.body, /v2/);
    assert.equal(out.location, again.location);
    assert.match(out.location!, new RegExp(`/commit/${sha}#commitcomment-`));
  });
});

describe('plot images', () => {
  test('branch store: one commit per run on an orphan branch, links pinned to the commit SHA', async () => {
    const plots = plotsDir(dir, ['loss', 'roc', 'confusion']);
    await publisher(fake, dir).pub.publish(reportData(plots));
    const store = gitStore(fake, { params: { owner, repo } });
    const first = store.refs.get('refs/heads/mlreport-assets')!;
    assert.deepEqual(store.commits.get(first)!.parents, []);
    const body1 = onPr()[0]!;
    const links = [...body1.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    assert.equal(links.length, 3);
    for (const [i, link] of links.entries()) {
      const m = new RegExp(`^https://github\\.example/${REPO}/blob/([0-9a-f]{40})/(pr-5/${HEAD}/default/[a-z]+\\.png)\\?raw=true$`).exec(link);
      assert.ok(m, link);
      assert.equal(m[1], first);
      assert.equal(m[2], `pr-5/${HEAD}/default/${plots[i]!.id}.png`);
      assert.deepEqual(fileAtCommit(fake, REPO, first, m[2]!), readFileSync(`${dir}/plots/${plots[i]!.id}.png`));
    }
    assert.equal(fake.requestsTo('POST /repos/{owner}/{repo}/git/blobs').length, 3);
    assert.equal(fake.requestsTo('POST /repos/{owner}/{repo}/git/commits').length, 1);

    await publisher(fake, dir).pub.publish(noted(reportData(plots), 'second run'));
    const second = store.refs.get('refs/heads/mlreport-assets')!;
    assert.notEqual(second, first);
    assert.deepEqual(store.commits.get(second)!.parents, [first]);
    assert.ok(fileAtCommit(fake, REPO, first, `pr-5/${HEAD}/default/loss.png`), "the first run's images stay at its commit");
    assert.equal(onPr().length, 1);
  });

  test('another run moving the branch first (422 not a fast forward) is handled: re-read, re-commit on top', async () => {
    const plots = plotsDir(dir, ['loss']);
    await publisher(fake, dir).pub.publish(reportData(plots));
    fake.injectFault({
      match: /^PATCH \/repos\/octo\/iris\/git\/refs\//,
      response: { status: 422, body: { message: 'Update is not a fast forward', documentation_url: 'https://docs.github.com/rest', status: '422' } },
    });
    await publisher(fake, dir).pub.publish(noted(reportData(plots), 'raced'));
    assert.equal(fake.requestsTo('POST /repos/{owner}/{repo}/git/commits').length, 3);
    assert.equal(fake.requestsTo('GET /repos/{owner}/{repo}/git/ref/{ref}').length, 3);
    const tip = gitStore(fake, { params: { owner, repo } }).refs.get('refs/heads/mlreport-assets')!;
    assert.ok(onPr()[0]!.includes(`/blob/${tip}/`));
  });

  test('the uploaded bytes are the PNG files', async () => {
    const plots = plotsDir(dir, ['loss']);
    await publisher(fake, dir).pub.publish(reportData(plots));
    const tip = gitStore(fake, { params: { owner, repo } }).refs.get('refs/heads/mlreport-assets')!;
    assert.deepEqual(fileAtCommit(fake, REPO, tip, `pr-5/${HEAD}/default/loss.png`), readFileSync(`${dir}/plots/loss.png`));
  });

  test('release store: assets of one prerelease, created on first use, replaced on a re-run', async () => {
    const plots = plotsDir(dir, ['loss', 'roc']);
    await publisher(fake, dir, {}, { imageStore: 'release' }).pub.publish(reportData(plots));
    await publisher(fake, dir, {}, { imageStore: 'release' }).pub.publish(reportData(plots));
    const rel = releases(fake, { params: { owner, repo } });
    assert.equal(rel.length, 1);
    assert.equal(rel[0]!.prerelease, true);
    assert.equal(rel[0]!.tag, 'mlreport-assets');
    assert.deepEqual(rel[0]!.assets.map((a) => a.name).sort(), [`pr-5-${HEAD}-default-loss.png`, `pr-5-${HEAD}-default-roc.png`]);
    const body = onPr()[0]!;
    assert.match(body, new RegExp(`\\]\\(${fake.url.replace(/[.]/g, '\\.')}/${REPO}/releases/download/mlreport-assets/pr-5-${HEAD}-default-loss\\.png\\)`));
  });

  test("image-store none: Mermaid xychart-beta from the plot's series, and a note that the PNGs are in the artifact", async () => {
    const plots = plotsDir(dir, ['loss', 'roc']);
    plots[0]!.series = {
      x: [1, 2, 3],
      lines: [
        { name: 'main', y: [0.9, 0.5, 0.3] },
        { name: 'feature', y: [0.8, 0.4, 0.2] },
      ],
      xLabel: 'epoch',
    };
    await publisher(fake, dir, {}, { imageStore: 'none' }).pub.publish(reportData(plots));
    const body = onPr()[0]!;
    assert.match(
      body,
      /```mermaid\n%%\{init: \{"themeVariables": \{"xyChart": \{"plotColorPalette": "#1f6feb, #e16f24"\}\}\}\}%%\nxychart-beta\n {4}title "Plot loss"\n {4}x-axis "epoch" \[1, 2, 3\]\n {4}line \[0\.9, 0\.5, 0\.3\]\n {4}line \[0\.8, 0\.4, 0\.2\]\n```\n🟦 `main` · 🟧 `feature`\n/,
    );
    assert.match(body, /Plot roc: PNG `plots\/roc\.png` in the workflow artifact/);
    assert.match(body, /the image files are in the workflow artifact/);
    assert.equal(fake.requestsTo('POST /repos/{owner}/{repo}/git/blobs').length, 0);
  });
});
