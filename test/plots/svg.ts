/** Counts the data marks vega drew in an SVG, by mark type (legend and axis marks are not counted). */
export function countMarks(svg: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const group = /<g class="mark-(\w+) role-mark[^"]*"[^>]*>/g;
  for (let m = group.exec(svg); m; m = group.exec(svg)) {
    const start = group.lastIndex;
    const end = svg.indexOf('</g>', start);
    const body = svg.slice(start, end);
    const n = (body.match(/<(path|text|line|image)\b/g) ?? []).length;
    counts[m[1]!] = (counts[m[1]!] ?? 0) + n;
  }
  return counts;
}

/** The width and height in a PNG's IHDR chunk, after checking the signature. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => png[i] === b)) throw new Error('not a PNG: bad signature');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (String.fromCharCode(...png.subarray(12, 16)) !== 'IHDR') throw new Error('not a PNG: no IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
