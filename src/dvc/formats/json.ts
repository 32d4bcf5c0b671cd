import { pyNumber, type ParsedFile, type Raw, type RawMap } from '../python/value';

/** Deeper than this is not a metrics file; stop before the stack does. */
export const MAX_DEPTH = 2000;

export class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/**
 * Why a JSON file that opens with a UTF-8 byte order mark does not load, as DVC says it: DVC decodes values files as
 * `utf-8`, not `utf-8-sig`, so the mark stays in the text and `json.loads` refuses it; null without one. Text decoders
 * drop the mark, so this looks at the bytes.
 */
export function jsonBomProblem(bytes: Uint8Array): string | null {
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) return null;
  return 'line 1 column 1: Unexpected UTF-8 BOM, which DVC does not read in a JSON file either: save it as UTF-8 without a BOM';
}

/**
 * JSON as Python's `json.loads` reads it (what DVC uses): `NaN`/`Infinity` accepted, a repeated key keeps
 * its last value, `1.0` stays a float. Written by hand because `JSON.parse` loses int vs float and
 * positions; errors carry line and column.
 */
export function parseJson(text: string): ParsedFile {
  const warnings: string[] = [];
  let i = 0;
  let nextBackslash = text.indexOf('\\');
  const fail = (message: string, at = i): never => {
    const { line, column } = lineColumn(text, at);
    throw new SyntaxProblem(message, line, column);
  };
  const ws = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else return;
    }
  };
  const value = (depth: number): Raw => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`);
    ws();
    const c = text[i];
    if (c === '{') return object(depth);
    if (c === '[') return array(depth);
    if (c === '"') return string();
    if (c === undefined) return fail('unexpected end of file, expected a value');
    for (const [word, v] of LITERALS) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v();
      }
    }
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    return fail(`unexpected character ${JSON.stringify(c)}, expected a value`);
  };
  const object = (depth: number): RawMap => {
    const out: RawMap = new Map();
    const start = i;
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') fail('expected a "quoted" key');
      const keyAt = i;
      const key = string();
      ws();
      if (text[i] !== ':') fail("expected ':' after the key");
      i++;
      const v = value(depth + 1);
      if (out.has(key)) {
        const { line } = lineColumn(text, keyAt);
        warnings.push(`line ${line}: key ${JSON.stringify(key)} repeats; the last value counts (as in DVC)`);
      }
      // Python's json.loads sets each pair into a dict: a key that repeats keeps its first place, with the last value.
      out.set(key, v);
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === '}') {
        i++;
        return out;
      } else fail(text[i] === undefined ? `unexpected end of file in the object opened at ${where(text, start)}` : "expected ',' or '}'");
    }
  };
  const array = (depth: number): Raw[] => {
    const out: Raw[] = [];
    const start = i;
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      out.push(value(depth + 1));
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === ']') {
        i++;
        return out;
      } else fail(text[i] === undefined ? `unexpected end of file in the list opened at ${where(text, start)}` : "expected ',' or ']'");
    }
  };
  const string = (): string => {
    const start = i;
    i++;
    let out = '';
    let chunk = i;
    for (;;) {
      // Fast path: jump to the next quote or backslash (10 MB strings stay linear).
      const q = text.indexOf('"', i);
      // The next backslash is remembered: searching afresh for each string would rescan the file.
      if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = text.indexOf('\\', i);
      const b = nextBackslash;
      if (q === -1) fail('unterminated string', start);
      const stop = b !== -1 && b < q ? b : q;
      for (let k = i; k < stop; k++) if (text.charCodeAt(k) < 0x20) fail('control character in a string', k);
      if (stop === q) {
        out += text.slice(chunk, q);
        i = q + 1;
        return out;
      }
      out += text.slice(chunk, b);
      const e = text[b + 1];
      i = b + 2;
      if (e === 'u') {
        const hex = text.slice(i, i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid \\u escape', b);
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else if (e !== undefined && e in ESCAPES) out += ESCAPES[e];
      else fail(`invalid escape \\${e ?? ''}`, b);
      chunk = i;
    }
  };
  const number = (): Raw => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) {
      if (text.startsWith('-Infinity', i)) {
        i += 9;
        return pyNumber(-Infinity, true);
      }
      return fail('invalid number');
    }
    i += m[0].length;
    const isFloat = m[1] !== undefined || m[2] !== undefined;
    const n = Number(m[0]);
    if (!isFloat && !Number.isSafeInteger(n)) return BigInt(m[0]);
    return pyNumber(n, isFloat);
  };

  const data = value(0);
  ws();
  if (i < text.length) fail('extra data after the JSON value');
  return { data, warnings };
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const LITERALS: [string, () => Raw][] = [
  ['true', () => true],
  ['false', () => false],
  ['null', () => null],
  ['NaN', () => pyNumber(NaN, true)],
  ['Infinity', () => pyNumber(Infinity, true)],
];

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    lastBreak = k;
  }
  return { line, column: offset - lastBreak };
}

function where(text: string, offset: number): string {
  const { line, column } = lineColumn(text, offset);
  return `line ${line}, column ${column}`;
}
