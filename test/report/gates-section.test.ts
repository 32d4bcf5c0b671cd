import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateRules } from '../../src/gate/evaluate';
import { parseRules, ruleLinesFromText } from '../../src/gate/parse';
import { gateSummary } from '../../src/gate/summary';
import { gatesHeadline, gatesSection } from '../../src/report/gates-section';
import { composeMarkdown } from '../../src/report/markdown';
import { escapeCellKeepingCode } from '../../src/report/escape';
import type { GateSummary, ReportData } from '../../src/report/types';
import type { MetricLookup } from '../../src/gate/types';
import { reportOf } from '../helpers/report';

const METRICS: MetricLookup[] = [
  { file: 'metrics.json', key: 'accuracy', base: 0.9, head: 0.93 },
  { file: 'metrics.json', key: 'loss', base: 0.5, head: 0.6 },
  { file: 'metrics.json', key: 'latency_ms', base: 100, head: 104 },
  { file: 'metrics.json', key: 'fresh', base: undefined, head: 1 },
];

function gates(rules: string, hasBase = true): GateSummary {
  return gateSummary(evaluateRules(parseRules(ruleLinesFromText(rules, "input 'thresholds'")), METRICS, { missingBase: 'skip', hasBase }));
}

describe('Gates section', () => {
  test('one row per rule with the values it compared, ✅/❌/⚠️/⏭️', () => {
    const section = gatesSection(gates('accuracy >= 0.9\nloss <= base * 1.02\nwarn: latency_ms < base + 3%\nauc >= 0.8 if present'));
    assert.equal(
      section,
      [
        '### Gates: ❌ 1 of 4 rules broke (1 warning, 1 skipped)',
        '',
        '| | Rule | Base | Head | Threshold | Note |',
        '|---|---|---|---|---|---|',
        '| ✅ | accuracy &gt;= 0.9 | 0.9 | 0.93 | 0.9 |  |',
        '| ❌ | loss &lt;= base \\* 1.02 | 0.5 | 0.6 | 0.51 | 0.6 is not &lt;= 0.51 (base 0.5). |',
        '| ⚠️ | warn: latency\\_ms &lt; base + 3% | 100 | 104 | 103 | 104 is not &lt; 103 (base 100). |',
        '| ⏭️ | auc &gt;= 0.8 if present | - | - | - | <code>auc</code> is not in any metrics file (closest known: metrics.json:loss, metrics.json:accuracy, metrics.json:fresh); skipped because of <code>if present</code>. |',
      ].join('\n'),
    );
  });

  test('a threshold and band edges that print like the head at 4 digits get the digits that tell them apart', () => {
    // The history's mean − 3·std is 0.790948; the head 0.7909 is under it: "0.7909 is not >= 0.7909 … beyond noise" read as a contradiction.
    const history = { n: 20, stats: { n: 20, mean: 0.8, std: 0.003017333333333333, min: 0.7946, max: 0.8061 } };
    const lookup: MetricLookup = { file: 'metrics.json', key: 'acc', base: 0.8033, head: 0.7909, history };
    const summary = gateSummary(
      evaluateRules(parseRules(ruleLinesFromText('acc >= history.mean - 3 * history.std', "input 'thresholds'")), [lookup], {
        missingBase: 'skip',
        hasBase: true,
      }),
    );
    const row = gatesSection(summary).split('\n').at(-1)!;
    assert.equal(
      row,
      '| ❌ | acc &gt;= history.mean - 3 \\* history.std | 0.8033 | 0.7909 | 0.79095 | 0.7909 is not &gt;= 0.79095 (history n=20). · noise band 0.8 ± 3×0.003017 = \\[0.79095, 0.80905\\]: beyond noise (below) |',
    );
  });

  test('names quoted in a note show as code, still escaped (no markdown or HTML from a metric name)', () => {
    const cell = escapeCellKeepingCode('`a|b<img src=x>_@team` is not in any metrics file');
    assert.equal(cell, '<code>a\\|b&lt;img src=x&gt;\\_@\u200dteam</code> is not in any metrics file');
  });

  test('headlines', () => {
    assert.equal(gatesHeadline(gates('accuracy >= 0.9')), '✅ the rule passed');
    assert.equal(gatesHeadline(gates('accuracy >= 0.9\nloss > 0')), '✅ all 2 rules passed');
    assert.equal(gatesHeadline(gates('accuracy >= 0.9\nloss > base')), '✅ all 2 rules passed');
    assert.equal(gatesHeadline(gates('warn: loss <= base')), '⚠️ no failing rule broke (1 warning)');
    assert.equal(gatesHeadline(gates('fresh >= base\nloss > 0')), '✅ no rule broke (1 passed, 1 skipped)');
    assert.equal(gatesHeadline(gates('loss <= base')), '❌ 1 of 1 rule broke');
  });

  test('a rule that could not be checked (no value to compare) is counted and worded as not checked, at any level, not as broke', () => {
    assert.equal(gatesHeadline(gates('acc >= 1')), '❌ 1 of 1 rule could not be checked');
    assert.equal(gatesHeadline(gates('acc >= 1\nwarn: auc >= base')), '❌ 2 of 2 rules could not be checked');
    assert.equal(
      gatesHeadline(gates('loss <= base\nacc >= 1\nwarn: auc >= base\nwarn: loss <= base')),
      '❌ 1 of 4 rules broke, 2 could not be checked (1 warning)',
    );
  });

  test('the section opens the report: after the verdict and counts, before the tables', () => {
    const report: ReportData = reportOf({
      schemaVersion: 2,
      tool: { name: 'mlreport', version: '0' },
      base: { sha: 'a'.repeat(40), label: 'main' },
      head: { sha: 'b'.repeat(40), label: 'feature' },
      params: [],
      metrics: [],
      plots: [],
      gates: gates('accuracy >= 0.9'),
      pipeline: null,
      warnings: [],
    });
    const md = composeMarkdown(report);
    const at = (s: string): number => md.indexOf(s);
    assert.ok(at('### Gates: ✅ the rule passed') > at('## ✅ gate passed'));
    assert.ok(at('### Gates') > at('metrics and'));
    assert.ok(at('### Gates') < at('### Metrics'));
    assert.equal(composeMarkdown({ ...report, gates: null }).includes('### Gates'), false);
  });
});
