import { COMMENT_LIMIT, fitReport, fullReportIn } from '../../report/fit';
import { hostedImages, imagesNotShown, reportImages } from '../../report/images';
import type { RenderOptions } from '../../report/markdown';
import type { ReportData } from '../../report/types';
import { summaryHoldsWhole } from '../summary';
import { commentMarker } from './comments';

/**
 * Where the report folder is for a reader of a posted text: the workflow artifact, or, when mlreport uploads none
 * ('artifact: off'), the out-dir, named as the job summary names it.
 */
export type ReportFolder = { artifact: true } | { artifact: false; outDir: string };

/** The words for a report folder. */
export function folderWhere(folder: ReportFolder): string {
  return folder.artifact ? 'the workflow artifact' : `the out-dir (\`${folder.outDir}\`)`;
}

export interface CommentBodyOptions extends Pick<RenderOptions, 'header' | 'headSha'> {
  /** Default: the workflow artifact. */
  folder?: ReportFolder;
  limit?: number;
}

/**
 * The comment: our marker, then the report drawn with its hosted images (Mermaid charts or a line naming the file
 * for the others, and a note saying why they are not inline), folded to fit GitHub's limit. `pointsToArtifact`:
 * the comment sends the reader to the workflow artifact (for images not shown, or the full report), so the artifact
 * must go up. Pure.
 */
export function commentBody(
  reportId: string,
  report: ReportData,
  hosted: ReadonlyMap<string, string>,
  notHostedReason: string | null,
  fullReportUrl: string | null,
  options: CommentBodyOptions = {},
): { body: string; folded: boolean; pointsToArtifact: boolean } {
  const marker = commentMarker(reportId);
  const folder = options.folder ?? { artifact: true };
  const where = folderWhere(folder);
  const images = hostedImages(hosted, where);
  const footer = imagesNotShown(report.plots, images)
    ? `_Plot images are not shown inline${notHostedReason ? ` (${notHostedReason})` : ''}: the image files are in ${where}._`
    : undefined;
  const fitted = fitReport(
    report,
    {
      images,
      footer,
      ...(options.header !== undefined ? { header: options.header } : {}),
      ...(options.headSha !== undefined ? { headSha: options.headSha } : {}),
    },
    {
      limit: (options.limit ?? COMMENT_LIMIT) - marker.length - 1,
      fullReportUrl,
      fullReport: (whole) => fullReportIn(fullReportUrl, where, summaryHoldsWhole(whole)),
    },
  );
  return {
    body: `${marker}\n${stripMarkers(fitted.body)}`,
    folded: fitted.folded,
    pointsToArtifact: folder.artifact && (footer !== undefined || fitted.folded),
  };
}

/**
 * The image files a report's plots and trends name that a comment can show once hosted (PNG, JPEG, GIF, SVG: an
 * SVG shown as an image runs none of its scripts), as paths inside the report's folder (never absolute or leaving it).
 */
export function localImages(report: ReportData): string[] {
  return reportImages(report).filter((path) => /\.(?:png|jpe?g|gif|svg)$/i.test(path) && insideFolder(path));
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
