import { UserError } from '../util/errors';
import type { BuiltinTemplate, Datapoint } from './types';

/** DVC's revision colours (dvc/render/converter/vega.py): base takes the first, head the second. */
export const REVISION_COLORS = ['#945dd6', '#13adc7', '#f46837', '#48bb78', '#4299e1', '#ed8936', '#f56565'];
/** DVC's stroke dashes and point shapes for several files/fields in one plot. */
const DASHES = [
  [1, 0],
  [8, 8],
  [8, 4],
  [4, 4],
  [4, 2],
  [2, 1],
  [1, 1],
];
const SHAPES = ['circle', 'square', 'triangle', 'diamond'];
export const FONT = 'DejaVu Sans';

export type VegaLiteSpec = Record<string, unknown>;

/** Everything a builtin template needs; points are already numeric/downsampled where the template needs it. */
export interface SpecInput {
  template: BuiltinTemplate;
  title: string;
  /** Lines under the title (e.g. "no data at base: showing main only"). */
  subtitle: string[];
  x: string;
  y: string;
  xLabel: string;
  yLabel: string;
  /** Revisions that have data, base first, with their colours. */
  revs: { label: string; color: string }[];
  /** Series names (file/field) when a plot draws several; empty otherwise. */
  series: string[];
  points: Datapoint[];
}

/** Categories a template can show readably, per axis: beyond this an image is huge and says nothing. */
const CATEGORY_LIMITS: Partial<Record<BuiltinTemplate, { x?: number; y?: number }>> = {
  confusion: { x: 50, y: 50 },
  confusion_normalized: { x: 50, y: 50 },
  scatter_jitter: { x: 50, y: 50 },
  bar_horizontal: { y: 100 },
  bar_horizontal_sorted: { y: 100 },
};

/**
 * A Vega-Lite spec in the look of DVC's builtin template `input.template`, without its interactive parts.
 * Throws when a category axis has more values than can be drawn (a numeric field used as classes). Pure.
 */
export function builtinSpec(given: SpecInput): VegaLiteSpec {
  // vega sizes the image by estimated text widths (about 0.8 em per character, more than DejaVu needs), so
  // long texts are wrapped to fit the plot instead of widening the image around it.
  const input: SpecInput = {
    ...given,
    title: wrap(given.title, 56).join('\n'),
    subtitle: given.subtitle.flatMap((line) => wrap(line, 72)),
    xLabel: wrap(given.xLabel, 60).join('\n'),
    yLabel: wrap(given.yLabel, 30).join('\n'),
  };
  const limits = CATEGORY_LIMITS[input.template] ?? {};
  for (const axis of ['x', 'y'] as const) {
    const limit = limits[axis];
    const field = input[axis];
    const count = limit === undefined ? 0 : new Set(input.points.map((p) => String(p[field]))).size;
    if (limit !== undefined && count > limit) {
      throw new UserError(
        `${axis} field '${field}' has ${count} different values; the ${input.template} template draws at most ${limit} categories (is it a number rather than a class?)`,
      );
    }
  }
  const body: SpecBody = (() => {
    switch (input.template) {
      case 'linear':
        return lineSpec(input, { endPoint: true, smooth: false });
      case 'simple':
        return lineSpec(input, { endPoint: false, smooth: false });
      case 'smooth':
        return lineSpec(input, { endPoint: true, smooth: true });
      case 'scatter':
        return scatterSpec(input);
      case 'scatter_jitter':
        return jitterSpec(input);
      case 'confusion':
      case 'confusion_normalized':
        return confusionSpec(input, input.template === 'confusion_normalized');
      case 'bar_horizontal':
      case 'bar_horizontal_sorted':
        return barSpec(input, input.template === 'bar_horizontal_sorted');
    }
  })();
  const { legendConfig, ...rest } = body;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: lines(input.title), ...(input.subtitle.length ? { subtitle: input.subtitle } : {}) },
    background: 'white',
    padding: 16,
    config: legendConfig ? { ...BASE_CONFIG, legend: { ...BASE_CONFIG.legend, ...legendConfig } } : BASE_CONFIG,
    ...rest,
  };
}

/**
 * The house style: readable at a PR comment's width, DejaVu text, light grid, no clipped labels. No ARIA attributes:
 * only the PNG is kept, and vega would format a description for every point of every line.
 */
const BASE_CONFIG = {
  aria: false,
  font: FONT,
  view: { stroke: '#d0d0d0' },
  axis: {
    labelFontSize: 12,
    titleFontSize: 13,
    titleFontWeight: 'bold',
    titlePadding: 10,
    labelColor: '#333333',
    titleColor: '#222222',
    gridColor: '#ececec',
    domainColor: '#9a9a9a',
    tickColor: '#9a9a9a',
    labelLimit: 220,
  },
  legend: { labelFontSize: 12, titleFontSize: 12, labelLimit: 320, symbolSize: 140, rowPadding: 6, columnPadding: 16 },
  title: { fontSize: 16, subtitleFontSize: 12, subtitleColor: '#8a5a00', anchor: 'start', offset: 12, subtitlePadding: 6 },
  header: { labelFontSize: 13, labelFontWeight: 'bold', titleFontSize: 13 },
};

/** A template's body, and the legend settings its legends need beyond the house style. */
type SpecBody = VegaLiteSpec & { legendConfig?: Record<string, unknown> };

/** Series names longer than this are shortened in the middle (vega estimates 9.6 px a character at 12 px)… */
const SERIES_LABEL_CHARS = 36;
/** …and revisions' (branch names) past this: there are only two, so each can take more room. */
const REVISION_LABEL_CHARS = 56;
/** Category labels on a bar chart's, a confusion matrix's or a jitter plot's axis: kept short so the chart keeps the width. */
const AXIS_LABEL_CHARS = 26;
const LEGEND_COLUMN_PADDING = 16;

type LegendSymbol = 'stroke' | 'circle' | 'square';

/** vega's width of a legend symbol of each kind, in px: a stroke is as wide as √size, a shape as its diameter. */
const SYMBOL_WIDTH: Record<LegendSymbol, number> = { stroke: Math.sqrt(500), circle: Math.sqrt(140), square: Math.sqrt(140) };

/**
 * How one legend lays out its entries: as many columns as fit in `budget`, so several long names stack into rows
 * instead of one row that widens the image far past the chart. Labels are the shortened ones.
 */
function legendLayout(labels: string[], max: number, symbol: LegendSymbol, budget: number): { columns: number; width: number; labelExpr?: string } {
  const short = shortLabels(labels, max);
  let longest = 0;
  for (const label of short.values()) longest = Math.max(longest, estimatedWidth(label));
  const entry = SYMBOL_WIDTH[symbol] + 6 + longest;
  const columns = Math.max(1, Math.min(labels.length, Math.floor((budget + LEGEND_COLUMN_PADDING) / (entry + LEGEND_COLUMN_PADDING))));
  return {
    columns,
    width: columns * entry + (columns - 1) * LEGEND_COLUMN_PADDING,
    ...(labels.some((l) => short.get(l) !== l) ? { labelExpr: labelExpr([...short].filter(([l, s]) => l !== s)) } : {}),
  };
}

/** vega's own estimate of a text's width when it has no canvas to measure with (vega-scenegraph: 0.8 em a character). */
function estimatedWidth(text: string, fontSize = 12): number {
  return Math.floor(0.8 * text.length * fontSize);
}

/**
 * The revision (colour) legend and, when the plot draws several files or fields, the series legend, each fitted to the
 * plot's width; the two share a row above the chart when they fit in it, and stack when they do not.
 */
function legends(
  input: SpecInput,
  width: number,
  symbol: LegendSymbol,
  seriesSymbol: LegendSymbol | null,
): { color: Record<string, unknown>; series: Record<string, unknown> | null; legendConfig?: Record<string, unknown> } {
  // vega's width estimate is a quarter above what DejaVu draws: legends a quarter wider than the plot look as wide.
  const budget = 1.25 * width;
  const revs = legendLayout(
    input.revs.map((r) => r.label),
    REVISION_LABEL_CHARS,
    symbol,
    budget,
  );
  const color = colorEncoding(input, symbol, revs);
  if (!seriesSymbol || !input.series.length) return { color, series: null };
  const series = legendLayout(input.series, SERIES_LABEL_CHARS, seriesSymbol, budget);
  const stacked = revs.width + 2 * LEGEND_COLUMN_PADDING + series.width > budget;
  return {
    color,
    series: seriesLegend('series', series, seriesSymbol === 'stroke'),
    ...(stacked ? { legendConfig: { layout: { top: { direction: 'vertical', anchor: 'start' } } } } : {}),
  };
}

function colorEncoding(input: SpecInput, symbol: LegendSymbol, layout: { columns: number; labelExpr?: string }): Record<string, unknown> {
  const lineSymbol = symbol === 'stroke' ? { symbolSize: 500, symbolStrokeWidth: 3 } : {};
  return {
    field: 'rev',
    type: 'nominal',
    // An explicit domain keeps base first and head second; a nominal scale would sort them alphabetically.
    scale: { domain: input.revs.map((r) => r.label), range: input.revs.map((r) => r.color) },
    legend: { title: 'revision', symbolType: symbol, symbolOpacity: 1, ...legendPlacement(layout), ...lineSymbol },
  };
}

function seriesLegend(channelTitle: string, layout: { columns: number; labelExpr?: string }, line: boolean): Record<string, unknown> {
  const lineSymbol = line ? { symbolType: 'stroke', symbolSize: 500, symbolStrokeWidth: 2.5 } : {};
  return { title: channelTitle, symbolStrokeColor: '#555555', symbolFillColor: 'transparent', ...legendPlacement(layout), ...lineSymbol };
}

/** Above the chart, in the columns that fit; labels already shortened to fit, so vega cuts none of its own. */
function legendPlacement(layout: { columns: number; labelExpr?: string }): Record<string, unknown> {
  return { orient: 'top', direction: 'horizontal', columns: layout.columns, labelLimit: 0, ...(layout.labelExpr ? { labelExpr: layout.labelExpr } : {}) };
}

/**
 * dvc-render's `smooth` template opens its smoothing slider at 0.001 (SmoothLinearTemplate's `smooth` param), where
 * vega's LOESS fits each point from its two nearest, so the curve DVC first shows is the data itself. An image has no
 * slider: it is drawn at DVC's opening value, so it looks as `dvc plots diff` and Studio first show it.
 */
const SMOOTH_BANDWIDTH = 0.001;

function lineSpec(input: SpecInput, opts: { endPoint: boolean; smooth: boolean }): SpecBody {
  // Steps and epochs are whole numbers: no ticks at 1.5 when a run has only a few.
  const whole = input.points.every((p) => Number.isInteger(p[input.x]));
  const x = {
    field: input.x,
    type: 'quantitative',
    title: lines(input.xLabel),
    scale: { zero: false, nice: false },
    axis: { tickCount: 8, ...(whole ? { tickMinStep: 1 } : {}) },
  };
  const y = { field: input.y, type: 'quantitative', title: lines(input.yLabel), scale: { zero: false } };
  const width = 640;
  const { color, series, legendConfig } = legends(input, width, 'stroke', 'stroke');
  const encoding: Record<string, unknown> = { x, y, color };
  if (series) {
    encoding.strokeDash = {
      field: 'series',
      type: 'nominal',
      scale: { domain: input.series, range: cycle(DASHES, input.series.length) },
      legend: series,
    };
  }
  // No `clip` and no `opacity` (stroke/fill opacities instead): the scales already span the data, and resvg
  // draws clip paths and group opacity through an extra full-size layer, several times slower.
  const layers: Record<string, unknown>[] = [];
  if (opts.smooth) {
    layers.push({ mark: { type: 'line', strokeWidth: 1.5, strokeOpacity: 0.25 } });
    layers.push({
      transform: [{ loess: input.y, on: input.x, groupby: ['rev', 'series'], bandwidth: SMOOTH_BANDWIDTH }],
      mark: { type: 'line', strokeWidth: 2.5 },
    });
  } else {
    layers.push({ mark: { type: 'line', strokeWidth: 2 } });
  }
  if (opts.endPoint) {
    // DVC marks each line's last point, where a training curve ends up.
    layers.push({
      mark: { type: 'circle', size: 60, opacity: 1 },
      encoding: {
        x: { ...x, aggregate: 'max' },
        y: { ...y, aggregate: { argmax: input.x } },
        strokeDash: null,
        ...(input.series.length ? { detail: { field: 'series', type: 'nominal' } } : {}),
      },
    });
  }
  return { width, height: 320, data: { values: input.points }, encoding, layer: layers, ...(legendConfig ? { legendConfig } : {}) };
}

function scatterSpec(input: SpecInput): SpecBody {
  const width = 520;
  const { color, series, legendConfig } = legends(input, width, 'circle', 'circle');
  const encoding: Record<string, unknown> = {
    x: { field: input.x, type: 'quantitative', title: lines(input.xLabel), scale: { zero: false } },
    y: { field: input.y, type: 'quantitative', title: lines(input.yLabel), scale: { zero: false } },
    color,
  };
  if (series) encoding.shape = seriesShapes(input.series, series);
  return {
    ...(legendConfig ? { legendConfig } : {}),
    width,
    height: 360,
    data: { values: input.points },
    mark: { type: 'point', filled: true, size: 40, fillOpacity: 0.7, strokeOpacity: 0 },
    encoding,
  };
}

/** One point shape per series (points of a scatter plot tell series apart by shape, revisions by colour). */
function seriesShapes(series: string[], legend: Record<string, unknown>): Record<string, unknown> {
  return { field: 'series', type: 'nominal', scale: { domain: series, range: cycle(SHAPES, series.length) }, legend };
}

/**
 * DVC's scatter_jitter spreads points inside each category with random offsets; here the offsets are
 * computed from the point's position so the image is the same on every run.
 */
function jitterSpec(input: SpecInput): SpecBody {
  const xCats = categories(input.points, input.x);
  const yCats = categories(input.points, input.y);
  const points = input.points.map((p, i) => ({
    ...p,
    [input.x]: String(p[input.x]),
    [input.y]: String(p[input.y]),
    jitter_x: jitter(i * 2),
    jitter_y: jitter(i * 2 + 1),
  }));
  const step = Math.max(36, Math.min(90, Math.floor(480 / Math.max(xCats.length, yCats.length))));
  const { color, series, legendConfig } = legends(input, Math.max(step * xCats.length, 320), 'circle', 'circle');
  const encoding: Record<string, unknown> = {
    x: {
      field: input.x,
      type: 'nominal',
      title: lines(input.xLabel),
      sort: xCats,
      axis: categoryAxis(xCats, { labelAngle: xCats.some((c) => c.length > 12) ? -40 : 0, grid: true, bandPosition: 0, ticks: false }),
    },
    y: { field: input.y, type: 'nominal', title: lines(input.yLabel), sort: yCats, axis: categoryAxis(yCats, { grid: true, bandPosition: 0, ticks: false }) },
    xOffset: { field: 'jitter_x', type: 'quantitative', scale: { domain: [-0.5, 0.5] } },
    yOffset: { field: 'jitter_y', type: 'quantitative', scale: { domain: [-0.5, 0.5] } },
    color,
  };
  if (series) encoding.shape = seriesShapes(input.series, series);
  return {
    ...(legendConfig ? { legendConfig } : {}),
    width: { step },
    height: { step },
    data: { values: points },
    mark: { type: 'point', filled: true, size: 28, fillOpacity: 0.6, strokeOpacity: 0 },
    encoding,
  };
}

/** A deterministic value in [-0.42, 0.42]: a hash of the index, spread like a uniform draw. */
function jitter(i: number): number {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 0) / 0xffffffff - 0.5) * 0.84;
}

/**
 * DVC's confusion matrices: one heatmap per revision side by side (facet column by `rev`), rows per file
 * when there are several. Counts are aggregated here, zero cells included, so both revisions show the same
 * classes in the same order and share one colour scale.
 */
function confusionSpec(input: SpecInput, normalized: boolean): VegaLiteSpec {
  const xCats = categories(input.points, input.x);
  const yCats = categories(input.points, input.y);
  const cells = confusionCells(input, xCats, yCats, normalized);
  const n = Math.max(xCats.length, yCats.length);
  const step = Math.max(22, Math.min(56, Math.floor(380 / n)));
  const showText = step >= 26;
  const value = normalized ? 'percent_of_y' : 'xy_count';
  const longestX = xCats.reduce((m, c) => Math.max(m, c.length), -Infinity);
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
      encoding: {
        color: {
          field: value,
          type: 'quantitative',
          title: normalized ? 'share' : 'count',
          scale: { scheme: 'blues', domainMin: 0, ...(normalized ? { domainMax: 1 } : { nice: true }) },
          legend: { gradientLength: Math.max(120, Math.min(step * n, 300)), format: normalized ? '.0%' : 'd' },
        },
      },
    },
  ];
  if (showText) {
    layers.push({
      // The stand-in cell of a missing file has no number to write.
      transform: [{ filter: `isValid(datum.${value})` }],
      mark: { type: 'text', fontSize: step >= 40 ? 13 : 11 },
      encoding: {
        text: { field: value, type: 'quantitative', format: normalized ? '.0%' : 'd' },
        color: { condition: { test: `datum.${value === 'xy_count' ? 'percent_of_max' : 'percent_of_y'} > 0.5`, value: 'white' }, value: '#1a1a1a' },
      },
    });
  }
  const facet: Record<string, unknown> = {
    column: {
      field: 'rev',
      type: 'nominal',
      sort: input.revs.map((r) => r.label),
      title: null,
      header: revisionHeader(
        step * xCats.length,
        input.revs.map((r) => r.label),
      ),
    },
  };
  if (input.series.length) facet.row = { field: 'series', type: 'nominal', sort: input.series, title: null, header: { labelAngle: 0, labelAlign: 'left' } };
  return {
    data: { values: cells },
    facet,
    spacing: 28,
    spec: {
      width: { step },
      height: { step },
      encoding: {
        x: { field: input.x, type: 'nominal', sort: xCats, title: lines(input.xLabel), axis: categoryAxis(xCats, { labelAngle: longestX > 3 ? -40 : 0 }) },
        y: { field: input.y, type: 'nominal', sort: yCats, title: lines(input.yLabel), axis: categoryAxis(yCats) },
      },
      layer: layers,
    },
    resolve: { scale: { color: 'shared' } },
  };
}

/**
 * An axis of category names (bars, confusion matrices, jitter): a static image has no tooltip to name a category
 * whose label vega cut at its end (two classes `category_home_kitchen_…` alike), so long names are cut by
 * shortLabels, keeping the part that tells them apart, and vega's own limit is off.
 */
function categoryAxis(cats: string[], axis: Record<string, unknown> = {}): Record<string, unknown> {
  const short = [...shortLabels(cats, AXIS_LABEL_CHARS)].filter(([c, l]) => c !== l);
  return { ...axis, labelLimit: 0, ...(short.length ? { labelExpr: labelExpr(short) } : {}) };
}

/**
 * Facet headers naming the revision: long branch names wrap onto lines the width of their matrix, broken after a
 * `/`, `-` or `_` (as the title is) rather than mid-word; each label's lines are computed here and picked by vega.
 */
function revisionHeader(width: number, labels: string[]): Record<string, unknown> {
  const k = Math.max(8, Math.floor(width / 9.5));
  const wrapped = Object.fromEntries(labels.map((l) => [l, wrap(l, k)]));
  return {
    labelFontSize: 14,
    labelPadding: 8,
    // vega estimates text widths generously (no canvas); the lines are already cut to fit.
    labelLimit: 0,
    labelExpr: labelExpr(Object.entries(wrapped)),
  };
}

/** A vega expression showing each listed value as its own label (a text, or lines), and any other value as it is. */
function labelExpr(labels: [value: string, label: string | string[]][]): string {
  // datum.value is the field's raw value; vega-lite splices datum.label in as an unparenthesised expression.
  return labels.reduceRight((rest, [value, label]) => `(datum.value === ${JSON.stringify(value)}) ? ${JSON.stringify(label)} : (${rest})`, '(datum.label)');
}

/**
 * Labels of at most `max` characters, each long one cut in its middle with the part that tells it from the others
 * kept: where names part ways near the start (`tfidf_feature_token_2…xxx` beside `tfidf_feature_token_20…xxx`) the
 * front is kept up to there, where they part near the end (`eval/validati…percentile_95`) the back. A label no cut
 * keeps apart stays whole: a longer label is better than two alike. Pure.
 */
export function shortLabels(values: string[], max: number): Map<string, string> {
  const out = new Map<string, string>();
  const keep = max - 1;
  const middle = Math.ceil(keep / 2);
  for (const value of values) {
    if (value.length <= max) {
      out.set(value, value);
      continue;
    }
    // [shared start, shared end] with each other label: a front of a or a back of b tells them apart past these.
    const shared = values.filter((o) => o !== value).map((o) => [commonLength(value, o, 1), commonLength(value, o, -1)] as const);
    let front = 0;
    let back = 0;
    for (const [f, b] of shared) [front, back] = [Math.max(front, f), Math.max(back, b)];
    const apart = (a: number) => a >= 0 && a <= keep && shared.every(([f, b]) => a > f || keep - a > b);
    // The front alone, else the back alone, else the split nearest the middle that keeps both halves apart.
    let a: number | null = front < keep ? Math.max(middle, front + 1) : back < keep ? Math.min(middle, keep - back - 1) : null;
    for (let d = 0; a === null && d <= keep; d++) a = [middle + d, middle - d].find(apart) ?? null;
    out.set(value, a === null ? value : `${value.slice(0, a)}…${value.slice(value.length - (keep - a))}`);
  }
  const uses = new Map<string, number>();
  for (const label of out.values()) uses.set(label, (uses.get(label) ?? 0) + 1);
  for (const [value, label] of out) if (uses.get(label)! > 1) out.set(value, value);
  return out;
}

/** How many characters two texts share at their start (`dir` 1) or their end (-1). */
function commonLength(a: string, b: string, dir: 1 | -1): number {
  let n = 0;
  const at = (s: string, i: number) => (dir === 1 ? s[i] : s[s.length - 1 - i]);
  while (n < a.length && n < b.length && at(a, n) === at(b, n)) n++;
  return n;
}

function confusionCells(input: SpecInput, xCats: string[], yCats: string[], normalized: boolean): Datapoint[] {
  const cells: Datapoint[] = [];
  const groups = new Map<string, Datapoint[]>();
  for (const p of input.points) {
    const key = JSON.stringify([p.rev, p.series]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(p);
  }
  for (const group of groups.values()) {
    const counts = new Map<string, number>();
    for (const p of group) {
      const k = `${String(p[input.x])}\0${String(p[input.y])}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    let max = -Infinity;
    for (const n of counts.values()) max = Math.max(max, n);
    const rowSums = new Map<string, number>();
    for (const yv of yCats)
      rowSums.set(
        yv,
        xCats.reduce((s, xv) => s + (counts.get(`${xv}\0${yv}`) ?? 0), 0),
      );
    for (const xv of xCats) {
      for (const yv of yCats) {
        const count = counts.get(`${xv}\0${yv}`) ?? 0;
        const sumY = rowSums.get(yv) ?? 0;
        cells.push({
          rev: group[0]!.rev,
          series: group[0]!.series,
          [input.x]: xv,
          [input.y]: yv,
          xy_count: count,
          percent_of_max: max ? count / max : 0,
          ...(normalized ? { percent_of_y: sumY ? count / sumY : 0 } : {}),
        });
      }
    }
  }
  // A revision without one of the files (a split the pull request removed) still needs its cell in the grid: vega
  // lays facets out one after another, so a missing one would move the next matrix under another file's name. The
  // stand-in has no count, and vega-lite leaves a mark with no value undrawn.
  const drawn = new Set(input.points.map((p) => JSON.stringify(input.series.length ? [p.rev, p.series] : [p.rev])));
  for (const rev of input.revs) {
    for (const series of input.series.length ? input.series : [null]) {
      if (drawn.has(JSON.stringify(series === null ? [rev.label] : [rev.label, series]))) continue;
      const none = { xy_count: null, percent_of_max: null, ...(normalized ? { percent_of_y: null } : {}) };
      cells.push({ rev: rev.label, ...(series === null ? {} : { series }), [input.x]: xCats[0], [input.y]: yCats[0], ...none });
    }
  }
  return cells;
}

function barSpec(input: SpecInput, sorted: boolean): VegaLiteSpec {
  const cats = categories(input.points, input.y);
  const width = 560;
  const encoding: Record<string, unknown> = {
    x: { field: input.x, type: 'quantitative', title: lines(input.xLabel) },
    y: {
      field: input.y,
      type: 'nominal',
      title: lines(input.yLabel),
      sort: sorted ? '-x' : cats,
      axis: categoryAxis(cats),
    },
    yOffset: { field: 'rev', type: 'nominal', sort: input.revs.map((r) => r.label) },
    color: legends(input, width, 'square', null).color,
  };
  const bandStep = input.revs.length > 1 ? 40 : 26;
  const spec: VegaLiteSpec = {
    width,
    height: { step: bandStep, for: 'position' },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding,
  };
  const values = input.points.map((p) => ({ ...p, [input.y]: String(p[input.y]) }));
  if (!input.series.length) return { data: { values }, ...spec };
  return { data: { values }, facet: { row: { field: 'series', type: 'nominal', sort: input.series, title: null } }, spec };
}

/** Splits text into lines of at most `max` characters, at spaces or after `/`, `-`, `_` where it can. */
export function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const space = window.lastIndexOf(' ');
    const mark = Math.max(window.lastIndexOf('/'), window.lastIndexOf('-'), window.lastIndexOf('_'));
    const cut = space > max / 2 ? space : mark > max / 2 ? mark + 1 : max;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  out.push(rest);
  return out;
}

/** One line as a string, several as the array vega draws as lines. */
function lines(text: string): string | string[] {
  return text.includes('\n') ? text.split('\n') : text;
}

/** The distinct values of a field as text, numerically ordered when they are all numbers. */
function categories(points: Datapoint[], field: string): string[] {
  const values = [...new Set(points.map((p) => String(p[field])))];
  const numeric = values.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
  return numeric ? values.sort((a, b) => Number(a) - Number(b)) : values.sort();
}

function cycle<T>(values: T[], n: number): T[] {
  return Array.from({ length: n }, (_, i) => values[i % values.length]!);
}
