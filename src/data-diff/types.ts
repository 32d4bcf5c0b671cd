/** One DVC-tracked path at one revision: an output, or a file inside a directory output. */
export interface DataEntry {
  /** `<32 hex>`, `<32 hex>.dir` for a directory; null for an output whose hash this revision does not record. */
  md5: string | null;
  /** Bytes (a directory: the sum DVC records); null when unknown (a file inside a directory not in the cache). */
  size: number | null;
  isdir: boolean;
  /** The `.dvc` file that tracks it, for an output of one: where that file does not load, what it held is not known. */
  dvcfile?: string;
}

/** A revision's DVC-tracked data, flattened as DVC's data index is: outputs and the files of directory outputs. */
export interface DataIndex {
  /** POSIX paths from the project root, directories without their trailing `/`. */
  entries: Map<string, DataEntry>;
  /** Directory outputs whose files could not be listed (the `.dir` manifest in neither cache nor remote), and why. */
  unknown: Map<string, string>;
  /** `.dvc` files of this revision that do not load, and what that leaves unknown. */
  unloaded: Map<string, string>;
  /** What the reader should know about this revision (a dvc.lock missing, a file that does not parse). */
  notes: string[];
}

/** A version of a path in a diff: its md5 and size. */
export interface DataVersion {
  md5: string | null;
  size: number | null;
}

/** `dvc diff`'s result, each list sorted by path (a rename by its old path), directories with a trailing `/`. */
export interface DataDiff {
  added: ({ path: string } & DataVersion)[];
  deleted: ({ path: string } & DataVersion)[];
  modified: { path: string; old: DataVersion; new: DataVersion }[];
  /** Paths whose content is unchanged under a new name (DVC's renames: same md5, one deleted and one added). */
  renamed: ({ path: { old: string; new: string } } & DataVersion)[];
  /** DVC's "not in cache": directories whose files could not be compared, with why. */
  notInCache: { path: string; reason: string }[];
}

/** Rows and columns of a CSV/TSV file at one revision. */
export interface TableShape {
  /** Records after the header line, or every record when the first one is data. */
  rows: number;
  /** Fields of the first record. */
  columns: number;
}

/** report.json's `data`: what the DVC-tracked data did between base and head. */
export interface DataSection extends DataDiff {
  /** Changed CSV/TSV files with their shape at each side (null where the file is absent or was not read). */
  tables: { path: string; base: TableShape | null; head: TableShape | null; note?: string }[];
  /** Revisions' notes (a dvc.lock missing at the base) and files that could not be read, each said once. */
  notes: string[];
}
