import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

/** `{"group0": {"metric_0": …}, …}`: `keys` metrics in 1,000 groups, every value different per seed. */
function metricsJson(keys: number, seed: number): string {
  const groups: Record<string, Record<string, number>> = {};
  for (let i = 0; i < keys; i++) (groups[`group${i % 1000}`] ??= {})[`metric_${i}`] = Math.round(Math.sin(i * seed) * 1e6) / 1e3;
  return JSON.stringify(groups);
}

// Above ≈125k rows, spreading every row into one call (`push(...rows)`, `Math.max(...widths)`) threw
// "Maximum call stack size exceeded" from `metrics diff`'s table and from `report`.
describe('200,000 changed metrics (dist/cli.js)', () => {
  const KEYS = 200_000;
  const repo = new TempRepo();
  repo.commit('base', { 'metrics.json': metricsJson(KEYS, 1) });
  repo.write({ 'metrics.json': metricsJson(KEYS, 2) });
  after(() => repo.remove());

  test('metrics diff prints every changed row in its table', async () => {
    const r = await runCli(['metrics', 'diff', '--targets', 'metrics.json'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^Path\s+Metric\s+HEAD\s+workspace\s+Change$/);
    // sin(0) is 0 on both sides: the one unchanged metric.
    assert.equal(lines.length, 1 + KEYS - 1);
    assert.ok(/\nmetrics\.json +group999\.metric_199999 +/.test(r.stdout), 'the last changed row is in the table');
  });

  test('report writes report.md with the changed metrics table and report.json with every row', async () => {
    const out = tempDir();
    const r = await runCli(['report', '--base', 'HEAD', '--metrics', 'metrics.json', '--out', out, '--quiet'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    // Huge texts are checked with includes(): a failed match would print all of them.
    assert.ok(md.includes('| metrics.json | group999.metric\\_199999 | '), 'the last changed row is in the table');
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    assert.equal(json.metrics[0].rows.length, KEYS);
  });
});
