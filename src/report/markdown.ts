import { code, escapeCell, escapeCellKeepingCode } from './escape';
import { dataChangesSection } from './data-section';
import { metricDirections } from './directions';
import { RELATIVE_IMAGES, type ImageResolver } from './images';
import { plotsMarkdown } from './plots-markdown';
import { pipelineSection } from './pipeline-section';
import { gatesSection } from './gates-section';
import type { ReportData } from './types';
import { trendsSection } from './trends-section';
import { valuesSection } from './values-section';
import { causesSection } from './causes-section';

/** The marker that identifies our report (publishers use it to find and update their comment). */
export const REPORT_MARKER = '<!-- mlreport -->';

/** How one target wants the report drawn. */
export interface RenderOptions {
  images: ImageResolver;
  /** Lines before the report (a comment's own marker). */
  header?: string;
  /** Lines after the report (why the plot images are not inline). */
  footer?: string;
  /**
   * The commit the target reports on, named beside the head's label: a comment that outlives its run (a later push
   * that stopped before posting) still says which commit its verdict is about. A PR's head, not the merge commit.
   */
  headSha?: string;
}

/** report.md: images linked relative to the report's folder. */
export const REPORT_FILE: RenderOptions = { images: RELATIVE_IMAGES };

/** Composes the report markdown: the verdict and counts, gates (when there are rules), pipeline, metrics, trends, params, plots, then notes. Pure. */
export function composeMarkdown(report: ReportData, options: RenderOptions = REPORT_FILE): string {
  const parts: string[] = [...top(report, options), ''];
  if (report.gates) parts.push(gatesSection(report.gates), '');
  if (report.pipeline) parts.push('### Pipeline', '', pipelineSection(report.pipeline), '');
  const labels = { base: report.base?.label ?? null, head: report.head.label };
  const direction = metricDirections(report);
  parts.push('### Metrics', '', valuesSection('metrics', report.metrics, labels, { direction }), '');
  const causes = causesSection(report.metrics, { base: report.base?.label, head: report.head.label });
  if (causes) parts.push(causes, '');
  const trends = trendsSection(report, options.images);
  if (trends) parts.push(trends, '');
  parts.push('### Params', '', valuesSection('params', report.params, labels), '');
  if (report.data) parts.push('### Data changes', '', dataChangesSection(report.data), '');
  if (report.plots.length) parts.push('### Plots', '', plotsMarkdown(report.plots, options.images), '');
  if (report.warnings.length) {
    // Notes are our own sentences (they may quote names from files in backticks, shown as code).
    parts.push('### Notes', '');
    for (const w of report.warnings) parts.push(`- ${escapeCellKeepingCode(w)}`);
    parts.push('');
  }
  if (options.footer) parts.push(options.footer, '');
  return parts.join('\n');
}

/**
 * What every rendering starts with (fit.ts keeps it whole): the target's header and our marker, the verdict as the
 * title, the counts and revisions under it (and why the base is a fallback, if it is), then what makes the numbers
 * below suspect — project files that do not parse, stages left out of date.
 */
export function top(report: ReportData, options: RenderOptions): string[] {
  const base = report.base
    ? `${code(report.base.label)}${report.base.sha && report.base.sha.slice(0, 7) !== report.base.label ? ` (${report.base.sha.slice(0, 7)})` : ''}`
    : report.baseUnread
      ? 'a base that could not be read'
      : 'no base';
  const lines = [...(options.header ? [options.header] : []), REPORT_MARKER, `## ${escapeCell(report.verdict.line)}`, ''];
  const sha = options.headSha?.slice(0, 7);
  const head = `${code(report.head.label)}${sha && sha !== report.head.label ? ` (${sha})` : ''}`;
  lines.push(`**mlreport** · ${head} vs ${base} · ${report.verdict.counts}`);
  // A base other than the one the event named changes what the numbers below are compared with: said beside it.
  if (report.base && report.baseFallback)
    lines.push('', '> [!NOTE]', `> Compared with ${base} because ${escapeCell(report.baseFallback).replace(/\.?$/, '.')}`);
  if (report.projectErrors?.length) {
    lines.push('', '### ❌ Project files that do not parse', '');
    for (const e of report.projectErrors) lines.push(`- ${escapeCell(e)}`);
  }
  if (report.stale.length) {
    const n = report.stale.length;
    // Stale after a reproduction: stages that failed or did not run (src/run.ts stagesNotRun); without one, out of date.
    const what = report.pipeline
      ? `${n === 1 ? 'A stage' : `${n} stages`} of the pipeline did not complete in this run, so the values below from ${n === 1 ? 'its outputs' : 'their outputs'} are from the last run, not from this change.`
      : `${n === 1 ? 'A stage is' : `${n} stages are`} out of date: the pipeline was not reproduced, so the values below are from the last run, not from this change.`;
    lines.push('', '> [!WARNING]', `> ${what}`);
    // Reasons are mlreport's own words, quoting names in backticks (`deadline-minutes`), as the Pipeline table shows them.
    for (const s of report.stale) lines.push(`> - ${code(s.stage)}: ${escapeCellKeepingCode(s.reasons.join('; '))}`);
  }
  return lines;
}
