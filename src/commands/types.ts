/** A CLI subcommand: `mlreport <name> …`. Returns the process exit code. */
export interface Command {
  /** Words that select it, e.g. ['report'] or ['metrics', 'diff']. */
  path: string[];
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}
