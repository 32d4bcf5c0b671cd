import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { checkStoreBranch } from '../config/history-store';
import type { BaseCandidate } from '../config/types';
import { shortSha, type GitRepo } from '../git/repo';
import { explicitBase } from '../git/revisions';
import { UserError } from '../util/errors';
import { makeOutFolder } from '../util/files';

/** The options `report` and `plots render` share, for node:util's parseArgs (each adds its own `--out`). */
export const PROJECT_OPTIONS = {
  base: { type: 'string' },
  plots: { type: 'string', multiple: true },
  cwd: { type: 'string', default: '.' },
  quiet: { type: 'boolean', default: false },
} as const;

/** `--base REV`, else the merge-base with origin/HEAD, else HEAD~1: what `report` and `plots render` compare with. */
export function cliBaseCandidates(base: string | undefined): BaseCandidate[] {
  if (base === '') throw new UserError('--base is empty: expected a commit, branch or tag (without --base: the merge-base with origin/HEAD, else HEAD~1).');
  if (base) return [explicitBase(base, '--base', "'git fetch origin <branch>', or 'git fetch --unshallow' in a shallow clone")];
  return [
    { kind: 'merge-base', ref: 'refs/remotes/origin/HEAD', label: 'origin/HEAD', wholeHistoryAdvice: "'git fetch --unshallow'" },
    { kind: 'rev', rev: 'HEAD~1', label: 'HEAD~1' },
  ];
}

/** `--out DIR` as typed, relative to `cwd`; undefined when not given. An empty one is an error, not `cwd` itself. */
export function outOption(out: string | undefined, cwd: string, byDefault = '.mlreport/ at the project root'): string | undefined {
  if (out === '') throw new UserError(`--out is empty: expected a folder (without --out: ${byDefault}).`);
  return out === undefined ? undefined : resolve(cwd, out);
}

/**
 * The workspace is the head, named as people say it: `workspace` when it holds uncommitted changes (the branch's
 * name would claim a commit that does not hold these values), else the branch, else HEAD's short sha.
 */
export async function cliHead(git: GitRepo, outDir?: string): Promise<{ label: string; sha: string | null }> {
  // The report's own folder, when the user put it inside the project, is not a change to the project.
  const out = outDir === undefined ? '' : relative(git.cwd, outDir).split(sep).join('/');
  const exclude = out && !out.startsWith('..') && !isAbsolute(out) ? [out] : [];
  const { head, branch, changed } = await git.workingState(exclude);
  if (!head || changed) return { label: 'workspace', sha: head };
  return { label: branch ?? shortSha(head), sha: head };
}

/**
 * The CLI's default output folder, `.mlreport/` at the project root, made to ignore itself (a `.gitignore` of `*`
 * inside it, as pytest does for its cache): the report never shows up as a change to commit, nor makes the next
 * run's workspace look modified.
 */
export function defaultOutDir(workspace: string): Promise<string> {
  return selfIgnoringDir(join(workspace, '.mlreport'));
}

/**
 * Makes an `--out` folder inside the project that is not there yet ignore itself, as the default does: `--out
 * .mlreport` must not leave an untracked folder that makes the next report's workspace look modified. A folder that is
 * already there is the user's, left as it is (its files may be meant to be committed), and so is one outside the project.
 */
export async function ignoredIfNew(dir: string, workspace: string): Promise<void> {
  const inProject = relative(workspace, dir);
  if (!inProject || inProject.startsWith('..') || isAbsolute(inProject) || existsSync(dir)) return;
  await makeOutFolder(dir, '--out');
  await selfIgnoringDir(dir);
}

/** A default output folder of the CLI, made (when missing) with a `.gitignore` of `*` in it. */
export async function selfIgnoringDir(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, '.gitignore'), '# Written by mlreport: this folder holds generated reports.\n*\n', { flag: 'wx' }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  return dir;
}

/** `--history-store BRANCH`, checked as the action checks its `history-branch` input. */
export function storeOption(value: string | undefined): string | undefined {
  return value === undefined ? undefined : checkStoreBranch(value, '--history-store');
}
