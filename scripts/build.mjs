// Bundles the action (dist/index.js), the CLI (dist/cli.js) and the plot renderer (dist/render.js) from src/.
//
// The output is not minified and no file name carries a content hash: dist/ is committed with every change of
// src/, and a readable bundle under stable names changes by about the lines that changed in src/, where a
// minified or renamed one is rewritten whole. The renderer (vega and the rasteriser's JavaScript) is its own
// bundle, read with `await import()` only by runs that draw a chart; the rasteriser's WebAssembly and the fonts
// are copied beside it as files (dist/resvg.wasm, dist/fonts/), read by it at run time. Bundles of their own too,
// each read with `await import()` where first needed: the clouds' SDKs (dist/dvc-s3.js, dist/dvc-azure.js), by DVC
// remotes of theirs; the HTTP and GitHub client libraries (dist/net.js: undici, Octokit and its plugins), by a
// run's first request; the CLI's commands (dist/commands.js), by dist/cli.js to run one, so `mlreport --help`
// parses only the commands' table, and `metrics diff` and `params diff` alone (dist/values-commands.js, about half
// of commands.js), by dist/cli.js in its place for those two. A start parses only what it needs (the start-up
// targets in docs/development.md's performance table).
// `node scripts/build.mjs --outdir DIR` builds elsewhere.
import { build } from 'esbuild';
import { rm, mkdir, cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } });
const outdir = values.outdir;
const version = JSON.parse(await readFile('package.json', 'utf8')).version;

/**
 * Modules src/ loads with `await import()` that are bundled on their own, so a run that does not need them never
 * parses them: the plot renderer (vega, the rasteriser), the clouds' SDKs behind the DVC data layer, and the HTTP
 * and GitHub client libraries (src/util/net-libraries.ts).
 */
const LAZY_BUNDLES = [
  { filter: /\/plots\/engine$/, entry: 'render', source: 'src/plots/engine.ts' },
  { filter: /\/dvc\/data\/remotes\/s3-sdk$|^\.\/s3-sdk$/, entry: 'dvc-s3', source: 'src/dvc/data/remotes/s3-sdk.ts' },
  { filter: /\/dvc\/data\/remotes\/azure-sdk$|^\.\/azure-sdk$/, entry: 'dvc-azure', source: 'src/dvc/data/remotes/azure-sdk.ts' },
  { filter: /\/util\/net-libraries$|^\.\/net-libraries$/, entry: 'net', source: 'src/util/net-libraries.ts' },
  // Bundled with the entry points (it loads the bundles above lazily too, as they do).
  { filter: /\/commands\/run-command$/, entry: 'commands', source: 'src/commands/run-command.ts', withEntries: true },
  { filter: /\/commands\/run-values-command$/, entry: 'values-commands', source: 'src/commands/run-values-command.ts', withEntries: true },
];
const lazyBundlesExternal = {
  name: 'lazy-bundles-external',
  setup(b) {
    for (const lazy of LAZY_BUNDLES) {
      b.onResolve({ filter: lazy.filter }, (args) => (args.kind === 'dynamic-import' ? { path: `./${lazy.entry}.js`, external: true } : undefined));
    }
  },
};

/**
 * CommonJS packages that @actions/core imports (its OIDC client, through @actions/http-client) although nothing of
 * ours calls that client: esbuild keeps a CommonJS import it cannot see is unused, so without this undici alone
 * (≈770 KiB) was parsed and started by every run of dist/index.js. Their top levels only define what they export,
 * so an import of them whose bindings nobody uses is dropped; dist/net.js, which uses them, keeps them.
 */
const UNUSED_WITHOUT_EFFECTS = /^(undici|tunnel)$/;
const dropUnusedImports = {
  name: 'drop-unused-imports',
  setup(b) {
    b.onResolve({ filter: UNUSED_WITHOUT_EFFECTS }, async (args) => {
      if (args.pluginData === dropUnusedImports) return undefined;
      const { kind, importer, resolveDir } = args;
      const resolved = await b.resolve(args.path, { kind, importer, resolveDir, pluginData: dropUnusedImports });
      return resolved.errors.length ? undefined : { path: resolved.path, namespace: resolved.namespace, sideEffects: false };
    });
  },
};

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'external',
  external: ['canvas'],
  // Some bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import{createRequire as __mlreportCreateRequire}from'node:module';const require=__mlreportCreateRequire(import.meta.url);" },
  define: { __MLREPORT_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const entries = (lazy) => Object.fromEntries(lazy.map((l) => [l.entry, l.source]));
await build({
  ...common,
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts', ...entries(LAZY_BUNDLES.filter((l) => l.withEntries)) },
  outdir,
  plugins: [lazyBundlesExternal, dropUnusedImports],
});
await build({ ...common, entryPoints: { render: 'src/plots/engine.ts' }, outdir });
await build({ ...common, entryPoints: entries(LAZY_BUNDLES.filter((l) => l.entry !== 'render' && !l.withEntries)), outdir });
// The S3 remote's download threads (started by dvc-s3.js from the file beside it).
await build({ ...common, entryPoints: { 'dvc-get': 'src/dvc/data/remotes/s3-get.ts' }, outdir });
// esbuild's default charset escapes the characters outside ASCII in strings and names, not in the comments it keeps
// or in regular expressions: one such character makes the whole bundle's text two bytes a character in V8, decoded
// through ICU at every start (≈ 10 ms of a command's). `\uXXXX` (UTF-16 units) means the same in a string, in a
// regular expression with or without the u flag and in a comment; in a tagged template's raw text it would not,
// and esbuild leaves none there that is not ASCII. A raw line or paragraph separator ends a `//` comment, so stays.
for (const file of await readdir(outdir)) {
  if (!file.endsWith('.js')) continue;
  const text = await readFile(`${outdir}/${file}`, 'utf8');
  const ascii = text.replace(/[^\0-\x7f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  if (ascii !== text) await writeFile(`${outdir}/${file}`, ascii);
}
await cp('scripts/dist-package.json', `${outdir}/package.json`);
// The files the renderer reads beside its bundle (src/plots/engine.ts): as files, not base64 in the bundle.
const require = createRequire(import.meta.url);
await cp(require.resolve('@resvg/resvg-wasm/index_bg.wasm'), `${outdir}/resvg.wasm`);
await mkdir(`${outdir}/fonts`, { recursive: true });
await cp(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), `${outdir}/fonts/DejaVuSans.ttf`);
await cp(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'), `${outdir}/fonts/DejaVuSans-Bold.ttf`);
// Licences of what the renderer reads (fonts, WebAssembly) and bundles (vega, vega-lite).
await mkdir(`${outdir}/licenses`, { recursive: true });
for (const [from, to] of [
  ['node_modules/dejavu-fonts-ttf/LICENSE', 'dejavu-fonts.txt'],
  ['third-party/resvg-wasm-MPL-2.0.txt', 'resvg-wasm.txt'],
  ['node_modules/vega/LICENSE', 'vega.txt'],
  ['node_modules/vega-lite/LICENSE', 'vega-lite.txt'],
]) {
  await cp(from, `${outdir}/licenses/${to}`);
}
