import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../helpers/action';
import { TempRepo } from '../helpers/repo';
import { pngSize } from './svg';

test('the action draws the `plots` input (a DagsHub metrics.csv, an image) for a pull request, base and head overlaid', async () => {
  const repo = new TempRepo();
  try {
    const log = (k: number) =>
      [
        'Name,Value,Timestamp,Step',
        ...Array.from({ length: 30 }, (_, s) => [
          `loss,${(1 / (s + k)).toFixed(4)},${1700000000000 + s},${s}`,
          `acc,${(1 - 0.5 / (s + k)).toFixed(4)},${1700000000000 + s},${s}`,
        ]).flat(),
      ].join('\n');
    const baseSha = repo.commit('base', { 'logs/metrics.csv': `${log(1)}\n`, 'metrics.json': '{"acc": 0.9}' });
    repo.git('checkout', '-q', '-b', 'tune-lr');
    const headSha = repo.commit('head', {
      'logs/metrics.csv': `${log(2)}\n`,
      'metrics.json': '{"acc": 0.95}',
      'out/cm.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
    });
    const run = await runAction({
      workspace: repo.dir,
      eventName: 'pull_request',
      event: { pull_request: { number: 7, base: { sha: baseSha, ref: 'main' }, head: { sha: headSha, ref: 'tune-lr' } } },
      // No GitHub API here: the GitHub comment is off (tested in test/e2e/github-publish.test.ts).
      inputs: { metrics: 'metrics.json', plots: 'logs/*.csv\nout/cm.svg', 'out-dir': 'out-report', comment: 'off' },
      sha: headSha,
    });
    assert.equal(run.code, 0, run.stderr + run.stdout);
    const report = JSON.parse(readFileSync(join(repo.dir, 'out-report/report.json'), 'utf8'));
    assert.deepEqual(
      report.plots.map((p: { id: string; image: string | null; notes: string[] }) => [p.id, p.image, p.notes]),
      [
        ['logs/metrics.csv#loss', 'plots/logs-metrics-csv-loss.png', []],
        ['logs/metrics.csv#acc', 'plots/logs-metrics-csv-acc.png', []],
        ['out/cm.svg', 'plots/out-cm-svg.svg', ['no image at the base (main)']],
      ],
    );
    pngSize(readFileSync(join(repo.dir, 'out-report/plots/logs-metrics-csv-loss.png')));
    assert.match(run.summary, /### Plots/);
    // Nothing hosts the images (comment: off), and a job summary cannot show relative links: the line plots are
    // drawn as Mermaid charts, the image is named in the out-dir.
    assert.match(
      run.summary,
      /\*\*loss\*\* \(`logs\/metrics\.csv#loss`\)\n+```mermaid\n%%\{init: [^\n]*\}%%\nxychart-beta\n {4}title "loss"\n {4}x-axis "step" \[0, 2, 4, /,
    );
    assert.match(run.summary, /_out\/cm\.svg: SVG `plots\/out-cm-svg\.svg` in the out-dir/);
    assert.doesNotMatch(run.summary, /\]\(plots\//);
    rmSync(run.runnerTemp, { recursive: true, force: true });
  } finally {
    repo.remove();
  }
});
