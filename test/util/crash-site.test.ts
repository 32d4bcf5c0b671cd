import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describeError, UserError } from '../../src/util/errors';
import { DIST_ACTION } from '../helpers/cli';
import { tempDir } from '../helpers/repo';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('a bug thrown inside the bundle is reported with the src/ file it comes from (no source maps shipped)', async () => {
  const dir = tempDir('mlreport-crash-');
  try {
    mkdirSync(join(dir, 'src/values'), { recursive: true });
    writeFileSync(join(dir, 'src/values/parse.ts'), 'export function parse(x: { a?: { b: number } }): number {\n  return x.a!.b;\n}\n');
    writeFileSync(join(dir, 'src/index.ts'), "import { parse } from './values/parse';\nexport function run(): number {\n  return parse({});\n}\n");
    // The bundle as scripts/build.mjs makes it: esm, not minified.
    await build({
      absWorkingDir: dir,
      entryPoints: ['src/index.ts'],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: join(dir, 'dist/index.js'),
      logLevel: 'silent',
    });
    const bundle = (await import(pathToFileURL(join(dir, 'dist/index.js')).href)) as { run: () => number };
    let error: unknown;
    try {
      bundle.run();
    } catch (e) {
      error = e;
    }
    assert.match(describeError(error), /^TypeError: Cannot read properties of undefined \(reading 'b'\) \(in src\/values\/parse\.ts, dist\/index\.js:\d+\)$/);
    assert.equal(describeError(new UserError('metrics.json: line 3: expected a number')), 'metrics.json: line 3: expected a number');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the shipped bundle keeps esbuild's comment naming every src/ module it holds", () => {
  const comments = new Set([...readFileSync(DIST_ACTION, 'utf8').matchAll(/^\/\/ (src\/\S+\.ts)$/gm)].map((m) => m[1]));
  for (const file of ['src/main.ts', 'src/index.ts', 'src/run.ts', 'src/config/action.ts', 'src/publish/github/client.ts']) assert.ok(comments.has(file), file);
  const all = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(join(dir, e.name)) : [join(dir, e.name)]));
  assert.ok(comments.size > all(join(root, 'src')).length / 2, `${comments.size} module comments`);
  assert.ok([...comments].every((c) => all(join(root, 'src')).some((f) => relative(root, f) === c)));
});
