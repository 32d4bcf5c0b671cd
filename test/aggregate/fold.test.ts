import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateRuns } from '../../src/aggregate/compose';
import { aggregateMarkdown } from '../../src/aggregate/markdown';
import type { RunInput } from '../../src/aggregate/read';
import type { ReportData } from '../../src/report/types';
import { reportOf } from '../helpers/report';

/** A job's report.json as `mlreport report` writes it: params and metrics as diffs against one base. */
function jobReport(params: Record<string, number>, metrics: Record<string, number>): ReportData {
  return reportOf({
    schemaVersion: 2,
    tool: { name: 'mlreport', version: '0.1.0' },
    base: { sha: 'a'.repeat(40), label: 'main' },
    head: { sha: 'b'.repeat(40), label: 'sweep' },
    params: [{ path: 'params.yaml', rows: Object.entries(params).map(([key, v]) => ({ key, old: 0, new: v, changed: v !== 0 })), notes: [] }],
    metrics: [{ path: 'metrics.json', rows: Object.entries(metrics).map(([key, v]) => ({ key, old: 0.5, new: v, changed: true })), notes: [] }],
    plots: [],
    gates: null,
    pipeline: null,
    warnings: [],
  });
}

/** 100 configurations × 2 seeds × 50 metrics, and one failed job. */
function bigSweep(): RunInput[] {
  const runs: RunInput[] = [];
  for (let c = 0; c < 100; c++) {
    for (const seed of [1, 2]) {
      const metrics: Record<string, number> = {};
      for (let m = 0; m < 50; m++) metrics[m === 0 ? 'accuracy' : `metric_${m}`] = 0.5 + c / 1000 + seed / 10_000 + m / 100;
      runs.push({ name: `c${c}-s${seed}`, report: jobReport({ lr: c / 100, seed, epochs: 10 }, metrics), failed: null });
    }
  }
  runs.push({ name: 'c5-s3', report: null, failed: 'no report.json' });
  return runs;
}

describe('the comparison folded to a comment', () => {
  const report = aggregateRuns(bigSweep(), { repeatParams: ['seed'], rankBy: 'accuracy', rules: null, missingBase: 'skip', expectedRuns: null });

  test('200 runs × 50 metrics: the whole table is longer than a comment, so the comment keeps the best rows first and every failed job', () => {
    const whole = aggregateMarkdown(report).body;
    assert.ok(whole.length > 65_536, `the test needs a table over the limit (${whole.length})`);
    const { body, folded } = aggregateMarkdown(report, { limit: 65_536, fullReport: 'the job summary' });
    assert.equal(folded, true);
    assert.ok(body.length <= 65_536, String(body.length));
    const rows = body.split('\n').filter((l) => l.startsWith('| '));
    assert.match(rows[0]!, /^\|  \| lr \| n \| accuracy ↑ \|$/, 'only the ranking metric is kept when no rule gates another');
    // Seeds 1 and 2 add 0.0001 and 0.0002: the mean of lr 0.99 is 0.59915, the std 0.0001/√2 (shown as Python rounds it).
    assert.match(rows[1]!, /^\| base `main` \|  \|  \| 0\.5 \|$/);
    assert.match(rows[2]!, /^\| 🏆 best \| 0\.99 \| 2 \| 0\.59915 ± 7e-05 \|$/);
    assert.match(rows.at(-1)!, /^\| ❌ failed \|  \| 0 \| `c5-s3`: no report\.json \|$/);
    const shown = rows.length - 3; // the header, the base and the failed job
    assert.match(
      body,
      new RegExp(
        `it shows ${shown} of 100 configurations \\(best first\\) and 1 of 50 metrics \\(ranked and gated\\)\\. The full table is in the job summary\\.`,
      ),
    );
    assert.ok(shown === 100, 'one metric column leaves room for every configuration');
  });

  test('a tighter limit keeps fewer rows, best first, and still fits', () => {
    const { body, folded } = aggregateMarkdown(report, { limit: 3_000 });
    assert.equal(folded, true);
    assert.ok(body.length <= 3_000, String(body.length));
    const rows = body.split('\n').filter((l) => l.startsWith('| '));
    assert.match(rows[2]!, /^\| 🏆 best \| 0\.99 /);
    assert.match(rows[3]!, /^\|  \| 0\.98 /);
    assert.match(body, /it shows \d+ of 100 configurations/);
  });

  test('400 jobs that failed alike: one row names the first of them and counts them, below the configurations', () => {
    const good = bigSweep()
      .filter((r) => r.name === 'c7-s1' || r.name === 'c7-s2')
      .map((r) => ({ ...r, report: jobReport({ lr: 0.07, seed: Number(r.name.slice(-1)), epochs: 10 }, { accuracy: 0.9 }) }));
    const failed: RunInput[] = Array.from({ length: 400 }, (_, i) => ({
      name: `sweep-gpu-a100-${'x'.repeat(120)}-${i}`,
      report: null,
      failed: 'no report.json: the job failed before it wrote or uploaded its report',
    }));
    const other: RunInput = { name: 'c5-s3', report: null, failed: 'no report.json' };
    const sweep = aggregateRuns([...good, ...failed, other], {
      repeatParams: ['seed'],
      rankBy: 'accuracy',
      rules: null,
      missingBase: 'skip',
      expectedRuns: null,
    });
    const whole = aggregateMarkdown(sweep).body;
    assert.ok(whole.length > 65_536, `the test needs a table over the limit (${whole.length})`);
    const { body, folded } = aggregateMarkdown(sweep, { limit: 65_536 });
    assert.equal(folded, true);
    const rows = body.split('\n').filter((l) => l.startsWith('| '));
    assert.equal(rows.length, 5, rows.join('\n'));
    assert.match(rows[2]!, /^\| 🏆 best \| 2 \| 0\.9 ± 0 \|$/);
    const x = 'x'.repeat(120);
    assert.equal(
      rows[3],
      `| ❌ failed | 0 | \`sweep-gpu-a100-${x}-0\`, \`sweep-gpu-a100-${x}-1\`, \`sweep-gpu-a100-${x}-2\` and 397 more (400 jobs): no report.json: the job failed before it wrote or uploaded its report |`,
    );
    assert.match(rows[4]!, /^\| ❌ failed \| 0 \| `c5-s3`: no report\.json \|$/, 'another reason: another row');
    assert.match(body, /it shows 1 of 1 configurations/);
    assert.doesNotMatch(body, /more failed job/, 'every failed job is in a row');
    assert.equal(whole.split('\n').filter((l) => l.startsWith('| ❌ failed')).length, 401, 'the full table keeps a row per job');
  });

  test('400 jobs of 400 configurations that failed alike: one row, whose param cells say how many values they had', () => {
    // A matrix over n_est: each failed job is a configuration of its own, as in a real sweep hitting one quota.
    const runs: RunInput[] = bigSweep()
      .filter((r) => r.report)
      .map((r) => {
        const c = Number(r.name.slice(1, r.name.indexOf('-')));
        const seed = Number(r.name.slice(-1));
        return {
          ...r,
          report: jobReport({ lr: c / 100, batch: c % 2 ? 32 : 64, seed }, { accuracy: 0.5 + c / 1000 + seed / 10_000, loss: 0.3, f1: 0.6, recall: 0.7 }),
        };
      });
    const reason = "stage 'train' failed: command exited with code 3: python src/train.py data/features model.pkl";
    for (let i = 0; i < 400; i++) {
      runs.push({ name: `n${101 + i}-s1`, report: jobReport({ lr: 1.01 + i / 100, batch: 64, seed: 1 }, {}), failed: reason });
    }
    const sweep = aggregateRuns(runs, { repeatParams: ['seed'], rankBy: 'accuracy', rules: null, missingBase: 'skip', expectedRuns: null });
    const whole = aggregateMarkdown(sweep).body;
    assert.ok(whole.length > 65_536, `the test needs a table over the limit (${whole.length})`);
    assert.match(whole, /^## mlreport sweep: 600 runs of `sweep` in 500 configurations vs `main`$/m);
    const { body, folded } = aggregateMarkdown(sweep, { limit: 65_536 });
    assert.equal(folded, true);
    const rows = body.split('\n').filter((l) => l.startsWith('| '));
    const failedRows = rows.filter((l) => l.startsWith('| ❌ failed'));
    assert.deepEqual(failedRows, [
      `| ❌ failed | 400 values | 64 | 0 | \`n101-s1\`, \`n102-s1\`, \`n103-s1\` and 397 more (400 jobs): ${reason.replaceAll('_', '\\_')} |`,
    ]);
    assert.equal(rows.length - 3, 100, 'one row for the failed jobs leaves room for every configuration that ran');
    assert.match(
      body,
      /it shows 100 of 500 configurations \(best first; 400 had no successful run and show as failed jobs\) and 1 of 4 metrics/,
      'counted as the headline counts them',
    );
  });

  test('500 jobs that failed each their own way: the best configurations first, then as many failed rows as fit, the rest counted', () => {
    const failed: RunInput[] = Array.from({ length: 500 }, (_, i) => ({
      name: `job-${i}`,
      report: null,
      failed: `job-${i}/report.json is not JSON (Unexpected end of JSON input, line 1 column ${i})`,
    }));
    const many = aggregateRuns([...bigSweep(), ...failed], {
      repeatParams: ['seed'],
      rankBy: 'accuracy',
      rules: null,
      missingBase: 'skip',
      expectedRuns: null,
    });
    const { body, folded } = aggregateMarkdown(many, { limit: 20_000 });
    assert.equal(folded, true);
    assert.ok(body.length <= 20_000, String(body.length));
    const rows = body.split('\n').filter((l) => l.startsWith('| '));
    assert.deepEqual(
      rows.slice(2, 7).map((r) => r.split(' | ')[1]),
      ['0.99', '0.98', '0.97', '0.96', '0.95'],
      'the five best configurations before any failed job',
    );
    const shown = rows.filter((l) => l.startsWith('| ❌ failed')).length;
    assert.ok(shown > 10 && shown < 501, String(shown));
    assert.match(body, new RegExp(`…and ${501 - shown} more failed jobs, in the full table\\.`));
  });

  test('the job summary (1 MiB, counted in bytes) holds the whole table', () => {
    const { body, folded } = aggregateMarkdown(report, { limit: 1024 * 1024 - 1024, measure: (t) => Buffer.byteLength(t) });
    assert.equal(folded, false);
    assert.equal(body.split('\n').filter((l) => l.startsWith('| ')).length, 1 + 1 + 100 + 1, 'header, base, 100 configurations, the failed job');
    assert.ok(body.includes('| metric\\_49 |'), 'every metric is a column');
  });

  test('params the same in every run are folded away; the repeat param is not a column', () => {
    assert.deepEqual(report.varying, [{ file: 'params.yaml', key: 'lr' }]);
    assert.deepEqual(report.constant, [{ file: 'params.yaml', key: 'epochs', value: 10 }]);
  });
});
