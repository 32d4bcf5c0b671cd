import type { FileDiff } from '../values/types';
import { code, escapeCell } from './escape';
import { RELATIVE_IMAGES, type ImageResolver } from './images';
import { plotsMarkdown } from './plots-markdown';
import { pipelineSection } from './pipeline-section';
import { gatesSection } from './gates-section';
import type { ReportData } from './types';
import { valuesSection } from './values-section';

/** The marker that identifies our report (publishers use it to find and update their comment). */
export const REPORT_MARKER = '<!-- mlreport -->';

/** How one target wants the report drawn. */
export interface RenderOptions {
  images: ImageResolver;
  /** Lines before the report (a comment's own marker). */
  header?: string;
  /** Lines after the report (why the plot images are not inline). */
  footer?: string;
}

/** report.md: images linked relative to the report's folder. */
export const REPORT_FILE: RenderOptions = { images: RELATIVE_IMAGES };

/** Composes the report markdown: gates (when there are rules), headline, metrics, params, plots, then notes. Pure. */
export function composeMarkdown(report: ReportData, options: RenderOptions = REPORT_FILE): string {
  const parts: string[] = [...top(report, options), ''];
  if (report.gates) parts.push(gatesSection(report.gates), '');
  parts.push(headline(report), '');
  if (report.pipeline) parts.push('### Pipeline', '', pipelineSection(report.pipeline), '');
  const labels = { base: report.base?.label ?? null, head: report.head.label };
  // Threshold rules say which way is better; the section falls back to the metric's name.
  const direction = (file: string, key: string) => report.gates?.directions.find((d) => d.file === file && d.key === key)?.better;
  parts.push('### Metrics', '', valuesSection('metrics', report.metrics, labels, { direction }), '');
  parts.push('### Params', '', valuesSection('params', report.params, labels), '');
  if (report.plots.length) parts.push('### Plots', '', plotsMarkdown(report.plots, options.images), '');
  if (report.warnings.length) {
    parts.push('### Notes', '');
    for (const w of report.warnings) parts.push(`- ${escapeCell(w)}`);
    parts.push('');
  }
  if (options.footer) parts.push(options.footer, '');
  return parts.join('\n');
}

/** The target's header, our marker and the title: what every rendering starts with (fit.ts keeps it too). */
export function top(report: ReportData, options: RenderOptions): string[] {
  const base = report.base ? code(report.base.label) : 'no base';
  const head = code(report.head.label);
  const title = [...(options.header ? [options.header] : []), REPORT_MARKER, `## mlreport: ${head} vs ${base}`];
  // A project file that does not parse makes every table below suspect: it is the first thing the report says.
  if (!report.projectErrors?.length) return title;
  return [...title, '', '### ❌ Project files that do not parse', '', ...report.projectErrors.map((e) => `- ${escapeCell(e)}`)];
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
