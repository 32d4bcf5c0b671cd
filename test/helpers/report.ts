import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportData } from '../../src/report/types';
import { verdictOf } from '../../src/report/verdict';

type Defaulted = 'directions' | 'stale' | 'history' | 'trends';

/** A report as a run makes it: no directions, stale stages, history or trends unless given, and the verdict its data gives. */
export function reportOf(data: Omit<ReportData, 'verdict' | Defaulted> & Partial<Pick<ReportData, Defaulted>>): ReportData {
  const facts = { directions: [], stale: [], history: null, trends: [], ...data };
  return { ...facts, verdict: verdictOf(facts) };
}

/** The report.json a run wrote in the folder `dir`, parsed. */
export function readReportJson<T = any>(dir: string): T {
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as T;
}
