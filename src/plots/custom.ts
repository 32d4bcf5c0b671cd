import { UserError } from '../util/errors';
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
    throw new UserError(`${path}: invalid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(template)) throw new UserError(`${path}: a Vega-Lite template must be a JSON object.`);
  if (!text.includes('<DVC_METRIC_DATA>')) {
    throw new UserError(`${path}: the template does not use the '<DVC_METRIC_DATA>' anchor, so it cannot show the plot's data.`);
  }
  assertNoUrls(path, template, '');
  assertKnownMarks(path, template, '');
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

/** Any `url` in the spec (data, images, geo): mlreport renders the plot's own data and never fetches. */
function assertNoUrls(path: string, value: unknown, at: string): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertNoUrls(path, v, `${at}[${i}]`));
    return;
  }
  if (!isRecord(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const key = at ? `${at}.${k}` : k;
    if ((k === 'url' || k === 'href') && typeof v === 'string') {
      throw new UserError(`${path}: \`${key}\` asks for data from ${JSON.stringify(v)}; refused: plots only show their own data files, nothing is fetched.`);
    }
    assertNoUrls(path, v, key);
  }
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
