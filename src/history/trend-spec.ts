import { FONT, wrap, type VegaLiteSpec } from '../plots/spec';
import type { TrendEntry } from '../report/types';
import { axisLabels, trendBand, headAxisLabel } from './trends';
import type { HistorySection } from './types';

const BASE_COLOR = '#1f6feb';
const HEAD_COLOR = '#e16f24';
const BAND_COLOR = '#2da44e';

/**
 * The trend as a Vega-Lite spec for the PNG renderer: the base values oldest first (x: their short SHAs), the band
 * mean ± k·std shaded with the mean dashed, and the head's value as the last point, a larger orange diamond past a
 * dashed step, so it cannot be taken for one more base commit. Pure.
 */
export function trendSpec(entry: TrendEntry, metric: HistorySection['metrics'][number], headLabel: string): VegaLiteSpec {
  const labels = axisLabels(metric.points.map((p) => p.commit));
  const head = metric.head === null ? null : headAxisLabel(headLabel, labels);
  const x = {
    field: 'x',
    type: 'ordinal',
    title: null,
    scale: { domain: [...labels, ...(head ? [head] : [])] },
    axis: { labelAngle: -40, labelOverlap: 'greedy' },
  };
  const xy = { x, y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false, padding: 8 } } };
  const base = metric.points.map((p, i) => ({ x: labels[i], value: p.value }));
  const range = trendBand(metric.stats, entry.k);
  const layers: VegaLiteSpec[] = [];
  if (range && metric.stats) {
    layers.push(
      {
        data: { values: [range] },
        mark: { type: 'rect', color: BAND_COLOR, opacity: 0.14 },
        encoding: { y: { field: 'low', type: 'quantitative', scale: { zero: false, padding: 8 } }, y2: { field: 'high' } },
      },
      {
        data: { values: [{ mean: metric.stats.mean }] },
        mark: { type: 'rule', color: BAND_COLOR, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { y: { field: 'mean', type: 'quantitative', scale: { zero: false, padding: 8 } } },
      },
    );
  }
  layers.push({
    data: { values: base },
    mark: { type: 'line', color: BASE_COLOR, strokeWidth: 2, point: { filled: true, size: 45, color: BASE_COLOR } },
    encoding: xy,
  });
  if (head !== null && metric.head !== null) {
    const last = base.at(-1);
    if (last)
      layers.push({
        data: { values: [last, { x: head, value: metric.head }] },
        mark: { type: 'line', color: HEAD_COLOR, strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: xy,
      });
    layers.push({
      data: { values: [{ x: head, value: metric.head }] },
      mark: { type: 'point', shape: 'diamond', filled: true, size: 170, opacity: 1, color: HEAD_COLOR },
      encoding: xy,
    });
  }
  const subtitle = [
    `${metric.points.length} base commit${metric.points.length === 1 ? '' : 's'}, oldest first${head ? `; ◆ ${head}` : ''}`,
    range ? `band: ${entry.k === null ? 'min–max' : `mean ± ${entry.k}·std`} (${bandWhose(entry)})` : 'no band: fewer than 3 base values',
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: wrap(entry.key, 56), subtitle: [...wrap(entry.file, 72), ...subtitle] },
    background: 'white',
    padding: 12,
    width: 420,
    height: 150,
    config: {
      font: FONT,
      view: { stroke: '#d0d0d0' },
      axis: {
        labelFontSize: 11,
        titleFontSize: 12,
        labelColor: '#333333',
        titleColor: '#222222',
        gridColor: '#ececec',
        domainColor: '#9a9a9a',
        tickColor: '#9a9a9a',
      },
      title: { fontSize: 14, subtitleFontSize: 11, subtitleColor: '#555555', anchor: 'start', offset: 10 },
    },
    layer: layers,
  };
}

/** Whose band the chart draws: the rule's (its threshold an edge of it), the noise beside a rule's threshold, or the default. */
function bandWhose(entry: Pick<TrendEntry, 'rule' | 'thresholdEdge'>): string {
  if (!entry.rule) return 'default';
  return entry.thresholdEdge ? 'the rule’s' : 'noise only: the rule’s threshold is not on it';
}
