import * as core from '@actions/core';
import { configFromAction } from './config/action';
import { hubSecrets } from './config/hub';
import { run as runReport } from './run';
import { actionLogger } from './util/action-logger';
import { describeError } from './util/errors';

/** The action: runner environment → Config → run() → outputs and exit code. */
export async function run(): Promise<void> {
  try {
    const config = await configFromAction({ env: process.env });
    for (const secret of hubSecrets(config.hub, config.mlflow)) core.setSecret(secret);
    const result = await runReport(config, actionLogger);
    core.setOutput('report', result.reportPath);
    core.setOutput('report-json', result.reportJsonPath);
    core.setOutput('passed', String(result.passed));
    core.setOutput('comment-url', result.commentUrl ?? '');
    if (result.failStep) core.setFailed('mlreport: see the errors above.');
  } catch (error) {
    core.setFailed(`mlreport: ${describeError(error)}`);
  }
}
