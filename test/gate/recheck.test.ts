import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gateMetrics } from '../../src/gate';
import { parseRules, ruleLinesFromText } from '../../src/gate/parse';
import { recheckGate } from '../../src/gate/recheck';
import type { GateConfig } from '../../src/gate/types';
import type { HistorySection } from '../../src/history/types';
import type { GateRuleResult, GateSummary } from '../../src/report/types';
import type { FileDiff } from '../../src/values/types';

/**
 * The re-check `mode: publish` makes of an artifact's gate, on gates the evaluator made: as made, every kind of row
 * re-checks; edited, the row that no longer agrees with its numbers is named, and why.
 */
const METRICS: FileDiff[] = [
  {
    path: 'metrics.json',
    notes: [],
    rows: [
      { key: 'accuracy', old: 0.9, new: 0.85, diff: -0.05, changed: true },
      { key: 'loss', old: 0.35, new: 0.3, diff: -0.05, changed: true },
      { key: 'f1', old: undefined, new: 0.7, changed: true },
      { key: 'recall', old: 0.6, new: 0.61, diff: 0.01, changed: true },
    ],
  },
  { path: 'eval/train.json', notes: [], rows: [{ key: 'epochs', old: 10, new: 10, changed: false }] },
];
const STATS = { n: 5, mean: 0.846, std: 0.0114, min: 0.83, max: 0.86 };
const HISTORY: HistorySection = {
  branch: 'main',
  depth: 20,
  metrics: [
    {
      file: 'metrics.json',
      key: 'accuracy',
      points: [0.84, 0.85, 0.83, 0.86, 0.85].map((value, i) => ({ commit: `c${i}`, date: null, value })),
      stats: STATS,
      head: 0.85,
    },
    { file: 'metrics.json', key: 'recall', points: [{ commit: 'c4', date: null, value: 0.6 }], stats: null, head: 0.61 },
  ],
  notes: [],
};

function gate(rules: string, staleAtHead?: Map<string, string[]>): GateSummary {
  const config: GateConfig = {
    rules: parseRules(ruleLinesFromText(rules, "input 'thresholds'")),
    missingBase: 'skip',
    failOnThreshold: true,
    checkName: 'mlreport',
    notes: [],
    rulesFrom: 'input',
    trustBase: false,
  };
  return JSON.parse(JSON.stringify(gateMetrics(config, METRICS, true, HISTORY, staleAtHead ? { staleAtHead } : {})));
}

const recheck = (g: GateSummary) => recheckGate(g, { metrics: METRICS, history: HISTORY });
const edited = (g: GateSummary, i: number, edit: Partial<GateRuleResult>): GateSummary => ({
  ...g,
  rules: g.rules.map((r, k) => (k === i ? { ...r, ...edit } : r)),
});

describe("the artifact's gate re-checked against its own numbers", () => {
  test('every kind of row a run makes re-checks as it was made', () => {
    const made = gate(
      [
        'accuracy >= base - 10%',
        'loss <= 0.5',
        'accuracy >= history.mean - 3 * history.std',
        'warn: accuracy >= 0.99',
        'accuracy >= 0.99',
        'precision >= 0.5 if present',
        'f1 >= base',
        'recall >= history.mean',
        'unknown_metric >= 1',
        'epochs == 10',
        'loss <= base / 0',
      ].join('\n'),
      new Map([['eval/train.json', ['train']]]),
    );
    assert.deepEqual(
      made.rules.map((r) => r.status),
      ['passed', 'passed', 'passed', 'failed', 'failed', 'skipped', 'skipped', 'skipped', 'error', 'error', 'failed'],
    );
    assert.deepEqual(recheck(made), { rows: made.rules.map(() => null), totals: [] });
  });

  test('a row edited to pass is named with what contradicts it', () => {
    const made = gate('accuracy >= 0.99\naccuracy >= 0.2\naccuracy >= history.mean - 3 * history.std');
    const passed = { status: 'passed', passed: true } as const;
    const cases: [Partial<GateRuleResult>, string][] = [
      [passed, '0.85 is not >= 0.99'],
      [{ ...passed, threshold: 0.8 }, 'its threshold works out to 0.99 from the rule, not 0.8'],
      [{ ...passed, head: 0.995 }, "the report's metrics have 0.85 at the head, not 0.995"],
      [{ ...passed, head: null }, 'it records no value at the head'],
      [{ ...passed, rule: 'loss <= 0.99' }, 'its rule names metrics.json:loss, not metrics.json:accuracy'],
      [{ ...passed, rule: 'accuracy >=' }, 'its rule does not parse here (expected a number, `base`, `(` or `-`, but found the end of the rule)'],
      [{ ...passed, stale: ['train'] }, "its values are the last run's of stage 'train', not this change's"],
      [{ passed: true }, 'its passed field is true'],
      [{ status: 'skipped', passed: true }, 'it records a threshold (0.99), so nothing it needed was missing'],
      [{ status: 'skipped', passed: true, threshold: null }, "the report's numbers have what it needs (metrics.json:accuracy at the head)"],
    ];
    for (const [edit, why] of cases) assert.deepEqual(recheck(edited(made, 0, edit)).rows, [why, null, null], why);
    // A rule marked broken whose numbers hold contradicts them too (it errs the safe way, and is named all the same).
    assert.deepEqual(recheck(edited(made, 1, { status: 'failed', passed: false })).rows, [null, '0.85 >= 0.2 holds', null]);
    const noise = made.rules[2]!.noise!;
    assert.deepEqual(recheck(edited(made, 2, { noise: { ...noise, verdict: 'beyond' } })).rows, [
      null,
      null,
      'its noise band [0.8118, 0.8802] has 0.85 within it, not beyond',
    ]);
    assert.deepEqual(recheck(edited(made, 2, { noise: { ...noise, stats: { ...STATS, std: 0.1 } } })).rows, [
      null,
      null,
      "the report's history of metrics.json:accuracy has other stats than the rule's",
    ]);
  });

  test('a rule on base skipped on a file the report says is not known at the base is named: that is an error, not a skip', () => {
    const made = gate('f1 >= base\nloss <= 0.5');
    assert.equal(made.rules[0]!.status, 'skipped');
    const why = 'metrics.json cannot be read at the base (main: metrics.json:1:13: invalid JSON)';
    const base = { sha: 'a'.repeat(40), label: 'main' };
    assert.deepEqual(recheckGate(made, { metrics: METRICS, history: HISTORY, base, notKnownAtBase: [{ file: 'metrics.json', why }] }).rows, [
      `the report says metrics.json is not known at the base (${why}), which makes a rule on base an error, not a skip`,
      null,
    ]);
    // A report of an older version says so in the file's notes (and has no value of the file at the base).
    const noted = METRICS.map((f, i) =>
      i === 0 ? { ...f, rows: f.rows.map((r) => ({ ...r, old: undefined })), notes: ['not known at main: dvc.yaml does not load there'] } : f,
    );
    assert.deepEqual(recheckGate(made, { metrics: noted, history: HISTORY, base }).rows, [
      'the report says metrics.json is not known at the base (metrics.json is not known at main: dvc.yaml does not load there), which makes a rule on base an error, not a skip',
      null,
    ]);
    assert.deepEqual(recheckGate(made, { metrics: METRICS, history: HISTORY, base, notKnownAtBase: [] }).rows, [null, null]);
  });

  test('a rule on base skipped where the report says the base revision could not be fetched is named: that is an error, not a skip', () => {
    const made = gate('f1 >= base\nloss <= 0.5');
    assert.equal(made.rules[0]!.status, 'skipped');
    const baseUnread = 'base commit 0ea1bb6 could not be fetched: fatal: unable to access origin';
    assert.deepEqual(recheckGate(made, { metrics: METRICS, history: HISTORY, base: null, baseUnread }).rows, [
      `the report says the base revision could not be read (${baseUnread}), which makes a rule that needs the base an error, not a skip`,
      null,
    ]);
    // No base at all (a first commit): the skip is what missing-base: skip says.
    assert.deepEqual(recheckGate(made, { metrics: METRICS, history: HISTORY, base: null }).rows, [null, null]);
  });

  test('a history rule skipped where the report says values of the history are not known is named: that is an error, not a skip', () => {
    // A run of an older version (or one edited) skipped it: recall has 1 value of history.
    const made = gate('recall >= history.mean\nloss <= 0.5');
    assert.equal(made.rules[0]!.status, 'skipped');
    const why = 'at 4 of the 5 commits of main read, metrics.json is DVC-cached and could not be read from the cache or the remote (no remote)';
    const unread: HistorySection = {
      ...HISTORY,
      metrics: HISTORY.metrics.map((m) => (m.key === 'recall' ? { ...m, notKnown: { why, cause: 'dvc-cache' } } : m)),
    };
    assert.deepEqual(recheckGate(made, { metrics: METRICS, history: unread }).rows, [
      `the report says the values of metrics.json:recall's history at some commits are not known (${why}), which makes a rule on history.* an error, not a skip`,
      null,
    ]);
    const cut: HistorySection = { ...HISTORY, notKnown: "Only 5 of the 20 commits asked for: fetching main's history from origin failed (fatal: …)." };
    assert.match(
      recheckGate(made, { metrics: METRICS, history: cut }).rows[0]!,
      /^the report says the values of metrics\.json:recall's history at some commits are not known \(Only 5 of the 20/,
    );
    // A report.json of an older version says neither: the skip stands.
    assert.deepEqual(recheck(made).rows, [null, null]);
  });

  test('an if-present rule skipped on a file the report says the head could not read is named: that is an error, not a skip', () => {
    // An artifact's gate made before the head's unreadable DVC-cached files were errors, or edited by the pull request.
    const unread = "not present at feature (DVC-cached) and cannot be read: eval: object 0a1b missing from remote 'storage'";
    const metrics: FileDiff[] = [{ path: 'eval/m.json', notes: [unread], rows: [{ key: 'auc', old: 0.7, new: undefined, changed: true }] }];
    const skipped: GateSummary = {
      ...gate('loss <= 0.5'),
      rules: [
        {
          ...gate('loss <= 0.5').rules[0]!,
          rule: 'auc >= 0.5 if present',
          status: 'skipped',
          passed: true,
          head: null,
          threshold: null,
          metric: { file: 'eval/m.json', key: 'auc' },
        },
      ],
    };
    const head = { sha: 'b'.repeat(40), label: 'feature' };
    assert.deepEqual(recheckGate(skipped, { metrics, history: null, head }).rows, [
      `the report says eval/m.json could not be read at the head (${unread}), which makes a rule on it an error, not a skip`,
    ]);
    // A file plainly absent at the head: the skip holds.
    assert.deepEqual(recheckGate(skipped, { metrics: [{ ...metrics[0]!, notes: [] }], history: null, head }).rows, [null]);
  });

  test("the gate's totals are held to its rows", () => {
    const made = gate('accuracy >= 0.99\nprecision >= 0.5 if present');
    assert.deepEqual(recheck({ ...made, passed: true }).totals, ['gates.passed is true, but its rules fail the gate']);
    assert.deepEqual(recheck({ ...made, checked: 2 }).totals, ['gates.checked is 2, but 1 of its rules compared values']);
  });
});
