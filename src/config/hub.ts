import { pushedBranch } from '../git/revisions';
import type { GitHubEvent } from './event';
import { UserError } from '../util/errors';
import { parseBooleanInput } from './boolean';
import type { ChangeInfo, HubConfig, MlflowAuth, MlflowConfig } from './types';

const HUB_KINDS = ['dagshub'] as const;
const DEFAULT_HUB_URL = 'https://dagshub.com';

/** The inputs this reads, by name (action.ts gives them trimmed). */
export type HubInput = 'hub' | 'hub-url' | 'hub-repo' | 'hub-user' | 'hub-token' | 'hub-required' | 'mlflow-tracking-uri' | 'mlflow-experiment';

/** The head branch, commit, PR number and run URL from the runner's environment and the event; `repository`: GITHUB_REPOSITORY, checked. */
export function changeFromEvent(env: NodeJS.ProcessEnv, eventName: string, event: GitHubEvent, repository: string | null): ChangeInfo {
  const pr = event.pullRequest;
  const fullName = repository || event.repository;
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  return {
    repository: fullName,
    branch: pr?.headRef || pushedBranch(eventName, event) || env.GITHUB_HEAD_REF || null,
    sha: pr?.headSha || env.GITHUB_SHA || null,
    prNumber: pr?.number ?? null,
    runUrl: fullName && env.GITHUB_RUN_ID ? `${server}/${fullName}/actions/runs/${env.GITHUB_RUN_ID}` : null,
  };
}

/**
 * The hub and MLflow settings, validated up front: errors name the input and what it accepts. A missing
 * token is not an error here: forks' PRs get no secrets, and the hub is secondary (the mirror warns).
 */
export function hubFromInputs(
  get: (name: HubInput) => string,
  env: NodeJS.ProcessEnv,
  change: ChangeInfo,
): { hub: HubConfig | null; mlflow: MlflowConfig | null } {
  const kind = get('hub').toLowerCase();
  if (kind && !(HUB_KINDS as readonly string[]).includes(kind)) {
    throw new UserError(`Input 'hub' is '${get('hub')}'; allowed values: ${HUB_KINDS.join(', ')} (or empty to turn the mirror off).`);
  }
  const required = parseBooleanInput(get('hub-required'), 'hub-required', false);
  let hub: HubConfig | null = null;
  if (kind) {
    const url = httpUrl(get('hub-url') || DEFAULT_HUB_URL, 'hub-url');
    if (url.username || url.password) throw new UserError("Input 'hub-url' must not contain credentials: put the token in 'hub-token'.");
    const fullName = get('hub-repo') || change.repository || '';
    const match = /^([\w.-]+)\/([\w.-]+)$/.exec(fullName);
    if (!match) {
      throw new UserError(
        fullName
          ? `Input 'hub-repo' is '${fullName}'; expected 'owner/name'.`
          : "Input 'hub-repo' is empty and GITHUB_REPOSITORY is not set: give the hub repository as 'owner/name'.",
      );
    }
    hub = {
      kind: 'dagshub',
      url: stripSlash(url.href),
      owner: match[1]!,
      repo: match[2]!,
      user: get('hub-user') || null,
      token: get('hub-token') || null,
      required,
      change,
    };
  }
  return { hub, mlflow: mlflowFromInputs(get, env, hub, required, change) };
}

function mlflowFromInputs(
  get: (name: HubInput) => string,
  env: NodeJS.ProcessEnv,
  hub: HubConfig | null,
  required: boolean,
  change: ChangeInfo,
): MlflowConfig | null {
  const given = get('mlflow-tracking-uri');
  if (!given && !hub) return null;
  let trackingUri: string;
  let auth: MlflowAuth = { kind: 'none' };
  if (given) {
    const url = httpUrl(given, 'mlflow-tracking-uri');
    if (url.username || url.password) {
      auth = { kind: 'basic', username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
      url.username = '';
      url.password = '';
    }
    trackingUri = stripSlash(url.href);
  } else {
    trackingUri = `${hub!.url}/${hub!.owner}/${hub!.repo}.mlflow`;
  }
  // MLflow's own variables win, as with the mlflow client; the hub's token is the fallback for the hub's server.
  if (env.MLFLOW_TRACKING_TOKEN) auth = { kind: 'bearer', token: env.MLFLOW_TRACKING_TOKEN };
  else if (env.MLFLOW_TRACKING_USERNAME || env.MLFLOW_TRACKING_PASSWORD) {
    auth = { kind: 'basic', username: env.MLFLOW_TRACKING_USERNAME ?? '', password: env.MLFLOW_TRACKING_PASSWORD ?? '' };
  } else if (auth.kind === 'none' && hub?.token && isUnder(trackingUri, hub.url)) {
    auth = { kind: 'basic', username: hub.user, password: hub.token };
  }
  const experiment = get('mlflow-experiment') || change.repository || (hub ? `${hub.owner}/${hub.repo}` : 'mlreport');
  return { trackingUri, experiment, auth, required, change };
}

/** Every credential in the config, for masking in logs. */
export function hubSecrets(hub: HubConfig | null, mlflow: MlflowConfig | null): string[] {
  const out = [hub?.token];
  if (mlflow?.auth.kind === 'basic') out.push(mlflow.auth.password);
  if (mlflow?.auth.kind === 'bearer') out.push(mlflow.auth.token);
  return [...new Set(out.filter((s): s is string => !!s))];
}

function httpUrl(text: string, input: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(`Input '${input}' is not a URL; expected e.g. https://dagshub.com${input === 'hub-url' ? '' : '/owner/repo.mlflow'}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UserError(`Input '${input}' must be an http(s) URL; got ${url.protocol}.`);
  return url;
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function isUnder(url: string, base: string): boolean {
  return new URL(url).origin === new URL(base).origin;
}
