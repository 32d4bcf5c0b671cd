// resvg-wasm's interface over the native @resvg/resvg-js, for the peer of bench/plots.bench.ts: the same CLI bundle,
// vega and fonts, with only the rasteriser swapped, so the two processes do the same work. The bench bundles this
// file in place of @resvg/resvg-wasm into a copy of dist/, beside whose render.js the fonts are.
import { fileURLToPath } from 'node:url';
import { Resvg as NativeResvg, type ResvgRenderOptions } from '@resvg/resvg-js';

// The native renderer reads fonts from files, not buffers: the same files the wasm build reads.
const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((face) => fileURLToPath(new URL(`./fonts/${face}`, import.meta.url)));

/** Nothing to instantiate: the native module is ready once loaded. */
export async function initWasm(): Promise<void> {}

export class Resvg {
  private readonly native: NativeResvg;

  constructor(svg: string, options: ResvgRenderOptions & { font?: { fontBuffers?: Uint8Array[] } }) {
    const { fontBuffers: _buffers, ...font } = options.font ?? {};
    this.native = new NativeResvg(svg, { ...options, font: { ...font, fontFiles } });
  }

  render(): { asPng(): Uint8Array; pixels: Uint8Array; width: number; height: number; free(): void } {
    const image = this.native.render();
    return { asPng: () => image.asPng(), pixels: image.pixels, width: image.width, height: image.height, free() {} };
  }

  free(): void {}
}
