import { UserError } from '../util/errors';
import { describeValue } from './python/format';
import { isRawMap, type RawMap } from './python/value';

// Checks of one mapping's keys as DVC's voluptuous schemas make them, shared by the readers of dvc.lock and `.dvc`
// files. `named`/`at`: how messages name the key or the entry (`x.dvc: outs[0].cache`); each says what was expected
// and what was found.

/** An error naming the first key of `item` that is not one of `keys`, as voluptuous refuses an extra key. */
export function onlyKeys(item: RawMap, keys: readonly string[], at: string): void {
  for (const key of item.keys()) {
    if (!keys.includes(key)) throw new UserError(`${at}: unknown key '${key}' (expected one of ${keys.join(', ')}).`);
  }
}

/** `key: bool` (null is no boolean there either); undefined when the key is absent. */
export function boolField(item: RawMap, key: string, named: string): boolean | undefined {
  const v = item.get(key);
  if (v !== undefined && typeof v !== 'boolean') throw new UserError(`${named} must be true or false, not ${describeValue(v)}.`);
  return v;
}

/** `key: str`; undefined when the key is absent. */
export function stringField(item: RawMap, key: string, named: string): string | undefined {
  const v = item.get(key);
  if (v !== undefined && typeof v !== 'string') throw new UserError(`${named} must be a string, not ${describeValue(v)}.`);
  return v;
}

/** `key: dict`; undefined when the key is absent. */
export function mapField(item: RawMap, key: string, named: string): RawMap | undefined {
  const v = item.get(key);
  if (v !== undefined && !isRawMap(v)) throw new UserError(`${named} must be a mapping, not ${describeValue(v)}.`);
  return v;
}
