import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { tempDir } from '../helpers/repo';
import { diffData, selectTargets } from '../../src/data-diff/diff';
import { dataDiffJson, dataDiffMarkdown, dataDiffPlain } from '../../src/data-diff/dvc-output';
import { escapeCell } from '../../src/report/escape';
import { parquetShape, tableShape } from '../../src/data-diff/table-shape';
import type { DataEntry, DataIndex } from '../../src/data-diff/types';

const H = (c: string) => c.repeat(32);
function index(entries: Record<string, Partial<DataEntry> & { md5: string | null }>, unknown: Record<string, string> = {}): DataIndex {
  return {
    entries: new Map(Object.entries(entries).map(([p, e]) => [p, { size: null, isdir: e.md5?.endsWith('.dir') ?? false, ...e }])),
    unknown: new Map(Object.entries(unknown)),
    unloaded: new Map(),
    notes: [],
  };
}

describe('diffData: dvc diff over two data indexes', () => {
  test('renames pair equal content in path order, as dvc-data _detect_renames does; the rest stay added and deleted', () => {
    // Two deleted files with the same content and two added ones: the first deleted goes with the first added.
    const old = index({ d: { md5: `${H('a')}.dir` }, 'd/x1': { md5: H('1') }, 'd/x2': { md5: H('1') }, 'd/gone': { md5: H('2') } });
    const head = index({ d: { md5: `${H('b')}.dir` }, 'd/y1': { md5: H('1') }, 'd/y2': { md5: H('1') }, 'd/new': { md5: H('3') } });
    const diff = diffData(old, head);
    assert.deepEqual(
      diff.renamed.map((r) => r.path),
      [
        { old: 'd/x1', new: 'd/y1' },
        { old: 'd/x2', new: 'd/y2' },
      ],
    );
    assert.deepEqual(
      diff.added.map((a) => a.path),
      ['d/new'],
    );
    assert.deepEqual(
      diff.deleted.map((a) => a.path),
      ['d/gone'],
    );
    assert.deepEqual(
      diff.modified.map((a) => a.path),
      ['d/'],
    );
  });

  test('a modified file is never a rename; a renamed directory output is one, with its files', () => {
    const old = index({ raw: { md5: `${H('a')}.dir`, size: 4 }, 'raw/f': { md5: H('1') }, 'm.pkl': { md5: H('5') } });
    const head = index({ raw2: { md5: `${H('a')}.dir`, size: 4 }, 'raw2/f': { md5: H('1') }, 'm.pkl': { md5: H('6') } });
    const diff = diffData(old, head);
    assert.deepEqual(
      diff.renamed.map((r) => [r.path.old, r.path.new, r.size]),
      [
        ['raw/', 'raw2/', 4],
        ['raw/f', 'raw2/f', null],
      ],
    );
    assert.deepEqual(diff.modified, [{ path: 'm.pkl', old: { md5: H('5'), size: null }, new: { md5: H('6'), size: null } }]);
  });

  test("a directory one side cannot list: its files are neither added nor deleted, it is 'not in cache' with both sides' reasons", () => {
    const old = index({ d: { md5: `${H('a')}.dir` } }, { d: 'base: object missing' });
    const head = index({ d: { md5: `${H('b')}.dir` }, 'd/f': { md5: H('1') } });
    const diff = diffData(old, head);
    assert.deepEqual(diff.added, []);
    assert.deepEqual(
      diff.modified.map((m) => m.path),
      ['d/'],
    );
    assert.deepEqual(diff.notInCache, [{ path: 'd/', reason: 'base: object missing' }]);
  });

  test("the outputs of a .dvc file the other side cannot load: neither added nor deleted, nor their files; 'not in cache' with why", () => {
    const old = index({ d: { md5: `${H('a')}.dir`, dvcfile: 'd.dvc' }, 'd/f': { md5: H('1') }, m: { md5: H('2'), dvcfile: 'm.dvc' } });
    const head = index({ gone: { md5: H('3'), dvcfile: 'gone.dvc' } });
    head.unloaded.set('d.dvc', 'head: d.dvc does not load');
    // m.dvc loads at both sides (it was removed at the head): m is deleted as before; so is gone.dvc's added output.
    const diff = diffData(old, head);
    assert.deepEqual(
      diff.deleted.map((e) => e.path),
      ['m'],
    );
    assert.deepEqual(
      diff.added.map((e) => e.path),
      ['gone'],
    );
    assert.deepEqual(diff.notInCache, [{ path: 'd/', reason: 'head: d.dvc does not load' }]);
  });

  test('lists sort by path in code-point order; index keys by their parts (a/b before a.txt) only decide rename pairs', () => {
    const old = index({ 'a.txt': { md5: H('1') }, 'a/b': { md5: H('1') } });
    const head = index({ 'z/1': { md5: H('1') }, 'z/2': { md5: H('1') } });
    const diff = diffData(old, head);
    // Tuple order: ('a','b') < ('a.txt',) so a/b pairs with z/1.
    assert.deepEqual(
      diff.renamed.map((r) => r.path),
      [
        { old: 'a.txt', new: 'z/2' },
        { old: 'a/b', new: 'z/1' },
      ],
    );
  });

  test('--targets keeps the paths at or under a target and the output holding it', () => {
    const i = index({ d: { md5: `${H('a')}.dir` }, 'd/x': { md5: H('1') }, 'd/y': { md5: H('2') }, m: { md5: H('3') } });
    assert.deepEqual([...selectTargets(i, ['d/x']).entries.keys()], ['d', 'd/x']);
  });
});

describe("dvc diff's output forms", () => {
  const diff = diffData(index({ 'x.csv': { md5: H('1') }, d: { md5: `${H('a')}.dir` } }), index({ 'x.csv': { md5: H('2') }, 'n é': { md5: H('3') } }));

  test('--json: ensure_ascii escapes, hashes with --show-hash, "not in cache" only when not hidden', () => {
    assert.equal(
      dataDiffJson(diff, { showHash: false, hideMissing: true }),
      '{"added": [{"path": "n \\u00e9"}], "deleted": [{"path": "d/"}], "modified": [{"path": "x.csv"}], "renamed": []}',
    );
    assert.equal(
      dataDiffJson(diff, { showHash: true, hideMissing: false }),
      `{"added": [{"path": "n \\u00e9", "hash": "${H('3')}"}], "deleted": [{"path": "d/", "hash": "${H('a')}.dir"}], ` +
        `"modified": [{"path": "x.csv", "hash": {"old": "${H('1')}", "new": "${H('2')}"}}], "renamed": [], "not in cache": []}`,
    );
  });

  test('plain with --show-hash: 8 digits, old..new for a modification; directories left out of the summary', () => {
    assert.equal(
      dataDiffPlain(diff, { showHash: true, hideMissing: false }),
      `Added:\n    33333333  n é\n\nDeleted:\n    aaaaaaaa  d/\n\nModified:\n    11111111..22222222  x.csv\n\nfiles summary: 1 added, 1 modified\n`,
    );
  });

  test('--md: Status and Path columns padded as tabulate pads them, headers alone when nothing changed', () => {
    assert.equal(
      dataDiffMarkdown(diff, { showHash: false, hideMissing: false }, escapeCell),
      '| Status   | Path   |\n|----------|--------|\n| added    | n é    |\n| deleted  | d/     |\n| modified | x.csv  |\n\n',
    );
    assert.equal(
      dataDiffMarkdown(diffData(index({}), index({})), { showHash: false, hideMissing: false }, escapeCell),
      '| Status   | Path   |\n|----------|--------|\n\n',
    );
    // A path is data: a `|` would end the cell, `<b>` would be HTML, `_` would start emphasis.
    const odd = diffData(index({}), index({ 'a|b_<b>.csv': { md5: H('4') } }));
    assert.equal(
      dataDiffMarkdown(odd, { showHash: false, hideMissing: false }, escapeCell),
      '| Status   | Path                |\n|----------|---------------------|\n| added    | a\\|b\\_&lt;b&gt;.csv |\n\n',
    );
  });
});

describe('tableShape: rows and columns of a CSV/TSV, streamed', () => {
  const shape = (text: string | string[], delimiter: ',' | '\t' = ',') =>
    tableShape(
      (Array.isArray(text) ? text : [text]).map((t) => Buffer.from(t)),
      delimiter,
    );

  test('quoted fields hold delimiters, line breaks and doubled quotes; CRLF and blank lines; no final newline', async () => {
    assert.deepEqual(await shape('a,b,c\r\n1,"x,y",3\r\n\r\n2,"line\nbreak ""q""",4'), { rows: 2, columns: 3 });
    assert.deepEqual(await shape('h1\th2\n1\t2\n', '\t'), { rows: 1, columns: 2 });
    assert.deepEqual(await shape(''), { rows: 0, columns: 0 });
  });

  test("a headerless table (example-get-started's prepared TSVs: id, label, text) counts every record as a row", async () => {
    const tsv = '47\t0\tHow do I parse XML?\n52\t1\t"a ""quoted"" title"\n61\t0\tWhy is this slow?\n';
    assert.deepEqual(await shape(tsv, '\t'), { rows: 3, columns: 3 });
    // The same with a header line: its names stand where the data has numbers.
    assert.deepEqual(await shape(`id\tlabel\ttext\n${tsv}`, '\t'), { rows: 3, columns: 3 });
    // All text: a header, as most tables have one.
    assert.deepEqual(await shape('name,city\nann,paris\nbob,rome\n'), { rows: 2, columns: 2 });
  });

  test('records split across chunks, a CRLF split between two chunks', async () => {
    assert.deepEqual(await shape(['a,"b', '\n",c\r', '\n1,2,3\r', '\n4,5,6']), { rows: 2, columns: 3 });
  });

  test('a million rows in 1 MiB chunks without holding the file', async () => {
    const row = '1,2.5,"x"\n';
    const chunk = Buffer.from(row.repeat(100_000));
    const rows = Readable.from(
      (function* () {
        yield Buffer.from('a,b,c\n');
        for (let i = 0; i < 10; i++) yield chunk;
      })(),
    );
    assert.deepEqual(await tableShape(rows, ','), { rows: 1_000_000, columns: 3 });
  });
});

/** Thrift compact protocol, as Parquet's footer is written: zigzag varints, field headers by delta and type. */
const varint = (n: bigint): number[] => {
  const out: number[] = [];
  do {
    let b = Number(n & 0x7fn);
    n >>= 7n;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const zigzag = (n: number) => varint(BigInt(n) << 1n);
const binary = (s: string) => [...varint(BigInt(Buffer.byteLength(s))), ...Buffer.from(s)];

/**
 * A Parquet file of `rows` rows whose schema has the given columns (INT64, required), row groups left out: magic,
 * FileMetaData {1: version, 2: schema, 3: num_rows, 4: row_groups}, its length, magic — as parquet-format lays it out.
 */
function parquetFile(columns: string[], rows: number): Buffer {
  const root = [0x48, ...binary('schema'), 0x15, ...zigzag(columns.length), 0x00];
  const leaves = columns.flatMap((c) => [0x15, ...zigzag(2), 0x25, ...zigzag(0), 0x18, ...binary(c), 0x00]);
  const meta = [0x15, ...zigzag(1), 0x19, ((columns.length + 1) << 4) | 12, ...root, ...leaves, 0x16, ...zigzag(rows), 0x19, 0x0c, 0x00];
  const length = Buffer.alloc(4);
  length.writeUInt32LE(meta.length);
  return Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(4096), Buffer.from(meta), length, Buffer.from('PAR1')]);
}

describe('parquetShape: rows and columns from the footer alone', () => {
  test("num_rows and the root schema's fields; a file that is not Parquet is said, not thrown as a crash", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.parquet'), parquetFile(['id', 'label', 'score'], 1_234_567));
    const { shape, bytes } = await parquetShape(join(dir, 'a.parquet'), 'data/a.parquet');
    assert.deepEqual(shape, { rows: 1_234_567, columns: 3 });
    assert.ok(bytes < 200, `read ${bytes} bytes, not the 4 KiB before the footer`);
    writeFileSync(join(dir, 'b.parquet'), 'a,b\n1,2\n');
    await assert.rejects(parquetShape(join(dir, 'b.parquet'), 'data/b.parquet'), /data\/b\.parquet: not a Parquet file \(no PAR1 footer\)/);
  });
});
