import { inflateSync } from 'node:zlib';

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

/**
 * A PNG's pixels as straight RGBA, from 8-bit RGB, RGBA or palette scanlines under any of the five filters (PNG spec
 * §9.2), whichever encoder wrote them: for checking two encodings hold the same image.
 */
export function pngPixels(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const { width, height } = pngSize(png);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const channels = { 2: 3, 3: 1, 6: 4 }[png[25]!];
  if (png[24] !== 8 || !channels || png[28] !== 0) throw new Error(`unsupported PNG: depth ${png[24]}, colour type ${png[25]}, interlace ${png[28]}`);
  const idat: Uint8Array[] = [];
  let palette: Uint8Array | null = null;
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    if (type === 'PLTE') palette = png.subarray(at + 8, at + 8 + length);
    at += 12 + length;
  }
  if (channels === 1 && !palette) throw new Error('palette PNG without a PLTE chunk');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? rows[y * stride + i - channels]! : 0;
      const b = y ? rows[(y - 1) * stride + i]! : 0;
      const c = y && i >= channels ? rows[(y - 1) * stride + i - channels]! : 0;
      let predictor: number;
      if (filter === 0) predictor = 0;
      else if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new Error(`bad PNG filter ${filter} on row ${y}`);
      rows[y * stride + i] = (raw[y * (stride + 1) + 1 + i]! + predictor) & 255;
    }
  }
  if (channels === 4) return { width, height, rgba: rows };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < rows.length; i += channels, j += 4) {
    // A palette index names three bytes of the PLTE chunk; an index past its end is a broken file.
    const [from, at] = channels === 1 ? [palette!, rows[i]! * 3] : [rows, i];
    if (at + 3 > from.length) throw new Error(`palette index ${rows[i]} past the palette's ${from.length / 3} colours`);
    rgba[j] = from[at]!;
    rgba[j + 1] = from[at + 1]!;
    rgba[j + 2] = from[at + 2]!;
    rgba[j + 3] = 255;
  }
  return { width, height, rgba };
}
