import { afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drawTrends } from '../../src/history/draw-trends';
import { planTrends } from '../../src/history/trends';
import { evaluateRules } from '../../src/gate/evaluate';
import { parseRules, ruleLinesFromText } from '../../src/gate/parse';
import type { HistorySection } from '../../src/history/types';
import { PlotRenderer } from '../../src/plots/render';
import { commentBody, localImages } from '../../src/publish/github/body';
import { hubBody } from '../../src/publish/hub/comment';
import { MlflowRunPublisher } from '../../src/publish/mlflow/mirror';
import { hostedImages } from '../../src/report/images';
import { composeMarkdown } from '../../src/report/markdown';
import { parseReportJson, ReportJsonError } from '../../src/report/parse';
import { reportJson } from '../../src/report/to-json';
import type { GateRuleResult, GateSummary, ReportData, TrendEntry } from '../../src/report/types';
import type { FileDiff } from '../../src/values/types';
import { MemoryLogger } from '../helpers/memory-logger';
import { reportOf } from '../helpers/report';
import { FakeMlflow } from '../fakes/mlflow/server';
import { FAST, mlflowConfig } from '../publish/hub-fixtures';
import { rendererAssets } from '../plots/assets';
import { pngSize } from '../plots/svg';

/** Ten noisy accuracies on main, oldest first. */
const ACCURACY = [0.861, 0.858, 0.866, 0.859, 0.863, 0.857, 0.864, 0.86, 0.862, 0.865];
const sha = (i: number) => `${(0xc0ffee0 + i * 4099).toString(16)}${'0'.repeat(33)}`;

function stats(values: number[]) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  return n < 3 ? null : { n, mean, std, min: Math.min(...values), max: Math.max(...values) };
}

function metric(file: string, key: string, values: number[], head: number | null): HistorySection['metrics'][number] {
  return { file, key, points: values.map((value, i) => ({ commit: sha(i), date: null, value })), stats: stats(values), head };
}

function history(metrics: HistorySection['metrics'], read: Partial<HistorySection> = { read: 20, wholeBranch: false }): HistorySection {
  return { branch: 'main', depth: 20, ...read, metrics, notes: [] };
}

/**
 * A rule's result as a run has it. With `history` (the metric's base values) its noise band comes from the real gate:
 * the rule parsed and evaluated, so the k a trend takes is the one the gate judged by.
 */
function rule(
  text: string,
  file: string,
  key: string,
  status: GateRuleResult['status'] = 'passed',
  history?: number[],
  base: number | null = null,
): GateRuleResult {
  const noise = history
    ? evaluateRules(
        parseRules(ruleLinesFromText(text, '.mlreport.yml')),
        [{ file, key, base, head: 0.5, history: { n: history.length, stats: stats(history) } }],
        { missingBase: 'skip', hasBase: true },
      ).outcomes[0]!.noise
    : undefined;
  return {
    ...(noise ? { noise } : {}),
    rule: text,
    level: 'fail',
    passed: status !== 'failed',
    status,
    detail: '',
    metric: { file, key },
    base: null,
    head: null,
    threshold: null,
    source: { origin: '.mlreport.yml', line: 1 },
  };
}

function gatesOf(rules: GateRuleResult[]): GateSummary {
  return { passed: rules.every((r) => r.passed), checked: rules.length, rules, directions: [], proposed: null };
}

function diff(path: string, values: Record<string, [number, number]>): FileDiff {
  return { path, notes: [], rows: Object.entries(values).map(([key, [old, now]]) => ({ key, old, new: now, changed: old !== now, diff: now - old })) };
}

/** A report whose metrics, history and trends agree, the trends planned as a run plans them (images as given). */
function reportWith(
  section: HistorySection,
  gates: GateSummary | null,
  metrics: FileDiff[],
  images: (t: TrendEntry) => string | null = () => null,
): ReportData {
  const trends = planTrends(section, gates, metrics).map((p) => ({ ...p.entry, image: images({ ...p.entry, image: null }) }));
  return reportOf({
    schemaVersion: 2,
    tool: { name: 'mlreport', version: 'test' },
    base: { sha: sha(9), label: 'main' },
    head: { sha: 'f'.repeat(40), label: 'tune-lr' },
    params: [],
    metrics,
    plots: [],
    gates,
    pipeline: null,
    warnings: [],
    history: section,
    trends,
  });
}

const NOISE_RULE = 'accuracy >= history.mean - 3 * history.std';
const png = (t: TrendEntry) => `trends/${t.file.replace('.', '-')}-${t.key}.png`;

describe('trends: which metrics, which band, where the head stands', () => {
  test('a gated metric without a band gets a trend only where a history.* rule is on it: its row says why that rule could not use history', () => {
    const section = history([
      metric('metrics.json', 'accuracy', [0.86], 0.9),
      metric('metrics.json', 'loss', [0.3, 0.31], 0.2),
      metric('metrics.json', 'f1', ACCURACY, 0.86),
      metric('metrics.json', 'recall', [0.5], null),
    ]);
    const gates = gatesOf([
      rule('accuracy >= base - 0.01', 'metrics.json', 'accuracy'),
      rule('loss <= history.mean', 'metrics.json', 'loss', 'passed', [0.3, 0.31]),
      rule('f1 >= 0.5', 'metrics.json', 'f1'),
      // Not checked (its stage did not run): no noise band, and still a history rule.
      rule('recall >= history.min', 'metrics.json', 'recall', 'error'),
    ]);
    assert.deepEqual(
      planTrends(section, gates, []).map((p) => [p.entry.key, p.entry.standing]),
      [
        ['loss', 'not-enough'],
        ['f1', 'within'],
        ['recall', 'no-value'],
      ],
    );
    // A project whose rules read no history and whose base has one run: no Trends section at all.
    const young = history([metric('metrics.json', 'accuracy', [0.86], 0.9)]);
    const report = reportWith(young, gatesOf([rule('accuracy >= base - 0.01', 'metrics.json', 'accuracy')]), [diff('metrics.json', { accuracy: [0.86, 0.9] })]);
    assert.deepEqual(report.trends, []);
    assert.ok(!composeMarkdown(report).includes('### Trends'), composeMarkdown(report));
  });

  test('every gated metric in the rules’ order; k from the rule that multiplies history.std, else 2', () => {
    const section = history([metric('metrics.json', 'loss', [0.3, 0.31, 0.29, 0.3], 0.5), metric('metrics.json', 'accuracy', ACCURACY, 0.853)]);
    const gates = gatesOf([
      rule(NOISE_RULE, 'metrics.json', 'accuracy', 'passed', ACCURACY),
      rule('loss <= base + 0.1', 'metrics.json', 'loss'),
      rule('accuracy >= 0.5', 'metrics.json', 'accuracy'),
    ]);
    const plans = planTrends(section, gates, []);
    assert.deepEqual(
      plans.map((p) => p.entry),
      [
        { file: 'metrics.json', key: 'accuracy', k: 3, rule: NOISE_RULE, thresholdEdge: true, standing: 'within' },
        { file: 'metrics.json', key: 'loss', k: 2, rule: null, standing: 'beyond' },
      ],
    );
    // The same head beyond the rule's band (mean 0.8615, std ≈ 0.0030: band ≈ 0.8524–0.8706).
    const beyond = planTrends(history([metric('metrics.json', 'accuracy', ACCURACY, 0.84)]), gates, []);
    assert.equal(beyond[0]!.entry.standing, 'beyond');
  });

  test('fewer than 3 base values: not enough history; no head value: said so', () => {
    const section = history([metric('m.json', 'a', [0.5, 0.6], 0.7), metric('m.json', 'b', ACCURACY, null)]);
    const plans = planTrends(section, gatesOf([rule('a >= history.mean', 'm.json', 'a', 'passed', [0.5, 0.6]), rule('b >= 0', 'm.json', 'b')]), []);
    assert.deepEqual(
      plans.map((p) => [p.entry.key, p.entry.standing, p.entry.k]),
      [
        ['a', 'not-enough', 2],
        ['b', 'no-value', 2],
      ],
    );
  });

  test('without gates: the headline metrics, changed ones first, at most 4', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const section = history(names.map((n) => metric('m.json', n, ACCURACY, 0.86)));
    const metrics = [diff('m.json', { a: [1, 1], b: [1, 2], c: [1, 1], d: [1, 3], e: [1, 1], f: [2, 1] })];
    assert.deepEqual(
      planTrends(section, null, metrics).map((p) => p.entry.key),
      ['b', 'd', 'f', 'a'],
    );
    assert.deepEqual(planTrends(null, null, metrics), [], 'no history, no trends');
    // Without a band (under 3 base values: a young or DVC-cached metric) no headline trend; a gated metric stays.
    const none = history([metric('m.json', 'a', [], 0.86), metric('m.json', 'b', ACCURACY, 0.86), metric('m.json', 'c', [0.8, 0.81], 0.86)]);
    const ab = [diff('m.json', { a: [1, 2], b: [1, 2], c: [1, 2] })];
    assert.deepEqual(
      planTrends(none, null, ab).map((p) => p.entry.key),
      ['b'],
    );
    assert.deepEqual(
      planTrends(none, gatesOf([rule(NOISE_RULE.replace('accuracy', 'a'), 'm.json', 'a', 'passed', [])]), ab).map((p) => p.entry.standing),
      ['not-enough'],
    );
  });

  test('the band is the gate’s: k as the parsed rule has it; 2 where the gate has no mean ± k·std band', () => {
    const section = history([metric('m.json', 'acc', ACCURACY, 0.86)]);
    const k = (text: string) => planTrends(section, gatesOf([rule(text, 'm.json', 'acc', 'passed', ACCURACY)]), [])[0]!.entry;
    assert.deepEqual(k('acc >= history.mean - 3 * history.std'), {
      file: 'm.json',
      key: 'acc',
      k: 3,
      rule: 'acc >= history.mean - 3 * history.std',
      thresholdEdge: true,
      standing: 'within',
    });
    assert.equal(k('acc >= history.mean - history.std * 2.5').k, 2.5);
    assert.equal(k('acc <= history.mean + (1.5 * history.std)').k, 1.5);
    // The gate measures k as how far the threshold moves per unit of std: 1 up to rounding.
    assert.ok(Math.abs(k('acc <= history.mean + history.std').k! - 1) < 1e-12);
    // The gate's band for a rule on the mean alone is ± 3·std; the chart draws the same one.
    assert.equal(k('acc >= history.mean').k, 3);
    // A rule on history.min/max alone judged by the range: the trend's band is that range (k null), not ± 2·std.
    assert.deepEqual(k('acc <= history.max'), { file: 'm.json', key: 'acc', k: null, rule: 'acc <= history.max', thresholdEdge: true, standing: 'within' });
    assert.deepEqual(k('acc >= base - 0.01'), { file: 'm.json', key: 'acc', k: 2, rule: null, standing: 'within' });
  });

  // A value under the history's min but inside mean ± 2·std: the gate said "beyond noise", and the trend said
  // "✅ within noise" for the same number in the same report.
  test('a rule on history.min: the trend stands where the gate does, against the same min–max band', () => {
    const head = 0.856; // min 0.857; mean ± 2·std ≈ [0.8554, 0.8676]
    const gate = rule('accuracy >= history.min', 'metrics.json', 'accuracy', 'failed', ACCURACY);
    assert.equal(gate.noise?.verdict, 'beyond');
    const report = reportWith(
      history([metric('metrics.json', 'accuracy', ACCURACY, head)]),
      gatesOf([gate]),
      [diff('metrics.json', { accuracy: [0.865, head] })],
      png,
    );
    assert.deepEqual(report.trends[0], {
      file: 'metrics.json',
      key: 'accuracy',
      k: null,
      rule: 'accuracy >= history.min',
      thresholdEdge: true,
      standing: 'beyond',
      image: 'trends/metrics-json-accuracy.png',
    });
    const md = composeMarkdown(report);
    assert.ok(
      md.includes(
        `| metrics.json | accuracy | 0.865 (\`${sha(9).slice(0, 7)}\`) | 0.8615 ± 0.003028 (10) | 0.857 to 0.866 (min–max, the rule’s) | 0.856 | ❗ **beyond noise** (below the band, worse) |`,
      ),
      md,
    );
    assert.match(md, /where the rule is on `history\.min`\/`history\.max` alone, their min–max range, as the gate judged\./);
    assert.deepEqual(parseReportJson(JSON.stringify(reportJson(report))).trends, report.trends, 'report.json reads back with k null');
    const { body } = commentBody('default', report, new Map(), 'a pull request from a fork', null);
    assert.match(body, /🟩 band min–max · ⬛ mean/);
  });
});

// A rule on the mean alone broke at a value inside the ±3·std band the gate shows beside it: the Trends row said
// "✅ within noise (±3·std, the rule’s)" next to the ❌, and the same for `base - 2 * history.std`.
describe('a band that is not the rule’s own', () => {
  const head = 0.861; // mean 0.8615: below it, well inside ±3·std
  const section = history([metric('metrics.json', 'accuracy', ACCURACY, head)]);
  const metrics = [diff('metrics.json', { accuracy: [0.865, head] })];
  const row = (md: string) => md.split('\n').find((l) => l.startsWith('| metrics.json | accuracy | 0.865 (`'))!;

  test('a rule on the mean alone that broke: the band is not called the rule’s, and within noise is not green but says the rule broke', () => {
    const gate = rule('accuracy >= history.mean', 'metrics.json', 'accuracy', 'failed', ACCURACY);
    assert.equal(gate.noise?.band?.thresholdEdge, false);
    const report = reportWith(section, gatesOf([gate]), metrics, png);
    assert.deepEqual(report.trends[0], {
      file: 'metrics.json',
      key: 'accuracy',
      k: 3,
      rule: 'accuracy >= history.mean',
      thresholdEdge: false,
      standing: 'within',
      image: 'trends/metrics-json-accuracy.png',
    });
    const md = composeMarkdown(report);
    assert.equal(
      row(md),
      `| metrics.json | accuracy | 0.865 (\`${sha(9).slice(0, 7)}\`) | 0.8615 ± 0.003028 (10) | 0.8524 to 0.8706 (±3·std) | 0.861 | within noise, but the rule <code>accuracy &gt;= history.mean</code> broke |`,
    );
    assert.match(md, /“the rule’s” where the rule’s threshold is an edge of the band\), else 2\./);
    // The line above the table counts it within noise and says its rule broke, as its row does.
    assert.match(md, /^Against the runs in .*: 1 metric within noise \(1 of them with a rule that broke\)\./m);
    assert.deepEqual(parseReportJson(JSON.stringify(reportJson(report))).trends, report.trends, 'report.json reads back with thresholdEdge');
  });

  test('a rule on base with a std term: the same; where it held beyond the band, the row says it held', () => {
    const onBase = (status: GateRuleResult['status']) =>
      gatesOf([rule('accuracy >= base - 2 * history.std', 'metrics.json', 'accuracy', status, ACCURACY, 0.865)]);
    const rule2 = '<code>accuracy &gt;= base - 2 \\* history.std</code>';
    assert.equal(onBase('failed').rules[0]!.noise?.band?.thresholdEdge, false);
    const brokeRow = row(composeMarkdown(reportWith(section, onBase('failed'), metrics)));
    assert.ok(brokeRow.endsWith(`| 0.8554 to 0.8676 (±2·std) | 0.861 | within noise, but the rule ${rule2} broke |`), brokeRow);
    const below = history([metric('metrics.json', 'accuracy', ACCURACY, 0.855)]);
    const heldRow = row(composeMarkdown(reportWith(below, onBase('passed'), metrics)));
    assert.ok(heldRow.endsWith(`| 0.855 | ❗ **beyond noise** (below the band, worse), but ${rule2} held |`), heldRow);
    // Any rule on the metric that broke takes the green away, a rule without history too.
    const twoRules = gatesOf([
      rule(NOISE_RULE, 'metrics.json', 'accuracy', 'passed', ACCURACY),
      rule('accuracy >= base - 0.001', 'metrics.json', 'accuracy', 'failed'),
    ]);
    assert.ok(
      row(composeMarkdown(reportWith(section, twoRules, metrics))).endsWith(
        '(±3·std, the rule’s) | 0.861 | within noise, but the rule <code>accuracy &gt;= base - 0.001</code> broke |',
      ),
    );
  });

  test('the rule whose threshold is on its band gives the band before one whose is not', () => {
    const gates = gatesOf([
      rule('accuracy >= history.mean', 'metrics.json', 'accuracy', 'failed', ACCURACY),
      rule('accuracy >= history.mean - 2 * history.std', 'metrics.json', 'accuracy', 'passed', ACCURACY),
    ]);
    const [plan] = planTrends(section, gates, metrics);
    assert.deepEqual([plan!.entry.k, plan!.entry.rule, plan!.entry.thresholdEdge], [2, 'accuracy >= history.mean - 2 * history.std', true]);
  });

  test('the chart’s caption says the band is the noise, not the rule’s', async () => {
    const { trendSpec } = await import('../../src/history/trend-spec');
    const m = metric('metrics.json', 'accuracy', ACCURACY, head);
    const caption = (entry: Partial<TrendEntry>) =>
      (
        trendSpec({ file: m.file, key: m.key, k: 3, rule: null, standing: 'within', image: null, ...entry }, m, 'tune-lr').title as { subtitle: string[] }
      ).subtitle.at(-1);
    assert.equal(caption({ rule: 'accuracy >= history.mean', thresholdEdge: false }), 'band: mean ± 3·std (noise only: the rule’s threshold is not on it)');
    assert.equal(caption({ rule: NOISE_RULE, thresholdEdge: true }), 'band: mean ± 3·std (the rule’s)');
    assert.equal(caption({ k: 2 }), 'band: mean ± 2·std (default)');
  });
});

describe('trends in the report', () => {
  const gates = gatesOf([rule(NOISE_RULE, 'metrics.json', 'accuracy', 'passed', ACCURACY)]);
  const metrics = [diff('metrics.json', { accuracy: [0.865, 0.853] })];
  const section = history([metric('metrics.json', 'accuracy', ACCURACY, 0.853)]);

  test('report.md: the counts, one row with latest base, mean ± std (n), the band and the verdict, the PNG linked', () => {
    const md = composeMarkdown(reportWith(section, gates, metrics, png));
    const trends = md.slice(md.indexOf('### Trends'), md.indexOf('### Params'));
    assert.ok(md.indexOf('### Metrics') < md.indexOf('### Trends'), 'after the metrics');
    assert.match(trends, /^Against the runs in the last 20 first-parent commits of `main`: 1 metric within noise\./m);
    assert.ok(trends.includes('| Path | Metric | Latest base | Mean ± std (n) | Band | tune-lr | Against the noise |'), trends);
    assert.ok(
      trends.includes(
        `| metrics.json | accuracy | 0.865 (\`${sha(9).slice(0, 7)}\`) | 0.8615 ± 0.003028 (10) | 0.8524 to 0.8706 (±3·std, the rule’s) | 0.853 | ✅ within noise |`,
      ),
      trends,
    );
    assert.ok(trends.includes('![Trend of accuracy (metrics.json)](trends/metrics-json-accuracy.png)'));
    assert.ok(!trends.includes('```mermaid'));
  });

  // The line names the commits the band comes from: "the last 20" over 6 values misled (the branch had 6 commits).
  test('fewer commits read than asked: how many, and why (the branch has no more, or the notes say)', () => {
    const line = (read: Partial<HistorySection>, notes: string[] = []): string => {
      const md = composeMarkdown(reportWith({ ...history([metric('metrics.json', 'accuracy', ACCURACY.slice(4), 0.853)], read), notes }, gates, metrics));
      return /^Against the runs in (.*): 1 metric/m.exec(md)?.[1] ?? md;
    };
    assert.equal(line({ read: 6, wholeBranch: true }), 'the last 6 first-parent commits of `main` (all it has; 20 asked)');
    const cut =
      "Only 6 of the 20 commits asked for: this clone's history of main ends there (a shallow clone?) and there is no remote 'origin' to fetch the rest from.";
    assert.equal(line({ read: 6, wholeBranch: false }, [cut]), 'the last 6 first-parent commits of `main` (20 asked; see the notes below)');
    assert.equal(line({ read: 1, wholeBranch: true }), 'the last 1 first-parent commit of `main` (all it has; 20 asked)');
    assert.equal(line({ read: 20, wholeBranch: true }), 'the last 20 first-parent commits of `main`');
    // A report.json from before the count (mode: publish reads it): what it asked for, as an upper bound.
    assert.equal(line({}), 'up to the last 20 first-parent commits of `main`');
  });

  test('beyond the noise: which side of the band, and whether that is better or worse', () => {
    const md = composeMarkdown(reportWith(history([metric('metrics.json', 'accuracy', ACCURACY, 0.84)]), gates, metrics));
    assert.match(md, /\| 0\.84 \| ❗ \*\*beyond noise\*\* \(below the band, worse\) \|/);
    assert.match(md, /^Against the runs in .*: 1 metric beyond noise\./m);
  });

  test('a head just beyond the band: the band’s edges have the digits that tell them from the head’s value', () => {
    // mean − 3·std is 0.852416…: "0.8524 to 0.8706 | 0.8524 | beyond noise" read as a contradiction.
    const md = composeMarkdown(reportWith(history([metric('metrics.json', 'accuracy', ACCURACY, 0.8524)]), gates, metrics));
    const row = md.split('\n').find((l) => l.startsWith('| metrics.json | accuracy | 0.865 (`'))!;
    assert.ok(row.endsWith('| 0.85242 to 0.87058 (±3·std, the rule’s) | 0.8524 | ❗ **beyond noise** (below the band, worse) |'), row);
  });

  test('where images cannot be hosted (a fork PR): a Mermaid chart of the base values, the band and the head as the one bar', () => {
    const report = reportWith(section, gates, metrics, png);
    const { body } = commentBody('default', report, new Map(), 'a pull request from a fork', null);
    const chart = /```mermaid\n([\s\S]*?)```\n(.*)/.exec(body.slice(body.indexOf('### Trends')));
    assert.ok(chart, body);
    const lines = chart[1]!.split('\n');
    const labels = ACCURACY.map((_, i) => sha(i).slice(0, 7));
    assert.equal(lines[2], '    title "accuracy (metrics.json)"');
    assert.equal(lines[3], `    x-axis [${[...labels, 'tune-lr'].map((l) => `"${l}"`).join(', ')}]`);
    const axis = /^ {4}y-axis "accuracy" ([\d.]+) --> ([\d.]+)$/.exec(lines[4]!);
    assert.ok(axis, lines[4]);
    const [bottom, top] = [Number(axis[1]), Number(axis[2])];
    assert.ok(bottom < 0.8524 && top > 0.8706, 'the band fits on the axis');
    // Every bar but the head's lies below the axis, where Mermaid draws none (at the axis it draws a stub).
    const bars = /^ {4}bar \[(.*)\]$/.exec(lines[5]!)![1]!.split(', ').map(Number);
    assert.equal(bars.length, labels.length + 1);
    assert.equal(bars.at(-1), 0.853);
    assert.ok(
      bars.slice(0, -1).every((b) => b === bars[0] && b < bottom),
      lines[5],
    );
    assert.equal(lines[6], `    line [${[...ACCURACY, 0.853].join(', ')}]`);
    assert.match(lines[7]!, /^ {4}line \[(0\.870583, ){10}0\.870583\]$/);
    assert.match(lines[8]!, /^ {4}line \[(0\.852417, ){10}0\.852417\]$/);
    assert.match(lines[9]!, /^ {4}line \[(0\.8615, ){10}0\.8615\]$/);
    assert.equal(chart[2], '🟧 tune-lr · 🟦 base values, oldest first, then tune-lr · 🟩 band mean ± 3·std · ⬛ mean');
    assert.ok(!body.includes('trends/metrics-json-accuracy.png'));
    // Hosted (the comment uploaded it): the image, no chart.
    const hosted = commentBody('default', report, new Map([['trends/metrics-json-accuracy.png', 'https://img.example/t.png']]), null, null).body;
    assert.ok(hosted.includes('![Trend of accuracy (metrics.json)](https://img.example/t.png)'));
    assert.ok(!hosted.includes('```mermaid'));
    assert.deepEqual(localImages(report), ['trends/metrics-json-accuracy.png'], 'the comment uploads trend PNGs as plot PNGs');
  });

  test('a target that draws no Mermaid (the hub): the verdict row and where the PNG is', () => {
    const body = hubBody(reportWith(section, gates, metrics, png));
    assert.ok(body.includes('| 0.853 | ✅ within noise |'));
    assert.ok(body.includes('_Trend of accuracy (metrics.json): PNG `trends/metrics-json-accuracy.png` in the GitHub report._'), body);
  });

  test('fewer than 3 base values: no band, not enough history, a chart of what there is', () => {
    const short = history([metric('metrics.json', 'accuracy', [0.86, 0.87], 0.853)]);
    const report = reportWith(short, gates, metrics, png);
    const md = composeMarkdown(report, { images: hostedImages(new Map(), 'the workflow artifact') });
    assert.ok(
      md.includes(
        '| metrics.json | accuracy | 0.87 (`c0ffee0`) | - (2) | - | 0.853 | not enough history (2 of 3 values) |'.replace('c0ffee0', sha(1).slice(0, 7)),
      ),
      md,
    );
    const chart = md.slice(md.indexOf('```mermaid'));
    assert.equal((chart.match(/^ {4}line /gm) ?? []).length, 1, 'no band lines');
    assert.match(chart, /🟧 tune-lr · 🟦 base values, oldest first, then tune-lr\n/);
  });

  test('the history’s notes under the table: why a metric has no values there, names escaped, past five counted', () => {
    const none = { ...history([metric('metrics.json', 'accuracy', [], 0.853)]) };
    const why = '`metrics.json` is not in git at any of the 20 commits read (a DVC-cached or CI-made file?): its metrics have no history.';
    none.notes = [why, '`x<img src=a>.json` could not be read at 1 commit, skipped there (c0ffee0: @team says no).'];
    const md = composeMarkdown(reportWith(none, gates, metrics, png));
    const trends = md.slice(md.indexOf('### Trends'), md.indexOf('### Params'));
    assert.ok(trends.includes('| metrics.json | accuracy | - | - (0) | - | 0.853 | not enough history (0 of 3 values) |'), trends);
    assert.ok(
      trends.includes(
        '- <code>metrics.json</code> is not in git at any of the 20 commits read (a DVC-cached or CI-made file?): its metrics have no history.\n',
      ),
      trends,
    );
    assert.ok(trends.includes('- <code>x&lt;img src=a&gt;.json</code> could not be read at 1 commit, skipped there (c0ffee0: @\u200dteam says no).'), trends);
    none.notes = Array.from({ length: 12 }, (_, i) => `note ${i}`);
    const many = composeMarkdown(reportWith(none, gates, metrics, png));
    assert.ok(many.includes('- note 4\n- _… and 7 more notes: report.json has them all._'), many);
    assert.ok(!many.includes('- note 5'));
  });

  test('many gated metrics: the table stays open, the charts fold', () => {
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const many = history(keys.map((k, i) => metric('m.json', k, ACCURACY, i === 0 ? 0.7 : 0.86)));
    const report = reportWith(many, gatesOf(keys.map((k) => rule(`${k} >= history.mean - 2 * history.std`, 'm.json', k))), [], png);
    const md = composeMarkdown(report);
    assert.match(md, /^Against the runs in .*: 1 metric beyond noise, 4 within noise\./m);
    const table = md.slice(md.indexOf('| Path | Metric | Latest base'), md.indexOf('<details><summary>Trend charts of 5 metrics</summary>'));
    assert.equal((table.match(/^\| m\.json \|/gm) ?? []).length, 5);
    const folded = md.slice(md.indexOf('<details><summary>Trend charts of 5 metrics</summary>'), md.indexOf('</details>'));
    assert.equal((folded.match(/!\[Trend of /g) ?? []).length, 5);
    // Four stay open.
    const four = reportWith(history(many.metrics.slice(0, 4)), report.gates, [], png);
    assert.ok(!composeMarkdown(four).includes('<details><summary>Trend charts'));
  });

  test('report.json: trends read back with the report; a wrong verdict names its key', () => {
    const report = reportWith(section, gates, metrics, png);
    assert.deepEqual(parseReportJson(JSON.stringify(reportJson(report))).trends, report.trends);
    const bad = JSON.parse(JSON.stringify(reportJson(report))) as { trends: { standing: string }[] };
    bad.trends[0]!.standing = 'fine';
    assert.throws(
      () => parseReportJson(JSON.stringify(bad)),
      (e: Error) => e instanceof ReportJsonError && /'trends\[0\]\.standing' must be one of "beyond"/.test(e.message),
    );
  });
});

describe('trend PNGs', () => {
  let renderer: PlotRenderer;
  let dir: string;
  before(async () => {
    renderer = await PlotRenderer.create(rendererAssets());
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('drawn through the plots renderer: a PNG per trend, the band and the head’s point in it, none without base values', async () => {
    dir = mkdtempSync(join(tmpdir(), 'trends-'));
    const section = history([
      metric('metrics.json', 'accuracy', ACCURACY, 0.84),
      metric('metrics.json', 'f1', [0.8, 0.81], 0.82),
      { ...metric('metrics.json', 'recall', [], 0.9), stats: null },
    ]);
    const gates = gatesOf([
      rule(NOISE_RULE, 'metrics.json', 'accuracy', 'passed', ACCURACY),
      rule('f1 >= history.min', 'metrics.json', 'f1', 'passed', [0.8, 0.81]),
      rule('recall >= history.mean', 'metrics.json', 'recall', 'passed', []),
    ]);
    let loaded = 0;
    const entries = await drawTrends(planTrends(section, gates, []), { dir, linkPrefix: 'trends/', headLabel: 'tune-lr' }, async () => (loaded++, renderer));
    assert.equal(loaded, 1, 'one renderer for all');
    assert.deepEqual(
      entries.map((e) => [e.key, e.image, e.error]),
      [
        ['accuracy', 'trends/metrics-json-accuracy.png', undefined],
        ['f1', 'trends/metrics-json-f1.png', undefined],
        ['recall', null, undefined],
      ],
    );
    for (const name of ['metrics-json-accuracy.png', 'metrics-json-f1.png']) {
      const bytes = readFileSync(join(dir, name));
      assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
      const size = pngSize(bytes);
      assert.ok(size.width >= 800 && size.width <= 1400 && size.height >= 300 && size.height <= 700, `${name}: ${size.width}×${size.height}`);
      assert.ok(bytes.length > 5_000 && bytes.length < 300_000, `${name}: ${bytes.length} bytes`);
    }
  });

  test('the SVG holds what the chart must show: the band, the dashed mean, one point per commit and the head’s diamond', async () => {
    dir = mkdtempSync(join(tmpdir(), 'trends-'));
    const { trendSpec } = await import('../../src/history/trend-spec');
    const m = metric('metrics.json', 'accuracy', ACCURACY, 0.84);
    const image = await renderer.render(
      trendSpec({ file: m.file, key: m.key, k: 3, rule: NOISE_RULE, thresholdEdge: true, standing: 'beyond', image: null }, m, 'tune-lr'),
    );
    assert.match(image.svg, /aria-roledescription="rect mark" d="[^"]*" fill="#2da44e" opacity="0\.14"/, 'the shaded band');
    assert.match(image.svg, /stroke-dasharray="6,4"/, 'the dashed mean');
    assert.equal((image.svg.match(/class="mark-symbol[^"]*"/g) ?? []).length, 2, 'the base points and the head’s, two symbol groups');
    for (const label of ['c0ffee0', 'tune-lr', 'accuracy', 'band: mean ± 3·std (the rule’s)']) assert.ok(image.svg.includes(label), label);
  });
});

describe('the MLflow run carries the trends’ verdicts', () => {
  let mlflow: FakeMlflow;
  afterEach(() => mlflow?.close());

  test('a tag mlreport.history.<metric> per trend, keyed as the metric is', async () => {
    mlflow = await FakeMlflow.start({ auth: { kind: 'basic', username: 'ci-bot', password: 'dhp_s3cr3t-t0ken-value' } });
    const section = history([
      metric('metrics.json', 'accuracy', ACCURACY, 0.84),
      metric('metrics.json', 'loss', [0.3, 0.31], 0.29),
      metric('eval.json', 'f1 score', ACCURACY, 0.86),
    ]);
    const gates = gatesOf([
      rule(NOISE_RULE, 'metrics.json', 'accuracy', 'passed', ACCURACY),
      rule('loss <= history.max', 'metrics.json', 'loss', 'passed', [0.3, 0.31]),
      rule('"f1 score" >= 0.5', 'eval.json', 'f1 score'),
    ]);
    const metrics = [diff('metrics.json', { accuracy: [0.865, 0.84], loss: [0.31, 0.29] }), diff('eval.json', { 'f1 score': [0.86, 0.86] })];
    const report = reportWith(section, gates, metrics);
    await new MlflowRunPublisher(mlflowConfig(mlflow.url), [], new MemoryLogger(), { tuning: FAST }).publish(report);
    const [run] = mlflow.runsOf('acme/iris');
    assert.ok(run);
    const tags = Object.fromEntries([...run.tags].filter(([k]) => k.startsWith('mlreport.history.')));
    assert.deepEqual(tags, {
      'mlreport.history.accuracy': 'beyond noise',
      'mlreport.history.loss': 'not enough history',
      'mlreport.history.f1 score': 'within noise',
    });
    assert.ok(
      run.history.some((m) => m.key === 'f1 score'),
      'the same key as the metric',
    );
    assert.match(run.tags.get('mlflow.note.content') ?? '', /### Trends/, 'the note (the hub comment) has the section');
  });
});
