import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * A sweep gated by a rule on the base branch's history, as docs/history.md has users write it. The base branch has
 * four commits with accuracy 0.9, 0.91, 0.92, 0.905 (mean 0.90875, sample std 0.008539…, so mean − 3·std = 0.88313);
 * every job is the real `mlreport report` against it and carries that history in its report.json.
 */
const RULE = 'accuracy >= history.mean - 3 * history.std';
const JOBS = [
  { lr: 0.1, seed: 1, accuracy: 0.93 },
  { lr: 0.1, seed: 2, accuracy: 0.92 },
  { lr: 1, seed: 1, accuracy: 0.86 },
  { lr: 1, seed: 2, accuracy: 0.87 },
];

let repo: TempRepo;
let artifacts: string;

before(async () => {
  repo = new TempRepo();
  for (const accuracy of [0.9, 0.91, 0.92, 0.905]) {
    repo.commit(`accuracy ${accuracy}`, { 'params.yaml': 'lr: 0.01\nseed: 0\n', 'metrics.json': JSON.stringify({ accuracy }) });
  }
  artifacts = tempDir('mlreport-history-artifacts-');
  for (const job of JOBS) {
    repo.write({ 'params.yaml': `lr: ${job.lr}\nseed: ${job.seed}\n`, 'metrics.json': JSON.stringify({ accuracy: job.accuracy }) });
    const out = join(artifacts, `mlreport-lr${job.lr}-seed${job.seed}`);
    const r = await runCli(['report', '--base', 'HEAD', '--metrics', 'metrics.json', '--threshold', RULE, '--out', out, '--quiet'], repo.dir);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
  }
});
after(() => {
  repo.remove();
  rmSync(artifacts, { recursive: true, force: true });
});

describe('history.* rules in a sweep', () => {
  test('are judged per configuration by the history the jobs read: one configuration within the noise, one beyond it', async () => {
    const out = tempDir();
    const r = await runCli(['aggregate', artifacts, '--out', out, '--quiet'], repo.dir);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const rules = Object.fromEntries(
      json.configurations.map((c: { id: string; gates: { rules: { status: string; detail: string; threshold: number }[] } }) => [c.id, c.gates.rules[0]]),
    );
    assert.equal(rules['lr=0.1'].status, 'passed');
    assert.equal(rules['lr=0.1'].detail, '0.925 >= 0.8831 (history n=4)');
    assert.ok(Math.abs(rules['lr=0.1'].threshold - 0.88313) < 1e-5);
    assert.equal(rules['lr=1'].status, 'failed');
    assert.match(rules['lr=1'].detail, /^0\.865 is not >= 0\.8831 \(history n=4\)/);
    assert.deepEqual(json.gates, { passed: false, configurations: 2, failedConfigurations: ['lr=1'] });
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    assert.doesNotMatch(md, /no history of the base branch was read/);
  });

  test('the Trends: the history every job read, its band, and where each configuration’s mean stands', async () => {
    const out = tempDir();
    const r = await runCli(['aggregate', artifacts, '--out', out, '--quiet'], repo.dir);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    assert.deepEqual(
      json.history.metrics.map((m: { key: string; points: { value: number }[]; head: number | null }) => [m.key, m.points.map((p) => p.value), m.head]),
      [['accuracy', [0.9, 0.91, 0.92, 0.905], null]],
    );
    assert.equal(json.trends.length, 1);
    const [trend] = json.trends;
    assert.deepEqual([trend.key, trend.k, trend.rule], ['accuracy', 3, RULE]);
    assert.deepEqual(
      trend.standings.map((s: { configuration: string; mean: number; standing: string }) => [s.configuration, Number(s.mean.toFixed(4)), s.standing]),
      [
        ['lr=0.1', 0.925, 'within'],
        ['lr=1', 0.865, 'beyond'],
      ],
    );
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    assert.match(
      md,
      /^Against the runs in the last 4 first-parent commits of `HEAD` \(all it has; 20 asked\), which every job read: where the top 2 configurations’ means stand\./m,
    );
    // The exact mean of the four doubles is 0.9087500000000001 (Python's statistics.mean too); a float sum gave 0.90875.
    assert.ok(
      md.includes('| metrics.json | accuracy | 0.9088 ± 0.008539 (4) | 0.8831 to 0.9344 (±3·std, the rule’s) | 🏆 lr=0.1 | 0.925 | ✅ within noise |'),
      md,
    );
    assert.ok(md.includes('|  |  |  |  | lr=1 | 0.865 | ❗ **beyond noise** (below the band, worse) |'), md);
    // Without a history rule the jobs' history still shows the noise, with the default band mean ± 2·std.
    const plain = await runCli(['aggregate', artifacts, '--out', out, '--threshold', 'accuracy >= 0.8', '--quiet'], repo.dir);
    assert.equal(plain.code, 0, plain.stderr);
    const trends = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).trends;
    assert.deepEqual(
      trends.map((t: { key: string; k: number; rule: string | null; standings: { standing: string }[] }) => [
        t.key,
        t.k,
        t.rule,
        t.standings.map((s) => s.standing),
      ]),
      [['accuracy', 2, null, ['within', 'beyond']]],
    );
    // A rule whose threshold is no edge of the band (mean + 0.02 = 0.92875) that lr=0.1's mean breaks inside it: its
    // row says the rule broke, not a green within noise, and the band is not called the rule's.
    const above = await runCli(['aggregate', artifacts, '--out', out, '--threshold', 'accuracy >= history.mean + 0.02', '--quiet'], repo.dir);
    assert.equal(above.code, 1, above.stderr);
    const aboveMd = readFileSync(join(out, 'report.md'), 'utf8');
    assert.ok(
      aboveMd.includes(
        '| metrics.json | accuracy | 0.9088 ± 0.008539 (4) | 0.8831 to 0.9344 (±3·std) | lr=0.1 | 0.925 | within noise, but the rule <code>accuracy &gt;= history.mean + 0.02</code> broke |',
      ),
      aboveMd,
    );
    rmSync(out, { recursive: true, force: true });
  });

  test('jobs whose histories differ are refused, naming the jobs and where the histories part', async () => {
    const dir = tempDir('mlreport-history-differ-');
    cpSync(artifacts, dir, { recursive: true });
    const path = join(dir, 'mlreport-lr1-seed2', 'report.json');
    const report = JSON.parse(readFileSync(path, 'utf8'));
    const point = report.history.metrics[0].points[1];
    point.value = 0.95;
    writeFileSync(path, JSON.stringify(report));
    const out = tempDir();
    const r = await runCli(['aggregate', dir, '--out', out], repo.dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(
      r.stderr,
      new RegExp(
        `different histories of the base branch \\(for \`metrics\\.json:accuracy\`, lr0\\.1-seed1 read 4 values and lr1-seed2 4 values; at ${point.commit.slice(0, 7)}: 0\\.91 and 0\\.95\\)`,
      ),
    );
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    // The CLI's fix names its flags, never the action's inputs.
    assert.match(r.stderr, /the same history depth \(`--history`\), or give the aggregate rules without history\.\* \(`--threshold`\)/);
    assert.doesNotMatch(r.stderr, /input/);
    // Rules without history.* do not need the jobs to agree on it.
    const own = await runCli(['aggregate', dir, '--out', out, '--threshold', 'accuracy >= 0.8', '--quiet'], repo.dir);
    assert.equal(own.code, 0, own.stderr);
    // Then there is no shared history to show: no Trends, and the notes say why.
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    assert.deepEqual([json.history, json.trends], [null, []]);
    assert.match(json.warnings.join('\n'), /^No Trends: the jobs' reports carry different histories of the base branch \(for `metrics\.json:accuracy`/m);
    assert.doesNotMatch(readFileSync(join(out, 'report.md'), 'utf8'), /### Trends/);
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });
});
