import { code, escapeCell } from './escape';
import { RELATIVE_IMAGES, type ImageResolver } from './images';
import { mermaidChart } from './mermaid';
import type { PlotEntry } from './types';

/**
 * The plots part of the report: each plot's title, its image as the target shows it (a link, a Mermaid chart,
 * or a line saying where the file is), its notes, or the reason it could not be drawn. Pure.
 */
export function plotsMarkdown(plots: PlotEntry[], images: ImageResolver = RELATIVE_IMAGES): string {
  const parts: string[] = [];
  for (const plot of plots) {
    const title = escapeCell(plot.title);
    const id = plot.id !== plot.title ? ` (${code(plot.id)})` : '';
    parts.push(`**${title}**${id}`, '');
    if (plot.image) parts.push(plotImage(plot, plot.image, images), '');
    const base = baseImageLine(plot, images);
    if (base) parts.push(base, '');
    const notes = plotNotes(plot.error ? [...plot.notes, `could not be drawn: ${plot.error}`] : plot.notes);
    if (notes) parts.push(notes, '');
  }
  return parts.join('\n').trimEnd();
}

/** An image plot's base image, where it is not the one shown (`At the base: [Confusion](…)`); null when there is none. */
export function baseImageLine(plot: PlotEntry, images: ImageResolver): string | null {
  if (!plot.baseImage || plot.baseImage === plot.image) return null;
  const title = escapeCell(plot.title);
  const url = images.url(plot.baseImage);
  return url ? `At the base: [${title}](${url})` : `At the base: ${title} (${fileIn(plot.baseImage, images)})`;
}

/** A plot's notes, one italic line each; '' when it has none. */
export function plotNotes(notes: string[]): string {
  return notes.map((n) => `_${escapeCell(n)}_`).join('\n');
}

/** A plot's head image as the target can show it: the image, else its Mermaid chart, else where the file is (and why no chart). */
export function plotImage(plot: PlotEntry, image: string, images: ImageResolver): string {
  const title = escapeCell(plot.title);
  const url = images.url(image);
  if (url) return `![${title}](${url})`;
  const chart = images.charts ? mermaidChart(plot) : null;
  if (chart) return chart;
  const why = images.charts && plot.noChart ? `${escapeCell(plot.noChart)}; ` : '';
  return `_${title || escapeCell(image)}: ${why}${fileIn(image, images)}._`;
}

/** `PNG \`plots/x.png\` in the workflow artifact`. */
function fileIn(path: string, images: ImageResolver): string {
  const kind = path
    .slice(path.lastIndexOf('.') + 1)
    .toUpperCase()
    .replace('JPG', 'JPEG');
  return `${kind} ${code(path)} in ${images.where}`;
}
