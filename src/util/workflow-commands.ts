import { nodeCrypto } from './node-crypto';

/**
 * Text that cannot act as a workflow command. The runner reads a line as a command when it starts with `::`
 * (after blanks) or holds `##[`; text from the repository's files or a stage's output could so set outputs,
 * add masks or fake annotations. Such text is printed between `::stop-commands::<token>` and `::<token>::`
 * with a fresh random token, which the text cannot know and so cannot end early.
 */
export function inertCommands(text: string): string {
  if (!/^\s*::|##\[/m.test(text)) return text;
  const token = nodeCrypto().randomUUID();
  // Ends as the text ends, with or without a newline, so callers print it as they would the text.
  const ended = text.endsWith('\n');
  return `::stop-commands::${token}\n${ended ? text : `${text}\n`}::${token}::${ended ? '\n' : ''}`;
}
