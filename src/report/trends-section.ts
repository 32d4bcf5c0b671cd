import { trendBand, standingText } from '../history/trends';
import { formatApart, formatNumber, groupDigits } from '../util/numbers';
import { metricDirections } from './directions';
import { code, escapeCell, escapeCellKeepingCode, htmlCode } from './escape';
import type { ImageResolver } from './images';
import { trendChart } from './mermaid';
import type { HistorySection } from '../history/types';
import type { GateSummary, ReportData, TrendEntry } from './types';

type HistoryMetric = HistorySection['metrics'][number];

/** Each standing as the section's first line counts it. */
const SUMMARY_TEXT: Record<TrendEntry['standing'], string> = {
  beyond: 'beyond noise',
  within: 'within noise',
  'not-enough': 'without enough history',
  'no-value': 'without a value at the head',
};
/** Past this many trends the charts are folded into a `<details>` block; the table stays open. */
const OPEN_TRENDS = 4;
/** The history's notes shown under the table (why a metric has no history there, say); report.json keeps them all. */
const SHOWN_NOTES = 5;

/**
 * The "Trends" section: how many metrics stand beyond or within the base branch's noise, one table row per metric
 * (the latest base value, mean ± std and n, the band, the head's value and where it stands), then each chart as the
 * target can show it: the hosted PNG, else a Mermaid chart, else where the PNG is. Charts of more than OPEN_TRENDS
 * metrics are folded. Null when the report has no trends. Pure.
 */
export function trendsSection(report: Pick<ReportData, 'history' | 'trends' | 'head' | 'gates' | 'directions'>, images: ImageResolver): string | null {
  const history = report.history;
  if (!history || !report.trends.length) return null;
  const direction = metricDirections(report);
  const rows: string[] = [];
  const charts: string[] = [];
  const counts = new Map<TrendEntry['standing'], number>();
  // Within noise while a rule on the metric broke: counted there, and said, as its row says it (never a plain green).
  let withinButBroke = 0;
  for (const trend of report.trends) {
    const metric = history.metrics.find((m) => m.file === trend.file && m.key === trend.key);
    if (!metric) continue;
    counts.set(trend.standing, (counts.get(trend.standing) ?? 0) + 1);
    if (trend.standing === 'within' && rulesOn(trend, report.gates).some((r) => r.status === 'failed')) withinButBroke++;
    const latest = metric.points.at(-1);
    const range = trendBand(metric.stats, trend.k);
    const stats = metric.stats;
    rows.push(
      `| ${[
        escapeCell(trend.file),
        escapeCell(trend.key),
        latest ? `${formatNumber(latest.value)} (${code(latest.commit.slice(0, 7))})` : '-',
        stats ? `${formatNumber(stats.mean)} ± ${formatNumber(stats.std)} (${stats.n})` : `- (${metric.points.length})`,
        bandCell(trend, range, [metric.head]),
        metric.head === null ? '-' : apartFromBand(range, [metric.head])[0]!,
        trendVerdict(trend, metric, range, direction(trend.file, trend.key), report.gates),
      ].join(' | ')} |`,
    );
    const title = `${escapeCell(trend.key)} (${escapeCell(trend.file)})`;
    const url = trend.image ? images.url(trend.image) : null;
    const chart = url ? `![Trend of ${title}](${url})` : images.charts ? trendChart(trend, metric, report.head.label) : null;
    if (chart) charts.push(chart);
    else if (trend.image) charts.push(`_Trend of ${title}: PNG ${code(trend.image)} in ${images.where}._`);
    if (trend.error) charts.push(`_${escapeCellKeepingCode(trend.error)}_`);
  }
  if (!rows.length) return null;
  const order: TrendEntry['standing'][] = ['beyond', 'within', 'not-enough', 'no-value'];
  // `1 metric beyond noise, 4 within noise, 2 without enough history`: the first count names what is counted.
  const summary = order
    .flatMap((s) => {
      const n = counts.get(s);
      if (!n) return [];
      const broke = s === 'within' && withinButBroke ? ` (${groupDigits(withinButBroke)} of them with a rule that broke)` : '';
      return [{ n, text: `${SUMMARY_TEXT[s]}${broke}` }];
    })
    .map(({ n, text }, i) => `${groupDigits(n)} ${i ? '' : n === 1 ? 'metric ' : 'metrics '}${text}`)
    .join(', ');
  const lines = [
    '### Trends',
    '',
    `Against the runs in ${commitsRead(history)}: ${summary}. ${bandSentence(report.trends)}`,
    '',
    `| Path | Metric | Latest base | Mean ± std (n) | Band | ${escapeCell(report.head.label)} | Against the noise |`,
    '|---|---|---|---|---|---|---|',
    ...rows,
  ];
  // Why a row has too few values is the first thing its reader asks: a file not in git (DVC-cached), a shallow clone.
  if (history.notes.length) {
    const more = history.notes.length - SHOWN_NOTES;
    lines.push('');
    for (const note of history.notes.slice(0, SHOWN_NOTES)) lines.push(`- ${escapeCellKeepingCode(note)}`);
    if (more > 0) lines.push(`- _… and ${groupDigits(more)} more notes: report.json has them all._`);
  }
  if (charts.length && rows.length > OPEN_TRENDS)
    lines.push('', `<details><summary>Trend charts of ${rows.length} metrics</summary>`, '', charts.join('\n\n'), '', '</details>');
  else if (charts.length) lines.push('', charts.join('\n\n'));
  return lines.join('\n');
}

/** How the bands were chosen, for the line above a trends table. */
export function bandSentence(trends: Pick<TrendEntry, 'k'>[]): string {
  const range = trends.some((t) => t.k === null) ? '; where the rule is on `history.min`/`history.max` alone, their min–max range, as the gate judged' : '';
  return `The band is their mean ± k·std: k is the gate rule’s (its multiplier of \`history.std\`, 3 for a rule without one; “the rule’s” where the rule’s threshold is an edge of the band), else 2${range}.`;
}

/**
 * `0.8524 to 0.8706 (±3·std, the rule’s)`; `-` without a band. `heads`: the values shown beside it, from which its
 * edges get the digits that tell them apart (`0.79095 to 0.8091` beside `0.7909`).
 */
export function bandCell(
  trend: Pick<TrendEntry, 'k' | 'thresholdEdge'>,
  range: { low: number; high: number } | null,
  heads: readonly (number | null)[] = [],
): string {
  if (!range) return '-';
  const [low, high] = formatApart([range.low, range.high, ...heads.filter((h): h is number => h !== null)]);
  return `${low} to ${high} (${trend.k === null ? 'min–max' : `±${formatNumber(trend.k)}·std`}${trend.thresholdEdge ? ', the rule’s' : ''})`;
}

/** The values beside a band (non-null), with the digits bandCell gives its edges, so that the two never print alike. */
function apartFromBand(range: { low: number; high: number } | null, heads: readonly number[]): string[] {
  return range ? formatApart([range.low, range.high, ...heads]).slice(2) : heads.map((h) => formatNumber(h));
}

/**
 * The commits the values come from: `the last 20 first-parent commits of \`main\``; fewer than asked, how many were
 * read and why (`the last 6 … (all it has; 20 asked)`, or a history cut short that the notes explain). A report.json
 * from a version that did not record how many were read says `up to` the number asked.
 */
export function commitsRead(history: HistorySection): string {
  const branch = code(history.branch);
  const commits = (n: number): string => `${groupDigits(n)} first-parent commit${n === 1 ? '' : 's'}`;
  const { depth, read } = history;
  if (read === undefined) return `up to the last ${commits(depth)} of ${branch}`;
  if (read >= depth) return `the last ${commits(depth)} of ${branch}`;
  const why = history.wholeBranch ? `all it has; ${groupDigits(depth)} asked` : `${groupDigits(depth)} asked; see the notes below`;
  return `the last ${commits(read)} of ${branch} (${why})`;
}

/** The gate's rules on a trend's metric. */
function rulesOn(trend: Pick<TrendEntry, 'file' | 'key'>, gates: GateSummary | null): GateSummary['rules'] {
  return (gates?.rules ?? []).filter((r) => r.metric?.file === trend.file && r.metric.key === trend.key);
}

/**
 * `❗ beyond noise (above the band, better)`, `✅ within noise`, `not enough history (2 of 3 values)`. Beside the gate
 * (`gates`: the run's, or a configuration's): within noise where a rule on the metric broke says so and is not green;
 * beyond noise where the band's rule, whose threshold is not on the band, held says that too.
 */
export function trendVerdict(
  trend: Pick<TrendEntry, 'standing' | 'file' | 'key' | 'rule' | 'thresholdEdge'>,
  metric: HistoryMetric,
  range: { low: number; high: number } | null,
  better: 'higher' | 'lower' | undefined,
  gates: GateSummary | null = null,
): string {
  const head = metric.head;
  const rules = rulesOn(trend, gates);
  if (trend.standing === 'within') {
    const broke = rules.filter((r) => r.status === 'failed').map((r) => htmlCode(r.level === 'warn' ? `warn: ${r.rule}` : r.rule));
    if (!broke.length) return `✅ ${standingText('within')}`;
    return `${standingText('within')}, but ${broke.length === 1 ? 'the rule' : 'the rules'} ${broke.join(', ')} broke`;
  }
  if (trend.standing === 'not-enough') return `${standingText('not-enough')} (${metric.points.length} of 3 values)`;
  if (trend.standing !== 'beyond' || head === null || !range) return standingText(trend.standing);
  const above = head > range.high;
  const effect = better ? ((better === 'higher') === above ? ', better' : ', worse') : '';
  const held =
    trend.rule && !trend.thresholdEdge && rules.some((r) => r.rule === trend.rule && r.status === 'passed') ? `, but ${htmlCode(trend.rule)} held` : '';
  return `❗ **${standingText('beyond')}** (${above ? 'above' : 'below'} the band${effect})${held}`;
}
