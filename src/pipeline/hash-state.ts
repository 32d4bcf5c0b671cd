import type { Stats } from 'node:fs';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the state lives under the DVC root: DVC's own scratch folder, which `dvc init` keeps out of git. */
const STATE_DIR = ['.dvc', 'tmp', 'mlreport'];
const STATE_FILE = 'hashes.state';
const VERSION = 3;
/**
 * A file modified this recently when it was hashed is not remembered: a same-size rewrite within the
 * filesystem's timestamp granularity (1–2 s on some) would keep its stat and pass for the old content
 * (git's "racily clean" problem). Such a file is read again next time, when it has settled.
 */
const RACY_MS = 2000;
/** Past this many remembered files, only those this run looked at are kept. */
const MAX_ENTRIES = 500_000;
const MD5 = /^[0-9a-f]{32}$/;
/** What a file's stat is remembered by: device, inode, size, mtime and ctime (ms, with their fraction). */
const FIELDS = 5;

/**
 * DVC's state database (dvc-data `State`: a file's inode, mtime and size → its hash), so that unchanged
 * files are not read again on the next `status` or `repro`. Any change of device, inode, size, mtime or ctime
 * (sub-millisecond) reads the file again, and a file that could change without changing those (see RACY_MS) is
 * never remembered: a stale or damaged state costs a re-read, never a wrong hash. Without a `.dvc` folder the
 * state lives for the run only.
 *
 * Kept in columns, one slot a file: a first `status` over 10,000 files remembers each one, and an array and
 * boxed numbers per file (then their JSON, numbers printed and parsed as text) cost a third of the hashing.
 * On disk: one JSON line `{"version", "keys", "md5s"}`, then the stat fields as float64s in the machine's byte
 * order (the state never leaves the checkout), FIELDS per key, in the same order.
 */
export class HashState {
  private readonly slots = new Map<string, number>();
  private keys: string[] = [];
  /** '' where a file is no longer remembered (it was racy when hashed again). */
  private md5s: string[] = [];
  private stats = new Float64Array(0);
  /** Whether this run looked at the slot's file. */
  private seen = new Uint8Array(0);
  private dirty = false;

  private constructor(
    private readonly dir: string | null,
    private readonly now: () => number,
  ) {}

  /**
   * The state of the DVC project at `root`; an unreadable or foreign file is an empty state. `now` (ms since
   * the epoch) is when a file is taken to be hashed, for the racy check.
   */
  static async open(root: string, now = Date.now): Promise<HashState> {
    if (!existsSync(join(root, '.dvc'))) return new HashState(null, now);
    const state = new HashState(join(root, ...STATE_DIR), now);
    try {
      state.load(await readFile(join(root, ...STATE_DIR, STATE_FILE)));
    } catch {
      // No state yet, or one this version cannot read: every file is hashed and the state written anew.
    }
    return state;
  }

  private load(bytes: Buffer): void {
    const newline = bytes.indexOf(10);
    if (newline < 0) return;
    const head = JSON.parse(bytes.toString('utf8', 0, newline)) as { version?: unknown; keys?: unknown; md5s?: unknown };
    const { keys, md5s } = head;
    if (head.version !== VERSION || !Array.isArray(keys) || !Array.isArray(md5s) || md5s.length !== keys.length) return;
    const n = keys.length;
    if (bytes.length - newline - 1 !== n * FIELDS * 8) return;
    // Copied out: a Float64Array needs an 8-byte-aligned start, which the line before it does not keep.
    const stats = new Float64Array(n * FIELDS);
    new Uint8Array(stats.buffer).set(bytes.subarray(newline + 1));
    for (let i = 0; i < n; i++) {
      const key: unknown = keys[i];
      const md5: unknown = md5s[i];
      if (typeof key !== 'string' || typeof md5 !== 'string' || !MD5.test(md5)) return;
    }
    this.keys = keys as string[];
    this.md5s = md5s as string[];
    this.stats = stats;
    this.seen = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.slots.set(this.keys[i]!, i);
  }

  /** Whether the file at `key` is remembered at all (its stat not yet compared). */
  has(key: string): boolean {
    return this.slots.has(key);
  }

  /** The remembered md5 of the file at `key` (hash name and path) when its stat is exactly as it was then. */
  get(key: string, stats: Stats): string | undefined {
    const i = this.slots.get(key);
    if (i === undefined) return undefined;
    this.seen[i] = 1;
    const s = this.stats;
    const o = i * FIELDS;
    if (s[o] !== stats.dev || s[o + 1] !== stats.ino || s[o + 2] !== stats.size || s[o + 3] !== stats.mtimeMs || s[o + 4] !== stats.ctimeMs) return undefined;
    return this.md5s[i] || undefined;
  }

  /** Remembers an md5 computed from the file as `stats` (taken before reading it) describe it. */
  set(key: string, stats: Stats, md5: string): void {
    const now = this.now();
    let i = this.slots.get(key);
    if (now - stats.mtimeMs < RACY_MS || now - stats.ctimeMs < RACY_MS) {
      if (i !== undefined && this.md5s[i]) {
        this.md5s[i] = '';
        this.dirty = true;
      }
      return;
    }
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.md5s.push(md5);
      this.slots.set(key, i);
      if (this.stats.length < (i + 1) * FIELDS) this.grow(i + 1);
    } else this.md5s[i] = md5;
    const s = this.stats;
    const o = i * FIELDS;
    s[o] = stats.dev;
    s[o + 1] = stats.ino;
    s[o + 2] = stats.size;
    s[o + 3] = stats.mtimeMs;
    s[o + 4] = stats.ctimeMs;
    this.seen[i] = 1;
    this.dirty = true;
  }

  private grow(slots: number): void {
    const capacity = Math.max(slots, 2 * (this.stats.length / FIELDS), 1024);
    const stats = new Float64Array(capacity * FIELDS);
    stats.set(this.stats);
    this.stats = stats;
    const seen = new Uint8Array(capacity);
    seen.set(this.seen);
    this.seen = seen;
  }

  /** Writes the state when it changed (atomically); a cache that cannot be written is skipped, not an error. */
  async save(): Promise<void> {
    if (!this.dir || !this.dirty) return;
    const n = this.keys.length;
    const all = n <= MAX_ENTRIES;
    let keys = this.keys;
    let md5s = this.md5s;
    let stats = this.stats.subarray(0, n * FIELDS);
    if (!all || md5s.includes('')) {
      const kept: number[] = [];
      for (let i = 0; i < n; i++) if (md5s[i] && (all || this.seen[i])) kept.push(i);
      keys = kept.map((i) => this.keys[i]!);
      md5s = kept.map((i) => this.md5s[i]!);
      stats = new Float64Array(kept.length * FIELDS);
      kept.forEach((i, j) => stats.set(this.stats.subarray(i * FIELDS, (i + 1) * FIELDS), j * FIELDS));
    }
    try {
      await mkdir(this.dir, { recursive: true });
      // Inside .dvc/tmp, which DVC's own .gitignore covers; this one covers a project made without `dvc init`.
      await writeFile(join(this.dir, '.gitignore'), '*\n');
      const tmp = join(this.dir, `${STATE_FILE}.${process.pid}.tmp`);
      const head = Buffer.from(`${JSON.stringify({ version: VERSION, keys, md5s })}\n`);
      await writeFile(tmp, Buffer.concat([head, new Uint8Array(stats.buffer, stats.byteOffset, stats.byteLength)]));
      await rename(tmp, join(this.dir, STATE_FILE));
      this.dirty = false;
    } catch {
      // A read-only checkout: the next run hashes again.
    }
  }
}
