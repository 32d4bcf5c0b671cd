// Bundles the action (dist/index.js), the CLI (dist/cli.js) and the plot renderer (dist/render.js) from src/.
//
// The output is not minified and no file name carries a content hash: dist/ is committed with every change of
// src/, and a readable bundle under stable names changes by about the lines that changed in src/, where a
// minified or renamed one is rewritten whole. The renderer (vega, the rasteriser's WebAssembly and the fonts) is
// its own bundle, read with `await import()` only by runs that draw a chart.
// `node scripts/build.mjs --outdir DIR` builds elsewhere.
import { build } from 'esbuild';
import { rm, mkdir, cp, readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } });
const outdir = values.outdir;
const version = JSON.parse(await readFile('package.json', 'utf8')).version;

/** `import('…/plots/engine')` in src/ is the separately bundled dist/render.js at run time. */
const renderBundleIsExternal = {
  name: 'render-bundle-external',
  setup(b) {
    b.onResolve({ filter: /\/plots\/engine$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './render.js', external: true } : undefined));
  },
};

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'external',
  charset: 'utf8',
  external: ['canvas'],
  // Some bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import{createRequire as __mlreportCreateRequire}from'node:module';const require=__mlreportCreateRequire(import.meta.url);" },
  define: { __MLREPORT_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await build({ ...common, entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' }, outdir, plugins: [renderBundleIsExternal] });
await build({ ...common, entryPoints: { render: 'src/plots/engine.ts' }, outdir, loader: { '.wasm': 'binary', '.ttf': 'binary' } });
await cp('scripts/dist-package.json', `${outdir}/package.json`);
// Licences of what the renderer inlines (fonts, WebAssembly) and bundles (vega, vega-lite).
await mkdir(`${outdir}/licenses`, { recursive: true });
for (const [from, to] of [
  ['node_modules/dejavu-fonts-ttf/LICENSE', 'dejavu-fonts.txt'],
  ['third-party/resvg-wasm-MPL-2.0.txt', 'resvg-wasm.txt'],
  ['node_modules/vega/LICENSE', 'vega.txt'],
  ['node_modules/vega-lite/LICENSE', 'vega-lite.txt'],
]) {
  await cp(from, `${outdir}/licenses/${to}`);
}
