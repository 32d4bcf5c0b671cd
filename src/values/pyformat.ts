import { pyFloatRepr } from '../util/python-text';
import { PyCollection, PyFloat, type Raw } from './raw';
import { floatLeaf, isFloatLeaf, type Leaf } from './types';

/** Python's `round(x, ndigits)` for floats: correctly rounded, ties to even (JS `toFixed` ties away). */
export function pyRound(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0 || Math.abs(x) >= 1e21 || ndigits > 100) return x;
  const fixed = x.toFixed(ndigits);
  // Only a value next to a tie needs its exact decimal expansion (toFixed(100) is slow).
  const scaled = Math.abs(x) * 10 ** ndigits;
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-7 * Math.max(1, scaled)) return Number(fixed);
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

/** Python's `repr` of a string: single quotes unless the text has `'` and no `"`. */
function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** Python's `repr` of a parsed value (used for lists, tuples and dicts inside lists, as DVC prints them). */
export function pyRepr(value: Raw): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pyFloatRepr(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return pyStrRepr(value);
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (value instanceof PyCollection) {
    if (value.kind === 'set') return value.items.length ? `{${value.items.map(pyRepr).join(', ')}}` : 'set()';
    return value.items.length === 1 ? `(${pyRepr(value.items[0]!)},)` : `(${value.items.map(pyRepr).join(', ')})`;
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  return `{${[...value].map(([k, v]) => `${pyStrRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
}

/** Python's `str` of a leaf, as DVC's tables print values (without rounding). */
function pyStr(leaf: Leaf): string {
  if (leaf === null) return 'None';
  if (typeof leaf === 'boolean') return leaf ? 'True' : 'False';
  if (typeof leaf === 'string') return leaf;
  if (typeof leaf === 'number') return Number.isInteger(leaf) ? String(leaf) : pyFloatRepr(leaf);
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
    if (typeof leaf === 'number' && !Number.isInteger(leaf)) return pyFloatRepr(pyRound(leaf, precision));
    if (isFloatLeaf(leaf) && typeof leaf.float === 'number') return pyFloatRepr(leaf.float);
  }
  return pyStr(leaf);
}

/** A diff (new − old) as a leaf: a float when either side is a float, as Python's subtraction gives. */
export function diffLeaf(diff: number, float: boolean): Leaf {
  return float ? floatLeaf(diff) : diff;
}
