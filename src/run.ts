import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { guardReproduction, mayReproduce } from './config/repro-guard';
import { aggregateRuns } from './aggregate/compose';
import { aggregateMarkdown, gatesHeadline } from './aggregate/markdown';
import { configurationCount } from './aggregate/unrun';
import { readRuns } from './aggregate/read';
import type { AggregateReport } from './aggregate/types';
import type { AggregateConfig, Config, GitHubContext, GitHubPublishConfig } from './config/types';
import { baseNotKnown, gateMetrics } from './gate';
import { cachedBaseRemedy, unreadBaseRemedy, unreadStoreRemedy, unrecordedBaseRemedy } from './gate/cached-remedy';
import { DEFAULT_CHECK_NAME, directionsAtBase, readProjectDirections, rulesAtBase, type BaseRulesFile } from './gate/config';
import { fromTop, projectRootAt } from './config/project-root';
import { logGates } from './gate/log';
import { withGateRechecked } from './gate/recheck';
import { GitRepo, shortSha } from './git/repo';
import { resolveBase } from './git/revisions';
import { checkHistoryRules, DEFAULT_HISTORY } from './history/config';
import { readProjectHistory } from './history/read';
import type { StoreReader } from './history/types';
import { composeMarkdown } from './report/markdown';
import { imagesIn } from './report/images';
import { reportJson } from './report/to-json';
import type { ReportData } from './report/types';
import { verdictOf } from './report/verdict';
import { renderPlots } from './plots/render-plots';
import { drawTrends } from './history/draw-trends';
import { planTrends } from './history/trends';
import { GateCheckPublisher } from './publish/github/checks';
import { LocalFilesPublisher } from './publish/local';
import { HubCommentPublisher } from './publish/hub/comment';
import { MlflowTarget } from './publish/hub/mirrors';
import { JobSummaryPublisher } from './publish/summary';
import { AggregateCheckPublisher, AggregateCommentPublisher, AggregateSummaryPublisher } from './publish/aggregate';
import { readArtifact } from './publish/github/artifact';
import { ArtifactUpload, artifactServiceMissing, ReportArtifact, wantsArtifact } from './publish/artifact/report';
import { GitHubPublisher } from './publish/github/publisher';
import type { ReportFolder } from './publish/github/body';
import { publishAll, type PlannedTarget, type PublishResults } from './publish/runner';
import type { Target } from './publish/types';
import { dvcPushStep, reproduceStep, type ReproduceSummary } from './pipeline/engine';
import { FileCommandsGuard } from './pipeline/file-commands';
import { isDvcYaml, joinPath, LoadedProjects, WORKSPACE, type DvcProject } from './dvc/project';
import { projectDag, projectPath, stageAddress, type Dag } from './pipeline/dag';
import { cutBefore, loadedPipeline, nestedPipelines, pipelineStatus } from './pipeline/repro';
import { trustedRemotes } from './pipeline/trusted-remotes';
import { Deadline, DEFAULT_DEADLINE_MINUTES, type PublishingLimits } from './util/deadline';
import { describeError, UserError } from './util/errors';
import { makeOutFolder } from './util/files';
import type { Logger } from './util/log';
import { redactDeep } from './util/redact';
import type { DataOptions } from './pipeline/restore';
import { cliRemoteInputs } from './dvc/data/remotes/open';
import { collectAndCompare } from './values/collect';
import type { ProjectRoots } from './values/moved-root';
import type { Comparison } from './values/collect';
import { explainChanges } from './causes/gather';
import { baseStaleness } from './causes/base-status';
import { HistoryStore, storeReader } from './history/store';
import { withStoreBase } from './history/store-base';
import { HistoryRecorder } from './history/store-write';
import { VERSION } from './version';
import { commitTree, ReadBudget, WorkspaceListing, workspaceTree, type Tree } from './workspace/tree';
import { collectDataChanges } from './data-diff/collect';

export interface RunResult {
  report: ReportData | AggregateReport;
  markdown: string;
  /** report.md and report.json, or null when they could not be written (the error says why). */
  reportPath: string | null;
  reportJsonPath: string | null;
  /**
   * False when something the user asked for failed (a publisher, a failing-level gate rule, later a stage); null in
   * `mode: publish`, which posts what another run made and can vouch for none of it (its gate included).
   */
  passed: boolean | null;
  /** The report's comment on GitHub, when one was posted. */
  commentUrl: string | null;
  /** Whether the step should fail: `passed` is false, unless only gates broke and `fail-on-threshold` is false. */
  failStep: boolean;
}

/** One run, top to bottom: revisions → reproduce → collect → compare → gate → compose → publish. */
export async function run(config: Config, log: Logger): Promise<RunResult> {
  // The clock starts before anything else: the budget is for the whole run, from the action's start, in every mode.
  const deadline = new Deadline(config.deadlineMinutes ?? DEFAULT_DEADLINE_MINUTES, config.github === null ? '--deadline-minutes' : 'deadline-minutes');
  await makeOutFolder(config.outDir, outSetting(config));
  if (config.githubPublish?.mode === 'publish') return publishArtifact(config, log, deadline);
  if (config.githubPublish?.mode === 'aggregate') return runAggregate(aggregateConfig(config), log, deadline);
  return GitRepo.using(config.workspace, (git) => runIn(git, config, log, deadline));
}

async function runIn(git: GitRepo, config: Config, log: Logger, deadline: Deadline): Promise<RunResult> {
  const historyDepth = config.history ?? DEFAULT_HISTORY;
  const historySetting = config.github === null ? `--history ${historyDepth}` : `input 'history' is ${historyDepth}`;
  checkHistoryRules(config.gate?.rules ?? [], historyDepth, historySetting);
  const missedBase: string[] = [];
  const base = await resolveBase(git, config.baseCandidates, log, missedBase, unreadBaseRemedy(config.github === null));
  const headSha = await git.resolveCommit('HEAD');
  log.info(
    `Comparing ${config.headLabel} with ${base ? `${base.label} (${base.sha})` : missedBase.length ? 'a base revision that could not be read' : 'no base'}.`,
  );

  // The hub's token serves a DagsHub DVC remote of the same hub (and no other host). Where the PR's code is not
  // trusted, neither is its .dvc/config: the remotes' settings come from the base revision.
  const eventName = config.github?.eventName ?? '';
  const allowRepro = config.githubPublish?.allowPullRequestTargetRepro ?? false;
  const remotes = mayReproduce(eventName, allowRepro).allowed
    ? null
    : await trustedRemotes(git, config.workspace, headSha, base, config.baseCandidates, eventName);
  for (const note of remotes?.notes ?? []) log.warning(note);
  const data: DataOptions = {
    // On the CLI its own credentials and hints (its commands, not the action's inputs).
    ...(config.github === null && cliRemoteInputs()),
    ...(config.hub?.token && { hub: { url: config.hub.url, user: config.hub.user ?? config.hub.token, password: config.hub.token } }),
    ...(remotes && { trusted: remotes.trusted }),
  };
  const reproduction = guardReproduction(
    {
      workspace: config.workspace,
      repro: config.repro,
      runCommands: config.runCommands,
      data,
      deadline,
      ...(config.github === null && { noDvcHint: 'install DVC, or pass --repro builtin' }),
    },
    eventName,
    allowRepro,
  );
  if (reproduction.refused) log.warning(reproduction.refused);
  // In a workflow, what the stages appended to the step's file commands (found in the runner's temporary folder) goes.
  const fileCommands = config.github ? await FileCommandsGuard.record(process.env) : null;
  const pipeline = await reproduceStep(reproduction.step, log);
  // A reproduction that rewrote dvc.lock or outputs git tracks left values no commit holds: the head is named again.
  const headLabel = pipeline && config.relabelHead ? await config.relabelHead() : config.headLabel;
  const written = (await fileCommands?.cut()) ?? [];
  if (written.length)
    log.warning(
      `A stage wrote to this step's ${written.join(', ')} file: removed. A stage may not set the action's outputs, the job's environment or its summary.`,
    );

  // One read budget for every project file this run reads, at the head and at the base; one listing of the
  // workspace, taken when a step first lists it, and the project at each revision, loaded once for every step that
  // reads it — made now that the reproduction, the step that writes files, has run (a push writes none).
  const budget = new ReadBudget();
  const listing = new WorkspaceListing(config.workspace);
  const projects = new LoadedProjects();
  const headTree = workspaceTree(config.workspace, { budget, listing });
  // A project that stopped the reproduction was said then; the steps below meet it again, and show it without saying it.
  if (pipeline?.stopped) projects.sayOnce(WORKSPACE, pipeline.stopped);
  if (config.dvcPush && pipeline && !reproduction.refused) {
    const pushed = deadline.passed()
      ? { name: 'dvc push', status: 'not-run' as const, seconds: 0, reasons: [deadline.skipped('dvc push')] }
      : await dvcPushStep(config.workspace, log, data, () => projects.at(WORKSPACE, headTree));
    pipeline.stages.push(pushed);
    if (pushed.status === 'failed') pipeline.passed = false;
  }

  // The base's project is where the base revision has it: a pull request that adds or deletes a `.dvc/` moves its own root.
  const roots = base ? await projectRoots(git, base.sha, config.workingDirectory ?? config.workspace, config.workspace) : undefined;
  const comparison = await collectAndCompare(
    git,
    {
      workspace: config.workspace,
      base,
      ...(roots && { roots }),
      metricsPaths: config.metricsPaths,
      paramsPaths: config.paramsPaths,
      headLabel,
      budget,
      data,
      listing,
      projects,
    },
    log,
  );
  for (const error of comparison.headErrors) if (projects.sayOnce(WORKSPACE, error)) log.error(error);
  const dataChanges = await collectDataChanges(git, { workspace: config.workspace, base, headLabel, budget, data, listing, projects }, log);
  // Metrics produced in CI are not in git at the base: the store's record of the base commit stands in for them.
  const store = config.historyStore ? new HistoryStore(git, config.historyStore.branch) : null;
  const fromStore = store ? await withStoreBase(comparison.metrics, base, store, log) : null;
  if (fromStore) comparison.metrics = fromStore.metrics;
  // Files whose base values only a store that could not be fetched holds: not known at the base, not new. So are
  // files the store holds at other commits when it has no record of the base (its push run has not recorded it).
  const storeUnreadAtBase = fromStore?.storeUnread ?? new Map<string, string>();
  const unrecordedAtBase = fromStore?.unrecorded ?? new Map<string, string>();

  const plots = await renderPlots(
    git,
    {
      workspace: config.workspace,
      base,
      headLabel,
      plotsPaths: config.plotsPaths ?? null,
      budget,
      listing,
      projects,
      data,
      deadline,
      dir: join(config.outDir, 'plots'),
      linkPrefix: 'plots/',
    },
    loadPlotRenderer,
    log,
  );

  // .mlreport.yml at the base, read once for its rules and its directions.
  let atBase: Promise<BaseRulesFile> | undefined;
  const baseFile = (at: { sha: string; label: string }) => (atBase ??= baseRulesFile(git, at, config.workingDirectory ?? config.workspace));
  // A base that exists but could not be fetched is not known, which is no "no base": the gate and the report say why.
  const baseUnread = base ? null : missedBase.join('; ') || null;
  // A base found after candidates that could not be fetched (a push's `before`) is a fallback: the report says why.
  const baseFallback = base && missedBase.length ? missedBase.join('; ') : null;
  const gate = config.gate ? await rulesAtBase(config.gate, base, baseFile, baseUnread) : null;
  for (const note of gate?.notes ?? []) log.info(note);
  checkHistoryRules(gate?.rules ?? [], historyDepth, historySetting);

  // The base branch's history of each metric, from its commits in git. The history store's reader is passed here,
  // for commits whose metrics are not in git (DVC-cached, or made in CI).
  const historyStore: StoreReader | undefined = store ? storeReader(store) : undefined;
  const otherLayout = roots && roots.head !== roots.base ? movedRootHistory(roots, comparison) : undefined;
  const history =
    base && historyDepth > 0
      ? await readProjectHistory(
          git,
          {
            base,
            depth: historyDepth,
            metrics: comparison.metrics,
            budget,
            parsedAtBase: comparison.parsedAtBase,
            cli: config.github === null,
            ...(otherLayout && { otherLayout }),
          },
          { workspace: config.workspace, data, projects },
          historyStore,
          log,
        )
      : null;
  const unread = (side: 'head' | 'base') => comparison.errors.filter((e) => e.side === side && e.kind === 'metrics');
  const unreadAtHead = new Map(unread('head').map((e) => [e.path, e.message]));
  const unreadAtBase = new Map(unread('base').map((e) => [e.path, `${e.rev}: ${e.message}`]));
  // Without reproduction the metrics are whatever the last run left: say which stages that run no longer matches.
  // After a failed pipeline, the stages it did not run left the last run's values, as an out-of-date stage does.
  const metricsFiles = comparison.metrics.map((f) => f.path);
  const { stale, unknown, staleAtHead, staleWhy, freshnessUnknown } = pipeline
    ? await stagesNotRun(pipeline, config.workspace, headTree, projects, data, metricsFiles, log)
    : await staleStages(config.workspace, headTree, projects, data, metricsFiles, log);
  // A base committed without reproducing (a param changed and merged, say): its values are its stages' last run's.
  // One that could not be told (a pipeline that does not load there) is no up-to-date base: rules on `base` are errors.
  const baseStale = await baseStaleness(git, base, { budget, projects }, metricsFiles).catch((error: unknown) => {
    const why = `at ${base!.label}, ${describeError(error).replace(/\.$/, '')}`;
    return { stages: new Map<string, string[]>(), files: new Map<string, string[]>(), unknown: new Map(metricsFiles.map((f) => [f, why])) };
  });
  const staleAtBase = new Map(
    [...baseStale.files].map(([file, stages]) => [
      file,
      stages.map((s) => `stage '${s}' was out of date at ${base!.label} (${baseStale.stages.get(s)!.join('; ')}), as \`dvc status\` there says`).join('; '),
    ]),
  );
  const gates = gate
    ? gateMetrics(gate, comparison.metrics, base !== null, historyDepth > 0 ? history : undefined, {
        unreadAtHead,
        unreadAtBase,
        notKnownAtBase: comparison.notKnownAtBase,
        staleAtBase,
        baseFreshnessUnknown: baseStale.unknown,
        cachedAtBase: comparison.cachedAtBase,
        cachedAtHead: comparison.cachedAtHead,
        cachedRemedy: cachedBaseRemedy(config.github === null, store?.branch ?? null),
        storeUnreadAtBase,
        ...(store && { storeRemedy: unreadStoreRemedy(config.github === null, store.branch) }),
        unrecordedAtBase,
        ...(store && base && { unrecordedRemedy: unrecordedBaseRemedy(config.github === null, store.branch, shortSha(base.sha)) }),
        historyRemedy: {
          fetch: unreadBaseRemedy(config.github === null),
          'dvc-cache': cachedBaseRemedy(config.github === null, store?.branch ?? null, 'those commits'),
        },
        staleAtHead,
        staleWhy,
        freshnessUnknown,
        ...(baseUnread && { baseUnread, baseRemedy: unreadBaseRemedy(config.github === null) }),
        cli: config.github === null,
      })
    : null;
  const trends = await drawTrends(
    planTrends(history, gates, comparison.metrics),
    { dir: join(config.outDir, 'trends'), linkPrefix: 'trends/', headLabel, deadline },
    loadPlotRenderer,
  );
  for (const trend of trends) if (trend.error) log.warning(trend.error);

  const cli = config.github === null;
  // A base other than the fork point asked for (a shallow clone that does not reach it) is said where the changes are.
  const warnings: string[] = [...(base?.instead ? [base.instead] : []), ...(remotes?.notes ?? [])];
  if (!comparison.metrics.length && !comparison.params.length) {
    warnings.push(
      cli
        ? 'No metrics or params files found: name them in dvc.yaml, or pass --metrics and --params (a DagsHub logger project has metrics.csv and params.yml at the root).'
        : "No metrics or params files found: name them in dvc.yaml, or set the action's metrics and params inputs (a DagsHub logger project has metrics.csv and params.yml at the root).",
    );
  }
  // A change that moves the project root is compared with the base's own project: the report says so, and what is not.
  if (roots && roots.head !== roots.base) {
    const root = (folder: string) => (folder ? `${folder}/` : 'the top of the repository');
    warnings.push(
      `This change moves the project root (${root(roots.head)} here, ${root(roots.base)} at the base): metrics and params are compared with the files the base's own project names; plots, data changes and their causes are read from ${root(roots.head)} on both sides.`,
    );
  }
  // Why a rule on history.* had fewer values than asked for (a clone that could not fetch, files missing) goes beside it.
  if (history && gates?.rules.some((r) => r.noise))
    for (const note of history.notes) warnings.push(note.startsWith('History store: ') ? note : `History of ${history.branch}: ${note}`);
  // A check that could not be made is no "up to date": the report says so, unless it shows the broken file as an error.
  if (unknown && !comparison.headErrors.includes(unknown)) {
    const files = freshnessUnknown.size ? `; rules on the metrics files its stages write (${[...freshnessUnknown.keys()].join(', ')}) are not checked` : '';
    warnings.push(`Could not tell whether the pipeline is up to date: ${unknown.replace(/\.$/, '')}${files}.`);
  }
  // After a failed pipeline the stages that did not complete are said on the log as they failed; the report says so.
  if (stale.length && !pipeline) {
    for (const s of stale) log.warning(`Stage '${s.stage}' is out of date (${s.reasons.join('; ')}): the report shows the values of its last run.`);
    warnings.push(
      cli
        ? 'Out-of-date stages: run mlreport repro first, or pass --repro auto, so the values match this change.'
        : "Out-of-date stages: set the action's repro input to auto (or builtin, or dvc) so the values match this change.",
    );
  }
  const unknownAtBase = new Map<string, string[]>();
  for (const [file, why] of baseStale.unknown) unknownAtBase.set(why, [...(unknownAtBase.get(why) ?? []), file]);
  for (const [why, files] of unknownAtBase) {
    warnings.push(
      `At the base ${base!.label}, whether the stages were up to date could not be told (${why}): its values of ${files.map((f) => `\`${f}\``).join(', ')} may be a stage's last run's, so rules comparing them with \`base\` are not checked.`,
    );
  }
  for (const [file, stages] of baseStale.files) {
    const stale = stages.map((s) => `\`${s}\` (${baseStale.stages.get(s)!.join('; ')})`).join(', ');
    const one = stages.length === 1;
    warnings.push(
      `At the base ${base!.label}, stage${one ? '' : 's'} ${stale} ${one ? 'was' : 'were'} out of date, as \`dvc status\` there says: it was committed without reproducing ${one ? 'it' : 'them'}, so its values of \`${file}\` are ${one ? 'its' : 'their'} last run's, not of its own params, code and data, and changes are measured from that run.`,
    );
  }
  // Which way is better says whether the verdict line calls a change better: on a pull request, the base's say so.
  const headDirections = await readProjectDirections(config.workspace);
  // The same file the rules came from: where the base revision's project has it.
  const inForce = gate?.trustBase ? await directionsAtBase(headDirections, base, async () => (await baseFile(base!)).bytes) : null;
  if (inForce?.changed.length) {
    warnings.push(
      `This pull request changes \`directions:\` in .mlreport.yml (${inForce.changed.join(', ')}); on a pull request the base revision's apply, as its rules do, until it is merged.`,
    );
  }
  const metrics = await explainChanges(
    git,
    {
      workspace: config.workspace,
      base,
      budget,
      listing,
      projects,
      pipeline,
      stale,
      params: comparison.params,
      metrics: comparison.metrics,
      staleAtBase: baseStale.stages,
      unknownAtBase: [...unknownAtBase.keys()].map((why) => `whether the base's stages were up to date could not be told (${why})`),
    },
    log,
  );
  const facts: Omit<ReportData, 'verdict'> = {
    schemaVersion: 2,
    tool: { name: 'mlreport', version: VERSION },
    base: base ? { sha: base.sha, label: base.label } : null,
    ...(baseUnread && { baseUnread }),
    ...(baseFallback && { baseFallback }),
    head: { sha: headSha, label: headLabel },
    params: comparison.params,
    metrics,
    plots,
    gates,
    pipeline: pipeline ? { engine: pipeline.engine, stages: pipeline.stages } : null,
    warnings: [...deadline.notes(), ...warnings],
    directions: inForce?.directions ?? headDirections,
    stale,
    history,
    projectErrors: comparison.headErrors,
    notKnownAtBase: baseNotKnown(comparison.metrics, {
      unreadAtBase,
      notKnownAtBase: comparison.notKnownAtBase,
      cachedAtBase: comparison.cachedAtBase,
      storeUnreadAtBase,
      unrecordedAtBase,
    }),
    ...(freshnessUnknown.size && { freshnessUnknown: [...freshnessUnknown].map(([file, why]) => ({ file, why })) }),
    data: dataChanges,
    trends,
  };
  const report: ReportData = { ...facts, verdict: verdictOf(facts) };
  redactDeep(report); // Stage output and file text may carry secrets; every target renders from this data.

  // Publish. Each target draws the report from its data in its own way; its policy says what its failure does to
  // the run. The order matters twice: the comment hosts the plot images the summary and the check run then show,
  // and the artifact goes up when the comment was not posted, whatever the reason (or earlier, before a posted text
  // that sends the reader to it).
  const local = new LocalFilesPublisher(config.outDir, composeMarkdown, reportJson);
  // The hub and MLflow keep to the same limits as GitHub's requests.
  const { gh, limits } = githubPublishing(config, report, deadline, log);
  const clientOptions = { limit: limits.first };
  const artifactFirst = gh?.artifactFirst;
  const comment = gh ? new GitHubPublisher(gh.ctx, gh.texts, log, { baseDir: config.outDir, clientOptions, artifactFirst }) : null;
  const published = await publishAll(
    report,
    [
      { target: local, policy: 'required' },
      comment && { target: comment, policy: 'required' },
      config.summaryPath ? { target: new JobSummaryPublisher(config.summaryPath, config.outDir), policy: 'required' } : null,
      gates && gate && gh?.ctx.token
        ? {
            target: new GateCheckPublisher(
              {
                github: gh.ctx,
                checkName: gate.checkName,
                workspace: config.workspace,
                repoRoot: git.root,
                folder: reportFolder(gh.texts, config.outDir),
                ...(artifactFirst ? { artifactFirst: { upload: artifactFirst, outDir: config.outDir } } : {}),
                clientOptions,
              },
              log,
            ),
            policy: 'required',
          }
        : null,
      config.hub
        ? {
            target: new HubCommentPublisher(config.hub, log, { limit: limits.first }),
            policy: config.hub.required ? 'required' : 'optional',
            requiredBy: 'hub-required: true',
          }
        : null,
      config.mlflow
        ? {
            target: new MlflowTarget(config, config.mlflow, log, { limit: limits.first }),
            policy: config.mlflow.required ? 'required' : 'optional',
            requiredBy: 'hub-required: true',
          }
        : null,
      gh && artifactTarget(gh, comment),
      store && config.historyStore?.record && config.github
        ? { target: new HistoryRecorder(config.github, store, log, { limit: limits.last }), policy: 'never-fails' }
        : null,
    ],
    log,
  );

  const passed = (pipeline ? pipeline.passed : true) && !comparison.headErrors.length && !published.failed;
  const gatesBroke = gates !== null && !gates.passed;
  if (gates && gate) logGates(gates, gate, log);
  return {
    report,
    // Composed when asked for: the report files have it already, and `--quiet` does not print it.
    get markdown() {
      return composeMarkdown(report);
    },
    ...reportPaths(local, published.results),
    passed: passed && !gatesBroke,
    failStep: !passed || (gatesBroke && gate?.failOnThreshold !== false),
    commentUrl: locationOf(comment, published.results),
  };
}

/** `mode: publish` (the fork pattern's second workflow): post the report another run made; nothing is computed, only its gate re-checked. */
async function publishArtifact(config: Config, log: Logger, deadline: Deadline): Promise<RunResult> {
  const publish = config.githubPublish!;
  if (!config.github || !publish.artifactDir) throw new UserError("'mode: publish' runs only as a GitHub Action, with 'artifact-dir' set.");
  // Its numbers are the pull request's run's word; its gate's outcome is held to them.
  const report = withGateRechecked(await readArtifact(publish.artifactDir));
  redactDeep(report); // This workflow holds secrets the run that made the report never had; none may be posted.
  const comment = new GitHubPublisher(config.github, publish, log, {
    baseDir: publish.artifactDir,
    clientOptions: { limit: deadline.publishing().first },
    caution: UNVERIFIED,
    recheckedIn: { outDir: config.outDir, jobSummary: config.summaryPath !== null },
  });
  // report.md and report.json (the `report` outputs) are drawn from the re-checked data, as the comment is, never
  // the artifact's own files: its report.md and the verdict in its report.json are the pull request's word.
  const local = new LocalFilesPublisher(
    config.outDir,
    (r: ReportData) => composeMarkdown(r, { images: imagesIn(publish.artifactDir!, config.outDir), header: UNVERIFIED }),
    reportJson,
  );
  const published = await publishAll(
    report,
    [
      { target: local, policy: 'required' },
      { target: comment, policy: 'required' },
      // The same re-checked report as the comment, with its caution, showing the images the comment hosted.
      config.summaryPath ? { target: new JobSummaryPublisher(config.summaryPath, publish.artifactDir, UNVERIFIED), policy: 'required' } : null,
    ],
    log,
  );
  return {
    report,
    markdown: composeMarkdown(report),
    ...reportPaths(local, published.results),
    // The artifact's numbers and its gate's outcome are what the pull request's own run wrote: a later step that
    // tests `passed` must not be told a gate held on their word.
    passed: null,
    failStep: published.failed,
    commentUrl: locationOf(comment, published.results),
  };
}

/**
 * Above a report `mode: publish` posts: the pull request's run made it, and that run's workflow is the PR's to edit
 * (docs/security.md, the fork pattern), so its numbers are what the PR chose to say; its gate's outcome is held only
 * to them (withGateRechecked), and which rules it checked is the PR's word too.
 */
const UNVERIFIED =
  "> [!CAUTION]\n> Made by the pull request's own workflow run: its numbers and the rules its gate checked are posted as that run wrote them, not checked by this repository's workflow. Its gate's outcome is checked only against those numbers, and no check run is made from it.\n";

/**
 * `mlreport aggregate` and `mode: aggregate`: the matrix jobs' reports → one comparison of their configurations,
 * published as a run's report is: files, one sticky comment, the job summary, a check run for the gates, and the
 * artifact. A failed job fails the step as a failed stage would.
 */
export async function runAggregate(config: AggregateConfig, log: Logger, deadline = new Deadline(DEFAULT_DEADLINE_MINUTES)): Promise<RunResult> {
  await makeOutFolder(config.outDir, outSetting(config));
  const runs = await readRuns(config.dirs);
  for (const run of runs) if (run.failed !== null) log.error(`Job ${run.name}: ${run.failed}.`);
  const report = aggregateRuns(runs, {
    repeatParams: config.repeatParams,
    rankBy: config.rankBy,
    rules: config.rules,
    missingBase: config.missingBase,
    cli: config.github === null,
    expectedRuns: config.expectedRuns,
  });
  for (const missing of report.failedRuns.filter((f) => f.run.startsWith('missing '))) log.error(`${missing.run}: ${missing.reason}.`);
  redactDeep(report); // The jobs' reports may quote stage output; this job may hold secrets they never had.
  const configurations = configurationCount(report);
  log.info(`Aggregated ${runs.length} job${runs.length === 1 ? '' : 's'} into ${configurations} configuration${configurations === 1 ? '' : 's'}.`);

  const markdown = (r: AggregateReport) => aggregateMarkdown(r).body;
  const local = new LocalFilesPublisher(config.outDir, markdown, (r) => r);
  // As a run's: a comment that sends the reader to the artifact names the summary alone if it did not go up.
  const { gh, limits } = githubPublishing(config, report, deadline, log);
  const clientOptions = { limit: limits.first };
  const comment = gh ? new AggregateCommentPublisher(gh.ctx, gh.texts, log, { baseDir: config.outDir, clientOptions, artifactFirst: gh.artifactFirst }) : null;
  const published = await publishAll(
    report,
    [
      { target: local, policy: 'required' },
      comment && { target: comment, policy: 'required' },
      config.summaryPath ? { target: new AggregateSummaryPublisher(config.summaryPath, config.outDir), policy: 'required' } : null,
      report.gates && gh?.ctx.token
        ? { target: new AggregateCheckPublisher({ github: gh.ctx, checkName: config.checkName, clientOptions }, log), policy: 'required' }
        : null,
      gh && artifactTarget(gh, comment),
    ],
    log,
  );
  const gatesBroke = report.gates !== null && !report.gates.passed;
  if (report.gates && gatesBroke) log.error(`Gates: ${gatesHeadline(report)}.`);
  else if (report.gates) log.info(`Gates: ${gatesHeadline(report)}.`);
  const passed = !published.failed && !report.failedRuns.length;
  return {
    report,
    markdown: markdown(report),
    ...reportPaths(local, published.results),
    passed: passed && !gatesBroke,
    failStep: !passed || (gatesBroke && config.failOnThreshold),
    commentUrl: locationOf(comment, published.results),
  };
}

/** The action's inputs for `mode: aggregate`: rules from `thresholds` only, as the jobs' own live in their reports. */
function aggregateConfig(config: Config): AggregateConfig {
  const publish = config.githubPublish!;
  if (!publish.artifactDir) throw new UserError("'mode: aggregate' needs 'artifact-dir'.");
  return {
    dirs: [publish.artifactDir],
    outDir: config.outDir,
    summaryPath: config.summaryPath,
    repeatParams: config.sweep?.repeatParams ?? ['seed'],
    rankBy: config.sweep?.rankBy ?? null,
    expectedRuns: config.sweep?.expectedRuns ?? null,
    rules: config.gate?.rulesFrom === 'input' ? config.gate.rules : null,
    missingBase: config.gate?.missingBase ?? 'skip',
    failOnThreshold: config.gate?.failOnThreshold ?? true,
    checkName: config.gate?.checkName ?? DEFAULT_CHECK_NAME,
    github: config.github,
    githubPublish: publish,
  };
}

/**
 * The publishing settings the posted texts are drawn with: where no artifact can go up (GitHub Enterprise Server, no
 * runner), known before anything is posted, they name the out-dir as with `artifact: off` — every pointer in a posted
 * text names something that exists. The artifact target keeps the user's setting, and says why it uploads none.
 */
function textsConfig(cfg: GitHubPublishConfig, ctx: GitHubContext): GitHubPublishConfig {
  return cfg.artifact !== 'off' && artifactServiceMissing(ctx) ? { ...cfg, artifact: 'off' } : cfg;
}

/** Where a posted text finds the report folder: the workflow artifact, unless mlreport uploads none. */
function reportFolder(cfg: GitHubPublishConfig, outDir: string): ReportFolder {
  return cfg.artifact === 'off' ? { artifact: false, outDir } : { artifact: true };
}

/** Publishing to GitHub as a run and an aggregate both do it; `ctx` and `cfg` are the config's, `texts` textsConfig's. */
interface GitHubPublishing<R extends Pick<ReportData, 'plots'>> {
  ctx: GitHubContext;
  cfg: GitHubPublishConfig;
  texts: GitHubPublishConfig;
  artifact: ArtifactUpload<R>;
  /** For a posted text that sends the reader to the artifact: uploads it first (true when it went up). */
  artifactFirst?: () => Promise<boolean>;
}

/**
 * The GitHub side of publishing `report` (null when it is not posted there), and the limits of every target's
 * requests: none starts or waits past the budget, or a short grace when it is (nearly) spent; the targets before
 * the artifact leave it the end of that, so a hung API cannot spend it.
 */
function githubPublishing<R extends Pick<ReportData, 'plots'>>(
  config: { github: GitHubContext | null; githubPublish?: GitHubPublishConfig | null; outDir: string },
  report: R,
  deadline: Deadline,
  log: Logger,
): { gh: GitHubPublishing<R> | null; limits: PublishingLimits } {
  const texts = config.github && config.githubPublish ? textsConfig(config.githubPublish, config.github) : undefined;
  const limits = deadline.publishing(artifactFallback(texts));
  if (!config.github || !config.githubPublish || !texts) return { gh: null, limits };
  const artifact = new ArtifactUpload<R>(config.githubPublish, config.outDir, config.github, log, { limit: limits.last });
  // A posted text that sends the reader to the artifact uploads it first, and names the out-dir if it did not go up.
  const artifactFirst = texts.artifact !== 'off' ? async () => (await artifact.upload(report)) !== null : undefined;
  return { gh: { ctx: config.github, cfg: config.githubPublish, texts, artifact, artifactFirst }, limits };
}

/** The artifact as the last GitHub target: uploaded unless a posted text did, when the comment's result and `artifact:` want it. */
function artifactTarget<R extends Pick<ReportData, 'plots'>>(gh: GitHubPublishing<R>, comment: Target<R> | null): PlannedTarget<R> {
  return {
    target: new ReportArtifact(gh.artifact),
    policy: 'never-fails',
    when: (results) => wantsArtifact(gh.cfg.artifact, comment ? results.get(comment) : undefined, results),
  };
}

/** What publishing keeps the end of its limit for (Deadline.publishing()): the artifact, unless it is off. */
function artifactFallback(cfg: GitHubPublishConfig | undefined): string | undefined {
  return cfg && cfg.artifact !== 'off' ? 'the workflow artifact' : undefined;
}

/** Where report.md and report.json are, if they were written. */
function reportPaths(local: LocalFilesPublisher<never>, results: PublishResults): Pick<RunResult, 'reportPath' | 'reportJsonPath'> {
  const written = results.get(local)?.status === 'published';
  return { reportPath: written ? local.markdownPath : null, reportJsonPath: written ? local.jsonPath : null };
}

function locationOf(target: Target<never> | null, results: PublishResults): string | null {
  const result = target && results.get(target);
  return result?.status === 'published' ? result.location : null;
}

/**
 * Stages whose dvc.lock entry no longer matches the workspace (`mlreport status`), from the run's project; `unknown`:
 * why that could not be told (a dvc.yaml or dvc.lock that does not load), said on the log here only if no step said
 * it before. A stage whose only change is outputs (and `.dvc` data) not in the workspace, all in the cache or on the
 * remote — a fresh clone that has not pulled — is not out of date: its values are read by dvc.lock's hashes, the
 * values of this commit's run, as `repro` would restore them. `staleAtHead`: of `metricsFiles`, those an out-of-date
 * stage writes, or a stage downstream of one in the project's whole DAG (its inputs are that stage's last outputs),
 * with the out-of-date stages.
 * `reproduced`: after a reproduction, the stages it has a result for; the other dvc.yaml files' stages but those are
 * checked (stagesNotRun says why).
 */
async function staleStages(
  workspace: string,
  tree: Tree,
  projects: LoadedProjects,
  data: DataOptions,
  metricsFiles: string[],
  log: Logger,
  reproduced?: ReadonlySet<string>,
): Promise<Staleness & { staleWhy?: undefined }> {
  const staleAtHead = new Map<string, string[]>();
  const freshnessUnknown = new Map<string, string>();
  const project = await projects.at(WORKSPACE, tree);
  const nestedOnly = reproduced !== undefined;
  const root = !nestedOnly && existsSync(join(workspace, 'dvc.yaml'));
  const nested = (file: string) => isDvcYaml(file) && file !== 'dvc.yaml';
  if (!root && !project.dvcYamls.some((d) => nested(d.file)) && !project.errors.some((e) => (nestedOnly ? nested(e.file) : isDvcYaml(e.file)))) {
    return { stale: [], unknown: null, staleAtHead, freshnessUnknown };
  }
  try {
    // Every dvc.yaml's stages, as `dvc status` checks them: a stage of `sub/dvc.yaml` is named `sub/dvc.yaml:name`.
    const pipelines = [...(root ? [{ ...(await loadedPipeline(workspace, project)), file: 'dvc.yaml' }] : []), ...(await nestedPipelines(workspace, project))];
    const stages = [];
    for (const p of pipelines) {
      for (const s of await pipelineStatus(p, [], { data }))
        if (!reproduced?.has(stageAddress(p.file, s.name))) stages.push({ ...s, name: stageAddress(p.file, s.name) });
    }
    for (const s of stages) if (s.restoreFrom) log.info(`Stage '${s.name}': its outputs are not in the workspace; read from ${s.restoreFrom} by dvc.lock.`);
    const stale = stages.filter((s) => s.changed && !s.restoreFrom && !s.uncachedOnly).map((s) => ({ stage: s.name, reasons: s.reasons }));
    const outOfDate = new Set(stale.map((s) => s.stage));
    const graph = outOfDate.size ? projectGraph(pipelines) : null;
    for (const file of graph ? metricsFiles : []) {
      const producer = graph!.producerOf(file);
      const feeding = producer === undefined ? null : upstreamOf(graph!.upstream, producer);
      // In pipeline order, as the verdict names them.
      const behind = feeding ? graph!.order.filter((s) => feeding.has(s) && outOfDate.has(s)) : [];
      if (behind.length) staleAtHead.set(file, behind);
    }
    return { stale, unknown: null, staleAtHead, freshnessUnknown };
  } catch (error) {
    // As `dvc status` refuses the whole project, whether any stage is up to date is not known: not "none is stale".
    const message = describeError(error);
    if (projects.sayOnce(WORKSPACE, message)) log.warning(`Could not tell whether the pipeline is up to date: ${message}`);
    return { stale: [], unknown: message, staleAtHead, freshnessUnknown: writtenByStages(project, metricsFiles, message) };
  }
}

/**
 * Whether the stages' values are this change's: `stale` names the stages that are not, with why; `staleAtHead` maps
 * the metrics files they write to them; `unknown` says why that could not be told, and `freshnessUnknown` maps the
 * metrics files a stage writes to it then.
 */
interface Staleness {
  stale: ReportData['stale'];
  unknown: string | null;
  staleAtHead: Map<string, string[]>;
  freshnessUnknown: Map<string, string>;
}

/**
 * Of `metricsFiles`, those a stage of any of the project's dvc.yaml files writes (or a folder it writes holds), and
 * those in the folder of a dvc.yaml that does not load (its stages are not known), each with `why`.
 */
function writtenByStages(project: DvcProject, metricsFiles: string[], why: string): Map<string, string> {
  const outs = project.dvcYamls.flatMap((d) => d.stages.flatMap((stage) => stage.outs.map((o) => joinPath(d.dir, projectPath(stage, o.path)))));
  const unloaded = project.errors.filter((e) => isDvcYaml(e.file)).map((e) => posix.dirname(e.file));
  const under = (file: string, folder: string): boolean => folder === '.' || folder === '' || file === folder || file.startsWith(`${folder}/`);
  const written = metricsFiles.filter(
    (file) => outs.some((out) => file === out || file.startsWith(`${out}/`)) || unloaded.some((folder) => under(file, folder)),
  );
  return new Map(written.map((file) => [file, why]));
}

/**
 * After a reproduction, the stages whose outputs are not this run's. When the pipeline did not pass: a stage that
 * failed, those it kept from running (or the deadline did), and, when the pipeline stopped before the runner reached
 * them (a `run` command failed, `dvc repro` did not start), every stage of the root dvc.yaml with no result. Their
 * outputs in the workspace, or read by dvc.lock's hashes from the cache or the remote, are the last run's (often the
 * base's own), not this change's. And, passed or not, the stages of the other dvc.yaml files (`sub/dvc.yaml`) the
 * pipeline did not run: the one reproduced is the root dvc.yaml's, as `dvc repro` reproduces by default (with `dvc
 * repro`, the other files' stages upstream of it too), so theirs are checked as staleStages checks them without a
 * reproduction, and the out-of-date ones are not this change's either, nor are those downstream, in the project's whole
 * DAG (across its dvc.yaml files), of a stage that failed or did not run (after `run` commands alone, which are the
 * user's own reproduction, no stage is checked, at the root or not). As staleStages says of out-of-date stages,
 * `stale` names them with why, `staleAtHead` maps the metrics files they write to them, and `staleWhy` says, by stage,
 * why it made no values of this change.
 */
async function stagesNotRun(
  pipeline: ReproduceSummary,
  workspace: string,
  tree: Tree,
  projects: LoadedProjects,
  data: DataOptions,
  metricsFiles: string[],
  log: Logger,
): Promise<Staleness & { staleWhy: Map<string, string> }> {
  const project = await projects.at(WORKSPACE, tree);
  // A pipeline that does not load failed the run as a project error, said where it was met; which of its stages
  // ran is then not known here, so the files they write are of unknown freshness, as staleStages says.
  const unloaded: string[] = [];
  const loaded = async <T>(load: () => Promise<T[]>): Promise<T[]> =>
    load().catch((error: unknown) => {
      unloaded.push(describeError(error));
      return [];
    });
  const root = existsSync(join(workspace, 'dvc.yaml'))
    ? await loaded(async () => [{ file: 'dvc.yaml', dag: (await loadedPipeline(workspace, project)).dag }])
    : [];
  const pipelines = [...root, ...(await loaded(() => nestedPipelines(workspace, project)))];
  const results = new Map(pipeline.stages.map((s) => [s.name, s]));
  const firstFailure = pipeline.stages.find((s) => s.status === 'failed');
  const unstarted = pipeline.stages.find((s) => s.status === 'not-run' && s.stopped);
  const graph = projectGraph(pipelines);
  const atRoot = new Set(root.flatMap((p) => p.dag.order));
  // How a stage made no outputs in this run: it failed, or did not run (a root stage with no result did not, when the
  // pipeline stopped before the runner reached it); null when it made them, or is no stage the pipeline meant to run.
  const madeNothing = (stage: string): 'failed' | 'did not run' | null => {
    const result = results.get(stage);
    if (result) return result.status === 'failed' ? 'failed' : result.status === 'not-run' ? 'did not run' : null;
    return !pipeline.passed && atRoot.has(stage) ? 'did not run' : null;
  };
  const whyNot = (p: (typeof pipelines)[number], name: string): string | null => {
    const stage = stageAddress(p.file, name);
    const result = results.get(stage);
    if (result?.status === 'ran' || result?.status === 'skipped') return null;
    if (result?.status === 'failed') return `which failed${result.error ? ` (${result.error})` : ''}`;
    if (result) return `which did not run (${result.reasons[0] ?? 'not run'})`;
    if (pipeline.passed) return null;
    if (p.file === 'dvc.yaml') {
      if (firstFailure?.stopped) return `which did not run (${cutBefore(firstFailure.name)})`;
      // A `run` command the budget left no time for: the pipeline after it did not start, for the same reason.
      if (!firstFailure && unstarted?.reasons[0]) return `which did not run (${unstarted.reasons[0]})`;
      return `which did not run (${firstFailure ? `the pipeline stopped before it: ${firstFailure.name} failed` : 'the pipeline stopped before it'})`;
    }
    // Another dvc.yaml's stage with no result is no stage the pipeline meant to run (whether it is up to date is
    // below), unless a stage upstream of it in the project's whole DAG failed or did not run here — one of the root's,
    // or of any dvc.yaml `dvc repro` ran for the root's sake: its inputs are then that stage's last outputs, not this
    // change's, however up to date they look.
    const upstream = upstreamOf(graph.upstream, stage);
    const blocker = graph.order.find((u) => u !== stage && upstream.has(u) && madeNothing(u) !== null);
    return blocker === undefined ? null : `which did not run (upstream stage '${blocker}' ${madeNothing(blocker)})`;
  };
  const staleAtHead = new Map<string, string[]>();
  const staleWhy = new Map<string, string>();
  const order: string[] = [];
  for (const p of pipelines) {
    for (const name of p.dag.order) order.push(stageAddress(p.file, name));
    for (const file of metricsFiles) {
      const producer = producerIn(p, file);
      const address = producer === undefined ? null : stageAddress(p.file, producer);
      const why = producer === undefined ? null : whyNot(p, producer);
      if (address === null || why === null) continue;
      staleAtHead.set(file, [address]);
      staleWhy.set(address, why);
    }
  }
  // The `run` commands alone are the user's own reproduction, which mlreport does not second-guess, here as at the root.
  const outOfDate: Staleness =
    pipeline.engine === 'run'
      ? { stale: [], unknown: null, staleAtHead: new Map<string, string[]>(), freshnessUnknown: new Map<string, string>() }
      : await staleStages(workspace, tree, projects, data, metricsFiles, log, new Set(results.keys()));
  for (const s of outOfDate.stale) {
    log.warning(`Stage '${s.stage}' is out of date (${s.reasons.join('; ')}) and was not reproduced: the report shows the values of its last run.`);
    // An upstream stage that failed says more of why it did not run.
    if (!staleWhy.has(s.stage))
      staleWhy.set(s.stage, `which did not run (out of date: ${s.reasons.join('; ')}; the run reproduces the root dvc.yaml's stages only)`);
  }
  for (const [file, stages] of outOfDate.staleAtHead) staleAtHead.set(file, [...new Set([...(staleAtHead.get(file) ?? []), ...stages])]);
  // In pipeline order, as the report lists stages.
  const stale = order.filter((s) => staleWhy.has(s)).map((s) => ({ stage: s, reasons: [staleWhy.get(s)!.replace(/^which /, '')] }));
  const unknown = unloaded[0] ?? outOfDate.unknown;
  const freshnessUnknown = unloaded.length && pipeline.engine !== 'run' ? writtenByStages(project, metricsFiles, unknown!) : outOfDate.freshnessUnknown;
  return { stale, unknown, staleAtHead, staleWhy, freshnessUnknown };
}

/** The stage of a dvc.yaml that writes a project file: its DAG holds paths from the dvc.yaml's own folder. */
function producerIn(pipeline: { file: string; dag: Pick<Dag, 'producerOf'> }, file: string): string | undefined {
  return pipeline.dag.producerOf(posix.relative(posix.dirname(pipeline.file), file));
}

/**
 * The project's stages, named by stageAddress, as one DAG across its dvc.yaml files (projectDag): what a stage of
 * one file reads of another file's stage puts it downstream of that stage. Where the files' stages make no one DAG
 * (an output two files' stages write, a cycle through two files: DVC refuses such a project), a stage is still
 * downstream of every stage whose outputs its inputs overlap, in whichever file: what is downstream of a failure is
 * not this change's in a project DVC would refuse either.
 */
function projectGraph(pipelines: { file: string; dag: Dag }[]): Pick<Dag, 'order' | 'upstream' | 'producerOf'> {
  try {
    return projectDag(pipelines);
  } catch {
    const stages = pipelines.flatMap((p) =>
      [...p.dag.nodes].map(([name, node]) => {
        const fromRoot = (path: string) => posix.normalize(posix.join(posix.dirname(p.file), path));
        return { address: stageAddress(p.file, name), deps: node.deps.map(fromRoot), outs: node.outs.map(fromRoot) };
      }),
    );
    const overlap = (a: string, b: string) => a === b || a === '.' || b === '.' || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
    const upstream = new Map(
      stages.map((s) => [s.address, stages.filter((o) => o !== s && s.deps.some((d) => o.outs.some((out) => overlap(d, out)))).map((o) => o.address)]),
    );
    return {
      order: stages.map((s) => s.address),
      upstream,
      producerOf: (file) => stages.find((s) => s.outs.some((out) => file === out || file.startsWith(`${out}/`)))?.address,
    };
  }
}

/** `stage` and every stage it reads outputs of, directly or not. */
function upstreamOf(upstream: Map<string, string[]>, stage: string): Set<string> {
  const seen = new Set([stage]);
  for (const s of seen) for (const u of upstream.get(s) ?? []) seen.add(u);
  return seen;
}

/**
 * The project root at the head (the workspace) and at the base (found there from the working directory, by the rule
 * that found the head's), from the top of the work tree; undefined when the workspace is not inside it.
 */
async function projectRoots(git: GitRepo, baseSha: string, start: string, workspace: string): Promise<ProjectRoots | undefined> {
  const [head, from] = await Promise.all([fromTop(git.root, workspace), fromTop(git.root, start)]);
  if (head === null) return undefined;
  return { head, base: await projectRootAt(git, baseSha, from ?? '') };
}

/**
 * The metrics files whose history a change that moves the project root cannot read, with why: the head's path read
 * at the base branch's commits is not what their project named, unless the base's side of the comparison was read
 * there (the same file of the repository at both roots).
 */
function movedRootHistory(roots: ProjectRoots, comparison: Comparison): Map<string, string> {
  const root = (folder: string) => (folder ? `${folder}/` : 'the top of the repository');
  return new Map(
    comparison.metrics
      .filter((f) => !comparison.parsedAtBase.has(f.path))
      .map((f) => [
        f.path,
        `this change moves the project root (${root(roots.head)} here, ${root(roots.base)} at the base), and ${f.path} from ${root(roots.head)} is no metrics file the base branch's own project names`,
      ]),
  );
}

/**
 * .mlreport.yml where the base revision's project has it: its root found at the base from the working directory, by
 * the rule that found the head's, and read from the top of the work tree (the head's root may be below the base's).
 */
async function baseRulesFile(git: GitRepo, base: { sha: string; label: string }, start: string): Promise<BaseRulesFile> {
  const from = (await fromTop(git.root, start)) ?? '';
  return GitRepo.using(git.root, async (top) => {
    const folder = await projectRootAt(top, base.sha, from);
    const path = folder ? `${folder}/.mlreport.yml` : '.mlreport.yml';
    return { path, bytes: await commitTree(top, base.sha, base.label, { byPath: true }).read(path) };
  });
}

/** vega and the WebAssembly rasteriser are a separate chunk, read only when a run has a chart to draw. */
async function loadPlotRenderer() {
  const { loadRenderer } = await import('./plots/engine');
  return loadRenderer();
}

/** How the user set the report's folder: the CLI's option, or the action's input. */
function outSetting(config: { github: unknown }): string {
  return config.github === null ? '--out' : "input 'out-dir'";
}
