import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * `mlreport aggregate --missing-base fail` on a metric new at the head: the rule on base breaks, and its note names
 * the flag that said so, as a single CLI run's gate does, not the action's input.
 */
test('mlreport aggregate --missing-base fail: the broken rule on base names the flag', async () => {
  const repo = new TempRepo();
  const artifacts = tempDir('mlreport-missing-base-');
  const out = tempDir();
  try {
    repo.commit('base', { 'params.yaml': 'lr: 0.1\n' });
    for (const job of [
      { name: 'lr0.1', lr: 0.1 },
      { name: 'lr1', lr: 1 },
    ]) {
      writeFileSync(join(repo.dir, 'params.yaml'), `lr: ${job.lr}\n`);
      writeFileSync(join(repo.dir, 'metrics.json'), '{"acc": 0.9}\n');
      const args = ['report', '--metrics', 'metrics.json', '--params', 'params.yaml', '--threshold', 'acc >= base - 0.1', '--threshold', 'acc >= 0.5'];
      const r = await runCli([...args, '--out', join(artifacts, `mlreport-${job.name}`), '--quiet'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
    }
    const r = await runCli(['aggregate', artifacts, '--out', out, '--quiet', '--missing-base', 'fail'], repo.dir);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    for (const configuration of json.configurations) {
      const [onBase] = configuration.gates.rules;
      assert.equal(onBase.status, 'failed');
      assert.match(onBase.detail, /\(`--missing-base fail`\)\.$/);
    }
  } finally {
    repo.remove();
    rmSync(artifacts, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
});
