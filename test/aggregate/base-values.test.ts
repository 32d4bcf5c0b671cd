import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * A base whose metrics are there but not numbers: `acc` is text, `f1` NaN (as Python's json writes it). Each job's own
 * gate breaks its rules on `base` ("not a number at the base", "NaN at the base"); the sweep's must too, not skip them
 * as if the base lacked the metrics and pass on its other rule.
 */
const RULES = ['acc >= base - 0.1', 'f1 >= base', 'acc >= 0.5'];
let repo: TempRepo;
let artifacts: string;

before(async () => {
  repo = new TempRepo();
  repo.commit('base', { 'params.yaml': 'lr: 0.1\nseed: 0\n', 'metrics.json': '{"acc": "diverged", "f1": NaN}' });
  artifacts = tempDir('mlreport-base-values-');
  for (const seed of [1, 2]) {
    repo.write({ 'params.yaml': `lr: 0.1\nseed: ${seed}\n`, 'metrics.json': JSON.stringify({ acc: 0.9 + seed / 100, f1: 0.5 }) });
    const out = join(artifacts, `mlreport-seed${seed}`);
    const r = await runCli(
      ['report', '--base', 'HEAD', '--metrics', 'metrics.json', ...RULES.flatMap((t) => ['--threshold', t]), '--out', out, '--quiet'],
      repo.dir,
    );
    assert.equal(r.code, 1, `each job's own gate fails: ${r.stderr}`);
  }
});
after(() => {
  repo.remove();
  rmSync(artifacts, { recursive: true, force: true });
});

describe("the sweep's gate on base values that are not numbers", () => {
  test('text and NaN at the base break the rules on base, as in each job, whatever missing-base says', async () => {
    for (const missingBase of ['skip', 'fail']) {
      const out = tempDir();
      const r = await runCli(['aggregate', artifacts, '--out', out, '--quiet', '--missing-base', missingBase], repo.dir);
      assert.equal(r.code, 1, r.stderr);
      const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      assert.deepEqual(json.gates, { passed: false, configurations: 1, failedConfigurations: ['all runs'] });
      assert.deepEqual(
        json.configurations[0].gates.rules.map((g: { status: string; detail: string }) => [g.status, g.detail]),
        [
          ['failed', '`metrics.json:acc` is not a number at the base, so there is nothing to compare with.'],
          ['failed', '`metrics.json:f1` is NaN at the base, so there is nothing to compare with.'],
          ['passed', '0.915 >= 0.5'],
        ],
        missingBase,
      );
    }
  });
});
