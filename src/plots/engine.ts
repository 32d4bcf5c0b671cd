import wasm from '@resvg/resvg-wasm/index_bg.wasm';
import sans from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf';
import sansBold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf';
import { PlotRenderer } from './render';

/**
 * The renderer with its WebAssembly and fonts inlined by the bundler. Loaded with `await import()` only
 * when there are plots, so it is a separate chunk that other commands never read.
 */
export function loadRenderer(): Promise<PlotRenderer> {
  return PlotRenderer.create({ wasm, fonts: [sans, sansBold] });
}
