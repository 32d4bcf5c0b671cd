import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { md5sum } from '../helpers/md5sum';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * Sweeps whose jobs could not know the base's values: the base's metrics.json does not parse, or the base's dvc.yaml
 * (which names the metrics file) does not load. Each job's own gate makes its rule on `base` an error; the sweep's gate,
 * on the configurations' means, must not skip that rule as if the metric were new and pass on its other rule.
 */
const RULES = ['acc >= base - 0.1', 'acc >= 0.5'];
const JOBS = [
  { name: 'lr0.1-seed1', lr: 0.1, seed: 1, acc: 0.91 },
  { name: 'lr0.1-seed2', lr: 0.1, seed: 2, acc: 0.92 },
  { name: 'lr1-seed1', lr: 1, seed: 1, acc: 0.93 },
];
const thresholds = RULES.flatMap((r) => ['--threshold', r]);

let repos: TempRepo[] = [];

/** Each job's real `mlreport report` over `base` (committed) with its own params and metrics, in artifact folders. */
async function sweep(base: Record<string, string>, head: Record<string, string>, args: string[]): Promise<string> {
  const repo = new TempRepo();
  repos.push(repo);
  repo.commit('base', base);
  const artifacts = tempDir('mlreport-base-unknown-');
  for (const job of JOBS) {
    repo.write({ ...head, 'params.yaml': `lr: ${job.lr}\nseed: ${job.seed}\n`, 'metrics.json': JSON.stringify({ acc: job.acc }) });
    const r = await runCli(['report', '--base', 'HEAD', ...args, ...thresholds, '--out', join(artifacts, `mlreport-${job.name}`), '--quiet'], repo.dir);
    assert.equal(r.code, 1, `each job's own gate fails: ${r.stderr}`);
  }
  return artifacts;
}

async function aggregate(artifacts: string) {
  const out = tempDir();
  const r = await runCli(['aggregate', artifacts, '--out', out, '--quiet'], repos[0]!.dir);
  return { code: r.code, json: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) };
}

let unparsed: string;
let unloaded: string;
let cached: string;

/**
 * example-get-started's layout: eval/metrics.json a stage's DVC-cached output (git ignores it), its hash in dvc.lock.
 * The base's object is in no cache and there is no remote; each job's stage wrote its own file, as its dvc.lock says.
 */
async function cachedSweep(): Promise<string> {
  const repo = new TempRepo();
  repos.push(repo);
  const lock = (bytes: string): string => {
    const file = join(repo.dir, 'eval', 'metrics.json');
    mkdirSync(join(repo.dir, 'eval'), { recursive: true });
    writeFileSync(file, bytes);
    const entry = `      md5: ${md5sum(file)}\n      size: ${statSync(file).size}\n`;
    return `schema: '2.0'\nstages:\n  evaluate:\n    cmd: node evaluate.js\n    outs:\n    - path: eval/metrics.json\n      hash: md5\n${entry}`;
  };
  repo.commit('base', {
    '.dvc/config': '',
    '.dvc/.gitignore': '/config.local\n/tmp\n/cache\n',
    'dvc.yaml': 'stages:\n  evaluate:\n    cmd: node evaluate.js\n    outs:\n    - eval/metrics.json\nmetrics:\n- eval/metrics.json\n',
    'eval/.gitignore': '/metrics.json\n',
    'params.yaml': 'lr: 0.1\nseed: 0\n',
    'dvc.lock': lock(JSON.stringify({ acc: 0.9 })),
  });
  const artifacts = tempDir('mlreport-base-unknown-cached-');
  for (const job of JOBS) {
    repo.write({ 'params.yaml': `lr: ${job.lr}\nseed: ${job.seed}\n`, 'dvc.lock': lock(JSON.stringify({ acc: job.acc })) });
    const r = await runCli(['report', '--base', 'HEAD', ...thresholds, '--out', join(artifacts, `mlreport-${job.name}`), '--quiet'], repo.dir);
    assert.equal(r.code, 1, `each job's own gate fails: ${r.stderr}`);
  }
  return artifacts;
}

before(async () => {
  unparsed = await sweep({ 'params.yaml': 'lr: 0.1\nseed: 0\n', 'metrics.json': '{"acc": 0.9,' }, {}, ['--metrics', 'metrics.json']);
  const dvcYaml = 'stages:\n  train:\n    cmd: python train.py\n    metrics:\n      - metrics.json:\n          cache: false\n';
  unloaded = await sweep(
    { 'params.yaml': 'lr: 0.1\nseed: 0\n', 'dvc.yaml': `${dvcYaml}  broken: [\n`, 'metrics.json': JSON.stringify({ acc: 0.9 }) },
    { 'dvc.yaml': dvcYaml },
    [],
  );
  cached = await cachedSweep();
});
after(() => {
  for (const repo of repos) repo.remove();
  repos = [];
  for (const dir of [unparsed, unloaded, cached]) rmSync(dir, { recursive: true, force: true });
});

describe("the sweep's gate on a base its jobs could not read", () => {
  test('a base metrics file that does not parse: the rule on base is an error naming the jobs and why, the gate fails', async () => {
    const job = JSON.parse(readFileSync(join(unparsed, 'mlreport-lr0.1-seed1', 'report.json'), 'utf8'));
    assert.equal(job.notKnownAtBase.length, 1);
    assert.equal(job.notKnownAtBase[0].file, 'metrics.json');
    assert.match(job.notKnownAtBase[0].why, /^metrics\.json cannot be read at the base \(HEAD: metrics\.json:1:\d+: /);

    const { code, json } = await aggregate(unparsed);
    assert.equal(code, 1);
    assert.deepEqual(json.gates, { passed: false, configurations: 2, failedConfigurations: ['lr=1', 'lr=0.1'] });
    const byId = Object.fromEntries(json.configurations.map((c: { id: string }) => [c.id, c]));
    const [onBase, plain] = byId['lr=0.1'].gates.rules;
    assert.equal(onBase.status, 'error');
    assert.match(
      onBase.detail,
      /^Not checked: `metrics\.json:acc` is not known at the base: metrics\.json cannot be read at the base \(HEAD: metrics\.json:1:\d+: .*\) \(jobs `lr0\.1-seed1`, `lr0\.1-seed2`, `lr1-seed1`\), so the rule has no `base` value to compare with\.$/,
    );
    assert.equal(plain.status, 'passed', 'a rule without base is checked as usual');
  });

  test('a base dvc.yaml that does not load: an error too, whatever missing-base says', async () => {
    for (const missingBase of ['skip', 'fail']) {
      const out = tempDir();
      const r = await runCli(['aggregate', unloaded, '--out', out, '--quiet', '--missing-base', missingBase], repos[0]!.dir);
      assert.equal(r.code, 1, r.stderr);
      const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      assert.equal(json.gates.passed, false);
      const rule = json.configurations[0].gates.rules[0];
      assert.equal(rule.status, 'error', missingBase);
      assert.match(
        rule.detail,
        /is not known at the base: dvc\.yaml at the base \(HEAD\) does not load: .* \(jobs `lr0\.1-seed1`, `lr0\.1-seed2`, `lr1-seed1`\), so the rule/,
      );
    }
  });

  test('a DVC-cached base file no cache or remote gives: an error naming the jobs and the object', async () => {
    const { code, json } = await aggregate(cached);
    assert.equal(code, 1);
    assert.equal(json.gates.passed, false);
    for (const configuration of json.configurations) {
      const [onBase, plain] = configuration.gates.rules;
      assert.equal(onBase.status, 'error', configuration.id);
      assert.match(
        onBase.detail,
        /^Not checked: `eval\/metrics\.json:acc` is not known at the base: eval\/metrics\.json is DVC-cached and could not be read from the cache or the remote \(HEAD: no DVC remote specified .*\) \(jobs `lr0\.1-seed1`, `lr0\.1-seed2`, `lr1-seed1`\), so the rule has no `base` value to compare with\.$/,
      );
      assert.equal(plain.status, 'passed');
    }
  });

  test("reports of an older version, without notKnownAtBase: their metrics files' notes say the base is not known", async () => {
    const older = tempDir('mlreport-base-unknown-older-');
    for (const name of readdirSync(unloaded)) {
      const report = JSON.parse(readFileSync(join(unloaded, name, 'report.json'), 'utf8'));
      delete report.notKnownAtBase;
      writeFileSync(join(tempDirIn(older, name), 'report.json'), JSON.stringify(report));
    }
    const { code, json } = await aggregate(older);
    rmSync(older, { recursive: true, force: true });
    assert.equal(code, 1);
    assert.equal(json.gates.passed, false);
    const rule = json.configurations[0].gates.rules[0];
    assert.equal(rule.status, 'error');
    assert.match(
      rule.detail,
      /is not known at the base: metrics\.json is not known at HEAD: dvc\.yaml does not load there \(jobs `lr0\.1-seed1`, `lr0\.1-seed2`, `lr1-seed1`\), so the rule/,
    );
  });
});

function tempDirIn(parent: string, name: string): string {
  const dir = join(parent, name);
  mkdirSync(dir);
  return dir;
}
