import { posix } from 'node:path';
import type { LockEntry, LockStage } from '../dvc/lock';
import { joinPath, projectAt, readDataFile, type DvcProject, type LoadedProjects } from '../dvc/project';
import type { GitRepo } from '../git/repo';
import type { Revision } from '../git/revisions';
import { isRawMap, type Raw } from '../dvc/python/value';
import type { DvcYaml, Stage } from '../dvc/types';
import { objectMd5 } from '../dvc/data/hash';
import { buildDag, projectPath, stageAddress, type Dag } from '../pipeline/dag';
import { describeError } from '../util/errors';
import { paramReasons } from '../pipeline/status';
import { commitTree, type ReadBudget, type Tree } from '../workspace/tree';

/**
 * What was out of date at the base: stages with their reasons, and the metrics files they (or stages downstream) write;
 * `unknown`: the metrics files a stage of a dvc.yaml whose pipeline does not load at the base writes (or in its
 * folder), with why, naming the file: whether their stages were up to date there cannot be told, as `dvc status`
 * there refuses the whole pipeline.
 */
export interface BaseStaleness {
  stages: Map<string, string[]>;
  files: Map<string, string[]>;
  unknown: Map<string, string>;
}

/**
 * The base's out-of-date stages (outOfDateAtBase) and the metrics files behind them, read through the run's project at
 * the base; none where there is no base. A dvc.yaml that does not parse there is said by the steps that read the
 * base's project; one that parses but whose pipeline does not load (an output two stages write, a cycle) is
 * `unknown`, never up to date.
 */
export async function baseStaleness(
  git: GitRepo,
  base: Revision | null,
  options: { budget?: ReadBudget; projects?: LoadedProjects },
  metricsFiles: string[],
): Promise<BaseStaleness> {
  if (!base) return { stages: new Map(), files: new Map(), unknown: new Map() };
  const tree = commitTree(git, base.sha, base.label, options.budget ? { budget: options.budget } : {});
  const project = await projectAt(tree, base.sha, options.projects);
  const { stale: stages, unloaded } = await outOfDateAtBase(tree, project);
  return { stages, files: filesOfStaleStages(project, stages, metricsFiles), unknown: filesOfUnloaded(unloaded, metricsFiles, base.label) };
}

/**
 * Of `metricsFiles`, those a stage of a dvc.yaml whose pipeline did not load writes (or a folder it writes holds), or
 * in that dvc.yaml's folder, each with why, naming the file and the revision.
 */
function filesOfUnloaded(unloaded: { dvc: DvcYaml; error: string }[], metricsFiles: string[], label: string): Map<string, string> {
  const unknown = new Map<string, string>();
  const under = (file: string, folder: string): boolean => folder === '' || folder === '.' || file === folder || file.startsWith(`${folder}/`);
  for (const { dvc, error } of unloaded) {
    const outs = dvc.stages.flatMap((stage) => stage.outs.map((o) => joinPath(dvc.dir, projectPath(stage, o.path))));
    for (const file of metricsFiles) {
      if (unknown.has(file)) continue;
      if (under(file, dvc.dir) || outs.some((out) => under(file, out))) unknown.set(file, `at ${label}, ${error.replace(/\.$/, '')}`);
    }
  }
  return unknown;
}

/** One dvc.yaml at the base: its stages' graph and its dvc.lock's stages. */
interface BasePipeline {
  dvc: DvcYaml;
  dag: Dag;
  lock: Map<string, LockStage>;
}

/**
 * The stages out of date at the base commit itself, as `dvc status` run there would find them from what git holds:
 * a command that is not dvc.lock's, params whose values are not dvc.lock's, a git-tracked file or `.dvc`-tracked data
 * dep whose hash is not dvc.lock's, or an upstream stage's output whose recorded hash is not the one this stage read.
 * Such a base was committed without reproducing (a param changed and merged, say): its dvc.lock, and the values
 * read by it, are of a run of other params or code than the base's own. Outputs are not looked at (a commit does not
 * hold them). By stage address (`sub/dvc.yaml:name` outside the root dvc.yaml), with the reasons in `dvc status` words;
 * `unloaded`: the dvc.yaml files whose pipeline does not load there, with the error.
 */
async function outOfDateAtBase(tree: Tree, project: DvcProject): Promise<{ stale: Map<string, string[]>; unloaded: { dvc: DvcYaml; error: string }[] }> {
  const stale = new Map<string, string[]>();
  const unloaded: { dvc: DvcYaml; error: string }[] = [];
  for (const dvc of project.dvcYamls) {
    const lock = project.locks.get(dvc.dir);
    if (!lock) continue;
    let dag: Dag;
    try {
      dag = buildDag(dvc.stages, dvc.file);
    } catch (error) {
      // `dvc status` there refuses the whole pipeline: whether its stages were up to date is not known, not "they were".
      unloaded.push({ dvc, error: describeError(error) });
      continue;
    }
    for (const stage of dvc.stages) {
      const locked = lock.stages.get(stage.name);
      if (!locked) continue;
      const reasons = await reasonsAtBase(tree, project, { dvc, dag, lock: lock.stages }, stage, locked);
      if (reasons.length) stale.set(stageAddress(dvc.file, stage.name), reasons);
    }
  }
  return { stale, unloaded };
}

async function reasonsAtBase(tree: Tree, project: DvcProject, pipeline: BasePipeline, stage: Stage, locked: LockStage): Promise<string[]> {
  const reasons: string[] = [];
  if (JSON.stringify(locked.cmd) !== JSON.stringify(stage.cmd)) reasons.push('changed command');
  // A frozen stage's deps are not checked (DVC's `changed_deps` is False for it).
  if (stage.frozen) return reasons;
  const wdir = joinPath(pipeline.dvc.dir, stage.wdir);
  const lockDeps = new Map(locked.deps.map((e) => [e.path, e]));
  for (const dep of new Set(stage.deps)) {
    const entry = lockDeps.get(dep);
    if (!entry?.md5) continue;
    const now = await hashAtBase(tree, project, pipeline, joinPath(wdir, dep), entry);
    if (now !== null && now !== entry.md5) reasons.push(`dep ${dep}: modified`);
  }
  for (const dep of stage.params) {
    const lockedValues = locked.params.get(dep.file);
    if (!lockedValues) continue;
    const data = await readDataFile(tree, joinPath(wdir, dep.file)).catch(() => undefined);
    if (data === undefined) continue;
    for (const reason of paramReasons(dep, isRawMap(data) ? data : new Map<string, Raw>(), lockedValues)) reasons.push(reason);
  }
  return reasons;
}

/**
 * A dep's hash at the base, where the commit tells it without DVC's cache: another stage's output by that stage's
 * dvc.lock entry, `.dvc`-tracked data by its `.dvc` file, a file git holds by its bytes; null where none does (a
 * directory in git, data nothing records).
 */
async function hashAtBase(tree: Tree, project: DvcProject, pipeline: BasePipeline, path: string, entry: LockEntry): Promise<string | null> {
  const local = posix.relative(pipeline.dvc.dir || '.', path);
  const producer = pipeline.dag.producerOf(local);
  if (producer !== undefined) return pipeline.lock.get(producer)?.outs.find((o) => o.path === local)?.md5 ?? null;
  for (const file of project.dvcFiles) for (const out of file.outs) if (out.path === path) return out.md5;
  try {
    const bytes = await tree.read(path);
    return bytes ? objectMd5(bytes, entry.hashName === 'md5-dos2unix') : null;
  } catch {
    // A folder where the dep is (DVC hashes it as a directory), or a path the guard refuses: not told here.
    return null;
  }
}

/**
 * Of `metricsFiles`, those a stage out of date at the base writes, or a stage downstream of one (its inputs are that
 * stage's last outputs), with those stages in pipeline order.
 */
function filesOfStaleStages(project: DvcProject, stale: Map<string, string[]>, metricsFiles: string[]): Map<string, string[]> {
  const files = new Map<string, string[]>();
  if (!stale.size) return files;
  for (const dvc of project.dvcYamls) {
    let dag: Dag;
    try {
      dag = buildDag(dvc.stages);
    } catch {
      continue;
    }
    for (const file of metricsFiles) {
      const producer = dag.producerOf(posix.relative(dvc.dir || '.', file));
      if (producer === undefined) continue;
      const feeding = new Set([producer]);
      for (const s of feeding) for (const u of dag.upstream.get(s) ?? []) feeding.add(u);
      const behind = dag.order
        .filter((s) => feeding.has(s))
        .map((s) => stageAddress(dvc.file, s))
        .filter((s) => stale.has(s));
      if (behind.length) files.set(file, behind);
    }
  }
  return files;
}
