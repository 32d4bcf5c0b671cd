import type { GitHubEvent } from './event';
import { UserError } from '../util/errors';
import type { HistoryStoreSettings } from './types';

/** The store branch's name when the `history-branch` input is not set. */
const DEFAULT_HISTORY_BRANCH = 'mlreport-history';

/**
 * The `history-branch` input: the store branch's name (default `mlreport-history`), or `off`. Only a `push` to the
 * repository's default branch records; every other event (pull requests, forks' among them) only reads.
 */
export function historyStoreSettings(input: string, eventName: string, event: GitHubEvent): HistoryStoreSettings | null {
  const branch = input || DEFAULT_HISTORY_BRANCH;
  if (branch === 'off') return null;
  checkStoreBranch(branch, "Input 'history-branch'", ' or `off`');
  const defaultBranch = event.defaultBranch;
  return { branch, record: eventName === 'push' && !!defaultBranch && event.ref === `refs/heads/${defaultBranch}` };
}

/** A store branch's name as git's check-ref-format allows it, for a name written into a ref and a fetch refspec. */
export function checkStoreBranch(branch: string, origin: string, orElse = ''): string {
  if (!/^[\w.\/-]+$/.test(branch) || /(^[-./])|([./]$)|\.\.|\/\/|\/\.|\.lock$|\.lock\//.test(branch)) {
    throw new UserError(`${origin} must be a branch name (letters, digits, '.', '_', '-', '/')${orElse}, not '${branch}'.`);
  }
  return branch;
}
