import { join } from 'node:path';
import { guardReproduction } from './config/repro-guard';
import type { Config } from './config/types';
import { gateMetrics } from './gate';
import { logGates } from './gate/log';
import { GitRepo } from './git/repo';
import { resolveBase } from './git/revisions';
import { composeMarkdown } from './report/markdown';
import type { ReportData } from './report/types';
import { renderPlots } from './plots/render-plots';
import { GateCheckPublisher } from './publish/github/checks';
import { LocalFilesPublisher } from './publish/local';
import { publishMirrors } from './publish/hub/mirrors';
import { JobSummaryPublisher } from './publish/summary';
import { readArtifact } from './publish/github/artifact';
import { uploadReportArtifact, wantsArtifact } from './publish/artifact/report';
import { GitHubPublisher } from './publish/github/publisher';
import type { ComposedReport, Publisher } from './publish/types';
import { reproduceStep } from './pipeline/engine';
import { describeError, UserError } from './util/errors';
import type { Logger } from './util/log';
import { collectAndCompare } from './values/collect';
import { VERSION } from './version';
import { ReadBudget } from './workspace/tree';

export interface RunResult {
  report: ReportData;
  markdown: string;
  reportPath: string;
  reportJsonPath: string;
  /** False when something the user asked for failed (a publisher, a failing-level gate rule, later a stage). */
  passed: boolean;
  /** The report's comment on GitHub, when one was posted. */
  commentUrl: string | null;
  /** Whether the step should fail: `passed` is false, unless only gates broke and `fail-on-threshold` is false. */
  failStep: boolean;
}

/** One run, top to bottom: revisions → reproduce → values → compare → compose → publish. */
export async function run(config: Config, log: Logger): Promise<RunResult> {
  if (config.githubPublish?.mode === 'publish') return publishArtifact(config, log);
  const git = await GitRepo.open(config.workspace);
  const base = await resolveBase(git, config.baseCandidates, log);
  const headSha = await git.resolveCommit('HEAD');
  log.info(`Comparing ${config.headLabel} with ${base ? `${base.label} (${base.sha})` : 'no base'}.`);

  const reproduction = guardReproduction(
    { workspace: config.workspace, repro: config.repro, runCommands: config.runCommands },
    config.github?.eventName ?? '',
    config.githubPublish?.allowPullRequestTargetRepro ?? false,
  );
  if (reproduction.refused) log.warning(reproduction.refused);
  const pipeline = await reproduceStep(reproduction.step, log);

  // One read budget for every project file this run reads, at the head and at the base.
  const budget = new ReadBudget();
  const comparison = await collectAndCompare(
    git,
    { workspace: config.workspace, base, metricsPaths: config.metricsPaths, paramsPaths: config.paramsPaths, headLabel: config.headLabel, budget },
    log,
  );
  for (const error of comparison.headErrors) log.error(error);

  const plots = await renderPlots(
    git,
    {
      workspace: config.workspace,
      base,
      headLabel: config.headLabel,
      plotsPaths: config.plotsPaths ?? null,
      budget,
      dir: join(config.outDir, 'plots'),
      linkPrefix: 'plots/',
    },
    loadPlotRenderer,
    log,
  );

  for (const note of config.gate?.notes ?? []) log.info(note);
  const gates = config.gate ? gateMetrics(config.gate, comparison.metrics, base !== null) : null;

  const report: ReportData = {
    schemaVersion: 1,
    tool: { name: 'mlreport', version: VERSION },
    base: base ? { sha: base.sha, label: base.label } : null,
    head: { sha: headSha, label: config.headLabel },
    params: comparison.params,
    metrics: comparison.metrics,
    plots,
    gates,
    pipeline: pipeline ? { engine: pipeline.engine, stages: pipeline.stages } : null,
    warnings:
      comparison.metrics.length || comparison.params.length
        ? []
        : ['No metrics or params files found: name them in dvc.yaml or with the `metrics`/`params` inputs.'],
    projectErrors: comparison.headErrors,
  };
  const composed: ComposedReport = { data: report, markdown: composeMarkdown(report) };

  const local = new LocalFilesPublisher(config.outDir);
  const publishers: Publisher[] = [local];
  // GitHub before the job summary: the summary shows the plot images the comment's publisher hosted.
  const github =
    config.github && config.githubPublish
      ? new GitHubPublisher(config.github, config.githubPublish, log, { baseDir: config.outDir, useDataToFold: true })
      : null;
  if (github) publishers.push(github);
  if (config.summaryPath) publishers.push(new JobSummaryPublisher(config.summaryPath, config.outDir));
  if (gates && config.gate && config.github?.token) {
    publishers.push(new GateCheckPublisher({ github: config.github, checkName: config.gate.checkName, workspace: config.workspace, repoRoot: git.root }, log));
  }
  let passed = (pipeline ? pipeline.passed : true) && !comparison.headErrors.length;
  let commentUrl: string | null = null;
  let notPosted: string | null = null;
  for (const publisher of publishers) {
    try {
      const outcome = await publisher.publish(composed);
      if (publisher === github) {
        commentUrl = outcome.location ?? null;
        composed.hostedImages = outcome.hostedImages;
        notPosted = outcome.notPosted ?? null;
      }
    } catch (error) {
      passed = false;
      log.error(`Publishing to ${publisher.name} failed: ${describeError(error)}`);
    }
  }
  if (!(await publishMirrors(config, composed, log))) passed = false;
  // A report that could not be posted goes up as a workflow artifact, for a workflow_run workflow to post.
  if (config.github && config.githubPublish && wantsArtifact(config.githubPublish.artifact, notPosted)) {
    await uploadReportArtifact(config.githubPublish, config.outDir, composed, config.github.artifactRuntime ?? null, log);
  }
  const gatesBroke = gates !== null && !gates.passed;
  if (gates && config.gate) logGates(gates, config.gate, log);
  return {
    report,
    markdown: composed.markdown,
    reportPath: local.markdownPath,
    reportJsonPath: local.jsonPath,
    passed: passed && !gatesBroke,
    failStep: !passed || (gatesBroke && config.gate?.failOnThreshold !== false),
    commentUrl,
  };
}

/** `mode: publish` (the fork pattern's second workflow): post a report another run made; nothing is computed. */
async function publishArtifact(config: Config, log: Logger): Promise<RunResult> {
  const publish = config.githubPublish!;
  if (!config.github || !publish.artifactDir) throw new UserError("'mode: publish' runs only as a GitHub Action, with 'artifact-dir' set.");
  const composed = await readArtifact(publish.artifactDir, config.github.workflowRun?.headSha ?? config.github.headSha ?? config.github.sha);
  const reportPath = join(publish.artifactDir, 'report.md');
  const github = new GitHubPublisher(config.github, publish, log, { baseDir: publish.artifactDir, useDataToFold: false });
  try {
    const outcome = await github.publish(composed);
    return {
      report: composed.data,
      markdown: composed.markdown,
      reportPath,
      reportJsonPath: join(publish.artifactDir, 'report.json'),
      passed: true,
      failStep: false,
      commentUrl: outcome.location ?? null,
    };
  } catch (error) {
    log.error(`Publishing to GitHub failed: ${describeError(error)}`);
    return {
      report: composed.data,
      markdown: composed.markdown,
      reportPath,
      reportJsonPath: join(publish.artifactDir, 'report.json'),
      passed: false,
      failStep: true,
      commentUrl: null,
    };
  }
}

/** vega and the WebAssembly rasteriser are a separate chunk, read only when a run has a chart to draw. */
async function loadPlotRenderer() {
  const { loadRenderer } = await import('./plots/engine');
  return loadRenderer();
}
