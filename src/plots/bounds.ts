import { UserError } from '../util/errors';

/**
 * How much work one plot, and all plots of a run, may take. A pull request controls plot data and custom
 * templates; without bounds a template with millions of points or an 11000² canvas takes gigabytes and minutes.
 * A plot over a bound is not drawn and says so in the report; the rest of the report is unaffected.
 */
export const PLOT_BOUNDS = {
  /** Rows handed to a custom template (builtin templates downsample to 1,280–5,000 points instead). */
  customPoints: 20_000,
  /** Width or height a custom template may ask for, in CSS pixels. */
  templateSide: 4_000,
  /** Pixels of the PNG (at the 2× pixel ratio): 16 million, a 2000×2000 chart. */
  canvasPixels: 16_000_000,
  /** Marks and groups in the laid-out chart, which become SVG elements. */
  markItems: 50_000,
  /** Time for one plot, checked after each step of drawing it. */
  plotSeconds: 30,
  /** Time for all plots of a run: the plots after it are not drawn. */
  totalSeconds: 120,
};

/** A plot over one of PLOT_BOUNDS; its message says which, for the plot's note. */
export class PlotBoundError extends UserError {}
