import { relative, resolve, sep } from 'node:path';
import type { PlotEntry, ReportData } from './types';

/**
 * How one target shows the report's plot images. The report names each image by its path in the report's folder
 * (`plots/loss.png`); a target that cannot show that file (a comment, a job summary, a hub) gives the URL it was
 * hosted at, or none, and then the plot is drawn as a Mermaid chart where it can be, else named with `where`.
 */
export interface ImageResolver {
  /** The URL to show the image by, or null when this target cannot show it. */
  url(path: string): string | null;
  /** Where the image files are, said for an image not shown ("the workflow artifact"). */
  where: string;
  /** Whether this target draws Mermaid charts (GitHub does; other hubs may not). */
  charts: boolean;
}

/** report.md beside its plots/ folder: links relative to the report. */
export const RELATIVE_IMAGES: ImageResolver = {
  // encodeURIComponent leaves ( and ), which would end the link.
  url: (path) =>
    path
      .split('/')
      .map((part) => encodeURIComponent(part).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
      .join('/'),
  where: 'the report folder',
  charts: true,
};

/**
 * report.md written in `reportDir` for a report whose plots/ folder is in another folder (`mode: publish` writes its
 * report beside none: the images stay in the artifact it downloaded): links relative to the report, into that folder.
 */
export function imagesIn(imageDir: string, reportDir: string): ImageResolver {
  const prefix = relative(resolve(reportDir), resolve(imageDir)).split(sep).filter(Boolean);
  return { ...RELATIVE_IMAGES, url: (path) => RELATIVE_IMAGES.url([...prefix, path].join('/')), where: 'the artifact folder' };
}

/** Images shown by the URLs an earlier target hosted them at; the others drawn or named. */
export function hostedImages(hosted: ReadonlyMap<string, string>, where: string, charts = true): ImageResolver {
  return { url: (path) => hosted.get(path) ?? null, where, charts };
}

/** The image files a report's plots name (head and base images), in order, once each. */
function plotImages(plots: PlotEntry[]): string[] {
  const paths = plots.flatMap((p) => [p.image, p.baseImage]).filter((p): p is string => typeof p === 'string' && p !== '');
  return [...new Set(paths)];
}

/**
 * Every image file the report names, in the order the report shows them: its trend charts (a sweep's report has
 * none), then its plots' (plotImages) — a comment hosting only the first so many keeps the gated metrics' trends.
 */
export function reportImages(report: Pick<ReportData, 'plots'> & Partial<Pick<ReportData, 'trends'>>): string[] {
  return [...new Set([...(report.trends ?? []).flatMap((t) => (t.image ? [t.image] : [])), ...plotImages(report.plots)])];
}

/** How many of the report's images this target cannot show inline. */
export function imagesNotShown(plots: PlotEntry[], images: ImageResolver): number {
  return plotImages(plots).filter((path) => images.url(path) === null).length;
}
