// Bundles the action (dist/index.js) and the CLI (dist/cli.js) from src/.
// ESM with code splitting, so heavy parts loaded with `await import()` (plots) become separate chunks
// that commands without plots never read. `node scripts/build.mjs --outdir DIR` builds elsewhere (check-dist).
import { build } from 'esbuild';
import { rm, mkdir, cp, readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } });
const outdir = values.outdir;

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await build({
  entryPoints: { index: 'src/main.ts', cli: 'src/cli.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  loader: { '.wasm': 'binary', '.ttf': 'binary' },
  external: ['canvas'],
  // Some bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import{createRequire as __mlreportCreateRequire}from'node:module';const require=__mlreportCreateRequire(import.meta.url);" },
  define: { __MLREPORT_VERSION__: JSON.stringify(JSON.parse(await readFile('package.json', 'utf8')).version) },
  logLevel: 'warning',
});
await cp('scripts/dist-package.json', `${outdir}/package.json`);
// Licences of what the plots chunk inlines (fonts, WebAssembly) and bundles (vega, vega-lite).
await mkdir(`${outdir}/licenses`, { recursive: true });
for (const [from, to] of [
  ['node_modules/dejavu-fonts-ttf/LICENSE', 'dejavu-fonts.txt'],
  ['third-party/resvg-wasm-MPL-2.0.txt', 'resvg-wasm.txt'],
  ['node_modules/vega/LICENSE', 'vega.txt'],
  ['node_modules/vega-lite/LICENSE', 'vega-lite.txt'],
]) {
  await cp(from, `${outdir}/licenses/${to}`);
}
