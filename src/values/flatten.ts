import type { Leaf } from './types';

/**
 * Flattens nested mappings with `.` like DVC. For metrics, lists, nulls and empty mappings are dropped
 * (DVC keeps only numbers, strings and booleans); params keep everything, lists shown as text.
 */
export function flattenValues(data: unknown, kind: 'metrics' | 'params'): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const visit = (value: unknown, key: string): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) visit(v, key ? `${key}.${k}` : k);
      return;
    }
    if (Array.isArray(value)) {
      if (kind === 'params') out.set(key, JSON.stringify(value));
      return;
    }
    if (value === null || value === undefined) {
      if (kind === 'params') out.set(key, null);
      return;
    }
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') out.set(key, value);
    else out.set(key, String(value));
  };
  visit(data, '');
  return out;
}
