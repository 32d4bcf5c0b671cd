import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub, startFakeGitHub } from '../fakes/github';
import { comments } from '../fakes/github/routes/comments';
import { addPullRequest } from '../fakes/github/routes/pulls';
import { runAction } from '../helpers/action';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * `mode: publish` posts a report the pull request's own run made, and that run's workflow is the PR's to edit. Its
 * numbers are taken as written; its gate's outcome is checked against them. Each artifact here is made by a real
 * run (`mlreport report`), then edited as a PR's workflow could, then posted by the bundled action to the fake API.
 */
const REPO = 'octo/iris';
const TOKEN = 'ghs_recheckInstallationToken';
/** Five training runs on main, then the PR's: accuracy 0.85, loss 0.3, and a new metric f1. */
const MAIN = [0.84, 0.85, 0.83, 0.86, 0.85];
const HISTORY_RULE = 'accuracy >= history.mean - 3 * history.std';
const MISMATCH = "the artifact's gate verdict does not match its own numbers";

let fake: FakeGitHub;
let repo: TempRepo;
let head: string;
const dirs: string[] = [];

before(async () => {
  fake = await startFakeGitHub();
  fake.tokens.set(TOKEN, FakeGitHub.ACTIONS_BOT);
  repo = new TempRepo();
  for (const [i, v] of MAIN.entries()) repo.commit(`train run ${i}`, { 'metrics.json': JSON.stringify({ accuracy: v, loss: 0.35 }) });
  repo.git('checkout', '-q', '-b', 'fix');
  head = repo.commit('PR', { 'metrics.json': JSON.stringify({ accuracy: 0.85, loss: 0.3, f1: 0.7 }) });
  addPullRequest(fake, REPO, { number: 6, headSha: head, headRepo: 'someone/iris', headRef: 'fix' });
});
after(async () => {
  await fake.stop();
  repo.remove();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface RuleRow {
  rule: string;
  status: string;
  passed: boolean;
  base: number | null;
  head: number | null;
  threshold: number | null;
  detail: string;
  noise?: { stats: { mean: number } | null };
}
interface ReportJson {
  gates: { passed: boolean; checked: number; rules: RuleRow[] };
  verdict: { outcome: string; line: string };
  history: { metrics: { key: string; stats: { mean: number } | null }[] } | null;
}

/** The report folder a pull request's run makes (its first workflow uploads it as the artifact), with these rules. */
async function artifactOf(rules: string[]): Promise<string> {
  const out = tempDir('mlreport-artifact-');
  dirs.push(out);
  const made = await runCli(['report', '--base', 'main', '--metrics', 'metrics.json', '--out', out, ...rules.flatMap((r) => ['--threshold', r])], repo.dir);
  assert.ok(made.code === 0 || made.code === 1, made.stdout + made.stderr);
  return out;
}

/** A copy of the artifact with report.json edited, as the PR's workflow could before uploading it. */
function tampered(artifact: string, edit: (json: ReportJson) => void): string {
  const copy = tempDir('mlreport-tampered-');
  dirs.push(copy);
  cpSync(artifact, copy, { recursive: true });
  const json = JSON.parse(readFileSync(join(copy, 'report.json'), 'utf8')) as ReportJson;
  edit(json);
  writeFileSync(join(copy, 'report.json'), JSON.stringify(json));
  return copy;
}

/** The second workflow (workflow_run, write token) posting the artifact: the comment's body and the run. */
async function publish(artifact: string): Promise<{ body: string; code: number | null; out: string; outputs: Record<string, string> }> {
  const event = {
    workflow_run: { id: 99, event: 'pull_request', head_sha: head, head_branch: 'fix', head_repository: { full_name: 'someone/iris' }, pull_requests: [] },
    repository: { full_name: REPO, default_branch: 'main' },
  };
  const r = await runAction({
    workspace: repo.dir,
    eventName: 'workflow_run',
    event,
    sha: head,
    apiUrl: fake.url,
    repository: REPO,
    inputs: { 'github-token': TOKEN, mode: 'publish', 'artifact-dir': artifact, 'image-store': 'none' },
  });
  dirs.push(r.runnerTemp);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.outputs.passed, '');
  const bodies = comments(fake, { params: { owner: 'octo', repo: 'iris' } } as never)
    .filter((c) => c.on === 'pr:6')
    .map((c) => c.body);
  assert.equal(bodies.length, 1, 'one sticky comment');
  return { body: bodies[0]!, code: r.code, out: r.stdout, outputs: r.outputs };
}

/** The comment's verdict: the heading under the marker. */
const verdictOf = (body: string): string => /^## (.*)$/m.exec(body)![1]!;

describe("mode publish re-checks the artifact's gate against the artifact's own numbers", () => {
  test('real artifacts, as their run made them, are posted with their own verdict (every kind of row re-checks)', async () => {
    const failing = await publish(await artifactOf(['accuracy >= 0.99']));
    assert.match(verdictOf(failing.body), /^❌ gate failed: accuracy 0\.85 \(rule: accuracy &gt;= 0\.99\)$/);
    assert.doesNotMatch(failing.body, new RegExp(MISMATCH));

    // Held, relative to base, on history; a warning broken; skipped for a metric the head lacks, and for a base without it.
    const rules = ['accuracy >= base - 10%', 'loss <= 0.5', HISTORY_RULE, 'warn: accuracy >= 0.99', 'precision >= 0.5 if present', 'f1 >= base'];
    const held = await publish(await artifactOf(rules));
    assert.match(verdictOf(held.body), /^⚠️ gate passed with warnings: accuracy 0\.85 \(rule: accuracy &gt;= 0\.99\), 2 rules skipped$/);
    assert.doesNotMatch(held.body, new RegExp(MISMATCH));
    assert.match(held.body, /\| ✅ \| accuracy &gt;= history\.mean - 3 \\\* history\.std \| 0\.85 \| 0\.85 \| /);
  });

  test('a failing rule marked passed (the finding: accuracy >= 0.99 at 0.85 shown as ✅) is posted as a mismatch, never green', async () => {
    const artifact = tampered(await artifactOf(['accuracy >= 0.99']), (json) => {
      json.gates.passed = true;
      Object.assign(json.gates.rules[0]!, { status: 'passed', passed: true });
      json.verdict = { ...json.verdict, outcome: 'passed', line: '✅ gate passed: the rule held' };
    });
    const { body } = await publish(artifact);
    assert.equal(verdictOf(body), `❌ ${MISMATCH}: accuracy &gt;= 0.99 (marked passed, but 0.85 is not &gt;= 0.99)`);
    assert.doesNotMatch(body, /✅ gate|\| ✅ \| accuracy/);
    assert.match(body, /### Gates: ❌ 1 of 1 rule could not be checked/);
    assert.match(body, /\| ❌ \| accuracy &gt;= 0\.99 \| 0\.85 \| 0\.85 \| 0\.99 \| The artifact marks this rule passed, but 0\.85 is not &gt;= 0\.99\. \|/);
  });

  test("the 'report' outputs name files drawn from the re-checked data, never the artifact's own report.md and report.json", async () => {
    const artifact = tampered(await artifactOf(['accuracy >= 0.99']), (json) => {
      json.gates.passed = true;
      Object.assign(json.gates.rules[0]!, { status: 'passed', passed: true });
      json.verdict = { ...json.verdict, outcome: 'passed', line: '✅ gate passed: all good' };
    });
    // The PR's workflow may edit report.md too: workflow B ignores it.
    const forgedMd = readFileSync(join(artifact, 'report.md'), 'utf8').replace(/^## .*$/m, '## ✅ gate passed: all good');
    writeFileSync(join(artifact, 'report.md'), forgedMd);
    const { outputs } = await publish(artifact);
    assert.ok(outputs.report && outputs['report-json'], JSON.stringify(outputs));
    assert.ok(!outputs.report.startsWith(artifact) && !outputs['report-json']!.startsWith(artifact), JSON.stringify(outputs));
    const md = readFileSync(outputs.report, 'utf8');
    assert.match(md, new RegExp(`^## ❌ ${MISMATCH}: accuracy &gt;= 0\\.99`, 'm'));
    assert.doesNotMatch(md, /all good/);
    assert.match(md, /\[!CAUTION\]/);
    const json = JSON.parse(readFileSync(outputs['report-json']!, 'utf8')) as ReportJson;
    assert.equal(json.gates.passed, false);
    assert.match(json.verdict.line, new RegExp(MISMATCH));
    assert.equal(readFileSync(join(artifact, 'report.md'), 'utf8'), forgedMd, 'the artifact is left as it was');
  });

  test('a threshold, a head value or history stats edited to make a rule hold: each contradicts the rest of the report', async () => {
    const failing = await artifactOf(['accuracy >= 0.99', 'loss <= 0.5']);
    const passedAs = (edit: (row: RuleRow) => void) =>
      tampered(failing, (json) => {
        Object.assign(json.gates, { passed: true });
        Object.assign(json.gates.rules[0]!, { status: 'passed', passed: true });
        edit(json.gates.rules[0]!);
      });
    const lowered = await publish(passedAs((row) => (row.threshold = 0.8)));
    assert.equal(verdictOf(lowered.body), `❌ ${MISMATCH}: accuracy &gt;= 0.99 (marked passed, but its threshold works out to 0.99 from the rule, not 0.8)`);
    const raised = await publish(passedAs((row) => (row.head = 0.995)));
    assert.equal(verdictOf(raised.body), `❌ ${MISMATCH}: accuracy &gt;= 0.99 (marked passed, but the report's metrics have 0.85 at the head, not 0.995)`);
    assert.match(raised.body, /### Gates: ❌ 1 of 2 rules could not be checked/);

    // accuracy 0.85 is below mean + 3·std of main's five runs (0.8802): stats edited so that the threshold works out lower.
    const history = await artifactOf(['accuracy >= history.mean + 3 * history.std']);
    const forged = tampered(history, (json) => {
      const row = json.gates.rules[0]!;
      row.noise!.stats!.mean = 0.8;
      row.threshold = 0.8 + (row.threshold! - 0.846);
      Object.assign(row, { status: 'passed', passed: true });
      json.gates.passed = true;
    });
    const stats = await publish(forged);
    assert.equal(
      verdictOf(stats.body),
      `❌ ${MISMATCH}: accuracy &gt;= history.mean + 3 \\* history.std (marked passed, but the report's history of metrics.json:accuracy has other stats than the rule's)`,
    );
  });

  test('a broken rule marked skipped, or a count of checked rules raised: the gate that checked nothing is not called passed', async () => {
    const skippedAs = tampered(await artifactOf(['accuracy >= 0.99', 'loss <= 0.5']), (json) => {
      Object.assign(json.gates.rules[0]!, { status: 'skipped', passed: true, threshold: null });
      Object.assign(json.gates, { checked: 1, passed: true });
    });
    const skipped = await publish(skippedAs);
    assert.equal(
      verdictOf(skipped.body),
      `❌ ${MISMATCH}: accuracy &gt;= 0.99 (marked skipped, but the report's numbers have what it needs (metrics.json:accuracy at the head))`,
    );

    // Only a rule skipped because its metric is missing: the gate checked nothing; the artifact says it checked one.
    const counted = tampered(await artifactOf(['precision >= 0.5 if present']), (json) => {
      assert.equal(json.gates.rules[0]!.status, 'skipped');
      Object.assign(json.gates, { checked: 1, passed: true });
    });
    const nothing = await publish(counted);
    assert.equal(
      verdictOf(nothing.body),
      `❌ ${MISMATCH}: gates.checked is 1, but 0 of its rules compared values, gates.passed is true, but its rules fail the gate`,
    );
    assert.match(nothing.body, /### Gates: ❌ nothing checked \(the rule was skipped\)/);
  });
});
