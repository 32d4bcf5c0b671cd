import type { FileDiff, MetricCauses, ValueRow } from '../values/types';
import type { ReportData } from './types';

/** A metrics row as report.json holds it: its causes are an index into the report's `causes`. */
type ValueRowJson = Omit<ValueRow, 'causes'> & { causes?: number };

/**
 * report.json's shape (docs/report-schema.md): ReportData, with each distinct causes object named once in `causes`
 * and the metrics rows pointing at it by index. Every changed row of a file shares its stage's causes, and every
 * file no stage writes shares one list of every changed param and file: written out on each row, 1,000 such files
 * made a 26 MB report.json.
 */
export type ReportJson = Omit<ReportData, 'metrics'> & {
  metrics: (Omit<FileDiff, 'rows'> & { rows: ValueRowJson[] })[];
  causes: MetricCauses[];
};

/** The report as report.json holds it; parseReportJson (parse.ts) reads it back. Shares the report's objects. Pure. */
export function reportJson(report: ReportData): ReportJson {
  const causes: MetricCauses[] = [];
  const index = new Map<MetricCauses, number>();
  const metrics = report.metrics.map((file) => ({
    ...file,
    rows: file.rows.map((row): ValueRowJson => {
      if (!row.causes) return row as ValueRowJson;
      let at = index.get(row.causes);
      if (at === undefined) {
        at = causes.push(row.causes) - 1;
        index.set(row.causes, at);
      }
      return { ...row, causes: at };
    }),
  }));
  return { ...report, metrics, causes };
}
