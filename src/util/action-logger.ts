import * as core from '@actions/core';
import type { Logger } from './log';

/** Logs through workflow commands, so warnings and errors become annotations on the file and line. */
export const actionLogger: Logger = {
  info: (message) => core.info(inert(message)),
  warning: (message, where) => core.warning(message, where ? { file: where.file, startLine: where.line } : undefined),
  error: (message, where) => core.error(message, where ? { file: where.file, startLine: where.line } : undefined),
  group: (title, fn) => core.group(title, fn),
};

/**
 * Information is written to stdout as it is, and the runner reads any line starting with `::` as a command
 * (`::set-output`, `::add-mask::`, `::error`): text from files must not start one. A zero-width space after the first
 * colon keeps the line readable and inert. (Warnings and errors are command data already: one escaped line.)
 */
function inert(message: string): string {
  return message.replace(/^(\s*):(?=:)/gm, '$1:\u200b');
}
