/**
 * Whether this run may execute the repository's pipeline (reproduce, `run` commands) with the token it has.
 *
 * Running a pull request's code is safe only where the token and secrets are the PR's own: on `pull_request`
 * GitHub gives a fork's PR a read-only token and no secrets. Events that run in the base repository's context
 * with its write token and secrets while the code can be a fork's (`pull_request_target`, `workflow_run`,
 * `issue_comment`, review events, …) are the "pwn request" GitHub Security Lab warns about. So reproduction runs
 * without asking only on the events below, whose code is the PR's own or the repository's branches (and locally,
 * with no event); on every other event it is refused unless the workflow sets
 * `allow-pull-request-target-repro: true` explicitly.
 */
const SAFE_EVENTS = new Set(['', 'pull_request', 'push', 'merge_group', 'schedule', 'workflow_dispatch', 'repository_dispatch', 'release']);

export function mayReproduce(eventName: string, allowPullRequestTargetRepro: boolean): { allowed: true } | { allowed: false; reason: string } {
  if (SAFE_EVENTS.has(eventName) || allowPullRequestTargetRepro) return { allowed: true };
  return {
    allowed: false,
    reason:
      `Not reproducing the pipeline on '${eventName}': that event has the repository's write token and secrets while the code checked out can be a pull request's, and running it with them lets the PR take over the repository. ` +
      "Reproduce on 'pull_request' and publish with the two-workflow pattern (README: 'Fork pull requests'), or set 'allow-pull-request-target-repro: true' if every PR author is trusted.",
  };
}

/** The reproduce step as the guard allows it: unchanged, or with nothing to run and the reason to log. */
export function guardReproduction<T extends { repro: string; runCommands: string[] }>(
  step: T,
  eventName: string,
  allowPullRequestTargetRepro: boolean,
): { step: T; refused: string | null } {
  const verdict = mayReproduce(eventName, allowPullRequestTargetRepro);
  if (verdict.allowed) return { step, refused: null };
  const wouldRun = step.repro !== 'off' || step.runCommands.length > 0;
  return { step: { ...step, repro: 'off', runCommands: [] }, refused: wouldRun ? verdict.reason : null };
}
