import { COMMENT_LIMIT, fitReport } from '../../report/fit';
import { hostedImages, imagesNotShown, reportImages } from '../../report/images';
import type { ReportData } from '../../report/types';
import { commentMarker } from './comments';

/**
 * The comment: our marker, then the report drawn with its hosted images (Mermaid charts or a line naming the file
 * for the others, and a note saying why they are not inline), folded to fit GitHub's limit. Pure.
 */
export function commentBody(
  reportId: string,
  report: ReportData,
  hosted: ReadonlyMap<string, string>,
  notHostedReason: string | null,
  fullReportUrl: string | null,
  limit = COMMENT_LIMIT,
): { body: string; folded: boolean } {
  const marker = commentMarker(reportId);
  const images = hostedImages(hosted, 'the workflow artifact');
  const footer = imagesNotShown(report.plots, images)
    ? `_Plot images are not shown inline${notHostedReason ? ` (${notHostedReason})` : ''}: the PNGs are in the workflow artifact._`
    : undefined;
  const fitted = fitReport(report, { images, footer }, { limit: limit - marker.length - 1, fullReportUrl });
  return { body: `${marker}\n${stripMarkers(fitted.body)}`, folded: fitted.folded };
}

/** The PNG files a report's plots and trends name, as paths inside the report's folder (never absolute or leaving it). */
export function localPngs(report: ReportData): string[] {
  return reportImages(report).filter((path) => /\.png$/i.test(path) && insideFolder(path));
}

const MARKER = /<!--\s*mlreport:comment[^>]*-->/g;

/**
 * Removes comment markers from report text (a plot id, a stage's log), so a report cannot pose as another: again
 * and again, since removing one can join the pieces of another.
 */
export function stripMarkers(text: string): string {
  for (let out = text; ;) {
    const next = out.replace(MARKER, '');
    if (next === out) return out;
    out = next;
  }
}

function insideFolder(path: string): boolean {
  const parts = path.split('/');
  return !path.startsWith('/') && !/^[a-z]:/i.test(path) && !path.includes('\\') && parts.every((p) => p !== '' && p !== '.' && p !== '..');
}
