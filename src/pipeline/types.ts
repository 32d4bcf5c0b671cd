/** One stage's outcome in a run (report.json `pipeline.stages[]`). */
export interface StageResult {
  name: string;
  /** ran; skipped (unchanged or frozen); failed; not-run (an upstream stage failed, or a dry run). */
  status: 'ran' | 'skipped' | 'failed' | 'not-run';
  seconds: number;
  /** Why it ran or would run, in `dvc status` words (`changed command`, `dep data/x: modified`, …). */
  reasons: string[];
  /** What went wrong, for a failed stage. */
  error?: string;
  /**
   * The run's time budget stopped this stage: `failed`, it ended it while it ran (`error` says so); `not-run`, it was
   * spent before the stage started (`reasons` say so). Either way it was cut, not broken.
   */
  stopped?: true;
  /** The last lines of a failed stage's output. */
  log?: string;
  /** This row stands for the project files the builtin runner could not load (a cycle, a dvc.lock that does not load), not a stage. */
  project?: true;
}
