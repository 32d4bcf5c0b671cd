import { PyFloat, type Raw, type RawMap } from '../python/value';

/** Deeper than this the library reads the file (and says what it says about depth). */
const MAX_PLAIN_DEPTH = 64;
/** A plain key, unambiguously a string, then `:` and the rest of the line (its value, a comment, or nothing). */
const KEY = /^([A-Za-z_][A-Za-z0-9_./-]{0,127}):(?: +(.*))?$/;
/** Keys the core schema reads as booleans or null, not strings. */
const NOT_STRING_KEY = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL)$/;
/**
 * A value that can only be a plain one-line scalar: it starts with no indicator, and holds no quote, flow indicator,
 * `:` or `#` (which could start a mapping or a comment), anchor, alias, tag or block character.
 */
const VALUE = /^[A-Za-z0-9_./+-](?:[A-Za-z0-9_./+ ()=-]*[A-Za-z0-9_./+)-])?$/;
const INT = /^-?(?:0|[1-9][0-9]*)$/;
const FLOAT = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/;

/** An open block collection: a mapping with the column of its keys, or a sequence with the column of its dashes. */
type Open = { indent: number; map: RawMap; list?: undefined } | { indent: number; list: Raw[]; map?: undefined };
/** A key whose value is on the lines after it, and its column. */
interface Opened {
  map: RawMap;
  key: string;
  indent: number;
}

/**
 * The subset of YAML that params files and dvc.yaml files mostly are, read without building the library's document:
 * block mappings and block sequences indented with spaces, plain string keys, one-line plain values (strings,
 * decimal numbers, booleans, null) and comments, a mapping at the root. The result is what `parseYaml` gives through
 * the library for the same text (the tests hold both to it); null for anything else: quotes, flow collections,
 * anchors, tags, block scalars, several documents, tabs, CR, keys the core schema reads as non-strings, repeated
 * keys, values that might be numbers in another notation, a sequence in a sequence's item, anything past ASCII.
 * The library then reads the file and reports what is wrong in it.
 */
export function plainYaml(text: string): RawMap | null {
  const root: RawMap = new Map();
  const stack: Open[] = [{ indent: 0, map: root }];
  /**
   * A key whose value is not written on its line (null in its mapping until then): a mapping when the next line is a
   * key indented deeper, a sequence when it is a dash at the key's column or deeper, else null.
   */
  let opened = null as Opened | null;
  /** The column of the last line's value, when it had one: a line indented deeper continues it (or is an error). */
  let valueIndent = -1;
  /** A key and what follows it on its line, put in `map`; false when the line is not plain. */
  const entry = (map: RawMap, match: RegExpExecArray, indent: number): boolean => {
    const key = match[1]!;
    if (NOT_STRING_KEY.test(key) || map.has(key)) return false;
    const rest = comment(match[2] ?? '');
    if (rest === null) return false;
    if (rest === '') {
      map.set(key, null);
      opened = { map, key, indent };
      valueIndent = -1;
      return true;
    }
    const value = plainScalar(rest);
    if (value === undefined) return false;
    map.set(key, value);
    valueIndent = indent;
    return true;
  };
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const content = line.trimStart();
    if (content === '' || content.startsWith('#')) {
      if (line.length !== content.length && !/^ *(?:#[^\t\r]*)?$/.test(line)) return null;
      if (content.startsWith('#') && !/^[ -~]*$/.test(content)) return null;
      continue;
    }
    const indent = spaces(line, 0);
    if (indent !== line.length - content.length) return null; // a tab in the indentation
    if (content === '-' || content.startsWith('- ')) {
      if (opened && indent >= opened.indent) {
        // The opened key's value is a sequence, at the key's column (as DVC writes them) or deeper.
        if (stack.length > MAX_PLAIN_DEPTH) return null;
        const list: Raw[] = [];
        opened.map.set(opened.key, list);
        stack.push({ indent, list });
      } else {
        if (!opened && valueIndent >= 0 && indent > valueIndent) return null;
        while (stack.length > 1 && stack[stack.length - 1]!.indent > indent) stack.pop();
      }
      opened = null;
      const seq = stack[stack.length - 1]!;
      if (!seq.list || seq.indent !== indent) return null;
      const at = spaces(line, indent + 1);
      const item = line.slice(at);
      // An empty item, a comment, a tab, or a sequence in the item: the library's.
      if (at === indent + 1 || item === '' || item.startsWith('#') || item === '-' || item.startsWith('- ') || item.charCodeAt(0) === 9) return null;
      const key = KEY.exec(item);
      if (!key) {
        const rest = comment(item);
        const value = rest === null ? undefined : plainScalar(rest);
        if (value === undefined) return null;
        seq.list.push(value);
        valueIndent = indent;
        continue;
      }
      // A mapping in the item, its first key on the dash's line and its other keys at that key's column.
      if (stack.length > MAX_PLAIN_DEPTH) return null;
      const map: RawMap = new Map();
      seq.list.push(map);
      stack.push({ indent: at, map });
      if (!entry(map, key, at)) return null;
      continue;
    }
    const key = KEY.exec(content);
    if (!key) return null;
    if (opened && indent > opened.indent) {
      if (stack.length > MAX_PLAIN_DEPTH) return null;
      const nested: RawMap = new Map();
      opened.map.set(opened.key, nested);
      stack.push({ indent, map: nested });
    } else if (!opened && valueIndent >= 0 && indent > valueIndent) return null; // a continuation of the value above, or an error
    opened = null;
    // Out of the collections this line is not in: deeper ones, and a sequence at its column (a key's value).
    while (stack.length > 1) {
      const top = stack[stack.length - 1]!;
      if (top.indent > indent || (top.list && top.indent === indent)) stack.pop();
      else break;
    }
    const level = stack[stack.length - 1]!;
    if (!level.map || indent !== level.indent) return null;
    if (!entry(level.map, key, indent)) return null;
  }
  return root;
}

/** Where the run of spaces in `line` from `from` ends. */
function spaces(line: string, from: number): number {
  let at = from;
  while (line.charCodeAt(at) === 32) at++;
  return at;
}

/** A value's text without its trailing comment (` #…`) and spaces; null when it has a character left to the library. */
function comment(rest: string): string | null {
  const hash = rest.startsWith('#') ? 0 : rest.indexOf(' #');
  const value = (hash < 0 ? rest : rest.slice(0, hash)).trimEnd();
  if (hash >= 0 && !/^[ -~]*$/.test(rest.slice(hash))) return null;
  return value;
}

/** A plain scalar as the core schema resolves it (and `parseYaml` then keeps it); undefined when not surely plain. */
function plainScalar(text: string): Raw | undefined {
  if (!VALUE.test(text)) return undefined;
  switch (text) {
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  const c = text.charCodeAt(0);
  // Anything that starts like a number is a number here only in plain decimal notation; the rest goes to the library.
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
    if (INT.test(text)) {
      const n = Number(text);
      return Number.isSafeInteger(n) ? (Object.is(n, -0) ? 0 : n) : BigInt(text);
    }
    if (!FLOAT.test(text)) return undefined;
    // A float as the library gives it: parsed by `parseFloat`, and kept a float in Python's sense when integral.
    const n = parseFloat(text);
    return Number.isInteger(n) || !Number.isFinite(n) ? new PyFloat(n) : n;
  }
  return text;
}
