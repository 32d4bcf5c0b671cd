import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gateMetrics } from '../../src/gate';
import { cachedBaseRemedy } from '../../src/gate/cached-remedy';
import { evaluateRules, type EvaluateOptions } from '../../src/gate/evaluate';
import { metricLookupFromDiffs } from '../../src/gate/lookup';
import { parseRules, ruleLinesFromText } from '../../src/gate/parse';
import { resolveMetric } from '../../src/gate/resolve';
import type { GateConfig, MetricLookup, RuleOutcome } from '../../src/gate/types';
import { diffValueFile } from '../../src/values/diff';
import { flattenValues } from '../../src/values/flatten';

const METRICS: MetricLookup[] = [
  { file: 'metrics.json', key: 'accuracy', base: 0.9, head: 0.92 },
  { file: 'metrics.json', key: 'loss', base: 0.5, head: 0.51 },
  { file: 'metrics.json', key: 'train.f1', base: 0.8, head: 0.795 },
  { file: 'eval/scores.json', key: 'latency_ms', base: 200, head: 209 },
  { file: 'eval/scores.json', key: 'test.f1', base: 0.7, head: 0.7 },
  { file: 'eval/scores.json', key: 'new_metric', base: undefined, head: 3 },
  { file: 'eval/scores.json', key: 'dropped', base: 1, head: undefined },
  { file: 'eval/scores.json', key: 'nan_head', base: 1, head: Number.NaN },
  { file: 'eval/scores.json', key: 'nan_base', base: Number.NaN, head: 1 },
  { file: 'eval/scores.json', key: 'label', base: null, head: null },
];
const withBase: EvaluateOptions = { missingBase: 'skip', hasBase: true };

function run(text: string, metrics = METRICS, options = withBase): RuleOutcome[] {
  return evaluateRules(parseRules(ruleLinesFromText(text, "input 'thresholds'")), metrics, options).outcomes;
}
function one(text: string, metrics = METRICS, options = withBase): RuleOutcome {
  return run(text, metrics, options)[0]!;
}

describe('gate evaluation', () => {
  test('every comparator, holding and breaking', () => {
    const cases: [string, 'passed' | 'failed'][] = [
      ['accuracy >= 0.92', 'passed'],
      ['accuracy >= 0.93', 'failed'],
      ['accuracy > 0.91', 'passed'],
      ['accuracy > 0.92', 'failed'],
      ['loss <= 0.51', 'passed'],
      ['loss <= 0.5', 'failed'],
      ['loss < 0.52', 'passed'],
      ['loss < 0.51', 'failed'],
      ['test.f1 == base', 'passed'],
      ['accuracy == base', 'failed'],
      ['accuracy != base', 'passed'],
      ['test.f1 != 0.7', 'failed'],
    ];
    for (const [rule, status] of cases) assert.equal(one(rule).status, status, rule);
  });

  test('relative rules compare with the base and report the values compared', () => {
    const loss = one('metrics.json:loss <= base * 1.02');
    assert.equal(loss.status, 'passed');
    assert.deepEqual([loss.base, loss.head, loss.threshold], [0.5, 0.51, 0.51]);
    assert.equal(loss.message, '0.51 <= 0.51 (base 0.5)');

    const f1 = one('train.f1 >= base - 0.001');
    assert.equal(f1.status, 'failed');
    assert.equal(f1.message, '0.795 is not >= 0.799 (base 0.8).');

    assert.equal(one('latency_ms < base + 5%').status, 'passed'); // 209 < 210
    assert.equal(one('latency_ms < base + 4%').status, 'failed'); // 209 ≥ 208
    assert.equal(one('latency_ms <= base - 1%').status, 'failed');
  });

  test('a metric missing at the head breaks its rule, unless `if present`', () => {
    const broken = one('dropped >= 0');
    assert.equal(broken.status, 'failed');
    assert.equal(broken.message, '`eval/scores.json:dropped` is missing at the head.');
    assert.equal(broken.base, 1);
    assert.equal(one('dropped >= 0 if present').status, 'skipped');
    // A metric no file has at all is not "missing", it is unknown, unless `if present` says it may be absent.
    assert.equal(one('auc >= 0.8 if present').status, 'skipped');
    assert.match(one('auc >= 0.8 if present').message, /not in any metrics file.*skipped because of `if present`/);
    // A typo'd name is skipped too, but with the names it may have meant, as an unknown name's error has them.
    assert.equal(
      one('acuracy >= 0.95 if present').message,
      '`acuracy` is not in any metrics file (closest known: metrics.json:accuracy); skipped because of `if present`.',
    );
  });

  test('a rule skipped for want of a base value says why its file is not there, where the report knows more than absence', () => {
    const files = [{ path: 'n.json', notes: ['not in git at main (DVC-tracked)'], rows: [{ key: 'f1', old: undefined, new: 0.5, changed: true }] }];
    const f1 = one('f1 >= base', metricLookupFromDiffs(files));
    assert.equal(f1.status, 'skipped');
    assert.equal(f1.message, 'Skipped: the rule compares with `base`, but `n.json:f1` is not present at the base (n.json: not in git at main (DVC-tracked)).');
    // A plain absence says nothing more than the message does.
    const plain = [{ path: 'n.json', notes: ['not present at main'], rows: [{ key: 'f1', old: undefined, new: 0.5, changed: true }] }];
    assert.equal(
      one('f1 >= base', metricLookupFromDiffs(plain)).message,
      'Skipped: the rule compares with `base`, but `n.json:f1` is not present at the base.',
    );
  });

  test('a DVC-cached metrics file no cache or remote gave at the base: a rule comparing with `base` is an error with the remedy, missing-base or not', () => {
    // Before, the rule was skipped as if the metric were new ("not present at the base"), and the gate passed on the others.
    const file = {
      path: 'eval/metrics.json',
      notes: ["not in git at main (DVC-cached) and cannot be read: eval/metrics.json: object 0a1b missing from remote 'storage'"],
      rows: [{ key: 'auc', old: undefined, new: 0.7, changed: true }],
    };
    const cachedAtBase = new Map([['eval/metrics.json', "main: eval/metrics.json: object 0a1b missing from remote 'storage'"]]);
    const gate = (missingBase: 'skip' | 'fail'): GateConfig => ({
      rules: parseRules(ruleLinesFromText('warn: auc >= base - 0.01\nauc >= 0.5', "input 'thresholds'")),
      missingBase,
      failOnThreshold: true,
      checkName: 'mlreport',
      notes: [],
      rulesFrom: 'input',
      trustBase: false,
    });
    for (const missingBase of ['skip', 'fail'] as const) {
      const summary = gateMetrics(gate(missingBase), [file], true, undefined, { cachedAtBase, cachedRemedy: cachedBaseRemedy(false, 'mlreport-history') })!;
      assert.deepEqual([summary.passed, summary.checked, summary.rules.map((r) => r.status)], [false, 1, ['error', 'passed']], missingBase);
      assert.equal(
        summary.rules[0]!.detail,
        "Not checked: `eval/metrics.json:auc` is not known at the base: eval/metrics.json is DVC-cached and could not be read from the cache or the remote (main: eval/metrics.json: object 0a1b missing from remote 'storage'), so the rule has no `base` value to compare with. " +
          "To check it: give the workflow the DVC remote's credentials (the cloud's variables from secrets in the step's `env:`, AWS_* or AZURE_STORAGE_*; `.dvc/config.local` written by an earlier step; `hub-user`/`hub-token` for a remote under `hub-url`; a fork's pull request gets no secrets) and see that the base branch's runs push its outputs there (input `dvc-push: true`); " +
          "or commit the file to git (`cache: false` on it in dvc.yaml); or have the runs on pushes to the default branch record it in the history store ('mlreport-history', input `history-branch`; they need `contents: write`), which has no record of it at the base commit.",
      );
    }
    // The history store gave the file's base values: it is known there, and a metric its record lacks is new (skipped).
    const filled = { ...file, rows: [...file.rows, { key: 'loss', old: 0.3, new: 0.2, diff: -0.1, changed: true }] };
    const fromStore = gateMetrics(gate('skip'), [filled], true, undefined, { cachedAtBase })!;
    assert.deepEqual(
      fromStore.rules.map((r) => r.status),
      ['skipped', 'passed'],
    );
  });

  test('a DVC-cached metrics file whose object no cache or remote gives at the head: every rule on it is not checked, `if present` too', () => {
    // Before, the `if present` rule was skipped as if the metric were absent: dvc.lock names the file, its values are unknown.
    const file = {
      path: 'eval/metrics.json',
      notes: ["not present at main (DVC-cached) and cannot be read: eval: object 0a1b missing from remote 'storage'"],
      rows: [{ key: 'auc', old: 0.7, new: undefined, changed: true }],
    };
    const cachedAtHead = new Map([['eval/metrics.json', "main: eval: object 0a1b missing from remote 'storage'"]]);
    const gate: GateConfig = {
      rules: parseRules(ruleLinesFromText('auc >= 0.5 if present\nauc >= 0.5\nf1 >= 0.5 if present', "input 'thresholds'")),
      missingBase: 'skip',
      failOnThreshold: true,
      checkName: 'mlreport',
      notes: [],
      rulesFrom: 'input',
      trustBase: false,
    };
    const summary = gateMetrics(gate, [file], true, undefined, { cachedAtHead })!;
    assert.deepEqual([summary.passed, summary.rules.map((r) => r.status)], [false, ['error', 'error', 'error']]);
    const why = "eval/metrics.json is DVC-cached and could not be read from the cache or the remote (main: eval: object 0a1b missing from remote 'storage')";
    assert.equal(summary.rules[0]!.detail, `Not checked: \`eval/metrics.json:auc\` is not known at the head: ${why}.`);
    assert.equal(summary.rules[1]!.detail, summary.rules[0]!.detail);
    assert.equal(summary.rules[2]!.detail, `\`f1\` is in no metrics file read at the head, and one that could not be read may hold it: ${why}`);
  });

  test('a metrics file whose dvc.yaml (or .dvc file) does not load at the base: a rule comparing with `base` is an error, not skipped as new', () => {
    // Before, such a rule was skipped ("not present at the base"), and the gate passed on the other rules.
    const files = [
      { path: 'm.json', notes: ['not known at main: dvc.yaml does not load there'], rows: [{ key: 'acc', old: undefined, new: 0.7, changed: true }] },
    ];
    const notKnownAtBase = new Map([['m.json', 'dvc.yaml at the base (main) does not load: dvc.yaml:5:12: invalid YAML: unexpected end of the stream']]);
    for (const missingBase of ['skip', 'fail'] as const) {
      const [relative, absolute] = run('warn: acc >= base - 0.01\nacc >= 0.5', metricLookupFromDiffs(files), { missingBase, hasBase: true, notKnownAtBase });
      assert.equal(relative!.status, 'error', missingBase);
      assert.equal(
        relative!.message,
        'Not checked: `m.json:acc` is not known at the base: dvc.yaml at the base (main) does not load: dvc.yaml:5:12: invalid YAML: unexpected end of the stream, so the rule has no `base` value to compare with.',
      );
      assert.equal(relative!.head, 0.7);
      assert.equal(absolute!.status, 'passed', 'the head value alone is still checked');
    }
    const evaluation = evaluateRules(parseRules(ruleLinesFromText('acc >= base\nacc >= 0.5', 'x')), metricLookupFromDiffs(files), {
      ...withBase,
      notKnownAtBase,
    });
    assert.deepEqual([evaluation.passed, evaluation.checked], [false, 1]);
  });

  test('a metrics file there at the base that cannot be read: a rule comparing with `base` is an error, `warn:` and missing-base: skip too', () => {
    const metrics: MetricLookup[] = [{ file: 'metrics.json', key: 'accuracy', base: undefined, head: 0.85 }];
    const unreadAtBase = new Map([['metrics.json', 'main: metrics.json:1:31: invalid JSON: expected a "quoted" key']]);
    const [relative, warned, absolute] = run('accuracy >= base - 0.01\nwarn: accuracy >= base\naccuracy >= 0.8', metrics, { ...withBase, unreadAtBase });
    assert.equal(relative!.status, 'error');
    assert.equal(
      relative!.message,
      'Not checked: `metrics.json` cannot be read at the base (main: metrics.json:1:31: invalid JSON: expected a "quoted" key), so the rule has no `base` value to compare with.',
    );
    assert.equal(relative!.head, 0.85);
    assert.equal(warned!.status, 'error', 'an error fails the gate at any level');
    assert.equal(absolute!.status, 'passed', 'the head value alone is still checked');
    const evaluation = evaluateRules(parseRules(ruleLinesFromText('accuracy >= base', 'x')), metrics, { ...withBase, unreadAtBase });
    assert.deepEqual([evaluation.passed, evaluation.checked], [false, 0]);
  });

  test('a rule that needs `base` without a base value: skipped with a note, or broken with missing-base: fail', () => {
    const skipped = one('new_metric >= base');
    assert.equal(skipped.status, 'skipped');
    assert.equal(skipped.message, 'Skipped: the rule compares with `base`, but `eval/scores.json:new_metric` is not present at the base.');
    const failed = one('new_metric >= base', METRICS, { missingBase: 'fail', hasBase: true });
    assert.equal(failed.status, 'failed');
    assert.match(failed.message, /missing-base: fail/);
    const noBase = one(
      'accuracy >= base',
      METRICS.map((m) => ({ ...m, base: undefined })),
      { missingBase: 'skip', hasBase: false },
    );
    assert.equal(noBase.status, 'skipped');
    assert.match(noBase.message, /there is no base revision/);
    // A rule without `base` does not care.
    assert.equal(one('new_metric >= 1', METRICS, { missingBase: 'fail', hasBase: false }).status, 'passed');
  });

  test('NaN fails: at the head, at the base, or as the computed threshold; non-numbers fail', () => {
    assert.match(one('nan_head >= 0').message, /is NaN at the head/);
    assert.equal(one('nan_head >= 0').status, 'failed');
    assert.equal(one('nan_head != 5').status, 'failed', 'NaN != 5 is true in IEEE terms, but NaN still fails');
    assert.equal(one('nan_base >= base').status, 'failed');
    assert.match(one('nan_base >= base').message, /NaN at the base/);
    assert.equal(one('nan_base >= 0').status, 'passed', 'a NaN base does not matter to a rule without `base`');
    assert.equal(one('accuracy >= base * 0 / 0').status, 'failed');
    assert.match(one('accuracy >= base * 0 / 0').message, /works out to NaN/);
    assert.equal(one('label >= 1').status, 'failed');
    assert.match(one('label >= 1').message, /not a number at the head/);
  });

  test('a base value that is not a number (text, a boolean) breaks a `base` rule as NaN does, whatever missing-base says', () => {
    const texts: MetricLookup[] = [
      { file: 'metrics.json', key: 'accuracy', base: null, head: 0.6 },
      { file: 'metrics.json', key: 'loss', base: 0.5, head: 0.5 },
    ];
    for (const missingBase of ['skip', 'fail'] as const) {
      const out = run('accuracy >= base - 0.01\nloss <= 1', texts, { missingBase, hasBase: true });
      assert.deepEqual(
        out.map((o) => [o.status, o.message]),
        [
          ['failed', '`metrics.json:accuracy` is not a number at the base, so there is nothing to compare with.'],
          ['passed', '0.5 <= 1'],
        ],
      );
    }
    // A rule without `base` does not care what the base holds.
    assert.equal(one('accuracy >= 0.5', texts).status, 'passed');
  });

  test('±Infinity breaks the rule like NaN: at the head, at the base, or as the computed threshold', () => {
    const infinite: MetricLookup[] = [
      { file: 'm.json', key: 'loss', base: 0.5, head: 0.4 },
      { file: 'm.json', key: 'inf_head', base: 1, head: Number.POSITIVE_INFINITY },
      { file: 'm.json', key: 'neg_inf_head', base: 1, head: Number.NEGATIVE_INFINITY },
      { file: 'm.json', key: 'inf_base', base: Number.NEGATIVE_INFINITY, head: 1 },
    ];
    // `base / 0` is Infinity: every finite loss is below it, so the rule held whatever the loss was.
    const divided = one('loss <= base / 0', infinite);
    assert.equal(divided.status, 'failed');
    assert.match(divided.message, /works out to Infinity/);
    assert.equal(one('loss >= -base / 0', infinite).status, 'failed');
    assert.equal(one('inf_head >= 0.9', infinite).status, 'failed');
    assert.match(one('inf_head >= 0.9', infinite).message, /is Infinity at the head/);
    assert.equal(one('neg_inf_head <= 0.1', infinite).status, 'failed');
    assert.equal(one('inf_base >= base', infinite).status, 'failed');
    assert.match(one('inf_base >= base', infinite).message, /-Infinity at the base/);
    assert.equal(one('inf_base >= 0', infinite).status, 'passed', 'an infinite base does not matter to a rule without `base`');
  });

  test('values that differ beyond six digits are shown in full', () => {
    const close: MetricLookup[] = [{ file: 'm.json', key: 'acc', base: 0.9, head: 0.89999999 }];
    assert.equal(one('acc >= 0.9', close).message, '0.89999999 is not >= 0.9.');
    assert.equal(one('acc >= 0.8', close).message, '0.9 >= 0.8');
  });

  test('unknown metrics are errors that name the closest known metrics', () => {
    const typo = one('acuracy >= 0.9');
    assert.equal(typo.status, 'error');
    assert.equal(typo.message, 'Unknown metric `acuracy` (closest known: metrics.json:accuracy).');
    assert.match(one('metrics.json:los <= 1').message, /closest known: metrics\.json:loss/);
    assert.match(one('x >= 1', []).message, /no metrics were found at all/);
    assert.match(one('zzzzzzzzzz >= 1').message, /closest known: (\S+, ){2}\S+\)/, 'nothing close: the nearest three');
  });

  test('references: exact key, unique suffix, file or file suffix; ambiguity is an error', () => {
    const resolved = (text: string): string | undefined => {
      const r = resolveMetric(parseRules(ruleLinesFromText(`${text} >= 0`, 'x'))[0]!.metric, METRICS);
      return r.kind === 'found' ? `${r.metric.file}:${r.metric.key}` : r.kind;
    };
    assert.equal(resolved('accuracy'), 'metrics.json:accuracy');
    assert.equal(resolved('train.f1'), 'metrics.json:train.f1');
    assert.equal(resolved('f1'), 'ambiguous');
    assert.equal(resolved('metrics.json:f1'), 'metrics.json:train.f1');
    assert.equal(resolved('scores.json:f1'), 'eval/scores.json:test.f1');
    assert.equal(resolved('eval/scores.json:latency_ms'), 'eval/scores.json:latency_ms');
    assert.equal(resolved('other.json:accuracy'), 'unknown');
    assert.equal(resolved('curacy'), 'unknown', 'suffixes match whole key segments only');
    const ambiguous = one('f1 >= 0.5');
    assert.equal(ambiguous.status, 'error');
    assert.equal(ambiguous.message, '`f1` matches 2 metrics (metrics.json:train.f1, eval/scores.json:test.f1); name one as `file:key`.');
  });

  test('levels: a broken warning never fails the gate; a failure or an error does', () => {
    const evaluate = (text: string): boolean => evaluateRules(parseRules(ruleLinesFromText(text, 'x')), METRICS, withBase).passed;
    assert.equal(evaluate('accuracy >= 0.9\nwarn: accuracy >= 0.99'), true);
    assert.equal(evaluate('accuracy >= 0.99'), false);
    assert.equal(evaluate('warn: acuracy >= 0.9'), false, 'a rule that cannot be checked fails even as a warning');
    assert.equal(evaluate('dropped >= 0 if present\nnew_metric >= base\naccuracy >= 0.9'), true, 'skipped rules do not fail');
    assert.equal(evaluate('dropped >= 0 if present\nnew_metric >= base'), false, 'but a gate whose rules were all skipped checked nothing');
  });

  test('directions: which way is better, per metric, from the comparators', () => {
    const { directions } = evaluateRules(
      parseRules(ruleLinesFromText('accuracy >= 0.9\nloss <= base\nlatency_ms < 300\nlatency_ms > 1\ntest.f1 == base', 'x')),
      METRICS,
      withBase,
    );
    assert.deepEqual(directions, [
      { file: 'metrics.json', key: 'accuracy', better: 'higher' },
      { file: 'metrics.json', key: 'loss', better: 'lower' },
    ]);
  });

  test('the adapter reads the metrics diff: numbers stay numbers, absent is undefined, text is null', () => {
    const diff = diffValueFile(
      'metrics.json',
      { status: 'ok', values: flattenValues({ acc: 0.9, train: { loss: 0.3 }, note: 'x' }, 'metrics') },
      { status: 'ok', values: flattenValues({ acc: 0.95, train: { loss: 0.25, f1: 0.7 }, note: 'y' }, 'metrics') },
    );
    assert.deepEqual(metricLookupFromDiffs([diff]), [
      { file: 'metrics.json', key: 'acc', base: 0.9, head: 0.95 },
      { file: 'metrics.json', key: 'note', base: null, head: null },
      { file: 'metrics.json', key: 'train.f1', base: undefined, head: 0.7 },
      { file: 'metrics.json', key: 'train.loss', base: 0.3, head: 0.25 },
    ]);
  });
});
