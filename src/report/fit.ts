import type { FileDiff } from '../values/types';
import { escapeCell } from './escape';
import { formatChange, formatLeaf } from './format';
import { gatesSection } from './gates-section';
import { headline } from './markdown';
import type { ReportData } from './types';

/** GitHub rejects issue, PR and commit comment bodies longer than this (422 "Body is too long"). */
export const COMMENT_LIMIT = 65_536;

export interface FitOptions {
  limit?: number;
  /** Where the whole report can be read (the run's job summary); null when unknown. */
  fullReportUrl: string | null;
}

/**
 * Makes a report fit in one comment. A report within the limit is returned unchanged. A longer one keeps
 * what a reviewer needs first — the title and headline, the gates, every changed value — folds the unchanged
 * values into a <details> block as far as they fit, and links the full report. Without the report's data
 * (publish mode trusts only the text), the text is cut at a line boundary. Pure; never throws for length.
 */
export function fitReport(markdown: string, data: ReportData | null, options: FitOptions): { body: string; folded: boolean } {
  const limit = options.limit ?? COMMENT_LIMIT;
  if (markdown.length <= limit) return { body: markdown, folded: false };
  const where = options.fullReportUrl ? `[the job summary](${options.fullReportUrl})` : 'the job summary';
  const note = `> [!NOTE]\n> This report is longer than a comment may be (${limit.toLocaleString('en-US')} characters). The full report is in ${where} and in report.md in the workflow artifact.`;
  const body = data ? compact(markdown, data, note, limit) : cut(markdown, note, limit);
  return { body, folded: true };
}

function compact(markdown: string, data: ReportData, note: string, limit: number): string {
  const lines = markdown.split('\n');
  const titleAt = lines.findIndex((l) => l.startsWith('## '));
  const top = cutLines(lines.slice(0, titleAt + 1).join('\n'), Math.floor(limit / 8));
  const head = [top, ''];
  if (data.gates) head.push(gatesSection(data.gates), '');
  head.push(headline(data), '', note, '');
  const tail: string[] = [];
  const images = lines.filter((l) => /^!\[[^\]]*\]\([^)]+\)\s*$/.test(l));
  // Where no image could be hosted, plots are Mermaid charts: they are the plots too, keep them.
  const charts = markdown.match(/^```mermaid\n[\s\S]*?\n```$/gm) ?? [];
  if (images.length || charts.length) tail.push('### Plots', '', ...images, ...charts.flatMap((c) => [c, '']), '');
  const budget = (): number => limit - [...head, ...tail].join('\n').length - 200;

  for (const [title, files, withChange] of [
    ['Changed metrics', data.metrics, true],
    ['Changed params', data.params, false],
  ] as const) {
    const rows = tableRows(files, data, withChange, (r) => r.changed);
    if (rows.body.length) head.push(`### ${title}`, '', ...boundedTable(rows, budget(), 'changed rows: see the full report'), '');
  }
  const unchanged = [...tableRows(data.metrics, data, true, (r) => !r.changed).body, ...tableRows(data.params, data, false, (r) => !r.changed).body];
  if (unchanged.length) {
    const header = tableRows([], data, true, () => true).header;
    const rows = boundedTable({ header, body: unchanged }, budget() - 100, 'unchanged rows: see the full report');
    head.push('<details><summary>Unchanged values</summary>', '', ...rows, '', '</details>', '');
  }
  const out = [...head, ...tail].join('\n');
  return out.length <= limit ? out : cut(out, note, limit);
}

interface Table {
  header: string[];
  body: string[];
}

function tableRows(files: FileDiff[], data: ReportData, withChange: boolean, keep: (r: FileDiff['rows'][number]) => boolean): Table {
  const cols = ['Path', withChange ? 'Metric' : 'Param', data.base ? escapeCell(data.base.label) : 'base', escapeCell(data.head.label)];
  if (withChange) cols.push('Change');
  const body = files.flatMap((f) =>
    f.rows.filter(keep).map((r) => {
      const cells = [escapeCell(f.path), escapeCell(r.key), escapeCell(formatLeaf(r.old)), escapeCell(formatLeaf(r.new))];
      if (withChange) cells.push(escapeCell(formatChange(r)));
      return `| ${cells.join(' | ')} |`;
    }),
  );
  return { header: [`| ${cols.join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`], body };
}

/** The table's rows while they fit in `budget` characters, then a line saying how many were left out. */
function boundedTable(table: Table, budget: number, what: string): string[] {
  const out = [...table.header];
  let size = out.join('\n').length;
  let shown = 0;
  for (const row of table.body) {
    if (size + row.length + 1 > budget - 80) break;
    out.push(row);
    size += row.length + 1;
    shown++;
  }
  if (shown < table.body.length) out.push('', `_… ${table.body.length - shown} more ${what}._`);
  return shown ? out : [`_${table.body.length} ${what}._`];
}

/** Cuts text at a line boundary to leave room for `note`, closing a code fence or <details> left open. */
function cut(text: string, note: string, limit: number): string {
  let kept = cutLines(text, limit - note.length - 40);
  if ((kept.match(/^```/gm) ?? []).length % 2 === 1) kept += '\n```';
  const opened = (kept.match(/<details>/g) ?? []).length - (kept.match(/<\/details>/g) ?? []).length;
  kept += '\n</details>'.repeat(Math.max(opened, 0));
  return `${kept}\n\n${note}\n`;
}

function cutLines(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max);
  const nl = slice.lastIndexOf('\n');
  return nl > 0 ? slice.slice(0, nl) : slice;
}
