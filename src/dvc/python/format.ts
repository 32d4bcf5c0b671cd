import { pyFloatRepr } from '../../util/python-text';
import { PyCollection, PyDate, PyFloat, type Raw } from './value';

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
  if (value instanceof PyDate) return `datetime.date(${value.iso.split('-').map(Number).join(', ')})`;
  if (value instanceof PyCollection) {
    if (value.kind === 'set') return value.items.length ? `{${value.items.map(pyRepr).join(', ')}}` : 'set()';
    return value.items.length === 1 ? `(${pyRepr(value.items[0]!)},)` : `(${value.items.map(pyRepr).join(', ')})`;
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  return `{${[...value].map(([k, v]) => `${pyStrRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
}

/** Python's `str()`: the text itself for a string, `repr` for everything else (as DVC puts values into messages and keys). */
export function pyStr(value: Raw): string {
  if (value instanceof PyDate) return value.iso;
  return typeof value === 'string' ? value : pyRepr(value);
}
