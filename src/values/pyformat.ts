import { pyFloatRepr } from '../util/python-text';
import { floatLeaf, isFloatLeaf, isIntLeaf, type Leaf } from './types';

/** Python's `round(x, ndigits)` for floats: correctly rounded, ties to even (JS `toFixed` ties away). */
export function pyRound(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0 || Math.abs(x) >= 1e21 || ndigits > 100) return x;
  const fixed = x.toFixed(ndigits);
  // Only a value next to a tie needs its exact decimal expansion (toFixed(100) is slow). `scaled` is one rounding
  // (half an ulp) from the exact product and its fraction is exact, so a true tie is always this close to .5.
  const scaled = Math.abs(x) * 10 ** ndigits;
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) > 4 * Number.EPSILON * Math.max(1, scaled)) return Number(fixed);
  const exact = x.toFixed(100);
  const dot = exact.indexOf('.');
  const tail = exact.slice(dot + 1 + ndigits);
  if (/^50*$/.test(tail)) {
    // A true tie: toFixed went away from zero; Python keeps the even neighbour.
    const lastDigit = Number(fixed.replace(/[^0-9]/g, '').slice(-1));
    if (lastDigit % 2 === 1) {
      const truncated = exact.slice(0, dot + 1 + ndigits).replace(/\.$/, '');
      return Number(truncated);
    }
  }
  return Number(fixed);
}

/**
 * `pyFloatRepr(pyRound(x, ndigits))` for a finite x, most often without either: when `x.toFixed(ndigits)` is what
 * `pyRound` rounds to (no tie), has at most 15 significant digits (so the double nearest it prints back as those
 * digits, the shortest that round-trip) and is at least 1e-4 (Python writes it without an exponent), Python's repr is
 * that text without its trailing zeros (`.0` for a whole number). A table shows tens of thousands of these.
 */
/** 10^0 … 10^15, exact. */
const POW10 = Array.from({ length: 16 }, (_, k) => Number(`1e${k}`));

function roundedRepr(x: number, ndigits: number): string {
  const abs = Math.abs(x);
  if (ndigits > 15 || !(abs < 1e15)) return pyFloatRepr(pyRound(x, ndigits));
  const scaled = abs * POW10[ndigits]!;
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) <= 4 * Number.EPSILON * Math.max(1, scaled)) return pyFloatRepr(pyRound(x, ndigits));
  const fixed = x.toFixed(ndigits);
  const sign = fixed.charCodeAt(0) === 45 ? 1 : 0;
  const dot = fixed.length - ndigits - 1;
  // Significant digits: the whole part's (none when it is 0) and every decimal.
  const whole = fixed.charCodeAt(sign) === 48 ? 0 : dot - sign;
  if (whole + ndigits > 15) return pyFloatRepr(pyRound(x, ndigits));
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === 48) end--;
  if (end === dot + 1) return whole ? `${fixed.slice(0, end)}0` : pyFloatRepr(pyRound(x, ndigits));
  // Below 1e-4: 0.0000 and then digits.
  if (
    !whole &&
    end - dot - 1 > 4 &&
    fixed.charCodeAt(dot + 4) === 48 &&
    fixed.charCodeAt(dot + 1) === 48 &&
    fixed.charCodeAt(dot + 2) === 48 &&
    fixed.charCodeAt(dot + 3) === 48
  )
    return pyFloatRepr(pyRound(x, ndigits));
  return end === fixed.length ? fixed : fixed.slice(0, end);
}

/** Python's `str` of a leaf, as DVC's tables print values (without rounding). */
function pyStr(leaf: Leaf): string {
  if (leaf === null) return 'None';
  if (typeof leaf === 'boolean') return leaf ? 'True' : 'False';
  if (typeof leaf === 'string') return leaf;
  if (typeof leaf === 'number') return Number.isInteger(leaf) ? String(leaf) : pyFloatRepr(leaf);
  if (isIntLeaf(leaf)) return leaf.int;
  return pyFloatRepr(typeof leaf.float === 'number' ? leaf.float : Number(leaf.float));
}

/**
 * A leaf as `dvc metrics diff` shows it: floats rounded to `precision` digits after the point with
 * Python's `round` (so `1e-05`, `2.22222`), ints, strings and booleans as they are; absent as `-`.
 * `precision` null: no rounding (what `dvc params diff` does).
 */
export function displayValue(leaf: Leaf | undefined, precision: number | null = 5): string {
  if (leaf === undefined || leaf === null) return '-';
  if (precision !== null && precision > 0) {
    if (typeof leaf === 'number' && !Number.isInteger(leaf)) return roundedRepr(leaf, precision);
    if (isFloatLeaf(leaf) && typeof leaf.float === 'number') return pyFloatRepr(leaf.float);
  }
  return pyStr(leaf);
}

/** A diff (new − old) as a leaf: a float when either side is a float, as Python's subtraction gives. */
export function diffLeaf(diff: number, float: boolean): Leaf {
  return float ? floatLeaf(diff) : diff;
}
