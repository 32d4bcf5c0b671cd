#!/usr/bin/env node
import { COMMANDS } from './commands/index';
import type { Command } from './commands/types';
import { secretsFromEnvironment } from './config/secrets';
import { describeError, UserError } from './util/errors';
import { addSecret, redact } from './util/redact';
import { VERSION } from './version';

/** The `mlreport` command: argv → the matching subcommand → exit code. */
async function main(argv: string[]): Promise<number> {
  if (!argv.length || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(help());
    return 0;
  }
  if (argv[0] === '--version' || argv[0] === '-V') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = findCommand(argv);
  if (!command) throw new UserError(`unknown command '${argv.join(' ')}'. Run 'mlreport --help' for the list.`);
  const rest = argv.slice(command.path.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`usage: ${command.usage}\n`);
    return 0;
  }
  return command.run(rest);
}

function findCommand(argv: string[]): Command | undefined {
  return COMMANDS.filter((c) => c.path.every((word, i) => argv[i] === word)).sort((a, b) => b.path.length - a.path.length)[0];
}

function help(): string {
  const width = COMMANDS.reduce((w, c) => Math.max(w, c.path.join(' ').length), 0);
  return [
    `mlreport ${VERSION}: the review a good ML lead would give a pull request.`,
    '',
    'usage: mlreport <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    "Run 'mlreport <command> --help' for a command's options.",
    '',
  ].join('\n');
}

// A reader that stops early (`mlreport metrics diff | head`) closes the pipe: stop quietly with the exit code so
// far, as git does, not with Node's unhandled 'error' and its stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(redact(`mlreport: cannot write the output: ${error.message}\n`));
  process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
});
secretsFromEnvironment(process.env).forEach(addSecret);
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // parseArgs' own errors (unknown option, missing value) are user errors too.
    const code = (error as { code?: string }).code;
    const message = code?.startsWith('ERR_PARSE_ARGS') ? (error as Error).message : describeError(error);
    process.stderr.write(redact(`mlreport: ${message}\n`));
    process.exitCode = 2;
  },
);
