import { resolve } from 'node:path';
import { findProjectRoot } from '../config/project-root';
import { GitRepo } from '../git/repo';
import { parseHistoryDepth } from '../history/config';
import { readProjectHistory } from '../history/read';
import { HistoryStore, storeReader } from '../history/store';
import type { HistorySection } from '../history/types';
import { consoleLogger, writeError, writeResult } from '../util/console-logger';
import { UserError } from '../util/errors';
import { storeOption } from './project-options';
import { parseCommandArgs } from './args';
import type { CommandRunner } from './types';
import { formatNumber } from '../util/numbers';
import { collectAndCompare } from '../values/collect';
import { githubTable } from '../values/dvc-output';
import { escapeCell } from '../report/escape';
import { ReadBudget } from '../workspace/tree';
import { cliRemoteInputs } from '../dvc/data/remotes/open';
import { requireCommit } from '../git/revisions';

export const metricsHistoryCommand: CommandRunner = {
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      depth: { type: 'string', default: '' },
      metrics: { type: 'string', multiple: true },
      'history-store': { type: 'string' },
      md: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      cwd: { type: 'string', default: '.' },
    });
    if (positionals.length > 1) throw new UserError(`expected at most one revision, got ${positionals.length}: ${positionals.join(' ')}`);
    const depth = parseHistoryDepth(values.depth, '--depth');
    if (depth === 0) throw new UserError('--depth must be at least 1 (a history of no commits has nothing to show).');
    const rev = positionals[0] ?? 'HEAD';
    const workspace = await findProjectRoot(resolve(values.cwd), '--cwd', values.cwd);
    const history = await GitRepo.using(workspace, (git) =>
      readBranchHistory(git, workspace, rev, depth, values.metrics ?? null, storeOption(values['history-store'])),
    );
    for (const note of history.notes) writeError(`mlreport: note: ${note}\n`);
    // Nothing at any commit: metrics made in CI, or cached by DVC with neither the cache nor a remote holding them.
    if (values['history-store'] === undefined && history.metrics.length && history.metrics.every((m) => !m.points.length)) {
      writeError('mlreport: note: metrics that are not committed have history only in the history store: add --history-store mlreport-history.\n');
    }
    if (values.json) writeResult(`${JSON.stringify(history, null, 2)}\n`);
    else writeResult(historyTable(history, values.md));
    return 0;
  },
};

/** The metrics the workspace shows, each with its values at `rev` and its first parents. */
async function readBranchHistory(
  git: GitRepo,
  workspace: string,
  rev: string,
  depth: number,
  metricsPaths: string[] | null,
  storeBranch: string | undefined,
): Promise<HistorySection> {
  const sha = await requireCommit(git, rev);
  const log = consoleLogger(true);
  const budget = new ReadBudget();
  const comparison = await collectAndCompare(git, { workspace, base: { sha, label: rev }, metricsPaths, paramsPaths: [], headLabel: 'workspace', budget }, log);
  for (const error of comparison.headErrors) log.warning(error);
  if (!comparison.metrics.length) throw new UserError(`no metrics files at ${rev} or in the workspace: name them in dvc.yaml, or pass --metrics PATH.`);
  const store = storeBranch ? storeReader(new HistoryStore(git, storeBranch)) : undefined;
  // Its hints name the CLI's flags (`--history-store`), never the action's inputs.
  const request = { base: { sha, label: rev }, depth, metrics: comparison.metrics, budget, parsedAtBase: comparison.parsedAtBase, cli: true };
  return readProjectHistory(git, request, { workspace, data: cliRemoteInputs() }, store, log);
}

/** One row a metric: its stats over the history and where the workspace's value stands against them. */
function historyTable(history: HistorySection, markdown: boolean): string {
  const headers = ['Path', 'Metric', 'n', 'mean', 'std', 'min', 'max', 'workspace', 'σ from mean'];
  const rows = history.metrics.map((m) => {
    const s = m.stats;
    const cell = (v: number | undefined | null): string => (v === undefined || v === null ? '-' : formatNumber(v));
    const sigmas = s && m.head !== null && s.std > 0 ? formatNumber((m.head - s.mean) / s.std, 2) : '-';
    return [m.file, m.key, String(m.points.length), cell(s?.mean), cell(s?.std), cell(s?.min), cell(s?.max), cell(m.head), sigmas];
  });
  if (!rows.length) return `No numeric metrics to show at ${history.branch}.\n`;
  if (markdown) return githubTable(headers, rows, escapeCell);
  const width = headers.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i]!.length), h.length));
  const line = (cells: string[]): string =>
    `${cells
      .map((c, i) => c.padEnd(width[i]!))
      .join('  ')
      .trimEnd()}\n`;
  return line(headers) + rows.map(line).join('');
}
