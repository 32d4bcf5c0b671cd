import * as core from '@actions/core';
import type { Logger } from './log';

/** Logs through workflow commands, so warnings and errors become annotations on the file and line. */
export const actionLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message, where) => core.warning(message, where ? { file: where.file, startLine: where.line } : undefined),
  error: (message, where) => core.error(message, where ? { file: where.file, startLine: where.line } : undefined),
  group: (title, fn) => core.group(title, fn),
};
