import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { RendererAssets } from '../../src/plots/render';

/** The same files the bundle inlines, read from node_modules (tests run the sources, not the bundle). */
export function rendererAssets(): RendererAssets {
  const require = createRequire(import.meta.url);
  const read = (id: string) => new Uint8Array(readFileSync(require.resolve(id)));
  return {
    wasm: read('@resvg/resvg-wasm/index_bg.wasm'),
    fonts: [read('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), read('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')],
  };
}
