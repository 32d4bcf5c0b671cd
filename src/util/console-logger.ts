import type { Logger } from './log';

/** The CLI's logger: everything on stderr, so stdout stays clean for --json and --md output. */
export function consoleLogger(quiet = false): Logger {
  const where = (w?: { file?: string; line?: number }): string => (w?.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : '');
  return {
    info: (message) => {
      if (!quiet) process.stderr.write(`${message}\n`);
    },
    warning: (message, w) => process.stderr.write(`warning: ${where(w)}${message}\n`),
    error: (message, w) => process.stderr.write(`error: ${where(w)}${message}\n`),
    group: async (title, fn) => {
      if (!quiet) process.stderr.write(`── ${title}\n`);
      return fn();
    },
  };
}
