import { appendFile, readFile, realpath } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { gitYesNo, runGit } from '../git/run';
import { UserError } from '../util/errors';
import { outputPlaceRefused } from '../workspace/output-place';

/**
 * What `dvc repro` does to a cached output when it saves it (dvc/output.py `Output.ignore`): an output git already
 * tracks is an error, as DVC's OutputAlreadyTrackedError; one git does not ignore yet gets `/<name>` appended to the
 * `.gitignore` beside it (scmrepo's `Git.ignore`: the entry anchored with `/`, gitignore's special characters
 * escaped). Outside a git work tree nothing is done, as DVC without git does nothing. `path` is from `cwd`, posix.
 */
export async function ignoreOutput(cwd: string, path: string): Promise<void> {
  const refused = outputPlaceRefused(cwd, path);
  if (refused) throw new UserError(`output '${path}': ${refused}; no .gitignore is written there`);
  if (!(await insideWorkTree(cwd))) return;
  const named = await asGitNamesIt(cwd, path);
  if ((await runGit(cwd, ['ls-files', '-z', '--', named])).length) {
    throw new UserError(
      `output '${path}' is already tracked by git; DVC caches it, so git must not hold it too. Stop tracking it: git rm -r --cached '${named}' && git commit -m "stop tracking ${named}"`,
    );
  }
  if (await gitIgnores(cwd, named)) return;
  const gitignore = posix.join(posix.dirname(named), '.gitignore');
  const file = join(cwd, ...gitignore.split('/'));
  const before = await readFile(file, 'utf8').catch(() => '');
  await appendFile(file, `${before && !before.endsWith('\n') ? '\n' : ''}/${escapePattern(posix.basename(path))}\n`);
}

/**
 * `path` as git can name it. git takes no path beyond a link (`pathspec … is beyond a symbolic link`), and DVC writes
 * the entry into the `.gitignore` of the folder a linked folder leads to (scmrepo's `Git.ignore` opens
 * `models/.gitignore` through the link): an output in a linked folder is named by that folder's real path, which
 * `outputPlaceRefused` has kept inside the project and out of `.git/` and `.dvc/` (scmrepo refuses a folder outside the
 * git work tree too: `FileNotInRepoError`).
 */
async function asGitNamesIt(cwd: string, path: string): Promise<string> {
  const folder = posix.dirname(path);
  if (folder === '.') return path;
  const here = await realpath(cwd);
  const real = await realpath(join(cwd, ...folder.split('/'))).catch(() => null);
  if (!real || real === join(here, ...folder.split('/'))) return path;
  return posix.join(relative(here, real).split(sep).join('/') || '.', posix.basename(path));
}

/** pathspec's GitWildMatchPattern.escape, which scmrepo applies to the entry: `[`, `]`, `!`, `*`, `#` and `?`. */
function escapePattern(name: string): string {
  return name.replace(/[[\]!*#?]/g, (c) => `\\${c}`);
}

async function insideWorkTree(cwd: string): Promise<boolean> {
  try {
    return (await runGit(cwd, ['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch {
    return false;
  }
}

/** `git check-ignore --no-index`: whether the ignore rules cover `path` (exit 0) or not (exit 1). */
function gitIgnores(cwd: string, path: string): Promise<boolean> {
  return gitYesNo(cwd, ['check-ignore', '-q', '--no-index', '--', path]);
}
