import { csvNumber, csvNumberValue, parseCsvRecords, type CsvRecord } from '../dvc/formats/csv';
import { SyntaxProblem } from '../dvc/formats/json';
import { PyFloat, pyNumber } from '../dvc/python/value';

interface LoggerPoint {
  step: number | null;
  value: number;
  /** Milliseconds since the epoch, as the logger writes it; null when the cell is empty. */
  timestamp: number | null;
}

export interface LoggerMetrics {
  /** Each metric's last logged value (file order: the logger appends), as a number or Python float. */
  last: Map<string, number | PyFloat>;
  /** Every logged value per metric, in file order, for step series (the MLflow mirror). */
  series: Map<string, LoggerPoint[]>;
}

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
  const last = new Map<string, number | PyFloat>();
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
      value: parsed === undefined ? NaN : parsed instanceof PyFloat ? parsed.value : parsed,
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
  return n instanceof PyFloat ? n.value : n;
}

/**
 * Just each name's last value, for the metrics diff, from the whole text: a logger file can have millions of
 * rows, so no record is built per row.
 */
export function loggerLastValues(text: string): Map<string, number | PyFloat> {
  const reader = new LoggerReader();
  reader.write(text);
  return reader.end();
}

/**
 * Reads a DagsHub logger file (`Name,Value,Timestamp,Step` in any column order) a piece at a time, so a file
 * of millions of rows takes memory by its number of names, not its size: text goes in with `write` as it is
 * read, and `end` gives each name's last value (a value that is not a number is an error with its line).
 */
export class LoggerReader {
  /** Each name's place in `values` and `floats`: a row costs a lookup, not an object. */
  private readonly names = new Map<string, number>();
  private readonly values: number[] = [];
  private readonly floats: boolean[] = [];
  private header: string[] | null = null;
  private nameCol = 0;
  private valueCol = 0;
  /** Text after the last line break; a quoted name may hold line breaks, so a record can span lines. */
  private partial = '';
  private lineNo = 0;
  private started = false;

  write(text: string): void {
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
    // Memory goes by names, not by bytes; one endless line (or an unclosed quote) must not undo that.
    if (this.partial.length > MAX_RECORD_CHARS) {
      throw new SyntaxProblem(`a record longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters (an unclosed quote?)`, this.lineNo + 1, 1);
    }
  }

  end(): Map<string, number | PyFloat> {
    if (this.partial) this.record(this.partial);
    this.partial = '';
    if (!this.header) throw new SyntaxProblem(`expected a header with the columns ${COLUMNS.join(', ')}`, 1, 1);
    const last = new Map<string, number | PyFloat>();
    for (const [name, i] of this.names) last.set(name, this.floats[i] ? pyNumber(this.values[i]!, true) : this.values[i]!);
    return last;
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
    const lastCol = Math.max(this.nameCol, this.valueCol);
    let name = '';
    let cell = '';
    for (let col = 0, at = start; ; col++) {
      let comma = chunk.indexOf(',', at);
      if (comma === -1 || comma > end) comma = end;
      if (col === this.nameCol) name = chunk.slice(at, comma);
      if (col === this.valueCol) cell = chunk.slice(at, comma);
      if (comma === end || col === lastCol) break;
      at = comma + 1;
    }
    this.take(name, cell, first);
  }

  private take(name: string, cell: string, line: number): void {
    const read = csvNumberValue(cell);
    if (Number.isNaN(read.value) && !read.isFloat)
      throw new SyntaxProblem(`value ${JSON.stringify(cell.slice(0, 40))} of ${JSON.stringify(name.slice(0, 80))} is not a number`, line, 1);
    let i = this.names.get(name);
    if (i === undefined) {
      i = this.values.length;
      this.names.set(name, i);
    }
    this.values[i] = read.value;
    this.floats[i] = read.isFloat;
  }
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
