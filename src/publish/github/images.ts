import { commitOnBranch, tipByRest, DEFAULT_REF_RETRY, type RefRetry } from './branch-commit';
import { apiStatus, type GitHubClient } from './client';
import type { RepoRef } from './comments';

/** GitHub refuses an asset upload to a release that already holds this many ("file_count limited to 1000 assets per release"). */
export const MAX_RELEASE_ASSETS = 1000;
/** Pruning frees this many places beyond the run's own need, so the next runs do not prune again at once. */
const PRUNE_HEADROOM = 100;

/** An image to host: `rel` is how the report links it (`plots/x.png`), `name` its file name. */
export interface ImageFile {
  rel: string;
  name: string;
  bytes: Buffer;
}

/** Hosts images where a comment can show them; returns each file's URL by its `rel`. */
export interface ImageStore {
  readonly name: string;
  upload(files: ImageFile[], folder: string): Promise<Map<string, string>>;
}

/**
 * `image-store: branch`. One commit per run on an orphan branch of the same repository, made with the Git Data
 * API (blobs, tree, commit, ref: no clone). Each commit holds that run's files only; its parent keeps earlier
 * runs reachable, and URLs name the commit SHA, so an old comment keeps its images. Links use the form GitHub's
 * docs give for same-repository images (`/blob/SHA/PATH?raw=true`), which — unlike raw.githubusercontent.com —
 * is meant to render for members of a private repository.
 */
export class BranchImageStore implements ImageStore {
  readonly name = 'branch';
  constructor(
    private readonly client: GitHubClient,
    private readonly repo: RepoRef,
    private readonly branch: string,
    private readonly serverUrl: string,
    private readonly message: string,
    private readonly refRetry: RefRetry = DEFAULT_REF_RETRY,
  ) {}

  async upload(files: ImageFile[], folder: string): Promise<Map<string, string>> {
    const { owner, repo } = this.repo;
    const tree: { path: string; mode: '100644'; type: 'blob'; sha: string }[] = [];
    for (const file of files) {
      const blob = await this.client.request('POST /repos/{owner}/{repo}/git/blobs', {
        owner,
        repo,
        content: file.bytes.toString('base64'),
        encoding: 'base64',
      });
      tree.push({ path: `${folder}/${file.name}`, mode: '100644', type: 'blob', sha: blob.data.sha });
    }
    const treeSha = (await this.client.request('POST /repos/{owner}/{repo}/git/trees', { owner, repo, tree })).data.sha;
    const branch = this.branch;
    const commitSha = await commitOnBranch(this.client, this.repo, {
      branch,
      message: this.message,
      tip: () => tipByRest(this.client, this.repo, branch),
      // Each run's commit holds its own files only: the parent keeps earlier runs' images reachable.
      tree: () => Promise.resolve(treeSha),
      retry: this.refRetry,
    });
    const base = `${this.serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/blob/${commitSha}`;
    return new Map(files.map((f, i) => [f.rel, `${base}/${tree[i]!.path.split('/').map(encodeURIComponent).join('/')}?raw=true`]));
  }
}

/**
 * `image-store: release`. Assets of one dedicated prerelease (tag `assets-branch`), created on first use.
 * Release download URLs are reported to render for signed-in members of private repositories. GitHub holds at
 * most 1,000 assets per release, so when a run's images would not fit, the oldest assets are deleted first (their
 * old comments lose those images; the newest reports keep theirs).
 */
export class ReleaseImageStore implements ImageStore {
  readonly name = 'release';
  constructor(
    private readonly client: GitHubClient,
    private readonly repo: RepoRef,
    private readonly tag: string,
    private readonly note: (message: string) => void = () => {},
  ) {}

  async upload(files: ImageFile[], folder: string): Promise<Map<string, string>> {
    // Only the two path parameters: a whole context spread here would go out as query or body fields.
    const { owner, repo } = this.repo;
    const release = await this.release();
    const named = files.map((file) => ({ file, name: `${folder}/${file.name}`.replace(/[^\w.-]+/g, '-') }));
    const names = new Set(named.map((n) => n.name));
    const assets = await this.client.paginate('GET /repos/{owner}/{repo}/releases/{release_id}/assets', { owner, repo, release_id: release.id, per_page: 100 });
    const others = assets.filter((a) => !names.has(a.name));
    const pruned =
      others.length + files.length > MAX_RELEASE_ASSETS
        ? oldestFirst(others).slice(0, others.length + files.length - (MAX_RELEASE_ASSETS - PRUNE_HEADROOM))
        : [];
    for (const asset of [...assets.filter((a) => names.has(a.name)), ...pruned]) {
      try {
        await this.client.request('DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', { owner, repo, asset_id: asset.id });
      } catch (error) {
        // Another run deleted it first: that is the outcome we wanted.
        if (apiStatus(error) !== 404) throw error;
      }
    }
    if (pruned.length) {
      this.note(
        `The release '${this.tag}' is near GitHub's limit of ${MAX_RELEASE_ASSETS} assets: deleted the ${pruned.length} oldest images (older comments no longer show them).`,
      );
    }
    const urls = new Map<string, string>();
    for (const { file, name } of named) {
      const uploaded = await this.client.request({
        method: 'POST',
        url: release.upload_url,
        name,
        data: file.bytes,
        // fetch sets Content-Length from the bytes itself; Node 24's fetch rejects a hand-set one.
        headers: { 'content-type': contentType(file.name) },
      });
      urls.set(file.rel, (uploaded.data as { browser_download_url: string }).browser_download_url);
    }
    return urls;
  }

  private async release(): Promise<{ id: number; upload_url: string }> {
    const { owner, repo } = this.repo;
    try {
      return (await this.client.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', { owner, repo, tag: this.tag })).data;
    } catch (error) {
      if (apiStatus(error) !== 404) throw error;
    }
    const created = await this.client.request('POST /repos/{owner}/{repo}/releases', {
      owner,
      repo,
      tag_name: this.tag,
      name: 'mlreport plot images',
      body: 'Images shown in mlreport comments. Deleting this release breaks the images in those comments.',
      prerelease: true,
    });
    return created.data;
  }
}

/** The media type an asset is served with, by its name's extension (the bytes were checked to match it). */
function contentType(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return ext === 'jpg' || ext === 'jpeg' ? 'image/jpeg' : ext === 'gif' ? 'image/gif' : ext === 'svg' ? 'image/svg+xml' : 'image/png';
}

function oldestFirst<T extends { id: number; created_at: string }>(assets: T[]): T[] {
  return [...assets].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
}
