import type { ReportData } from '../../src/report/types';
import { verdictOf } from '../../src/report/verdict';

/** A report as a run makes it: no directions, stale stages or history unless given, and the verdict its data gives. */
export function reportOf(
  data: Omit<ReportData, 'verdict' | 'directions' | 'stale' | 'history'> & Partial<Pick<ReportData, 'directions' | 'stale' | 'history'>>,
): ReportData {
  const facts = { directions: [], stale: [], history: null, ...data };
  return { ...facts, verdict: verdictOf(facts) };
}
