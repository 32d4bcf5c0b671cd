import { describe, test } from 'node:test';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hostedImages } from '../../src/report/images';
import assert from 'node:assert/strict';
import { COMMENT_LIMIT, fitReport } from '../../src/report/fit';
import { composeMarkdown, REPORT_FILE } from '../../src/report/markdown';
import { mermaidChart } from '../../src/report/mermaid';
import { commentBody, localImages } from '../../src/publish/github/body';
import { commentMarker } from '../../src/publish/github/comments';
import { JobSummaryPublisher, SUMMARY_LIMIT_BYTES } from '../../src/publish/summary';
import { verdictOf } from '../../src/report/verdict';
import { plotEntry, reportData } from './github-fixtures';
import { parseReportJson } from '../../src/report/parse';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

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
  return { ...data, verdict: verdictOf(data) };
}

describe('fitting a report into one comment', () => {
  test('a report within the limit is drawn whole', () => {
    assert.deepEqual(fitReport(reportData(), REPORT_FILE, { fullReportUrl: null }), { body: composeMarkdown(reportData()), folded: false });
  });

  test('a 70,000-character report keeps headline, gates and changed rows, folds the rest, links the summary', () => {
    const data = bigReport();
    assert.ok(composeMarkdown(data).length > 70_000, 'precondition: the report is longer than a comment may be');
    const { body, folded } = commentBody('default', data, new Map(), null, 'https://github.example/octo/iris/actions/runs/7');
    assert.equal(folded, true);
    assert.ok(body.length <= COMMENT_LIMIT, `${body.length}`);
    assert.ok(body.startsWith(commentMarker('default')), 'the marker stays first, so the comment is found next run');
    assert.match(body, /^## ❌ gate failed: accuracy 0\.75 \(rule: accuracy &gt;= 0\.9\)$/m);
    assert.match(body, /^\*\*mlreport\*\* · `feature` vs `main` \(\w{7}\) · 3 metrics and 1 param changed$/m);
    assert.match(body, /### Gates: ❌ 1 of 1 rule broke\n/);
    assert.match(body, /\| accuracy &gt;= 0\.9 \| 0\.5 \| 0\.75 \| 0\.9 \| 0\.75 &lt; 0\.9 \|/);
    assert.ok(body.indexOf('## ❌ gate failed') < body.indexOf('### Gates'), 'the verdict first, then the gates, as in the full report');
    for (const i of [0, 1, 2])
      assert.match(body, new RegExp(`\\| metrics\\.json \\| per\\\\_class/class\\\\_000${i}/f1\\\\_score\\\\_macro \\| 0\\.5 \\| 0\\.75 \\|`));
    assert.match(body, /### Changed params[\s\S]*\| params\.yaml \| lr \| 0\.1 \| 0\.2 \|/);
    assert.match(body, /<details><summary>Unchanged metrics<\/summary>[\s\S]*_… \d+ more unchanged metrics: see the full report\._[\s\S]*<\/details>/);
    assert.match(body, /\[the job summary\]\(https:\/\/github\.example\/octo\/iris\/actions\/runs\/7\)/);
  });

  test('a report too long for the job summary too: the comment sends the reader to report.md, not to the cut job summary', async () => {
    const data = bigReport();
    const rows = [...Array(12_000).keys()].map((i) => ({
      key: `class_${String(i).padStart(5, '0')}_${'x'.repeat(60)}.f1`,
      old: 0.5,
      new: 0.75,
      diff: 0.25,
      changed: true,
    }));
    data.metrics[0]!.rows = rows;
    assert.ok(Buffer.byteLength(composeMarkdown(data)) > SUMMARY_LIMIT_BYTES, 'precondition: longer than a job summary may be');
    const dir = tempDir('mlreport-fit-summary-');
    try {
      await new JobSummaryPublisher(join(dir, 'summary.md'), '/runner/out').publish(data, { hosted: new Map() });
      assert.match(readFileSync(join(dir, 'summary.md'), 'utf8'), /This report is longer than a job summary may be/, 'the job summary is cut');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const { body, folded } = commentBody('default', data, new Map(), null, 'https://github.example/octo/iris/actions/runs/7');
    assert.equal(folded, true);
    assert.match(body, /The full report is in report\.md in the workflow artifact \(the job summary is cut too\)\./);
    assert.doesNotMatch(body, /\[the job summary\]/);

    // Within a job summary's limit, the comment links it as the place of the full report.
    const { body: shorter } = commentBody('default', bigReport(), new Map(), null, 'https://github.example/octo/iris/actions/runs/7');
    assert.match(
      shorter,
      /The full report is in \[the job summary\]\(https:\/\/github\.example\/octo\/iris\/actions\/runs\/7\) and in report\.md in the workflow artifact\./,
    );
  });

  test('plots drawn as Mermaid charts (no image hosted) are kept when the report is folded', () => {
    const data = bigReport();
    const x = [...Array(10).keys()];
    data.plots = [plotEntry({ id: 'loss', title: 'Loss', image: 'plots/loss.png', series: { x, lines: [{ name: 'main', y: x.map((i) => 10 - i) }] } })];
    const { body, folded } = commentBody('default', data, new Map(), 'image-store: none', null);
    assert.equal(folded, true);
    assert.ok(body.length <= COMMENT_LIMIT);
    assert.equal((body.match(/^```mermaid$/gm) ?? []).length, 1);
    assert.match(body, /### Plots\n\n```mermaid\n%%\{init: [^\n]*\}%%\nxychart-beta[\s\S]*title "Loss"[\s\S]*\n```\n/);
    assert.match(body, /_Plot images are not shown inline \(image-store: none\): the image files are in the workflow artifact\._\n$/);
  });

  test('hosted images are kept when the report is folded', () => {
    const data = bigReport();
    data.plots = [plotEntry({ id: 'loss', title: 'Loss', image: 'plots/loss.png' })];
    const { body } = commentBody('default', data, new Map([['plots/loss.png', 'https://h/loss.png']]), null, null);
    assert.match(body, /### Plots\n\n!\[Loss\]\(https:\/\/h\/loss\.png\)\n/);
  });

  test("a failed stage's long log is left out of a folded comment, which fits with no code fence left open", () => {
    const data = reportData();
    data.pipeline = { engine: 'builtin', stages: [{ name: 'train', status: 'failed', seconds: 1, error: 'exit 1', log: 'line of a long log\n'.repeat(5000) }] };
    const { body } = commentBody('x', data, new Map(), null, null);
    assert.ok(body.length <= COMMENT_LIMIT);
    assert.equal((body.match(/^```/gm) ?? []).length % 2, 0);
    assert.match(body, /The full report is in the job summary and in report\.md/);
  });

  test('the job summary folds by bytes, not characters', () => {
    const data = reportData([], 40, 40);
    data.metrics[0]!.rows = data.metrics[0]!.rows.map((r, i) => ({ ...r, key: `${'é'.repeat(100)}${i}` }));
    const whole = composeMarkdown(data);
    const limit = whole.length + 100;
    assert.ok(Buffer.byteLength(whole) > limit, 'precondition: fits in characters, not in bytes');
    const { body, folded } = fitReport(data, REPORT_FILE, { limit, measure: (t) => Buffer.byteLength(t), fullReportUrl: null });
    assert.equal(folded, true);
    assert.ok(Buffer.byteLength(body) <= limit, `${Buffer.byteLength(body)} bytes`);
    assert.match(body, /longer than a comment may be \([\d,]+ bytes\)/);
  });

  test('even a gates table longer than the limit fits: whole blocks dropped, the table shortened by rows, nothing left open', () => {
    const data = bigReport();
    const rule = data.gates!.rules[0]!;
    data.gates!.rules = [...Array(1500).keys()].map((i) => ({ ...rule, rule: `class_${i}/f1_score_macro >= 0.9`, detail: `${'long detail '.repeat(5)}${i}` }));
    const { body } = commentBody('default', data, new Map(), null, null);
    assert.ok(body.length <= COMMENT_LIMIT, `${body.length}`);
    assert.match(body, /This report is longer than a comment may be/);
    assert.equal((body.match(/<details>/g) ?? []).length, (body.match(/<\/details>/g) ?? []).length);
    assert.match(body, /^\| ❌ \| class\\_0\/f1\\_score\\_macro &gt;= 0\.9 \|/m);
  });

  test('even when the changed rows alone are too many, the comment fits', () => {
    const { body } = commentBody('default', reportData([], 3000, 3000), new Map(), null, null);
    assert.ok(body.length <= COMMENT_LIMIT, `${body.length}`);
    assert.match(body, /more changed rows: see the full report/);
  });

  test('thousands of changed metrics leave room for the changed param and the line saying why they changed', () => {
    const data = reportData([], 3000, 3000);
    const causes = {
      basis: 'no-pipeline' as const,
      stage: null,
      stages: [],
      params: [{ file: 'params.yaml', key: 'lr', old: 0.1, new: 0.2, stages: [] }],
      files: [],
      data: [],
      unknown: [],
      omitted: 0,
      nothingUpstream: false,
    };
    data.metrics[0]!.rows = data.metrics[0]!.rows.map((r) => (r.changed ? { ...r, causes } : r));
    const { body, folded } = commentBody('default', data, new Map(), null, null);
    assert.ok(folded && body.length <= COMMENT_LIMIT, `${body.length}`);
    assert.match(body, /### Changed params\n\n\| Path \| Param \| main \| feature \|\n\|---\|---\|---\|---\|\n\| params\.yaml \| lr \| 0\.1 \| 0\.2 \|/);
    assert.match(body, /#### Why it changed\n\n- `m0` \+0\.25, .* and 2,995 more ← no pipeline: all changed params and files listed: `lr` 0\.1→0\.2/);
    assert.match(body, /_… \d+ more changed rows: see the full report\._/);
    assert.doesNotMatch(body, /\b1 changed rows\b/);
  });
});

describe('Mermaid fallback in a folded comment', () => {
  test('charts past the room a folded comment has are named, the others still drawn', () => {
    const x = [...Array(100).keys()];
    const plots = [...Array(90).keys()].map((i) =>
      plotEntry({
        id: `curve_${i}`,
        title: `training_curve_for_model_variant_${String(i).padStart(3, '0')}`,
        image: `plots/curve_${i}.png`,
        series: { x, lines: ['train_loss', 'val_loss'].map((name, k) => ({ name, y: x.map((j) => 1 / (j + 1 + k) + i / 1000) })) },
      }),
    );
    const { body, folded } = commentBody('default', reportData(plots), new Map(), "'image-store: none'", null);
    assert.ok(folded && body.length <= COMMENT_LIMIT, `${body.length}`);
    const charts = (body.match(/```mermaid/g) ?? []).length;
    assert.ok(charts > 10 && charts < 90, `${charts} charts`);
    assert.match(body, new RegExp(`_${90 - charts} more plots in the full report: training\\\\_curve`));
  });

  test('past 20 names of plots left out, the line says how many others, and ends as a sentence does (not in `…._`)', () => {
    const x = [...Array(100).keys()];
    const plots = [...Array(150).keys()].map((i) =>
      plotEntry({
        id: `curve_${i}`,
        title: `curve_${String(i).padStart(3, '0')}`,
        image: `plots/curve_${i}.png`,
        series: { x, lines: ['train_loss', 'val_loss'].map((name, k) => ({ name, y: x.map((j) => 1 / (j + 1 + k) + i / 1000) })) },
      }),
    );
    const { body, folded } = commentBody('default', reportData(plots), new Map(), "'image-store: none'", null);
    assert.ok(folded && body.length <= COMMENT_LIMIT, `${body.length}`);
    const charts = (body.match(/```mermaid/g) ?? []).length;
    assert.ok(150 - charts > 20, `${charts} charts`);
    const named = [...Array(20).keys()].map((k) => `curve\\_${String(charts + k).padStart(3, '0')}`);
    const line = body.split('\n').find((l) => l.includes('more plots in the full report'));
    assert.equal(line, `_${150 - charts} more plots in the full report: ${named.join(', ')} and ${150 - charts - 20} others._`);
  });

  test('charts use the room the values leave: a report of plots alone is not cut at half the comment', () => {
    const x = [...Array(100).keys()];
    const plots = [...Array(120).keys()].map((i) =>
      plotEntry({
        id: `curve_${i}`,
        title: `training_curve_for_model_variant_${String(i).padStart(3, '0')}`,
        image: `plots/curve_${i}.png`,
        series: { x, lines: ['train_loss', 'val_loss'].map((name, k) => ({ name, y: x.map((j) => 1 / (j + 1 + k) + i / 1000) })) },
      }),
    );
    const { body, folded } = commentBody('default', reportData(plots, 3, 1), new Map(), "'image-store: none'", null);
    assert.ok(folded && body.length <= COMMENT_LIMIT, `${body.length}`);
    const chart = mermaidChart(plots[0]!)!.length;
    assert.ok(body.length > COMMENT_LIMIT - 2 * chart, `${body.length} characters: room left for two more charts of ${chart}`);
    const charts = (body.match(/```mermaid/g) ?? []).length;
    assert.match(
      body,
      new RegExp(`_${120 - charts} more plots in the full report: training\\\\_curve\\\\_for\\\\_model\\\\_variant\\\\_${String(charts).padStart(3, '0')}`),
    );
  });

  test("a folded comment keeps each image plot's base image and its notes, as the full report has them", async () => {
    // A project with 30 image plots, changed at the head, one of them gone there, and 2,500 metrics: too long for a comment.
    const repo = new TempRepo();
    const out = tempDir();
    try {
      const png = (text: string): Buffer => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from(text)]);
      const images = (at: string, n: number): Record<string, Buffer> =>
        Object.fromEntries([...Array(n).keys()].map((i) => [`plots/sample_${i}.png`, png(`${at} ${i}`)]));
      const metrics = (v: number): string =>
        JSON.stringify(Object.fromEntries([...Array(2500).keys()].map((i) => [`per_class/class_${i}/f1_score_macro`, i < 3 ? v : 0.5])));
      const dvcYaml = `plots:\n${[...Array(30).keys()].map((i) => `  - plots/sample_${i}.png`).join('\n')}\n`;
      repo.commit('base', { 'dvc.yaml': dvcYaml, 'metrics.json': metrics(0.5), ...images('base', 30) });
      repo.write({ 'metrics.json': metrics(0.75), ...images('head', 29) });
      repo.git('rm', '-q', '--cached', 'plots/sample_29.png');
      rmSync(join(repo.dir, 'plots/sample_29.png'));
      const run = await runCli(['report', '--base', 'HEAD', '--metrics', 'metrics.json', '--out', out, '--quiet'], repo.dir);
      assert.equal(run.code, 0, run.stderr);
      const data = parseReportJson(readFileSync(join(out, 'report.json'), 'utf8'));
      const hosted = new Map(data.plots.flatMap((p) => [p.image, p.baseImage].filter((x) => typeof x === 'string').map((x) => [x, `https://h/${x}`] as const)));
      const full = composeMarkdown(data, { images: hostedImages(hosted, 'the workflow artifact') });
      const { body, folded } = commentBody('default', data, hosted, null, null);
      assert.ok(folded && body.length <= COMMENT_LIMIT, `${body.length}`);
      const baseLinks = (text: string): string[] => text.match(/^At the base: \[.*\]\(https:\/\/h\/.*\)$/gm) ?? [];
      assert.equal(baseLinks(full).length, 29, 'precondition: the full report links 29 base images');
      assert.deepEqual(baseLinks(body), baseLinks(full));
      assert.match(
        body,
        /!\[plots\/sample\\_0\.png\]\(https:\/\/h\/plots\/plots-sample_0-png\.png\)\n\nAt the base: \[plots\/sample\\_0\.png\]\(https:\/\/h\/plots\/plots-sample_0-png\.base\.png\)\n/,
      );
      // The plot gone at the head shows the base's image: its note says whose it is.
      assert.match(
        body,
        /!\[plots\/sample\\_29\.png\]\(https:\/\/h\/plots\/plots-sample_29-png\.base\.png\)\n\n_no image at the head \(workspace\): showing HEAD's_\n/,
      );
    } finally {
      repo.remove();
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('a plot shown neither as an image nor as a chart is named in a folded comment, with the reason', () => {
    const data = bigReport();
    const x = [...Array(10).keys()];
    data.plots = [
      plotEntry({ id: 'loss', title: 'Loss', image: 'plots/loss.png', series: { x, lines: [{ name: 'main', y: x }] } }),
      plotEntry({ id: 'cloud', title: 'Cloud', image: 'plots/cloud.png', noChart: 'its points are a cloud, with no line through them' }),
      plotEntry({ id: 'cm', title: 'Confusion', image: 'plots/cm.png' }),
      plotEntry({ id: 'broken', title: 'Broken', image: null, error: "plots/b.csv has no field 'loss'" }),
    ];
    const { body, folded } = commentBody('default', data, new Map(), "'image-store: none'", null);
    assert.ok(folded && body.length <= COMMENT_LIMIT, `${body.length}`);
    assert.equal((body.match(/^```mermaid$/gm) ?? []).length, 1);
    assert.match(body, /\n_Cloud: its points are a cloud, with no line through them; PNG `plots\/cloud\.png` in the workflow artifact\._\n/);
    assert.match(body, /\n_Confusion: PNG `plots\/cm\.png` in the workflow artifact\._\n/);
    assert.match(body, /\n_Broken: could not be drawn: plots\/b\.csv has no field 'loss'\._\n/);
  });
});

describe('Mermaid fallback', () => {
  test('numeric x on an even, round grid (first and last kept), a gap inside a line filled, each line coloured and named in a legend', () => {
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
    assert.deepEqual(xs.slice(0, 4), ['0', '5', '10', '15']);
    assert.equal(xs.at(-1), '99');
    assert.match(chart, /title "Loss train"/);
    assert.match(chart, /"plotColorPalette": "#1f6feb, #e16f24"/);
    assert.match(chart, /\n```\n🟦 `a` · 🟧 `b`$/);
    const lines = [...chart.matchAll(/line \[([^\]]*)\]/g)].map((m) => m[1]!.split(', ').map(Number));
    assert.deepEqual(
      lines.map((l) => l.length),
      [xs.length, xs.length],
    );
    assert.ok(lines[0]!.every(Number.isFinite), 'the gap at 50 is read between its neighbours, not dropped from both lines');
  });

  test("a base trained 100 epochs beside a PR's 15: the base's whole curve, the PR's line ends at its last epoch", () => {
    const x = [...Array(100).keys()];
    const chart = mermaidChart(
      plotEntry({
        id: 'loss',
        title: 'loss',
        image: null,
        series: {
          x,
          lines: [
            { name: 'main', y: x.map((i) => 1 / (1 + i)) },
            { name: 'feature', y: x.map((i) => (i < 15 ? 0.9 / (1 + i) : null)) },
          ],
        },
      }),
    )!;
    const xs = /x-axis \[([^\]]*)\]/.exec(chart)![1]!.split(', ');
    assert.equal(xs.at(-1), '99', 'the x-axis spans the base, not the shortest line');
    const [base, head] = [...chart.matchAll(/line \[([^\]]*)\]/g)].map((m) => m[1]!.split(', '));
    assert.equal(base!.length, xs.length);
    assert.ok(head!.length < xs.length && Number(xs[head!.length - 1]) <= 14, `the PR's line stops at epoch 14 (${head!.length} points)`);
    assert.match(chart, /🟦 `main` · 🟧 `feature`/);
  });

  test('no series, or fewer than two points: no chart', () => {
    assert.equal(mermaidChart(plotEntry({ id: 'a', title: 'A', image: null })), null);
    assert.equal(mermaidChart(plotEntry({ id: 'a', title: 'A', image: null, series: { x: [1], lines: [{ name: 'l', y: [1] }] } })), null);
  });
});

describe('comment body', () => {
  test("a report cannot carry another report's marker, even nested or in a stage's log", () => {
    const data = reportData([plotEntry({ id: '<!-- mlreport:<!-- mlreport:comment id=x -->comment id=other -->', title: 'Loss', image: null })]);
    data.pipeline = { engine: 'builtin', stages: [{ name: 'train', status: 'failed', seconds: 1, log: `${commentMarker('other')}\nboom` }] };
    const { body } = commentBody('default', data, new Map(), null, null);
    assert.ok(body.startsWith(`${commentMarker('default')}\n`));
    assert.equal(body.split('mlreport:comment').length, 2, body);
  });

  test('hosted images are shown by their URL; no relative link is left', () => {
    const data = reportData([plotEntry({ id: 'a', title: 'A', image: 'plots/a.png' })]);
    const { body } = commentBody('d', data, new Map([['plots/a.png', 'https://h/a.png']]), null, null);
    assert.match(body, /!\[A\]\(https:\/\/h\/a\.png\)/);
    assert.doesNotMatch(body, /\]\(plots\//);
    assert.doesNotMatch(body, /not shown inline/);
  });

  test('local images (PNG, JPEG, GIF, SVG): head and base images, never outside the folder; base images linked or named', () => {
    const plots = [
      plotEntry({ id: 'loss', title: 'Loss curve', image: 'plots/loss curve.png', baseImage: 'plots/loss_base.png' }),
      plotEntry({ id: 'x', title: 'X', image: '../secret.png', baseImage: '/etc/x.png' }),
      plotEntry({ id: 'cm', title: 'CM', image: 'plots/cm.svg' }),
    ];
    const data = reportData(plots);
    assert.deepEqual(localImages(data), ['plots/loss curve.png', 'plots/loss_base.png', 'plots/cm.svg']);
    const hosted = new Map([
      ['plots/loss curve.png', 'https://h/1.png'],
      ['plots/loss_base.png', 'https://h/2.png'],
    ]);
    const { body } = commentBody('d', reportData(plots.slice(0, 1)), hosted, null, null);
    assert.match(body, /!\[Loss curve\]\(https:\/\/h\/1\.png\)\n\nAt the base: \[Loss curve\]\(https:\/\/h\/2\.png\)/);
    const offline = commentBody('d', reportData(plots.slice(0, 1)), new Map(), 'no store', null).body;
    assert.match(offline, /At the base: Loss curve \(PNG `plots\/loss_base\.png` in the workflow artifact\)/);
    assert.match(offline, /_Plot images are not shown inline \(no store\)/);
  });
});
