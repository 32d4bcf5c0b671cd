import { csvBigInt, csvNumber, csvNumberValue, parseCsvRecords, type CsvRecord } from '../dvc/formats/csv';
import { SyntaxProblem } from '../dvc/formats/json';
import { PyFloat, pyNumber } from '../dvc/python/value';

interface LoggerPoint {
  step: number | null;
  value: number;
  /** Milliseconds since the epoch, as the logger writes it; null when the cell is empty. */
  timestamp: number | null;
}

export interface LoggerMetrics {
  /** Each metric's last logged value (file order: the logger appends), as a number or Python float (a bigint: an int beyond ±2^53). */
  last: Map<string, LoggedValue>;
  /** Every logged value per metric, in file order, for step series (the MLflow mirror). */
  series: Map<string, LoggerPoint[]>;
}

type LoggedValue = number | bigint | PyFloat;

const COLUMNS = ['Name', 'Value', 'Timestamp', 'Step'];
/** A logger record (one line, or a quoted name's lines) longer than this is not a logger's. */
const MAX_RECORD_CHARS = 1024 * 1024;

/**
 * Exactly the logger's header (`Name,Value,Timestamp,Step` in that order, any case). Plots draw such a file as
 * one series per Name; with `isLoggerHeader`'s looser test any `name,value` table would be split that way.
 */
export function isExactLoggerHeader(fields: string[]): boolean {
  return fields.length === COLUMNS.length && fields.every((f, i) => f.trim().toLowerCase() === COLUMNS[i]!.toLowerCase());
}

/** True when a CSV header is the DagsHub logger's (`Name,Value,Timestamp,Step`, any order, any case). */
export function isLoggerHeader(fields: string[]): boolean {
  const names = fields.map((f) => f.trim().toLowerCase());
  return names.includes('name') && names.includes('value');
}

/**
 * Parses a DagsHub logger `metrics.csv` (`Name,Value,Timestamp,Step`). Pure. Throws `SyntaxProblem`
 * (with line and column) for a broken file or a value that is not a number.
 */
export function parseLoggerMetricsCsv(text: string): LoggerMetrics {
  return loggerMetricsFromRecords(parseCsvRecords(text, ','));
}

/**
 * The same, from records already split (the metrics reader has them, and needs no series). With `skipRow`
 * the read is tolerant, for mirroring a training log rather than diffing it: a row whose name is blank, whose
 * value is not a finite number or whose Timestamp/Step is not a number (Step: an integer) is left out and its
 * line passed to `skipRow`, and names are trimmed.
 */
export function loggerMetricsFromRecords(records: CsvRecord[], withSeries = true, skipRow?: (line: number) => void): LoggerMetrics {
  const header = records[0];
  if (!header || !isLoggerHeader(header.fields)) {
    throw new SyntaxProblem(`expected a header with the columns ${COLUMNS.join(', ')}`, header?.line ?? 1, 1);
  }
  const col = (name: string): number => header.fields.findIndex((f) => f.trim().toLowerCase() === name.toLowerCase());
  const [name, value, timestamp, step] = COLUMNS.map(col) as [number, number, number, number];
  const last = new Map<string, LoggedValue>();
  const series = new Map<string, LoggerPoint[]>();
  for (const record of records.slice(1)) {
    if (skipRow && record.fields.every((f) => !f.trim())) continue;
    const key = skipRow ? (record.fields[name] ?? '').trim() : (record.fields[name] ?? '');
    const cell = record.fields[value] ?? '';
    const parsed = csvNumber(cell);
    if (parsed === undefined && !skipRow)
      throw new SyntaxProblem(`value ${JSON.stringify(cell.slice(0, 40))} of ${JSON.stringify(key.slice(0, 80))} is not a number`, record.line, 1);
    if (!withSeries && !skipRow) {
      last.set(key, parsed!);
      continue;
    }
    // Strict reads keep a Timestamp/Step that is not a number as null; tolerant ones skip the row.
    const unreadable = skipRow ? NaN : null;
    const point: LoggerPoint = {
      step: optionalNumber(record.fields[step], unreadable),
      value: parsed === undefined ? NaN : parsed instanceof PyFloat ? parsed.value : Number(parsed),
      timestamp: optionalNumber(record.fields[timestamp], unreadable),
    };
    if (
      skipRow &&
      !(
        key &&
        Number.isFinite(point.value) &&
        (point.step === null || Number.isInteger(point.step)) &&
        (point.timestamp === null || Number.isFinite(point.timestamp))
      )
    ) {
      skipRow(record.line);
      continue;
    }
    last.set(key, parsed!);
    if (!withSeries) continue;
    const points = series.get(key);
    if (points) points.push(point);
    else series.set(key, [point]);
  }
  return { last, series };
}

function optionalNumber(cell: string | undefined, unreadable: number | null): number | null {
  if (cell === undefined || cell.trim() === '') return null;
  const n = csvNumber(cell);
  if (n === undefined) return unreadable;
  return n instanceof PyFloat ? n.value : Number(n);
}

/**
 * Just each name's last value, for the metrics diff, from the whole text: a logger file can have millions of
 * rows, so no record is built per row.
 */
export function loggerLastValues(text: string): Map<string, LoggedValue> {
  const reader = new LoggerReader();
  reader.write(text);
  return reader.end();
}

/**
 * Reads a DagsHub logger file (`Name,Value,Timestamp,Step` in any column order) a piece at a time, so a file
 * of millions of rows takes memory by its number of names, not its size: pieces go in as they are read (`writeAscii`
 * for bytes that are all ASCII, `write` for text), and `end` gives each name's last value (a value that is not a
 * number is an error with its line).
 */
export class LoggerReader {
  /** Each name's place in `values` and `floats`: a row costs a lookup, not an object. */
  private readonly names = new Map<string, number>();
  private readonly values: number[] = [];
  private readonly floats: boolean[] = [];
  /** The exact value of each name whose last value is an int a double cannot hold (rare: at most a few). */
  private readonly bigInts = new Map<number, bigint>();
  private header: string[] | null = null;
  private nameCol = 0;
  private valueCol = 0;
  /** Text after the last line break; a quoted name may hold line breaks, so a record can span lines. */
  private partial = '';
  private lineNo = 0;
  private started = false;
  /**
   * ASCII pieces are read as bytes, where they lie, while no quote has been met: a row's name is found by its bytes
   * and its value checked from them, no string made, and only each name's last value kept (as its bytes, read as a
   * number by `end`). Null once text came in (`write`) or a quote was met: the text reader goes on from there.
   */
  private bytes: ByteNames | null = new ByteNames();
  /** The bytes after the last line break, as `partial` is for text. */
  private tail: Buffer = Buffer.alloc(0);
  /** Where `cutCells` found a line's name and value cells: name start and end, value start and end. */
  private readonly cells = new Int32Array(4);

  /** A piece whose bytes are all ASCII (so it is the same text read as Latin-1). */
  writeAscii(chunk: Buffer): void {
    if (!this.bytes) return this.write(chunk.toString('latin1'));
    if (chunk.length) this.started = true;
    let from = 0;
    if (this.tail.length) {
      // The line an earlier piece began, read on its own.
      const lineEnd = chunk.indexOf(10);
      if (lineEnd === -1) {
        this.tail = Buffer.concat([this.tail, chunk]);
        return this.checkTail();
      }
      const line = Buffer.concat([this.tail, chunk.subarray(0, lineEnd + 1)]);
      this.tail = Buffer.alloc(0);
      const stop = this.lines(line, 0);
      from = lineEnd + 1;
      if (stop < 0) {
        this.leaveBytes(line.toString('latin1', -1 - stop));
        return this.write(chunk.toString('latin1', from));
      }
    }
    const stop = this.lines(chunk, from);
    if (stop < 0) {
      this.leaveBytes('');
      return this.write(chunk.toString('latin1', -1 - stop));
    }
    // A copy: the piece's memory may be read into again (`Chunks`).
    this.tail = Buffer.from(chunk.subarray(stop));
    this.checkTail();
  }

  write(text: string): void {
    if (this.bytes) this.leaveBytes(this.tail.toString('latin1'));
    let chunk = this.partial + text;
    if (!this.started && chunk.length) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    // Most logs have no quote at all: each record is a line, read where it lies.
    const quoted = chunk.includes('"');
    let recordStart = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', end + 1)) {
      if (!quoted && this.header) this.line(chunk, recordStart, end);
      else {
        const record = chunk.slice(recordStart, end);
        // A line break inside quotes is part of the field: wait for the closing quote.
        if (record.includes('"') && quotes(record) % 2) continue;
        this.record(record);
      }
      recordStart = end + 1;
    }
    this.partial = chunk.slice(recordStart);
    this.checkTail();
  }

  end(): Map<string, LoggedValue> {
    if (this.bytes && this.tail.length) {
      // The last line, without its line break: read as if it had one (a quote in it goes to the text reader).
      const line = Buffer.concat([this.tail, NEWLINE]);
      this.tail = Buffer.alloc(0);
      const stop = this.lines(line, 0);
      if (stop < 0) this.leaveBytes(line.toString('latin1', -1 - stop, line.length - 1));
    }
    if (this.partial) this.record(this.partial);
    this.partial = '';
    if (!this.header) throw new SyntaxProblem(`expected a header with the columns ${COLUMNS.join(', ')}`, 1, 1);
    const last = new Map<string, LoggedValue>();
    const bytes = this.bytes;
    if (bytes) {
      for (let i = 0; i < bytes.count; i++) {
        const cell = bytes.value(i);
        const read = csvNumberValue(cell);
        last.set(bytes.name(i), read.isFloat ? pyNumber(read.value, true) : (csvBigInt(cell, read.value, false) ?? read.value));
      }
    } else for (const [name, i] of this.names) last.set(name, this.floats[i] ? pyNumber(this.values[i]!, true) : (this.bigInts.get(i) ?? this.values[i]!));
    return last;
  }

  /** Memory goes by names, not by bytes; one endless line (or an unclosed quote) must not undo that. */
  private checkTail(): void {
    if (this.partial.length + this.tail.length > MAX_RECORD_CHARS) {
      throw new SyntaxProblem(`a record longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters (an unclosed quote?)`, this.lineNo + 1, 1);
    }
  }

  /** From bytes to text: the names and last values so far go to the text reader's tables, `partial` is what is left. */
  private leaveBytes(partial: string): void {
    const bytes = this.bytes!;
    this.bytes = null;
    this.tail = Buffer.alloc(0);
    for (let i = 0; i < bytes.count; i++) {
      const cell = bytes.value(i);
      const read = csvNumberValue(cell);
      this.names.set(bytes.name(i), i);
      this.values[i] = read.value;
      this.floats[i] = read.isFloat;
      this.keepExact(i, cell, read);
    }
    this.partial = partial;
  }

  /**
   * The whole lines of `buf` from `from`, as `line` reads them: returns where the first line not read starts (the
   * piece's end, or a line with no line break yet), or `-1 - start` of a line with a quote, for the text reader.
   */
  private lines(buf: Buffer, from: number): number {
    for (;;) {
      const at = this.scan(buf, from);
      if (at >= 0) return at;
      // Where the line scan stopped at starts, and why.
      const start = Math.floor((-1 - at) / 2);
      if ((-1 - at) % 2 === QUOTE) return -1 - start;
      from = this.rareLine(buf, start);
    }
  }

  /**
   * The common lines of `buf` from `from`: a name already met and a plain decimal value. Returns where the whole lines
   * end, or where it stopped: `-1 - (2 * start + why)` for the line at `start` with a quote (QUOTE) or one that needs
   * more (RARE: the header, a new name, any other value; `rareLine`). One small loop with nothing rare in it and one
   * way out: in a fresh process V8 interprets a loop until it has compiled it, a bigger function takes longer to
   * compile, and a way out first taken after that (one with no feedback) throws the compiled code away.
   */
  private scan(buf: Buffer, from: number): number {
    const n = buf.length;
    const { nameCol, valueCol } = this;
    const lastCol = nameCol > valueCol ? nameCol : valueCol;
    const bytes = this.bytes!;
    const rare = this.header === null;
    let lineNo = this.lineNo;
    let start = from;
    let stop = -1;
    lines: while (start < n) {
      // The name's and the value's cells: [nameStart, nameEnd), [valueStart, valueEnd); empty when the line is short.
      let nameStart = start;
      let nameEnd = start;
      let valueStart = start;
      let valueEnd = start;
      let col = 0;
      let cellStart = start;
      let k = start;
      let c = 0;
      for (; k < n; k++) {
        c = buf[k]!;
        if (c === 44 || c === 10) {
          // A CR before the line break is not part of the last cell.
          const cellEnd = c === 10 && k > cellStart && buf[k - 1] === 13 ? k - 1 : k;
          if (col === nameCol) {
            nameStart = cellStart;
            nameEnd = cellEnd;
          }
          if (col === valueCol) {
            valueStart = cellStart;
            valueEnd = cellEnd;
          }
          if (c === 10 || col === lastCol) break;
          col++;
          cellStart = k + 1;
        } else if (c === 34) {
          stop = QUOTE;
          break lines;
        }
      }
      // The rest of the line (a quote there can open a field that spans lines).
      if (c !== 10) {
        for (k++; k < n; k++) {
          c = buf[k]!;
          if (c === 10) break;
          if (c === 34) {
            stop = QUOTE;
            break lines;
          }
        }
      }
      if (k >= n) break;
      if (k === start || (k === start + 1 && buf[start] === 13)) {
        lineNo++;
        start = k + 1;
        continue;
      }
      // A plain decimal ([+-]digits[.digits][e[+-]digits]) is a number as it stands; anything else is `rareLine`'s.
      let v = valueStart;
      c = buf[v]!;
      if (c === 43 || c === 45) v++;
      let digits = v;
      while (v < valueEnd && (c = buf[v]!) >= 48 && c <= 57) v++;
      let plain = v > digits;
      if (plain && v < valueEnd && buf[v] === 46) {
        digits = ++v;
        while (v < valueEnd && (c = buf[v]!) >= 48 && c <= 57) v++;
        plain = v > digits;
      }
      if (plain && v < valueEnd && (buf[v]! | 32) === 101) {
        v++;
        if (v < valueEnd && ((c = buf[v]!) === 43 || c === 45)) v++;
        digits = v;
        while (v < valueEnd && (c = buf[v]!) >= 48 && c <= 57) v++;
        plain = v > digits;
      }
      const i = rare || !plain || v !== valueEnd || valueEnd - valueStart > VALUE_BYTES ? -1 : bytes.find(buf, nameStart, nameEnd);
      if (i < 0) {
        stop = RARE;
        break;
      }
      bytes.keep(i, buf, valueStart, valueEnd);
      lineNo++;
      start = k + 1;
    }
    this.lineNo = lineNo;
    return stop < 0 ? start : -1 - (2 * start + stop);
  }

  /** The line at `start` that `scan` left (it has a line break), read as `line` reads it; returns where the next starts. */
  private rareLine(buf: Buffer, start: number): number {
    const lineEnd = buf.indexOf(10, start);
    const text = buf.toString('latin1', start, lineEnd);
    if (!this.header) {
      this.record(text);
      return lineEnd + 1;
    }
    const line = ++this.lineNo;
    const [nameStart, nameEnd, valueStart, valueEnd] = this.cutCells(text, 0, text.endsWith('\r') ? text.length - 1 : text.length);
    this.check(text.slice(nameStart, nameEnd), text.slice(valueStart, valueEnd), line);
    this.bytes!.keep(this.bytes!.slot(buf, start + nameStart!, start + nameEnd!), buf, start + valueStart!, start + valueEnd!);
    return lineEnd + 1;
  }

  private record(text: string): void {
    const first = this.lineNo + 1;
    this.lineNo += lineBreaks(text) + 1;
    const body = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (!body) return;
    const fields = body.includes('"') ? (parseCsvRecords(body, ',')[0]?.fields ?? ['']) : body.split(',');
    if (!this.header) {
      if (!isLoggerHeader(fields)) throw new SyntaxProblem(`expected a header with the columns ${COLUMNS.join(', ')}`, first, 1);
      this.header = fields;
      const names = fields.map((f) => f.trim().toLowerCase());
      this.nameCol = names.indexOf('name');
      this.valueCol = names.indexOf('value');
      return;
    }
    this.take(fields[this.nameCol] ?? '', fields[this.valueCol] ?? '', first);
  }

  /** A record with no quote in `chunk[start, end)`: only its name and value cells are cut out. */
  private line(chunk: string, start: number, end: number): void {
    const first = ++this.lineNo;
    if (end > start && chunk.charCodeAt(end - 1) === 13) end--;
    if (end === start) return;
    const [nameStart, nameEnd, valueStart, valueEnd] = this.cutCells(chunk, start, end);
    this.take(chunk.slice(nameStart, nameEnd), chunk.slice(valueStart, valueEnd), first);
  }

  /** Where the name's and the value's cells of the quote-free line `text[start, end)` start and end (empty when short). */
  private cutCells(text: string, start: number, end: number): Int32Array {
    const cells = this.cells.fill(start);
    const lastCol = Math.max(this.nameCol, this.valueCol);
    for (let col = 0, at = start; ; col++) {
      let comma = text.indexOf(',', at);
      if (comma === -1 || comma > end) comma = end;
      if (col === this.nameCol) {
        cells[0] = at;
        cells[1] = comma;
      }
      if (col === this.valueCol) {
        cells[2] = at;
        cells[3] = comma;
      }
      if (comma === end || col === lastCol) break;
      at = comma + 1;
    }
    return cells;
  }

  private take(name: string, cell: string, line: number): void {
    const read = this.check(name, cell, line);
    let i = this.names.get(name);
    if (i === undefined) {
      i = this.values.length;
      this.names.set(name, i);
    }
    this.values[i] = read.value;
    this.floats[i] = read.isFloat;
    this.keepExact(i, cell, read);
  }

  /** Keeps name `i`'s int when a double cannot hold it (beyond ±2^53); forgets an earlier one. */
  private keepExact(i: number, cell: string, read: { value: number; isFloat: boolean }): void {
    const big = csvBigInt(cell, read.value, read.isFloat);
    if (big !== null) this.bigInts.set(i, big);
    else if (this.bigInts.size) this.bigInts.delete(i);
  }

  /** The cell read as a number; an error naming the line when it is none. */
  private check(name: string, cell: string, line: number): ReturnType<typeof csvNumberValue> {
    const read = csvNumberValue(cell);
    if (Number.isNaN(read.value) && !read.isFloat)
      throw new SyntaxProblem(`value ${JSON.stringify(cell.slice(0, 40))} of ${JSON.stringify(name.slice(0, 80))} is not a number`, line, 1);
    return read;
  }
}

const NEWLINE = Buffer.from('\n');
const QUOTE = 0;
const RARE = 1;
/** A value this long or shorter is kept as bytes in its name's place; a longer one as text. */
const VALUE_BYTES = 32;

/**
 * The names of an ASCII log and each one's last value, as bytes: an open-addressing table (FNV-1a hashes) over one
 * buffer of names, in the order they first came, and a fixed place of VALUE_BYTES for each value.
 */
class ByteNames {
  count = 0;
  private table = new Int32Array(64).fill(-1);
  private hashes = new Int32Array(32);
  private nameStart = new Int32Array(32);
  private nameLength = new Int32Array(32);
  private namePool = Buffer.alloc(1024);
  private nameBytes = 0;
  private values = Buffer.alloc(32 * VALUE_BYTES);
  private valueLength = new Int32Array(32);
  private readonly longValues: string[] = [];

  /** The place of the name in `buf[start, end)`, -1 when it is new. */
  find(buf: Buffer, start: number, end: number): number {
    const h = hash(buf, start, end);
    const length = end - start;
    const mask = this.table.length - 1;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const i = this.table[p]!;
      if (i === -1) return -1;
      if (this.hashes[i] !== h || this.nameLength[i] !== length) continue;
      const at = this.nameStart[i]!;
      let k = 0;
      while (k < length && this.namePool[at + k] === buf[start + k]) k++;
      if (k === length) return i;
    }
  }

  /** The same, added when new. */
  slot(buf: Buffer, start: number, end: number): number {
    const i = this.find(buf, start, end);
    return i < 0 ? this.add(buf, start, end) : i;
  }

  /** Name `i`'s last value is `buf[start, end)`. */
  keep(i: number, buf: Buffer, start: number, end: number): void {
    const length = end - start;
    if (length > VALUE_BYTES) {
      this.longValues[i] = buf.toString('latin1', start, end);
      this.valueLength[i] = -1;
      return;
    }
    const values = this.values;
    for (let k = 0, at = i * VALUE_BYTES; k < length; k++) values[at + k] = buf[start + k]!;
    this.valueLength[i] = length;
  }

  name(i: number): string {
    return this.namePool.toString('latin1', this.nameStart[i], this.nameStart[i]! + this.nameLength[i]!);
  }

  value(i: number): string {
    const length = this.valueLength[i]!;
    return length < 0 ? this.longValues[i]! : this.values.toString('latin1', i * VALUE_BYTES, i * VALUE_BYTES + length);
  }

  private add(buf: Buffer, start: number, end: number): number {
    const h = hash(buf, start, end);
    const mask = this.table.length - 1;
    let p = h & mask;
    while (this.table[p] !== -1) p = (p + 1) & mask;
    const i = this.count++;
    const length = end - start;
    if (i === this.hashes.length) {
      this.hashes = grown(this.hashes, 2 * i);
      this.nameStart = grown(this.nameStart, 2 * i);
      this.nameLength = grown(this.nameLength, 2 * i);
      this.valueLength = grown(this.valueLength, 2 * i);
      const values = Buffer.alloc(2 * i * VALUE_BYTES);
      this.values.copy(values);
      this.values = values;
    }
    if (this.nameBytes + length > this.namePool.length) {
      const pool = Buffer.alloc(2 * (this.nameBytes + length));
      this.namePool.copy(pool, 0, 0, this.nameBytes);
      this.namePool = pool;
    }
    buf.copy(this.namePool, this.nameBytes, start, end);
    this.hashes[i] = h;
    this.nameStart[i] = this.nameBytes;
    this.nameLength[i] = length;
    this.nameBytes += length;
    this.table[p] = i;
    // At most half full, so a probe ends soon.
    if (2 * this.count > this.table.length) this.rehash();
    return i;
  }

  private rehash(): void {
    const table = new Int32Array(2 * this.table.length).fill(-1);
    const mask = table.length - 1;
    for (let i = 0; i < this.count; i++) {
      let p = this.hashes[i]! & mask;
      while (table[p] !== -1) p = (p + 1) & mask;
      table[p] = i;
    }
    this.table = table;
  }
}

/** FNV-1a of `buf[start, end)`. */
function hash(buf: Buffer, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h;
}

function grown(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}

function quotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n++;
  return n;
}

function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
