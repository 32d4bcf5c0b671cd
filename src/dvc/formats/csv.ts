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
  for (let r = 0; r < cells.records; r++) {
    const fields: string[] = [];
    for (let f = cells.first[r]!; f < cells.first[r + 1]!; f++) fields.push(cells.field(f));
    records.push({ fields, line: cells.line[r]! });
  }
  return records;
}

/**
 * A CSV/TSV text's records as field offsets into it, so a 100,000-row file is a few typed arrays rather than an
 * array and strings per row: field `f` is `text.slice(start[f], end[f])`, except a quoted field, whose value
 * (quotes and `""` undone) is kept apart. Record `r` holds fields `first[r]` to `first[r + 1] - 1`.
 */
export class CsvCells {
  constructor(
    readonly text: string,
    /** How many records (blank lines are none). */
    readonly records: number,
    readonly first: Int32Array,
    /** The 1-based line each record starts on. */
    readonly line: Int32Array,
    readonly start: Int32Array,
    readonly end: Int32Array,
    private readonly quoted: Map<number, string>,
  ) {}

  /** Field `f`'s text. */
  field(f: number): string {
    return this.start[f]! < 0 ? this.quoted.get(f)! : this.text.slice(this.start[f], this.end[f]);
  }

  /**
   * Field `col` of records `from` to `to - 1` as numbers, with how many are NaN and whether the others never
   * decrease. A plain decimal is read straight from the text (no string made; see POWERS), any other field as `slow`
   * reads its text; a record without that field gives NaN. One loop with the reading written into it: in a fresh
   * process V8 interprets a loop for a while before it optimises it, and a call per cell made a long log's first
   * column ≈ 2.5× slower to read (bench/plots.bench.ts).
   */
  numbers(col: number, from: number, to: number, slow: (field: string, k: number) => number): { values: Float64Array; nans: number; ascending: boolean } {
    const { text, first, start, end } = this;
    const values = new Float64Array(to - from);
    let nans = 0;
    let ascending = true;
    let last = -Infinity;
    for (let r = from; r < to; r++) {
      const f = first[r]! + col;
      let value = Number.NaN;
      if (f < first[r + 1]!) {
        const s = start[f]!;
        const e = end[f]!;
        let k = s;
        let sign = 1;
        let mantissa = 0;
        let digits = 0;
        let scale = -1;
        if (s >= 0) {
          const c0 = text.charCodeAt(k);
          if (c0 === 45 || c0 === 43) {
            if (c0 === 45) sign = -1;
            k++;
          }
          for (; k < e; k++) {
            const c = text.charCodeAt(k);
            if (c >= 48 && c <= 57) {
              mantissa = mantissa * 10 + (c - 48);
              digits++;
            } else if (c === 46 && scale < 0) scale = k;
            else break;
          }
        }
        const plain = s >= 0 && k === e && digits > 0 && digits <= 15;
        value = plain ? (sign * mantissa) / (scale < 0 ? 1 : POWERS[e - scale - 1]!) : slow(this.field(f), r - from);
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
  // The next quote, CR and delimiter at or after i, searched again only once passed: a plain line is split with
  // native searches, each character looked at once in all. This loop stays small so that V8 optimises it early.
  let quote = text.indexOf('"', i);
  let cr = text.indexOf('\r', i);
  let delim = text.indexOf(delimiter, i);
  while (i < n) {
    let eol = text.indexOf('\n', i);
    if (eol === -1) eol = n;
    if (quote !== -1 && quote < i) quote = text.indexOf('"', i);
    if (cr !== -1 && cr < i) cr = text.indexOf('\r', i);
    if ((quote !== -1 && quote < eol) || (cr !== -1 && cr < eol - 1)) {
      i = scanRecord(text, i, delimiter.charCodeAt(0), out);
      continue;
    }
    // A line without quotes whose only CR (if any) ends it: fields between delimiters; a blank one is no record.
    const stop = cr === eol - 1 ? eol - 1 : eol;
    if (stop > i) {
      const recordFirst = out.fields;
      for (let p = i; ;) {
        if (delim !== -1 && delim < p) delim = text.indexOf(delimiter, p);
        const to = delim === -1 || delim > stop ? stop : delim;
        out.field(p, to);
        if (to === stop) break;
        p = to + 1;
      }
      out.record(recordFirst, out.line);
    }
    out.line++;
    i = eol + 1;
  }
  return out.done(text);
}

/** One record read character by character (quoted fields, lone CRs), from i; returns where the next one starts. */
function scanRecord(text: string, i: number, d: number, out: CellsBuilder): number {
  const n = text.length;
  const startLine = out.line;
  const recordFirst = out.fields;
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
      out.quotedField(value + text.slice(rest, i));
    } else {
      const from = i;
      while (i < n && !ends(text.charCodeAt(i), d)) i++;
      out.field(from, i);
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
  if (out.fields - recordFirst === 1 && out.isEmpty(recordFirst)) out.drop(recordFirst);
  else out.record(recordFirst, startLine);
  return i;
}

/**
 * The growing arrays of a scan. Once full, an array grows to what the rest of the text will need at the rate so far
 * (a little more): a long file's arrays are allocated about twice, not doubled a dozen times, and on some machines
 * fresh memory costs more to touch than the scan itself.
 */
class CellsBuilder {
  start = new Int32Array(4096);
  end = new Int32Array(4096);
  fields = 0;
  first = new Int32Array(1024);
  lines = new Int32Array(1024);
  records = 0;
  /** The line the scan is on (1-based). */
  line = 1;
  readonly quoted = new Map<number, string>();
  /** How far into the text the scan has come, for the size estimate. */
  private at = 1;

  constructor(private readonly textLength: number) {}

  field(start: number, end: number): void {
    if (end > 0) this.at = end;
    if (this.fields === this.start.length) {
      const length = this.estimate(this.fields);
      this.start = grown(this.start, length);
      this.end = grown(this.end, length);
    }
    this.start[this.fields] = start;
    this.end[this.fields++] = end;
  }

  quotedField(value: string): void {
    this.quoted.set(this.fields, value);
    this.field(-1, -1);
  }

  record(firstField: number, line: number): void {
    if (this.records + 1 >= this.first.length) {
      const length = this.estimate(this.records + 1);
      this.first = grown(this.first, length);
      this.lines = grown(this.lines, length);
    }
    this.first[this.records] = firstField;
    this.lines[this.records++] = line;
  }

  /** The length for an array holding `count` items so far: the rest of the text at the same rate, plus 1/16. */
  private estimate(count: number): number {
    return Math.max(count + 1024, Math.ceil((count / this.at) * this.textLength * 1.0625));
  }

  isEmpty(f: number): boolean {
    return this.start[f]! < 0 ? this.quoted.get(f) === '' : this.start[f] === this.end[f];
  }

  /** Forgets the fields from f on. */
  drop(f: number): void {
    this.quoted.delete(f);
    this.fields = f;
  }

  done(text: string): CsvCells {
    this.first[this.records] = this.fields;
    return new CsvCells(text, this.records, this.first, this.lines, this.start, this.end, this.quoted);
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
 * A CSV cell as a number when Python's `int()`/`float()` would read it (`1` int, `1.0` float, `nan`, `1e-3`),
 * else undefined. A character scan rather than regexes: logger files have hundreds of thousands of cells.
 */
export function csvNumber(cell: string): number | PyFloat | undefined {
  const t = cell.trim();
  const kind = csvNumberKind(t);
  if (kind === NOT_A_NUMBER) return undefined;
  const n = kind === SPECIAL ? specialValue(t) : Number(t);
  if (Number.isNaN(n) && kind !== SPECIAL) return undefined;
  return kind === INT ? n : pyNumber(n, true);
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
