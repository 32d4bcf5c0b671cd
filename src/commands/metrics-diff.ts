import type { CommandRunner } from './types';
import { parseValuesDiffArgs, runValuesDiffHere } from './values-diff';

export const metricsDiffCommand: CommandRunner = {
  run: async (args) => runValuesDiffHere('metrics', parseValuesDiffArgs(args, 'metrics')),
};
