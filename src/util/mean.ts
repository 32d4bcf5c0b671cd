/**
 * Mean and sample standard deviation (n − 1) worked out exactly, then rounded once, as Python's `statistics.mean` and
 * `statistics.stdev` do: each double is an exact binary fraction, so their sum, sum of squares and variance are exact
 * big integers over a power of two. A float sum rounds at every step: twenty copies of 0.3934 averaged that way give
 * 0.3933999999999999 and a std of 1e-16, and a rule `loss <= history.mean` breaks on a metric that did not move.
 * Identical values give exactly that value and a std of 0. Non-finite values give the float arithmetic's NaN or
 * ±Infinity. `std` is null for fewer than 2 values; `mean` NaN for none. Pure.
 */
export function meanAndStd(values: readonly number[]): { mean: number; std: number | null } {
  const n = values.length;
  if (!n) return { mean: Number.NaN, std: null };
  if (!values.every(Number.isFinite)) {
    const mean = values.reduce((a, b) => a + b, 0) / n;
    return { mean, std: n > 1 ? Number.NaN : null };
  }
  const parts = values.map(binaryParts);
  const low = parts.reduce((least, p) => Math.min(least, p.exponent), Infinity);
  // Every value as an integer times 2^low: their sum (A) and sum of squares (Q) are then exact integers.
  let sum = 0n;
  let squares = 0n;
  for (const { mantissa, exponent } of parts) {
    const scaled = mantissa << BigInt(exponent - low);
    sum += scaled;
    squares += scaled * scaled;
  }
  const count = BigInt(n);
  const mean = ratioToDouble(sum, count, low);
  if (n < 2) return { mean, std: null };
  // Σ(x − mean)² = (n·Σx² − (Σx)²) / n, exact here, so nothing cancels; the variance divides it by n − 1.
  const spread = count * squares - sum * sum;
  return { mean, std: sqrtRatioToDouble(spread, count * (count - 1n), low) };
}

/** The mean alone (see meanAndStd). */
export function exactMean(values: readonly number[]): number {
  return meanAndStd(values).mean;
}

const view = new DataView(new ArrayBuffer(8));

/** A finite double as mantissa · 2^exponent, the mantissa a signed integer. */
function binaryParts(value: number): { mantissa: bigint; exponent: number } {
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  return { mantissa: negative ? -mantissa : mantissa, exponent: (biased === 0 ? 1 : biased) - 1075 };
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/**
 * num / den · 2^exponent rounded once to the nearest double (ties to even): a quotient of at least 56 bits with a
 * sticky bit for any remainder, which Number() rounds correctly.
 */
function ratioToDouble(num: bigint, den: bigint, exponent: number): number {
  if (num === 0n) return 0;
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const shift = 56 + bitLength(den) - bitLength(abs);
  const [top, bottom] = shift >= 0 ? [abs << BigInt(shift), den] : [abs, den << BigInt(-shift)];
  const quotient = top / bottom;
  const sticky = quotient * bottom === top ? 0n : 1n;
  const value = scaleByPowerOfTwo(Number((quotient << 1n) | sticky), exponent - shift - 1);
  return negative ? -value : value;
}

/** √(num / den) · 2^exponent rounded once to the nearest double; num ≥ 0. */
function sqrtRatioToDouble(num: bigint, den: bigint, exponent: number): number {
  if (num <= 0n) return 0;
  // The root of num·4^shift / den has at least 56 bits.
  const shift = Math.ceil((112 + bitLength(den) - bitLength(num)) / 2);
  const [top, bottom] = shift >= 0 ? [num << BigInt(2 * shift), den] : [num, den << BigInt(-2 * shift)];
  const quotient = top / bottom;
  const root = integerSqrt(quotient);
  // ⌊√⌊x⌋⌋ = ⌊√x⌋; the root is exact only when both the division and the root are.
  const sticky = quotient * bottom === top && root * root === quotient ? 0n : 1n;
  return scaleByPowerOfTwo(Number((root << 1n) | sticky), exponent - shift - 1);
}

/** ⌊√x⌋ by Newton's method from above. */
function integerSqrt(x: bigint): bigint {
  if (x < 2n) return x;
  let guess = 1n << BigInt(Math.ceil(bitLength(x) / 2));
  for (;;) {
    const next = (guess + x / guess) >> 1n;
    if (next >= guess) return guess;
    guess = next;
  }
}

/** x · 2^power, in steps a double can hold, so neither factor overflows on its way to a representable result. */
function scaleByPowerOfTwo(x: number, power: number): number {
  let out = x;
  let left = power;
  while (left !== 0) {
    const step = Math.max(-1000, Math.min(1000, left));
    out *= 2 ** step;
    left -= step;
  }
  return out;
}
