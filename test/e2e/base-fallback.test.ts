import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github';
import { comments } from '../fakes/github/routes/comments';
import { runAction } from '../helpers/action';
import { TempRepo, tempDir } from '../helpers/repo';

/**
 * A push whose `before` cannot be fetched (the origin no longer holds it) in actions/checkout's one-commit clone: the
 * run falls back to the next base, and every rendering says which and why, so no reader takes it for the push's
 * previous head. report.json says it in `baseFallback`, which older readers do without.
 */
let fake: FakeGitHub;
let origin: TempRepo;
let baseSha: string;
let headSha: string;
const GONE = 'deadbeef'.repeat(5);

before(async () => {
  fake = await startFakeGitHub();
  origin = new TempRepo('mlreport-origin-');
  baseSha = origin.commit('base', { 'metrics.json': '{"accuracy": 0.9}\n' });
  headSha = origin.commit('head', { 'metrics.json': '{"accuracy": 0.85}\n' });
});
after(async () => {
  await fake.stop();
  origin.remove();
});

async function push(beforeSha: string) {
  const clone = tempDir('mlreport-clone-');
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, clone]);
  try {
    const result = await runAction({
      workspace: clone,
      eventName: 'push',
      event: { before: beforeSha, after: headSha, ref: 'refs/heads/main', repository: { full_name: 'octo/iris', default_branch: 'main' } },
      sha: headSha,
      apiUrl: fake.url,
      inputs: { metrics: 'metrics.json', repro: 'off', 'image-store': 'none', artifact: 'off', 'history-branch': 'off' },
    });
    const json = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8')) as { base: { sha: string; label: string } | null; baseFallback?: string };
    const [comment] = comments(fake, { params: { owner: 'octo', repo: 'iris' } } as never)
      .filter((c) => c.on === `commit:${headSha}`)
      .map((c) => c.body)
      .slice(-1);
    rmSync(result.runnerTemp, { recursive: true, force: true });
    return { result, json, comment: comment ?? '' };
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
}

describe('a push whose `before` could not be fetched is compared with the fallback, and the report says so', () => {
  test('the previous commit stands in: the heading, the job summary, the comment and report.json say why', async () => {
    const { result, json, comment } = await push(GONE);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Could not fetch base commit deadbee: /);
    assert.deepEqual(json.base, { sha: baseSha, label: 'HEAD~1' });
    assert.match(json.baseFallback!, /^deadbee, the branch's head before this push, could not be fetched: \S/);
    const note = new RegExp(
      `\\*\\*mlreport\\*\\* · \`main\` \\(${headSha.slice(0, 7)}\\) vs \`HEAD~1\` \\(${baseSha.slice(0, 7)}\\) · [^\\n]*\\n\\n> \\[!NOTE\\]\\n> Compared with \`HEAD~1\` \\(${baseSha.slice(0, 7)}\\) because deadbee, the branch's head before this push, could not be fetched: [^\\n]+\\.\\n`,
    );
    assert.match(comment, note, comment);
    // The job summary names no head commit beside the label; the note is the same.
    assert.match(
      result.summary,
      /vs `HEAD~1` \([0-9a-f]{7}\) · [^\n]*\n\n> \[!NOTE\]\n> Compared with `HEAD~1` \([0-9a-f]{7}\) because deadbee, the branch's head before this push, could not be fetched: /,
    );
  });

  test('a `before` that is fetched is the base: no note, and report.json has no baseFallback', async () => {
    const { result, json, comment } = await push(baseSha);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.equal(json.base?.sha, baseSha);
    assert.equal('baseFallback' in json, false);
    assert.doesNotMatch(comment + result.summary, /Compared with|\[!NOTE\]/);
  });
});
