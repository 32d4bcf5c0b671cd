import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { diffValueFile } from '../../src/values/diff';
import { dvcDiffJson } from '../../src/values/dvc-output';
import { flattenMetrics, flattenParams } from '../../src/values/flatten';
import { parseJson } from '../../src/dvc/formats/json';
import { parseValueFile } from '../../src/values/parse';
import { pyFloatRepr } from '../../src/util/python-text';
import { PyFloat, type Raw } from '../../src/dvc/python/value';

interface Case {
  kind: 'metrics' | 'params';
  all: boolean;
  a: string;
  b: string;
  expected: unknown;
}
const { cases } = JSON.parse(readFileSync(new URL('./fixtures/dvc-diff-cases.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** Numbers as 'I:1' / 'F:1.0', keys sorted, so int vs float and every digit are compared. */
function tagged(v: Raw): unknown {
  if (v instanceof PyFloat) return `F:${pyFloatRepr(v.value)}`;
  if (typeof v === 'number') return Number.isInteger(v) ? `I:${v}` : `F:${pyFloatRepr(v)}`;
  if (v instanceof Map) return Object.fromEntries([...v].sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, x]) => [k, tagged(x)]));
  return v;
}

test(`--json equals DVC's own diff code on ${cases.length} random metrics/params documents`, () => {
  for (const c of cases) {
    const read = (text: string) => {
      const data = parseValueFile('f.json', text, c.kind).data;
      return { status: 'ok' as const, values: c.kind === 'metrics' ? flattenMetrics(data) : flattenParams(data) };
    };
    const json = dvcDiffJson([diffValueFile('f.json', read(c.a), read(c.b))], c.all);
    assert.deepEqual(tagged(parseJson(json).data), c.expected, `${c.kind}${c.all ? ' --all' : ''}: ${c.a} → ${c.b}`);
  }
});
