import { csvNumber, parseCsvRecords, type CsvRecord } from '../dvc/formats/csv';
import { SyntaxProblem } from '../dvc/formats/json';
import { PyFloat } from '../dvc/python/value';

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
 * Just each name's last value, for the metrics diff: one pass over the lines without building records
 * (a logger file can have millions of rows). Lines with quotes go through the full CSV parser.
 */
export function loggerLastValues(text: string): Map<string, number | PyFloat> {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstBreak = text.indexOf('\n', start);
  const headerEnd = firstBreak === -1 ? text.length : firstBreak;
  const header = parseCsvRecords(text.slice(start, headerEnd), ',')[0];
  if (!header || !isLoggerHeader(header.fields)) return loggerMetricsFromRecords(parseCsvRecords(text, ','), false).last;
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const nameCol = names.indexOf('name');
  const valueCol = names.indexOf('value');
  const last = new Map<string, number | PyFloat>();
  let lineNo = 1;
  for (let i = headerEnd + 1; i < text.length;) {
    lineNo++;
    let end = text.indexOf('\n', i);
    if (end === -1) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(i, end - 1) : text.slice(i, end);
    if (line.includes('"')) {
      // A quoted name (it may hold commas or even line breaks): hand the rest to the full parser.
      const rest = loggerMetricsFromRecords([header, ...parseCsvRecords(text.slice(i), ',').map((r) => ({ ...r, line: r.line + lineNo - 1 }))], false).last;
      for (const [k, v] of rest) last.set(k, v);
      return last;
    }
    i = end + 1;
    if (!line) continue;
    const fields = line.split(',');
    const key = fields[nameCol] ?? '';
    const cell = fields[valueCol] ?? '';
    const parsed = csvNumber(cell);
    if (parsed === undefined)
      throw new SyntaxProblem(`value ${JSON.stringify(cell.slice(0, 40))} of ${JSON.stringify(key.slice(0, 80))} is not a number`, lineNo, 1);
    last.set(key, parsed);
  }
  return last;
}
