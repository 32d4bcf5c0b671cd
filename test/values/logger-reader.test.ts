import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { LoggerReader } from '../../src/values/dagshub';
import { PyFloat } from '../../src/dvc/python/value';

function read(pieces: string[]) {
  const reader = new LoggerReader();
  for (const piece of pieces) reader.write(piece);
  return reader.end();
}

const plain = (last: Map<string, unknown>) => [...last].map(([k, v]) => [k, v instanceof PyFloat ? `float ${v.value}` : v]);

describe('LoggerReader: a DagsHub metrics.csv read a chunk at a time', () => {
  const TEXT = '\ufeffName,Value,Timestamp,Step\r\nloss,0.9,1,0\r\n"acc, top-1",1.0,2,0\n"multi\nline",3,3,0\n\nloss,0.5,4,1\n';

  test('split anywhere (even inside a quoted name or a CRLF), it reads what the whole text reads', () => {
    const whole = plain(read([TEXT]));
    assert.deepEqual(whole, [
      ['loss', 0.5],
      ['acc, top-1', 'float 1'],
      ['multi\nline', 3],
    ]);
    for (let i = 1; i < TEXT.length; i++) assert.deepEqual(plain(read([TEXT.slice(0, i), TEXT.slice(i)])), whole, `split at ${i}`);
    assert.deepEqual(plain(read([...TEXT])), whole, 'one character at a time');
  });

  test('a value that is not a number names its line, wherever the chunks were cut', () => {
    const text = 'Name,Value,Timestamp,Step\nloss,0.9,1,0\n"a\nb",2,1,0\nloss,abc,2,1\n';
    for (const cut of [5, 30, 40]) {
      assert.throws(
        () => read([text.slice(0, cut), text.slice(cut)]),
        (e: Error & { line?: number }) => e.line === 5 && /value "abc" of "loss" is not a number/.test(e.message),
      );
    }
  });

  test('a log with no quotes (each line a record, read in place): any column order, CRLF, blank lines, ints, floats, nan and inf', () => {
    const text = 'Step,Timestamp,Value,Name\r\n0,1,0.9,loss\r\n0,2,1,acc\r\n\r\n1,3,nan,loss\r\n1,4,-inf,f1\r\n2,5, 1e-3 ,acc\r\n3,6,7\r\n';
    const whole = plain(read([text]));
    assert.deepEqual(whole, [
      ['loss', 'float NaN'],
      ['acc', 0.001],
      ['f1', 'float -Infinity'],
      // A record short of the Name column: the name ''.
      ['', 7],
    ]);
    for (let i = 1; i < text.length; i++) assert.deepEqual(plain(read([text.slice(0, i), text.slice(i)])), whole, `split at ${i}`);
    const bad = 'Name,Value,Timestamp,Step\nloss,0.9,1,0\n\nloss,1.2.3,2,1\n';
    for (const cut of [5, 30, 38]) {
      assert.throws(
        () => read([bad.slice(0, cut), bad.slice(cut)]),
        (e: Error & { line?: number }) => e.line === 4 && /value "1\.2\.3" of "loss" is not a number/.test(e.message),
      );
    }
  });

  test('a file that is not a logger file, and an endless record, are errors', () => {
    assert.throws(() => read(['epoch,loss\n1,2\n']), /expected a header with the columns Name, Value, Timestamp, Step/);
    assert.throws(() => read(['Name,Value,Timestamp,Step\n"', 'x'.repeat(2 * 1024 * 1024)]), /a record longer than 1,048,576 characters/);
  });
});
