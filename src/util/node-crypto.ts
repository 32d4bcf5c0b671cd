import type * as Crypto from 'node:crypto';

/**
 * `node:crypto`, loaded where it is first used rather than with the bundle: loading it takes ≈ 18 ms of a process's
 * start-up on Node 24 (it brings its key and argon2 modules), and `metrics diff` or `params diff` never hash.
 */
export function nodeCrypto(): typeof Crypto {
  return process.getBuiltinModule('node:crypto');
}
