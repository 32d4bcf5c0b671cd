// Runs every bench/*.bench.ts (or the ones named) one after another, each in its own process so
// one benchmark's memory never colours another's. Builds dist/ first: benchmarks measure what ships.
//
// On the Node the action runs on (`runs.using: node24` in action.yml; the CLI needs ≥ 22.12): a bench's processes
// are started with its own runtime (`process.execPath`), so the benches themselves run on that Node. An older Node
// running this script (the machine's) has a Node 24 fetched with npm for it, as .ci/run does for the tests;
// `MLREPORT_BENCH_NODE` names another binary, and without either the benches run on this Node and say so.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ACTION_NODE_MAJOR = 24;

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const node = benchNode();
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`Benches run on Node ${version}${Number(version.slice(1).split('.')[0]) === ACTION_NODE_MAJOR ? ", the action's runtime" : ''}.`);
// Node's compile cache (the CLI turns it on) in a folder of this run's own: a bench's first process compiles, its
// later ones read what that one kept, as a user's second run does; nothing kept from earlier runs or other tools.
const compileCache = mkdtempSync(join(tmpdir(), 'mlreport-bench-compile-cache-'));
process.env.NODE_COMPILE_CACHE = compileCache;
const wanted = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !wanted.length || wanted.some((w) => f.includes(w)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}`);
  const r = spawnSync(node, ['--import', 'tsx', '--expose-gc', `bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
rmSync(compileCache, { recursive: true, force: true });
process.exit(failed ? 1 : 0);

function benchNode() {
  if (process.env.MLREPORT_BENCH_NODE) return process.env.MLREPORT_BENCH_NODE;
  if (Number(process.versions.node.split('.')[0]) >= ACTION_NODE_MAJOR) return process.execPath;
  // Kept under node_modules (ignored, and removed with it) so a second run does not fetch it again.
  const prefix = join('node_modules', '.cache', `bench-node${ACTION_NODE_MAJOR}`);
  const pkg = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
  const bin = join(prefix, 'node_modules', pkg, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(bin)) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `${pkg}@${ACTION_NODE_MAJOR}`], {
      stdio: 'ignore',
      shell: process.platform === 'win32',
    });
    if (r.status !== 0 || !existsSync(bin)) {
      console.log(
        `Node ${ACTION_NODE_MAJOR} could not be fetched (npm install ${pkg}@${ACTION_NODE_MAJOR}); the benches run on this Node, ${process.version}.`,
      );
      return process.execPath;
    }
  }
  return bin;
}
