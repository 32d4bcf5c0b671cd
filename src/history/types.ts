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
  metrics: {
    file: string;
    key: string;
    /** Oldest first, at most `depth`; commits without a value are left out (and said in notes). */
    points: { commit: string; date: string | null; value: number }[];
    /** null when fewer than 3 points. */
    stats: HistoryStats | null;
    /** The head's (PR's) value: the trend's last point; null when missing at the head. */
    head: number | null;
  }[];
  /** Records skipped, values missing in some commits, a store branch rewritten: each said once. */
  notes: string[];
}

/** The store's side, as history-core consumes it: records for the given commits (those it holds). */
export type StoreReader = (commits: readonly string[]) => Promise<{ records: Map<string, HistoryRecord>; notes: string[] }>;
