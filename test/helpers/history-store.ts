import { execFileSync } from 'node:child_process';
import { recordText, STORE_FORMAT, STORE_MARKER } from '../../src/history/store';
import type { HistoryRecord } from '../../src/history/types';

/**
 * The history store as push runs leave it — the marker and one record a commit, in the writer's own format — made
 * as the local branch `branch` of the repository at `dir` (a clone without `origin` reads the store there).
 */
export function localStoreBranch(dir: string, records: Omit<HistoryRecord, 'source' | 'date'>[], branch = 'mlreport-history'): void {
  const run = (args: string[], input?: string): string =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8', ...(input !== undefined && { input }) }).trim();
  const blob = (text: string): string => run(['hash-object', '-w', '--stdin'], text);
  const tree = (entries: string[]): string => run(['mktree'], entries.map((e) => `${e}\n`).join(''));
  const files = records.map((record) => `100644 blob ${blob(recordText({ ...record, date: null }))}\t${record.commit}.json`);
  const root = tree([`100644 blob ${blob(`${JSON.stringify(STORE_FORMAT)}\n`)}\t${STORE_MARKER}`, `040000 tree ${tree(files)}\trecords`]);
  run(['update-ref', `refs/heads/${branch}`, run(['commit-tree', root, '-m', 'records'])]);
}
