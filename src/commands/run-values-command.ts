// What runs `metrics diff` and `params diff` (VALUES_RUNNERS): their code alone, bundled on its own
// (dist/values-commands.js), which dist/cli.js reads for them in place of dist/commands.js. A process that diffs
// values parses about half the code (≈ 20 ms less start-up) and none of the other commands' modules start.
import { metricsDiffCommand } from './metrics-diff';
import { paramsDiffCommand } from './params-diff';
import type { VALUES_RUNNERS } from './index';
import { runSubcommand } from './run-subcommand';
import type { CommandRunner } from './types';

const RUNNERS = { metricsDiff: metricsDiffCommand, paramsDiff: paramsDiffCommand } satisfies Record<(typeof VALUES_RUNNERS)[number], CommandRunner>;

/** Runs `metrics diff` or `params diff` as argv names it; its exit code, or 2 with the error on stderr. */
export function runCommand(argv: string[]): Promise<number> {
  return runSubcommand(argv, RUNNERS);
}
