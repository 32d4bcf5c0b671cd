import { pyFloatRepr } from '../../util/python-text';
import { PyCollection, PyDate, PyDateTime, PyFloat, PyTime, type PyZone, type Raw } from './value';

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
  if (value instanceof PyDateTime) return dateTimeRepr(value);
  if (value instanceof PyTime) return timeRepr(value);
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
  if (value instanceof PyDateTime || value instanceof PyTime) return value.text;
  return typeof value === 'string' ? value : pyRepr(value);
}

/** `datetime.datetime(2024, 1, 2, 10, 20[, 30[, 500000]][, tzinfo=…])`: Python drops a zero microsecond, then a zero second. */
function dateTimeRepr(value: PyDateTime): string {
  const fields = [...value.date.split('-').map(Number), value.hour, value.minute, value.second, value.microsecond];
  if (fields.at(-1) === 0) fields.pop();
  if (fields.at(-1) === 0) fields.pop();
  const zone = value.zone ? `, tzinfo=${zoneRepr(value.zone)}` : '';
  return `datetime.datetime(${fields.join(', ')}${zone})`;
}

/** `datetime.time(7, 32[, 5[, 500000]])`: as for a date-time, a zero microsecond and then a zero second dropped. */
function timeRepr(value: PyTime): string {
  const [hms, fraction] = value.text.split('.');
  const fields = [...hms!.split(':').map(Number), fraction ? Number(fraction) : 0];
  if (fields.at(-1) === 0) fields.pop();
  if (fields.at(-1) === 0) fields.pop();
  return `datetime.time(${fields.join(', ')})`;
}

/** `datetime.timezone(datetime.timedelta(days=-1, seconds=68400), '-5')`: a timedelta keeps days and seconds apart, both whole. */
function zoneRepr(zone: PyZone): string {
  const seconds = zone.minutes * 60;
  const days = Math.floor(seconds / 86400);
  const parts = [days ? `days=${days}` : '', seconds - days * 86400 ? `seconds=${seconds - days * 86400}` : ''].filter(Boolean);
  return `datetime.timezone(datetime.timedelta(${parts.join(', ') || '0'}), ${pyStrRepr(zone.name)})`;
}

/** What a parsed value is, in YAML's words, for messages that say what was found where something else was expected. */
export function describeValue(value: Raw): string {
  if (value === null) return 'an empty value';
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof PyFloat) return `the number ${pyStr(value)}`;
  if (typeof value === 'string') return `the string ${pyStrRepr(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (value instanceof PyDate) return `the date ${value.iso}`;
  if (value instanceof PyDateTime) return `the date-time ${pyStr(value)}`;
  if (value instanceof PyTime) return `the time ${value.text}`;
  if (Array.isArray(value) || value instanceof PyCollection) return 'a list';
  return 'a mapping';
}
