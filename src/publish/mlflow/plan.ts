import type { ChangeInfo } from '../../config/types';
import { standingText } from '../../history/trends';
import type { ReportData } from '../../report/types';
import { displayValue } from '../../values/pyformat';
import { numericValue, type FileDiff } from '../../values/types';
import { fitValue, LENGTH_LIMITS, mlflowKey } from './batch';
import type { MlflowMetric, MlflowParam, MlflowTag } from './client';
import type { MetricSeries } from './series';

/** The tag that names a run's head commit: re-runs for the same commit find and update that run. */
export const RUN_KEY_TAG = 'mlreport.head_sha';

/** Tags `mlreport.history.<metric>`: where the head's value stands against the base branch's noise (the report's Trends). */
const HISTORY_TAG_PREFIX = 'mlreport.history.';

/** Everything one commit's MLflow run should hold. */
export interface RunPlan {
  runKey: string;
  runName: string;
  params: MlflowParam[];
  /** Final values (step 0) for metrics without a logged history. */
  finals: MlflowMetric[];
  /** Step series from training logs. */
  series: MlflowMetric[];
  tags: MlflowTag[];
}

/**
 * Turns a report into MLflow params, metrics and tags (the trends' verdicts among them). Keys are the report's keys (`train.loss`); a key found in
 * more than one file is prefixed by each file's path (`eval/test.json/loss`, `eval/train.json/loss`) so they
 * never collide, while the usual single-file names stay as people know them. Pure.
 */
export function planRun(
  data: ReportData,
  logs: MetricSeries[],
  context: { sha: string; change: ChangeInfo; markdown: string; now: number },
  notes: string[],
): RunPlan {
  const sha = context.sha;
  const metricKey = keyMaker([...rowsOf(data.metrics), ...logs.map((l) => ({ file: l.file, key: l.name }))], notes);
  const paramKey = keyMaker(rowsOf(data.params), notes);

  const series: MlflowMetric[] = [];
  const logged = new Set<string>();
  for (const s of logs) {
    const key = metricKey(s.file, s.name);
    logged.add(key);
    for (const p of s.points) series.push({ key, value: p.value, timestamp: p.timestamp, step: p.step });
  }
  const finals: MlflowMetric[] = [];
  for (const { file, key: name, value } of rowsOf(data.metrics)) {
    const key = metricKey(file, name);
    if (logged.has(key)) continue;
    // numericValue reads floats kept as written (`1.0`); booleans and strings are not MLflow metrics.
    const number = typeof value === 'boolean' ? undefined : numericValue(value ?? undefined);
    if (number === undefined || !Number.isFinite(number)) {
      notes.push(`Metric '${name}' in ${file} is ${JSON.stringify(value)}, not a number; MLflow metrics are numbers, so it was not logged.`);
      continue;
    }
    finals.push({ key, value: number, timestamp: context.now, step: 0 });
  }
  const params: MlflowParam[] = [];
  for (const { file, key: name, value } of rowsOf(data.params)) {
    const key = paramKey(file, name);
    // Params as DVC prints them (`1.0`, `True`, `['a', 'b']`); null stays JSON's `null`.
    params.push({ key, value: fitValue(key, value === null ? 'null' : displayValue(value, null), LENGTH_LIMITS.paramValue, notes) });
  }

  const change = context.change;
  const runName = `${change.branch ?? data.head.label} @ ${sha.slice(0, 7)}`;
  const tags: MlflowTag[] = [
    { key: RUN_KEY_TAG, value: sha },
    { key: 'mlflow.runName', value: runName },
    { key: 'mlflow.source.git.commit', value: sha },
    { key: 'mlflow.source.type', value: 'JOB' },
    { key: 'mlflow.source.name', value: change.runUrl ?? change.repository ?? 'mlreport' },
    { key: 'mlflow.note.content', value: noteContent(context.markdown, change.runUrl, notes) },
  ];
  if (change.branch) tags.push({ key: 'mlflow.source.git.branch', value: change.branch });
  if (change.repository) tags.push({ key: 'mlflow.source.git.repoURL', value: `https://github.com/${change.repository}` });
  if (change.prNumber !== null) tags.push({ key: 'ci.pr', value: String(change.prNumber) });
  if (change.runUrl) tags.push({ key: 'ci.run_url', value: change.runUrl });
  if (data.base?.sha) tags.push({ key: 'ci.base_sha', value: data.base.sha });
  // The report's verdict on each trend, to filter runs by (`tags."mlreport.history.accuracy" = 'beyond noise'`).
  for (const t of data.trends) tags.push({ key: mlflowKey(`${HISTORY_TAG_PREFIX}${metricKey(t.file, t.key)}`, notes), value: standingText(t.standing) });
  for (const t of tags) t.value = fitValue(t.key, t.value, LENGTH_LIMITS.tagValue, notes);
  return { runKey: sha, runName, params: dedupe(params, notes), finals, series, tags };
}

/** The report as the run's note; a long one is cut at a line break, with where to read the rest. */
function noteContent(markdown: string, runUrl: string | null, notes: string[]): string {
  if (markdown.length <= LENGTH_LIMITS.tagValue) return markdown;
  const trailer = `\n\n_The report was cut here to fit MLflow's ${LENGTH_LIMITS.tagValue}-character note; the full report is ${runUrl ? `in the workflow run: ${runUrl}` : 'in report.md'}._\n`;
  const room = LENGTH_LIMITS.tagValue - trailer.length;
  const cut = markdown.lastIndexOf('\n', room);
  notes.push(`The report is ${markdown.length} characters; the run's note keeps the first ${LENGTH_LIMITS.tagValue}.`);
  return markdown.slice(0, cut > room / 2 ? cut : room) + trailer;
}

/** Names keys as described on planRun: the file path in front only for keys two files share. */
function keyMaker(entries: { file: string; key: string }[], notes: string[]): (file: string, key: string) => string {
  const files = new Map<string, Set<string>>();
  for (const { file, key } of entries) files.set(key, (files.get(key) ?? new Set()).add(file));
  return (file, key) => mlflowKey((files.get(key)?.size ?? 0) > 1 ? `${file}/${key}` : key, notes);
}

function rowsOf(files: FileDiff[]): { file: string; key: string; value: NonNullable<FileDiff['rows'][number]['new']> | null }[] {
  return files.flatMap((f) => f.rows.filter((r) => r.new !== undefined).map((r) => ({ file: f.path, key: r.key, value: r.new ?? null })));
}

/** Two keys that became one after cleaning: MLflow would reject the second param, so keep the first. */
function dedupe(params: MlflowParam[], notes: string[]): MlflowParam[] {
  const seen = new Map<string, string>();
  return params.filter((p) => {
    if (!seen.has(p.key)) return (seen.set(p.key, p.value), true);
    if (seen.get(p.key) !== p.value) notes.push(`Two params map to the MLflow key '${p.key}'; the first one was logged.`);
    return false;
  });
}
