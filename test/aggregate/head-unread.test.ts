import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * A sweep whose jobs' evaluation crashed half-way: eval.json is there at the head but does not parse. Each job's own
 * gate makes its `if present` rule on it an error (not known is not absent); the sweep's gate must not skip it and
 * pass on the other rule.
 */
test("the sweep's gate on a metrics file its jobs could not read at the head: an if-present rule on it is an error naming the jobs", async () => {
  const repo = new TempRepo();
  const artifacts = tempDir('mlreport-head-unread-');
  const out = tempDir();
  try {
    repo.commit('base', { 'params.yaml': 'lr: 0.1\n', 'metrics.json': '{"acc": 0.9}\n' });
    for (const job of [
      { name: 'lr0.1', lr: 0.1 },
      { name: 'lr1', lr: 1 },
    ]) {
      writeFileSync(join(repo.dir, 'params.yaml'), `lr: ${job.lr}\n`);
      writeFileSync(join(repo.dir, 'eval.json'), '{"f1": \n');
      const args = ['report', '--metrics', 'metrics.json', '--metrics', 'eval.json', '--params', 'params.yaml'];
      const rules = ['--threshold', 'acc >= 0.5', '--threshold', 'eval.json:f1 >= 0.5 if present'];
      const r = await runCli([...args, ...rules, '--out', join(artifacts, `mlreport-${job.name}`), '--quiet'], repo.dir);
      assert.equal(r.code, 1, `each job's own gate fails: ${r.stderr}`);
      const own = JSON.parse(readFileSync(join(artifacts, `mlreport-${job.name}`, 'report.json'), 'utf8'));
      assert.equal(own.gates.rules[1].status, 'error');
    }
    const r = await runCli(['aggregate', artifacts, '--out', out, '--quiet'], repo.dir);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    assert.equal(json.gates.passed, false);
    for (const configuration of json.configurations) {
      const [plain, onEval] = configuration.gates.rules;
      assert.equal(plain.status, 'passed');
      assert.equal(onEval.status, 'error', configuration.id);
      assert.match(onEval.detail, /eval\.json.*\(job `lr(0\.)?1`\)/);
    }
  } finally {
    repo.remove();
    rmSync(artifacts, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
});
