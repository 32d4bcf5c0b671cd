import { withPosition } from '../formats';
import { parseYaml } from '../formats/yaml';
import { keyValue, PyCollection, PyFloat, type Raw } from './value';
import { pyFloatRepr } from '../../util/python-text';

/**
 * The pipeline's form of a parsed value (dvc/python/value.ts `Raw`), which the dvc.lock emitter writes:
 * every float is a PyFloat (so `1e-05` prints as Python prints it), mappings are objects.
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
export const KEY_VALUES: unique symbol = Symbol('keyValues');

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

export { PyFloat };

export function isPyDict(value: PyValue | undefined): value is PyDict {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof PyFloat);
}

/** YAML text through the one YAML reader (dvc/formats/yaml.ts), in the pipeline's form. Errors name `path:line:column`. */
export function parseYamlPy(path: string, text: string): PyValue {
  return fromRaw(withPosition(path, 'YAML', () => parseYaml(text)).data);
}

/**
 * A parsed value in the form the pipeline and the dvc.lock emitter use: mappings as objects that remember
 * key order and keys that were not strings. Tuples and sets become lists (YAML and JSON have no others);
 * ints too large for a double become the nearest double, which the emitter can write.
 */
export function fromRaw(value: Raw): PyValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string' || value instanceof PyFloat) return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value : new PyFloat(value);
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof PyCollection) return value.items.map(fromRaw);
  if (Array.isArray(value)) return value.map(fromRaw);
  const out: PyDict = {};
  const keys: string[] = [];
  const rawKeys = new Map<string, PyValue>();
  for (const [k, v] of value) {
    // defineProperty: a `__proto__` key is data, not the object's prototype.
    Object.defineProperty(out, k, { value: fromRaw(v), enumerable: true, writable: true, configurable: true });
    keys.push(k);
    const key = keyValue(value, k);
    if (key !== k) rawKeys.set(k, fromRaw(key));
  }
  if (rawKeys.size) Object.defineProperty(out, KEY_VALUES, { value: rawKeys, enumerable: true });
  return withOrder(out, keys);
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
