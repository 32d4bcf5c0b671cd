import type { FileDiff } from '../values/types';

/**
 * report.json: the machine-readable report (schema documented in docs/report-schema.md). Sections a run
 * did not produce are empty lists or null, never absent, so consumers need no guesswork.
 */
export interface ReportData {
  schemaVersion: 1;
  tool: { name: 'mlreport'; version: string };
  base: RevisionInfo | null;
  head: RevisionInfo;
  params: FileDiff[];
  metrics: FileDiff[];
  plots: PlotEntry[];
  gates: GateSummary | null;
  pipeline: PipelineSummary | null;
  warnings: string[];
}

export interface RevisionInfo {
  /** null for the head when it is the (possibly uncommitted) workspace. */
  sha: string | null;
  label: string;
}

export interface PlotEntry {
  id: string;
  title: string;
  /** The rendered image, relative to the report's directory; null when rendering failed. */
  image: string | null;
  error?: string;
  /** The plot's key series, downsampled; lets a comment draw it as a Mermaid chart where no PNG can be hosted. */
  series?: PlotSeries;
}

/** Lines sharing one x-axis (e.g. loss per epoch for base and head). */
export interface PlotSeries {
  x: (number | string)[];
  lines: { name: string; y: (number | null)[] }[];
  xLabel?: string;
  yLabel?: string;
}

export interface GateSummary {
  passed: boolean;
  rules: { rule: string; level: 'fail' | 'warn'; passed: boolean; detail: string }[];
}

export interface PipelineSummary {
  stages: { name: string; status: 'ran' | 'skipped' | 'failed' | 'not-run'; seconds: number; log?: string }[];
}
