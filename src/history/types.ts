/** One base-branch commit's numeric metric values, read from its files in git or from the history store. */
export interface HistoryRecord {
  /** The base-branch commit's full SHA. */
  commit: string;
  /** Its committer date (ISO 8601), null when unknown. */
  date: string | null;
  source: 'git' | 'store';
  /** The same file and flattened key the metrics diff uses. */
  metrics: { file: string; key: string; value: number }[];
}

/** What a rule can use as history.n/mean/std/min/max (std: sample standard deviation, n − 1). */
export interface HistoryStats {
  n: number;
  mean: number;
  std: number;
  min: number;
  max: number;
}

/** report.json's `history`: null when history is off (`history: 0`), or there is no base branch. */
export interface HistorySection {
  /** The base branch read, and how many first-parent commits were asked for (input `history`). */
  branch: string;
  depth: number;
  /**
   * How many first-parent commits were read: `depth`, or fewer where the branch has fewer (`wholeBranch`) or the
   * clone's history could not be fetched further (said in `notes`). Absent in report.json from older versions.
   */
  read?: number;
  /** The commits read are the whole first-parent history of the branch: its first commit is among them. Absent with `read`. */
  wholeBranch?: boolean;
  /**
   * Why the history stops short of `depth` at a commit whose parent git does not have (a shallow clone whose fetch of
   * the rest failed, or that has no `origin`), or could not be read at all: the branch has more commits, whose values
   * are not known. A `history.*` rule with too few values is then an error, not a short history. Absent otherwise, and
   * in report.json from older versions.
   */
  notKnown?: string;
  metrics: {
    file: string;
    key: string;
    /**
     * One a run, oldest first, at most `depth`: a commit whose file is the same as at the commit before it (the stage
     * did not run again) is left out, as are commits without a value (both said in notes).
     */
    points: { commit: string; date: string | null; value: number }[];
    /** null when fewer than 3 points. */
    stats: HistoryStats | null;
    /** The head's (PR's) value: the trend's last point; null when missing at the head. */
    head: number | null;
    /**
     * Why its values at some commits read are not known (they are there, but could not be read): its file is a DVC
     * output no cache or remote gave there (`cause` 'dvc-cache'), or its commits were asked of a history store that
     * could not be read ('store'). Absent when every commit's value was read or genuinely missing, and in older files.
     */
    notKnown?: HistoryNotKnown;
  }[];
  /** Records skipped, values missing in some commits, a store branch rewritten: each said once. */
  notes: string[];
}

/** Why some values of a metric's history are not known, and what would let a run read them (`cause`). */
export interface HistoryNotKnown {
  why: string;
  cause: 'dvc-cache' | 'store' | 'moved-root';
}

/**
 * The store's side, as history-core consumes it: records for the given commits (those it holds); `unread`, why the
 * store there is could not be read (its branch could not be fetched): the commits' values are then not known;
 * `skipped`, the commits whose record does not parse (commit → why), said in `notes`.
 */
export type StoreReader = (
  commits: readonly string[],
) => Promise<{ records: Map<string, HistoryRecord>; notes: string[]; unread?: string; skipped?: Map<string, string> }>;
