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

/**
 * Like escapeCell, for our own messages that quote names in backticks: each quoted name is shown as
 * `<code>` with its text escaped, so a name from a file still cannot inject markdown or HTML.
 */
export function escapeCellKeepingCode(text: string): string {
  return text
    .split(/(`[^`\n]*`)/)
    .map((part) => (part.length > 1 && part.startsWith('`') && part.endsWith('`') ? `<code>${escapeCell(part.slice(1, -1))}</code>` : escapeCell(part)))
    .join('');
}
