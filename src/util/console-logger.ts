import type { Logger } from './log';

/**
 * The CLI's logger: everything on stderr, so stdout stays clean for --json and --md output. Messages already
 * name their file; the `where` argument only matters for the action's annotations.
 */
export function consoleLogger(quiet = false): Logger {
  return {
    info: (message) => {
      if (!quiet) process.stderr.write(`${message}\n`);
    },
    warning: (message) => process.stderr.write(`warning: ${message}\n`),
    error: (message) => process.stderr.write(`error: ${message}\n`),
    group: async (title, fn) => {
      if (!quiet) process.stderr.write(`── ${title}\n`);
      return fn();
    },
  };
}
