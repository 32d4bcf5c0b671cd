import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { displayValue, pyRound } from '../../src/values/pyformat';
import { pyRepr } from '../../src/dvc/python/format';
import { pyFloatRepr } from '../../src/util/python-text';
import { PyCollection, PyFloat } from '../../src/dvc/python/value';

describe('Python float formatting (what DVC prints)', () => {
  test('repr switches to exponent form below 1e-4 and from 1e16, like Python', () => {
    assert.equal(pyFloatRepr(0.00001), '1e-05');
    assert.equal(pyFloatRepr(0.0001), '0.0001');
    assert.equal(pyFloatRepr(1e16), '1e+16');
    assert.equal(pyFloatRepr(1e15), '1000000000000000.0');
    assert.equal(pyFloatRepr(1.5e-7), '1.5e-07');
    assert.equal(pyFloatRepr(1.0), '1.0');
    assert.equal(pyFloatRepr(-0), '-0.0');
    assert.equal(pyFloatRepr(0.1 + 0.2), '0.30000000000000004');
    assert.equal(pyFloatRepr(123456.789), '123456.789');
    assert.equal(pyFloatRepr(NaN), 'nan');
    assert.equal(pyFloatRepr(-Infinity), '-inf');
    assert.equal(pyFloatRepr(1.7976931348623157e308), '1.7976931348623157e+308');
  });

  test('round() is correctly rounded with ties to even, unlike toFixed', () => {
    // 0.015625 = 1/64 is an exact tie at 5 digits: Python gives 0.01562, toFixed 0.01563.
    assert.equal(pyRound(0.015625, 5), 0.01562);
    assert.equal(pyRound(-0.015625, 5), -0.01562);
    assert.equal(pyRound(0.046875, 5), 0.04688);
    // 2.675 is really 2.67499999…: both round down.
    assert.equal(pyRound(2.675, 2), 2.67);
    assert.equal(pyRound(2.5, 0), 2);
    assert.equal(pyRound(3.5, 0), 4);
  });

  test('agrees with CPython 3 repr(x), repr(round(x, 5)), repr(round(x, 3)) (values printed by python3)', () => {
    const cases: [number, string, string, string][] = [
      [2464483868.6197934, '2464483868.6197934', '2464483868.61979', '2464483868.62'],
      [-7.98056376676012, '-7.98056376676012', '-7.98056', '-7.981'],
      [11265.96875, '11265.96875', '11265.96875', '11265.969'],
      [1712.5546875, '1712.5546875', '1712.55469', '1712.555'],
      [-1337062884868.8738, '-1337062884868.8738', '-1337062884868.8738', '-1337062884868.874'],
      [-0, '-0.0', '-0.0', '-0.0'],
      [-0.000001, '-1e-06', '-0.0', '-0.0'],
      [5e-324, '5e-324', '0.0', '0.0'],
    ];
    for (const [x, repr, r5, r3] of cases) {
      assert.deepEqual([pyFloatRepr(x), pyFloatRepr(pyRound(x, 5)), pyFloatRepr(pyRound(x, 3))], [repr, r5, r3], String(x));
    }
  });

  test('DVC test_metrics_diff_cli: 1.23456789 → 1.23457, and 1e-05 stays 1e-05 at precision 5', () => {
    assert.equal(displayValue(1.23456789), '1.23457');
    assert.equal(displayValue(3.45678910111213), '3.45679');
    assert.equal(displayValue(0.00001), '1e-05');
    assert.equal(displayValue(0.000001), '0.0');
    assert.equal(displayValue(12345678901), '12345678901');
    assert.equal(displayValue({ float: 1 }), '1.0');
    assert.equal(displayValue(true), 'True');
    assert.equal(displayValue(undefined), '-');
    assert.equal(displayValue(null), '-');
  });

  test('DVC test_diff_table_rounding: precision 3 rounds 1.1234 → 1.123 and 2.2345 → 2.235 (binary above the tie)', () => {
    assert.equal(displayValue(1.1234, 3), '1.123');
    assert.equal(displayValue(2.2345, 3), '2.235');
    assert.equal(displayValue(3.3456, 3), '3.346');
  });

  test("a table's rounded float is the same text with or without the shortcut from toFixed (random values, ties, every precision)", () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const values: number[] = [0.015625, -0.015625, 2.675, 0.00001, 0.000095, 0.0000949, 0.0001, -0.00009999, 999999999.999995, 12345678901.5, 1e15 + 0.5];
    for (let i = 0; i < 5_000; i++) {
      const x = (random() - 0.5) * 10 ** Math.floor(random() * 34 - 16);
      values.push(x, Math.round(x * 1e6) / 1e6 + 5e-6, (Math.floor(random() * 2e6) + 0.5) / 1e5);
    }
    for (const x of values) {
      if (Number.isInteger(x)) continue;
      for (let precision = 1; precision <= 17; precision++)
        assert.equal(displayValue(x, precision), pyFloatRepr(pyRound(x, precision)), `${x} at ${precision}`);
    }
  });

  test('params print unrounded (DVC passes no precision for params)', () => {
    assert.equal(displayValue(0.123456789, null), '0.123456789');
  });

  test('lists, tuples, sets and dicts print as Python shows them (DVC test_diff_list)', () => {
    assert.equal(pyRepr(['bar', 'baz']), "['bar', 'baz']");
    assert.equal(pyRepr([2, 3]), '[2, 3]');
    assert.equal(pyRepr([new PyFloat(1), 0.5, null, true]), '[1.0, 0.5, None, True]');
    assert.equal(
      pyRepr(
        new Map([
          ['foo', 3],
          ['bar', 3],
        ]),
      ),
      "{'foo': 3, 'bar': 3}",
    );
    assert.equal(pyRepr(new PyCollection('tuple', [10, 100])), '(10, 100)');
    assert.equal(pyRepr(new PyCollection('tuple', [1])), '(1,)');
    assert.equal(pyRepr(["it's"]), '["it\'s"]');
    assert.equal(pyRepr(['a\nb']), "['a\\nb']");
  });
});
