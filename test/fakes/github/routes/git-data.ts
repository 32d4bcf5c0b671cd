import { createHash } from 'node:crypto';
import { notFound, validationFailed, type FakeGitHub, type FakeRequest, type FakeResponse } from '../server';
import { backedStore } from './git-backed';
import { bucket, requireActor } from './shapes';

/**
 * The Git Data API (blobs, trees, commits, refs) over an in-memory object store. Blob SHAs are git's own
 * (sha1 of "blob <size>\0<bytes>"); tree and commit SHAs are sha1 of their content, unique like git's but not
 * equal to them. Trees accept nested paths (`a/b/c.png`) and inline `content` as GitHub's "Create a tree" does. Ref
 * updates without `force` must be fast-forwards (422 "Update is not a fast forward"). A repository bound to a real
 * bare repository (`bindRepository`, ./git-backed.ts) is answered from that repository instead.
 */
export interface GitStore {
  blobs: Map<string, Buffer>;
  /** tree sha → path → blob sha (flattened). */
  trees: Map<string, Map<string, string>>;
  commits: Map<string, { tree: string; parents: string[]; message: string }>;
  refs: Map<string, string>;
}

/**
 * Makes a repository ruleset cover `ref` (e.g. `refs/heads/mlreport-assets`): creating or moving it answers what
 * GitHub answers then, 422 "Repository rule violations found" (not a fast-forward problem; retrying changes nothing).
 */
export function addRuleset(fake: FakeGitHub, fullName: string, ref: string): void {
  const [owner = '', repo = ''] = fullName.split('/');
  bucket(fake, 'rulesets', { params: { owner, repo } } as unknown as FakeRequest, () => new Set<string>()).add(ref);
}

function ruleViolation(fake: FakeGitHub, req: FakeRequest, ref: string): FakeResponse | null {
  const rules = bucket(fake, 'rulesets', req, () => new Set<string>());
  if (!rules.has(ref)) return null;
  return {
    status: 422,
    body: {
      message: 'Repository rule violations found\n\nCannot update this protected ref.\n\n',
      documentation_url: 'https://docs.github.com/rest/git/refs#update-a-reference',
      status: '422',
    },
  };
}

export function gitStore(fake: FakeGitHub, req: Pick<FakeRequest, 'params'>): GitStore {
  return bucket(fake, 'git', req as FakeRequest, () => ({ blobs: new Map(), trees: new Map(), commits: new Map(), refs: new Map() }) as GitStore);
}

/** The bytes at `path` in `commit` of `owner/repo`, or null (what a `/blob/SHA/PATH?raw=true` link would show). */
export function fileAtCommit(fake: FakeGitHub, fullName: string, commit: string, path: string): Buffer | null {
  const [owner = '', repo = ''] = fullName.split('/');
  const store = gitStore(fake, { params: { owner, repo } });
  const tree = store.trees.get(store.commits.get(commit)?.tree ?? '');
  const blob = tree?.get(path);
  return blob ? (store.blobs.get(blob) ?? null) : null;
}

const sha1 = (data: Buffer | string): string => createHash('sha1').update(data).digest('hex');

export function registerGitData(fake: FakeGitHub): void {
  const api = (req: FakeRequest): string => `${fake.url}/repos/${req.params.owner}/${req.params.repo}`;
  const html = (req: FakeRequest): string => `${fake.url}/${req.params.owner}/${req.params.repo}`;

  fake.route('POST', '/repos/{owner}/{repo}/git/blobs', (req) => {
    const denied = requireActor(req);
    if (denied) return denied;
    const { content, encoding = 'utf-8' } = (req.body ?? {}) as { content?: unknown; encoding?: unknown };
    if (typeof content !== 'string') return validationFailed('content is missing', 'content');
    if (encoding !== 'base64' && encoding !== 'utf-8') return validationFailed(`encoding must be utf-8 or base64`, 'encoding');
    const bytes = Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8');
    const real = backedStore(fake, req);
    if (real) {
      const sha = real.createBlob(bytes);
      return { status: 201, body: { url: `${api(req)}/git/blobs/${sha}`, sha } };
    }
    const sha = sha1(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]));
    gitStore(fake, req).blobs.set(sha, bytes);
    return { status: 201, body: { url: `${api(req)}/git/blobs/${sha}`, sha } };
  });

  fake.route('POST', '/repos/{owner}/{repo}/git/trees', (req) => {
    const denied = requireActor(req);
    if (denied) return denied;
    const store = gitStore(fake, req);
    const { tree, base_tree } = (req.body ?? {}) as {
      tree?: { path?: string; mode?: string; type?: string; sha?: string | null; content?: string }[];
      base_tree?: string;
    };
    if (!Array.isArray(tree)) return validationFailed('tree is missing', 'tree');
    const real = backedStore(fake, req);
    if (real) {
      const made = real.createTree(tree, base_tree);
      if (typeof made !== 'string') return made;
      const entries = real.treeEntries(made).map((e) => ({ ...e, url: `${api(req)}/git/${e.type}s/${e.sha}` }));
      return { status: 201, body: { sha: made, url: `${api(req)}/git/trees/${made}`, tree: entries, truncated: false } };
    }
    if (base_tree !== undefined && !store.trees.has(base_tree)) return validationFailed('base_tree is not a valid tree', 'base_tree');
    const files = new Map(base_tree ? (store.trees.get(base_tree) ?? []) : []);
    for (const entry of tree) {
      if (typeof entry.content === 'string') {
        const bytes = Buffer.from(entry.content, 'utf8');
        entry.sha = sha1(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]));
        store.blobs.set(entry.sha, bytes);
      }
      if (!entry.path || entry.type !== 'blob' || !entry.sha || !store.blobs.has(entry.sha) || !['100644', '100755'].includes(entry.mode ?? '')) {
        return validationFailed(`tree entry ${JSON.stringify(entry.path)} is not a valid blob entry`, 'tree');
      }
      files.set(entry.path, entry.sha);
    }
    const sha = sha1(JSON.stringify([...files].sort()));
    store.trees.set(sha, files);
    const entries = [...files].map(([path, blob]) => ({
      path,
      mode: '100644',
      type: 'blob',
      sha: blob,
      size: store.blobs.get(blob)!.length,
      url: `${api(req)}/git/blobs/${blob}`,
    }));
    return { status: 201, body: { sha, url: `${api(req)}/git/trees/${sha}`, tree: entries, truncated: false } };
  });

  fake.route('POST', '/repos/{owner}/{repo}/git/commits', (req) => {
    const denied = requireActor(req);
    if (denied) return denied;
    const store = gitStore(fake, req);
    const { message, tree, parents = [] } = (req.body ?? {}) as { message?: string; tree?: string; parents?: string[] };
    const real = backedStore(fake, req);
    let sha: string;
    if (real) {
      const made = typeof message === 'string' && tree ? real.createCommit(message, tree, parents) : validationFailed('Tree SHA does not exist', 'tree');
      if (typeof made !== 'string') return made;
      sha = made;
    } else {
      if (typeof message !== 'string' || !tree || !store.trees.has(tree)) return validationFailed('Tree SHA does not exist', 'tree');
      if (parents.some((p) => !store.commits.has(p))) return validationFailed('Parent SHA does not exist or is not a commit object', 'parents');
      sha = sha1(JSON.stringify({ message, tree, parents, n: fake.nextId() }));
      store.commits.set(sha, { tree, parents, message });
    }
    const person = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com', date: new Date().toISOString() };
    return {
      status: 201,
      body: {
        sha,
        node_id: `C_${sha}`,
        url: `${api(req)}/git/commits/${sha}`,
        html_url: `${html(req)}/commit/${sha}`,
        author: person,
        committer: person,
        tree: { sha: tree, url: `${api(req)}/git/trees/${tree}` },
        message,
        parents: parents.map((p) => ({ sha: p, url: `${api(req)}/git/commits/${p}`, html_url: `${html(req)}/commit/${p}` })),
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
      },
    };
  });

  const refBody = (req: FakeRequest, ref: string, sha: string): FakeResponse['body'] => ({
    ref,
    node_id: `REF_${ref}`,
    url: `${api(req)}/git/${ref}`,
    object: { type: 'commit', sha, url: `${api(req)}/git/commits/${sha}` },
  });

  fake.route('GET', '/repos/{owner}/{repo}/git/ref/{ref}', (req) => {
    const ref = `refs/${req.params.ref}`;
    const real = backedStore(fake, req);
    const sha = real ? real.ref(ref) : gitStore(fake, req).refs.get(ref);
    return sha ? { status: 200, body: refBody(req, ref, sha) } : { status: 404, body: notFound() };
  });

  fake.route('POST', '/repos/{owner}/{repo}/git/refs', (req) => {
    const denied = requireActor(req);
    if (denied) return denied;
    const store = gitStore(fake, req);
    const { ref, sha } = (req.body ?? {}) as { ref?: string; sha?: string };
    if (!ref || !/^refs\/.+\/.+/.test(ref)) return validationFailed('ref must start with refs/ and have at least two slashes', 'ref');
    const refused = ruleViolation(fake, req, ref);
    if (refused) return refused;
    const real = backedStore(fake, req);
    if (real) {
      const problem = real.createRef(ref, sha ?? '');
      if (problem) return problem;
      return { status: 201, body: refBody(req, ref, sha!) };
    }
    if (!sha || !store.commits.has(sha)) return validationFailed('Object does not exist', 'sha');
    if (store.refs.has(ref)) return validationFailed('Reference already exists', 'ref');
    store.refs.set(ref, sha);
    return { status: 201, body: refBody(req, ref, sha) };
  });

  fake.route('PATCH', '/repos/{owner}/{repo}/git/refs/{ref}', (req) => {
    const denied = requireActor(req);
    if (denied) return denied;
    const store = gitStore(fake, req);
    const ref = `refs/${req.params.ref}`;
    const refused = ruleViolation(fake, req, ref);
    if (refused) return refused;
    const { sha, force = false } = (req.body ?? {}) as { sha?: string; force?: boolean };
    const real = backedStore(fake, req);
    if (real) {
      const problem = real.updateRef(ref, sha ?? '', force);
      return problem ?? { status: 200, body: refBody(req, ref, sha!) };
    }
    const current = store.refs.get(ref);
    if (!current) return validationFailed('Reference does not exist', 'ref');
    if (!sha || !store.commits.has(sha)) return validationFailed('Object does not exist', 'sha');
    if (!force && !isAncestor(store, current, sha)) return validationFailed('Update is not a fast forward', 'sha');
    store.refs.set(ref, sha);
    return { status: 200, body: refBody(req, ref, sha) };
  });
}

function isAncestor(store: GitStore, ancestor: string, of: string): boolean {
  const seen = new Set<string>();
  const queue = [of];
  while (queue.length) {
    const c = queue.pop()!;
    if (c === ancestor) return true;
    if (seen.has(c)) continue;
    seen.add(c);
    queue.push(...(store.commits.get(c)?.parents ?? []));
  }
  return false;
}
