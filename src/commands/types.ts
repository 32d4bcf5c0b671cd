import type { RUNNERS } from './run-command';

/** A CLI subcommand as `--help` describes it: `mlreport <path> …`. */
export interface Command {
  /** Words that select it, e.g. ['report'] or ['metrics', 'diff']. */
  path: string[];
  summary: string;
  usage: string;
  /** What runs it (./run-command.ts). */
  runner: keyof typeof RUNNERS;
}

/** What runs a subcommand: its arguments (after its path) → the process exit code. */
export interface CommandRunner {
  run(args: string[]): Promise<number>;
}
