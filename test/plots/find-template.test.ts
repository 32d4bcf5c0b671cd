import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { GitRepo } from '../../src/git/repo';
import { findPlotDefinitions, preparePlots } from '../../src/plots/collect';
import { PlotRenderer } from '../../src/plots/render';
import type { PreparedPlot } from '../../src/plots/types';
import { TempRepo } from '../helpers/repo';
import { rendererAssets } from './assets';
import { countMarks } from './svg';

const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.remove()));

/** A Vega-Lite template with DVC's anchors that draws `mark`, titled `title` (so a test can tell which file drew it). */
function template(title: string, mark = 'bar'): string {
  return JSON.stringify({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    data: { values: '<DVC_METRIC_DATA>' },
    title,
    mark,
    encoding: { x: { field: '<DVC_METRIC_X>', type: 'quantitative' }, y: { field: '<DVC_METRIC_Y>', type: 'quantitative' }, color: { field: 'rev' } },
  });
}

const loss = (k: number) => `epoch,loss\n0,${1 / k}\n1,${0.5 / k}\n2,${0.25 / k}\n`;

/** Plots of a project whose base commit has `base` and whose workspace (the head) has `head` on top of it. */
async function prepared(base: Record<string, string>, head: Record<string, string>, setUp?: (dir: string) => void): Promise<Map<string, PreparedPlot>> {
  const repo = new TempRepo();
  repos.push(repo);
  const baseSha = repo.commit('base', base);
  repo.write(head);
  setUp?.(repo.dir);
  const git = await GitRepo.open(repo.dir);
  const { definitions, errors } = await findPlotDefinitions(repo.dir, null);
  assert.deepEqual(errors, []);
  const plots = await preparePlots(git, { workspace: repo.dir, base: { sha: baseSha, label: 'main' }, headLabel: 'feature', plotsPaths: null }, definitions);
  await git.close();
  return new Map(plots.map((p) => [p.id, p]));
}

function spec(plots: Map<string, PreparedPlot>, id: string): Record<string, unknown> {
  const plot = plots.get(id);
  assert.ok(plot?.kind === 'vega', JSON.stringify(plot));
  return plot.spec;
}

function error(plots: Map<string, PreparedPlot>, id: string): string {
  const plot = plots.get(id);
  assert.ok(plot?.kind === 'error', JSON.stringify(plot));
  return plot.error;
}

describe("a plot's template, looked up as dvc-render's get_template(template, '.dvc/plots') does", () => {
  test('`template: custom` is .dvc/plots/custom.json, drawing the base and the head; the workspace has the one used', async () => {
    const plots = await prepared(
      { 'dvc.yaml': 'plots:\n  - loss.csv: {x: epoch, y: loss, template: custom}\n', 'loss.csv': loss(1), '.dvc/plots/custom.json': template('the base one') },
      // `dvc plots diff` reads the template from disk, once for all revisions: the workspace's, not the base commit's.
      { 'loss.csv': loss(2), '.dvc/plots/custom.json': template('Custom loss') },
    );
    const custom = spec(plots, 'loss.csv');
    assert.equal(custom.title, 'Custom loss');
    assert.equal(custom.mark, 'bar');
    const rows = (custom.data as { values: { rev: string; loss: number }[] }).values;
    assert.deepEqual(
      rows.map((r) => [r.rev, r.loss]),
      [
        ['main', 1],
        ['main', 0.5],
        ['main', 0.25],
        ['feature', 0.5],
        ['feature', 0.25],
        ['feature', 0.125],
      ],
    );
    // Drawn: six bars, not a builtin template's lines.
    const image = await (await PlotRenderer.create(rendererAssets())).render(custom);
    assert.deepEqual(countMarks(image.svg), { rect: 6 });
    assert.match(image.svg, />Custom loss</);
  });

  test('a file in .dvc/plots/ named as a builtin replaces it, the default `linear` too; the other builtins stay', async () => {
    const plots = await prepared(
      {
        'dvc.yaml':
          'plots:\n  - a.csv: {x: epoch, y: loss}\n  - b.csv: {x: epoch, y: loss, template: linear}\n  - c.csv: {x: epoch, y: loss, template: scatter}\n',
        'a.csv': loss(1),
        'b.csv': loss(1),
        'c.csv': loss(1),
      },
      { '.dvc/plots/linear.json': template('Our linear', 'area') },
    );
    for (const id of ['a.csv', 'b.csv']) {
      assert.equal(spec(plots, id).title, 'Our linear', id);
      assert.equal(spec(plots, id).mark, 'area', id);
    }
    assert.notEqual(spec(plots, 'c.csv').title, 'Our linear');
  });

  test("DVC's order: .dvc/plots/<name>, then <name> with a .json suffix, then a project path, then a builtin name", async () => {
    const plots = await prepared(
      {
        'dvc.yaml': `plots:
  - a.csv: {x: epoch, y: loss, template: exact}
  - b.csv: {x: epoch, y: loss, template: suffixed.vl}
  - c.csv: {x: epoch, y: loss, template: scatter}
  - d.csv: {x: epoch, y: loss, template: tpl/mine.json}
  - e.csv: {x: epoch, y: loss, template: .dvc/plots/suffixed.json}
`,
        'a.csv': loss(1),
        'b.csv': loss(1),
        'c.csv': loss(1),
        'd.csv': loss(1),
        'e.csv': loss(1),
      },
      {
        '.dvc/plots/exact': template('no extension'),
        '.dvc/plots/exact.json': template('not this one'),
        // Python's with_suffix: `suffixed.vl` is looked for as `suffixed.json`.
        '.dvc/plots/suffixed.json': template('suffix replaced'),
        // A file the name leads to from the project root comes before the builtin of that name.
        scatter: template('a file named scatter'),
        'tpl/mine.json': template('a path'),
      },
    );
    assert.equal(spec(plots, 'a.csv').title, 'no extension');
    assert.equal(spec(plots, 'b.csv').title, 'suffix replaced');
    assert.equal(spec(plots, 'c.csv').title, 'a file named scatter');
    assert.equal(spec(plots, 'd.csv').title, 'a path');
    assert.equal(spec(plots, 'e.csv').title, 'suffix replaced');
  });

  test('a subfolder of .dvc/plots/ is joined as DVC joins `template_dir / name`: by path from the folder, or from the root', async () => {
    const plots = await prepared(
      {
        'dvc.yaml': `plots:
  - a.csv: {x: epoch, y: loss, template: sub/mine}
  - b.csv: {x: epoch, y: loss, template: sub/mine.json}
  - c.csv: {x: epoch, y: loss, template: .dvc/plots/sub/mine.json}
  - d.csv: {x: epoch, y: loss, template: sub/deeper/other.vl}
  - e.csv: {x: epoch, y: loss, template: mine}
  - f.csv: {x: epoch, y: loss, template: sub/../../config.local}
`,
        'a.csv': loss(1),
        'b.csv': loss(1),
        'c.csv': loss(1),
        'd.csv': loss(1),
        'e.csv': loss(1),
        'f.csv': loss(1),
      },
      {
        '.dvc/plots/sub/mine.json': template('in a subfolder'),
        '.dvc/plots/sub/deeper/other.json': template('two down'),
        '.dvc/config.local': template('a secret'),
      },
    );
    for (const id of ['a.csv', 'b.csv', 'c.csv']) assert.equal(spec(plots, id).title, 'in a subfolder', id);
    assert.equal(spec(plots, 'd.csv').title, 'two down');
    // A bare name is not searched for below the folder: DVC looks at `.dvc/plots/mine` and `.dvc/plots/mine.json` only.
    assert.match(error(plots, 'e.csv'), /unknown template 'mine': no file \.dvc\/plots\/mine, \.dvc\/plots\/mine\.json or mine at feature/);
    // A path that leads out of the folder is not looked up in it; as a project path it is outside the project.
    assert.match(error(plots, 'f.csv'), /\.\.\/config\.local: outside the project; not read/);
  });

  test('a name found nowhere is an error naming where it was looked for; .dvc/ beyond the template folder stays unread', async () => {
    const plots = await prepared(
      {
        'dvc.yaml': `plots:
  - a.csv: {x: epoch, y: loss, template: custom}
  - b.csv: {x: epoch, y: loss, template: ../config.local}
  - c.csv: {x: epoch, y: loss, template: .dvc/plots/../config.local}
  - d.csv: {x: epoch, y: loss, template: linked}
`,
        'a.csv': loss(1),
        'b.csv': loss(1),
        'c.csv': loss(1),
        'd.csv': loss(1),
      },
      { '.dvc/config.local': template('a secret'), '.dvc/plots/other.json': template('other') },
      (dir) => symlinkSync('../config.local', join(dir, '.dvc', 'plots', 'linked.json')),
    );
    assert.equal(
      error(plots, 'a.csv'),
      "plot 'a.csv' (dvc.yaml plots[0]): unknown template 'custom': no file .dvc/plots/custom, .dvc/plots/custom.json or custom at feature, " +
        'and no builtin template of that name (linear, simple, scatter, scatter_jitter, smooth, confusion, confusion_normalized, bar_horizontal, bar_horizontal_sorted)',
    );
    assert.match(error(plots, 'b.csv'), /\.\.\/config\.local: outside the project; not read/);
    assert.match(error(plots, 'c.csv'), /\.dvc\/config\.local: inside \.dvc\/, which holds git's or DVC's own files/);
    assert.match(error(plots, 'd.csv'), /\.dvc\/plots\/linked\.json: a link; links in \.dvc\/plots\/ are not followed/);
  });
});
