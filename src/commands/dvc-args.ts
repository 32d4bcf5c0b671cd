import { UserError } from '../util/errors';

/** A DVC-style command line: its revisions, `--targets`, the flags given and the options' values. */
export interface DvcStyleArgs {
  /** At most two (A_REV B_REV). */
  revisions: string[];
  /** null when `--targets` was not given. */
  targets: string[] | null;
  flags: Set<string>;
  /** An option's value as written (`--precision 3` or `--precision=3`); '' when it had none. */
  values: Map<string, string>;
}

/**
 * argv as DVC's argparse reads it for its diff commands: two optional revisions, `--targets` taking every word up to
 * the next option, `--` ending the options. `flags` and `valued` are the options the command knows.
 */
export function parseDvcStyleArgs(args: string[], known: { flags: readonly string[]; valued?: readonly string[] }): DvcStyleArgs {
  const out: DvcStyleArgs = { revisions: [], targets: null, flags: new Set(), values: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.split('=')[0]!;
    if (known.flags.includes(arg)) out.flags.add(arg);
    else if (arg === '--targets') {
      out.targets ??= [];
      while (i + 1 < args.length && !args[i + 1]!.startsWith('-')) out.targets.push(args[++i]!);
    } else if (known.valued?.includes(name)) {
      out.values.set(name, arg.includes('=') ? arg.slice(name.length + 1) : (args[++i] ?? ''));
    } else if (arg === '--') {
      for (const rest of args.slice(i + 1)) out.revisions.push(rest);
      break;
    } else if (arg.startsWith('-')) throw new UserError(`unknown option '${arg}'`);
    else out.revisions.push(arg);
  }
  if (out.revisions.length > 2) {
    throw new UserError(`expected at most two revisions (A_REV B_REV), got ${out.revisions.length}: ${out.revisions.join(' ')}`);
  }
  return out;
}
