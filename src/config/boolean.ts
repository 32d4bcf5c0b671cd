import { UserError } from '../util/errors';

/**
 * A boolean input read as @actions/core's getBooleanInput reads it (YAML 1.2's core schema): true/True/TRUE or
 * false/False/FALSE; empty is the default; anything else is an error naming the input, never a silent false.
 */
export function parseBooleanInput(value: string, name: string, fallback: boolean): boolean {
  if (!value) return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UserError(`Input '${name}' is '${value}'; expected true or false (also True, TRUE, False, FALSE).`);
}
