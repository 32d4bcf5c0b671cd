import type { LockEntry, LockStage } from '../dvc/lock';
import { joinPath, type DvcProject } from '../dvc/project';
import { pyEqual } from '../dvc/python/value';
import type { Stage } from '../dvc/types';
import { buildDag, selectStages, type Dag } from '../pipeline/dag';
import { describeError } from '../util/errors';
import { diffRow } from '../values/diff';
import { flattenParams } from '../values/flatten';
import {
  lastRunValues,
  type DataCause,
  type FileCause,
  type FileDiff,
  type MetricCauses,
  type ParamCause,
  type StageCause,
  type ValueRow,
} from '../values/types';

/** Entries of each kind a metric's causes list; the rest are counted in `omitted`. */
const MAX_CAUSE_ENTRIES = 50;

/** What a run knows that tells why metrics moved, read at the edges (gather.ts). */
export interface CauseInputs {
  /** The project at the base (empty when the base has no DVC files) and at the head (the workspace). */
  base: DvcProject;
  head: DvcProject;
  /** The run's params diff, base → head. */
  params: FileDiff[];
  /** The run's metrics files: never a cause of themselves. */
  metricsFiles: string[];
  /** `git diff --numstat` base → workspace: lines added and deleted, null for a binary file. */
  files: Map<string, { added: number; deleted: number } | null>;
  /** Paths git tracks at the base or the head: such a dep's changes are its lines, not a dvc.lock hash. */
  tracked: Set<string>;
  /** The stages this run reproduced (the pipeline section), or null when it did not. */
  ran: { name: string; status: 'ran' | 'skipped' | 'failed' | 'not-run'; reasons?: string[] }[] | null;
  /**
   * Stages out of date when the run did not reproduce; after a reproduction that failed, the stages it did not
   * complete (`did not run (the pipeline stopped before it: train failed)`).
   */
  stale: { stage: string; reasons: string[] }[];
  /** What could not be read (a dvc.yaml at the base that does not load), said on every metric's causes. */
  unknown: string[];
  /** Stages out of date at the base commit itself (by name, as `stale`), with their `dvc status` reasons there. */
  staleAtBase?: ReadonlyMap<string, string[]>;
  /**
   * Whether the base's stages were up to date could not be told (its pipeline does not load there): its values are
   * of the run its dvc.lock records, so a param's old value is dvc.lock's where it differs from the base's file.
   */
  baseFreshnessUnknown?: boolean;
}

/** A stage of any dvc.yaml, named and placed as one project: `wdir` from the project root, `dir/dvc.yaml:name` outside the root. */
interface CauseStage {
  stage: Stage;
  /** The folder of its dvc.yaml, and its name there: where its dvc.lock entry is. */
  dir: string;
  local: string;
}

interface CauseSide {
  stages: Map<string, CauseStage>;
  project: DvcProject;
}

/**
 * For each changed metric row, what changed upstream of it: a function of the metric's file, built once for the
 * run. Every changed row of a file, and every file the same stage writes, gets the one same object: report.json
 * names each once (docs/report-schema.md). Pure.
 */
export function explainer(inputs: CauseInputs): (file: string) => MetricCauses {
  const head = causeSide(inputs.head);
  const base = causeSide(inputs.base);
  let dag: Dag | null = null;
  let dagError: string | null = null;
  if (head.stages.size) {
    try {
      dag = buildDag([...head.stages.values()].map((s) => s.stage));
    } catch (error) {
      dagError = describeError(error);
    }
  }
  const byWriter = new Map<string, MetricCauses>();
  // What a file no stage writes gets is the same for every such file: made once, not once a metrics file (1,000
  // metrics files without a stage would each walk every changed param and file).
  let everything: MetricCauses | undefined;
  return (file) => {
    const writer = dag?.producerOf(file);
    if (dag && writer !== undefined) {
      let found = byWriter.get(writer);
      if (!found) {
        const upstream = upstreamCauses(inputs, dag, head, base, writer);
        found = settled({ ...upstream, unknown: [...upstream.unknown, ...inputs.unknown] });
        byWriter.set(writer, found);
      }
      return found;
    }
    if (!everything) {
      // A dvc.yaml (even one with no stages, only `metrics:`) is a project whose stages do not write this file.
      const all = everythingChanged(inputs, dag || inputs.head.dvcYamls.length ? 'no-stage' : 'no-pipeline');
      if (dagError) all.unknown.push(`dvc.yaml does not load as a pipeline (${dagError}): all changed params and files listed`);
      everything = settled({ ...all, unknown: [...all.unknown, ...inputs.unknown] });
    }
    return everything;
  };
}

/**
 * Causes of a metric that moved, with `nothingUpstream`: nothing upstream changed, nothing is unknown, and every stage's
 * outputs are this change's (lastRunValues).
 */
function settled(found: Omit<MetricCauses, 'nothingUpstream'>): MetricCauses {
  const lastRun = found.stages.some(lastRunValues);
  // A stage out of date at the base: the base's values are not of its own params, code and data, whatever changed since.
  const staleBase = found.stages.some((s) => s.staleAtBase?.length);
  const nothing =
    !found.params.length &&
    !found.files.length &&
    !found.data.length &&
    !found.stages.some((s) => s.definition) &&
    !found.unknown.length &&
    !lastRun &&
    !staleBase;
  return { ...found, nothingUpstream: nothing };
}

/** Changed metrics rows with their causes; the rest as they were. */
export function withCauses(metrics: FileDiff[], explain: (file: string) => MetricCauses): FileDiff[] {
  return metrics.map((f) => {
    // Every changed row of a file has the same causes: asked for once a file.
    let causes: MetricCauses | undefined;
    const rows = f.rows.map((r) => (r.changed ? { ...r, causes: (causes ??= explain(f.path)) } : r));
    return { ...f, rows };
  });
}

function causeSide(project: DvcProject): CauseSide {
  const stages = new Map<string, CauseStage>();
  for (const dvc of project.dvcYamls) {
    for (const stage of dvc.stages) {
      const name = dvc.dir ? `${dvc.file}:${stage.name}` : stage.name;
      stages.set(name, { stage: { ...stage, name, wdir: joinPath(dvc.dir, stage.wdir) || '.' }, dir: dvc.dir, local: stage.name });
    }
  }
  return { stages, project };
}

/** A stage's dvc.lock entry on one side, by the folder of its dvc.yaml and its name there (the head's). */
function causeLockOf(s: CauseSide, at: CauseStage): { file: boolean; stage: LockStage | undefined } {
  const lock = s.project.locks.get(at.dir);
  return { file: lock !== undefined, stage: lock?.stages.get(at.local) };
}

/** The writer of the metric's file and every stage upstream of it, each with what changed among its own params and deps. */
function upstreamCauses(inputs: CauseInputs, dag: Dag, head: CauseSide, base: CauseSide, writer: string): Omit<MetricCauses, 'nothingUpstream'> {
  const stages: StageCause[] = [];
  const params = new CauseEntries<ParamCause>((p) => `${p.file}\0${p.key}`);
  const files = new CauseEntries<FileCause>((f) => f.path);
  const data = new CauseEntries<DataCause>((d) => d.path);
  const unknown = new Set<string>();
  for (const name of selectStages(dag, [writer])) {
    const at = head.stages.get(name)!;
    const stage = at.stage;
    const before = base.stages.get(name)?.stage;
    const headLock = causeLockOf(head, at);
    const baseLock = causeLockOf(base, at);
    const baseHasPipeline = base.project.dvcYamls.some((d) => d.dir === at.dir);
    const atBase = inputs.staleAtBase?.get(name);
    const state = causeStageStatus(inputs, name, headLock, baseLock, baseHasPipeline);
    stages.push({ name, ...state, definition: causeDefinition(stage, before), ...(atBase && { staleAtBase: atBase }) });
    // Where the head's values are of a run with the head's params (not out of date, failed or left unrun there).
    const headRan = state.status !== 'out-of-date' && state.status !== 'not-run' && state.status !== 'failed';

    for (const dep of stage.params) {
      const file = joinPath(stage.wdir, dep.file);
      const diff = inputs.params.find((f) => f.path === file);
      if (!diff) {
        unknown.add(`${file} is not in the params diff: changes to its params unknown`);
        continue;
      }
      // Out of date at the base for these params: the base's values are of the run dvc.lock records, with its
      // params, so what changed for the metric is dvc.lock's value → the head's, not the base's file's (where the
      // head's values are of the head's params: a stage left out of date there is said so instead).
      const lockRan = inputs.baseFreshnessUnknown || atBase?.some((r) => r.startsWith(`param ${dep.file}:`));
      const locked = headRan && lockRan ? baseLock.stage?.params.get(dep.file) : undefined;
      const ranWith = locked ? flattenParams(locked) : null;
      for (const row of diff.rows) {
        if (dep.keys !== null && !dep.keys.some((k) => paramKeyUnder(row.key, k))) continue;
        if (!ranWith) {
          if (row.changed) params.add(paramCause(file, row), name);
          continue;
        }
        const fromLock = diffRow(row.key, ranWith.get(row.key), row.new);
        if (!fromLock.changed) continue;
        const notTheFiles = diffRow(row.key, row.old, ranWith.get(row.key)).changed;
        params.add({ ...paramCause(file, fromLock), ...(notTheFiles && { oldFrom: 'dvc.lock' as const }) }, name);
      }
    }

    for (const dep of stage.deps) {
      const path = joinPath(stage.wdir, dep);
      if (dag.producerOf(path) !== undefined) continue; // Another stage's output: that stage is walked too.
      const under = (p: string): boolean => path === '' || p === path || p.startsWith(`${path}/`);
      for (const [p, count] of inputs.files) if (under(p) && dag.producerOf(p) === undefined) files.add(fileCause(p, count), name);
      const dvcOuts = causeTrackedOuts(inputs, path);
      // Out of date at the base for this dep (its data changed there, not reproduced): the base's values are of the
      // data its dvc.lock records, so what changed for the metric is that → the head's, as for a param.
      const lockedDep = headRan && atBase?.includes(`dep ${dep}: modified`) ? causeEntryOf(baseLock.stage?.deps ?? [], dep) : undefined;
      const sinceLock = lockedDep && dvcOuts.includes(path) ? dataCause(path, lockedDep, headDataOf(inputs, headLock.stage, dep, path), '.dvc') : null;
      if (sinceLock) data.add({ ...sinceLock, oldFrom: 'dvc.lock' }, name);
      for (const out of sinceLock ? [] : dvcOuts) {
        const change = dvcDataCause(inputs, out);
        if (change) data.add(change, name);
      }
      if (dvcOuts.length || someOf(inputs.tracked, under)) continue;
      // Data a stage reads that neither git nor a `.dvc` file tracks: only dvc.lock says what it was.
      if (!baseLock.file) unknown.add(baseHasPipeline ? 'dvc.lock missing at base: data changes unknown' : 'no dvc.yaml at base: data changes unknown');
      else if (!baseLock.stage) unknown.add(`stage '${name}' not in dvc.lock at base: changes to its data unknown`);
      else if (!headLock.stage) unknown.add(`stage '${name}' not in dvc.lock at head: changes to its data unknown`);
      else {
        const change = dataCause(dep, causeEntryOf(baseLock.stage.deps, dep), causeEntryOf(headLock.stage.deps, dep), 'dvc.lock', path);
        if (change) data.add(change, name);
      }
    }
  }
  const omitted = params.omitted() + files.omitted() + data.omitted();
  return { basis: 'pipeline', stage: writer, stages, params: params.list(), files: files.list(), data: data.list(), unknown: [...unknown], omitted };
}

/** Without a stage that writes the file: every changed param, git-tracked file and `.dvc`-tracked data, none tied to a stage. */
function everythingChanged(inputs: CauseInputs, basis: 'no-pipeline' | 'no-stage'): Omit<MetricCauses, 'nothingUpstream'> {
  const params: ParamCause[] = [];
  const files = new CauseEntries<FileCause>((f) => f.path);
  const data = new CauseEntries<DataCause>((d) => d.path);
  // Each param is met once here (a file's keys are distinct, and so are the params files): past the listed ones,
  // only counted. A change that deletes 1,000 params files has 3,000 of them.
  let changedParams = 0;
  for (let i = 0; i < inputs.params.length; i++) {
    const diff = inputs.params[i]!;
    const rows = diff.rows;
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k]!;
      if (!row.changed) continue;
      if (changedParams++ < MAX_CAUSE_ENTRIES) params.push(paramCause(diff.path, row));
    }
  }
  // Params files are listed by key above, metrics files are the effect, `.dvc` files and dvc.lock are listed as data.
  const skip = new Set([...inputs.metricsFiles, ...inputs.params.map((f) => f.path)]);
  // forEach: no entry pair made and taken apart for each of a change's thousands of paths.
  inputs.files.forEach((count, p) => {
    if (skip.has(p) || p.endsWith('.dvc') || p.slice(p.lastIndexOf('/') + 1) === 'dvc.lock') return;
    files.add(fileCause(p, count));
  });
  const outs = new Set([...inputs.base.dvcFiles, ...inputs.head.dvcFiles].flatMap((f) => f.outs.map((o) => o.path)));
  for (const out of [...outs].sort()) {
    const change = dvcDataCause(inputs, out);
    if (change) data.add(change);
  }
  const omitted = changedParams - params.length + files.omitted() + data.omitted();
  return { basis, stage: null, stages: [], params, files: files.list(), data: data.list(), unknown: [], omitted };
}

/** A stage's state, most telling first: this run's outcome, out of date, then its dvc.lock entry at base and head. */
function causeStageStatus(
  inputs: CauseInputs,
  name: string,
  headLock: { file: boolean; stage: LockStage | undefined },
  baseLock: { file: boolean; stage: LockStage | undefined },
  baseHasPipeline: boolean,
): Pick<StageCause, 'status' | 'reasons'> {
  const ran = inputs.ran?.find((s) => s.name === name);
  if (ran && ran.status !== 'skipped') return { status: ran.status, reasons: ran.reasons ?? [] };
  const stale = inputs.stale.find((s) => s.stage === name);
  // After a reproduction the stale stages are those it did not complete (src/run.ts stagesNotRun): one with no result
  // is one the pipeline stopped before, not one out of date that a reproduction would have run.
  if (stale && inputs.ran) return { status: 'not-run', reasons: stale.reasons.map((r) => /^did not run \((.*)\)$/.exec(r)?.[1] ?? r) };
  if (stale) return { status: 'out-of-date', reasons: stale.reasons };
  if (!baseLock.file) return { status: baseHasPipeline ? 'unknown' : 'new', reasons: [] };
  if (!baseLock.stage) return { status: 'new', reasons: [] };
  if (!headLock.stage) return { status: 'unknown', reasons: [] };
  return { status: sameLockEntry(baseLock.stage, headLock.stage) ? 'unchanged' : 'updated', reasons: [] };
}

function sameLockEntry(a: LockStage, b: LockStage): boolean {
  const entries = (list: LockEntry[]): string => JSON.stringify(list.map((e) => [e.path, e.md5]).sort());
  if (JSON.stringify(a.cmd) !== JSON.stringify(b.cmd) || entries(a.deps) !== entries(b.deps) || entries(a.outs) !== entries(b.outs)) return false;
  const files = new Set([...a.params.keys(), ...b.params.keys()]);
  return [...files].every((f) => pyEqual(a.params.get(f), b.params.get(f)));
}

function causeDefinition(head: Stage, base: Stage | undefined): StageCause['definition'] {
  if (!base) return 'new';
  if (JSON.stringify(head.cmd) !== JSON.stringify(base.cmd)) return 'command';
  const shape = (s: Stage): string =>
    JSON.stringify([s.wdir, s.deps, s.params.map((p) => [p.file, p.keys]), s.outs.map((o) => [o.path, o.kind, o.cache]), s.frozen, s.alwaysChanged]);
  return shape(head) === shape(base) ? null : 'definition';
}

/** `train.epochs` is under the tracked key `train`, `train.epochs` or `*.epochs` (DVC's dotted keys, `*` one level). */
function paramKeyUnder(key: string, tracked: string): boolean {
  const parts = key.split('.');
  const want = tracked.split('.');
  return want.length <= parts.length && want.every((w, i) => w === '*' || w === parts[i]);
}

function paramCause(file: string, row: ValueRow): ParamCause {
  const cause: ParamCause = { file, key: row.key, stages: [] };
  if (row.old !== undefined) cause.old = row.old;
  if (row.new !== undefined) cause.new = row.new;
  return cause;
}

function fileCause(path: string, count: { added: number; deleted: number } | null): FileCause {
  return { path, added: count?.added ?? null, deleted: count?.deleted ?? null, binary: count === null, stages: [] };
}

function someOf(paths: Set<string>, test: (path: string) => boolean): boolean {
  for (const path of paths) if (test(path)) return true;
  return false;
}

function isIncauseSide(child: string, parent: string): boolean {
  return parent === '' || child.startsWith(`${parent}/`);
}

/** The `.dvc`-tracked outs (at base or head) that are, hold or lie inside a dep path. */
function causeTrackedOuts(inputs: CauseInputs, path: string): string[] {
  const outs = new Set<string>();
  for (const file of [...inputs.base.dvcFiles, ...inputs.head.dvcFiles]) {
    for (const out of file.outs) if (out.path === path || isIncauseSide(path, out.path) || isIncauseSide(out.path, path)) outs.add(out.path);
  }
  return [...outs].sort();
}

function causeFindOut(project: DvcProject, path: string): LockEntry | undefined {
  for (const file of project.dvcFiles) for (const out of file.outs) if (out.path === path) return out;
  return undefined;
}

/**
 * The data change of a `.dvc`-tracked out; null when there is none, or when one side lacks the out because the `.dvc`
 * file that tracks it at the other side does not load there: what it held there is not known (that file's error is
 * among the causes' unknowns), so it is neither added nor removed.
 */
function dvcDataCause(inputs: CauseInputs, out: string): DataCause | null {
  const before = causeFindOut(inputs.base, out);
  const after = causeFindOut(inputs.head, out);
  if ((!before && trackerUnloaded(inputs.base, inputs.head, out)) || (!after && trackerUnloaded(inputs.head, inputs.base, out))) return null;
  return dataCause(out, before, after, '.dvc');
}

/** Whether the `.dvc` file that tracks `out` in `other` does not load in `side`. */
function trackerUnloaded(side: DvcProject, other: DvcProject, out: string): boolean {
  const file = other.dvcFiles.find((f) => f.outs.some((o) => o.path === out))?.file;
  return file !== undefined && side.errors.some((e) => e.file === file);
}

/** A dep's data at the head: what its dvc.lock records the stage read, else its `.dvc` file. */
function headDataOf(inputs: CauseInputs, locked: LockStage | undefined, dep: string, path: string): LockEntry | undefined {
  return causeEntryOf(locked?.deps ?? [], dep) ?? causeFindOut(inputs.head, path);
}

function causeEntryOf(entries: LockEntry[], path: string): LockEntry | undefined {
  return entries.find((e) => e.path === path);
}

/** A change of recorded data between two entries (either may be absent); null when they record the same content. */
function dataCause(path: string, before: LockEntry | undefined, after: LockEntry | undefined, source: DataCause['source'], shown = path): DataCause | null {
  if (!before && !after) return null;
  if (before && after && before.md5 === after.md5) return null;
  const meta = (e: LockEntry | undefined): DataCause['old'] => (e ? { size: e.size ?? null, nfiles: e.nfiles ?? null } : null);
  return { path: shown, source, old: meta(before), new: meta(after), stages: [] };
}

/** Entries of one kind, each once with every stage it was found under, at most MAX_CAUSE_ENTRIES kept. */
class CauseEntries<T extends { stages: string[] }> {
  private readonly items = new Map<string, T>();
  constructor(private readonly id: (item: T) => string) {}

  add(item: T, stage?: string): void {
    const id = this.id(item);
    const known = this.items.get(id);
    const kept = known ?? item;
    if (!known) this.items.set(id, item);
    if (stage !== undefined && !kept.stages.includes(stage)) kept.stages.push(stage);
  }

  list(): T[] {
    return [...this.items.values()].slice(0, MAX_CAUSE_ENTRIES);
  }

  omitted(): number {
    return Math.max(0, this.items.size - MAX_CAUSE_ENTRIES);
  }
}
