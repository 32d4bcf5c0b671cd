import { guessDirection, type Direction } from '../values/direction';
import type { ReportData } from './types';

/** Which way is better for a metric of a file, when anything says so. */
export type DirectionOf = (path: string, key: string) => Direction | undefined;

/**
 * Which way is better, by what says it most plainly: a threshold rule on the metric (`>=` means higher), then
 * `.mlreport.yml`'s `directions:` (`path:key`, the key, or its last dotted part), then the metric's name. Pure.
 */
export function metricDirections(report: Pick<ReportData, 'gates' | 'directions'>): DirectionOf {
  const configured = new Map(report.directions.map((d) => [d.metric, d.better] as const));
  // A thousand metrics files mostly repeat a few names: each name's words are read once.
  const guessed = new Map<string, Direction | undefined>();
  const guess = (key: string): Direction | undefined => {
    if (!guessed.has(key)) guessed.set(key, guessDirection(key));
    return guessed.get(key);
  };
  // Most reports name no direction: each row then asks only its name.
  if (!configured.size && !report.gates?.directions.length) return (_path, key) => guess(key);
  return (path, key) =>
    report.gates?.directions.find((d) => d.file === path && d.key === key)?.better ??
    configured.get(`${path}:${key}`) ??
    configured.get(key) ??
    configured.get(key.slice(key.lastIndexOf('.') + 1)) ??
    guess(key);
}

/** Whether a row's change is better or worse, given which way is better; null when unknown or unchanged. */
export function effect(diff: number | undefined, direction: Direction | undefined): 'better' | 'worse' | null {
  if (!direction || diff === undefined || diff === 0 || Number.isNaN(diff)) return null;
  return (direction === 'higher') === diff > 0 ? 'better' : 'worse';
}
