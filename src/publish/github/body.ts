import { mermaidChart } from '../../report/mermaid';
import type { PlotEntry } from '../../report/types';
import { commentMarker } from './comments';

/** `![alt](target)` or `[text](target)`, targets without spaces, as the report's markdown writes them. */
const LINK = /(!?)\[([^\]]*)\]\(([^)\s]+)\)/g;

/**
 * The local PNG files a report links to (images and plain links such as "at the base"), as paths relative to
 * the report's folder: decoded, `./` dropped, never absolute or leaving the folder. Pure.
 */
export function localPngLinks(markdown: string): string[] {
  const found = new Set<string>();
  for (const m of markdown.matchAll(LINK)) {
    const path = localPath(m[3]!);
    if (path) found.add(path);
  }
  return [...found];
}

/**
 * The comment body: our marker, then the report with each local PNG link pointed at its hosted URL. An image
 * that could not be hosted becomes its plot's Mermaid chart (when the plot carries a series) or a line naming
 * the PNG in the artifact; a plain link to one names the file. Pure.
 */
export function commentBody(reportId: string, markdown: string, plots: PlotEntry[], hosted: Map<string, string>, notHostedReason: string | null): string {
  const byImage = new Map(plots.filter((p) => p.image).map((p) => [localPath(p.image!) ?? p.image!, p]));
  let missing = 0;
  const text = markdown.replace(LINK, (whole, bang: string, label: string, target: string) => {
    const path = localPath(target);
    if (!path) return whole;
    const url = hosted.get(path);
    if (url) return `${bang}[${label}](${url})`;
    missing++;
    if (!bang) return `${label} (PNG \`${path}\` in the workflow artifact)`;
    const plot = byImage.get(path);
    const chart = plot ? mermaidChart(plot) : null;
    return chart ? `\n${chart}\n` : `_${label || path}: PNG \`${path}\` in the workflow artifact._`;
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

/** A link target as a path inside the report's folder, when it is a local .png; else null. */
function localPath(target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('/')) return null;
  let path: string;
  try {
    path = decodeURIComponent(target.split(/[?#]/)[0]!);
  } catch {
    return null;
  }
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return null;
    parts.push(part);
  }
  const clean = parts.join('/');
  return /\.png$/i.test(clean) ? clean : null;
}
