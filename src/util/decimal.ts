import { UserError } from './errors';

/**
 * A number typed in an input or a flag, in decimal digits only (with `fractions`, one decimal point too). Every
 * numeric setting reads through here: `Number()` alone also takes `0x10`, `1e3`, `0b1` and `Infinity`, and two
 * settings that read one text differently surprise everyone. `origin` names the input or flag, `expected` the
 * values it takes; `accepts` checks the range.
 */
export function parseDecimal(text: string, origin: string, expected: string, options: { fractions: boolean; accepts: (value: number) => boolean }): number {
  const value = text.trim();
  const pattern = options.fractions ? /^(\d+(\.\d*)?|\.\d+)$/ : /^\d+$/;
  if (!pattern.test(value) || !options.accepts(Number(value))) throw new UserError(`${origin} must be ${expected}, not '${text}'.`);
  return Number(value);
}
