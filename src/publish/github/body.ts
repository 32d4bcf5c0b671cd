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
 * The comment body: our marker, then the report with its images hosted (see `withHostedImages`), and a note
 * when some are not. Pure.
 */
export function commentBody(reportId: string, markdown: string, plots: PlotEntry[], hosted: Map<string, string>, notHostedReason: string | null): string {
  const { text, missing } = withHostedImages(markdown, plots, hosted, 'the workflow artifact');
  const parts = [commentMarker(reportId), stripMarkers(text).trimEnd()];
  if (missing) {
    parts.push('', `_Plot images are not shown inline${notHostedReason ? ` (${notHostedReason})` : ''}: the PNGs are in the workflow artifact._`);
  }
  return `${parts.join('\n')}\n`;
}

/**
 * The report with each local image link pointed at its hosted URL. An image that was not hosted (only PNGs
 * are) becomes its plot's Mermaid chart (when the plot carries a series) or a line naming the file and `where`
 * it is; a plain link to one names the file. `missing` counts the links not hosted. Pure.
 */
export function withHostedImages(markdown: string, plots: PlotEntry[], hosted: Map<string, string>, where: string): { text: string; missing: number } {
  const byImage = new Map(plots.filter((p) => p.image).map((p) => [localImage(p.image!) ?? p.image!, p]));
  let missing = 0;
  const text = markdown.replace(LINK, (whole, bang: string, label: string, target: string) => {
    const path = localImage(target);
    if (!path) return whole;
    const url = hosted.get(path);
    if (url) return `${bang}[${label}](${url})`;
    missing++;
    const file = `${path
      .slice(path.lastIndexOf('.') + 1)
      .toUpperCase()
      .replace('JPG', 'JPEG')} \`${path}\``;
    if (!bang) return `${label} (${file} in ${where})`;
    const plot = byImage.get(path);
    const chart = plot ? mermaidChart(plot) : null;
    return chart ? `\n${chart}\n` : `_${label || path}: ${file} in ${where}._`;
  });
  return { text, missing };
}

/** Removes comment markers from report text, so a report (perhaps from an untrusted artifact) cannot pose as another. */
function stripMarkers(text: string): string {
  return text.replace(/<!--\s*mlreport:comment[^>]*-->/g, '');
}

/** A link target as a path inside the report's folder, when it is a local .png; else null. */
function localPath(target: string): string | null {
  const path = localImage(target);
  return path && /\.png$/i.test(path) ? path : null;
}

/** A link target as a path inside the report's folder, when it is a local image (images the pipeline wrote may be JPEG, GIF or SVG); else null. */
function localImage(target: string): string | null {
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
  return /\.(png|jpe?g|gif|svg)$/i.test(clean) ? clean : null;
}
