import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRule, parseRules, ruleLinesFromText, RuleSyntaxError, usesBase } from '../../src/gate/parse';
import { evaluateExpr } from '../../src/gate/evaluate';
import type { GateRule } from '../../src/gate/types';
import { UserError } from '../../src/util/errors';

const source = { origin: "input 'thresholds'", line: 3 };
const parse = (text: string): GateRule => parseRule(text, source);
/** The threshold a rule computes for a given base. */
const thresholdOf = (text: string, base = Number.NaN): number => evaluateExpr(parse(text).threshold, base);

function syntaxError(text: string): RuleSyntaxError {
  try {
    parse(text);
  } catch (error) {
    assert.ok(error instanceof RuleSyntaxError, `expected a RuleSyntaxError, got ${String(error)}`);
    return error;
  }
  assert.fail(`"${text}" parsed, but should not`);
}

describe('rule parser', () => {
  test('the examples from the docs parse into metric, comparator and threshold', () => {
    const r = parse('accuracy >= 0.9');
    assert.deepEqual(r.metric, { file: null, key: 'accuracy', text: 'accuracy' });
    assert.equal(r.comparator, '>=');
    assert.deepEqual(r.threshold, { kind: 'number', value: 0.9 });
    assert.equal(r.level, 'fail');
    assert.equal(r.ifPresent, false);
    assert.equal(r.text, 'accuracy >= 0.9');
    assert.deepEqual(r.source, source);

    const loss = parse('metrics.json:loss <= base * 1.02');
    assert.deepEqual(loss.metric, { file: 'metrics.json', key: 'loss', text: 'metrics.json:loss' });
    assert.equal(thresholdOf('metrics.json:loss <= base * 1.02', 0.5), 0.51);
    assert.equal(thresholdOf('f1 >= base - 0.01', 0.8), 0.8 - 0.01);
    assert.ok(Math.abs(thresholdOf('latency_ms < base + 5%', 200) - 210) < 1e-9);
    const auc = parse('auc >= 0.8 if present');
    assert.equal(auc.ifPresent, true);
    assert.deepEqual(auc.threshold, { kind: 'number', value: 0.8 });
  });

  test('every comparator, in ASCII and as the mathematical sign', () => {
    for (const [written, op] of [
      ['>=', '>='],
      ['<=', '<='],
      ['>', '>'],
      ['<', '<'],
      ['==', '=='],
      ['!=', '!='],
      ['≥', '>='],
      ['≤', '<='],
      ['≠', '!='],
    ]) {
      assert.equal(parse(`m ${written} 1`).comparator, op, written);
      assert.equal(parse(`m${written}1`).comparator, op, `${written} without spaces`);
    }
  });

  test('arithmetic: precedence, parentheses, unary minus, exponents', () => {
    assert.equal(thresholdOf('m >= 1 + 2 * 3'), 7);
    assert.equal(thresholdOf('m >= (1 + 2) * 3'), 9);
    assert.equal(thresholdOf('m >= 10 / 4 - 1'), 1.5);
    assert.equal(thresholdOf('m >= -base', 2), -2);
    assert.equal(thresholdOf('m >= - -3'), 3);
    assert.equal(thresholdOf('m >= 1e-3'), 0.001);
    assert.equal(thresholdOf('m >= .5'), 0.5);
    assert.equal(thresholdOf('m >= 1_000'), 1000);
    assert.equal(thresholdOf('m >= BASE', 4), 4, 'keywords are case-insensitive');
  });

  test('percentages are relative to |the value before them|', () => {
    assert.equal(thresholdOf('m <= base + 10%', 50), 55);
    assert.equal(thresholdOf('m >= base - 10%', 50), 45);
    // A negative base: +10% still moves the threshold up by 10% of its size.
    assert.equal(thresholdOf('m <= base + 10%', -50), -45);
    assert.equal(thresholdOf('m >= base * (1 + 5%)', 100), 105);
    assert.equal(thresholdOf('m <= base + 2.5% + 1', 100), 103.5);
  });

  test('levels: `warn:` reports only; `fail:` is the default spelled out', () => {
    assert.equal(parse('warn: latency_ms < base + 5%').level, 'warn');
    assert.equal(parse('warn: latency_ms < base + 5%').text, 'latency_ms < base + 5%');
    assert.equal(parse('Warning: m > 1').level, 'warn');
    assert.equal(parse('fail: m > 1').level, 'fail');
    // Without a space after the colon it is a file name, as in `metrics.json:loss`.
    assert.deepEqual(parse('warn:loss < 1').metric, { file: 'warn', key: 'loss', text: 'warn:loss' });
  });

  test('metric references: files with folders, nested keys, quotes for odd names', () => {
    assert.deepEqual(parse('eval/metrics.json:avg_prec.test >= 0.5').metric, {
      file: 'eval/metrics.json',
      key: 'avg_prec.test',
      text: 'eval/metrics.json:avg_prec.test',
    });
    assert.deepEqual(parse('./eval/m.json:a >= 0.5').metric.file, 'eval/m.json');
    assert.deepEqual(parse('"scores.yaml:top 5 acc" >= 0.5').metric, { file: 'scores.yaml', key: 'top 5 acc', text: 'scores.yaml:top 5 acc' });
    assert.deepEqual(parse("'a>b' < 3").metric.key, 'a>b');
  });

  test('a trailing `#` comment is not part of the rule; the typeset minus sign reads as -', () => {
    const r = parse('accuracy >= 0.9  # agreed in May');
    assert.equal(r.text, 'accuracy >= 0.9');
    assert.deepEqual(r.threshold, { kind: 'number', value: 0.9 });
    assert.equal(parse('f1 >= base − 0.01 if present # copied from the docs').text, 'f1 >= base − 0.01 if present');
    assert.equal(thresholdOf('f1 >= base − 0.01', 0.5), 0.49);
    assert.equal(syntaxError('loss <= # base').column, 9);
  });

  test('usesBase tells rules that need the base apart', () => {
    assert.equal(usesBase(parse('m >= 0.9').threshold), false);
    assert.equal(usesBase(parse('m >= base').threshold), true);
    assert.equal(usesBase(parse('m >= 2 * (base - 1%)').threshold), true);
    assert.equal(usesBase(parse('m >= -base').threshold), true);
  });
});

describe('rule syntax errors name the line, the column and what was expected', () => {
  const cases: [string, number, RegExp][] = [
    ['accuracy >= foo', 13, /unknown name `foo`: expected a number, `base`, `\(` or `-`/],
    ['accuracy = 0.9', 10, /expected a comparison, one of `>=`, `<=`, `>`, `<`, `==` or `!=`.*use `==`/],
    ['accuracy 0.9', 10, /expected a comparison/],
    ['accuracy >=', 12, /expected a number, `base`, `\(` or `-`, but found the end of the rule/],
    ['>= 0.9', 1, /expected a metric name/],
    ['0.9 <= accuracy', 1, /expected a metric name on the left/],
    ['accuracy >= 90%', 15, /a percentage is relative to the value before it: write `base \+ 90%`.*0\.9/],
    ['m >= base * 5%', 14, /a percentage is relative/],
    ['m >= (base + 1', 15, /expected `\)` to close the `\(` at column 6/],
    ['m >= 1 2', 8, /expected an operator .*`if present` or the end of the rule, but found `2`/],
    ['m >= 1 if there', 11, /expected `present` after `if`/],
    ['m >= 1 < 2', 8, /a rule has one comparison/],
    ['m >= 1 $', 8, /unexpected character `\$`/],
    ['"m >= 1', 1, /quote is never closed/],
    ['metrics.json: >= 1', 14, /expected a metric key after the file name/],
    [':loss >= 1', 1, /expected a file name before `:`/],
  ];
  for (const [text, column, pattern] of cases) {
    test(text, () => {
      const error = syntaxError(text);
      assert.equal(error.column, column);
      assert.match(error.message, /^input 'thresholds' line 3, column \d+: /);
      assert.match(error.problem, pattern);
      assert.ok(error instanceof UserError, 'a syntax error is a UserError (no stack trace for the user)');
      // The message shows the line and a caret under the column.
      const [, shown, caret] = error.message.split('\n');
      assert.equal(shown!.trim(), text);
      assert.equal(caret!.indexOf('^') - 4, column - 1);
    });
  }

  test('deep nesting and very long rules are syntax errors, not a stack overflow', () => {
    assert.match(syntaxError(`accuracy >= ${'('.repeat(5000)}1${')'.repeat(5000)}`).problem, /the rule is too long/);
    const parens = syntaxError(`accuracy >= ${'('.repeat(100)}1${')'.repeat(100)}`);
    assert.match(parens.problem, /nested too deeply/);
    assert.equal(parens.column, 13 + 64);
    assert.match(syntaxError(`accuracy >= ${'-'.repeat(500)}1`).problem, /nested too deeply/);
    const long = syntaxError(`accuracy >= 1${' + 1'.repeat(100000)}`);
    assert.match(long.problem, /too long/);
    // A reasonable depth still parses.
    assert.equal(parseRule(`accuracy >= ${'('.repeat(20)}1${')'.repeat(20)}`, { origin: 'x', line: 1 }).comparator, '>=');
  });

  test('parseRules reports every bad line at once, never dropping one silently', () => {
    const lines = ruleLinesFromText('accuracy >= 0.9\n\n# a comment\nloss <= base +\nf1 >> 2\n', "input 'thresholds'");
    assert.deepEqual(
      lines.map((l) => l.source.line),
      [1, 4, 5],
    );
    assert.throws(
      () => parseRules(lines),
      (error: Error) => {
        assert.ok(error instanceof UserError);
        assert.match(error.message, /^2 threshold rules do not parse:/);
        assert.match(error.message, /line 4, column 15: expected a number/);
        assert.match(error.message, /line 5, column 5: expected a number/);
        return true;
      },
    );
    assert.equal(parseRules(lines.slice(0, 1)).length, 1);
  });
});
