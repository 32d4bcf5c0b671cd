import { SyntaxProblem } from './json';
import { pyNumber, type PyFloat } from '../python/value';

/** One CSV/TSV record with the line it starts on (1-based), for error messages. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/**
 * RFC 4180 records: quoted fields may hold the delimiter, quotes (`""`) and line breaks; CRLF, LF or CR.
 * Blank lines are skipped. An unterminated quote is an error with its line and column.
 */
export function parseCsvRecords(text: string, delimiter: ',' | '\t'): CsvRecord[] {
  const cells = scanCsv(text, delimiter);
  const records: CsvRecord[] = [];
  for (let r = 0; r < cells.records; r++) records.push({ fields: cells.fields(r), line: cells.line[r]! });
  return records;
}

/**
 * A CSV/TSV text's records as where each starts in it, so a 100,000-row file is two typed arrays rather than an array
 * and strings per row, or offsets per field: a plain record (no quote, no CR but the one ending it) is split where a
 * field is asked for, its fields ending at a delimiter, CR or LF. Any other record is split by the scan and kept apart
 * as strings (quotes and `""` undone): `start[r]` is then `-1 - i`, i its index in `split`.
 */
export class CsvCells {
  constructor(
    readonly text: string,
    /** How many records (blank lines are none). */
    readonly records: number,
    private readonly start: Int32Array,
    /** The 1-based line each record starts on. */
    readonly line: Int32Array,
    private readonly split: string[][],
    private readonly delimiter: number,
  ) {}

  /** Record `r`'s fields. */
  fields(r: number): string[] {
    const s = this.start[r]!;
    if (s < 0) return this.split[-1 - s]!;
    const out: string[] = [];
    for (let k = s; ;) {
      const e = this.fieldEnd(k);
      out.push(this.text.slice(k, e));
      if (this.text.charCodeAt(e) !== this.delimiter) return out;
      k = e + 1;
    }
  }

  /** Field `col` of record `r`; undefined when the record is shorter. */
  field(r: number, col: number): string | undefined {
    const s = this.start[r]!;
    if (s < 0) return this.split[-1 - s]![col];
    const k = this.fieldStart(s, col);
    return k < 0 ? undefined : this.text.slice(k, this.fieldEnd(k));
  }

  /** Where field `col` of the plain record starting at `k` starts; -1 when the record has fewer fields. */
  private fieldStart(k: number, col: number): number {
    for (let c = 0; c < col; c++) {
      k = this.fieldEnd(k);
      if (this.text.charCodeAt(k) !== this.delimiter) return -1;
      k++;
    }
    return k;
  }

  /** Where the plain field starting at `k` ends: its delimiter, CR, LF or the text's end. */
  private fieldEnd(k: number): number {
    const { text, delimiter } = this;
    const n = text.length;
    for (; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c === delimiter || c === 10 || c === 13) break;
    }
    return k;
  }

  /**
   * Field `col` of records `from` to `to - 1` as numbers, with how many are NaN and whether the others never
   * decrease. A plain decimal is read straight from the text (no string made; see POWERS), any other field as `slow`
   * reads its text; a record without that field gives NaN. One loop with the splitting and the reading written into
   * it: in a fresh process V8 interprets a loop for a while before it optimises it, and a call per cell made a long
   * log's first column ≈ 2.5× slower to read (bench/plots.bench.ts).
   */
  numbers(col: number, from: number, to: number, slow: (field: string, k: number) => number): { values: Float64Array; nans: number; ascending: boolean } {
    const { text, start, delimiter } = this;
    const n = text.length;
    const values = new Float64Array(to - from);
    let nans = 0;
    let ascending = true;
    let last = -Infinity;
    for (let r = from; r < to; r++) {
      let value = Number.NaN;
      let k = start[r]!;
      if (k < 0) {
        const cell = this.split[-1 - k]![col];
        if (cell !== undefined) value = slow(cell, r - from);
      } else {
        // To the field: past `col` delimiters, or to the record's end when it is shorter.
        for (let c = 0; c < col && k >= 0; c++) {
          let ch = 0;
          for (; k < n; k++) {
            ch = text.charCodeAt(k);
            if (ch === delimiter || ch === 10 || ch === 13) break;
          }
          k = k < n && ch === delimiter ? k + 1 : -1;
        }
        if (k >= 0) {
          const s = k;
          let sign = 1;
          let mantissa = 0;
          let digits = 0;
          let scale = -1;
          let ch = text.charCodeAt(k);
          if (ch === 45 || ch === 43) {
            if (ch === 45) sign = -1;
            k++;
          }
          for (; k < n; k++) {
            ch = text.charCodeAt(k);
            if (ch >= 48 && ch <= 57) {
              mantissa = mantissa * 10 + (ch - 48);
              digits++;
            } else if (ch === 46 && scale < 0) scale = k;
            else break;
          }
          if (k === n || ch === delimiter || ch === 10 || ch === 13) {
            value = digits > 0 && digits <= 15 ? (sign * mantissa) / (scale < 0 ? 1 : POWERS[k - scale - 1]!) : slow(text.slice(s, k), r - from);
          } else value = slow(text.slice(s, this.fieldEnd(k)), r - from);
        }
      }
      if (value !== value) nans++;
      else {
        if (value < last) ascending = false;
        last = value;
      }
      values[r - from] = value;
    }
    return { values, nans, ascending };
  }
}

/** The one scanner behind every CSV/TSV read (the rules in `parseCsvRecords`). */
export function scanCsv(text: string, delimiter: ',' | '\t'): CsvCells {
  const out = new CellsBuilder(text.length);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The next quote and CR at or after i, searched again only once passed: a plain line is found with native
  // searches, its fields split only when asked for. This loop stays small so that V8 optimises it early.
  let quote = text.indexOf('"', i);
  let cr = text.indexOf('\r', i);
  while (i < n) {
    let eol = text.indexOf('\n', i);
    if (eol === -1) eol = n;
    if (quote !== -1 && quote < i) quote = text.indexOf('"', i);
    if (cr !== -1 && cr < i) cr = text.indexOf('\r', i);
    if ((quote !== -1 && quote < eol) || (cr !== -1 && cr < eol - 1)) {
      i = scanRecord(text, i, delimiter.charCodeAt(0), out);
      continue;
    }
    // A line without quotes whose only CR (if any) ends it; a blank one is no record.
    if ((cr === eol - 1 ? eol - 1 : eol) > i) out.record(i, out.line, i);
    out.line++;
    i = eol + 1;
  }
  return new CsvCells(text, out.records, out.start, out.lines, out.split, delimiter.charCodeAt(0));
}

/** One record read character by character (quoted fields, lone CRs), from i; returns where the next one starts. */
function scanRecord(text: string, i: number, d: number, out: CellsBuilder): number {
  const n = text.length;
  const startLine = out.line;
  const at = i;
  const fields: string[] = [];
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      const open = i;
      const openLine = out.line;
      let value = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          const col = open - text.lastIndexOf('\n', open - 1);
          throw new SyntaxProblem('unterminated quoted field', openLine, col);
        }
        const part = text.slice(i, q);
        for (let k = part.indexOf('\n'); k !== -1; k = part.indexOf('\n', k + 1)) out.line++;
        value += part;
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Text after a closing quote is kept, as Python's csv module does.
      const rest = i;
      while (i < n && !ends(text.charCodeAt(i), d)) i++;
      fields.push(value + text.slice(rest, i));
    } else {
      const from = i;
      while (i < n && !ends(text.charCodeAt(i), d)) i++;
      fields.push(text.slice(from, i));
    }
    if (text.charCodeAt(i) === d) {
      i++;
      continue;
    }
    break;
  }
  if (text.charCodeAt(i) === 13) i++;
  if (text.charCodeAt(i) === 10) i++;
  out.line++;
  // A blank line (or one empty quoted field) is no record.
  if (fields.length > 1 || fields[0] !== '') {
    out.split.push(fields);
    out.record(-out.split.length, startLine, at);
  }
  return i;
}

/**
 * The growing arrays of a scan. Once full, an array grows to what the rest of the text will need at the rate so far
 * (a little more): a long file's arrays are allocated about twice, not doubled a dozen times, and on some machines
 * fresh memory costs more to touch than the scan itself.
 */
class CellsBuilder {
  start = new Int32Array(1024);
  lines = new Int32Array(1024);
  records = 0;
  readonly split: string[][] = [];
  /** The line the scan is on (1-based). */
  line = 1;

  constructor(private readonly textLength: number) {}

  /** A record that starts at `at` in the text: `start` is `at`, or `-1 - i` for the i-th of `split`. */
  record(start: number, line: number, at: number): void {
    if (this.records === this.start.length) {
      // The rest of the text at the rate so far, plus 1/16.
      const length = Math.max(this.records + 1024, Math.ceil((this.records / Math.max(at, 1)) * this.textLength * 1.0625));
      this.start = grown(this.start, length);
      this.lines = grown(this.lines, length);
    }
    this.start[this.records] = start;
    this.lines[this.records++] = line;
  }
}

function ends(c: number, delimiter: number): boolean {
  return c === delimiter || c === 10 || c === 13;
}

function grown(a: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}

/**
 * Powers of ten for `CsvCells.numbers`, which reads a plain decimal (`-12.5`, `0.00031`) of at most 15 digits from its
 * characters: the digits as an integer and one division by a power of ten, both exact in a double, so the quotient
 * is the correctly rounded value `Number()` gives (Clinger's fast path). Anything else (exponents, spaces, `nan`,
 * empty) is read the usual way.
 */
const POWERS = Array.from({ length: 16 }, (_, i) => Number(`1e${i}`));

/**
 * A CSV cell as a number when Python's `int()`/`float()` would read it (`1` int, `1.0` float, `nan`, `1e-3`; an int
 * beyond ±2^53 a bigint), else undefined. A character scan rather than regexes: logger files have hundreds of thousands of cells.
 */
export function csvNumber(cell: string): number | bigint | PyFloat | undefined {
  const { value, isFloat } = csvNumberValue(cell);
  if (!isFloat) return Number.isNaN(value) ? undefined : (csvBigInt(cell, value, isFloat) ?? value);
  return pyNumber(value, true);
}

/**
 * The exact value of a cell `csvNumberValue` read as an int a double cannot hold (beyond ±2^53), as Python's `int()`
 * keeps it; null for any other cell.
 */
export function csvBigInt(cell: string, value: number, isFloat: boolean): bigint | null {
  return isFloat || Number.isNaN(value) || Number.isSafeInteger(value) ? null : BigInt(cell.trim());
}

/**
 * `csvNumber` without the float object, for a reader that checks every cell and keeps few (a logger file keeps
 * each name's last value): the number, NaN for a cell that holds none (`isFloat` then says nothing), and whether
 * Python reads it as a float (`nan` is a float and a number).
 */
export function csvNumberValue(cell: string): { value: number; isFloat: boolean } {
  const t = cell.trim();
  const kind = csvNumberKind(t);
  READ.isFloat = kind !== INT;
  READ.value = kind === NOT_A_NUMBER ? NaN : kind === SPECIAL ? specialValue(t) : Number(t);
  if (kind === NOT_A_NUMBER || (kind !== SPECIAL && Number.isNaN(READ.value))) READ.isFloat = false;
  return READ;
}

/** One object for every `csvNumberValue` answer: its caller reads it before asking again. */
const READ = { value: NaN, isFloat: false };

const NOT_A_NUMBER = 0;
const INT = 1;
const FLOAT = 2;
/** `nan`, `inf`, `-infinity`, as Python's `float()` reads them. */
const SPECIAL = 3;

function csvNumberKind(t: string): number {
  if (!t) return NOT_A_NUMBER;
  let digits = 0;
  let float = false;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 || c === 101 || c === 69) float = true;
    else if (!((c === 43 || c === 45) && (k === 0 || t[k - 1] === 'e' || t[k - 1] === 'E'))) return SPECIAL_TEXT.test(t) ? SPECIAL : NOT_A_NUMBER;
  }
  if (!digits) return NOT_A_NUMBER;
  return float ? FLOAT : INT;
}

const SPECIAL_TEXT = /^([-+]?)(nan|inf|infinity)$/i;

function specialValue(t: string): number {
  const m = SPECIAL_TEXT.exec(t)!;
  return m[2]!.toLowerCase() === 'nan' ? NaN : m[1] === '-' ? -Infinity : Infinity;
}
