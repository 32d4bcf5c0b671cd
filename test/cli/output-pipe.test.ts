import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { DIST_CLI } from '../helpers/cli';
import { TempRepo } from '../helpers/repo';

test(
  'output cut short by its reader (`| head`) ends the CLI quietly: exit 0, no stack trace',
  { skip: process.platform === 'win32' && 'bash pipelines' },
  () => {
    const repo = new TempRepo('mlreport-pipe-');
    try {
      const metrics = (shift: number): string => JSON.stringify(Object.fromEntries(Array.from({ length: 20000 }, (_, i) => [`metric_${i}`, i + shift])));
      repo.commit('base', { 'dvc.yaml': 'metrics:\n  - metrics.json\n', 'metrics.json': metrics(0) });
      repo.write({ 'metrics.json': metrics(1) });
      // Far more than a pipe holds (64 KiB), so the CLI is still writing when `head` has gone.
      const script = '"$NODE" "$CLI" metrics diff HEAD --json | head -c 100 > /dev/null; echo "cli exit ${PIPESTATUS[0]}" >&2';
      const r = spawnSync('bash', ['-c', script], { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, NODE: process.execPath, CLI: DIST_CLI } });
      assert.match(r.stderr, /cli exit 0\n$/, r.stderr);
      assert.doesNotMatch(r.stderr, /EPIPE|\n\s+at /, 'no error, no stack trace');
    } finally {
      repo.remove();
    }
  },
);
