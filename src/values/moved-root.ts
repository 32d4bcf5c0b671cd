import { join } from 'node:path';
import { joinPath, type DvcProject } from '../dvc/project';

/** Where the project root is at each side, as folders from the top of the work tree (`''` for the top itself). */
export interface ProjectRoots {
  head: string;
  base: string;
}

/**
 * How a comparison reads a pull request that moves its project root (adds or deletes a `.dvc/` between the top and
 * the working directory): both roots lie on the way up from the working directory, so one holds the other. Each side's
 * project is loaded from its own root and its paths put in the frame of the outer root (`outer`, from the top), where
 * both sides' files have one path each: `headPrefix` and `basePrefix` are each root's folder from the outer one (one
 * of them `''`). Null when the roots are the same, or neither holds the other (no frame to compare in).
 */
export function movedRootFrame(roots: ProjectRoots): { outer: string; headPrefix: string; basePrefix: string } | null {
  if (roots.head === roots.base) return null;
  const holds = (outer: string, inner: string): boolean => outer === '' || inner.startsWith(`${outer}/`);
  const outer = holds(roots.base, roots.head) ? roots.base : holds(roots.head, roots.base) ? roots.head : null;
  if (outer === null) return null;
  const within = (root: string): string => (root === outer ? '' : root.slice(outer ? outer.length + 1 : 0));
  return { outer, headPrefix: within(roots.head), basePrefix: within(roots.base) };
}

/** A folder from the top of the work tree, on disk. */
export function folderOnDisk(top: string, folder: string): string {
  return folder ? join(top, ...folder.split('/')) : top;
}

/**
 * A project loaded from its own root, with its paths seen from the folder `prefix` above it: its dvc.yaml files' and
 * `.dvc` files' places (whose own paths are relative to them), its dvc.lock files' folders and its errors' files (and
 * what a refused `.dvc` file tracks).
 */
export function reframedProject(project: DvcProject, prefix: string): DvcProject {
  if (!prefix) return project;
  const at = (path: string): string => joinPath(prefix, path);
  return {
    dvcYamls: project.dvcYamls.map((d) => ({ ...d, dir: at(d.dir), file: at(d.file) })),
    locks: new Map([...project.locks].map(([dir, lock]) => [at(dir), lock])),
    dvcFiles: project.dvcFiles.map((f) => ({ ...f, file: at(f.file), outs: f.outs.map((o) => ({ ...o, path: at(o.path) })) })),
    errors: project.errors.map((e) => ({ ...e, file: at(e.file), ...(e.tracks && { tracks: e.tracks.map(at) }) })),
  };
}

/** A path of the outer frame as the head's project names it (`prefix` its root's folder there); null when outside it. */
export function inHeadFrame(path: string, prefix: string): string | null {
  if (!prefix) return path;
  return path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : null;
}
