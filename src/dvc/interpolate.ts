import { DEFAULT_PARSING, type ParsingConfig } from './data/config';
import { pyStr } from './python/format';
import { isRawMap, PyCollection, PyDate, PyDateTime, PyFloat, PyTime, type Raw, type RawMap } from './python/value';
import { pyFloatRepr } from '../util/python-text';

/** DVC's `KEYCRE` (dvc/parsing/interpolate.py): `${…}` not preceded by a backslash, non-greedy. */
const KEYCRE = /(?<!\\)\$\{(.*?)\}/g;

/** An interpolation failure; the loader adds the file, stage and field. */
export class InterpolationError extends Error {}

/**
 * Where a value is resolved. `field`: the stage field it is in (`cmd`, `deps`, `outs`, …), where DVC's
 * `validate_value` refuses a list or a dict, but for a dict in `cmd`, unpacked into `--key value` arguments as the
 * project's `parsing` settings say. Without a field (`foreach`, `matrix`, the top-level lists) no type is checked.
 */
export interface Site {
  field?: string;
  parsing?: ParsingConfig;
}

/**
 * Resolves `${…}` in a string as DVC does: a string that is exactly one `${x}` takes x's value with its
 * type; otherwise each reference is converted with `to_str`. `\${` stays literal (as `${`).
 */
function interpolateString(src: string, context: RawMap, site: Site = {}): Raw {
  const matches = [...src.matchAll(KEYCRE)];
  if (!matches.length) return unescape(src);
  if (matches.length === 1 && matches[0]![0] === src) return validated(lookup(context, matches[0]![1]!), site, matches[0]![1]!);
  let out = '';
  let last = 0;
  for (const m of matches) {
    out += src.slice(last, m.index);
    const value = validated(lookup(context, m[1]!), site, m[1]!);
    out += isRawMap(value) && site.field === 'cmd' ? unpackDict(value, site.parsing ?? DEFAULT_PARSING) : toStr(value, m[1]!);
    last = m.index + m[0].length;
  }
  out += src.slice(last);
  return unescape(out);
}

/** Resolves every string inside a value, mapping keys included (dvc/parsing/context.py `recurse`). */
export function interpolateValue(value: Raw, context: RawMap, site: Site = {}): Raw {
  if (typeof value === 'string') return interpolateString(value, context, site);
  if (Array.isArray(value)) return value.map((v) => interpolateValue(v, context, site));
  if (isRawMap(value)) {
    return new Map(
      [...value].map(([k, v]) => {
        const key = interpolateString(k, context, site);
        return [pyStr(key), interpolateValue(v, context, site)];
      }),
    );
  }
  return value;
}

/**
 * dvc/parsing/interpolate.py `validate_value`: in a stage's field, a value that is not a primitive (nor None) is an
 * error, whole or embedded, but for a dict in `cmd`.
 */
function validated(value: Raw, site: Site, key: string): Raw {
  if (site.field === undefined || value === null || isPrimitive(value)) return value;
  if (isRawMap(value) && site.field === 'cmd') return value;
  throw new InterpolationError(`Cannot interpolate data of type '${typeName(value)}' ('${key}')`);
}

function isPrimitive(value: Raw): boolean {
  return ['string', 'number', 'bigint', 'boolean'].includes(typeof value) || value instanceof PyFloat;
}

/** Python's name of a value's type, as DVC's messages say it. */
export function typeName(value: Raw): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value))) return 'int';
  if (typeof value === 'number' || value instanceof PyFloat) return 'float';
  if (Array.isArray(value)) return 'list';
  if (value instanceof PyCollection) return value.kind;
  if (value instanceof PyDate) return 'date';
  if (value instanceof PyDateTime) return 'datetime';
  if (value instanceof PyTime) return 'time';
  return 'dict';
}

export function hasInterpolation(value: Raw): boolean {
  if (typeof value === 'string') return new RegExp(KEYCRE.source).test(value);
  if (Array.isArray(value)) return value.some(hasInterpolation);
  if (isRawMap(value)) return [...value.values()].some(hasInterpolation);
  return false;
}

function unescape(s: string): string {
  return s.replace(/\\\$\{/g, '${');
}

/**
 * The dotted path a `${…}` names, `a.b[0].c` → `['a', 'b', '0', 'c']`. Each part is stripped of the spaces around it,
 * as DVC's `Container.select` strips them (`${ item }` is `item`), and spaces after a `]` are skipped as its parser
 * skips them (`${ list[0] }`); spaces inside a key stay.
 */
export function referenceParts(inner: string): string[] {
  const parts: string[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]|\./g;
  let afterIndex = false;
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner))) {
    if (m[1] !== undefined && !(afterIndex && !m[1].trim())) parts.push(m[1].trim());
    else if (m[2] !== undefined) parts.push(m[2].trim());
    afterIndex = m[2] !== undefined;
  }
  return parts;
}

/** `a.b[0].c` → value; errors say "Could not find 'a.b[0].c'" as DVC does. */
function lookup(context: RawMap, inner: string): Raw {
  const parts = referenceParts(inner);
  if (!parts.length || parts.every((p) => !p)) throw new InterpolationError(`Could not find '${inner}'`);
  let cur: Raw = context;
  for (const part of parts) {
    if (Array.isArray(cur) && /^-?\d+$/.test(part)) {
      const i = Number(part);
      const item: Raw | undefined = cur[i < 0 ? cur.length + i : i];
      if (item === undefined) throw new InterpolationError(`Could not find '${inner}'`);
      cur = item;
    } else if (isRawMap(cur) && cur.has(part)) {
      cur = cur.get(part)!;
    } else {
      throw new InterpolationError(`Could not find '${inner}'`);
    }
  }
  return cur;
}

/** dvc/parsing/interpolate.py `to_str` for a value embedded in a longer string (a dict only where unpacked, in `cmd`). */
export function toStr(value: Raw, key: string): string {
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (value === null) return 'None';
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pyFloatRepr(value);
  if (typeof value === 'bigint' || typeof value === 'string') return String(value);
  if (isRawMap(value))
    throw new InterpolationError(`Cannot interpolate data of type 'dict' ('${key}'): a dict is unpacked into arguments only in a stage's 'cmd'`);
  throw new InterpolationError(`Cannot interpolate data of type '${typeName(value)}' ('${key}')`);
}

/**
 * `${dict}` in a cmd (`to_str(dict)`): `--k v` for each key of the dict flattened with dots, an empty dict inside it
 * giving no key (flatten_dict drops it); `true` is `--k`, `false` nothing or `--no-k` (`parsing.bool`); a list is
 * `--k a b` or `--k a --k b` (`parsing.list`), an empty one nothing; strings shell-quoted, other values as Python's str().
 */
function unpackDict(dict: RawMap, parsing: ParsingConfig): string {
  const parts: string[] = [];
  for (const [k, v] of flatten(dict)) {
    if (v === true) parts.push(`--${k}`);
    else if (v === false) {
      if (parsing.bool === 'boolean_optional') parts.push(`--no-${k}`);
    } else if (typeof v === 'string') parts.push(`--${k} ${shlexQuote(v)}`);
    else if (Array.isArray(v)) {
      const items = v.map((item) => {
        if (Array.isArray(item) || isRawMap(item) || item instanceof PyCollection) throw new InterpolationError(`Cannot interpolate nested iterable in '${k}'`);
        return typeof item === 'string' ? shlexQuote(item) : scalarText(item, k);
      });
      if (parsing.list === 'append') for (const item of items) parts.push(`--${k} ${item}`);
      else if (items.length) parts.push(`--${k} ${items.join(' ')}`);
    } else parts.push(`--${k} ${scalarText(v, k)}`);
  }
  return parts.join(' ').trimEnd();
}

/** Python's str() of a number, a boolean (`True`) or None, as DVC's f-strings write a dict's values into a cmd. */
function scalarText(value: Raw, key: string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint' || value instanceof PyFloat) return pyStr(value);
  return toStr(value, key);
}

function flatten(dict: RawMap, prefix = ''): [string, Raw][] {
  const out: [string, Raw][] = [];
  for (const [k, v] of dict) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (isRawMap(v)) for (const entry of flatten(v, name)) out.push(entry);
    else out.push([name, v]);
  }
  return out;
}

/** Python's `shlex.quote`. */
export function shlexQuote(s: string): string {
  if (!s) return "''";
  if (/^[\w@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}
