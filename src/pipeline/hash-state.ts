import type { BigIntStats } from 'node:fs';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the state lives under the DVC root: DVC's own scratch folder, which `dvc init` keeps out of git. */
const STATE_DIR = ['.dvc', 'tmp', 'mlreport'];
const STATE_FILE = 'hashes.json';
const VERSION = 1;
/**
 * A file modified this recently when it was hashed is not remembered: a same-size rewrite within the
 * filesystem's timestamp granularity (1–2 s on some) would keep its stat and pass for the old content
 * (git's "racily clean" problem). Such a file is read again next time, when it has settled.
 */
const RACY_NS = 2_000_000_000n;
/** Past this many remembered files, only those this run looked at are kept. */
const MAX_ENTRIES = 500_000;
const MD5 = /^[0-9a-f]{32}$/;

/**
 * DVC's state database (dvc-data `State`: a file's inode, mtime and size → its hash), so that unchanged
 * files are not read again on the next `status` or `repro`. Any change of device, inode, size, mtime or ctime
 * (ns) reads the file again, and a file that could change without changing those (see RACY_NS) is never
 * remembered: a stale or damaged state costs a re-read, never a wrong hash. Without a `.dvc` folder the state
 * lives for the run only.
 */
export class HashState {
  private readonly entries: Map<string, [string, string]>;
  private readonly touched = new Set<string>();
  private dirty = false;

  private constructor(
    private readonly dir: string | null,
    entries: Map<string, [string, string]>,
    private readonly now: () => bigint,
  ) {
    this.entries = entries;
  }

  /**
   * The state of the DVC project at `root`; an unreadable or foreign file is an empty state. `now` (ns since
   * the epoch) is when a file is taken to be hashed, for the racy check.
   */
  static async open(root: string, now = (): bigint => BigInt(Date.now()) * 1_000_000n): Promise<HashState> {
    if (!existsSync(join(root, '.dvc'))) return new HashState(null, new Map(), now);
    const dir = join(root, ...STATE_DIR);
    const entries = new Map<string, [string, string]>();
    try {
      const data = JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8')) as { version?: unknown; entries?: unknown };
      if (data.version === VERSION && data.entries && typeof data.entries === 'object') {
        for (const [key, value] of Object.entries(data.entries as Record<string, unknown>)) {
          if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string' && MD5.test(value[1])) {
            entries.set(key, [value[0], value[1]]);
          }
        }
      }
    } catch {
      // No state yet, or one this version cannot read: every file is hashed and the state written anew.
    }
    return new HashState(dir, entries, now);
  }

  /** The remembered md5 of the file at `key` (hash name and path) when its stat is exactly as it was then. */
  get(key: string, stats: BigIntStats): string | undefined {
    const entry = this.entries.get(key);
    this.touched.add(key);
    return entry && entry[0] === signature(stats) ? entry[1] : undefined;
  }

  /** Remembers an md5 computed from the file as `stats` (taken before reading it) describe it. */
  set(key: string, stats: BigIntStats, md5: string): void {
    this.touched.add(key);
    const now = this.now();
    if (now - stats.mtimeNs < RACY_NS || now - stats.ctimeNs < RACY_NS) {
      if (this.entries.delete(key)) this.dirty = true;
      return;
    }
    this.entries.set(key, [signature(stats), md5]);
    this.dirty = true;
  }

  /** Writes the state when it changed (atomically); a cache that cannot be written is skipped, not an error. */
  async save(): Promise<void> {
    if (!this.dir || !this.dirty) return;
    const keep = this.entries.size > MAX_ENTRIES ? [...this.entries].filter(([k]) => this.touched.has(k)) : [...this.entries];
    try {
      await mkdir(this.dir, { recursive: true });
      // Inside .dvc/tmp, which DVC's own .gitignore covers; this one covers a project made without `dvc init`.
      await writeFile(join(this.dir, '.gitignore'), '*\n');
      const tmp = join(this.dir, `${STATE_FILE}.${process.pid}.tmp`);
      await writeFile(tmp, JSON.stringify({ version: VERSION, entries: Object.fromEntries(keep) }));
      await rename(tmp, join(this.dir, STATE_FILE));
      this.dirty = false;
    } catch {
      // A read-only checkout: the next run hashes again.
    }
  }
}

function signature(s: BigIntStats): string {
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}
