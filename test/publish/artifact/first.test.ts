import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GitHubPublishConfig } from '../../../src/config/types';
import { evaluateRules } from '../../../src/gate/evaluate';
import { parseRules, ruleLinesFromText } from '../../../src/gate/parse';
import { gateSummary } from '../../../src/gate/summary';
import { ArtifactUpload, ReportArtifact, wantsArtifact } from '../../../src/publish/artifact/report';
import { GateCheckPublisher } from '../../../src/publish/github/checks';
import { GitHubPublisher } from '../../../src/publish/github/publisher';
import { publishAll } from '../../../src/publish/runner';
import type { ReportData } from '../../../src/report/types';
import { FakeArtifactService } from '../../fakes/artifact/server';
import { startFakeGitHub, type FakeGitHub } from '../../fakes/github';
import { checkRuns } from '../../fakes/github/routes/checks';
import { comments } from '../../fakes/github/routes/comments';
import { addPullRequest } from '../../fakes/github/routes/pulls';
import { MemoryLogger } from '../../helpers/memory-logger';
import { tempDir } from '../../helpers/repo';
import { context, HEAD, plotsDir, publishConfig, REPO, registerGhsToken, reportData } from '../github-fixtures';

/**
 * A comment and a check run that send the reader to the workflow artifact (here: plot images not shown inline) upload
 * it before they are posted, so what they say names what is there: the artifact, or the out-dir when it did not go up.
 */
let github: FakeGitHub;
let service: FakeArtifactService;
let dir: string;
before(async () => {
  github = await startFakeGitHub();
  registerGhsToken(github);
  addPullRequest(github, REPO, { number: 5, headSha: HEAD });
});
after(() => github.stop());
beforeEach(async () => {
  service = await FakeArtifactService.start();
  dir = tempDir('mlreport-out-');
  checkRuns(github).length = 0;
  github.requests.length = 0;
});
afterEach(async () => {
  await service.stop();
  rmSync(dir, { recursive: true, force: true });
});

function report(): ReportData {
  writeFileSync(join(dir, 'report.md'), '# report\n');
  writeFileSync(join(dir, 'report.json'), '{}');
  writeFileSync(join(dir, 'metrics.json'), '{"m0": 0.75}\n');
  const lines = ruleLinesFromText('m0 >= 0.5', "input 'thresholds'");
  const gates = gateSummary(
    evaluateRules(parseRules(lines), [{ file: 'metrics.json', key: 'm0', base: 0.5, head: 0.75 }], { missingBase: 'skip', hasBase: true }),
  );
  return { ...reportData(plotsDir(dir, ['loss'])), gates };
}

/** The run's publishing table (src/run.ts) for a comment, a check run and the artifact. */
async function publish(cfg: GitHubPublishConfig, checkName: string) {
  const log = new MemoryLogger();
  const data = report();
  const ctx = context(github);
  const runner = { serverUrl: 'https://github.com', artifactRuntime: { token: service.token, resultsUrl: `${service.url}/` } };
  const upload = new ArtifactUpload(cfg, dir, runner, log, { backoffMs: 1 });
  const first = async () => (await upload.upload(data)) !== null;
  const comment = new GitHubPublisher(ctx, cfg, log, { baseDir: dir, clientOptions: { waitScale: 0.001 }, artifactFirst: first });
  const check = new GateCheckPublisher({ github: ctx, checkName, workspace: dir, repoRoot: dir, artifactFirst: { upload: first, outDir: dir } }, log);
  const published = await publishAll(
    data,
    [
      { target: comment, policy: 'required' },
      { target: check, policy: 'required' },
      { target: new ReportArtifact(upload), policy: 'never-fails', when: (results) => wantsArtifact(cfg.artifact, results.get(comment), results) },
    ],
    log,
  );
  assert.equal(published.failed, false, log.lines.join('\n'));
  const body = comments(github, { params: { owner: 'octo', repo: 'iris' } } as never).filter(
    (c) => c.on === 'pr:5' && c.body.includes(`mlreport:comment id=${cfg.reportId}`),
  );
  const run = checkRuns(github).find((c) => c.name === checkName)!;
  return {
    log: log.lines.join('\n'),
    bodies: body.map((c) => c.body),
    check: `${run.output.summary}\n${run.output.text ?? ''}`,
    requests: github.requests.length,
  };
}

describe('a posted text that sends the reader to the workflow artifact', () => {
  test('uploads it first; the comment and the check run name it, and it is there', async () => {
    const r = await publish(publishConfig({ imageStore: 'none', reportId: 'up' }), 'gate up');
    assert.equal(r.bodies.length, 1);
    assert.match(r.bodies[0]!, /the image files are in the workflow artifact\._/);
    assert.match(r.check, /workflow artifact/);
    assert.ok(service.artifacts.get('mlreport-up')?.finalized, r.log);
    assert.equal(service.requests.filter((q) => q.path.endsWith('/CreateArtifact')).length, 1, 'uploaded once');
  });

  for (const mode of ['update', 'new'] as const) {
    test(`whose upload the service refuses names the out-dir instead, in one comment (comment: ${mode}) and no extra GitHub request`, async () => {
      const ok = await publish(publishConfig({ imageStore: 'none', comment: mode, reportId: `ok-${mode}` }), `gate ok ${mode}`);
      github.requests.length = 0;
      service.faults.set('CreateArtifact', [500, 500, 500, 500]);
      const r = await publish(publishConfig({ imageStore: 'none', comment: mode, reportId: `refused-${mode}` }), `gate refused ${mode}`);
      assert.equal(service.artifacts.size, 1, 'only the first run uploaded one');
      assert.equal(r.bodies.length, 1, 'one comment');
      assert.doesNotMatch(r.bodies[0]!, /workflow artifact/);
      assert.ok(r.bodies[0]!.includes(`the image files are in the out-dir (\`${dir}\`)`), r.bodies[0]);
      assert.doesNotMatch(r.check, /workflow artifact/);
      assert.ok(r.check.includes(`the out-dir (\`${dir}\`)`), r.check);
      // One upload tried (retried, then given up), one warning: the comment, the check run and the artifact target share it.
      assert.equal(service.requests.filter((q) => q.path.endsWith('/CreateArtifact')).length, 4 + 1);
      assert.equal(r.log.match(/Could not upload the report as the artifact 'mlreport-refused/g)?.length, 1, r.log);
      assert.equal(r.requests, ok.requests, 'the same GitHub requests as a run whose artifact went up');
    });
  }
});
