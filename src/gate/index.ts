import type { HistorySection } from '../history/types';
import type { GateSummary } from '../report/types';
import type { FileDiff } from '../values/types';
import { cachedUnreadWhy, evaluateRules, type EvaluateOptions } from './evaluate';
import { metricLookupFromDiffs } from './lookup';
import { gateSummary } from './summary';
import type { GateConfig } from './types';

/**
 * The gate step: the rules evaluated against the metrics diff; null when no rules are written anywhere. A PR that
 * proposes rules its base lacks gets a gate that checked nothing (it fails), never no gate. `history`: the base
 * branch's (null when there was none to read; undefined when history is off). `files.unreadAtHead`: metrics files
 * there at the head that could not be read, by path, with why: every rule on them is an error, `if present` or not,
 * as on a DVC output whose object could not be read there (`files.cachedAtHead`);
 * `files.unreadAtBase`: the same at the base, where a rule comparing with `base` is an error, as it is on a file whose
 * values at the base are not known (`files.notKnownAtBase`: its dvc.yaml or `.dvc` file does not load there; or
 * `files.cachedAtBase`: a DVC output whose object could not be read there, unless the history store gave its values);
 * `files.storeUnreadAtBase`: metrics files not in git at the base whose values the history store would hold, when it
 * could not be fetched: a rule comparing with `base` is an error there too, as on `files.unrecordedAtBase` (files the
 * store holds at other commits when it has no record of the base);
 * `files.staleAtBase`: metrics files whose base values a stage out of date at the base commit made, where a rule
 * comparing with `base` is an error too, as on those of `files.baseFreshnessUnknown` (metrics files a base stage writes
 * when whether the base's stages were up to date could not be told); `files.staleAtHead`: metrics files out-of-date stages write (not reproduced), or stages that failed or did not run (`files.staleWhy` says
 * why), with those stages: rules on them are errors, as on those of `files.freshnessUnknown` (metrics files a stage
 * writes when whether it is up to date could not be told); `files.baseUnread`: why a base revision there is could not be
 * fetched (`hasBase` false), which makes a rule comparing with `base` an error rather than a missing base. Pure.
 */
export function gateMetrics(
  gate: GateConfig,
  metrics: FileDiff[],
  hasBase: boolean,
  history?: HistorySection | null,
  files: Pick<
    EvaluateOptions,
    | 'unreadAtHead'
    | 'unreadAtBase'
    | 'notKnownAtBase'
    | 'staleAtBase'
    | 'baseFreshnessUnknown'
    | 'cachedAtBase'
    | 'cachedAtHead'
    | 'cachedRemedy'
    | 'storeUnreadAtBase'
    | 'storeRemedy'
    | 'unrecordedAtBase'
    | 'unrecordedRemedy'
    | 'historyRemedy'
    | 'staleAtHead'
    | 'staleWhy'
    | 'freshnessUnknown'
    | 'baseUnread'
    | 'baseRemedy'
    | 'cli'
  > = {},
): GateSummary | null {
  if (!gate.rules.length && !gate.proposed && !gate.baseUnread) return null;
  const lookups = metricLookupFromDiffs(metrics, history, files.unreadAtHead);
  const cachedAtBase = files.cachedAtBase && cachedNotKnown(metrics, files.cachedAtBase);
  const options = { missingBase: gate.missingBase, hasBase, ...files, ...(cachedAtBase && { cachedAtBase }) };
  const summary = gateSummary(evaluateRules(gate.rules, lookups, options), gate.proposed ?? null);
  if (!gate.baseUnread) return summary;
  return { ...summary, baseUnread: gate.baseUnread, ...(files.baseRemedy && { baseRemedy: files.baseRemedy }) };
}

/**
 * The metrics files whose values at the base are not known, with why, as the gate judged them (report.json's
 * `notKnownAtBase`, which the aggregate's gate reads): they cannot be read there, their dvc.yaml or `.dvc` file does
 * not load there, they are DVC-cached and no cache, remote or history store record gave them, or they are not in git
 * there and the history store that would hold them could not be fetched, or has no record of the base while it holds
 * them at other commits. Pure.
 */
export function baseNotKnown(
  metrics: FileDiff[],
  files: Pick<EvaluateOptions, 'unreadAtBase' | 'notKnownAtBase' | 'cachedAtBase' | 'storeUnreadAtBase' | 'unrecordedAtBase'>,
): { file: string; why: string }[] {
  const why = new Map<string, string>();
  for (const [file, error] of files.unreadAtBase ?? []) why.set(file, `${file} cannot be read at the base (${error})`);
  for (const [file, because] of files.notKnownAtBase ?? []) if (!why.has(file)) why.set(file, because);
  for (const [file, error] of cachedNotKnown(metrics, files.cachedAtBase ?? new Map())) {
    if (!why.has(file)) why.set(file, cachedUnreadWhy(file, error));
  }
  for (const [file, because] of files.storeUnreadAtBase ?? []) if (!why.has(file)) why.set(file, because);
  for (const [file, because] of files.unrecordedAtBase ?? []) if (!why.has(file)) why.set(file, because);
  return [...why].map(([file, because]) => ({ file, why: because }));
}

/** A file the history store gave base values for is known there: a metric its record lacks is new. */
function cachedNotKnown(metrics: FileDiff[], cachedAtBase: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...cachedAtBase].filter(([path]) => !metrics.some((f) => f.path === path && hasBaseValues(f))));
}

/** Whether a file's base side has any value (from git, the cache, or the history store). */
function hasBaseValues(file: FileDiff): boolean {
  return file.rows.some((r) => r.old !== undefined);
}
