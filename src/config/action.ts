import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { baseFromEvent, headLabelFromEvent, type EventPayload } from '../git/revisions';
import { REPRO_MODES } from '../pipeline/engine';
import { DEFAULT_CHECK_NAME, loadGateConfig, type GateSettings } from '../gate/config';
import { ruleLinesFromText } from '../gate/parse';
import { parseHistoryDepth } from '../history/config';
import { parseDeadlineMinutes } from '../util/deadline';
import { UserError } from '../util/errors';
import { parseBooleanInput } from './boolean';
import { changeFromEvent, hubFromInputs } from './hub';
import { historyStoreSettings } from './history-store';
import { findProjectRoot } from './project-root';
import { publishConfigFromInputs } from './publish-inputs';
import { expectedRuns, repeatParams } from './sweep';
import type { Config, GitHubContext, WorkflowRunInfo } from './types';

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
export async function configFromAction({ env }: ActionEnvironment): Promise<Config> {
  const unknown = unknownInputs(env);
  if (unknown.length) {
    throw new UserError(`Unknown input${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')}. Known inputs: ${ACTION_INPUTS.join(', ')}.`);
  }
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const event = await readEvent(env.GITHUB_EVENT_PATH);
  const workspaceRoot = env.GITHUB_WORKSPACE || process.cwd();
  const workingDirectory = getInput(env, 'working-directory') || '.';
  const baseOverride = getInput(env, 'base');
  const sha = env.GITHUB_SHA ?? '';
  const { hub, mlflow } = hubFromInputs((name) => getInput(env, name), env, changeFromEvent(env, eventName, event));
  const workspace = await findProjectRoot(resolve(workspaceRoot, workingDirectory), "Input 'working-directory'", workingDirectory);
  return {
    workspace,
    baseCandidates: baseOverride ? [{ kind: 'explicit', rev: baseOverride, origin: "Input 'base'", label: baseOverride }] : baseFromEvent(eventName, event),
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
    github: githubContext(env, eventName, event),
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

function githubContext(env: NodeJS.ProcessEnv, eventName: string, event: EventPayload): GitHubContext | null {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return null;
  return {
    token: getInput(env, 'github-token'),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    owner,
    repo,
    eventName,
    sha: env.GITHUB_SHA ?? '',
    headSha: event.pull_request?.head?.sha ?? null,
    prNumber: typeof event.pull_request?.number === 'number' ? event.pull_request.number : null,
    runId: env.GITHUB_RUN_ID || null,
    forkPr: isForkPr(event, `${owner}/${repo}`),
    workflowRun: workflowRunInfo(event),
    artifactRuntime: env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL ? { token: env.ACTIONS_RUNTIME_TOKEN, resultsUrl: env.ACTIONS_RESULTS_URL } : null,
  };
}

interface ForkAndRunPayload {
  pull_request?: { head?: { repo?: { full_name?: string } | null } };
  workflow_run?: {
    id?: number;
    event?: string;
    head_sha?: string;
    head_branch?: string;
    head_repository?: { full_name?: string };
    pull_requests?: { number?: number }[];
  };
}

function isForkPr(event: EventPayload, repository: string): boolean {
  const head = (event as ForkAndRunPayload).pull_request?.head;
  if (!head) return false;
  // GitHub sends `repo: null` when the fork was deleted: still not this repository.
  return head.repo === null || (head.repo?.full_name !== undefined && head.repo.full_name.toLowerCase() !== repository.toLowerCase());
}

function workflowRunInfo(event: EventPayload): WorkflowRunInfo | null {
  const run = (event as ForkAndRunPayload).workflow_run;
  if (!run?.head_sha) return null;
  return {
    id: run.id ?? 0,
    event: run.event ?? '',
    headSha: run.head_sha,
    headBranch: run.head_branch ?? '',
    headRepository: run.head_repository?.full_name ?? '',
    pullRequests: (run.pull_requests ?? []).map((p) => p.number).filter((n): n is number => typeof n === 'number'),
  };
}

function reproInput(env: NodeJS.ProcessEnv): Config['repro'] {
  const value = getInput(env, 'repro') || 'auto';
  if (!(REPRO_MODES as readonly string[]).includes(value)) {
    throw new UserError(`Input 'repro' must be one of ${REPRO_MODES.join(', ')} (got '${value}').`);
  }
  return value as Config['repro'];
}

async function readEvent(path: string | undefined): Promise<EventPayload> {
  if (!path) return {};
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserError(`GITHUB_EVENT_PATH points to ${path}, which cannot be read.`);
  }
  try {
    return JSON.parse(text) as EventPayload;
  } catch {
    throw new UserError(`GITHUB_EVENT_PATH (${path}) is not valid JSON.`);
  }
}
