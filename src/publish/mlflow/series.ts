import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface MetricPoint {
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
 * Bad rows are skipped with a note naming the line. A minimal reader for the MLflow mirror.
 */
export function parseLoggerCsv(file: string, text: string, notes: string[], now = Date.now()): MetricSeries[] | null {
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim());
  if (headerIndex < 0) return [];
  const header = splitCsvLine(lines[headerIndex]!).map((h) => h.trim());
  const lower = header.map((h) => h.toLowerCase());
  const byName = new Map<string, MetricSeries>();
  const add = (name: string, point: MetricPoint): void => {
    let series = byName.get(name);
    if (!series) byName.set(name, (series = { file, name, points: [] }));
    series.points.push(point);
  };
  const rows = lines.slice(headerIndex + 1).map((line, i) => ({ cells: splitCsvLine(line), line: headerIndex + i + 2, blank: !line.trim() }));
  const col = { name: lower.indexOf('name'), value: lower.indexOf('value'), timestamp: lower.indexOf('timestamp'), step: lower.indexOf('step') };
  if (col.name >= 0 && col.value >= 0) {
    for (const { cells, line, blank } of rows) {
      if (blank) continue;
      const name = cells[col.name]?.trim();
      const value = Number(cells[col.value]);
      const timestamp = col.timestamp >= 0 && cells[col.timestamp]?.trim() ? Number(cells[col.timestamp]) : now;
      const step = col.step >= 0 && cells[col.step]?.trim() ? Number(cells[col.step]) : 1;
      if (!name || !Number.isFinite(value) || !Number.isFinite(timestamp) || !Number.isInteger(step)) {
        notes.push(`${file}:${line}: expected name, a finite value, a timestamp in ms and an integer step; row skipped.`);
        continue;
      }
      add(name, { step, value, timestamp: Math.round(timestamp) });
    }
    return [...byName.values()];
  }
  const stepCol = col.step >= 0 ? col.step : lower.indexOf('epoch');
  if (stepCol < 0) return null;
  for (const { cells, line, blank } of rows) {
    if (blank) continue;
    const step = Number(cells[stepCol]);
    if (!Number.isInteger(step)) {
      notes.push(`${file}:${line}: the ${header[stepCol]} column is not an integer; row skipped.`);
      continue;
    }
    header.forEach((name, i) => {
      const cell = cells[i]?.trim();
      // Empty cells are normal in wide logs (Lightning writes train and val rows apart); text columns are not metrics.
      if (i === stepCol || !name || !cell || !Number.isFinite(Number(cell))) return;
      add(name, { step, value: Number(cell), timestamp: now });
    });
  }
  return [...byName.values()];
}

/**
 * CSV files dvc.yaml names as plots (stage `plots:` outputs and top-level `plots:` definitions): where a DVC
 * project keeps its training logs.
 */
export function plotCsvFilesFromDvcYaml(text: string): string[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return [];
  }
  const out = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.toLowerCase().endsWith('.csv')) out.add(value.replace(/\\/g, '/').replace(/^\.\//, ''));
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        visit(k);
        if (k === 'y' || typeof v === 'object') visit(v);
      }
    }
  };
  const d = doc as { stages?: Record<string, { plots?: unknown }>; plots?: unknown } | null;
  for (const stage of Object.values(d?.stages ?? {})) visit(stage?.plots);
  visit(d?.plots);
  return [...out].sort();
}

/** Reads each training log CSV that exists in the workspace; files in another CSV format are left out. */
export async function readLoggerSeries(workspace: string, files: string[], notes: string[]): Promise<MetricSeries[]> {
  const out: MetricSeries[] = [];
  for (const file of files) {
    const text = await readFile(join(workspace, file), 'utf8').catch(() => null);
    if (text === null) continue;
    out.push(...(parseLoggerCsv(file, text, notes) ?? []));
  }
  return out;
}

/** Splits one CSV line: fields may be double-quoted, with `""` for a quote inside. */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}
