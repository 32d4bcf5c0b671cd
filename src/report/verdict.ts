import { brokenRules } from '../gate/summary';
import { formatNumber, formatPair, groupDigits } from '../util/numbers';
import { isFloat, isIntLeaf, numericValue, type FileDiff, type ValueRow } from '../values/types';
import { effect, metricDirections, type DirectionOf } from './directions';
import { formatRowValues, percent, signedDiff } from './format';
import { notKnownAtBaseOf } from './not-known-at-base';
import { unreadAtHead } from '../values/unread-notes';
import type { GateRuleResult, ReportData, Verdict } from './types';

/** How many broken rules a verdict names before "and N more": a line, not a table. */
const NAMED = 3;
/** How many of the changes that matter most a verdict names without a gate to say which. */
const TOP = 2;

/**
 * The report's first line: what failed first (a project file, a stage, the gate), else the gate's outcome, else the
 * metric changes that matter most; each with its numbers. Then the counts. Pure: it reads only the report's data.
 */
export function verdictOf(report: Omit<ReportData, 'verdict'>): Verdict {
  const directionOf = metricDirections(report);
  return { ...outcome(report, directionOf), counts: counts(report) };
}

function outcome(report: Omit<ReportData, 'verdict'>, directionOf: DirectionOf): Omit<Verdict, 'counts'> {
  const errors = report.projectErrors ?? [];
  if (errors.length) return { outcome: 'failed', line: `❌ project files do not parse: ${short(errors[0]!, 160)}${more(errors.length - 1)}` };
  const failedStages = report.pipeline?.stages.filter((s) => s.status === 'failed') ?? [];
  // The project files the runner could not load (a cycle, a dvc.lock that does not load): what is wrong, not a stage name.
  const stopped = failedStages.find((s) => s.project);
  if (stopped) return { outcome: 'failed', line: `❌ pipeline failed: ${short(stopped.error ?? stopped.name, 160)}` };
  // Stages the run's time budget was spent before: cut as a stage it ended while running is, though none failed.
  const unstarted = report.pipeline?.stages.filter((s) => s.status === 'not-run' && s.stopped) ?? [];
  if (failedStages.length || unstarted.length) {
    const names = failedStages.map((s) => short(s.name));
    // A rule on a stage's output that did not run compared the last run's values: it checked nothing of this change.
    const notChecked = report.gates?.rules.filter((r) => r.stale?.length).length ?? 0;
    const gate = !report.gates
      ? ''
      : notChecked
        ? `; ${notChecked === 1 ? 'a rule' : `${notChecked} rules`} could not check this change (values of stages that did not run)`
        : '; the gate compared what the pipeline left';
    // A stage the run's time budget ended was cut, not broken: the first line says the run ran out of time.
    const cut = failedStages.filter((s) => s.stopped).map((s) => short(s.name));
    const broke = failedStages.filter((s) => !s.stopped).map((s) => short(s.name));
    const also = broke.length ? `; stage ${broke.slice(0, NAMED).join(', ')}${more(broke.length - NAMED)} failed` : '';
    if (cut.length) return { outcome: 'failed', line: `❌ pipeline stopped: the run's time budget was spent while stage ${cut.join(', ')} ran${also}${gate}` };
    if (unstarted.length) {
      return {
        outcome: 'failed',
        line: `❌ pipeline stopped: the run's time budget was spent before stage ${short(unstarted[0]!.name)} started${also}${gate}`,
      };
    }
    return { outcome: 'failed', line: `❌ pipeline failed: stage ${names.slice(0, NAMED).join(', ')}${more(names.length - NAMED)} failed${gate}` };
  }
  const gates = report.gates;
  if (gates) {
    const { failures, warnings } = brokenRules(gates);
    const name = metricNames(report.metrics);
    const warned = gates.rules.filter((r) => r.status === 'failed' && r.level === 'warn').map((r) => ruleItem(r, report.metrics, name));
    const failing = gates.rules.filter(isFailure);
    // Rules that compared an out-of-date stage's last values (repro off, or refused): this change was not checked.
    if (failures && failing.every((r) => r.stale?.length)) {
      const stages = [...new Set(failing.flatMap((r) => r.stale!))];
      const n = failing.length;
      return {
        outcome: 'failed',
        line:
          `❌ gate could not check this change: stage${stages.length === 1 ? '' : 's'} ${named(stages.map((s) => `'${short(s)}'`))} ${report.pipeline ? 'did not run' : 'out of date (not reproduced)'}; ` +
          `${n === 1 ? 'the rule' : `${n} rules`} compared the last run's values`,
      };
    }
    if (failures) {
      const warning = warned.length ? `; warning: ${named(warned)}` : '';
      // Rules that could not be checked, and none that broke: the change was not judged, which is no breaking.
      if (failing.every((r) => r.status === 'error')) {
        const unchecked = failing.map((r) => ruleItem({ ...r, detail: r.detail.replace(/^Not checked: /, '') }, report.metrics, name));
        return { outcome: 'failed', line: `❌ gate could not check this change: ${named(unchecked)}${warning}` };
      }
      const failed = failing.map((r) => ruleItem(r, report.metrics, name));
      return { outcome: 'failed', line: `❌ gate failed: ${named(failed)}${warning}` };
    }
    if (!gates.checked) {
      const why = gates.baseUnread
        ? `the base revision could not be read (${short(gates.baseUnread, 160)})${gates.baseRemedy ? `. ${gates.baseRemedy}` : ''}`
        : !gates.rules.length
          ? 'no rules at the base revision'
          : 'every rule was skipped';
      return { outcome: 'failed', line: `❌ gate checked nothing: ${why}` };
    }
    // A skipped rule checked nothing: the line people read says so, as the Gates heading does.
    const skips = gates.rules.filter((r) => r.status === 'skipped').length;
    const skipped = skips ? `, ${skips} rule${skips === 1 ? '' : 's'} skipped` : '';
    if (warnings) return { outcome: 'warning', line: `⚠️ gate passed with warnings: ${named(warned)}${skipped}` };
    const n = gates.checked;
    const top = topChanges(report.metrics, directionOf);
    const held = n === 1 ? 'the rule held' : n === 2 ? 'both rules held' : `all ${n} rules held`;
    return { outcome: 'passed', line: `✅ gate passed: ${held}${skipped}${top.length ? `; ${top.map((t) => t.text).join(', ')}` : ''}` };
  }
  if (!report.base && report.baseUnread) {
    return { outcome: 'warning', line: `⚠️ the base revision could not be read (${short(report.baseUnread, 160)}): the head's values alone` };
  }
  if (!report.base) return { outcome: 'info', line: "ℹ️ no base revision to compare with: the head's values alone" };
  if (!report.metrics.some((f) => f.rows.length)) return { outcome: 'warning', line: '⚠️ no metrics found' };
  const top = topChanges(report.metrics, directionOf);
  // A metric the base had and the head lacks (its file deleted, or no longer written) is never "no change".
  const { gone, added, unknown, unknownHead, otherwise } = presence(report.metrics, new Set(notKnownAtBaseOf(report).map((n) => n.file)), report.head.label);
  // A change the top list cannot show (a metric new at the head, a value that is not a number) is named, never
  // "no metric changed" above a table that lists it.
  if (!top.length && !gone && !added && !unknown && !unknownHead && !otherwise) return { outcome: 'info', line: 'ℹ️ no metric changed' };
  // A base whose values could not be read (its dvc.yaml or a .dvc file does not load, a DVC output's object is on no
  // reachable remote) is no comparison: said, and never an all-clear.
  const worse = gone > 0 || unknown > 0 || unknownHead !== null || top.some((t) => t.effect === 'worse');
  const metricCount = (n: number): string => `${groupDigits(n)} metric${n === 1 ? '' : 's'}`;
  const items = [
    gone ? `${metricCount(gone)} missing at the head` : '',
    unknownHead ? `${metricCount(unknownHead.count)} not known at the head (${short(unknownHead.why, 120)})` : '',
    ...top.map((t) => t.text),
    unknown ? `${metricCount(unknown)} not known at the base` : '',
    added ? `${metricCount(added)} new at the head` : '',
    !top.length && otherwise ? `${metricCount(otherwise)} changed, not as numbers` : '',
  ];
  return { outcome: worse ? 'warning' : 'info', line: `${worse ? '⚠️' : 'ℹ️'} ${items.filter(Boolean).join(', ')}` };
}

/**
 * Metrics the head lacks (gone, or `unknownHead`: the file's note says the head's could not be read, with the first
 * such file and why), the base lacks (new, or `unknown`: the report says the file's values at the base are not known —
 * it does not parse there, its dvc.yaml or `.dvc` file does not load, no remote gave it — not that it was not there),
 * and changes that are not numbers.
 */
function presence(
  metrics: FileDiff[],
  notKnown: ReadonlySet<string>,
  headLabel: string,
): { gone: number; added: number; unknown: number; unknownHead: { count: number; why: string } | null; otherwise: number } {
  let unknownHead: { count: number; why: string } | null = null;
  let gone = 0;
  let added = 0;
  let unknown = 0;
  let otherwise = 0;
  for (let i = 0; i < metrics.length; i++) {
    const rows = metrics[i]!.rows;
    const unreadBase = notKnown.has(metrics[i]!.path);
    const unreadHead = unreadAtHead(metrics[i]!, headLabel);
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!;
      if (r.old !== undefined && r.new === undefined) {
        if (unreadHead === null) gone++;
        else if (unknownHead) unknownHead.count++;
        else unknownHead = { count: 1, why: headWhy(metrics[i]!.path, unreadHead, headLabel) };
      } else if (r.old === undefined && r.new !== undefined) {
        if (unreadBase) unknown++;
        else added++;
      } else if (r.changed && (r.diff === undefined || Number.isNaN(r.diff))) otherwise++;
    }
  }
  return { gone, added, unknown, unknownHead, otherwise };
}

/** A head note, briefly, naming its file (a parse error's note names it already). */
function headWhy(path: string, note: string, headLabel: string): string {
  return note.startsWith(`${headLabel}: `) ? note.slice(headLabel.length + 2) : `${path} ${note}`;
}

function isFailure(r: GateRuleResult): boolean {
  return r.status === 'error' || (r.status === 'failed' && r.level === 'fail');
}

/** A broken rule as its metric's change (`accuracy −15% (0.8667 → 0.7333)`), else its value, else the rule. */
function ruleItem(r: GateRuleResult, metrics: FileDiff[], name: MetricName): string {
  if (!r.metric) return `rule ${short(r.rule)} could not be checked`;
  // An error's numbers did not break the rule (the values were not this change's, the file did not parse): why did.
  if (r.status === 'error') return `${short(name(r.metric.file, r.metric.key))}: ${short(r.detail.replace(/`/g, ''), 120)}`;
  const row = metrics.find((f) => f.path === r.metric!.file)?.rows.find((x) => x.key === r.metric!.key);
  const metric = name(r.metric.file, r.metric.key);
  // A rule relative to the base broke by the change; an absolute one by the value (its change could be for the better).
  const relative = r.detail.includes('(base ');
  if (relative && row && row.diff !== undefined && r.base !== null && r.head !== null) return change(metric, row);
  if (r.head !== null) return `${short(metric)} ${formatNumber(r.head)} (rule: ${short(r.rule)})`;
  return `${short(metric)}: ${short(r.detail.replace(/`/g, ''), 120)}`;
}

type MetricName = (file: string, key: string) => string;

/** A metric as a line names it: its key, or `file: key` where another metrics file has the same key. */
function metricNames(metrics: FileDiff[]): MetricName {
  // Asked for the few metrics a line names, so a scan each, not a table of every key.
  return (file, key) => (metrics.some((f) => f.path !== file && f.rows.some((r) => r.key === key)) ? `${file}: ${key}` : key);
}

/**
 * The changed metrics that matter most (two: the counts line says how many changed): those worse, then better, by the
 * most (relative), then other numeric changes.
 */
function topChanges(metrics: FileDiff[], directionOf: DirectionOf): { text: string; effect: 'better' | 'worse' | null }[] {
  // The TOP heaviest in one pass, ties in row order as a stable sort leaves them: thousands of changed rows are
  // neither each made into an object nor sorted for two of them.
  const top: { file: string; row: ValueRow; effect: 'better' | 'worse' | null; weight: number }[] = [];
  for (let i = 0; i < metrics.length; i++) {
    const f = metrics[i]!;
    const list = f.rows;
    for (let k = 0; k < list.length; k++) {
      const r = list[k]!;
      if (!r.changed || r.diff === undefined || Number.isNaN(r.diff)) continue;
      const mark = effect(r.diff, directionOf(f.path, r.key));
      const weight = (mark === 'worse' ? 3 : mark === 'better' ? 2 : 1) * 1e6 + Math.min(1e5, Math.abs(r.relative ?? r.diff));
      let at = top.length;
      while (at > 0 && top[at - 1]!.weight < weight) at--;
      if (at >= TOP) continue;
      top.splice(at, 0, { file: f.path, row: r, effect: mark, weight });
      if (top.length > TOP) top.pop();
    }
  }
  const name = metricNames(metrics);
  return top.map((x) => ({ text: change(name(x.file, x.row.key), x.row, x.effect), effect: x.effect }));
}

function change(key: string, row: ValueRow, mark?: 'better' | 'worse' | null): string {
  // An int beyond ±2^53 digit for digit, as the table has it.
  const [a, b] =
    isIntLeaf(row.old) || isIntLeaf(row.new)
      ? formatRowValues(row)
      : formatPair(numericValue(row.old)!, numericValue(row.new)!, [isFloat(row.old), isFloat(row.new)]);
  const by = percent(row) ?? signedDiff(row as ValueRow & { diff: number });
  return `${short(key)} ${by} (${a} → ${b}${mark ? `, ${mark}` : ''})`;
}

/** A name from a file, cut to fit a line (a check run's title, a heading). */
function short(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** At most NAMED items, then how many more. */
function named(items: string[]): string {
  const unique = [...new Set(items)];
  return unique.slice(0, NAMED).join(', ') + more(unique.length - NAMED);
}

function more(n: number): string {
  return n > 0 ? ` and ${n} more` : '';
}

/** `2 metrics and 1 param changed`; with no base, how many were read. */
function counts(report: Omit<ReportData, 'verdict'>): string {
  const plural = (n: number, word: string) => `${groupDigits(n)} ${word}${n === 1 ? '' : 's'}`;
  const count = (files: FileDiff[], pick: (r: ValueRow) => boolean) => {
    let n = 0;
    for (let i = 0; i < files.length; i++) {
      const rows = files[i]!.rows;
      for (let k = 0; k < rows.length; k++) if (pick(rows[k]!)) n++;
    }
    return n;
  };
  if (!report.base)
    return `${plural(
      count(report.metrics, () => true),
      'metric',
    )} and ${plural(
      count(report.params, () => true),
      'param',
    )} at the head`;
  return `${plural(
    count(report.metrics, (r) => r.changed),
    'metric',
  )} and ${plural(
    count(report.params, (r) => r.changed),
    'param',
  )} changed`;
}
