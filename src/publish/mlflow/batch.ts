import type { MlflowMetric, MlflowParam, MlflowTag } from './client';

/** What one runs/log-batch request may hold (MLflow REST docs; the server rejects more). */
export const LOG_BATCH_LIMITS = { metrics: 1000, params: 100, tags: 100, items: 1000, bytes: 1_000_000 };

/**
 * Key and value lengths every MLflow server we know accepts: keys 250, tag values 5000 (8000 on newer servers),
 * param values 500 (6000 on MLflow ≥ 1.28; older servers and some hosted ones keep 500).
 */
export const LENGTH_LIMITS = { key: 250, paramValue: 500, tagValue: 5000 };

export interface Batch {
  metrics: MlflowMetric[];
  params: MlflowParam[];
  tags: MlflowTag[];
}

/** JSON of the request around the lists, plus room for the run id. */
const ENVELOPE_BYTES = 200;

/** Splits what to log into requests within the limits, keeping the order (params, tags, then metrics). */
export function splitBatches(all: Batch, limits = LOG_BATCH_LIMITS): Batch[] {
  const batches: Batch[] = [];
  let current: Batch = { metrics: [], params: [], tags: [] };
  let bytes = ENVELOPE_BYTES;
  const size = (b: Batch): number => b.metrics.length + b.params.length + b.tags.length;
  const add = (kind: keyof Batch, item: MlflowMetric | MlflowParam | MlflowTag): void => {
    const itemBytes = Buffer.byteLength(JSON.stringify(item)) + 1;
    const full = current[kind].length >= limits[kind] || size(current) >= limits.items || (size(current) > 0 && bytes + itemBytes > limits.bytes);
    if (full) {
      batches.push(current);
      current = { metrics: [], params: [], tags: [] };
      bytes = ENVELOPE_BYTES;
    }
    (current[kind] as unknown[]).push(item);
    bytes += itemBytes;
  };
  for (const p of all.params) add('params', p);
  for (const t of all.tags) add('tags', t);
  for (const m of all.metrics) add('metrics', m);
  if (size(current)) batches.push(current);
  return batches;
}

/**
 * A name MLflow accepts: letters, digits, `_ - . / space`, no empty, `.` or `..` path segment (MLflow stores
 * names as paths), at most 250 characters. Anything else becomes `_`.
 */
export function mlflowKey(name: string, notes: string[]): string {
  let key = name
    .replace(/[^\p{L}\p{N}_\-./ ]/gu, '_')
    .split('/')
    .filter((segment) => segment && segment !== '.' && segment !== '..')
    .join('/');
  if (!key) key = '_';
  if (key.length > LENGTH_LIMITS.key) {
    notes.push(`Key '${key.slice(0, 60)}…' is longer than ${LENGTH_LIMITS.key} characters; cut to fit MLflow.`);
    key = key.slice(0, LENGTH_LIMITS.key);
  }
  return key;
}

/** A value cut to `limit` characters, with a note saying which key lost its end. */
export function fitValue(key: string, value: string, limit: number, notes: string[]): string {
  if (value.length <= limit) return value;
  const marker = '…(truncated)';
  notes.push(`The value of '${key}' is ${value.length} characters; MLflow keeps ${limit}, so it was cut.`);
  return value.slice(0, limit - marker.length) + marker;
}
