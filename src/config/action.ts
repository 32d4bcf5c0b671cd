import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { tmpdir } from 'node:os';
import { baseFromEvent, explicitBase, headLabelFromEvent } from '../git/revisions';
import { REPRO_MODES } from '../pipeline/engine';
import { DEFAULT_CHECK_NAME, loadGateConfig, PROJECT_FILE, type GateSettings } from '../gate/config';
import { ruleLinesFromText } from '../gate/parse';
import { parseHistoryDepth } from '../history/config';
import { parseDeadlineMinutes } from '../util/deadline';
import { UserError } from '../util/errors';
import { parseBooleanInput } from './boolean';
import { readEvent, type GitHubEvent } from './event';
import { githubApiRoot } from './github-api-url';
import { changeFromEvent, hubFromInputs } from './hub';
import { historyStoreSettings } from './history-store';
import { findProjectRoot } from './project-root';
import { publishConfigFromInputs } from './publish-inputs';
import { expectedRuns, repeatParams } from './sweep';
import type { Config, GitHubContext, GitHubPublishConfig } from './types';

/** Every input action.yml declares (test/action-yml.test.ts keeps the two in step). */
export const ACTION_INPUTS = [
  'github-token',
  'working-directory',
  'base',
  'metrics',
  'params',
  'out-dir',
  'mode',
  'comment',
  'comment-on',
  'report-id',
  'image-store',
  'assets-branch',
  'artifact-dir',
  'allow-pull-request-target-repro',
  'hub',
  'hub-url',
  'hub-repo',
  'hub-user',
  'hub-token',
  'hub-required',
  'mlflow-tracking-uri',
  'mlflow-experiment',
  'repro',
  'run',
  'dvc-push',
  'deadline-minutes',
  'thresholds',
  'fail-on-threshold',
  'check-name',
  'missing-base',
  'history',
  'plots',
  'artifact',
  'repeat-params',
  'rank-by',
  'expected-runs',
  'history-branch',
] as const;
type ActionInput = (typeof ACTION_INPUTS)[number];

/** What the runner gives a JavaScript action: its environment (INPUT_*, GITHUB_*) and the event file. */
export interface ActionEnvironment {
  env: NodeJS.ProcessEnv;
  /** Where a warning about the environment goes (the action's log). */
  warn: (message: string) => void;
}

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

function getInput(env: NodeJS.ProcessEnv, name: ActionInput): string {
  return (env[inputEnvName(name)] ?? '').trim();
}

/** Lines of a multi-line input, blank lines and `#` comments dropped; null when the input is empty. */
function getListInput(env: NodeJS.ProcessEnv, name: ActionInput): string[] | null {
  const lines = getInput(env, name)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  return lines.length ? lines : null;
}

/** Inputs given with `with:` that action.yml does not declare: almost always a typo. */
export function unknownInputs(env: NodeJS.ProcessEnv): string[] {
  const known = new Set(ACTION_INPUTS.map(inputEnvName));
  return Object.keys(env)
    .filter((k) => k.startsWith('INPUT_') && !known.has(k))
    .map((k) => k.slice('INPUT_'.length).toLowerCase());
}

/** Turns the runner's environment into a Config; errors name the input or variable at fault. */
export async function configFromAction({ env, warn }: ActionEnvironment): Promise<Config> {
  const unknown = unknownInputs(env);
  if (unknown.length) {
    throw new UserError(`Unknown input${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')}. Known inputs: ${ACTION_INPUTS.join(', ')}.`);
  }
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const event = await readEvent(env.GITHUB_EVENT_PATH, eventName);
  const repository = githubRepository(env, warn);
  const workspaceRoot = env.GITHUB_WORKSPACE || process.cwd();
  const workingDirectory = getInput(env, 'working-directory') || '.';
  const baseInput = getInput(env, 'base');
  const sha = env.GITHUB_SHA ?? '';
  const { hub, mlflow } = hubFromInputs((name) => getInput(env, name), env, changeFromEvent(env, eventName, event, repository?.fullName ?? null));
  const start = workingDirectoryIn(workspaceRoot, workingDirectory);
  const workspace = await findProjectRoot(start, "Input 'working-directory'", workingDirectory);
  return {
    workspace,
    workingDirectory: start,
    baseCandidates: baseInput ? [explicitBase(baseInput, "Input 'base'", 'actions/checkout with `fetch-depth: 0`')] : baseFromEvent(eventName, event),
    headLabel: headLabelFromEvent(eventName, event, sha || 'HEAD'),
    metricsPaths: getListInput(env, 'metrics'),
    paramsPaths: getListInput(env, 'params'),
    plotsPaths: getListInput(env, 'plots'),
    outDir: resolve(workspaceRoot, getInput(env, 'out-dir') || join(env.RUNNER_TEMP || tmpdir(), 'mlreport')),
    summaryPath: env.GITHUB_STEP_SUMMARY || null,
    repro: reproInput(env),
    runCommands: getListInput(env, 'run') ?? [],
    dvcPush: parseBooleanInput(getInput(env, 'dvc-push'), 'dvc-push', false),
    deadlineMinutes: parseDeadlineMinutes(getInput(env, 'deadline-minutes'), "Input 'deadline-minutes'"),
    github: repository && githubContext(env, eventName, event, repository),
    hub,
    mlflow,
    githubPublish: publishConfigFromInputs((name) => getInput(env, name), workspaceRoot),
    gate: await loadGateConfig(workspace, gateSettings(env)),
    history: parseHistoryDepth(getInput(env, 'history'), "Input 'history'"),
    sweep: {
      repeatParams: repeatParams(getListInput(env, 'repeat-params')),
      rankBy: getInput(env, 'rank-by') || null,
      expectedRuns: expectedRuns(getInput(env, 'expected-runs'), "Input 'expected-runs'"),
    },
    historyStore: historyStoreSettings(getInput(env, 'history-branch'), eventName, event),
  };
}

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

/** The gate inputs, validated: errors name the input and the values it accepts. */
export function gateSettings(env: NodeJS.ProcessEnv): GateSettings {
  const lines = ruleLinesFromText(getInput(env, 'thresholds'), "input 'thresholds'");
  const missingBase = getInput(env, 'missing-base') || 'skip';
  if (missingBase !== 'skip' && missingBase !== 'fail') {
    throw new UserError(`Input 'missing-base' must be \`skip\` or \`fail\`, not '${missingBase}'.`);
  }
  return {
    thresholds: lines.length ? lines : null,
    missingBase,
    failOnThreshold: parseBooleanInput(getInput(env, 'fail-on-threshold'), 'fail-on-threshold', true),
    checkName: getInput(env, 'check-name') || DEFAULT_CHECK_NAME,
    // A PR's own .mlreport.yml must not decide its gate: the base revision's rules are in force.
    trustBase: PULL_REQUEST_EVENTS.includes(env.GITHUB_EVENT_NAME ?? ''),
  };
}

/**
 * GITHUB_REPOSITORY, where the comment, check run and images go. The runner always sets it, so on a runner an empty
 * one is an error like one that is not `owner/name`: nothing could be posted, and a gate whose check run is missing
 * must not pass unseen. Off a runner (`@github/local-action`) it is often unset: the report is made, nothing posted.
 */
function githubRepository(env: NodeJS.ProcessEnv, warn: (message: string) => void): { owner: string; repo: string; fullName: string } | null {
  const fullName = env.GITHUB_REPOSITORY ?? '';
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(fullName);
  if (match) return { owner: match[1]!, repo: match[2]!, fullName };
  if (fullName || env.GITHUB_ACTIONS === 'true') {
    throw new UserError(
      `GITHUB_REPOSITORY is ${fullName ? `'${fullName}'` : 'empty'}; expected the repository as 'owner/name', which the runner sets. mlreport needs it to post the comment and the gates' check run.`,
    );
  }
  warn(
    "GITHUB_REPOSITORY is not set (not on a GitHub runner), so publishing to GitHub is off: no comment, check run or images; the report is only written to 'out-dir'. Set it to 'owner/name' to publish.",
  );
  return null;
}

function githubContext(
  env: NodeJS.ProcessEnv,
  eventName: string,
  event: GitHubEvent,
  repository: { owner: string; repo: string; fullName: string },
): GitHubContext {
  const pr = event.pullRequest;
  return {
    token: getInput(env, 'github-token'),
    apiUrl: githubApiRoot(env.GITHUB_API_URL || 'https://api.github.com'),
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    owner: repository.owner,
    repo: repository.repo,
    eventName,
    sha: env.GITHUB_SHA ?? '',
    headSha: pr?.headSha ?? null,
    prNumber: pr?.number ?? null,
    runId: env.GITHUB_RUN_ID || null,
    // GitHub sends `repo: null` when the fork was deleted: still not this repository.
    forkPr: !!pr && (pr.headRepository === null || (pr.headRepository !== undefined && pr.headRepository.toLowerCase() !== repository.fullName.toLowerCase())),
    workflowRun: event.workflowRun,
    artifactRuntime: env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL ? { token: env.ACTIONS_RUNTIME_TOKEN, resultsUrl: env.ACTIONS_RESULTS_URL } : null,
  };
}

function reproInput(env: NodeJS.ProcessEnv): Config['repro'] {
  const value = getInput(env, 'repro') || 'auto';
  if (!(REPRO_MODES as readonly string[]).includes(value)) {
    throw new UserError(`Input 'repro' must be one of ${REPRO_MODES.join(', ')} (got '${value}').`);
  }
  return value as Config['repro'];
}

/** What a run that stopped on an error still needs to say so on the pull request (src/publish/github/stopped.ts). */
export interface StoppedRunSettings {
  github: GitHubContext;
  publish: GitHubPublishConfig;
  /** The gate's check name when the run was to gate (rules in the input or an .mlreport.yml); null: no gate. */
  checkName: string | null;
  /** The project's .mlreport.yml from the checkout's root (`sub/.mlreport.yml`), where an error in it is annotated; null: none. */
  projectFile: string | null;
}

/**
 * Where a run that stopped before its report (an input, a rule or .mlreport.yml that does not parse) tells the pull
 * request so, read from the environment as configFromAction reads it, from the inputs that are not at fault: a
 * publishing input that is gives the defaults for the others, unless `report-id`, `comment`, `comment-on` or `mode`
 * is at fault too (the sticky comment then cannot be found). Null, never an error, when there is nowhere to post: not
 * a pull request event, no repository, or a mode that posts no run's report.
 */
export async function stoppedRunSettings(env: NodeJS.ProcessEnv): Promise<StoppedRunSettings | null> {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  if (!PULL_REQUEST_EVENTS.includes(eventName)) return null;
  const attempt = async <T>(make: () => T | Promise<T>): Promise<T | null> => {
    try {
      return await make();
    } catch {
      return null;
    }
  };
  const event = await attempt(() => readEvent(env.GITHUB_EVENT_PATH, eventName));
  const repository = await attempt(() => githubRepository(env, () => undefined));
  if (!event?.pullRequest || !repository) return null;
  const workspaceRoot = env.GITHUB_WORKSPACE || process.cwd();
  const get = (name: ActionInput) => getInput(env, name);
  const needed = ['report-id', 'comment', 'comment-on', 'mode'];
  const publish =
    (await attempt(() => publishConfigFromInputs(get, workspaceRoot))) ??
    (await attempt(() => publishConfigFromInputs((name) => (needed.includes(name) ? get(name) : ''), workspaceRoot)));
  if (publish?.mode !== 'run') return null;
  const start = await attempt(() => workingDirectoryIn(workspaceRoot, getInput(env, 'working-directory') || '.'));
  const projectFile = start === null ? null : projectFileIn(start, workspaceRoot);
  const gated = !!getInput(env, 'thresholds') || !!getInput(env, 'check-name') || projectFile !== null;
  return {
    github: githubContext(env, eventName, event, repository),
    publish,
    checkName: gated ? getInput(env, 'check-name') || DEFAULT_CHECK_NAME : null,
    projectFile,
  };
}

/**
 * The `working-directory` input as a folder of the workspace (the checkout): a path that leaves it — `../..`, an
 * absolute path elsewhere (`/etc`), a symbolic link out of it — is refused naming the input, as DVC would otherwise be
 * looked for (and a parent repository used) outside the repository the workflow checked out. An absolute path inside
 * it (`${{ github.workspace }}/ml`) is that folder.
 */
function workingDirectoryIn(workspaceRoot: string, written: string): string {
  const start = resolve(workspaceRoot, written);
  const real = (path: string): string | null => {
    try {
      return realpathSync(path);
    } catch {
      return null;
    }
  };
  // A folder that does not exist is said by findProjectRoot; whether its name leaves the workspace is told here.
  const [realRoot, realStart] = [real(resolve(workspaceRoot)), real(start)];
  const rel = realRoot && realStart ? relative(realRoot, realStart) : relative(resolve(workspaceRoot), start);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new UserError(
      `Input 'working-directory': '${written}' is outside the workspace (${resolve(workspaceRoot)}): expected a folder of the checked-out repository, as a path relative to the workspace (such as \`ml\`, or \`.\` for its root).`,
    );
  }
  return start;
}

/** .mlreport.yml in `start` or the nearest folder above it with one, up to the checkout's root, from that root; or null. */
function projectFileIn(start: string, top: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, PROJECT_FILE))) return relative(resolve(top), join(dir, PROJECT_FILE)).split(sep).join('/');
    if (dir === resolve(top) || dirname(dir) === dir) return null;
  }
}
