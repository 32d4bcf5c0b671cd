import type { CommandRunner } from './types';
import { parseValuesDiffArgs, runValuesDiffHere } from './values-diff';

export const paramsDiffCommand: CommandRunner = {
  run: async (args) => runValuesDiffHere('params', parseValuesDiffArgs(args, 'params')),
};
