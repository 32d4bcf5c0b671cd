// Installs dependencies when missing, bundles src/ into a temp dir (the end-to-end tests run the bundle as the
// runner would, never touching the committed dist/), then runs every test/**/*.test.ts with Node's own test runner.
// Extra arguments are passed on (e.g. a file, or --test-name-pattern=...).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const explicitFiles = args.filter((a) => a.endsWith('.ts'));
const flags = args.filter((a) => !a.endsWith('.ts'));

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

// A fresh clone has no node_modules: install exactly what package-lock.json says first.
if (!existsSync('node_modules/.package-lock.json')) {
  console.log('Installing dependencies (npm ci)…');
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit', shell: process.platform === 'win32' });
}
const bundle = mkdtempSync(join(tmpdir(), 'mlreport-test-dist-'));
// The CLI turns on Node's compile cache; each test run's bundle is new, so its entries would only pile up in the
// shared temporary folder: they go in a folder of this run's own, removed with the bundle.
const compileCache = mkdtempSync(join(tmpdir(), 'mlreport-test-compile-cache-'));
let status = 1;
// Ctrl-C (or a CI's SIGTERM) reaches the test runner too, which stops; this process then goes on to remove its
// folders below instead of dying with them left behind.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => undefined);
try {
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', bundle], { stdio: 'inherit' });
  const files = explicitFiles.length ? explicitFiles : find('test').sort();
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...flags, ...files], {
    stdio: 'inherit',
    env: { ...process.env, MLREPORT_TEST_DIST: bundle, NODE_COMPILE_CACHE: compileCache },
  });
  status = result.status ?? 1;
} finally {
  rmSync(bundle, { recursive: true, force: true });
  rmSync(compileCache, { recursive: true, force: true });
}
process.exit(status);
