import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseReportJson } from '../../src/report/parse';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

test('ints beyond 2^53: report.md and report.json keep every digit and the exact change, and report.json reads back', async () => {
  const repo = new TempRepo();
  const out = tempDir();
  try {
    repo.commit('base', { 'metrics.json': '{"num_tokens": 9007199254740993, "ts_ns": 1700000000123456789, "huge": 1}' });
    repo.write({ 'metrics.json': '{"num_tokens": 9007199254740995, "ts_ns": 1700000000123456800, "huge": 100000000000000000001}' });
    const job = join(out, 'job');
    const run = await runCli(['report', '--base', 'HEAD', '--metrics', 'metrics.json', '--out', job, '--quiet'], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    const md = readFileSync(join(job, 'report.md'), 'utf8');
    assert.ok(md.includes('| metrics.json | num\\_tokens | 9007199254740993 | 9007199254740995 | +2 (+2e-14%) |'), md);
    assert.ok(md.includes('| metrics.json | ts\\_ns | 1700000000123456789 | 1700000000123456800 | +11 (+6e-16%) |'), md);
    assert.ok(md.includes('| metrics.json | huge | 1 | 100000000000000000001 | +100000000000000000000 (×1e20) |'), md);
    assert.ok(md.includes('num\\_tokens +2e-14% (9007199254740993 → 9007199254740995)'), 'the headline too');
    const text = readFileSync(join(job, 'report.json'), 'utf8');
    assert.match(text, /"old":\{"int":"9007199254740993"\}/);
    assert.match(text, /"new":\{"int":"100000000000000000001"\},"changed":true,"diff":\{"int":"100000000000000000000"\}/);
    const rows = Object.fromEntries(parseReportJson(text).metrics[0]!.rows.map((r) => [r.key, r]));
    assert.deepEqual([rows.ts_ns!.old, rows.ts_ns!.new, rows.ts_ns!.diff], [{ int: '1700000000123456789' }, { int: '1700000000123456800' }, 11]);
    assert.equal(rows.huge!.diff, 1e20);
  } finally {
    repo.remove();
    rmSync(out, { recursive: true, force: true });
  }
});
