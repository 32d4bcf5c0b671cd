import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { Cache } from '../dvc/data/cache';
import { checkout } from '../dvc/data/checkout';
import { loadDvcConfig, selectRemote, type DvcConfig, type RevisionConfig } from '../dvc/data/config';
import { importNotFetched, type TrackedOut } from '../dvc/data/dvcfile';
import { DataError, ObjectError, TransferError } from '../dvc/data/errors';
import { objectMd5 } from '../dvc/data/hash';
import { isDirOid, objectKey } from '../dvc/data/oid';
import { openRemote, remoteSecrets, type RemoteInputs } from '../dvc/data/remotes/open';
import type { Remote } from '../dvc/data/remotes/types';
import { pull, PushToRemotes, type NotPushed, type PushResult } from '../dvc/data/transfer';
import type { LockEntry, LockStage } from '../dvc/lock';
import { joinPath, loadProject, type DvcProject } from '../dvc/project';
import type { Stage } from '../dvc/types';
import { addSecret } from '../util/redact';
import { MAX_FILE_BYTES, workspaceTree } from '../workspace/tree';
import { outputPlaceRefused } from '../workspace/output-place';
import { describeError } from '../util/errors';
import { stageStatus, type StageStatus, type Workspace } from './status';

export interface DataOptions extends RemoteInputs {
  /** `-r`: the remote for outputs that do not name their own (else `core.remote`). */
  remote?: string;
  /**
   * The hub's URL and credentials (`hub-user`/`hub-token`): given as the HTTP user and password only to remotes
   * under that URL (DagsHub's `https://dagshub.com/<owner>/<repo>.dvc`), never to another host.
   */
  hub?: { url: string; user: string; password: string };
  /**
   * Where the checkout may be a pull request's while the workflow's credentials are at hand (`pull_request_target`,
   * `workflow_run`, …): the repo-level `.dvc/config` read in place of the checkout's — the base revision's — so that a
   * pull request cannot choose where those credentials go; `local: false` when the checkout's `.dvc/config.local` is
   * a file the pull request committed, not the one the workflow wrote. See src/pipeline/trusted-remotes.ts.
   */
  trusted?: { repo: RevisionConfig; local: boolean };
}

/** An object a stage needs, with the remote it comes from (undefined: the default remote). */
interface Wanted {
  path: string;
  oid: string;
  legacy: boolean;
  isexec?: boolean;
  remote?: string;
  /** A `dvc import`'s data: why it cannot be had but from the cache (importNotFetched), as no remote holds it. */
  imported?: string;
}

/** Where a set of objects can come from: the cache, a remote, or nowhere (and why). */
export type Availability = { ok: true; from: string } | { ok: false; why: string };

/**
 * `dvc repro --pull` for the builtin runner: the project's DVC cache and remotes, used to pull `.dvc`-tracked
 * deps and to restore the outs of stages whose dvc.lock entry still matches instead of running them.
 */
export class PipelineData {
  private readonly remotes = new Map<string, Remote>();
  /** The same cache with other revisions' remotes (`atRevision`) by their config's text, closed with this one. */
  private readonly revisions = new Map<string | null, Promise<PipelineData>>();

  private constructor(
    private readonly config: DvcConfig,
    readonly cache: Cache,
    private readonly options: DataOptions,
  ) {}

  /** Null for a project without a `.dvc` directory: there is no cache or remote to use. */
  static async open(root: string, options: DataOptions = {}): Promise<PipelineData | null> {
    if (!existsSync(join(root, '.dvc'))) return null;
    const config = await loadDvcConfig(root, {}, options.trusted?.repo, options.trusted?.local);
    registerSecrets(config, options);
    return new PipelineData(config, new Cache(config.cacheDir), options);
  }

  /**
   * `use` given the project's DVC cache and remotes (null without them), closed after. A config that does not load is
   * null here without a word: the comparison, which opens them first, says it.
   */
  static async using<T>(root: string, options: DataOptions, use: (data: PipelineData | null) => Promise<T>): Promise<T> {
    const data = await PipelineData.open(root, options).catch(() => null);
    try {
      return await use(data);
    } finally {
      await data?.close();
    }
  }

  /**
   * The data of a git revision: its `.dvc/config` (`text`, null when it has none) as the repo level under the
   * workspace's `config.local`, global and system files, and the workspace's cache — as DVC reads a revision's
   * objects, so a remote that moved since is still found where that revision's outputs were pushed.
   */
  atRevision(text: string | null, revision: string): Promise<PipelineData> {
    // Where the checkout's settings are not trusted, no revision's are either: one trusted set reads them all.
    if (this.options.trusted) return Promise.resolve(this);
    // Commits of one history mostly share a config: one set of remotes (clients, connections) for each text.
    let data = this.revisions.get(text);
    if (!data) {
      data = loadDvcConfig(this.root, {}, { text, name: `.dvc/config at ${revision}` }).then((config) => {
        registerSecrets(config, this.options);
        return new PipelineData(config, this.cache, this.options);
      });
      this.revisions.set(text, data);
    }
    return data;
  }

  get root(): string {
    return this.config.root;
  }

  remoteFor(name?: string): Remote {
    const key = (name ?? this.options.remote ?? this.config.defaultRemote ?? '').toLowerCase();
    let r = this.remotes.get(key);
    if (!r) {
      const config = selectRemote(this.config, name ?? this.options.remote, this.options.pickRemote);
      const hub = this.options.hub;
      const underHub = hub && config.url.startsWith(`${hub.url.replace(/\/+$/, '')}/`);
      r = openRemote(
        config,
        underHub ? { ...this.options, user: this.options.user ?? hub.user, password: this.options.password ?? hub.password } : this.options,
      );
      this.remotes.set(key, r);
    }
    return r;
  }

  async close(): Promise<void> {
    for (const r of this.remotes.values()) await r.close();
    for (const d of this.revisions.values()) await (await d.catch(() => null))?.close();
  }

  /** Whether every object is in the cache or else on its remote; a `.dir` vouches for its entries, as in DVC. */
  async available(objects: Wanted[]): Promise<Availability> {
    let from = 'the cache';
    for (const o of objects) {
      if (await this.cache.has(o.oid, o.legacy)) continue;
      if (o.imported) return { ok: false, why: o.imported };
      let remote: Remote;
      try {
        remote = this.remoteFor(o.remote);
      } catch (error) {
        return { ok: false, why: `${o.path}: object ${o.oid} is not in the cache and ${describeError(error)}` };
      }
      let there: boolean;
      try {
        there = await remote.exists(objectKey(o.oid, o.legacy));
      } catch (error) {
        return { ok: false, why: `${o.path}: object ${o.oid}: ${describeError(error)}` };
      }
      if (!there) return { ok: false, why: `${o.path}: object ${o.oid} missing from remote '${remote.name}'` };
      from = `remote '${remote.name}'`;
    }
    return { ok: true, from };
  }

  /**
   * Whether the cache holds all of an object, as DVC's `Output.changed_cache` asks: a file's object, or a directory's
   * `.dir` and every file it lists.
   */
  async cached(o: Pick<Wanted, 'oid' | 'legacy'>): Promise<boolean> {
    if (!(await this.cache.has(o.oid, o.legacy))) return false;
    if (!isDirOid(o.oid)) return true;
    const entries = await this.cache.manifest(o.oid, o.legacy).catch(() => null);
    if (!entries) return false;
    const held = await this.cache.holding(
      entries.map((e) => e.md5),
      o.legacy,
    );
    return entries.every((e) => held.has(e.md5));
  }

  /** Pulls what the cache lacks and checks every object out; a DataError says which object and remote failed. */
  async restore(objects: Wanted[], force = false): Promise<string> {
    let from = 'the cache';
    const missing: Wanted[] = [];
    for (const o of objects) if (!(await this.cache.has(o.oid, o.legacy))) missing.push(o);
    const imported = missing.find((o) => o.imported);
    if (imported) throw new DataError(imported.imported!);
    const groups = new Map<string | undefined, Wanted[]>();
    for (const o of missing) groups.set(o.remote, [...(groups.get(o.remote) ?? []), o]);
    for (const [name, refs] of groups) {
      const remote = this.remoteFor(name);
      try {
        await pull(this.cache, remote, refs);
      } catch (error) {
        if (error instanceof TransferError) {
          const f = error.failures[0]!;
          throw new DataError(
            `${f.path ? `${f.path}: ` : ''}object ${f.oid} ${f.kind === 'missing' ? `missing from remote '${remote.name}'` : `could not be pulled from remote '${remote.name}': ${f.reason}`}`,
          );
        }
        throw error;
      }
      from = `remote '${remote.name}'`;
    }
    for (const o of objects) await checkout(this.cache, this.root, o, { force });
    return from;
  }

  /**
   * An object's bytes for reading a value file: the cache, else the remote (kept in the cache). A `.dir` manifest
   * fetched from the remote is verified and read but not cached: a cached `.dir` means a complete directory.
   */
  async objectBytes(oid: string, legacy: boolean, path: string, remoteName?: string): Promise<Buffer> {
    if (!(await this.cache.has(oid, legacy))) {
      const remote = this.remoteFor(remoteName);
      if (isDirOid(oid)) {
        const chunks: Uint8Array[] = [];
        try {
          for await (const chunk of await remote.read(objectKey(oid, legacy))) chunks.push(chunk);
        } catch (error) {
          throw objectError(error, path, oid, remote.name);
        }
        const bytes = Buffer.concat(chunks);
        if (objectMd5(bytes, legacy) !== oid.replace(/\.dir$/, ''))
          throw new DataError(`${path}: object ${oid} from remote '${remote.name}' is corrupt (md5 mismatch)`);
        return bytes;
      }
      try {
        await pull(this.cache, remote, [{ oid, path, legacy }]);
      } catch (error) {
        throw objectError(error, path, oid, remote.name);
      }
    }
    const file = this.cache.path(oid, legacy);
    const { size } = await stat(file);
    if (size > MAX_FILE_BYTES) throw new DataError(`${path}: object ${oid} is ${size} bytes, more than a project file may have; not read`);
    return readFile(file);
  }

  /**
   * An object's file in the cache, pulled from the remote first when the cache lacks it: for reading a tracked file
   * as a stream (a CSV's rows) instead of whole.
   */
  async objectFile(oid: string, legacy: boolean, path: string, remoteName?: string): Promise<string> {
    if (!(await this.cache.has(oid, legacy))) {
      const remote = this.remoteFor(remoteName);
      try {
        await pull(this.cache, remote, [{ oid, path, legacy }]);
      } catch (error) {
        throw objectError(error, path, oid, remote.name);
      }
    }
    return this.cache.path(oid, legacy);
  }

  /** `dvc commit` of a stage's cached outs after it ran, so `mlreport push` can send them. */
  async save(stage: Stage, ws: Workspace, project: (p: string) => string): Promise<void> {
    for (const out of stage.outs) {
      if (!out.cache) continue;
      const abs = ws.abs(project(out.path));
      const rel = ws.rootPath(project(out.path));
      // What a link into .git/ or .dvc/ or out of the project leads to is no output: it is not copied into the cache, whence a push would send it.
      const refused = outputPlaceRefused(ws.root, rel);
      if (refused) throw new DataError(`output '${rel}': ${refused}; not saved to the cache`);
      if ((await stat(abs)).isDirectory()) await this.cache.addDirectory(abs, (p) => ws.ignore.isIgnored(posix.join(rel, p), false));
      else await this.cache.addFile(abs);
    }
  }
}

function registerSecrets(config: DvcConfig, options: DataOptions): void {
  for (const remote of config.remotes.values()) for (const s of remoteSecrets(remote, options)) addSecret(s);
  addSecret(options.hub?.password);
}

function objectError(error: unknown, path: string, oid: string, remote: string): DataError {
  const kind = error instanceof TransferError ? error.failures[0]?.kind : error instanceof ObjectError ? error.kind : undefined;
  if (kind === 'missing') return new DataError(`${path}: object ${oid} missing from remote '${remote}'`);
  const reason = error instanceof TransferError ? (error.failures[0]?.reason ?? error.message) : describeError(error);
  return new DataError(`${path}: object ${oid} could not be read from remote '${remote}': ${reason}`);
}

/** A cached stage output as a revision's dvc.lock records it. */
export interface LockedOutput {
  /** The out's path from the project root (`eval`, `data/features`). */
  path: string;
  oid: string;
  legacy: boolean;
  /** The out's `remote:` in dvc.yaml. */
  remote?: string;
  /** `push: false` in dvc.yaml: `dvc push` leaves the out alone. */
  push: boolean;
  /** The stage that writes it, and its dvc.yaml (from the project root). */
  stage: string;
  dvcYaml: string;
  isexec?: boolean;
}

/** The cached outs every dvc.lock of a project records, with their hashes (`cache: false` outs left out). */
export function lockedOutputs(project: DvcProject): LockedOutput[] {
  const found: LockedOutput[] = [];
  for (const [dir, lock] of project.locks) {
    const dvcYaml = project.dvcYamls.find((d) => d.dir === dir);
    for (const [name, stage] of lock.stages) {
      const defined = dvcYaml?.stages.find((s) => s.name === name);
      const base = joinPath(dir, defined?.wdir ?? '.');
      for (const out of stage.outs) {
        const def = defined?.outs.find((o) => o.path === out.path);
        if (!out.md5 || def?.cache === false) continue;
        const remote = def?.props.get('remote');
        found.push({
          path: joinPath(base, out.path),
          oid: out.md5,
          legacy: out.hashName !== 'md5',
          remote: typeof remote === 'string' ? remote : undefined,
          push: def?.props.get('push') !== false,
          stage: name,
          dvcYaml: joinPath(dir, 'dvc.yaml'),
          isexec: out.isexec,
        });
      }
    }
  }
  return found;
}

/**
 * The cached stage outputs the workspace's dvc.lock files record, as `mlreport pull`/`push` move them beside the
 * `.dvc`-tracked data: `dvc pull` and `dvc push` collect every dvc.yaml's stages as well as the `.dvc` files.
 */
export async function stageOutputs(root: string): Promise<TrackedOut[]> {
  const project = await loadProject(workspaceTree(root));
  if (project.errors.length) throw new DataError(project.errors.map((e) => e.error).join('\n'));
  return lockedOutputs(project).map((o) => ({
    path: o.path,
    oid: o.oid,
    legacy: o.legacy,
    remote: o.remote,
    push: o.push,
    isexec: o.isexec,
    dvcfile: o.dvcYaml,
    stage: o.stage,
  }));
}

/**
 * `dvc push` of the `.dvc`-tracked data and the stage outputs the workspace's dvc.lock records that the cache holds
 * (a `.dir` with its entries, last), `push: false` outs left out: what a later `repro` pulls or restores instead of
 * running. One push per remote, so an object two outputs share is counted once. An output the cache lacks is not
 * pushed: nothing to do when the remote holds it, else it is in `notPushed`, as `dvc push` warns of it. Null for a
 * project without `.dvc`. `project` gives the workspace's project (the run's, loaded once for its steps); without it,
 * it is loaded here.
 */
export async function pushProjectOutputs(
  root: string,
  options: DataOptions = {},
  project?: () => Promise<DvcProject>,
): Promise<(PushResult & { notPushed: NotPushed[] }) | null> {
  const data = await PipelineData.open(root, options);
  if (!data) return null;
  try {
    const loaded = await (project ? project() : loadProject(workspaceTree(root)));
    if (loaded.errors.length) throw new DataError(loaded.errors.map((e) => e.error).join('\n'));
    type Out = Pick<LockedOutput, 'path' | 'oid' | 'legacy' | 'remote' | 'push'> & { stage?: string };
    const outs: Out[] = lockedOutputs(loaded);
    // An import is never pushed (dvc/repo/push.py): its source repository holds it.
    for (const file of loaded.dvcFiles.filter((f) => f.importedFrom === undefined))
      for (const out of file.outs)
        if (out.cache && out.md5) outs.push({ path: out.path, oid: out.md5, legacy: out.hashName !== 'md5', remote: out.remote, push: out.push });
    const groups = new Map<string | undefined, { cached: Out[]; uncached: Out[] }>();
    for (const out of outs) {
      if (!out.push) continue;
      const group = groups.get(out.remote) ?? { cached: [], uncached: [] };
      ((await data.cache.has(out.oid, out.legacy)) ? group.cached : group.uncached).push(out);
      groups.set(out.remote, group);
    }
    const pushing = new PushToRemotes(data.cache);
    for (const [name, { cached, uncached }] of groups) await pushing.send(() => data.remoteFor(name), cached, uncached);
    return pushing.done();
  } finally {
    await data.close();
  }
}

/** The objects of a tracked out as `PipelineData` moves them. */
export function trackedObject(t: TrackedOut): Wanted {
  return { path: t.path, oid: t.oid, legacy: t.legacy ?? false, isexec: t.isexec, remote: t.remote, ...(t.importedFrom && { imported: importNotFetched(t) }) };
}

/**
 * A stage's status once the deps a pull or an earlier stage's restore brings back are there, as DVC's `repro --pull`
 * sees it (`Stage._changed_deps(allow_missing=True, upstream)`): a `dep X: missing` whose source records the md5
 * dvc.lock records for it is no reason to run, whether that data arrives or cannot be had (a `dvc import` DVC alone
 * fetches, data missing from the remote): the stage's outs are restored without it. One whose source records other
 * data is `dep X: modified`, as DVC turns a deleted dep whose upstream out has another hash into "modified".
 * `expected` maps each path a pull or a restore brings, or would bring, to the md5 its `.dvc` file or dvc.lock records.
 */
export async function statusAfterRestores(
  stage: Stage,
  lock: LockStage | undefined,
  expected: Map<string, string>,
  ws: Workspace,
  project: (p: string) => string,
): Promise<StageStatus> {
  const status = await stageStatus(stage, lock, ws, project);
  if (!lock || !status.changed) return status;
  const lockDeps = new Map(lock.deps.map((e) => [e.path, e]));
  const reasons: string[] = [];
  for (const reason of status.reasons) {
    const dep = stage.deps.find((d) => reason === `dep ${d}: missing`);
    const source = dep === undefined ? undefined : expected.get(ws.rootPath(project(dep)));
    const md5 = dep === undefined ? undefined : lockDeps.get(dep)?.md5;
    if (source === undefined || !md5) reasons.push(reason);
    else if (source !== md5) reasons.push(`dep ${dep}: modified`);
  }
  return { changed: reasons.length > 0, reasons };
}

/**
 * `out X: not in cache` for each cached out of a stage that is in the workspace as dvc.lock records it while the cache
 * lacks its object: what `dvc status` says of it (DVC's `Output.status`). `mlreport push` cannot send such an out, so
 * `repro` saves it to the cache from the workspace, as `dvc commit` would.
 */
export async function notInCache(stage: Stage, lock: LockStage | undefined, status: StageStatus, data: PipelineData): Promise<string[]> {
  if (!lock) return [];
  const lockOuts = new Map(lock.outs.map((e) => [e.path, e]));
  const reasons: string[] = [];
  for (const out of stage.outs) {
    const entry = lockOuts.get(out.path);
    // An out already named (missing, modified) is restored or made again, and saved then.
    if (!out.cache || !entry?.md5 || status.reasons.some((r) => r.startsWith(`out ${out.path}: `))) continue;
    if (!(await data.cached({ oid: entry.md5, legacy: entry.hashName !== 'md5' }))) reasons.push(`out ${out.path}: not in cache`);
  }
  return reasons;
}

/**
 * The outs to restore when a stage's only reasons to run are missing outs (its status taken through `afterRestores`,
 * so deps that arrive or whose source agrees with dvc.lock are no reason); null when it has to run.
 */
export function restorableOuts(stage: Stage, lock: LockStage | undefined, status: StageStatus, ws: Workspace, project: (p: string) => string): Wanted[] | null {
  if (!lock || !status.changed || stage.frozen || !stage.outs.length) return null;
  const allowed = new Set<string>();
  const lockOuts = new Map(lock.outs.map((e) => [e.path, e]));
  const objects: Wanted[] = [];
  for (const out of stage.outs) {
    // A `cache: false` out (`dvc stage add -M`: a metrics file kept in git) has no object to restore: present and as
    // dvc.lock records it, it gives the stage no reason to run (DVC's changed_outs); missing or changed, it does.
    if (!out.cache) continue;
    allowed.add(`out ${out.path}: missing`);
    const entry: LockEntry | undefined = lockOuts.get(out.path);
    if (!entry?.md5) return null;
    const remote = out.props.get('remote');
    objects.push({
      path: ws.rootPath(project(out.path)),
      oid: entry.md5,
      legacy: entry.hashName !== 'md5',
      isexec: entry.isexec,
      remote: typeof remote === 'string' ? remote : undefined,
    });
  }
  if (!status.reasons.every((r) => allowed.has(r))) return null;
  return objects;
}
