import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { zipFiles } from '../../src/util/zip';
import { hasUnzip, readZip, unzipWithInfoZip } from '../helpers/zip';

test('each local header carries the CRC-32 of its bytes: the standard check value of "123456789", 0 for none', () => {
  const zip = zipFiles([{ name: 'check.txt', bytes: Buffer.from('123456789') }]);
  assert.equal(zip.readUInt32LE(14), 0xcbf43926);
  assert.equal(zipFiles([{ name: 'empty', bytes: Buffer.alloc(0) }]).readUInt32LE(14), 0);
});

const files = [
  { name: 'report.md', bytes: Buffer.from('## mlreport\n\n| a | b |\n'.repeat(200)) },
  { name: 'report.json', bytes: Buffer.from('{}\n') },
  { name: 'plots/loss.png', bytes: randomBytes(5000) },
  { name: 'plots/ünïcode-ünd spaces.png', bytes: randomBytes(10) },
  { name: 'empty.txt', bytes: Buffer.alloc(0) },
];

test('zipFiles: every file comes back byte for byte; text is deflated, incompressible data stored', () => {
  const zip = zipFiles(files, new Date(2026, 10, 25, 1, 2, 4));
  const back = readZip(zip);
  assert.deepEqual(
    [...back.keys()],
    files.map((f) => f.name),
  );
  for (const f of files) assert.ok(back.get(f.name)!.equals(f.bytes), f.name);
  assert.ok(zip.length < files.reduce((n, f) => n + f.bytes.length, 0), 'the markdown was compressed');
});

test('zipFiles: Info-ZIP unzip tests and extracts the archive', { skip: hasUnzip() ? false : 'unzip is not installed' }, () => {
  const back = unzipWithInfoZip(zipFiles(files));
  assert.deepEqual([...back.keys()].sort(), files.map((f) => f.name).sort());
  for (const f of files) assert.ok(back.get(f.name)!.equals(f.bytes), f.name);
});
