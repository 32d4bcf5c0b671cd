import type { ReportData } from '../../src/report/types';
import { verdictOf } from '../../src/report/verdict';

/** A report as a run makes it: no directions or stale stages unless given, and the verdict its data gives. */
export function reportOf(data: Omit<ReportData, 'verdict' | 'directions' | 'stale'> & Partial<Pick<ReportData, 'directions' | 'stale'>>): ReportData {
  const facts = { directions: [], stale: [], ...data };
  return { ...facts, verdict: verdictOf(facts) };
}
