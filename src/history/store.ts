import { shortSha, type GitRepo } from '../git/repo';
import { describeError } from '../util/errors';
import { redact } from '../util/redact';
import { isFloatLeaf, type FileDiff } from '../values/types';
import type { HistoryRecord, StoreReader } from './types';

/**
 * The file at the root of every store commit that says the branch is mlreport's: a branch of that name without
 * it (someone else's, or rewritten into something else) is neither read nor written.
 */
export const STORE_MARKER = 'mlreport-history.json';
export const STORE_FORMAT = { format: 'mlreport-history', version: 1 } as const;

/** Where a store tip is fetched to in the checkout: outside refs/heads and refs/remotes, so no branch listing shows it. */
const LOCAL_REF = 'refs/mlreport/history';
/** A record holds one commit's metrics: 16 MiB is ~200,000 values, far past any report. */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** The folder of the records, one file per recorded commit. */
const RECORDS = 'records';

/** One file per recorded commit, so runs that record different commits never touch the same path. */
export function recordPath(commit: string): string {
  return `${RECORDS}/${commit}.json`;
}

/** The store branch's tip as this checkout fetched it. */
export type StoreTip =
  /** No store to read: `why` says so (no such branch yet; no remote, and so nowhere to write one either). */
  | { state: 'absent'; why: string; remote: boolean }
  | { state: 'ok'; commit: string; tree: string }
  /**
   * Why the branch cannot be used: it is not a store, or it could not be fetched (`unfetched`: what it holds is then
   * not known, rather than absent).
   */
  | { state: 'unusable'; reason: string; unfetched?: true };

/**
 * The history store: an orphan branch of the same repository holding `records/<commit>.json`, one per push to the
 * default branch. It is read through git with the checkout's own credentials (one `git fetch --depth=1` of the
 * branch's tip, no REST request) and written through the Git Data API (./store-write.ts).
 */
export class HistoryStore {
  private fetched: Promise<StoreTip> | null = null;

  constructor(
    private readonly git: GitRepo,
    readonly branch: string,
    private readonly remote = 'origin',
  ) {}

  /** The tip, fetched once a run; `fresh` fetches again (after another run moved the branch). */
  tip(fresh = false): Promise<StoreTip> {
    if (fresh || !this.fetched) this.fetched = this.fetchTip();
    return this.fetched;
  }

  private async fetchTip(): Promise<StoreTip> {
    if (!(await this.git.remotes()).includes(this.remote)) {
      // A clone without the remote may still hold the branch itself (a local copy of the store): read that.
      const local = await this.git.resolveCommit(`refs/heads/${this.branch}`);
      if (local) return this.usable(local);
      return { state: 'absent', why: `no remote '${this.remote}' to fetch the branch '${this.branch}' from`, remote: false };
    }
    let commit: string | null;
    try {
      commit = await this.git.fetchTip(this.branch, LOCAL_REF, this.remote);
    } catch (error) {
      // git's message may quote the remote's URL, and a URL may carry a token.
      return {
        state: 'unusable',
        reason: `the branch '${this.branch}' could not be fetched (${redact(firstLine(describeError(error)))})`,
        unfetched: true,
      };
    }
    if (!commit) return { state: 'absent', why: `no branch '${this.branch}' yet (pushes to the default branch write it)`, remote: true };
    return this.usable(commit);
  }

  /** The tip `commit`, when it is an mlreport store. */
  private async usable(commit: string): Promise<StoreTip> {
    const tree = await this.git.treeOf(commit);
    const marker = await this.git.readAt(commit, STORE_MARKER, 64 * 1024);
    if (!tree || !marker || !isMarker(marker)) {
      return {
        state: 'unusable',
        reason: `the branch '${this.branch}' is not an mlreport history store (no ${STORE_MARKER} of format 1 at its tip ${shortSha(commit)})`,
      };
    }
    return { state: 'ok', commit, tree };
  }

  /** A commit's committer date, as its record keeps it. */
  dateOf(commit: string): Promise<string | null> {
    return this.git.committerDate(commit);
  }

  /**
   * The records of `commits` the store holds; a record that is not one (bad JSON, wrong shape, another commit's) is a
   * note, and in `skipped` (commit → why). `unread`: the branch could not be fetched (or there is no remote to fetch
   * it from, and no local branch of that name), so whether it holds their records is not known.
   */
  async records(commits: readonly string[]): Promise<StoreRecords> {
    const records = new Map<string, HistoryRecord>();
    const notes: string[] = [];
    const skipped = new Map<string, string>();
    const tip = await this.tip();
    if (tip.state === 'unusable') {
      const note = `History store: ${tip.reason}; not read.`;
      return tip.unfetched ? { records, notes: [note], unread: `the history store's ${tip.reason.replace(/^the /, '')}` } : { records, notes: [note] };
    }
    // No remote to fetch the branch from is a store not read, not one that holds nothing: as a fetch that failed.
    if (tip.state === 'absent' && !tip.remote)
      return {
        records,
        notes: [`History store: ${tip.why}; not read.`],
        unread: `the history store's branch '${this.branch}' could not be fetched (${tip.why})`,
      };
    if (tip.state === 'absent') return { records, notes: [`History store: ${tip.why}.`] };
    for (const commit of new Set(commits)) {
      const path = recordPath(commit);
      let bytes: Buffer | null;
      try {
        bytes = await this.git.readAt(tip.commit, path, MAX_RECORD_BYTES);
      } catch (error) {
        notes.push(`History store: ${path} could not be read (${describeError(error)}); skipped.`);
        continue;
      }
      if (!bytes) continue;
      const parsed = parseRecord(bytes, commit);
      if (typeof parsed === 'string') {
        notes.push(`History store: ${path} on '${this.branch}' ${parsed}; skipped.`);
        skipped.set(commit, parsed);
      } else records.set(commit, parsed);
    }
    return { records, notes, ...(skipped.size && { skipped }) };
  }

  /**
   * Of `files`, those some record of the fetched tip holds (a commit other than `except`), with how many records hold
   * each: a file the push runs have recorded, rather than one no run ever made. Records that do not parse are passed
   * over (reading them for a commit says why). Empty when there is no tip to read.
   */
  async recordedFiles(files: readonly string[], except: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const tip = await this.tip();
    if (tip.state !== 'ok' || !files.length) return counts;
    const wanted = new Set(files);
    const folder = (await this.git.folderAt(tip.commit, RECORDS)) ?? new Map<string, { mode: string; oid: string }>();
    const entries = [...folder].flatMap(([name, entry]) => {
      const commit = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
      return commit && commit !== except && entry.mode.startsWith('100') ? [{ commit, oid: entry.oid }] : [];
    });
    // In one batch of object reads: a store holds a record per push to the default branch, a few hundred bytes each.
    const bytes = await this.git.readObjects(entries.map((e) => ({ oid: e.oid, maxBytes: MAX_RECORD_BYTES })));
    entries.forEach(({ commit }, i) => {
      const got = bytes[i];
      const record = got instanceof Buffer ? parseRecord(got, commit) : null;
      if (!record || typeof record === 'string') return;
      for (const file of new Set(record.metrics.map((m) => m.file))) if (wanted.has(file)) counts.set(file, (counts.get(file) ?? 0) + 1);
    });
    return counts;
  }
}

/** What the store gave for some commits (`HistoryStore.records`). */
export interface StoreRecords {
  records: Map<string, HistoryRecord>;
  notes: string[];
  /** Records of those commits the store holds that are not records (commit → why). */
  skipped?: Map<string, string>;
  /** Why the store could not be read: whether it holds their records is not known. */
  unread?: string;
}

/** What history-core's collection calls with the base branch's commits: the store's records of them. */
export function storeReader(store: HistoryStore): StoreReader {
  return (commits) => store.records(commits);
}

/** A record file's text: the commit, its date and its metrics. */
export function recordText(record: Omit<HistoryRecord, 'source'>): string {
  return `${JSON.stringify({ ...STORE_FORMAT, commit: record.commit, date: record.date, metrics: record.metrics }, null, 1)}\n`;
}

/** The numeric values at the head of a run's metrics diff (booleans, strings and non-finite numbers are not recorded). */
export function headMetrics(metrics: FileDiff[]): HistoryRecord['metrics'] {
  const out: HistoryRecord['metrics'] = [];
  for (const file of metrics) {
    for (const row of file.rows) {
      const value = typeof row.new === 'number' ? row.new : isFloatLeaf(row.new) ? row.new.float : undefined;
      if (typeof value === 'number' && Number.isFinite(value)) out.push({ file: file.path, key: row.key, value });
    }
  }
  return out;
}

/** The record, or why it is not one. */
function parseRecord(bytes: Buffer, commit: string): HistoryRecord | string {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    // JSON.parse's own words ("Unexpected end of JSON input"): the file is at fault, not mlreport.
    return `is not JSON (${(error as Error).message})`;
  }
  if (!isObject(data) || data.format !== STORE_FORMAT.format || data.version !== STORE_FORMAT.version) {
    return `is not an mlreport history record of format ${STORE_FORMAT.version}`;
  }
  if (data.commit !== commit) return `names the commit ${JSON.stringify(data.commit)}, not ${commit}`;
  if (data.date !== null && (typeof data.date !== 'string' || Number.isNaN(Date.parse(data.date)))) return `has a 'date' that is not an ISO 8601 date`;
  if (!Array.isArray(data.metrics)) return `has no 'metrics' list`;
  const metrics: HistoryRecord['metrics'] = [];
  for (const [i, m] of (data.metrics as unknown[]).entries()) {
    if (!isObject(m) || typeof m.file !== 'string' || typeof m.key !== 'string' || typeof m.value !== 'number' || !Number.isFinite(m.value)) {
      return `has metrics[${i}] that is not {file, key, value} with a finite number`;
    }
    metrics.push({ file: m.file, key: m.key, value: m.value });
  }
  return { commit, date: data.date, source: 'store', metrics };
}

function isMarker(bytes: Buffer): boolean {
  try {
    const data = JSON.parse(bytes.toString('utf8')) as unknown;
    return isObject(data) && data.format === STORE_FORMAT.format && data.version === STORE_FORMAT.version;
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? text
  );
}
