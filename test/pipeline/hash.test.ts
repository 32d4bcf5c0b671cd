import { createHash } from 'node:crypto';
import { md5sum } from '../helpers/md5sum';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DvcIgnore } from '../../src/pipeline/dvcignore';
import { isTextBlock, ObjectHasher, objectMd5 } from '../../src/dvc/data/hash';
import { dirManifest, type DirEntry } from '../../src/dvc/data/manifest';
import { hashPath, isExecutable, md5File, md5FileDos2Unix } from '../../src/pipeline/hash';

/** The `.dir` listing text and its hash, as the pipeline records a directory (the data layer's manifest). */
const dirListingJson = (entries: DirEntry[]): string => dirManifest(entries).bytes.toString('utf8');
const dirHash = (entries: DirEntry[]): string => dirManifest(entries).oid;
import { pyJsonString } from '../../src/util/python-text';
import { tempDir } from '../helpers/repo';

const md5 = (data: string | Buffer): string => createHash('md5').update(data).digest('hex');

function tree(files: Record<string, string | Buffer>): string {
  const dir = tempDir('mlreport-hash-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, ...path.split('/').slice(0, -1)), { recursive: true });
    writeFileSync(join(dir, ...path.split('/')), content);
  }
  return dir;
}

describe('file hashes (hash: md5 = plain md5 of the bytes)', () => {
  test('md5 of "foo" as in dvc-data tests/hashfile/test_build.py::test_build_file', async () => {
    const dir = tree({ foo: 'foo' });
    try {
      const meta = await hashPath(dir, 'foo', new DvcIgnore(dir));
      // dvc-data: `assert meta.size == 3` and HashInfo("md5", "acbd18db4cc2f85cedef654fccc4a4d8")
      assert.deepEqual(meta, { md5: 'acbd18db4cc2f85cedef654fccc4a4d8', size: 3 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('large files hash the same through the stream as md5sum (md5 -q, certutil) does', async () => {
    const dir = tree({ big: Buffer.alloc(9 * 1024 * 1024 + 7, 'ab\r\n') });
    try {
      const expected = md5sum(join(dir, 'big'));
      assert.equal(await md5File(join(dir, 'big')), expected);
      assert.equal(await md5File(join(dir, 'big'), 10), expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the exec bit is recorded as isexec', { skip: process.platform === 'win32' }, async () => {
    const dir = tree({ 'run.sh': '#!/bin/sh\n' });
    try {
      chmodSync(join(dir, 'run.sh'), 0o755);
      assert.deepEqual(await hashPath(dir, 'run.sh', new DvcIgnore(dir)), { md5: md5('#!/bin/sh\n'), size: 10, isexec: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("on Windows isexec comes from the name, as Python's os.stat there gives DVC the execute bits", async () => {
    for (const name of ['tool.exe', 'RUN.BAT', 'dvc.cmd', 'x.com']) assert.equal(isExecutable(0o100666, name, 'win32'), true, name);
    for (const name of ['run.sh', 'model.exe.txt', 'exe', 'train.py']) assert.equal(isExecutable(0o100777, name, 'win32'), false, name);
    assert.equal(isExecutable(0o100644, 'tool.exe', 'linux'), false);
    assert.equal(isExecutable(0o100744, 'run.sh', 'darwin'), true);
    const dir = tree({ 'tool.cmd': '@echo off\r\n' });
    try {
      const meta = await hashPath(dir, 'tool.cmd', new DvcIgnore(dir));
      assert.equal(meta?.isexec, process.platform === 'win32' ? true : undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a missing path has no hash', async () => {
    const dir = tempDir();
    try {
      assert.equal(await hashPath(dir, 'nope', new DvcIgnore(dir)), null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('legacy md5-dos2unix (DVC 2 entries without hash:)', () => {
  test('istextblock cases from dvc-data tests/hashfile/test_istextfile.py', () => {
    assert.equal(isTextBlock(Buffer.from('')), true);
    assert.equal(isTextBlock(Buffer.from('text')), true);
    assert.equal(isTextBlock(Buffer.from('\x00\x001', 'latin1')), false);
    const longBinary = Buffer.from('True\x80\x04\x95\x1a\x00\x00\x00\x00\x00\x00\x00\x8c\x08\r\n__main__\x94\x8c\x06Animal\x94\x93\x94)\x81\x94.', 'latin1');
    assert.equal(isTextBlock(longBinary), false);
  });

  test('CRLF text hashes as its LF form; binary bytes are left alone', async () => {
    const dir = tree({ 'a.txt': 'one\r\ntwo\r\n', 'b.bin': Buffer.from('x\r\n\x00y\r\n', 'latin1') });
    try {
      assert.equal(await md5FileDos2Unix(join(dir, 'a.txt')), md5('one\ntwo\n'));
      assert.equal(await md5File(join(dir, 'a.txt')), md5('one\r\ntwo\r\n'));
      assert.equal(await md5FileDos2Unix(join(dir, 'b.bin')), md5(Buffer.from('x\r\n\x00y\r\n', 'latin1')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('CRLF at every byte alignment, lone CRs, a CR ending a chunk and unaligned buffers convert as bytes.replace does', () => {
    const reference = (bytes: Buffer): string => {
      const h = createHash('md5');
      for (let at = 0; at < bytes.length; at += 1024 * 1024) {
        const chunk = bytes.subarray(at, at + 1024 * 1024);
        h.update(isTextBlock(chunk.subarray(0, 512)) ? Buffer.from(chunk.toString('latin1').replaceAll('\r\n', '\n'), 'latin1') : chunk);
      }
      return h.digest('hex');
    };
    const pieces = ['a\r\n', 'bb\r\n', 'ccc\r\n', 'dddd\r\n', '\r', '\r\r\n', 'x\ry', '\n\r'];
    let text = '';
    for (let i = 0; text.length < 1024 * 1024 + 4096; i++) text += pieces[i % pieces.length]! + 'z'.repeat(i % 5);
    // A CR as the last byte of the first chunk, its LF opening the next: dvc-data keeps both.
    const bytes = Buffer.from(text.slice(0, 1024 * 1024 - 1) + '\r\n' + text.slice(1024 * 1024 + 1), 'latin1');
    assert.equal(objectMd5(bytes, true), reference(bytes));
    for (let shift = 1; shift < 4; shift++) {
      const unaligned = Buffer.alloc(bytes.length + shift).subarray(shift);
      bytes.copy(unaligned);
      assert.equal(objectMd5(unaligned, true), reference(bytes), `offset ${shift}`);
    }
    const h = new ObjectHasher(true);
    for (let at = 0; at < bytes.length; at += 777) h.update(bytes.subarray(at, at + 777));
    assert.equal(h.digest(), reference(bytes), 'fed in odd pieces');
  });

  test('conversion is decided per 1 MiB chunk, as dvc-data reads', async () => {
    const text = Buffer.alloc(1024 * 1024, 'a\r\n');
    const binary = Buffer.concat([Buffer.from([0]), Buffer.alloc(1000, 'b\r\n')]);
    const dir = tree({ mixed: Buffer.concat([text, binary]) });
    try {
      const expected = createHash('md5')
        .update(Buffer.from(text.toString('latin1').replace(/\r\n/g, '\n'), 'latin1'))
        .update(binary)
        .digest('hex');
      assert.equal(await md5FileDos2Unix(join(dir, 'mixed')), expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('directory hashes (<md5 of the listing>.dir)', () => {
  test('dir {foo, bar} as in dvc-data tests/hashfile/test_build.py::test_build_directory', async () => {
    const dir = tree({ 'dir/foo': 'foo', 'dir/bar': 'bar' });
    try {
      // dvc-data: Meta(isdir=True, size=6, nfiles=2), HashInfo("md5", "5ea40360f5b4ec688df672a4db9c17d1.dir")
      assert.deepEqual(await hashPath(dir, 'dir', new DvcIgnore(dir)), { md5: '5ea40360f5b4ec688df672a4db9c17d1.dir', size: 6, nfiles: 2 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an empty directory is md5("[]").dir with no files', async () => {
    const dir = tempDir();
    try {
      mkdirSync(join(dir, 'empty', 'sub'), { recursive: true });
      assert.equal(md5('[]'), 'd751713988987e9331980363e24189ce');
      assert.deepEqual(await hashPath(dir, 'empty', new DvcIgnore(dir)), { md5: 'd751713988987e9331980363e24189ce.dir', size: 0, nfiles: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the listing is Python json.dumps(sort_keys=True): ", " and ": ", ASCII escapes, code point order', () => {
    const listing = dirListingJson([
      { md5: 'b', relpath: 'a/b.txt' },
      { md5: 'c', relpath: 'a.b' },
      { md5: 'd', relpath: 'Z' },
      { md5: 'e', relpath: 'é\u{1F600}"\\' },
      { md5: 'f', relpath: '\uff21' },
    ]);
    // '.' (0x2e) sorts before '/' (0x2f); 'Z' before 'a'; U+00E9 before U+FF21; the emoji is a surrogate pair.
    assert.equal(
      listing,
      '[{"md5": "d", "relpath": "Z"}, {"md5": "c", "relpath": "a.b"}, {"md5": "b", "relpath": "a/b.txt"}, ' +
        '{"md5": "e", "relpath": "\\u00e9\\ud83d\\ude00\\"\\\\"}, {"md5": "f", "relpath": "\\uff21"}]',
    );
    assert.equal(pyJsonString('tab\tnl\ncr\r\x01\x7f'), '"tab\\tnl\\ncr\\r\\u0001\\u007f"');
    // Printable ASCII is written as it is, around the two characters that need a backslash and the first beyond it.
    assert.equal(pyJsonString(' !#[]~metric_1.a'), '" !#[]~metric_1.a"');
    assert.equal(pyJsonString('a"b\\c\x7fd'), '"a\\"b\\\\c\\u007fd"');
    assert.equal(pyJsonString(''), '""');
  });

  test('astral characters sort by code point, not UTF-16 unit', () => {
    const entries = [
      { md5: 'a', relpath: '\u{1F600}' },
      { md5: 'b', relpath: '\uff21' },
    ];
    // U+FF21 < U+1F600 in code points, although its UTF-16 unit 0xFF21 is above the surrogate 0xD83D.
    assert.ok(dirListingJson(entries).indexOf('\\uff21') < dirListingJson(entries).indexOf('\\ud83d'));
    assert.equal(dirHash(entries), `${md5(dirListingJson(entries))}.dir`);
  });

  test('nested files use / relpaths; size sums files; .dvcignore applies, .gitignore does not', async () => {
    const dir = tree({
      '.dvcignore': '*.tmp\n/data/skip/\n',
      '.gitignore': 'data/git-ignored.txt\n',
      'data/a.txt': 'a',
      'data/sub/b.txt': 'bb',
      'data/x.tmp': 'ignored',
      'data/skip/c.txt': 'ignored',
      'data/git-ignored.txt': 'ccc',
    });
    try {
      const meta = await hashPath(dir, 'data', new DvcIgnore(dir));
      const expected = dirHash([
        { md5: md5('a'), relpath: 'a.txt' },
        { md5: md5('ccc'), relpath: 'git-ignored.txt' },
        { md5: md5('bb'), relpath: 'sub/b.txt' },
      ]);
      assert.deepEqual(meta, { md5: expected, size: 6, nfiles: 3 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a .dvcignore above the tracked folder anchors at its own folder, and its rules follow the root’s', async () => {
    const dir = tree({
      '.dvcignore': '*.log\n',
      'proj/.dvcignore': '/data/skip/\n!keep.log\n',
      'proj/data/a.txt': 'a',
      'proj/data/b.log': 'ignored at the root',
      'proj/data/keep.log': 'kept by proj/.dvcignore',
      'proj/data/skip/c.txt': 'ignored',
      'proj/data/sub/data/skip/d.txt': 'd',
    });
    try {
      const meta = await hashPath(dir, 'proj/data', new DvcIgnore(dir));
      const expected = dirHash([
        { md5: md5('a'), relpath: 'a.txt' },
        { md5: md5('kept by proj/.dvcignore'), relpath: 'keep.log' },
        { md5: md5('d'), relpath: 'sub/data/skip/d.txt' },
      ]);
      assert.deepEqual(meta, { md5: expected, size: 25, nfiles: 3 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('negation and ** patterns in .dvcignore', async () => {
    const dir = tree({ '.dvcignore': '**/logs/**\n*.csv\n!keep.csv\n', 'd/logs/x/1': '1', 'd/a.csv': 'a', 'd/keep.csv': 'k', 'd/n': 'n' });
    try {
      const meta = await hashPath(dir, 'd', new DvcIgnore(dir));
      assert.equal(meta?.nfiles, 2);
      assert.equal(
        meta?.md5,
        dirHash([
          { md5: md5('k'), relpath: 'keep.csv' },
          { md5: md5('n'), relpath: 'n' },
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("DVC's built-in ignores (.git, .git/, .hg/, .dvc/) apply at any depth, with and without a .dvcignore", async () => {
    const files = {
      'd/a': 'a',
      'd/x/.git': 'gitdir: ../.git/modules/x',
      'd/x/.git.bak': 'kept',
      'd/y/.git/HEAD': 'ref',
      'd/y/.hg/store': 'hg',
      'd/y/.hg.txt': 'kept',
      'd/z/.dvc/config': 'c',
      'd/z/.hg': 'a file named .hg is kept: .hg/ names folders only',
      'd/z/.dvc.txt': 'kept',
    };
    const expected = {
      md5: dirHash([
        { md5: md5('a'), relpath: 'a' },
        { md5: md5('kept'), relpath: 'x/.git.bak' },
        { md5: md5('kept'), relpath: 'y/.hg.txt' },
        { md5: md5('kept'), relpath: 'z/.dvc.txt' },
        { md5: md5('a file named .hg is kept: .hg/ names folders only'), relpath: 'z/.hg' },
      ]),
      size: 1 + 4 + 4 + 4 + 49,
      nfiles: 5,
    };
    for (const dvcignore of [undefined, '*.log\n']) {
      const dir = tree(dvcignore === undefined ? files : { ...files, '.dvcignore': dvcignore, 'd/x/run.log': 'ignored' });
      try {
        assert.deepEqual(await hashPath(dir, 'd', new DvcIgnore(dir)), expected, `with .dvcignore ${JSON.stringify(dvcignore)}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  test(
    'in a folder, links are followed, a dangling link is skipped and a FIFO is refused without blocking',
    { skip: process.platform === 'win32' },
    async () => {
      const dir = tree({ 'd/a': 'a', 'outside/b': 'bb', 'outside/sub/c': 'ccc' });
      try {
        symlinkSync('../outside/b', join(dir, 'd', 'link-b'));
        symlinkSync('../outside/sub', join(dir, 'd', 'link-sub'));
        symlinkSync('../nowhere', join(dir, 'd', 'dangling'));
        const expected = dirHash([
          { md5: md5('a'), relpath: 'a' },
          { md5: md5('bb'), relpath: 'link-b' },
          { md5: md5('ccc'), relpath: 'link-sub/c' },
        ]);
        assert.deepEqual(await hashPath(dir, 'd', new DvcIgnore(dir)), { md5: expected, size: 6, nfiles: 3 });
        execFileSync('mkfifo', [join(dir, 'd', 'pipe')]);
        await assert.rejects(hashPath(dir, 'd', new DvcIgnore(dir)), /'d\/pipe': not a regular file/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  test('a plain name in .dvcignore matches that name at any depth, never a longer name that ends with it', () => {
    const dir = tree({ '.dvcignore': 'logs\ncache/\n' });
    try {
      const ignore = new DvcIgnore(dir);
      const cases: [string, boolean, boolean][] = [
        ['logs', false, true],
        ['a/logs', true, true],
        ['a/b/logs', false, true],
        ['mylogs', false, false],
        ['a/mylogs', false, false],
        ['logs2', false, false],
        ['a/cache', true, true],
        ['a/cache', false, false],
        ['a/xcache', true, false],
      ];
      for (const [path, isDir, ignored] of cases) {
        assert.equal(ignore.matches(path, isDir), ignored, `${path} (${isDir ? 'folder' : 'file'})`);
        const slash = path.lastIndexOf('/');
        assert.equal(ignore.childMatcher(path.slice(0, Math.max(slash, 0)))(path.slice(slash + 1), isDir), ignored, `${path} by name`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a .dvcignore inside a tracked directory is an error, as in DVC', async () => {
    const dir = tree({ 'd/.dvcignore': 'x\n', 'd/a': 'a' });
    try {
      await assert.rejects(hashPath(dir, 'd', new DvcIgnore(dir)), /d\/\.dvcignore.*cannot be inside a tracked directory/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
