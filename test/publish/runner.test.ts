import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { publishAll, type PlannedTarget } from '../../src/publish/runner';
import type { PublishContext, Target, TargetOutcome } from '../../src/publish/types';
import type { ReportData } from '../../src/report/types';
import { UserError } from '../../src/util/errors';
import { MemoryLogger } from '../helpers/memory-logger';
import { reportData } from './github-fixtures';

/** A target that records what it was given and then answers as told. */
class Recorder implements Target {
  readonly seen: PublishContext[] = [];
  constructor(
    readonly name: string,
    private readonly answer: TargetOutcome | Error,
  ) {}
  async publish(_report: ReportData, context: PublishContext): Promise<TargetOutcome> {
    this.seen.push({ hosted: new Map(context.hosted) });
    await Promise.resolve();
    if (this.answer instanceof Error) throw this.answer;
    return this.answer;
  }
}

const run = (table: (PlannedTarget | null)[]) => {
  const log = new MemoryLogger();
  return publishAll(reportData(), table, log).then((out) => ({ ...out, log: log.lines }));
};

describe('the publishing table', () => {
  test('a required target that throws fails the run with an error; the targets after it still run', async () => {
    const after = new Recorder('after', { location: 'x' });
    const out = await run([
      { target: new Recorder('comment', new UserError('GitHub answered 500')), policy: 'required' },
      { target: after, policy: 'required' },
    ]);
    assert.equal(out.failed, true);
    assert.deepEqual(out.log, ['error: comment: GitHub answered 500']);
    assert.deepEqual(out.results.get(after), { status: 'published', location: 'x' });
  });

  test('an optional target that throws is a warning naming the input that makes it required; the run does not fail', async () => {
    const out = await run([{ target: new Recorder('hub', new UserError('401')), policy: 'optional', requiredBy: 'hub-required: true' }]);
    assert.equal(out.failed, false);
    assert.deepEqual(out.log, ["warning: hub: 401 (This does not fail the step; set 'hub-required: true' to make it.)"]);
  });

  test('a never-fails target that throws is a warning', async () => {
    const out = await run([{ target: new Recorder('artifact', new UserError('no service')), policy: 'never-fails' }]);
    assert.equal(out.failed, false);
    assert.deepEqual(out.log, ['warning: artifact: no service']);
  });

  test('images a target hosts are given to the targets after it, not before', async () => {
    const before = new Recorder('before', {});
    const after = new Recorder('after', {});
    await run([
      { target: before, policy: 'required' },
      { target: new Recorder('comment', { hostedImages: new Map([['plots/a.png', 'https://h/a.png']]) }), policy: 'required' },
      { target: after, policy: 'required' },
    ]);
    assert.equal(before.seen[0]!.hosted.size, 0);
    assert.equal(after.seen[0]!.hosted.get('plots/a.png'), 'https://h/a.png');
  });

  test("a row's condition sees the earlier results: not posted, failed, skipped, published", async () => {
    for (const [answer, status] of [
      [{ notPosted: 'a fork' }, 'not-posted'],
      [new UserError('boom'), 'failed'],
      [{ skipped: true }, 'skipped'],
      [{ location: 'u' }, 'published'],
    ] as const) {
      const comment = new Recorder('comment', answer);
      const artifact = new Recorder('artifact', {});
      const out = await run([
        { target: comment, policy: 'required' },
        { target: artifact, policy: 'never-fails', when: (results) => ['not-posted', 'failed'].includes(results.get(comment)!.status) },
      ]);
      assert.equal(out.results.get(comment)!.status, status);
      assert.equal(artifact.seen.length, status === 'not-posted' || status === 'failed' ? 1 : 0, status);
    }
  });

  test('rows left null (targets this run has not configured) are skipped', async () => {
    const out = await run([null, null]);
    assert.equal(out.failed, false);
    assert.equal(out.results.size, 0);
  });
});
