import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { opaquePng } from '../../src/plots/png';
import { pngPixels, pngSize } from './svg';

/** Opaque RGBA pixels of `colours` distinct colours, each pixel's drawn by a fixed pseudo-random sequence (little for deflate to find). */
function pixels(width: number, height: number, colours: number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  let seed = 7;
  for (let i = 0; i < width * height; i++) {
    // xorshift32
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    // Every colour once first, so the count is exact; then any of them.
    const c = i < colours ? i : (seed >>> 0) % colours;
    out.set([c & 255, (c >> 8) * 40, 200 - (c % 7), 255], i * 4);
  }
  return out;
}

const colourType = (png: Uint8Array): number => png[25]!;
const samePixels = (png: Uint8Array, rgba: Uint8Array): boolean => Buffer.compare(pngPixels(png).rgba, rgba) === 0;

describe('opaquePng', () => {
  test('a typical chart is written as RGBA', () => {
    const rgba = pixels(60, 40, 9);
    const png = opaquePng(rgba, 60, 40);
    assert.equal(colourType(png), 6);
    assert.deepEqual(pngSize(png), { width: 60, height: 40 });
    assert.ok(samePixels(png, rgba));
  });

  test('a large image of at most 256 colours is written again as a palette PNG, a byte a pixel, the same pixels', () => {
    const rgba = pixels(900, 600, 256);
    const png = opaquePng(rgba, 900, 600);
    assert.equal(colourType(png), 3);
    // Random indices: deflate finds nothing, so the file is the byte a pixel (RGBA: four, nothing found either).
    assert.ok(png.length < 900 * 600 * 1.01, `${png.length} bytes`);
    assert.ok(samePixels(png, rgba));
  });

  test('a large image of 257 colours stays RGBA, the same pixels', () => {
    const rgba = pixels(900, 600, 257);
    const png = opaquePng(rgba, 900, 600);
    assert.equal(colourType(png), 6);
    assert.ok(samePixels(png, rgba));
  });

  test('pixels that do not start on a 4-byte boundary of their memory are read all the same', () => {
    const rgba = pixels(900, 600, 200);
    const memory = new Uint8Array(rgba.length + 1);
    memory.set(rgba, 1);
    const png = opaquePng(memory.subarray(1), 900, 600);
    assert.equal(colourType(png), 3);
    assert.ok(samePixels(png, rgba));
  });

  test('rows like the row above (blank space, inside a bar) keep their own pixels', () => {
    const rgba = pixels(900, 600, 200);
    // Rows 100–199 repeat row 99; row 200 differs from it in one pixel only.
    for (let y = 100; y < 200; y++) rgba.copyWithin(y * 3600, 99 * 3600, 100 * 3600);
    rgba.copyWithin(200 * 3600, 99 * 3600, 100 * 3600);
    rgba.set(rgba.subarray(0, 4), 200 * 3600 + 899 * 4);
    const png = opaquePng(rgba, 900, 600);
    assert.equal(colourType(png), 3);
    assert.ok(samePixels(png, rgba));
  });
});
