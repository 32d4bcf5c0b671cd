import { csvNumber, parseCsvRecords } from '../dvc/formats/csv';
import { extension, parseDataFile, SyntaxProblem, withPosition } from '../dvc/formats';
import { toPlain, type ParsedFile, type Raw } from '../dvc/python/value';
import { isLoggerHeader, loggerLastValues, loggerMetricsFromRecords } from './dagshub';

export type ValueKind = 'metrics' | 'params';

/**
 * Parses a metrics or params file by extension, as DVC picks its parser: `.json` JSON, `.toml` TOML, `.py`
 * Python constants, anything else YAML. mlreport also reads `.csv`/`.tsv` metrics (the DagsHub logger's
 * `Name,Value,Timestamp,Step` file: each name's last value; any other table: its last row). Errors name
 * the file, line and column.
 */
export function parseValueFile(path: string, text: string, kind: ValueKind): ParsedFile {
  const ext = extension(path);
  if (kind === 'metrics' && (ext === '.csv' || ext === '.tsv')) {
    return withPosition(path, ext.slice(1).toUpperCase(), () => parseMetricsTable(text, ext === '.csv' ? ',' : '\t'));
  }
  return parseDataFile(path, text);
}

/**
 * A JSON or YAML document (by extension, as DVC picks its parser) as plain JavaScript, for plot data.
 * Errors name the file, line and column.
 */
export function parseValuesText(path: string, text: string): unknown {
  return toPlain(parseValueFile(path, text, 'params').data);
}

/** A metrics table: the DagsHub logger format, or a header row and rows of which the last one counts. */
function parseMetricsTable(text: string, delimiter: ',' | '\t'): ParsedFile {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  if (delimiter === ',' && !firstLine.includes('"') && isLoggerHeader(firstLine.replace(/^\ufeff/, '').split(','))) {
    return { data: new Map(loggerLastValues(text)), warnings: [] };
  }
  const records = parseCsvRecords(text, delimiter);
  const header = records[0];
  if (!header) return { data: new Map(), warnings: [] };
  if (delimiter === ',' && isLoggerHeader(header.fields)) {
    return { data: new Map(loggerMetricsFromRecords(records, false).last), warnings: [] };
  }
  const last = records.at(-1)!;
  if (last === header) return { data: new Map(), warnings: [] };
  if (last.fields.length > header.fields.length) {
    throw new SyntaxProblem(`${last.fields.length} fields but the header has ${header.fields.length}`, last.line, 1);
  }
  const data = new Map<string, Raw>();
  header.fields.forEach((name, i) => {
    const cell = last.fields[i];
    if (cell === undefined || cell === '') return;
    data.set(name, csvNumber(cell) ?? cell);
  });
  const warnings = records.length > 2 ? [`${records.length - 1} rows: the last one (line ${last.line}) gives the metrics`] : [];
  return { data, warnings };
}
