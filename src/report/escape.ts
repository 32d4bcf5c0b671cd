/**
 * Makes text from files safe inside a markdown table cell: no HTML, no table breaks, no code spans,
 * and no @mentions (a zero-width joiner keeps `@name` from pinging anyone).
 */
export function escapeCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/`/g, '\\`')
    .replace(/\*/g, '\\*')
    .replace(/_/g, '\\_')
    .replace(/\[/g, '\\[')
    .replace(/\]/g, '\\]')
    .replace(/@(?=\w)/g, '@\u200d')
    .replace(/\r?\n/g, ' ');
}
