import { appendFile, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { gitYesNo, runGit } from '../git/run';
import { UserError } from '../util/errors';

/**
 * What `dvc repro` does to a cached output when it saves it (dvc/output.py `Output.ignore`): an output git already
 * tracks is an error, as DVC's OutputAlreadyTrackedError; one git does not ignore yet gets `/<name>` appended to the
 * `.gitignore` beside it (scmrepo's `Git.ignore`: the entry anchored with `/`, gitignore's special characters
 * escaped). Outside a git work tree nothing is done, as DVC without git does nothing. `path` is from `cwd`, posix.
 */
export async function ignoreOutput(cwd: string, path: string): Promise<void> {
  if (!(await insideWorkTree(cwd))) return;
  if ((await runGit(cwd, ['ls-files', '-z', '--', path])).length) {
    throw new UserError(
      `output '${path}' is already tracked by git; DVC caches it, so git must not hold it too. Stop tracking it: git rm -r --cached '${path}' && git commit -m "stop tracking ${path}"`,
    );
  }
  if (await gitIgnores(cwd, path)) return;
  const gitignore = posix.join(posix.dirname(path), '.gitignore');
  const file = join(cwd, ...gitignore.split('/'));
  const before = await readFile(file, 'utf8').catch(() => '');
  await appendFile(file, `${before && !before.endsWith('\n') ? '\n' : ''}/${escapePattern(posix.basename(path))}\n`);
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
