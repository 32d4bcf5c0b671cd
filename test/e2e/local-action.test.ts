import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from '../helpers/cli';
import { TempRepo } from '../helpers/repo';

const root = fileURLToPath(new URL('../..', import.meta.url));
const localAction = join(root, 'node_modules/@github/local-action/bin/local-action.js');

/**
 * GitHub's own runner for actions on a workstation (`npx local-action . src/main.ts .env`): it imports
 * src/main.ts with its @actions/core stand-in and calls run(), with the inputs from a .env file. This is the
 * README's Development recipe, end to end on a real git repository.
 */
test('@github/local-action runs src/main.ts from a .env file: outputs set, report written', async () => {
  const repo = new TempRepo('mlreport-local-action-');
  try {
    repo.commit('Baseline', { 'metrics.json': '{"acc": 0.8, "loss": 0.5}\n' });
    repo.commit('Better model', { 'metrics.json': '{"acc": 0.9, "loss": 0.4}\n' });
    const out = join(repo.dir, '.out');
    const env = join(repo.dir, '.env');
    const dotenv = (extra = ''): void =>
      writeFileSync(
        env,
        [
          `GITHUB_WORKSPACE=${repo.dir}`,
          `RUNNER_TEMP=${repo.dir}`,
          'INPUT_METRICS=metrics.json',
          'INPUT_BASE=HEAD~1',
          `INPUT_OUT-DIR=${out}`,
          'INPUT_THRESHOLDS=acc >= 0.85',
          extra,
        ].join('\n'),
      );
    dotenv();
    const result = await runNode(localAction, [root, 'src/main.ts', env], { cwd: root });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /::set-output name=report::.*\.out\/report\.md/);
    assert.match(result.stdout, /::set-output name=passed::true/);
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    assert.match(report, /\| metrics\.json \| acc \| 0\.8 \| 0\.9 \|/);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      metrics: { path: string; rows: { key: string; old: number; new: number }[] }[];
    };
    assert.deepEqual(
      json.metrics.flatMap((f) => f.rows.map((r) => [f.path, r.key, r.old, r.new])),
      [
        ['metrics.json', 'acc', 0.8, 0.9],
        ['metrics.json', 'loss', 0.5, 0.4],
      ],
    );

    dotenv('INPUT_FAIL-ON-THRESHOLD=yes');
    const failed = await runNode(localAction, [root, 'src/main.ts', env], { cwd: root });
    assert.match(failed.stdout, /::error::mlreport: Input 'fail-on-threshold' is 'yes'; expected true or false/);
  } finally {
    repo.remove();
  }
});
