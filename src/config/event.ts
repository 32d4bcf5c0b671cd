import { readFile } from 'node:fs/promises';
import { UserError } from '../util/errors';
import type { WorkflowRunInfo } from './types';

/**
 * What the action uses of the event payload (the JSON file at GITHUB_EVENT_PATH), every field checked here for its
 * type and shape. The rest of the code gets these typed values, never the raw payload: a field of the wrong type
 * is one error naming it, not a crash (or a `[object Object]` label) wherever it is first used.
 */
export interface GitHubEvent {
  pullRequest: PullRequestEvent | null;
  /** `ref`: the pushed ref (`refs/heads/main`) on a push; null when absent. */
  ref: string | null;
  /** `before` on a push: the branch's head before it (all zeros for a new branch); null when absent. */
  before: string | null;
  /** `forced` on a push: the push rewrote the branch, so `before` is not in its history. */
  forced: boolean;
  /** `repository.default_branch` */
  defaultBranch: string | null;
  /** `repository.full_name` (`owner/name`) */
  repository: string | null;
  /** `workflow_run`: the run that triggered this one; null when absent or without a head commit. */
  workflowRun: WorkflowRunInfo | null;
}

interface PullRequestEvent {
  number: number | null;
  baseSha: string | null;
  baseRef: string | null;
  headSha: string | null;
  headRef: string | null;
  /** `head.repo.full_name`; null when GitHub sends `repo: null` (the fork was deleted); undefined when absent. */
  headRepository: string | null | undefined;
}

/** A payload with nothing in it: no GITHUB_EVENT_PATH (a local run). */
const NO_EVENT: GitHubEvent = { pullRequest: null, ref: null, before: null, forced: false, defaultBranch: null, repository: null, workflowRun: null };

/** Reads and checks the event file; errors name the variable, the file, the event and the field. */
export async function readEvent(path: string | undefined, eventName: string): Promise<GitHubEvent> {
  if (!path) return NO_EVENT;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserError(`GITHUB_EVENT_PATH points to ${path}, which cannot be read.`);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new UserError(`GITHUB_EVENT_PATH (${path}) is not valid JSON.`);
  }
  return parseEvent(payload, `GITHUB_EVENT_PATH (${eventName ? `${eventName} event, ` : ''}${path})`);
}

/** The checked event from a parsed payload; `source` starts each error (which file, which event). */
export function parseEvent(payload: unknown, source: string): GitHubEvent {
  const field = new FieldReader(source);
  const top = field.object(payload, 'the payload');
  if (!top) throw new UserError(`${source}: the payload is ${shown(payload)}, expected a JSON object.`);
  const repository = field.object(top.repository, 'repository');
  return {
    pullRequest: pullRequest(field, top.pull_request),
    ref: field.text(top.ref, 'ref', 'a git ref such as refs/heads/main'),
    before: field.sha(top.before, 'before'),
    forced: field.flag(top.forced, 'forced'),
    defaultBranch: field.text(repository?.default_branch, 'repository.default_branch', 'a branch name'),
    repository: field.fullName(repository?.full_name, 'repository.full_name'),
    workflowRun: workflowRun(field, top.workflow_run),
  };
}

function pullRequest(field: FieldReader, value: unknown): PullRequestEvent | null {
  const pr = field.object(value, 'pull_request');
  if (!pr) return null;
  const base = field.object(pr.base, 'pull_request.base');
  const head = field.object(pr.head, 'pull_request.head');
  // GitHub sends `repo: null` when the fork was deleted: kept apart from a payload that says nothing.
  const headRepo = head && 'repo' in head ? (head.repo === null ? null : field.object(head.repo, 'pull_request.head.repo')) : undefined;
  return {
    number: field.count(pr.number, 'pull_request.number', 'a pull request number (a whole number from 1)'),
    baseSha: field.sha(base?.sha, 'pull_request.base.sha'),
    baseRef: field.text(base?.ref, 'pull_request.base.ref', 'a branch name'),
    headSha: field.sha(head?.sha, 'pull_request.head.sha'),
    headRef: field.text(head?.ref, 'pull_request.head.ref', 'a branch name'),
    headRepository:
      headRepo === undefined || headRepo === null ? headRepo : (field.fullName(headRepo.full_name, 'pull_request.head.repo.full_name') ?? undefined),
  };
}

function workflowRun(field: FieldReader, value: unknown): WorkflowRunInfo | null {
  const run = field.object(value, 'workflow_run');
  const headSha = run && field.sha(run.head_sha, 'workflow_run.head_sha');
  if (!run || !headSha) return null;
  const headRepository = field.object(run.head_repository, 'workflow_run.head_repository');
  return {
    id: field.count(run.id, 'workflow_run.id', 'a run id (a whole number from 1)') ?? 0,
    event: field.text(run.event, 'workflow_run.event', 'an event name') ?? '',
    headSha,
    headBranch: field.text(run.head_branch, 'workflow_run.head_branch', 'a branch name') ?? '',
    headRepository: field.fullName(headRepository?.full_name, 'workflow_run.head_repository.full_name') ?? '',
    pullRequests: field
      .list(run.pull_requests, 'workflow_run.pull_requests')
      .map((item, i) =>
        field.count(
          field.object(item, `workflow_run.pull_requests[${i}]`)?.number,
          `workflow_run.pull_requests[${i}].number`,
          'a pull request number (a whole number from 1)',
        ),
      )
      .filter((n): n is number => n !== null),
  };
}

/** Checks one field at a time; absent (undefined or null) is null, anything else of the wrong shape an error. */
class FieldReader {
  constructor(private readonly source: string) {}

  object(value: unknown, name: string): Record<string, unknown> | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'object' || Array.isArray(value)) this.fail(name, value, 'an object');
    return value as Record<string, unknown>;
  }

  list(value: unknown, name: string): unknown[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(name, value, 'a list');
    return value;
  }

  /** A full commit SHA: 40 hex characters (64 in a SHA-256 repository), as git and the API write them. */
  sha(value: unknown, name: string): string | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string' || !/^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(value)) {
      this.fail(name, value, 'a commit sha (40 hex characters, or 64 in a SHA-256 repository)');
    }
    return value.toLowerCase();
  }

  /** Text shown in the report and used in refs: no line breaks or other control characters. Empty is absent. */
  text(value: unknown, name: string, expected: string): string | null {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string' || /[\x00-\x1f\x7f]/.test(value)) this.fail(name, value, `${expected} (text on one line)`);
    return value;
  }

  fullName(value: unknown, name: string): string | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(value)) this.fail(name, value, "a repository as 'owner/name'");
    return value;
  }

  /** A number GitHub counts from 1: a PR's, a run's id. */
  count(value: unknown, name: string, expected: string): number | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) this.fail(name, value, expected);
    return value;
  }

  flag(value: unknown, name: string): boolean {
    if (value === undefined || value === null) return false;
    if (typeof value !== 'boolean') this.fail(name, value, 'true or false');
    return value;
  }

  private fail(name: string, value: unknown, expected: string): never {
    throw new UserError(`${this.source}: ${name} is ${shown(value)}, expected ${expected}.`);
  }
}

/** A value as it is written in the payload, cut short: the message names it, it does not reprint the file. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
