import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { Deadline, FALLBACK_SHARE_MS, PUBLISH_GRACE_MS } from '../../src/util/deadline';

test("publishing's limit: the budget's end while enough is left, else a grace from when publishing starts", () => {
  const roomy = new Deadline(10);
  const before = performance.now();
  const { first: limit, last } = roomy.publishing();
  assert.equal(limit, last, 'without a fallback, every target has the one limit');
  assert.ok(limit.endsAt > before + 9 * 60_000 && limit.endsAt <= performance.now() + 10 * 60_000);
  assert.equal(limit.describe(), "the run's time budget (10 min, `deadline-minutes`)");

  // 60 ms: (nearly) spent when publishing starts, as when the deadline cut the run. The report still goes out.
  const spent = new Deadline(0.001);
  const start = performance.now();
  const late = spent.publishing().first;
  assert.ok(late.endsAt >= start + PUBLISH_GRACE_MS && late.endsAt <= performance.now() + PUBLISH_GRACE_MS);
  assert.equal(late.describe(), "the run's time budget (0.1 s, `deadline-minutes`, with at least 30 s to publish)");
});

test("with a fallback, the targets before it leave it the end of publishing's limit, and a message says so", () => {
  const spent = new Deadline(0.001);
  const start = performance.now();
  const { first, last } = spent.publishing('the workflow artifact');
  assert.ok(last.endsAt >= start + PUBLISH_GRACE_MS && last.endsAt <= performance.now() + PUBLISH_GRACE_MS);
  assert.equal(first.endsAt, last.endsAt - FALLBACK_SHARE_MS);
  assert.ok(first.endsAt > start, 'the targets before the fallback still get time');
  assert.equal(last.describe(), "the run's time budget (0.1 s, `deadline-minutes`, with at least 30 s to publish)");
  assert.equal(
    first.describe(),
    "the run's time budget (0.1 s, `deadline-minutes`, with at least 30 s to publish, the last 10 s of them kept for the workflow artifact)",
  );

  const roomy = new Deadline(10).publishing('the workflow artifact');
  assert.equal(roomy.first.endsAt, roomy.last.endsAt - FALLBACK_SHARE_MS);
  assert.equal(roomy.first.describe(), "the run's time budget (10 min, `deadline-minutes`, less its last 10 s, kept for the workflow artifact)");
});
