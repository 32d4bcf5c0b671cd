import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PUBLISH_CHOICES } from '../../src/config/publish-inputs';

const root = join(import.meta.dirname, '../..');
const actionYml = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, { description: string; default?: string }> };
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('the values of enumerated inputs: code, action.yml and README agree', () => {
  for (const [name, values] of Object.entries(PUBLISH_CHOICES)) {
    test(`${name}: ${values.join(', ')}`, () => {
      const spec = actionYml.inputs[name]!;
      assert.equal(spec.default, values[0], `action.yml's default of ${name} is the code's`);
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      assert.ok(row, `README.md has a row for ${name}`);
      assert.ok(row.trimEnd().endsWith(`| \`${values[0]}\` |`), `README.md's default of ${name} is \`${values[0]}\``);
      for (const value of values) {
        assert.match(spec.description, new RegExp(`'${value}'|\`${value}\``), `action.yml's description of ${name} names '${value}'`);
        assert.match(row, new RegExp(`\`${value}\``), `README.md's row for ${name} names \`${value}\``);
      }
    });
  }
});
