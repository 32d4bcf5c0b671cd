// What runs a CLI subcommand: every command's code, bundled on its own (dist/commands.js) and read by dist/cli.js
// only when a command runs (never for `--help` or `--version`). `metrics diff` and `params diff` have a smaller
// bundle of their own (./run-values-command.ts).
import { aggregateCommand } from './aggregate';
import { dataDiffCommand } from './data-diff';
import { metricsDiffCommand } from './metrics-diff';
import { metricsHistoryCommand } from './metrics-history';
import { paramsDiffCommand } from './params-diff';
import { plotsRenderCommand } from './plots-render';
import { pullCommand, pushCommand } from './pull';
import { reportCommand } from './report';
import { reproCommand } from './repro';
import { runSubcommand } from './run-subcommand';
import { statusCommand } from './status';
import type { CommandRunner } from './types';

export const RUNNERS = {
  report: reportCommand,
  repro: reproCommand,
  status: statusCommand,
  metricsDiff: metricsDiffCommand,
  metricsHistory: metricsHistoryCommand,
  paramsDiff: paramsDiffCommand,
  dataDiff: dataDiffCommand,
  plotsRender: plotsRenderCommand,
  pull: pullCommand,
  push: pushCommand,
  aggregate: aggregateCommand,
} satisfies Record<string, CommandRunner>;

/** Runs the subcommand argv names; its exit code, or 2 with the error on stderr (secrets redacted). */
export function runCommand(argv: string[]): Promise<number> {
  return runSubcommand(argv, RUNNERS);
}
