// What runs a CLI subcommand in each bundle of commands (./run-command.ts, ./run-values-command.ts): its errors are
// told here, by the same modules that registered the secrets to redact and threw them.
import { secretsFromEnvironment } from '../config/secrets';
import { describeError, UserError } from '../util/errors';
import { addSecret, redact } from '../util/redact';
import { findCommand } from './index';
import type { Command, CommandRunner } from './types';

/** Runs the subcommand argv names with the runner `runners` has for it; its exit code, or 2 with the error on stderr (secrets redacted). */
export async function runSubcommand(argv: string[], runners: Partial<Record<Command['runner'], CommandRunner>>): Promise<number> {
  secretsFromEnvironment(process.env).forEach(addSecret);
  try {
    // Every command resolves paths from it; Node's own error for it names only `uv_cwd`.
    if (!currentFolderExists())
      throw new UserError('the current folder no longer exists (it was deleted or moved after this shell entered it): cd into the project and run again.');
    const command = findCommand(argv);
    const runner = command && runners[command.runner];
    if (!runner) throw new UserError(`unknown command '${argv.join(' ')}'. Run 'mlreport --help' for the list.`);
    return await runner.run(argv.slice(command.path.length));
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
