import { joinPath, loadProject, type DvcProject } from '../dvc/project';
import { lockedOutputs, type LockedOutput, type PipelineData } from '../pipeline/restore';
import { DataError } from '../dvc/data/errors';
import { parseManifest } from '../dvc/data/manifest';
import { isDirOid } from '../dvc/data/oid';
import { describeError } from '../util/errors';
import { oneChunk, readFiles, type Chunks, type ReadResult, type Tree } from '../workspace/tree';

type CachedOut = Pick<LockedOutput, 'path' | 'oid' | 'legacy' | 'remote'>;

/** A tree whose DVC outputs missing from it (git-ignored, not checked out) are read from the cache or the remote. */
export interface CachedOutputsTree extends Tree {
  /** Why a DVC output could not be read at this revision (which object, which remote), when it could not. */
  whyMissing(path: string): string | undefined;
  /** The project at this revision, read through the tree (not the cache), that the outputs' hashes come from. */
  project(): Promise<DvcProject>;
}

/**
 * Reads metrics, params and plot data that are DVC outputs — single files or files inside a directory output —
 * by the hash this revision's dvc.lock (or `.dvc` file) records: the tree first (the workspace at the head,
 * git at the base), then the cache, then the remote — at a commit, a remote that commit's `.dvc/config` names.
 * Without a DVC cache (`data` null) it is the tree as is. `project` gives the project at this revision (the run's,
 * loaded once for its steps); without it, the project is loaded through `tree` when first asked for.
 */
export function withCachedOutputs(tree: Tree, data: PipelineData | null, project?: () => Promise<DvcProject>): CachedOutputsTree {
  let loaded: Promise<DvcProject> | null = null;
  const projectHere = (): Promise<DvcProject> => (loaded ??= project ? project() : loadProject(tree));
  let outs: Promise<CachedOut[]> | null = null;
  const reasons = new Map<string, string>();
  const manifests = new Map<string, Promise<Map<string, string>>>();
  let atRevision: Promise<PipelineData> | null = null;
  const source = (data: PipelineData): Promise<PipelineData> =>
    tree.isCommit && tree.dvcConfig
      ? (atRevision ??= tree.dvcConfig().then((bytes) => data.atRevision(bytes?.toString('utf8') ?? null, tree.name)))
      : Promise.resolve(data);
  const index = async (): Promise<CachedOut[]> => {
    const project = await projectHere();
    const found: CachedOut[] = lockedOutputs(project);
    for (const file of project.dvcFiles) {
      for (const out of file.outs) if (out.md5) found.push({ path: out.path, oid: out.md5, legacy: out.hashName !== 'md5' });
    }
    return found;
  };
  const resolve = async (path: string): Promise<Buffer | null> => {
    const out = (await (outs ??= index())).find((o) => path === o.path || path.startsWith(`${o.path}/`));
    if (!out || !data) return null;
    const from = await source(data);
    if (path === out.path) return isDirOid(out.oid) ? null : from.objectBytes(out.oid, out.legacy, path, out.remote);
    if (!isDirOid(out.oid)) return null;
    let manifest = manifests.get(out.oid);
    if (!manifest) {
      manifest = from
        .objectBytes(out.oid, out.legacy, out.path, out.remote)
        .then((bytes) => new Map(parseManifest(bytes, `${out.path}: object ${out.oid}`).map((e) => [joinPath(out.path, e.relpath), e.md5])));
      manifests.set(out.oid, manifest);
    }
    const oid = (await manifest).get(path);
    if (!oid) throw new DataError(`${path} is not in output ${out.path} (object ${out.oid}) at ${tree.name}`);
    return from.objectBytes(oid, out.legacy, path, out.remote);
  };
  /** What the tree gave for `path`, else the DVC output's bytes from the cache or a remote (null, with a reason, when not). */
  const orCached = async (path: string, bytes: Buffer | null): Promise<Buffer | null> => {
    if (bytes || !data) return bytes;
    try {
      return await resolve(path);
    } catch (error) {
      reasons.set(path, describeError(error));
      return null;
    }
  };
  return {
    name: tree.name,
    isCommit: tree.isCommit,
    list: () => tree.list(),
    dvcPlotsFile: (name) => tree.dvcPlotsFile(name),
    ...(tree.dvcConfigSource && { dvcConfigSource: () => tree.dvcConfigSource!() }),
    async read(path: string): Promise<Buffer | null> {
      return orCached(path, await tree.read(path));
    },
    // A batch where the tree has one (a commit); the workspace reads a file at a time.
    ...(tree.readMany && {
      async readMany(paths: readonly string[]): Promise<ReadResult[]> {
        const found = await readFiles(tree, paths);
        const out: ReadResult[] = [];
        for (let i = 0; i < paths.length; i++) {
          const bytes = found[i]!;
          out.push(bytes instanceof Error ? bytes : await orCached(paths[i]!, bytes));
        }
        return out;
      },
    }),
    async chunks(path: string): Promise<Chunks | null> {
      return (await tree.chunks(path)) ?? oneChunk(await this.read(path));
    },
    whyMissing: (path) => reasons.get(path),
    project: projectHere,
  };
}
