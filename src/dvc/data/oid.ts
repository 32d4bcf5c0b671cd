import { DataError } from './errors';

/** An object to move: its md5 (`<32 hex>` or `<32 hex>.dir`), where it came from, and which layout holds it. */
export interface ObjectRef {
  oid: string;
  /** The workspace path it belongs to (`data/data.xml`, `eval/metrics.json`), named in messages. */
  path?: string;
  /**
   * DVC 2.x objects (an out entry without `hash: md5`): hashed md5-dos2unix and stored at the remote's and the
   * cache's root instead of under `files/md5/`.
   */
  legacy?: boolean;
}

const OID = /^[0-9a-f]{32}(\.dir)?$/;

export function isDirOid(oid: string): boolean {
  return oid.endsWith('.dir');
}

/** Rejects anything that is not an md5 before it becomes part of a path or URL. */
export function checkOid(oid: string, path?: string): void {
  if (!OID.test(oid)) throw new DataError(`${path ? `${path}: ` : ''}'${oid}' is not a DVC md5 (32 lower-case hex digits, '.dir' for a directory)`);
}

/**
 * Where an object lives under a remote's or a cache's root (dvc-objects `oid_to_path`): `files/md5/ab/cdef…`
 * for DVC 3, `ab/cdef…` at the root for DVC 2.x objects.
 */
export function objectKey(oid: string, legacy = false): string {
  const rel = `${oid.slice(0, 2)}/${oid.slice(2)}`;
  return legacy ? rel : `files/md5/${rel}`;
}
