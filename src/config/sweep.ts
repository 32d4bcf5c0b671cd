import { UserError } from '../util/errors';

/** A count of jobs (`expected-runs`, `--expected-runs`): a positive whole number, or empty for none. */
export function expectedRuns(text: string | undefined, what: string): number | null {
  if (!text) return null;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UserError(`${what} is '${text}'; expected the number of matrix jobs, a whole number of at least 1.`);
  return Number(text);
}

/** `repeat-params`: names one per line or separated by commas; default `seed`. */
export function repeatParams(lines: string[] | null): string[] {
  const names = (lines ?? [])
    .flatMap((l) => l.split(','))
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length ? names : ['seed'];
}
