import { SyntaxProblem } from './json';
import { keyValue, PyCollection, PyFloat, pyEqual, setKeyValue, type ParsedFile, type Raw, type RawMap } from '../python/value';
import { pyFloatRepr } from '../../util/python-text';
import { pyRepr } from '../python/format';
import { pySetOrder } from '../python/set-order';

/**
 * Params from a `.py` file the way DVC reads them (dvc/utils/serialize/_py.py): module-level `NAME = literal`
 * (and `NAME: type = literal`), classes as nested mappings of their own such assignments, and `self.NAME =
 * literal` inside an `__init__` (or anywhere else, as DVC's `_get_ast_name` takes it). Values are what Python's
 * `ast.literal_eval` accepts; anything else (calls, arithmetic such as `1.0 - 1`, f-strings, several targets) is
 * skipped, as DVC skips it. Nothing is executed.
 * A file Python cannot parse is an error, as DVC's `ast.parse` makes it one (PythonFileCorruptedError), not a file
 * of fewer params.
 */
export function parsePython(text: string): ParsedFile {
  const lines = logicalLines(tokenize(text));
  checkSyntax(lines);
  const [data] = block(lines, 0, -1, false);
  return { data, warnings: [] };
}

type TokenKind = 'name' | 'number' | 'string' | 'op';
interface Token {
  kind: TokenKind;
  text: string;
  /** For strings: the decoded value, or null when Python's literal_eval would refuse it (f/bytes). */
  value?: string | null;
  line: number;
}
interface Line {
  indent: number;
  tokens: RawToken[];
}

/** Reads the statements of a block whose lines are indented more than `parentIndent`; returns the mapping and the next line index. */
function block(lines: Line[], start: number, parentIndent: number, onlySelf: boolean): [RawMap, number] {
  const out: RawMap = new Map();
  let i = start;
  const indent = lines[start]?.indent ?? 0;
  while (i < lines.length && lines[i]!.indent > parentIndent) {
    const line = lines[i]!;
    if (line.indent !== indent) {
      i++;
      continue;
    }
    const [first, second] = line.tokens;
    const opensBlock = line.tokens.at(-1)?.text === ':';
    if (first?.text === 'class' && second?.kind === 'name' && opensBlock) {
      const [body, next] = lines[i + 1] && lines[i + 1]!.indent > indent ? block(lines, i + 1, indent, false) : [new Map<string, Raw>(), i + 1];
      out.set(second.text, body);
      i = next;
      continue;
    }
    if (first?.text === 'def' && second?.text === '__init__' && opensBlock) {
      const [body, next] = lines[i + 1] && lines[i + 1]!.indent > indent ? block(lines, i + 1, indent, true) : [new Map<string, Raw>(), i + 1];
      for (const [k, v] of body) out.set(k, v);
      i = next;
      continue;
    }
    const assigned = assignment(line.tokens, onlySelf);
    if (assigned) out.set(assigned[0], assigned[1]);
    i++;
  }
  return [out, i];
}

function assignment(tokens: Token[], onlySelf: boolean): [string, Raw] | null {
  let k = 0;
  let name: string;
  // DVC's `_get_ast_name`: `self.NAME` is NAME wherever it is assigned (at module level and in a class body too);
  // a plain NAME only outside an `__init__`.
  if (tokens[0]?.text === 'self' && tokens[1]?.text === '.' && tokens[2]?.kind === 'name') {
    name = tokens[2].text;
    k = 3;
  } else if (onlySelf) {
    return null;
  } else {
    if (tokens[0]?.kind !== 'name' || KEYWORDS.has(tokens[0].text)) return null;
    name = tokens[0].text;
    k = 1;
  }
  if (tokens[k]?.text === ':') {
    // An annotation: skip to the top-level '='.
    let depth = 0;
    k++;
    while (k < tokens.length && !(depth === 0 && tokens[k]!.text === '=')) {
      if ('([{'.includes(tokens[k]!.text)) depth++;
      if (')]}'.includes(tokens[k]!.text)) depth--;
      k++;
    }
  }
  if (tokens[k]?.text !== '=') return null;
  const rest = tokens.slice(k + 1);
  // `a = b = 1` has two targets: DVC skips it.
  if (rest.some((t, idx) => t.text === '=' && depthAt(rest, idx) === 0)) return null;
  const value = literal(rest);
  return value === FAIL ? null : [name, value];
}

function depthAt(tokens: Token[], idx: number): number {
  let depth = 0;
  for (let k = 0; k < idx; k++) {
    if ('([{'.includes(tokens[k]!.text)) depth++;
    if (')]}'.includes(tokens[k]!.text)) depth--;
  }
  return depth;
}

const FAIL = Symbol('not a literal');
type Parsed = Raw | typeof FAIL;

/** `ast.literal_eval` over tokens: a bare `a, b` is a tuple, as on the right of an assignment. */
function literal(tokens: Token[]): Parsed {
  let i = 0;
  const peek = (): string | undefined => tokens[i]?.text;
  const items = (close: string): Raw[] | typeof FAIL => {
    const out: Raw[] = [];
    while (peek() !== close) {
      const v = expr();
      if (v === FAIL) return FAIL;
      out.push(v);
      if (peek() === ',') i++;
      else if (peek() !== close) return FAIL;
    }
    i++;
    return out;
  };
  const expr = (): Parsed => {
    const t = tokens[i];
    if (!t) return FAIL;
    i++;
    if (t.kind === 'number') return number(t.text);
    if (t.kind === 'string') {
      let s = t.value;
      while (tokens[i]?.kind === 'string') {
        const next = tokens[i++]!.value;
        s = s === null || s === undefined || next === null || next === undefined ? null : s + next;
      }
      return s ?? FAIL;
    }
    if (t.text === '-' || t.text === '+') {
      const n = tokens[i];
      if (n?.kind !== 'number') return FAIL;
      i++;
      const v = number(n.text);
      if (t.text === '+' || v === FAIL) return v;
      if (v instanceof PyFloat) return new PyFloat(-v.value);
      if (typeof v === 'bigint') return -v;
      return -(v as number);
    }
    if (t.text === 'True') return true;
    if (t.text === 'False') return false;
    if (t.text === 'None') return null;
    if (t.text === 'set' && peek() === '(' && tokens[i + 1]?.text === ')') {
      i += 2;
      return new PyCollection('set', []);
    }
    if (t.text === '[') {
      const v = items(']');
      return v;
    }
    if (t.text === '(') {
      if (peek() === ')') {
        i++;
        return new PyCollection('tuple', []);
      }
      const first = expr();
      if (first === FAIL) return FAIL;
      if (peek() === ')') {
        i++;
        return first;
      }
      if (peek() !== ',') return FAIL;
      i++;
      const more = items(')');
      return more === FAIL ? FAIL : new PyCollection('tuple', [first, ...more]);
    }
    if (t.text === '{') {
      if (peek() === '}') {
        i++;
        return new Map();
      }
      const first = expr();
      if (first === FAIL) return FAIL;
      if (peek() !== ':') {
        if (peek() === ',') i++;
        else if (peek() !== '}') return FAIL;
        const more = items('}');
        if (more === FAIL) return FAIL;
        // A set holds one of equal items (1, 1.0 and True are one), the first written, in Python's order.
        const set: Raw[] = [];
        for (const item of [first, ...more]) if (!set.some((x) => pyEqual(x, item))) set.push(item);
        return new PyCollection('set', pySetOrder(set));
      }
      const map: RawMap = new Map();
      let key: Raw = first;
      for (;;) {
        if (peek() !== ':') return FAIL;
        i++;
        const v = expr();
        if (v === FAIL) return FAIL;
        if (typeof key === 'string') map.set(key, v);
        else {
          // A key that is not a string stays one (`{1: 'one'}` is written `1: one` in dvc.lock, as ruamel writes the
          // int); an equal key already there (1, 1.0, True) keeps its place and first form and takes the new value.
          const same = [...map.keys()].find((k) => pyEqual(keyValue(map, k), key));
          const name = same ?? pyRepr(key);
          map.set(name, v);
          if (same === undefined && isScalarKey(key)) setKeyValue(map, name, key);
        }
        if (peek() === ',') i++;
        if (peek() === '}') {
          i++;
          return map;
        }
        const k = expr();
        if (k === FAIL) return FAIL;
        key = k;
      }
    }
    return FAIL;
  };
  const first = expr();
  if (first === FAIL) return FAIL;
  if (i === tokens.length) return first;
  if (peek() !== ',') return FAIL;
  const rest: Raw[] = [first];
  while (peek() === ',') {
    i++;
    if (i === tokens.length) break;
    const v = expr();
    if (v === FAIL) return FAIL;
    rest.push(v);
  }
  return i === tokens.length ? new PyCollection('tuple', rest) : FAIL;
}

/** A key dvc.lock can hold as itself: a number, a boolean or None (a tuple key stays its text). */
function isScalarKey(key: Raw): boolean {
  return key === null || typeof key === 'number' || typeof key === 'bigint' || typeof key === 'boolean' || key instanceof PyFloat;
}

function number(text: string): Parsed {
  const t = text.replace(/_/g, '').toLowerCase();
  if (t.endsWith('j')) {
    // An imaginary literal: literal_eval keeps the complex number; DVC prints it as Python does (`2.5j`).
    const v = Number(t.slice(0, -1));
    return Number.isNaN(v) ? FAIL : `${Number.isInteger(v) ? String(v) : pyFloatRepr(v)}j`;
  }
  if (/^0[xob]/.test(t)) {
    const big = BigInt(t);
    return Number.isSafeInteger(Number(big)) ? Number(big) : big;
  }
  if (/^\d+$/.test(t)) {
    if (/^0+\d/.test(t)) return FAIL;
    return Number.isSafeInteger(Number(t)) ? Number(t) : BigInt(t);
  }
  const n = Number(t.endsWith('.') ? `${t}0` : t);
  if (Number.isNaN(n)) return FAIL;
  return Number.isInteger(n) || !Number.isFinite(n) ? new PyFloat(n) : n;
}

const KEYWORDS = new Set([
  'class',
  'def',
  'if',
  'elif',
  'else',
  'for',
  'while',
  'try',
  'except',
  'finally',
  'with',
  'import',
  'from',
  'return',
  'pass',
  'global',
  'nonlocal',
  'del',
  'assert',
  'raise',
  'async',
  'await',
  'lambda',
  'yield',
  'break',
  'continue',
  'match',
  'case',
]);
const OPERATORS = [
  '**=',
  '//=',
  '>>=',
  '<<=',
  '...',
  '->',
  ':=',
  '**',
  '//',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '@=',
];

interface RawToken extends Token {
  /** Column of a token that starts a physical line outside brackets (for indentation). */
  column: number;
  newline?: boolean;
}

function tokenize(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  const brackets: { ch: string; line: number; column: number }[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const fail = (message: string, at = i): never => {
    const l = text.slice(0, at).split('\n').length;
    throw new SyntaxProblem(message, l, at - text.lastIndexOf('\n', at - 1));
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      if (!brackets.length) tokens.push({ kind: 'op', text: '\n', line, column: i - lineStart, newline: true });
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\n' ? 2 : 3;
      line++;
      lineStart = i;
      continue;
    }
    const column = i - lineStart;
    const str = /^([rRbBuUfF]{0,2})(['"])/.exec(text.slice(i, i + 3));
    if (str && /^(?:[rR]|[bB]|[uU]|[fF]|[rR][bBfF]|[bBfF][rR])?$/.test(str[1]!)) {
      const prefix = str[1]!.toLowerCase();
      const q = str[2]!;
      const open = i + prefix.length;
      const triple = text.startsWith(q.repeat(3), open);
      const delim = triple ? q.repeat(3) : q;
      let k = open + delim.length;
      const startLine = line;
      for (;;) {
        if (k >= text.length) fail(`unterminated string starting at line ${startLine}`, i);
        const ch = text[k]!;
        if (ch === '\\') {
          if (text[k + 1] === '\n') {
            line++;
            lineStart = k + 2;
          }
          k += 2;
          continue;
        }
        if (ch === '\n') {
          if (!triple) fail('unterminated string (end of line)', i);
          line++;
          lineStart = k + 1;
        }
        if (text.startsWith(delim, k)) break;
        k++;
      }
      const body = text.slice(open + delim.length, k);
      // f-strings are not literals (DVC skips them); bytes keep their Python spelling, as DVC prints them.
      const value = prefix.includes('f') ? null : prefix.includes('b') ? `b${q}${body}${q}` : prefix.includes('r') ? body : unescape(body);
      tokens.push({ kind: 'string', text: text.slice(i, k + delim.length), value, line: startLine, column });
      i = k + delim.length;
      continue;
    }
    const num = /^(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)/.exec(text.slice(i, i + 400));
    if (num && num[0] !== '.') {
      tokens.push({ kind: 'number', text: num[0], line, column });
      i += num[0].length;
      continue;
    }
    const name = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(text.slice(i, i + 400));
    if (name) {
      tokens.push({ kind: 'name', text: name[0], line, column });
      i += name[0].length;
      continue;
    }
    if ('([{'.includes(c)) brackets.push({ ch: c, line, column });
    if (')]}'.includes(c)) {
      const open = brackets.pop();
      if (!open || '([{'.indexOf(open.ch) !== ')]}'.indexOf(c)) fail(`unmatched '${c}'`);
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i)) ?? c;
    tokens.push({ kind: 'op', text: op, line, column });
    i += op.length;
  }
  const open = brackets.pop();
  if (open) throw new SyntaxProblem(`'${open.ch}' was never closed`, open.line, open.column + 1);
  return tokens;
}

function logicalLines(tokens: RawToken[]): Line[] {
  const lines: Line[] = [];
  let current: RawToken[] = [];
  // `a = 1; b = 2` is two statements on one line.
  const statements = (tokens: RawToken[], indent: number): void => {
    let part: RawToken[] = [];
    for (const t of tokens) {
      if (t.text === ';') {
        if (part.length) lines.push({ indent, tokens: part });
        part = [];
      } else part.push(t);
    }
    if (part.length) lines.push({ indent, tokens: part });
  };
  const flush = (): void => {
    if (current.length) {
      const indent = current[0]!.column;
      // `class C: X = 1; Y = 2` is a block on the header's line: its statements go one level deeper (at an indent no
      // physical line can have), as Python reads them into the class.
      const colon = COMPOUND.has(current[0]!.text) ? headerEnd(current) : -1;
      if (colon >= 0 && colon < current.length - 1) {
        lines.push({ indent, tokens: current.slice(0, colon + 1) });
        statements(current.slice(colon + 1), indent + 0.5);
      } else statements(current, indent);
    }
    current = [];
  };
  for (const t of tokens) {
    if (t.newline) flush();
    else current.push(t);
  }
  flush();
  return lines;
}

/** Statements whose header ends at a `:` and may have their body on the same line. */
const COMPOUND = new Set(['class', 'def', 'if', 'elif', 'else', 'for', 'while', 'try', 'except', 'finally', 'with', 'async']);

/** The index of the `:` that ends a compound statement's header: the first outside brackets not a lambda's; -1 if none. */
function headerEnd(tokens: RawToken[]): number {
  let depth = 0;
  let lambdas = 0;
  for (const [k, t] of tokens.entries()) {
    if ('([{'.includes(t.text)) depth++;
    else if (')]}'.includes(t.text)) depth--;
    else if (depth === 0 && t.text === 'lambda') lambdas++;
    else if (depth === 0 && t.text === ':') {
      if (!lambdas) return k;
      lambdas--;
    }
  }
  return -1;
}

/** Operators that need an operand after them: a statement cannot end with one. */
const NEEDS_OPERAND = new Set(['=', ...OPERATORS.filter((o) => o.endsWith('=') && !['<=', '>=', '==', '!='].includes(o))]);
for (const o of ['+', '-', '*', '/', '//', '%', '**', '@', '<<', '>>', '&', '|', '^', '~', '<', '>', '<=', '>=', '==', '!=', '.', '->']) NEEDS_OPERAND.add(o);
/** Names that may stand between two operands or before a literal (`1 if a else 2`, `return 1`, `case "x":`). */
const JOINING = new Set([...KEYWORDS, 'and', 'or', 'not', 'in', 'is', 'as', 'type']);

/**
 * The syntax errors Python's parser would raise that this reader can tell for certain from its tokens: an
 * indentation Python rejects, a statement that ends on an operator (`LR =`), and two literals with nothing between
 * them (`0.1 0.2`, `print "x"`). It is not a whole Python parser: it never rejects valid Python, and a rarer error
 * it does not see leaves the file read as DVC would have read its literals.
 */
function checkSyntax(lines: Line[]): void {
  const at = (t: RawToken, message: string, after = false): SyntaxProblem => new SyntaxProblem(message, t.line, t.column + 1 + (after ? t.text.length : 0));
  const indents = [0];
  let opener: RawToken | null = null;
  let openerIndent = 0;
  for (const line of lines) {
    const first = line.tokens[0]!;
    if (opener && line.indent <= openerIndent) throw at(first, `expected an indented block after line ${opener.line}`);
    if (line.indent > indents.at(-1)!) {
      if (!opener) throw at(first, 'unexpected indent');
      indents.push(line.indent);
    }
    while (line.indent < indents.at(-1)!) indents.pop();
    if (line.indent !== indents.at(-1)) throw at(first, 'unindent does not match any outer indentation level');
    const last = line.tokens.at(-1)!;
    opener = last.text === ':' ? last : null;
    openerIndent = line.indent;
    if (first.kind === 'op' && (first.text === '=' || (NEEDS_OPERAND.has(first.text) && first.text.endsWith('='))))
      throw at(first, `nothing before '${first.text}'`);
    const fromImport = last.text === '*' && line.tokens.at(-2)?.text === 'import';
    if (last.kind === 'op' && NEEDS_OPERAND.has(last.text) && !fromImport) throw at(last, `nothing after '${last.text}'`, true);
    // Python 3.12 lets an f-string reuse its quotes inside `{}`, which this tokenizer splits: such a line is not judged.
    const fString = line.tokens.some((t) => t.kind === 'string' && t.value === null);
    for (let k = 1; k < line.tokens.length && !fString; k++) {
      const a = line.tokens[k - 1]!;
      const b = line.tokens[k]!;
      const literalA = a.kind === 'number' || a.kind === 'string';
      const literalB = b.kind === 'number' || b.kind === 'string';
      // Adjacent strings concatenate; a literal beside a keyword is grammar (`1 if x else 2`, `return 1`).
      const adjacent =
        (literalA && literalB && !(a.kind === 'string' && b.kind === 'string')) ||
        (a.kind === 'number' && b.kind === 'name' && !JOINING.has(b.text)) ||
        (a.kind === 'name' && literalB && !JOINING.has(a.text));
      if (adjacent) throw at(b, `${b.text} right after ${a.text} (a missing operator or comma?)`);
    }
  }
  if (opener) throw at(opener, `expected an indented block after line ${opener.line}`, true);
}

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\n': '' };

function unescape(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|[\s\S])/g, (whole, e: string) => {
    if (e in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[e]!;
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCodePoint(parseInt(e, 8));
    return whole;
  });
}
