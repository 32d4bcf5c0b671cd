import { realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GitRepo } from '../git/repo';
import { UserError } from '../util/errors';

/** Files that mark a project folder when there is no `.dvc/` (a pipeline run by mlreport alone, or gate rules only). */
const PROJECT_FILES = ['dvc.yaml', '.mlreport.yml'];

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
  for (const dir of chain) if (await isDirectory(join(dir, '.dvc'))) return dir;
  if (!top) return real;
  for (const dir of chain) if (await anyFile(dir, PROJECT_FILES)) return dir;
  return top;
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

async function anyFile(dir: string, names: string[]): Promise<boolean> {
  for (const name of names) if ((await stat(join(dir, name)).catch(() => null))?.isFile()) return true;
  return false;
}
