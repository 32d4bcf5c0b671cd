import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * A sweep whose jobs ran in a one-commit-deep clone whose origin is out of reach: the base (HEAD~1) exists but none
 * of them could fetch it. Each job's report.json says why (`baseUnread`); the sweep's gate must not skip a rule on
 * `base` as "no base revision" and pass on its other rule.
 */
test("the sweep's gate on a base its jobs could not fetch: the rule on base is an error naming the jobs, whatever missing-base says", async () => {
  const repo = new TempRepo();
  const clone = tempDir();
  const artifacts = tempDir('mlreport-base-unread-');
  try {
    repo.commit('base', { 'params.yaml': 'lr: 0.1\n', 'metrics.json': '{"acc": 0.9}\n' });
    repo.commit('head', { 'metrics.json': '{"acc": 0.95}\n' });
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]);
    execFileSync('git', ['-C', clone, 'remote', 'set-url', 'origin', `file://${join(clone, 'no-such-remote')}`]);
    for (const ref of ['refs/remotes/origin/HEAD', 'refs/remotes/origin/main']) execFileSync('git', ['-C', clone, 'update-ref', '-d', ref]);
    for (const job of [
      { name: 'lr0.1', lr: 0.1, acc: 0.95 },
      { name: 'lr1', lr: 1, acc: 0.93 },
    ]) {
      writeFileSync(join(clone, 'params.yaml'), `lr: ${job.lr}\n`);
      writeFileSync(join(clone, 'metrics.json'), `{"acc": ${job.acc}}\n`);
      const args = ['report', '--metrics', 'metrics.json', '--params', 'params.yaml', '--threshold', 'acc >= base - 0.1', '--threshold', 'acc >= 0.5'];
      const r = await runCli([...args, '--out', join(artifacts, `mlreport-${job.name}`), '--quiet'], clone);
      assert.equal(r.code, 1, `each job's own gate fails: ${r.stderr}`);
      const own = JSON.parse(readFileSync(join(artifacts, `mlreport-${job.name}`, 'report.json'), 'utf8'));
      assert.match(own.baseUnread, /^HEAD~1 could not be fetched: /);
    }
    for (const missingBase of ['skip', 'fail']) {
      const out = tempDir();
      try {
        const r = await runCli(['aggregate', artifacts, '--out', out, '--quiet', '--missing-base', missingBase], clone);
        assert.equal(r.code, 1, r.stderr);
        const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
        assert.equal(json.gates.passed, false, missingBase);
        for (const configuration of json.configurations) {
          const [onBase, plain] = configuration.gates.rules;
          assert.equal(onBase.status, 'error', `${missingBase}: ${configuration.id}`);
          assert.match(
            onBase.detail,
            /^Not checked: the base revision could not be read \(HEAD~1 could not be fetched: .* \(jobs `lr0\.1`, `lr1`\)\), so the rule has nothing at the base to compare with; .*fetch-depth: 0/,
          );
          assert.equal(plain.status, 'passed');
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }
  } finally {
    repo.remove();
    rmSync(clone, { recursive: true, force: true });
    rmSync(artifacts, { recursive: true, force: true });
  }
});

/**
 * The same sweep in a clone that holds the base (HEAD~1) but not the base branch's history before it, with origin out
 * of reach: each job's report.json says its history is cut short (`history.notKnown`); the sweep's history rule must
 * not be skipped as "not enough history" and pass on its other rule.
 */
test("the sweep's gate on a history its jobs could not fetch: the history rule is an error, not a skip", async () => {
  const repo = new TempRepo();
  const clone = tempDir();
  const artifacts = tempDir('mlreport-history-unread-');
  try {
    for (const acc of [0.9, 0.91, 0.92]) repo.commit(`base ${acc}`, { 'params.yaml': 'lr: 0.1\n', 'metrics.json': `{"acc": ${acc}}\n` });
    repo.commit('head', { 'metrics.json': '{"acc": 0.6}\n' });
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${repo.dir}`, clone]);
    execFileSync('git', ['-C', clone, 'remote', 'set-url', 'origin', `file://${join(clone, 'no-such-remote')}`]);
    for (const ref of ['refs/remotes/origin/HEAD', 'refs/remotes/origin/main']) execFileSync('git', ['-C', clone, 'update-ref', '-d', ref]);
    const rules = ['--threshold', 'acc >= history.mean - 2 * history.std', '--threshold', 'acc >= 0.5'];
    for (const job of [
      { name: 'lr0.1', lr: 0.1, acc: 0.6 },
      { name: 'lr1', lr: 1, acc: 0.61 },
    ]) {
      writeFileSync(join(clone, 'params.yaml'), `lr: ${job.lr}\n`);
      writeFileSync(join(clone, 'metrics.json'), `{"acc": ${job.acc}}\n`);
      const args = ['report', '--metrics', 'metrics.json', '--params', 'params.yaml', ...rules];
      const r = await runCli([...args, '--out', join(artifacts, `mlreport-${job.name}`), '--quiet'], clone);
      assert.equal(r.code, 1, `each job's own gate fails: ${r.stderr}`);
      const own = JSON.parse(readFileSync(join(artifacts, `mlreport-${job.name}`, 'report.json'), 'utf8'));
      assert.match(own.history.notKnown, /^Only 1 of the 20 commits asked for: /);
    }
    const out = tempDir();
    try {
      const r = await runCli(['aggregate', artifacts, '--out', out, '--quiet'], clone);
      assert.equal(r.code, 1, r.stderr);
      const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      assert.equal(json.gates.passed, false);
      for (const configuration of json.configurations) {
        const [onHistory, plain] = configuration.gates.rules;
        assert.equal(onHistory.status, 'error', configuration.id);
        assert.match(
          onHistory.detail,
          /^Not checked: the rule uses `history\.mean`, .* has 1 known value of history where it needs 3: Only 1 of the 20 commits .*fetch-depth: 0/,
        );
        assert.equal(plain.status, 'passed');
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  } finally {
    repo.remove();
    rmSync(clone, { recursive: true, force: true });
    rmSync(artifacts, { recursive: true, force: true });
  }
});
