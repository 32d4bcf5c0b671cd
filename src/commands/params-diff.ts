import type { Command } from './types';
import { parseValuesDiffArgs, runValuesDiffHere } from './values-diff';

export const paramsDiffCommand: Command = {
  path: ['params', 'diff'],
  summary: 'show changed params between two revisions, like `dvc params diff`',
  usage: `mlreport params diff [A_REV] [B_REV] [--md|--json] [--all] [--deps] [--no-path] [--targets FILE...]

  A_REV            the old revision (default: HEAD)
  B_REV            the new revision (default: workspace, the files on disk)
  --targets FILE   params files, directories or globs to compare (default: dvc.yaml's, and params.yaml)
  --all            also show unchanged params
  --deps           only params that stages depend on
  --md             print a GitHub markdown table
  --json           print {path: {param: {old, new, diff}}} exactly as DVC does
  --no-path        leave out the Path column

Exit code 0 even when params differ; a file that fails to parse on one side is a warning.`,
  run: async (args) => runValuesDiffHere('params', parseValuesDiffArgs(args, 'params')),
};
