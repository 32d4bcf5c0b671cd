import { brokenRules } from '../gate/summary';
import { code, escapeCell, escapeCellKeepingCode } from '../report/escape';
import { mermaidChart } from '../report/mermaid';
import { bandCell, bandSentence, commitsRead, trendVerdict } from '../report/trends-section';
import { trendBand } from '../history/trends';
import { formatNumber } from '../util/numbers';
import { displayValue } from '../values/pyformat';
import type { GateSummary } from '../report/types';
import type { Leaf } from '../values/types';
import type { AggregateReport, Configuration, FailedRun, MetricColumn, MetricStats } from './types';
import { configurationCount, withoutRuns } from './unrun';

/** What a target needs besides the data: its marker line, its size limit, and where the full table is. */
export interface AggregateRenderOptions {
  /** Lines before the report (a comment's own marker). */
  header?: string;
  limit?: number;
  /** How the target counts its limit: characters (comments, check runs) or UTF-8 bytes (the job summary). */
  measure?: (text: string) => number;
  /** Where the whole table can be read, for the note of a folded comment. */
  fullReport?: string;
}

/** Metric columns a folded table keeps beside the ranking metric: the ones the rules gate on, up to this many. */
const FOLDED_METRICS = 8;
/** Configurations a folded table keeps before any failed job: the best ones, which the verdict and Best line name. */
const FIRST_CONFIGURATIONS = 5;
/** Jobs a folded table names in one row of jobs that failed alike; the row counts the others. */
const NAMED_PER_ROW = 3;

/**
 * A failed row: one job, or (folded) the jobs that failed for the same reason, of one configuration or of many.
 * `params` holds the row's cells under the varying params; null when no job of the row said its params.
 */
interface FailedRow {
  runs: string[];
  reason: string;
  params: string[] | null;
}

/**
 * The sweep's comparison as markdown: the gates' verdict, the best configuration, one table row per configuration
 * (mean ± sample std, n) under the base's values, failed jobs as failed rows, then the constant params. Within
 * `limit`, drawn whole; beyond it, folded: the ranking and gated metrics only, the best configurations first (up to
 * FIRST_CONFIGURATIONS), then the failed jobs, those that failed for the same reason in one row, then more
 * configurations as many as fit, and a note saying where the full table is. Pure.
 */
export function aggregateMarkdown(report: AggregateReport, options: AggregateRenderOptions = {}): { body: string; folded: boolean } {
  const measure = options.measure ?? ((text: string) => text.length);
  const eachJob = report.failedRuns.map((f) => ({ runs: [f.run], reason: f.reason, params: f.params?.map(paramCell) ?? null }));
  const whole = draw(
    report,
    options,
    report.metrics.map((_, j) => j),
    report.configurations.length,
    null,
    eachJob,
  );
  if (options.limit === undefined || measure(whole) <= options.limit) return { body: whole, folded: false };
  const kept = foldedColumns(report);
  const unit = options.measure ? 'bytes' : 'characters';
  // Counted as the headline counts them: a configuration whose every job failed is one, shown by its failed jobs.
  const unrun = withoutRuns(report.configurations, report.failedRuns).length;
  const unrunNote = unrun ? `; ${unrun} had no successful run and show as failed jobs` : '';
  const note = (rows: number) =>
    `> [!NOTE]\n> This comparison is longer than ${options.limit!.toLocaleString('en-US')} ${unit}: it shows ${rows} of ${configurationCount(report)} configurations (best first${unrunNote}) and ${kept.length} of ${report.metrics.length} metrics (ranked and gated). The full table is in ${options.fullReport ?? 'the job summary and in report.md in the workflow artifact'}.`;
  // Hundreds of jobs failing alike (a quota, a broken runner) must not take the room of every configuration: in a
  // matrix each job is a configuration of its own (seeds aside), so the jobs group by their reason alone.
  const failed = groupedFailures(report.failedRuns, report.varying.length);
  const fits = (rows: number, failedRows: number) => measure(draw(report, options, kept, rows, note(rows), failed.slice(0, failedRows))) <= options.limit!;
  const total = report.configurations.length;
  const first = largest(Math.min(total, FIRST_CONFIGURATIONS), (n) => fits(n, 0));
  const failedRows = largest(failed.length, (n) => fits(first, n));
  const rows = first + largest(total - first, (n) => fits(first + n, failedRows));
  return { body: draw(report, options, kept, rows, note(rows), failed.slice(0, failedRows)), folded: true };
}

/**
 * Failed jobs with the same reason as one row, in the order they came, whatever their configurations. A param cell
 * shows the value its jobs share, or how many values they had (`400 values`); blank where no job said it.
 */
function groupedFailures(failedRuns: FailedRun[], varying: number): FailedRow[] {
  const groups = new Map<string, FailedRun[]>();
  for (const f of failedRuns) groups.set(f.reason, [...(groups.get(f.reason) ?? []), f]);
  return [...groups.values()].map((jobs) => {
    const known = jobs.flatMap((f) => (f.params ? [f.params] : []));
    const params = known.length
      ? Array.from({ length: varying }, (_, i) => {
          const cells = new Set(known.map((p) => paramCell(p[i] ?? null)));
          if (cells.size > 1) return `${cells.size} values`;
          return known.length === jobs.length ? [...cells][0]! : '';
        })
      : null;
    return { runs: jobs.map((f) => f.run), reason: jobs[0]!.reason, params };
  });
}

function paramCell(v: Leaf | null): string {
  return v === null ? '-' : escapeCell(displayValue(v, null));
}

/** The largest n in 0..max for which `ok(n)` holds (it holds for every smaller n too); 0 when none does. */
function largest(max: number, ok: (n: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ok(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

function draw(report: AggregateReport, options: AggregateRenderOptions, columns: number[], rows: number, note: string | null, failed: FailedRow[]): string {
  const parts: string[] = [...(options.header ? [options.header] : []), `## ${title(report)}`, ''];
  if (report.gates) parts.push(`### Gates: ${gatesHeadline(report)}`, '');
  const best = report.configurations.find((c) => c.best);
  if (best && report.rankBy) {
    const j = report.metrics.findIndex((m) => m.file === report.rankBy!.file && m.key === report.rankBy!.key);
    parts.push(
      `**Best by ${code(columnName(report.rankBy, report.metrics))} (${report.rankBy.better} is better):** ${escapeCell(best.id)}: ${cell(best.metrics[j] ?? null, best.runs.length)}`,
      '',
    );
  }
  if (note) parts.push(note, '');
  parts.push(table(report, columns, report.configurations.slice(0, rows), failed), '');
  const unshown = report.failedRuns.length - failed.reduce((n, f) => n + f.runs.length, 0);
  if (unshown) parts.push(`…and ${unshown} more failed job${unshown === 1 ? '' : 's'}, in the full table.`, '');
  const repeats = report.repeatParams.map(code).join(', ') || 'no param';
  parts.push(
    `Values are the mean ± the sample standard deviation (divides by n − 1) over each configuration's runs; runs that differ only by ${repeats} are repeats of one configuration. n: the runs in the row (a cell that has fewer says so).`,
    '',
  );
  if (report.constant.length) {
    parts.push(
      `Params the same in every run: ${report.constant.map((p) => `${code(columnName(p, report.constant))} = ${code(displayValue(p.value, null))}`).join(', ')}.`,
      '',
    );
  }
  // A folded comment keeps the table; the Trends are in the full report it links.
  if (!note) {
    const trends = trendsTable(report);
    if (trends) parts.push(trends, '');
  }
  const broken = report.configurations.slice(0, rows).filter((c) => c.gates && brokenRules(c.gates).failures + brokenRules(c.gates).warnings > 0);
  if (broken.length) {
    // An error broke nothing: the rule could not be checked, and the heading says so where there are such.
    const listed = broken.flatMap((c) => c.gates!.rules);
    const unchecked = listed.some((r) => r.status === 'error');
    const broke = listed.some((r) => r.status === 'failed');
    parts.push(`### ${!unchecked ? 'Broken rules' : broke ? 'Rules that broke or could not be checked' : 'Rules that could not be checked'}`, '');
    for (const c of broken) {
      for (const r of c.gates!.rules.filter((r) => r.status === 'failed' || r.status === 'error')) {
        parts.push(`- ${escapeCell(c.id)}: ${r.level === 'warn' ? '⚠️' : '❌'} ${code(r.rule)}: ${escapeCellKeepingCode(r.detail)}`);
      }
    }
    parts.push('');
  }
  const charts = report.plots.flatMap((p) => {
    const chart = mermaidChart(p);
    return chart ? [[chart, ...p.notes.map((n) => `_${escapeCell(n)}_`)].join('\n\n')] : [];
  });
  if (charts.length) parts.push('### Plots', '', charts.join('\n\n'), '');
  if (report.warnings.length) {
    parts.push('### Notes', '');
    for (const w of report.warnings) parts.push(`- ${escapeCellKeepingCode(w)}`);
    parts.push('');
  }
  return parts.join('\n');
}

/**
 * The base branch's noise, as a run's Trends section has it, with a row per top configuration under each metric:
 * its mean against the band the gate judged by (or mean ± 2·std). Null without trends. No chart: a run's chart has
 * one head, a sweep's would have one per configuration.
 */
function trendsTable(report: AggregateReport): string | null {
  const history = report.history;
  if (!history || !report.trends.length) return null;
  const rows: string[] = [];
  for (const trend of report.trends) {
    const metric = history.metrics.find((m) => m.file === trend.file && m.key === trend.key);
    if (!metric) continue;
    const range = trendBand(metric.stats, trend.k);
    const stats = metric.stats;
    const better = report.metrics.find((m) => m.file === trend.file && m.key === trend.key)?.better ?? undefined;
    trend.standings.forEach((s, i) => {
      const best = report.configurations.find((c) => c.id === s.configuration)?.best;
      const cells = [
        ...(i
          ? ['', '', '', '']
          : [
              escapeCell(trend.file),
              escapeCell(trend.key),
              stats ? `${formatNumber(stats.mean)} ± ${formatNumber(stats.std)} (${stats.n})` : `- (${metric.points.length})`,
              bandCell(
                trend,
                range,
                trend.standings.map((t) => t.mean),
              ),
            ]),
        `${best ? '🏆 ' : ''}${escapeCell(s.configuration)}`,
        s.mean === null ? '-' : num(s.mean),
        trendVerdict(
          { ...trend, standing: s.standing },
          { ...metric, head: s.mean },
          range,
          better,
          report.configurations.find((c) => c.id === s.configuration)?.gates ?? null,
        ),
      ];
      rows.push(`| ${cells.join(' | ')} |`);
    });
  }
  if (!rows.length) return null;
  const shown = report.trends.reduce((n, t) => Math.max(n, t.standings.length), 0);
  return [
    '### Trends',
    '',
    `Against the runs in ${commitsRead(history)}, which every job read: where the ${shown === 1 ? 'configuration’s mean stands' : `top ${shown} configurations’ means stand`}. ${bandSentence(report.trends)}`,
    '',
    '| Path | Metric | Mean ± std (n) | Band | Configuration | Mean | Against the noise |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function title(report: AggregateReport): string {
  const runs = report.configurations.reduce((n, c) => n + c.runs.length, 0) + report.failedRuns.length;
  const against = report.base ? ` vs ${code(report.base.label)}` : ', no base';
  const head = report.head ? ` of ${code(report.head.label)}` : '';
  const count = configurationCount(report);
  const configurations = `${count} configuration${count === 1 ? '' : 's'}`;
  return `mlreport sweep: ${runs} run${runs === 1 ? '' : 's'}${head} in ${configurations}${against}`;
}

/**
 * `✅ every configuration passed (3)`, `❌ 1 of 3 configurations broke a rule; 1 job failed`. A configuration whose
 * gate failed with no rule broken (its rules were errors, or all skipped) could not be checked, as a single report
 * words it: it broke nothing.
 */
export function gatesHeadline(report: AggregateReport): string {
  const gates = report.gates!;
  const failedJobs = report.failedRuns.length ? `${report.failedRuns.length} job${report.failedRuns.length === 1 ? '' : 's'} failed` : '';
  const unrun = withoutRuns(report.configurations, report.failedRuns);
  const failed = report.configurations.filter((c) => c.gates && gates.failedConfigurations.includes(c.id));
  const broke = failed.filter((c) => brokeCount(c.gates!) > 0).length;
  if (gates.failedConfigurations.length) {
    const what = (
      [
        [broke, 'broke a rule'],
        [failed.length - broke, 'could not be checked'],
        [unrun.length, 'had no successful run'],
      ] as const
    )
      .filter(([n]) => n > 0)
      .map(([n, verb], i) => (i === 0 ? `${n} of ${gates.configurations} configurations ${verb}` : `${n} configuration${n === 1 ? '' : 's'} ${verb}`));
    return `❌ ${what.join(', ')}${failedJobs ? `; ${failedJobs}` : ''}`;
  }
  if (failedJobs) return `❌ ${failedJobs}, so not every configuration was checked`;
  if (!gates.configurations) return '❌ nothing checked (no run succeeded)';
  return `✅ every configuration passed (${gates.configurations})`;
}

function table(report: AggregateReport, columns: number[], configurations: Configuration[], failed: FailedRow[]): string {
  const metrics = columns.map((j) => report.metrics[j]!);
  const header = [
    '',
    ...report.varying.map((p) => escapeCell(columnName(p, report.varying))),
    'n',
    ...metrics.map((m) => metricHeader(m, report.metrics)),
    ...(report.gates ? ['gates'] : []),
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  const blanks = report.varying.map(() => '');
  const gateBlank = report.gates ? [''] : [];
  if (report.base)
    lines.push(
      `| base ${code(report.base.label)} | ${[...blanks, '', ...metrics.map((m) => (m.base === null ? '-' : num(m.base))), ...gateBlank].join(' | ')} |`,
    );
  for (const c of configurations) {
    const cells = [
      c.best ? '🏆 best' : '',
      ...c.params.map(paramCell),
      String(c.runs.length),
      ...columns.map((j) => cell(c.metrics[j] ?? null, c.runs.length)),
      ...(report.gates ? [gateCell(c)] : []),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  for (const f of failed) {
    const cells = ['❌ failed', ...(f.params ?? blanks), '0', ...metrics.map(() => ''), ...gateBlank];
    const named = f.runs.slice(0, NAMED_PER_ROW).map(code).join(', ');
    const runs = f.runs.length > NAMED_PER_ROW ? `${named} and ${f.runs.length - NAMED_PER_ROW} more (${f.runs.length} jobs)` : named;
    // The reason goes in the first metric cell (or the n cell): a table row has no cell spanning the others.
    cells[report.varying.length + (metrics.length ? 2 : 1)] = `${runs}: ${escapeCell(f.reason)}`;
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function metricHeader(m: MetricColumn, all: MetricColumn[]): string {
  return `${escapeCell(columnName(m, all))}${m.better === 'higher' ? ' ↑' : m.better === 'lower' ? ' ↓' : ''}`;
}

/** The key alone, or `file:key` where another file has the same key (metrics/train.json and metrics/test.json). */
function columnName(ref: { file: string; key: string }, all: { file: string; key: string }[]): string {
  return all.some((o) => o.key === ref.key && o.file !== ref.file) ? `${ref.file}:${ref.key}` : ref.key;
}

function cell(s: MetricStats | null, runs: number): string {
  if (!s) return '-';
  const spread = s.std === null ? '' : ` ± ${num(s.std)}`;
  return `${num(s.mean)}${spread}${s.n < runs ? ` (n=${s.n} of ${runs})` : ''}`;
}

function gateCell(c: Configuration): string {
  if (!c.gates) return '';
  const { failures, warnings, notChecked } = brokenRules(c.gates);
  if (failures) {
    // A rule that compared nothing broke nothing: it was not checked, as a single report says.
    const broke = failures - notChecked;
    const unchecked = notChecked ? `${notChecked} could not be checked` : '';
    return `❌ ${[broke ? `${broke} broke` : '', unchecked].filter(Boolean).join(', ')}`;
  }
  if (!c.gates.checked) return '❌ nothing checked';
  return warnings ? `⚠️ ${warnings} warning${warnings === 1 ? '' : 's'}` : '✅';
}

/** How many fail-level rules broke: errors are rules that could not be checked. */
function brokeCount(gates: GateSummary): number {
  const { failures, notChecked } = brokenRules(gates);
  return failures - notChecked;
}

function num(x: number): string {
  return displayValue(x, 5);
}

/** The columns a folded table keeps: the ranking metric, then the gated ones, in the table's order. */
function foldedColumns(report: AggregateReport): number[] {
  const wanted = new Set<string>();
  if (report.rankBy) wanted.add(`${report.rankBy.file}:${report.rankBy.key}`);
  for (const c of report.configurations) for (const r of c.gates?.rules ?? []) if (r.metric) wanted.add(`${r.metric.file}:${r.metric.key}`);
  const kept = report.metrics.flatMap((m, j) => (wanted.has(`${m.file}:${m.key}`) ? [j] : []));
  return (kept.length ? kept : report.metrics.map((_, j) => j)).slice(0, FOLDED_METRICS);
}
