import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

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
 * Reads a DagsHub-logger `metrics.csv` (`Name,Value,Timestamp,Step`, one row per metric per call, names quoted,
 * timestamps in ms, step 1 when not given). Returns null when the header is not that (another CSV format); bad
 * rows are skipped with a note naming the line. A minimal reader for the MLflow mirror.
 */
export function parseLoggerCsv(file: string, text: string, notes: string[], now = Date.now()): MetricSeries[] | null {
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim());
  if (headerIndex < 0) return [];
  const header = splitCsvLine(lines[headerIndex]!).map((h) => h.trim().toLowerCase());
  const col = { name: header.indexOf('name'), value: header.indexOf('value'), timestamp: header.indexOf('timestamp'), step: header.indexOf('step') };
  if (col.name < 0 || col.value < 0) return null;
  const byName = new Map<string, MetricSeries>();
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const cells = splitCsvLine(line);
    const name = cells[col.name]?.trim();
    const value = Number(cells[col.value]);
    const timestamp = col.timestamp >= 0 && cells[col.timestamp]?.trim() ? Number(cells[col.timestamp]) : now;
    const step = col.step >= 0 && cells[col.step]?.trim() ? Number(cells[col.step]) : 1;
    if (!name || !Number.isFinite(value) || !Number.isFinite(timestamp) || !Number.isInteger(step)) {
      notes.push(`${file}:${i + 1}: expected name, a finite value, a timestamp in ms and an integer step; row skipped.`);
      continue;
    }
    let series = byName.get(name);
    if (!series) byName.set(name, (series = { file, name, points: [] }));
    series.points.push({ step, value, timestamp: Math.round(timestamp) });
  }
  return [...byName.values()];
}

/** Reads each logger CSV that exists in the workspace; files in another CSV format are left out. */
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
