import { Cache } from './cache';
import { rm } from 'node:fs/promises';
import { checkout, stage, type CheckoutOutcome } from './checkout';
import { loadDvcConfig, selectRemote, type ConfigEnvironment } from './config';
import { DataError, TransferError, type ObjectFailure } from './errors';
import { findDvcFiles, importNotFetched, readDvcFile, type TrackedOut } from './dvcfile';
import { openRemote, type RemoteInputs } from './remotes/open';
import { pull, push, type PullResult, type PushResult } from './transfer';

export interface TrackedOptions extends RemoteInputs, ConfigEnvironment {
  /** `.dvc` files or the paths they track; all `.dvc` files of the project when empty. */
  targets?: string[];
  /** `-r`: the remote for outs that do not name their own. */
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
      const outs: TrackedOut[] = [];
      for (const out of all) {
        if (out.importedFrom === undefined || (await cache.has(out.oid, out.legacy))) outs.push(out);
        else imports.push(importNotFetched(out));
      }
      for (const out of outs) {
        const staged = await stage(root, out);
        if (staged) staging.set(out.path, staged);
      }
      await pullGroup(name, outs);
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

  async function pullGroup(name: string | undefined, outs: TrackedOut[]): Promise<void> {
    const remote = openRemote(selectRemote(config, name, options.pickRemote), options);
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
    } finally {
      await remote.close();
    }
  }
}

/**
 * `dvc push` for `.dvc`-tracked data and stage outputs already in the cache. Without targets, a stage output the
 * cache lacks (a stage not run here) is passed over; named, it is an error, as a `.dvc` file's is.
 */
export async function pushTracked(root: string, options: TrackedOptions = {}): Promise<PushResult> {
  const { config, cache, groups } = await plan(root, options);
  const total: PushResult = { uploaded: 0, present: 0, bytes: 0 };
  const named = Boolean(options.targets?.length);
  for (const [name, all] of groups) {
    const outs: TrackedOut[] = [];
    // An import is never pushed (dvc/repo/push.py): its source repository holds it.
    for (const out of all) {
      if (out.push && out.importedFrom === undefined && (named || out.stage === undefined || (await cache.has(out.oid, out.legacy)))) outs.push(out);
    }
    if (!outs.length) continue;
    const remote = openRemote(selectRemote(config, name, options.pickRemote), options);
    try {
      const r = await push(cache, remote, outs);
      total.uploaded += r.uploaded;
      total.present += r.present;
      total.bytes += r.bytes;
    } finally {
      await remote.close();
    }
  }
  return total;
}

async function plan(root: string, options: TrackedOptions) {
  const config = await loadDvcConfig(root, options);
  const cache = new Cache(config.cacheDir);
  const all = await findDvcFiles(root);
  const wanted = options.targets?.length ? options.targets.map((t) => t.replace(/\/+$/, '')) : undefined;
  const outs: TrackedOut[] = [];
  const matches = (out: TrackedOut, t: string): boolean =>
    t === out.dvcfile ||
    t === out.path ||
    out.path.startsWith(`${t}/`) ||
    (out.stage !== undefined && (t === out.stage || t === `${out.dvcfile}:${out.stage}`));
  for (const file of all) for (const out of await readDvcFile(root, file)) outs.push(out);
  for (const out of options.stageOutputs ?? []) outs.push(out);
  const picked = wanted ? outs.filter((out) => wanted.some((t) => matches(out, t))) : outs;
  if (wanted && !picked.length) throw new DataError(`no .dvc-tracked output or dvc.lock stage output matches ${wanted.join(', ')}`);
  const groups = new Map<string | undefined, TrackedOut[]>();
  for (const out of picked) {
    const name = out.remote ?? options.remote;
    groups.set(name, [...(groups.get(name) ?? []), out]);
  }
  return { config, cache, groups };
}
