import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson } from '../../src/dvc/formats/json';
import { isRawMap, type Raw } from '../../src/dvc/python/value';
import { GitRepo } from '../../src/git/repo';
import { collectAndCompare } from '../../src/values/collect';
import { diffValueFile } from '../../src/values/diff';
import { FlatValues, KeyTable } from '../../src/values/flat';
import { flattenMetrics } from '../../src/values/flatten';
import { flattenJsonMetrics } from '../../src/values/json-metrics';
import type { Leaf } from '../../src/values/types';
import { MemoryLogger } from '../helpers/memory-logger';
import { TempRepo } from '../helpers/repo';

/** What the general reader makes of the text: parseJson, then flattenMetrics. */
const general = (text: string): Map<string, Leaf> => flattenMetrics(parseJson(text.replace(/^\ufeff/, '')).data);
const scanned = (text: string | Buffer): Map<string, Leaf> | null => flattenJsonMetrics(Buffer.from(text), new KeyTable())?.toMap() ?? null;

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEY_PARTS = ['a', 'b', 'loss', 'acc', 'x.y', '', 'é', '日本', '😀', 'a\\"q', 'tab\\t', '\\u00e9', '\\ud83d\\ude00', '\\/', 'Z', '__proto__', '1'];

function numberText(r: () => number): string {
  const forms = [
    () => String(Math.floor(r() * 1000) - 500),
    () => String((r() - 0.5) * 10 ** Math.floor(r() * 40 - 20)),
    () => (r() * 1000).toExponential(Math.floor(r() * 17)),
    () => `${Math.floor(r() * 10)}.${'0'.repeat(Math.floor(r() * 3))}`.replace(/\.$/, '.0'),
    () =>
      `${r() < 0.5 ? '-' : ''}${Array.from({ length: 1 + Math.floor(r() * 25) }, (_, k) => (k === 0 ? 1 + Math.floor(r() * 9) : Math.floor(r() * 10))).join('')}`,
    () => `${Math.floor(r() * 1e9)}.${Math.floor(r() * 1e9)}e${Math.floor(r() * 60 - 30)}`,
    () =>
      ['-0', '-0.0', '0', '0.0', '1e-7', '1E+2', '1e400', '-1e-400', '9007199254740993', '12345678901234567890', '0.30000000000000004'][Math.floor(r() * 11)]!,
  ];
  return forms[Math.floor(r() * forms.length)]!();
}

/** A random JSON document; `dup` says whether it repeats a key (the scan must then leave it to the general reader). */
function document(r: () => number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const space = (): string => pick(['', ' ', '\n  ', '\t', '\r\n']);
  const value = (depth: number, inList: boolean): string => {
    const roll = r();
    if (depth < 4 && roll < 0.25) return object(depth + 1, inList);
    if (depth < 4 && roll < 0.35) return `[${space()}${Array.from({ length: Math.floor(r() * 3) }, () => value(depth + 1, true)).join(`,${space()}`)}]`;
    if (roll < 0.7) return numberText(r);
    return pick(['true', 'false', 'null', 'NaN', 'Infinity', '-Infinity', '"text"', '"esc\\"aped\\n"', '"日本"', '""', '"\\ud800"']);
  };
  const object = (depth: number, inList: boolean): string => {
    const keys = new Set<string>();
    const members: string[] = [];
    for (let n = Math.floor(r() * 5); n > 0; n--) {
      const key = Array.from({ length: 1 + Math.floor(r() * 2) }, () => pick(KEY_PARTS)).join('');
      // Mostly distinct keys: a repeat is the general reader's case, tested below.
      if (keys.has(key) && r() < 0.9) continue;
      keys.add(key);
      members.push(`${space()}"${key}"${space()}:${space()}${value(depth, inList)}`);
    }
    return `{${members.join(',')}${space()}}`;
  };
  return `${r() < 0.1 ? '\ufeff' : ''}${space()}${object(0, false)}${space()}`;
}

/** Whether two members of the mappings (lists aside) have the same dotted path, like `{"a.b": 1, "a": {"b": 2}}`. */
function pathRepeats(data: Raw): boolean {
  const seen = new Set<string>();
  const visit = (map: Map<string, Raw>, prefix: string): boolean => {
    for (const [k, v] of map) {
      const path = prefix + k;
      if (seen.has(path)) return true;
      seen.add(path);
      if (isRawMap(v) && visit(v, `${path}.`)) return true;
    }
    return false;
  };
  return isRawMap(data) && visit(data, '');
}

describe('JSON metrics flattened as they are scanned', () => {
  test('random documents: the same values as parseJson + flattenMetrics, or left to them when they warn', () => {
    let scannedCount = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const text = document(random(seed));
      const fast = scanned(text);
      const parsed = parseJson(text.replace(/^\ufeff/, ''));
      if (fast === null) {
        // Only what the general reader treats specially: a repeated key (a warning) or a flattened key met twice.
        assert.ok(parsed.warnings.length || pathRepeats(parsed.data), `seed ${seed}: left to the general reader for no reason\n${text}`);
        continue;
      }
      scannedCount++;
      assert.deepEqual(parsed.warnings, [], `seed ${seed}`);
      assert.deepStrictEqual(fast, flattenMetrics(parsed.data), `seed ${seed}\n${text}`);
    }
    assert.ok(scannedCount > 2000, `only ${scannedCount} of 3000 documents scanned`);
  });

  test('numbers: ints, floats, exponents, -0, big ints, the engine’s own reading where doubles are not exact', () => {
    const r = random(7);
    for (let k = 0; k < 20000; k++) {
      const text = `{"v": ${numberText(r)}}`;
      assert.deepStrictEqual(scanned(text), general(text), text);
    }
    assert.deepStrictEqual(
      scanned('{"a": 1e-7, "b": -0, "c": -0.0, "d": 12345678901234567890, "e": 1.0, "f": 1e400, "g": 2.5E+1, "h": NaN, "i": -Infinity}'),
      new Map<string, Leaf>([
        ['a', 1e-7],
        ['b', -0],
        ['c', { float: -0 }],
        ['d', { int: '12345678901234567890' }],
        ['e', { float: 1 }],
        ['f', { float: 'Infinity' }],
        ['g', { float: 25 }],
        ['h', { float: 'NaN' }],
        ['i', { float: '-Infinity' }],
      ]),
    );
  });

  test('keys: escapes and unicode, nested with dots; lists, nulls and empty mappings leave no metric; a byte order mark is skipped', () => {
    const text = '\ufeff{"a\\"b": {"\\u00e9t\\u00e9": 1, "日本": {"😀": true}}, "list": [1, [2, {"x": 3}], {}], "none": null, "empty": {}, "s": "a\\nb"}';
    assert.deepStrictEqual(
      scanned(text),
      new Map<string, Leaf>([
        ['a"b.été', 1],
        ['a"b.日本.😀', true],
        ['s', 'a\nb'],
      ]),
    );
    assert.deepStrictEqual(scanned(text), general(text));
  });

  test('a repeated key, a flattened key met twice, a list or a scalar at the top, bad syntax or bytes: left to the general reader', () => {
    for (const text of [
      '{"a": 1, "a": 2}',
      '{"a": {"b": 1}, "a": {"c": 2}}',
      '{"a.b": 1, "a": {"b": 2}}',
      '{"l": [{"k": 1, "k": 2}]}',
      '[1]',
      '3',
      '{"a": 01}',
      '{"a": 1,}',
      '{"\\ud800": 1}',
    ]) {
      assert.equal(scanned(text), null, text);
    }
    assert.equal(scanned(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])), null);
  });

  test('the two revisions share one key table; rows sort by code point, as Python sorts str', () => {
    const table = new KeyTable();
    const base = flattenJsonMetrics(Buffer.from('{"b": 1, "😀": 1, "\uffff": 1, "a": {"z": 1}}'), table)!;
    const head = flattenJsonMetrics(Buffer.from('{"a": {"z": 2}, "b": 1, "c": "new"}'), table)!;
    assert.equal(table.size, 6, 'a, a.z, b, 😀, \uffff and c, each once');
    const diff = diffValueFile('m.json', { status: 'ok', values: base }, { status: 'ok', values: head });
    assert.deepEqual(
      diff.rows.map((row) => [row.key, row.old, row.new, row.changed]),
      [
        ['a.z', 1, 2, true],
        ['b', 1, 1, false],
        ['c', undefined, 'new', true],
        ['\uffff', 1, undefined, true],
        ['😀', 1, undefined, true],
      ],
    );
  });

  test('small files (rows made from their keys) and large ones (a key table) give the same rows as Python would', () => {
    const parts = ['a', 'b', 'Z', '1', 'é', '日本', '\uffff', '\ue000', '😀', 'loss', 'acc', 'x.y', '_'];
    const byCodePoint = (x: string, y: string): number => Buffer.compare(Buffer.from(x), Buffer.from(y));
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const side = (): Map<string, Leaf> => {
        const values = new Map<string, Leaf>();
        // Sizes around the 64 keys where a file stops being small, and a missing side now and then.
        const size = next() < 0.1 ? 0 : Math.floor(next() * 100);
        for (let i = 0; i < size; i++) {
          const key = `${parts[Math.floor(next() * parts.length)]}${parts[Math.floor(next() * parts.length)]}${Math.floor(next() * 40)}`;
          const pick = next();
          values.set(
            key,
            pick < 0.4 ? Math.floor(next() * 5) : pick < 0.7 ? next() : pick < 0.8 ? { float: 2 } : pick < 0.9 ? `s${Math.floor(next() * 3)}` : next() < 0.5,
          );
        }
        return values;
      };
      const base = side();
      const head = side();
      // The base through the JSON scanner's columns where it is a JSON file; the head as a map (a YAML file).
      const baseValues = next() < 0.5 ? base : FlatValues.fromMap(base, new KeyTable());
      const diff = diffValueFile('m.json', { status: 'ok', values: baseValues }, { status: 'ok', values: head });
      const keys = [...new Set([...base.keys(), ...head.keys()])].sort(byCodePoint);
      assert.deepStrictEqual(
        diff.rows.map((row) => [row.key, row.old, row.new, row.changed]),
        keys.map((key) => {
          const old = base.get(key);
          const now = head.get(key);
          const number = (leaf: Leaf | undefined) =>
            typeof leaf === 'boolean'
              ? Number(leaf)
              : typeof leaf === 'number'
                ? leaf
                : leaf && typeof leaf === 'object'
                  ? 'float' in leaf
                    ? leaf.float
                    : leaf.int
                  : leaf;
          return [key, old, now, number(old) !== number(now) || (old === undefined) !== (now === undefined)];
        }),
        `seed ${seed}`,
      );
    }
  });

  test('a key with a lone surrogate keeps it through the key table', () => {
    const values = new Map<string, Leaf>([
      ['\ud800x', 1],
      ['\udc00', 2],
      ['😀', { float: 3 }],
    ]);
    assert.deepStrictEqual(FlatValues.fromMap(values, new KeyTable()).toMap(), values);
  });
});

describe('JSON metrics through collectAndCompare', () => {
  const repos: TempRepo[] = [];
  after(() => repos.forEach((r) => r.remove()));
  const compare = async (base: string, head: string) => {
    const r = new TempRepo();
    repos.push(r);
    const sha = r.commit('base', { 'm.json': base });
    r.write({ 'm.json': head });
    const log = new MemoryLogger();
    const result = await collectAndCompare(
      await GitRepo.open(r.dir),
      { workspace: r.dir, base: { sha, label: 'main' }, metricsPaths: ['m.json'], paramsPaths: [] },
      log,
    );
    return { result, log };
  };

  test('a repeated key: the last value counts, with the warning naming its line', async () => {
    const { result } = await compare('{"a": {"x": 1},\n "a": {"y": 2}}', '{"a": {"y": 3}}');
    assert.deepEqual(
      result.metrics[0]!.rows.map((row) => [row.key, row.old, row.new]),
      [['a.y', 2, 3]],
    );
    assert.deepEqual(result.metrics[0]!.notes, ['main: line 2: key "a" repeats; the last value counts (as in DVC)']);
  });

  test('invalid JSON: an error naming the file, line and column; the other side still read', async () => {
    const { result, log } = await compare('{"a": 1}', '{"a": 1,\n  "b": }');
    assert.deepEqual(result.errors, [
      {
        rev: 'head',
        side: 'head',
        kind: 'metrics',
        path: 'm.json',
        message: 'm.json:2:8: invalid JSON: unexpected character "}", expected a value',
        warned: true,
      },
    ]);
    assert.ok(
      log.lines.some((l) => l.includes('m.json:2:8: invalid JSON')),
      log.lines.join('\n'),
    );
    assert.deepEqual(
      result.metrics[0]!.rows.map((row) => [row.key, row.old, row.new]),
      [['a', 1, undefined]],
    );
  });
});
