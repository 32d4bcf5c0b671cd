import { escapeCell } from './escape';
import type { PlotEntry } from './types';

/**
 * The plots part of the report: each plot's title, its image (a link relative to the report; publishers
 * may rewrite it to a hosted URL), its notes, or the reason it could not be drawn. Pure.
 */
export function plotsMarkdown(plots: PlotEntry[]): string {
  const parts: string[] = [];
  for (const plot of plots) {
    const title = escapeCell(plot.title);
    const id = plot.id !== plot.title ? ` (\`${plot.id.replace(/`/g, "'")}\`)` : '';
    parts.push(`**${title}**${id}`, '');
    if (plot.image) parts.push(`![${title}](${encodeLink(plot.image)})`, '');
    if (plot.baseImage && plot.baseImage !== plot.image) parts.push(`At the base: [${title}](${encodeLink(plot.baseImage)})`, '');
    const notes = [...plot.notes, ...(plot.error ? [`could not be drawn: ${plot.error}`] : [])];
    if (notes.length) parts.push(...notes.map((n) => `_${escapeCell(n)}_`), '');
  }
  return parts.join('\n').trimEnd();
}

function encodeLink(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
