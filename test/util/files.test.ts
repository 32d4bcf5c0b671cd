import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeOutFolder, writeFilesAtomic } from '../../src/util/files';
import { tempDir } from '../helpers/repo';

describe('writeFilesAtomic: files that belong together land together or not at all', () => {
  test('both written; an earlier pair replaced whole', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), 'old a');
    await writeFilesAtomic([
      { path: join(dir, 'a.json'), produce: (write) => (write('{"x":'), write(Buffer.from('1}'))) },
      { path: join(dir, 'a.md'), produce: (write) => write('# a') },
    ]);
    assert.equal(readFileSync(join(dir, 'a.json'), 'utf8'), '{"x":1}');
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), '# a');
    assert.deepEqual(readdirSync(dir).sort(), ['a.json', 'a.md']);
  });

  test('a folder where the second goes: an error naming it; the first keeps its old bytes; no temporary file left', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'report.json'), 'old');
    mkdirSync(join(dir, 'report.md'));
    await assert.rejects(
      writeFilesAtomic([
        { path: join(dir, 'report.json'), produce: (write) => write('new') },
        { path: join(dir, 'report.md'), produce: (write) => write('new') },
      ]),
      { name: 'UserError', message: `Cannot write ${join(dir, 'report.md')}: a folder is there.` },
    );
    assert.equal(readFileSync(join(dir, 'report.json'), 'utf8'), 'old');
    assert.deepEqual(readdirSync(dir).sort(), ['report.json', 'report.md']);
  });

  test('a folder that cannot be made (under Linux /proc) is an error naming the file, where a recursive mkdir never returns', async (t) => {
    if (!existsSync('/proc/self')) return t.skip('no /proc here');
    await assert.rejects(writeFilesAtomic([{ path: '/proc/mlreport-out/report.md', produce: (write) => write('x') }]), {
      name: 'UserError',
      message: 'Cannot write /proc/mlreport-out/report.md: ENOENT.',
    });
  });

  test('what the producer throws passes through; no file and no temporary file behind', async () => {
    const dir = tempDir();
    await assert.rejects(
      writeFilesAtomic([
        { path: join(dir, 'one'), produce: (write) => write('1') },
        {
          path: join(dir, 'two'),
          produce: () => {
            throw new RangeError('too big');
          },
        },
      ]),
      /too big/,
    );
    assert.deepEqual(readdirSync(dir), []);
  });
});

describe("makeOutFolder: the report's folder, made before the run's work", () => {
  test('missing folders on the way are made; an existing folder is fine', async () => {
    const dir = tempDir();
    await makeOutFolder(join(dir, 'a', 'b', 'c'), '--out');
    assert.ok(existsSync(join(dir, 'a', 'b', 'c')));
    await makeOutFolder(join(dir, 'a', 'b', 'c'), '--out');
  });

  test('a file in its place, or on its path: an error naming the setting, the path and what was expected', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'taken'), 'mine');
    for (const out of [join(dir, 'taken'), join(dir, 'taken', 'deeper')]) {
      await assert.rejects(makeOutFolder(out, "input 'out-dir'"), {
        name: 'UserError',
        message: `input 'out-dir' is ${out}: a file is there or on its path; expected a folder for the report's files.`,
      });
    }
    assert.equal(readFileSync(join(dir, 'taken'), 'utf8'), 'mine');
  });

  test('a parent that refuses new folders (Linux /proc): an error, where a recursive mkdir never returns', async (t) => {
    if (!existsSync('/proc/self')) return t.skip('no /proc here');
    await assert.rejects(makeOutFolder('/proc/mlreport-out/x', '--out'), /--out is \/proc\/mlreport-out\/x: it cannot be made \(ENOENT\)/);
  });
});
