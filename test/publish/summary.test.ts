import { describe, test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JobSummaryPublisher } from '../../src/publish/summary';
import { tempDir } from '../helpers/repo';
import { plotEntry, reportData } from './github-fixtures';

let dir: string;
let summary: string;
beforeEach(() => {
  dir = tempDir();
  summary = join(dir, 'summary.md');
  writeFileSync(summary, 'an earlier step wrote this\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const loss = () =>
  plotEntry({
    id: 'loss',
    title: 'Loss',
    image: 'plots/loss.png',
    series: {
      x: [1, 2, 3],
      lines: [
        { name: 'main', y: [0.9, 0.5, 0.3] },
        { name: 'feature', y: [0.8, 0.4, 0.2] },
      ],
      xLabel: 'epoch',
    },
  });
const roc = () => plotEntry({ id: 'roc', title: 'ROC', image: 'plots/roc.png' });
const cm = () => plotEntry({ id: 'cm', title: 'Confusion', image: 'plots/cm.svg', baseImage: 'plots/cm.base.svg' });

/** Relative image links (`![…](plots/…)`) or links to the report folder's files, which a job summary cannot show. */
const RELATIVE_LINK = /\]\((?!https?:)[^)]*\)/;

describe('job summary', () => {
  test('images the GitHub publisher hosted in this run are shown by their hosted URL', async () => {
    const plots = [loss(), roc()];
    const hostedImages = new Map([
      ['plots/loss.png', 'https://github.example/octo/iris/blob/abc/pr-5/loss.png?raw=true'],
      ['plots/roc.png', 'https://github.example/octo/iris/blob/abc/pr-5/roc.png?raw=true'],
    ]);
    await new JobSummaryPublisher(summary, '/runner/out').publish(reportData(plots), { hosted: hostedImages });
    const text = readFileSync(summary, 'utf8');
    assert.ok(text.startsWith('an earlier step wrote this\n'), 'appended');
    assert.match(text, /!\[Loss\]\(https:\/\/github\.example\/octo\/iris\/blob\/abc\/pr-5\/loss\.png\?raw=true\)/);
    assert.match(text, /!\[ROC\]\(https:\/\/github\.example\/octo\/iris\/blob\/abc\/pr-5\/roc\.png\?raw=true\)/);
    assert.doesNotMatch(text, RELATIVE_LINK);
    assert.doesNotMatch(text, /mermaid|not shown inline/);
  });

  test('nothing hosted: a Mermaid chart where the plot has a series, else a line naming the file in the out-dir; no relative link remains', async () => {
    const plots = [loss(), roc(), cm()];
    await new JobSummaryPublisher(summary, '/runner/out').publish(reportData(plots), { hosted: new Map() });
    const text = readFileSync(summary, 'utf8');
    assert.match(
      text,
      /```mermaid\n%%\{init: [^\n]*\}%%\nxychart-beta\n {4}title "Loss"\n {4}x-axis "epoch" \[1, 2, 3\]\n {4}line \[0\.9, 0\.5, 0\.3\]\n {4}line \[0\.8, 0\.4, 0\.2\]\n```\n🟦 `main` · 🟧 `feature`/,
    );
    assert.match(text, /_ROC: PNG `plots\/roc\.png` in the out-dir \(`\/runner\/out`\)\._/);
    assert.match(text, /_Confusion: SVG `plots\/cm\.svg` in the out-dir \(`\/runner\/out`\)\._/);
    assert.match(text, /At the base: Confusion \(SVG `plots\/cm\.base\.svg` in the out-dir \(`\/runner\/out`\)\)/);
    assert.match(text, /_Plot images are not shown inline: the image files are in the out-dir \(`\/runner\/out`\)\._\n+$/);
    assert.doesNotMatch(text, RELATIVE_LINK);
  });
});
