import { UserError } from '../util/errors';
import { NumberTally, type NumberColumn, type PlotData, type PlotTable, type Row } from './data';
import { toNumber } from './series';
import type { Datapoint, PlotDefinition, PlotSource } from './types';

/** DVC's name for the row index when a plot has no `x` (dvc/render/__init__.py `INDEX`). */
const INDEX_FIELD = 'step';
const INFERRED_X = 'dvc_inferred_x_value';
const INFERRED_Y = 'dvc_inferred_y_value';
/** Where a DagsHub metrics.csv row's Value goes (its Step goes to `step`). */
const DAGSHUB_VALUE = 'value';

/** What a JSON or YAML plot file must hold (DVC `get_datapoints`), for the error when it holds none. */
const JSON_SHAPE = ': DVC plots read a list of objects, such as [{"epoch": 1, "loss": 0.5}, …], at the top or under any key';

/** A source's fields, decided once (from the first revision that has data) and used for every revision. */
export interface ResolvedSource {
  file: string;
  x: string | null;
  /** The file x is read from, joined row by row, when it is not `file` (see PlotSource). */
  xFile?: string;
  ys: string[];
  dagshub: boolean;
}

/** The data of one plot at one revision: its files, parsed. A file missing at that revision is absent. */
export type RevisionFiles = Map<string, PlotData>;

/** Data that does not fit its plot definition: the message names the file and field. */
export class PlotDataError extends UserError {}

/**
 * Fills in what the definition leaves out, as DVC does: no `y` → the last column, or for JSON/YAML the last key of
 * the first list's first object (a DagsHub metrics.csv: every Name); fields must exist in the file.
 */
export function resolveSources(def: PlotDefinition, files: RevisionFiles): ResolvedSource[] {
  return def.sources.map((source: PlotSource) => {
    const data = files.get(source.file);
    if (!data) throw new PlotDataError(`${source.file} does not exist`);
    if (!rowCount(data)) throw new PlotDataError(`${source.file} has no data rows${data.table ? '' : JSON_SHAPE}`);
    if (data.dagshub) {
      const names = dagshubNames(data);
      const ys = source.y.length ? source.y : names;
      for (const y of ys) if (!names.includes(y)) throw new PlotDataError(`${source.file} has no series named '${y}' (Name column has: ${list(names)})`);
      return { file: source.file, x: null, ys, dagshub: true };
    }
    const keys = fieldNames(data);
    const ys = source.y.length ? source.y : data.inferredY !== undefined ? [data.inferredY] : keys.slice(-1);
    // An x in another file is checked where it is joined (joinProblems), at each revision.
    for (const field of [...ys, ...(source.x && !source.xFile ? [source.x] : [])]) {
      if (!hasField(data, field)) {
        const which = field === source.x ? 'x' : 'y';
        throw new PlotDataError(`${source.file} has no ${which} field '${field}' (fields: ${list(keys)})`);
      }
    }
    return { file: source.file, x: source.x, ...(source.xFile ? { xFile: source.xFile } : {}), ys, dagshub: false };
  });
}

/**
 * Why an x taken from another file cannot be joined to its y file's rows at one revision, as DVC's `flat_datapoints`
 * refuses it (which then leaves that revision out of the plot with a warning): the x file missing, its field missing,
 * or a different number of rows, since DVC pairs x and y row by row. One message per source that fails; none when all join.
 */
export function joinProblems(sources: ResolvedSource[], files: RevisionFiles): string[] {
  const problems: string[] = [];
  for (const source of sources) {
    const data = files.get(source.file);
    if (!source.xFile || source.x === null || source.dagshub || !data) continue;
    const xData = files.get(source.xFile);
    const what = `x '${source.x}' from ${source.xFile} cannot be joined to ${source.file}'s rows`;
    if (!xData) problems.push(`${source.xFile} does not exist, so ${what}`);
    else if (!hasField(xData, source.x)) problems.push(`${source.xFile} has no x field '${source.x}' (fields: ${list(fieldNames(xData))})`);
    else if (rowCount(xData) !== rowCount(data)) {
      const [xRows, yRows] = [rowCount(xData), rowCount(data)];
      problems.push(
        `${what}: ${source.xFile} has ${xRows} row${xRows === 1 ? '' : 's'} and ${source.file} ${yRows}; DVC pairs them row by row, so both need the same number`,
      );
    }
  }
  return problems;
}

function fieldNames(data: PlotData): string[] {
  return data.table ? distinct(data.table.names) : Object.keys(data.rows[0] ?? {});
}

function hasField(data: PlotData, field: string): boolean {
  return data.table ? data.table.has(field) : data.rows.some((r) => field in r);
}

function rowCount(data: PlotData): number {
  return data.table ? (data.table.names.length ? data.table.length : 0) : data.rows.length;
}

/** The metric names of a DagsHub metrics.csv, in order of first appearance. */
export function dagshubNames(data: PlotData): string[] {
  const { table } = data;
  const column = table?.has('Name') ? table.strings('Name') : table?.has('name') ? table.strings('name') : data.rows.map((r) => scalarText(r.Name ?? r.name));
  return distinct(column);
}

/** Field names the template reads, shared by every revision. */
export interface FrameFields {
  x: string;
  y: string;
  /** Several files or fields: points carry `series` (`file::field`, shortened), drawn with dashes/shapes. */
  multi: boolean;
  defaultXLabel: string;
  defaultYLabel: string;
}

export function frameFields(sources: ResolvedSource[]): FrameFields {
  const xs = distinct(sources.map((s) => (s.dagshub ? INDEX_FIELD : (s.x ?? INDEX_FIELD))));
  const ys = distinct(sources.flatMap((s) => (s.dagshub ? [DAGSHUB_VALUE] : s.ys)));
  const yNames = distinct(sources.flatMap((s) => s.ys));
  const seriesCount = sources.reduce((n, s) => n + s.ys.length, 0);
  return {
    x: xs.length > 1 ? INFERRED_X : xs[0]!,
    y: ys.length > 1 ? INFERRED_Y : ys[0]!,
    multi: seriesCount > 1,
    defaultXLabel: xs.join(', '),
    defaultYLabel: yNames.length <= 3 ? yNames.join(', ') : 'value',
  };
}

/**
 * DVC's `flat_datapoints`: every row of every source at one revision, tagged with `rev`, `filename` and
 * `field`; the row index as `step` when there is no x; values copied into the inferred x/y fields when the
 * sources disagree on names. Files absent at this revision give no points, and only the `drawn` sources give any:
 * series are named from all of the plot's sources, so one file has one name at every revision.
 */
export function revisionDatapoints(
  sources: ResolvedSource[],
  fields: FrameFields,
  rev: string,
  files: RevisionFiles,
  drawn: ResolvedSource[] = sources,
): Datapoint[] {
  const points: Datapoint[] = [];
  for (const { source, data, filename, yField, series } of drawnSeries(sources, files, drawn)) {
    if (source.dagshub) {
      for (const row of data.rows) {
        if (String(row.Name ?? row.name) !== yField) continue;
        const point: Datapoint = {
          ...row,
          [INDEX_FIELD]: row.Step ?? row.step,
          [DAGSHUB_VALUE]: row.Value ?? row.value,
          rev,
          filename,
          field: yField,
          series,
        };
        point[fields.x] = point[INDEX_FIELD];
        point[fields.y] = point[DAGSHUB_VALUE];
        points.push(point);
      }
      continue;
    }
    const xRows = source.xFile ? files.get(source.xFile)?.rows : undefined;
    data.rows.forEach((row: Row, index) => {
      if (!(yField in row)) return;
      const point: Datapoint = { ...row, rev, filename, field: yField, series };
      if (source.x === null) point[INDEX_FIELD] = index;
      // DVC's join: the x file's value of the same row, where that row has the field.
      const xRow = xRows?.[index];
      if (source.x !== null && xRow && source.x in xRow) point[source.x] = xRow[source.x];
      if (fields.x !== (source.x ?? INDEX_FIELD)) point[fields.x] = source.x === null ? index : point[source.x];
      if (fields.y !== yField) point[fields.y] = row[yField];
      points.push(point);
    });
  }
  return points;
}

/** One series of a plot at one revision: a y field of a drawn source whose file this revision has. */
interface DrawnSeries {
  source: ResolvedSource;
  data: PlotData;
  filename: string;
  yField: string;
  series: string;
}

/** The series `revisionDatapoints` and `revisionSeries` draw (which, and their names, as the former says), in source then field order. */
function* drawnSeries(sources: ResolvedSource[], files: RevisionFiles, drawn: ResolvedSource[]): Generator<DrawnSeries> {
  const names = shortNames(sources.map((s) => s.file));
  for (const [si, source] of sources.entries()) {
    const data = files.get(source.file);
    if (!data || !drawn.includes(source)) continue;
    const filename = names[si]!;
    for (const yField of source.ys) yield { source, data, filename, yField, series: seriesName(sources, filename, yField) };
  }
}

/** One axis of a series: its cells, and all of them as numbers (made once, when a template needs numbers). */
export interface SeriesColumn {
  readonly length: number;
  at(i: number): unknown;
  numbers(): NumberColumn;
}

/** One series (revision × file × field) as columns: what builtin templates need, before any point object exists. */
export interface SeriesColumns {
  rev: string;
  filename: string;
  field: string;
  series: string;
  x: SeriesColumn;
  y: SeriesColumn;
  /** The 1-based data row each value came from, for messages; absent when every row has a value (row = index + 1). */
  rows?: number[];
}

/**
 * The same data as `revisionDatapoints` (with the same `drawn` and naming), kept as columns so long logs can be
 * checked and downsampled before vega sees them (100k-row files would otherwise become 100k objects per series).
 */
export function revisionSeries(sources: ResolvedSource[], rev: string, files: RevisionFiles, drawn: ResolvedSource[] = sources): SeriesColumns[] {
  const out: SeriesColumns[] = [];
  for (const { source, data, filename, yField, series } of drawnSeries(sources, files, drawn)) {
    const table = data.table;
    const xData = source.xFile ? files.get(source.xFile) : undefined;
    if (table && !source.dagshub) {
      const y = tableColumn(table, yField);
      const x = source.x === null ? indexColumn(table.length) : xData ? joinedColumn(xData, source.x, table.length) : tableColumn(table, source.x);
      out.push({ rev, filename, field: yField, series, x, y });
      continue;
    }
    const xs: unknown[] = [];
    const ys: unknown[] = [];
    const rows: number[] = [];
    data.rows.forEach((row: Row, index) => {
      if (source.dagshub) {
        if (String(row.Name ?? row.name) !== yField) return;
        xs.push(row.Step ?? row.step);
        ys.push(row.Value ?? row.value);
      } else {
        if (!(yField in row)) return;
        const xRow = xData?.rows[index];
        xs.push(source.x === null ? index : xRow && source.x in xRow ? xRow[source.x] : row[source.x]);
        ys.push(row[yField]);
      }
      rows.push(index + 1);
    });
    out.push({ rev, filename, field: yField, series, x: arrayColumn(xs), y: arrayColumn(ys), rows });
  }
  return out;
}

function tableColumn(table: PlotTable, name: string): SeriesColumn {
  let strings: string[] | null = null;
  return {
    length: table.length,
    at: (i) => (strings ??= table.strings(name))[i],
    numbers: () => table.numbers(name),
  };
}

/** x from another file, row i for row i (joinProblems has checked that both have `length` rows). */
function joinedColumn(xData: PlotData, field: string, length: number): SeriesColumn {
  if (xData.table) return tableColumn(xData.table, field);
  return arrayColumn(Array.from({ length }, (_, i) => xData.rows[i]?.[field]));
}

/** The row index, DVC's `step` when a plot has no x. */
function indexColumn(length: number): SeriesColumn {
  return { length, at: (i) => i, numbers: () => ({ values: Float64Array.from({ length }, (_, i) => i), bad: -1, nans: 0, ascending: true }) };
}

function arrayColumn(values: unknown[]): SeriesColumn {
  return {
    length: values.length,
    at: (i) => values[i],
    numbers: () => {
      const tally = new NumberTally();
      return tally.column(Float64Array.from(values, (v, i) => tally.add(toNumber(v), i)));
    },
  };
}

function seriesName(sources: ResolvedSource[], filename: string, field: string): string {
  // One file's fields with different x (a pairing of several x files) are several sources of one file.
  const severalFiles = distinct(sources.map((s) => s.file)).length > 1;
  const severalFields = distinct(sources.flatMap((s) => s.ys)).length > 1;
  if (severalFiles && severalFields) return `${filename}::${field}`;
  return severalFiles ? filename : field;
}

/** Files with their common directory prefix removed, as DVC shows them. */
function shortNames(files: string[]): string[] {
  if (distinct(files).length < 2) return files;
  const parts = files.map((f) => f.split('/'));
  let common = 0;
  while (parts.every((p) => common < p.length - 1 && p[common] === parts[0]![common])) common++;
  return parts.map((p) => p.slice(common).join('/'));
}

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function list(values: string[]): string {
  return values.length > 12 ? `${values.slice(0, 12).join(', ')}, …` : values.join(', ');
}

/** A cell as text: numbers and strings as written, anything else (a nested object) empty. */
function scalarText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}
