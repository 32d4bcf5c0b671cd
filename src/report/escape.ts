/**
 * The one escaping policy for text from files and from a pull request (names, values, notes, plot ids and titles,
 * branch names, stage output) in the markdown the report emits. Whatever the text, it shows as text:
 * - no raw HTML (`<`, `>` and `&` are entities), so no tracking pixel, no `<details>` left open, no comment marker;
 * - no markdown from data: `\` first, then every character that starts emphasis, code, a link or a table cell;
 * - no live links: brackets are escaped and bare URLs (`https://`, `www.`) are broken with a zero-width space;
 * - no notifications: `@name`, `@org/team`, `#123`, `owner/repo#123` and `GH-123` are broken with a zero-width
 *   joiner, which GitHub's mention and reference filters do not match across;
 * - one line: a newline would end a table row, a code span or a paragraph.
 * Code spans (`code`) hold text as it is, so inside them only the line and the span's own fence need care.
 */
export function escapeCell(text: string): string {
  // Most cells (numbers, plain and snake_case names) hold nothing the replacements below look for but `_`: eleven
  // passes saved a cell (9,000 metric_N keys of a `metrics diff --md` took 24 ms through them).
  if (!NEEDS_ESCAPE.test(text)) return text.includes('_') ? text.replace(/_/g, '\\_') : text;
  return text
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[|`*_[\]~]/g, '\\$&')
    .replace(/@(?=\w)/g, '@\u200d')
    .replace(/#(?=\d)/g, '#\u200d')
    .replace(/\bGH-(?=\d)/gi, (m) => `${m.slice(0, 2)}\u200d-`)
    .replace(/([a-z][a-z0-9+.-]*):(?=\/\/)/gi, '$1:\u200b')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200b.`)
    .replace(/\r\n?|\n/g, ' ');
}

/** Every character or word one of escapeCell's replacements starts from, but `_`. */
const NEEDS_ESCAPE = /[\\&<>|`*[\]~@#:\r\n]|gh-|www\./i;

/** Text that needs no padding and holds no backtick or line break. */
const PLAIN_CODE = /^[^`\s](?:[^`\r\n]*[^`\s])?$/;

/**
 * Text as an inline code span: shown as it is, on one line (a blank line would end the span and let the rest be
 * read as markdown), fenced by one backtick more than its longest run of backticks, padded with a space where it
 * starts or ends with a backtick or a space (CommonMark strips one space from each side).
 */
export function code(text: string): string {
  // The usual name (a key, a path): one pair of backticks, nothing to look for (a report may have thousands).
  if (PLAIN_CODE.test(text)) return `\`${text}\``;
  const flat = text.replace(/\r\n?|\n/g, ' ');
  if (flat === '') return '` `';
  const fence = '`'.repeat((flat.match(/`+/g) ?? []).reduce((m, run) => Math.max(m, run.length), 0) + 1);
  const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Like escapeCell, for our own messages that quote names in backticks: each quoted name is shown as
 * `<code>` with its text escaped, so a name from a file still cannot inject markdown or HTML.
 */
export function escapeCellKeepingCode(text: string): string {
  return text
    .split(/(`[^`\n]*`)/)
    .map((part) => (part.length > 1 && part.startsWith('`') && part.endsWith('`') ? htmlCode(part.slice(1, -1)) : escapeCell(part)))
    .join('');
}

/** A name from a file as inline code inside HTML-friendly text (table cells, notes), its text escaped. */
export function htmlCode(text: string): string {
  return `<code>${escapeCell(text)}</code>`;
}
