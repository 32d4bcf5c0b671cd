import { crashSite } from './crash-site';

/** An error the user can act on: its message names the file, key or input and what was expected. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A message for people: UserErrors as they are, anything else with its type and source file so a bug is recognisable. */
export function describeError(error: unknown): string {
  if (error instanceof UserError) return error.message;
  if (error instanceof Error) {
    const site = crashSite(error);
    return `${error.name}: ${error.message}${site ? ` (in ${site})` : ''}`;
  }
  return String(error);
}
