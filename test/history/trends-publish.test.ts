import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { drawTrends } from '../../src/history/draw-trends';
import { planTrends } from '../../src/history/trends';
import type { HistorySection } from '../../src/history/types';
import { PlotRenderer } from '../../src/plots/render';
import { fitReport } from '../../src/report/fit';
import { hostedImages } from '../../src/report/images';
import type { GateSummary, ReportData } from '../../src/report/types';
import type { FakeGitHub } from '../fakes/github';
import { comments } from '../fakes/github/routes/comments';
import { rendererAssets } from '../plots/assets';
import { dropFixture, publisher, pullRequestFixture, REPO, reportData } from '../publish/github-fixtures';

const [owner, repo] = REPO.split('/') as [string, string];
const VALUES = [0.5, 0.52, 0.49, 0.51, 0.5, 0.48];

function history(keys: string[]): HistorySection {
  const mean = VALUES.reduce((a, b) => a + b, 0) / VALUES.length;
  const std = Math.sqrt(VALUES.reduce((a, v) => a + (v - mean) ** 2, 0) / (VALUES.length - 1));
  return {
    branch: 'main',
    depth: 20,
    notes: [],
    metrics: keys.map((key) => ({
      file: 'metrics.json',
      key,
      points: VALUES.map((value, i) => ({ commit: `${i}`.repeat(40), date: null, value })),
      stats: { n: VALUES.length, mean, std, min: 0.48, max: 0.52 },
      head: 0.75,
    })),
  };
}

/** The fixtures' report (m0 changed 0.5 → 0.75) with its history and a trend for m0 drawn into `dir/trends`. */
async function withTrends(dir: string, base: ReportData = reportData()): Promise<ReportData> {
  const section = history(['m0']);
  const renderer = await PlotRenderer.create(rendererAssets());
  const trends = await drawTrends(
    planTrends(section, null, base.metrics),
    { dir: join(dir, 'trends'), linkPrefix: 'trends/', headLabel: 'feature' },
    async () => renderer,
  );
  assert.equal(trends[0]?.image, 'trends/metrics-json-m0.png');
  return { ...base, history: section, trends };
}

describe('trend charts in the GitHub comment', () => {
  let fake: FakeGitHub;
  let dir: string;
  beforeEach(async () => ({ fake, dir } = await pullRequestFixture()));
  afterEach(() => dropFixture({ fake, dir }));
  const onPr = (): string[] =>
    comments(fake, { params: { owner, repo } } as never)
      .filter((c) => c.on === 'pr:5')
      .map((c) => c.body);

  test('the PNG is uploaded to the image store with the plots and linked in the comment', async () => {
    const report = await withTrends(dir);
    const { pub } = publisher(fake, dir);
    const outcome = await pub.publish(report);
    const url = outcome.hostedImages?.get('trends/metrics-json-m0.png');
    assert.ok(url, 'hosted for the targets after the comment');
    const body = onPr()[0]!;
    assert.ok(body.includes(`![Trend of m0 (metrics.json)](${url})`), body);
    assert.match(
      body,
      /\| metrics\.json \| m0 \| 0\.48 \(`5555555`\) \| 0\.5 ± 0\.01414 \(6\) \| .* \| 0\.75 \| ❗ \*\*beyond noise\*\* \(above the band\) \|/,
    );
    assert.ok(!body.includes('```mermaid'));
  });

  test("'image-store: none': the trend is a Mermaid chart", async () => {
    const report = await withTrends(dir);
    const { pub } = publisher(fake, dir, {}, { imageStore: 'none' });
    await pub.publish(report);
    const body = onPr()[0]!;
    const trends = body.slice(body.indexOf('### Trends'));
    assert.ok(trends.includes('```mermaid'), body);
    assert.ok(trends.includes('    title "m0 (metrics.json)"'));
    assert.ok(trends.includes('    x-axis ["0000000", "1111111", "2222222", "3333333", "4444444", "5555555", "feature"]'));
    assert.ok(body.includes('    line [0.5, 0.52, 0.49, 0.51, 0.5, 0.48, 0.75]'), body);
    assert.ok(!body.includes('trends/metrics-json-m0.png'));
  });
});

describe('a report folded to fit', () => {
  test('keeps the trends, drawn as the target can show them', () => {
    const base = reportData([], 3000, 1);
    const section = history(['m0']);
    const trends = planTrends(section, null as GateSummary | null, base.metrics).map((p) => ({ ...p.entry, image: 'trends/m0.png' }));
    const report = { ...base, history: section, trends };
    const { body, folded } = fitReport(
      report,
      { images: hostedImages(new Map([['trends/m0.png', 'https://img.example/m0.png']]), 'the artifact') },
      { fullReportUrl: null, limit: 20_000 },
    );
    assert.ok(folded);
    assert.ok(body.length <= 20_000);
    assert.ok(body.includes('### Trends'));
    assert.ok(body.includes('![Trend of m0 (metrics.json)](https://img.example/m0.png)'));
  });
});
