import { realpath, stat } from 'node:fs/promises';
import { dirname, join, posix, relative, sep } from 'node:path';
import { GitRepo } from '../git/repo';
import { UserError } from '../util/errors';

/** Files that mark a project folder when there is no `.dvc/` (a pipeline run by mlreport alone, or gate rules only). */
const PROJECT_FILES = ['dvc.yaml', '.mlreport.yml'];

/** How the project-root rule sees one revision's folders: the disk, or a commit's tree. */
interface Folders {
  isFolder(path: string): Promise<boolean>;
  isFile(path: string): Promise<boolean>;
  join(dir: string, name: string): string;
}

/**
 * The project a run reports on, found from `start` (the working directory) as DVC finds its repository: the
 * nearest folder upwards with a `.dvc/` directory, so running from `src/` reads the same dvc.yaml and .mlreport.yml
 * as running from the root. Without `.dvc/` up to the git root, the nearest folder holding dvc.yaml or .mlreport.yml;
 * else the git root. Outside git, only `.dvc/` is looked for (the run then stops at opening the repository, with its
 * own error). `what` and `written` (the input or option, and its value as given) name it when `start` is not a directory.
 */
export async function findProjectRoot(start: string, what: string, written = start): Promise<string> {
  const real = await realpath(start).catch(() => null);
  if (!real || !(await isDirectory(real))) {
    throw new UserError(`${what}: '${written}' is not a directory (${start} ${real ? 'is a file' : 'does not exist'}).`);
  }
  const top = await gitRoot(real);
  const chain: string[] = [];
  for (let dir = real; ; dir = dirname(dir)) {
    chain.push(dir);
    if (dir === top || dirname(dir) === dir) break;
  }
  const onDisk: Folders = { isFolder: isDirectory, isFile, join };
  return (await nearestProject(chain, onDisk, top !== null)) ?? top ?? real;
}

/**
 * The project root at a commit, by the same rule as findProjectRoot, from `start` (a folder from the top of the work
 * tree, '' at the top, whether or not the commit has it); the folder from the top, '' for the top itself. A pull
 * request's checkout must not decide where its base's project, and so the base's gate rules, are: a PR that adds
 * `.dvc/` at the top, or deletes its folder's, moves the head's root and not the base's.
 */
export async function projectRootAt(git: GitRepo, sha: string, start: string): Promise<string> {
  const chain: string[] = [];
  for (let dir = start.split('/').filter(Boolean).join('/'); ; dir = posix.dirname(dir)) {
    chain.push(dir === '.' ? '' : dir);
    if (dir === '.' || dir === '') break;
  }
  const atCommit: Folders = {
    isFolder: async (path) => (await git.kindAtTop(sha, path)) === 'folder',
    isFile: async (path) => (await git.kindAtTop(sha, path)) === 'file',
    join: (dir, name) => (dir ? `${dir}/${name}` : name),
  };
  return (await nearestProject(chain, atCommit, true)) ?? (await movedAwayRoot(git, sha, chain[0]!)) ?? '';
}

/**
 * A project a change moved up past `start`: the one folder below it with a `.dvc/` at the commit that the work tree no
 * longer has (`git mv proj/.dvc .dvc`), so the commit's project is that folder's; null when there is none, or more than
 * one (which of them the work tree's project was cannot be told). From the top of the work tree, as `start`.
 */
async function movedAwayRoot(git: GitRepo, sha: string, start: string): Promise<string | null> {
  const listing = await GitRepo.using(git.root, (top) => top.listEntries(sha));
  const below = start ? `${start}/` : '';
  const folders = new Set<string>();
  for (const path of listing.keys()) {
    if (!path.startsWith(below)) continue;
    const at = `/${path}`.indexOf('/.dvc/');
    if (at > below.length) folders.add(path.slice(0, at - 1));
  }
  const gone: string[] = [];
  for (const folder of folders) if (!(await isDirectory(join(git.root, ...folder.split('/'), '.dvc')))) gone.push(folder);
  return gone.length === 1 ? gone[0]! : null;
}

/** A folder of the work tree as a path from its top ('' for the top itself), `/`-separated; null when outside it. */
export async function fromTop(top: string, dir: string): Promise<string | null> {
  const [realTop, realDir] = await Promise.all([realpath(top).catch(() => top), realpath(dir).catch(() => dir)]);
  const rel = relative(realTop, realDir);
  if (rel === '..' || rel.startsWith(`..${sep}`)) return null;
  return rel.split(sep).join('/');
}

/** The nearest folder of `chain` (nearest first) with `.dvc/`, else (inside git) with a project file; null when none. */
async function nearestProject(chain: string[], folders: Folders, inGit: boolean): Promise<string | null> {
  for (const dir of chain) if (await folders.isFolder(folders.join(dir, '.dvc'))) return dir;
  if (!inGit) return null;
  for (const dir of chain) {
    for (const name of PROJECT_FILES) if (await folders.isFile(folders.join(dir, name))) return dir;
  }
  return null;
}

async function gitRoot(dir: string): Promise<string | null> {
  try {
    return await realpath((await GitRepo.open(dir)).root);
  } catch {
    return null;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}
