import type { Config } from '../../config/types';
import { describeError } from '../../util/errors';
import type { Logger } from '../../util/log';
import { MlflowRunPublisher } from '../mlflow/mirror';
import { DEFAULT_LOGGER_CSV, plotCsvFiles, readLoggerSeries } from '../mlflow/series';
import type { ComposedReport, Publisher } from '../types';
import { HubCommentPublisher, hubHttp } from './comment';
import { GiteaClient } from './gitea';

/**
 * Mirrors the report to the hub (PR comment) and to MLflow (the run). The hub is secondary: a failure is a
 * warning saying what to fix, unless `hub-required` makes it an error. Returns false only for a required failure.
 */
export async function publishMirrors(config: Config, report: ComposedReport, log: Logger): Promise<boolean> {
  const mirrors: { publisher: Publisher; required: boolean }[] = [];
  const hub = config.hub;
  if (hub) mirrors.push({ publisher: new HubCommentPublisher(hub, log), required: hub.required });
  if (config.mlflow) {
    const notes: string[] = [];
    const logs = await readLoggerSeries(config.workspace, await trainingLogFiles(config.workspace, report), notes);
    for (const note of notes) log.warning(`MLflow: ${note}`);
    const resolveUser = hub?.token ? () => new GiteaClient(hubHttp(hub), hub.owner, hub.repo).currentUser() : undefined;
    mirrors.push({ publisher: new MlflowRunPublisher(config.mlflow, logs, log, { resolveUser }), required: config.mlflow.required });
  }
  let passed = true;
  for (const { publisher, required } of mirrors) {
    try {
      const outcome = await publisher.publish(report);
      if (outcome.location) log.info(`${publisher.name}: ${outcome.location}`);
    } catch (error) {
      const message = `${publisher.name}: ${describeError(error)}`;
      if (required) {
        passed = false;
        log.error(message);
      } else {
        log.warning(`${message} (The GitHub report is not affected; set 'hub-required: true' to fail the step on this.)`);
      }
    }
  }
  return passed;
}

/** Where step series may be: CSV metrics files, dvc.yaml's CSV plots, and the DagsHub logger's default file. */
async function trainingLogFiles(workspace: string, report: ComposedReport): Promise<string[]> {
  const metricsCsv = report.data.metrics.map((f) => f.path).filter((p) => p.toLowerCase().endsWith('.csv'));
  return [...new Set([...metricsCsv, ...(await plotCsvFiles(workspace)), DEFAULT_LOGGER_CSV])];
}
