import type { PlotSeries } from '../report/types';

/** DVC's builtin Vega-Lite templates (dvc-render `TEMPLATES`), by the names dvc.yaml uses. */
export const BUILTIN_TEMPLATES = [
  'linear',
  'simple',
  'scatter',
  'scatter_jitter',
  'smooth',
  'confusion',
  'confusion_normalized',
  'bar_horizontal',
  'bar_horizontal_sorted',
] as const;
export type BuiltinTemplate = (typeof BUILTIN_TEMPLATES)[number];

/** A plot's template as found (find-template.ts): a builtin, or a Vega-Lite file's text and the path it was read from. */
export type FoundTemplate = { kind: 'builtin'; name: BuiltinTemplate } | { kind: 'custom'; path: string; text: string };

/** One y file of a plot and the fields to draw from it (empty: DVC's default, the last key of the first row). */
export interface PlotSource {
  file: string;
  y: string[];
  /** null: the row index, called `step`, as in DVC. */
  x: string | null;
  /**
   * The file `x` is read from when it is another (DVC's `x: {file: field}`): its column is joined to this file's rows
   * row by row, as DVC joins them; absent when x is a field of this file.
   */
  xFile?: string;
}

/** A plot as dvc.yaml (or the `plots` input) defines it; paths are relative to the workspace, `/`-separated. */
export interface PlotDefinition {
  id: string;
  sources: PlotSource[];
  /** The `template:` value as written (DVC's default `linear`): a name or path, looked up when the plot is drawn. */
  template: string;
  title: string | null;
  xLabel: string | null;
  yLabel: string | null;
  /** csv/tsv: whether the first line names the columns (DVC `header`, default true). */
  header: boolean;
  /** An image file the pipeline wrote (png, jpg, svg): shown as it is. */
  image: boolean;
  /** Where it was defined, for messages: `dvc.yaml plots[2]`, `stage train plots`, `plots input`. */
  origin: string;
  /** Defined in dvc.yaml at one revision only: drawn with that revision's data alone, as `dvc plots diff` draws it. */
  only?: 'base' | 'head';
  /**
   * A top-level plot: the ids of its dvc.yaml's top-level plots, as paths from the project root. A directory plot
   * draws only the files no more specific one of them names (DVC's `_closest_parent`).
   */
  topLevelIds?: string[];
}

/** One data row as DVC hands it to a template: the file's fields plus `rev`, `filename`, `field` (and `step`). */
export type Datapoint = Record<string, unknown>;

/** A plot ready to draw: a Vega-Lite spec whose data is inline (and its lines for a Mermaid chart), or an image to copy. */
export type PreparedPlot =
  | { kind: 'vega'; id: string; title: string; origin: string; spec: Record<string, unknown>; notes: string[]; series?: PlotSeries; noChart?: string }
  | { kind: 'image'; id: string; title: string; origin: string; head: Uint8Array | null; base: Uint8Array | null; ext: string; notes: string[] }
  | { kind: 'error'; id: string; title: string; error: string; notes: string[] };
