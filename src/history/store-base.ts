import { shortSha } from '../git/repo';
import type { Revision } from '../git/revisions';
import type { Logger } from '../util/log';
import { diffValueFile } from '../values/diff';
import { floatLeaf, isFloat, type FileDiff, type Leaf } from '../values/types';
import type { HistoryStore } from './store';
import type { HistoryRecord } from './types';

/**
 * The base's own values for metrics files the base commit does not have in git (produced in CI by `run:`, or
 * DVC-cached and not readable): from the store's record of the base commit, when it has one. Files with any base
 * value from git are left as they are; the store is fetched only when some file needs it. `storeUnread`: the files
 * that needed it when the store's branch could not be fetched (path → why): whether it holds their base values is
 * not known, so they are not known at the base, rather than new.
 */
export async function withStoreBase(
  metrics: FileDiff[],
  base: Revision | null,
  store: HistoryStore,
  log: Logger,
): Promise<{ metrics: FileDiff[]; storeUnread: Map<string, string> }> {
  const storeUnread = new Map<string, string>();
  if (!base || !metrics.some(lacksBase)) return { metrics, storeUnread };
  const { records, notes, unread } = await store.records([base.sha]);
  const record = records.get(base.sha);
  if (!record) {
    // No store, or no record of this commit, is the usual case of a metric new at the head: the log says it. A
    // store that cannot be read, or a bad record, is said beside the files that needed it.
    const said = notes.length && (await store.tip()).state !== 'absent';
    log.info(notes.join(' ') || `History store: no record of ${shortSha(base.sha)} on '${store.branch}'.`);
    for (const f of unread ? metrics.filter(lacksBase) : []) {
      storeUnread.set(f.path, `${f.path} is not in git at ${base.label}, and ${unread}`);
    }
    return { metrics: said ? metrics.map((f) => (lacksBase(f) ? { ...f, notes: [...f.notes, ...notes] } : f)) : metrics, storeUnread };
  }
  const filled = fillBase(metrics, record, store.branch);
  const used = filled.filter((f, i) => f !== metrics[i]).length;
  if (used)
    log.info(`History store: base values of ${used} metrics file${used === 1 ? '' : 's'} from the record of ${shortSha(base.sha)} on '${store.branch}'.`);
  return { metrics: filled, storeUnread };
}

/** A file whose head has values and whose base has none at all. */
function lacksBase(file: FileDiff): boolean {
  return file.rows.length > 0 && file.rows.every((r) => r.old === undefined);
}

/** The metrics diff with the record's values as the base side of files that lack one. Pure. */
export function fillBase(metrics: FileDiff[], record: HistoryRecord, branch: string): FileDiff[] {
  const byFile = new Map<string, Map<string, number>>();
  for (const m of record.metrics) {
    const values = byFile.get(m.file) ?? new Map<string, number>();
    values.set(m.key, m.value);
    byFile.set(m.file, values);
  }
  return metrics.map((file) => {
    const stored = byFile.get(file.path);
    if (!stored || !lacksBase(file)) return file;
    const head = new Map<string, Leaf>();
    for (const row of file.rows) if (row.new !== undefined) head.set(row.key, row.new);
    // A record keeps numbers only: a value is a float at the base when it is one at the head (`1.0`, not `1`).
    const old = new Map<string, Leaf>([...stored].map(([key, value]) => [key, isFloat(head.get(key)) ? floatLeaf(value) : value]));
    const diff = diffValueFile(file.path, { status: 'ok', values: old }, { status: 'ok', values: head });
    return {
      ...diff,
      notes: [...file.notes, `base values from the history store: the record of ${shortSha(record.commit)} on the branch '${branch}'`],
    };
  });
}
