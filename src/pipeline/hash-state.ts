import type { Stats } from 'node:fs';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the state lives under the DVC root: DVC's own scratch folder, which `dvc init` keeps out of git. */
const STATE_DIR = ['.dvc', 'tmp', 'mlreport'];
const STATE_FILE = 'hashes.json';
const VERSION = 2;
/**
 * A file modified this recently when it was hashed is not remembered: a same-size rewrite within the
 * filesystem's timestamp granularity (1–2 s on some) would keep its stat and pass for the old content
 * (git's "racily clean" problem). Such a file is read again next time, when it has settled.
 */
const RACY_MS = 2000;
/** Past this many remembered files, only those this run looked at are kept. */
const MAX_ENTRIES = 500_000;
const MD5 = /^[0-9a-f]{32}$/;

/**
 * DVC's state database (dvc-data `State`: a file's inode, mtime and size → its hash), so that unchanged
 * files are not read again on the next `status` or `repro`. Any change of device, inode, size, mtime or ctime
 * (sub-millisecond) reads the file again, and a file that could change without changing those (see RACY_NS) is never
 * remembered: a stale or damaged state costs a re-read, never a wrong hash. Without a `.dvc` folder the state
 * lives for the run only.
 */
/** What a file was when it was hashed: device, inode, size, mtime and ctime (ms, with their fraction), then its md5. */
type Entry = [number, number, number, number, number, string];

export class HashState {
  private readonly entries: Map<string, Entry>;
  private readonly touched = new Set<string>();
  private dirty = false;

  private constructor(
    private readonly dir: string | null,
    entries: Map<string, Entry>,
    private readonly now: () => number,
  ) {
    this.entries = entries;
  }

  /**
   * The state of the DVC project at `root`; an unreadable or foreign file is an empty state. `now` (ms since
   * the epoch) is when a file is taken to be hashed, for the racy check.
   */
  static async open(root: string, now = Date.now): Promise<HashState> {
    if (!existsSync(join(root, '.dvc'))) return new HashState(null, new Map(), now);
    const dir = join(root, ...STATE_DIR);
    const entries = new Map<string, Entry>();
    try {
      // One array of rows: parsing it is far cheaper than an object with a key per file.
      const data = JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8')) as { version?: unknown; entries?: unknown };
      if (data.version === VERSION && Array.isArray(data.entries)) {
        for (const row of data.entries as unknown[]) {
          if (!Array.isArray(row) || row.length !== 7 || typeof row[0] !== 'string' || typeof row[6] !== 'string' || !MD5.test(row[6])) continue;
          if (
            typeof row[1] !== 'number' ||
            typeof row[2] !== 'number' ||
            typeof row[3] !== 'number' ||
            typeof row[4] !== 'number' ||
            typeof row[5] !== 'number'
          )
            continue;
          entries.set(row[0], [row[1], row[2], row[3], row[4], row[5], row[6]]);
        }
      }
    } catch {
      // No state yet, or one this version cannot read: every file is hashed and the state written anew.
    }
    return new HashState(dir, entries, now);
  }

  /** The remembered md5 of the file at `key` (hash name and path) when its stat is exactly as it was then. */
  get(key: string, stats: Stats): string | undefined {
    this.touched.add(key);
    const e = this.entries.get(key);
    if (!e || e[0] !== stats.dev || e[1] !== stats.ino || e[2] !== stats.size || e[3] !== stats.mtimeMs || e[4] !== stats.ctimeMs) return undefined;
    return e[5];
  }

  /** Remembers an md5 computed from the file as `stats` (taken before reading it) describe it. */
  set(key: string, stats: Stats, md5: string): void {
    this.touched.add(key);
    const now = this.now();
    if (now - stats.mtimeMs < RACY_MS || now - stats.ctimeMs < RACY_MS) {
      if (this.entries.delete(key)) this.dirty = true;
      return;
    }
    this.entries.set(key, [stats.dev, stats.ino, stats.size, stats.mtimeMs, stats.ctimeMs, md5]);
    this.dirty = true;
  }

  /** Writes the state when it changed (atomically); a cache that cannot be written is skipped, not an error. */
  async save(): Promise<void> {
    if (!this.dir || !this.dirty) return;
    const rows: unknown[] = [];
    const all = this.entries.size <= MAX_ENTRIES;
    for (const [key, entry] of this.entries) if (all || this.touched.has(key)) rows.push([key, ...entry]);
    try {
      await mkdir(this.dir, { recursive: true });
      // Inside .dvc/tmp, which DVC's own .gitignore covers; this one covers a project made without `dvc init`.
      await writeFile(join(this.dir, '.gitignore'), '*\n');
      const tmp = join(this.dir, `${STATE_FILE}.${process.pid}.tmp`);
      await writeFile(tmp, JSON.stringify({ version: VERSION, entries: rows }));
      await rename(tmp, join(this.dir, STATE_FILE));
      this.dirty = false;
    } catch {
      // A read-only checkout: the next run hashes again.
    }
  }
}
