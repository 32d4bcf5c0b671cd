import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { UserError } from '../util/errors';
import { pyFloatRepr } from '../util/python-text';

/**
 * A value as Python sees it after DVC's YAML loader: JavaScript numbers lose the difference between `1`
 * and `1.0`, which dvc.lock keeps (`repr(1.0)` is `1.0`), so floats are wrapped.
 */
export type PyValue = null | boolean | number | PyFloat | string | PyValue[] | PyDict;
export interface PyDict {
  [key: string]: PyValue;
}

/**
 * JavaScript objects list integer-like keys ('2021', '0') first; Python dicts keep insertion order. A
 * mapping parsed with such keys remembers its file order here (copied along by object spread).
 */
const KEY_ORDER: unique symbol = Symbol('keyOrder');

/** Keys that were not strings in the file (`0: x`, `true: y`), with their value, so they are written back unquoted. */
const KEY_VALUES: unique symbol = Symbol('keyValues');

/** The key as it was in the file: a string, or the int/bool/float/null it was written as. */
export function pyKey(dict: PyDict, key: string): PyValue {
  const raw = (dict as { [KEY_VALUES]?: Map<string, PyValue> })[KEY_VALUES];
  return raw?.has(key) ? raw.get(key)! : key;
}

/** A mapping's entries in file order (see KEY_ORDER); keys added later come after, in object order. */
export function pyEntries(dict: PyDict): [string, PyValue][] {
  const order = (dict as { [KEY_ORDER]?: string[] })[KEY_ORDER];
  if (!order) return Object.entries(dict);
  const keys = [...order.filter((k) => Object.hasOwn(dict, k)), ...Object.keys(dict).filter((k) => !order.includes(k))];
  return keys.map((k) => [k, dict[k]!]);
}

/** A mapping from entries, keeping their order even for integer-like keys. */
export function dictFromEntries(entries: [string, PyValue][]): PyDict {
  const out: PyDict = {};
  for (const [k, v] of entries) out[k] = v;
  return withOrder(
    out,
    entries.map(([k]) => k),
  );
}

function withOrder(dict: PyDict, keys: string[]): PyDict {
  if (keys.some((k) => /^(0|[1-9]\d*)$/.test(k))) Object.defineProperty(dict, KEY_ORDER, { value: keys, enumerable: true });
  return dict;
}

export class PyFloat {
  constructor(readonly value: number) {}
  toString(): string {
    return pyFloatRepr(this.value);
  }
}

export function isPyDict(value: PyValue | undefined): value is PyDict {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof PyFloat);
}

/** Parses YAML (1.2 core schema, as ruamel reads it) keeping ints and floats apart. */
export function parseYamlPy(path: string, text: string): PyValue {
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: false, prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    throw new UserError(
      `${path}${pos ? `:${pos.line}:${pos.col}` : ''}: invalid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
    );
  }
  return toPy(doc.contents, path);
}

function toPy(node: Node | null | undefined, path: string): PyValue {
  if (!node) return null;
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'number') {
      const src = (node as { source?: string }).source ?? '';
      const isFloat = node.format !== 'HEX' && node.format !== 'OCT' && /[.eEnN]/.test(src);
      return isFloat || !Number.isInteger(v) ? new PyFloat(v) : v;
    }
    if (typeof v === 'bigint') return Number(v);
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
    return JSON.stringify(v) ?? '';
  }
  if (isSeq(node)) return node.items.map((item) => toPy(item as Node, path));
  if (isMap(node)) {
    const out: PyDict = {};
    const keys: string[] = [];
    const rawKeys = new Map<string, PyValue>();
    for (const pair of node.items) {
      const raw = isScalar(pair.key) ? toPy(pair.key, path) : String(pair.key);
      const key =
        typeof raw === 'string'
          ? raw
          : raw instanceof PyFloat
            ? pyFloatRepr(raw.value)
            : raw === null
              ? 'null'
              : typeof raw === 'number' || typeof raw === 'boolean'
                ? String(raw)
                : JSON.stringify(raw);
      if (typeof raw !== 'string') rawKeys.set(key, raw);
      if (!Object.hasOwn(out, key)) keys.push(key);
      out[key] = toPy(pair.value as Node, path);
    }
    if (rawKeys.size) Object.defineProperty(out, KEY_VALUES, { value: rawKeys, enumerable: true });
    return withOrder(out, keys);
  }
  const resolved = (node as { toJSON?: () => unknown }).toJSON?.();
  return resolved === undefined ? null : fromJs(resolved);
}

/** A plain JSON value (e.g. from a `.json` params file) as a PyValue: non-integral numbers are floats. */
export function fromJs(value: unknown): PyValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isInteger(value) ? value : new PyFloat(value);
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(fromJs);
  if (typeof value === 'object') {
    const out: PyDict = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromJs(v);
    return out;
  }
  return typeof value === 'number' || typeof value === 'bigint' ? String(value) : '';
}

/** Python's `str()` of a scalar, as DVC's templating puts values into strings. */
export function pyStr(value: PyValue): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(toJs(value));
}

/** Python `==`: 1 == 1.0 == True; lists and dicts compared deeply (dict order ignored). */
export function pyEqual(a: PyValue | undefined, b: PyValue | undefined): boolean {
  const num = (v: PyValue | undefined): number | null =>
    typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v instanceof PyFloat ? v.value : null;
  const na = num(a);
  const nb = num(b);
  if (na !== null || nb !== null) return na !== null && nb !== null && na === nb;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEqual(x, b[i]));
  }
  if (isPyDict(a) || isPyDict(b)) {
    if (!isPyDict(a) || !isPyDict(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && pyEqual(a[k], b[k]));
  }
  return a === b;
}

/** The plain JavaScript value (floats unwrapped), for JSON output. */
export function toJs(value: PyValue): unknown {
  if (value instanceof PyFloat) return value.value;
  if (Array.isArray(value)) return value.map(toJs);
  if (isPyDict(value)) return Object.fromEntries(pyEntries(value).map(([k, v]) => [k, toJs(v)]));
  return value;
}
