import { readFile } from 'node:fs/promises';
import { PlotRenderer } from './render';

/**
 * The renderer, with resvg's WebAssembly and the fonts read from the files the build puts beside this bundle
 * (`resvg.wasm`, `fonts/`): inlined as base64, they made the bundle 7 MB of source that every run with a chart
 * parsed and decoded before drawing. Loaded with `await import()` only when there are plots, so it is a separate
 * chunk that other commands never read.
 */
export async function loadRenderer(): Promise<PlotRenderer> {
  const read = (name: string) => readFile(new URL(name, import.meta.url));
  const [wasm, sans, sansBold] = await Promise.all([read('./resvg.wasm'), read('./fonts/DejaVuSans.ttf'), read('./fonts/DejaVuSans-Bold.ttf')]);
  return PlotRenderer.create({ wasm, fonts: [sans, sansBold] });
}
