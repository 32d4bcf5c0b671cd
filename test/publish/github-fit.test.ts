import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMENT_LIMIT, fitReport } from '../../src/report/fit';
import { composeMarkdown } from '../../src/report/markdown';
import { mermaidChart } from '../../src/report/mermaid';
import { commentBody, localPngLinks } from '../../src/publish/github/body';
import { commentMarker } from '../../src/publish/github/comments';
import { plotEntry, reportData } from './github-fixtures';

/** ~70,000 characters: 1,400 metrics, 3 of them changed. */
function bigReport(): ReturnType<typeof reportData> {
  const data = reportData([], 1400, 3);
  data.metrics[0]!.rows = data.metrics[0]!.rows.map((r, i) => ({ ...r, key: `per_class/class_${String(i).padStart(4, '0')}/f1_score_macro` }));
  data.gates = {
    passed: false,
    checked: 1,
    proposed: null,
    rules: [
      {
        rule: 'accuracy >= 0.9',
        level: 'fail',
        passed: false,
        status: 'failed',
        detail: '0.75 < 0.9',
        metric: { file: 'metrics.json', key: 'accuracy' },
        base: 0.5,
        head: 0.75,
        threshold: 0.9,
        source: { origin: "input 'thresholds'", line: 1 },
      },
    ],
    directions: [],
  };
  return data;
}

describe('fitting a report into one comment', () => {
  test('a report within the limit is unchanged', () => {
    const md = composeMarkdown(reportData());
    assert.deepEqual(fitReport(md, reportData(), { fullReportUrl: null }), { body: md, folded: false });
  });

  test('a 70,000-character report keeps headline, gates and changed rows, folds the rest, links the summary', () => {
    const data = bigReport();
    const md = commentBody('default', composeMarkdown(data), [], new Map(), null);
    assert.ok(md.length > 70_000, `fixture is ${md.length} characters`);
    const { body, folded } = fitReport(md, data, { fullReportUrl: 'https://github.example/octo/iris/actions/runs/7' });
    assert.equal(folded, true);
    assert.ok(body.length <= COMMENT_LIMIT, `${body.length}`);
    assert.ok(body.startsWith(commentMarker('default')), 'the marker stays first, so the comment is found next run');
    assert.match(body, /## mlreport: `feature` vs `main`/);
    assert.match(body, /3 metrics and 1 param changed\./);
    assert.match(body, /### Gates: ❌ 1 of 1 rule broke\n/);
    assert.match(body, /\| accuracy &gt;= 0\.9 \| 0\.5 \| 0\.75 \| 0\.9 \| 0\.75 &lt; 0\.9 \|/);
    assert.ok(body.indexOf('### Gates') < body.indexOf('3 metrics and 1 param changed.'), 'gates first, as in the full report');
    for (const i of [0, 1, 2])
      assert.match(body, new RegExp(`\\| metrics\\.json \\| per\\\\_class/class\\\\_000${i}/f1\\\\_score\\\\_macro \\| 0\\.5 \\| 0\\.75 \\|`));
    assert.match(body, /### Changed params[\s\S]*\| params\.yaml \| lr \| 0\.1 \| 0\.2 \|/);
    assert.match(body, /<details><summary>Unchanged values<\/summary>[\s\S]*_… \d+ more unchanged rows: see the full report\._[\s\S]*<\/details>/);
    assert.match(body, /\[the job summary\]\(https:\/\/github\.example\/octo\/iris\/actions\/runs\/7\)/);
  });

  test('plots drawn as Mermaid charts (no image hosted) are kept when the report is folded', () => {
    const data = bigReport();
    const x = [...Array(10).keys()];
    const plot = plotEntry({ id: 'loss', title: 'Loss', image: 'plots/loss.png', series: { x, lines: [{ name: 'main', y: x.map((i) => 10 - i) }] } });
    data.plots = [plot];
    const md = commentBody('default', composeMarkdown(data), [plot], new Map(), 'image-store: none');
    assert.match(md, /```mermaid\nxychart-beta/, 'precondition: the image became a chart');
    const { body, folded } = fitReport(md, data, { fullReportUrl: null });
    assert.equal(folded, true);
    assert.ok(body.length <= COMMENT_LIMIT);
    assert.equal((body.match(/^```mermaid$/gm) ?? []).length, 1);
    assert.match(body, /### Plots\n\n```mermaid\nxychart-beta[\s\S]*title "Loss"[\s\S]*\n```\n/);
  });

  test('without data (publish mode) the text is cut at a line, an open code fence closed', () => {
    const md = `${commentMarker('x')}\n## r\n\`\`\`\n${'line of a long log\n'.repeat(5000)}\`\`\`\n`;
    const { body } = fitReport(md, null, { fullReportUrl: null });
    assert.ok(body.length <= COMMENT_LIMIT);
    assert.equal((body.match(/^```/gm) ?? []).length % 2, 0);
    assert.match(body, /The full report is in the job summary and in report\.md/);
  });

  test('even when the changed rows alone are too many, the comment fits', () => {
    const data = reportData([], 3000, 3000);
    const md = commentBody('default', composeMarkdown(data), [], new Map(), null);
    const { body } = fitReport(md, data, { fullReportUrl: null });
    assert.ok(body.length <= COMMENT_LIMIT, `${body.length}`);
    assert.match(body, /more changed rows: see the full report/);
  });
});

describe('Mermaid fallback', () => {
  test('downsamples to 40 points, keeps first and last, drops points with gaps, names lines', () => {
    const x = [...Array(100).keys()];
    const chart = mermaidChart(
      plotEntry({
        id: 'loss',
        title: 'Loss "train"',
        image: null,
        series: {
          x,
          lines: [
            { name: 'a', y: x.map((i) => (i === 50 ? null : 100 - i)) },
            { name: 'b', y: x.map((i) => i) },
          ],
        },
      }),
    )!;
    const xs = /x-axis \[([^\]]*)\]/.exec(chart)![1]!.split(', ');
    assert.equal(xs.length, 40);
    assert.equal(xs[0], '0');
    assert.equal(xs.at(-1), '99');
    assert.ok(!xs.includes('50'));
    assert.match(chart, /title "Loss  train"/);
    assert.match(chart, /_Lines, in drawing order: `a`, `b`\._/);
  });

  test('no series, or fewer than two points: no chart', () => {
    assert.equal(mermaidChart(plotEntry({ id: 'a', title: 'A', image: null })), null);
    assert.equal(mermaidChart(plotEntry({ id: 'a', title: 'A', image: null, series: { x: [1], lines: [{ name: 'l', y: [1] }] } })), null);
  });
});

describe('comment body', () => {
  test("an untrusted report cannot carry another report's marker", () => {
    const body = commentBody('default', `${commentMarker('other')}\nhello`, [], new Map(), null);
    assert.equal(body, `${commentMarker('default')}\n\nhello\n`);
  });

  test('hosted images replace the relative links; external images are left alone', () => {
    const body = commentBody(
      'd',
      '![a](plots/a.png) ![b](https://example.com/b.png)',
      [plotEntry({ id: 'a', title: 'A', image: 'plots/a.png' })],
      new Map([['plots/a.png', 'https://h/a.png']]),
      null,
    );
    assert.match(body, /!\[a\]\(https:\/\/h\/a\.png\) !\[b\]\(https:\/\/example\.com\/b\.png\)/);
    assert.doesNotMatch(body, /not shown inline/);
  });

  test('local PNG links: decoded, images and plain links alike, never outside the folder', () => {
    const md = '![Loss curve](plots/loss%20curve.png)\nAt the base: [Loss curve](./plots/loss_base.png)\n![x](../secret.png) ![y](/etc/x.png) [z](report.md)';
    assert.deepEqual(localPngLinks(md), ['plots/loss curve.png', 'plots/loss_base.png']);
    const hosted = new Map([
      ['plots/loss curve.png', 'https://h/1.png'],
      ['plots/loss_base.png', 'https://h/2.png'],
    ]);
    const body = commentBody('d', md, [], hosted, null);
    assert.match(body, /!\[Loss curve\]\(https:\/\/h\/1\.png\)\nAt the base: \[Loss curve\]\(https:\/\/h\/2\.png\)/);
    const offline = commentBody('d', md, [], new Map(), 'no store');
    assert.match(offline, /At the base: Loss curve \(PNG `plots\/loss_base\.png` in the workflow artifact\)/);
    assert.match(offline, /_Plot images are not shown inline \(no store\)/);
  });
});
