import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync, mkdirSync, chmodSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Cache, checkout, DataError, dirManifest, openRemote, pull, push, TransferError } from '../../../src/dvc/data/index';
import type { RemoteConfig } from '../../../src/dvc/data/index';
import { EXAMPLE_DIR, exampleDirInStore, md5sum, placeByMd5sum, temp } from './helpers';
import { hashPath } from '../../../src/pipeline/hash';
import { DvcIgnore } from '../../../src/pipeline/dvcignore';

function localRemote(url: string, options: Record<string, string> = {}): RemoteConfig {
  return { name: 'store', url, options, files: ['.dvc/config'] };
}

/** Every file under `dir`, relative, for "nothing half-written was left behind" checks. */
function tree(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tree(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

describe('DVC data layer on a local-directory remote', () => {
  test('the .dir manifest is byte-identical to DVC’s worked example, and its oid is md5sum of those bytes', () => {
    const m = dirManifest([
      { relpath: 'sub/b.txt', md5: '3b5d5c3712955042212316173ccf37be' },
      { relpath: 'a.txt', md5: '60b725f10c9c85c70d97880dfe8191b3' },
    ]);
    assert.equal(m.bytes.toString(), EXAMPLE_DIR.bytes);
    const file = join(temp(), 'm');
    writeFileSync(file, m.bytes);
    assert.equal(m.oid, `${md5sum(file)}.dir`);
    assert.equal(m.oid, EXAMPLE_DIR.oid);
  });

  test('Python json.dumps escapes and code-point order: non-ASCII as \\u escapes, astral after BMP', () => {
    const m = dirManifest([
      { relpath: '\u{1F600}.txt', md5: '0'.repeat(32) },
      { relpath: '\uFB01.txt', md5: '1'.repeat(32) },
      { relpath: 'é "q".txt', md5: '2'.repeat(32) },
    ]);
    assert.equal(
      m.bytes.toString(),
      `[{"md5": "${'2'.repeat(32)}", "relpath": "\\u00e9 \\"q\\".txt"}, {"md5": "${'1'.repeat(32)}", "relpath": "\\ufb01.txt"}, {"md5": "${'0'.repeat(32)}", "relpath": "\\ud83d\\ude00.txt"}]`,
    );
  });

  test('objects laid out by md5sum are pulled into .dvc/cache (DVC 3 layout) and checked out', async () => {
    const store = temp();
    exampleDirInStore(store);
    const work = temp();
    writeFileSync(join(work, 'hello'), 'hello\n');
    const hello = placeByMd5sum(store, join(work, 'hello'));
    assert.equal(hello, 'b1946ac92492d2347c6235b4d2611184');

    const root = temp();
    const cache = new Cache(join(root, '.dvc', 'cache'));
    const remote = openRemote(localRemote(store));
    const result = await pull(cache, remote, [
      { oid: EXAMPLE_DIR.oid, path: 'data' },
      { oid: hello, path: 'hello.txt' },
    ]);
    assert.deepEqual({ downloaded: result.downloaded, cached: result.cached }, { downloaded: 4, cached: 0 });
    assert.deepEqual(tree(join(root, '.dvc', 'cache')).sort(), [
      'files/md5/3b/5d5c3712955042212316173ccf37be',
      'files/md5/60/b725f10c9c85c70d97880dfe8191b3',
      'files/md5/84/9835d274483dc683eb416d6e4f887d.dir',
      'files/md5/b1/946ac92492d2347c6235b4d2611184',
    ]);
    // DVC protects cache files read-only.
    assert.equal(statSync(cache.path(hello)).mode & 0o777, 0o444);

    assert.equal(await checkout(cache, root, { path: 'data', oid: EXAMPLE_DIR.oid }), 'created');
    assert.equal(await checkout(cache, root, { path: 'hello.txt', oid: hello }), 'created');
    assert.equal(readFileSync(join(root, 'data', 'a.txt'), 'utf8'), 'a\n');
    assert.equal(readFileSync(join(root, 'data', 'sub', 'b.txt'), 'utf8'), 'b\n');
    assert.equal(readFileSync(join(root, 'hello.txt'), 'utf8'), 'hello\n');
    assert.equal(await checkout(cache, root, { path: 'data', oid: EXAMPLE_DIR.oid }), 'unchanged');

    // A second pull finds everything in the cache and asks the remote nothing: a remote that is gone proves it.
    const gone = openRemote(localRemote(join(store, 'nowhere')));
    const again = await pull(cache, gone, [{ oid: EXAMPLE_DIR.oid, path: 'data' }]);
    assert.deepEqual({ downloaded: again.downloaded, cached: again.cached }, { downloaded: 0, cached: 3 });
  });

  test('asking the cache by folder listing answers as has() does: files and links to files, not dangling links or folders', async () => {
    const root = temp();
    const cache = new Cache(join(root, 'cache'));
    const work = temp();
    writeFileSync(join(work, 'a'), 'a\n');
    writeFileSync(join(work, 'b'), 'b\n');
    const a = placeByMd5sum(cache.dir, join(work, 'a'));
    const b = placeByMd5sum(cache.dir, join(work, 'b'), true);
    // A link's target is hashed as a writable file is, so it holds its object's bytes.
    writeFileSync(join(work, 'c'), 'c\n');
    const linked = md5sum(join(work, 'c'));
    const dangling = 'd'.repeat(32);
    const folder = 'e'.repeat(32);
    mkdirSync(join(cache.path(linked), '..'), { recursive: true });
    symlinkSync(join(work, 'c'), cache.path(linked));
    mkdirSync(join(cache.path(dangling), '..'), { recursive: true });
    symlinkSync(join(root, 'nowhere'), cache.path(dangling));
    mkdirSync(cache.path(folder), { recursive: true });
    const absent = ['ab'.repeat(16), 'ff'.repeat(16)];
    const all = [a, b, linked, dangling, folder, ...absent];
    const held = await cache.holding(all);
    for (const oid of all) assert.equal(held.has(oid), await cache.has(oid), oid);
    assert.deepEqual([...held].sort(), [a, linked].sort());
    assert.deepEqual([...(await cache.holding(all, true))], [b]);
    assert.equal((await new Cache(join(root, 'none')).holding(all)).size, 0);
  });

  test('DVC 2.x objects (no hash: md5) are read from the remote root and land at the cache root', async () => {
    const store = temp();
    exampleDirInStore(store, true);
    const root = temp();
    const cache = new Cache(join(root, '.dvc', 'cache'));
    await pull(cache, openRemote(localRemote(store)), [{ oid: EXAMPLE_DIR.oid, path: 'data', legacy: true }]);
    assert.ok(existsSync(join(root, '.dvc', 'cache', '84', '9835d274483dc683eb416d6e4f887d.dir')));
    assert.ok(existsSync(join(root, '.dvc', 'cache', '60', 'b725f10c9c85c70d97880dfe8191b3')));
  });

  test('legacy objects are verified md5-dos2unix: a CRLF text file named by its LF md5 is accepted', async () => {
    const store = temp();
    const work = temp();
    writeFileSync(join(work, 'lf'), 'x,y\n1,2\n');
    writeFileSync(join(work, 'crlf'), 'x,y\r\n1,2\r\n');
    const lfMd5 = md5sum(join(work, 'lf'));
    mkdirSync(join(store, lfMd5.slice(0, 2)), { recursive: true });
    writeFileSync(join(store, lfMd5.slice(0, 2), lfMd5.slice(2)), readFileSync(join(work, 'crlf')));
    const cache = new Cache(join(temp(), 'cache'));
    await pull(cache, openRemote(localRemote(store)), [{ oid: lfMd5, path: 'data.csv', legacy: true }]);
    assert.equal(readFileSync(cache.path(lfMd5, true), 'utf8'), 'x,y\r\n1,2\r\n');
  });

  test(
    "a link to nothing in a directory output (dangling, or a loop: x -> x) is left out of what the cache saves, as the folder's hash leaves it out, not a raw ELOOP",
    { skip: process.platform === 'win32' && 'symlinks need extra rights on Windows' },
    async () => {
      const root = temp();
      mkdirSync(join(root, 'data', 'sub'), { recursive: true });
      writeFileSync(join(root, 'data', 'a.txt'), 'a\n');
      writeFileSync(join(root, 'data', 'sub', 'b.txt'), 'b\n');
      symlinkSync('loop', join(root, 'data', 'loop'));
      symlinkSync('nowhere', join(root, 'data', 'sub', 'dangling'));
      const cache = new Cache(join(root, '.dvc', 'cache'));
      assert.deepEqual(await cache.addDirectory(join(root, 'data')), { oid: EXAMPLE_DIR.oid, size: 4, nfiles: 2 });
      const hashed = await hashPath(root, 'data', new DvcIgnore(root));
      assert.equal(hashed?.md5, EXAMPLE_DIR.oid);
    },
  );

  test('pushed objects sit where md5sum says they belong, the .dir last; a second push uploads nothing', async () => {
    const root = temp();
    mkdirSync(join(root, 'data', 'sub'), { recursive: true });
    writeFileSync(join(root, 'data', 'a.txt'), 'a\n');
    writeFileSync(join(root, 'data', 'sub', 'b.txt'), 'b\n');
    const cache = new Cache(join(root, '.dvc', 'cache'));
    const added = await cache.addDirectory(join(root, 'data'));
    assert.deepEqual(added, { oid: EXAMPLE_DIR.oid, size: 4, nfiles: 2 });

    const store = temp();
    const written: string[] = [];
    const remote = openRemote(localRemote(store));
    const write = remote.write.bind(remote);
    remote.write = async (key, file, size) => {
      written.push(key);
      await write(key, file, size);
    };
    const result = await push(cache, remote, [{ oid: added.oid, path: 'data' }]);
    assert.equal(result.uploaded, 3);
    assert.equal(written.at(-1), 'files/md5/84/9835d274483dc683eb416d6e4f887d.dir');
    for (const [file, content] of [
      ['a.txt', 'a\n'],
      ['sub/b.txt', 'b\n'],
    ] as const) {
      const md5 = md5sum(join(root, 'data', file));
      assert.equal(readFileSync(join(store, 'files', 'md5', md5.slice(0, 2), md5.slice(2)), 'utf8'), content);
    }
    const dirFile = join(store, 'files', 'md5', '84', '9835d274483dc683eb416d6e4f887d.dir');
    assert.equal(`${md5sum(dirFile)}.dir`, EXAMPLE_DIR.oid);
    assert.equal((await push(cache, remote, [{ oid: added.oid, path: 'data' }])).uploaded, 0);
  });

  test('a corrupt object (md5 mismatch) fails naming path, object and remote, and leaves nothing in the cache', async () => {
    const store = temp();
    const md5 = 'b1946ac92492d2347c6235b4d2611184';
    mkdirSync(join(store, 'files', 'md5', 'b1'), { recursive: true });
    writeFileSync(join(store, 'files', 'md5', 'b1', md5.slice(2)), 'tampered\n');
    const root = temp();
    const cache = new Cache(join(root, '.dvc', 'cache'));
    await assert.rejects(
      pull(cache, openRemote(localRemote(store)), [{ oid: md5, path: 'hello.txt' }]),
      (e: unknown) =>
        e instanceof TransferError &&
        e.failures[0]!.kind === 'corrupt' &&
        e.message.includes('hello.txt') &&
        e.message.includes(md5) &&
        e.message.includes(`remote 'store' (${store})`),
    );
    assert.deepEqual(tree(join(root, '.dvc', 'cache')), []);
  });

  test('a 5 MiB object streamed in many chunks: verified, read-only, whole; a corrupt one (a byte flipped near its end) or one whose stream breaks off leaves nothing', async () => {
    const store = temp();
    const work = temp();
    // 5 MiB + 1 byte of varied content, and the same bytes with one flipped near the end under the good one's name.
    const big = Buffer.alloc(5 * 1024 * 1024 + 1);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
    writeFileSync(join(work, 'big.bin'), big);
    const good = placeByMd5sum(store, join(work, 'big.bin'));
    const root = temp();
    const cache = new Cache(join(root, '.dvc', 'cache'));
    const pulled = await pull(cache, openRemote(localRemote(store), { jobs: 2 }), [{ oid: good, path: 'big.bin' }]);
    assert.deepEqual(pulled, { downloaded: 1, cached: 0, bytes: big.length });
    assert.equal(md5sum(cache.path(good)), good);
    assert.equal(statSync(cache.path(good)).mode & 0o777, 0o444);
    assert.deepEqual(tree(join(root, '.dvc', 'cache')), [`files/md5/${good.slice(0, 2)}/${good.slice(2)}`]);

    const other = temp();
    const tampered = Buffer.from(big);
    tampered[big.length - 10] = tampered[big.length - 10]! ^ 1;
    mkdirSync(join(other, 'files', 'md5', good.slice(0, 2)), { recursive: true });
    writeFileSync(join(other, 'files', 'md5', good.slice(0, 2), good.slice(2)), tampered);
    const fresh = new Cache(join(temp(), 'cache'));
    await assert.rejects(
      pull(fresh, openRemote(localRemote(other)), [{ oid: good, path: 'big.bin' }]),
      (e: unknown) => e instanceof TransferError && e.failures[0]!.kind === 'corrupt',
    );
    assert.deepEqual(tree(fresh.dir), []);

    async function* breaksOff(): AsyncIterable<Uint8Array> {
      yield big.subarray(0, 3 * 1024 * 1024);
      throw new Error('connection reset');
    }
    await assert.rejects(fresh.write(good, false, breaksOff(), 'a test stream'), /reading it from a test stream broke off: connection reset/);
    assert.deepEqual(tree(fresh.dir), []);
  });

  test('pulled bytes are counted for every object, however many downloads run at once', async () => {
    const store = temp();
    const work = temp();
    const entries = [];
    let total = 0;
    for (let i = 0; i < 24; i++) {
      // Sizes that differ, so a lost update cannot add up to the right total by chance.
      const bytes = Buffer.alloc(100_000 + i * 4_099, i + 1);
      writeFileSync(join(work, `f${i}`), bytes);
      entries.push({ relpath: `f${i}.bin`, md5: placeByMd5sum(store, join(work, `f${i}`)) });
      total += bytes.length;
    }
    const manifest = dirManifest(entries);
    mkdirSync(join(store, 'files', 'md5', manifest.oid.slice(0, 2)), { recursive: true });
    writeFileSync(join(store, 'files', 'md5', manifest.oid.slice(0, 2), manifest.oid.slice(2)), manifest.bytes);
    const cache = new Cache(join(temp(), 'cache'));
    const pulled = await pull(cache, openRemote(localRemote(store), { jobs: 6 }), [{ oid: manifest.oid, path: 'data' }]);
    assert.deepEqual(pulled, { downloaded: 25, cached: 0, bytes: total + manifest.bytes.length });
  });

  test('a directory with a missing file: the others arrive, the .dir is not stored, the error names the file', async () => {
    const store = temp();
    exampleDirInStore(store);
    const { rmSync } = await import('node:fs');
    rmSync(join(store, 'files', 'md5', '3b', '5d5c3712955042212316173ccf37be'));
    const root = temp();
    const cache = new Cache(join(root, '.dvc', 'cache'));
    await assert.rejects(pull(cache, openRemote(localRemote(store)), [{ oid: EXAMPLE_DIR.oid, path: 'data' }]), (e: unknown) => {
      assert.ok(e instanceof TransferError);
      assert.equal(e.failures.length, 1);
      assert.equal(e.failures[0]!.kind, 'missing');
      assert.match(
        e.message,
        /data\/sub\/b\.txt: object 3b5d5c3712955042212316173ccf37be: files\/md5\/3b\/5d5c3712955042212316173ccf37be is not in remote 'store'/,
      );
      return true;
    });
    assert.deepEqual(tree(join(root, '.dvc', 'cache')), ['files/md5/60/b725f10c9c85c70d97880dfe8191b3']);
    await assert.rejects(
      checkout(cache, root, { path: 'data', oid: EXAMPLE_DIR.oid }),
      /data: object 849835d274483dc683eb416d6e4f887d\.dir is not in the cache/,
    );
    assert.ok(!existsSync(join(root, 'data')));
  });

  test('a directory checkout that fails part-way, with copies in flight, leaves the old directory as it was and no half-filled one', async () => {
    const root = temp();
    const cache = new Cache(join(root, '.dvc', 'cache'));
    const work = temp();
    const entries = [];
    for (let i = 0; i < 20; i++) {
      writeFileSync(join(work, `f${i}`), `file ${i}\n`);
      entries.push({ relpath: `f${String(i).padStart(2, '0')}.txt`, md5: (await cache.addFile(join(work, `f${i}`))).oid });
    }
    // `f10.txt` is also the folder of `f10.txt/inner`: that one copy cannot be made while the others are.
    entries.push({ relpath: 'f10.txt/inner', md5: entries[0]!.md5 });
    const manifest = dirManifest(entries);
    await cache.writeBytes(manifest.oid, false, manifest.bytes, 'a test manifest');
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'data', 'old.txt'), 'old\n');
    await cache.addFile(join(root, 'data', 'old.txt'));
    await assert.rejects(
      checkout(cache, root, { path: 'data', oid: manifest.oid }),
      (e: unknown) => e instanceof DataError && /^data: checkout failed/.test(e.message),
    );
    assert.deepEqual(
      tree(root).filter((f) => !f.startsWith('.dvc/')),
      ['data/old.txt'],
    );
  });

  test(
    'a link where a directory output goes, to a folder or to nothing, is refused by name (not EISDIR or ENOENT); a link to a file is replaced as before',
    { skip: process.platform === 'win32' && 'symlinks need extra rights on Windows' },
    async () => {
      const root = temp();
      const cache = new Cache(join(root, '.dvc', 'cache'));
      const store = temp();
      exampleDirInStore(store);
      await pull(cache, openRemote(localRemote(store)), [{ oid: EXAMPLE_DIR.oid, path: 'data' }]);
      mkdirSync(join(root, 'runs', '7'), { recursive: true });
      symlinkSync(join('runs', '7'), join(root, 'data'));
      await assert.rejects(
        checkout(cache, root, { path: 'data', oid: EXAMPLE_DIR.oid }),
        (e: unknown) =>
          e instanceof DataError && /^data: a link to runs\/7, which is a folder, is where the output goes; checkout does not write through/.test(e.message),
      );
      symlinkSync(join('runs', '8'), join(root, 'gone'));
      await assert.rejects(
        checkout(cache, root, { path: 'gone', oid: EXAMPLE_DIR.oid }),
        (e: unknown) => e instanceof DataError && /^gone: a link to runs\/8, which does not exist, is where the output goes/.test(e.message),
      );
      assert.deepEqual(readdirSync(join(root, 'runs', '7')), [], 'nothing was written through the link');
      // DVC's `symlink` cache type leaves links to cache files in the workspace: such a link is replaced by a copy.
      const a = (await cache.manifest(EXAMPLE_DIR.oid, false)).find((e) => e.relpath === 'a.txt')!;
      symlinkSync(cache.path(a.md5), join(root, 'a.txt'));
      assert.equal(await checkout(cache, root, { path: 'a.txt', oid: a.md5 }), 'modified');
      assert.equal(readFileSync(join(root, 'a.txt'), 'utf8'), 'a\n');
    },
  );

  test(
    "a folder on the way to an output that is a link out of the project or into .git/ or .dvc/: checkout (pull, repro's restores) refuses it by name before it writes or deletes anything, forced too",
    { skip: process.platform === 'win32' && 'symlinks need extra rights on Windows' },
    async () => {
      const root = temp();
      const outside = temp();
      const cache = new Cache(join(root, '.dvc', 'cache'));
      const store = temp();
      exampleDirInStore(store);
      await pull(cache, openRemote(localRemote(store)), [{ oid: EXAMPLE_DIR.oid, path: 'data' }]);
      const a = (await cache.manifest(EXAMPLE_DIR.oid, false)).find((e) => e.relpath === 'a.txt')!;
      mkdirSync(join(root, '.git'));
      writeFileSync(join(root, '.git', 'config'), '[core]\n');
      writeFileSync(join(outside, 'a.txt'), 'kept\n');
      // A leftover of an interrupted checkout beside the output, which checkout removes in a folder it may write to.
      writeFileSync(join(outside, '.a.txt.0123456789ab.tmp'), 'kept\n');
      symlinkSync('.git', join(root, 'g'));
      symlinkSync('.dvc', join(root, 'd'));
      symlinkSync(outside, join(root, 'ext'));
      mkdirSync(join(root, 'sub'));
      symlinkSync(join('..', 'g'), join(root, 'sub', 'chained'));
      const [gitDir, dvcDir, away] = [join(root, '.git'), join(root, '.dvc'), outside].map((p) => realpathSync(p));
      for (const [path, oid, said] of [
        [
          'g/config',
          a.md5,
          `g/config: 'g' on the way to it is a link to ${gitDir}, inside .git/, which holds git's own files; checkout does not write or delete there`,
        ],
        ['g/hooks', EXAMPLE_DIR.oid, `g/hooks: 'g' on the way to it is a link to ${gitDir}, inside .git/`],
        ['d/config.local', a.md5, `d/config.local: 'd' on the way to it is a link to ${dvcDir}, inside .dvc/, which holds DVC's own files;`],
        ['ext/a.txt', a.md5, `ext/a.txt: 'ext' on the way to it is a link to ${away}, outside the project;`],
        ['ext/new/a.txt', a.md5, `ext/new/a.txt: 'ext' on the way to it is a link to ${away}, outside the project;`],
        ['sub/chained/config', a.md5, `sub/chained/config: 'sub/chained' on the way to it is a link to ${gitDir}, inside .git/`],
        ['.git/config', a.md5, `.git/config: it is inside .git/, which holds git's own files;`],
      ] as const) {
        await assert.rejects(checkout(cache, root, { path, oid }, { force: true }), (e: unknown) => e instanceof DataError && e.message.startsWith(said), path);
      }
      assert.equal(readFileSync(join(root, '.git', 'config'), 'utf8'), '[core]\n');
      assert.deepEqual(readdirSync(join(root, '.git')), ['config']);
      assert.deepEqual(readdirSync(outside).sort(), ['.a.txt.0123456789ab.tmp', 'a.txt']);
      assert.equal(readFileSync(join(outside, 'a.txt'), 'utf8'), 'kept\n');
      // A link to a folder of the project is a place like any other.
      mkdirSync(join(root, 'runs', '7'), { recursive: true });
      symlinkSync(join('runs', '7'), join(root, 'models'));
      assert.equal(await checkout(cache, root, { path: 'models/a.txt', oid: a.md5 }), 'created');
      assert.equal(readFileSync(join(root, 'runs', '7', 'a.txt'), 'utf8'), 'a\n');
    },
  );

  test('checkout keeps unsaved workspace content unless forced, and replaces a file atomically', async () => {
    const store = temp();
    const work = temp();
    writeFileSync(join(work, 'hello'), 'hello\n');
    const md5 = placeByMd5sum(store, join(work, 'hello'));
    const root = temp();
    const cache = new Cache(join(root, '.dvc', 'cache'));
    await pull(cache, openRemote(localRemote(store)), [{ oid: md5 }]);
    writeFileSync(join(root, 'hello.txt'), 'my local edit\n');
    await assert.rejects(
      checkout(cache, root, { path: 'hello.txt', oid: md5 }),
      (e: unknown) => e instanceof DataError && /hello\.txt: .*not in the DVC cache.*--force/.test(e.message),
    );
    assert.equal(readFileSync(join(root, 'hello.txt'), 'utf8'), 'my local edit\n');
    assert.equal(await checkout(cache, root, { path: 'hello.txt', oid: md5, isexec: true }, { force: true }), 'modified');
    assert.equal(readFileSync(join(root, 'hello.txt'), 'utf8'), 'hello\n');
    assert.ok(statSync(join(root, 'hello.txt')).mode & 0o100);
    // The workspace copy is writable again; the cache file stays read-only.
    chmodSync(join(root, 'hello.txt'), 0o644);
    assert.equal(statSync(cache.path(md5)).mode & 0o777, 0o444);
    assert.deepEqual(
      tree(root).filter((f) => !f.startsWith('.dvc/')),
      ['hello.txt'],
    );
  });

  test('a directory checkout removes files the manifest does not list when their content is cached', async () => {
    const store = temp();
    exampleDirInStore(store);
    const root = temp();
    const cache = new Cache(join(root, '.dvc', 'cache'));
    await pull(cache, openRemote(localRemote(store)), [{ oid: EXAMPLE_DIR.oid, path: 'data' }]);
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'data', 'extra.txt'), 'a\n');
    assert.equal(await checkout(cache, root, { path: 'data', oid: EXAMPLE_DIR.oid }), 'modified');
    assert.deepEqual(tree(join(root, 'data')).sort(), ['a.txt', 'sub/b.txt']);
    assert.deepEqual(readdirSync(root).sort(), ['.dvc', 'data']);
  });
});

describe('TransferError', () => {
  test('failures are listed in path order whatever order the parallel transfers finished in', () => {
    const failures = [
      { oid: 'bbb', path: 'data/sub/b.txt', kind: 'failed' as const, reason: 'no' },
      { oid: 'ccc', kind: 'failed' as const, reason: 'no' },
      { oid: 'aaa', path: 'data/a.txt', kind: 'failed' as const, reason: 'no' },
    ];
    const forward = new TransferError('push', "remote 's3'", failures);
    const backward = new TransferError('push', "remote 's3'", [...failures].reverse());
    assert.equal(forward.message, backward.message);
    assert.deepEqual(
      forward.failures.map((f) => f.oid),
      ['ccc', 'aaa', 'bbb'],
    );
    assert.match(forward.message, /:\n {2}object ccc: no\n {2}data\/a\.txt: object aaa: no\n {2}data\/sub\/b\.txt: object bbb: no$/);
  });
});
