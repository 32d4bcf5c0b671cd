import { evaluateRules, evaluationOf, type GateEvaluation } from '../gate/evaluate';
import { metricLookupFromDiffs, ruleNumber } from '../gate/lookup';
import { metricName } from '../gate/resolve';
import type { GateConfig } from '../gate/types';
import { gateSummary } from '../gate/summary';
import type { HistorySection } from '../history/types';
import { notKnownAtBaseOf } from '../report/not-known-at-base';
import type { GateSummary, ReportData } from '../report/types';
import { unreadAtHead } from '../values/unread-notes';
import type { FileDiff, Leaf } from '../values/types';
import type { MetricColumn } from './types';

/**
 * One configuration's gate: the rules evaluated on its means (`metrics`, as a diff against the base). A metric that
 * some of its runs lack, or hold as text, NaN or ±Infinity, has no mean that stands for the configuration: the
 * others' mean would pass a crashed or diverged run, so a rule on it breaks, naming those runs (even with
 * `if present`: the metric is there, in the other runs). `cli`: `mlreport aggregate`, whose notes name its flags. A metrics file some of its runs could not read at the head
 * (their report's note on it says why) is not known there: every rule on it is an error naming those runs, `if
 * present` too, as in each job's own gate.
 */
export function configurationGate(
  gate: GateConfig,
  metrics: FileDiff[],
  runs: { name: string; report: ReportData }[],
  columns: MetricColumn[],
  hasBase: boolean,
  history: HistorySection | null | undefined,
  notKnownAtBase: ReadonlyMap<string, string> = new Map(),
  baseUnread?: string,
  cli = false,
): GateSummary {
  const gaps = new Map(
    columns.flatMap((c) => {
      const lacking = runs.flatMap((r) => {
        const why = lacks(r.report, c);
        return why ? [`\`${r.name}\` ${why}`] : [];
      });
      if (!lacking.length) return [];
      const have = runs.length - lacking.length;
      return [[metricName(c), `\`${metricName(c)}\` is a number in ${have} of ${runs.length} runs: ${lacking.join(', ')}.`] as const];
    }),
  );
  const notKnownAtHead = jobsNotKnownAtHead(runs);
  const { staleAtHead, staleWhy } = jobsStaleAtHead(runs);
  const lookups = metricLookupFromDiffs(metrics, history, notKnownAtHead).map((m) => {
    // The other runs' mean stands for none of the runs that could not read it: the metric is not known at the head.
    if (m.headError !== undefined) return { ...m, head: undefined };
    const gap = gaps.get(metricName(m));
    return gap ? { ...m, headGap: gap } : m;
  });
  const evaluation = evaluateRules(gate.rules, lookups, {
    missingBase: gate.missingBase,
    hasBase,
    unreadAtHead: notKnownAtHead,
    notKnownAtBase,
    staleAtHead,
    staleWhy,
    ...(baseUnread !== undefined && { baseUnread, baseRemedy: JOBS_BASE_REMEDY }),
    // A history the jobs could not fetch is not known there, as in each job's own gate.
    historyRemedy: { fetch: JOBS_BASE_REMEDY },
    cli,
  });
  return gateSummary(notCheckedByAnyJob(evaluation, runs));
}

/**
 * A rule that compared the configuration's means although no job's own gate could check it (an error in every job:
 * a base out of date at its own commit, a pipeline whose freshness could not be told, …): the mean of values none of
 * them could check checks nothing either, so it is an error too, quoting the jobs' reason. Where some job did check it
 * (another job read the base they share, say), the aggregate's comparison stands.
 */
function notCheckedByAnyJob(evaluation: GateEvaluation, runs: { name: string; report: ReportData }[]): GateEvaluation {
  if (!runs.length) return evaluation;
  const outcomes = evaluation.outcomes.map((o) => {
    if (o.status !== 'passed' && o.status !== 'failed') return o;
    const theirs = runs.map((r) => r.report.gates?.rules.find((j) => j.rule === o.rule.text));
    if (!theirs.every((j) => j?.status === 'error')) return o;
    const why = theirs[0]!.detail.replace(/^Not checked: /, '');
    return { ...o, status: 'error' as const, message: `Not checked: no job's own gate could check it (${jobsNamed(runs.map((r) => r.name))}): ${why}` };
  });
  return evaluationOf(outcomes);
}

/**
 * Why the jobs had no base revision when one exists (`baseUnread` in their report.json: a fetch that failed), naming
 * those jobs; undefined when none says so (no base at all, or reports of an older version). A rule comparing with
 * `base` is then an error, as it is in each job's own gate, not a skip under missing-base.
 */
export function jobsBaseUnread(runs: { name: string; report: ReportData }[]): string | undefined {
  const reasons = new Map<string, string[]>();
  for (const run of runs) {
    const why = run.report.base ? undefined : run.report.baseUnread;
    if (why !== undefined) addJob(reasons, why, run.name);
  }
  return reasons.size ? reasonsText(reasons) : undefined;
}

/** What lets the jobs have a base they could not fetch: each ran the action or the CLI, so both ways are said. */
const JOBS_BASE_REMEDY =
  "To check it: let each job fetch the base (actions/checkout with `fetch-depth: 0` from an `origin` the job can reach; on the CLI, 'git fetch origin <commit>' before mlreport runs).";

/** How many jobs a reason names before "and N more". */
const NAMED_JOBS = 3;

/**
 * The metrics files whose values at the base some job could not know (path → why, naming those jobs): each job's
 * report.json says so (`notKnownAtBase`; a report of an older version, by the note on the file). The jobs share one
 * base commit, so where another job read the base's value the aggregate compares with that one (the rule never asks
 * for this); where none did, a rule comparing with `base` is an error, as it is in each job's own gate, not skipped
 * as if the metric were new.
 */
export function jobsNotKnownAtBase(runs: { name: string; report: ReportData }[]): Map<string, string> {
  const byFile: ReasonsByKey = new Map();
  for (const run of runs) for (const { file, why } of notKnownAtBaseOf(run.report)) addReason(byFile, file, why, run.name);
  return new Map([...byFile].map(([file, reasons]) => [file, reasonsText(reasons)]));
}

/**
 * The metrics files some of the runs could not read at the head (path → why, naming those runs): their report's note
 * on the file says so (it does not parse there, a project file over it does not load, or it is a DVC output no cache
 * or remote gave), or its `freshnessUnknown` does (a stage writes it, and whether that stage was up to date could not
 * be told). Their metrics are not known there, not missing.
 */
function jobsNotKnownAtHead(runs: { name: string; report: ReportData }[]): Map<string, string> {
  const byFile: ReasonsByKey = new Map();
  for (const run of runs) {
    for (const file of run.report.metrics) {
      const why = unreadAtHead(file, run.report.head.label);
      if (why !== null) addReason(byFile, file.path, why, run.name);
    }
    // Values a stage may have left from its last run (whether it was up to date could not be told) are no more known.
    for (const { file, why } of run.report.freshnessUnknown ?? []) {
      addReason(byFile, file, `could not tell whether the stage that writes it is up to date: ${why.replace(/\.$/, '')}`, run.name);
    }
  }
  return new Map([...byFile].map(([file, reasons]) => [file, reasonsText(reasons)]));
}

/**
 * The metrics files some of the runs hold from a stage's last run, not from this change (file → those stages), and
 * why, naming those runs (stage → why): each job's own gate found a rule on the file compared such values (an
 * out-of-date stage not reproduced, a stage of another dvc.yaml the run did not reproduce) and marked it `stale`, and
 * its report lists the stage with its reasons. A mean over them is no more this change's than each run's value is. A
 * file no rule of the jobs' was on is not known so.
 */
function jobsStaleAtHead(runs: { name: string; report: ReportData }[]): { staleAtHead: Map<string, string[]>; staleWhy: Map<string, string> } {
  const staleAtHead = new Map<string, string[]>();
  const byStage: ReasonsByKey = new Map();
  for (const run of runs) {
    for (const rule of run.report.gates?.rules ?? []) {
      if (!rule.metric || !rule.stale?.length) continue;
      staleAtHead.set(rule.metric.file, [...new Set([...(staleAtHead.get(rule.metric.file) ?? []), ...rule.stale])]);
      for (const stage of rule.stale) {
        const why = run.report.stale.find((s) => s.stage === stage)?.reasons.join('; ') || "its values are the last run's";
        addReason(byStage, stage, why, run.name);
      }
    }
  }
  const staleWhy = new Map([...byStage].map(([stage, reasons]) => [stage, `which made no values of this change: ${reasonsText(reasons)}`]));
  return { staleAtHead, staleWhy };
}

/** Why each of some keys (files, stages) is so, and which jobs say so: key → why → the jobs' names, each once. */
type ReasonsByKey = Map<string, Map<string, string[]>>;

function addReason(byKey: ReasonsByKey, key: string, why: string, job: string): void {
  const reasons = byKey.get(key) ?? new Map<string, string[]>();
  byKey.set(key, reasons);
  addJob(reasons, why, job);
}

function addJob(reasons: Map<string, string[]>, why: string, job: string): void {
  const jobs = reasons.get(why);
  if (!jobs) reasons.set(why, [job]);
  else if (!jobs.includes(job)) jobs.push(job);
}

/** Each reason with the jobs that give it: `why (jobs \`a\`, \`b\`); other why (job \`c\`)`. */
function reasonsText(reasons: Map<string, string[]>): string {
  return [...reasons].map(([why, jobs]) => `${why} (${jobsNamed(jobs)})`).join('; ');
}

/** `job \`a\``, `jobs \`a\`, \`b\``, `jobs \`a\`, \`b\`, \`c\` and 4 more`. */
export function jobsNamed(jobs: string[]): string {
  const named = jobs.slice(0, NAMED_JOBS).map((j) => `\`${j}\``);
  const list = jobs.length > NAMED_JOBS ? `${named.join(', ')} and ${jobs.length - NAMED_JOBS} more` : named.join(', ');
  return `${jobs.length === 1 ? 'job' : 'jobs'} ${list}`;
}

/** A run's value of the column's metric at its head; undefined when it has none. */
export function runValue(report: ReportData, column: MetricColumn): Leaf | undefined {
  return report.metrics.find((f) => f.path === column.file)?.rows.find((r) => r.key === column.key)?.new;
}

/** Why a run has no number for the column (`lacks it`, `has "diverged"`, `has NaN`); null when it has one. */
function lacks(report: ReportData, column: MetricColumn): string | null {
  const value = runValue(report, column);
  const n = ruleNumber(value);
  if (n === undefined) return 'lacks it';
  if (n === null) return `has ${JSON.stringify(value)}`;
  return Number.isFinite(n) ? null : `has ${n}`;
}
