import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseYaml } from '../../src/dvc/formats/yaml';
import { pyRepr, pyStr } from '../../src/dvc/python/format';
import { pyEqual, PyDate, PyDateTime, type Raw } from '../../src/dvc/python/value';
import { emitYaml } from '../../src/pipeline/yaml-emit';

// Plain YAML timestamps against ruamel's safe loader, which DVC reads params files and dvc.lock with: what each form
// becomes (date, datetime or string), Python's str() (what `dvc params diff` prints) and repr() (inside a list), `==`
// (dvc.lock against params) and the text DVC's dumper writes into dvc.lock. MLREPORT_RUAMEL_PYTHON points at another
// interpreter to check another ruamel version.
const PYTHON = process.env.MLREPORT_RUAMEL_PYTHON ?? '/usr/bin/python3';
const HELPER = fileURLToPath(new URL('./ruamel-timestamps.py', import.meta.url));
const probe = spawnSync(PYTHON, ['-c', 'import ruamel.yaml'], { encoding: 'utf8' });
const skip = probe.status === 0 ? false : `${PYTHON} cannot import ruamel.yaml (apt-get install -y python3-ruamel.yaml)`;

const FORMS = [
  '2024-01-02',
  '2024-01-02 10:20:30',
  '2024-01-02T10:20:30',
  '2024-01-02t10:20:30',
  '2024-01-02  10:20:30',
  '2024-01-02\t10:20:30',
  '2024-1-2 1:02:03',
  '2024-01-02 10:20:30.5',
  '2024-01-02T10:20:30.',
  '2024-01-02T10:20:30.000',
  '2024-01-02T10:20:30.000001',
  '2024-01-02T10:20:30.1234564',
  '2024-01-02T10:20:30.1234565',
  '2024-01-02T10:20:30.12345649',
  '2024-01-02T10:20:30.0000004',
  '2024-12-31T23:59:59.9999995',
  '2020-02-29 23:59:59.9999996 +01:00',
  '2024-01-02T10:20:30Z',
  '2024-01-02 10:20:30 Z',
  '2024-01-02T10:20:30.123456Z',
  '2024-01-02T10:20:30+05:30',
  '2024-01-02T10:20:30 +05:30',
  '2024-01-02T10:20:30-05:30',
  '2024-01-02 10:20:30 -5',
  '2024-01-02T10:20:30.123+01',
  '2024-01-02T10:20:30-00:00',
  '2024-01-02T10:20:30+05:99',
  '2024-01-02T10:20:30-23:59',
  '2024-01-02T10:20:30+00:01',
  '0001-01-01T00:30:00+01:00',
  '9999-12-31T23:59:59.999999',
  // Strings: not the resolver's pattern.
  '2024-1-2',
  '2024-01-02t10:20:30z',
  '2024-1-2 1:2:3',
  '2024-01-02T10:20',
  '2024-01-02T10:20:30+0530',
  '2024-01-02T10:20:30+123',
  // The pattern, but a value Python refuses (DVC fails on the file; mlreport keeps the text).
  '2024-02-30 10:00:00',
  '2023-02-29',
  '2024-13-01 10:00:00',
  '0000-01-01 00:00:00',
  '2024-01-02 24:00:00',
  '2024-01-02 10:60:00',
  '2024-01-02 10:20:60',
  '2024-01-02T10:20:30+24',
  '2024-01-02T10:20:30-24:00',
  '9999-12-31T23:59:59.9999995',
];

/** Pairs of FORMS, by text, whose `==` is checked. */
const PAIRS: [string, string][] = [
  ['2024-01-02T10:20:30Z', '2024-01-02 10:20:30 Z'],
  ['2024-01-02T10:20:30Z', '2024-01-02T10:20:30-00:00'],
  ['2024-01-02T10:20:30Z', '2024-01-02 10:20:30'],
  ['2024-01-02T10:20:30+05:30', '2024-01-02T10:20:30 +05:30'],
  ['2024-01-02T10:20:30+05:30', '2024-01-02T10:20:30Z'],
  ['2024-01-02T10:20:30-05:30', '2024-01-02T10:20:30+05:30'],
  ['2024-01-02 10:20:30', '2024-01-02T10:20:30'],
  ['2024-01-02 10:20:30', '2024-01-02T10:20:30.000'],
  ['2024-01-02 10:20:30', '2024-01-02T10:20:30.0000004'],
  ['2024-01-02 10:20:30', '2024-01-02T10:20:30.000001'],
  ['2024-01-02 10:20:30', '2024-01-02'],
  ['2024-1-2 1:02:03', '2024-01-02 10:20:30'],
];

interface Answer {
  type?: string;
  str?: string;
  repr?: string;
  dump?: string;
  error?: string;
}

/** Before 0.18.6 ruamel moved a zoned date-time to UTC and dropped the zone. */
function legacy(version: string): boolean {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  return major === 0 && (minor < 18 || (minor === 18 && patch < 6));
}

/** Forms ruamel before 0.18.6 read otherwise, apart from moving zoned times to UTC. */
const LEGACY_DIFFERS = new Map([
  ['2020-02-29 23:59:59.9999996 +01:00', 'took the carried second off a zoned time instead of adding it (22:59:58)'],
  ['2024-01-02T10:20:30+24', 'moved a time by a zone of a day or more, which Python refuses as a timezone'],
  ['2024-01-02T10:20:30-24:00', 'moved a time by a zone of a day or more, which Python refuses as a timezone'],
]);

/** A zoned date-time as ruamel before 0.18.6 gave it: the same instant as a naive UTC one. */
function inUtc(value: Raw): Raw {
  if (!(value instanceof PyDateTime) || !value.zone) return value;
  const at = new Date(value.epochMs);
  const date = `${String(at.getUTCFullYear()).padStart(4, '0')}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-${String(at.getUTCDate()).padStart(2, '0')}`;
  return new PyDateTime(date, at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), value.microsecond, null);
}

function typeOf(value: Raw): string {
  return value instanceof PyDateTime ? 'datetime' : value instanceof PyDate ? 'date' : typeof value === 'string' ? 'str' : String(value);
}

test('plain timestamps are what ruamel (DVC) makes of them: type, str(), repr(), == and the dvc.lock text', { skip }, () => {
  const index = (form: string): number => FORMS.indexOf(form);
  const run = spawnSync(PYTHON, [HELPER], {
    input: JSON.stringify({ forms: FORMS, pairs: PAIRS.map(([a, b]) => [index(a), index(b)]) }),
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  const answer = JSON.parse(run.stdout) as { version: string; values: Answer[]; equal: boolean[] };
  const old = legacy(answer.version);
  const ours = FORMS.map((form) => {
    const data = parseYaml(`v: ${form}`).data as Map<string, Raw>;
    return data.get('v')!;
  });
  FORMS.forEach((form, i) => {
    const python = answer.values[i]!;
    const value = ours[i]!;
    const what = `${JSON.stringify(form)} (ruamel ${answer.version})`;
    if (old && LEGACY_DIFFERS.has(form)) return;
    if (python.error) {
      // ruamel before 0.18.6 also failed where moving a zoned time to UTC left year 1.
      if (old && value instanceof PyDateTime && value.zone) return;
      assert.equal(value, form, `${what}: Python refuses it (${python.error}); mlreport keeps the text`);
      return;
    }
    const seen = old ? inUtc(value) : value;
    assert.equal(typeOf(seen), python.type, `${what}: type`);
    assert.equal(pyStr(seen), python.str, `${what}: str()`);
    assert.equal(pyRepr(seen), python.repr, `${what}: repr()`);
    assert.equal(emitYaml(new Map([['v', seen]])), python.dump, `${what}: written into dvc.lock`);
  });
  PAIRS.forEach(([a, b], n) => {
    const [x, y] = [ours[index(a)]!, ours[index(b)]!];
    const equal = old ? pyEqual(inUtc(x), inUtc(y)) : pyEqual(x, y);
    assert.equal(equal, answer.equal[n], `${a} == ${b} (ruamel ${answer.version})`);
  });
});
