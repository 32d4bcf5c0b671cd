/**
 * What lets a run read a metrics file the base has as a DVC output whose object no cache or remote gave, in the words of
 * the interface in use: the action's inputs and the workflow, or the CLI's flags and the shell. `store`: the history
 * store's branch, null when it is off (not given, on the CLI). Pure.
 */
export function cachedBaseRemedy(cli: boolean, store: string | null, at = 'the base commit'): string {
  const credentials = cli
    ? "give this shell the DVC remote's credentials (`.dvc/config.local`, or the cloud's variables: AWS_*, AZURE_STORAGE_*) and see that the base's outputs were pushed there (`mlreport push` or `dvc push` at the base)"
    : "give the workflow the DVC remote's credentials (the cloud's variables from secrets in the step's `env:`, AWS_* or AZURE_STORAGE_*; `.dvc/config.local` written by an earlier step; `hub-user`/`hub-token` for a remote under `hub-url`; a fork's pull request gets no secrets) and see that the base branch's runs push its outputs there (input `dvc-push: true`)";
  const history = cli
    ? store
      ? `have the action's runs on pushes to the default branch record it in the history store ('${store}', \`--history-store\`), which has no record of it at ${at}`
      : "read the history store the action's runs on pushes to the default branch record (`--history-store BRANCH`)"
    : store
      ? `have the runs on pushes to the default branch record it in the history store ('${store}', input \`history-branch\`; they need \`contents: write\`), which has no record of it at ${at}`
      : "turn the history store on (input `history-branch`, now `off`) so the runs on pushes to the default branch record the base's metrics";
  return `To check it: ${credentials}; or commit the file to git (\`cache: false\` on it in dvc.yaml); or ${history}.`;
}

/**
 * What would let a run read a base revision git could not fetch (its commit, the branch to fork from, the head's
 * parent in a shallow clone), in the words of the interface in use: `cli`, the mlreport command; else the action.
 */
export function unreadBaseRemedy(cli: boolean): string {
  return cli
    ? "To check it: fetch the base first ('git fetch origin <commit>', or 'git fetch --unshallow' in a shallow clone), or name a revision this clone has with --base."
    : 'To check it: check out enough history for the base (actions/checkout with `fetch-depth: 0`) from an `origin` the job can reach.';
}

/**
 * What would let a run read the history store's branch it could not fetch (the base's values of metrics made in CI,
 * and the history's), in the words of the interface in use. Pure.
 */
export function unreadStoreRemedy(cli: boolean, store: string): string {
  return cli
    ? `To check it: let this clone fetch the branch '${store}' from \`origin\` ('git fetch origin ${store}' must work here), or commit the metrics files to git.`
    : `To check it: let the job fetch the branch '${store}' from \`origin\` (actions/checkout's credentials, \`persist-credentials\` left on, reach it), or commit the metrics files to git.`;
}

/**
 * What would have the history store record the base `sha` it has no (usable) record of, in the words of the interface
 * in use: the run on its push records it; this one then reads it. Pure.
 */
export function unrecordedBaseRemedy(cli: boolean, store: string, sha: string): string {
  return cli
    ? `To check it: let the action's run on the push of ${sha} record it in '${store}' (wait for it to finish, or re-run it if it failed or was cancelled), then run mlreport again; or compare with a base the store has a record of (--base).`
    : `To check it: wait for the run on the push of ${sha} to finish, or re-run it if it failed or was cancelled (it records the base's metrics in '${store}'), then re-run this job.`;
}
