import { simpleGit, type SimpleGit } from 'simple-git';
import { UserError } from '../util/errors';

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
  private constructor(
    private readonly git: SimpleGit,
    /** The directory git commands run in; paths read at a revision are relative to it. */
    readonly cwd: string,
    readonly root: string,
  ) {}

  static async open(dir: string): Promise<GitRepo> {
    const git = simpleGit({ baseDir: dir });
    let root: string;
    try {
      root = (await git.raw(['rev-parse', '--show-toplevel'])).trim();
    } catch {
      throw new UserError(`${dir} is not inside a git repository (mlreport compares revisions, so it needs one).`);
    }
    return new GitRepo(git, dir, root);
  }

  /** The full SHA of a revision, or null when git does not know it. */
  async resolveCommit(rev: string): Promise<string | null> {
    assertSafeRev(rev);
    try {
      return (await this.git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).trim() || null;
    } catch {
      return null;
    }
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
  async listEntries(sha: string): Promise<Map<string, TreeEntry>> {
    if (!FULL_SHA.test(sha)) throw new UserError(`not a full commit SHA: ${JSON.stringify(sha)}`);
    const out = await this.git.raw(['ls-tree', '-r', '-l', '--full-tree', '-z', '--end-of-options', sha]);
    const prefix = (await this.git.raw(['rev-parse', '--show-prefix'])).trim();
    const entries = new Map<string, TreeEntry>();
    for (const line of out.split('\0')) {
      // `<mode> <type> <oid> <size>\t<path>`; the size is `-` for submodules.
      const m = /^(\d+) \w+ ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(line);
      if (!m || !m[4]!.startsWith(prefix)) continue;
      entries.set(m[4]!.slice(prefix.length), { mode: m[1]!, oid: m[2]!, size: m[3] === '-' ? 0 : Number(m[3]) });
    }
    return entries;
  }

  /** An object's bytes (a blob by the id `listEntries` gave). */
  async readObject(oid: string): Promise<Buffer> {
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(oid)) throw new UserError(`not an object id: ${JSON.stringify(oid)}`);
    return (await this.git.binaryCatFile(['blob', oid])) as Buffer;
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
