import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import { DataError } from '../dvc/data/errors';
import { parseManifest } from '../dvc/data/manifest';
import { joinPath, loadProject, projectAt, WORKSPACE, type DvcProject, type LoadedProjects } from '../dvc/project';
import type { GitRepo } from '../git/repo';
import type { DataOptions, PipelineData } from '../pipeline/restore';
import { describeError } from '../util/errors';
import type { Logger } from '../util/log';
import { openProjectData } from '../values/collect';
import { commitTree, workspaceTree, type ReadBudget, type Tree, type WorkspaceListing } from '../workspace/tree';
import { diffData } from './diff';
import { parquetShape, tableFormat, tableShape } from './table-shape';
import type { DataIndex, DataSection, TableShape } from './types';

/** A cached output as one revision records it: where its objects live. */
interface TrackedOutput {
  path: string;
  md5: string | null;
  legacy: boolean;
  remote?: string;
}

/** One revision's data index and the outputs it came from. */
export interface RevisionData {
  tree: Tree;
  index: DataIndex;
  outputs: TrackedOutput[];
  /** The cache and the remotes this revision's `.dvc/config` names; null without `.dvc/`. */
  data: PipelineData | null;
}

/** How many changed tables get their rows counted: each CSV/TSV is read whole (Parquet: its footer), pulled when missing. */
const MAX_TABLES = 50;

/**
 * The DVC-tracked data of a revision as DVC indexes it: every cached output of its dvc.yaml stages (hashes from
 * dvc.lock) and `.dvc` files, and the files of each directory output from its `.dir` manifest — the cache first,
 * then the remote the revision's own `.dvc/config` names. Whatever cannot be read is said, per path, never thrown.
 * `project` is the project at this revision when it is loaded already (the run's); else it is loaded through `tree`.
 */
export async function readRevisionData(
  tree: Tree,
  data: PipelineData | null,
  options: { projectNotes?: boolean; project?: Promise<DvcProject> } = {},
): Promise<RevisionData> {
  const index: DataIndex = { entries: new Map(), unknown: new Map(), unloaded: new Map(), notes: [] };
  const project = await (options.project ?? loadProject(tree));
  if (options.projectNotes !== false) for (const e of project.errors) index.notes.push(`${tree.name}: ${e.error}`);
  for (const { file } of project.errors) {
    if (file.endsWith('.dvc')) index.unloaded.set(file, `${tree.name}: ${file} does not load, so the data it tracks is not known there`);
  }
  const outputs: TrackedOutput[] = [];
  for (const dvcYaml of project.dvcYamls) {
    const lockPath = joinPath(dvcYaml.dir, 'dvc.lock');
    const lock = project.locks.get(dvcYaml.dir);
    const cached = dvcYaml.stages.filter((s) => s.outs.some((o) => o.cache));
    for (const stage of cached) {
      const locked = lock?.stages.get(stage.name);
      for (const out of stage.outs) {
        if (!out.cache) continue;
        const path = joinPath(joinPath(dvcYaml.dir, stage.wdir), out.path);
        const entry = locked?.outs.find((o) => o.path === out.path);
        const why = !lock
          ? project.errors.some((e) => e.file === lockPath)
            ? `${lockPath} does not load`
            : `${lockPath} is missing`
          : !locked
            ? `${lockPath} has no entry for stage '${stage.name}'`
            : entry
              ? `${lockPath} records no md5 for '${out.path}' of stage '${stage.name}'`
              : `${lockPath} does not list '${out.path}' among the outs of stage '${stage.name}'`;
        const remote = out.props.get('remote');
        outputs.push({
          path,
          md5: entry?.md5 ?? null,
          legacy: entry ? entry.hashName !== 'md5' : false,
          remote: typeof remote === 'string' ? remote : undefined,
        });
        index.entries.set(path, { md5: entry?.md5 ?? null, size: entry?.size ?? null, isdir: isDir(entry?.md5 ?? null, entry?.nfiles) });
        // Declared but not recorded: what it held here is unknown, so its files are not compared (not guessed as added).
        if (!entry?.md5) index.unknown.set(path, `${tree.name}: ${why}, so its data is not known there`);
      }
    }
  }
  for (const file of project.dvcFiles) {
    for (const out of file.outs) {
      if (!out.cache) continue;
      outputs.push({ path: out.path, md5: out.md5, legacy: out.hashName !== 'md5', remote: out.remote });
      index.entries.set(out.path, { md5: out.md5, size: out.size ?? null, isdir: isDir(out.md5, out.nfiles), dvcfile: file.file });
    }
  }
  let from = data;
  let noData = 'no DVC cache or remote to read its .dir manifest from (the project has no .dvc/, or its config does not load)';
  if (data && tree.isCommit && tree.dvcConfig) {
    try {
      from = await data.atRevision((await tree.dvcConfig())?.toString('utf8') ?? null, tree.name);
    } catch (error) {
      from = null;
      noData = `its .dir manifest is not read: ${describeError(error)}`;
    }
  }
  for (const out of outputs) {
    if (!out.md5?.endsWith('.dir')) continue;
    if (!from) {
      index.unknown.set(out.path, `${tree.name}: ${noData}`);
      continue;
    }
    try {
      const manifest = parseManifest(await from.objectBytes(out.md5, out.legacy, out.path, out.remote), `${out.path}: object ${out.md5}`);
      for (const file of manifest) {
        index.entries.set(joinPath(out.path, file.relpath), { md5: file.md5, size: await cachedSize(from, file.md5, out.legacy), isdir: false });
      }
    } catch (error) {
      index.unknown.set(out.path, `${tree.name}: ${describeError(error)}`);
    }
  }
  return { tree, index, outputs, data: from };
}

/**
 * The data section of a report: `dvc diff` base → head, and the rows and columns of the CSV/TSV files that
 * changed, read by md5 from the cache or the remote within the run's read budget.
 */
async function compareData(base: RevisionData, head: RevisionData, budget: ReadBudget): Promise<DataSection> {
  const diff = diffData(base.index, head.index);
  const notes = [...base.index.notes, ...head.index.notes];
  const tables: DataSection['tables'] = [];
  const changed = [
    ...diff.added.map((e) => ({ path: e.path, base: null, head: e.md5 })),
    ...diff.deleted.map((e) => ({ path: e.path, base: e.md5, head: null })),
    ...diff.modified.map((e) => ({ path: e.path, base: e.old.md5, head: e.new.md5 })),
  ].filter((c) => tableFormat(c.path));
  changed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (changed.length > MAX_TABLES) notes.push(`${changed.length} CSV/TSV/Parquet files changed: rows and columns are counted for the first ${MAX_TABLES}`);
  for (const c of changed.slice(0, MAX_TABLES)) {
    const problems: string[] = [];
    const side = async (rev: RevisionData, md5: string | null): Promise<TableShape | null> => {
      if (!md5) return null;
      try {
        return await shapeOf(rev, c.path, md5, budget);
      } catch (error) {
        problems.push(`${rev.tree.name}: ${describeError(error)}`);
        return null;
      }
    };
    const row: DataSection['tables'][number] = { path: c.path, base: await side(base, c.base), head: await side(head, c.head) };
    if (problems.length) row.note = problems.join('; ');
    tables.push(row);
  }
  return { ...diff, tables, notes };
}

/** A tracked table's shape from its object in the cache (pulled from the remote when missing): CSV/TSV streamed, Parquet's footer. */
async function shapeOf(rev: RevisionData, path: string, md5: string, budget: ReadBudget): Promise<TableShape> {
  const out = rev.outputs.find((o) => path === o.path || path.startsWith(`${o.path}/`));
  if (!out || !rev.data) throw new DataError(`${path}: no DVC cache to read it from`);
  const file = await rev.data.objectFile(md5, out.legacy, path, out.remote);
  const format = tableFormat(path)!;
  if (format === 'parquet') {
    const { shape, bytes } = await parquetShape(file, path);
    budget.take(path, bytes, true);
    return shape;
  }
  budget.take(path, (await stat(file)).size, true);
  return tableShape(createReadStream(file, { highWaterMark: 1024 * 1024 }), format);
}

async function cachedSize(data: PipelineData, md5: string, legacy: boolean): Promise<number | null> {
  try {
    return (await stat(data.cache.path(md5, legacy))).size;
  } catch {
    return null;
  }
}

function isDir(md5: string | null, nfiles: number | undefined): boolean {
  return md5 ? md5.endsWith('.dir') : nfiles !== undefined;
}

export interface DataChangesRequest {
  workspace: string;
  base: { sha: string; label: string } | null;
  headLabel: string;
  budget: ReadBudget;
  data: DataOptions;
  /** The run's listing of the workspace, shared with its other steps. */
  listing?: WorkspaceListing;
  /** The run's projects at the head and the base, shared with its other steps. */
  projects?: LoadedProjects;
}

/**
 * A run's data section: the base commit against the workspace (the head, after any reproduction), null when
 * there is no base or neither side tracks data with DVC. A failure is a warning: the rest of the report stands.
 */
export async function collectDataChanges(git: GitRepo, request: DataChangesRequest, log: Logger): Promise<DataSection | null> {
  // A project without `.dvc/` tracks no data with DVC: its files are not walked again for nothing.
  if (!request.base || !existsSync(join(request.workspace, '.dvc'))) return null;
  const data = await openProjectData(request.workspace, log, request.data);
  try {
    // Project files that do not parse at the head are the report's own first section; at the base they are notes here.
    const headTree = workspaceTree(request.workspace, { name: request.headLabel, budget: request.budget, listing: request.listing });
    const head = await readRevisionData(headTree, data, { projectNotes: false, project: projectAt(headTree, WORKSPACE, request.projects) });
    const baseTree = commitTree(git, request.base.sha, request.base.label, { budget: request.budget });
    const base = await readRevisionData(baseTree, data, { project: projectAt(baseTree, request.base.sha, request.projects) });
    if (!head.outputs.length && !base.outputs.length) return null;
    return await compareData(base, head, request.budget);
  } catch (error) {
    log.warning(`Data changes are left out of the report: ${describeError(error)}`);
    return null;
  } finally {
    await data?.close();
  }
}
