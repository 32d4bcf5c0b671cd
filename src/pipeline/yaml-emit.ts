import { keyValue, PyCollection, PyDate, PyDateTime, PyFloat, PyTime, type Raw, type RawMap } from '../dvc/python/value';
import { pyFloatRepr } from '../util/python-text';

/**
 * Writes a document byte for byte as DVC writes dvc.lock: ruamel.yaml's round-trip dumper with
 * `default_flow_style = False` (dvc/utils/serialize/_yaml.py), default width 80 and indents, unicode allowed.
 * This is a port of the part of ruamel's `Emitter` such documents reach (block mappings and sequences, empty
 * collections in flow style, plain / single-quoted / double-quoted scalars, `? ` keys) keeping its column
 * bookkeeping, because where a long scalar wraps depends on the exact column each write leaves behind.
 * test/pipeline/lock-emit-ruamel.test.ts compares it with ruamel itself on fuzzed documents.
 */
export function emitYaml(value: RawMap, folding: Folding = 'current'): string {
  const emitter = new Emitter(folding, anchorsOf(value));
  emitter.node(value, {});
  emitter.writeIndent();
  return emitter.out.join('');
}

/**
 * How long scalars wrap, which changed across ruamel.yaml versions: `current` is ruamel 0.18.13 and later
 * (checked against 0.19.1): a plain word that would pass column 80 moves to the next line, and double-quoted
 * scalars drop the `\` before a break where the reader would not need it (0.18.11–12). `legacy` is ruamel
 * before 0.18.11 (checked against 0.17.21, Debian 12's): PyYAML's rules, breaking at the first space past
 * column 80.
 */
export type Folding = 'current' | 'legacy';

/**
 * The anchors ruamel's serializer gives a document (`Serializer.anchor_node`): a list or mapping met a second time
 * (one Python object in two places, as DVC's params values are when a YAML alias shares them) is named `id001`,
 * `id002`, … in the order the depth-first walk meets it again; it is written `&id001` where it first stands and
 * `*id001` after. Strings, numbers and other scalars are never aliased (`ignore_aliases`).
 */
function anchorsOf(root: RawMap): Map<object, string> {
  const anchors = new Map<object, string>();
  const seen = new Set<object>();
  const walk = (value: Raw): void => {
    if (!(Array.isArray(value) || value instanceof Map || value instanceof PyCollection)) return;
    if (seen.has(value)) {
      if (!anchors.has(value)) anchors.set(value, `id${String(anchors.size + 1).padStart(3, '0')}`);
      return;
    }
    seen.add(value);
    if (value instanceof Map) for (const v of value.values()) walk(v);
    else for (const v of value instanceof PyCollection ? value.items : value) walk(v);
  };
  walk(root);
  return anchors;
}

/** Big ints are bigints (ruamel writes Python's `str(int)`). */
type Scalar = Exclude<Raw, Raw[] | RawMap | PyCollection>;

function isScalar(value: Raw): value is Scalar {
  return !(Array.isArray(value) || value instanceof Map || value instanceof PyCollection);
}

interface Context {
  sequence?: boolean;
  mapping?: boolean;
  simpleKey?: boolean;
}

/** What ruamel's serializer hands the emitter for a scalar: its text, and whether a plain reading gives it back. */
interface ScalarEvent {
  text: string[];
  isNull: boolean;
  /** Plain text resolves to this scalar's type (`implicit[0]`); only strings can fail this. */
  plainResolves: boolean;
  /** The type's tag (`!!str`, `!!int`, ...): not written, but counted against the simple key length. */
  tag: string;
}

interface Analysis {
  empty: boolean;
  multiline: boolean;
  allowBlockPlain: boolean;
  allowSingleQuoted: boolean;
}

type Style = '' | "'" | '"';

const BEST_WIDTH = 80;
const INDENT = 2;
const MAX_SIMPLE_KEY_LENGTH = 128;
const BREAKS = '\n\x85\u2028\u2029';
const SPACE_OR_BREAK = '\0 \t\r\n\x85\u2028\u2029';

class Emitter {
  readonly out: string[] = [];
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent: number | null = null;
  /** Enclosing indents, each with whether it belongs to a block sequence (ruamel's `Indents`). */
  private readonly indents: [number | null, boolean][] = [];
  private sequenceContext = false;
  private simpleKeyContext = false;
  /** Anchored collections already written once: the next time, an alias. */
  private readonly anchored = new Set<object>();
  /** An anchor was written just before this collection (ruamel's `process_anchor`), so it starts on a new line. */
  private afterAnchor = false;

  constructor(
    private readonly folding: Folding,
    private readonly anchors: Map<object, string> = new Map(),
  ) {}

  node(value: Raw, context: Context): void {
    this.sequenceContext = context.sequence ?? false;
    this.simpleKeyContext = context.simpleKey ?? false;
    this.afterAnchor = false;
    const anchor = typeof value === 'object' && value !== null ? this.anchors.get(value) : undefined;
    if (anchor !== undefined) {
      if (this.anchored.has(value as object)) return this.writeIndicator(`*${anchor}`, true);
      this.anchored.add(value as object);
      this.writeIndicator(`&${anchor}`, true);
      this.afterAnchor = true;
    }
    if (value instanceof PyCollection && value.kind === 'set' && value.items.every(isScalar)) {
      // ruamel's `represent_set`: a mapping of the items to nothing, tagged, which DVC's loader reads back as a set.
      this.writeIndicator('!!set', true);
      if (!value.items.length) return this.emptyFlow('{', '}');
      return this.blockMapping(value.items.map((item) => [item, null]));
    }
    // Tuples (from a Python params file) are written as lists, as ruamel writes them; so is a set holding a tuple,
    // which ruamel would write with complex keys.
    const items = value instanceof PyCollection ? value.items : value;
    if (Array.isArray(items)) {
      if (!items.length) return this.emptyFlow('[', ']');
      this.blockSequence(items, context.mapping ?? false);
    } else if (items instanceof Map) {
      if (!items.size) return this.emptyFlow('{', '}');
      this.blockMapping([...items].map(([k, v]) => [keyValue(items, k), v]));
    } else {
      this.scalar(scalarEvent(items));
    }
  }

  private blockSequence(items: Raw[], mappingContext: boolean): void {
    this.increaseIndent(true, mappingContext && !this.indention);
    // A sequence that is an item of a sequence starts on its parent's `- ` line (after an anchor, on the next).
    if (this.indents.at(-2)?.[1] && !this.afterAnchor) this.indention = true;
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, { sequence: true });
    }
    this.indent = this.indents.pop()![0];
  }

  private blockMapping(entries: [Raw, Raw][]): void {
    this.increaseIndent(false, false);
    for (const [key, value] of entries) {
      this.writeIndent();
      const event = scalarEvent(key as Scalar);
      if (isSimpleKey(event)) {
        this.sequenceContext = false;
        this.simpleKeyContext = true;
        this.scalar(event);
        this.writeIndicator(':', false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.sequenceContext = false;
        this.simpleKeyContext = false;
        this.scalar(event);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(value, { mapping: true });
    }
    this.indent = this.indents.pop()![0];
  }

  /** `[]` and `{}`: ruamel writes empty collections in flow style even with `default_flow_style = False`. */
  private emptyFlow(open: string, close: string): void {
    const top = this.indents.at(-1);
    const align = this.indents.length < 2 || !top?.[1] ? 0 : (top[0] ?? 0) + INDENT - this.column - 1;
    this.writeIndicator(' '.repeat(Math.max(0, align)) + open, true, true);
    this.writeIndicator(close, false);
    this.writeLineBreak();
  }

  private scalar(event: ScalarEvent): void {
    this.indents.push([this.indent, false]);
    this.indent = (this.indent ?? 0) + INDENT;
    const analysis = analyze(event.text);
    let text = event.text;
    let style = this.chooseStyle(event, analysis);
    // A null key would be an empty key; ruamel writes `null` (its emitter's `alt_null`).
    if (event.isNull && style === "'") {
      text = [...'null'];
      style = this.chooseStyle({ ...event, text }, analyze(text));
    }
    const split = !this.simpleKeyContext;
    if (this.sequenceContext) this.writeIndent();
    if (style === '"') this.writeDoubleQuoted(text, split);
    else if (style === "'") this.writeSingleQuoted(text, split);
    else this.writePlain(text, split);
    this.indent = this.indents.pop()![0];
  }

  private chooseStyle(event: ScalarEvent, analysis: Analysis): Style {
    if (event.plainResolves && !(this.simpleKeyContext && (analysis.empty || analysis.multiline)) && analysis.allowBlockPlain) return '';
    if (event.text.includes("'") || event.text.includes('\n')) return '"';
    if (analysis.allowSingleQuoted && !(this.simpleKeyContext && analysis.multiline)) return "'";
    return '"';
  }

  private increaseIndent(sequence: boolean, indentless: boolean): void {
    this.indents.push([this.indent, sequence]);
    if (this.indent === null) this.indent = 0;
    else if (!indentless) this.indent += INDENT;
  }

  writeIndent(): void {
    const indent = this.indent ?? 0;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.writeLineBreak();
    if (this.column < indent) {
      this.whitespace = true;
      this.write(' '.repeat(indent - this.column));
      this.column = indent;
    }
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, whitespace = false, indention = false): void {
    const data = this.whitespace || !needWhitespace ? indicator : ` ${indicator}`;
    this.whitespace = whitespace;
    this.indention = this.indention && indention;
    this.column += data.length;
    this.write(data);
  }

  private writeLineBreak(data = '\n'): void {
    this.whitespace = true;
    this.indention = true;
    this.column = 0;
    this.write(data);
  }

  private write(data: string): void {
    this.out.push(data);
  }

  /** Writes `chars` (code points, as Python indexes a str) and moves the column on by their count. */
  private put(chars: string[]): void {
    this.column += chars.length;
    this.write(chars.join(''));
  }

  private writeBreaks(breaks: string[]): void {
    if (breaks[0] === '\n') this.writeLineBreak();
    for (const br of breaks) this.writeLineBreak(br);
    this.writeIndent();
  }

  private writePlain(text: string[], split: boolean): void {
    if (!text.length) return;
    if (!this.whitespace) this.put([' ']);
    this.whitespace = false;
    this.indention = false;
    let spaces = false;
    let start = 0;
    for (let end = 0; end <= text.length; end++) {
      const ch = text[end];
      if (spaces) {
        if (ch !== ' ') {
          const pastWidth = this.folding === 'current' ? this.column >= BEST_WIDTH : this.column > BEST_WIDTH;
          if (start + 1 === end && pastWidth && split) {
            this.writeIndent();
            this.whitespace = false;
            this.indention = false;
          } else {
            this.put(text.slice(start, end));
          }
          start = end;
        }
      } else if (ch === undefined || ch === ' ') {
        const word = text.slice(start, end);
        // ruamel 0.18.13: a word that would pass the width starts a line of its own. ruamel does this in keys
        // too (it forgets `split` here), which makes a dvc.lock it cannot read back; keys stay on one line.
        if (this.folding === 'current' && split && word.length + this.column > BEST_WIDTH && this.indent !== null && this.column > this.indent) {
          this.writeIndent();
        }
        this.put(word);
        start = end;
      }
      spaces = ch === ' ';
    }
  }

  private writeSingleQuoted(text: string[], split: boolean): void {
    this.writeIndicator("'", true);
    let spaces = false;
    let breaks = false;
    let start = 0;
    for (let end = 0; end <= text.length; end++) {
      const ch = text[end];
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.column > BEST_WIDTH && split && start !== 0 && end !== text.length) this.writeIndent();
          else this.put(text.slice(start, end));
          start = end;
        }
      } else if (breaks) {
        if (ch === undefined || !BREAKS.includes(ch)) {
          this.writeBreaks(text.slice(start, end));
          start = end;
        }
      } else if (ch === undefined || ` ${BREAKS}'`.includes(ch)) {
        if (start < end) {
          this.put(text.slice(start, end));
          start = end;
        }
      }
      if (ch === "'") {
        this.put(["'", "'"]);
        start = end + 1;
      }
      if (ch !== undefined) {
        spaces = ch === ' ';
        breaks = BREAKS.includes(ch);
      }
    }
    this.writeIndicator("'", false);
  }

  private writeDoubleQuoted(text: string[], split: boolean): void {
    this.writeIndicator('"', true);
    let start = 0;
    for (let end = 0; end <= text.length; end++) {
      const ch = text[end];
      if (ch === undefined || '"\\\x85\u2028\u2029\ufeff'.includes(ch) || !this.printableInDoubleQuotes(ch)) {
        if (start < end) {
          this.put(text.slice(start, end));
          start = end;
        }
        if (ch !== undefined) {
          this.put([...escape(ch)]);
          start = end + 1;
        }
      }
      if (0 < end && end < text.length - 1 && (ch === ' ' || start >= end) && this.column + (end - start) > BEST_WIDTH && split) {
        const backslash = this.folding === 'legacy' || needsBackslash(text, start, end);
        this.put([...text.slice(start, end), ...(backslash ? ['\\'] : [])]);
        if (start < end) start = end;
        this.writeIndent();
        this.whitespace = false;
        this.indention = false;
        if (text[start] === ' ') {
          // A break reads back as a space, so either the space is escaped or it is the break itself.
          if (backslash) this.put(['\\']);
          else start += 1;
        }
      }
    }
    this.writeIndicator('"', false);
  }

  private printableInDoubleQuotes(ch: string): boolean {
    const c = ch.codePointAt(0)!;
    if (c >= 0x20 && c <= 0x7e) return true;
    if ((c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd)) return true;
    return this.folding === 'current' && c >= 0x10000;
  }
}

/** ruamel 0.18.12's test (emitter.py `write_double_quoted`) for whether a break needs a `\` before it. */
function needsBackslash(text: string[], start: number, end: number): boolean {
  let spacePos = text.indexOf(' ', end);
  if (spacePos < 0) return true;
  const newline = text.indexOf('\n', end);
  if (newline >= 0 && newline < spacePos) spacePos = newline;
  const after = text[spacePos + 1];
  if (after === undefined) return true;
  if (text[spacePos] === '\n' && after !== ' ') return true;
  const word = text.slice(end, spacePos);
  return word.includes('"') || word.includes("'") || ' \n'.includes(after) || text.slice(end - 1, end + 1).join('') === '  ' || start === end;
}

const ESCAPES: Record<string, string> = {
  '\0': '0',
  '\x07': 'a',
  '\x08': 'b',
  '\t': 't',
  '\n': 'n',
  '\x0b': 'v',
  '\x0c': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\x85': 'N',
  '\xa0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

function escape(ch: string): string {
  const named = ESCAPES[ch];
  if (named) return `\\${named}`;
  const c = ch.codePointAt(0)!;
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (c <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/** ruamel's representers (RoundTripRepresenter, falling back to SafeRepresenter) and serializer for one scalar. */
function scalarEvent(value: Scalar): ScalarEvent {
  const plain = (text: string, tag: string): ScalarEvent => ({ text: [...text], isNull: false, plainResolves: true, tag });
  if (value === null) return { text: [], isNull: true, plainResolves: true, tag: '!!null' };
  if (typeof value === 'boolean') return plain(String(value), '!!bool');
  if (value instanceof PyFloat) return plain(floatText(value.value), '!!float');
  // SafeRepresenter.represent_date: its isoformat(), plain.
  if (value instanceof PyDate) return plain(value.iso, '!!timestamp');
  // SafeRepresenter.represent_datetime: `isoformat(' ')`, its str(), plain (the zone as an offset).
  if (value instanceof PyDateTime) return plain(value.text, '!!timestamp');
  // ruamel has no representer for a time (`cannot represent an object`); the pipeline refuses one first (lockable).
  if (value instanceof PyTime) throw new Error(`cannot represent a time (${value.text}) in YAML`);
  if (typeof value === 'bigint') return plain(String(value), '!!int');
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return plain(floatText(value), '!!float');
    return plain(Number.isSafeInteger(value) ? String(value) : BigInt(value).toString(), '!!int');
  }
  return { text: [...value], isNull: false, plainResolves: !resolvesToNonString(value), tag: '!!str' };
}

/** SafeRepresenter's `represent_float`: `repr(x).lower()`, with .nan / .inf. */
function floatText(x: number): string {
  if (Number.isNaN(x)) return '.nan';
  if (!Number.isFinite(x)) return x > 0 ? '.inf' : '-.inf';
  return pyFloatRepr(x).toLowerCase();
}

/**
 * ruamel's YAML 1.2 implicit resolvers (resolver.py), each tried only for strings starting with one of its
 * characters: a string that a plain reading would turn into anything else must be quoted.
 */
const RESOLVERS: [string, RegExp][] = [
  ['tTfF', /^(?:true|True|TRUE|false|False|FALSE)$/],
  [
    '-+0123456789.',
    /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  ],
  ['-+0123456789', /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/],
  ['<', /^<<$/],
  ['~nN', /^(?:~|null|Null|NULL)$/],
  [
    '0123456789',
    /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  ],
  ['=', /^=$/],
  ['!&*', /^[!&*]$/],
];

function resolvesToNonString(s: string): boolean {
  return s === '' || RESOLVERS.some(([first, re]) => first.includes(s[0]!) && re.test(s));
}

/** A key is written `key: value` unless it (with its tag) is too long or spans lines; then `? key` / `: value`. */
function isSimpleKey(event: ScalarEvent): boolean {
  return event.tag.length + event.text.length < MAX_SIMPLE_KEY_LENGTH && !analyze(event.text).multiline;
}

/** ruamel's `analyze_scalar` for block context, unicode allowed. */
function analyze(text: string[]): Analysis {
  if (!text.length) return { empty: true, multiline: false, allowBlockPlain: true, allowSingleQuoted: true };
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  const first = text.slice(0, 3).join('');
  if (first === '---' || first === '...') blockIndicators = true;
  let precededByWhitespace = true;
  let followedByWhitespace = text.length === 1 || SPACE_OR_BREAK.includes(text[1]!);
  let previousSpace = false;
  let previousBreak = false;
  for (let index = 0; index < text.length; index++) {
    const ch = text[index]!;
    if (index === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ('?:-'.includes(ch) && followedByWhitespace) blockIndicators = true;
    } else if ((ch === ':' && followedByWhitespace) || (ch === '#' && precededByWhitespace)) {
      blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    if (!(ch === '\n' || (ch >= ' ' && ch <= '~'))) {
      const c = ch.codePointAt(0)!;
      const printable = c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
      if (!printable || c === 0xfeff) special = true;
    }
    if (ch === ' ') {
      if (index === 0) leadingSpace = true;
      if (index === text.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (index === 0) leadingBreak = true;
      if (index === text.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = SPACE_OR_BREAK.includes(ch);
    followedByWhitespace = index + 2 >= text.length || SPACE_OR_BREAK.includes(text[index + 2]!);
  }
  let allowBlockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let allowSingleQuoted = true;
  if (breakSpace || special || spaceBreak) allowBlockPlain = allowSingleQuoted = false;
  if (lineBreaks || blockIndicators) allowBlockPlain = false;
  return { empty: false, multiline: lineBreaks, allowBlockPlain, allowSingleQuoted };
}
