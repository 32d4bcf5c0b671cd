// What runs a CLI subcommand: every command's code, bundled on its own (dist/commands.js) and read by dist/cli.js
// only when a command runs (never for `--help` or `--version`). Its errors are told here, by the same modules that
// registered the secrets to redact and threw them.
import { secretsFromEnvironment } from '../config/secrets';
import { describeError, UserError } from '../util/errors';
import { addSecret, redact } from '../util/redact';
import { aggregateCommand } from './aggregate';
import { dataDiffCommand } from './data-diff';
import { findCommand } from './index';
import { metricsDiffCommand } from './metrics-diff';
import { metricsHistoryCommand } from './metrics-history';
import { paramsDiffCommand } from './params-diff';
import { plotsRenderCommand } from './plots-render';
import { pullCommand, pushCommand } from './pull';
import { reportCommand } from './report';
import { reproCommand } from './repro';
import { statusCommand } from './status';
import type { CommandRunner } from './types';

export const RUNNERS = {
  report: reportCommand,
  repro: reproCommand,
  status: statusCommand,
  metricsDiff: metricsDiffCommand,
  metricsHistory: metricsHistoryCommand,
  paramsDiff: paramsDiffCommand,
  dataDiff: dataDiffCommand,
  plotsRender: plotsRenderCommand,
  pull: pullCommand,
  push: pushCommand,
  aggregate: aggregateCommand,
} satisfies Record<string, CommandRunner>;

/** Runs the subcommand argv names; its exit code, or 2 with the error on stderr (secrets redacted). */
export async function runCommand(argv: string[]): Promise<number> {
  secretsFromEnvironment(process.env).forEach(addSecret);
  try {
    // Every command resolves paths from it; Node's own error for it names only `uv_cwd`.
    if (!currentFolderExists())
      throw new UserError('the current folder no longer exists (it was deleted or moved after this shell entered it): cd into the project and run again.');
    const command = findCommand(argv);
    if (!command) throw new UserError(`unknown command '${argv.join(' ')}'. Run 'mlreport --help' for the list.`);
    return await RUNNERS[command.runner].run(argv.slice(command.path.length));
  } catch (error) {
    // parseArgs' own errors (unknown option, missing value) are user errors too.
    const code = (error as { code?: string }).code;
    const message = code?.startsWith('ERR_PARSE_ARGS') ? (error as Error).message : describeError(error);
    process.stderr.write(redact(`mlreport: ${message}\n`));
    return 2;
  }
}

function currentFolderExists(): boolean {
  try {
    process.cwd();
    return true;
  } catch {
    return false;
  }
}
