import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type ProcessResult } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';
import { readReportJson } from '../helpers/report';

/** A sweep's project, the folder its jobs' report folders are collected in, and the aggregate's out-dir: removed after `body`. */
async function inSweep(prefix: string, body: (sweep: { repo: TempRepo; artifacts: string; out: string }) => Promise<void>): Promise<void> {
  const repo = new TempRepo();
  const artifacts = tempDir(prefix);
  const out = tempDir();
  try {
    await body({ repo, artifacts, out });
  } finally {
    repo.remove();
    rmSync(artifacts, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * One job of the sweep on `lr`: its params.yaml, its metrics.json when it has an `acc`, and its eval.json; its report,
 * with the rule on acc and the `if present` rule on eval.json, in `artifacts/mlreport-NAME`.
 */
function jobReport(repo: TempRepo, artifacts: string, job: { name: string; lr: number; acc?: number; evaluation: string }): Promise<ProcessResult> {
  writeFileSync(join(repo.dir, 'params.yaml'), `lr: ${job.lr}\n`);
  if (job.acc !== undefined) writeFileSync(join(repo.dir, 'metrics.json'), `{"acc": ${job.acc}}\n`);
  writeFileSync(join(repo.dir, 'eval.json'), job.evaluation);
  const args = ['report', '--metrics', 'metrics.json', '--metrics', 'eval.json', '--params', 'params.yaml'];
  const rules = ['--threshold', 'acc >= 0.5', '--threshold', 'eval.json:f1 >= 0.5 if present'];
  return runCli([...args, ...rules, '--out', join(artifacts, `mlreport-${job.name}`), '--quiet'], repo.dir);
}

/** `mlreport aggregate` of the jobs' folders, whose gate fails: its report.json. */
async function failedAggregate(repo: TempRepo, artifacts: string, out: string): Promise<any> {
  const r = await runCli(['aggregate', artifacts, '--out', out, '--quiet'], repo.dir);
  assert.equal(r.code, 1, r.stderr);
  return readReportJson(out);
}

/**
 * A sweep whose jobs' evaluation crashed half-way: eval.json is there at the head but does not parse. Each job's own
 * gate makes its `if present` rule on it an error (not known is not absent); the sweep's gate must not skip it and
 * pass on the other rule.
 */
test("the sweep's gate on a metrics file its jobs could not read at the head: an if-present rule on it is an error naming the jobs", async () => {
  await inSweep('mlreport-head-unread-', async ({ repo, artifacts, out }) => {
    repo.commit('base', { 'params.yaml': 'lr: 0.1\n', 'metrics.json': '{"acc": 0.9}\n' });
    for (const job of [
      { name: 'lr0.1', lr: 0.1, evaluation: '{"f1": \n' },
      { name: 'lr1', lr: 1, evaluation: '{"f1": \n' },
    ]) {
      const r = await jobReport(repo, artifacts, job);
      assert.equal(r.code, 1, `each job's own gate fails: ${r.stderr}`);
      const own = JSON.parse(readFileSync(join(artifacts, `mlreport-${job.name}`, 'report.json'), 'utf8'));
      assert.equal(own.gates.rules[1].status, 'error');
    }
    const json = await failedAggregate(repo, artifacts, out);
    assert.equal(json.gates.passed, false);
    for (const configuration of json.configurations) {
      const [plain, onEval] = configuration.gates.rules;
      assert.equal(plain.status, 'passed');
      assert.equal(onEval.status, 'error', configuration.id);
      assert.match(onEval.detail, /eval\.json.*\(job `lr(0\.)?1`\)/);
    }
  });
});

/**
 * The same sweep with a job whose evaluation did run and whose accuracy broke its rule. Each crashed configuration's
 * rule on eval.json is an error even though another run has f1 (its mean stands for none of theirs); the headline and
 * the gates cell word those as the single report does: could not be checked, not broke.
 */
test('the sweep report words rules that could not be checked as such, apart from the rules that broke', async () => {
  await inSweep('mlreport-head-unread-', async ({ repo, artifacts, out }) => {
    repo.commit('base', { 'params.yaml': 'lr: 0.1\n', 'metrics.json': '{"acc": 0.9}\n' });
    for (const job of [
      { name: 'lr0.01', lr: 0.01, acc: 0.4, evaluation: '{"f1": 0.8}\n' },
      { name: 'lr0.1', lr: 0.1, acc: 0.9, evaluation: '{"f1": \n' },
      { name: 'lr1', lr: 1, acc: 0.9, evaluation: '{"f1": \n' },
    ]) {
      const r = await jobReport(repo, artifacts, job);
      assert.equal(r.code, 1, `each job's own gate fails: ${r.stderr}`);
    }
    const json = await failedAggregate(repo, artifacts, out);
    const byId = new Map(json.configurations.map((c: { id: string; gates: { rules: { status: string; detail: string }[] } }) => [c.id, c.gates.rules]));
    assert.deepEqual(
      (byId.get('lr=1') as { status: string }[]).map((rule) => rule.status),
      ['passed', 'error'],
    );
    assert.match((byId.get('lr=1') as { detail: string }[])[1]!.detail, /eval\.json.*\(job `lr1`\)/);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    assert.match(md, /### Gates: ❌ 1 of 3 configurations broke a rule, 2 configurations could not be checked$/m);
    assert.match(md, /^### Rules that broke or could not be checked$/m);
    const cells = md
      .split('\n')
      .filter((l) => /^\| [^|]* \| (0\.01|0\.1|1) \| 1 \|/.test(l))
      .map((l) => l.split(' | ').at(-1));
    assert.deepEqual(cells.sort(), ['❌ 1 broke |', '❌ 1 could not be checked |', '❌ 1 could not be checked |']);
    // The best accuracy is lr=0.1's and lr=1's, whose rules could not be checked: no configuration passed, none is the best.
    assert.deepEqual(
      json.configurations.map((c: { best: boolean }) => c.best),
      [false, false, false],
    );
    assert.doesNotMatch(md, /🏆|\*\*Best by/);
    assert.match(
      md,
      /^- No configuration is marked best: none passed its gate \(lr=0\.1 could not be checked, lr=1 could not be checked, lr=0\.01 broke a rule\)\.$/m,
    );
  });
});

test('the 🏆 passes over a configuration with the best mean whose rules could not be checked, for the best one the gate passed', async () => {
  await inSweep('mlreport-head-unread-', async ({ repo, artifacts, out }) => {
    repo.commit('base', { 'params.yaml': 'lr: 0.1\n', 'metrics.json': '{"acc": 0.9}\n' });
    for (const job of [
      { name: 'lr1', lr: 1, acc: 0.99, evaluation: '{"f1": \n' },
      { name: 'lr0.1', lr: 0.1, acc: 0.9, evaluation: '{"f1": 0.8}\n' },
    ]) {
      await jobReport(repo, artifacts, job);
    }
    const json = await failedAggregate(repo, artifacts, out);
    // Ranked by accuracy, lr=1 first; its f1 is not known, so its gate could not vouch for it. Before, it was marked best.
    assert.deepEqual(
      json.configurations.map((c: { id: string; best: boolean; gates: { passed: boolean } }) => [c.id, c.gates.passed, c.best]),
      [
        ['lr=1', false, false],
        ['lr=0.1', true, true],
      ],
    );
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    assert.match(md, /^\*\*Best by `acc` \(higher is better\):\*\* lr=0\.1: 0\.9$/m);
    assert.match(md, /^\| 🏆 best \| 0\.1 \| 1 \|/m);
    assert.match(
      md,
      /^- Best by <code>metrics\.json:acc<\/code> among the configurations whose gate passed: lr=0\.1; ranked above it, lr=1 could not be checked\.$/m,
    );
  });
});

/**
 * A sweep whose jobs did not reproduce the pipeline (repro off): each job changed `lr`, but metrics.json is the last
 * run's, which the committed dvc.lock records. Each job's own gate makes its rule on it an error; the sweep's gate,
 * on the means of those same values, must not pass it.
 */
test("the sweep's gate on a metric its jobs hold from an out-of-date stage: the rule is not checked, naming the stage and the jobs", async () => {
  await inSweep('mlreport-stale-jobs-', async ({ repo, artifacts, out }) => {
    repo.commit('pipeline', {
      'params.yaml': 'lr: 0.1\n',
      'w.js': "const [f, k, v] = process.argv.slice(2); require('fs').writeFileSync(f, JSON.stringify({ [k]: Number(v) }));\n",
      'dvc.yaml': 'stages:\n  train:\n    cmd: node w.js metrics.json acc 0.9\n    params: [lr]\n    metrics:\n      - metrics.json: {cache: false}\n',
    });
    assert.equal((await runCli(['repro'], repo.dir)).code, 0);
    repo.commit('ran', {});
    for (const lr of [0.3, 1]) {
      writeFileSync(join(repo.dir, 'params.yaml'), `lr: ${lr}\n`);
      const r = await runCli(
        ['report', '--base', 'HEAD', '--repro', 'off', '--threshold', 'acc >= 0.5', '--out', join(artifacts, `mlreport-lr${lr}`), '--quiet'],
        repo.dir,
      );
      assert.equal(r.code, 1, `each job's own gate does not pass: ${r.stderr}`);
      const own = JSON.parse(readFileSync(join(artifacts, `mlreport-lr${lr}`, 'report.json'), 'utf8'));
      assert.deepEqual(own.gates.rules[0].stale, ['train']);
    }
    const json = await failedAggregate(repo, artifacts, out);
    // Before, each configuration passed on the mean of its jobs' last-run values.
    assert.equal(json.gates.passed, false);
    for (const configuration of json.configurations) {
      const [rule] = configuration.gates.rules;
      assert.equal(rule.status, 'error', configuration.id);
      assert.deepEqual(rule.stale, ['train']);
      assert.match(
        rule.detail,
        /^Not checked: `metrics\.json:acc` comes from stage 'train', which made no values of this change: param params\.yaml:lr: modified \(job `lr(0\.3|1)`\), so the rule compared the last run's values/,
      );
      assert.equal(configuration.best, false, 'a configuration whose rule could not be checked is not the best');
    }
  });
});
