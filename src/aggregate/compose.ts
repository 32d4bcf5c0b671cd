import { historyStatsUsed, parseRules } from '../gate/parse';
import { metricName, resolveMetric } from '../gate/resolve';
import { ruleNumber } from '../gate/lookup';
import { brokenRules } from '../gate/summary';
import type { GateConfig, GateRule, MetricLookup, MissingBasePolicy } from '../gate/types';
import type { GateSummary, ReportData, RevisionInfo } from '../report/types';
import { metricDirections } from '../report/directions';
import { displayValue } from '../values/pyformat';
import type { FileDiff, Leaf } from '../values/types';
import type { HistorySection } from '../history/types';
import { UserError } from '../util/errors';
import { meanAndStd } from '../util/mean';
import { formatNumber } from '../util/numbers';
import { VERSION } from '../version';
import { configurationGate, jobsBaseUnread, jobsNamed, jobsNotKnownAtBase, runValue } from './gate';
import { rulesHint } from './hints';
import { HistoriesDiffer, sharedHistory } from './history';
import { overlaidPlots } from './plots';
import { sweepTrends } from './trends';
import type { RunInput } from './read';
import type { AggregateReport, Configuration, FailedRun, MetricColumn, MetricStats, ParamRef } from './types';
import { withoutRuns } from './unrun';

export interface AggregateOptions {
  /** Params that tell repeats apart (`seed`): a name matches the key or its last dotted parts (`train.seed`). */
  repeatParams: string[];
  /** `metric`, `file:metric`, optionally followed by `higher` or `lower`; null: the first gated metric. */
  rankBy: string | null;
  /** Rules given to the aggregate itself (input `thresholds`, `--threshold`); null: the rules the jobs were gated with. */
  rules: GateRule[] | null;
  missingBase: MissingBasePolicy;
  /** `mlreport aggregate`: notes name the policy by its flag (`--missing-base fail`), not by the action's input. */
  cli?: boolean;
  /** How many jobs the matrix has; fewer folders than this are jobs whose artifact never arrived. null: not known. */
  expectedRuns: number | null;
}

/**
 * The sweep's comparison: runs grouped into configurations by the params that differ between them (repeat params
 * aside), metrics as mean ± sample standard deviation per configuration, the best one marked, the rules evaluated on
 * each configuration's means against the base (and the base branch's history the jobs read). Failed runs stay as
 * failed rows. Refuses runs that compared with different bases: their numbers are not comparable. Pure.
 */
export function aggregateRuns(runs: RunInput[], options: AggregateOptions): AggregateReport {
  if (options.expectedRuns !== null && runs.length > options.expectedRuns) {
    throw new UserError(`${runs.length} job folders, more than the ${options.expectedRuns} expected: is an older run's artifact among them?`);
  }
  if (!runs.length && !options.expectedRuns) throw new UserError('No runs to aggregate: the folders hold no report.json.');
  const reported = runs.filter((r): r is RunInput & { report: ReportData } => r.report !== null);
  const ok = reported.filter((r) => r.failed === null);
  const base = commonBase(reported);
  const warnings: string[] = [];

  // A failed job's params count where it has them (a configuration every job of which failed is still one); a
  // param it lacks is unknown, not absent: its params.yaml may not have parsed, which says nothing of the sweep.
  const values = reported.map((r) => ({ params: paramValues(r.report), failed: r.failed !== null }));
  const isRepeat = (p: ParamRef) => options.repeatParams.some((name) => p.key === name || p.key.endsWith(`.${name}`));
  const varying: ParamRef[] = [];
  const constant: (ParamRef & { value: Leaf })[] = [];
  for (const ref of unionRefs(reported.map((r) => r.report.params))) {
    const id = refId(ref);
    const known = values.filter((v) => v.params.has(id) || !v.failed);
    const seen = new Set(known.map((v) => (v.params.has(id) ? JSON.stringify(v.params.get(id)) : 'absent')));
    // A repeat param the same in every run (a data split's seed) is a constant like any other, shown with them.
    if (seen.size === 1 && !seen.has('absent')) constant.push({ ...ref, value: known[0]!.params.get(id)! });
    else if (!isRepeat(ref)) varying.push(ref);
  }
  const label = paramLabel(varying);
  const configKey = (report: ReportData) => {
    const v = paramValues(report);
    return varying.map((p) => v.get(refId(p)) ?? null);
  };

  const groups = new Map<string, { params: (Leaf | null)[]; runs: { name: string; report: ReportData }[] }>();
  for (const run of ok) {
    const params = configKey(run.report);
    const key = JSON.stringify(params);
    if (!groups.has(key)) groups.set(key, { params, runs: [] });
    groups.get(key)!.runs.push(run);
  }

  for (const w of sameParamsWarnings([...groups.values()], label, options.repeatParams)) warnings.push(w);

  const columns = metricColumns(
    ok.map((r) => r.report),
    reported.map((r) => r.report),
  );
  const rules = options.rules ?? jobRules(reported, options.cli);
  const gate: GateConfig | null = rules.length
    ? { rules, missingBase: options.missingBase, failOnThreshold: true, checkName: '', notes: [], rulesFrom: 'input', trustBase: false }
    : null;
  // Rules on history.* need the jobs to agree on it; the Trends only show it when they do.
  const historyRules = rules.some((r) => historyStatsUsed(r.threshold).length);
  let history: HistorySection | null | undefined;
  try {
    history = sharedHistory(ok, base !== null, options.cli);
  } catch (error) {
    if (historyRules || !(error instanceof HistoriesDiffer)) throw error;
    warnings.push(`No Trends: the jobs' reports carry different histories of the base branch (${error.what}); run the jobs with the same \`history\` setting.`);
  }

  const notKnownAtBase = jobsNotKnownAtBase(reported);
  const baseUnread = base ? undefined : jobsBaseUnread(reported);
  const atBase = baseLeaves(reported.map((r) => r.report));
  let configurations: Configuration[] = [...groups.values()].map((g) => {
    const metrics = columns.map((c) => stats(g.runs.map((r) => metricNumber(r.report, c))));
    return {
      id: label(g.params),
      params: g.params,
      runs: g.runs.map((r) => r.name),
      metrics,
      best: false,
      gates: gate
        ? configurationGate(gate, meansAsDiff(columns, metrics, atBase), g.runs, columns, base !== null, history, notKnownAtBase, baseUnread, options.cli)
        : null,
    };
  });

  // The rules say which way is better where they name a metric; then the jobs' `directions:` (as each job's own
  // report read them), then the metric's name.
  const ruled = new Map(configurations.flatMap((c) => c.gates?.directions ?? []).map((d) => [metricName(d), d.better]));
  const configured = metricDirections({ gates: null, directions: reported.flatMap((r) => r.report.directions) });
  for (const c of columns) c.better = ruled.get(metricName(c)) ?? configured(c.file, c.key) ?? null;

  const rankBy = rankMetric(options.rankBy, columns, rules, configurations);
  if (rankBy) {
    const j = columns.findIndex((c) => c.file === rankBy.file && c.key === rankBy.key);
    const score = (c: Configuration) => {
      const mean = c.metrics[j]?.mean;
      return mean === undefined ? Number.NEGATIVE_INFINITY : rankBy.better === 'higher' ? mean : -mean;
    };
    configurations = configurations
      .map((c, i) => ({ c, i }))
      .sort((a, b) => score(b.c) - score(a.c) || a.i - b.i)
      .map((x) => x.c);
    const picked = bestOf(
      configurations.filter((c) => c.metrics[j]),
      gate !== null,
      metricName(rankBy),
    );
    if (picked.best) picked.best.best = true;
    if (picked.note) warnings.push(picked.note);
    const tied = picked.best ? tiedWith(picked.best, configurations, j, gate !== null) : [];
    if (tied.length) {
      warnings.push(
        `${tied.length === 1 ? 'One other configuration ties' : `${tied.length} other configurations tie`} with the best by \`${metricName(rankBy)}\` (the same mean, ${formatNumber(picked.best!.metrics[j]!.mean)}): ${tied.map((c) => c.id).join(', ')}; the 🏆 goes to ${picked.best!.id}, the first in the jobs' order.`,
      );
    }
  } else if (configurations.length > 1) {
    warnings.push(`No metric to rank by (${options.cli ? '`--rank-by`' : 'input `rank-by`'}, or a gate rule naming one): no configuration is marked best.`);
  }

  const failedRuns: FailedRun[] = runs
    .filter((r) => r.failed !== null)
    .map((r) => {
      // A report without the head's params (they did not parse) does not say which configuration the job was.
      const params = r.report && paramValues(r.report).size ? configKey(r.report) : null;
      return { run: r.name, reason: r.failed!, configuration: params && label(params), params };
    });
  // A job that failed before uploading leaves no folder at all: only the count tells it is missing.
  const absent = options.expectedRuns === null ? 0 : options.expectedRuns - runs.length;
  for (let i = 1; i <= absent; i++) {
    failedRuns.push({
      run: absent === 1 ? 'missing job' : `missing job ${i} of ${absent}`,
      reason: `no artifact: ${options.expectedRuns} jobs expected, ${runs.length} uploaded a report`,
      configuration: null,
      params: null,
    });
  }

  const plots = overlaidPlots(
    configurations.map((c) => ({ id: c.id, reports: c.runs.map((name) => ok.find((r) => r.name === name)!.report) })),
    rankBy?.key ?? null,
  );
  for (const w of plots.warnings) warnings.push(w);

  const gated = configurations.filter((c) => c.gates);
  // A configuration every run of which failed was not checked: it counts, and it failed.
  const unrun = withoutRuns(configurations, failedRuns);
  const failedConfigurations = [...gated.filter((c) => !c.gates!.passed).map((c) => c.id), ...unrun];
  return {
    schemaVersion: 1,
    kind: 'aggregate',
    tool: { name: 'mlreport', version: VERSION },
    base,
    head: commonHead(reported),
    repeatParams: options.repeatParams,
    varying,
    constant,
    metrics: columns,
    rankBy,
    configurations,
    failedRuns,
    // A failed job's configuration could not be checked: the overall gate does not pass without it.
    gates: gate
      ? {
          passed: failedConfigurations.length === 0 && failedRuns.length === 0 && gated.length > 0,
          configurations: gated.length + unrun.length,
          failedConfigurations,
        }
      : null,
    plots: plots.plots,
    history: history ?? null,
    trends: history ? sweepTrends(history, configurations, columns, (c) => meansAsDiff(columns, c.metrics)) : [],
    warnings,
  };
}

/** The base every report compared with; refuses reports of different bases, naming each commit and its runs. */
function commonBase(runs: { name: string; report: ReportData }[]): RevisionInfo | null {
  const bySha = new Map<string, string[]>();
  for (const r of runs) {
    const sha = r.report.base?.sha ?? 'no base';
    bySha.set(sha, [...(bySha.get(sha) ?? []), r.name]);
  }
  if (bySha.size > 1) {
    const list = [...bySha].map(([sha, names]) => `${sha} (${names.slice(0, 5).join(', ')}${names.length > 5 ? `, … ${names.length - 5} more` : ''})`);
    throw new UserError(
      `The reports compare with different base commits: ${list.join('; ')}. A sweep's jobs must share one base to be compared; aggregate the reports of one workflow run.`,
    );
  }
  return runs.find((r) => r.report.base)?.report.base ?? null;
}

function commonHead(runs: { report: ReportData }[]): RevisionInfo | null {
  const first = runs[0]?.report.head;
  return first && runs.every((r) => r.report.head.sha === first.sha && r.report.head.label === first.label) ? first : null;
}

const refId = (ref: ParamRef) => `${ref.file}\u0000${ref.key}`;

/**
 * Jobs of one configuration whose params are all the same, repeat params included (or without any): they are no
 * repeats over the seed — a matrix whose command does not pass the seed on, or one job's artifact there twice. Each
 * still counts in n; a warning names them, as the configuration's ± is then no spread over seeds.
 */
function sameParamsWarnings(
  groups: { params: (Leaf | null)[]; runs: { name: string; report: ReportData }[] }[],
  label: (params: (Leaf | null)[]) => string,
  repeatParams: readonly string[],
): string[] {
  const repeat = repeatParams.map((p) => `\`${p}\``).join(', ');
  const warnings: string[] = [];
  for (const group of groups) {
    const alike = new Map<string, string[]>();
    for (const run of group.runs) {
      const key = JSON.stringify([...paramValues(run.report)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      alike.set(key, [...(alike.get(key) ?? []), run.name]);
    }
    for (const jobs of alike.values()) {
      if (jobs.length < 2) continue;
      warnings.push(
        `${jobsNamed(jobs)}${group.params.length ? ` (${label(group.params)})` : ''} have all the same params, ${repeat} included: they are no repeats over ${repeat}, so that configuration's ± is no spread over seeds (does the job's command pass ${repeat} on? is one job's artifact there twice?).`,
      );
    }
  }
  return warnings;
}

function paramValues(report: ReportData): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  for (const f of report.params) for (const row of f.rows) if (row.new !== undefined) out.set(refId({ file: f.path, key: row.key }), row.new);
  return out;
}

function unionRefs(fileLists: FileDiff[][]): ParamRef[] {
  const seen = new Map<string, ParamRef>();
  for (const files of fileLists)
    for (const f of files) for (const row of f.rows) if (row.new !== undefined) seen.set(refId({ file: f.path, key: row.key }), { file: f.path, key: row.key });
  return [...seen.values()];
}

/** `lr=0.01, depth=3`: keys alone, with their file where two files have the same key. */
function paramLabel(varying: ParamRef[]): (params: (Leaf | null)[]) => string {
  const names = varying.map((p) => (varying.filter((q) => q.key === p.key).length > 1 ? `${p.file}:${p.key}` : p.key));
  return (params) => (names.length ? names.map((n, i) => `${n}=${params[i] === null ? '-' : displayValue(params[i], null)}`).join(', ') : 'all runs');
}

/** Every numeric metric of the successful runs, in the order they first appear, with the base's value. */
function metricColumns(ok: ReportData[], all: ReportData[]): MetricColumn[] {
  const columns = new Map<string, MetricColumn>();
  for (const report of ok) {
    for (const f of report.metrics) {
      for (const row of f.rows) {
        const id = refId({ file: f.path, key: row.key });
        if (!columns.has(id) && toNumber(row.new) !== null) columns.set(id, { file: f.path, key: row.key, better: null, base: null });
      }
    }
  }
  for (const report of all) {
    for (const f of report.metrics) {
      for (const row of f.rows) {
        const column = columns.get(refId({ file: f.path, key: row.key }));
        if (column && column.base === null) column.base = toNumber(row.old);
      }
    }
  }
  return [...columns.values()];
}

function metricNumber(report: ReportData, column: MetricColumn): number | null {
  return toNumber(runValue(report, column));
}

/** A number a rule could compare: booleans and non-finite values are not averaged. */
function toNumber(leaf: Leaf | undefined): number | null {
  const n = ruleNumber(leaf);
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/**
 * Mean and sample standard deviation (n − 1) of the numbers present, exact and rounded once (meanAndStd), so runs that
 * all give 0.1 average to 0.1, as each job's gate read it; null when there is none.
 */
function stats(xs: (number | null)[]): MetricStats | null {
  const values = xs.filter((x): x is number => x !== null);
  if (!values.length) return null;
  return { ...meanAndStd(values), n: values.length };
}

/**
 * A configuration's means as a metrics diff against the base, the shape the gate evaluates. `atBase`: the base's
 * values as the jobs read them (baseLeaves), so that text, NaN or ±Infinity there break a rule on `base`, as in a
 * run's gate, rather than read as a base without the metric; without it, the columns' numbers.
 */
function meansAsDiff(columns: MetricColumn[], metrics: (MetricStats | null)[], atBase?: ReadonlyMap<string, Leaf>): FileDiff[] {
  const files = new Map<string, FileDiff>();
  columns.forEach((c, j) => {
    if (!files.has(c.file)) files.set(c.file, { path: c.file, rows: [], notes: [] });
    const mean = metrics[j]?.mean;
    const old = atBase ? atBase.get(refId(c)) : (c.base ?? undefined);
    files.get(c.file)!.rows.push({ key: c.key, old, new: mean, changed: mean !== c.base });
  });
  return [...files.values()];
}

/** Each metric's value at the base, from the jobs' reports (they share the base commit): a number where one has it. */
function baseLeaves(reports: ReportData[]): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  for (const report of reports) {
    for (const f of report.metrics) {
      for (const row of f.rows) {
        const id = refId({ file: f.path, key: row.key });
        if (row.old !== undefined && (!out.has(id) || (toNumber(out.get(id)) === null && toNumber(row.old) !== null))) out.set(id, row.old);
      }
    }
  }
  return out;
}

/**
 * The rules the jobs were gated with (their reports carry them, as written): the same in every report, or the
 * aggregate could not say which apply.
 */
function jobRules(runs: { name: string; report: ReportData }[], cli: boolean | undefined): GateRule[] {
  const lists = runs
    .filter((r) => r.report.gates)
    .map((r) => ({ name: r.name, rules: r.report.gates!.rules.map((g) => (g.level === 'warn' ? `warn: ${g.rule}` : g.rule)) }));
  if (!lists.length) return [];
  const first = lists[0]!;
  const other = lists.find((l) => JSON.stringify(l.rules) !== JSON.stringify(first.rules));
  if (other) {
    throw new UserError(
      `The jobs were gated with different rules (${first.name}: ${first.rules.join('; ') || 'none'}; ${other.name}: ${other.rules.join('; ') || 'none'}). Give the aggregate its own rules (${rulesHint(cli)}).`,
    );
  }
  return parseRules(first.rules.map((text, i) => ({ text, source: { origin: `the rules in ${first.name}'s report.json`, line: i + 1 } })));
}

/**
 * The configuration the 🏆 goes to, of those with a mean of the ranking metric (`ranked`, best first): the first, and
 * with rules the first whose gate checked them and passed. One that broke a rule, or whose rules could not be checked
 * (errors, values not known), is no best configuration whatever its mean: the mark would send readers to a
 * configuration the gate does not vouch for. `note` says which ranked higher and why they were passed over, or why
 * none is marked.
 */
function bestOf(ranked: Configuration[], gated: boolean, metric: string): { best: Configuration | undefined; note: string | null } {
  if (!gated) return { best: ranked[0], note: null };
  const at = ranked.findIndex((c) => c.gates!.passed);
  const passedOver = at < 0 ? ranked : ranked.slice(0, at);
  if (!passedOver.length) return { best: ranked[at], note: null };
  const why = (c: Configuration): string => {
    const { failures, notChecked } = brokenRules(c.gates!);
    return `${c.id} ${failures > notChecked ? 'broke a rule' : 'could not be checked'}`;
  };
  const shown = passedOver.slice(0, 3).map(why).join(', ') + (passedOver.length > 3 ? ` and ${passedOver.length - 3} more` : '');
  return at < 0
    ? { best: undefined, note: `No configuration is marked best: none passed its gate (${shown}).` }
    : { best: ranked[at], note: `Best by \`${metric}\` among the configurations whose gate passed: ${ranked[at]!.id}; ranked above it, ${shown}.` };
}

/** The configurations other than `best` that could have had the 🏆 (their gate passed, where there is one) with the same mean. */
function tiedWith(best: Configuration, configurations: Configuration[], column: number, gated: boolean): Configuration[] {
  const mean = best.metrics[column]?.mean;
  return configurations.filter((c) => c !== best && (!gated || c.gates!.passed) && mean !== undefined && c.metrics[column]?.mean === mean);
}

/** The metric that ranks configurations and which way is better; null when none is named and no rule names one. */
function rankMetric(written: string | null, columns: MetricColumn[], rules: GateRule[], configurations: Configuration[]): AggregateReport['rankBy'] {
  const lookup: MetricLookup[] = columns.map((c) => ({ file: c.file, key: c.key, base: c.base, head: null }));
  if (written === null) {
    const metric = firstRuleMetric(configurations[0]?.gates ?? null);
    const column = metric && columns.find((c) => c.file === metric.file && c.key === metric.key);
    return column?.better ? { file: column.file, key: column.key, better: column.better } : null;
  }
  const match = /^\s*(.+?)(?:\s+(higher|lower))?\s*$/.exec(written);
  const name = match?.[1] ?? '';
  const found = resolveMetric(metricRef(name), lookup);
  if (found.kind === 'ambiguous') {
    throw new UserError(`rank-by '${name}' matches several metrics (${found.candidates.map(metricName).join(', ')}); name one as file:key.`);
  }
  if (found.kind === 'unknown') {
    // `roc_auc.test best`: a metric, then a word that is not a direction.
    const words = /^(.+?)\s+(\S+)$/.exec(name);
    if (words && resolveMetric(metricRef(words[1]!), lookup).kind !== 'unknown') {
      throw new UserError(
        `rank-by '${written.trim()}': the direction after the metric must be \`higher\` or \`lower\`, not '${words[2]}' (rank-by is \`metric\` or \`file:metric\`, optionally followed by \`higher\` or \`lower\`).`,
      );
    }
    throw new UserError(`rank-by '${name}' is not a metric of these runs${found.closest.length ? `; closest: ${found.closest.join(', ')}` : ''}.`);
  }
  const column = columns.find((c) => c.file === found.metric.file && c.key === found.metric.key)!;
  const better = (match?.[2] as 'higher' | 'lower' | undefined) ?? column.better;
  if (!better) {
    throw new UserError(
      `rank-by '${name}': neither a gate rule nor the metric's name says whether higher or lower is better; write '${name} higher' or '${name} lower'.`,
    );
  }
  return { file: column.file, key: column.key, better };
}

/** `file:key` or `key`, as a rule names a metric. */
function metricRef(name: string): { file: string | null; key: string; text: string } {
  const colon = name.indexOf(':');
  return { file: colon >= 0 ? name.slice(0, colon) : null, key: colon >= 0 ? name.slice(colon + 1) : name, text: name };
}

function firstRuleMetric(gates: GateSummary | null): { file: string; key: string } | null {
  return gates?.rules.find((r) => r.metric)?.metric ?? null;
}
