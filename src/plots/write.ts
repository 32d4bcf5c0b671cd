import { join } from 'node:path';
import type { PlotEntry } from '../report/types';
import type { Deadline } from '../util/deadline';
import { describeError } from '../util/errors';
import { writeFileAtomic } from '../util/files';
import type { PlotRenderer } from './render';
import type { PreparedPlot } from './types';

/**
 * Renders each prepared plot to `<dir>/<name>.png` (images are copied as they are) and returns the report
 * entries, image paths prefixed with `linkPrefix` (the path from the report to `dir`). One plot failing
 * leaves the others alone. The renderer is created on first use, so a run with only images never loads it.
 */
export async function writePlots(
  prepared: PreparedPlot[],
  getRenderer: () => Promise<PlotRenderer>,
  dir: string,
  linkPrefix: string,
  deadline?: Deadline,
): Promise<PlotEntry[]> {
  const names = new Set<string>();
  const entries: PlotEntry[] = [];
  let renderer: PlotRenderer | null = null;
  for (const plot of prepared) {
    const name = uniqueName(plot.id, names);
    const entry: PlotEntry = {
      id: plot.id,
      title: plot.title,
      image: null,
      notes: plot.notes,
      ...(plot.kind === 'vega' && plot.series ? { series: plot.series } : {}),
      ...(plot.kind === 'vega' && plot.noChart ? { noChart: plot.noChart } : {}),
    };
    try {
      if (plot.kind === 'error') {
        entry.error = plot.error;
      } else if (plot.kind === 'image') {
        if (plot.head) {
          await writeFileAtomic(join(dir, name + plot.ext), plot.head);
          entry.image = linkPrefix + name + plot.ext;
        }
        if (plot.base) {
          await writeFileAtomic(join(dir, `${name}.base${plot.ext}`), plot.base);
          entry.baseImage = `${linkPrefix}${name}.base${plot.ext}`;
          if (!plot.head) entry.image = entry.baseImage;
        }
      } else if (deadline?.passed()) {
        entry.error = `plot '${plot.id}': ${deadline.skipped(`plot '${plot.id}'`)}`;
      } else {
        renderer ??= await getRenderer();
        const image = await renderer.render(plot.spec);
        await writeFileAtomic(join(dir, `${name}.png`), image.png);
        entry.image = `${linkPrefix}${name}.png`;
      }
    } catch (error) {
      // Named as the definition's other errors are: two plots of one file differ only by where they are defined.
      const where = plot.kind === 'error' ? '' : ` (${plot.origin})`;
      entry.error = `plot '${plot.id}'${where}: ${plot.kind === 'vega' ? 'could not render: ' : ''}${describeError(error)}`;
    }
    entries.push(entry);
  }
  return entries;
}

/** A file name from a plot id: `plots/loss.csv` → `plots-loss-csv`, unique within one run. */
export function uniqueName(id: string, taken: Set<string>): string {
  const base =
    id
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'plot';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}-${i}`;
  taken.add(name.toLowerCase());
  return name;
}
