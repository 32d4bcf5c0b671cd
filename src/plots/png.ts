import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The scanlines of the last image, kept for the next: writing 6 MB of fresh memory costs as much as deflating it
 * (page faults), so each chart after the first reuses it. Made an eighth larger than the first image needs, so that
 * a later chart a few lines taller (a note under its title) still fits.
 */
let scanlines: Buffer | null = null;

/**
 * A PNG (8-bit RGBA, scanlines unfiltered, deflated by Node's zlib) of resvg's pixels: resvg's own encoder runs on
 * the WebAssembly baseline code, and on a dense chart took longer than drawing it. resvg's pixels are premultiplied,
 * which is the same as straight for opaque ones; every pixel is opaque because resvg fills the canvas with an opaque
 * background first (`background: 'white'`) and draws everything over it.
 */
export function opaquePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const row = width * 4;
  const size = (row + 1) * height;
  if (!scanlines || scanlines.length < size) scanlines = Buffer.allocUnsafe(size + (size >> 3));
  const raw = scanlines.subarray(0, size);
  for (let y = 0; y < height; y++) {
    raw[y * (row + 1)] = 0;
    raw.set(rgba.subarray(y * row, (y + 1) * row), y * (row + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  // Level 3: a third of the default level's time; the files come out about as large as resvg's (75–120 KB a chart).
  const data = deflateSync(raw, { level: 3 });
  return Buffer.concat([Buffer.from(SIGNATURE), chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
