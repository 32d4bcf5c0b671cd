import * as core from '@actions/core';
import type { Logger } from './log';
import { redact } from './redact';
import { inertCommands } from './workflow-commands';

/**
 * Logs through workflow commands, so warnings and errors become annotations on the file and line. Every message
 * is redacted; info lines, printed as they are, are kept from acting as workflow commands (warning, error and
 * group titles are command data, which @actions/core escapes).
 */
export const actionLogger: Logger = {
  info: (message) => core.info(inertCommands(redact(message))),
  warning: (message, where) => core.warning(redact(message), where ? { file: where.file, startLine: where.line } : undefined),
  error: (message, where) => core.error(redact(message), where ? { file: where.file, startLine: where.line } : undefined),
  group: (title, fn) => core.group(redact(title), fn),
};
