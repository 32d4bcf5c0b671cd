import { parseDecimal } from '../util/decimal';

/** A count of jobs (`expected-runs`, `--expected-runs`): a positive whole number, or empty for none. */
export function expectedRuns(text: string | undefined, what: string): number | null {
  if (!text) return null;
  return parseDecimal(text, what, 'the number of matrix jobs, a whole number of at least 1', { fractions: false, accepts: (n) => n >= 1 });
}

/** `repeat-params`: names one per line or separated by commas; default `seed`. */
export function repeatParams(lines: string[] | null): string[] {
  const names = (lines ?? [])
    .flatMap((l) => l.split(','))
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length ? names : ['seed'];
}
