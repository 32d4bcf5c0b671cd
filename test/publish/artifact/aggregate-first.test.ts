import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AggregateConfig, GitHubPublishConfig } from '../../../src/config/types';
import { reportJson } from '../../../src/report/to-json';
import { runAggregate } from '../../../src/run';
import { FakeArtifactService } from '../../fakes/artifact/server';
import { startFakeGitHub, type FakeGitHub } from '../../fakes/github';
import { comments } from '../../fakes/github/routes/comments';
import { addPullRequest } from '../../fakes/github/routes/pulls';
import { MemoryLogger } from '../../helpers/memory-logger';
import { tempDir } from '../../helpers/repo';
import { reportOf } from '../../helpers/report';
import { context, HEAD, publishConfig, REPO, registerGhsToken } from '../github-fixtures';

/**
 * `mode: aggregate` with `artifact: always`: a comparison too long for a comment is folded, and the fold's note says
 * where the full table is — the artifact too, which is uploaded before the comment goes up, so the note names it only
 * when it is there (as a run's comment does).
 */
let github: FakeGitHub;
let service: FakeArtifactService;
let jobs: string;
let out: string;
before(async () => {
  github = await startFakeGitHub();
  registerGhsToken(github);
  addPullRequest(github, REPO, { number: 5, headSha: HEAD });
  // 60 configurations of 300 metrics each: a table far longer than a comment may be.
  jobs = tempDir('mlreport-jobs-');
  for (let c = 0; c < 60; c++) {
    const dir = join(jobs, `mlreport-lr${c}`);
    mkdirSync(dir);
    const report = reportOf({
      schemaVersion: 2,
      tool: { name: 'mlreport', version: 'test' },
      base: { sha: 'c'.repeat(40), label: 'main' },
      head: { sha: HEAD, label: 'feature' },
      metrics: [
        {
          path: 'metrics.json',
          notes: [],
          rows: [...Array(300).keys()].map((i) => ({ key: `metric_${i}`, old: 0.5, new: 0.5 + c / 1000, diff: c / 1000, changed: c > 0 })),
        },
      ],
      params: [{ path: 'params.yaml', notes: [], rows: [{ key: 'lr', old: 0, new: c, diff: c, changed: true }] }],
      plots: [],
      gates: null,
      pipeline: null,
      warnings: [],
    });
    writeFileSync(join(dir, 'report.json'), JSON.stringify(reportJson(report)));
  }
});
after(async () => {
  await github.stop();
  rmSync(jobs, { recursive: true, force: true });
});
beforeEach(async () => {
  service = await FakeArtifactService.start();
  out = tempDir('mlreport-aggregate-out-');
  github.requests.length = 0;
});
afterEach(async () => {
  await service.stop();
  rmSync(out, { recursive: true, force: true });
});

async function aggregate(cfg: GitHubPublishConfig) {
  const log = new MemoryLogger();
  const runtime = { token: service.token, resultsUrl: `${service.url}/` };
  const config: AggregateConfig = {
    dirs: [jobs],
    outDir: out,
    summaryPath: null,
    repeatParams: ['seed'],
    rankBy: null,
    expectedRuns: null,
    rules: null,
    missingBase: 'skip',
    failOnThreshold: true,
    checkName: 'mlreport',
    github: context(github, { serverUrl: 'https://github.com', artifactRuntime: runtime }),
    githubPublish: cfg,
  };
  const result = await runAggregate(config, log);
  const bodies = comments(github, { params: { owner: 'octo', repo: 'iris' } } as never)
    .filter((c) => c.on === 'pr:5' && c.body.includes(`mlreport:comment id=${cfg.reportId}`))
    .map((c) => c.body);
  return { result, bodies, log: log.lines.join('\n') };
}

describe('mode: aggregate, artifact: always: a folded comment names the artifact only once it is uploaded', () => {
  test('uploaded first: the note names the job summary and the artifact, which is there', async () => {
    const r = await aggregate(publishConfig({ mode: 'aggregate', artifact: 'always', reportId: 'sweep-up', artifactDir: jobs }));
    assert.equal(r.result.failStep, false, r.log);
    assert.equal(r.bodies.length, 1);
    assert.match(r.bodies[0]!, /This comparison is longer than .* The full table is in .*job summary.* and in report\.md in the workflow artifact\./);
    assert.ok(service.artifacts.get('mlreport-sweep-up')?.finalized, r.log);
    assert.equal(service.requests.filter((q) => q.path.endsWith('/CreateArtifact')).length, 1, 'uploaded once');
  });

  test('an upload the service refuses: the note names the job summary alone, and the refusal is warned about once', async () => {
    service.faults.set('CreateArtifact', [403]);
    const r = await aggregate(publishConfig({ mode: 'aggregate', artifact: 'always', reportId: 'sweep-refused', artifactDir: jobs }));
    assert.equal(r.result.failStep, false, r.log);
    assert.equal(service.artifacts.size, 0, 'no artifact went up');
    assert.equal(r.bodies.length, 1, 'one comment');
    assert.match(r.bodies[0]!, /This comparison is longer than .* The full table is in .*job summary/);
    assert.doesNotMatch(r.bodies[0]!, /workflow artifact/);
    assert.equal(service.requests.filter((q) => q.path.endsWith('/CreateArtifact')).length, 1, 'one upload tried, shared by the comment and the artifact step');
    assert.equal(r.log.match(/Could not upload the report as the artifact 'mlreport-sweep-refused'/g)?.length, 1, r.log);
  });

  test('artifact: auto uploads nothing before a posted comment, which names the job summary alone', async () => {
    const r = await aggregate(publishConfig({ mode: 'aggregate', artifact: 'auto', reportId: 'sweep-auto', artifactDir: jobs }));
    assert.equal(r.bodies.length, 1);
    assert.match(r.bodies[0]!, /This comparison is longer than/);
    assert.doesNotMatch(r.bodies[0]!, /workflow artifact/);
    assert.equal(service.requests.length, 0, r.log);
  });
});
