import { spawn } from 'node:child_process';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { UserError } from '../util/errors';
import { CatFileBatch, ObjectTooLarge, type NotRead, type ObjectRequest } from './cat-file';
import { gitStderr, runGit } from './run';

/**
 * One file of a commit as `git ls-tree` lists it; mode `120000` is a symbolic link, `160000` a submodule. No size:
 * `ls-tree -l` opens every blob of the commit to tell it (2,000 loose values files: 67 ms of git's CPU instead of 8),
 * and a read learns it from git's answer anyway.
 */
export interface TreeEntry {
  mode: string;
  oid: string;
}

/** What a commit object says: its tree, its parents (first parent first) and its committer date. */
export interface CommitInfo {
  tree: string;
  parents: string[];
  /** ISO 8601 with the committer's own offset, as `git log --format=%cI` writes it; null when unreadable. */
  date: string | null;
}

/** A commit or tree object is far below this; a larger one is not what it claims to be. */
const MAX_METADATA_BYTES = 16 * 1024 * 1024;
/**
 * Where each directory opened sits in its work tree (`rev-parse --show-toplevel --show-prefix`): a command opens
 * the same directory several times (finding the project, naming the head, the run), one git process is enough.
 */
const places = new Map<string, string[]>();

const FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** git's id of nothing (a side a diff has not read), as long as the repository's ids. */
const ZERO_ID = /^0+$/;
/**
 * Objects up to this size are kept once read, up to KEPT_BYTES in all: a report reads the base's metrics files for
 * the comparison and again for the history, whose commits mostly share their values files' blobs.
 */
const KEEP_OBJECT_BYTES = 64 * 1024;
const KEPT_BYTES = 32 * 1024 * 1024;

/**
 * The git edge: every call passes arguments as an array (never through a shell), and revisions that come
 * from outside are checked so they cannot be read as options.
 */
export class GitRepo {
  /** Blobs are read through one `git cat-file --batch` for the whole run, not one process a file. */
  private readonly objects: CatFileBatch;
  /** A commit's listing, read once however many trees of that commit a run makes. */
  private readonly listings = new Map<string, Promise<Map<string, TreeEntry>>>();
  /** Commits as read (history walks them, then reads a file at each). */
  private readonly commits = new Map<string, Promise<CommitInfo | null>>();
  /** Tree objects by id, for path lookups: commits next to each other share most of their sub-trees. */
  private readonly trees = new Map<string, Promise<Map<string, { mode: string; oid: string }>>>();
  /** Small objects as read (never changed by their readers), by id. */
  private readonly kept = new Map<string, Buffer>();
  private keptBytes = 0;

  private constructor(
    /** The directory git commands run in; paths read at a revision are relative to it. */
    readonly cwd: string,
    readonly root: string,
    /** `cwd` from the top of the work tree, `/`-ended ('' at the top): listings are cut to it. */
    private readonly prefix: string,
  ) {
    this.objects = new CatFileBatch(cwd);
  }

  static async open(dir: string): Promise<GitRepo> {
    let lines = places.get(dir);
    if (!lines) {
      lines = plainWorkTree(dir) ?? undefined;
      if (!lines) {
        try {
          lines = (await runGit(dir, ['rev-parse', '--show-toplevel', '--show-prefix'])).split('\n').map((line) => line.trim());
        } catch (error) {
          // A repository owned by another user (a container's checkout) is refused by git itself, which says how to allow it.
          const words = String((error as Error).message);
          if (/dubious ownership/.test(words)) throw new UserError(`git refuses to read the repository at ${dir}: ${words.replace(/^fatal: /, '')}`);
          throw new UserError(`${dir} is not inside a git repository (mlreport compares revisions, so it needs one).`);
        }
      }
      places.set(dir, lines);
    }
    return new GitRepo(dir, lines[0]!, lines[1] ?? '');
  }

  /**
   * The repository opened at `dir`, reading commits from `folder` below it (`/`-separated), a folder the work tree need
   * not have: the project root a change moved away is read at the base, where it still is.
   */
  static async openBelow(dir: string, folder: string): Promise<GitRepo> {
    const repo = await GitRepo.open(dir);
    return folder ? new GitRepo(dir, repo.root, `${repo.prefix}${folder}/`) : repo;
  }

  /** Opens the repository for `fn` and closes it after, however `fn` ends. */
  static async using<T>(dir: string, fn: (git: GitRepo) => Promise<T>): Promise<T> {
    const git = await GitRepo.open(dir);
    try {
      return await fn(git);
    } finally {
      await git.close();
    }
  }

  /** The full SHA of a revision, or null when git does not know it. */
  async resolveCommit(rev: string): Promise<string | null> {
    assertSafeRev(rev);
    // Asked of the object reader already running (or soon needed) rather than a `rev-parse` process.
    return (await this.objects.resolve(`${rev}^{commit}`))?.oid ?? null;
  }

  /**
   * `resolveCommit` by a git process of its own: after a fetch deepened a shallow clone, the running object reader
   * still stops at the boundary it read when it started (`HEAD~1` stays unknown to it).
   */
  async resolveCommitAfterFetch(rev: string): Promise<string | null> {
    assertSafeRev(rev);
    return (await this.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).catch(() => '')).trim() || null;
  }

  async isShallow(): Promise<boolean> {
    return (await this.raw(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  }

  /**
   * Fetches one commit at depth 1 (what a shallow `actions/checkout` clone lacks), or with `depth` that many
   * commits of its history: never more than asked for. A full clone gets it whole (`depthArgs`).
   */
  async fetchCommit(sha: string, remote = 'origin', depth = 1): Promise<void> {
    if (!FULL_SHA.test(sha)) throw new UserError(`not a full commit SHA: ${JSON.stringify(sha)}`);
    await this.raw(['fetch', '--no-tags', '--no-write-fetch-head', ...(await this.depthArgs(depth)), '--end-of-options', remote, sha]);
  }

  /**
   * `--depth=N` for a shallow clone; nothing for a full one, where git would write the fetched history's cut into
   * `.git/shallow` and so cut the history the clone had (a checkout with `fetch-depth: 0` turned shallow).
   */
  private async depthArgs(depth: number): Promise<string[]> {
    if (!Number.isInteger(depth) || depth < 1) throw new UserError(`not a fetch depth: ${depth}`);
    return (await this.isShallow()) ? [`--depth=${depth}`] : [];
  }

  /** How many commits `rev`'s history holds here, counted up to `max` (a shallow clone's ends at its boundary). */
  async historyLength(rev: string, max: number): Promise<number> {
    assertSafeRev(rev);
    return Number((await this.raw(['rev-list', '--count', `--max-count=${max}`, '--end-of-options', rev])).trim());
  }

  /** Whether `name` may be a branch's name (`git check-ref-format --branch`). */
  async isBranchName(name: string): Promise<boolean> {
    return this.raw(['check-ref-format', '--branch', name]).then(
      () => true,
      () => false,
    );
  }

  /** Fetches a branch into refs/remotes/<remote>/<branch>, `depth` commits deep (a full clone: whole, `depthArgs`). */
  async fetchBranch(branch: string, depth: number, remote = 'origin'): Promise<void> {
    await this.raw(['check-ref-format', '--branch', branch]).catch(() => {
      throw new UserError(`not a valid branch name: ${JSON.stringify(branch)}`);
    });
    assertSafeRev(branch);
    await this.raw([
      'fetch',
      '--no-tags',
      ...(await this.depthArgs(depth)),
      '--end-of-options',
      remote,
      `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`,
    ]);
  }

  /**
   * Fetches a branch's tip alone (depth 1, no tags) into the ref `into`, outside refs/heads and refs/remotes, and
   * returns its SHA; null (and `into` deleted) when the remote has no such branch.
   */
  async fetchTip(branch: string, into: string, remote = 'origin'): Promise<string | null> {
    assertSafeRev(branch);
    assertSafeRev(into);
    try {
      await this.raw(['fetch', '--no-tags', '--no-write-fetch-head', '--depth=1', '--end-of-options', remote, `+refs/heads/${branch}:${into}`]);
    } catch (error) {
      if (!/couldn't find remote ref/i.test(String(error))) throw error;
      await this.raw(['update-ref', '-d', into]);
      return null;
    }
    // A process of its own: the object reader may have looked this ref up before the fetch moved it.
    return (await this.raw(['rev-parse', '--verify', '--end-of-options', `${into}^{commit}`])).trim();
  }

  /** The bytes of `path` (from the top of the repository) at a commit, or null when it has no such file. */
  async readAt(commit: string, path: string, maxBytes: number): Promise<Buffer | null> {
    if (!FULL_SHA.test(commit)) throw new UserError(`not a full commit SHA: ${JSON.stringify(commit)}`);
    const found = await this.objects.resolve(`${commit}:${path}`);
    return found?.type === 'blob' ? this.objects.read(found.oid, maxBytes) : null;
  }

  /** A commit's tree, or null when git does not have the commit. */
  async treeOf(commit: string): Promise<string | null> {
    if (!FULL_SHA.test(commit)) throw new UserError(`not a full commit SHA: ${JSON.stringify(commit)}`);
    return (await this.objects.resolve(`${commit}^{tree}`))?.oid ?? null;
  }

  /** The entries of a folder (`path` from the top of the repository) at a commit, by name; null when it has no such folder. */
  async folderAt(commit: string, path: string): Promise<Map<string, { mode: string; oid: string }> | null> {
    if (!FULL_SHA.test(commit)) throw new UserError(`not a full commit SHA: ${JSON.stringify(commit)}`);
    const found = await this.objects.resolve(`${commit}:${path}`);
    return found?.type === 'tree' ? this.readTree(found.oid) : null;
  }

  /** A commit's committer date (ISO 8601), or null when git does not have the commit. */
  async committerDate(commit: string): Promise<string | null> {
    if (!FULL_SHA.test(commit)) throw new UserError(`not a full commit SHA: ${JSON.stringify(commit)}`);
    const bytes = await this.objects.read(commit, 1024 * 1024);
    const m = bytes && /^committer .* (\d+) ([+-]\d{4})$/m.exec(bytes.toString('utf8'));
    return m ? new Date(Number(m[1]) * 1000).toISOString() : null;
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    assertSafeRev(a);
    assertSafeRev(b);
    try {
      return (await this.raw(['merge-base', '--end-of-options', a, b])).trim() || null;
    } catch {
      return null;
    }
  }

  /** Every blob, link and submodule at a commit (paths relative to `cwd`), with its mode and object id. */
  listEntries(sha: string): Promise<Map<string, TreeEntry>> {
    if (!FULL_SHA.test(sha)) return Promise.reject(new UserError(`not a full commit SHA: ${JSON.stringify(sha)}`));
    let listing = this.listings.get(sha);
    if (!listing) {
      listing = this.readListing(sha);
      this.listings.set(sha, listing);
    }
    return listing;
  }

  /** Whether this run has listed the commit already (`listEntries`): reading a path there then costs no object reads. */
  hasListing(sha: string): boolean {
    return this.listings.has(sha);
  }

  private async readListing(sha: string): Promise<Map<string, TreeEntry>> {
    const out = await this.raw(['ls-tree', '-r', '--full-tree', '-z', '--end-of-options', sha]);
    const prefix = this.prefix;
    const entries = new Map<string, TreeEntry>();
    // `<mode> <type> <oid>\t<path>\0` a record, cut where git puts its separators: no pattern a line (a listing can
    // have a hundred thousand of them).
    for (let at = 0; at < out.length;) {
      let end = out.indexOf('\0', at);
      if (end < 0) end = out.length;
      const space = out.indexOf(' ', at);
      const tab = out.indexOf('\t', at);
      if (space > at && tab > space && tab < end && out.startsWith(prefix, tab + 1)) {
        entries.set(out.slice(tab + 1 + prefix.length, end), { mode: out.slice(at, space), oid: out.slice(out.lastIndexOf(' ', tab) + 1, tab) });
      }
      at = end + 1;
    }
    return entries;
  }

  /**
   * A commit's tree, parents and date, read through the object reader (no process a commit); null when git does not
   * have the commit (a shallow clone's history ends before it).
   */
  readCommit(sha: string): Promise<CommitInfo | null> {
    let commit = this.commits.get(sha);
    if (!commit) {
      commit = this.parseCommit(sha);
      this.commits.set(sha, commit);
      // One git lacks now may be fetched later: only what was found is kept.
      void commit.then((found) => found ?? this.commits.delete(sha)).catch(() => this.commits.delete(sha));
    }
    return commit;
  }

  private async parseCommit(sha: string): Promise<CommitInfo | null> {
    const bytes = await this.readObject(sha, MAX_METADATA_BYTES);
    if (!bytes) return null;
    const header = bytes.toString('utf8', 0, Math.max(0, bytes.indexOf('\n\n')));
    const tree = /^tree ([0-9a-f]+)$/m.exec(header)?.[1];
    if (!tree) throw new UserError(`object ${sha} is not a commit`);
    const parents = [...header.matchAll(/^parent ([0-9a-f]+)$/gm)].map((m) => m[1]!);
    const committer = /^committer .* (\d+) ([+-])(\d\d)(\d\d)$/m.exec(header);
    return { tree, parents, date: committer ? isoDate(Number(committer[1]), committer[2]!, committer[3]!, committer[4]!) : null };
  }

  /**
   * One path's entry at a commit (relative to `cwd`), found by reading the tree objects along the path through the
   * object reader rather than listing the whole commit: for a few files at each of many commits. Null when the
   * commit has no such path.
   */
  async entryAt(sha: string, path: string): Promise<TreeEntry | null> {
    const entry = await this.walk(sha, `${this.prefix}${path}`);
    return entry && entry.mode !== '40000' ? entry : null;
  }

  /**
   * What a path from the top of the work tree (not from `cwd`) is at a commit: a folder, a regular file, or null for
   * anything else (absent, a link, a submodule). For finding a revision's project root, which may lie above `cwd`.
   */
  async kindAtTop(sha: string, path: string): Promise<'folder' | 'file' | null> {
    const entry = await this.walk(sha, path);
    return entry?.mode === '40000' ? 'folder' : entry?.mode.startsWith('100') ? 'file' : null;
  }

  private async walk(sha: string, path: string): Promise<{ mode: string; oid: string } | null> {
    const commit = await this.readCommit(sha);
    if (!commit) throw new UserError(`git does not have commit ${sha}`);
    let entry: { mode: string; oid: string } | undefined = { mode: '40000', oid: commit.tree };
    for (const part of path.split('/').filter(Boolean)) {
      if (entry.mode !== '40000') return null;
      entry = (await this.readTree(entry.oid)).get(part);
      if (!entry) return null;
    }
    return entry;
  }

  private readTree(oid: string): Promise<Map<string, { mode: string; oid: string }>> {
    let tree = this.trees.get(oid);
    if (!tree) {
      tree = this.readObject(oid, MAX_METADATA_BYTES).then((bytes) => {
        if (!bytes) throw new UserError(`git lists tree ${oid} but does not have it (a partial or damaged clone?)`);
        return parseTree(bytes, oid.length / 2);
      });
      this.trees.set(oid, tree);
    }
    return tree;
  }

  /**
   * An object's bytes (a blob by the id `listEntries` gave), or null when git does not have it. More than
   * `maxBytes` is `ObjectTooLarge`, and those bytes are skipped, never held.
   */
  async readObject(oid: string, maxBytes: number): Promise<Buffer | null> {
    if (!FULL_SHA.test(oid)) throw new UserError(`not an object id: ${JSON.stringify(oid)}`);
    const kept = this.kept.get(oid);
    if (kept && kept.length <= maxBytes) return kept;
    const bytes = await this.objects.read(oid, maxBytes);
    if (bytes) this.keep(oid, bytes);
    return bytes;
  }

  /**
   * Many objects as `readObject` reads each, asked of git in one batch; an id it lacks is null, one too large (or
   * that its `admit` refused) `ObjectTooLarge`. `admit` is asked of kept objects first, then in git's order (the
   * order of `requests`). Past `maxTotal` bytes of answers git may be stopped: the objects it did not get to are
   * `NotRead` (`CatFileBatch.readMany`).
   */
  async readObjects(requests: readonly ObjectRequest[], maxTotal = Infinity): Promise<(Buffer | null | ObjectTooLarge | NotRead)[]> {
    const bad = requests.find((r) => !FULL_SHA.test(r.oid));
    if (bad) throw new UserError(`not an object id: ${JSON.stringify(bad.oid)}`);
    const out = new Array<Buffer | null | ObjectTooLarge | NotRead>(requests.length);
    const asked: ObjectRequest[] = [];
    const at: number[] = [];
    requests.forEach((r, i) => {
      const kept = this.kept.get(r.oid);
      if (kept && kept.length <= r.maxBytes) out[i] = r.admit && !r.admit(kept.length) ? new ObjectTooLarge(r.oid, kept.length) : kept;
      else {
        asked.push(r);
        at.push(i);
      }
    });
    const got = await this.objects.readMany(asked, maxTotal);
    got.forEach((bytes, j) => {
      out[at[j]!] = bytes;
      if (bytes instanceof Buffer) this.keep(asked[j]!.oid, bytes);
    });
    return out;
  }

  private keep(oid: string, bytes: Buffer): void {
    if (bytes.length > KEEP_OBJECT_BYTES || this.keptBytes + bytes.length > KEPT_BYTES || this.kept.has(oid)) return;
    this.kept.set(oid, bytes);
    this.keptBytes += bytes.length;
  }

  /** git with `args` in this repository's `cwd`: its stdout, or its own words when it fails. */
  private raw(args: readonly string[], input?: string): Promise<string> {
    return runGit(this.cwd, args, input);
  }

  /** Ends the object reader's git process; every command that opens a repository closes it, errors too. */
  close(): Promise<void> {
    return this.objects.close();
  }

  /** An object's bytes as git writes them, a chunk at a time (`git cat-file blob`), for files read in one pass. */
  async *streamObject(oid: string): AsyncGenerator<Buffer> {
    if (!FULL_SHA.test(oid)) throw new UserError(`not an object id: ${JSON.stringify(oid)}`);
    const child = spawn('git', ['cat-file', 'blob', oid], { cwd: this.cwd, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const stderr = gitStderr(child, 'git cat-file');
    const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolve([code, signal]));
    });
    try {
      for await (const chunk of child.stdout) yield chunk as Buffer;
      const [code, signal] = await closed;
      if (code !== 0) throw new UserError(`git cat-file blob ${oid} failed: ${stderr.why(code, signal)}`);
    } finally {
      // A reader that stops early (a parse error) leaves nothing running.
      if (child.exitCode === null) child.kill();
    }
  }

  /**
   * `git diff --numstat` from a commit to the working tree under `cwd` (tracked files, staged or not), paths relative
   * to `cwd`: lines added and deleted per file, null for a binary file; of `paths` alone when given. No renames,
   * external diff or textconv drivers.
   */
  async diffNumstat(sha: string, paths?: readonly string[]): Promise<Map<string, { added: number; deleted: number } | null>> {
    if (!FULL_SHA.test(sha)) throw new UserError(`not a full commit SHA: ${JSON.stringify(sha)}`);
    const files = new Map<string, { added: number; deleted: number } | null>();
    // Named paths go as literal pathspecs, a few hundred a process (a command line has a limit).
    const groups = paths ? Array.from({ length: Math.ceil(paths.length / 500) }, (_, i) => paths.slice(i * 500, i * 500 + 500)) : [null];
    for (const group of groups) {
      const pathspecs = group ? group.map((p) => `:(literal)${p}`) : [];
      const out = await this.raw(['diff', '--numstat', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', '--relative', sha, '--', ...pathspecs]);
      for (const record of out.split('\0')) {
        // `<added>\t<deleted>\t<path>`; `-\t-` for a binary file.
        const m = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(record);
        if (m) files.set(m[3]!, m[1] === '-' ? null : { added: Number(m[1]), deleted: Number(m[2]) });
      }
    }
    return files;
  }

  /**
   * The paths `diffNumstat` lists, found without reading the content of most files: counting lines reads both sides of
   * every changed file, and a change that deletes a thousand values files need count none of them. Through the
   * plumbing `git diff-index`, not `git diff --raw`: for each file whose stat differs from the index, `git diff` reads
   * the commit's blob and the file, to leave out a change of stat alone (2,000 rewritten files: ≈ 70 ms of git, where
   * `diff-index` takes ≈ 10). Here only those files are hashed, by one `git hash-object` (through the same filters),
   * and the ones whose content is the commit's are left out.
   */
  async diffPaths(sha: string): Promise<string[]> {
    if (!FULL_SHA.test(sha)) throw new UserError(`not a full commit SHA: ${JSON.stringify(sha)}`);
    const out = await this.raw(['diff-index', '--raw', '-z', '--no-renames', '--relative', sha, '--']);
    const paths: string[] = [];
    /** Path → the commit's id, for the files that may yet hold the commit's content. */
    const unsure = new Map<string, string>();
    // `:<mode> <mode> <id> <id> <status>\0<path>\0` a file. A file of the same mode modified in the work tree whose
    // new id is zero (git has not read it: its stat differs from the index's) may yet hold the commit's content.
    const fields = out.split('\0');
    for (let i = 0; i + 1 < fields.length; i += 2) {
      if (!fields[i]!.startsWith(':')) continue;
      const [mode, newMode, oid, newOid, status] = fields[i]!.slice(1).split(' ');
      const path = fields[i + 1]!;
      paths.push(path);
      if (status === 'M' && mode === newMode && mode!.startsWith('100') && ZERO_ID.test(newOid!) && !path.includes('\n')) unsure.set(path, oid!);
    }
    if (!unsure.size) return paths;
    const asked = [...unsure.keys()];
    let ids: string[];
    try {
      ids = (await this.raw(['hash-object', '--stdin-paths'], asked.map((path) => `${path}\n`).join(''))).split('\n');
    } catch {
      // A file gone or unreadable since: every one stays listed, as `diff-index` said.
      return paths;
    }
    const unchanged = new Set(asked.filter((path, i) => ids[i] === unsure.get(path)));
    return paths.filter((path) => !unchanged.has(path));
  }

  /** The names of the configured remotes (`origin`, …). */
  async remotes(): Promise<string[]> {
    return (await this.raw(['remote'])).split('\n').filter(Boolean);
  }

  /**
   * HEAD's commit (null before the first commit), its branch (null when detached), and whether the working tree under
   * `cwd` differs from it: modified, staged or untracked (not ignored) files, leaving out `exclude` (paths relative to
   * `cwd`, such as the report's own output folder). One `git status` answers all three.
   */
  async workingState(exclude: string[] = []): Promise<{ head: string | null; branch: string | null; changed: boolean }> {
    const pathspecs = ['.', ...exclude.map((p) => `:(exclude)${p}`)];
    const out = await this.raw(['status', '--porcelain=v2', '--branch', '--no-ahead-behind', '--untracked-files=normal', '-z', '--', ...pathspecs]);
    let head: string | null = null;
    let branch: string | null = null;
    let changed = false;
    for (const record of out.split('\0')) {
      if (record.startsWith('# branch.oid ')) head = FULL_SHA.test(record.slice(13)) ? record.slice(13) : null;
      else if (record.startsWith('# branch.head ')) branch = record.slice(14) === '(detached)' ? null : record.slice(14);
      else if (record && !record.startsWith('# ')) changed = true;
    }
    return { head, branch, changed };
  }
}

/** A tree object's entries: `<mode> <name>\0<id as raw bytes>`, one after another. */
function parseTree(bytes: Buffer, idBytes: number): Map<string, { mode: string; oid: string }> {
  const entries = new Map<string, { mode: string; oid: string }>();
  for (let at = 0; at < bytes.length;) {
    const space = bytes.indexOf(32, at);
    const nul = bytes.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > bytes.length) throw new UserError('a tree object git gave does not parse');
    entries.set(bytes.toString('utf8', space + 1, nul), { mode: bytes.toString('latin1', at, space), oid: bytes.toString('hex', nul + 1, nul + 1 + idBytes) });
    at = nul + 1 + idBytes;
  }
  return entries;
}

/** A committer timestamp and offset as `%cI` writes them: `2026-12-05T14:19:50+01:00`. */
function isoDate(seconds: number, sign: string, hours: string, minutes: string): string {
  const offset = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  const local = new Date((seconds + offset * 60) * 1000).toISOString().slice(0, 19);
  return `${local}${sign}${hours}:${minutes}`;
}

/** Variables that tell git where the repository is, or how far to look for one: with any set, git is asked. */
const DISCOVERY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM'];

/**
 * `[top of the work tree, dir's path from it ('/'-ended)]` for the plain case, found as git finds it — the nearest
 * folder upwards (links resolved) with a `.git` directory that holds a HEAD — without a `git rev-parse` process
 * (each process Node starts costs ≈ 10 ms of CPU here, a fifth of a `metrics diff`'s own work). Null, so git is
 * asked, for anything less plain: a variable that moves the repository, a `.git` file (a linked work tree or a
 * submodule), a config that names a work tree, says bare or includes others, a folder inside `.git`, a `.git` another user owns
 * (git refuses it unless `safe.directory` allows it), no `.git` at all, or a system without user ids (Windows).
 */
function plainWorkTree(dir: string): [string, string] | null {
  if (DISCOVERY_VARIABLES.some((name) => process.env[name] !== undefined)) return null;
  // git reads only a repository its user owns (else `safe.directory`); where that cannot be checked here, git checks.
  const uid = process.getuid?.();
  if (uid === undefined) return null;
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return null;
  }
  for (let top = real; ; top = dirname(top)) {
    const dotGit = join(top, '.git');
    const found = statSync(dotGit, { throwIfNoEntry: false });
    if (found) {
      // git checks the owner of the work tree's top as well as of its .git.
      if (!found.isDirectory() || found.uid !== uid || statSync(top).uid !== uid) return null;
      if (!statSync(join(dotGit, 'HEAD'), { throwIfNoEntry: false })?.isFile()) return null;
      let config = '';
      try {
        config = readFileSync(join(dotGit, 'config'), 'utf8');
      } catch {
        return null;
      }
      // A work tree named elsewhere (core.worktree, a per-worktree config), bare, or config included from other files.
      if (/^\s*(worktree\w*|bare\s*=\s*true)\b|^\s*\[\s*include/im.test(config)) return null;
      const parts = relative(top, real).split(sep).filter(Boolean);
      if (parts.some((part) => part.toLowerCase() === '.git')) return null;
      return [top, parts.map((part) => `${part}/`).join('')];
    }
    if (dirname(top) === top) return null;
  }
}

/** False for a revision git could read as an option, or one holding a line break or other control character. */
export function isUsableRev(rev: string): boolean {
  return !!rev && !rev.startsWith('-') && !/[\x00-\x1f\x7f]/.test(rev);
}

function assertSafeRev(rev: string): void {
  if (!isUsableRev(rev)) throw new UserError(`not a usable git revision: ${JSON.stringify(rev)}`);
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
