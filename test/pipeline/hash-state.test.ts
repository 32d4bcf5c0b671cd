import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DvcIgnore } from '../../src/pipeline/dvcignore';
import { hashPath } from '../../src/pipeline/hash';
import { HashState } from '../../src/pipeline/hash-state';
import { dirManifest } from '../../src/dvc/data/manifest';
import { tempDir } from '../helpers/repo';

const md5 = (data: string | Buffer): string => createHash('md5').update(data).digest('hex');
const STATE = ['.dvc', 'tmp', 'mlreport', 'hashes.state'];
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A DVC project (a `.dvc` folder) with these files. */
function project(files: Record<string, string>): string {
  const dir = tempDir('mlreport-state-');
  dirs.push(dir);
  mkdirSync(join(dir, '.dvc'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, ...path.split('/').slice(0, -1)), { recursive: true });
    writeFileSync(join(dir, ...path.split('/')), text);
  }
  return dir;
}

/** A clock `seconds` after now: the files were written that long before they are hashed. */
const later = (seconds: number) => (): number => Date.now() + seconds * 1000;

/** Hashes `rel` in a run of its own (state opened, used, saved), as one `mlreport status` does. */
async function run(dir: string, rel: string, clock: () => number = later(10)): Promise<string | undefined> {
  const state = await HashState.open(dir, clock);
  const meta = await hashPath(dir, rel, new DvcIgnore(dir), 'md5', state);
  await state.save();
  return meta?.md5;
}

/** The state file's JSON line (keys and md5s) and the stat fields after it. */
function readState(dir: string): { head: { version: number; keys: string[]; md5s: string[] }; stats: Buffer } {
  const bytes = readFileSync(join(dir, ...STATE));
  const newline = bytes.indexOf(10);
  return { head: JSON.parse(bytes.toString('utf8', 0, newline)) as { version: number; keys: string[]; md5s: string[] }, stats: bytes.subarray(newline + 1) };
}

/** The md5 the state remembers for `rel`. */
function remembered(dir: string, rel: string): string | undefined {
  const { head } = readState(dir);
  const i = head.keys.indexOf(`md5\0${rel}`);
  return i < 0 ? undefined : head.md5s[i];
}

/** Puts `fake` where the state remembers `rel`'s md5: a run that returns it did not read the file. */
function forge(dir: string, rel: string, fake: string): void {
  const { head, stats } = readState(dir);
  const i = head.keys.indexOf(`md5\0${rel}`);
  assert.ok(i >= 0, `no state entry for ${rel}`);
  head.md5s[i] = fake;
  writeFileSync(join(dir, ...STATE), Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), stats]));
}

const FAKE = 'f'.repeat(32);

describe('the hash state (inode, size, mtime, ctime → md5)', () => {
  test('an unchanged file is not read again: the next run takes its md5 from .dvc/tmp, which git ignores', async () => {
    const dir = project({ 'data/a.csv': 'a\n1\n' });
    assert.equal(await run(dir, 'data/a.csv'), md5('a\n1\n'));
    forge(dir, 'data/a.csv', FAKE);
    assert.equal(await run(dir, 'data/a.csv'), FAKE);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const untracked = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir, encoding: 'utf8' });
    assert.doesNotMatch(untracked, /hashes\.state/);
  });

  test('files of a directory are remembered one by one: only the changed one is read', async () => {
    const dir = project({ 'data/a.csv': 'a\n', 'data/b.csv': 'b\n' });
    const first = await run(dir, 'data');
    forge(dir, 'data/a.csv', FAKE);
    writeFileSync(join(dir, 'data', 'b.csv'), 'B\n');
    const state = await HashState.open(dir, later(10));
    const meta = await hashPath(dir, 'data', new DvcIgnore(dir), 'md5', state);
    assert.notEqual(meta?.md5, first);
    await state.save();
    assert.equal(remembered(dir, 'data/a.csv'), FAKE, 'a.csv was read although its stat did not change');
  });

  test('a folder of thousands of files: every row keeps its own stat (the columns grow past their first size)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2500; i++) files[`data/d${i % 7}/f${i}.txt`] = `${i}\n`;
    const dir = project(files);
    await run(dir, 'data');
    assert.equal(readState(dir).head.keys.length, 2500);
    for (const i of [0, 1023, 1024, 2047, 2048, 2499]) forge(dir, `data/d${i % 7}/f${i}.txt`, FAKE);
    const entries = Object.keys(files).map((path, i) => ({
      relpath: path.slice('data/'.length),
      md5: [0, 1023, 1024, 2047, 2048, 2499].includes(i) ? FAKE : md5(files[path]!),
    }));
    assert.equal(await run(dir, 'data'), dirManifest(entries).oid, 'a forged row was not used, or another file took its stat');
  });

  test('a touched file with the same content is read again (its mtime changed) and gets the same md5', async () => {
    const dir = project({ 'm.json': '{"acc": 1}' });
    await run(dir, 'm.json');
    forge(dir, 'm.json', FAKE);
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'm.json'), past, past);
    assert.equal(await run(dir, 'm.json'), md5('{"acc": 1}'));
  });

  test('a same-size rewrite that keeps the mtime is caught by the ctime', async () => {
    const dir = project({ 'm.json': '{"acc": 1}' });
    const file = join(dir, 'm.json');
    const t = Math.floor(Date.now() / 1000) - 3600;
    utimesSync(file, t, t);
    const before = statSync(file, { bigint: true });
    await run(dir, 'm.json');
    writeFileSync(file, '{"acc": 2}');
    utimesSync(file, t, t);
    const after = statSync(file, { bigint: true });
    assert.deepEqual([after.ino, after.size, after.mtimeNs], [before.ino, before.size, before.mtimeNs]);
    assert.equal(await run(dir, 'm.json'), md5('{"acc": 2}'));
  });

  test('racy: a file hashed within the timestamp granularity of its last write is not remembered', async () => {
    const dir = project({ 'm.json': '{"acc": 1}' });
    const file = join(dir, 'm.json');
    const now = Date.now;
    // Hashed right after it was written: a rewrite in the same clock tick would leave its whole stat unchanged.
    assert.equal(await run(dir, 'm.json', now), md5('{"acc": 1}'));
    assert.throws(() => readFileSync(join(dir, ...STATE)), /ENOENT/);
    // A same-size rewrite at once: within one tick of a coarse clock its whole stat could be the same.
    writeFileSync(file, '{"acc": 2}');
    assert.equal(await run(dir, 'm.json', now), md5('{"acc": 2}'));
  });

  test('racy: a remembered file rewritten just before it is hashed again is forgotten, the others kept', async () => {
    const dir = project({ 'data/a.csv': 'a\n', 'data/b.csv': 'b\n' });
    await run(dir, 'data');
    assert.equal(remembered(dir, 'data/a.csv'), md5('a\n'));
    writeFileSync(join(dir, 'data', 'a.csv'), 'A\n');
    assert.notEqual(await run(dir, 'data', Date.now), undefined);
    assert.equal(remembered(dir, 'data/a.csv'), undefined, 'a file within the racy window stayed remembered');
    assert.equal(remembered(dir, 'data/b.csv'), md5('b\n'));
  });

  test('a damaged or foreign state file is ignored and written anew', async () => {
    const dir = project({ 'a.txt': 'x' });
    mkdirSync(join(dir, '.dvc', 'tmp', 'mlreport'), { recursive: true });
    const stateFile = join(dir, ...STATE);
    const fields = (...values: number[]): Buffer => Buffer.from(new Float64Array(values).buffer);
    const write = (head: unknown, stats: Buffer): void => writeFileSync(stateFile, Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), stats]));
    const info = statSync(join(dir, 'a.txt'));
    const exact = fields(info.dev, info.ino, info.size, info.mtimeMs, info.ctimeMs);
    // Not an md5; a truncated file; a version this one does not read; no JSON line at all.
    write({ version: 3, keys: ['md5\0a.txt'], md5s: ['not-an-md5'] }, exact);
    assert.equal(await run(dir, 'a.txt'), md5('x'));
    write({ version: 3, keys: ['md5\0a.txt'], md5s: [FAKE] }, exact.subarray(0, 39));
    assert.equal(await run(dir, 'a.txt'), md5('x'));
    write({ version: 2, keys: ['md5\0a.txt'], md5s: [FAKE] }, exact);
    assert.equal(await run(dir, 'a.txt'), md5('x'));
    writeFileSync(stateFile, '{"version": 3, "keys": [');
    assert.equal(await run(dir, 'a.txt'), md5('x'));
    write({ version: 3, keys: ['md5\0a.txt'], md5s: [FAKE] }, fields(0, 0, 1, 0, 0));
    assert.equal(await run(dir, 'a.txt'), md5('x'), 'an entry whose stat does not match was trusted');
    assert.equal(remembered(dir, 'a.txt'), md5('x'));
    // The control: the same row with the file's own stat is trusted (so the cases above were refused for their damage).
    write({ version: 3, keys: ['md5\0a.txt'], md5s: [FAKE] }, exact);
    assert.equal(await run(dir, 'a.txt'), FAKE);
  });

  test('legacy (md5-dos2unix) and md5 hashes of one file are remembered apart', async () => {
    const dir = project({ 'a.txt': 'x\r\ny\r\n' });
    const state = await HashState.open(dir, later(10));
    const ignore = new DvcIgnore(dir);
    assert.equal((await hashPath(dir, 'a.txt', ignore, 'md5', state))?.md5, md5('x\r\ny\r\n'));
    assert.equal((await hashPath(dir, 'a.txt', ignore, 'md5-dos2unix', state))?.md5, md5('x\ny\n'));
    assert.equal((await hashPath(dir, 'a.txt', ignore, 'md5', state))?.md5, md5('x\r\ny\r\n'));
  });

  test('without a .dvc folder nothing is written into the project', async () => {
    const dir = project({ 'a.txt': 'x' });
    rmSync(join(dir, '.dvc'), { recursive: true });
    assert.equal(await run(dir, 'a.txt'), md5('x'));
    assert.deepEqual(execFileSync('find', ['.', '-mindepth', '1'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').sort(), ['./a.txt']);
  });
});
