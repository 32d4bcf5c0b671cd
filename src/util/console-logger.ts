import type { Logger } from './log';
import { redact } from './redact';
import { inertCommands } from './workflow-commands';

/**
 * The CLI's logger: everything on stderr, so stdout stays clean for --json and --md output. Messages already
 * name their file; the `where` argument only matters for the action's annotations. Every line is redacted, and
 * in a workflow step (where the runner reads stderr for workflow commands) kept from acting as a command.
 */
export function consoleLogger(quiet = false): Logger {
  const write = (text: string): void => {
    process.stderr.write(`${safeText(text)}\n`);
  };
  return {
    info: (message) => {
      if (!quiet) write(message);
    },
    warning: (message) => write(`warning: ${message}`),
    error: (message) => write(`error: ${message}`),
    group: async (title, fn) => {
      if (!quiet) write(`── ${title}`);
      return fn();
    },
  };
}

/** A command's human-readable result on stdout (a table, the report), made safe as log lines are. */
export function writeResult(text: string): void {
  process.stdout.write(safeText(text));
}

/** A command's own error lines on stderr (they quote project files), made safe as log lines are. */
export function writeError(text: string): void {
  process.stderr.write(safeText(text));
}

function safeText(text: string): string {
  const clean = redact(text);
  return process.env.GITHUB_ACTIONS === 'true' ? inertCommands(clean) : clean;
}
