import { initWasm, Resvg } from '@resvg/resvg-wasm';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { FONT } from './spec';

/** The binary parts of the renderer: resvg's WebAssembly module and the fonts text is drawn with. */
export interface RendererAssets {
  wasm: Uint8Array;
  fonts: Uint8Array[];
}

export interface RenderedImage {
  png: Uint8Array;
  svg: string;
  width: number;
  height: number;
}

/** Pixel density of the PNGs: 2× looks sharp on high-density screens and in zoomed PR comments. */
const PIXEL_RATIO = 2;

// resvg's WebAssembly module can be instantiated only once per process.
let wasmReady: Promise<void> | null = null;

/**
 * Vega-Lite → Vega → SVG (vega's headless 'none' renderer; text widths are estimated, as no canvas is
 * loaded) → PNG (resvg compiled to WebAssembly, with the bundled fonts only, so text looks the same on
 * every OS). Nothing is fetched: the loader refuses every URL.
 */
export class PlotRenderer {
  private constructor(private readonly fonts: Uint8Array[]) {}

  static async create(assets: RendererAssets): Promise<PlotRenderer> {
    wasmReady ??= initWasm(assets.wasm);
    await wasmReady;
    return new PlotRenderer(assets.fonts);
  }

  async render(spec: Record<string, unknown>): Promise<RenderedImage> {
    const svg = await toSvg(spec);
    const resvg = new Resvg(svg, {
      font: { fontBuffers: this.fonts, defaultFontFamily: FONT, sansSerifFamily: FONT, loadSystemFonts: false } as never,
      background: 'white',
    });
    try {
      const image = resvg.render();
      try {
        return { png: image.asPng(), svg, width: image.width, height: image.height };
      } finally {
        image.free();
      }
    } finally {
      resvg.free();
    }
  }
}

/** The SVG of a Vega-Lite spec at PIXEL_RATIO; compile and dataflow errors are thrown with vega's message. */
async function toSvg(spec: Record<string, unknown>): Promise<string> {
  const errors: string[] = [];
  const logger = quietLogger(errors);
  const compiled = compile(spec as never, { logger: logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: refusingLoader(), logger: logger, logLevel: vega.Error });
  try {
    await view.runAsync();
    if (errors.length) throw new Error(errors[0]);
    return await view.toSVG(PIXEL_RATIO);
  } finally {
    view.finalize();
  }
}

function refusingLoader(): vega.Loader {
  const loader = vega.loader();
  const refuse = (uri: string): Promise<never> => Promise.reject(new Error(`refused to load ${JSON.stringify(uri)}: plots only show their own data`));
  loader.load = refuse;
  loader.sanitize = refuse;
  loader.http = refuse;
  loader.file = refuse;
  return loader;
}

/** vega's logger interface, keeping errors and dropping the warnings it would print to the console. */
function quietLogger(errors: string[]) {
  let level = 0;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) {
      errors.push(args.map(String).join(' '));
      return logger;
    },
    warn() {
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}
