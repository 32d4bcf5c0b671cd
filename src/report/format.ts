import { displayValue } from '../values/pyformat';
import { formatNumber, formatPair, groupDigits, MINUS } from '../util/numbers';
import { diffIsFloat, exactDiff } from '../values/diff';
import { isFloat, isFloatLeaf, isIntLeaf, numericValue, type Leaf, type ValueRow } from '../values/types';

/**
 * A value as a table shows it: `-` when absent; numbers in the report's one format (report.json keeps them whole);
 * `exact` (params) shows the value as the file wrote it, since a learning rate of 0.00012345 is a setting, not a measure.
 */
function formatLeaf(value: Leaf | undefined, exact = false): string {
  const n = numericValue(value);
  // An int beyond ±2^53 whole, digit for digit: its nearest double may read as its neighbour's.
  if (exact || n === undefined || isIntLeaf(value) || typeof value === 'boolean' || (isFloatLeaf(value) && !Number.isFinite(n)))
    return displayValue(value, null);
  return formatNumber(n, undefined, isFloatLeaf(value));
}

/** A row's two values, each side formatted so that different values never print alike. */
export function formatRowValues(row: ValueRow, exact = false): [string, string] {
  const a = numericValue(row.old);
  const b = numericValue(row.new);
  if (exact || a === undefined || b === undefined || typeof row.old === 'boolean' || typeof row.new === 'boolean' || isIntLeaf(row.old) || isIntLeaf(row.new)) {
    return [formatLeaf(row.old, exact), formatLeaf(row.new, exact)];
  }
  const [x, y] = formatPair(a, b, [isFloat(row.old), isFloat(row.new)]);
  return [Number.isFinite(a) ? x : formatLeaf(row.old), Number.isFinite(b) ? y : formatLeaf(row.new)];
}

/** A signed number: `+0.05`, `−0.1333`, `0`; `float` as formatNumber's. */
function signed(value: number, float = false): string {
  const text = formatNumber(value, undefined, float);
  return value > 0 ? `+${text}` : text;
}

function signedInt(value: bigint): string {
  return value > 0n ? `+${value}` : value < 0n ? `${MINUS}${-value}` : '0';
}

/** From this many percent (either way) a change reads as the factor the value was multiplied by: `×12`, not `+1100%`. */
const FACTOR_FROM_PERCENT = 1000;

/**
 * A row's relative change as a person reads it: `+2.5%`, `−15%`, `+950%`; from ±1,000 % on, the factor the value was
 * multiplied by (`×12`, `×1,500`, `×1e22`, `×−40` where it crossed zero), and a drop that one decimal would show as
 * `−100%` though the value is not 0 as what it was divided by (`÷2,500`). Null when there is none to give (an
 * unchanged value, a base of 0: no relative change from nothing, as DVC gives none at all).
 */
export function percent(row: Pick<ValueRow, 'old' | 'new' | 'relative'>): string | null {
  const { relative } = row;
  if (relative === undefined || !Number.isFinite(relative) || relative === 0) return null;
  const pct = relative * 100;
  const abs = Math.abs(pct);
  // A change too small for one decimal keeps one significant digit rather than reading as 0.0%. Decimals are chosen
  // by the value as printed: 9.99999…% (an exact 10 % drop in doubles) rounds to 10, printed as any 10 % is.
  const text = abs < 0.1 ? String(Number(abs.toPrecision(1))) : Number(abs.toFixed(1)) < 10 ? abs.toFixed(1) : abs.toFixed(0);
  const factor = (numericValue(row.new) ?? Number.NaN) / (numericValue(row.old) ?? Number.NaN);
  const shrunk = factor > 0 && factor < 1 && text === '100';
  if (Number.isFinite(factor) && (Number(text) >= FACTOR_FROM_PERCENT || shrunk)) {
    return shrunk ? `÷${formatFactor(1 / factor)}` : `×${formatFactor(factor)}`;
  }
  return `${pct > 0 ? '+' : MINUS}${text}%`;
}

/** A factor to three significant digits, its thousands grouped below a million (`1,500`), in e-notation from there (`1.23e6`). */
function formatFactor(value: number): string {
  const abs = Math.abs(value);
  const text =
    abs < 1e6
      ? groupDigits(Number(abs.toPrecision(3)))
      : abs
          .toExponential(2)
          .replace(/\.?0+e/, 'e')
          .replace('e+', 'e');
  return value < 0 ? `${MINUS}${text}` : text;
}

/** A row's change as `+0.01234 (+2.5%)`: the difference with its sign, and the relative change; `-` when none. */
export function formatChange(row: ValueRow): string {
  if (row.diff === undefined) return '-';
  if (Number.isNaN(row.diff)) return 'NaN';
  const pct = percent(row);
  const diff = signedDiff(row as ValueRow & { diff: number });
  return pct && row.diff !== 0 ? `${diff} (${pct})` : diff;
}

/** A row's difference with its sign: Python's is a float when either side is one, between ints exact however many digits. */
export function signedDiff(row: ValueRow & { diff: number }): string {
  const exact = exactDiff(row);
  return exact !== null ? signedInt(exact) : signed(row.diff, diffIsFloat(row));
}
