import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { Deadline, PUBLISH_GRACE_MS } from '../../src/util/deadline';

test("publishing's limit: the budget's end while enough is left, else a grace from when publishing starts", () => {
  const roomy = new Deadline(10);
  const before = performance.now();
  const limit = roomy.publishing();
  assert.ok(limit.endsAt > before + 9 * 60_000 && limit.endsAt <= performance.now() + 10 * 60_000);
  assert.equal(limit.describe(), "the run's time budget (10 min, `deadline-minutes`)");

  // 60 ms: (nearly) spent when publishing starts, as when the deadline cut the run. The report still goes out.
  const spent = new Deadline(0.001);
  const start = performance.now();
  const late = spent.publishing();
  assert.ok(late.endsAt >= start + PUBLISH_GRACE_MS && late.endsAt <= performance.now() + PUBLISH_GRACE_MS);
  assert.equal(late.describe(), "the run's time budget (0.1 s, `deadline-minutes`, with at least 30 s to publish)");
});
