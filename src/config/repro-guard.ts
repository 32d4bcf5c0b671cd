/**
 * Whether this run may execute the repository's pipeline (reproduce) with the token it has.
 *
 * `pull_request_target` runs carry a write token and secrets while the checked-out code can be a fork's:
 * running that code is the "pwn request" GitHub Security Lab warns about. So on that event reproduction is
 * refused unless the workflow sets `allow-pull-request-target-repro: true` explicitly. Every other event runs
 * either trusted code (push, workflow_run from the default branch) or a fork's code with a read-only token.
 */
export function mayReproduce(eventName: string, allowPullRequestTargetRepro: boolean): { allowed: true } | { allowed: false; reason: string } {
  if (eventName !== 'pull_request_target' || allowPullRequestTargetRepro) return { allowed: true };
  return {
    allowed: false,
    reason:
      "Not reproducing the pipeline on 'pull_request_target': that event has a write token and secrets, and running a pull request's code with them lets the PR take over the repository. " +
      "Use the two-workflow pattern (README: 'Fork pull requests'), or set 'allow-pull-request-target-repro: true' if every PR author is trusted.",
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
