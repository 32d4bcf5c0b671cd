import { numericValue, type FileDiff, type Leaf } from '../values/types';
import type { MetricLookup } from './types';

/**
 * The one adapter between the metrics diff and the gate: every metric row as base/head numbers.
 * Absent stays undefined; anything that is not a number becomes null.
 */
export function metricLookupFromDiffs(files: FileDiff[]): MetricLookup[] {
  return files.flatMap((f) => f.rows.map((r) => ({ file: f.path, key: r.key, base: toNumber(r.old), head: toNumber(r.new) })));
}

function toNumber(leaf: Leaf | undefined): number | null | undefined {
  if (leaf === undefined) return undefined;
  // numericValue reads floats kept as written (`1.0` is `{float: 1}`); booleans are not numbers to a rule.
  return typeof leaf === 'boolean' ? null : (numericValue(leaf) ?? null);
}
