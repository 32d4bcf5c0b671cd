import { pyFloatRepr } from '../../util/python-text';

/**
 * A parsed value, as every reader returns it and the pipeline, templating and the dvc.lock emitter use it.
 * Mappings are `Map`s (key order kept as written, integer-like keys such as '2021' included, no prototype
 * surprises with keys like `__proto__`); numbers keep Python's int/float distinction: a JS number is an int
 * when integral and a float otherwise, `PyFloat` marks floats JS would lose (`1.0`, NaN, inf), `bigint` is
 * an int too large for a double (kept exact into dvc.lock, as DVC keeps it). Python tuples and sets stay
 * apart because Python prints them differently; `PyDate` and `PyDateTime` are YAML timestamps (and TOML dates),
 * `PyTime` a TOML time: none of them is a string to DVC.
 */
export type Raw = null | boolean | number | bigint | string | PyFloat | PyDate | PyDateTime | PyTime | PyCollection | Raw[] | RawMap;
export type RawMap = Map<string, Raw>;

export class PyFloat {
  constructor(readonly value: number) {}
  toString(): string {
    return pyFloatRepr(this.value);
  }
}

/**
 * A `datetime.date`, which ruamel's safe loader makes of a plain `YYYY-MM-DD` (its timestamp resolver holds for
 * YAML 1.2 too). DVC writes it back into dvc.lock unquoted and compares it with the date, never with the string.
 */
export class PyDate {
  /** `YYYY-MM-DD`, Python's `date.isoformat()`. */
  constructor(readonly iso: string) {}
}

/** A fixed UTC offset as ruamel makes one: `datetime.timezone(offset, name)` named as the file wrote it. */
export interface PyZone {
  /** Minutes east of UTC, under a day either way. */
  minutes: number;
  /** The zone's text in the file: `Z`, `+05:30`, `-5`. */
  name: string;
}

/**
 * A `datetime.datetime`, which ruamel's safe loader makes of a plain `2024-01-02 10:20:30` (a `T` between, a
 * fraction and a zone allowed). Since ruamel 0.18.6 a zone stays on the value as a fixed offset (`zone`); older
 * ruamel moved the time to UTC and dropped the zone. DVC compares it with Python's `==` and prints its `str()`.
 */
export class PyDateTime {
  constructor(
    /** `YYYY-MM-DD`. */
    readonly date: string,
    readonly hour: number,
    readonly minute: number,
    readonly second: number,
    readonly microsecond: number,
    /** null: a naive date-time (no zone written). */
    readonly zone: PyZone | null,
  ) {}

  /** Python's `str()`, `isoformat(' ')`: `2024-01-02 10:20:30[.ffffff][+HH:MM]`. */
  get text(): string {
    const two = (n: number): string => String(n).padStart(2, '0');
    const fraction = this.microsecond ? `.${String(this.microsecond).padStart(6, '0')}` : '';
    let offset = '';
    if (this.zone) {
      const m = Math.abs(this.zone.minutes);
      offset = `${this.zone.minutes < 0 ? '-' : '+'}${two(Math.floor(m / 60))}:${two(m % 60)}`;
    }
    return `${this.date} ${two(this.hour)}:${two(this.minute)}:${two(this.second)}${fraction}${offset}`;
  }

  /** Milliseconds since 1970 of the fields read as UTC, less the zone's offset: equal for equal instants. */
  get epochMs(): number {
    const [y, m, d] = this.date.split('-').map(Number) as [number, number, number];
    const at = new Date(0);
    at.setUTCFullYear(y, m - 1, d);
    at.setUTCHours(this.hour, this.minute - (this.zone?.minutes ?? 0), this.second);
    return at.getTime();
  }
}

/**
 * A `datetime.time`, which tomlkit makes of a TOML local time (`07:32:00`). DVC shows it as its `str()`, keeps it out
 * of metrics, and cannot write it into dvc.lock (ruamel has no representer for it).
 */
export class PyTime {
  /** Python's `str()`: `HH:MM:SS[.ffffff]`. */
  constructor(readonly text: string) {}
}

export class PyCollection {
  constructor(
    readonly kind: 'tuple' | 'set',
    readonly items: Raw[],
  ) {}
}

/** A parsed file plus things worth telling the user that did not stop the parse (duplicate keys, ...). */
export interface ParsedFile {
  data: Raw;
  warnings: string[];
}

const keyValues = new WeakMap<RawMap, Map<string, Raw>>();

/** Records that a mapping's key was not a string in the file (`0: x`, `true: y`), so writers can keep its type. */
export function setKeyValue(map: RawMap, key: string, value: Raw): void {
  let values = keyValues.get(map);
  if (!values) keyValues.set(map, (values = new Map<string, Raw>()));
  values.set(key, value);
}

/** A mapping's key as it was written: the int, bool, float or null for keys that were not strings. */
export function keyValue(map: RawMap, key: string): Raw {
  const values = keyValues.get(map);
  return values?.has(key) ? values.get(key)! : key;
}

export function isRawMap(value: Raw | undefined): value is RawMap {
  return value instanceof Map;
}

/** Python's falsiness of a value that is not a mapping, as DVC's loaders test it (`data or {}`). */
export function isPyFalsy(v: Raw): boolean {
  return v === null || v === false || v === 0 || v === '' || (v instanceof PyFloat && v.value === 0) || (Array.isArray(v) && !v.length);
}

/** A mapping from entries; keys that were not strings in `source` (a mapping being copied) stay so. */
export function mapFrom(entries: Iterable<readonly [string, Raw]>, source?: RawMap): RawMap {
  const map: RawMap = new Map(entries);
  const values = source && keyValues.get(source);
  if (values) for (const [k, v] of values) if (map.has(k)) setKeyValue(map, k, v);
  return map;
}

/** A copy of a mapping, nested mappings copied too, so the copy can change without touching the original. */
export function cloneMap(map: RawMap): RawMap {
  return mapFrom(
    [...map].map(([k, v]) => [k, isRawMap(v) ? cloneMap(v) : v]),
    map,
  );
}

/** Python `==`: 1 == 1.0 == True, big ints exactly; lists (and tuples) and dicts compared deeply, dict order ignored. */
export function pyEqual(a: Raw | undefined, b: Raw | undefined): boolean {
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== null || nb !== null) {
    if (na === null || nb === null) return false;
    if (typeof na === 'bigint' || typeof nb === 'bigint') {
      const exact = (n: number | bigint): bigint | null => (typeof n === 'bigint' ? n : Number.isInteger(n) ? BigInt(n) : null);
      return exact(na) !== null && exact(na) === exact(nb);
    }
    return na === nb;
  }
  const la = listItems(a);
  const lb = listItems(b);
  if (la || lb) return !!la && !!lb && la.length === lb.length && la.every((x, i) => pyEqual(x, lb[i]));
  if (a instanceof PyCollection || b instanceof PyCollection) {
    // Sets: same size, and each item of one equals an item of the other.
    if (!(a instanceof PyCollection) || !(b instanceof PyCollection) || a.items.length !== b.items.length) return false;
    return a.items.every((x) => b.items.some((y) => pyEqual(x, y)));
  }
  if (a instanceof PyDate || b instanceof PyDate) return a instanceof PyDate && b instanceof PyDate && a.iso === b.iso;
  if (a instanceof PyDateTime || b instanceof PyDateTime) return a instanceof PyDateTime && b instanceof PyDateTime && dateTimesEqual(a, b);
  if (a instanceof PyTime || b instanceof PyTime) return a instanceof PyTime && b instanceof PyTime && a.text === b.text;
  if (isRawMap(a) || isRawMap(b)) {
    if (!isRawMap(a) || !isRawMap(b) || a.size !== b.size) return false;
    return [...a].every(([k, v]) => b.has(k) && pyEqual(v, b.get(k)));
  }
  return a === b;
}

/**
 * A text two values share exactly when Python's `==` holds between them, for a tuple or set whose printed text does
 * not tell it: a set's items in any order (`{1, 9} == {9, 1}`, which print as they were inserted where their hashes
 * collide), 1, 1.0 and True alike, a dict's keys in any order. Lists and tuples stay apart, as in Python.
 */
export function pyEqualityKey(value: Raw): string {
  const n = numeric(value);
  if (n !== null) {
    if (typeof n === 'bigint') return n.toString();
    // An integral number is its exact digits, so 2**60 and 2.0**60 meet; any other double its shortest text.
    return Number.isInteger(n) ? BigInt(n).toString() : String(n);
  }
  if (value === null) return 'None';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof PyDate) return `date(${value.iso})`;
  if (value instanceof PyDateTime) return value.zone ? `datetime(${value.epochMs}, ${value.microsecond}, zoned)` : `datetime(${value.text})`;
  if (value instanceof PyTime) return `time(${value.text})`;
  if (Array.isArray(value)) return `[${value.map(pyEqualityKey).join(', ')}]`;
  if (value instanceof PyCollection) {
    const items = value.items.map(pyEqualityKey);
    return value.kind === 'tuple' ? `(${items.join(', ')})` : `set(${items.sort().join(', ')})`;
  }
  if (isRawMap(value)) {
    const entries = [...value].map(([k, v]) => `${pyEqualityKey(keyValue(value, k))}: ${pyEqualityKey(v)}`);
    return `dict(${entries.sort().join(', ')})`;
  }
  return String(value);
}

/** Python's datetime `==`: two zoned ones are the same instant, two naive ones the same fields; naive ≠ zoned. */
function dateTimesEqual(a: PyDateTime, b: PyDateTime): boolean {
  if (!a.zone !== !b.zone) return false;
  return a.epochMs === b.epochMs && a.microsecond === b.microsecond;
}

function numeric(v: Raw | undefined): number | bigint | null {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return Number(v);
  return v instanceof PyFloat ? v.value : null;
}

function listItems(v: Raw | undefined): Raw[] | null {
  return Array.isArray(v) ? v : v instanceof PyCollection && v.kind === 'tuple' ? v.items : null;
}

/** A JS number read from text with its syntax: floats stay floats even when integral. */
export function pyNumber(value: number, isFloat: boolean): number | PyFloat {
  if (isFloat && (Number.isInteger(value) || !Number.isFinite(value))) return new PyFloat(value);
  return value;
}

/**
 * A parsed value as plain JavaScript (objects, arrays, numbers), for readers that do not care about Python's
 * int/float distinction (plot data). Keys such as `__proto__` stay ordinary keys.
 */
export function toPlain(value: Raw): unknown {
  if (value instanceof PyFloat) return value.value;
  if (value instanceof PyDate) return value.iso;
  if (value instanceof PyDateTime || value instanceof PyTime) return value.text;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof PyCollection) return value.items.map(toPlain);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) Object.defineProperty(out, k, { value: toPlain(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

/** Plain JavaScript data (e.g. from JSON.parse) as a parsed value: objects become mappings, numbers stay numbers. */
export function fromPlain(value: unknown): Raw {
  if (value === null || typeof value === 'boolean' || typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return value;
  if (Array.isArray(value)) return value.map(fromPlain);
  if (typeof value === 'object') return new Map(Object.entries(value).map(([k, v]) => [k, fromPlain(v)]));
  return null;
}
