import { readdir, readFile, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { UserError } from '../util/errors';
import type { GitRepo } from '../git/repo';

/** Files at one revision: the workspace on disk, or a commit read through git. Paths are `/`-separated. */
export interface Tree {
  /** The revision as people name it (`workspace`, `HEAD~1`, `main`); used in notes and table headers. */
  name: string;
  /** A commit: DVC-cached outputs are not in it. */
  isCommit: boolean;
  read(path: string): Promise<Buffer | null>;
  /** Every file (for globs, directories and dvc.yaml discovery). */
  list(): Promise<string[]>;
}

/** Walking stops here: a workspace with more files is mostly data, and values files are near the top. */
const MAX_WORKSPACE_FILES = 200_000;
const SKIP_DIRS = new Set(['.git', '.dvc', 'node_modules', '.mlreport']);
/** Folders whose files may hold credentials (the checkout's token, DVC remote secrets): never read as values. */
export const PRIVATE_DIRS = new Set(['.git', '.dvc']);

export function workspaceTree(root: string, name = 'workspace'): Tree {
  let files: Promise<string[]> | null = null;
  let realRoot: Promise<string> | null = null;
  return {
    name,
    isCommit: false,
    async read(path) {
      try {
        const full = join(root, ...path.split('/'));
        // A symlink committed in a pull request could point at the runner's own files; only the project is read.
        realRoot ??= realpath(root);
        const [inside, target] = [await realRoot, await realpath(full)];
        const rel = target.startsWith(inside + sep) ? target.slice(inside.length + 1).split(sep) : null;
        if (!rel || PRIVATE_DIRS.has(rel[0]!)) throw new UserError(`${path} is a link to a file outside the project (or in .git/ or .dvc/); not read`);
        return await readFile(full);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
        throw error;
      }
    },
    list() {
      files ??= walk(root);
      return files;
    },
  };
}

export function commitTree(git: GitRepo, sha: string, name: string): Tree {
  let files: Promise<string[]> | null = null;
  return {
    name,
    isCommit: true,
    read: (path) => git.readFile(sha, path),
    list() {
      files ??= git.listFiles(sha);
      return files;
    },
  };
}

/** Breadth first, so a root dvc.yaml is found even when a data folder alone would reach the cap. */
async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  const queue: [string, string][] = [[root, '']];
  for (let next = queue.shift(); next && out.length < MAX_WORKSPACE_FILES; next = queue.shift()) {
    const [dir, prefix] = next;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const rel = prefix + entry.name;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) queue.push([join(dir, entry.name), `${rel}/`]);
      } else if (out.length < MAX_WORKSPACE_FILES) out.push(rel);
    }
  }
  return out.sort();
}
