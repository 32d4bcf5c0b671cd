import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReportJson, ReportJsonError } from '../../src/report/parse';
import { reportJson } from '../../src/report/to-json';
import { reportOf } from '../helpers/report';

const history = {
  branch: 'main',
  depth: 20,
  read: 4,
  wholeBranch: true,
  metrics: [
    {
      file: 'metrics.json',
      key: 'accuracy',
      points: [1, 2, 3].map((i) => ({ commit: String(i).repeat(40), date: i === 1 ? null : `2026-12-0${i}T10:00:00+01:00`, value: 0.84 + i / 1000 })),
      stats: { n: 3, mean: 0.842, std: 0.001, min: 0.841, max: 0.843 },
      head: 0.83,
    },
  ],
  notes: ['`metrics.json` is not in git at 1 commit of the 4 read (4444444): left out there.'],
};

const report = reportOf({
  schemaVersion: 2,
  tool: { name: 'mlreport', version: '0.1.0' },
  base: { sha: '3'.repeat(40), label: 'main' },
  head: { sha: null, label: 'feature' },
  params: [],
  metrics: [],
  plots: [],
  gates: {
    passed: false,
    checked: 1,
    directions: [],
    proposed: null,
    rules: [
      {
        rule: 'accuracy >= history.mean - 3 * history.std',
        level: 'fail',
        passed: false,
        status: 'failed',
        detail: '0.83 is not >= 0.839 (history n=3).',
        metric: { file: 'metrics.json', key: 'accuracy' },
        base: 0.843,
        head: 0.83,
        threshold: 0.839,
        source: { origin: "input 'thresholds'", line: 1 },
        noise: {
          n: 3,
          stats: history.metrics[0]!.stats,
          band: { low: 0.839, high: 0.845, center: 0.842, k: 3 },
          verdict: 'beyond',
          text: '0.842 ± 3×0.001 = [0.839, 0.845]: beyond noise (below)',
        },
      },
    ],
  },
  pipeline: null,
  warnings: [],
  history,
});

test("report.json's history and the rules' noise bands read back as written (mode: publish draws from them)", () => {
  assert.deepEqual(parseReportJson(JSON.stringify(reportJson(report))), report);
  const older = JSON.parse(JSON.stringify(reportJson(report)));
  delete older.history;
  assert.equal(parseReportJson(JSON.stringify(older)).history, null, 'a report from before history has none');
  // A report.json from before `read` and `wholeBranch`: read back without them (the Trends line then says "up to").
  const unsaid = JSON.parse(JSON.stringify(reportJson(report)));
  delete unsaid.history.read;
  delete unsaid.history.wholeBranch;
  const { read: _read, wholeBranch: _whole, ...withoutCount } = history;
  assert.deepEqual(parseReportJson(JSON.stringify(unsaid)).history, withoutCount);
});

test("report.json's history says what of it is not known, and reads it back; older files without it read as before", () => {
  const unknown = {
    ...report,
    history: {
      ...history,
      notKnown: "Only 4 of the 20 commits asked for: fetching main's history from origin failed (fatal: …).",
      metrics: history.metrics.map((m) => ({
        ...m,
        notKnown: { why: 'at 1 of the 4 commits of main read, metrics.json is DVC-cached and …', cause: 'dvc-cache' as const },
      })),
    },
  };
  assert.deepEqual(parseReportJson(JSON.stringify(reportJson(unknown))), unknown);
  assert.equal(parseReportJson(JSON.stringify(reportJson(report))).history!.notKnown, undefined);
  const bad = JSON.parse(JSON.stringify(reportJson(unknown)));
  bad.history.metrics[0].notKnown.cause = 'network';
  assert.throws(
    () => parseReportJson(JSON.stringify(bad)),
    new ReportJsonError(`'history.metrics[0].notKnown.cause' must be one of "dvc-cache", "store", "moved-root", not "network"`),
  );
});

test('a gate whose base could not be read keeps why and the fix in report.json (mode: publish posts the headline from it)', () => {
  const unread = {
    ...report,
    base: null,
    baseUnread: 'base commit 0ea1bb6 could not be fetched: fatal: …',
    gates: {
      ...report.gates!,
      rules: [],
      checked: 0,
      baseUnread: 'base commit 0ea1bb6 could not be fetched: fatal: …',
      baseRemedy: 'To check it: check out enough history for the base (actions/checkout with `fetch-depth: 0`).',
    },
  };
  const back = parseReportJson(JSON.stringify(reportJson(unread)));
  assert.deepEqual(back.gates, unread.gates);
  assert.match(back.verdict.line, /^❌ gate checked nothing: the base revision could not be read \(.*\)\. To check it: check out enough history/);
});

test('a history that is not what the schema says is refused, naming the key', () => {
  const bad = JSON.parse(JSON.stringify(reportJson(report)));
  bad.history.metrics[0].points[1].value = 'NaN';
  assert.throws(() => parseReportJson(JSON.stringify(bad)), new ReportJsonError(`'history.metrics[0].points[1].value' must be a finite number, not "NaN"`));
  const badRead = JSON.parse(JSON.stringify(reportJson(report)));
  badRead.history.read = '6';
  assert.throws(() => parseReportJson(JSON.stringify(badRead)), new ReportJsonError(`'history.read' must be a finite number, not "6"`));
  const badNoise = JSON.parse(JSON.stringify(reportJson(report)));
  badNoise.gates.rules[0].noise.verdict = 'fine';
  assert.throws(
    () => parseReportJson(JSON.stringify(badNoise)),
    new ReportJsonError(`'gates.rules[0].noise.verdict' must be one of "beyond", "within", "not-enough-history", not "fine"`),
  );
});
