import { spawn } from 'node:child_process';
import { simpleGit, type SimpleGit } from 'simple-git';
import { UserError } from '../util/errors';
import { CatFileBatch } from './cat-file';

/** One file of a commit as `git ls-tree -l` lists it; mode `120000` is a symbolic link, `160000` a submodule. */
export interface TreeEntry {
  mode: string;
  oid: string;
  size: number;
}

const FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/**
 * The git edge: every call passes arguments as an array (never through a shell), and revisions that come
 * from outside are checked so they cannot be read as options.
 */
export class GitRepo {
  /** Blobs are read through one `git cat-file --batch` for the whole run, not one process a file. */
  private readonly objects: CatFileBatch;
  /** A commit's listing, read once however many trees of that commit a run makes. */
  private readonly listings = new Map<string, Promise<Map<string, TreeEntry>>>();

  private constructor(
    private readonly git: SimpleGit,
    /** The directory git commands run in; paths read at a revision are relative to it. */
    readonly cwd: string,
    readonly root: string,
    /** `cwd` from the top of the work tree, `/`-ended ('' at the top): listings are cut to it. */
    private readonly prefix: string,
  ) {
    this.objects = new CatFileBatch(cwd);
  }

  static async open(dir: string): Promise<GitRepo> {
    const git = simpleGit({ baseDir: dir });
    let lines: string[];
    try {
      lines = (await git.raw(['rev-parse', '--show-toplevel', '--show-prefix'])).split('\n');
    } catch {
      throw new UserError(`${dir} is not inside a git repository (mlreport compares revisions, so it needs one).`);
    }
    return new GitRepo(git, dir, lines[0]!.trim(), lines[1]?.trim() ?? '');
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

  async isShallow(): Promise<boolean> {
    return (await this.git.raw(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  }

  /** Fetches exactly one commit at depth 1 (what a shallow `actions/checkout` clone lacks). */
  async fetchCommit(sha: string, remote = 'origin'): Promise<void> {
    if (!FULL_SHA.test(sha)) throw new UserError(`not a full commit SHA: ${JSON.stringify(sha)}`);
    await this.git.raw(['fetch', '--no-tags', '--no-write-fetch-head', '--depth=1', '--end-of-options', remote, sha]);
  }

  /** Fetches a branch into refs/remotes/<remote>/<branch>, deepened by `depth` commits. */
  async fetchBranch(branch: string, depth: number, remote = 'origin'): Promise<void> {
    await this.git.raw(['check-ref-format', '--branch', branch]).catch(() => {
      throw new UserError(`not a valid branch name: ${JSON.stringify(branch)}`);
    });
    assertSafeRev(branch);
    await this.git.raw(['fetch', '--no-tags', `--depth=${depth}`, '--end-of-options', remote, `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`]);
  }

  /**
   * Fetches a branch's tip alone (depth 1, no tags) into the ref `into`, outside refs/heads and refs/remotes, and
   * returns its SHA; null (and `into` deleted) when the remote has no such branch.
   */
  async fetchTip(branch: string, into: string, remote = 'origin'): Promise<string | null> {
    assertSafeRev(branch);
    assertSafeRev(into);
    try {
      await this.git.raw(['fetch', '--no-tags', '--no-write-fetch-head', '--depth=1', '--end-of-options', remote, `+refs/heads/${branch}:${into}`]);
    } catch (error) {
      if (!/couldn't find remote ref/i.test(String(error))) throw error;
      await this.git.raw(['update-ref', '-d', into]);
      return null;
    }
    // A process of its own: the object reader may have looked this ref up before the fetch moved it.
    return (await this.git.raw(['rev-parse', '--verify', '--end-of-options', `${into}^{commit}`])).trim();
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
      return (await this.git.raw(['merge-base', '--end-of-options', a, b])).trim() || null;
    } catch {
      return null;
    }
  }

  /** Every blob, link and submodule at a commit (paths relative to `cwd`), with its mode, object id and size. */
  listEntries(sha: string): Promise<Map<string, TreeEntry>> {
    if (!FULL_SHA.test(sha)) return Promise.reject(new UserError(`not a full commit SHA: ${JSON.stringify(sha)}`));
    let listing = this.listings.get(sha);
    if (!listing) {
      listing = this.readListing(sha);
      this.listings.set(sha, listing);
    }
    return listing;
  }

  private async readListing(sha: string): Promise<Map<string, TreeEntry>> {
    const out = await this.git.raw(['ls-tree', '-r', '-l', '--full-tree', '-z', '--end-of-options', sha]);
    const prefix = this.prefix;
    const entries = new Map<string, TreeEntry>();
    for (const line of out.split('\0')) {
      // `<mode> <type> <oid> <size>\t<path>`; the size is `-` for submodules.
      const m = /^(\d+) \w+ ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(line);
      if (!m || !m[4]!.startsWith(prefix)) continue;
      entries.set(m[4]!.slice(prefix.length), { mode: m[1]!, oid: m[2]!, size: m[3] === '-' ? 0 : Number(m[3]) });
    }
    return entries;
  }

  /**
   * An object's bytes (a blob by the id `listEntries` gave), or null when git does not have it. More than
   * `maxBytes` is `ObjectTooLarge`, and those bytes are skipped, never held.
   */
  async readObject(oid: string, maxBytes: number): Promise<Buffer | null> {
    if (!FULL_SHA.test(oid)) throw new UserError(`not an object id: ${JSON.stringify(oid)}`);
    return this.objects.read(oid, maxBytes);
  }

  /** Ends the object reader's git process; every command that opens a repository closes it, errors too. */
  close(): Promise<void> {
    return this.objects.close();
  }

  /** An object's bytes as git writes them, a chunk at a time (`git cat-file blob`), for files read in one pass. */
  async *streamObject(oid: string): AsyncGenerator<Buffer> {
    if (!FULL_SHA.test(oid)) throw new UserError(`not an object id: ${JSON.stringify(oid)}`);
    const child = spawn('git', ['cat-file', 'blob', oid], { cwd: this.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-2000)));
    const closed = new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    try {
      for await (const chunk of child.stdout) yield chunk as Buffer;
      const code = await closed;
      if (code !== 0) throw new UserError(`git cat-file blob ${oid} failed: ${stderr.trim() || `exit code ${code}`}`);
    } finally {
      // A reader that stops early (a parse error) leaves nothing running.
      if (child.exitCode === null) child.kill();
    }
  }

  /** The names of the configured remotes (`origin`, …). */
  async remotes(): Promise<string[]> {
    return (await this.git.raw(['remote'])).split('\n').filter(Boolean);
  }

  /**
   * Whether the working tree under `cwd` differs from HEAD: modified, staged or untracked (not ignored) files, leaving
   * out `exclude` (paths relative to `cwd`, such as the report's own output folder).
   */
  async hasUncommittedChanges(exclude: string[] = []): Promise<boolean> {
    const pathspecs = ['.', ...exclude.map((p) => `:(exclude)${p}`)];
    return (await this.git.raw(['status', '--porcelain', '--untracked-files=normal', '--', ...pathspecs])).trim() !== '';
  }

  async currentBranch(): Promise<string | null> {
    try {
      const name = (await this.git.raw(['symbolic-ref', '--quiet', '--short', 'HEAD'])).trim();
      return name || null;
    } catch {
      return null;
    }
  }
}

/** Rejects revisions that git could read as an option or that contain control characters. */
function assertSafeRev(rev: string): void {
  if (!rev || rev.startsWith('-') || /[\x00-\x1f\x7f]/.test(rev)) {
    throw new UserError(`not a usable git revision: ${JSON.stringify(rev)}`);
  }
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
