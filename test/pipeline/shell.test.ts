import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runShell, TailBuffer } from '../../src/pipeline/shell';
import { tempDir } from '../helpers/repo';

test('output is streamed line by line; a UTF-8 character split across two writes stays whole', async () => {
  // "é" is two bytes (c3 a9): the command writes them 100 ms apart, so they arrive in separate chunks.
  const script = 'process.stdout.write(Buffer.from([0x61,0xc3]));setTimeout(()=>process.stdout.write(Buffer.from([0xa9,0x0a,0x62,0x0a])),100)';
  const lines: string[] = [];
  const tail = new TailBuffer(50);
  const result = await runShell(`"${process.execPath}" -e "${script}"`, tempDir(), (l) => lines.push(l), tail);
  assert.equal(result.code, 0);
  assert.deepEqual(lines, ['aé', 'b']);
  assert.equal(tail.text(), 'aé\nb');
});
