import { exactDiff } from '../values/diff';
import { floatLeaf, intLeaf, type FileDiff, type FloatLeaf, type IntLeaf, type MetricCauses, type ValueRow } from '../values/types';
import type { ReportData } from './types';

/**
 * A values row as report.json holds it: its causes are an index into the report's `causes`, and a `diff` or `relative`
 * that is not finite (a metric that went NaN or inf) is written as a value is, `{"float": "NaN"}`: JSON has no NaN. A
 * `diff` between ints that a double cannot hold exactly is its digits, `{"int": "…"}`, as such a value is.
 */
type ValueRowJson = Omit<ValueRow, 'causes' | 'diff' | 'relative'> & {
  causes?: number;
  diff?: number | FloatLeaf | IntLeaf;
  relative?: number | FloatLeaf;
};

/**
 * report.json's shape (docs/report-schema.md): ReportData, with each distinct causes object named once in `causes`
 * and the metrics rows pointing at it by index. Every changed row of a file shares its stage's causes, and every
 * file no stage writes shares one list of every changed param and file: written out on each row, 1,000 such files
 * made a 26 MB report.json.
 */
type FileDiffJson = Omit<FileDiff, 'rows'> & { rows: ValueRowJson[] };

export type ReportJson = Omit<ReportData, 'metrics' | 'params'> & {
  params: FileDiffJson[];
  metrics: FileDiffJson[];
  causes: MetricCauses[];
};

/** The report as report.json holds it; parseReportJson (parse.ts) reads it back. Shares the report's objects. Pure. */
export function reportJson(report: ReportData): ReportJson {
  const causes: MetricCauses[] = [];
  const index = new Map<MetricCauses, number>();
  const metrics = report.metrics.map((file) => ({
    ...file,
    rows: file.rows.map((row): ValueRowJson => {
      const json = finiteChanges(row);
      if (!row.causes) return json;
      let at = index.get(row.causes);
      if (at === undefined) {
        at = causes.push(row.causes) - 1;
        index.set(row.causes, at);
      }
      return { ...json, causes: at };
    }),
  }));
  // Params rows have no causes: the file as it is, unless a row's change is not finite.
  const params = report.params.map((file): FileDiffJson =>
    file.rows.every(hasFiniteChanges) ? (file as FileDiffJson) : { ...file, rows: file.rows.map(finiteChanges) },
  );
  return { ...report, params, metrics, causes };
}

function hasFiniteChanges(row: ValueRow): boolean {
  return (
    (row.diff === undefined || Number.isSafeInteger(row.diff) || (Number.isFinite(row.diff) && exactDiff(row) === null)) &&
    (row.relative === undefined || Number.isFinite(row.relative))
  );
}

/**
 * The row itself when its diff and relative change are finite (nearly every row), else a copy with them as values.
 * Its causes, if any, are the caller's to replace by their index.
 */
function finiteChanges(row: ValueRow): ValueRowJson {
  if (hasFiniteChanges(row)) return row as ValueRowJson;
  const { diff, relative, causes: _causes, ...rest } = row;
  return {
    ...rest,
    ...(diff === undefined ? {} : { diff: exactDiffValue(row) ?? asValue(diff) }),
    ...(relative === undefined ? {} : { relative: asValue(relative) }),
  };
}

function asValue(n: number): number | FloatLeaf {
  return Number.isFinite(n) ? n : (floatLeaf(n) as FloatLeaf);
}

/** The exact difference of two ints, its digits when a double cannot hold it; null when the row has no such diff. */
function exactDiffValue(row: ValueRow): number | IntLeaf | null {
  const exact = exactDiff(row);
  return exact === null ? null : intLeaf(exact);
}
