import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * A subcommand's arguments as every mlreport command that takes words besides its options reads them: node:util's
 * parseArgs, strict (an unknown option or a missing value is an error, told as the user's by runSubcommand).
 */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  return parseArgs({ args, options, strict: true, allowPositionals: true });
}
