import { shortSha } from '../git/repo';
import type { Revision } from '../git/revisions';
import type { Logger } from '../util/log';
import { diffValueFile } from '../values/diff';
import { floatLeaf, isFloat, type FileDiff, type Leaf } from '../values/types';
import { notKnownNote } from '../values/unread-notes';
import type { HistoryStore } from './store';
import type { HistoryRecord } from './types';

/**
 * The base's own values for metrics files the base commit does not have in git (produced in CI by `run:`, or
 * DVC-cached and not readable): from the store's record of the base commit, when it has one. Files with any base
 * value from git are left as they are; the store is fetched only when some file needs it. Files whose base values
 * are not known, rather than new (path → why): `storeUnread`, those that needed it when the store's branch could not
 * be fetched (whether it holds their base values is not known); `unrecorded`, those the store holds at other commits
 * when it has no record of the base (its push run failed, was cancelled or has not finished), or one that does not
 * parse. A file no record holds is new at the head.
 */
export async function withStoreBase(
  metrics: FileDiff[],
  base: Revision | null,
  store: HistoryStore,
  log: Logger,
): Promise<{ metrics: FileDiff[]; storeUnread: Map<string, string>; unrecorded: Map<string, string> }> {
  const storeUnread = new Map<string, string>();
  const unrecorded = new Map<string, string>();
  if (!base || !metrics.some(lacksBase)) return { metrics, storeUnread, unrecorded };
  const { records, notes, unread, skipped } = await store.records([base.sha]);
  const record = records.get(base.sha);
  if (!record) {
    // No store, or no record of this commit, is the usual case of a metric new at the head: the log says it. A
    // store that cannot be read, or a bad record, is said beside the files that needed it.
    const said = notes.length && (await store.tip()).state !== 'absent';
    const sha = shortSha(base.sha);
    log.info(notes.join(' ') || `History store: no record of ${sha} on '${store.branch}'.`);
    const lacking = metrics.filter(lacksBase);
    for (const f of unread ? lacking : []) storeUnread.set(f.path, `${f.path} is not in git at ${base.label}, and ${unread}`);
    const recorded = unread
      ? new Map<string, number>()
      : await store.recordedFiles(
          lacking.map((f) => f.path),
          base.sha,
        );
    const bad = skipped?.get(base.sha);
    const none = bad
      ? `the history store's record of ${sha} on '${store.branch}' ${bad}`
      : `the history store '${store.branch}' has no record of ${sha} (the run on the push of ${sha} failed, was cancelled or has not finished)`;
    for (const [file, n] of recorded) {
      unrecorded.set(file, `${file} is not in git at ${base.label}, and ${none}, though it holds ${file} for ${n} other commit${n === 1 ? '' : 's'}`);
    }
    // Beside such a file, what is true: not that it is not there, but that its values there are not known.
    const missed = bad ? `its record of ${sha} in the history store was skipped` : `the history store has no record of ${sha}`;
    const noteOn = (f: FileDiff): FileDiff => {
      if (!lacksBase(f) || (!said && !unrecorded.has(f.path))) return f;
      const own = unrecorded.has(f.path)
        ? [...f.notes.filter((n) => !n.startsWith('not present at ')), notKnownNote(base.label, `not in git there, and ${missed}`)]
        : f.notes;
      return { ...f, notes: said ? [...own, ...notes] : own };
    };
    const noted = metrics.map(noteOn);
    return { metrics: noted, storeUnread, unrecorded };
  }
  const filled = fillBase(metrics, record, store.branch);
  const used = filled.filter((f, i) => f !== metrics[i]).length;
  if (used)
    log.info(`History store: base values of ${used} metrics file${used === 1 ? '' : 's'} from the record of ${shortSha(base.sha)} on '${store.branch}'.`);
  return { metrics: filled, storeUnread, unrecorded };
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
    // The file is not in git at the base, but its values there are these: a note that it is not there would contradict them.
    return {
      ...diff,
      notes: [
        ...file.notes.filter((n) => !n.startsWith('not present at ')),
        `base values from the history store: the record of ${shortSha(record.commit)} on the branch '${branch}'`,
      ],
    };
  });
}
