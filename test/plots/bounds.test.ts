import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlotRenderer } from '../../src/plots/render';
import { runCli } from '../helpers/cli';
import { TempRepo } from '../helpers/repo';
import { rendererAssets } from './assets';

const DATA = { values: '<DVC_METRIC_DATA>' };
const XY = { x: { field: 'step', type: 'quantitative' }, y: { field: 'loss', type: 'quantitative' } };

/** Custom templates a pull request could commit, each over one bound, beside an ordinary plot. */
const TEMPLATES: Record<string, unknown> = {
  'linked.json': { data: DATA, mark: 'point', encoding: { ...XY, href: { field: 'loss' } } },
  'image.json': { data: DATA, mark: 'image', encoding: { ...XY, url: { field: 'loss' } } },
  'canvas.json': { width: 11000, height: 11000, data: DATA, mark: 'line', encoding: XY },
  'stepped.json': { width: { step: 3000 }, data: DATA, mark: 'bar', encoding: { x: { field: 'step', type: 'nominal' }, y: XY.y } },
  'generator.json': {
    layer: [
      { data: DATA, mark: 'line', encoding: XY },
      { data: { sequence: { start: 0, stop: 100_000_000, as: 'step' } }, mark: 'point', encoding: { x: { field: 'step', type: 'quantitative' } } },
    ],
  },
  'plain.json': { data: DATA, mark: 'line', encoding: XY },
};

test('custom templates over a bound (links, images, canvas, generated rows, too many rows) are notes; the report and the other plots are whole', async () => {
  const repo = new TempRepo();
  try {
    const log = (n: number) => `step,loss\n${Array.from({ length: n }, (_, i) => `${i},${(1 / (i + 1)).toFixed(5)}`).join('\n')}\n`;
    repo.commit('base', { 'metrics.json': '{"loss": 0.2}' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('plots', {
      'metrics.json': '{"loss": 0.1}',
      'loss.csv': log(30),
      'big.csv': log(25_000),
      ...Object.fromEntries(Object.entries(TEMPLATES).map(([name, t]) => [`templates/${name}`, JSON.stringify(t)])),
      'dvc.yaml': [
        'metrics: [metrics.json]',
        'plots:',
        ...['linked', 'image', 'canvas', 'stepped', 'generator', 'plain'].map((t) => `  - ${t}: {template: templates/${t}.json, x: step, y: {loss.csv: loss}}`),
        '  - Many rows: {template: templates/plain.json, x: step, y: {big.csv: loss}}',
        '  - Loss: {x: step, y: {loss.csv: loss}}',
        '',
      ].join('\n'),
    });
    const r = await runCli(['report', '--base', 'main', '--out', 'out', '--quiet'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(readFileSync(join(repo.dir, 'out/report.json'), 'utf8')) as { plots: { id: string; image: string | null; error?: string }[] };
    const byId = new Map(report.plots.map((p) => [p.id, p]));
    const expected: Record<string, RegExp> = {
      linked: /`encoding\.href` links marks to URLs/,
      image: /`encoding\.url` links marks to URLs or loads images/,
      canvas: /canvas\.json: the template is 11000 px wide, over 4,000/,
      stepped: /the chart would be \d+×\d+ px, over the 16,000,000 px/,
      generator: /generates 100,000,000 rows with `sequence`/,
      'Many rows': /25,000 rows are more than the 20,000 a custom template is given; not drawn/,
    };
    for (const [id, message] of Object.entries(expected)) {
      assert.equal(byId.get(id)?.image, null, id);
      assert.match(byId.get(id)?.error ?? '', message, id);
    }
    for (const id of ['plain', 'Loss']) assert.ok(byId.get(id)?.image && !byId.get(id)?.error, id);
    const md = readFileSync(join(repo.dir, 'out/report.md'), 'utf8');
    assert.match(md, /metrics\.json/);
    assert.match(md, /!\[Loss\]\(plots\/Loss\.png\)/);
  } finally {
    repo.remove();
  }
});

test("the renderer's loader answers a link with no link: no unhandled rejection, the chart is drawn without it", async () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => void rejections.push(reason);
  process.on('unhandledRejection', onRejection);
  try {
    const renderer = await PlotRenderer.create(rendererAssets());
    const values = [{ step: 1, loss: 0.5, u: 'https://example.com/track.png' }];
    const linked = await renderer.render({ data: { values }, mark: 'point', encoding: { ...XY, href: { field: 'u' } } });
    const image = await renderer.render({ data: { values }, mark: 'image', encoding: { ...XY, url: { field: 'u' } } });
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(rejections, []);
    for (const svg of [linked.svg, image.svg]) assert.doesNotMatch(svg, /href="[^"]*example\.com/);
  } finally {
    process.off('unhandledRejection', onRejection);
  }
});
