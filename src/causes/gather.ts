import { loadProject } from '../dvc/project';
import type { GitRepo } from '../git/repo';
import type { Revision } from '../git/revisions';
import type { PipelineSummary } from '../report/types';
import { describeError } from '../util/errors';
import type { Logger } from '../util/log';
import type { FileDiff } from '../values/types';
import { commitTree, workspaceTree, type ReadBudget } from '../workspace/tree';
import { explainer, withCauses } from './explain';

export interface CausesRequest {
  workspace: string;
  base: Revision | null;
  budget?: ReadBudget;
  /** This run's reproduction, or null when it did not reproduce. */
  pipeline: PipelineSummary | null;
  stale: { stage: string; reasons: string[] }[];
  params: FileDiff[];
  metrics: FileDiff[];
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
    const atBase = await loadProject(commitTree(git, base.sha, base.label, budget ? { budget } : {}));
    const atHead = await loadProject(workspaceTree(request.workspace, { name: 'head', ...(budget ? { budget } : {}) }));
    const files = await git.diffNumstat(base.sha);
    const headSha = await git.resolveCommit('HEAD');
    const tracked = new Set([...(await git.listEntries(base.sha)).keys(), ...(headSha ? (await git.listEntries(headSha)).keys() : []), ...files.keys()]);
    const explain = explainer({
      base: atBase,
      head: atHead,
      params: request.params,
      metricsFiles: request.metrics.map((f) => f.path),
      files,
      tracked,
      ran: request.pipeline?.stages ?? null,
      stale: request.stale,
      unknown: [...atBase.errors.map((e) => `at ${base.label}: ${e}`), ...atHead.errors.map((e) => `at head: ${e}`)],
    });
    return withCauses(request.metrics, explain);
  } catch (error) {
    log.warning(`Why the metrics changed is not shown: ${describeError(error)}`);
    return request.metrics;
  }
}
