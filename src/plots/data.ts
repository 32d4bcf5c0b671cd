import { posix } from 'node:path';
import { parseCsvRecords } from '../dvc/formats/csv';
import { isExactLoggerHeader } from '../values/dagshub';
import { SyntaxProblem } from '../dvc/formats/json';
import { parseValuesText } from '../values/parse';
import { UserError } from '../util/errors';

export type Row = Record<string, unknown>;

/** The rows of a plot data file, and whether it is a DagsHub logger `metrics.csv` (long format). */
export interface PlotData {
  /** The rows as objects (CSV/TSV: built on first use, from `columns`). */
  readonly rows: Row[];
  /** CSV/TSV: the values by column name, so long logs are read without an object per row. */
  columns?: Map<string, string[]>;
  /** Name,Value,Timestamp,Step: one series per Name, x = Step. */
  dagshub: boolean;
}

/**
 * Parses a plot data file by extension, as DVC does (dvc/render/converter/vega.py): JSON and YAML give the
 * lists of objects found anywhere in them, merged row by row; CSV/TSV give one row per line with string
 * values (`header: false` names the columns "0", "1", …). Errors name the file and line.
 */
export function parsePlotData(path: string, text: string, header = true): PlotData {
  const ext = posix.extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') {
    const table = parseDelimited(path, text, ext === '.tsv' ? '\t' : ',');
    const names = header ? (table.shift() ?? []) : (table[0] ?? []).map((_, i) => String(i));
    const dagshub = header && isExactLoggerHeader(names);
    const columns = new Map(names.map((n, i) => [n, table.map((cells) => cells[i] ?? '')]));
    let rows: Row[] | null = null;
    return {
      columns,
      dagshub,
      get rows() {
        rows ??= table.map((cells) => {
          const row: Row = {};
          for (let i = 0; i < names.length; i++) row[names[i]!] = cells[i] ?? '';
          return row;
        });
        return rows;
      },
    };
  }
  if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
    return { rows: findDatapoints(parseValuesText(path, text)), dagshub: false };
  }
  throw new UserError(`${path}: plot data must be .json, .yaml, .yml, .csv or .tsv (or an image: .png, .jpg, .svg).`);
}

/**
 * DVC's `get_datapoints`: every list of objects in the document (the top level, or values of objects,
 * recursively) whose objects all share the same keys, merged index-wise.
 */
export function findDatapoints(doc: unknown): Row[] {
  const lists: Row[][] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      if (value.length && value.every(isRecord) && sameKeys(value)) lists.push(value);
      return;
    }
    if (isRecord(value)) for (const v of Object.values(value)) visit(v);
  };
  visit(doc);
  const length = lists.reduce((m, l) => Math.max(m, l.length), 0);
  const rows: Row[] = [];
  for (let i = 0; i < length; i++) rows.push(Object.assign({}, ...lists.map((l) => l[i] ?? {})) as Row);
  return rows;
}

/** RFC 4180 fields, split by the values engine's reader; an unclosed quote names the file and line. */
function parseDelimited(path: string, text: string, delimiter: ',' | '\t'): string[][] {
  try {
    return parseCsvRecords(text, delimiter).map((record) => record.fields);
  } catch (error) {
    if (error instanceof SyntaxProblem) throw new UserError(`${path}:${error.line}: a quoted field is never closed.`);
    throw error;
  }
}

function sameKeys(rows: Row[]): boolean {
  const first = Object.keys(rows[0]!).sort().join('\0');
  return rows.every((r) => Object.keys(r).sort().join('\0') === first);
}

function isRecord(value: unknown): value is Row {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
