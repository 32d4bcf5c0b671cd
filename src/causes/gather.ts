import { projectAt, WORKSPACE, type LoadedProjects } from '../dvc/project';
import type { GitRepo } from '../git/repo';
import type { Revision } from '../git/revisions';
import type { PipelineSummary } from '../report/types';
import { describeError } from '../util/errors';
import type { Logger } from '../util/log';
import type { FileCause, FileDiff, MetricCauses } from '../values/types';
import { commitTree, workspaceTree, type ReadBudget, type WorkspaceListing } from '../workspace/tree';
import { explainer, withCauses } from './explain';

export interface CausesRequest {
  workspace: string;
  base: Revision | null;
  budget?: ReadBudget;
  /** The run's listing of the workspace, shared with its other steps. */
  listing?: WorkspaceListing;
  /** The run's projects at the head and the base, shared with its other steps. */
  projects?: LoadedProjects;
  /** This run's reproduction, or null when it did not reproduce. */
  pipeline: PipelineSummary | null;
  stale: { stage: string; reasons: string[] }[];
  params: FileDiff[];
  metrics: FileDiff[];
  /** Stages out of date at the base commit itself, with their `dvc status` reasons there (base-status.ts). */
  staleAtBase?: ReadonlyMap<string, string[]>;
  /** What could not be told at the base (whether its stages were up to date), said on every metric's causes. */
  unknownAtBase?: string[];
}

/**
 * The run's metrics with `causes` on each changed row: the project read at the base (through git) and the head (the
 * workspace), and `git diff --numstat` base → workspace. Without a base, or with no changed metric, the metrics as
 * they were. Causes explain; they never fail a run: what goes wrong is a warning and the metrics are kept as they were.
 */
export async function explainChanges(git: GitRepo, request: CausesRequest, log: Logger): Promise<FileDiff[]> {
  const { base, budget } = request;
  if (!base || !request.metrics.some((f) => f.rows.some((r) => r.changed))) return request.metrics;
  try {
    const atBase = await projectAt(commitTree(git, base.sha, base.label, budget ? { budget } : {}), base.sha, request.projects);
    const atHead = await projectAt(
      workspaceTree(request.workspace, { name: 'head', ...(budget ? { budget } : {}), listing: request.listing }),
      WORKSPACE,
      request.projects,
    );
    // Which files changed first; their lines are counted below for the files the causes list.
    const files = new Map((await git.diffPaths(base.sha)).map((path) => [path, { added: 0, deleted: 0 }]));
    // What git tracks only matters to a stage's deps: without a stage at the head, no listing is walked.
    const tracked = atHead.dvcYamls.some((d) => d.stages.length) ? await trackedPaths(git, base.sha, files) : new Set<string>();
    const explain = explainer({
      base: atBase,
      head: atHead,
      params: request.params,
      metricsFiles: request.metrics.map((f) => f.path),
      files,
      tracked,
      ran: request.pipeline?.stages ?? null,
      stale: request.stale,
      ...(request.staleAtBase && { staleAtBase: request.staleAtBase }),
      ...(request.unknownAtBase?.length && { baseFreshnessUnknown: true }),
      unknown: [
        ...atBase.errors.map((e) => `at ${base.label}: ${e.error}`),
        ...(request.unknownAtBase ?? []),
        ...atHead.errors.map((e) => `at head: ${e.error}`),
      ],
    });
    const metrics = withCauses(request.metrics, explain);
    await countLines(git, base.sha, metrics);
    return metrics;
  } catch (error) {
    log.warning(`Why the metrics changed is not shown: ${describeError(error)}`);
    return request.metrics;
  }
}

/** Paths git tracks at the base or at HEAD, and the changed ones. */
async function trackedPaths(git: GitRepo, base: string, files: Map<string, unknown>): Promise<Set<string>> {
  const tracked = new Set((await git.listEntries(base)).keys());
  const headSha = await git.resolveCommit('HEAD');
  if (headSha) for (const path of (await git.listEntries(headSha)).keys()) tracked.add(path);
  for (const path of files.keys()) tracked.add(path);
  return tracked;
}

/** The lines added and deleted of each changed file the causes list, from one `git diff --numstat` of those files. */
async function countLines(git: GitRepo, base: string, metrics: FileDiff[]): Promise<void> {
  const listed = new Map<string, FileCause[]>();
  // Rows of a file share one causes object (withCauses), and so do files of one stage: each is listed once.
  const seen = new Set<MetricCauses>();
  for (const file of metrics) {
    const causes = file.rows.find((r) => r.causes)?.causes;
    if (!causes || seen.has(causes)) continue;
    seen.add(causes);
    for (const cause of causes.files) {
      const same = listed.get(cause.path);
      if (same) same.push(cause);
      else listed.set(cause.path, [cause]);
    }
  }
  if (!listed.size) return;
  const counts = await git.diffNumstat(base, [...listed.keys()]);
  for (const [path, causes] of listed) {
    const count = counts.get(path);
    // A file git listed as changed whose lines it no longer counts (changed back since): no lines either way.
    for (const cause of causes)
      Object.assign(
        cause,
        count === null ? { added: null, deleted: null, binary: true } : { added: count?.added ?? 0, deleted: count?.deleted ?? 0, binary: false },
      );
  }
}
