import { PyFloat, type Raw, type RawMap } from '../python/value';

/** Deeper than this the library reads the file (and says what it says about depth). */
const MAX_PLAIN_DEPTH = 64;
/** `key: value` at some indent, then an optional comment; the key plain and unambiguously a string. */
const ENTRY = /^( *)([A-Za-z_][A-Za-z0-9_.-]{0,127}):(?: +(.*))?$/;
/** Keys the core schema reads as booleans or null, not strings. */
const NOT_STRING_KEY = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL)$/;
/** A value that can only be a plain one-line scalar: no indicator, quote, flow, anchor, tag or block character. */
const VALUE = /^[A-Za-z0-9_./+-](?:[A-Za-z0-9_./+ -]*[A-Za-z0-9_./+-])?$/;
const INT = /^-?(?:0|[1-9][0-9]*)$/;
const FLOAT = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/;

/**
 * The subset of YAML that params files mostly are, read without building the library's document: block mappings
 * indented with spaces, plain string keys, one-line plain values (strings, decimal numbers, booleans, null) and
 * comments. The result is what `parseYaml` gives through the library for the same text (the tests hold both to
 * it); null for anything else: quotes, flow collections, lists, anchors, tags, block scalars, several documents,
 * tabs, CR, keys the core schema reads as non-strings, repeated keys, values that might be numbers in another
 * notation, anything past ASCII. The library then reads the file and reports what is wrong in it.
 */
export function plainYaml(text: string): RawMap | null {
  const root: RawMap = new Map();
  /** The open mappings, outermost first, each with the indent of its keys. */
  const stack: { indent: number; map: RawMap }[] = [{ indent: 0, map: root }];
  /** A key whose value is not written on its line: a nested mapping when the next line is indented deeper, else null. */
  let opened: { map: RawMap; key: string; indent: number } | null = null;
  let lastIndent = 0;
  let lastHadValue = false;
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
    const m = ENTRY.exec(line);
    if (!m) return null;
    const indent = m[1]!.length;
    const key = m[2]!;
    if (NOT_STRING_KEY.test(key)) return null;
    if (opened) {
      if (indent > opened.indent) {
        if (stack.length > MAX_PLAIN_DEPTH) return null;
        const nested: RawMap = new Map();
        opened.map.set(opened.key, nested);
        stack.push({ indent, map: nested });
      } else opened.map.set(opened.key, null);
      opened = null;
    } else if (indent > lastIndent && lastHadValue) return null; // a continuation of the value above, or an error
    while (stack.length > 1 && indent < stack[stack.length - 1]!.indent) stack.pop();
    const level = stack[stack.length - 1]!;
    if (indent !== level.indent) return null;
    if (level.map.has(key)) return null;
    const rest = comment(m[3] ?? '');
    if (rest === null) return null;
    lastIndent = indent;
    if (rest === '') {
      // Held open (not in the map yet) until the next line says what it is.
      level.map.set(key, null);
      opened = { map: level.map, key, indent };
      lastHadValue = false;
      continue;
    }
    const value = plainScalar(rest);
    if (value === undefined) return null;
    level.map.set(key, value);
    lastHadValue = true;
  }
  return root;
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
