// The DVC data layer: configuration, remotes, the cache, pull/push and checkout, byte-compatible with DVC 3.x
// (and reading DVC 2.x objects). docs/dvc-data.md describes the API; code inside mlreport imports the concrete
// modules, this barrel is what the CLI, tests and bench use.
export { loadDvcConfig, selectRemote, type RemoteConfig } from './config';
export { openRemote } from './remotes/open';
export { Cache } from './cache';
export { notPushedSummary, notPushedWarning, pull, push } from './transfer';
export { checkout, stage } from './checkout';
export { dirManifest } from './manifest';
export { PartialPullError, pullTracked, pushTracked, type PullReport, type TrackedOptions } from './tracked';
export { DataError, TransferError } from './errors';
