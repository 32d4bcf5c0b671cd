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
  passed: boolean;
  rules: { rule: string; level: 'fail' | 'warn'; passed: boolean; detail: string }[];
}

export interface PipelineSummary {
  /** How the pipeline was reproduced: mlreport's own runner, `dvc repro`, or the `run` commands. */
  engine: 'builtin' | 'dvc' | 'run';
  stages: {
    name: string;
    status: 'ran' | 'skipped' | 'failed' | 'not-run';
    seconds: number;
    /** Why it ran, in `dvc status` words. */
    reasons?: string[];
    error?: string;
    /** The last 50 lines of a failed stage's output. */
    log?: string;
  }[];
}
