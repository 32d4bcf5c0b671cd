import { workspaceTree } from '../../workspace/tree';
import { loadProject, refuseBrokenDvcFiles, type DvcProject } from '../project';
import type { ObjectRef } from './oid';

/** One `outs:` entry of a `.dvc` file, as far as pulling and checking it out needs. */
export interface TrackedOut extends ObjectRef {
  /** POSIX path from the project root. */
  path: string;
  /** The `.dvc` file it comes from, relative to the root; for a stage's output, its dvc.yaml. */
  dvcfile: string;
  /** A dvc.yaml stage's output (its hash from dvc.lock): the stage's name. */
  stage?: string;
  isexec?: boolean;
  /** The out's own `remote:` field, which wins over `-r` and `core.remote`. */
  remote?: string;
  /** `push: false`: left out of pushes, as `dvc push` leaves it (dvc/output.py `can_push`). */
  push: boolean;
  /**
   * A `dvc import`'s out: the repository its data comes from. DVC fetches it from there, never from a remote of this
   * project, and never pushes it (dvc/repo/fetch.py, push.py); the builtin data layer cannot fetch it.
   */
  importedFrom?: string;
}

/**
 * Why an import's data the cache lacks cannot be had here: named with its `.dvc` file and source repository, and
 * what fetches it (DVC), rather than sought on a remote that never holds it.
 */
export function importNotFetched(out: Pick<TrackedOut, 'path' | 'dvcfile' | 'importedFrom'>): string {
  return `${out.path} is imported by ${out.dvcfile} from ${out.importedFrom} (\`dvc import\`): DVC fetches an import from its source repository, never from this project's remotes, and mlreport cannot; run \`dvc pull ${out.dvcfile}\` (or \`dvc update ${out.dvcfile}\`) with DVC first, or reproduce with DVC's runner (\`repro: dvc\` in the action, \`--repro dvc\` on the CLI)`;
}

/** A `.dvc` file of the project and its cached outs. */
export interface TrackedFile {
  file: string;
  outs: TrackedOut[];
}

/**
 * The `.dvc` files of a loaded project, each with its cached outs: the one list every reader of `.dvc` files (pull,
 * push, repro, status) works from. The first `.dvc` file the loader refused (one that does not load, or that DVC's
 * index refuses: an output another stage or `.dvc` file declares too, or inside another's, or the file inside an
 * output) is thrown, naming the file and why, before any data moves for it, as DVC refuses such a project. Outs
 * without a hash or with `cache: false` have nothing to pull and are left out; an entry without `hash: md5` is a DVC
 * 2.x (legacy) object.
 */
export function trackedFiles(project: DvcProject): TrackedFile[] {
  refuseBrokenDvcFiles(project);
  return project.dvcFiles.map((parsed) => ({
    file: parsed.file,
    outs: parsed.outs.flatMap((out) =>
      out.cache && out.md5 !== null
        ? [
            {
              oid: out.md5,
              path: out.path,
              dvcfile: parsed.file,
              legacy: out.hashName !== 'md5',
              isexec: out.isexec === true,
              remote: out.remote,
              push: out.push,
              ...(parsed.importedFrom !== undefined && { importedFrom: parsed.importedFrom }),
            },
          ]
        : [],
    ),
  }));
}

/** `trackedFiles` of the project in the workspace at `root`, loaded now. */
export async function loadTrackedFiles(root: string): Promise<TrackedFile[]> {
  return trackedFiles(await loadProject(workspaceTree(root)));
}
