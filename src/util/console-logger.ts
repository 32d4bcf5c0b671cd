import type { Logger } from './log';
import { redact } from './redact';
import { inertCommands } from './workflow-commands';

/**
 * The CLI's logger: everything on stderr, so stdout stays clean for --json and --md output. Messages already
 * name their file; the `where` argument only matters for the action's annotations. Every line is redacted, and
 * in a workflow step (where the runner reads stderr for workflow commands) kept from acting as a command.
 */
export function consoleLogger(quiet = false): Logger {
  const inWorkflow = process.env.GITHUB_ACTIONS === 'true';
  const write = (text: string): void => {
    const clean = redact(text);
    process.stderr.write(`${inWorkflow ? inertCommands(clean) : clean}\n`);
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
