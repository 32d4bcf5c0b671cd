import type { Command } from './types';
import { parseValuesDiffArgs, runValuesDiffHere } from './values-diff';

export const metricsDiffCommand: Command = {
  path: ['metrics', 'diff'],
  summary: 'show changed metrics between two revisions, like `dvc metrics diff`',
  usage: `mlreport metrics diff [A_REV] [B_REV] [--md|--json] [--all] [--precision N] [--no-path] [--targets FILE...]

  A_REV            the old revision (default: HEAD)
  B_REV            the new revision (default: workspace, the files on disk)
  --targets FILE   metrics files, directories or globs to compare (default: those dvc.yaml names)
  --all            also show unchanged metrics
  --precision N    round floats to N digits after the point in tables (default: 5)
  --md             print a GitHub markdown table
  --json           print {path: {metric: {old, new, diff}}} exactly as DVC does
  --no-path        leave out the Path column

Exit code 0 even when metrics differ; a file that fails to parse on one side is a warning.`,
  run: async (args) => runValuesDiffHere('metrics', parseValuesDiffArgs(args, 'metrics')),
};
