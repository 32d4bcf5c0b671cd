import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadGateConfig, projectDirectionsFromText, projectRulesFromText, rulesAtBase, type GateSettings } from '../../src/gate/config';
import { configFromAction, gateSettings } from '../../src/config/action';
import { TempRepo, tempDir } from '../helpers/repo';
import { UserError } from '../../src/util/errors';
import { parseRules } from '../../src/gate/parse';

const defaults: GateSettings = { thresholds: null, missingBase: 'skip', failOnThreshold: true, checkName: 'mlreport', trustBase: false };

describe('.mlreport.yml thresholds', () => {
  test('a list of rules, each with its line in the file', () => {
    const lines = projectRulesFromText('# project settings\nthresholds:\n  - accuracy >= 0.9\n  - "loss <= base * 1.02"\n  - warn: latency_ms < base + 5%\n');
    assert.deepEqual(lines, [
      { text: 'accuracy >= 0.9', source: { origin: '.mlreport.yml', line: 3, column: 5, file: '.mlreport.yml' } },
      { text: 'loss <= base * 1.02', source: { origin: '.mlreport.yml', line: 4, column: 6, file: '.mlreport.yml' } },
      // YAML reads `- warn: x` as a one-key mapping; it is taken as the rule the user meant.
      { text: 'warn: latency_ms < base + 5%', source: { origin: '.mlreport.yml', line: 5, column: 5, file: '.mlreport.yml' } },
    ]);
  });

  test('a block string works like the input, one rule per line', () => {
    const lines = projectRulesFromText('thresholds: |\n  accuracy >= 0.9\n\n  f1 >= base - 0.01\n');
    assert.deepEqual(
      lines?.map((l) => [l.text, l.source.line]),
      [
        ['accuracy >= 0.9', 2],
        ['f1 >= base - 0.01', 4],
      ],
    );
  });

  test('no file, no key, or other sections only: no rules', () => {
    assert.equal(projectRulesFromText(''), null);
    assert.equal(projectRulesFromText('directions:\n  drift: lower\n'), null);
    assert.equal(projectRulesFromText('thresholds:\n'), null);
  });

  test('bad shapes are errors naming the file and line', () => {
    assert.throws(() => projectRulesFromText('thresholds: [a\n'), /^UserError: \.mlreport\.yml line \d+: not valid YAML/);
    assert.throws(() => projectRulesFromText('- a\n'), /\.mlreport\.yml: expected a mapping/);
    assert.throws(() => projectRulesFromText('directions: {}\nthresholds: {a: 1}\n'), /\.mlreport\.yml line 2: `thresholds` must be a list of rules/);
    assert.throws(
      () => projectRulesFromText('thresholds:\n  - accuracy >= 0.9\n  - 0.5\n'),
      /\.mlreport\.yml line 3: thresholds item 2 must be a rule written as text/,
    );
  });

  test("a rule's syntax error names the file's column, wherever YAML puts the rule on its line", () => {
    const columnOf = (text: string): string => {
      try {
        parseRules(projectRulesFromText(text)!);
      } catch (error) {
        return /line \d+, (column \d+(?: of the rule)?)/.exec((error as Error).message)![1]!;
      }
      throw new Error('parsed');
    };
    // The `=` that breaks `>==` is column 27 of the file's line 2, column 17 of the rule.
    assert.equal(columnOf('thresholds:\n        - test.avg_prec >== 0.5\n'), 'column 27');
    assert.equal(columnOf('thresholds: [ "test.avg_prec >== 0.5" ]\n'), 'column 32');
    assert.equal(columnOf('thresholds: |\n    acc >= 0.5\n      test.avg_prec >== 0.5\n'), 'column 23');
    assert.equal(columnOf("thresholds:\n  - 'it''s >== 0.5'\n"), 'column 8 of the rule');
  });

  test("a rule's syntax error names its own place, not that of the same text before it or of lines YAML dropped", () => {
    const placeOf = (text: string): string => {
      try {
        parseRules(projectRulesFromText(text)!);
      } catch (error) {
        return /^\.mlreport\.yml (line \d+, column \d+(?: of the rule)?)/.exec((error as Error).message)![1]!;
      }
      throw new Error('parsed');
    };
    // The second rule starts with the first one's text: its own `+` at the end, column 38 (the first's place gave 24).
    assert.equal(placeOf('thresholds: [acc >= 1 + 2, acc >= 1 +]\n'), 'line 1, column 38');
    // A folded block drops its blank lines: the broken rule is on the file's line 4, not 3.
    assert.equal(placeOf('thresholds: >\n  accuracy >= 0.9\n\n  loss <= 0.5 $\n'), 'line 4, column 15');
    assert.equal(placeOf('thresholds: |\n  accuracy >= 0.9\n\n  loss <= 0.5 $\n'), 'line 4, column 15');
    // Lines YAML joined into one rule are nowhere in the file as read: the rule's own column, said so.
    assert.equal(placeOf('thresholds: >\n  a >= 1\n  b >= 2\n'), 'line 2, column 10 of the rule');
  });

  test('a rule that does not parse names .mlreport.yml and its line', async () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir, '.mlreport.yml'), 'thresholds:\n  - accuracy >= 0.9\n  - loss <= bse\n');
      await assert.rejects(loadGateConfig(dir, defaults), (error: Error) => {
        assert.ok(error instanceof UserError);
        assert.match(error.message, /^\.mlreport\.yml line 3, column 13: unknown name `bse`/);
        return true;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the input replaces the file's rules, and says so", async () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir, '.mlreport.yml'), 'thresholds:\n  - accuracy >= 0.9\n  - loss <= 1\n');
      const fromFile = await loadGateConfig(dir, defaults);
      assert.deepEqual(
        fromFile.rules.map((r) => r.text),
        ['accuracy >= 0.9', 'loss <= 1'],
      );
      assert.deepEqual(fromFile.notes, []);
      const fromInput = await loadGateConfig(dir, { ...defaults, thresholds: [{ text: 'f1 > 0', source: { origin: "input 'thresholds'", line: 1 } }] });
      assert.deepEqual(
        fromInput.rules.map((r) => r.text),
        ['f1 > 0'],
      );
      assert.deepEqual(fromInput.notes, ['The rules given with the `thresholds` input replace the 2 rules in .mlreport.yml.']);
      const fromFlags = await loadGateConfig(dir, { ...defaults, thresholds: [{ text: 'f1 > 0', source: { origin: '--threshold #1', line: 1 } }] });
      assert.deepEqual(fromFlags.notes, ['The rules given with `--threshold` replace the 2 rules in .mlreport.yml.']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('.mlreport.yml keys: an unknown one is an error, never a gate quietly off', () => {
  const known = /Expected one of: thresholds, directions \(any other key is an error, so that a typo cannot turn the gate off\)\.$/;

  test('a misspelled key names the file, its line and the key it is closest to (before, `threshold:` meant no rules and a green gate)', () => {
    assert.throws(
      () => projectRulesFromText('# gates\nthreshold:\n  - accuracy >= 0.99\n'),
      (error: Error) => {
        assert.ok(error instanceof UserError);
        assert.match(error.message, /^\.mlreport\.yml line 2: unknown key 'threshold'; did you mean 'thresholds'\? /);
        assert.match(error.message, known);
        return true;
      },
    );
    assert.throws(() => projectRulesFromText('Thresholds:\n  - accuracy >= 0.99\n'), /line 1: unknown key 'Thresholds'; did you mean 'thresholds'\?/);
    assert.throws(
      () => projectRulesFromText('thresholds:\n  - a >= 1\ndirection:\n  drift: lower\n'),
      /line 3: unknown key 'direction'; did you mean 'directions'\?/,
    );
    // The directions reader checks the same keys: no reader of the file lets a typo through.
    assert.throws(() => projectDirectionsFromText('threshold:\n  - a >= 1\n'), /^UserError: \.mlreport\.yml line 1: unknown key 'threshold'/);
  });

  test('a key nothing is close to lists the known keys without a guess', () => {
    assert.throws(
      () => projectRulesFromText('thresholds:\n  - accuracy >= 0.9\nbogus: 1\n'),
      (error: Error) => {
        assert.match(error.message, /^\.mlreport\.yml line 3: unknown key 'bogus'\. Expected one of/);
        assert.doesNotMatch(error.message, /did you mean/);
        assert.match(error.message, known);
        return true;
      },
    );
  });

  test('a setting that is not read from the file (`history: -1`), a level misspelled in an item, a wrong-typed direction: errors up front', async () => {
    assert.throws(
      () => projectRulesFromText('thresholds:\n  - accuracy >= 0.9\nhistory: -1\n'),
      /^UserError: \.mlreport\.yml line 3: unknown key 'history'\. Expected one of/,
    );
    assert.throws(
      () => projectRulesFromText('thresholds:\n  - accuracy >= 0.9\n  - wran: loss <= 1\n'),
      /^UserError: \.mlreport\.yml line 3: thresholds item 2: unknown level 'wran'; did you mean 'warn'\? Expected one of: warn, warning, fail\.$/,
    );
    const dir = tempDir();
    try {
      // Directions are read again after the pipeline ran; a wrong value stops the run before it starts.
      writeFileSync(join(dir, '.mlreport.yml'), 'thresholds:\n  - accuracy >= 0.9\ndirections:\n  drift: -1\n');
      await assert.rejects(loadGateConfig(dir, defaults), /^UserError: \.mlreport\.yml line 4: directions of "drift" must be higher or lower/);
      writeFileSync(join(dir, '.mlreport.yml'), 'history: -1\n');
      await assert.rejects(loadGateConfig(dir, defaults), /^UserError: \.mlreport\.yml line 1: unknown key 'history'/);
      // The thresholds input replaces the file's rules, not the check of the file.
      const input = [{ text: 'f1 > 0', source: { origin: "input 'thresholds'", line: 1 } }];
      await assert.rejects(loadGateConfig(dir, { ...defaults, thresholds: input }), /unknown key 'history'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a valid file with both keys and comments still works', async () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir, '.mlreport.yml'), '# gates\nthresholds:\n  - accuracy >= 0.9\n  - warn: loss <= 1\n\ndirections:\n  drift: lower\n');
      const gate = await loadGateConfig(dir, defaults);
      assert.deepEqual(
        gate.rules.map((r) => [r.level, r.text, r.source.line]),
        [
          ['fail', 'accuracy >= 0.9', 3],
          ['warn', 'loss <= 1', 4],
        ],
      );
      assert.deepEqual(projectDirectionsFromText('thresholds: []\ndirections:\n  drift: lower\n'), [{ metric: 'drift', better: 'lower' }]);
      assert.equal(projectRulesFromText('# nothing yet\n'), null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('at the base revision an unknown key is an error naming the revision, not a base without rules', async () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir, '.mlreport.yml'), 'thresholds:\n  - accuracy >= 0.9\n');
      const head = await loadGateConfig(dir, { ...defaults, trustBase: true });
      const base = { label: 'main', sha: 'abcdef1'.padEnd(40, '0') };
      await assert.rejects(
        rulesAtBase(head, base, async () => ({ path: '.mlreport.yml', bytes: Buffer.from('threshold:\n  - accuracy >= 0.9\n') })),
        /^UserError: \.mlreport\.yml at the base revision \(main, abcdef1\) line 1: unknown key 'threshold'; did you mean 'thresholds'\?/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("pull requests: the base revision's rules are in force", () => {
  const base = { label: 'main', sha: 'abcdef1'.padEnd(40, '0') };
  const atBase = (text: string | null) => async () => ({ path: '.mlreport.yml', bytes: text === null ? null : Buffer.from(text) });

  test('levels count: turning a failing rule into a warning is a proposed change, and the failing rule stays in force', async () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir, '.mlreport.yml'), 'thresholds:\n  - warn: accuracy >= 0.9\n  - loss <= 1\n');
      const head = await loadGateConfig(dir, { ...defaults, trustBase: true });
      const gate = await rulesAtBase(head, base, atBase('thresholds:\n  - accuracy >= 0.9\n  - loss <= 1\n'));
      assert.deepEqual(
        gate.rules.map((r) => [r.level, r.text, r.source.origin, r.source.file]),
        [
          ['fail', 'accuracy >= 0.9', '.mlreport.yml at the base revision (main, abcdef1)', undefined],
          ['fail', 'loss <= 1', '.mlreport.yml at the base revision (main, abcdef1)', undefined],
        ],
      );
      assert.deepEqual(gate.proposed, { file: '.mlreport.yml', added: ['warn: accuracy >= 0.9'], removed: ['accuracy >= 0.9'] });
      // Off pull requests (trustBase false) the head's rules are kept as they are.
      const onPush = { ...head, trustBase: false };
      assert.equal(await rulesAtBase(onPush, base, atBase('')), onPush);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a base file that does not parse is an error naming the revision; no base leaves no rule in force', async () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir, '.mlreport.yml'), 'thresholds:\n  - accuracy >= 0.9\n');
      const head = await loadGateConfig(dir, { ...defaults, trustBase: true });
      await assert.rejects(
        rulesAtBase(head, base, atBase('thresholds:\n  - accuracy >= 0.9\n  - loss <=\n')),
        /^RuleSyntaxError: \.mlreport\.yml at the base revision \(main, abcdef1\) line 3, column 12: expected a number/,
      );
      // A file the base has but that cannot be read is no base without rules: the run stops.
      await assert.rejects(
        rulesAtBase(head, base, async () => {
          throw new UserError('the run may read no more project files');
        }),
        /^UserError: \.mlreport\.yml at the base revision \(main, abcdef1\) cannot be read: the run may read no more project files\. On a pull request/,
      );
      const none = await rulesAtBase(head, null, atBase('thresholds:\n  - loss <= 1\n'));
      assert.deepEqual(none.rules, []);
      assert.deepEqual(none.proposed, { file: '.mlreport.yml', added: ['accuracy >= 0.9'], removed: [] });
      assert.match(none.notes.at(-1)!, /^No base revision, so no rules from \.mlreport\.yml are in force on this pull request/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('gate inputs', () => {
  const env = (inputs: Record<string, string>): NodeJS.ProcessEnv =>
    Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));

  test('defaults: no rules, skip, fail the step, check named mlreport', () => {
    assert.deepEqual(gateSettings(env({})), defaults);
  });

  test('values are read and validated, errors name the input', () => {
    const s = gateSettings(
      env({ thresholds: 'accuracy >= 0.9\n\n  # why\nf1 >= base', 'fail-on-threshold': 'false', 'check-name': 'ml gates', 'missing-base': 'fail' }),
    );
    assert.deepEqual(
      s.thresholds?.map((l) => [l.text, l.source.line]),
      [
        ['accuracy >= 0.9', 1],
        ['f1 >= base', 4],
      ],
    );
    assert.equal(s.failOnThreshold, false);
    assert.equal(s.checkName, 'ml gates');
    assert.equal(s.missingBase, 'fail');
    assert.equal(gateSettings(env({ 'fail-on-threshold': 'TRUE' })).failOnThreshold, true);
    assert.throws(() => gateSettings(env({ 'fail-on-threshold': 'yes' })), /^UserError: Input 'fail-on-threshold' is 'yes'; expected true or false/);
    assert.throws(() => gateSettings(env({ 'missing-base': 'ignore' })), /Input 'missing-base' must be `skip` or `fail`, not 'ignore'/);
  });

  test('a bad rule in the input stops the run up front, naming the input, line and column', async () => {
    const dir = new TempRepo().dir;
    try {
      await assert.rejects(
        configFromAction({ warn: () => undefined, env: { GITHUB_WORKSPACE: dir, ...env({ thresholds: 'accuracy >= 0.9\naccuracy >= 0.9 if presnt' }) } }),
        (error: Error) => error instanceof UserError && /^input 'thresholds' line 2, column 20: expected `present` after `if`/.test(error.message),
      );
      const config = await configFromAction({ warn: () => undefined, env: { GITHUB_WORKSPACE: dir, ...env({ thresholds: 'accuracy >= 0.9' }) } });
      assert.equal(config.gate?.rules.length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
