import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HubCommentPublisher, hubBody, matchPull } from '../../src/publish/hub/comment';
import { REPORT_MARKER } from '../../src/report/markdown';
import { describeError } from '../../src/util/errors';
import { MemoryLogger } from '../helpers/memory-logger';
import { FakeHub, type FakeHubOptions } from '../fakes/hub/server';
import { change, FAST, fileDiff, HEAD_SHA, hubConfig, report, TOKEN } from './hub-fixtures';

const composed = (acc: number) => report([fileDiff('metrics.json', { acc })], [fileDiff('params.yaml', { lr: 0.01 })]);

describe('hub PR comment', () => {
  let hub: FakeHub;
  const start = async (options: Partial<FakeHubOptions> = {}) => {
    hub = await FakeHub.start({ owner: 'acme', repo: 'iris', login: 'ci-bot', token: TOKEN, ...options });
    return hub;
  };
  afterEach(() => hub?.close());

  test('creates the comment on the mirrored PR, then updates the same comment in place', async () => {
    await start();
    hub.addPull({ headRef: 'other-branch' });
    const pr = hub.addPull({ headRef: 'tune-lr', headSha: HEAD_SHA });
    hub.addComment(pr.number, 'Looks good!', 'alice');
    const publisher = new HubCommentPublisher(hubConfig(hub.url), new MemoryLogger(), FAST);

    const first = await publisher.publish(composed(0.9));
    const ours = () => hub.commentsOn(pr.number).filter((c) => c.login === 'ci-bot');
    assert.equal(ours().length, 1);
    assert.match(ours()[0]!.body, /0\.9/);
    assert.ok(ours()[0]!.body.includes(REPORT_MARKER));
    assert.match(first.location ?? '', /pulls\/2#issuecomment-/);
    const id = ours()[0]!.id;

    await publisher.publish(composed(0.95));
    assert.equal(ours().length, 1);
    assert.equal(ours()[0]!.id, id, 'same comment, edited');
    assert.match(ours()[0]!.body, /0\.95/);
    assert.equal(hub.commentsOn(pr.number).length, 2, "alice's comment untouched");
    assert.ok(hub.requests.some((r) => r.method === 'PATCH' && r.path.endsWith(`/issues/comments/${id}`)));
    assert.ok(
      hub.requests.every((r) => r.authorization === `Bearer ${TOKEN}`),
      'every call sends the Bearer token',
    );
  });

  test("uses Gogs' edit path when Gitea's does not exist", async () => {
    await start({ commentEndpoint: 'gogs' });
    const pr = hub.addPull({ headRef: 'tune-lr' });
    const publisher = new HubCommentPublisher(hubConfig(hub.url), new MemoryLogger(), FAST);
    await publisher.publish(composed(0.9));
    const id = hub.commentsOn(pr.number)[0]!.id;
    await publisher.publish(composed(0.95));
    assert.deepEqual(
      hub.commentsOn(pr.number).map((c) => c.id),
      [id],
    );
    assert.match(hub.commentsOn(pr.number)[0]!.body, /0\.95/);
  });

  test('without an edit endpoint, posts a new comment and deletes the old one', async () => {
    await start({ commentEndpoint: 'none' });
    const pr = hub.addPull({ headRef: 'tune-lr' });
    const old = hub.addComment(pr.number, `${REPORT_MARKER}\nold report`);
    const log = new MemoryLogger();
    await new HubCommentPublisher(hubConfig(hub.url), log, FAST).publish(composed(0.95));
    const left = hub.commentsOn(pr.number);
    assert.equal(left.length, 2, 'the old comment stays when delete is not there either');
    assert.notEqual(left.at(-1)!.id, old.id);
    assert.match(left.at(-1)!.body, /0\.95/);
    assert.ok(log.lines.some((l) => /cannot edit comments/.test(l)));
    assert.ok(hub.requests.filter((r) => r.method === 'PATCH').length === 2, 'tried both edit paths');
  });

  test('without an edit endpoint (404) but with delete: exactly one report comment remains', async () => {
    await start({ commentEndpoint: 'none', deleteEndpoint: 'gitea', missingEndpointStatus: 404 });
    const pr = hub.addPull({ headRef: 'tune-lr' });
    const old = hub.addComment(pr.number, `${REPORT_MARKER}\nold report`);
    await new HubCommentPublisher(hubConfig(hub.url), new MemoryLogger(), FAST).publish(composed(0.95));
    const left = hub.commentsOn(pr.number);
    assert.equal(left.length, 1);
    assert.notEqual(left[0]!.id, old.id);
    assert.match(left[0]!.body, /0\.95/);
  });

  test('twin report comments (a retried POST) are reduced to one', async () => {
    await start();
    const pr = hub.addPull({ headRef: 'tune-lr' });
    hub.addComment(pr.number, `${REPORT_MARKER}\nfirst`);
    const latest = hub.addComment(pr.number, `${REPORT_MARKER}\ntwin`);
    hub.addComment(pr.number, `${REPORT_MARKER}\nsomeone quoting the report`, 'alice');
    await new HubCommentPublisher(hubConfig(hub.url), new MemoryLogger(), FAST).publish(composed(0.95));
    const ours = hub.commentsOn(pr.number).filter((c) => c.login === 'ci-bot');
    assert.deepEqual(
      ours.map((c) => c.id),
      [latest.id],
    );
    assert.match(ours[0]!.body, /0\.95/);
    assert.equal(hub.commentsOn(pr.number).length, 2);
  });

  test("a PR with 60 comments (Gitea's comment list has no pages): read once, the report updated, never deleted", async () => {
    await start();
    const pr = hub.addPull({ headRef: 'tune-lr', headSha: HEAD_SHA });
    for (let i = 0; i < 30; i++) hub.addComment(pr.number, `review note ${i}`, 'alice');
    const report = hub.addComment(pr.number, `${REPORT_MARKER}\nold report`);
    for (let i = 0; i < 29; i++) hub.addComment(pr.number, `later note ${i}`, 'bob');
    const log = new MemoryLogger();
    await new HubCommentPublisher(hubConfig(hub.url), log, FAST).publish(composed(0.95));
    const lists = hub.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/issues/${pr.number}/comments`));
    assert.equal(lists.length, 1, 'the whole list comes in one answer');
    assert.equal(lists[0]!.search, '', "no page/limit: Gitea's endpoint defines neither");
    const ours = hub.commentsOn(pr.number).filter((c) => c.body.includes(REPORT_MARKER));
    assert.deepEqual(
      ours.map((c) => c.id),
      [report.id],
      'the same comment, edited in place',
    );
    assert.match(ours[0]!.body, /0\.95/);
    assert.equal(hub.commentsOn(pr.number).length, 60);
    assert.equal(hub.requests.filter((r) => r.method === 'DELETE').length, 0);
  });

  test('finds the PR on a later page and prefers the one at the head commit', async () => {
    await start({ maxPageSize: 30 });
    for (let i = 0; i < 70; i++) hub.addPull({ headRef: `feature-${i}` });
    hub.addPull({ headRef: 'tune-lr', headSha: 'c'.repeat(40) });
    const target = hub.addPull({ headRef: 'tune-lr', headSha: HEAD_SHA });
    hub.addPull({ headRef: 'tune-lr', headSha: 'd'.repeat(40), state: 'closed' });
    await new HubCommentPublisher(hubConfig(hub.url), new MemoryLogger(), FAST).publish(composed(0.9));
    assert.equal(hub.commentsOn(target.number).length, 1);
    assert.equal(hub.requests.filter((r) => r.path.endsWith('/pulls')).length, 3, '72 open pulls at 30 a page');
  });

  test('a PR that is not mirrored: an error that says what to fix, nothing posted', async () => {
    await start();
    hub.addPull({ headRef: 'something-else' });
    const error = await new HubCommentPublisher(hubConfig(hub.url), new MemoryLogger(), FAST).publish(composed(0.9)).catch((e: unknown) => e);
    assert.match(describeError(error), /No open DagsHub PR in acme\/iris has head branch 'tune-lr': the PR is not mirrored/);
    assert.equal(hub.comments.length, 0);
  });

  test('a bad token: the error names hub-token and never contains the token', async () => {
    await start();
    hub.addPull({ headRef: 'tune-lr' });
    const wrong = 'dhp_wr0ng-t0ken';
    const error = await new HubCommentPublisher(hubConfig(hub.url, { token: wrong }), new MemoryLogger(), FAST).publish(composed(0.9)).catch((e: unknown) => e);
    const message = describeError(error);
    assert.match(message, /returned 401/);
    assert.match(message, /Check 'hub-token'/);
    assert.ok(!message.includes(wrong) && !message.includes(TOKEN));
    assert.equal(hub.requests.length, 1, '401 is not retried');
  });

  test('not a pull request (a push): no comment and no request', async () => {
    await start();
    hub.addPull({ headRef: 'tune-lr' });
    const log = new MemoryLogger();
    await new HubCommentPublisher(hubConfig(hub.url, { change: change({ prNumber: null }) }), log, FAST).publish(composed(0.9));
    assert.equal(hub.requests.length, 0);
    assert.ok(log.lines.some((l) => /not a pull request/.test(l)));
  });

  test('no token (a fork): a clear error before any request', async () => {
    await start();
    const error = await new HubCommentPublisher(hubConfig(hub.url, { token: null }), new MemoryLogger(), FAST).publish(composed(0.9)).catch((e: unknown) => e);
    assert.match(describeError(error), /'hub-token' is empty/);
    assert.equal(hub.requests.length, 0);
  });

  test('retries 5xx (honouring Retry-After) and dropped connections, then succeeds', async () => {
    await start();
    const pr = hub.addPull({ headRef: 'tune-lr' });
    hub.faults.add({ path: /\/pulls$/, times: 1, action: { status: 503, headers: { 'retry-after': '0' } } });
    hub.faults.add({ method: 'POST', times: 2, action: 'drop' });
    await new HubCommentPublisher(hubConfig(hub.url), new MemoryLogger(), FAST).publish(composed(0.9));
    assert.equal(hub.commentsOn(pr.number).length, 1);
    assert.equal(hub.requests.filter((r) => r.method === 'POST').length, 3);
  });

  test('a server that always drops the connection: a bounded number of attempts, then an error', async () => {
    await start();
    hub.faults.add({ times: Infinity, action: 'drop' });
    const error = await new HubCommentPublisher(hubConfig(hub.url), new MemoryLogger(), FAST).publish(composed(0.9)).catch((e: unknown) => e);
    assert.match(describeError(error), /GET \/api\/v1\/repos\/acme\/iris\/pulls failed/);
    assert.equal(hub.requests.length, 4);
  });
});

describe('hub comment helpers', () => {
  test('matchPull: open, same head branch; the head commit decides between several', () => {
    const pulls = [
      { number: 1, state: 'open', head: { ref: 'x', sha: 'a' } },
      { number: 2, state: 'open', head: { ref: 'x', sha: 'b' } },
      { number: 3, state: 'closed', head: { ref: 'x', sha: 'c' } },
      { number: 4, state: 'open', head: { ref: 'y', sha: 'a' } },
    ];
    assert.equal(matchPull(pulls, 'x', 'a')?.number, 1);
    assert.equal(matchPull(pulls, 'x', 'zzz')?.number, 2, 'newest when no sha matches');
    assert.equal(matchPull(pulls, 'x', 'c')?.number, 2, 'closed PRs never match');
    assert.equal(matchPull(pulls, 'z', null), null);
  });

  test('hubBody names each plot image and points at the GitHub report: no image link that cannot resolve, no Mermaid; the marker kept', () => {
    const data = report([fileDiff('metrics.json', { acc: 0.9 })], []);
    data.plots = [
      {
        id: 'loss',
        title: 'Loss',
        image: 'plots/loss.png',
        baseImage: 'plots/loss.base.png',
        notes: [],
        series: { x: [1, 2], lines: [{ name: 'head', y: [1, 0.5] }] },
      },
    ];
    const body = hubBody(data);
    assert.ok(body.startsWith(REPORT_MARKER));
    assert.doesNotMatch(body, /\]\(plots\//);
    assert.doesNotMatch(body, /mermaid/);
    assert.match(body, /_Loss: PNG `plots\/loss\.png` in the GitHub report\._/);
    assert.match(body, /At the base: Loss \(PNG `plots\/loss\.base\.png` in the GitHub report\)/);
  });
});
