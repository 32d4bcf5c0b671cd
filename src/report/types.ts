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
}

export interface GateSummary {
  /** false when a failing-level rule broke or a rule could not be checked. */
  passed: boolean;
  rules: GateRuleResult[];
  /** Which way is better per metric, as the rules say (`>=` → higher), for ↑/↓ next to values. */
  directions: { file: string; key: string; better: 'higher' | 'lower' }[];
}

export interface GateRuleResult {
  /** The rule as written, without its level prefix. */
  rule: string;
  level: 'fail' | 'warn';
  /** The rule did not break: it held, or it was skipped. */
  passed: boolean;
  status: 'passed' | 'failed' | 'skipped' | 'error';
  /** What was compared, or why the rule was skipped or broke. */
  detail: string;
  metric: { file: string; key: string } | null;
  base: number | null;
  head: number | null;
  threshold: number | null;
  /** Where the rule was written: `input 'thresholds'`, `--threshold #N` or `.mlreport.yml`, the line, and the file when it is one. */
  source: { origin: string; line: number; file?: string };
}

export interface PipelineSummary {
  stages: { name: string; status: 'ran' | 'skipped' | 'failed' | 'not-run'; seconds: number; log?: string }[];
}
