import type { MlflowConfig } from '../../config/types';
import { UserError } from '../../util/errors';
import type { Logger } from '../../util/log';
import { basicAuth, HttpError, JsonHttp, type HttpSettings } from '../../util/http';
import { hubBody } from '../hub/comment';
import type { ReportData } from '../../report/types';
import type { Target, TargetOutcome } from '../types';
import { splitBatches } from './batch';
import { MlflowClient, type MlflowMetric, type MlflowParam, type MlflowRun } from './client';
import { planRun, RUN_KEY_TAG } from './plan';
import type { MetricSeries } from './series';

export interface MlflowMirrorOptions {
  /** Who owns the hub token, when the config leaves the MLflow user name to the hub. */
  resolveUser?: () => Promise<string>;
  tuning?: Partial<HttpSettings>;
  now?: () => number;
}

/**
 * Logs the report to an MLflow tracking server: one run per head commit (found again by a tag), with the
 * params, final metrics, training-log series, the standard source tags and the report as the run's note.
 */
export class MlflowRunPublisher implements Target {
  readonly name: string;

  constructor(
    private readonly config: MlflowConfig,
    private readonly logs: MetricSeries[],
    private readonly log: Logger,
    private readonly options: MlflowMirrorOptions = {},
  ) {
    this.name = `MLflow run (${config.trackingUri})`;
  }

  async publish(report: ReportData): Promise<TargetOutcome> {
    const sha = this.config.change.sha ?? report.head.sha;
    if (!sha) throw new UserError('The head has no commit, so there is no MLflow run to log to (commit first).');
    const client = new MlflowClient(await this.http());
    const now = this.options.now?.() ?? Date.now();
    const notes: string[] = [];
    const plan = planRun(report, this.logs, { sha, change: this.config.change, markdown: hubBody(report), now }, notes);

    const experiment = await this.guard(client.ensureExperiment(this.config.experiment));
    if (experiment.lifecycle_stage === 'deleted') {
      throw new UserError(`MLflow experiment '${this.config.experiment}' is deleted: restore it, or name another with 'mlflow-experiment'.`);
    }
    const existing = await this.guard(client.findRunByTag(experiment.experiment_id, RUN_KEY_TAG, plan.runKey));
    // The run key goes in at creation, so even a run whose logging then fails is found and completed next time.
    const identity = plan.tags.filter((t) => [RUN_KEY_TAG, 'mlflow.runName', 'mlflow.source.git.commit'].includes(t.key));
    const run = existing ?? (await this.guard(client.createRun(experiment.experiment_id, plan.runName, now, identity)));
    const runId = run.info.run_id;
    if (existing) await this.guard(client.updateRun(runId, 'RUNNING'));

    const params = existing ? newParams(plan.params, existing, notes) : plan.params;
    const metrics = existing ? newMetrics(plan.finals, plan.series, existing) : [...plan.series, ...plan.finals];
    const batches = splitBatches({ params, tags: plan.tags, metrics });
    try {
      for (const batch of batches) await this.guard(client.logBatch(runId, batch));
    } catch (error) {
      // Say in MLflow too that this run is incomplete; the next run for this commit fills it in.
      await client.updateRun(runId, 'FAILED', now).catch(() => undefined);
      throw error;
    }
    await this.guard(client.updateRun(runId, 'FINISHED', now));

    for (const note of notes) this.log.warning(`MLflow: ${note}`);
    this.log.info(
      `MLflow: ${existing ? 'updated' : 'created'} run ${runId} in experiment '${this.config.experiment}' (${params.length} params, ${metrics.length} metric points, ${batches.length} request${batches.length === 1 ? '' : 's'}).`,
    );
    return { location: `${this.config.trackingUri}/#/experiments/${experiment.experiment_id}/runs/${runId}` };
  }

  private async http(): Promise<JsonHttp> {
    const auth = this.config.auth;
    const headers: Record<string, string> = {};
    const secrets: string[] = [];
    if (auth.kind === 'bearer') {
      headers.authorization = `Bearer ${auth.token}`;
      secrets.push(auth.token);
    } else if (auth.kind === 'basic') {
      const user = auth.username ?? (await this.whoOwnsTheToken());
      headers.authorization = basicAuth(user, auth.password);
      secrets.push(auth.password, headers.authorization.slice('Basic '.length));
    }
    return new JsonHttp({ service: `MLflow (${this.config.trackingUri})`, baseUrl: this.config.trackingUri, headers, secrets, ...this.options.tuning });
  }

  private async whoOwnsTheToken(): Promise<string> {
    if (!this.options.resolveUser) throw new UserError("MLflow needs a user name with the token: set 'hub-user' (or MLFLOW_TRACKING_USERNAME).");
    try {
      return await this.options.resolveUser();
    } catch (error) {
      throw new UserError(`Could not ask DagsHub who owns 'hub-token' (${error instanceof Error ? error.message : String(error)}); set 'hub-user'.`);
    }
  }

  private async guard<T>(call: Promise<T>): Promise<T> {
    try {
      return await call;
    } catch (error) {
      if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
        throw new UserError(
          `${error.message}. Check the MLflow credentials: 'hub-user' and 'hub-token' for DagsHub, or MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD (or MLFLOW_TRACKING_TOKEN).`,
        );
      }
      if (error instanceof HttpError && error.status === 404 && !(error.body && typeof error.body === 'object' && 'error_code' in error.body)) {
        throw new UserError(`${error.message}. No MLflow server answers at ${this.config.trackingUri}: check 'mlflow-tracking-uri' (or 'hub-repo').`);
      }
      throw error;
    }
  }
}

/** Params are immutable in MLflow: log only those the run lacks; a changed value is a note, not a failure. */
function newParams(params: MlflowParam[], run: MlflowRun, notes: string[]): MlflowParam[] {
  const had = new Map((run.data?.params ?? []).map((p) => [p.key, p.value]));
  return params.filter((p) => {
    const old = had.get(p.key);
    if (old === undefined) return true;
    if (old !== p.value) notes.push(`Param '${p.key}' was logged as '${old}' for this commit; MLflow params cannot change, so '${p.value}' was not logged.`);
    return false;
  });
}

/**
 * Metrics append in MLflow. On a re-run, training-log series already in the run are not sent again, and a
 * final value is sent only when it differs from the run's latest.
 */
function newMetrics(finals: MlflowMetric[], series: MlflowMetric[], run: MlflowRun): MlflowMetric[] {
  const latest = new Map((run.data?.metrics ?? []).map((m) => [m.key, m.value]));
  return [...series.filter((m) => !latest.has(m.key)), ...finals.filter((m) => latest.get(m.key) !== m.value)];
}
