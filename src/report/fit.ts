import type { FileDiff } from '../values/types';
import { escapeCell } from './escape';
import { formatChange, formatLeaf } from './format';
import { gatesSection } from './gates-section';
import { composeMarkdown, headline, top, type RenderOptions } from './markdown';
import { mermaidChart } from './mermaid';
import type { ReportData } from './types';

/** GitHub rejects issue, PR and commit comment bodies longer than this (422 "Body is too long"). */
export const COMMENT_LIMIT = 65_536;

export interface FitOptions {
  limit?: number;
  /** How the target counts its limit: characters (comments, check runs) or UTF-8 bytes (the job summary). */
  measure?: (text: string) => number;
  /** Where the whole report can be read (the run's job summary); null when unknown. */
  fullReportUrl: string | null;
  /** What the limit is of, and where else the full report is, for the note (a comment's by default). */
  what?: string;
  fullReport?: string;
}

/**
 * The report as one target draws it, within the target's size limit. A report within the limit is drawn whole.
 * A longer one keeps what a reviewer needs first — the title and headline, the gates, every changed value, the
 * plots the target can show — folds the unchanged values into a <details> block as far as they fit, and links the
 * full report. Pure; never throws for length.
 */
export function fitReport(report: ReportData, render: RenderOptions, options: FitOptions): { body: string; folded: boolean } {
  const limit = options.limit ?? COMMENT_LIMIT;
  const measure = options.measure ?? ((text: string) => text.length);
  const whole = composeMarkdown(report, render);
  if (measure(whole) <= limit) return { body: whole, folded: false };
  const summary = options.fullReportUrl ? `[the job summary](${options.fullReportUrl})` : 'the job summary';
  const where = options.fullReport ?? `${summary} and in report.md in the workflow artifact`;
  const unit = options.measure ? 'bytes' : 'characters';
  const note = `> [!NOTE]\n> This report is longer than ${options.what ?? 'a comment'} may be (${limit.toLocaleString('en-US')} ${unit}). The full report is in ${where}.`;
  return { body: compact(report, render, note, limit, measure), folded: true };
}

function compact(data: ReportData, render: RenderOptions, note: string, limit: number, measure: (text: string) => number): string {
  const head = [cutLines(top(data, render).join('\n'), Math.floor(limit / 8)), ''];
  if (data.gates) head.push(gatesSection(data.gates), '');
  head.push(headline(data), '', note, '');
  const tail: string[] = [];
  // The plots the target can show (hosted images, or Mermaid charts where none could be hosted) stay.
  const shown = data.plots.flatMap((p) => {
    const url = p.image ? render.images.url(p.image) : null;
    const chart = !url && render.images.charts ? mermaidChart(p) : null;
    return url ? [`![${escapeCell(p.title)}](${url})`] : chart ? [chart] : [];
  });
  if (shown.length) tail.push('### Plots', '', ...shown.flatMap((line) => [line, '']));
  if (render.footer) tail.push(render.footer, '');
  const budget = (): number => limit - measure([...head, ...tail].join('\n')) - 200;

  for (const [title, files, withChange] of [
    ['Changed metrics', data.metrics, true],
    ['Changed params', data.params, false],
  ] as const) {
    const rows = tableRows(files, data, withChange, (r) => r.changed);
    if (rows.body.length) head.push(`### ${title}`, '', ...boundedTable(rows, budget(), 'changed rows: see the full report', measure), '');
  }
  const unchanged = [...tableRows(data.metrics, data, true, (r) => !r.changed).body, ...tableRows(data.params, data, false, (r) => !r.changed).body];
  if (unchanged.length) {
    const header = tableRows([], data, true, () => true).header;
    const rows = boundedTable({ header, body: unchanged }, budget() - 100, 'unchanged rows: see the full report', measure);
    head.push('<details><summary>Unchanged values</summary>', '', ...rows, '', '</details>', '');
  }
  const out = [...head, ...tail].join('\n');
  return measure(out) <= limit ? out : cut(out, note, limit, measure);
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
function boundedTable(table: Table, budget: number, what: string, measure: (text: string) => number): string[] {
  const out = [...table.header];
  let size = measure(out.join('\n'));
  let shown = 0;
  for (const row of table.body) {
    const length = measure(row) + 1;
    if (size + length > budget - 80) break;
    out.push(row);
    size += length;
    shown++;
  }
  if (shown < table.body.length) out.push('', `_… ${table.body.length - shown} more ${what}._`);
  return shown ? out : [`_${table.body.length} ${what}._`];
}

/** Cuts text at a line boundary to leave room for `note`, closing a code fence or <details> left open. */
function cut(text: string, note: string, limit: number, measure: (text: string) => number): string {
  // Characters never measure less than they count, so cutting to the measured excess always ends.
  let kept = text;
  while (measure(kept) > limit - measure(note) - 40) kept = cutLines(kept, kept.length - Math.max(1, measure(kept) - (limit - measure(note) - 40)));
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
