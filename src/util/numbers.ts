/**
 * Significant digits of a non-integer in every table, the verdict and the gates (one format, so 0.8667 in the
 * metrics reads as 0.8667 in the gates). A pair of different values that would print alike gets more.
 */
const DIGITS = 4;
/** The minus sign: a hyphen beside a number reads as a dash in prose ("accuracy −15%"). */
export const MINUS = '\u2212';

/**
 * A number as the report shows it: integers whole, others to DIGITS significant digits, tiny/huge ones in e-notation.
 * `float`: a float the file wrote (`1e16`, `2.0`), whose whole value from 10^15 is huge as any other float's is.
 */
export function formatNumber(value: number, digits = DIGITS, float = false): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : `${MINUS}Infinity`;
  const abs = Math.abs(value);
  let text: string;
  if (Number.isInteger(value) && abs < (float ? 1e15 : 1e21)) text = String(value);
  else if (abs !== 0 && (abs < 1e-4 || abs >= 1e15))
    text = value
      .toExponential(digits - 1)
      .replace(/\.?0+e/, 'e')
      .replace('e+', 'e');
  else if (abs >= 10 ** digits) text = value.toFixed(0);
  else text = String(Number(value.toPrecision(digits)));
  return text.charCodeAt(0) === 45 ? `${MINUS}${text.slice(1)}` : text;
}

/** Two numbers (base and head) with as many digits as it takes to tell them apart when they differ; `floats` as formatNumber's. */
export function formatPair(a: number, b: number, floats: readonly [boolean, boolean] = [false, false]): [string, string] {
  const [x, y] = formatApart([a, b], floats);
  return [x!, y!];
}

/**
 * Numbers shown side by side (a gate's head, threshold and base; a band's edges and the head) with as many digits as
 * it takes for any two that differ to print differently, the same digits for all: `0.7909` beside `0.79095`, never
 * `0.7909` twice. `floats` as formatNumber's, by position.
 */
export function formatApart(values: readonly number[], floats: readonly boolean[] = []): string[] {
  const at = (digits: number): string[] => values.map((v, i) => formatNumber(v, digits, floats[i] ?? false));
  for (let digits = DIGITS; digits < 17; digits++) {
    const texts = at(digits);
    const clash = values.some((v, i) => values.some((w, j) => j > i && v !== w && !Number.isNaN(v) && !Number.isNaN(w) && texts[i] === texts[j]));
    if (!clash) return texts;
  }
  return at(17);
}

/**
 * A whole number with its thousands grouped as en-US does (`100,000`), by hand: a process's first `toLocaleString`
 * readies ICU's number formatting, ≈ 25 ms of CPU for one note under a chart.
 */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
