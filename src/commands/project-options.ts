import type { BaseCandidate } from '../config/types';
import { shortSha, type GitRepo } from '../git/repo';

/** The options `report` and `plots render` share, for node:util's parseArgs (each adds its own `--out`). */
export const PROJECT_OPTIONS = {
  base: { type: 'string' },
  plots: { type: 'string', multiple: true },
  cwd: { type: 'string', default: '.' },
  quiet: { type: 'boolean', default: false },
} as const;

/** `--base REV`, else the merge-base with origin/HEAD, else HEAD~1: what `report` and `plots render` compare with. */
export function cliBaseCandidates(base: string | undefined): BaseCandidate[] {
  if (base) return [{ kind: 'explicit', rev: base, origin: '--base', label: base }];
  return [
    { kind: 'merge-base', ref: 'refs/remotes/origin/HEAD', label: 'origin/HEAD' },
    { kind: 'rev', rev: 'HEAD~1', label: 'HEAD~1' },
  ];
}

/** The workspace is the head, named as people say it: the branch, else HEAD's short sha, else `workspace` (no commit yet). */
export async function cliHead(git: GitRepo): Promise<{ label: string; sha: string | null }> {
  const branch = await git.currentBranch();
  const sha = await git.resolveCommit('HEAD');
  return { label: branch ?? (sha ? shortSha(sha) : 'workspace'), sha };
}
