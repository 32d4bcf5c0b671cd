import { describeError } from '../../util/errors';
import { workspaceTree } from '../../workspace/tree';
import { findPlotDefinitions } from '../../plots/collect';
import { parseCsvRecords, type CsvRecord } from '../../dvc/formats/csv';
import { isLoggerHeader, loggerMetricsFromRecords } from '../../values/dagshub';
import { SyntaxProblem } from '../../dvc/formats/json';

interface MetricPoint {
  step: number;
  value: number;
  /** Milliseconds since the epoch. */
  timestamp: number;
}

/** One metric's history from a training log, in file order. */
export interface MetricSeries {
  /** The log file, relative to the workspace. */
  file: string;
  name: string;
  points: MetricPoint[];
}

/** DagsHub's logger writes this file by default (`dagshub.logger.DAGsHubLogger`). */
export const DEFAULT_LOGGER_CSV = 'metrics.csv';

/**
 * Reads a training log CSV into step series. Two shapes are known, anything else gives null:
 * - DagsHub's logger `metrics.csv`, long: `Name,Value,Timestamp,Step`, one row per metric per call, names quoted,
 *   timestamps in ms, step 1 when not given;
 * - wide logs (DVC plots, Keras' and Lightning's CSV loggers): a `step` or `epoch` column and one numeric column
 *   per metric (`epoch,loss,val_loss`); their points get `now` as timestamp.
 * Bad rows are skipped with a note naming the line. The logger format is read by the values engine's reader
 * (in its tolerant mode), so a file the metrics diff reads is split the same way here.
 */
export function parseLoggerCsv(file: string, text: string, notes: string[], now = Date.now()): MetricSeries[] | null {
  let records: CsvRecord[];
  try {
    records = parseCsvRecords(text, ',');
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    notes.push(`${file}:${error.line}: ${error.message}; file skipped.`);
    return [];
  }
  const header = records[0];
  if (!header) return [];
  if (isLoggerHeader(header.fields)) {
    const skipped = (line: number): void => {
      notes.push(`${file}:${line}: expected name, a finite value, a timestamp in ms and an integer step; row skipped.`);
    };
    const { series } = loggerMetricsFromRecords(records, true, skipped);
    return [...series].map(([name, points]) => ({
      file,
      name,
      points: points.map((p) => ({ step: p.step ?? 1, value: p.value, timestamp: p.timestamp === null ? now : Math.round(p.timestamp) })),
    }));
  }
  const names = header.fields.map((h) => h.trim());
  const lower = names.map((h) => h.toLowerCase());
  const stepCol = lower.includes('step') ? lower.indexOf('step') : lower.indexOf('epoch');
  if (stepCol < 0) return null;
  const byName = new Map<string, MetricSeries>();
  for (const { fields: cells, line } of records.slice(1)) {
    if (cells.every((c) => !c.trim())) continue;
    const step = Number(cells[stepCol]);
    if (!Number.isInteger(step)) {
      notes.push(`${file}:${line}: the ${names[stepCol]} column is not an integer; row skipped.`);
      continue;
    }
    names.forEach((name, i) => {
      const cell = cells[i]?.trim();
      // Empty cells are normal in wide logs (Lightning writes train and val rows apart); text columns are not metrics.
      if (i === stepCol || !name || !cell || !Number.isFinite(Number(cell))) return;
      let series = byName.get(name);
      if (!series) byName.set(name, (series = { file, name, points: [] }));
      series.points.push({ step, value: Number(cell), timestamp: now });
    });
  }
  return [...byName.values()];
}

/**
 * CSV files dvc.yaml draws as plots (top-level definitions and stage `plots:` outputs), read as the plots step
 * reads them (`${…}` resolved, `wdir` applied, plot directories expanded): where a DVC project keeps its
 * training logs. A dvc.yaml that cannot be read names none.
 */
export async function plotCsvFiles(workspace: string): Promise<string[]> {
  const { definitions } = await findPlotDefinitions(workspace, null);
  const files = definitions.flatMap((d) => d.sources.map((s) => s.file)).filter((f) => f.toLowerCase().endsWith('.csv'));
  return [...new Set(files)].sort();
}

/** Reads each training log CSV that exists in the workspace; files in another CSV format are left out. */
export async function readLoggerSeries(workspace: string, files: string[], notes: string[]): Promise<MetricSeries[]> {
  const out: MetricSeries[] = [];
  const tree = workspaceTree(workspace);
  for (const file of files) {
    let bytes: Buffer | null;
    try {
      bytes = await tree.read(file);
    } catch (error) {
      notes.push(describeError(error));
      continue;
    }
    if (bytes === null) continue;
    for (const series of parseLoggerCsv(file, bytes.toString('utf8'), notes) ?? []) out.push(series);
  }
  return out;
}
