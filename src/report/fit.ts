import type { FileDiff } from '../values/types';
import { causesSection } from './causes-section';
import { metricDirections } from './directions';
import { dataChangesSection } from './data-section';
import { escapeCell } from './escape';
import { gatesSection } from './gates-section';
import { composeMarkdown, top, type RenderOptions } from './markdown';
import type { ImageResolver } from './images';
import { baseImageLine, plotImage, plotNotes } from './plots-markdown';
import { trendsSection } from './trends-section';
import type { PlotEntry, ReportData } from './types';
import { valueTable } from './values-section';

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
  /** Where the full report is, or how to say it from the whole report's text (what is whole elsewhere depends on its size). */
  fullReport?: string | ((whole: string) => string);
}

/**
 * The report as one target draws it, within the target's size limit. A report within the limit is drawn whole.
 * A longer one keeps what a reviewer needs first — the title and headline, the gates, every changed value, the
 * trends and plots the target can show — folds the unchanged values into a <details> block as far as they fit, and links the
 * full report. Pure; never throws for length.
 */
export function fitReport(report: ReportData, render: RenderOptions, options: FitOptions): { body: string; folded: boolean } {
  const limit = options.limit ?? COMMENT_LIMIT;
  const measure = options.measure ?? ((text: string) => text.length);
  const whole = composeMarkdown(report, render);
  if (measure(whole) <= limit) return { body: whole, folded: false };
  const where =
    typeof options.fullReport === 'function'
      ? options.fullReport(whole)
      : (options.fullReport ?? fullReportIn(options.fullReportUrl, 'the workflow artifact', true));
  const unit = options.measure ? 'bytes' : 'characters';
  const note = `> [!NOTE]\n> This report is longer than ${options.what ?? 'a comment'} may be (${limit.toLocaleString('en-US')} ${unit}). The full report is in ${where}.`;
  return { body: compact(report, render, note, limit, measure), folded: true };
}

/** The job summary, linked when the run's page is known. */
export function jobSummaryLink(runUrl: string | null): string {
  return runUrl ? `[the job summary](${runUrl})` : 'the job summary';
}

/**
 * Where a folded text sends the reader for the whole report: the job summary and report.md in `where`; report.md alone
 * when the report is too long for the job summary too (`summaryWhole` false), which then holds a folded report.
 */
export function fullReportIn(runUrl: string | null, where: string, summaryWhole: boolean): string {
  return summaryWhole ? `${jobSummaryLink(runUrl)} and in report.md in ${where}` : `report.md in ${where} (the job summary is cut too)`;
}

/** Plots a folded report names when their charts do not fit. */
const MAX_NAMED_PLOTS = 20;

/** A whole piece of the folded report (a title, a table, a `<details>` block, the charts); `keep`: never dropped. */
interface Block {
  text: string;
  keep?: boolean;
}

function compact(data: ReportData, render: RenderOptions, note: string, limit: number, measure: (text: string) => number): string {
  const gates: Block | null = data.gates ? { text: gatesSection(data.gates), keep: true } : null;
  const head: Block[] = [{ text: cutLines(top(data, render).join('\n'), Math.floor(limit / 8)), keep: true }, ...(gates ? [gates] : [])];
  head.push({ text: note, keep: true });
  const tail: Block[] = [];
  const trends = trendsSection(data, render.images);
  if (trends) tail.push({ text: trends });
  // The plots the target can show (hosted images, or Mermaid charts where none could be hosted) stay, as many as fit
  // in half the room at first (a chart is a few thousand characters), then in whatever room the changed values leave;
  // the others are named, not all lost with the block. A plot shown neither way is named with the reason.
  const plotTexts = data.plots.map((p) => ({ title: escapeCell(p.title || p.id), text: plotInFold(p, render.images) }));
  const plots: Block = { text: '' };
  const drawPlots = (room: number): { left: number; used: number } => {
    const section = plotsSection(plotTexts, room, measure);
    plots.text = section.text;
    return section;
  };
  const plotsLeft = drawPlots(limit / 2).left;
  if (plots.text) tail.push(plots);
  if (render.footer) tail.push({ text: render.footer, keep: true });
  const join = (blocks: Block[]): string => `${blocks.map((b) => b.text).join('\n\n')}\n`;
  const budget = (): number => limit - measure(join([...head, ...tail])) - 200;

  // The changed params (often the one cause of the whole change) and the lines saying why the metrics changed are
  // set aside first, each within a share of the room, so a thousand changed metrics cannot crowd them out; the
  // changed metrics get the rest.
  const changed = (kind: 'metrics' | 'params', room: number): Block | null => {
    const rows = tableRows(data, kind, (r) => r.changed);
    if (!rows.body.length) return null;
    const title = kind === 'metrics' ? 'Changed metrics' : 'Changed params';
    return { text: [`### ${title}`, '', ...boundedTable(rows, room, ['changed row', 'changed rows'], measure)].join('\n') };
  };
  const params = changed('params', Math.floor(budget() / 4));
  const whyText = causesSection(data.metrics, { base: data.base?.label, head: data.head.label });
  const why: Block | null = whyText && measure(whyText) < budget() / 4 ? { text: whyText } : null;
  const reserved = (params ? measure(params.text) + 2 : 0) + (why ? measure(why.text) + 2 : 0);
  const metrics = changed('metrics', budget() - reserved);
  if (metrics) head.push(metrics);
  if (params) head.push(params);
  // Data changes (at most 200 rows already) when they fit; dropped before the changed values otherwise.
  if (data.data) {
    const section = ['### Data changes', '', dataChangesSection(data.data)].join('\n');
    if (measure(section) < budget() - (why ? measure(why.text) + 2 : 0)) head.push({ text: section });
  }
  // Why the metrics changed comes before the unchanged rows, and is dropped before the changed ones.
  if (why) head.push(why);
  // What the changed values did not need goes to the plots left out, before the unchanged rows get any.
  if (plotsLeft && budget() > 0) {
    const before = plots.text;
    // The names of the plots left out change with them: take the room back by what it overshot, a few times at most.
    let room = measure(before) + budget();
    for (let i = 0; i < 4; i++) {
      const { used } = drawPlots(room);
      if (budget() >= 0) break;
      room = used + budget();
    }
    if (budget() < 0) plots.text = before;
  }
  for (const kind of ['metrics', 'params'] as const) {
    const rows = tableRows(data, kind, (r) => !r.changed);
    if (!rows.body.length) continue;
    const shown = boundedTable(rows, budget() - 100, [`unchanged ${kind.slice(0, -1)}`, `unchanged ${kind}`], measure);
    head.push({ text: [`<details><summary>Unchanged ${kind}</summary>`, '', ...shown, '', '</details>'].join('\n') });
  }
  // Still too long (a huge gates table, long names): drop whole blocks from the end, then shorten the gates table
  // by rows, so nothing is ever left open.
  const blocks = [...head, ...tail];
  for (let i = blocks.length - 1; i >= 0 && measure(join(blocks)) > limit; i--) if (!blocks[i]!.keep) blocks.splice(i, 1);
  const excess = (): number => measure(join(blocks)) - limit;
  if (gates) while (excess() > 0 && gates.text.includes('\n')) gates.text = cutLines(gates.text, gates.text.length - Math.max(1, excess()));
  return join(blocks);
}

/**
 * A plot as a folded text shows it: its image or chart, else its name with why neither is shown; then, as the full
 * report has them, its base image (an image plot's, which is not overlaid) and its notes (`no image at the head:
 * showing main's` says whose image that is).
 */
function plotInFold(plot: PlotEntry, images: ImageResolver): string {
  const head = plot.image
    ? plotImage(plot, plot.image, images)
    : `_${escapeCell(plot.title)}: could not be drawn${plot.error ? `: ${escapeCell(plot.error)}` : ''}._`;
  return [head, baseImageLine(plot, images), plotNotes(plot.notes)].filter(Boolean).join('\n\n');
}

/** The plots' section: each plot's text while they fit in `room` (`used` of it), then the names of those left out (`left`: how many). */
function plotsSection(plots: { title: string; text: string }[], room: number, measure: (text: string) => number): { text: string; left: number; used: number } {
  const shown: string[] = [];
  const left: string[] = [];
  let used = 0;
  for (const p of plots) {
    const size = measure(p.text) + 2;
    if (used + size > room) {
      left.push(p.title);
      continue;
    }
    shown.push(p.text);
    used += size;
  }
  if (left.length) {
    const names = left.length > MAX_NAMED_PLOTS ? `${left.slice(0, MAX_NAMED_PLOTS).join(', ')} and ${left.length - MAX_NAMED_PLOTS} others` : left.join(', ');
    shown.push(`_${left.length} more plot${left.length === 1 ? '' : 's'} in the full report: ${names}._`);
  }
  return { text: shown.length ? ['### Plots', ...shown].join('\n\n') : '', left: left.length, used };
}

interface Table {
  header: string[];
  body: string[];
}

/** The rows `keep` picks, drawn as the full report draws them. */
function tableRows(data: ReportData, kind: 'metrics' | 'params', keep: (r: FileDiff['rows'][number]) => boolean): Table {
  const table = valueTable(kind, { base: data.base?.label ?? null, head: data.head.label }, kind === 'metrics' ? metricDirections(data) : null);
  const body = data[kind].flatMap((f) => f.rows.filter(keep).map((r) => table.row(f.path, r)));
  return { header: table.header, body };
}

/** The table's rows while they fit in `budget` characters, then a line saying how many (`noun`: one, many) were left out. */
function boundedTable(table: Table, budget: number, noun: [string, string], measure: (text: string) => number): string[] {
  const what = (n: number): string => `${n} ${n === 1 ? noun[0] : noun[1]}: see the full report`;
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
  if (shown < table.body.length) out.push('', `_… ${what(table.body.length - shown).replace(/^(\d+)/, '$1 more')}._`);
  return shown ? out : [`_${what(table.body.length)}._`];
}

function cutLines(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max);
  const nl = slice.lastIndexOf('\n');
  return nl > 0 ? slice.slice(0, nl) : slice;
}
