import type { FileDiff } from '../values/types';
import { escapeCell } from './escape';
import { plotsMarkdown } from './plots-markdown';
import { pipelineSection } from './pipeline-section';
import { gatesSection } from './gates-section';
import type { ReportData } from './types';
import { valuesSection } from './values-section';

/** The marker that identifies our report (publishers use it to find and update their comment). */
export const REPORT_MARKER = '<!-- mlreport -->';

/** Composes the report markdown: gates (when there are rules), headline, metrics, params, then notes. Pure. */
export function composeMarkdown(report: ReportData): string {
  const base = report.base ? `\`${escapeCell(report.base.label)}\`` : 'no base';
  const head = `\`${escapeCell(report.head.label)}\``;
  const parts: string[] = [REPORT_MARKER, `## mlreport: ${head} vs ${base}`, ''];
  if (report.projectErrors?.length) {
    parts.push('### ❌ Project files that do not parse', '', ...report.projectErrors.map((e) => `- ${escapeCell(e)}`), '');
  }
  if (report.gates) parts.push(gatesSection(report.gates), '');
  parts.push(headline(report), '');
  if (report.pipeline) parts.push('### Pipeline', '', pipelineSection(report.pipeline), '');
  const labels = { base: report.base?.label ?? null, head: report.head.label };
  // Threshold rules say which way is better; the section falls back to the metric's name.
  const direction = (file: string, key: string) => report.gates?.directions.find((d) => d.file === file && d.key === key)?.better;
  parts.push('### Metrics', '', valuesSection('metrics', report.metrics, labels, { direction }), '');
  parts.push('### Params', '', valuesSection('params', report.params, labels), '');
  if (report.plots.length) parts.push('### Plots', '', plotsMarkdown(report.plots), '');
  if (report.warnings.length) {
    parts.push('### Notes', '', ...report.warnings.map((w) => `- ${escapeCell(w)}`), '');
  }
  return parts.join('\n');
}

/** The one-line summary under the title (exported for fit.ts, which rebuilds a long report's top). */
export function headline(report: ReportData): string {
  const changedMetrics = countChanged(report.metrics);
  const changedParams = countChanged(report.params);
  if (!report.base) return "No base revision to compare with: values below are the head's alone.";
  return `${changedMetrics} metric${changedMetrics === 1 ? '' : 's'} and ${changedParams} param${changedParams === 1 ? '' : 's'} changed.`;
}

function countChanged(files: FileDiff[]): number {
  return files.reduce((n, f) => n + f.rows.filter((r) => r.changed).length, 0);
}
