// A sweep's aggregate through the bundled CLI (dist/cli.js): 200 jobs' report.json (100 configurations × 2 seeds,
// 50 metrics and 6 params each) → one comparison. Target (issue 16): under 2 s end to end, the comment folded
// under GitHub's 65,536 characters. Each sample is a fresh `node` process; the figure is the median of 5.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aggregateRuns } from '../src/aggregate/compose';
import { aggregateMarkdown } from '../src/aggregate/markdown';
import { readRuns } from '../src/aggregate/read';
import type { AggregateReport } from '../src/aggregate/types';
import type { ReportJson } from '../src/report/to-json';

const CONFIGURATIONS = 100;
const SEEDS = 2;
const METRICS = 50;
const TARGET_MS = 2000;
const COMMENT_LIMIT = 65_536;

const dir = mkdtempSync(join(tmpdir(), 'mlreport-bench-aggregate-'));
const artifacts = join(dir, 'artifacts');
for (let c = 0; c < CONFIGURATIONS; c++) {
  for (let seed = 1; seed <= SEEDS; seed++) {
    const params = { lr: 10 ** -(1 + (c % 4)), depth: 2 + Math.floor(c / 4), seed, epochs: 20, batch: 64, optimizer: 'adam' };
    const metrics = Array.from({ length: METRICS }, (_, m) => ({
      key: m === 0 ? 'accuracy' : m === 1 ? 'loss' : `eval.metric_${m}`,
      old: 0.5,
      new: 0.5 + Math.sin(c * 7 + m + seed) / 10,
      changed: true,
    }));
    // Typed as report.json is, so a change of its schema is a change here too.
    const report: ReportJson = {
      schemaVersion: 2,
      tool: { name: 'mlreport', version: '0.1.0' },
      base: { sha: 'a'.repeat(40), label: 'main' },
      head: { sha: 'b'.repeat(40), label: 'sweep' },
      params: [{ path: 'params.yaml', rows: Object.entries(params).map(([key, v]) => ({ key, old: v, new: v, changed: false })), notes: [] }],
      metrics: [{ path: 'metrics.json', rows: metrics, notes: [] }],
      causes: [],
      plots: [],
      gates: {
        passed: true,
        checked: 2,
        rules: ['accuracy >= 0.45', 'loss <= base + 10%'].map((rule) => ({
          rule,
          level: 'fail',
          passed: true,
          status: 'passed',
          detail: '',
          metric: null,
          base: null,
          head: null,
          threshold: null,
          source: { origin: '.mlreport.yml', line: 1 },
        })),
        directions: [],
        proposed: null,
      },
      pipeline: null,
      warnings: [],
      directions: [],
      stale: [],
      history: null,
      trends: [],
      // Recomputed from the rest when read.
      verdict: { outcome: 'passed', line: '', counts: '' },
    };
    mkdirSync(join(artifacts, `mlreport-c${c}-s${seed}`), { recursive: true });
    writeFileSync(join(artifacts, `mlreport-c${c}-s${seed}`, 'report.json'), JSON.stringify(report));
  }
}

const samples: number[] = [];
let status: number | null = null;
for (let i = 0; i < 5; i++) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['dist/cli.js', 'aggregate', artifacts, '--out', join(dir, 'out'), '--quiet'], { encoding: 'utf8' });
  samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  status = r.status;
  if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
}
samples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)]!;
const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as AggregateReport;
const md = readFileSync(join(dir, 'out', 'report.md'), 'utf8');
const comment = aggregateMarkdown(report, { limit: COMMENT_LIMIT });
console.log(
  `${CONFIGURATIONS * SEEDS} runs × ${METRICS} metrics → ${report.configurations.length} configurations (exit ${status}): median ${median.toFixed(0)} ms (min ${samples[0]!.toFixed(0)}, max ${samples.at(-1)!.toFixed(0)}, n=${samples.length})  target < ${TARGET_MS} ms: ${median < TARGET_MS ? 'PASS' : 'FAIL'}`,
);
console.log(
  `report.md (job summary, artifact): ${md.length.toLocaleString('en-US')} characters; comment: ${comment.body.length.toLocaleString('en-US')} characters${comment.folded ? ', folded' : ''}  target ≤ ${COMMENT_LIMIT.toLocaleString('en-US')}: ${comment.body.length <= COMMENT_LIMIT ? 'PASS' : 'FAIL'}`,
);
// The same work in this process, without the CLI's start: read and check 200 files, aggregate, draw.
const inProcess: number[] = [];
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  const runs = await readRuns([artifacts]);
  const again = aggregateRuns(runs, { repeatParams: ['seed'], rankBy: null, rules: null, missingBase: 'skip', expectedRuns: null });
  aggregateMarkdown(again);
  aggregateMarkdown(again, { limit: COMMENT_LIMIT });
  inProcess.push(performance.now() - start);
}
inProcess.sort((a, b) => a - b);
console.log(
  `in process (read + aggregate + draw, no start-up): median ${inProcess[2]!.toFixed(0)} ms (min ${inProcess[0]!.toFixed(0)}, max ${inProcess[4]!.toFixed(0)})`,
);
rmSync(dir, { recursive: true, force: true });
