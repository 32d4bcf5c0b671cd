import { resolve } from 'node:path';
import { UserError } from '../util/errors';
import { parseBooleanInput } from './boolean';
import type { GitHubPublishConfig } from './types';

/** Allowed values of the enumerated publishing inputs; the first is the default (action.yml and README list the same: test/config/action-choices.test.ts). */
export const PUBLISH_CHOICES = {
  mode: ['run', 'publish', 'aggregate'],
  comment: ['update', 'new', 'off'],
  'comment-on': ['auto', 'pr', 'commit'],
  'image-store': ['branch', 'release', 'none'],
  artifact: ['auto', 'always', 'off'],
} as const;

type ChoiceInput = keyof typeof PUBLISH_CHOICES;
type PublishInput = ChoiceInput | 'report-id' | 'assets-branch' | 'artifact-dir' | 'allow-pull-request-target-repro';

/** Validates the publishing inputs up front; an error names the input and the values it accepts. */
export function publishConfigFromInputs(get: (name: PublishInput) => string, workspaceRoot: string): GitHubPublishConfig {
  const choice = <K extends ChoiceInput>(name: K): (typeof PUBLISH_CHOICES)[K][number] => {
    const value = get(name);
    const allowed: readonly string[] = PUBLISH_CHOICES[name];
    if (!value) return allowed[0] as (typeof PUBLISH_CHOICES)[K][number];
    if (!allowed.includes(value)) throw new UserError(`Input '${name}' is '${value}'; expected one of: ${allowed.join(', ')}.`);
    return value as (typeof PUBLISH_CHOICES)[K][number];
  };
  const reportId = get('report-id') || 'default';
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(reportId)) {
    throw new UserError(`Input 'report-id' is '${reportId}'; expected 1-64 letters, digits, '.', '_' or '-'.`);
  }
  const assetsBranch = get('assets-branch') || 'mlreport-assets';
  if (!/^[A-Za-z0-9._/-]{1,100}$/.test(assetsBranch) || assetsBranch.includes('..') || assetsBranch.startsWith('/') || assetsBranch.endsWith('/')) {
    throw new UserError(`Input 'assets-branch' is '${assetsBranch}'; expected a branch name (letters, digits, '.', '_', '-', '/').`);
  }
  const mode = choice('mode');
  const artifactDir = get('artifact-dir');
  if (mode === 'publish' && !artifactDir) {
    throw new UserError("Input 'mode' is 'publish', which needs 'artifact-dir': the folder holding the downloaded report (report.md, plots/).");
  }
  if (mode === 'aggregate' && !artifactDir) {
    throw new UserError(
      "Input 'mode' is 'aggregate', which needs 'artifact-dir': the folder actions/download-artifact filled with the matrix jobs' reports (pattern: mlreport-*, merge-multiple: false).",
    );
  }
  return {
    mode,
    comment: choice('comment'),
    commentOn: choice('comment-on'),
    reportId,
    imageStore: choice('image-store'),
    assetsBranch,
    artifactDir: artifactDir ? resolve(workspaceRoot, artifactDir) : null,
    allowPullRequestTargetRepro: parseBooleanInput(get('allow-pull-request-target-repro'), 'allow-pull-request-target-repro', false),
    artifact: choice('artifact'),
  };
}
