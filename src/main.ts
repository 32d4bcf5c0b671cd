import { appendFile } from 'node:fs/promises';
import * as core from '@actions/core';
import { configFromAction, stoppedRunSettings } from './config/action';
import { hubSecrets } from './config/hub';
import { secretsFromEnvironment } from './config/secrets';
import { FileCommandsGuard } from './pipeline/file-commands';
import { publishStopped, stoppedText } from './publish/github/stopped';
import { run as runReport } from './run';
import { actionLogger } from './util/action-logger';
import { stoppedRunLimit } from './util/deadline';
import { describeError } from './util/errors';
import { addSecret, redact } from './util/redact';

/** The action: runner environment → Config → run() → outputs and exit code. */
export async function run(): Promise<void> {
  let reported = false;
  try {
    // The file commands as the step found them: a stage's process still running cannot set outputs or variables.
    const fileCommands = await FileCommandsGuard.record(process.env);
    // The runner masks the secrets it gave the job itself; the redactor also covers the report and the forms
    // (percent-encoded, base64) the runner does not know.
    secretsFromEnvironment(process.env).forEach(addSecret);
    const config = await configFromAction({ env: process.env, warn: (message) => actionLogger.warning(message) });
    for (const secret of hubSecrets(config.hub, config.mlflow)) {
      core.setSecret(secret);
      addSecret(secret);
    }
    const result = await runReport(config, actionLogger);
    reported = true;
    await fileCommands.cut(['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE']);
    core.setOutput('report', result.reportPath ?? '');
    core.setOutput('report-json', result.reportJsonPath ?? '');
    core.setOutput('passed', result.passed === null ? '' : String(result.passed));
    core.setOutput('comment-url', result.commentUrl ?? '');
    if (result.failStep) core.setFailed('mlreport: see the errors above.');
  } catch (error) {
    const message = redact(describeError(error));
    core.setFailed(`mlreport: ${message}`);
    // People read the pull request, not the log: a run that stopped before its report says so there, so an earlier
    // push's verdict does not stand as this one's.
    const stopped = reported ? null : await stoppedRunSettings(process.env);
    if (!reported) await summarizeStopped(message, stopped?.github.headSha ?? process.env.GITHUB_SHA ?? '');
    if (stopped) await publishStopped(stopped, message, actionLogger, stoppedRunLimit());
  }
}

/**
 * The job summary of a run that stopped before its report: the same "no verdict" text as the pull request's, for a
 * push run (no comment) or `comment: off`, where the summary is what people read. Best effort: the step has failed.
 */
async function summarizeStopped(message: string, headSha: string): Promise<void> {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (!path) return;
  try {
    await appendFile(path, `${stoppedText(message, headSha, null)}\n`);
  } catch (error) {
    actionLogger.warning(`The job summary could not be written: ${describeError(error)}`);
  }
}
