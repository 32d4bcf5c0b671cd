/**
 * One DVC remote, whatever stores it. Keys are object paths under the remote's root (`files/md5/ab/cdef…`);
 * every failure is an ObjectError whose message names the key and `description`, never a credential.
 */
export interface Remote {
  /** The remote's name in the DVC config. */
  readonly name: string;
  /** `remote 'storage' (s3://bucket/prefix)`: what messages call it, with any credentials removed from the URL. */
  readonly description: string;
  /** How many transfers run at once: the remote's `jobs` option, else DVC's default of 4 × CPUs. */
  readonly jobs: number;
  /** Streams an object's bytes; an absent object is ObjectError kind 'missing'. */
  read(key: string): Promise<AsyncIterable<Uint8Array>>;
  /**
   * Where a remote has a faster way than `read` for bulk downloads: streams the object into the cache file
   * `into.file`, verified against `into.oid` as the cache does, and returns its size.
   */
  download?(key: string, into: ObjectFile): Promise<number>;
  exists(key: string): Promise<boolean>;
  /** Every key under `prefix` (e.g. `files/md5/ab/`), where the store can list; HTTP remotes cannot. */
  list?(prefix: string): Promise<string[]>;
  /** Uploads a local file of `size` bytes to `key`, replacing what is there. */
  write(key: string, file: string, size: number): Promise<void>;
  close(): Promise<void>;
}

/** A cache file to download an object into, the object it must hash to, and how messages name its source. */
export interface ObjectFile {
  file: string;
  oid: string;
  legacy: boolean;
  from: string;
  /**
   * A file of a staged checkout folder (see `stage` in checkout.ts) that the remote may also copy the object to once
   * it is verified in the cache, with this mode; a failed copy leaves no file there.
   */
  copy?: { file: string; mode: number };
}

/** DVC's default `jobs`: 4 × CPU count (dvc-objects `_JOBS`). */
export function defaultJobs(cpus: number): number {
  return Math.max(1, 4 * cpus);
}
