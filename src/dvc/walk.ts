import { posix } from 'node:path';

/**
 * Of a project's dvc.yaml and `.dvc` files (project paths, each with the project paths of its outputs), those DVC's
 * index collects, in the order it collects them. DVC walks the project top down (dvc/repo/index.py `collect_files`):
 * in each folder it loads the folder's files, adds their outputs to what it has seen, and does not enter a subfolder
 * that is one of those outputs (`is_out_or_ignored`). A dvc.yaml or `.dvc` file inside a stage's or `.dvc` file's
 * output folder is then no file of the project — a stage that writes a folder holding a `.dvc` file (a copied
 * project) does not make that file part of this one. An output declared by a file the walk reaches later (a sibling
 * folder's `../data`) does not stop the walk from entering `data`: what it collects there DVC refuses afterwards
 * (./overlaps.ts). Folders are walked in git's tree order, as DVC walks a commit (a workspace's order is the
 * filesystem's, which nothing can rely on).
 */
export function collectedInWalk(files: readonly string[], outsOf: (file: string) => readonly string[]): string[] {
  const filesIn = new Map<string, string[]>();
  const subfolders = new Map<string, Set<string>>();
  for (const file of files) {
    const folder = parentOf(file);
    const list = filesIn.get(folder);
    if (list) list.push(file);
    else filesIn.set(folder, [file]);
    for (let child = folder; child !== ''; child = parentOf(child)) {
      const parent = parentOf(child);
      const set = subfolders.get(parent);
      if (set) set.add(child);
      else subfolders.set(parent, new Set([child]));
    }
  }
  const seen = new Set<string>();
  const collected: string[] = [];
  const visit = (folder: string): void => {
    for (const file of [...(filesIn.get(folder) ?? [])].sort(byName)) {
      collected.push(file);
      for (const out of outsOf(file)) seen.add(out);
    }
    // Git orders a tree's folders as if each name ended in `/`: `a-b` comes before `a`.
    const children = [...(subfolders.get(folder) ?? [])].sort((a, b) => byName(`${a}/`, `${b}/`));
    for (const child of children) if (!seen.has(child)) visit(child);
  };
  visit('');
  return collected;
}

function parentOf(path: string): string {
  const parent = posix.dirname(path);
  return parent === '.' ? '' : parent;
}

/** Git's order of names, by character codes. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
