import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The colours a palette PNG (colour type 3, 8-bit indices) can hold. */
const PALETTE_SIZE = 256;
/** RGBA files above this size are tried as a palette PNG: larger than the 20 typical charts of the bench (≤ 137 KB). */
const PALETTE_ABOVE = 160 * 1024;

/**
 * The scanlines of the last image, kept for the next: writing 6 MB of fresh memory costs as much as deflating it
 * (page faults), so each chart after the first reuses it. Made an eighth larger than the first image needs, so that
 * a later chart a few lines taller (a note under its title) still fits.
 */
let scanlines: Buffer | null = null;

/**
 * A PNG of resvg's pixels, scanlines unfiltered, deflated by Node's zlib: resvg's own encoder runs on the
 * WebAssembly baseline code, and on a dense chart took longer than drawing it. resvg's pixels are premultiplied,
 * which is the same as straight for opaque ones; every pixel is opaque because resvg fills the canvas with an opaque
 * background first (`background: 'white'`) and draws everything over it.
 *
 * Written as 8-bit RGBA, a copy of the pixels. A chart whose file comes out larger than a typical chart's (a bar
 * chart of 80 features, 1698×4502 px: 523 KB) is written again as a palette PNG, a byte a pixel, when it has at
 * most 256 colours — a chart's marks and the grey levels of anti-aliased text are 70–180 in the builtin templates —
 * which the same chart takes to 184 KB. Not every chart: indexing runs in JavaScript a pixel at a time, 2–4× the
 * time of the copy and deflate, which a typical chart's 20–80 KB does not repay.
 */
export function opaquePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const image = rgbaImage(rgba, width, height);
  return image.length > PALETTE_ABOVE ? (paletteImage(rgba, width, height) ?? image) : image;
}

function rgbaImage(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const row = width * 4;
  const raw = scanlinesOf((row + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (row + 1)] = 0;
    raw.set(rgba.subarray(y * row, (y + 1) * row), y * (row + 1) + 1);
  }
  // Level 3: a third of the default level's time; the files come out about as large as resvg's (75–120 KB a chart).
  return png(width, height, 6, null, deflateSync(raw, { level: 3 }));
}

/** The palette PNG of the pixels; null when they hold more colours than a palette can. */
function paletteImage(rgba: Uint8Array, width: number, height: number): Uint8Array | null {
  // Each pixel's four bytes as one number (a key only: the palette's bytes are read from the pixels themselves).
  const pixels = rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : new Uint32Array(rgba.slice().buffer);
  const raw = scanlinesOf((width + 1) * height);
  const index = new Map<number, number>();
  const palette = Buffer.alloc(PALETTE_SIZE * 3);
  // Runs of one colour are most of a chart: the last colour's index is kept at hand.
  let last = -1;
  let lastIndex = 0;
  const bytes = Buffer.from(rgba.buffer, rgba.byteOffset, width * height * 4);
  const row = width * 4;
  for (let y = 0; y < height; y++) {
    const out = y * (width + 1);
    // A row like the one above (blank space, a bar's inside) takes its indices, compared and copied natively.
    if (y > 0 && bytes.compare(bytes, (y - 1) * row, y * row, y * row, (y + 1) * row) === 0) {
      raw.copyWithin(out, out - width - 1, out);
      continue;
    }
    raw[out] = 0;
    for (let x = 0, at = y * width; x < width; x++, at++) {
      const colour = pixels[at]!;
      if (colour !== last) {
        let i = index.get(colour);
        if (i === undefined) {
          if (index.size === PALETTE_SIZE) return null;
          i = index.size;
          index.set(colour, i);
          palette.set(rgba.subarray(at * 4, at * 4 + 3), i * 3);
        }
        last = colour;
        lastIndex = i;
      }
      raw[out + 1 + x] = lastIndex;
    }
  }
  // Level 6 (zlib's default): the large files this is for are worth the smaller size (239 KB at level 3 above).
  return png(width, height, 3, palette.subarray(0, index.size * 3), deflateSync(raw, { level: 6 }));
}

function scanlinesOf(size: number): Buffer {
  if (!scanlines || scanlines.length < size) scanlines = Buffer.allocUnsafe(size + (size >> 3));
  return scanlines.subarray(0, size);
}

/** The PNG file: 8 bits a channel (or a palette index), `colourType` 6 (RGBA) or 3 (palette, with its PLTE chunk). */
function png(width: number, height: number, colourType: 3 | 6, palette: Buffer | null, data: Buffer): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = colourType;
  return Buffer.concat([
    Buffer.from(SIGNATURE),
    chunk('IHDR', header),
    ...(palette ? [chunk('PLTE', palette)] : []),
    chunk('IDAT', data),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
