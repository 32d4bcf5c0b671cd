import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { validationFailed, type FakeGitHub, type FakeRequest, type FakeResponse } from '../server';

/**
 * The Git Data API over a real bare repository: what the fake's routes answer for a repository bound with
 * `bindRepository`, so a test's checkout can use that repository as `origin` and `git fetch` what the API wrote.
 * SHAs are git's own; trees, commits and refs are made by git's plumbing (`hash-object`, `update-index` on a
 * private index, `write-tree`, `commit-tree`, `update-ref` with the old value checked).
 */
export class GitBackedStore {
  constructor(private readonly dir: string) {}

  private git(args: string[], input?: Buffer | string, env: NodeJS.ProcessEnv = {}): string {
    return execFileSync('git', args, { cwd: this.dir, input, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] })
      .toString('utf8')
      .trim();
  }

  private typeOf(sha: string): string | null {
    if (!/^[0-9a-f]{40}$/.test(sha)) return null;
    try {
      return this.git(['cat-file', '-t', sha]);
    } catch {
      return null;
    }
  }

  createBlob(bytes: Buffer): string {
    return this.git(['hash-object', '-w', '--stdin'], bytes);
  }

  /** GitHub's "Create a tree": entries by `sha` or inline `content`, nested paths, on top of `base_tree` when given. */
  createTree(entries: { path?: string; mode?: string; type?: string; sha?: string | null; content?: string }[], baseTree?: string): FakeResponse | string {
    if (baseTree !== undefined && this.typeOf(baseTree) !== 'tree') return validationFailed('base_tree is not a valid tree', 'base_tree');
    const index = join(this.dir, `fake-index-${process.pid}-${Date.now()}-${Math.random()}`);
    const env = { GIT_INDEX_FILE: index };
    try {
      this.git(baseTree ? ['read-tree', baseTree] : ['read-tree', '--empty'], undefined, env);
      for (const entry of entries) {
        const valid = entry.path && entry.type === 'blob' && ['100644', '100755'].includes(entry.mode ?? '');
        const sha = typeof entry.content === 'string' ? this.createBlob(Buffer.from(entry.content, 'utf8')) : entry.sha;
        if (!valid || !sha || this.typeOf(sha) !== 'blob')
          return validationFailed(`tree entry ${JSON.stringify(entry.path)} is not a valid blob entry`, 'tree');
        this.git(['update-index', '--add', '--cacheinfo', `${entry.mode},${sha},${entry.path}`], undefined, env);
      }
      return this.git(['write-tree'], undefined, env);
    } finally {
      rmSync(index, { force: true });
    }
  }

  /** The tree's top-level entries, as "Create a tree" returns them. */
  treeEntries(sha: string): { path: string; mode: string; type: string; sha: string; size?: number }[] {
    return this.git(['ls-tree', '-l', sha])
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [meta, path] = line.split('\t') as [string, string];
        const [mode, type, oid, size] = meta.split(/\s+/) as [string, string, string, string];
        return { path, mode, type, sha: oid, ...(type === 'blob' ? { size: Number(size) } : {}) };
      });
  }

  createCommit(message: string, tree: string, parents: string[]): FakeResponse | string {
    if (this.typeOf(tree) !== 'tree') return validationFailed('Tree SHA does not exist', 'tree');
    if (parents.some((p) => this.typeOf(p) !== 'commit')) return validationFailed('Parent SHA does not exist or is not a commit object', 'parents');
    const who = { NAME: 'github-actions[bot]', EMAIL: '41898282+github-actions[bot]@users.noreply.github.com' };
    const env = { GIT_AUTHOR_NAME: who.NAME, GIT_AUTHOR_EMAIL: who.EMAIL, GIT_COMMITTER_NAME: who.NAME, GIT_COMMITTER_EMAIL: who.EMAIL };
    return this.git(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'], message, env);
  }

  ref(ref: string): string | null {
    try {
      return this.git(['rev-parse', '--verify', '--quiet', ref]);
    } catch {
      return null;
    }
  }

  createRef(ref: string, sha: string): FakeResponse | null {
    if (this.typeOf(sha) !== 'commit') return validationFailed('Object does not exist', 'sha');
    if (this.ref(ref)) return validationFailed('Reference already exists', 'ref');
    this.git(['update-ref', ref, sha, '0'.repeat(40)]);
    return null;
  }

  updateRef(ref: string, sha: string, force: boolean): FakeResponse | null {
    const current = this.ref(ref);
    if (!current) return validationFailed('Reference does not exist', 'ref');
    if (this.typeOf(sha) !== 'commit') return validationFailed('Object does not exist', 'sha');
    if (!force && current !== sha) {
      try {
        this.git(['merge-base', '--is-ancestor', current, sha]);
      } catch {
        return validationFailed('Update is not a fast forward', 'sha');
      }
    }
    this.git(['update-ref', ref, sha, current]);
    return null;
  }
}

/**
 * Makes the fake's Git Data API for `fullName` (`owner/repo`) read and write the bare repository `dir` (a test's
 * `origin`) instead of its in-memory store.
 */
export function bindRepository(fake: FakeGitHub, fullName: string, dir: string): void {
  backed(fake).set(fullName.toLowerCase(), new GitBackedStore(dir));
}

/** The bare repository bound to the request's repository, or null (the in-memory store answers). */
export function backedStore(fake: FakeGitHub, req: Pick<FakeRequest, 'params'>): GitBackedStore | null {
  return backed(fake).get(`${req.params.owner}/${req.params.repo}`.toLowerCase()) ?? null;
}

function backed(fake: FakeGitHub): Map<string, GitBackedStore> {
  let map = fake.state.get('git-backed') as Map<string, GitBackedStore> | undefined;
  if (!map) fake.state.set('git-backed', (map = new Map()));
  return map;
}
