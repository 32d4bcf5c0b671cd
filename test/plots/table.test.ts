import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvRecords } from '../../src/dvc/formats/csv';
import { parsePlotData } from '../../src/plots/data';
import { toNumber } from '../../src/plots/series';

test('CSV records: plain and quoted lines mixed, CRLF, lone CR, BOM, blank lines and an empty quoted line skipped', () => {
  const text = '\ufeffa,b,c\r\n1,"x, ""y""",3\n\n"",\n""\n4,5\r6,7,8\r\n"multi\nline",tail"after,9\n  ,,\n';
  assert.deepEqual(parseCsvRecords(text, ','), [
    { fields: ['a', 'b', 'c'], line: 1 },
    { fields: ['1', 'x, "y"', '3'], line: 2 },
    { fields: ['', ''], line: 4 },
    { fields: ['4', '5'], line: 6 },
    { fields: ['6', '7', '8'], line: 7 },
    { fields: ['multi\nline', 'tail"after', '9'], line: 8 },
    { fields: ['  ', '', ''], line: 10 },
  ]);
});

test('CSV records: a TSV keeps commas in its cells; a one-column file of many lines is read in linear time', () => {
  assert.deepEqual(parseCsvRecords('a\tb\n1,5\t2\n', '\t'), [
    { fields: ['a', 'b'], line: 1 },
    { fields: ['1,5', '2'], line: 2 },
  ]);
  const rows = 200_000;
  const started = performance.now();
  const records = parseCsvRecords(`v\n${'1\n'.repeat(rows)}`, ',');
  assert.equal(records.length, rows + 1);
  assert.ok(performance.now() - started < 5000, 'no rescan of the text per field');
});

test('plot table: numbers read from the text are exactly what Number() reads, blanks and nan are NaN, text is named', () => {
  const cells = [
    '0.1',
    '-0',
    '+3',
    '1.',
    '.5',
    '007',
    '123456789012345',
    '1234567890123456789',
    '0.30000000000000004',
    '9007199254740993',
    '1e-7',
    '2.5E3',
    ' 4.25 ',
    '',
    'nan',
    '-Infinity',
    '1e999',
    'abc',
    '0x10',
    '-.',
  ];
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let i = 0; i < 2000; i++) {
    const digits = 1 + Math.floor(random() * 17);
    cells.push((random() < 0.5 ? '-' : '') + (random() * 10 ** Math.floor(random() * 8)).toFixed(Math.floor(random() * digits)));
  }
  const data = parsePlotData('v.csv', `v,w\n${cells.map((c) => `${c},1`).join('\n')}\n`);
  const { values, bad } = data.table!.numbers('v');
  assert.equal(bad, cells.indexOf('1e999'));
  cells.forEach((cell, i) => {
    const expected = toNumber(cell);
    if (expected === undefined || Number.isNaN(expected)) assert.ok(Number.isNaN(values[i]), `${JSON.stringify(cell)} → NaN`);
    else assert.ok(Object.is(values[i], expected), `${JSON.stringify(cell)} → ${expected}, got ${values[i]}`);
  });
});

test('plot table: short rows read as empty cells, extra cells are ignored, a repeated name is its last column', () => {
  const data = parsePlotData('t.csv', 'x,y,x\n1,2,3\n4\n5,6,7,8\n');
  assert.deepEqual(data.table!.strings('x'), ['3', '', '7']);
  assert.deepEqual([...data.table!.numbers('y').values], [2, NaN, 6]);
  assert.deepEqual(data.rows, [
    { x: '3', y: '2' },
    { x: '', y: '' },
    { x: '7', y: '6' },
  ]);
});

test('CSV records: a long file whose lines hold many more fields after the first thousands is read whole', () => {
  // The scanner sizes its arrays from the rate so far: here it is far too low until the end.
  const lines = ['a,b,c,d,e,f'];
  for (let i = 0; i < 3000; i++) lines.push(`${i}${'y'.repeat(100)}`);
  for (let i = 0; i < 20_000; i++) lines.push(`${i},${'x'.repeat(i % 40)},${i * 2},"q,${i}",,${i}.5`);
  const records = parseCsvRecords(`${lines.join('\n')}\n`, ',');
  assert.equal(records.length, lines.length);
  assert.deepEqual(records[1]!.fields, [`0${'y'.repeat(100)}`]);
  assert.deepEqual(records.at(-1)!.fields, ['19999', 'x'.repeat(19_999 % 40), '39998', 'q,19999', '', '19999.5']);
  assert.equal(records.at(-1)!.line, lines.length);
});

test('plot table: a column says how many cells are NaN and whether its numbers ever go down', () => {
  const data = parsePlotData('v.csv', 'up,gaps,down\n1,1,3\n2,,2\n2,nan,1\n5,4,\n');
  const tally = (name: string) => {
    const { nans, ascending, bad } = data.table!.numbers(name);
    return { nans, ascending, bad };
  };
  assert.deepEqual(tally('up'), { nans: 0, ascending: true, bad: -1 });
  assert.deepEqual(tally('gaps'), { nans: 2, ascending: true, bad: -1 });
  assert.deepEqual(tally('down'), { nans: 1, ascending: false, bad: -1 });
});

test('plot table: a column is found past quoted, short and CR-ended rows; its numbers and strings agree with the row objects', () => {
  const text = 'step,"name, quoted",loss\r\n1,a,0.5\r\n2,"b ""x""",0.25\n3\n"4",c,"0.125"\n5,"multi\nline",-1e-3\n6,,\t7 \n';
  const data = parsePlotData('m.csv', text);
  assert.deepEqual(data.table!.names, ['step', 'name, quoted', 'loss']);
  assert.deepEqual([...data.table!.numbers('step').values], [1, 2, 3, 4, 5, 6]);
  assert.deepEqual([...data.table!.numbers('loss').values], [0.5, 0.25, NaN, 0.125, -0.001, 7]);
  assert.deepEqual(data.table!.strings('name, quoted'), ['a', 'b "x"', '', 'c', 'multi\nline', '']);
  assert.deepEqual(
    data.rows.map((r) => r.loss),
    ['0.5', '0.25', '', '0.125', '-1e-3', '\t7 '],
  );
  const tsv = parsePlotData('m.tsv', 'a\tb\n1,5\t2\n3\t\n', true);
  assert.deepEqual(tsv.table!.strings('a'), ['1,5', '3']);
  assert.deepEqual([...tsv.table!.numbers('b').values], [2, NaN]);
});
