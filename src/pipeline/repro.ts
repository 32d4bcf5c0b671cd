import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadDvcYaml } from '../dvc/project';
import type { DvcYaml, Stage } from '../dvc/types';
import { describeError, UserError } from '../util/errors';
import { workspaceTree } from '../workspace/tree';
import type { Logger } from '../util/log';
import { buildDag, downstreamOf, projectPath, selectStages, type Dag } from './dag';
import type { LockEntry, LockStage } from '../dvc/lock';
import { lockEntryFromHash, readLock, writeLock, type LockFile } from './lock';
import { runShell, stageCommands, TailBuffer } from './shell';
import { currentParams, stageStatus, Workspace } from './status';
import type { StageResult } from './types';

export interface ReproOptions {
  /** Stage names (or foreach/matrix group names); empty: every stage. */
  targets?: string[];
  /** Report what would run without running it. */
  dry?: boolean;
  /** Run the selected stages even when unchanged (frozen ones still never run, as in DVC). */
  force?: boolean;
}

export interface ReproResult {
  stages: StageResult[];
  /** False when a stage failed. */
  passed: boolean;
}

/** Lines of a failed stage's output kept for the report. */
export const TAIL_LINES = 50;

/** A loaded pipeline: dvc.yaml, its DAG, dvc.lock and the workspace they describe. */
export interface Pipeline {
  dir: string;
  dvc: DvcYaml;
  dag: Dag;
  lock: LockFile;
  ws: Workspace;
}

export async function loadPipeline(dir: string): Promise<Pipeline> {
  const tree = workspaceTree(dir);
  const dvc = await loadDvcYaml(tree);
  if (!dvc) throw new UserError(`No dvc.yaml in ${dir}.`);
  const dag = buildDag(dvc.stages);
  const lock = await readLock(tree, 'dvc.lock');
  return { dir, dvc, dag, lock, ws: new Workspace(dir, tree) };
}

/** What `mlreport status` prints: each selected stage and why it would run. */
export async function pipelineStatus(pipeline: Pipeline, targets: string[] = []): Promise<{ name: string; changed: boolean; reasons: string[] }[]> {
  const out = [];
  for (const name of selectStages(pipeline.dag, targets)) {
    const node = pipeline.dag.nodes.get(name)!;
    const status = await stageStatus(node.stage, pipeline.lock.stages.get(name), pipeline.ws, (p) => projectPath(node.stage, p));
    out.push({ name, ...status });
  }
  return out;
}

/**
 * `dvc repro`: runs changed stages upstream first, writes dvc.lock after each stage that ran. A failed
 * stage stops the stages that depend on it; independent ones still run.
 */
export async function reproduce(pipeline: Pipeline, log: Logger, options: ReproOptions = {}): Promise<ReproResult> {
  const { dag, ws } = pipeline;
  const lockPath = join(pipeline.dir, 'dvc.lock');
  const updates = new Map<string, LockStage>();
  const blocked = new Map<string, string>();
  const wouldRun = new Set<string>();
  const results: StageResult[] = [];
  let passed = true;

  for (const name of selectStages(dag, options.targets ?? [])) {
    const stage = dag.nodes.get(name)!.stage;
    const project = (p: string): string => projectPath(stage, p);
    const blocker = blocked.get(name);
    if (blocker) {
      results.push({ name, status: 'not-run', seconds: 0, reasons: [`upstream stage '${blocker}' failed`] });
      continue;
    }
    const started = performance.now();
    let status;
    try {
      status = await stageStatus(stage, pipeline.lock.stages.get(name), ws, project);
    } catch (error) {
      passed = false;
      results.push({ name, status: 'failed', seconds: 0, reasons: [], error: describeError(error) });
      log.error(`Stage '${name}': ${describeError(error)}`);
      for (const d of downstreamOf(dag, name)) if (!blocked.has(d)) blocked.set(d, name);
      continue;
    }
    const upstreamWouldRun = (dag.upstream.get(name) ?? []).find((u) => wouldRun.has(u));
    if (stage.frozen) {
      // DVC never runs a frozen stage's command; when its cmd or outs changed it checks the outs exist and
      // records the workspace as it is in dvc.lock (Stage.run with frozen=True, then save()).
      log.info(`Stage '${name}' is frozen, skipping.`);
      if (!status.changed || options.dry) {
        results.push({ name, status: 'skipped', seconds: 0, reasons: ['frozen', ...status.reasons] });
        continue;
      }
      try {
        const missing = stage.outs.map((o) => project(o.path)).filter((p) => !ws.exists(p));
        if (missing.length)
          throw new UserError(`frozen stage is missing outputs ${missing.map((m) => `'${m}'`).join(', ')} (it never runs; unfreeze it or restore them).`);
        const record = await lockStage(stage, ws, project);
        updates.set(name, record);
        pipeline.lock.stages.set(name, record);
        await writeLock(lockPath, pipeline.lock, updates);
        results.push({ name, status: 'skipped', seconds: 0, reasons: ['frozen', ...status.reasons, 'dvc.lock updated from the workspace'] });
      } catch (error) {
        passed = false;
        log.error(`Stage '${name}': ${describeError(error)}`);
        results.push({ name, status: 'failed', seconds: 0, reasons: ['frozen', ...status.reasons], error: describeError(error) });
        for (const d of downstreamOf(dag, name)) if (!blocked.has(d)) blocked.set(d, name);
      }
      continue;
    }
    if (options.dry) {
      const reasons = options.force ? ['forced'] : status.reasons;
      if (upstreamWouldRun && !status.changed) reasons.push(`upstream stage '${upstreamWouldRun}' would run`);
      if (options.force || status.changed || upstreamWouldRun) {
        wouldRun.add(name);
        log.info(`Would run stage '${name}': ${reasons.join('; ')}`);
        results.push({ name, status: 'not-run', seconds: 0, reasons });
      } else {
        results.push({ name, status: 'skipped', seconds: 0, reasons: [] });
      }
      continue;
    }
    if (!options.force && !status.changed) {
      log.info(`Stage '${name}' didn't change, skipping.`);
      results.push({ name, status: 'skipped', seconds: 0, reasons: [] });
      continue;
    }
    const reasons = options.force ? ['forced', ...status.reasons] : status.reasons;
    const outcome = await log.group(`Stage ${name}`, () => runStage(stage, pipeline, log, reasons));
    const seconds = (performance.now() - started) / 1000;
    if (outcome.lock) {
      updates.set(name, outcome.lock);
      pipeline.lock.stages.set(name, outcome.lock);
      await writeLock(lockPath, pipeline.lock, updates);
      results.push({ name, status: 'ran', seconds, reasons });
    } else {
      passed = false;
      log.error(`Stage '${name}' failed: ${outcome.error}`);
      results.push({ name, status: 'failed', seconds, reasons, error: outcome.error, log: outcome.tail });
      for (const d of downstreamOf(dag, name)) if (!blocked.has(d)) blocked.set(d, name);
    }
  }
  return { stages: results, passed };
}

interface StageOutcome {
  lock?: LockStage;
  error?: string;
  tail?: string;
}

async function runStage(stage: Stage, pipeline: Pipeline, log: Logger, reasons: string[]): Promise<StageOutcome> {
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
    await currentParams(stage, ws, project);
    // DVC deletes non-persistent outs before running the command, so a stale out cannot pass for a new one.
    for (const out of stage.outs) if (!out.persist) await rm(ws.abs(project(out.path)), { recursive: true, force: true });
    const cwd = ws.abs(stage.wdir);
    // The environment DVC gives a stage (dvc/stage/run.py `prepare_kwargs`).
    const env = { ...process.env, DVC_ROOT: process.env.DVC_ROOT ?? ws.root, DVC_STAGE: stage.name };
    for (const cmd of stageCommands(stage.cmd)) {
      log.info(`> ${cmd}`);
      tail.addLine(`> ${cmd}`);
      const { code, signal } = await runShell(cmd, cwd, (line) => log.info(line), tail, env);
      if (code !== 0) throw new UserError(signal ? `command was killed by ${signal}: ${cmd}` : `command exited with code ${code}: ${cmd}`);
    }
    ws.invalidate();
    const missing = stage.outs.filter((o) => !ws.exists(project(o.path))).map((o) => project(o.path));
    if (missing.length) throw new UserError(`the command did not write ${missing.map((m) => `'${m}'`).join(', ')} (declared in outs).`);
    return { lock: await lockStage(stage, ws, project) };
  } catch (error) {
    return { error: describeError(error), tail: tail.text() };
  }
}

/** The dvc.lock record of a stage from the workspace as it is now. */
async function lockStage(stage: Stage, ws: Workspace, project: (p: string) => string): Promise<LockStage> {
  const entries = async (paths: string[]): Promise<LockEntry[]> => {
    const out: LockEntry[] = [];
    for (const p of paths) {
      const meta = await ws.hash(project(p));
      if (!meta) throw new UserError(`'${project(p)}' does not exist.`);
      out.push(lockEntryFromHash(p, meta));
    }
    return out;
  };
  return {
    cmd: stage.cmd,
    deps: await entries(stage.deps),
    params: await currentParams(stage, ws, project),
    outs: await entries(stage.outs.map((o) => o.path)),
  };
}
