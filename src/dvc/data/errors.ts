import { UserError } from '../../util/errors';

/**
 * A data-layer failure a user can act on. Messages name the workspace path (when known), the object and the
 * remote; they are built from redacted remote descriptions only, so no credential can reach them.
 */
export class DataError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}

/** Why one object could not be moved. */
export type FailureKind = 'missing' | 'corrupt' | 'denied' | 'unreachable' | 'failed';

export interface ObjectFailure {
  oid: string;
  /** The workspace path the object belongs to, e.g. `data/prepared/train.tsv`. */
  path?: string;
  kind: FailureKind;
  reason: string;
}

/** One object's transfer failed; `kind` lets callers tell a missing object from a broken remote. */
export class ObjectError extends DataError {
  constructor(
    message: string,
    readonly kind: FailureKind,
  ) {
    super(message);
    this.name = 'ObjectError';
  }
}

/**
 * Some objects of a pull or push failed: each is listed with its path, object and reason, in path order — transfers
 * run in parallel and finish in any order, and the same failure should read the same way twice.
 */
export class TransferError extends DataError {
  readonly failures: ObjectFailure[];
  constructor(
    readonly direction: 'pull' | 'push',
    readonly remote: string,
    failures: readonly ObjectFailure[],
  ) {
    const sorted = [...failures].sort(byPathThenObject);
    const shown = sorted.slice(0, 20).map((f) => `  ${f.path ? `${f.path}: ` : ''}object ${f.oid}: ${f.reason}`);
    if (failures.length > shown.length) shown.push(`  … and ${failures.length - shown.length} more`);
    const verb = direction === 'pull' ? 'could not be pulled from' : 'could not be pushed to';
    super(`${failures.length} object${failures.length === 1 ? '' : 's'} ${verb} ${remote}:\n${shown.join('\n')}`);
    this.name = 'TransferError';
    this.failures = sorted;
  }
}

function byPathThenObject(a: ObjectFailure, b: ObjectFailure): number {
  const pa = a.path ?? '';
  const pb = b.path ?? '';
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.oid < b.oid ? -1 : a.oid > b.oid ? 1 : 0;
}

/**
 * A push that went on to every remote past the ones that failed, as `dvc push` does: the one failure as it was, or
 * all of them after how many objects the other remotes got; null when none failed.
 */
export function pushFailure(failed: readonly DataError[], uploaded: number): DataError | null {
  if (!failed.length) return null;
  if (failed.length === 1 && !uploaded) return failed[0]!;
  const sent = uploaded ? `${uploaded} object(s) were uploaded to the other remote(s); ` : '';
  return new DataError(`${sent}${failed.map((e) => e.message).join('\n')}`);
}
