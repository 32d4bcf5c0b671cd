import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { PlotBoundError, PLOT_BOUNDS } from './bounds';
import { opaquePng } from './png';
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
  /** Time spent drawing so far, against the run's budget for all plots. */
  private spentMs = 0;

  private constructor(private readonly fonts: Uint8Array[]) {}

  static async create(assets: RendererAssets): Promise<PlotRenderer> {
    wasmReady ??= initBaseline(assets.wasm);
    await wasmReady;
    return new PlotRenderer(assets.fonts);
  }

  /**
   * Draws one plot within PLOT_BOUNDS: the canvas and the number of marks are checked before the SVG and the
   * PNG (the costly steps) are made, and the time spent after each step. A plot over a bound throws a
   * PlotBoundError that says which bound, for the report's note; so does every plot once the run's budget is spent.
   */
  async render(spec: Record<string, unknown>): Promise<RenderedImage> {
    if (this.spentMs > PLOT_BOUNDS.totalSeconds * 1000) {
      throw new PlotBoundError(`not drawn: the ${PLOT_BOUNDS.totalSeconds} s budget for all plots of a run was used up by the plots before it`);
    }
    const started = performance.now();
    const clock = (): void => {
      const seconds = (performance.now() - started) / 1000;
      if (seconds > PLOT_BOUNDS.plotSeconds) throw new PlotBoundError(`took over ${PLOT_BOUNDS.plotSeconds} s to draw; stopped`);
    };
    try {
      const svg = await toSvg(spec, clock);
      clock();
      const resvg = new Resvg(svg, {
        font: { fontBuffers: this.fonts, defaultFontFamily: FONT, sansSerifFamily: FONT, loadSystemFonts: false } as never,
        background: 'white',
      });
      try {
        const image = resvg.render();
        try {
          const png = opaquePng(pixelsOf(image), image.width, image.height);
          return { png, svg, width: image.width, height: image.height };
        } finally {
          image.free();
        }
      } finally {
        resvg.free();
      }
    } finally {
      this.spentMs += performance.now() - started;
    }
  }
}

/**
 * resvg's module, run on V8's baseline code (Liftoff). By default V8 soon recompiles the functions a chart runs
 * through with its optimising compiler, in background threads: for this 2.4 MB module that cost about 1 s of CPU
 * before the first PNG, while the baseline code draws a chart in about 0.1 s (bench/plots.bench.ts). With the
 * tiering budget (roughly the bytes of code a function runs before it is optimised) at its largest, only a function
 * that runs for many charts is optimised. Set for the whole process: V8 cannot read a flag's value back to restore
 * it, and what else a run may compile later (undici's HTTP parser) parses small API responses.
 */
async function initBaseline(wasm: Uint8Array): Promise<void> {
  setFlagsFromString('--wasm-tiering-budget=2147483647');
  // The module's imports and memory, which resvg-wasm keeps to itself, for `pixelsOf`: seen as it instantiates it.
  const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const instantiate = api.instantiate;
  api.instantiate = async (source, imports) => {
    const wbg = imports?.wbg;
    const name = wbg && Object.keys(wbg).find((key) => key.startsWith('__wbg_newwithbyteoffsetandlength_'));
    // The memory of the instance these imports belong to, known once it exists (only `pixels` needs it, later).
    const instance: { memory?: WasmMemory } = {};
    if (wbg && name) {
      const view = wbg[name]!;
      wbg[name] = (buffer: number, offset: number, length: number) => {
        const memory = instance.memory;
        if (!pixelsView.watching || !memory) return view(buffer, offset, length);
        pixelsView.at = { memory, offset: offset >>> 0, length: length >>> 0 };
        return view(buffer, offset, 0);
      };
    }
    const result = await instantiate.call(api, source, imports);
    instance.memory = ('instance' in result ? result.instance : result).exports.memory as WasmMemory | undefined;
    return result;
  };
  try {
    await initWasm(wasm);
  } finally {
    api.instantiate = instantiate;
  }
}

type WasmInstance = { exports: Record<string, unknown> };
type WasmMemory = { buffer: ArrayBuffer };
/** The part of the WebAssembly global `initBaseline` watches (Node's types do not describe it). */
type Instantiate = (
  source: unknown,
  imports?: Record<string, Record<string, (...args: number[]) => number>>,
) => Promise<WasmInstance | { instance: WasmInstance }>;
interface WasmApi {
  instantiate: Instantiate;
}

/** While `pixelsOf` asks for `pixels`: where in which memory resvg's module found the image. */
const pixelsView: { watching: boolean; at: { memory: WasmMemory; offset: number; length: number } | null } = { watching: false, at: null };

/**
 * The image's RGBA pixels, read in place in resvg's memory until the image is freed or resvg runs again. resvg-wasm's
 * `pixels` copies them into a new array (its API has no view): 6 MB of fresh memory a chart, which costs more here
 * than the copy (≈ 16 µs a page: ≈ 25 ms a chart, ≈ 190 ms of the 20 plots in bench/plots.bench.ts). While `pixels`
 * runs, the one import that makes its view of the memory (wasm-bindgen's `Uint8Array` constructor with an offset and
 * a length) notes where the pixels are and makes an empty view, so the copy is of nothing. Any other answer (another
 * build of resvg-wasm) is used as it is.
 */
function pixelsOf(image: ReturnType<InstanceType<typeof Resvg>['render']>): Uint8Array {
  pixelsView.watching = true;
  let pixels: Uint8Array;
  try {
    pixels = image.pixels;
  } finally {
    pixelsView.watching = false;
  }
  const at = pixelsView.at;
  pixelsView.at = null;
  if (pixels.length) return pixels;
  if (!at || at.length !== image.width * image.height * 4) return image.pixels;
  return new Uint8Array(at.memory.buffer, at.offset, at.length);
}

/** The SVG of a Vega-Lite spec at PIXEL_RATIO; compile and dataflow errors are thrown with vega's message. */
async function toSvg(spec: Record<string, unknown>, clock: () => void): Promise<string> {
  const errors: string[] = [];
  const logger = quietLogger(errors);
  const compiled = compile(spec as never, { logger: logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: refusingLoader(), logger: logger, logLevel: vega.Error });
  try {
    await view.runAsync();
    if (errors.length) throw new Error(errors[0]);
    clock();
    checkScene(view);
    return await view.toSVG(PIXEL_RATIO);
  } finally {
    view.finalize();
  }
}

interface SceneNode {
  items?: SceneNode[];
  bounds?: { x1: number; y1: number; x2: number; y2: number };
}

/** The laid-out chart against the canvas and mark bounds, before any pixel or SVG element is made. */
function checkScene(view: vega.View): void {
  const root = (view.scenegraph() as unknown as { root: SceneNode }).root;
  const b = root.bounds;
  const width = Math.max(view.width(), b ? b.x2 - b.x1 : 0) * PIXEL_RATIO;
  const height = Math.max(view.height(), b ? b.y2 - b.y1 : 0) * PIXEL_RATIO;
  if (!(width * height <= PLOT_BOUNDS.canvasPixels)) {
    throw new PlotBoundError(
      `the chart would be ${Math.round(width)}×${Math.round(height)} px, over the ${PLOT_BOUNDS.canvasPixels.toLocaleString('en-US')} px a plot may have`,
    );
  }
  const items = countItems(root, PLOT_BOUNDS.markItems + 1);
  if (items > PLOT_BOUNDS.markItems) throw new PlotBoundError(`the chart has over ${PLOT_BOUNDS.markItems.toLocaleString('en-US')} marks to draw`);
}

/** Marks and groups in the scenegraph, counted up to `limit`. */
function countItems(node: SceneNode, limit: number): number {
  let n = 0;
  for (const item of node.items ?? []) {
    n += 1 + countItems(item, limit - n);
    if (n >= limit) return n;
  }
  return n;
}

/**
 * Nothing is fetched. Data and images are refused (vega reports the data error; an image stays empty). A link
 * (`href`) resolves to no link at all: vega's SVG renderer writes into the answer without a catch, so a
 * rejection there would be an unhandled one.
 */
function refusingLoader(): vega.Loader {
  const loader = vega.loader();
  const refuse = (uri: string): Promise<never> => Promise.reject(new Error(`refused to load ${JSON.stringify(uri)}: plots only show their own data`));
  loader.load = refuse;
  loader.sanitize = (uri: string, options?: { context?: string }) => (options?.context === 'href' ? Promise.resolve({}) : refuse(uri)) as never;
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
