import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { remoteChanges, type RevisionConfig } from '../dvc/data/config';
import type { BaseCandidate } from '../config/types';
import type { GitRepo } from '../git/repo';
import type { Revision } from '../git/revisions';
import { describeError } from '../util/errors';
import { commitTree } from '../workspace/tree';
import type { DataOptions } from './restore';

/**
 * The DVC remotes' settings on an event whose checkout may be a pull request's while the workflow's credentials are
 * at hand (the events where mlreport refuses to run the PR's code: `pull_request_target`, `workflow_run`, …). DVC
 * reads a remote's URL from the repo-level `.dvc/config` and its password from `config.local`; were the first the
 * PR's, the PR would choose the host the workflow's credentials (config.local, AWS_*, AZURE_*) are sent to. So the
 * repo level is the base revision's — when the base is one the PR cannot choose: the pull request's base commit from
 * the event, or the workflow's `base` input — or else none; `config.local` is the workflow's unless the PR committed
 * one. Every revision read (the head, the base, the base branch's history) uses these settings, not its own.
 *
 * `notes` says what of the pull request's own settings is not used, for the log and the report.
 */
export async function trustedRemotes(
  git: GitRepo,
  workspace: string,
  head: string | null,
  base: Revision | null,
  candidates: BaseCandidate[],
  eventName: string,
): Promise<{ trusted: NonNullable<DataOptions['trusted']>; notes: string[] }> {
  const fromBase = base !== null && candidates.some((c) => c.kind === 'explicit' || (c.kind === 'commit' && c.sha === base.sha));
  const where = fromBase ? `the base revision (${base.label}, ${base.sha.slice(0, 7)})` : null;
  const repo: RevisionConfig = where
    ? { text: (await commitTree(git, base!.sha, base!.label).dvcConfig!())?.toString('utf8') ?? null, name: `.dvc/config at ${where}` }
    : { text: null, name: '.dvc/config (none trusted)' };
  const checked = await checkedOut(join(workspace, '.dvc', 'config'));
  const notes: string[] = [];
  const why = `on '${eventName}' the checkout can be a pull request's, and the workflow's DVC credentials must not go where it says`;
  let changes: string[];
  try {
    changes =
      checked === NOT_A_FILE ? ['the whole file, not a plain file (a link is not followed)'] : remoteChanges(repo, { text: checked, name: '.dvc/config' });
  } catch (error) {
    changes = [`the whole file, which does not load (${describeError(error)})`];
  }
  if (changes.length) {
    notes.push(
      where
        ? `Not used from the checked-out .dvc/config: ${changes.join(', ')}. DVC remotes are read as ${repo.name} defines them: ${why}.`
        : `The checked-out .dvc/config is not used (${changes.join(', ')}), and no base revision the pull request cannot choose was found: DVC remotes come only from .dvc/config.local and the global and system configs; ${why}.`,
    );
  }
  const committed = head ? await git.entryAt(head, '.dvc/config.local') : null;
  const atBase = committed && fromBase ? await git.entryAt(base.sha, '.dvc/config.local') : null;
  const local = !committed || committed.oid === atBase?.oid;
  if (!local) notes.push(`.dvc/config.local is not used: the checked-out commit has it in git, so it is the pull request's, not the workflow's; ${why}.`);
  return { trusted: { repo, local }, notes };
}

const NOT_A_FILE = Symbol('not a plain file');

/**
 * The checked-out file's text, null when it is not there; never through a link: the pull request's link could name any
 * file of the runner, and a line of it would be quoted by the parse error.
 */
async function checkedOut(file: string): Promise<string | null | typeof NOT_A_FILE> {
  const info = await lstat(file).catch(() => null);
  if (!info) return null;
  if (!info.isFile()) return NOT_A_FILE;
  return readFile(file, 'utf8').catch(() => null);
}
