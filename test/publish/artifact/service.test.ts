import { after, afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { uploadReportArtifact, wantsArtifact } from '../../../src/publish/artifact/report';
import { backendIds, uploadArtifact } from '../../../src/publish/artifact/service';
import type { GitHubPublishConfig } from '../../../src/config/types';
import type { ReportData } from '../../../src/report/types';
import { MemoryLogger } from '../../helpers/memory-logger';
import { zipFiles } from '../../../src/util/zip';
import { FakeArtifactService, runtimeToken, SIGNATURE } from '../../fakes/artifact/server';
import { tempDir } from '../../helpers/repo';
import { readZip } from '../../helpers/zip';
import { png } from '../github-fixtures';
import { reportOf } from '../../helpers/report';
import { close, listen } from '../../fakes/hub/http';

let fake: FakeArtifactService;
let dir: string;
beforeEach(async () => {
  fake = await FakeArtifactService.start();
  dir = tempDir('mlreport-artifact-');
});
afterEach(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

const runtime = () => ({ token: fake.token, resultsUrl: `${fake.url}/some/path/` });
/** Where the run happens: github.com with the runner's artifact service, unless told otherwise. */
const github = (serverUrl = 'https://github.com', artifactRuntime: ReturnType<typeof runtime> | null = runtime()) => ({ serverUrl, artifactRuntime });
const cfg = (artifact: GitHubPublishConfig['artifact'] = 'auto'): GitHubPublishConfig => ({
  mode: 'run',
  comment: 'update',
  commentOn: 'auto',
  reportId: 'iris',
  imageStore: 'branch',
  assetsBranch: 'mlreport-assets',
  artifactDir: null,
  allowPullRequestTargetRepro: false,
  artifact,
});
const data = (plots: ReportData['plots']): ReportData =>
  reportOf({
    schemaVersion: 2,
    tool: { name: 'mlreport', version: '0' },
    base: null,
    head: { sha: null, label: 'head' },
    params: [],
    metrics: [],
    plots,
    gates: null,
    pipeline: null,
    warnings: [],
  });
const leaks = (log: MemoryLogger): void => {
  const text = log.lines.join('\n');
  assert.ok(!text.includes(fake.token) && !text.includes(SIGNATURE) && !text.includes(encodeURIComponent(SIGNATURE)), text);
};

describe('backendIds', () => {
  test('reads the run and job ids from the Actions.Results scope, wherever it is in scp', () => {
    assert.deepEqual(backendIds(runtimeToken('Actions.GenericRead:x Actions.Results:run-1:job-2')), {
      workflowRunBackendId: 'run-1',
      workflowJobRunBackendId: 'job-2',
    });
  });
  for (const [what, token] of [
    ['not a JWT', 'abc'],
    ['no Actions.Results scope', runtimeToken('Actions.GenericRead:x')],
    ['a scope without the job id', runtimeToken('Actions.Results:run-1')],
  ] as const) {
    test(`refuses ${what}, without echoing the token`, () => {
      assert.throws(
        () => backendIds(token),
        (e: Error) => /ACTIONS_RUNTIME_TOKEN is not a JWT with an `Actions.Results:<run>:<job>` scope/.test(e.message) && !e.message.includes(token),
      );
    });
  }
});

describe('uploadArtifact against the fake service', () => {
  test('creates, uploads and finalizes; the service holds the same bytes', async () => {
    const zip = zipFiles([{ name: 'report.md', bytes: Buffer.from('# hi\n') }]);
    const uploaded = await uploadArtifact(runtime(), 'mlreport-iris', zip);
    const stored = fake.artifacts.get('mlreport-iris')!;
    assert.ok(stored.finalized && stored.blob!.equals(zip));
    assert.equal(uploaded.id, stored.id);
    assert.equal(stored.size, String(zip.length));
    assert.match(uploaded.digest, /^sha256:[0-9a-f]{64}$/);
    assert.equal(stored.hash, uploaded.digest);
    assert.equal(stored.mimeType, 'application/zip');
    assert.deepEqual(
      fake.requests.map((r) => `${r.method} ${r.path.replace(/.*\//, '')}`),
      ['POST CreateArtifact', 'PUT mlreport-iris.zip', 'POST FinalizeArtifact'],
    );
  });

  test('a second artifact of the same name is refused (409 already_exists), naming the call', async () => {
    const zip = zipFiles([{ name: 'a', bytes: Buffer.from('a') }]);
    await uploadArtifact(runtime(), 'mlreport-iris', zip);
    await assert.rejects(uploadArtifact(runtime(), 'mlreport-iris', zip, { backoffMs: 1 }), /CreateArtifact returned 409/);
  });

  test('a token for another job is refused by the service', async () => {
    const other = { ...runtime(), token: runtimeToken('Actions.Results:other-run:other-job') };
    await assert.rejects(uploadArtifact(other, 'x', zipFiles([]), { backoffMs: 1 }), /returned 401/);
  });
});

describe('uploadReportArtifact', () => {
  test('wantsArtifact: auto whenever the comment was not posted (whatever the reason, a failure too); always; off', () => {
    assert.equal(wantsArtifact('auto', { status: 'published', location: 'https://github.example/c/1' }), false);
    assert.equal(wantsArtifact('auto', { status: 'skipped' }), false);
    assert.equal(wantsArtifact('auto', undefined), false);
    assert.equal(wantsArtifact('auto', { status: 'not-posted', reason: 'a pull request from a fork' }), true);
    assert.equal(wantsArtifact('auto', { status: 'failed', error: 'Could not post the report to GitHub' }), true);
    // A posted comment (or check run) whose text sends the reader to the artifact: it goes up.
    const pointing = { status: 'published', location: 'https://github.example/c/1', pointsToArtifact: true } as const;
    assert.equal(wantsArtifact('auto', pointing, new Map([[{ name: 'GitHub comment' } as never, pointing]])), true);
    assert.equal(wantsArtifact('off', pointing, new Map([[{ name: 'GitHub comment' } as never, pointing]])), false);
    assert.equal(wantsArtifact('always', { status: 'published', location: null }), true);
    assert.equal(wantsArtifact('off', { status: 'not-posted', reason: 'a read-only token' }), false);
  });

  test('zips report.md, report.json and the linked images (base images too) under their report paths', async () => {
    mkdirSync(join(dir, 'plots'));
    writeFileSync(join(dir, 'report.md'), '![loss](plots/loss.png)\n');
    writeFileSync(join(dir, 'report.json'), '{}\n');
    writeFileSync(join(dir, 'plots/loss.png'), png(4, 3, 10));
    writeFileSync(join(dir, 'plots/cm.png'), png(2, 2, 20));
    writeFileSync(join(dir, 'plots/cm.base.png'), png(2, 2, 30));
    writeFileSync(join(dir, 'plots/stale.png'), png(1, 1, 1));
    const log = new MemoryLogger();
    const plots = [
      { id: 'loss', title: 'loss', image: 'plots/loss.png', notes: [] },
      { id: 'cm', title: 'cm', image: 'plots/cm.png', baseImage: 'plots/cm.base.png', notes: [] },
      { id: 'broken', title: 'broken', image: null, notes: [], error: 'bad' },
    ];
    const uploaded = await uploadReportArtifact(cfg(), dir, data(plots), github(), log);
    assert.ok(uploaded);
    const files = readZip(fake.artifacts.get('mlreport-iris')!.blob!);
    assert.deepEqual([...files.keys()], ['report.md', 'report.json', 'plots/loss.png', 'plots/cm.png', 'plots/cm.base.png']);
    assert.ok(files.get('plots/cm.base.png')!.equals(png(2, 2, 30)));
    assert.match(
      log.lines.join('\n'),
      /info: Uploaded the report \(report\.md, report\.json, plots\/loss\.png, plots\/cm\.png, plots\/cm\.base\.png; \d+ bytes\) as the workflow artifact 'mlreport-iris' \(ID 7000000001\)\. To post it.*mode: publish/,
    );
    leaks(log);
  });

  test('the service failing (500 on every try) is a warning saying how to upload instead; nothing thrown', async () => {
    writeFileSync(join(dir, 'report.md'), 'x');
    writeFileSync(join(dir, 'report.json'), '{}');
    fake.faults.set('CreateArtifact', [500, 500, 500, 500]);
    const log = new MemoryLogger();
    const uploaded = await uploadReportArtifact(cfg(), dir, data([]), github(), log, { backoffMs: 1 });
    assert.equal(uploaded, null);
    assert.equal(fake.requests.length, 4, 'retried, then gave up');
    assert.match(
      log.lines.join('\n'),
      /warning: Could not upload the report as the artifact 'mlreport-iris': The artifact service: POST \/twirp\/.*\/CreateArtifact returned 500.*Upload .* with an actions\/upload-artifact step named 'mlreport-iris' instead, or set 'artifact: off'\./,
    );
    leaks(log);
  });

  test('the blob storage refusing the upload is a warning naming its host only, never the signed URL', async () => {
    writeFileSync(join(dir, 'report.md'), 'x');
    writeFileSync(join(dir, 'report.json'), '{}');
    fake.blobFaults.push(403);
    const log = new MemoryLogger();
    assert.equal(await uploadReportArtifact(cfg(), dir, data([]), github(), log, { backoffMs: 1 }), null);
    assert.match(log.lines.join('\n'), /Uploading the zip to the artifact storage \(127\.0\.0\.1:\d+\) failed: 403 AuthorizationFailure/);
    assert.equal(fake.artifacts.get('mlreport-iris')!.finalized, false);
    leaks(log);
  });

  test('a blob storage 503 is retried; FinalizeArtifact refusing is a warning', async () => {
    writeFileSync(join(dir, 'report.md'), 'x');
    writeFileSync(join(dir, 'report.json'), '{}');
    fake.blobFaults.push(503);
    fake.faults.set('FinalizeArtifact', [400]);
    const log = new MemoryLogger();
    assert.equal(await uploadReportArtifact(cfg(), dir, data([]), github(), log, { backoffMs: 1 }), null);
    assert.ok(fake.artifacts.get('mlreport-iris')!.blob, 'the second PUT landed');
    assert.match(log.lines.join('\n'), /FinalizeArtifact returned 400/);
    leaks(log);
  });

  test('a zip above the single-request limit is not sent; the warning says why', async () => {
    writeFileSync(join(dir, 'report.md'), 'x'.repeat(10));
    writeFileSync(join(dir, 'report.json'), '{}');
    const log = new MemoryLogger();
    assert.equal(await uploadReportArtifact(cfg(), dir, data([]), github(), log, { maxBytes: 100 }), null);
    assert.equal(fake.requests.length, 0);
    assert.match(log.lines.join('\n'), /the report folder zips to 0\.0 MiB, more than the 0 MiB mlreport uploads in one request\. Upload /);
  });

  test("matrix jobs sharing a report-id: the service's 409 is not retried, and the warning names 'report-id'", async () => {
    writeFileSync(join(dir, 'report.md'), 'x');
    writeFileSync(join(dir, 'report.json'), '{}');
    const first = new MemoryLogger();
    assert.ok(await uploadReportArtifact(cfg(), dir, data([]), github(), first, { backoffMs: 1 }));
    fake.requests.length = 0;
    const log = new MemoryLogger();
    assert.equal(await uploadReportArtifact(cfg(), dir, data([]), github(), log, { backoffMs: 1 }), null);
    assert.deepEqual(
      fake.requests.map((r) => r.path.split('/').pop()),
      ['CreateArtifact'],
      'one attempt: the name stays taken',
    );
    const text = log.lines.join('\n');
    assert.match(
      text,
      /warning: Could not upload the report as the artifact 'mlreport-iris': another job of this workflow run already uploaded one with that name\./,
    );
    assert.match(text, /give each job its own 'report-id'/);
    leaks(log);
  });

  for (const host of ['https://ghes.example.com', 'https://github.acme.internal/']) {
    test(`GitHub Enterprise Server (${host}) has no artifact service: a clear warning, no request`, async () => {
      const log = new MemoryLogger();
      assert.equal(await uploadReportArtifact(cfg(), dir, data([]), github(host), log), null);
      assert.equal(fake.requests.length, 0);
      assert.match(
        log.lines.join('\n'),
        /warning: Could not upload the report as the artifact 'mlreport-iris': GitHub Enterprise Server \([^)]+\) has no service for these artifacts.*actions\/upload-artifact@v3/,
      );
    });
  }

  test('GHE.com (*.ghe.com) has the artifact service, as @actions/artifact decides', async () => {
    writeFileSync(join(dir, 'report.md'), 'x');
    writeFileSync(join(dir, 'report.json'), '{}');
    const log = new MemoryLogger();
    assert.ok(await uploadReportArtifact(cfg(), dir, data([]), github('https://octo.ghe.com'), log));
  });

  test('off a runner (no ACTIONS_RUNTIME_TOKEN) it warns and makes no request', async () => {
    const log = new MemoryLogger();
    assert.equal(await uploadReportArtifact(cfg(), dir, data([]), github('https://github.com', null), log), null);
    assert.equal(fake.requests.length, 0);
    assert.match(
      log.lines.join('\n'),
      /warning: Could not upload the report as the artifact 'mlreport-iris': ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set.*actions\/upload-artifact/,
    );
  });
});

describe("the artifact's requests, bounded", () => {
  const storages: Server[] = [];
  // Kept open to the end: a later server of this file given the port of a remembered one would be refused.
  after(() => Promise.all(storages.map(close)));
  /** Blob storage that accepts the upload and never answers; the fake's signed URLs point to it. */
  async function hungStorage(): Promise<{ asked: () => number }> {
    let asked = 0;
    const server = createServer(() => void asked++);
    storages.push(server);
    fake.blobOrigin = await listen(server);
    return { asked: () => asked };
  }
  const files = (): void => {
    writeFileSync(join(dir, 'report.md'), 'x');
    writeFileSync(join(dir, 'report.json'), '{}');
  };

  test("once the run's limit is spent, the artifact service gets no request", async () => {
    files();
    const log = new MemoryLogger();
    const limit = { endsAt: performance.now() - 1, describe: () => "the test's budget" };
    assert.equal(await uploadReportArtifact(cfg(), dir, data([]), github(), log, { limit }), null);
    assert.equal(fake.requests.length, 0);
    assert.match(log.lines.join('\n'), /The artifact service: POST \/twirp\/.*\/CreateArtifact was not sent: the test's budget is spent\. Upload /);
  });

  test("a storage port Node's fetch refuses is one attempt, named by host and port, never the signed URL", { timeout: 10_000 }, async () => {
    files();
    fake.blobOrigin = 'http://127.0.0.1:6000';
    const log = new MemoryLogger();
    // A minute of backoff shows any retry.
    assert.equal(await uploadReportArtifact(cfg(), dir, data([]), github(), log, { backoffMs: 60_000 }), null);
    assert.match(
      log.lines.join('\n'),
      /Uploading the zip to the artifact storage \(127\.0\.0\.1:6000\) failed: Node's fetch refuses port 6000 \(127\.0\.0\.1:6000\), one the Fetch standard blocks; no request to it is sent, so the service needs another port\. Upload /,
    );
    leaks(log);
  });

  test("an upload under way is abandoned when the run's limit passes, and not retried", { timeout: 10_000 }, async () => {
    files();
    const storage = await hungStorage();
    const log = new MemoryLogger();
    // The upload's own timeout stays 120 s: only the limit can end this in time.
    const limit = { endsAt: performance.now() + 500, describe: () => "the test's budget" };
    assert.equal(await uploadReportArtifact(cfg(), dir, data([]), github(), log, { backoffMs: 1, limit }), null);
    assert.equal(storage.asked(), 1);
    assert.match(
      log.lines.join('\n'),
      /Uploading the zip to the artifact storage \(127\.0\.0\.1:\d+\) failed: no answer before the test's budget was spent\. Upload /,
    );
    leaks(log);
  });

  test('a storage host that left the upload unanswered through its attempts is not asked again in the run', { timeout: 10_000 }, async () => {
    files();
    const storage = await hungStorage();
    const first = new MemoryLogger();
    assert.equal(await uploadReportArtifact(cfg(), dir, data([]), github(), first, { backoffMs: 1, blobTimeoutMs: 100 }), null);
    assert.equal(storage.asked(), 3);
    assert.match(first.lines.join('\n'), /Uploading the zip to the artifact storage \(127\.0\.0\.1:\d+\) failed: no answer within 0\.1 s\. /);

    const log = new MemoryLogger();
    assert.equal(await uploadReportArtifact({ ...cfg(), reportId: 'iris-2' }, dir, data([]), github(), log, { backoffMs: 1, blobTimeoutMs: 100 }), null);
    assert.equal(storage.asked(), 3);
    const host = new URL(fake.blobOrigin).host;
    assert.ok(
      log.lines
        .join('\n')
        .includes(
          `Uploading the zip to the artifact storage (${host}) was not started: ${fake.blobOrigin} did not answer an earlier request (Uploading the zip to the artifact storage (${host}): no answer within 0.1 s).`,
        ),
      log.lines.join('\n'),
    );
    leaks(first);
    leaks(log);
  });
});
