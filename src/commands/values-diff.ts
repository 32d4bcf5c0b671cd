import { posix, relative, resolve, sep } from 'node:path';
import { findProjectRoot } from '../config/project-root';
import { GitRepo } from '../git/repo';
import { UserError } from '../util/errors';
import { parseDvcStyleArgs } from './dvc-args';
import { consoleLogger, writeError, writeResult } from '../util/console-logger';
import { escapeCell } from '../report/escape';
import { redact } from '../util/redact';
import { compareTrees, openProjectData, type Comparison } from '../values/collect';
import { withCachedOutputs } from '../values/cached-outputs';
import { DEFAULT_PRECISION, writeDvcDiffJson, writeDvcDiffTable } from '../values/dvc-output';
import type { ValueKind } from '../values/parse';
import { commitTree, ReadBudget, workspaceTree, type Tree } from '../workspace/tree';
import { cliRemoteInputs } from '../dvc/data/remotes/open';
import { requireCommit } from '../git/revisions';

export interface ValuesDiffArgs {
  aRev: string;
  bRev: string;
  targets: string[] | null;
  json: boolean;
  markdown: boolean;
  all: boolean;
  noPath: boolean;
  precision: number | null;
  /** params only: stage dependencies alone. */
  deps: boolean;
}

/** Parses argv as DVC's argparse does (./dvc-args.ts), with `--precision` for metrics and `--deps` for params. */
export function parseValuesDiffArgs(args: string[], kind: ValueKind): ValuesDiffArgs {
  const parsed = parseDvcStyleArgs(args, {
    flags: ['--json', '--md', '--all', '--no-path', ...(kind === 'params' ? ['--deps'] : [])],
    valued: kind === 'metrics' ? ['--precision'] : [],
  });
  const precision = parsed.values.get('--precision');
  if (precision !== undefined && !/^\d+$/.test(precision))
    throw new UserError(`--precision expects a whole number of digits, got ${JSON.stringify(precision)}`);
  return {
    aRev: parsed.revisions[0] || 'HEAD',
    bRev: parsed.revisions[1] || 'workspace',
    targets: parsed.targets,
    json: parsed.flags.has('--json'),
    markdown: parsed.flags.has('--md'),
    all: parsed.flags.has('--all'),
    noPath: parsed.flags.has('--no-path'),
    precision: precision === undefined ? null : Number(precision),
    deps: parsed.flags.has('--deps'),
  };
}

/**
 * From the current directory, as DVC runs: the project is found upwards (src/ reports on the root's project) and
 * `--targets` are paths from where the user is.
 */
export async function runValuesDiffHere(kind: ValueKind, args: ValuesDiffArgs): Promise<number> {
  const cwd = process.cwd();
  const root = await findProjectRoot(cwd, 'the current directory');
  const targets = args.targets?.map((t) => relative(root, resolve(cwd, t)).split(sep).join('/')) ?? null;
  return runValuesDiff(kind, { ...args, targets }, root, relative(root, cwd).split(sep).join('/'));
}

/**
 * `mlreport metrics diff` / `mlreport params diff`: DVC's output for the project at `workspace`, its paths from `here`
 * (the current directory's path in the project), as DVC prints them from where it runs.
 */
async function runValuesDiff(kind: ValueKind, args: ValuesDiffArgs, workspace: string, here: string): Promise<number> {
  return GitRepo.using(workspace, (git) => valuesDiffIn(git, kind, args, workspace, here));
}

async function valuesDiffIn(git: GitRepo, kind: ValueKind, args: ValuesDiffArgs, workspace: string, here: string): Promise<number> {
  const log = consoleLogger(true);
  const empty = !(await git.resolveCommit('HEAD'));
  let comparison: Comparison = {
    metrics: [],
    params: [],
    errors: [],
    headErrors: [],
    parsedAtBase: new Set(),
    notKnownAtBase: new Map(),
    cachedAtBase: new Map(),
    cachedAtHead: new Map(),
  };
  // DVC's diff is empty in a repository without commits (`if repo.scm.no_commits: return {}`): so is ours, but
  // an empty table alone reads as "nothing changed".
  if (empty)
    writeError(
      `mlreport: unknown revision '${args.aRev}': this repository has no commit yet, so there is nothing to compare the workspace's ${kind} with (DVC shows nothing too); commit, then diff\n`,
    );
  else {
    const budget = new ReadBudget();
    const data = await openProjectData(workspace, log, cliRemoteInputs());
    const tree = async (rev: string): Promise<Tree> => {
      if (rev === 'workspace') return withCachedOutputs(workspaceTree(workspace, { budget }), data);
      const sha = await requireCommit(git, rev);
      return withCachedOutputs(commitTree(git, sha, rev, { budget }), data);
    };
    try {
      const a = await tree(args.aRev);
      const b = await tree(args.bRev);
      const targets = kind === 'metrics' ? { metrics: args.targets, params: [] } : { metrics: [], params: args.targets, depsOnly: args.deps };
      comparison = await compareTrees(a, b, targets, log, [kind]);
    } finally {
      await data?.close();
    }
  }
  // DVC refuses to diff a project whose files do not parse: the error, with its position, and exit 1.
  if (comparison.headErrors.length) {
    for (const error of comparison.headErrors) writeError(`mlreport: ERROR: ${error}\n`);
    return 1;
  }
  const files = comparison[kind];
  // DVC's `relpath(path, start)` (dvc/commands/metrics.py): `wm.json` from `sub/`, `../dvclive/metrics.json` beside it.
  if (here) for (const file of files) file.path = posix.relative(here, file.path);
  // DVC's line, old revision first; then why, which DVC keeps to its debug log (a file that does not parse was warned
  // about as it was read).
  const failed = new Set(comparison.errors.map((e) => e.rev));
  const revs = [...new Set([args.aRev, args.bRev, ...failed])].filter((rev) => failed.has(rev));
  if (revs.length) writeError(`mlreport: failed to load some ${kind} for following revisions: '${revs.join(', ')}'.\n`);
  for (const error of comparison.errors) if (!error.warned) log.warning(error.message);
  if (args.json) {
    // JSON stays parseable (no stop-commands around it), still without secrets. Written in pieces that end
    // between two keys, so a secret in a key or a value is never cut in two.
    writeDvcDiffJson(files, args.all, (chunk) => process.stdout.write(redact(chunk)));
    process.stdout.write('\n');
    return 0;
  }
  writeDvcDiffTable(
    files,
    {
      title: kind === 'metrics' ? 'Metric' : 'Param',
      aRev: args.aRev,
      bRev: args.bRev,
      precision: kind === 'metrics' ? args.precision || DEFAULT_PRECISION : null,
      showChange: kind === 'metrics',
      markdown: args.markdown && { escape: escapeCell },
      all: args.all,
      noPath: args.noPath,
    },
    writeResult,
  );
  return 0;
}
