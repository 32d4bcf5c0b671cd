import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseReportJson } from '../../src/report/parse';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

test('a metric that went NaN or inf: report.json reads back (mode: publish, aggregate) with its non-finite changes', async () => {
  const repo = new TempRepo();
  const out = tempDir();
  try {
    repo.commit('base', { 'metrics.json': '{"acc": 0.9, "loss": 0.3, "steps": 10}', 'params.yaml': 'lr: 0.5\n' });
    // JSON as Python's json.dumps writes a diverged run; the params file's change is non-finite too.
    repo.write({ 'metrics.json': '{"acc": NaN, "loss": Infinity, "steps": 12}', 'params.yaml': 'lr: .inf\n' });
    const job = join(out, 'mlreport-seed1');
    const run = await runCli(
      ['report', '--base', 'HEAD', '--metrics', 'metrics.json', '--params', 'params.yaml', '--threshold', 'acc >= 0.8', '--out', job, '--quiet'],
      repo.dir,
    );
    assert.equal(run.code, 1, `the gate breaks on a NaN: ${run.stderr}`);
    const report = parseReportJson(readFileSync(join(job, 'report.json'), 'utf8'));
    const rows = Object.fromEntries(report.metrics[0]!.rows.map((r) => [r.key, r]));
    assert.ok(Number.isNaN(rows.acc!.diff) && Number.isNaN(rows.acc!.relative));
    assert.equal(rows.loss!.diff, Infinity);
    assert.equal(rows.loss!.relative, Infinity);
    assert.equal(rows.steps!.diff, 2, 'finite changes as they were');
    assert.equal(report.params[0]!.rows[0]!.diff, Infinity);
    // The sweep that holds this run compares it rather than refusing its report.json.
    const sweep = await runCli(['aggregate', out, '--out', join(out, 'sweep')], repo.dir);
    assert.doesNotMatch(sweep.stderr, /is not a report mlreport wrote/);
    assert.match(readFileSync(join(out, 'sweep', 'report.md'), 'utf8'), /acc/);
  } finally {
    repo.remove();
    rmSync(out, { recursive: true, force: true });
  }
});
