import type { FileDiff } from '../values/types';
import { escapeCell } from './escape';
import { formatChange, formatLeaf } from './format';
import { plotsMarkdown } from './plots-markdown';
import { pipelineSection } from './pipeline-section';
import { gatesSection } from './gates-section';
import type { ReportData } from './types';

/** The marker that identifies our report (publishers use it to find and update their comment). */
export const REPORT_MARKER = '<!-- mlreport -->';

/** Composes the report markdown: gates (when there are rules), headline, metrics, params, then notes. Pure. */
export function composeMarkdown(report: ReportData): string {
  const base = report.base ? `\`${escapeCell(report.base.label)}\`` : 'no base';
  const head = `\`${escapeCell(report.head.label)}\``;
  const parts: string[] = [REPORT_MARKER, `## mlreport: ${head} vs ${base}`, ''];
  if (report.gates) parts.push(gatesSection(report.gates), '');
  parts.push(headline(report), '');
  if (report.pipeline) parts.push('### Pipeline', '', pipelineSection(report.pipeline), '');
  parts.push('### Metrics', '', valuesTable(report.metrics, report, true), '');
  parts.push('### Params', '', valuesTable(report.params, report, false), '');
  if (report.plots.length) parts.push('### Plots', '', plotsMarkdown(report.plots), '');
  if (report.warnings.length) {
    parts.push('### Notes', '', ...report.warnings.map((w) => `- ${escapeCell(w)}`), '');
  }
  return parts.join('\n');
}

function headline(report: ReportData): string {
  const changedMetrics = countChanged(report.metrics);
  const changedParams = countChanged(report.params);
  if (!report.base) return 'No base revision to compare with: values below are the head\'s alone.';
  return `${changedMetrics} metric${changedMetrics === 1 ? '' : 's'} and ${changedParams} param${changedParams === 1 ? '' : 's'} changed.`;
}

function countChanged(files: FileDiff[]): number {
  return files.reduce((n, f) => n + f.rows.filter((r) => r.changed).length, 0);
}

function valuesTable(files: FileDiff[], report: ReportData, withChange: boolean): string {
  const rows = files.flatMap((f) => f.rows.map((r) => ({ file: f.path, ...r })));
  const notes = files.flatMap((f) => f.notes.map((n) => `- \`${escapeCell(f.path)}\`: ${escapeCell(n)}`));
  if (!rows.length) return ['_No values found._', ...notes].join('\n');
  const header = ['Path', withChange ? 'Metric' : 'Param', report.base ? escapeCell(report.base.label) : 'base', escapeCell(report.head.label)];
  if (withChange) header.push('Change');
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const cells = [escapeCell(r.file), escapeCell(r.key), escapeCell(formatLeaf(r.old)), escapeCell(formatLeaf(r.new))];
    if (withChange) cells.push(escapeCell(formatChange(r.diff, r.old)));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return [...lines, ...(notes.length ? ['', ...notes] : [])].join('\n');
}
