import { parse } from 'yaml';
import { isPyDict, PyFloat, pyEntries, pyKey, type PyDict, type PyValue } from './pyvalue';
import { pyFloatRepr } from '../util/python-text';

/**
 * A small block-style YAML emitter that writes what ruamel.yaml (DVC's dumper, default settings) writes:
 * 2-space mapping indent, sequences not indented under their key, scalars plain unless they must be
 * quoted, single quotes preferred, plain and single-quoted scalars folded after column 80.
 */
export function emitYaml(value: PyDict, folding: Folding = 'current'): string {
  const out: Out = { parts: [], folding };
  emitMapping(value, 0, out);
  return out.parts.join('');
}

/**
 * How long plain scalars wrap: ruamel.yaml 0.18.13 (June 2025) changed it. `current` breaks before a word
 * that would pass column 80; `legacy` (older ruamel, PyYAML's rule) breaks at the first space after it.
 */
export type Folding = 'current' | 'legacy';

interface Out {
  parts: string[];
  folding: Folding;
}

const BEST_WIDTH = 80;

function emitMapping(map: PyDict, indent: number, out: Out): void {
  for (const [key, value] of pyEntries(map)) {
    const keyText = `${' '.repeat(indent)}${scalarText(pyKey(map, key), 0, 0, false, out.folding)}:`;
    emitValue(keyText, value, indent, out);
  }
}

/** Emits `prefix` (a key with its colon, or a `-`) followed by the value. */
function emitValue(prefix: string, value: PyValue, indent: number, out: Out): void {
  if (Array.isArray(value)) {
    if (!value.length) return void out.parts.push(`${prefix} []\n`);
    out.parts.push(`${prefix}\n`);
    for (const item of value) emitSeqItem(item, indent, out);
  } else if (isPyDict(value)) {
    if (!Object.keys(value).length) return void out.parts.push(`${prefix} {}\n`);
    out.parts.push(`${prefix}\n`);
    emitMapping(value, indent + 2, out);
  } else if (value === null) {
    out.parts.push(`${prefix}\n`);
  } else {
    out.parts.push(`${prefix} ${scalarText(value, prefix.length + 1, indent + 2, true, out.folding)}\n`);
  }
}

function emitSeqItem(item: PyValue, indent: number, out: Out): void {
  const dash = `${' '.repeat(indent)}-`;
  if (isPyDict(item) && Object.keys(item).length) {
    const entries = pyEntries(item);
    const [firstKey, firstValue] = entries[0]!;
    emitValue(`${dash} ${scalarText(pyKey(item, firstKey), 0, 0, false, out.folding)}:`, firstValue, indent + 2, out);
    for (const [key, value] of entries.slice(1)) {
      emitValue(`${' '.repeat(indent + 2)}${scalarText(pyKey(item, key), 0, 0, false, out.folding)}:`, value, indent + 2, out);
    }
  } else if (Array.isArray(item) && item.length) {
    out.parts.push(`${dash}\n`);
    for (const inner of item) emitSeqItem(inner, indent + 2, out);
  } else {
    emitValue(dash, item, indent, out);
  }
}

/** A scalar as ruamel writes it; `column` is where it starts, `indent` where folded lines continue. */
function scalarText(value: PyValue, column: number, indent: number, split: boolean, folding: Folding): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (value instanceof PyFloat) return floatText(value.value);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  const style = chooseStyle(value);
  if (style === 'plain') return folding === 'current' ? fold(value, column, indent, split) : foldLegacy(value, column, indent, split);
  if (style === 'single' && !value.includes("'")) return foldQuoted(`'${value}'`, column, indent, split);
  if (style === 'single') return foldQuoted(JSON.stringify(value), column, indent, split);
  return JSON.stringify(value);
}

/** ruamel's float representer: `repr(x).lower()`, with .nan / .inf. */
function floatText(x: number): string {
  if (Number.isNaN(x)) return '.nan';
  if (!Number.isFinite(x)) return x > 0 ? '.inf' : '-.inf';
  return pyFloatRepr(x).toLowerCase();
}

/** PyYAML/ruamel `analyze_scalar` + `choose_scalar_style`, for block context. */
function chooseStyle(s: string): 'plain' | 'single' | 'double' {
  if (!s.length) return 'single';
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]/.test(s)) return 'double';
  if (/[\t\n\r\x85\u2028\u2029]/.test(s)) return 'double';
  if (s.startsWith(' ') || s.endsWith(' ')) return 'single';
  if (/^[#,[\]{}&*!|>'"%@`]/.test(s)) return 'single';
  if (/^[-?:](\s|$)/.test(s)) return 'single';
  if (s.startsWith('---') || s.startsWith('...')) return 'single';
  if (/:(\s|$)/.test(s) || /\s#/.test(s)) return 'single';
  if (resolvesToNonString(s)) return 'single';
  return 'plain';
}

function resolvesToNonString(s: string): boolean {
  if (s === '~' || /^(null|Null|NULL)$/.test(s)) return true;
  // ruamel's YAML 1.2 resolver also reads digits with underscores as numbers.
  if (/^[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)$/.test(s)) return true;
  if (/^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?$/.test(s) && /[0-9]/.test(s)) return true;
  try {
    return typeof parse(s, { schema: 'core' }) !== 'string';
  } catch {
    return true;
  }
}

/** PyYAML's `write_plain` (ruamel before 0.18.13): a single space once the line is past column 80 breaks. */
function foldLegacy(text: string, column: number, indent: number, split: boolean): string {
  if (!split || column + text.length <= BEST_WIDTH) return text;
  let out = '';
  let col = column;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const single = ch === ' ' && text[i - 1] !== ' ' && text[i + 1] !== ' ' && i + 1 < text.length;
    if (single && col > BEST_WIDTH) {
      out += `\n${' '.repeat(indent)}`;
      col = indent;
    } else {
      out += ch;
      col += 1;
    }
  }
  return out;
}

/**
 * Folds a quoted scalar as the emitter's `write_single_quoted` does: at a single space (not the first or
 * last character), once the line has passed column 80, the space becomes a line break.
 */
function foldQuoted(text: string, column: number, indent: number, split: boolean): string {
  if (!split || column + text.length <= BEST_WIDTH) return text;
  let out = text[0]!;
  let col = column + 1;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]!;
    const single = ch === ' ' && text[i - 1] !== ' ' && text[i + 1] !== ' ';
    if (single && col > BEST_WIDTH && i > 1 && i < text.length - 2) {
      out += `\n${' '.repeat(indent)}`;
      col = indent;
    } else {
      out += ch;
      col += 1;
    }
  }
  return out;
}

/**
 * Folds a long plain scalar as ruamel does: before a word that would end past column 80, the line breaks and
 * the rest continues at `indent` (the space before the break is kept when it still fits in 80 columns;
 * the first word may move to the next line too). Runs of several spaces are never broken.
 */
function fold(text: string, column: number, indent: number, split: boolean): string {
  if (!split || column + text.length <= BEST_WIDTH) return text;
  let out = '';
  let col = column;
  let i = 0;
  while (i < text.length) {
    const space = text.indexOf(' ', i);
    const word = space < 0 ? text.slice(i) : text.slice(i, space);
    if (col + word.length > BEST_WIDTH && col > indent) {
      out += `\n${' '.repeat(indent)}`;
      col = indent;
    }
    out += word;
    col += word.length;
    if (space < 0) break;
    let end = space;
    while (text[end] === ' ') end++;
    if (end - space > 1 || end === text.length) {
      out += text.slice(space, end);
      col += end - space;
    } else if (col + 1 <= BEST_WIDTH) {
      out += ' ';
      col += 1;
    } else {
      col = BEST_WIDTH + 1;
    }
    i = end;
  }
  return out;
}
