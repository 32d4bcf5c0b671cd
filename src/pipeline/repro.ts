import { existsSync } from 'node:fs';
import { realpath, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDvcYaml, joinPath, loadDvcYaml, loadProject, type DvcProject } from '../dvc/project';
import type { DvcYaml, Stage } from '../dvc/types';
import type { Deadline } from '../util/deadline';
import { describeError, UserError } from '../util/errors';
import { workspaceTree } from '../workspace/tree';
import { outputPlaceRefused } from '../workspace/output-place';
import type { Logger } from '../util/log';
import { buildDag, downstreamOf, projectPath, selectStages, type Dag } from './dag';
import type { LockDocument, LockEntry, LockStage } from '../dvc/lock';
import { lockEntryFromHash, readLock, writeLock, type LockFile } from './lock';
import { runShell, stageCommands, TailBuffer } from './shell';
import { checkLockable, currentParams, trackedStatus, Workspace } from './status';
import { trackedFiles, type TrackedFile, type TrackedOut } from '../dvc/data/dvcfile';
import type { StageResult } from './types';
import { notInCache, PipelineData, restorableOuts, statusAfterRestores, trackedObject, type DataOptions } from './restore';
import { ignoreOutput } from './gitignore';

export interface ReproOptions {
  /** Stage names (or foreach/matrix group names); empty: every stage. */
  targets?: string[];
  /** Report what would run without running it. */
  dry?: boolean;
  /**
   * Run the selected stages even when unchanged. A frozen one still never runs, as in DVC: its outs are checked and
   * its dvc.lock entry is rewritten from the workspace.
   */
  force?: boolean;
  /**
   * `dvc repro --pull` (the default): pull missing `.dvc`-tracked deps and restore the outs of stages whose
   * dvc.lock entry still matches from the cache or the remote instead of running them. False: `--no-pull` (outputs
   * still go to the cache).
   */
  pull?: boolean;
  /** Remote choice and credentials for those pulls. */
  data?: DataOptions;
  /** The run's deadline: the stage running when it passes is ended, the stages after it are not run. */
  deadline?: Deadline;
  /**
   * Called with each stage's result as soon as it is known. A caller that prints these (the CLI's `repro`) gets one
   * line per stage: the engine then leaves out its own per-stage status lines, which would say the same in other words.
   */
  onStage?: (result: StageResult) => void;
}

export interface ReproResult {
  stages: StageResult[];
  /** False when a stage failed. */
  passed: boolean;
}

/** What `status` and `repro --dry` say repro does with a stage whose only change is outs the cache lacks. */
const SAVE_TO_CACHE = 'save to the cache';

/** Lines of a failed stage's output kept for the report. */
export const TAIL_LINES = 50;

/** A loaded pipeline: dvc.yaml, its DAG, dvc.lock and the workspace they describe. */
export interface Pipeline {
  dir: string;
  dvc: DvcYaml;
  dag: Dag;
  lock: LockFile;
  ws: Workspace;
  /** The whole project, when the caller loaded it already: its `.dvc` files are then not read again. */
  project?: DvcProject;
}

export async function loadPipeline(given: string): Promise<Pipeline> {
  const dir = await physicalRoot(given);
  const tree = workspaceTree(dir);
  const dvc = await loadDvcYaml(tree);
  if (!dvc) throw new UserError(`No dvc.yaml in ${dir}.`);
  const dag = buildDag(dvc.stages);
  const lock = await readLock(tree, 'dvc.lock');
  return { dir, dvc, dag, lock, ws: new Workspace(dir, tree) };
}

/**
 * What `pipelineStatus` reads of a pipeline: the DAG of its stages, dvc.lock as read, and the workspace; with the
 * project it comes from when that is loaded already (the run's), whose `.dvc` files are then not read again.
 */
type PipelineState = Pick<Pipeline, 'dag' | 'ws' | 'project'> & { lock: LockDocument };

/**
 * The pipeline of the root dvc.yaml of a project loaded already (the run's, shared by its steps), for
 * `pipelineStatus`: its dvc.yaml and dvc.lock are not read again. Throws what `loadPipeline` would.
 */
export async function loadedPipeline(given: string, project: DvcProject): Promise<PipelineState> {
  const dir = await physicalRoot(given);
  const failed = (file: string): void => {
    const error = project.errors.find((e) => e.file === file);
    if (error) throw new UserError(error.error);
  };
  failed('dvc.yaml');
  const dvc = project.dvcYamls.find((d) => d.dir === '');
  if (!dvc) throw new UserError(`No dvc.yaml in ${dir}.`);
  const dag = buildDag(dvc.stages);
  failed('dvc.lock');
  return { dag, lock: project.locks.get('') ?? { stages: new Map(), raw: new Map() }, ws: new Workspace(dir, workspaceTree(dir)), project };
}

/**
 * The pipelines of the project's dvc.yaml files below its root one (`sub/dvc.yaml`), each with its dvc.lock, for
 * `pipelineStatus`: `dvc status` collects every dvc.yaml of the project, though `repro` at the root runs the root's
 * alone. Throws what does not load of them.
 */
export async function nestedPipelines(given: string, project: DvcProject): Promise<(PipelineState & { file: string })[]> {
  const dir = await physicalRoot(given);
  const tree = workspaceTree(dir);
  const broken = project.errors.find((e) => isDvcYaml(e.file) && e.file !== 'dvc.yaml');
  if (broken) throw new UserError(broken.error);
  const out = [];
  for (const dvc of project.dvcYamls) {
    if (dvc.dir === '') continue;
    const error = project.errors.find((e) => e.file === joinPath(dvc.dir, 'dvc.lock'));
    if (error) throw new UserError(error.error);
    const lock = project.locks.get(dvc.dir) ?? { stages: new Map(), raw: new Map() };
    out.push({ file: dvc.file, dag: buildDag(dvc.stages, dvc.file), lock, ws: new Workspace(join(dir, ...dvc.dir.split('/')), tree, dvc.dir, dir), project });
  }
  return out;
}

/**
 * DVC works from the physical project root (Repo.find_root's realpath): a stage's cwd and DVC_ROOT agree even
 * where the path it was given crosses a symlink (macOS's /var → /private/var temp dirs).
 */
function physicalRoot(given: string): Promise<string> {
  return realpath(given).catch(() => given);
}

/**
 * What `mlreport status` prints: each selected stage, why it would run, and with a DVC cache or remote what
 * `repro` would do about it: "restore from remote 'x'", "run" or "cannot restore: <object> missing from remote 'x'".
 * A stage whose outs are as dvc.lock records them but not in the cache is `out X: not in cache`, as `dvc status` says,
 * and "save to the cache" (`uncachedOnly`: it is not out of date).
 */
export async function pipelineStatus(
  pipeline: PipelineState,
  targets: string[] = [],
  options: Pick<ReproOptions, 'pull' | 'data'> = {},
): Promise<{ name: string; changed: boolean; reasons: string[]; action?: string; restoreFrom?: string; uncachedOnly?: boolean }[]> {
  const { dag, ws } = pipeline;
  const selected = selectStages(dag, targets);
  const data = options.pull === false ? null : await PipelineData.open(ws.root, options.data);
  try {
    // The `.dvc` files are read only to pull deps: a refused one stops the status as it would stop `repro`.
    const tracked = data ? trackedFiles(pipeline.project ?? (await loadProject(workspaceTree(ws.root)))) : [];
    const { expected, depErrors } = await prepareDeps(pipeline, selected, data, tracked, true);
    const out = [];
    for (const name of selected) {
      const stage = dag.nodes.get(name)!.stage;
      const project = (p: string): string => projectPath(stage, p);
      let status = await statusAfterRestores(stage, pipeline.lock.stages.get(name), expected, ws, project);
      let action: string | undefined;
      let restoreFrom: string | undefined;
      const uncached = data && !status.changed ? await notInCache(stage, pipeline.lock.stages.get(name), status, data) : [];
      const refused = status.changed ? refusedOutput(stage, ws, project) : undefined;
      if (uncached.length) {
        status = { changed: true, reasons: uncached };
        action = SAVE_TO_CACHE;
      } else if (refused) action = `cannot restore or run: ${refused}`;
      else if (data && status.changed) {
        const objects = restorableOuts(stage, pipeline.lock.stages.get(name), status, ws, project);
        const available = objects ? await data.available(objects) : null;
        // A dep that cannot be pulled matters only to a stage that has to run.
        const depError = depErrorOf(stage, ws, depErrors);
        if (objects && available?.ok) {
          for (const o of objects) expected.set(o.path, o.oid);
          restoreFrom = available.from;
          action = `restore from ${available.from}`;
        } else if (depError) action = `cannot restore: ${available && !available.ok ? `${available.why}, and it cannot run: ` : ''}${depError}`;
        else action = available && !available.ok ? `cannot restore: ${available.why}; run` : 'run';
      }
      out.push({ name, ...status, ...(action ? { action } : {}), ...(restoreFrom ? { restoreFrom } : {}), ...(uncached.length ? { uncachedOnly: true } : {}) });
    }
    return out;
  } finally {
    await data?.close();
    await ws.saveState();
  }
}

/**
 * `dvc status` of the project's `.dvc` files: each one whose data is not in the workspace, not what it records, or not
 * in the cache, in `dvc status` words, and for data not in the workspace or the cache where `mlreport pull` (and
 * `repro`, for a stage's dep) gets it: "pull from remote 'x'", or "cannot pull: <object> missing from remote 'x'".
 * Null when it has no `.dvc` file.
 */
export async function trackedDataStatus(
  ws: Workspace,
  project: DvcProject,
  options: Pick<ReproOptions, 'pull' | 'data'> = {},
): Promise<{ name: string; reasons: string[]; action?: string }[] | null> {
  const files = trackedFiles(project);
  if (!files.length) return null;
  const data = options.pull === false ? null : await PipelineData.open(ws.root, options.data);
  try {
    const out = [];
    for (const { file, outs } of files) {
      const reasons = await trackedStatus(outs, ws);
      // Data in the workspace as the file records it, whose object the cache lacks: `dvc status` says so, and pull fetches it.
      const uncached = [];
      for (const o of data ? outs : []) {
        if (reasons.some((r) => r.startsWith(`out ${o.path}: `)) || (await data!.cached(trackedObject(o)))) continue;
        uncached.push(o);
        reasons.push(`out ${o.path}: not in cache`);
      }
      if (!reasons.length) continue;
      const missing = [...outs.filter((o) => !ws.exists(o.path)), ...uncached];
      const available = data && missing.length ? await data.available(missing.map(trackedObject)) : null;
      const action = available ? (available.ok ? `pull from ${available.from}` : `cannot pull: ${available.why}`) : undefined;
      out.push({ name: file, reasons, ...(action ? { action } : {}) });
    }
    return out;
  } finally {
    await data?.close();
    await ws.saveState();
  }
}

/**
 * `.dvc`-tracked deps of the selected stages that the workspace lacks: pulled and checked out (or, for a dry
 * run, checked on the cache and the remote). `expected` maps each to the md5 its `.dvc` file records, which it has
 * once pulled; `depErrors` says why one cannot be pulled, naming its `.dvc` file, the object and the remote. A stage
 * that reads it needs it only to run: one whose dvc.lock records that md5 for it is restored without it, as `dvc repro
 * --pull` restores a stage whose only missing dep's source has the hash dvc.lock records (`statusAfterRestores`).
 */
async function prepareDeps(
  pipeline: Pick<Pipeline, 'dag' | 'ws'>,
  selected: string[],
  data: PipelineData | null,
  tracked: TrackedFile[],
  dry: boolean,
  log?: Logger,
): Promise<{ expected: Map<string, string>; depErrors: Map<string, string> }> {
  const expected = new Map<string, string>();
  const depErrors = new Map<string, string>();
  if (!data) return { expected, depErrors };
  const { dag, ws } = pipeline;
  const deps = new Set(selected.flatMap((name) => dag.nodes.get(name)!.stage.deps.map((d) => ws.rootPath(projectPath(dag.nodes.get(name)!.stage, d)))));
  for (const t of missingDeps(tracked, deps, ws)) {
    try {
      if (dry) {
        const available = await data.available([trackedObject(t)]);
        if (!available.ok) throw new UserError(available.why);
        log?.info(`Would pull '${t.path}' (${t.dvcfile}) from ${available.from}.`);
      } else {
        const from = await data.restore([trackedObject(t)]);
        log?.info(`Pulled '${t.path}' (${t.dvcfile}) from ${from}.`);
      }
    } catch (error) {
      depErrors.set(t.path, `'${t.path}' is tracked by ${t.dvcfile} but cannot be pulled: ${describeError(error)}`);
    }
    expected.set(t.path, t.oid);
  }
  ws.invalidate();
  return { expected, depErrors };
}

/** `.dvc`-tracked data some of `deps` (project-root paths) need that is missing from the workspace. */
function missingDeps(tracked: TrackedFile[], deps: Set<string>, ws: Workspace): TrackedOut[] {
  const needed = (t: TrackedOut): boolean => [...deps].some((d) => d === t.path || d.startsWith(`${t.path}/`) || t.path.startsWith(`${d}/`));
  return tracked.flatMap(({ outs }) => outs.filter((t) => needed(t) && !ws.existsAtRoot(t.path)));
}

/**
 * `.dvc`-tracked data the selected stages read that is in the workspace but not what its `.dvc` file records: the
 * user's change, which the stages run on. `dvc repro` re-saves such a data source (Stage.run's "Verifying data
 * sources", then save and commit: the new md5 into the `.dvc` file, the data into the cache); mlreport does not, and
 * has no command that would, so it says so, naming the file: committed as it is, the `.dvc` file and dvc.lock
 * disagree, and a fresh clone pulls the old data by the `.dvc` file.
 */
async function changedDataSources(pipeline: Pick<Pipeline, 'dag' | 'ws'>, selected: string[], tracked: TrackedFile[]): Promise<string[]> {
  const { dag, ws } = pipeline;
  const deps = new Set(selected.flatMap((name) => dag.nodes.get(name)!.stage.deps.map((d) => projectPath(dag.nodes.get(name)!.stage, d))));
  const warnings: string[] = [];
  for (const { file, outs: all } of tracked) {
    const outs = all.filter((t) => [...deps].some((d) => d === t.path || d.startsWith(`${t.path}/`) || t.path.startsWith(`${d}/`)) && ws.exists(t.path));
    const modified = (await trackedStatus(outs, ws)).filter((r) => r.endsWith(': modified')).map((r) => r.slice('out '.length, -': modified'.length));
    if (!modified.length) continue;
    const paths = modified.join(', ');
    warnings.push(
      `${paths} ${modified.length === 1 ? 'is' : 'are'} not what ${file} records: the stages that read ${modified.length === 1 ? 'it' : 'them'} run on the changed data, but ${file} is left as it is (\`dvc repro\` would re-save it; mlreport has no command that does). Record the change with DVC (\`dvc commit ${file}\`, or \`dvc add ${paths}\`) and commit ${file}: otherwise it and dvc.lock disagree, and a fresh clone pulls the old data by it.`,
    );
  }
  return warnings;
}

/** Why a stage's missing dep cannot be pulled, if one of its deps is `.dvc`-tracked data that failed to arrive. */
function depErrorOf(stage: Stage, ws: Workspace, depErrors: Map<string, string>): string | undefined {
  for (const dep of stage.deps) {
    if (ws.exists(projectPath(stage, dep))) continue;
    const rp = ws.rootPath(projectPath(stage, dep));
    for (const [path, error] of depErrors) if (rp === path || rp.startsWith(`${path}/`) || path.startsWith(`${rp}/`)) return error;
  }
  return undefined;
}

/**
 * `dvc repro`: runs changed stages upstream first, writes dvc.lock after each stage that ran. A failed
 * stage stops the stages that depend on it; independent ones still run.
 */
export async function reproduce(pipeline: Pipeline, log: Logger, options: ReproOptions = {}): Promise<ReproResult> {
  // Outputs go to the cache with `--no-pull` too, as `dvc repro` commits them: only pulls and restores are off. A
  // config that does not load then leaves the cache alone rather than stopping a run that needs no remote.
  const data =
    options.pull === false
      ? await PipelineData.open(pipeline.ws.root, options.data).catch(() => null)
      : await PipelineData.open(pipeline.ws.root, options.data);
  try {
    return await reproduceWith(pipeline, log, options, data);
  } finally {
    await data?.close();
    await pipeline.ws.saveState();
  }
}

async function reproduceWith(pipeline: Pipeline, log: Logger, options: ReproOptions, data: PipelineData | null): Promise<ReproResult> {
  const { dag, ws } = pipeline;
  const lockPath = join(pipeline.dir, 'dvc.lock');
  const updates = new Map<string, LockStage>();
  const blocked = new Map<string, string>();
  /** Stages the run's time budget ended while they ran: what they block did not run for want of time, not a failure. */
  const cutStages = new Set<string>();
  const wouldRun = new Set<string>();
  /** Why `.dvc`-tracked deps could not be pulled: for the stages that read them, and of those for stages that had to run. */
  const needed = new Set<string>();
  const unneeded = new Set<string>();
  const results: StageResult[] = [];
  const record = (result: StageResult): void => {
    results.push(result);
    options.onStage?.(result);
  };
  const own = !options.onStage;
  const dvcProject = existsSync(join(ws.root, '.dvc'));
  const note = (message: string): void => {
    if (own) log.info(message);
  };
  const stageError = (message: string): void => {
    if (own) log.error(message);
  };
  // A stage's outputs into the DVC cache and its entry into dvc.lock, as DVC's save, commit and dump do after a run (or
  // a frozen stage's check): a cached out is git-ignored first, and one git tracks fails the stage before its lock
  // entry is written; a cache that refuses is a warning, and the lock is written all the same.
  const commit = async (name: string, stage: Stage, project: (p: string) => string, locked: LockStage): Promise<void> => {
    if (dvcProject) for (const out of stage.outs) if (out.cache) await ignoreOutput(ws.root, ws.rootPath(project(out.path)));
    try {
      await data?.save(stage, ws, project);
    } catch (error) {
      log.warning(`Stage '${name}': its outputs could not be saved to the DVC cache: ${describeError(error)}`);
    }
    updates.set(name, locked);
    pipeline.lock.stages.set(name, locked);
    await writeLock(lockPath, pipeline.lock, updates);
  };
  let passed = true;
  const selected = selectStages(dag, options.targets ?? []);
  const pulling = options.pull === false ? null : data;
  // Read once, before anything moves: a `.dvc` file DVC refuses stops the run here, as it stops `dvc repro`.
  const tracked = trackedFiles(pipeline.project ?? (await loadProject(workspaceTree(ws.root))));
  const { expected, depErrors } = await prepareDeps(pipeline, selected, pulling, tracked, options.dry ?? false, log);
  for (const changed of await changedDataSources(pipeline, selected, tracked)) log.warning(changed);

  for (const name of selected) {
    const stage = dag.nodes.get(name)!.stage;
    const project = (p: string): string => projectPath(stage, p);
    const blocker = blocked.get(name);
    if (blocker) {
      record({ name, status: 'not-run', seconds: 0, reasons: [cutStages.has(blocker) ? cutBefore(blocker) : `upstream stage '${blocker}' failed`] });
      continue;
    }
    if (options.deadline?.passed()) {
      passed = false;
      record({ name, status: 'not-run', seconds: 0, reasons: [options.deadline.skipped(`stage '${name}'`)], stopped: true });
      continue;
    }
    const started = performance.now();
    let status;
    try {
      // A dry run moved no data: what the pulls and the restores before this stage would bring back counts as there;
      // and a `.dvc`-tracked dep that could not be pulled is no reason to run when dvc.lock records its data.
      status = await statusAfterRestores(stage, pipeline.lock.stages.get(name), expected, ws, project);
    } catch (error) {
      passed = false;
      record({ name, status: 'failed', seconds: 0, reasons: [], error: describeError(error) });
      stageError(`Stage '${name}': ${describeError(error)}`);
      for (const d of downstreamOf(dag, name)) if (!blocked.has(d)) blocked.set(d, name);
      continue;
    }
    const upstreamWouldRun = (dag.upstream.get(name) ?? []).find((u) => wouldRun.has(u));
    if (stage.frozen) {
      // DVC never runs a frozen stage's command; when its cmd or outs changed, or `--force` says so, it checks the
      // outs exist and records the workspace as it is in dvc.lock, deps included (Stage.reproduce → Stage.run with
      // frozen=True: save(), commit(), then dump()). `--force` reaches a frozen stage upstream of a target too, as
      // DVC forces every stage of its plan; the stages above it are not in that plan.
      note(`Stage '${name}' is frozen, skipping.`);
      const reasons = ['frozen', ...(options.force ? ['forced'] : []), ...status.reasons];
      if ((!status.changed && !options.force) || options.dry) {
        record({ name, status: 'skipped', seconds: 0, reasons });
        continue;
      }
      try {
        const missing = stage.outs.map((o) => project(o.path)).filter((p) => !ws.exists(p));
        if (missing.length)
          throw new UserError(`frozen stage is missing outputs ${missing.map((m) => `'${m}'`).join(', ')} (it never runs; unfreeze it or restore them).`);
        await commit(name, stage, project, await lockStage(stage, ws, project, pipeline.lock.stages.get(name)));
        record({ name, status: 'skipped', seconds: 0, reasons: [...reasons, 'dvc.lock updated from the workspace'] });
      } catch (error) {
        passed = false;
        stageError(`Stage '${name}': ${describeError(error)}`);
        record({ name, status: 'failed', seconds: 0, reasons, error: describeError(error) });
        for (const d of downstreamOf(dag, name)) if (!blocked.has(d)) blocked.set(d, name);
      }
      continue;
    }
    const depError = depErrorOf(stage, ws, depErrors);
    if (depError) unneeded.add(depError);
    // `dvc repro --pull`: a stage that would run only for missing outs gets them from the cache or the remote.
    const objects = pulling && !options.force && !upstreamWouldRun ? restorableOuts(stage, pipeline.lock.stages.get(name), status, ws, project) : null;
    let cannot: string | undefined;
    if (pulling && objects) {
      if (options.dry) {
        const available = await pulling.available(objects);
        if (available.ok) {
          for (const o of objects) expected.set(o.path, o.oid);
          note(`Would restore stage '${name}' from ${available.from}.`);
          record({ name, status: 'skipped', seconds: 0, reasons: [`restore from ${available.from}`] });
          continue;
        }
        cannot = `cannot restore: ${available.why}`;
      } else {
        try {
          const from = await pulling.restore(objects);
          ws.invalidate();
          note(`Stage '${name}' didn't change; its outputs were restored from ${from}.`);
          record({ name, status: 'skipped', seconds: (performance.now() - started) / 1000, reasons: [`restored from ${from}`] });
          continue;
        } catch (error) {
          cannot = `cannot restore: ${describeError(error)}`;
        }
      }
    }
    // Only a stage that has to run needs its deps: one that cannot be pulled fails it (its cmd would read nothing).
    if (depError && (options.force || status.changed || (options.dry && upstreamWouldRun))) {
      needed.add(depError);
      // Why it has to run comes first where a restore was tried: a remote that lacks the outputs (or is not there) is the fix.
      const why = cannot ? `${cannot}, and it cannot run: ${depError}` : depError;
      if (options.dry) {
        wouldRun.add(name);
        record({ name, status: 'not-run', seconds: 0, reasons: [cannot ? why : `cannot restore: ${depError}`] });
        continue;
      }
      passed = false;
      stageError(`Stage '${name}': ${why}`);
      record({ name, status: 'failed', seconds: 0, reasons: [], error: why });
      for (const d of downstreamOf(dag, name)) if (!blocked.has(d)) blocked.set(d, name);
      continue;
    }
    if (cannot) status.reasons.unshift(cannot);
    if (options.dry) {
      const reasons = options.force ? ['forced'] : status.reasons;
      if (upstreamWouldRun && !status.changed) reasons.push(`upstream stage '${upstreamWouldRun}' would run`);
      if (options.force || status.changed || upstreamWouldRun) {
        wouldRun.add(name);
        note(`Would run stage '${name}': ${reasons.join('; ')}`);
        record({ name, status: 'not-run', seconds: 0, reasons });
      } else {
        const uncached = data ? await notInCache(stage, pipeline.lock.stages.get(name), status, data) : [];
        record({ name, status: 'skipped', seconds: 0, reasons: uncached.length ? [SAVE_TO_CACHE, ...uncached] : [] });
      }
      continue;
    }
    if (!options.force && !status.changed) {
      // Its outs are here as dvc.lock records them; one the cache lacks goes in from the workspace, for push to send.
      const uncached = data ? await notInCache(stage, pipeline.lock.stages.get(name), status, data) : [];
      if (uncached.length) {
        try {
          await data!.save(stage, ws, project);
          note(`Stage '${name}' didn't change; its outputs were saved to the cache (${uncached.join('; ')}).`);
          record({ name, status: 'skipped', seconds: (performance.now() - started) / 1000, reasons: ['saved to the cache', ...uncached] });
        } catch (error) {
          log.warning(`Stage '${name}': its outputs could not be saved to the DVC cache: ${describeError(error)}`);
          record({ name, status: 'skipped', seconds: 0, reasons: uncached });
        }
        continue;
      }
      note(`Stage '${name}' didn't change, skipping.`);
      record({ name, status: 'skipped', seconds: 0, reasons: [] });
      continue;
    }
    const reasons = options.force ? ['forced', ...status.reasons] : status.reasons;
    const outcome = await log.group(`Stage ${name}`, () => runStage(name, stage, pipeline, log, own ? reasons : [], options.deadline));
    const seconds = (performance.now() - started) / 1000;
    const error = outcome.lock ? await commit(name, stage, project, outcome.lock).then(() => undefined, describeError) : outcome.error;
    if (error === undefined) {
      record({ name, status: 'ran', seconds, reasons });
    } else {
      passed = false;
      stageError(`Stage '${name}' failed: ${error}`);
      if (outcome.stopped) cutStages.add(name);
      record({ name, status: 'failed', seconds, reasons, error, log: outcome.tail, ...(outcome.stopped && { stopped: true as const }) });
      for (const d of downstreamOf(dag, name)) if (!blocked.has(d)) blocked.set(d, name);
    }
  }
  for (const why of options.dry ? [] : unneeded)
    if (!needed.has(why)) log.info(`${why}. No stage that reads it had to run: they were restored or skipped without it.`);
  return { stages: results, passed };
}

interface StageOutcome {
  lock?: LockStage;
  error?: string;
  tail?: string;
  /** The run's time budget ended the command. */
  stopped?: true;
}

/** Why a stage downstream of one the time budget ended did not run (the words the run's other notes use). */
export function cutBefore(stage: string): string {
  return `the pipeline stopped before it: the run's time budget was spent while stage '${stage}' ran`;
}

async function runStage(name: string, stage: Stage, pipeline: Pipeline, log: Logger, reasons: string[], deadline?: Deadline): Promise<StageOutcome> {
  const { ws, dag } = pipeline;
  const project = (p: string): string => projectPath(stage, p);
  const tail = new TailBuffer(TAIL_LINES);
  if (reasons.length) log.info(`Running stage '${stage.name}' (${reasons.join('; ')}):`);
  try {
    for (const dep of stage.deps) {
      if (ws.exists(project(dep))) continue;
      const producer = dag.producerOf(project(dep));
      throw new UserError(
        producer
          ? `dependency '${project(dep)}' is missing: stage '${producer}' should have written it.`
          : `dependency '${project(dep)}' does not exist and no stage writes it.`,
      );
    }
    checkLockable(stage.name, await currentParams(stage, ws, project));
    // Every out is checked before any is deleted or the command runs.
    const refused = refusedOutput(stage, ws, project);
    if (refused) throw new UserError(refused);
    // DVC deletes non-persistent outs before running the command, so a stale out cannot pass for a new one.
    for (const out of stage.outs) if (!out.persist) await rm(ws.abs(project(out.path)), { recursive: true, force: true });
    const cwd = ws.abs(stage.wdir);
    // The environment DVC gives a stage (dvc/stage/run.py `prepare_kwargs`).
    const env = { ...process.env, DVC_ROOT: process.env.DVC_ROOT ?? ws.root, DVC_STAGE: stage.name };
    for (const cmd of stageCommands(stage.cmd)) {
      log.info(`> ${cmd}`);
      tail.addLine(`> ${cmd}`);
      const { code, signal } = await runShell(cmd, cwd, (line) => log.info(line), tail, env, deadline?.signal);
      if (deadline?.signal.aborted && code !== 0) return { error: deadline.stopped(`stage '${stage.name}'`), tail: tail.text(), stopped: true };
      if (code !== 0) throw new UserError(signal ? `command was killed by ${signal}: ${cmd}` : `command exited with code ${code}: ${cmd}`);
    }
    ws.invalidate();
    const missing = stage.outs.filter((o) => !ws.exists(project(o.path))).map((o) => project(o.path));
    if (missing.length) throw new UserError(`the command did not write ${missing.map((m) => `'${m}'`).join(', ')} (declared in outs).`);
    return { lock: await lockStage(stage, ws, project, pipeline.lock.stages.get(name)) };
  } catch (error) {
    return { error: describeError(error), tail: tail.text() };
  }
}

/**
 * Why a stage's outputs may not be deleted, restored or written, naming the first that may not: it goes through a link
 * out of the project or into .git/.dvc, where a removal, a restore or the command's write would reach the runner's or
 * git's own files. Undefined when every one may.
 */
function refusedOutput(stage: Stage, ws: Workspace, project: (p: string) => string): string | undefined {
  for (const out of stage.outs) {
    const refused = outputPlaceRefused(ws.root, ws.rootPath(project(out.path)));
    if (refused) return `output '${project(out.path)}' of stage '${stage.name}': ${refused}; nothing is written or deleted there`;
  }
  return undefined;
}

/**
 * The dvc.lock record of a stage from the workspace as it is now. A DVC 2 entry (no `hash:`, md5-dos2unix) whose data
 * has that same hash stays as it was: DVC switches an entry to `hash: md5` only when its data changed
 * (`Output.update_legacy_hash_name`, called by `save()`), so an unchanged file keeps its line in a DVC 2 project.
 */
async function lockStage(stage: Stage, ws: Workspace, project: (p: string) => string, previous: LockStage | undefined): Promise<LockStage> {
  const entries = async (paths: string[], before: LockEntry[] = []): Promise<LockEntry[]> => {
    const out: LockEntry[] = [];
    for (const p of paths) {
      const legacy = before.find((e) => e.path === p && e.hashName !== 'md5' && e.md5 !== null);
      const kept = legacy ? await ws.hash(project(p), legacy.hashName) : null;
      if (legacy && kept?.md5 === legacy.md5) {
        out.push({ ...lockEntryFromHash(p, kept), hashName: legacy.hashName });
        continue;
      }
      const meta = await ws.hash(project(p));
      if (!meta) throw new UserError(`'${project(p)}' does not exist.`);
      out.push(lockEntryFromHash(p, meta));
    }
    return out;
  };
  const params = await currentParams(stage, ws, project);
  checkLockable(stage.name, params);
  return {
    cmd: stage.cmd,
    deps: await entries(stage.deps, previous?.deps),
    params,
    outs: await entries(
      stage.outs.map((o) => o.path),
      previous?.outs,
    ),
  };
}
