import type { ChangeInfo, HubConfig, MlflowConfig } from '../../src/config/types';
import type { ReportData } from '../../src/report/types';
import type { FileDiff } from '../../src/values/types';
import { reportOf } from '../helpers/report';

export const TOKEN = 'dhp_s3cr3t-t0ken-value';
export const HEAD_SHA = 'a'.repeat(40);
/** Quick retries, so tests of dropped connections and 5xx take milliseconds. */
export const FAST = { backoffMs: 5, timeoutMs: 3000 };

export function change(overrides: Partial<ChangeInfo> = {}): ChangeInfo {
  return { repository: 'acme/iris', branch: 'tune-lr', sha: HEAD_SHA, prNumber: 7, runUrl: 'https://github.com/acme/iris/actions/runs/1', ...overrides };
}

export function hubConfig(url: string, overrides: Partial<HubConfig> = {}): HubConfig {
  return { kind: 'dagshub', url, owner: 'acme', repo: 'iris', user: 'ci-bot', token: TOKEN, required: false, change: change(), ...overrides };
}

export function mlflowConfig(trackingUri: string, overrides: Partial<MlflowConfig> = {}): MlflowConfig {
  return {
    trackingUri,
    experiment: 'acme/iris',
    auth: { kind: 'basic', username: 'ci-bot', password: TOKEN },
    required: false,
    change: change(),
    ...overrides,
  };
}

export function fileDiff(path: string, values: Record<string, number | string | boolean | null>): FileDiff {
  return { path, notes: [], rows: Object.entries(values).map(([key, v]) => ({ key, old: undefined, new: v, changed: true })) };
}

export function report(metrics: FileDiff[], params: FileDiff[], headSha: string | null = HEAD_SHA): ReportData {
  const data: ReportData = reportOf({
    schemaVersion: 2,
    tool: { name: 'mlreport', version: '0.0.0-test' },
    base: { sha: 'b'.repeat(40), label: 'main' },
    head: { sha: headSha, label: 'tune-lr' },
    params,
    metrics,
    plots: [],
    gates: null,
    pipeline: null,
    warnings: [],
  });
  return data;
}
