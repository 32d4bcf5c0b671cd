import { posix } from 'node:path';
import { isAscii } from 'node:buffer';
import { projectFiles, type ProjectFiles } from '../dvc/files';
import { isDvcYaml, joinPath, loadProject, projectAt, WORKSPACE, type DvcProject, type LoadedProjects } from '../dvc/project';
import { GitRepo } from '../git/repo';
import type { Revision } from '../git/revisions';
import { describeError, UserError } from '../util/errors';
import type { Logger } from '../util/log';
import { globToRegExp, isGlob } from '../workspace/glob';
import {
  commitTree,
  MAX_FILE_BYTES,
  projectPath,
  readFiles,
  RefusedRead,
  workspaceTree,
  type ReadBudget,
  type ReadResult,
  type Tree,
  type WorkspaceListing,
} from '../workspace/tree';
import { extension, withPosition } from '../dvc/formats';
import { jsonBomProblem } from '../dvc/formats/json';
import type { ParsedFile } from '../dvc/python/value';
import { PipelineData, type DataOptions } from '../pipeline/restore';
import { withCachedOutputs, type CachedOutputsTree } from './cached-outputs';
import { folderOnDisk, inHeadFrame, movedRootFrame, reframedProject, type ProjectRoots } from './moved-root';
import { cachedUnreadableNote, notKnownNote } from './unread-notes';
import { diffValueFile } from './diff';
import { FlatValues, KeyTable, valueCount } from './flat';
import { flattenJsonMetrics } from './json-metrics';
import { flattenMetrics, flattenParams } from './flatten';
import { LoggerReader, isLoggerHeader } from './dagshub';
import { parseValueFile, type ValueKind } from './parse';
import type { FileDiff, ValueFile } from './types';

/** What DagsHub's logger (dagshub.logger.DAGsHubLogger) writes at the project root. */
const LOGGER_METRICS = 'metrics.csv';
const LOGGER_PARAMS = 'params.yml';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export interface CollectRequest {
  workspace: string;
  base: Revision | null;
  metricsPaths: string[] | null;
  paramsPaths: string[] | null;
  /** What notes call the head (default `head`). */
  headLabel?: string;
  /** The run's read budget, shared with the other steps. */
  budget?: ReadBudget;
  /** Credentials for the DVC remote that cached outputs are read from. */
  data?: DataOptions;
  /** The run's listing of the workspace, shared with its other steps. */
  listing?: WorkspaceListing;
  /** The run's projects at the head and the base, shared with its other steps. */
  projects?: LoadedProjects;
  /**
   * Where the project root is at the head and at the base, from the top of the work tree, when known: a pull request
   * that adds or deletes a `.dvc/` on the way up from the working directory moves its root, not the base's.
   */
  roots?: ProjectRoots;
}

/**
 * A file that could not be loaded at a revision that names it (DVC: "failed to load some metrics"): it does not parse,
 * it is not there (DVC's FileNotFoundError), its DVC object could not be read, or the project file naming it does not
 * load there.
 */
interface LoadError {
  rev: string;
  /**
   * For a file there that could not be read (it does not parse, the guard refused it), which tree and kind: a metrics
   * file that cannot be read at the head is no metric missing there (the gate breaks its rules). Absent for the others.
   */
  side?: 'base' | 'head';
  kind?: ValueKind;
  path: string;
  /** Why, naming the file. */
  message: string;
  /** Whether the comparison warned about it already (a file or project file that does not parse). */
  warned: boolean;
}

export interface Comparison {
  metrics: FileDiff[];
  params: FileDiff[];
  errors: LoadError[];
  /**
   * Project files that do not parse at the head (the second tree): its dvc.yaml files and the params files
   * it compares. DVC refuses to diff such a project, so callers report these first and fail.
   */
  headErrors: string[];
  /** Metrics files whose base side was read and parsed, with values: the base branch's history takes them from here. */
  parsedAtBase: Set<string>;
  /**
   * Metrics files whose values at the base are not known, with why (naming the file and the revision): a dvc.yaml
   * over them or the `.dvc` file tracking them does not load there.
   * A metric of theirs the base lacks is not new at the head: a rule comparing with `base` has nothing to compare with.
   */
  notKnownAtBase: Map<string, string>;
  /**
   * Metrics files the base has as DVC outputs (hashed in its dvc.lock or `.dvc` file, not in git) whose object neither
   * the cache nor a remote gave (path → why: the revision, the object, the remote). The base had the file: its metrics
   * the base lacks are not known there, not new.
   */
  cachedAtBase: Map<string, string>;
  /**
   * The same at the head (path → why): dvc.lock names the file there, so its metrics are not known, not absent, and a
   * rule on them, `if present` too, is not checked.
   */
  cachedAtHead: Map<string, string>;
}

/** The files to compare: paths or globs chosen by the user (null: what dvc.yaml names, as DVC does). */
export interface Targets {
  metrics: string[] | null;
  params: string[] | null;
  /** Only params that stages depend on (`dvc params diff --deps`): no top-level `params:`, no default params.yaml. */
  depsOnly?: boolean;
}

/** Reads metrics and params at base (through git) and head (the workspace) and diffs them. */
export async function collectAndCompare(git: GitRepo, request: CollectRequest, log: Logger): Promise<Comparison> {
  const budget = request.budget;
  const data = await openProjectData(request.workspace, log, request.data);
  try {
    const frame = request.base && request.roots ? movedRootFrame(request.roots) : null;
    if (request.base && request.roots && frame) return await compareMovedRoot(git, { ...request, base: request.base, roots: request.roots }, frame, data, log);
    const at = (tree: Tree, revision: string) => withCachedOutputs(tree, data, () => projectAt(tree, revision, request.projects));
    const head = at(
      workspaceTree(request.workspace, { name: request.headLabel ?? 'head', ...(budget ? { budget } : {}), listing: request.listing }),
      WORKSPACE,
    );
    const base = request.base ? at(commitTree(git, request.base.sha, request.base.label, budget ? { budget } : {}), request.base.sha) : null;
    return await compareTrees(base, head, { metrics: request.metricsPaths, params: request.paramsPaths }, log);
  } finally {
    await data?.close();
  }
}

/**
 * `collectAndCompare` for a pull request that moved its project root: each side's values are found where its own
 * project puts them (the base's dvc.yaml, read at the base's root), and a file is the same file on both sides when it
 * is the same file of the work tree — compared in the frame of the outer root, then named from the head's root as the
 * rest of the report names them. A base file outside the head's project has no path there: it is left out, and said.
 */
async function compareMovedRoot(
  git: GitRepo,
  request: CollectRequest & { base: Revision; roots: ProjectRoots },
  frame: NonNullable<ReturnType<typeof movedRootFrame>>,
  data: PipelineData | null,
  log: Logger,
): Promise<Comparison> {
  const { base, budget } = request;
  const top = folderOnDisk(git.root, '');
  const name = (root: string): string => (root ? `${root}/` : 'the top of the repository');
  log.info(
    `The project root is ${name(request.roots.head)} at ${request.headLabel ?? 'the head'} and ${name(request.roots.base)} at the base (${base.label}): each side's values are read where its own project names them, and compared file by file.`,
  );
  const opened: GitRepo[] = [];
  const open = async (folder: string): Promise<GitRepo> => {
    const repo = await GitRepo.openBelow(top, folder);
    opened.push(repo);
    return repo;
  };
  try {
    const [baseGit, outerGit] = [await open(request.roots.base), await open(frame.outer)];
    const headProject = projectAt(
      workspaceTree(request.workspace, { name: request.headLabel ?? 'head', ...(budget ? { budget } : {}), listing: request.listing }),
      WORKSPACE,
      request.projects,
    );
    const baseProject = loadProject(commitTree(baseGit, base.sha, base.label, budget ? { budget } : {}));
    const head = withCachedOutputs(
      workspaceTree(folderOnDisk(top, frame.outer), { name: request.headLabel ?? 'head', ...(budget ? { budget } : {}) }),
      data,
      async () => reframedProject(await headProject, frame.headPrefix),
    );
    const baseTree = withCachedOutputs(commitTree(outerGit, base.sha, base.label, budget ? { budget } : {}), data, async () =>
      reframedProject(await baseProject, frame.basePrefix),
    );
    const targets = (paths: string[] | null) => paths && paths.map((p) => joinPath(frame.headPrefix, p));
    const compared = await compareTrees(baseTree, head, { metrics: targets(request.metricsPaths), params: targets(request.paramsPaths) }, log);
    return headFramed(movedUp(compared, frame.basePrefix), frame.headPrefix, log);
  } finally {
    for (const repo of opened) await repo.close();
  }
}

/**
 * A comparison whose base root (`prefix` from the head's) lay below the head's: the base's metrics files the head's
 * project no longer reads may be what a head file, absent at the base, stands for now (`git mv proj/metrics.json .`).
 * Which one cannot be told, so that file's base values are not known rather than absent, as for a root moved down.
 */
function movedUp(comparison: Comparison, prefix: string): Comparison {
  if (!prefix) return comparison;
  const gone = comparison.metrics.filter((d) => d.rows.length && d.rows.every((r) => r.new === undefined)).map((d) => d.path);
  if (!gone.length) return comparison;
  const why = `the base's project names its metrics in ${gone.join(', ')}, which this project does not read (its root was ${prefix}/ at the base; the change moved it up)`;
  const notKnownAtBase = new Map(comparison.notKnownAtBase);
  for (const d of comparison.metrics) {
    if (gone.includes(d.path) || comparison.parsedAtBase.has(d.path) || notKnownAtBase.has(d.path) || comparison.cachedAtBase.has(d.path)) continue;
    notKnownAtBase.set(d.path, why);
  }
  return { ...comparison, notKnownAtBase };
}

/** A comparison made in the outer root's frame, with its paths named from the head's root (`prefix` from the outer one). */
function headFramed(comparison: Comparison, prefix: string, log: Logger): Comparison {
  if (!prefix) return comparison;
  const left: string[] = [];
  const files = (diffs: FileDiff[]): FileDiff[] =>
    diffs.flatMap((d) => {
      const path = inHeadFrame(d.path, prefix);
      if (path === null) left.push(d.path);
      return path === null ? [] : [{ ...d, path }];
    });
  const keyed = <V>(map: Map<string, V>): Map<string, V> =>
    new Map(
      [...map].flatMap(([k, v]) => {
        const path = inHeadFrame(k, prefix);
        return path === null ? [] : [[path, v] as [string, V]];
      }),
    );
  const framed: Comparison = {
    ...comparison,
    metrics: files(comparison.metrics),
    params: files(comparison.params),
    errors: comparison.errors.flatMap((e) => {
      const path = inHeadFrame(e.path, prefix);
      return path === null ? [] : [{ ...e, path }];
    }),
    parsedAtBase: new Set([...comparison.parsedAtBase].flatMap((p) => inHeadFrame(p, prefix) ?? [])),
    notKnownAtBase: keyed(comparison.notKnownAtBase),
    cachedAtBase: keyed(comparison.cachedAtBase),
    cachedAtHead: keyed(comparison.cachedAtHead),
  };
  if (left.length) log.info(`Outside the head's project (${prefix}/), not compared: ${left.join(', ')} (named by the base's project).`);
  // The base's metrics outside the head's project may be what a head file, absent at the base, stands for now: which
  // one cannot be told, so its base values are not known rather than absent (a `base` rule is an error, not skipped).
  const leftMetrics = comparison.metrics.map((d) => d.path).filter((p) => inHeadFrame(p, prefix) === null);
  if (leftMetrics.length) {
    const why = `the base's project names its metrics in ${leftMetrics.join(', ')}, outside ${prefix}/ (this project's root, which the change moved)`;
    for (const d of framed.metrics) {
      if (!framed.parsedAtBase.has(d.path) && !framed.notKnownAtBase.has(d.path) && !framed.cachedAtBase.has(d.path)) framed.notKnownAtBase.set(d.path, why);
    }
  }
  return framed;
}

/** The project's DVC cache and remotes for reading cached outputs; a config that does not load is a warning. */
export async function openProjectData(workspace: string, log: Logger, options: DataOptions = {}): Promise<PipelineData | null> {
  try {
    return await PipelineData.open(workspace, options);
  } catch (error) {
    log.warning(`DVC outputs missing from git are not read from the cache or the remote: ${describeError(error)}`);
    return null;
  }
}

/**
 * `dvc metrics diff` + `dvc params diff` between two trees: each side's files come from its own dvc.yaml
 * (or the targets), every file is read and parsed independently, and a file that fails on one side only
 * loses that side's values (with a warning naming the revision and file).
 */
export async function compareTrees(a: Tree | null, b: Tree, targets: Targets, log: Logger, kinds: ValueKind[] = ['metrics', 'params']): Promise<Comparison> {
  const errors: LoadError[] = [];
  const headErrors: string[] = [];
  const parsedAtBase = new Set<string>();
  const notKnownAtBase = new Map<string, string>();
  const cachedAtBase = new Map<string, string>();
  const cachedAtHead = new Map<string, string>();
  const sideA = a ? await selectFiles(a, targets, log) : null;
  const sideB = await selectFiles(b, targets, log, headErrors);
  // DVC loads a revision's whole project before any of its values: one file that does not load fails the revision.
  if (a && sideA) for (const { file, error } of sideA.unloaded) errors.push({ rev: a.name, path: file, message: error, warned: true });
  const plans = await Promise.all(
    kinds.map(async (kind) => {
      const pathsA = sideA ? filesOf(sideA, kind) : new Map<string, string[]>();
      const pathsB = filesOf(sideB, kind);
      const goneA = a ? absentFolders(pathsA, pathsB, await a.list()) : new Set<string>();
      const goneB = a ? absentFolders(pathsB, pathsA, await b.list()) : new Set<string>();
      // A folder a side names and lacks is read there all the same by DVC, which fails to.
      for (const folder of goneA) errors.push(notPresent(a!, folder));
      for (const folder of goneB) errors.push(notPresent(b, folder));
      const paths = [...new Set([...pathsA.keys(), ...pathsB.keys()])].sort();
      // Files the user named are read on both sides, even where a glob matched only one of them.
      const named = targets[kind] ? [] : undefined;
      // A target that names nothing at either side is said, as DVC says it failed to load them, not an empty table.
      const said = new Set<string>();
      for (const p of targets[kind] ? sideB.named[kind].unmatched : []) {
        if (sideA && !sideA.named[kind].unmatched.has(p)) continue;
        const message = `${kind} target ${JSON.stringify(p)}: no such file${a ? ` at ${a.name} or` : ' in'} ${b.name}`;
        log.warning(message);
        for (const tree of [a, b]) if (tree) errors.push({ rev: tree.name, path: p, message, warned: true });
        // A target outside the project was refused before it could be unmatched: this does not throw.
        said.add(projectPath(p));
      }
      return { kind, pathsA, pathsB, goneA, goneB, paths, named, said };
    }),
  );
  // A commit's files of every kind in one batch (one git process), not a round trip each; a metrics CSV is
  // streamed instead. The workspace reads each file as it comes to it.
  const readAll = async (tree: Tree | null, which: 'pathsA' | 'pathsB'): Promise<Map<string, ReadResult>> => {
    if (!tree?.readMany) return new Map();
    const wanted = new Set<string>();
    for (const plan of plans) {
      for (const p of plan.paths) if ((plan[which].get(p) ?? plan.named) !== undefined && !isMetricsCsv(plan.kind, p)) wanted.add(p);
    }
    const paths = [...wanted];
    const got = await readFiles(tree, paths);
    return new Map(paths.map((p, i) => [p, got[i]!]));
  };
  const readA = await readAll(sideA && a, 'pathsA');
  const readB = await readAll(b, 'pathsB');
  const compare = async ({ kind, pathsA, pathsB, goneA, goneB, paths, named, said }: (typeof plans)[number]): Promise<FileDiff[]> => {
    const diffs: FileDiff[] = [];
    const sides: ComparedSides = {
      a,
      b,
      sideA,
      sideB,
      pathsA,
      pathsB,
      readA,
      readB,
      goneA,
      goneB,
      said,
      kind,
      errors,
      headErrors,
      notKnownAtBase,
      cachedAtBase,
      cachedAtHead,
      log,
    };
    for (const path of paths) {
      let fileA = sideFile(sides, path, 'a', pathsA.get(path) ?? named);
      if (fileA instanceof Promise) fileA = await fileA;
      // With values: a base file with none may yet be filled in from the history store (withStoreBase).
      if (kind === 'metrics' && fileA?.status === 'ok' && valueCount(fileA.values)) parsedAtBase.add(path);
      // The head's keys are looked up in the base's table, not kept a second time.
      const table = fileA?.status === 'ok' && fileA.values instanceof FlatValues ? fileA.values.table : undefined;
      let fileB = sideFile(sides, path, 'b', pathsB.get(path) ?? named, table)!;
      if (fileB instanceof Promise) fileB = await fileB;
      diffs.push(diffValueFile(path, fileA, fileB, { base: a?.name ?? 'base', head: b.name }));
    }
    return diffs;
  };
  const comparison: Comparison = { metrics: [], params: [], errors, headErrors, parsedAtBase, notKnownAtBase, cachedAtBase, cachedAtHead };
  for (const plan of plans) comparison[plan.kind] = await compare(plan);
  return comparison;
}

/** A path a tree's project names and the tree does not hold: DVC's FileNotFoundError. */
function notPresent(tree: Tree, path: string): LoadError {
  return { rev: tree.name, path, message: `${path}: not present at ${tree.name}`, warned: false };
}

/** What one kind's comparison reads each file of a path from: both trees, their files, what their batches read. */
interface ComparedSides {
  a: Tree | null;
  b: Tree;
  sideA: SelectedFiles | null;
  sideB: SelectedFiles;
  /** This kind's files on each side (`filesOf`), folders a side lacks taken out. */
  pathsA: Map<string, string[]>;
  pathsB: Map<string, string[]>;
  readA: Map<string, ReadResult>;
  readB: Map<string, ReadResult>;
  /** Folders each side's dvc.yaml names that the side lacks, while the other side has files in them. */
  goneA: Set<string>;
  goneB: Set<string>;
  /** Targets said to name no file at either side, whose failures to load are noted already. */
  said: Set<string>;
  kind: ValueKind;
  errors: LoadError[];
  headErrors: string[];
  /** Comparison.notKnownAtBase, filled as the base's files are read. */
  notKnownAtBase: Map<string, string>;
  /** Comparison.cachedAtBase, filled as the base's files are read. */
  cachedAtBase: Map<string, string>;
  /** Comparison.cachedAtHead, filled as the head's files are read. */
  cachedAtHead: Map<string, string>;
  log: Logger;
}

/**
 * One side's file of a path, parsed; a file that fails is noted (a params file at the head fails the comparison).
 * A file its side's batch read is parsed there and then, not behind a promise: thousands of values files would
 * each wait their turn in the microtask queue. A function of its own, not a closure made for each path.
 */
function sideFile(sides: ComparedSides, path: string, which: 'a' | 'b', keys: string[] | undefined, table?: KeyTable): ValueFile | null | Promise<ValueFile> {
  const tree = which === 'a' ? sides.a : sides.b;
  const side = which === 'a' ? sides.sideA : sides.sideB;
  if (!tree || !side) return null;
  if (keys === undefined) return { status: 'missing', note: unnamedNote(sides, which, path, tree.name) };
  const noted = (file: ValueFile): ValueFile => {
    // Missing here, tracked at the other side by a `.dvc` file that does not load here: what it held is not known.
    const tracker = (which === 'a' ? sides.sideB : sides.sideA)?.dvcFileOf.get(path);
    if (file.status === 'missing' && tracker !== undefined && side.unloadedDvcFiles.has(tracker)) {
      noteNotKnownAtBase(sides, which, path, `${tracker}, which tracks it, does not load at the base (${tree.name}): ${loadErrorOf(side, tracker)}`);
      return { status: 'missing', note: notKnownNote(tree.name, `${tracker}, which tracks it, does not load there`) };
    }
    // Named at this side and not there: DVC read it and failed to (a FileNotFoundError, an object no remote gave).
    if (file.status === 'missing' && (which === 'a' ? sides.pathsA : sides.pathsB).has(path) && !sides.said.has(path)) {
      sides.errors.push(file.note ? { rev: tree.name, path, message: `${path}: ${file.note}`, warned: false } : notPresent(tree, path));
    }
    // A DVC output a side had, whose object could not be read there: its values are not known, not absent.
    const unreadable = file.status === 'missing' && sides.kind === 'metrics' ? whyUnreadable(tree, path) : undefined;
    if (unreadable) (which === 'a' ? sides.cachedAtBase : sides.cachedAtHead).set(path, `${tree.name}: ${unreadable}`);
    if (file.status === 'error') {
      sides.errors.push({ rev: tree.name, side: which === 'a' ? 'base' : 'head', kind: sides.kind, path, message: file.message, warned: true });
      // A params file at the head fails the run, reported once as that error. Its dvc.yaml, whose `${…}` read it
      // too, may have failed on it already with the same message.
      if (sides.kind !== 'params' || which !== 'b') sides.log.warning(`${tree.name}: ${file.message}`, { file: path });
      else if (!sides.headErrors.includes(file.message)) sides.headErrors.push(file.message);
    }
    return file;
  };
  const batch = which === 'a' ? sides.readA : sides.readB;
  const dvcTracked = side.dvcOuts.has(path);
  if (!batch.has(path)) return readValueFile(tree, path, sides.kind, keys, dvcTracked, table).then(noted);
  // Taken out of the batch: a big file's bytes go once they are parsed, before the other side's are read.
  const read = batch.get(path)!;
  batch.delete(path);
  return noted(valueFileFrom(tree, path, sides.kind, keys, dvcTracked, read, table));
}

/** Why a DVC output of a tree that reads them from the cache or the remote could not be read, if it could not. */
function whyUnreadable(tree: Tree, path: string): string | undefined {
  return 'whyMissing' in tree ? (tree as CachedOutputsTree).whyMissing(path) : undefined;
}

/**
 * A folder a side's dvc.yaml names but that side lacks (not in `listed`, the side's files) stays a name of its own
 * there, as DVC keeps a path it cannot expand. Where the other side holds files in it, those files are what it stood
 * for: the folder's name is taken out of `paths` (it is no file) and returned, so its files are said to be not present
 * on this side (a pull request that deletes a folder of metrics), not unnamed.
 */
function absentFolders(paths: Map<string, string[]>, other: Map<string, string[]>, listed: readonly string[]): Set<string> {
  const gone = new Set<string>();
  for (const path of paths.keys()) {
    // The listing first: a path the side has (every file a pull request adds) never scans the other side's paths.
    if (other.has(path) || isListed(listed, path)) continue;
    const prefix = `${path}/`;
    for (const p of other.keys()) {
      if (p.startsWith(prefix)) {
        gone.add(path);
        break;
      }
    }
  }
  for (const path of gone) paths.delete(path);
  return gone;
}

/** Whether `path` is in `listed`, sorted as a tree lists its files. */
function isListed(listed: readonly string[], path: string): boolean {
  let lo = 0;
  let hi = listed.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (listed[mid]! < path) lo = mid + 1;
    else hi = mid;
  }
  return listed[lo] === path;
}

/**
 * Why a side has no file of a path the other side's dvc.yaml gives: its files in a folder this side lacks or holds as
 * a file (a pull request that deletes a folder of metrics, or turns a file into a folder), the path a folder here
 * whose files are compared under their own paths, or not named by this side's dvc.yaml at all.
 */
function unnamedNote(sides: ComparedSides, which: 'a' | 'b', path: string, name: string): string {
  const side = which === 'a' ? sides.sideA! : sides.sideB;
  const named = side.named[sides.kind];
  const lacked = ancestorIn(path, which === 'a' ? sides.goneA : sides.goneB) ?? ancestorIn(path, named.folders);
  if (lacked !== null || named.globs.some((re) => re.test(path))) return `not present at ${name}`;
  const file = ancestorIn(path, which === 'a' ? sides.pathsA : sides.pathsB);
  if (file !== null) return `not present at ${name} (${file} is a file there)`;
  if (named.folders.has(path)) return `a folder at ${name}: its files are compared under their own paths`;
  // A dvc.yaml over this path that does not load there may well name it: not known, rather than not named.
  const unloaded = side.unloadedDvcYamls.find((file) => posix.dirname(file) === '.' || path.startsWith(`${posix.dirname(file)}/`));
  if (unloaded) {
    noteNotKnownAtBase(sides, which, path, `${unloaded} at the base (${name}) does not load: ${loadErrorOf(side, unloaded)}`);
    return notKnownNote(name, `${unloaded} does not load there`);
  }
  return `not named in dvc.yaml at ${name}`;
}

/** Notes, at the base side of a metrics comparison, why `path`'s values there are not known. */
function noteNotKnownAtBase(sides: ComparedSides, which: 'a' | 'b', path: string, why: string): void {
  if (which === 'a' && sides.kind === 'metrics') sides.notKnownAtBase.set(path, why);
}

/** The error of a side's project file (dvc.yaml, `.dvc`) that does not load. */
function loadErrorOf(side: SelectedFiles, file: string): string {
  return side.unloaded.find((u) => u.file === file)?.error ?? 'it does not load';
}

/** The nearest folder of `path` that `paths` holds (a folder a side names or lacks, a file it has), or null. */
function ancestorIn(path: string, paths: ReadonlySet<string> | ReadonlyMap<string, unknown>): string | null {
  if (!paths.size) return null;
  for (let cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1)) if (paths.has(path.slice(0, cut))) return path.slice(0, cut);
  // The project root, named as `.`, holds every path.
  return paths.has('') ? '' : null;
}

/**
 * The key lists of tracked vars: DVC shows each key a stage interpolates as it is (`sizes.0`), where a stage's params
 * keys are re-nested (`read_param_file`).
 */
const trackedVarKeys = new WeakSet<string[]>();

function filesOf(side: SelectedFiles, kind: ValueKind): Map<string, string[]> {
  return kind === 'params' ? side.params : new Map(side.metrics.map((p) => [p, []]));
}

const isMetricsCsv = (kind: ValueKind, path: string): boolean => kind === 'metrics' && extension(path) === '.csv';

/**
 * One file at one revision, read, parsed and flattened; never throws for the file's own problems. A JSON metrics
 * file is flattened as it is scanned, its keys put in `table` (the other revision's, when given).
 */
async function readValueFile(tree: Tree, path: string, kind: ValueKind, keys: string[], dvcTracked: boolean, table?: KeyTable): Promise<ValueFile> {
  let read: ReadResult;
  try {
    if (isMetricsCsv(kind, path)) {
      const csv = await readMetricsCsv(tree, path);
      if (csv && 'parsed' in csv) return { status: 'ok', values: flattenMetrics(csv.parsed.data), warnings: csv.parsed.warnings };
      read = csv && csv.bytes;
    } else read = await tree.read(path);
  } catch (error) {
    return failed(path, error);
  }
  return valueFileFrom(tree, path, kind, keys, dvcTracked, read, table);
}

/** A file's values from what reading it gave (its bytes, null when it is not there, or why it could not be read). */
function valueFileFrom(tree: Tree, path: string, kind: ValueKind, keys: string[], dvcTracked: boolean, read: ReadResult, table?: KeyTable): ValueFile {
  if (read instanceof Error) return failed(path, read);
  if (!read) {
    const why = whyUnreadable(tree, path);
    if (why) return { status: 'missing', note: cachedUnreadableNote(tree.name, tree.isCommit, why) };
    if (tree.isCommit && dvcTracked) return { status: 'missing', note: `not in git at ${tree.name} (DVC-tracked)` };
    return { status: 'missing', note: `not present at ${tree.name}` };
  }
  const bom = extension(path) === '.json' ? jsonBomProblem(read) : null;
  if (bom) return { status: 'error', message: `${path}: ${bom}` };
  if (kind === 'metrics' && extension(path) === '.json') {
    const values = flattenJsonMetrics(read, table ?? new KeyTable());
    if (values) return { status: 'ok', values, warnings: [] };
  }
  try {
    let text: string;
    try {
      text = UTF8.decode(read);
    } catch {
      return { status: 'error', message: `${path}: not UTF-8 text (DVC reads values files as UTF-8)` };
    }
    const parsed = parseValueFile(path, text, kind);
    const values = kind === 'metrics' ? flattenMetrics(parsed.data) : flattenParams(parsed.data, keys, trackedVarKeys.has(keys));
    return { status: 'ok', values, warnings: parsed.warnings };
  } catch (error) {
    return failed(path, error);
  }
}

/** A file that could not be read or parsed, its message naming it. */
function failed(path: string, error: unknown): ValueFile {
  const message = describeError(error);
  return { status: 'error', message: message.startsWith(path) ? message : `${path}: ${message}` };
}

/**
 * A metrics `.csv`: a DagsHub logger file (its header says so) is parsed as it is read, a chunk at a time, so
 * millions of rows take memory by their names, not their size; any other table is read whole (within the
 * per-file cap) for `parseValueFile`. Null when the file does not exist.
 */
async function readMetricsCsv(tree: Tree, path: string): Promise<{ parsed: ParsedFile } | { bytes: Buffer } | null> {
  const chunks = await tree.chunks(path);
  if (!chunks) return null;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  // While every piece is ASCII (most logs are) it is the same text read as Latin-1, without the checking decoder
  // (≈ 60 ms of a cold `metrics diff` of two 4.4 MB logs); the decoder has then seen nothing, so holds no half character.
  let ascii = true;
  const decode = (chunk?: Buffer): string => {
    if (chunk && ascii && isAscii(chunk)) return chunk.toString('latin1');
    ascii = false;
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new UserError('not UTF-8 text (DVC reads values files as UTF-8)');
    }
  };
  const whole: Buffer[] = [];
  let size = 0;
  let reader: LoggerReader | null = null;
  let head: string | null = '';
  // ASCII pieces go to the reader as bytes (it reads them in place); once one is not, text from the decoder.
  const feed = (chunk: Buffer): void => {
    if (ascii && isAscii(chunk)) reader!.writeAscii(chunk);
    else {
      const text = decode(chunk);
      reader!.write(text);
    }
  };
  /** Once the first line is whole: a logger's header starts a reader on the pieces so far; anything else is read whole. */
  const start = (chunk: Buffer): LoggerReader | null => {
    if (head === null) return null;
    // While the pieces are ASCII only the first line is read as text (the reader takes the bytes): not a string of
    // the whole first piece.
    const lineEnd = ascii && isAscii(chunk) ? chunk.indexOf(10) : -1;
    head += decode(lineEnd === -1 ? chunk : chunk.subarray(0, lineEnd + 1));
    const firstBreak = head.indexOf('\n');
    if (firstBreak === -1) return null;
    const firstLine = head.slice(0, firstBreak).replace(/^\ufeff/, '');
    if (firstLine.includes('"') || !isLoggerHeader(firstLine.split(','))) {
      head = null;
      return null;
    }
    const started = new LoggerReader();
    const text = head;
    withPosition(path, 'CSV', () => {
      if (ascii) for (const piece of whole) started.writeAscii(piece);
      else started.write(text);
    });
    whole.length = 0;
    return started;
  };
  for await (const chunk of chunks) {
    if (reader) {
      withPosition(path, 'CSV', () => feed(chunk));
      continue;
    }
    size += chunk.length;
    if (size > MAX_FILE_BYTES) throw new RefusedRead(`${path}: larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB a project file may have; not read`);
    whole.push(chunk);
    reader = start(chunk);
    // What is kept past this piece is a copy: the tree may read the next piece into the same memory (`Chunks`).
    if (!reader) whole[whole.length - 1] = Buffer.from(chunk);
  }
  if (reader) {
    const last = withPosition(path, 'CSV', () => {
      if (!ascii) reader.write(decode());
      return reader.end();
    });
    return { parsed: { data: new Map(last), warnings: [] } };
  }
  return { bytes: Buffer.concat(whole) };
}

/** The folders and globs a side's dvc.yaml (or the targets) named, which its files were expanded from. */
interface NamedPaths {
  folders: Set<string>;
  globs: RegExp[];
  /** The targets the user gave that named no file at this side. */
  unmatched: Set<string>;
}

/** A side's values files, with what they were named by: a file the other side has may lie in a folder named here. */
interface SelectedFiles extends ProjectFiles {
  named: Record<ValueKind, NamedPaths>;
  /** Each output of this side's `.dvc` files that load → the file; and the side's `.dvc` files that do not load. */
  dvcFileOf: Map<string, string>;
  unloadedDvcFiles: Set<string>;
  /** This side's dvc.yaml files that do not load: what they name there is not known, not "not named". */
  unloadedDvcYamls: string[];
  /** This side's project files (dvc.yaml, `.dvc`) that do not load, with their errors. */
  unloaded: { file: string; error: string }[];
}

async function selectFiles(tree: Tree, targets: Targets, log: Logger, fatal?: string[]): Promise<SelectedFiles> {
  const needDvcYaml = !targets.metrics || !targets.params;
  const all = await tree.list();
  let files = projectFiles([]);
  let dvcYamls = 0;
  const dvcFileOf = new Map<string, string>();
  const unloadedDvcFiles = new Set<string>();
  const unloadedDvcYamls: string[] = [];
  let unloaded: { file: string; error: string }[] = [];
  if (needDvcYaml) {
    const project = await projectOf(tree);
    unloaded = project.errors;
    for (const { file, error } of project.errors) {
      const dvcFile = file.endsWith('.dvc');
      if (dvcFile) unloadedDvcFiles.add(file);
      else if (isDvcYaml(file)) unloadedDvcYamls.push(file);
      if (fatal) fatal.push(error);
      else log.warning(`${tree.name}: ${error} (${dvcFile ? 'the data it tracks is not known there' : 'the metrics and params it names are skipped'})`);
    }
    for (const { file, outs } of project.dvcFiles) for (const out of outs) dvcFileOf.set(out.path, file);
    files = projectFiles(project.dvcYamls, project.dvcFiles);
    dvcYamls = project.dvcYamls.length + project.errors.length;
  }
  // A project without dvc.yaml that logs with DagsHub's logger keeps its values in these two files at the root.
  if (!dvcYamls) {
    if (!targets.metrics && !files.metrics.length && all.includes(LOGGER_METRICS)) files.metrics.push(LOGGER_METRICS);
    if (!targets.params && !files.topParams.length && !files.params.size && all.includes(LOGGER_PARAMS)) files.topParams.push(LOGGER_PARAMS);
  }
  const named: Record<ValueKind, NamedPaths> = {
    metrics: { folders: new Set(), globs: [], unmatched: new Set() },
    params: { folders: new Set(), globs: [], unmatched: new Set() },
  };
  // `given`: the user's own targets, whose misses are said (unmatched); dvc.yaml's names are not looked up for it.
  const expand = (patterns: string[], into: NamedPaths, given = false): string[] => {
    const out = new Set<string>();
    for (const p of patterns) {
      let clean: string;
      try {
        clean = projectPath(p);
      } catch (error) {
        // A pull request names these files; reading outside the project (or git's own files, which may hold the
        // checkout's token) would put them in a public comment.
        log.warning(`${tree.name}: skipped ${JSON.stringify(p)}: ${describeError(error)}`);
        continue;
      }
      const re = isGlob(clean) ? globToRegExp(clean) : null;
      // `.` (or `src/..`) is the project root: a folder like any other, its files every file of the project.
      const under = clean ? all.filter((f) => (re ? re.test(f) : f.startsWith(`${clean}/`))) : all;
      if (given && !under.length && (re || !all.includes(clean))) into.unmatched.add(p);
      if (!clean && !under.length) continue;
      if (re) {
        under.forEach((f) => out.add(f));
        into.globs.push(re);
      }
      // A directory stands for the files in it (DVC's try_expand_paths); anything else is a file.
      else if (under.length && !all.includes(clean)) {
        under.forEach((f) => out.add(f));
        into.folders.add(clean);
      } else out.add(clean);
    }
    return [...out].sort();
  };
  files.metrics = targets.metrics ? expand(targets.metrics, named.metrics, true) : expand(files.metrics, named.metrics);
  if (targets.params) files.params = new Map(expand(targets.params, named.params, true).map((p) => [p, []]));
  else {
    if (!targets.depsOnly) {
      for (const p of files.topParams) files.params.set(p, []);
      if (all.includes('params.yaml')) files.params.set('params.yaml', []);
    }
    // Tracked vars come last: a file already shown as params is shown as that (DVC's _collect_vars skips it). With
    // --deps that is not params.yaml unless a stage depends on it, so the keys stages interpolate from it are shown.
    for (const [file, keys] of files.vars) {
      if (files.params.has(file) || !all.includes(file)) continue;
      files.params.set(file, keys);
      trackedVarKeys.add(keys);
    }
    const expanded = new Map<string, string[]>();
    for (const [p, keys] of files.params) for (const f of expand([p], named.params)) expanded.set(f, keys);
    files.params = expanded;
  }
  return { ...files, named, dvcFileOf, unloadedDvcFiles, unloadedDvcYamls, unloaded };
}

/** The project a tree shows: the one a cached-outputs tree holds (the run's, when it shares them), else loaded now. */
function projectOf(tree: Tree): Promise<DvcProject> {
  return 'project' in tree ? (tree as CachedOutputsTree).project() : loadProject(tree);
}
