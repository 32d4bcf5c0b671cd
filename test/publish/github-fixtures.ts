import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { GitHubContext, GitHubPublishConfig } from '../../src/config/types';
import type { PlotEntry, ReportData } from '../../src/report/types';
import { GitHubPublisher } from '../../src/publish/github/publisher';
import { MemoryLogger } from '../helpers/memory-logger';
import { FakeGitHub, startFakeGitHub } from '../fakes/github';
import { addPullRequest } from '../fakes/github/routes/pulls';
import { tempDir } from '../helpers/repo';
import { reportOf } from '../helpers/report';

export const REPO = 'octo/iris';
export const HEAD = 'a'.repeat(40);
/** GITHUB_TOKEN is an installation token; its `ghs_` prefix lets mlreport skip `GET /user`. */
export const GHS_TOKEN = 'ghs_fakeInstallationToken';

export function registerGhsToken(fake: FakeGitHub): void {
  fake.tokens.set(GHS_TOKEN, FakeGitHub.ACTIONS_BOT);
}

/** A valid PNG of `w`×`h` grey pixels (signature, IHDR, IDAT, IEND with CRCs); `noise` makes it plot-sized. */
export function png(w = 4, h = 3, shade = 128, noise = false): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const row = (): Buffer => (noise ? Buffer.from([...Array(w)].map(() => Math.floor(Math.random() * 256))) : Buffer.alloc(w, shade));
  const raw = Buffer.concat([...Array(h)].map(() => Buffer.concat([Buffer.from([0]), row()])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function context(fake: FakeGitHub, over: Partial<GitHubContext> = {}): GitHubContext {
  const [owner = '', repo = ''] = REPO.split('/');
  return {
    token: GHS_TOKEN,
    apiUrl: fake.url,
    serverUrl: 'https://github.example',
    owner,
    repo,
    eventName: 'pull_request',
    sha: 'b'.repeat(40),
    headSha: HEAD,
    prNumber: 5,
    runId: '777',
    forkPr: false,
    workflowRun: null,
    ...over,
  };
}

export function publishConfig(over: Partial<GitHubPublishConfig> = {}): GitHubPublishConfig {
  return {
    mode: 'run',
    comment: 'update',
    commentOn: 'auto',
    reportId: 'default',
    imageStore: 'branch',
    assetsBranch: 'mlreport-assets',
    artifactDir: null,
    allowPullRequestTargetRepro: false,
    artifact: 'auto',
    ...over,
  };
}

/** A report with `rows` metrics (the first `changed` of them changed) and the given plots. */
export function reportData(plots: PlotEntry[] = [], rows = 3, changed = 1): ReportData {
  return reportOf({
    schemaVersion: 2,
    tool: { name: 'mlreport', version: 'test' },
    base: { sha: 'c'.repeat(40), label: 'main' },
    head: { sha: HEAD, label: 'feature' },
    metrics: [
      {
        path: 'metrics.json',
        notes: [],
        rows: [...Array(rows).keys()].map((i) => ({
          key: `m${i}`,
          old: 0.5,
          new: i < changed ? 0.75 : 0.5,
          diff: i < changed ? 0.25 : 0,
          changed: i < changed,
        })),
      },
    ],
    params: [{ path: 'params.yaml', notes: [], rows: [{ key: 'lr', old: 0.1, new: 0.2, diff: 0.1, changed: true }] }],
    plots,
    gates: null,
    pipeline: null,
    warnings: [],
  });
}

/** An out-dir holding plots/<id>.png for each id; returns the dir and the plot entries. */
export function plotsDir(dir: string, ids: string[]): PlotEntry[] {
  mkdirSync(join(dir, 'plots'), { recursive: true });
  return ids.map((id, i) => {
    writeFileSync(join(dir, 'plots', `${id}.png`), png(4 + i, 3));
    return plotEntry({ id, title: `Plot ${id}`, image: `plots/${id}.png` });
  });
}

/** A PlotEntry with defaults for the fields the plots feature fills (built via a variable, so it type-checks either way). */
export function plotEntry(fields: Pick<PlotEntry, 'id' | 'title' | 'image'> & Partial<PlotEntry>): PlotEntry {
  const entry = { notes: [] as string[], ...fields };
  return entry;
}

/** The report with a line of text of its own (in its notes), to tell one run's comment from another's. */
export function noted(report: ReportData, text: string): ReportData {
  return { ...report, warnings: [...report.warnings, text] };
}

/** A publisher wired to the fake, with fast retries. */
export function publisher(
  fake: FakeGitHub,
  baseDir: string,
  ctx: Partial<GitHubContext> = {},
  cfg: Partial<GitHubPublishConfig> = {},
): { pub: GitHubPublisher; log: MemoryLogger } {
  const log = new MemoryLogger();
  const c = context(fake, ctx);
  return { pub: new GitHubPublisher(c, publishConfig(cfg), log, { baseDir, clientOptions: { waitScale: 0.001 } }), log };
}

/** What most publisher tests start from: a fresh fake GitHub with the action's token and PR #5 at HEAD, and a temp folder. */
export async function pullRequestFixture(): Promise<{ fake: FakeGitHub; dir: string }> {
  const fake = await startFakeGitHub();
  registerGhsToken(fake);
  addPullRequest(fake, REPO, { number: 5, headSha: HEAD });
  return { fake, dir: tempDir() };
}

export async function dropFixture(fixture: { fake: FakeGitHub; dir: string }): Promise<void> {
  await fixture.fake.stop();
  rmSync(fixture.dir, { recursive: true, force: true });
}
