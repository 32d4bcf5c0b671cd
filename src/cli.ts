#!/usr/bin/env node
import module from 'node:module';
import { COMMANDS, findCommand, VALUES_RUNNERS } from './commands/index';
import { tuneTieringForShortRuns } from './util/v8-tiering';
import { VERSION } from './version';

/**
 * The `mlreport` command: argv → the matching subcommand → exit code. Help and the version are answered from the
 * commands' table alone; the commands' code (./commands/run-command.ts, most of the CLI) is read only to run one,
 * and `metrics diff` and `params diff` read only their own (./commands/run-values-command.ts).
 */
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
  const rest = command ? argv.slice(command.path.length) : [];
  if (command && (rest.includes('--help') || rest.includes('-h'))) {
    process.stdout.write(`usage: ${command.usage}\n`);
    return 0;
  }
  // V8's compiled code for the command's bundle, kept on disk by Node (≥ 22.1) between runs: a CLI is run again and
  // again, and compiling a megabyte of JavaScript is most of its start-up. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const values = command && (VALUES_RUNNERS as readonly string[]).includes(command.runner);
  const { runCommand } = values ? await import('./commands/run-values-command') : await import('./commands/run-command');
  // Once the command's code and the parts of Node it uses are loaded: V8 stamps compiled code with the flags it was
  // made under and takes none made under others, so flags set before would have Node's own modules compiled from
  // source (Node ships them compiled, under its default flags) and the compile cache of the commands rejected by any
  // process that loads them without setting them.
  tuneTieringForShortRuns();
  return runCommand(argv);
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
// far, as git does, not with Node's unhandled 'error' and its stack trace. (A system error's words: no secret.)
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`mlreport: cannot write the output: ${error.message}\n`);
  process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
});
process.exitCode = await main(process.argv.slice(2));
