import type { Config, MlflowConfig } from '../../config/types';
import type { ReportData } from '../../report/types';
import type { HttpSettings } from '../../util/http';
import type { Logger } from '../../util/log';
import { MlflowRunPublisher } from '../mlflow/mirror';
import { DEFAULT_LOGGER_CSV, plotCsvFiles, readLoggerSeries } from '../mlflow/series';
import type { Target, TargetOutcome } from '../types';
import { hubHttp } from './comment';
import { GiteaClient } from './gitea';

/**
 * The MLflow run as a target: the training-log series are read when it publishes (their files are named by the
 * report), then the run is logged.
 */
export class MlflowTarget implements Target {
  readonly name: string;
  constructor(
    private readonly config: Config,
    private readonly mlflow: MlflowConfig,
    private readonly log: Logger,
    private readonly tuning: Partial<HttpSettings> = {},
  ) {
    this.name = `MLflow run (${mlflow.trackingUri})`;
  }

  async publish(report: ReportData): Promise<TargetOutcome> {
    const { config, log, tuning } = this;
    const notes: string[] = [];
    const logs = await readLoggerSeries(config.workspace, await trainingLogFiles(config.workspace, report), notes);
    for (const note of notes) log.warning(`MLflow: ${note}`);
    const hub = config.hub;
    const resolveUser = hub?.token ? () => new GiteaClient(hubHttp(hub, tuning), hub.owner, hub.repo).currentUser() : undefined;
    return new MlflowRunPublisher(this.mlflow, logs, log, { resolveUser, tuning }).publish(report);
  }
}

/** Where step series may be: CSV metrics files, dvc.yaml's CSV plots, and the DagsHub logger's default file. */
async function trainingLogFiles(workspace: string, report: ReportData): Promise<string[]> {
  const metricsCsv = report.metrics.map((f) => f.path).filter((p) => p.toLowerCase().endsWith('.csv'));
  return [...new Set([...metricsCsv, ...(await plotCsvFiles(workspace)), DEFAULT_LOGGER_CSV])];
}
