import { Cache } from './cache';
import { rm } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { checkout, stage, type CheckoutOutcome } from './checkout';
import { loadDvcConfig, selectRemote, type ConfigEnvironment } from './config';
import { DataError, ObjectError, TransferError, type ObjectFailure } from './errors';
import { importNotFetched, loadTrackedFiles, type TrackedOut } from './dvcfile';
import { joinPath } from '../paths';
import type { DirEntry } from './manifest';
import { isDirOid } from './oid';
import { openRemote, type RemoteInputs } from './remotes/open';
import { outputPlaceRefused } from '../../workspace/output-place';
import type { Remote } from './remotes/types';
import { manifestOf, pull, PushToRemotes, type NotPushed, type PullResult, type PushResult } from './transfer';

export interface TrackedOptions extends RemoteInputs, ConfigEnvironment {
  /**
   * What to move, as `dvc pull`/`push` take targets: a `.dvc` file, a tracked path, a folder holding some, a file or
   * folder inside a tracked directory (only those files), a stage's output, a stage (`train` in the current folder's
   * dvc.yaml, `sub/dvc.yaml:train`) or a dvc.yaml; relative to `from`. Everything when empty.
   */
  targets?: string[];
  /** The folder targets are relative to, from the root (`data`; `''`, the default, for the root): DVC's current directory. */
  from?: string;
  /**
   * `-r`: the remote for outs that do not name their own. An out whose `remote:` names another is left out, as DVC
   * leaves it (dvc/repo/fetch.py `outs_filter`): a push or pull with `-r` moves data to or from that remote alone.
   */
  remote?: string;
  force?: boolean;
  /**
   * The outputs of dvc.yaml stages by their dvc.lock hashes, moved with the `.dvc` files' as `dvc pull`/`push` do;
   * a target names one by its path, its stage (`train`, `dvc.yaml:train`) or its dvc.yaml.
   */
  stageOutputs?: TrackedOut[];
}

export interface PullReport extends PullResult {
  outputs: { path: string; outcome: CheckoutOutcome }[];
}

export interface PushReport extends PushResult {
  /** Outputs whose object is in neither the cache nor the remote: not pushed, as `dvc push` warns of them. */
  notPushed: NotPushed[];
}

/** A pull that failed for some outputs: `report` says what it did for the others (checked out, as `dvc pull` does). */
export class PartialPullError extends DataError {
  constructor(
    message: string,
    readonly report: PullReport,
  ) {
    super(message);
  }
}

/** `dvc pull` for `.dvc`-tracked data and stage outputs: fetch each out's objects from its remote, then check it out. */
export async function pullTracked(root: string, options: TrackedOptions = {}): Promise<PullReport> {
  const { config, cache, groups } = await plan(root, options);
  refuseLinkedAway(root, [...groups.values()].flat());
  const report: PullReport = { downloaded: 0, cached: 0, bytes: 0, outputs: [] };
  const failures: { remote: string; failures: ObjectFailure[] }[] = [];
  const imports: string[] = [];
  const ready: TrackedOut[] = [];
  // Directory outputs the workspace lacks are built in staged folders, which the remote may fill as objects arrive.
  const staging = new Map<string, string>();
  try {
    for (const [name, all] of groups) {
      // An import's data comes from its source repository, which DVC fetches and no remote of this project holds:
      // from the cache, or not at all here.
      const outs: Planned[] = [];
      for (const planned of all) {
        const out = planned.out;
        if (out.importedFrom === undefined || (await cache.has(out.oid, out.legacy))) outs.push(planned);
        else imports.push(importNotFetched(out));
      }
      if (outs.length) await pullGroup(name, outs);
    }
    for (const out of ready) {
      report.outputs.push({ path: out.path, outcome: await checkout(cache, root, out, { force: options.force, staged: staging.get(out.path) }) });
      staging.delete(out.path);
    }
  } finally {
    for (const staged of staging.values()) await rm(staged, { recursive: true, force: true });
  }
  if (failures.length || imports.length) {
    throw new PartialPullError([...imports, ...failures.map((f) => new TransferError('pull', f.remote, f.failures).message)].join('\n'), report);
  }
  return report;

  async function pullGroup(name: string | undefined, planned: Planned[]): Promise<void> {
    const remote = openRemote(selectRemote(config, name, options.pickRemote), options);
    try {
      const outs: TrackedOut[] = [];
      for (const p of planned) {
        if (!p.parts) outs.push(p.out);
        else {
          try {
            for (const file of filesUnder(p.out, p.parts, await manifestOf(cache, remote, p.out.oid, p.out.legacy ?? false))) outs.push(file);
          } catch (error) {
            if (!(error instanceof ObjectError)) throw error;
            failures.push({ remote: remote.description, failures: [{ oid: p.out.oid, path: p.out.path, kind: error.kind, reason: error.message }] });
          }
        }
      }
      for (const out of outs) {
        const staged = await stage(root, out);
        if (staged) staging.set(out.path, staged);
      }
      await pullObjects(remote, outs);
    } finally {
      await remote.close();
    }
  }

  async function pullObjects(remote: Remote, outs: TrackedOut[]): Promise<void> {
    try {
      const r = await pull(cache, remote, outs, { staging });
      report.downloaded += r.downloaded;
      report.cached += r.cached;
      report.bytes += r.bytes;
      for (const out of outs) ready.push(out);
    } catch (error) {
      if (!(error instanceof TransferError)) throw error;
      failures.push({ remote: error.remote, failures: error.failures });
      // Outs whose objects all arrived are still checked out, as `dvc pull` does.
      const broken = error.failures.map((f) => f.path ?? '');
      for (const out of outs) if (!broken.some((p) => p === out.path || p.startsWith(`${out.path}/`))) ready.push(out);
    }
  }
}

/**
 * `dvc push` for `.dvc`-tracked data and stage outputs already in the cache. Without targets, a stage output the
 * cache lacks (a stage not run here) is not pushed: nothing to do when the remote holds it, else it is in
 * `notPushed`, as `dvc push` warns of it. Named, it is an error, as a `.dvc` file's is.
 */
export async function pushTracked(root: string, options: TrackedOptions = {}): Promise<PushReport> {
  const { config, cache, groups } = await plan(root, options);
  const named = Boolean(options.targets?.length);
  // As `dvc push`: what failed is said at the end (its UploadError).
  const pushing = new PushToRemotes(cache);
  for (const [name, all] of groups) {
    const outs: TrackedOut[] = [];
    const uncached: TrackedOut[] = [];
    // An import is never pushed (dvc/repo/push.py): its source repository holds it.
    for (const { out, parts } of all) {
      if (!out.push || out.importedFrom !== undefined) continue;
      if (!(named || out.stage === undefined || (await cache.has(out.oid, out.legacy)))) {
        uncached.push(out);
        continue;
      }
      if (!parts) outs.push(out);
      else {
        if (!(await cache.has(out.oid, out.legacy)))
          throw new DataError(`${out.path}: object ${out.oid} is not in the cache (${cache.dir}), so its files are not known`);
        for (const file of filesUnder(out, parts, await cache.manifest(out.oid, out.legacy))) outs.push(file);
      }
    }
    if (!outs.length && !uncached.length) continue;
    const remote = openRemote(selectRemote(config, name, options.pickRemote), options);
    try {
      await pushing.send(() => remote, outs, uncached);
    } finally {
      await remote.close();
    }
  }
  return pushing.done();
}

/** An out to move: whole, or (targets inside a directory output) only its files under `parts`. */
interface Planned {
  out: TrackedOut;
  /** Paths inside the directory (`a.txt`, `sub`); the whole output when absent. */
  parts?: string[];
}

async function plan(root: string, options: TrackedOptions) {
  const config = await loadDvcConfig(root, options);
  const cache = new Cache(config.cacheDir);
  const outs: TrackedOut[] = [];
  for (const file of await loadTrackedFiles(root)) for (const out of file.outs) outs.push(out);
  for (const out of options.stageOutputs ?? []) outs.push(out);
  let picked: Planned[] = outs.map((out) => ({ out }));
  if (options.targets?.length) {
    const chosen = new Map<TrackedOut, Set<string> | 'whole'>();
    const unmatched: string[] = [];
    for (const target of options.targets) {
      const found = select(outs, target, targetPath(root, options.from ?? '', target), options.from ?? '');
      if (!found.length) unmatched.push(target);
      for (const { out, part } of found) {
        const before = chosen.get(out);
        if (part === undefined || before === 'whole') chosen.set(out, 'whole');
        else chosen.set(out, new Set([...(before ?? []), part]));
      }
    }
    if (unmatched.length) throw new DataError(`no .dvc-tracked output or dvc.lock stage output matches ${unmatched.join(', ')}`);
    picked = [...chosen].map(([out, parts]) => (parts === 'whole' ? { out } : { out, parts: [...parts] }));
  }
  const groups = new Map<string | undefined, Planned[]>();
  const only = options.remote?.toLowerCase();
  for (const planned of picked) {
    const own = planned.out.remote;
    // Remote names are case-insensitive, as DVC's config reads them.
    if (only !== undefined && own !== undefined && own.toLowerCase() !== only) continue;
    const name = own ?? options.remote;
    groups.set(name, [...(groups.get(name) ?? []), planned]);
  }
  return { config, cache, groups };
}

/**
 * Outputs a pull would write or delete through a link out of the project or into `.git/`/`.dvc/`: refused all at once,
 * each named with its `.dvc` file or stage, before anything is fetched or checked out.
 */
function refuseLinkedAway(root: string, planned: Planned[]): void {
  const refused = [];
  for (const { out, parts } of planned) {
    // Parts of a directory output go inside it: the output's own path is then a folder on the way.
    const why = outputPlaceRefused(root, parts ? `${out.path}/${parts[0]}` : out.path);
    const owner = out.stage === undefined ? out.dvcfile : `stage '${out.stage}' of ${out.dvcfile}`;
    if (why) refused.push(`${out.path} (${owner}): ${why}; pull does not write or delete there, and pulled nothing`);
  }
  if (refused.length) throw new DataError(refused.join('\n'));
}

/**
 * A target as a path from the root, resolved against `from` as DVC resolves it against the current directory
 * (`./model.pkl`, `images.dvc` in `data/`, an absolute path inside the project); `''` for the root itself.
 */
function targetPath(root: string, from: string, target: string): string | undefined {
  const absolute = resolve(root, ...from.split('/'), target);
  const path = relative(root, absolute).split(sep).join('/');
  if (path === '..' || path.startsWith('../') || isAbsolute(path)) return undefined;
  return path;
}

/**
 * The outs a target names: one it is (a `.dvc` file, an output, a dvc.yaml), one in a folder it is, or one it is
 * inside of (`part`: DVC's granular target, a file or folder of a directory output); else a stage's outputs, by
 * `name` in the dvc.yaml of `from` or `file:name`.
 */
function select(outs: TrackedOut[], target: string, path: string | undefined, from: string): { out: TrackedOut; part?: string }[] {
  const found: { out: TrackedOut; part?: string }[] = [];
  if (path !== undefined) {
    for (const out of outs) {
      if (path === '' || path === out.dvcfile || path === out.path || out.path.startsWith(`${path}/`)) found.push({ out });
      else if (path.startsWith(`${out.path}/`) && isDirOid(out.oid)) found.push({ out, part: path.slice(out.path.length + 1) });
    }
    if (found.length) return found;
  }
  const colon = target.lastIndexOf(':');
  const name = colon > 0 ? target.slice(colon + 1) : target;
  const file = joinPath(from, colon > 0 ? target.slice(0, colon) : 'dvc.yaml');
  return outs.filter((out) => out.stage !== undefined && out.stage === name && out.dvcfile === file).map((out) => ({ out }));
}

/** The files of a directory output under `parts` (paths inside it), as file outs: a granular target's. */
function filesUnder(out: TrackedOut, parts: string[], entries: DirEntry[]): TrackedOut[] {
  const under = (e: DirEntry, part: string): boolean => e.relpath === part || e.relpath.startsWith(`${part}/`);
  for (const part of parts) {
    if (!entries.some((e) => under(e, part))) throw new DataError(`${out.path}/${part}: no such file or folder in ${out.path}, which ${out.dvcfile} tracks`);
  }
  return entries.filter((e) => parts.some((part) => under(e, part))).map((e) => ({ ...out, oid: e.md5, path: `${out.path}/${e.relpath}`, isexec: false }));
}
