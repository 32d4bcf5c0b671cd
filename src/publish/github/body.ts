import { mermaidChart } from '../../report/mermaid';
import type { PlotEntry } from '../../report/types';
import { commentMarker } from './comments';

/** `![alt](target)` on a line of its own or inline; targets without spaces, as composeMarkdown writes them. */
const IMAGE_LINK = /!\[([^\]]*)\]\(([^)\s]+)\)/g;

/**
 * The comment body: our marker, then the report with each local image link (`plots/x.png`) pointed at its
 * hosted URL; an image that could not be hosted becomes its Mermaid chart (when the plot carries a series) or
 * a line naming the PNG in the artifact. Pure.
 */
export function commentBody(reportId: string, markdown: string, plots: PlotEntry[], hosted: Map<string, string>, notHostedReason: string | null): string {
  const byImage = new Map(plots.filter((p) => p.image).map((p) => [normal(p.image!), p]));
  let missing = 0;
  const text = markdown.replace(IMAGE_LINK, (whole, alt: string, target: string) => {
    const url = hosted.get(normal(target));
    if (url) return `![${alt}](${url})`;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return whole;
    missing++;
    const plot = byImage.get(normal(target));
    const chart = plot ? mermaidChart(plot) : null;
    return chart ? `\n${chart}\n` : `_${alt || target}: PNG \`${normal(target)}\` in the workflow artifact._`;
  });
  const parts = [commentMarker(reportId), stripMarkers(text).trimEnd()];
  if (missing) {
    parts.push('', `_Plot images are not shown inline${notHostedReason ? ` (${notHostedReason})` : ''}: the PNGs are in the workflow artifact._`);
  }
  return `${parts.join('\n')}\n`;
}

/** Removes comment markers from report text, so a report (perhaps from an untrusted artifact) cannot pose as another. */
export function stripMarkers(text: string): string {
  return text.replace(/<!--\s*mlreport:comment[^>]*-->/g, '');
}

function normal(path: string): string {
  return path.replace(/^\.\//, '');
}
