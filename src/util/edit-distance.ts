/** Two rows of the edit distance table, kept between calls (a rule is scored against every metric). */
let above = new Int32Array(64);
let row = new Int32Array(64);

/** Levenshtein distance; anything above `most` is given as `most + 1` as soon as no path can come under it. */
export function editDistance(a: string, b: string, most = Infinity): number {
  if (row.length <= b.length) {
    above = new Int32Array(2 * (b.length + 1));
    row = new Int32Array(2 * (b.length + 1));
  }
  for (let j = 0; j <= b.length; j++) above[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let least = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const d = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (c === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = d;
      if (d < least) least = d;
    }
    if (least > most) return most + 1;
    [above, row] = [row, above];
  }
  return above[b.length]!;
}

/**
 * The known word a typed one is likely a typo of (case aside, within a few edits, as for metric names), or null.
 * For "did you mean" in errors about keys and names that have a fixed set of spellings.
 */
export function nearMiss(typed: string, known: readonly string[]): string | null {
  const word = typed.toLowerCase();
  const most = Math.max(2, Math.floor(word.length / 3));
  let best: { word: string; distance: number } | null = null;
  for (const candidate of known) {
    const distance = editDistance(word, candidate.toLowerCase(), most);
    if (distance <= most && (best === null || distance < best.distance)) best = { word: candidate, distance };
  }
  return best?.word ?? null;
}
