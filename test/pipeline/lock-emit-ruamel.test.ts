import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isRawMap, keyValue, PyFloat, pyEqual, setKeyValue, type Raw, type RawMap } from '../../src/dvc/python/value';
import { parseDataFile } from '../../src/dvc/formats';
import { emitYaml, type Folding } from '../../src/pipeline/yaml-emit';
import { pyFloatRepr } from '../../src/util/python-text';

// Our dvc.lock text against DVC's own dumper (ruamel.yaml, configured as dvc/utils/serialize/_yaml.py does) on
// seeded random lock-shaped documents. Debian's python3-ruamel.yaml is the reference (.ci/run installs it);
// MLREPORT_RUAMEL_PYTHON points at another interpreter to check another ruamel version.
const PYTHON = process.env.MLREPORT_RUAMEL_PYTHON ?? '/usr/bin/python3';
const HELPER = fileURLToPath(new URL('./ruamel-dump.py', import.meta.url));
const DOCUMENTS = Number(process.env.MLREPORT_FUZZ_DOCS ?? 3000);
const SEED = Number(process.env.MLREPORT_FUZZ_SEED ?? 13);

const version = spawnSync(PYTHON, [HELPER, '--version'], { encoding: 'utf8' });
const ruamelVersion = version.status === 0 ? version.stdout.trim() : null;
const skip = ruamelVersion ? false : `${PYTHON} cannot import ruamel.yaml (apt-get install -y python3-ruamel.yaml)`;

/** ruamel.yaml 0.18.13 changed where long plain scalars wrap (see Folding). */
function foldingOf(v: string): Folding {
  const [major = 0, minor = 0, patch = 0] = v.split('.').map(Number);
  return major > 0 || minor > 18 || (minor === 18 && patch >= 13) ? 'current' : 'legacy';
}

/** See ruamel-dump.py. */
interface Answer {
  dump: string;
  back?: unknown;
  error?: string;
  unpatched?: string;
  unpatched_error?: string | null;
}

function ruamel(requests: { data: unknown; text: string }[]): Answer[] {
  const run = spawnSync(PYTHON, [HELPER], { input: JSON.stringify(requests), encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`ruamel helper failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Answer[];
}

/** The document as the helper reads it: ints, floats and mappings (any scalar keys, in order) tagged. */
function encode(v: Raw): unknown {
  if (v instanceof PyFloat) return { $float: Number.isNaN(v.value) ? 'nan' : pyFloatRepr(v.value) };
  if (typeof v === 'bigint') return { $int: String(v) };
  if (typeof v === 'number') return { $int: BigInt(v).toString() };
  if (Array.isArray(v)) return v.map(encode);
  if (isRawMap(v)) return { $map: [...v].map(([k, x]) => [encode(keyValue(v, k)), encode(x)]) };
  return v;
}

/** A mapping with keys of any scalar type, as the YAML reader builds one. */
function mapOf(entries: [Raw, Raw][]): RawMap {
  const map: RawMap = new Map(entries.map(([k, v]) => [keyName(k), v]));
  for (const [k] of entries) if (typeof k !== 'string') setKeyValue(map, keyName(k), k);
  return map;
}

function keyName(k: Raw): string {
  if (typeof k === 'string') return k;
  if (k instanceof PyFloat) return pyFloatRepr(k.value);
  return String(k);
}

// ---- the generator --------------------------------------------------------------------------------------------

type Rand = () => number;

function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRICKY = [
  '',
  ' ',
  '  ',
  ' lead',
  'trail ',
  'a: b',
  'a:b',
  'a :b',
  'http://x.y/z',
  'a #b',
  'a#b',
  '#x',
  ':x',
  ': x',
  '- x',
  '-x',
  '-',
  '--',
  '?',
  '? x',
  '?x',
  '---',
  '--- x',
  '...',
  '.',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Yes',
  'NO',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'null',
  'Null',
  'NULL',
  '~',
  '1',
  '-1',
  '+1',
  '01',
  '0o17',
  '0x1F',
  '0b101',
  '1_000',
  '1.0',
  '1.',
  '.5',
  '-.5',
  '1e5',
  '1E5',
  '1e+5',
  '1.5e-3',
  '.inf',
  '-.Inf',
  '.NaN',
  '.nan',
  'inf',
  'nan',
  '1e+16',
  '2021-01-01',
  '2021-01-01 10:00:00',
  '2001-12-14t21:59:43.10-05:00',
  '12:30:45',
  '1:2',
  '<<',
  '=',
  '0.',
  '+.5',
  '&a',
  '*a',
  '!a',
  '!!str',
  '|',
  '>',
  '%x',
  '@x',
  '`x',
  '{a}',
  '}',
  '[a]',
  ']',
  ',',
  'a,b',
  'a, b',
  '"q"',
  "'q'",
  "it's",
  'say "hi"',
  'a\\b',
  'a # b',
  'a \t b',
  'tab\there',
  '\t',
  'line\nbreak',
  'a\n',
  '\n',
  '\nlead',
  'a\n\nb',
  'a \nb',
  'a\r\nb',
  'cr\r',
  'x\x00y',
  'bell\x07',
  'esc\x1b',
  'del\x7f',
  'nel\x85x',
  'ls\u2028x',
  'ps\u2029x',
  'nbsp\u00a0x',
  '\u00a0',
  'bom\ufeff',
  'zw\u200bsp',
  'héllo',
  'naïve café',
  '日本語のテキスト',
  'emoji 😀 here',
  '😀',
  'a\u0301',
  'ﬁ',
  'Ω',
  '\ue000',
  '\ufffd',
];

const WORDS = [
  'python',
  'train.py',
  '--epochs',
  '10',
  '&&',
  'echo',
  'data/raw',
  '--lr',
  '0.001',
  "'quoted'",
  '"dq"',
  'a:b',
  '#tag',
  '|',
  'x=1',
  '${x}',
  'é',
  '日本',
];

function pick<T>(r: Rand, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function int(r: Rand, n: number): number {
  return Math.floor(r() * n);
}

function words(r: Rand, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const w = r() < 0.15 ? pick(r, TRICKY) : r() < 0.1 ? 'x'.repeat(1 + int(r, 90)) : pick(r, WORDS);
    out.push(w);
  }
  return out.join(pick(r, [' ', ' ', ' ', ' ', '  ', ' \n ', '\n']).repeat(r() < 0.9 ? 1 : 0) || ' ');
}

function str(r: Rand): string {
  const roll = r();
  if (roll < 0.35) return pick(r, TRICKY);
  if (roll < 0.5) return pick(r, WORDS);
  if (roll < 0.75) return words(r, 1 + int(r, 8));
  if (roll < 0.85) return words(r, 8 + int(r, 30));
  if (roll < 0.93) return `${pick(r, TRICKY)}${words(r, int(r, 20))}${pick(r, TRICKY)}`;
  return Array.from({ length: 1 + int(r, 120) }, () =>
    String.fromCodePoint(pick(r, [0x20, 0x61, 0x3a, 0x23, 0x27, 0x22, 0x5c, 0x0a, 0xe9, 0x65e5, 0x1f600, 0x85, 0x09])),
  ).join('');
}

const FLOATS = [
  0,
  -0,
  1,
  0.1,
  0.2,
  0.5,
  -2.5,
  1e-5,
  1e-4,
  1e15,
  1e16,
  1e17,
  1e22,
  1e300,
  5e-324,
  1.7976931348623157e308,
  NaN,
  Infinity,
  -Infinity,
  123456.789,
  3,
  1 / 3,
];
const INTS = [0, 1, -1, 42, 255, 2 ** 31, 2 ** 53, -(2 ** 53), 2 ** 63, 1e21, 1e25];
const BIGINTS = [2n ** 64n, 10n ** 30n, -(10n ** 25n), 9007199254740993n, 123456789012345678901234567890n];

function float(r: Rand): PyFloat {
  const roll = r();
  if (roll < 0.5) return new PyFloat(pick(r, FLOATS));
  if (roll < 0.75) return new PyFloat((r() - 0.5) * 10 ** int(r, 40) * 10 ** -int(r, 40));
  const bits = new DataView(new ArrayBuffer(8));
  bits.setUint32(0, int(r, 2 ** 32));
  bits.setUint32(4, int(r, 2 ** 32));
  return new PyFloat(bits.getFloat64(0));
}

function scalar(r: Rand): Raw {
  const roll = r();
  if (roll < 0.45) return str(r);
  if (roll < 0.6) return float(r);
  if (roll < 0.72) return r() < 0.7 ? pick(r, INTS) : int(r, 1e6) - 5e5;
  if (roll < 0.76) return pick(r, BIGINTS);
  if (roll < 0.88) return r() < 0.5;
  return null;
}

function key(r: Rand, any: boolean): Raw {
  const roll = r();
  if (any && roll < 0.08) return pick(r, [0, 1, 7, -3, true, false, null, new PyFloat(1.5), new PyFloat(NaN), 2 ** 40]);
  if (roll < 0.2) return pick(r, TRICKY);
  if (roll < 0.22) return 'k'.repeat(100 + int(r, 60));
  if (roll < 0.24) return words(r, 10 + int(r, 20));
  return pick(r, ['lr', 'train.lr', 'epochs', 'model.layers', 'seed', 'a', 'b', 'name', 'path', '2021', '0', 'x y', 'train']);
}

function value(r: Rand, depth: number): Raw {
  const roll = r();
  if (depth > 2 || roll < 0.55) return scalar(r);
  if (roll < 0.78) return Array.from({ length: int(r, 5) }, () => value(r, depth + 1));
  return mapping(r, depth, true);
}

function mapping(r: Rand, depth: number, anyKeys: boolean): RawMap {
  const entries: [Raw, Raw][] = [];
  const seen = new Set<string>();
  for (let i = int(r, 5); i > 0; i--) {
    const k = key(r, anyKeys);
    // Python dict keys 1, 1.0 and True are one key; here keys '1' and 1 are one key (a mapping stores a key's text).
    const id = typeof k === 'boolean' ? String(Number(k)) : k instanceof PyFloat ? String(k.value) : keyName(k);
    if (seen.has(id) || seen.has(keyName(k))) continue;
    seen.add(id).add(keyName(k));
    entries.push([k, value(r, depth + 1)]);
  }
  return mapOf(entries);
}

function lockEntry(r: Rand): RawMap {
  const hex = Array.from({ length: 32 }, () => '0123456789abcdef'[int(r, 16)]).join('');
  const isDir = r() < 0.3;
  const entry: RawMap = new Map([['path', r() < 0.7 ? pick(r, ['data/raw', 'model.pkl', 'src/train.py', 'eval/metrics.json', 'data']) : str(r)]]);
  if (r() < 0.9) entry.set('hash', 'md5');
  entry.set('md5', isDir ? `${hex}.dir` : hex);
  entry.set('size', r() < 0.9 ? int(r, 2 ** 31) : pick(r, INTS));
  if (isDir) entry.set('nfiles', int(r, 100000));
  if (!isDir && r() < 0.1) entry.set('isexec', true);
  return entry;
}

function stage(r: Rand): RawMap {
  const out: RawMap = new Map();
  out.set('cmd', r() < 0.8 ? str(r) : Array.from({ length: 1 + int(r, 4) }, () => str(r)));
  if (r() < 0.7)
    out.set(
      'deps',
      Array.from({ length: 1 + int(r, 3) }, () => lockEntry(r)),
    );
  if (r() < 0.7) {
    const files: [Raw, Raw][] = [['params.yaml', mapping(r, 0, true)]];
    if (r() < 0.3) files.push([pick(r, ['conf/a.yaml', 'p.json', str(r)]), mapping(r, 0, true)]);
    out.set('params', mapOf(files.filter(([f], i) => i === 0 || f !== 'params.yaml')));
  }
  if (r() < 0.7)
    out.set(
      'outs',
      Array.from({ length: 1 + int(r, 3) }, () => lockEntry(r)),
    );
  return out;
}

function lockDocument(r: Rand): RawMap {
  const stages: [Raw, Raw][] = [];
  const names = new Set<string>();
  for (let i = 1 + int(r, 3); i > 0; i--) {
    const name = r() < 0.6 ? pick(r, ['train', 'prepare', 'build@win-3.7', 'eval@0', '123']) : str(r);
    if (names.has(name)) continue;
    names.add(name);
    stages.push([name, stage(r)]);
  }
  return new Map<string, Raw>([
    ['schema', '2.0'],
    ['stages', mapOf(stages)],
  ]);
}

// ---- shrinking a failing document -----------------------------------------------------------------------------

/** Smaller variants of `v`, roughly largest cut first. */
function* shrinks(v: Raw): Generator<Raw> {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) yield v.filter((_, j) => j !== i);
    for (let i = 0; i < v.length; i++) for (const s of shrinks(v[i]!)) yield v.map((x, j) => (j === i ? s : x));
  } else if (isRawMap(v)) {
    const entries = [...v].map(([k, x]): [Raw, Raw] => [keyValue(v, k), x]);
    for (let i = 0; i < entries.length; i++) yield mapOf(entries.filter((_, j) => j !== i));
    for (let i = 0; i < entries.length; i++) {
      const [k, x] = entries[i]!;
      if (isRawMap(x) || Array.isArray(x)) yield mapOf(entries.map((e, j) => (j === i ? [k, null] : e)));
      for (const s of shrinks(x)) yield mapOf(entries.map((e, j) => (j === i ? [k, s] : e)));
      if (typeof k === 'string')
        for (const s of shrinks(k)) if (typeof s === 'string' && !entries.some(([o]) => o === s)) yield mapOf(entries.map((e, j) => (j === i ? [s, x] : e)));
    }
  } else if (typeof v === 'string' && v.length) {
    const cps = [...v];
    for (let size = Math.floor(cps.length / 2); size >= 1; size = Math.floor(size / 2)) {
      for (let at = 0; at + size <= cps.length; at += size) yield [...cps.slice(0, at), ...cps.slice(at + size)].join('');
    }
  }
}

function check(docs: RawMap[], folding: Folding): { text: string; answer: Answer }[] {
  const texts = docs.map((d) => emitYaml(d, folding));
  const answers = ruamel(docs.map((d, i) => ({ data: encode(d), text: texts[i]! })));
  return texts.map((text, i) => ({ text, answer: answers[i]! }));
}

function minimise(doc: RawMap, folding: Folding, fails: (text: string, a: Answer, d: RawMap) => boolean): RawMap {
  let current = doc;
  for (let round = 0; round < 300; round++) {
    const candidates = [...shrinks(current)].filter(isRawMap);
    let next: RawMap | undefined;
    // Most rounds succeed with one of the first (largest) cuts: ask ruamel in growing chunks.
    for (let at = 0, size = 16; at < candidates.length && !next; at += size, size *= 4) {
      const chunk = candidates.slice(at, at + size);
      const results = check(chunk, folding);
      next = chunk.find((d, j) => fails(results[j]!.text, results[j]!.answer, d));
    }
    if (!next) break;
    current = next;
  }
  return current;
}

/** Whether `back` is `data` but for whitespace inside strings. */
function sameButWhitespace(data: unknown, back: unknown): boolean {
  if (typeof data === 'string' && typeof back === 'string') {
    const bare = (x: string): string => x.replace(/[\s\x85]+/g, '');
    return bare(data) === bare(back);
  }
  if (Array.isArray(data) && Array.isArray(back)) return data.length === back.length && data.every((x, i) => sameButWhitespace(x, back[i]));
  if (data && back && typeof data === 'object' && typeof back === 'object') {
    const [a, b] = [Object.entries(data), Object.entries(back)];
    return a.length === b.length && a.every(([k, v], i) => k === b[i]![0] && sameButWhitespace(v, b[i]![1]));
  }
  return JSON.stringify(data) === JSON.stringify(back);
}

/** JSON with the characters a terminal hides or breaks lines at escaped. */
function show(v: unknown, escapeHidden = true): string {
  const json = JSON.stringify(v);
  return escapeHidden ? json.replace(/[\x00-\x1f\x7f-\xa0\u2028\u2029\u200b\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

function firstDifference(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  const n = la.findIndex((line, i) => line !== lb[i]);
  return `line ${n + 1}:\n  ours:   ${show(la[n])}\n  ruamel: ${show(lb[n])}`;
}

test(
  `dvc.lock text is byte-identical to ruamel.yaml's (DVC's dumper) on ${DOCUMENTS} fuzzed documents, and ruamel reads it back as it reads its own`,
  { skip },
  (t) => {
    const folding = foldingOf(ruamelVersion!);
    const r = mulberry32(SEED);
    const docs = Array.from({ length: DOCUMENTS }, () => lockDocument(r));
    const results = check(docs, folding);

    const differs = (text: string, a: Answer): boolean => text !== a.dump;
    const bad = results.findIndex(({ text, answer }) => differs(text, answer));
    if (bad >= 0) {
      const small = minimise(docs[bad]!, folding, differs);
      const [{ text, answer }] = check([small], folding) as [{ text: string; answer: Answer }];
      const count = results.filter(({ text: t, answer: a }) => differs(t, a)).length;
      assert.fail(
        `${count} of ${DOCUMENTS} documents differ from ruamel.yaml ${ruamelVersion} (seed ${SEED}, document ${bad}). Minimised:\n` +
          `data: ${show(encode(small))}\n${firstDifference(text, answer.dump)}\n--- ours\n${text}--- ruamel\n${answer.dump}`,
      );
    }

    // The one place we do not follow ruamel (see KeysOnOneLine in ruamel-dump.py) is where its text is unreadable.
    const fixed = results.filter(({ answer }) => answer.unpatched !== undefined);
    const readable = fixed.find(({ answer }) => !answer.unpatched_error);
    assert.equal(
      readable,
      undefined,
      `ruamel's own text differs from ours but is readable:\n--- ours\n${readable?.text}--- ruamel\n${readable?.answer.unpatched}`,
    );

    // ruamel cannot read back everything it writes, and our text is its text: a single-quoted scalar holding
    // U+0085, U+2028 or U+2029 is written with that character as a line break and reads back with a space;
    // ruamel 0.18.11+ may wrap a plain scalar after a run of spaces, or a double-quoted one without the `\`
    // that keeps the break from reading as a space. Nothing but whitespace inside strings may change.
    const lost = (_: string, a: Answer, d: RawMap): boolean => a.error !== undefined || (a.back !== undefined && !sameButWhitespace(encode(d), a.back));
    const first = results.findIndex(({ text, answer }, i) => lost(text, answer, docs[i]!));
    if (first >= 0) {
      const small = minimise(docs[first]!, folding, lost);
      const [{ text, answer }] = check([small], folding) as [{ text: string; answer: Answer }];
      assert.fail(
        `ruamel.yaml ${ruamelVersion} reads our text back changed (seed ${SEED}, document ${first}). Minimised:\n` +
          `data: ${show(encode(small))}\nread back: ${answer.error ?? show(answer.back)}\n--- ours\n${text}`,
      );
    }
    const changed = results.filter(({ answer }) => answer.back !== undefined).length;
    t.diagnostic(
      `ruamel.yaml ${ruamelVersion} (${folding} folding): ${DOCUMENTS} documents byte-identical; ${fixed.length} of them with a long key ` +
        `ruamel itself would wrap unreadably; ${DOCUMENTS - changed} read back to the same data, ${changed} changed as ruamel's own text is`,
    );
  },
);

// DVC's params values are the objects ruamel's safe loader made: a YAML alias makes one object of two values, and the
// round-trip dumper writes it with an anchor (&id001) and aliases (*id001), as DVC's dvc.lock then holds it.
test('shared values (YAML aliases in params) are written with anchors and aliases, as ruamel writes them', { skip }, () => {
  const texts = [
    'stages:\n  s:\n    cmd: echo\n    params:\n      params.yaml:\n        eval.layers: &l [1, 2]\n        train: {lr: 0.1, layers: *l, epochs: 5}\n',
    'a: &m {x: 1, y: [1]}\nb: [*m, *m]\nc: {d: *m}\n',
    'a: &e []\nb: *e\nc: &f {}\nd: [*f]\n',
    'a: [&s [1, 2], *s, [3]]\nb: &t [[1], 2]\nc: [*t]\n',
    'a: &x [1]\nb: &y [2]\nc: [*y, *x]\n',
  ];
  const script = [
    'import sys, json, io',
    'from ruamel.yaml import YAML',
    'out = []',
    'for text in json.load(sys.stdin):',
    '    y = YAML()',
    '    y.default_flow_style = False',
    '    buf = io.StringIO()',
    "    y.dump(YAML(typ='safe').load(text), buf)",
    '    out.append(buf.getvalue())',
    'print(json.dumps(out))',
  ].join('\n');
  const run = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const expected = JSON.parse(run.stdout) as string[];
  texts.forEach((text, i) => {
    const data = parseDataFile('params.yaml', text).data as RawMap;
    assert.equal(emitYaml(data, foldingOf(ruamelVersion!)), expected[i], text);
  });
});

// A `.py` params file's values are what Python's literal_eval makes (dvc/utils/serialize/_py.py): a set stays a set,
// which ruamel writes `!!set` and DVC's loader reads back as a set, and a dict's int, float, bool or None key stays
// that key. Sets here iterate in the order written (small ints, one item), so ruamel's text has one order to compare.
test('.py params (sets, keys that are not strings) are written as ruamel writes them and read back equal', { skip }, () => {
  const py = [
    'TAGS = {"a"}',
    'EMPTY = set()',
    'NUMS = {1, 2, 3}',
    'SAME = {1, 1.0, True}',
    'K = {1: "one", 2: "two"}',
    'MIXED = {1: "a", "b": 2, None: 3, 1.5: 4, True: 5, -7: 6}',
    'NESTED = {"x": {"a"}, "y": [{7}, set()], "z": {0: {None}}}',
  ].join('\n');
  const script = [
    'import ast, sys, io',
    'from ruamel.yaml import YAML',
    'tree = ast.parse(sys.stdin.read())',
    'data = {n.targets[0].id: ast.literal_eval(n.value) for n in tree.body}',
    'y = YAML()',
    'y.default_flow_style = False',
    "y.dump({'params': {'conf.py': data}}, sys.stdout)",
  ].join('\n');
  const run = spawnSync(PYTHON, ['-c', script], { input: py, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const values = parseDataFile('conf.py', py).data as RawMap;
  const text = emitYaml(new Map([['params', new Map([['conf.py', values]])]]), foldingOf(ruamelVersion!));
  assert.equal(text, run.stdout);
  const back = (parseDataFile('dvc.lock', text).data as RawMap).get('params') as RawMap;
  assert.ok(pyEqual(back.get('conf.py'), values), 'dvc.lock reads back equal to the file');
});
