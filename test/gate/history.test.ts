import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateRules, type EvaluateOptions } from '../../src/gate/evaluate';
import { gateMetrics } from '../../src/gate';
import { metricLookupFromDiffs } from '../../src/gate/lookup';
import { parseRule, parseRules, ruleLinesFromText, RuleSyntaxError } from '../../src/gate/parse';
import type { GateConfig, MetricLookup, RuleOutcome } from '../../src/gate/types';
import { checkHistoryRules } from '../../src/history/config';
import { historyStats } from '../../src/history/stats';
import type { HistorySection } from '../../src/history/types';

const STATS = { n: 10, mean: 0.842, std: 0.006, min: 0.833, max: 0.851 };
const options: EvaluateOptions = { missingBase: 'skip', hasBase: true };

function one(text: string, metric: Partial<MetricLookup>, opts = options): RuleOutcome {
  const lookup: MetricLookup = { file: 'metrics.json', key: 'accuracy', base: 0.85, head: 0.83, history: { n: 10, stats: STATS }, ...metric };
  return evaluateRules(parseRules(ruleLinesFromText(text, "input 'thresholds'")), [lookup], opts).outcomes[0]!;
}

test('history.mean, .std, .min, .max and .n parse as names of the right side, any letter case', () => {
  assert.deepEqual(parseRule('accuracy >= History.Mean - 3 * history.std', { origin: 'x', line: 1 }).threshold, {
    kind: 'binary',
    op: '-',
    left: { kind: 'history', stat: 'mean' },
    right: { kind: 'binary', op: '*', left: { kind: 'number', value: 3 }, right: { kind: 'history', stat: 'std' } },
  });
  for (const bad of ['accuracy >= history.median', 'accuracy >= history', 'accuracy >= history.mean.x']) {
    assert.throws(
      () => parseRule(bad, { origin: "input 'thresholds'", line: 4 }),
      (e: unknown) =>
        e instanceof RuleSyntaxError &&
        /^input 'thresholds' line 4, column 13: unknown name `history[.\w]*`: the base branch's history gives `history\.mean`, `history\.std`, `history\.min`, `history\.max`, `history\.n`/.test(
          e.message,
        ),
    );
  }
});

test('a value within the noise holds a rule a fixed margin breaks; beyond it, the rule breaks; the band says which', () => {
  const within = one('accuracy >= history.mean - 3 * history.std', { head: 0.83 });
  assert.equal(within.status, 'passed');
  assert.equal(within.threshold, 0.842 - 3 * 0.006);
  assert.equal(within.message, '0.83 >= 0.824 (history n=10)');
  assert.equal(within.noise?.text, '0.842 ± 3×0.006 = [0.824, 0.86]: within noise');
  assert.equal(within.noise?.verdict, 'within');
  assert.deepEqual(within.noise?.band, { low: 0.842 - 0.018, high: 0.842 + 0.018, center: 0.842, k: 3, thresholdEdge: true });
  assert.equal(one('accuracy >= base - 0.01', { head: 0.83 }).status, 'failed');

  const beyond = one('accuracy >= history.mean - 3 * history.std', { head: 0.81 });
  assert.equal(beyond.status, 'failed');
  assert.equal(beyond.noise?.text, '0.842 ± 3×0.006 = [0.824, 0.86]: beyond noise (below)');
  assert.equal(beyond.noise?.verdict, 'beyond');

  // The rule's own k, however written; min/max rules use the history's range; others the usual 3·std.
  assert.equal(one('accuracy >= history.mean - history.std * 2', { head: 0.83 }).noise?.text, '0.842 ± 2×0.006 = [0.83, 0.854]: within noise');
  assert.equal(one('loss <= history.max', { key: 'loss', head: 0.86 }).noise?.text, 'min–max of 10 = [0.833, 0.851]: beyond noise (above)');
  // k is the rule's number, not the rounding left by taking one threshold from another (0.5000000000000001).
  assert.equal(one('accuracy >= history.mean + 0.5 * history.std', { head: 0.83 }).noise?.band?.k, 0.5);
  assert.equal(
    one('accuracy >= history.mean', { head: 0.83 }).noise?.text,
    '0.842 ± 3×0.006 = [0.824, 0.86]: within noise; not the rule’s band: its threshold 0.842 is inside it',
  );
  assert.equal(one('accuracy >= 0.8', { head: 0.83 }).noise, undefined);
});

test('the band is the rule’s own only where its threshold is an edge of it by the rule’s form; elsewhere the note says where the threshold is', () => {
  const edge = (text: string, metric: Partial<MetricLookup> = {}) => one(text, { head: 0.83, ...metric }).noise?.band?.thresholdEdge;
  for (const own of [
    'accuracy >= history.mean - 3 * history.std',
    'accuracy >= history.mean - history.std * 2',
    'accuracy <= history.mean + 0.5 * history.std',
    'accuracy >= history.min',
    'accuracy <= history.max',
  ])
    assert.equal(edge(own), true, own);
  // The mean alone (the usual ±3·std), a band around the mean beside a threshold on base, an offset: the band is the noise only.
  for (const other of [
    'accuracy >= history.mean',
    'accuracy >= base - 2 * history.std',
    'accuracy >= history.mean - 2 * history.std - 0.005',
    'accuracy >= history.min - 0.01',
  ])
    assert.equal(edge(other), false, other);
  // Values that never moved: the mean is on both edges of a band of width 0, which is still not the rule's k.
  assert.equal(edge('accuracy >= history.mean', { history: { n: 20, stats: { n: 20, mean: 0.83, std: 0, min: 0.83, max: 0.83 } } }), false);

  // A rule broken within the noise, and one held beyond it: the note says why both are true.
  const broken = one('accuracy >= history.mean', { head: 0.84 });
  assert.equal(broken.status, 'failed');
  assert.equal(broken.noise?.text, '0.842 ± 3×0.006 = [0.824, 0.86]: within noise; not the rule’s band: its threshold 0.842 is inside it');
  const onBase = one('accuracy >= base - 2 * history.std', { head: 0.837 });
  assert.equal(onBase.status, 'failed');
  assert.equal(onBase.noise?.text, '0.842 ± 2×0.006 = [0.83, 0.854]: within noise; not the rule’s band: its threshold 0.838 is inside it');
  const held = one('accuracy >= history.mean - 2 * history.std - 0.01', { head: 0.825 });
  assert.equal(held.status, 'passed');
  assert.equal(held.noise?.text, '0.842 ± 2×0.006 = [0.83, 0.854]: beyond noise (below); not the rule’s band: its threshold 0.82 is below it');
});

test('under 3 values a history rule follows missing-base and says "not enough history (n=2)"', () => {
  const few = { history: { n: 2, stats: null } };
  const skipped = one('accuracy >= history.mean - 3 * history.std', few);
  assert.equal(skipped.status, 'skipped');
  assert.equal(skipped.message, 'Skipped: not enough history (n=2); the rule uses `history.mean`, which needs at least 3 values.');
  assert.equal(skipped.noise?.verdict, 'not-enough-history');
  const failed = one('accuracy >= history.mean - 3 * history.std', few, { missingBase: 'fail', hasBase: true });
  assert.equal(failed.status, 'failed');
  assert.equal(failed.message, 'The rule uses `history.mean`, but there is not enough history (n=2) (missing-base: fail).');
  const noBase = one('accuracy >= history.min', { history: { n: 0, stats: null } }, { missingBase: 'fail', hasBase: false });
  assert.equal(noBase.message, 'The rule uses `history.min`, but there is not enough history (n=0): there is no base revision (missing-base: fail).');
});

test('under 3 values for want of values there that could not be read, a history rule is an error whatever missing-base says, with the fix for why', () => {
  const remedies = { historyRemedy: { fetch: 'To check it: fetch.', 'dvc-cache': 'To check it: push.' }, storeRemedy: 'To check it: reach the store.' };
  const cases = [
    ['fetch', 'Only 1 of the 20 commits asked for: fetching main’s history from origin failed (fatal: …).', 'To check it: fetch.'],
    [
      'dvc-cache',
      'at 4 of the 4 commits of main read, metrics.json is DVC-cached and could not be read from the cache or the remote (no remote)',
      'To check it: push.',
    ],
    [
      'store',
      "at 2 of the 2 commits of main read, metrics.json is not in git and the history store's branch 'h' could not be fetched (fatal: …)",
      'To check it: reach the store.',
    ],
  ] as const;
  for (const [cause, why, remedy] of cases) {
    for (const missingBase of ['skip', 'fail'] as const) {
      const outcome = one(
        'accuracy >= history.mean - 3 * history.std',
        { history: { n: 1, stats: null, notKnown: { why, cause } } },
        { missingBase, hasBase: true, ...remedies },
      );
      assert.equal(outcome.status, 'error', `${cause}, missing-base: ${missingBase}`);
      assert.equal(
        outcome.message,
        `Not checked: the rule uses \`history.mean\`, and \`metrics.json:accuracy\` has 1 known value of history where it needs 3: ${why.replace(/\.$/, '')}. Values there that could not be read are not known, which is no short history. ${remedy}`,
      );
      assert.equal(outcome.noise?.verdict, 'not-enough-history');
    }
  }
  // Enough values known: the band is theirs, and the rule is checked.
  const stats = { n: 3, mean: 0.8, std: 0.01, min: 0.79, max: 0.81 };
  const held = one('accuracy >= history.mean - 3 * history.std', { history: { n: 3, stats, notKnown: { why: 'x', cause: 'dvc-cache' } } });
  assert.notEqual(held.status, 'error');
});

test('a history rule where no history was read is an error, never a pass', () => {
  const outcome = one('accuracy >= history.mean', { history: undefined });
  assert.equal(outcome.status, 'error');
  assert.equal(outcome.message, 'The rule uses `history.mean`, but no history of the base branch was read here.');
});

test('the gate takes each metric history from the section; a metric without one has n=0', () => {
  const values = [0.84, 0.845, 0.838, 0.842];
  const history: HistorySection = {
    branch: 'main',
    depth: 20,
    metrics: [
      {
        file: 'metrics.json',
        key: 'accuracy',
        points: values.map((value, i) => ({ commit: String(i).repeat(40), date: null, value })),
        stats: historyStats(values),
        head: 0.836,
      },
    ],
    notes: [],
  };
  const gate: GateConfig = {
    rules: parseRules(ruleLinesFromText('accuracy >= history.mean - 3 * history.std\nloss <= history.max', "input 'thresholds'")),
    missingBase: 'skip',
    failOnThreshold: true,
    checkName: 'mlreport',
    notes: [],
    rulesFrom: 'input',
    trustBase: false,
  };
  const metrics = [
    {
      path: 'metrics.json',
      notes: [],
      rows: [
        { key: 'accuracy', old: 0.842, new: 0.836, changed: true },
        { key: 'loss', old: 0.3, new: 0.3, changed: false },
      ],
    },
  ];
  const summary = gateMetrics(gate, metrics, true, history)!;
  assert.deepEqual(
    summary.rules.map((r) => [r.status, r.noise?.verdict]),
    [
      ['passed', 'within'],
      ['skipped', 'not-enough-history'],
    ],
  );
  assert.equal(summary.rules[1]!.detail, 'Skipped: not enough history (n=0); the rule uses `history.max`, which needs at least 3 values.');
  assert.equal(gateMetrics(gate, metrics, true, undefined)!.rules[0]!.status, 'error');
});

test("the gate takes what is not known of a history from the section: a history cut short is every metric's, a file's unread values its metrics'", () => {
  const metric = (key: string, notKnown?: HistorySection['metrics'][number]['notKnown']): HistorySection['metrics'][number] => ({
    file: 'metrics.json',
    key,
    points: [],
    stats: null,
    head: 0.8,
    ...(notKnown && { notKnown }),
  });
  const cached = { why: 'at 2 of the 2 commits of main read, metrics.json is DVC-cached and …', cause: 'dvc-cache' } as const;
  const diff = [
    {
      path: 'metrics.json',
      notes: [],
      rows: [
        { key: 'accuracy', old: 0.8, new: 0.8, changed: false },
        { key: 'loss', old: 0.2, new: 0.2, changed: false },
      ],
    },
  ];
  const section: HistorySection = { branch: 'main', depth: 20, metrics: [metric('accuracy', cached), metric('loss')], notes: [] };
  assert.deepEqual(
    metricLookupFromDiffs(diff, section).map((m) => m.history),
    [
      { n: 0, stats: null, notKnown: cached },
      { n: 0, stats: null },
    ],
  );
  const cut = { ...section, notKnown: 'Only 2 of the 20 commits asked for: …' };
  assert.deepEqual(
    metricLookupFromDiffs(diff, cut).map((m) => m.history?.notKnown),
    [
      { why: 'Only 2 of the 20 commits asked for: …', cause: 'fetch' },
      { why: 'Only 2 of the 20 commits asked for: …', cause: 'fetch' },
    ],
  );
});

test('with history off, a rule on history.* is a configuration error naming each such rule and its line', () => {
  const rules = parseRules([
    ...ruleLinesFromText('accuracy >= 0.8\naccuracy >= history.mean - 3 * history.std', '.mlreport.yml'),
    { text: 'warn: loss <= history.max', source: { origin: '--threshold #2', line: 1 } },
  ]);
  assert.doesNotThrow(() => checkHistoryRules(rules, 20, "input 'history' is 20"));
  assert.doesNotThrow(() => checkHistoryRules(rules.slice(0, 1), 0, "input 'history' is 0"));
  assert.throws(
    () => checkHistoryRules(rules, 0, "input 'history' is 0"),
    (e: Error) =>
      new RegExp(
        [
          '^\\.mlreport\\.yml line 2: `accuracy >= history\\.mean - 3 \\* history\\.std` uses `history\\.mean`',
          '--threshold #2 line 1: `loss <= history\\.max` uses `history\\.max`',
          "but history is off \\(input 'history' is 0\\)\\. Set it to how many base-branch commits to read \\(default 20\\), or take history\\.\\* out of these rules\\.$",
        ].join('\\n'),
      ).test(e.message),
  );
});
