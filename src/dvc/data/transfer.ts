import { stat } from 'node:fs/promises';
import type { Cache } from './cache';
import { makeFolders, stagedCopy } from './checkout';
import { DataError, ObjectError, pushFailure, TransferError, type ObjectFailure } from './errors';
import { ObjectHasher } from './hash';
import { parseManifest, type DirEntry } from './manifest';
import { checkOid, isDirOid, objectKey, type ObjectRef } from './oid';
import { eachLimit } from './pool';
import type { Remote } from './remotes/types';

export interface PullResult {
  /** Objects downloaded (files and `.dir` manifests). */
  downloaded: number;
  /** Objects that were already in the cache. */
  cached: number;
  bytes: number;
}

export interface PushResult {
  uploaded: number;
  /** Objects the remote already held. */
  present: number;
  bytes: number;
}

/** An output a push could not send: its object is in neither the cache nor the remote. */
export interface NotPushed {
  path: string;
  oid: string;
  /** The remote's name. */
  remote: string;
  /** The stage that writes it (a dvc.lock output). */
  stage?: string;
  /** The cache had it, corrupt, and removed it (its bytes were not its md5). */
  corrupt?: boolean;
}

/**
 * What `dvc push` says of each such object (dvc-data's `_log_missing`: "Some of the cache files do not exist neither
 * locally nor on remote"), with what puts it back in the cache.
 */
export function notPushedWarning(o: NotPushed): string {
  const fix = o.stage
    ? `\`mlreport repro\` saves it to the cache from the workspace when the workspace holds it as dvc.lock records it, or else runs stage '${o.stage}'; then push again`
    : 'add it to the cache again with DVC (`dvc commit`), then push again';
  const where = o.corrupt
    ? `was corrupt in the DVC cache (its bytes not its md5; removed there) and is not on remote '${o.remote}'`
    : `is in neither the DVC cache nor remote '${o.remote}'`;
  return `${o.path}: object ${o.oid} ${where}, so it was not pushed (${fix}).`;
}

/** The end of a push's summary line: how many outputs it could not send (nothing when it sent them all). */
export function notPushedSummary(missing: readonly NotPushed[]): string {
  return missing.length ? `, ${missing.length} not pushed (in neither the cache nor the remote: ${missing.map((m) => m.path).join(', ')})` : '';
}

/**
 * Of outputs the cache lacks, those `remote` lacks too: `dvc push` does not fail for them but warns, naming each
 * (dvc-data's transfer with `validate_status=_log_missing`); one the remote holds has nothing to push.
 */
async function missingFromRemote(
  remote: Remote,
  refs: readonly (ObjectRef & { path: string; stage?: string })[],
  corrupt: ReadonlySet<string> = new Set(),
): Promise<NotPushed[]> {
  const present = await remotePresence(
    remote,
    refs.map((r) => objectKey(r.oid, r.legacy)),
  );
  return refs
    .filter((r) => !present.has(objectKey(r.oid, r.legacy)))
    .map((r) => ({
      path: r.path,
      oid: r.oid,
      remote: remote.name,
      ...(r.stage !== undefined && { stage: r.stage }),
      ...(corrupt.has(r.oid) && { corrupt: true }),
    }));
}

export interface PullOptions {
  /**
   * Staged checkout folders (from `stage` in checkout.ts) by the `path` of their `.dir` ref: a remote that can
   * copies each file into it as soon as its object is verified in the cache, and checkout does the rest.
   */
  staging?: ReadonlyMap<string, string>;
}

/**
 * Objects a pull in this process found missing from a remote (by the remote's description): a `.dir` there then
 * no longer vouches for its entries when pushing to it, so the push uploads what the pull could not get, instead of
 * leaving a directory the remote cannot serve whole (a partly pushed or pruned remote) broken for every later run.
 */
const foundMissing = new Map<string, Set<string>>();

/** A file object to move, with the `.dir` it belongs to (if any). */
interface Item {
  oid: string;
  legacy: boolean;
  path?: string;
  dir?: DirState;
  /** Where a staged checkout wants a copy of this file. */
  copy?: { file: string; mode: number };
}

interface DirState {
  ref: Item;
  pending: number;
  failed: boolean;
  manifest?: Uint8Array;
}

/**
 * Brings objects into the cache from a remote (DVC's fetch). A `.dir` pulls its entries too: the manifest is
 * read (from the cache, else from the remote, verified), its files are fetched, and the manifest is stored
 * last and only when every entry arrived, so a `.dir` in the cache always means a complete directory.
 * Objects already in the cache are not requested: a warm cache makes no request at all. Transfers run
 * `remote.jobs` at a time. Any object that fails is listed in one TransferError after all others finished.
 */
export async function pull(cache: Cache, remote: Remote, refs: ObjectRef[], options: PullOptions = {}): Promise<PullResult> {
  const result: PullResult = { downloaded: 0, cached: 0, bytes: 0 };
  const failures: ObjectFailure[] = [];
  const fail = (item: { oid: string; path?: string }, error: unknown): void => {
    const e = error instanceof ObjectError ? error : undefined;
    failures.push({ oid: item.oid, path: item.path, kind: e?.kind ?? 'failed', reason: error instanceof Error ? error.message : String(error) });
  };
  const files: Item[] = [];
  const dirs: DirState[] = [];
  const seen = new Set<string>();
  const unique = refs.filter((r) => {
    checkOid(r.oid, r.path);
    const k = `${r.legacy ? 'L' : ''}${r.oid}`;
    return !seen.has(k) && seen.add(k);
  });

  // Manifests first (they say which files to fetch), all at once up to `jobs`.
  await eachLimit(unique, remote.jobs, async (ref) => {
    const legacy = ref.legacy ?? false;
    if (!isDirOid(ref.oid)) {
      files.push({ oid: ref.oid, legacy, path: ref.path });
      return;
    }
    const state: DirState = { ref: { oid: ref.oid, legacy, path: ref.path }, pending: 0, failed: false };
    try {
      let bytes: Uint8Array | undefined;
      if (await cache.has(ref.oid, legacy)) {
        result.cached++;
      } else {
        bytes = await readVerified(remote, ref.oid, legacy);
        state.manifest = bytes;
      }
      const entries = bytes ? parseManifest(bytes, `${ref.oid} from ${remote.description}`) : await cache.manifest(ref.oid, legacy);
      const staged = ref.path === undefined ? undefined : options.staging?.get(ref.path);
      // Without its folders, the checkout copies every file itself.
      const copies =
        staged &&
        (await makeFolders(
          staged,
          entries.map((e) => e.relpath),
        ).then(
          () => true,
          () => false,
        ));
      for (const e of entries) {
        const copy = copies ? stagedCopy(staged, e.relpath) : undefined;
        files.push({ oid: e.md5, legacy, path: ref.path ? `${ref.path}/${e.relpath}` : e.relpath, dir: state, copy });
        state.pending++;
      }
      dirs.push(state);
    } catch (error) {
      fail(ref, error);
    }
  });

  // One download per distinct object, even when several directories share a file.
  const byOid = new Map<string, Item[]>();
  for (const f of files) {
    const k = `${f.legacy ? 'L' : ''}${f.oid}`;
    byOid.set(k, [...(byOid.get(k) ?? []), f]);
  }
  const groups = [...byOid.values()];
  const held = new Set<string>();
  for (const legacy of [false, true]) {
    const oids = groups.filter((g) => g[0]!.legacy === legacy).map((g) => g[0]!.oid);
    for (const oid of await cache.holding(oids, legacy)) held.add(`${legacy ? 'L' : ''}${oid}`);
  }
  await eachLimit(groups, remote.jobs, async (group) => {
    const first = group[0]!;
    try {
      if (held.has(`${first.legacy ? 'L' : ''}${first.oid}`)) {
        result.cached++;
      } else {
        const key = objectKey(first.oid, first.legacy);
        const from = `${key} on ${remote.description}`;
        // Awaited before the `+=`: `result.bytes += await …` would read the total before the download and lose
        // every other job's bytes that arrived meanwhile.
        const bytes = remote.download
          ? await remote.download(key, {
              file: cache.path(first.oid, first.legacy),
              oid: first.oid,
              legacy: first.legacy,
              from,
              copy: group.find((f) => f.copy)?.copy,
            })
          : await cache.write(first.oid, first.legacy, await remote.read(key), from);
        result.bytes += bytes;
        result.downloaded++;
      }
    } catch (error) {
      fail(first, error);
      if (error instanceof ObjectError && error.kind === 'missing') {
        const missing = foundMissing.get(remote.description) ?? new Set<string>();
        missing.add(objectKey(first.oid, first.legacy));
        foundMissing.set(remote.description, missing);
      }
      for (const f of group) if (f.dir) f.dir.failed = true;
    }
  });

  for (const dir of dirs) {
    if (dir.failed || !dir.manifest) continue;
    try {
      await cache.writeBytes(dir.ref.oid, dir.ref.legacy, dir.manifest, remote.description);
      result.downloaded++;
      result.bytes += dir.manifest.length;
    } catch (error) {
      fail(dir.ref, error);
    }
  }
  if (failures.length) throw new TransferError('pull', remote.description, failures);
  return result;
}

/**
 * A `.dir`'s entries, from the cache or else read (verified) from the remote without storing it: a pull of some of a
 * directory's files (`dvc pull data/images/a.txt`) brings those alone, and a cached `.dir` means the whole directory.
 */
export async function manifestOf(cache: Cache, remote: Remote, oid: string, legacy: boolean): Promise<DirEntry[]> {
  if (await cache.has(oid, legacy)) return cache.manifest(oid, legacy);
  return parseManifest(await readVerified(remote, oid, legacy), `${oid} from ${remote.description}`);
}

async function readVerified(remote: Remote, oid: string, legacy: boolean): Promise<Uint8Array> {
  const key = objectKey(oid, legacy);
  const chunks: Buffer[] = [];
  const hasher = new ObjectHasher(legacy);
  try {
    for await (const chunk of await remote.read(key)) {
      hasher.update(chunk);
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    if (error instanceof ObjectError) throw error;
    throw new ObjectError(`reading ${key} from ${remote.description} broke off: ${(error as Error).message}`, 'unreachable');
  }
  const bytes = Buffer.concat(chunks);
  const actual = hasher.digest();
  if (`${actual}.dir` !== oid) throw new ObjectError(`corrupt: ${key} on ${remote.description} has md5 ${actual}`, 'corrupt');
  return bytes;
}

/**
 * Sends cached objects to a remote (DVC's push): asks the remote what it already holds first (a `.dir` the
 * remote has vouches for its entries, as in DVC), uploads the rest `remote.jobs` at a time, and each `.dir`
 * manifest last, only when all its entries made it — a remote never lists a directory it cannot serve whole.
 */
/**
 * A push to several remotes, one `send` each, as `dvc push` makes it: every remote gets what it can, and what failed
 * is said at the end (`done`), not at the first remote that fails while the others' outputs wait unsent.
 */
export class PushToRemotes {
  readonly total: PushResult & { notPushed: NotPushed[] } = { uploaded: 0, present: 0, bytes: 0, notPushed: [] };
  private readonly failed: DataError[] = [];

  constructor(private readonly cache: Cache) {}

  /**
   * One remote's share: the `cached` objects uploaded; `uncached` (outputs the cache lacks) looked for on the remote,
   * those it lacks too in `notPushed`. A DataError (from `remote()` too) waits for `done`.
   */
  async send(remote: () => Remote, cached: ObjectRef[], uncached: readonly (ObjectRef & { path: string; stage?: string })[]): Promise<void> {
    try {
      const to = remote();
      if (uncached.length) for (const m of await missingFromRemote(to, uncached, this.cache.corrupt)) this.total.notPushed.push(m);
      if (!cached.length) return;
      const r = await push(this.cache, to, cached);
      this.total.uploaded += r.uploaded;
      this.total.present += r.present;
      this.total.bytes += r.bytes;
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      this.failed.push(error);
    }
  }

  /** What every remote got, or the remotes' failures (pushFailure). */
  done(): PushResult & { notPushed: NotPushed[] } {
    const failure = pushFailure(this.failed, this.total.uploaded);
    if (failure) throw failure;
    return this.total;
  }
}

export async function push(cache: Cache, remote: Remote, refs: ObjectRef[]): Promise<PushResult> {
  const result: PushResult = { uploaded: 0, present: 0, bytes: 0 };
  const failures: ObjectFailure[] = [];
  const fail = (item: { oid: string; path?: string }, error: unknown): void => {
    const e = error instanceof ObjectError ? error : undefined;
    failures.push({ oid: item.oid, path: item.path, kind: e?.kind ?? 'failed', reason: error instanceof Error ? error.message : String(error) });
  };
  const seen = new Set<string>();
  const unique = refs.filter((r) => {
    checkOid(r.oid, r.path);
    const k = `${r.legacy ? 'L' : ''}${r.oid}`;
    return !seen.has(k) && seen.add(k);
  });
  const dirs: DirState[] = [];
  const files: Item[] = [];
  for (const ref of unique) {
    const legacy = ref.legacy ?? false;
    if (!isDirOid(ref.oid)) {
      files.push({ oid: ref.oid, legacy, path: ref.path });
      continue;
    }
    dirs.push({ ref: { oid: ref.oid, legacy, path: ref.path }, pending: 0, failed: false });
  }

  const present = await remotePresence(
    remote,
    [...dirs.map((d) => d.ref), ...files].map((i) => objectKey(i.oid, i.legacy)),
  );
  const missing = foundMissing.get(remote.description);
  // Objects the remote holds already, each once: a `.dir` vouching for its entries counts them too (those the cache's
  // copy of its manifest lists), so the count is of objects, as the uploads are, not of outputs.
  const held = new Set<string>();
  for (const dir of dirs) {
    let entries: DirEntry[] | null = null;
    const dirKey = objectKey(dir.ref.oid, dir.ref.legacy);
    if (present.has(dirKey)) {
      held.add(dirKey);
      entries = await cache.manifest(dir.ref.oid, dir.ref.legacy).catch(() => null);
      if (!missing || !entries?.some((e) => missing.has(objectKey(e.md5, dir.ref.legacy)))) {
        for (const e of entries ?? []) held.add(objectKey(e.md5, dir.ref.legacy));
        continue;
      }
    }
    try {
      for (const e of entries ?? (await cache.manifest(dir.ref.oid, dir.ref.legacy))) {
        files.push({ oid: e.md5, legacy: dir.ref.legacy, path: dir.ref.path ? `${dir.ref.path}/${e.relpath}` : e.relpath, dir });
        dir.pending++;
      }
    } catch {
      dir.failed = true;
      fail(dir.ref, new DataError(`not in the local cache ${cache.dir}, so it cannot be pushed`));
    }
  }
  const unknown = files.filter((f) => f.dir && !present.has(objectKey(f.oid, f.legacy))).map((f) => objectKey(f.oid, f.legacy));
  for (const key of await remotePresence(remote, [...new Set(unknown)])) present.add(key);

  const byKey = new Map<string, Item[]>();
  for (const f of files) {
    const key = objectKey(f.oid, f.legacy);
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  await eachLimit([...byKey.entries()], remote.jobs, async ([key, group]) => {
    const first = group[0]!;
    if (present.has(key)) {
      held.add(key);
      return;
    }
    try {
      const file = cache.path(first.oid, first.legacy);
      // As the cache is read everywhere: a file that is not read-only is hashed first, and a corrupt one removed, not sent.
      if (!(await cache.has(first.oid, first.legacy)))
        throw new DataError(`not in the local cache ${cache.dir} (or corrupt there, and removed), so it cannot be pushed`);
      const size = (await stat(file)).size;
      await remote.write(key, file, size);
      result.uploaded++;
      result.bytes += size;
    } catch (error) {
      fail(first, error);
      for (const f of group) if (f.dir) f.dir.failed = true;
    }
  });

  await eachLimit(
    dirs.filter((d) => !d.failed && !present.has(objectKey(d.ref.oid, d.ref.legacy))),
    remote.jobs,
    async (dir) => {
      const key = objectKey(dir.ref.oid, dir.ref.legacy);
      try {
        const file = cache.path(dir.ref.oid, dir.ref.legacy);
        const size = (await stat(file)).size;
        await remote.write(key, file, size);
        result.uploaded++;
        result.bytes += size;
      } catch (error) {
        fail(dir.ref, error);
      }
    },
  );
  result.present = held.size;
  if (failures.length) throw new TransferError('push', remote.description, failures);
  return result;
}

/**
 * Which of `keys` the remote holds. Where the remote can list and many objects share a two-hex-digit prefix
 * directory, one listing per prefix beats one request per object; otherwise each object is probed.
 */
async function remotePresence(remote: Remote, keys: string[]): Promise<Set<string>> {
  const present = new Set<string>();
  if (!keys.length) return present;
  const prefixes = new Set(keys.map((k) => k.slice(0, k.lastIndexOf('/') + 1)));
  if (remote.list && keys.length >= 4 * prefixes.size) {
    const wanted = new Set(keys);
    await eachLimit([...prefixes], remote.jobs, async (prefix) => {
      for (const key of await remote.list!(prefix)) if (wanted.has(key)) present.add(key);
    });
    return present;
  }
  await eachLimit(keys, remote.jobs, async (key) => {
    if (await remote.exists(key)) present.add(key);
  });
  return present;
}
