import { describe, test } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRuns } from '../../src/aggregate/read';
import assert from 'node:assert/strict';
import { evaluateRules } from '../../src/gate/evaluate';
import { metricLookupFromDiffs } from '../../src/gate/lookup';
import { parseRules, ruleLinesFromText } from '../../src/gate/parse';
import { gateSummary } from '../../src/gate/summary';
import { projectDirectionsFromText } from '../../src/gate/config';
import { gatesSection } from '../../src/report/gates-section';
import { composeMarkdown } from '../../src/report/markdown';
import { parseReportJson } from '../../src/report/parse';
import { reportJson } from '../../src/report/to-json';
import { valuesSection } from '../../src/report/values-section';
import type { ReportData } from '../../src/report/types';
import { diffRow } from '../../src/values/diff';
import { guessDirection } from '../../src/values/direction';
import type { FileDiff, Leaf } from '../../src/values/types';
import { reportOf } from '../helpers/report';

const file = (path: string, rows: [string, Leaf | undefined, Leaf | undefined][]): FileDiff => ({
  path,
  rows: rows.map(([k, o, n]) => diffRow(k, o, n)),
  notes: [],
});

/** The example: accuracy fell 15%, loss rose 125%. */
const METRICS = [
  file('metrics.json', [
    ['accuracy', 0.8666666666666667, 0.7333333333333333],
    ['loss', 0.2, 0.45],
    ['epochs', 10, 10],
  ]),
];
const PARAMS = [file('params.yaml', [['lr', 0.01, 0.1]])];

function report(extra: Partial<Omit<ReportData, 'verdict'>> = {}, rules: string | null = null): ReportData {
  const gates = rules
    ? gateSummary(
        evaluateRules(parseRules(ruleLinesFromText(rules, "input 'thresholds'")), metricLookupFromDiffs(METRICS), { missingBase: 'skip', hasBase: true }),
      )
    : null;
  return reportOf({
    schemaVersion: 2,
    tool: { name: 'mlreport', version: 'test' },
    base: { sha: 'a'.repeat(40), label: 'main' },
    head: { sha: 'b'.repeat(40), label: 'feature' },
    params: PARAMS,
    metrics: METRICS,
    plots: [],
    gates,
    pipeline: null,
    warnings: [],
    ...extra,
  });
}

describe('the verdict: the first line of every target', () => {
  test('a failing gate names each broken metric with its change and values; the counts follow', () => {
    const r = report({}, 'accuracy >= base - 0.05\nloss <= base * 1.1\nepochs >= 5');
    assert.equal(r.verdict.outcome, 'failed');
    assert.equal(r.verdict.line, '❌ gate failed: accuracy −15% (0.8667 → 0.7333), loss +125% (0.2 → 0.45)');
    assert.equal(r.verdict.counts, '2 metrics and 1 param changed');
    const md = composeMarkdown(r).split('\n');
    assert.equal(md[1], '## ❌ gate failed: accuracy −15% (0.8667 → 0.7333), loss +125% (0.2 → 0.45)');
    assert.equal(md[3], '**mlreport** · `feature` vs `main` (aaaaaaa) · 2 metrics and 1 param changed');
  });

  test('a passing gate says so with the changes that matter most; warnings only: passed with warnings', () => {
    assert.equal(
      report({}, 'epochs >= 5').verdict.line,
      '✅ gate passed: the rule held; loss +125% (0.2 → 0.45, worse), accuracy −15% (0.8667 → 0.7333, worse)',
    );
    const warned = report({}, 'epochs >= 5\nwarn: loss <= base');
    assert.equal(warned.verdict.outcome, 'warning');
    assert.equal(warned.verdict.line, '⚠️ gate passed with warnings: loss +125% (0.2 → 0.45)');
  });

  test('skipped rules are counted in the line people read: a pass with one rule skipped is not "the rule held" alone', () => {
    const skipped = report({}, 'epochs >= 5\nauc >= 0.9 if present');
    assert.equal(skipped.verdict.outcome, 'passed');
    assert.equal(skipped.verdict.line, '✅ gate passed: the rule held, 1 rule skipped; loss +125% (0.2 → 0.45, worse), accuracy −15% (0.8667 → 0.7333, worse)');
    const warned = report({}, 'epochs >= 5\nwarn: loss <= base\nauc >= 0.9 if present\nf1 >= 0.9 if present');
    assert.equal(warned.verdict.line, '⚠️ gate passed with warnings: loss +125% (0.2 → 0.45), 2 rules skipped');
  });

  test('a huge change reads as its factor in the verdict line, a change from 0 as its difference', () => {
    const r = report({
      metrics: [
        file('metrics.json', [
          ['loss', 1e-20, 100],
          ['drift', 0, 0.5],
        ]),
      ],
    });
    assert.equal(r.verdict.line, '⚠️ loss ×1e22 (1e-20 → 100, worse), drift +0.5 (0 → 0.5)');
  });

  test('without gates: the most important changes, worse first, marked; nothing changed or no base said plainly', () => {
    const r = report();
    assert.equal(r.verdict.outcome, 'warning');
    assert.equal(r.verdict.line, '⚠️ loss +125% (0.2 → 0.45, worse), accuracy −15% (0.8667 → 0.7333, worse)');
    assert.equal(report({ metrics: [file('m.json', [['acc', 0.5, 0.5]])] }).verdict.line, 'ℹ️ no metric changed');
    assert.equal(report({ metrics: [] }).verdict.line, '⚠️ no metrics found');
    // Deleted at the head: a warning that says so, before the changes that matter most.
    const deleted = report({
      metrics: [
        file('m.json', [
          ['acc', 0.5, undefined],
          ['loss', 0.2, undefined],
        ]),
        file('e.json', [['auc', 0.5, 0.6]]),
      ],
    });
    assert.equal(deleted.verdict.outcome, 'warning');
    assert.equal(deleted.verdict.line, '⚠️ 2 metrics missing at the head, auc +20% (0.5 → 0.6, better)');
    assert.equal(report({ metrics: [file('m.json', [['acc', 0.5, undefined]])] }).verdict.line, '⚠️ 1 metric missing at the head');
    // A head file that could not be read (a DVC output on no reachable remote, a file that does not parse): its
    // metrics are not known there, not missing, and the line says why.
    const unreadHead = (note: string) =>
      report({
        metrics: [
          {
            ...file('eval/m.json', [
              ['acc', 0.5, undefined],
              ['f1', 0.4, undefined],
            ]),
            notes: [note],
          },
        ],
      }).verdict.line;
    assert.equal(
      unreadHead("not present at feature (DVC-cached) and cannot be read: eval: object 0a1b missing from remote 'storage'"),
      "⚠️ 2 metrics not known at the head (eval/m.json not present at feature (DVC-cached) and cannot be read: eval: object 0a1b missing from remote 'storage')",
    );
    assert.equal(
      unreadHead('feature: eval/m.json:1:3: invalid JSON: unexpected end'),
      '⚠️ 2 metrics not known at the head (eval/m.json:1:3: invalid JSON: unexpected end)',
    );
    // New at the head, or changed but not as a number: named, never "no metric changed" above the table listing them.
    const added = report({ metrics: [file('a.json', [['acc', 1, 1]]), file('b.json', [['f1', undefined, 0.5]])] });
    assert.equal(added.verdict.line, 'ℹ️ 1 metric new at the head');
    assert.equal(added.verdict.counts, '1 metric and 1 param changed');
    assert.equal(report({ metrics: [file('m.json', [['stage', 'train', 'eval']])] }).verdict.line, 'ℹ️ 1 metric changed, not as numbers');
    assert.equal(
      report({
        metrics: [
          file('m.json', [
            ['acc', 0.5, 0.6],
            ['f1', undefined, 0.1],
            ['g', undefined, 0.2],
          ]),
        ],
      }).verdict.line,
      'ℹ️ acc +20% (0.5 → 0.6, better), 2 metrics new at the head',
    );
    // A base whose file could not be read (its dvc.yaml does not load, a DVC output on no reachable remote): its
    // metrics are not new, they are not known there — a warning, never an all-clear.
    const unread = (note: string) => report({ metrics: [{ ...file('m.json', [['acc', undefined, 0.7]]), notes: [note] }] }).verdict;
    assert.deepEqual(unread('not known at main: dvc.yaml does not load there'), {
      outcome: 'warning',
      line: '⚠️ 1 metric not known at the base',
      counts: '1 metric and 1 param changed',
    });
    assert.equal(
      unread("not in git at main (DVC-cached) and cannot be read: object 0a1b missing from remote 'storage'").line,
      '⚠️ 1 metric not known at the base',
    );
    // The note of the head's side, or a plain absence, leaves a new metric new.
    assert.equal(unread('not known at head: dvc.yaml does not load there').line, 'ℹ️ 1 metric new at the head');
    assert.equal(unread('not present at main').line, 'ℹ️ 1 metric new at the head');
    const headOnly = report({ base: null });
    assert.match(headOnly.verdict.line, /^ℹ️ no base revision/);
    assert.equal(headOnly.verdict.counts, '3 metrics and 1 param at the head');
  });

  test("metrics of a base file that does not parse are not known at the base, as report.json's notKnownAtBase says, not new", () => {
    // The file's notes say only that it could not be read: the report's data says what the gate judged.
    const why = 'm.json cannot be read at the base (main: m.json:1:9: invalid JSON)';
    const unparsed = { ...file('m.json', [['acc', undefined, 0.7]]), notes: ['cannot be read at main: m.json:1:9: invalid JSON'] };
    assert.deepEqual(report({ metrics: [unparsed], notKnownAtBase: [{ file: 'm.json', why }] }).verdict, {
      outcome: 'warning',
      line: '⚠️ 1 metric not known at the base',
      counts: '1 metric and 1 param changed',
    });
    assert.equal(report({ metrics: [unparsed], notKnownAtBase: [] }).verdict.line, 'ℹ️ 1 metric new at the head');
  });

  test('a base revision that could not be fetched is said, not "no base revision", and reads back from report.json', () => {
    const baseUnread = 'base commit 0ea1bb6 could not be fetched: fatal: unable to access origin';
    const unfetched = report({ base: null, baseUnread });
    assert.deepEqual(unfetched.verdict, {
      outcome: 'warning',
      line: `⚠️ the base revision could not be read (${baseUnread}): the head's values alone`,
      counts: '3 metrics and 1 param at the head',
    });
    const back = parseReportJson(JSON.stringify(reportJson(unfetched)));
    assert.equal(back.baseUnread, baseUnread);
    assert.equal(back.verdict.line, unfetched.verdict.line);
    // A report of an older version has no such field: no base, as it said then.
    assert.equal(parseReportJson(JSON.stringify(reportJson(report({ base: null })))).baseUnread, undefined);
  });

  test('a base that is a fallback is said under the revisions, and reads back from report.json (mode: publish posts it too)', () => {
    const baseFallback = "deadbee, the branch's head before this push, could not be fetched: fatal: remote error: upload-pack: not our ref";
    const fallback = report({ base: { sha: 'c'.repeat(40), label: 'HEAD~1' }, baseFallback });
    const note = `> [!NOTE]\n> Compared with \`HEAD~1\` (ccccccc) because ${baseFallback}.\n`;
    assert.ok(composeMarkdown(fallback).includes(`vs \`HEAD~1\` (ccccccc) · ${fallback.verdict.counts}\n\n${note}`), composeMarkdown(fallback));
    const back = parseReportJson(JSON.stringify(reportJson(fallback)));
    assert.equal(back.baseFallback, baseFallback);
    assert.ok(composeMarkdown(back).includes(note));
    // A report of an older version has no such field, and says nothing of it.
    const older = parseReportJson(JSON.stringify(reportJson(report({ base: { sha: 'c'.repeat(40), label: 'HEAD~1' } }))));
    assert.equal(older.baseFallback, undefined);
    assert.doesNotMatch(composeMarkdown(older), /Compared with/);
  });

  test('the two that matter most of many: heavier first, equal ones in the order of the rows', () => {
    const rows: [string, Leaf | undefined, Leaf | undefined][] = Array.from({ length: 50 }, (_, i) => [`m${String(i).padStart(2, '0')}`, 1, 1.1]);
    rows.push(['m50', 1, 1.5], ['m51', 1, 1.5], ['m52', 1, 1.2]);
    // Same relative change, same (unknown) direction: the first two rows; a larger one later comes first.
    assert.equal(report({ metrics: [file('m.json', rows.slice(0, 50))] }).verdict.line, 'ℹ️ m00 +10% (1 → 1.1), m01 +10% (1 → 1.1)');
    assert.equal(report({ metrics: [file('m.json', rows)] }).verdict.line, 'ℹ️ m50 +50% (1 → 1.5), m51 +50% (1 → 1.5)');
    // A worse change outweighs any size of unmarked one.
    const mixed = report({ metrics: [file('m.json', [...rows, ['val_loss', 1, 1.01]])] });
    assert.equal(mixed.verdict.line, '⚠️ val_loss +1.0% (1 → 1.01, worse), m50 +50% (1 → 1.5)');
  });

  test('a key two metrics files share is named with its file; a key of one file alone is not', () => {
    const sweep = [
      file('train/metrics.json', [
        ['acc', 0.1, 0.2],
        ['loss', 0.5, 0.5],
      ]),
      file('eval/metrics.json', [
        ['acc', 0.05, 0.1],
        ['auc', 0.5, 0.6],
      ]),
    ];
    assert.equal(
      report({ metrics: sweep }).verdict.line,
      'ℹ️ train/metrics.json: acc +100% (0.1 → 0.2, better), eval/metrics.json: acc +100% (0.05 → 0.1, better)',
    );
    const rules = parseRules(ruleLinesFromText('eval/metrics.json:acc <= 0.09\nauc <= 0.55', "input 'thresholds'"));
    const gated = report({ metrics: sweep, gates: gateSummary(evaluateRules(rules, metricLookupFromDiffs(sweep), { missingBase: 'skip', hasBase: true })) });
    assert.equal(gated.verdict.line, '❌ gate failed: eval/metrics.json: acc 0.1 (rule: eval/metrics.json:acc <= 0.09), auc 0.6 (rule: auc <= 0.55)');
  });

  test('a rule on the output of a stage that did not run (the deadline cut the pipeline): the change was not checked, said as such', () => {
    const lookups = metricLookupFromDiffs(METRICS);
    const file = lookups.find((m) => m.key === 'accuracy')!.file;
    const gates = gateSummary(
      evaluateRules(parseRules(ruleLinesFromText('accuracy >= 0.5', "input 'thresholds'")), lookups, {
        missingBase: 'skip',
        hasBase: true,
        staleAtHead: new Map([[file, ['evaluate']]]),
        staleWhy: new Map([['evaluate', 'which did not run (the deadline passed)']]),
      }),
    );
    const pipeline = { engine: 'builtin' as const, stages: [{ name: 'evaluate', status: 'not-run' as const, seconds: 0, reasons: ['the deadline passed'] }] };
    const cut = report({ gates, pipeline, stale: [{ stage: 'evaluate', reasons: ['did not run (the deadline passed)'] }] });
    assert.equal(cut.verdict.line, "❌ gate could not check this change: stage 'evaluate' did not run; the rule compared the last run's values");
    assert.match(composeMarkdown(cut), /> A stage of the pipeline did not complete in this run, so the values below from its outputs are from the last run/);
    // Without a reproduction the same stage is out of date, and the words say that.
    const notReproduced = report({ gates, stale: [{ stage: 'evaluate', reasons: ['param params.yaml:lr: modified'] }] });
    assert.equal(
      notReproduced.verdict.line,
      "❌ gate could not check this change: stage 'evaluate' out of date (not reproduced); the rule compared the last run's values",
    );
  });

  test("a failed stage comes first, before the gate: the metrics are not this change's", () => {
    const r = report(
      {
        pipeline: {
          engine: 'builtin',
          stages: [
            { name: 'prepare', status: 'ran', seconds: 1 },
            { name: 'train', status: 'failed', seconds: 2, error: 'exit code 1' },
          ],
        },
      },
      'epochs >= 5',
    );
    assert.equal(r.verdict.outcome, 'failed');
    assert.match(r.verdict.line, /^❌ pipeline failed: stage train failed/);
    // The row that stands for project files the runner could not load: the verdict says what is wrong, not "stage dvc.yaml".
    const cycle = report({
      pipeline: {
        engine: 'builtin',
        stages: [{ name: 'dvc.yaml', status: 'failed', seconds: 0, error: 'dvc.yaml: the pipeline has a cycle: a → b → a.', project: true }],
      },
    });
    assert.equal(cycle.verdict.line, '❌ pipeline failed: dvc.yaml: the pipeline has a cycle: a → b → a.');
    // report.json keeps the mark, and a report read back (mode: publish) says the same.
    const back = parseReportJson(JSON.stringify(reportJson(cycle)));
    assert.equal(back.pipeline?.stages[0]?.project, true);
    assert.equal(back.verdict.line, cycle.verdict.line);
    assert.equal(
      report({ projectErrors: ['dvc.yaml line 3: bad indentation'] }).verdict.line,
      '❌ project files do not parse: dvc.yaml line 3: bad indentation',
    );
  });

  test('the time budget cut the pipeline: said the same way whether it ended a running stage or was spent before one started', () => {
    const budget = "not done: the run's time budget (3 s, `deadline-minutes`) was spent";
    const whileRunning = report(
      {
        pipeline: {
          engine: 'builtin',
          stages: [
            { name: 'train', status: 'failed', seconds: 3, error: "stopped: the run's time budget (3 s, `deadline-minutes`) was spent", stopped: true },
            {
              name: 'evaluate',
              status: 'not-run',
              seconds: 0,
              reasons: ["the pipeline stopped before it: the run's time budget was spent while stage 'train' ran"],
            },
          ],
        },
      },
      'epochs >= 5',
    );
    assert.equal(
      whileRunning.verdict.line,
      "❌ pipeline stopped: the run's time budget was spent while stage train ran; the gate compared what the pipeline left",
    );
    // No stage failed: the budget was spent between two stages. Before, the line was the gate's, or "no metric changed".
    const stages = (...rest: NonNullable<ReportData['pipeline']>['stages']): Partial<ReportData> => ({
      pipeline: { engine: 'builtin', stages: [{ name: 'prepare', status: 'ran', seconds: 1 }, ...rest] },
    });
    const beforeStart = report(
      stages(
        { name: 'train', status: 'not-run', seconds: 0, reasons: [budget], stopped: true },
        { name: 'evaluate', status: 'not-run', seconds: 0, reasons: [budget], stopped: true },
      ),
      'epochs >= 5',
    );
    assert.equal(beforeStart.verdict.outcome, 'failed');
    assert.equal(
      beforeStart.verdict.line,
      "❌ pipeline stopped: the run's time budget was spent before stage train started; the gate compared what the pipeline left",
    );
    assert.equal(
      report(stages({ name: 'train', status: 'not-run', seconds: 0, reasons: [budget], stopped: true })).verdict.line,
      "❌ pipeline stopped: the run's time budget was spent before stage train started",
    );
    // A stage that failed on its own before the budget was spent is named too, as beside a stage the budget ended.
    assert.equal(
      report(
        stages(
          { name: 'train', status: 'failed', seconds: 1, error: 'exit code 1' },
          { name: 'report', status: 'not-run', seconds: 0, reasons: [budget], stopped: true },
        ),
      ).verdict.line,
      "❌ pipeline stopped: the run's time budget was spent before stage report started; stage train failed",
    );
    // A stage not run because one upstream of it failed is no cut: the pipeline failed.
    assert.match(
      report(
        stages(
          { name: 'train', status: 'failed', seconds: 1, error: 'exit code 1' },
          { name: 'evaluate', status: 'not-run', seconds: 0, reasons: ["upstream stage 'train' failed"] },
        ),
      ).verdict.line,
      /^❌ pipeline failed: stage train failed$/,
    );
    // report.json keeps the mark on a stage that did not start, and a report read back (mode: publish) says the same.
    const back = parseReportJson(JSON.stringify(reportJson(beforeStart)));
    assert.equal(back.pipeline?.stages[1]?.stopped, true);
    assert.equal(back.verdict.line, beforeStart.verdict.line);
  });

  test('a gate that checked nothing fails, and says why', () => {
    const r = report({}, 'auc >= 0.8 if present');
    assert.equal(r.verdict.line, '❌ gate checked nothing: every rule was skipped');
  });
});

describe('one number format, one change column', () => {
  test('the gates, the metrics table and the verdict show the same value the same way', () => {
    const r = report({}, 'accuracy >= base - 0.05');
    const gates = gatesSection(r.gates!);
    const metrics = valuesSection('metrics', METRICS, { base: 'main', head: 'feature' });
    assert.match(gates, /\| 0\.8667 \| 0\.7333 \| 0\.8167 \| 0\.7333 is not &gt;= 0\.8167 \(base 0\.8667\)\. \|/);
    assert.match(metrics, /\| metrics\.json \| accuracy \| 0\.8667 \| 0\.7333 \| −0\.1333 \(−15%\) \| ❌ worse \|/);
    assert.match(r.verdict.line, /0\.8667 → 0\.7333/);
  });

  test('values that differ only past four digits get the digits that tell them apart', () => {
    const md = valuesSection('metrics', [file('m.json', [['acc', 0.912341, 0.912344]])], { base: 'main', head: 'feature' });
    assert.match(md, /\| acc \| 0\.912341 \| 0\.912344 \| \+3e-6 \(\+0\.0003%\) \| ✅ better \|/);
  });

  test('the change is signed; the better/worse mark is a column of its own', () => {
    const md = valuesSection(
      'metrics',
      [
        file('m.json', [
          ['mae', 2, 1.5],
          ['drift', 1, 2],
        ]),
      ],
      { base: 'main', head: 'feature' },
    );
    assert.match(md, /^\| Path \| Metric \| main \| feature \| Change \| Better or worse \|$/m);
    assert.match(md, /\| mae \| 2 \| 1\.5 \| −0\.5 \(−25%\) \| ✅ better \|/);
    assert.match(md, /\| drift \| 1 \| 2 \| \+1 \(\+100%\) \|  \|/, 'no direction known: no mark');
  });
});

describe('which way is better', () => {
  test('common metric names', () => {
    for (const name of ['avg_prec', 'precision', 'recall', 'f1', 'auc', 'roc_auc', 'test.accuracy', 'average_precision', 'valAccuracy'])
      assert.equal(guessDirection(name), 'higher', name);
    for (const name of ['mae', 'rmse', 'mse', 'mape', 'log_loss', 'logloss', 'val_loss', 'valLoss', 'error_rate', 'wer'])
      assert.equal(guessDirection(name), 'lower', name);
    assert.equal(guessDirection('epochs'), undefined);
  });

  test("a metric nested over its split, as DVC's example project writes it (avg_prec.test), is read by the known part nearest the end", () => {
    for (const name of ['avg_prec.test', 'roc_auc.train', 'eval.avg_prec.test', 'test.avg_prec']) assert.equal(guessDirection(name), 'higher', name);
    assert.equal(guessDirection('loss.val'), 'lower');
    assert.equal(guessDirection('accuracy.loss'), 'lower', 'the part nearest the end decides');
    assert.equal(guessDirection('loss.accuracy'), 'higher', 'the part nearest the end decides');
    assert.equal(guessDirection('epochs.test'), undefined);
  });

  test(".mlreport.yml's directions: win over the name; a rule's comparator wins over both", () => {
    const directions = projectDirectionsFromText('thresholds:\n  - epochs >= 1\ndirections:\n  drift: lower\n  metrics.json:loss: higher\n');
    assert.deepEqual(directions, [
      { metric: 'drift', better: 'lower' },
      { metric: 'metrics.json:loss', better: 'higher' },
    ]);
    const md = composeMarkdown(
      report({
        directions,
        metrics: [
          file('metrics.json', [
            ['drift', 1, 2],
            ['loss', 0.2, 0.45],
          ]),
        ],
      }),
    );
    assert.match(md, /\| drift \| 1 \| 2 \| \+1 \(\+100%\) \| ❌ worse \|/);
    assert.match(md, /\| loss \| 0\.2 \| 0\.45 \| \+0\.25 \(\+125%\) \| ✅ better \|/);
    const ruled = composeMarkdown(report({ directions, metrics: [file('metrics.json', [['loss', 0.2, 0.45]])] }, 'loss <= 1'));
    assert.match(ruled, /\| loss \| 0\.2 \| 0\.45 \| \+0\.25 \(\+125%\) \| ❌ worse \|/);
  });

  test('a direction that is neither higher nor lower is an error naming the line', () => {
    assert.throws(() => projectDirectionsFromText('directions:\n  drift: down\n'), /\.mlreport\.yml line 2: directions of "drift" must be higher or lower/);
  });
});

test("a sweep's job whose runner could not load the project is failed for that reason, not as a stage named after a file", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mlreport-job-'));
  try {
    const job = report({
      pipeline: {
        engine: 'builtin',
        stages: [{ name: 'dvc.lock', status: 'failed', seconds: 0, error: "dvc.lock: stage 'train': cmd must be …", project: true }],
      },
    });
    writeFileSync(join(dir, 'report.json'), JSON.stringify(reportJson(job)));
    const [run] = await readRuns([dir]);
    assert.equal(run!.failed, "pipeline failed: dvc.lock: stage 'train': cmd must be …");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a sweep's job the time budget stopped before a stage started is failed, as one it stopped while a stage ran: its values are the last run's", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mlreport-job-'));
  try {
    const budget = "not done: the run's time budget (3 s, `deadline-minutes`) was spent";
    const job = report({
      pipeline: {
        engine: 'builtin',
        stages: [
          { name: 'train', status: 'ran', seconds: 3 },
          { name: 'evaluate', status: 'not-run', seconds: 0, reasons: [budget], stopped: true },
        ],
      },
    });
    writeFileSync(join(dir, 'report.json'), JSON.stringify(reportJson(job)));
    const [run] = await readRuns([dir]);
    // Before, no stage had failed: the job's last-run metrics were averaged into its configuration as this change's.
    assert.equal(run!.failed, `stage 'evaluate' did not run: ${budget}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
