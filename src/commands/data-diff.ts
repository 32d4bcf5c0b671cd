import { relative, resolve, sep } from 'node:path';
import { findProjectRoot } from '../config/project-root';
import { readRevisionData } from '../data-diff/collect';
import { diffData, selectTargets } from '../data-diff/diff';
import { dataDiffJson, dataDiffMarkdown, dataDiffPlain } from '../data-diff/dvc-output';
import { escapeCell } from '../report/escape';
import { GitRepo } from '../git/repo';
import { consoleLogger, writeResult } from '../util/console-logger';
import { UserError } from '../util/errors';
import { redact } from '../util/redact';
import { openProjectData } from '../values/collect';
import { commitTree, ReadBudget, workspaceTree, type Tree } from '../workspace/tree';
import { parseDvcStyleArgs } from './dvc-args';
import type { CommandRunner } from './types';
import { cliRemoteInputs } from '../dvc/data/remotes/open';
import { requireCommit } from '../git/revisions';

interface DataDiffArgs {
  aRev: string;
  /** null: the workspace, as DVC's default. */
  bRev: string | null;
  targets: string[] | null;
  json: boolean;
  markdown: boolean;
  showHash: boolean;
  hideMissing: boolean;
}

export const dataDiffCommand: CommandRunner = {
  run: async (args) => runDataDiffHere(parseDataDiffArgs(args)),
};

/** argv as DVC's argparse reads it (./dvc-args.ts); a B_REV implies `--hide-missing`, as in DVC. */
function parseDataDiffArgs(args: string[]): DataDiffArgs {
  const parsed = parseDvcStyleArgs(args, { flags: ['--json', '--md', '--show-hash', '--hide-missing'] });
  const bRev = parsed.revisions[1] || null;
  return {
    aRev: parsed.revisions[0] || 'HEAD',
    bRev,
    targets: parsed.targets,
    json: parsed.flags.has('--json'),
    markdown: parsed.flags.has('--md'),
    showHash: parsed.flags.has('--show-hash'),
    hideMissing: parsed.flags.has('--hide-missing') || bRev !== null,
  };
}

async function runDataDiffHere(args: DataDiffArgs): Promise<number> {
  const cwd = process.cwd();
  const root = await findProjectRoot(cwd, 'the current directory');
  const targets = args.targets?.map((t) => relative(root, resolve(cwd, t)).split(sep).join('/').replace(/\/+$/, '')) ?? null;
  return GitRepo.using(root, (git) => dataDiffIn(git, { ...args, targets }, root));
}

async function dataDiffIn(git: GitRepo, args: DataDiffArgs, root: string): Promise<number> {
  const log = consoleLogger(true);
  const print = (text: string) => (args.json ? process.stdout.write(`${redact(text)}\n`) : writeResult(text));
  if (!(await git.resolveCommit('HEAD'))) {
    print(args.json ? '{}' : '');
    return 0;
  }
  const budget = new ReadBudget();
  const data = await openProjectData(root, log, cliRemoteInputs());
  try {
    const tree = async (rev: string | null): Promise<Tree> => {
      if (rev === null) return workspaceTree(root, { budget });
      const sha = await requireCommit(git, rev);
      return commitTree(git, sha, rev, { budget });
    };
    const a = await readRevisionData(await tree(args.aRev), data);
    const b = await readRevisionData(await tree(args.bRev), data);
    let [old, head] = [a.index, b.index];
    if (args.targets) {
      [old, head] = [selectTargets(old, args.targets), selectTargets(head, args.targets)];
      for (const t of args.targets) {
        if (![...old.entries.keys(), ...head.entries.keys()].some((p) => p === t || p.startsWith(`${t}/`) || t.startsWith(`${p}/`))) {
          throw new UserError(`'${t}' is not DVC-tracked at ${args.aRev} nor at ${args.bRev ?? 'the workspace'}`);
        }
      }
    }
    for (const note of [...old.notes, ...head.notes]) log.warning(note);
    const diff = diffData(old, head);
    // Hidden or not, a directory that could not be compared is said: its files are missing from the lists.
    for (const m of diff.notInCache) log.warning(`${m.path}: its files are not compared: ${m.reason}`);
    const options = { showHash: args.showHash, hideMissing: args.hideMissing };
    print(args.json ? dataDiffJson(diff, options) : args.markdown ? dataDiffMarkdown(diff, options, escapeCell) : dataDiffPlain(diff, options));
    return 0;
  } finally {
    await data?.close();
  }
}
