import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillCustomTemplate, type AnchorValues } from '../../src/plots/custom';

const values: AnchorValues = {
  data: [{ rev: 'main', step: 0, 'a.b': 1 }],
  x: 'step',
  y: 'a.b',
  title: 'T',
  xLabel: 'step',
  yLabel: 'a.b',
  revs: [
    { label: 'main', color: '#945dd6' },
    { label: 'pr', color: '#13adc7' },
  ],
  multi: false,
};

test('anchors are filled as DVC does: whole-string anchors take any type, embedded ones text, unknown ones {}', () => {
  const spec = fillCustomTemplate(
    't.json',
    JSON.stringify({
      data: { values: '<DVC_METRIC_DATA>' },
      title: 'Plot: <DVC_METRIC_TITLE>',
      width: '<DVC_METRIC_PLOT_WIDTH>',
      mark: 'line',
      encoding: { y: { field: '<DVC_METRIC_Y>' }, color: '<DVC_METRIC_COLOR>', row: '<DVC_METRIC_ROW>' },
    }),
    values,
  );
  assert.deepEqual(spec, {
    data: { values: values.data },
    title: 'Plot: T',
    width: 300,
    mark: 'line',
    // Field names are escaped so a dot is not read as a nested path.
    encoding: { y: { field: 'a\\.b' }, color: { field: 'rev', scale: { domain: ['main', 'pr'], range: ['#945dd6', '#13adc7'] } }, row: {} },
  });
});

test('a template without the data anchor, invalid JSON, and any url are refused with the file named', () => {
  assert.throws(() => fillCustomTemplate('t.json', '{"mark": "line"}', values), /t\.json: the template does not use the '<DVC_METRIC_DATA>' anchor/);
  assert.throws(() => fillCustomTemplate('t.json', '{"mark": ', values), { message: 't.json:1:10: invalid JSON: the file ends before the JSON does' });
  assert.throws(() => fillCustomTemplate('t.json', '{\n  "mark":\n', values), { message: 't.json:3:1: invalid JSON: the file ends before the JSON does' });
  // Where the parser gives a position, the file's line and column, as every other reader says it.
  assert.throws(() => fillCustomTemplate('t.json', '{\n  "mark": 1,\n  }', values), {
    message: 't.json:3:3: invalid JSON: Expected double-quoted property name',
  });
  assert.throws(
    () =>
      fillCustomTemplate(
        't.json',
        JSON.stringify({ layer: [{ data: { values: '<DVC_METRIC_DATA>' } }, { data: { url: 'https://example.com/x.csv' } }] }),
        values,
      ),
    /t\.json: `layer\[1\]\.data\.url` asks for data from "https:\/\/example\.com\/x\.csv"; refused/,
  );
});

test('a template that draws nothing (no mark, layer, facet, concat or repeat) is refused with the file named, not with its data', () => {
  assert.throws(() => fillCustomTemplate('t.json', JSON.stringify({ data: { values: '<DVC_METRIC_DATA>' }, encoding: {} }), values), {
    message:
      't.json: a Vega-Lite template needs one of `mark`, `layer`, `facet`, `hconcat`, `vconcat`, `concat` or `repeat` at its top level, to say what to draw.',
  });
});
