import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DvcProject } from '../dvc/project';
import type { Deadline } from '../util/deadline';
import { describeError, UserError } from '../util/errors';
import type { Logger } from '../util/log';
import { loadPipeline, reproduce, TAIL_LINES } from './repro';
import { endOnAbort, resolveCommand, runShell, spawnStage, stageEnvironment, TailBuffer } from './shell';
import { pushProjectOutputs, type DataOptions } from './restore';
import { notPushedSummary, notPushedWarning } from '../dvc/data/transfer';
import type { StageResult } from './types';

/** `repro` input: `auto` runs the builtin runner when dvc.yaml exists; `dvc` shells out to `dvc repro`. */
export type ReproMode = 'auto' | 'builtin' | 'dvc' | 'off';
export const REPRO_MODES: readonly ReproMode[] = ['auto', 'builtin', 'dvc', 'off'];

export interface ReproduceStep {
  workspace: string;
  repro: ReproMode;
  /** Commands from the `run` input, one per line, run before the pipeline. */
  runCommands: string[];
  /** Credentials for the DVC remote that `repro`'s pulls use. */
  data?: DataOptions;
  /** The run's deadline: what runs when it passes is ended, what has not started is not run. */
  deadline?: Deadline;
  /** What to do when `dvc` cannot start, in the words of the interface in use: the action's by default. */
  noDvcHint?: string;
}

export interface ReproduceSummary {
  engine: 'builtin' | 'dvc' | 'run';
  stages: StageResult[];
  passed: boolean;
  /**
   * What stopped the builtin runner, as it said it on the log: most often a pipeline that does not load (dvc.yaml, a
   * params file it reads, dvc.lock), which the steps after it meet again.
   */
  stopped?: string;
}

/** What the Pipeline section names a project that stopped the builtin runner when no file can be named. */
const PROJECT_FILES = 'project files';

/**
 * The Pipeline section's name for what stopped the builtin runner: the project file its error starts with
 * (`params.yaml:2:1: invalid YAML…` names params.yaml, `dvc.lock: stage 'x'…` dvc.lock), as errors about a file name
 * it first; PROJECT_FILES when the error names no file of the project (`No dvc.yaml in …`).
 */
function stoppedAt(error: string, workspace: string): string {
  const file = /^([^\s:]+?)(?::\d+(?::\d+)?)?: /.exec(error)?.[1];
  return file && existsSync(join(workspace, file)) ? file : PROJECT_FILES;
}

/**
 * The "Reproduce" step of a run: the `run` commands, then the pipeline (builtin runner or `dvc repro`).
 * Never throws for a broken pipeline: the failure is a stage result, so the report is still produced.
 * Returns null when there was nothing to do.
 */
export async function reproduceStep(step: ReproduceStep, log: Logger): Promise<ReproduceSummary | null> {
  const stages: StageResult[] = [];
  let passed = true;
  let engine: ReproduceSummary['engine'] | null = null;
  let stopped: string | undefined;
  if (step.runCommands.length) {
    engine = 'run';
    for (const [i, cmd] of step.runCommands.entries()) {
      // The command's text stays in the job log, where the runner masks the secrets it knows: a secret written into a
      // `run` line reaches the action as plain text, and the report goes where no runner masks it (comment, check
      // run, summary, report.json). The report names the command by its line of the input.
      const name = `run[${i + 1}]`;
      if (step.deadline?.passed()) {
        stages.push({ name, status: 'not-run', seconds: 0, reasons: [step.deadline.skipped(name)], stopped: true });
        passed = false;
        continue;
      }
      const result = await log.group(`${name}: ${cmd}`, () => runCommand(name, cmd, step.workspace, log, step.deadline));
      stages.push(result);
      if (result.status === 'failed') {
        passed = false;
        break;
      }
    }
  }
  const hasDvcYaml = existsSync(join(step.workspace, 'dvc.yaml'));
  const mode = step.repro === 'auto' ? (hasDvcYaml ? 'builtin' : 'off') : step.repro;
  if (passed && mode === 'builtin') {
    engine = 'builtin';
    try {
      const result = await reproduce(await loadPipeline(step.workspace), log, { data: step.data, ...(step.deadline ? { deadline: step.deadline } : {}) });
      for (const stage of result.stages) stages.push(stage);
      passed = result.passed;
    } catch (error) {
      stopped = describeError(error);
      log.error(stopped);
      stages.push({ name: stoppedAt(stopped, step.workspace), status: 'failed', seconds: 0, reasons: [], error: stopped, project: true });
      passed = false;
    }
  } else if (passed && mode === 'dvc') {
    engine = 'dvc';
    const result = await dvcRepro(step.workspace, log, step.deadline, step.noDvcHint ?? 'install DVC in an earlier step or use repro: builtin');
    for (const stage of result.stages) stages.push(stage);
    passed = result.passed;
  }
  return engine ? { engine, stages, passed, ...(stopped === undefined ? {} : { stopped }) } : null;
}

/**
 * The `dvc-push` input: `.dvc`-tracked data and the stage outputs dvc.lock records go from the cache to the
 * remote (what is there already is skipped), as a step of the Pipeline section; a failure fails the step.
 */
export async function dvcPushStep(workspace: string, log: Logger, data: DataOptions = {}, project?: () => Promise<DvcProject>): Promise<StageResult> {
  const started = performance.now();
  const name = 'dvc push';
  try {
    const pushed = await pushProjectOutputs(workspace, data, project);
    if (!pushed) throw new UserError(`dvc-push: no .dvc directory in ${workspace}, so there is no DVC cache or remote to push.`);
    // As `dvc push`: outputs in neither the cache nor the remote are warned of by name, and the push does not fail.
    for (const missing of pushed.notPushed) log.warning(`dvc push: ${notPushedWarning(missing)}`);
    const summary = `${pushed.uploaded} object(s) uploaded, ${pushed.present} already on the remote${notPushedSummary(pushed.notPushed)}`;
    log.info(`dvc push: ${summary}.`);
    return { name, status: 'ran', seconds: (performance.now() - started) / 1000, reasons: [summary] };
  } catch (error) {
    log.error(`dvc push failed: ${describeError(error)}`);
    return { name, status: 'failed', seconds: (performance.now() - started) / 1000, reasons: [], error: describeError(error) };
  }
}

async function runCommand(name: string, cmd: string, cwd: string, log: Logger, deadline?: Deadline): Promise<StageResult> {
  const tail = new TailBuffer(TAIL_LINES);
  const started = performance.now();
  try {
    const { code, signal } = await runShell(cmd, cwd, (line) => log.info(line), tail, process.env, deadline?.signal);
    const seconds = (performance.now() - started) / 1000;
    if (code === 0) return { name, status: 'ran', seconds, reasons: [] };
    const stopped = deadline?.signal.aborted ? deadline.stopped(name) : null;
    const error = stopped ?? (signal ? `killed by ${signal}` : `exited with code ${code}`);
    log.error(`${name} ${error}`);
    return { name, status: 'failed', seconds, reasons: [], error, log: tail.text(), ...(stopped && { stopped: true as const }) };
  } catch (error) {
    return { name, status: 'failed', seconds: (performance.now() - started) / 1000, reasons: [], error: describeError(error), log: tail.text() };
  }
}

/**
 * `dvc repro` for users who need DVC itself (remote pulls, run cache). Per-stage results come from its
 * own log lines ("Running stage 'x':", "Stage 'x' didn't change, skipping").
 */
async function dvcRepro(cwd: string, log: Logger, deadline: Deadline | undefined, noDvcHint: string): Promise<{ stages: StageResult[]; passed: boolean }> {
  const stages: StageResult[] = [];
  let current: { result: StageResult; started: number; tail: TailBuffer } | null = null;
  const close = (): void => {
    if (current) current.result.seconds = (performance.now() - current.started) / 1000;
  };
  const onLine = (line: string): void => {
    log.info(line);
    const running = /^Running stage '(.+)':$/.exec(line.trim());
    const skipped = /^Stage '(.+)' didn't change, skipping$/.exec(line.trim());
    if (running) {
      close();
      const result: StageResult = { name: running[1]!, status: 'ran', seconds: 0, reasons: [] };
      stages.push(result);
      current = { result, started: performance.now(), tail: new TailBuffer(TAIL_LINES) };
    } else if (skipped) {
      stages.push({ name: skipped[1]!, status: 'skipped', seconds: 0, reasons: [] });
    } else if (current) {
      current.tail.addLine(line);
    }
  };
  const whole = new TailBuffer(TAIL_LINES);
  const outcome = await new Promise<{ code: number | null; error?: string }>((resolve) => {
    const env = stageEnvironment(process.env);
    const dvc = resolveCommand('dvc', env);
    const options = { cwd, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'], env };
    // One command line for cmd.exe: Node 24 deprecates separate arguments with `shell` (DEP0190).
    const child = dvc.shell ? spawnStage(`${dvc.file} repro`, [], { ...options, shell: true }) : spawnStage(dvc.file, ['repro'], options);
    if (deadline) endOnAbort(child, deadline.signal);
    const take = (text: string): void => {
      for (const line of whole.push(text)) onLine(line);
    };
    // Decoding per stream keeps a UTF-8 character split across two chunks whole.
    child.stdout!.setEncoding('utf8').on('data', take);
    child.stderr!.setEncoding('utf8').on('data', take);
    child.on('error', (error) => resolve({ code: null, error: `could not start 'dvc' (${error.message}); ${noDvcHint}` }));
    child.on('close', (code) => {
      for (const line of whole.flush()) onLine(line);
      resolve({ code });
    });
  });
  close();
  if (outcome.code === 0) return { stages, passed: true };
  const stopped = deadline?.signal.aborted ? deadline.stopped('dvc repro') : null;
  const error = outcome.error ?? stopped ?? `dvc repro exited with code ${outcome.code}`;
  log.error(error);
  const last = current as { result: StageResult; tail: TailBuffer } | null;
  if (last && last.result.status === 'ran') {
    last.result.status = 'failed';
    last.result.error = error;
    last.result.log = last.tail.text();
    if (stopped && !outcome.error) last.result.stopped = true;
  } else {
    stages.push({
      name: 'dvc repro',
      status: 'failed',
      seconds: 0,
      reasons: [],
      error,
      log: whole.text(),
      ...(stopped && !outcome.error && { stopped: true as const }),
    });
  }
  return { stages, passed: false };
}
