import { posix } from 'node:path';
import { scanCsv, type CsvCells } from '../dvc/formats/csv';
import { isExactLoggerHeader } from '../values/dagshub';
import { SyntaxProblem } from '../dvc/formats/json';
import { parseValuesText } from '../values/parse';
import { UserError } from '../util/errors';
import { IMAGE_EXTENSIONS } from './image';
import { toNumber } from './series';

export type Row = Record<string, unknown>;

/** The rows of a plot data file, and whether it is a DagsHub logger `metrics.csv` (long format). */
export interface PlotData {
  /** The rows as objects (CSV/TSV: built on first use, from `table`). */
  readonly rows: Row[];
  /** CSV/TSV: the cells by column, so long logs are read without an object or a string per row. */
  table?: PlotTable;
  /** Name,Value,Timestamp,Step: one series per Name, x = Step. */
  dagshub: boolean;
  /**
   * JSON/YAML: the y a plot without `y` draws, as DVC's `_infer_y_from_data` picks it: the last key of the first
   * object of the first list of objects in the document (not of the merged rows, which later lists extend).
   */
  inferredY?: string;
}

/**
 * Parses a plot data file by extension, as DVC does (dvc/render/converter/vega.py): JSON and YAML give the
 * lists of objects found anywhere in them, merged row by row; CSV/TSV give one row per line with string
 * values (`header: false` names the columns "0", "1", …). Errors name the file and line.
 */
export function parsePlotData(path: string, text: string, header = true): PlotData {
  const ext = posix.extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') {
    const table = new PlotTable(scanDelimited(path, text, ext === '.tsv' ? '\t' : ','), header);
    const dagshub = header && isExactLoggerHeader(table.names);
    let rows: Row[] | null = null;
    return {
      table,
      dagshub,
      get rows() {
        rows ??= table.rowObjects();
        return rows;
      },
    };
  }
  if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
    const doc = parseValuesText(path, text);
    const inferredY = firstListField(doc);
    return { rows: findDatapoints(doc), dagshub: false, ...(inferredY !== undefined ? { inferredY } : {}) };
  }
  throw new UserError(`${path}: plot data must be .json, .yaml, .yml, .csv or .tsv (or an image: ${IMAGE_EXTENSIONS.join(', ')}).`);
}

/**
 * DVC's `get_datapoints`: every list of objects in the document (the top level, or values of objects,
 * recursively) whose first object has every key the others use, merged index-wise.
 */
export function findDatapoints(doc: unknown): Row[] {
  const lists: Row[][] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      if (value.length && value.every(isRecord) && firstHasEveryKey(value)) lists.push(value);
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

/** The last key of the first object of the first non-empty list of objects, in document order (DVC `_lists`). */
function firstListField(doc: unknown): string | undefined {
  if (Array.isArray(doc)) return doc.length && doc.every(isRecord) ? Object.keys(doc[0]!).at(-1) : undefined;
  if (!isRecord(doc)) return undefined;
  for (const value of Object.values(doc)) {
    if (!Array.isArray(value) && !isRecord(value)) continue;
    const found = firstListField(value);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** RFC 4180 fields, found by the values engine's scanner; an unclosed quote names the file and line. */
function scanDelimited(path: string, text: string, delimiter: ',' | '\t'): CsvCells {
  try {
    return scanCsv(text, delimiter);
  } catch (error) {
    if (error instanceof SyntaxProblem) throw new UserError(`${path}:${error.line}: a quoted field is never closed.`);
    throw error;
  }
}

/**
 * A column as numbers, as `toNumber` reads each cell: NaN for blanks and `nan`; `bad`: the first text that is no number
 * (-1: none). How many are NaN and whether the others never decrease come with it, so a long log is not read again
 * to find out.
 */
export interface NumberColumn {
  values: Float64Array;
  bad: number;
  nans: number;
  ascending: boolean;
}

/** Builds a NumberColumn's facts value by value. */
export class NumberTally {
  private bad = -1;
  private nans = 0;
  private ascending = true;
  private last = -Infinity;

  /** Row `r`'s number (undefined: text that is no number), as stored: NaN for none. */
  add(n: number | undefined, r: number): number {
    if (n === undefined) {
      if (this.bad < 0) this.bad = r;
      this.nans++;
      return Number.NaN;
    }
    if (Number.isNaN(n)) this.nans++;
    else {
      if (n < this.last) this.ascending = false;
      this.last = n;
    }
    return n;
  }

  column(values: Float64Array): NumberColumn {
    return { values, bad: this.bad, nans: this.nans, ascending: this.ascending };
  }
}

/**
 * A CSV/TSV plot file by column: names from the header (or "0", "1", … from the first row's length), every later
 * record a row, a missing cell empty and cells past the names ignored. A column's strings or numbers are made
 * when a plot asks for them, numbers straight from the text.
 */
export class PlotTable {
  readonly names: string[];
  /** Data rows. */
  readonly length: number;
  private readonly body: number;
  /** A name the header repeats is its last column, as in the row objects. */
  private readonly index = new Map<string, number>();
  private readonly numberCache = new Map<number, NumberColumn>();

  constructor(
    private readonly cells: CsvCells,
    header: boolean,
  ) {
    const first = cells.records ? cells.fields(0) : [];
    this.names = header ? first : first.map((_, i) => String(i));
    this.body = header && cells.records ? 1 : 0;
    this.length = cells.records - this.body;
    this.names.forEach((name, i) => this.index.set(name, i));
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  strings(name: string): string[] {
    const col = this.index.get(name)!;
    return Array.from({ length: this.length }, (_, r) => this.cell(r, col));
  }

  numbers(name: string): NumberColumn {
    const col = this.index.get(name)!;
    let cached = this.numberCache.get(col);
    if (cached) return cached;
    let bad = -1;
    const column = this.cells.numbers(col, this.body, this.body + this.length, (text, r) => {
      const n = toNumber(text);
      if (n === undefined && bad < 0) bad = r;
      return n ?? Number.NaN;
    });
    cached = { ...column, bad };
    this.numberCache.set(col, cached);
    return cached;
  }

  /** Row `r`'s cell in column `col` ('' when the row is short). */
  cell(r: number, col: number): string {
    return this.cells.field(this.body + r, col) ?? '';
  }

  rowObjects(): Row[] {
    return Array.from({ length: this.length }, (_, r) => {
      const cells = this.cells.fields(this.body + r);
      const row: Row = {};
      for (let i = 0; i < this.names.length; i++) row[this.names[i]!] = cells[i] ?? '';
      return row;
    });
  }
}

/** DVC's `_is_datapoints`: later rows may leave a field out (a last epoch without val_loss), not add one. */
function firstHasEveryKey(rows: Row[]): boolean {
  const first = rows[0]!;
  return rows.every((r) => Object.keys(r).every((k) => Object.hasOwn(first, k)));
}

function isRecord(value: unknown): value is Row {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
