import type { HistorySection } from '../history/types';
import type { ReportData } from '../report/types';
import { UserError } from '../util/errors';
import { rulesHint } from './hints';

/**
 * The base branch's history that `history.*` rules are judged by in a sweep: the one the jobs' reports carry. Every
 * job compared with the same base commit and so read the same history; one copy stands for all. Reports whose
 * histories differ (another `history` depth, a commit one job could not read) are refused naming the jobs: the rule
 * would otherwise judge every configuration by one job's noise while the others saw another. null: there is no base
 * (the rules follow `missing-base`); undefined: no job read a history (history off), which the rule reports itself.
 */
export function sharedHistory(runs: { name: string; report: ReportData }[], hasBase: boolean, cli?: boolean): HistorySection | null | undefined {
  if (!hasBase) return null;
  const read = runs.filter((r) => r.report.history);
  const first = read[0];
  if (!first) return undefined;
  const branch = first.report.history!.branch;
  const none = runs.find((r) => !r.report.history);
  if (none) throw disagree(cli, `${first.name} read the history of ${branch}, ${none.name} read none (history off in that job?)`);
  const other = read.find((r) => r.report.history!.branch !== branch);
  if (other) throw disagree(cli, `${first.name} read the history of ${branch}, ${other.name} that of ${other.report.history!.branch}`);

  const metrics = new Map<string, { metric: HistorySection['metrics'][number]; run: string; points: string }>();
  for (const run of read) {
    for (const m of run.report.history!.metrics) {
      const id = `${m.file}\u0000${m.key}`;
      const points = JSON.stringify(m.points.map((p) => [p.commit, p.value]));
      const seen = metrics.get(id);
      // The head's value is each job's own; the configuration's value takes its place in the gate.
      if (!seen) metrics.set(id, { metric: { ...m, head: null }, run: run.name, points });
      else if (seen.points !== points) {
        throw disagree(
          cli,
          `for \`${m.file}:${m.key}\`, ${seen.run} read ${count(seen.metric.points)} and ${run.name} ${count(m.points)}${firstDifference(seen.metric.points, m.points)}`,
        );
      }
    }
  }
  return {
    ...first.report.history!,
    metrics: [...metrics.values()].map((m) => m.metric),
    notes: [...new Set(read.flatMap((r) => r.report.history!.notes))],
  };
}

/** The jobs read different histories; `what` says where (two jobs, and the commit where they part). */
export class HistoriesDiffer extends UserError {
  constructor(
    readonly what: string,
    cli?: boolean,
  ) {
    super(
      `The jobs' reports carry different histories of the base branch (${what}). A history.* rule in a sweep is judged by the history every job read; run the jobs with the same history depth (${cli ? '`--history`' : 'input `history`'}), or give the aggregate rules without history.* (${rulesHint(cli)}).`,
    );
  }
}

function disagree(cli: boolean | undefined, what: string): HistoriesDiffer {
  return new HistoriesDiffer(what, cli);
}

function count(points: unknown[]): string {
  return `${points.length} value${points.length === 1 ? '' : 's'}`;
}

/** `; at 1a2b3c4: 0.91 and 0.9`: where two histories of one metric (oldest first) part. */
function firstDifference(a: { commit: string; value: number }[], b: { commit: string; value: number }[]): string {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const p = a[i];
    const q = b[i];
    if (!p || !q) return `; ${(p ?? q)!.commit.slice(0, 7)} is in one only`;
    if (p.commit !== q.commit) return `; they part at ${p.commit.slice(0, 7)} and ${q.commit.slice(0, 7)}`;
    if (p.value !== q.value) return `; at ${p.commit.slice(0, 7)}: ${p.value} and ${q.value}`;
  }
  return '';
}
