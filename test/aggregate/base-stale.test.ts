import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

/** Writes metrics.json's acc from params.yaml's acc, as a training stage would. */
const WRITER =
  "const v = /acc: *([\\d.]+)/.exec(require('fs').readFileSync('params.yaml', 'utf8'))[1];\nrequire('fs').writeFileSync('metrics.json', JSON.stringify({ acc: Number(v) }));\n";

/**
 * A sweep whose base was committed without reproducing (params.yaml changed, dvc.lock and metrics.json of the old
 * params): each job's own gate cannot check a rule comparing with `base` (its base value is not of the base's own
 * params). The configuration's mean compared with that same base value checks nothing either: an error naming the
 * jobs and their reason, not a pass.
 */
test("the sweep's gate does not pass a rule no job's own gate could check (a base out of date at its own commit)", async () => {
  const repo = new TempRepo();
  const artifacts = tempDir('mlreport-base-stale-');
  const out = tempDir();
  try {
    repo.commit('pipeline', {
      'params.yaml': 'acc: 0.9\n',
      'w.js': WRITER,
      'dvc.yaml': 'stages:\n  train:\n    cmd: node w.js\n    params: [acc]\n    metrics:\n      - metrics.json: {cache: false}\n',
    });
    assert.equal((await runCli(['repro'], repo.dir)).code, 0);
    repo.commit('ran', { 'metrics.json': readFileSync(join(repo.dir, 'metrics.json'), 'utf8'), 'dvc.lock': readFileSync(join(repo.dir, 'dvc.lock'), 'utf8') });
    // The base: a param changed and merged without reproducing; its dvc.lock and metrics.json are of acc 0.9.
    repo.commit('tune, not reproduced', { 'params.yaml': 'acc: 0.5\n' });
    for (const job of [
      { name: 'a', acc: 0.85 },
      { name: 'b', acc: 0.87 },
    ]) {
      writeFileSync(join(repo.dir, 'params.yaml'), `acc: ${job.acc}\n`);
      const rules = ['--threshold', 'acc >= base - 0.1'];
      const r = await runCli(['report', '--base', 'HEAD', '--repro', 'auto', ...rules, '--out', join(artifacts, `mlreport-${job.name}`), '--quiet'], repo.dir);
      assert.equal(r.code, 1, `each job's own gate could not check it: ${r.stderr}`);
      const own = JSON.parse(readFileSync(join(artifacts, `mlreport-${job.name}`, 'report.json'), 'utf8'));
      assert.equal(own.gates.rules[0].status, 'error', own.gates.rules[0].detail);
      repo.git('checkout', '--', 'dvc.lock', 'metrics.json');
    }
    const r = await runCli(['aggregate', artifacts, '--out', out, '--threshold', 'acc >= base - 0.1', '--quiet'], repo.dir);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    assert.equal(json.gates.passed, false);
    for (const configuration of json.configurations) {
      const [rule] = configuration.gates.rules;
      // The means (0.85, 0.87) are above 0.9 - 0.1: compared, the rule would hold.
      assert.equal(rule.status, 'error', `${configuration.id}: ${rule.detail}`);
      assert.match(rule.detail, /^Not checked: no job's own gate could check it \(job `[ab]`\): .*stage 'train' was out of date at HEAD/);
    }
  } finally {
    repo.remove();
    rmSync(artifacts, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
});
