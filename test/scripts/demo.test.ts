import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIST_CLI, runNode } from '../helpers/cli';

const DEMO = fileURLToPath(new URL('../../scripts/demo.mjs', import.meta.url));

/** The lines `mlreport repro` prints per stage, in the order the demo's steps print them (one list per step). */
function stageLines(stdout: string): string[][] {
  return stdout
    .split(/^\S*▶ /m)
    .slice(1)
    .map((part) =>
      [...part.matchAll(/^(?:prepare|featurize|train|evaluate): .*$/gm)].map((m) =>
        m[0]
          .replace(/ \(.*$/, '')
          .replace(/ [0-9.]+s$/, '')
          .replace(':', ''),
      ),
    );
}

test('npm run demo: fresh clones restore unchanged stages from the local remote, a params change re-runs train and evaluate only, the report has base and head metrics', async () => {
  const r = await runNode(DEMO, [], { cwd: process.cwd(), env: { ...process.env, MLREPORT_DEMO_CLI: DIST_CLI } });
  assert.equal(r.code, 0, r.stderr + r.stdout);
  const [, developer, ciMain, , ciPull, , next] = stageLines(r.stdout);
  assert.deepEqual(developer, ['prepare ran', 'featurize ran', 'train ran', 'evaluate ran']);
  const restored = (stage: string): string => `${stage} restored from remote 'storage'`;
  assert.deepEqual(ciMain, ['prepare', 'featurize', 'train', 'evaluate'].map(restored));
  assert.deepEqual(ciPull, [restored('prepare'), restored('featurize'), 'train ran', 'evaluate ran']);
  assert.deepEqual(
    next,
    ['prepare', 'featurize', 'train', 'evaluate'].map((s) => `${s} restore from remote 'storage'`),
  );
  // Base (origin/main, n_est 10) and head (n_est 30) values of eval/metrics.json, the base one read from the remote.
  assert.match(r.stdout, /^\| eval\/metrics\.json \| roc\\_auc\.test \| 0\.8961 \| 0\.9578 \|/m);
  assert.match(r.stdout, /^\| params\.yaml \| train\.n\\_est \| 10 \| 30 \|$/m);
  const temp = /in (\S+)\/project;/.exec(r.stdout)?.[1];
  assert.ok(temp && !existsSync(temp), 'the temporary folder is removed');
});
