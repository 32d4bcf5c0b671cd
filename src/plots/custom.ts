import { lineColumn } from '../dvc/formats/json';
import { UserError } from '../util/errors';
import { PLOT_BOUNDS, PlotBoundError } from './bounds';
import type { Datapoint } from './types';
import type { VegaLiteSpec } from './spec';

/** What DVC fills into a custom template's `<DVC_METRIC_*>` anchors (dvc-render vega.py). */
export interface AnchorValues {
  data: Datapoint[];
  x: string;
  y: string;
  title: string;
  xLabel: string;
  yLabel: string;
  revs: { label: string; color: string }[];
  multi: boolean;
}

const ANCHOR = /<DVC_METRIC_([A-Z_]+)>/g;
/** What a Vega-Lite spec draws; without one, vega-lite's error quotes the whole spec, every data row with it. */
const VIEWS = ['mark', 'layer', 'facet', 'hconcat', 'vconcat', 'concat', 'repeat'];

/** V8's JSON.parse message said as the other readers say theirs: `file:line:column`, not `at position 27`. */
function jsonProblem(path: string, text: string, message: string): string {
  const at = /\s*in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  // A file that ends too early is told without a position: it is the end of the text.
  if (!at && /end of JSON input/.test(message)) {
    const { line, column } = lineColumn(text, text.length);
    return `${path}:${line}:${column}: invalid JSON: the file ends before the JSON does`;
  }
  if (!at) return `${path}: invalid JSON: ${message}`;
  const { line, column } = lineColumn(text, Number(at[1]));
  return `${path}:${line}:${column}: invalid JSON: ${message.replace(at[0], '')}`;
}

/**
 * Fills a custom Vega-Lite template the way DVC does: a string that is exactly an anchor becomes the value
 * (any JSON type), an anchor inside a longer string is replaced by text, anchors DVC leaves unused become
 * `{}`. Refuses specs that would load data from anywhere but the plot's own files. Pure.
 */
export function fillCustomTemplate(path: string, text: string, values: AnchorValues): VegaLiteSpec {
  let template: unknown;
  try {
    template = JSON.parse(text);
  } catch (error) {
    throw new UserError(jsonProblem(path, text, (error as Error).message));
  }
  if (!isRecord(template)) throw new UserError(`${path}: a Vega-Lite template must be a JSON object.`);
  if (!text.includes('<DVC_METRIC_DATA>')) {
    throw new UserError(`${path}: the template does not use the '<DVC_METRIC_DATA>' anchor, so it cannot show the plot's data.`);
  }
  if (!VIEWS.some((k) => k in template)) {
    const list = VIEWS.map((k) => `\`${k}\``);
    throw new UserError(`${path}: a Vega-Lite template needs one of ${list.slice(0, -1).join(', ')} or ${list.at(-1)} at its top level, to say what to draw.`);
  }
  assertNoUrls(path, template, '');
  assertKnownMarks(path, template, '');
  assertBounded(path, template, '');
  if (values.data.length > PLOT_BOUNDS.customPoints) {
    throw new PlotBoundError(
      `${values.data.length.toLocaleString('en-US')} rows are more than the ${PLOT_BOUNDS.customPoints.toLocaleString('en-US')} a custom template is given; not drawn`,
    );
  }
  const fills = anchorFills(values);
  return fill(template, fills) as VegaLiteSpec;
}

function anchorFills(v: AnchorValues): Record<string, unknown> {
  const escape = (field: string) => field.replace(/([.[\]])/g, '\\$1');
  const groupBy = v.multi ? ['rev', 'series'] : ['rev'];
  return {
    DATA: v.data,
    X: escape(v.x),
    Y: escape(v.y),
    TITLE: v.title,
    X_LABEL: v.xLabel,
    Y_LABEL: v.yLabel,
    COLOR: { field: 'rev', scale: { domain: v.revs.map((r) => r.label), range: v.revs.map((r) => r.color) } },
    TOOLTIP: [{ field: 'rev' }, { field: v.x }, { field: v.y }],
    ZOOM_AND_PAN: { name: 'grid', select: 'interval', bind: 'scales' },
    PLOT_WIDTH: 300,
    PLOT_HEIGHT: 300,
    GROUP_BY: groupBy,
    GROUP_BY_X: [...groupBy, v.x],
    GROUP_BY_Y: [...groupBy, v.y],
    PIVOT_FIELD: v.multi ? "datum.rev + '::' + datum.series" : 'datum.rev',
  };
}

function fill(value: unknown, fills: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^<DVC_METRIC_([A-Z_]+)>$/.exec(value);
    if (whole) return whole[1]! in fills ? fills[whole[1]!] : {};
    return value.replace(ANCHOR, (m, name: string) => {
      const f = fills[name];
      return typeof f === 'string' || typeof f === 'number' ? String(f) : m;
    });
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, fills));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, fills)]));
  return value;
}

/**
 * Any `url` or `href` in the spec (data, images, geo, the `url` and `href` encoding channels): mlreport renders
 * the plot's own data, never fetches, and draws no links.
 */
function assertNoUrls(path: string, value: unknown, at: string): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertNoUrls(path, v, `${at}[${i}]`));
    return;
  }
  if (!isRecord(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const key = at ? `${at}.${k}` : k;
    if (k === 'url' || k === 'href') {
      const what = typeof v === 'string' ? `asks for data from ${JSON.stringify(v)}` : 'links marks to URLs or loads images from them';
      throw new UserError(`${path}: \`${key}\` ${what}; refused: plots only show their own data files, nothing is fetched or linked.`);
    }
    assertNoUrls(path, v, key);
  }
}

/** Parameters that make rows or pixels out of nothing: data generators, imputed key ranges, density steps, canvas size. */
function assertBounded(path: string, value: unknown, at: string): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertBounded(path, v, `${at}[${i}]`));
    return;
  }
  if (!isRecord(value)) return;
  const over = (what: string): never => {
    throw new PlotBoundError(`${path}: ${at ? `\`${at}\`` : 'the template'} ${what}; not drawn`);
  };
  for (const range of ['sequence', 'keyvals']) {
    const r = value[range];
    if (!isRecord(r)) continue;
    const { start = 0, stop, step = 1 } = r;
    const count = typeof start === 'number' && typeof stop === 'number' && typeof step === 'number' && step !== 0 ? (stop - start) / step : Infinity;
    if (!(count <= PLOT_BOUNDS.customPoints))
      over(
        `generates ${Number.isFinite(count) ? count.toLocaleString('en-US') : 'unbounded'} rows with \`${range}\`, over ${PLOT_BOUNDS.customPoints.toLocaleString('en-US')}`,
      );
  }
  for (const steps of ['steps', 'minsteps', 'maxsteps']) {
    const n = value[steps];
    if (typeof n === 'number' && !(n <= PLOT_BOUNDS.customPoints)) over(`asks for ${n} \`${steps}\`, over ${PLOT_BOUNDS.customPoints.toLocaleString('en-US')}`);
  }
  for (const side of ['width', 'height']) {
    const n = value[side];
    if (typeof n === 'number' && !(n <= PLOT_BOUNDS.templateSide))
      over(`is ${n} px ${side === 'width' ? 'wide' : 'high'}, over ${PLOT_BOUNDS.templateSide.toLocaleString('en-US')}`);
  }
  for (const [k, v] of Object.entries(value)) assertBounded(path, v, at ? `${at}.${k}` : k);
}

const MARKS = [
  'arc',
  'area',
  'bar',
  'image',
  'line',
  'point',
  'rect',
  'rule',
  'text',
  'tick',
  'trail',
  'circle',
  'square',
  'geoshape',
  'boxplot',
  'errorband',
  'errorbar',
];

/** vega-lite answers an unknown mark with a TypeError from deep inside; say what is wrong instead. */
function assertKnownMarks(path: string, value: unknown, at: string): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertKnownMarks(path, v, `${at}[${i}]`));
    return;
  }
  if (!isRecord(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const key = at ? `${at}.${k}` : k;
    if (k === 'mark') {
      const type = isRecord(v) ? v.type : v;
      if (typeof type !== 'string' || !MARKS.includes(type)) {
        throw new UserError(`${path}: \`${key}\` is ${JSON.stringify(type)}, not a Vega-Lite mark (${MARKS.join(', ')}).`);
      }
      continue;
    }
    assertKnownMarks(path, v, key);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
