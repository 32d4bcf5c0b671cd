import { isAlias, isMap, isScalar, isSeq, parseDocument, Schema, type Node, type ScalarTag } from 'yaml';
import { lineColumn, MAX_DEPTH, SyntaxProblem } from './json';
import { keyValue, PyCollection, PyDate, PyDateTime, PyFloat, pyEqual, setKeyValue, type ParsedFile, type Raw, type RawMap } from '../python/value';
import { pyStr } from '../python/format';
import { pySetOrder } from '../python/set-order';
import { plainYaml } from './yaml-plain';

/** Nodes that aliases may add to a document: past this, a document is an alias bomb, not data. */
const MAX_ALIAS_NODES = 1_000_000;

const INT = 'tag:yaml.org,2002:int';
const FLOAT = 'tag:yaml.org,2002:float';
const SET = 'tag:yaml.org,2002:set';

/**
 * Plain scalars that ruamel's YAML 1.2 resolver (ruamel/yaml/resolver.py) reads as floats: wider than the core
 * schema's (`_` between digits, `1.`), narrower after a leading dot (`.5e3` needs a sign on its exponent: a string).
 */
const RUAMEL_FLOAT: ScalarTag = {
  tag: FLOAT,
  default: true,
  test: /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  // SafeConstructor.construct_yaml_float: `_` dropped, then Python's float().
  resolve: (text) => {
    const s = text.replace(/_/g, '').toLowerCase();
    const sign = s.startsWith('-') ? -1 : 1;
    const body = s.replace(/^[-+]/, '');
    if (body === '.inf') return sign * Infinity;
    if (body === '.nan') return NaN;
    return sign * Number(body);
  },
};

/** Plain scalars that ruamel's YAML 1.2 resolver reads as ints: `_` between digits, `0b…`, and a sign on `0x…`/`0o…` too. */
const RUAMEL_INT: ScalarTag = {
  tag: INT,
  default: true,
  test: /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/,
  // SafeConstructor.construct_yaml_int: `_` dropped, the sign apart, then the base its prefix names (decimal for
  // YAML 1.2's `017`). Only underscores, which ruamel fails on, stay the text they are.
  resolve: (text) => {
    const s = text.replace(/_/g, '');
    const negative = s.startsWith('-');
    const body = s.replace(/^[-+]/, '');
    const digits = /^0[box]/.test(body) ? body.slice(2) : body;
    if (!digits) return text;
    const value = BigInt(/^0[box]/.test(body) ? `0${body[1]}${digits}` : digits);
    return negative ? -value : value;
  },
};

/**
 * The plain scalars ruamel's timestamp resolver (kept for YAML 1.2) matches: a `YYYY-MM-DD` date, or a date-time
 * whose month, day and hour may be one digit, with `T`/`t` or blanks between, an optional fraction and an optional
 * zone (`Z`, `+5`, `-05:30`; a blank may come before it).
 */
const TIMESTAMP =
  /^(?:([0-9]{4})-([0-9]{2})-([0-9]{2})|([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)$/;

/**
 * A timestamp as ruamel's safe constructor makes it (ruamel/yaml/util.py `create_timestamp`): a `datetime.date`, or a
 * `datetime.datetime` whose fraction is cut to microseconds, rounded on the seventh digit (a carry past .999999
 * adds a second), with its zone kept as a fixed offset. A value Python refuses (2021-02-30, 24:00:00, a zone of a
 * day or more), which DVC fails on, stays the text.
 */
const RUAMEL_TIMESTAMP: ScalarTag = {
  tag: 'tag:yaml.org,2002:timestamp',
  default: true,
  test: TIMESTAMP,
  resolve: (text) => {
    const m = TIMESTAMP.exec(text)!;
    if (m[1] !== undefined) return validDate(+m[1], +m[2]!, +m[3]!) ? new PyDate(text) : text;
    const [y, mo, d, h, mi, s] = [+m[4]!, +m[5]!, +m[6]!, +m[7]!, +m[8]!, +m[9]!];
    if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return text;
    const digits = (m[10] ?? '').slice(0, 7).padEnd(7, '0');
    let microsecond = Number(digits.slice(0, 6)) + (Number(digits[6]) > 4 ? 1 : 0);
    const at = new Date(0);
    at.setUTCFullYear(y, mo - 1, d);
    at.setUTCHours(h, mi, s);
    if (microsecond > 999_999) {
      microsecond = 0;
      at.setUTCSeconds(s + 1);
      if (at.getUTCFullYear() > 9999) return text;
    }
    let zone = null;
    if (m[12]) {
      const minutes = (Number(m[13]) * 60 + Number(m[14] ?? 0)) * (m[12] === '-' ? -1 : 1);
      if (Math.abs(minutes) >= 24 * 60) return text;
      zone = { minutes, name: m[11]! };
    } else if (m[11]) zone = { minutes: 0, name: m[11] };
    const date = `${String(at.getUTCFullYear()).padStart(4, '0')}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-${String(at.getUTCDate()).padStart(2, '0')}`;
    return new PyDateTime(date, at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), microsecond, zone);
  },
};

/** A day Python's `datetime.date` accepts: year 1 to 9999, a month's real days. */
function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * YAML 1.2's core schema with ruamel's int and float patterns in place of the core ones, made once: a thousand
 * params files need not build it a thousand times. Floats are tried first, as ruamel tries them; timestamps are ruamel's too.
 */
const CORE = new Schema({
  schema: 'core',
  resolveKnownTags: true,
  customTags: (tags) => [...tags.filter((t) => typeof t === 'string' || (t.tag !== INT && t.tag !== FLOAT)), RUAMEL_FLOAT, RUAMEL_INT, RUAMEL_TIMESTAMP],
});

/** The first line of a git merge conflict's `<<<<<<< ours` / `=======` / `>>>>>>> theirs` markers. */
const CONFLICT_MARKER = /^(?:<{7}|={7}|>{7})(?: |$)/m;

/**
 * YAML as DVC reads it (ruamel, YAML 1.2 core schema): `yes`/`no` are strings, `1.0` is a float, a repeated
 * key is an error, ints too large for a double stay exact, an empty document is an empty mapping. Anchors
 * are shared, not copied, and everything aliases add (scalars, lists and mappings alike) is counted against
 * MAX_ALIAS_NODES first, so an alias bomb is an error naming the alias, not an exhausted heap downstream.
 */
export function parseYaml(text: string): ParsedFile {
  // Most params files are plain mappings of plain values: read as such, a thousand files cost no documents.
  const plain = plainYaml(text);
  return plain ? { data: plain, warnings: [] } : parseYamlDocument(text);
}

/** `parseYaml` through the library's document, whatever the text holds. */
export function parseYamlDocument(text: string): ParsedFile {
  const doc = parseDocument(text, { schema: CORE, uniqueKeys: true, prettyErrors: false, intAsBigInt: true });
  const error = doc.errors[0];
  if (error) {
    // A conflicted merge leaves its markers in the file (dvc.lock most often): say so, not what YAML makes of them.
    const marker = CONFLICT_MARKER.exec(text);
    if (marker) {
      const at = lineColumn(text, marker.index);
      throw new SyntaxProblem('an unresolved git merge conflict (<<<<<<<, =======, >>>>>>> lines): keep one side and remove the markers.', at.line, at.column);
    }
    const { line, column } = lineColumn(text, error.pos[0]);
    if (/call stack/i.test(error.message)) throw new SyntaxProblem('nested too deeply to read', line, column);
    if (error.code === 'MULTIPLE_DOCS')
      throw new SyntaxProblem('a second YAML document starts here (a `---` line); DVC reads a file of one document', line, column);
    throw new SyntaxProblem(error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, ''), line, column);
  }
  // The library reads an unknown tag's node as if untagged; ruamel's safe loader, which DVC uses, refuses it.
  const unknownTag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED' && !COERCED_TAGS.test(w.message));
  if (unknownTag) {
    const { line, column } = lineColumn(text, unknownTag.pos[0]);
    throw new SyntaxProblem(tagProblem(text.slice(unknownTag.pos[0], unknownTag.pos[1]), unknownTag.message), line, column);
  }
  if (doc.contents === null) return { data: new Map(), warnings: [] };
  const problemAt = (node: unknown, message: string): SyntaxProblem => {
    const { line, column } = lineColumn(text, (node as Node).range?.[0] ?? 0);
    return new SyntaxProblem(message, line, column);
  };
  let added = 0;
  // Walks the document as its readers will see it, aliases expanded: bounded by MAX_ALIAS_NODES steps.
  const budget = (node: unknown, alias: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) throw problemAt(node, `nesting deeper than ${MAX_DEPTH} levels`);
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target) budget(target, alias ?? node, depth + 1);
      return;
    }
    if (alias && ++added > MAX_ALIAS_NODES) {
      throw problemAt(alias, `aliases expand to more than ${MAX_ALIAS_NODES.toLocaleString('en-US')} values (an alias bomb?); not read`);
    }
    if (isMap(node))
      for (const pair of node.items) {
        budget(pair.key, alias, depth + 1);
        budget(pair.value, alias, depth + 1);
      }
    else if (isSeq(node)) for (const item of node.items) budget(item, alias, depth + 1);
  };
  budget(doc.contents, null, 0);
  const seen = new Map<Node, Raw>();
  const convert = (node: unknown, depth: number): Raw => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) return null;
      return convert(target, depth + 1);
    }
    if (seen.has(node as Node)) return seen.get(node as Node)!;
    if (isMap(node) && node.tag === SET) {
      // `!!set` (ruamel writes a Python set so, a `.py` params file's in dvc.lock): the safe loader's set of the keys.
      const set = new PyCollection('set', []);
      seen.set(node, set);
      for (const pair of node.items) {
        const item = convert(pair.key, depth + 1);
        if (!set.items.some((x) => pyEqual(x, item))) set.items.push(item);
      }
      const ordered = pySetOrder(set.items, 'mapping');
      set.items.length = 0;
      for (const item of ordered) set.items.push(item);
      return set;
    }
    if (isMap(node)) {
      const map: RawMap = new Map();
      seen.set(node, map);
      const merged: RawMap[] = [];
      const own: [string, Raw, Raw][] = [];
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.value === '<<' && pair.key.type === 'PLAIN') {
          // A merge key (`<<: *defaults`), which ruamel applies: its keys fill in what the mapping lacks.
          const value = convert(pair.value, depth + 1);
          // ruamel's flatten_mapping: a list's mappings taken last first, so the first one's values win.
          for (const m of Array.isArray(value) ? [...value].reverse() : [value]) if (m instanceof Map) merged.push(m);
          continue;
        }
        const key = convert(pair.key, depth + 1);
        // A key that is not a string is named as Python's `str` prints it (`True`, `1`, `None`, `2021-01-01`).
        own.push([pyStr(key), key, convert(pair.value, depth + 1)]);
      }
      // Merged keys come first, then the mapping's own (ruamel: `node.value = merge + node.value`); a later value
      // replaces an earlier one where the key first stood, as a Python dict keeps it.
      for (const m of merged) {
        for (const [k, v] of m) {
          const written = keyValue(m, k);
          if (written !== k) setKeyValue(map, k, written);
          map.set(k, v);
        }
      }
      for (const [name, key, value] of own) {
        if (typeof key !== 'string') setKeyValue(map, name, key);
        map.set(name, value);
      }
      return map;
    }
    if (isSeq(node)) {
      const list: Raw[] = [];
      seen.set(node, list);
      for (const item of node.items) list.push(convert(item, depth + 1));
      return list;
    }
    if (isScalar(node)) {
      if (typeof node.value === 'string' && node.tag && COERCED_TAGS.test(node.tag))
        return coerced(node.tag, node.source ?? node.value, problemAt.bind(null, node));
      return scalar(node.value, node.source);
    }
    return null;
  };
  return { data: convert(doc.contents, 0), warnings: [] };
}

function scalar(value: unknown, source: string | undefined): Raw {
  if (typeof value === 'number') {
    const float = !Number.isFinite(value) || (source !== undefined && !/^[-+]?0[xo]/i.test(source) && /[.eEnN]/.test(source));
    if (float && (Number.isInteger(value) || !Number.isFinite(value))) return new PyFloat(value);
    return value;
  }
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (value === null || typeof value === 'boolean' || typeof value === 'string' || value instanceof PyDate || value instanceof PyDateTime) return value;
  return JSON.stringify(value) ?? '';
}

/** Standard tags the library leaves unresolved on some values ruamel reads: `!!float 1` (1.0), `!!bool yes` (True). */
const COERCED_TAGS = /tag:yaml\.org,2002:(float|bool)\b/;
/** ruamel's SafeConstructor.bool_values. */
const BOOLS = new Map([
  ['yes', true],
  ['no', false],
  ['true', true],
  ['false', false],
  ['on', true],
  ['off', false],
]);

/** A tagged scalar as ruamel's safe constructor makes it, or an error saying the value is not one. */
function coerced(tag: string, text: string, problem: (message: string) => SyntaxProblem): Raw {
  const plain = text.trim();
  if (tag.endsWith(':bool')) {
    const bool = BOOLS.get(plain.toLowerCase());
    if (bool === undefined) throw problem(`tag !!bool on '${plain}', which is not one of ${[...BOOLS.keys()].join(', ')}`);
    return bool;
  }
  const digits = plain.replace(/_/g, '');
  if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(digits)) throw problem(`tag !!float on '${plain}', which is not a number`);
  const value = Number(digits);
  return Number.isInteger(value) ? new PyFloat(value) : value;
}

/** ruamel's SafeConstructor: the tags it reads (any other is a ConstructorError in DVC). */
const SAFE_TAGS = new Set(['null', 'bool', 'int', 'float', 'binary', 'timestamp', 'omap', 'pairs', 'set', 'str', 'seq', 'map']);

/** Why a tag the library could not resolve is refused: one DVC's loader does not know, or a standard one on a value of another type. */
function tagProblem(tag: string, message: string): string {
  const resolved = /tag:yaml\.org,2002:(\S+)/.exec(message)?.[1];
  if (resolved && SAFE_TAGS.has(resolved)) return `tag ${tag} on a value not written as one: mlreport does not convert it, so write the value untagged`;
  return `unknown tag ${tag}: DVC's YAML loader (ruamel's safe loader) reads only YAML's standard tags`;
}
