import type { GateConfig, GateRule, MissingBasePolicy } from '../gate/types';

/** Everything one run needs, decided up front from action inputs or CLI arguments. */
export interface Config {
  /** Directory holding dvc.yaml / params / metrics (the repository root or a sub-folder of it). */
  workspace: string;
  /**
   * The folder the project root was found from (the `working-directory` input); on a pull request the base revision's
   * root, where its gate rules are, is found from it at the base. Default: `workspace`.
   */
  workingDirectory?: string;
  /** Ways to find the base revision, tried in order. Empty: no base (head-only report). */
  baseCandidates: BaseCandidate[];
  /** What the report calls the head (the files in the workspace). */
  headLabel: string;
  /**
   * The CLI's: what to call the head after a reproduction, which may leave the work tree changed (dvc.lock and
   * outputs rewritten): `workspace` then, as before a run with uncommitted changes. Absent: `headLabel` stands.
   */
  relabelHead?: () => Promise<string>;
  /** Metrics/params files or globs chosen by the user; null: the defaults from dvc.yaml. */
  metricsPaths: string[] | null;
  paramsPaths: string[] | null;
  /** Plot data or image files (or globs) chosen by the user; null: the plots dvc.yaml defines. */
  plotsPaths?: string[] | null;
  /** Where report.md and report.json are written. */
  outDir: string;
  /** The job summary file ($GITHUB_STEP_SUMMARY), when running as an action. */
  summaryPath: string | null;
  /** How to reproduce the pipeline before collecting values (see src/pipeline/engine.ts). */
  repro: 'auto' | 'builtin' | 'dvc' | 'off';
  /** Commands run before the pipeline and collecting (the `run` input), one per entry. */
  runCommands: string[];
  /** `dvc-push`: after the pipeline, send the stage outputs dvc.lock records to the DVC remote. */
  dvcPush?: boolean;
  /** `deadline-minutes`: the run's time budget for gathering the report (default: DEFAULT_DEADLINE_MINUTES). */
  deadlineMinutes?: number;
  /** Where the run happens on GitHub; null for a local CLI run. */
  github: GitHubContext | null;
  /** Mirror the report to a connected hub's PR (DagsHub); null when the `hub` input is empty. */
  hub: HubConfig | null;
  /** Log the run to an MLflow tracking server (the hub's, or `mlflow-tracking-uri`); null when off. */
  mlflow: MlflowConfig | null;
  /** `history`: how many first-parent commits of the base branch to read for `history.*` rules and trends; 0: off (default 20). */
  history?: number;
  /** Threshold rules (parsed) and what a broken one does; absent or no rules: no gate. */
  gate?: GateConfig;
  /** How the report goes to GitHub (sticky comment, images); absent for a local CLI run. */
  githubPublish?: GitHubPublishConfig;
  /** `mode: aggregate`: how the matrix jobs' runs are grouped and ranked (inputs `repeat-params`, `rank-by`). */
  sweep?: SweepSettings;
  /** The history store (input `history-branch`): where pushes' metrics are recorded and read; null or absent: off. */
  historyStore?: HistoryStoreSettings | null;
}

export interface HistoryStoreSettings {
  /** The orphan branch holding the records. */
  branch: string;
  /** This run records its metrics there: a `push` to the default branch. */
  record: boolean;
}

interface SweepSettings {
  /** Params that tell repeats of one configuration apart (default `seed`). */
  repeatParams: string[];
  /** The metric that marks the best configuration (`metric`, `file:metric`, optionally `higher`/`lower`); null: the first gated one. */
  rankBy: string | null;
  /** How many jobs the matrix has, so a job that uploaded nothing is a failed row; null: not known. */
  expectedRuns: number | null;
}

/** What `mlreport aggregate` and `mode: aggregate` need: the jobs' report folders, and where the comparison goes. */
export interface AggregateConfig extends SweepSettings {
  /** Folders holding report.json, or folders of such folders (one per downloaded artifact). */
  dirs: string[];
  outDir: string;
  summaryPath: string | null;
  /** Rules given to the aggregate itself; null: the rules the jobs were gated with (their reports carry them). */
  rules: GateRule[] | null;
  missingBase: MissingBasePolicy;
  failOnThreshold: boolean;
  checkName: string;
  github: GitHubContext | null;
  githubPublish: GitHubPublishConfig | null;
}

/** The action's publishing inputs (docs: README "Publishing on GitHub"). */
export interface GitHubPublishConfig {
  /**
   * `run`: compute and publish; `publish`: post a report made by another workflow (artifactDir); `aggregate`: compare
   * the reports of a matrix's jobs (artifactDir holds one folder per job) and publish the comparison.
   */
  mode: 'run' | 'publish' | 'aggregate';
  /** `update`: one sticky comment; `new`: a new comment every run; `off`: no comment. */
  comment: 'update' | 'new' | 'off';
  /** `auto`: the PR (on push: the commit; on other events: the open PRs whose head is the commit, else the commit). */
  commentOn: 'auto' | 'pr' | 'commit';
  /** Tells reports apart on one PR (two workflows, matrix jobs). */
  reportId: string;
  imageStore: 'branch' | 'release' | 'none';
  /** The orphan branch (image-store branch) or the prerelease's tag (image-store release). */
  assetsBranch: string;
  /** mode publish: the downloaded artifact (report.md, plots/); mode aggregate: the folder of downloaded artifacts. */
  artifactDir: string | null;
  /** Lets runs on events with the repository's write token (pull_request_target, workflow_run, …) reproduce the pipeline (unsafe; off by default). */
  allowPullRequestTargetRepro: boolean;
  /** Upload the report folder as the workflow artifact `mlreport-<reportId>`: `auto` when it could not be posted. */
  artifact: 'auto' | 'always' | 'off';
}

/** The repository, event and API a run reports to. */
export interface GitHubContext {
  token: string;
  /** REST API root (GITHUB_API_URL; differs on GitHub Enterprise). */
  apiUrl: string;
  /** Web root (GITHUB_SERVER_URL), for links. */
  serverUrl: string;
  owner: string;
  repo: string;
  eventName: string;
  /** The commit the workflow runs for (GITHUB_SHA; on pull_request, the merge commit). */
  sha: string;
  /** The PR's head commit, when the event is about a pull request. */
  headSha: string | null;
  /** The PR number, when the event is about a pull request. */
  prNumber: number | null;
  /** The workflow run, for links to logs and artifacts. */
  runId: string | null;
  /** A pull request from a fork: the token is read-only and secrets are absent. */
  forkPr?: boolean;
  /** On `workflow_run`: the run that triggered this one (the fork pattern's workflow A). */
  workflowRun?: WorkflowRunInfo | null;
  /** The runner's artifact service; null off a runner (the CLI, a local run). */
  artifactRuntime?: ArtifactRuntime | null;
}

/** What the runner gives a JavaScript action for workflow artifacts (v4). */
export interface ArtifactRuntime {
  /** ACTIONS_RUNTIME_TOKEN: a JWT whose `scp` claim names the run and the job. Never logged. */
  token: string;
  /** ACTIONS_RESULTS_URL; only its origin is used, as the official client does. */
  resultsUrl: string;
}

/** What a `workflow_run` event says about the run it follows. */
export interface WorkflowRunInfo {
  id: number;
  event: string;
  headSha: string;
  headBranch: string;
  /** `owner/name` of the repository the head commit came from (a fork for fork PRs). */
  headRepository: string;
  /** PR numbers GitHub lists on the run (empty for fork PRs). */
  pullRequests: number[];
}

/** One way to find the base commit. */
export type BaseCandidate =
  /**
   * An exact commit (the PR's base SHA, a push's `before`); fetched at depth 1 when a shallow clone lacks it. `pushed`:
   * it is a push's `before`, and `forced` says the push rewrote the branch (the payload's `forced`).
   */
  | { kind: 'commit'; sha: string; label: string; pushed?: { forced: boolean } }
  /**
   * The merge-base of HEAD with a branch; with `fetchBranch` set, that branch and HEAD's own history are fetched as
   * deep as needed (within a bound) for a shallow clone to find it. `wholeHistoryAdvice`: how a clone that still does
   * not reach it gets the whole history, in the words of the interface in use.
   */
  | { kind: 'merge-base'; ref: string; fetchBranch?: string; label: string; wholeHistoryAdvice?: string }
  /** Any revision git understands (`HEAD~1`, `origin/HEAD`); skipped when it does not resolve. */
  | { kind: 'rev'; rev: string; label: string }
  /**
   * The revision the user named (`origin` says where: `Input 'base'`, `--base`): fetched from origin when it is
   * a branch a shallow clone lacks; when it still does not resolve, the run fails (a typo must not turn the gate off),
   * saying how to fetch it first (`fetchAdvice`, in the words of the interface in use).
   */
  | { kind: 'explicit'; rev: string; origin: string; label: string; fetchAdvice: string };

/** The change being reported, as GitHub describes it: matches the hub's PR and tags the MLflow run. */
export interface ChangeInfo {
  /** GitHub `owner/name`; null outside GitHub. */
  repository: string | null;
  /** The head branch: the PR's head ref, or the pushed branch. */
  branch: string | null;
  /** The head commit as GitHub knows it (a PR's head, not its merge commit); null: the checked-out HEAD. */
  sha: string | null;
  prNumber: number | null;
  /** This workflow run's page, for links back. */
  runUrl: string | null;
}

/** Mirror of the PR comment on a connected hub (DagsHub, a Gitea-style API). */
export interface HubConfig {
  kind: 'dagshub';
  /** e.g. https://dagshub.com (no trailing slash). */
  url: string;
  owner: string;
  repo: string;
  user: string | null;
  /** null: not given (a fork's PR gets no secrets); the mirror then warns and skips. */
  token: string | null;
  /** When true a hub failure fails the step; otherwise it is a warning. */
  required: boolean;
  change: ChangeInfo;
}

/** Logging of the run to an MLflow tracking server (the hub's, or any other). */
export interface MlflowConfig {
  /** e.g. https://dagshub.com/owner/repo.mlflow (credentials never in it). */
  trackingUri: string;
  experiment: string;
  auth: MlflowAuth;
  required: boolean;
  change: ChangeInfo;
}

/** `username: null`: the hub's token owner, asked from the hub's API (DagsHub's MLflow wants a user name). */
export type MlflowAuth = { kind: 'none' } | { kind: 'basic'; username: string | null; password: string } | { kind: 'bearer'; token: string };
