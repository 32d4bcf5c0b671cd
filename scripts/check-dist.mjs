// Fails when the committed dist/ differs from a fresh build of src/ (the action runs dist/, not src/).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';

const fresh = mkdtempSync(join(tmpdir(), 'mlreport-dist-'));
execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', fresh], { stdio: 'inherit' });

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

const committed = listFiles('dist');
const built = listFiles(fresh);
const problems = [];
for (const f of new Set([...committed, ...built])) {
  if (!committed.includes(f)) problems.push(`missing from dist/: ${f}`);
  else if (!built.includes(f)) problems.push(`stale file in dist/: ${f}`);
  else if (!readFileSync(join('dist', f)).equals(readFileSync(join(fresh, f)))) problems.push(`differs from a fresh build: dist/${f}`);
}
rmSync(fresh, { recursive: true, force: true });
if (problems.length) {
  console.error(`dist/ is not a fresh build of src/ — run \`npm run build\` and commit dist/:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`dist/ is fresh (${built.length} files)`);
