import type { Config } from './config/types';
import { GitRepo } from './git/repo';
import { resolveBase } from './git/revisions';
import { composeMarkdown } from './report/markdown';
import type { ReportData } from './report/types';
import { LocalFilesPublisher } from './publish/local';
import { JobSummaryPublisher } from './publish/summary';
import type { Publisher } from './publish/types';
import { describeError } from './util/errors';
import type { Logger } from './util/log';
import { collectAndCompare } from './values/collect';
import { VERSION } from './version';

export interface RunResult {
  report: ReportData;
  markdown: string;
  reportPath: string;
  reportJsonPath: string;
  /** False when something the user asked for failed (a publisher, later a gate or a stage). */
  passed: boolean;
}

/** One run, top to bottom: revisions → values → compare → compose → publish. */
export async function run(config: Config, log: Logger): Promise<RunResult> {
  const git = await GitRepo.open(config.workspace);
  const base = await resolveBase(git, config.baseCandidates, log);
  const headSha = await git.resolveCommit('HEAD');
  log.info(`Comparing ${config.headLabel} with ${base ? `${base.label} (${base.sha})` : 'no base'}.`);

  const comparison = await collectAndCompare(
    git,
    { workspace: config.workspace, base, metricsPaths: config.metricsPaths, paramsPaths: config.paramsPaths, headLabel: config.headLabel },
    log,
  );

  const report: ReportData = {
    schemaVersion: 1,
    tool: { name: 'mlreport', version: VERSION },
    base: base ? { sha: base.sha, label: base.label } : null,
    head: { sha: headSha, label: config.headLabel },
    params: comparison.params,
    metrics: comparison.metrics,
    plots: [],
    gates: null,
    pipeline: null,
    warnings: comparison.metrics.length || comparison.params.length ? [] : ['No metrics or params files found: name them in dvc.yaml or with the `metrics`/`params` inputs.'],
  };
  const composed = { data: report, markdown: composeMarkdown(report) };

  const local = new LocalFilesPublisher(config.outDir);
  const publishers: Publisher[] = [local];
  if (config.summaryPath) publishers.push(new JobSummaryPublisher(config.summaryPath));
  let passed = true;
  for (const publisher of publishers) {
    try {
      await publisher.publish(composed);
    } catch (error) {
      passed = false;
      log.error(`Publishing to ${publisher.name} failed: ${describeError(error)}`);
    }
  }
  return { report, markdown: composed.markdown, reportPath: local.markdownPath, reportJsonPath: local.jsonPath, passed };
}
