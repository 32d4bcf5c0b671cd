// The DVC data layer: configuration, remotes, the cache, pull/push and checkout, byte-compatible with DVC 3.x
// (and reading DVC 2.x objects). docs/dvc-data.md describes the API.
export { loadDvcConfig, selectRemote, type DvcConfig, type RemoteConfig, type ConfigEnvironment } from './config';
export { openRemote, remoteSecrets, displayUrl, type RemoteInputs } from './remotes/open';
export type { Remote } from './remotes/types';
export { Cache } from './cache';
export { pull, push, type PullResult, type PushResult } from './transfer';
export { checkout, type CheckoutTarget, type CheckoutOptions, type CheckoutOutcome } from './checkout';
export { dirManifest, parseManifest, type DirEntry } from './manifest';
export { objectKey, isDirOid, type ObjectRef } from './oid';
export { findDvcFiles, readDvcFile, type TrackedOut } from './dvcfile';
export { pullTracked, pushTracked, type TrackedOptions, type PullReport } from './tracked';
export { DataError, ObjectError, TransferError, type ObjectFailure, type FailureKind } from './errors';
