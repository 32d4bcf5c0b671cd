import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { LoggerReader } from '../../src/values/dagshub';
import { PyFloat } from '../../src/dvc/python/value';

function read(pieces: string[]) {
  const reader = new LoggerReader();
  for (const piece of pieces) reader.write(piece);
  return reader.end();
}

/** The same pieces as bytes (ASCII), as the metrics reader hands them over. */
function readBytes(pieces: string[]) {
  const reader = new LoggerReader();
  for (const piece of pieces) reader.writeAscii(Buffer.from(piece, 'latin1'));
  return reader.end();
}

/** What reading throws: its message and line, or null. */
function failure(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return `${(error as { line?: number }).line}: ${(error as Error).message}`;
  }
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

  test('ASCII pieces read as bytes give what the text reader gives, wherever they are cut: values, errors and their lines', () => {
    const texts = [
      'Name,Value,Timestamp,Step\nloss,0.9,1,0\nacc,1,2,0\n\nloss,-1.5e-3,3,1\nacc,+2.,4,1\nf1, 7 ,5,1\nf1,1E+5,6,2',
      'Step,Timestamp,Value,Name\r\n0,1,0.9,loss\r\n0,2,1,acc\r\n\r\n1,3,nan,loss\r\n1,4,-inf,f1\r\n2,5, 1e-3 ,acc\r\n3,6,7\r\n',
      // A quote (even past the value) hands the rest to the text reader: here a name over two lines.
      'Name,Value,Timestamp,Step\nloss,0.5,1,0\n"multi\nline",3,3,0\nloss,0.25,"4",1\nacc,1.0,5,1\n',
      'Name,Value,Timestamp,Step\nloss,0.5,1,"0\n"\nloss,0.75,2,1\n',
      // A value longer than the bytes kept in place, and one that is no plain decimal but a number.
      `Name,Value,Timestamp,Step\nlong,${'1'.repeat(40)}.5,1,0\nlong,0.${'3'.repeat(40)},2,0\nx,.5,1,1\nx,Infinity,1,1\n`,
      'Name,Value\nx,1\n\r\nx,2\r',
      'Name,Value,Timestamp,Step\nloss,0.9,1,0\nloss,1.2.3,2,1\n',
      'Name,Value,Timestamp,Step\nloss,0.9,1,0\nloss,,2,1\n',
      'Name,Value,Timestamp,Step\nloss,0.9,1,0\nshort\n',
      'Name,Value,Timestamp,Step\nloss,0.9,1,0\nloss,1e,2,1',
      'Name,Value,Timestamp,Step\nloss,0.9,1,0\n"a,b",x,2,1\n',
      'epoch,loss\n1,2\n',
      '\nName,Value\n',
    ];
    for (const text of texts) {
      const expected = failure(() => read([text])) ?? plain(read([text]));
      assert.deepEqual(failure(() => readBytes([text])) ?? plain(readBytes([text])), expected, text);
      for (let i = 1; i < text.length; i++) {
        const pieces = [text.slice(0, i), text.slice(i)];
        assert.deepEqual(failure(() => readBytes(pieces)) ?? plain(readBytes(pieces)), expected, `${JSON.stringify(text)} cut at ${i}`);
      }
      assert.deepEqual(failure(() => readBytes([...text])) ?? plain(readBytes([...text])), expected, `${JSON.stringify(text)} a byte at a time`);
    }
  });

  test('bytes, then text (a piece that is not ASCII): the names and values so far carry over, in the order they came', () => {
    const reader = new LoggerReader();
    reader.writeAscii(Buffer.from('Name,Value,Timestamp,Step\nb,1,1,0\na,0.5,1,0\nb,'));
    reader.write('2.0,2,1\nprécision,0.75,2,1\na,3,3,2\n');
    assert.deepEqual(plain(reader.end()), [
      ['b', 'float 2'],
      ['a', 3],
      ['précision', 0.75],
    ]);
  });

  test('many names (the table grows) keep their order and last values', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `name_${i % 1500},${i},1,${i}`);
    const text = `Name,Value,Timestamp,Step\n${rows.join('\n')}\n`;
    const pieces = text.match(/[^]{1,997}/g)!;
    assert.deepEqual(plain(readBytes(pieces)), plain(read([text])));
    assert.equal(readBytes(pieces).size, 1500);
  });

  test('an endless line of bytes is an error, as it is in text', () => {
    assert.throws(() => readBytes(['Name,Value,Timestamp,Step\nloss,', '1'.repeat(2 * 1024 * 1024)]), /a record longer than 1,048,576 characters/);
  });
});
