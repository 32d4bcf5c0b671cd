import { notFound, paginate, validationFailed, type FakeGitHub, type FakeRequest } from '../server';
import { bucket, requireActor, simpleUser } from './shapes';

/**
 * Releases and their assets: get by tag, create, list a release's assets (paginated), upload an asset (raw bytes
 * to the release's `upload_url`, `?name=`; 422 already_exists for a taken name; 422 `file_count` once the release
 * holds 1,000 assets, GitHub's limit since 2025 — "file_count limited to 1000 assets per release"), delete an
 * asset. The upload endpoint lives on uploads.github.com upstream; here `upload_url` points at the fake itself.
 */
export const MAX_ASSETS_PER_RELEASE = 1000;
export interface FakeRelease {
  id: number;
  tag: string;
  name: string;
  prerelease: boolean;
  /** `contentType`: the upload's content-type, which GitHub serves the asset with. */
  assets: { id: number; name: string; bytes: Buffer; createdAt: string; contentType?: string }[];
  createdAt: string;
}

export function releases(fake: FakeGitHub, req: Pick<FakeRequest, 'params'>): FakeRelease[] {
  return bucket(fake, 'releases', req as FakeRequest, () => [] as FakeRelease[]);
}

export function registerReleases(fake: FakeGitHub): void {
  const full = (req: FakeRequest): string => `${req.params.owner}/${req.params.repo}`;
  const bot = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' as const };
  const asset = (req: FakeRequest, r: FakeRelease, a: FakeRelease['assets'][number]): Record<string, unknown> => ({
    id: a.id,
    node_id: `RA_${a.id}`,
    name: a.name,
    label: null,
    state: 'uploaded',
    content_type: a.contentType ?? 'image/png',
    size: a.bytes.length,
    digest: null,
    download_count: 0,
    url: `${fake.url}/repos/${full(req)}/releases/assets/${a.id}`,
    browser_download_url: `${fake.url}/${full(req)}/releases/download/${encodeURIComponent(r.tag)}/${encodeURIComponent(a.name)}`,
    uploader: simpleUser(fake, bot),
    created_at: a.createdAt,
    updated_at: a.createdAt,
  });
  const release = (req: FakeRequest, r: FakeRelease): Record<string, unknown> => {
    const api = `${fake.url}/repos/${full(req)}/releases/${r.id}`;
    return {
      id: r.id,
      node_id: `RE_${r.id}`,
      url: api,
      html_url: `${fake.url}/${full(req)}/releases/tag/${encodeURIComponent(r.tag)}`,
      assets_url: `${api}/assets`,
      upload_url: `${api}/assets{?name,label}`,
      tarball_url: null,
      zipball_url: null,
      tag_name: r.tag,
      target_commitish: 'main',
      name: r.name,
      body: null,
      draft: false,
      prerelease: r.prerelease,
      immutable: false,
      created_at: r.createdAt,
      published_at: r.createdAt,
      author: simpleUser(fake, bot),
      assets: r.assets.map((a) => asset(req, r, a)),
    };
  };

  fake.route('GET', '/repos/{owner}/{repo}/releases/tags/{tag}', (req) => {
    const r = releases(fake, req).find((x) => x.tag === req.params.tag);
    return r ? { status: 200, body: release(req, r) } : { status: 404, body: notFound() };
  });
  fake.route('POST', '/repos/{owner}/{repo}/releases', (req) => {
    const denied = requireActor(req);
    if (denied) return denied;
    const { tag_name, name, prerelease = false } = (req.body ?? {}) as { tag_name?: string; name?: string; prerelease?: boolean };
    if (!tag_name) return validationFailed('tag_name is missing', 'tag_name');
    if (releases(fake, req).some((x) => x.tag === tag_name)) return validationFailed('already_exists', 'tag_name');
    const r: FakeRelease = { id: fake.nextId(), tag: tag_name, name: name ?? tag_name, prerelease, assets: [], createdAt: new Date().toISOString() };
    releases(fake, req).push(r);
    return { status: 201, body: release(req, r) };
  });
  fake.route('POST', '/repos/{owner}/{repo}/releases/{release_id}/assets', (req) => {
    const denied = requireActor(req);
    if (denied) return denied;
    const r = releases(fake, req).find((x) => x.id === Number(req.params.release_id));
    if (!r) return { status: 404, body: notFound() };
    const name = req.query.get('name');
    if (!name) return validationFailed('name is missing', 'name');
    if (!Buffer.isBuffer(req.body)) return validationFailed('the asset must be sent as raw bytes with its content-type', 'data');
    // GitHub's upload endpoint needs the asset's size up front (no chunked uploads).
    if (req.headers['content-length'] !== String(req.body.length))
      return {
        status: 400,
        body: {
          message: 'Content-Length header required and must match the body',
          documentation_url: 'https://docs.github.com/rest/releases/assets#upload-a-release-asset',
        },
      };
    if (r.assets.some((a) => a.name === name)) return validationFailed('already_exists', 'name');
    if (r.assets.length >= MAX_ASSETS_PER_RELEASE) {
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [
            { resource: 'ReleaseAsset', code: 'custom', field: 'file_count', message: `file_count limited to ${MAX_ASSETS_PER_RELEASE} assets per release` },
          ],
          documentation_url: 'https://docs.github.com/rest/releases/assets#upload-a-release-asset',
          status: '422',
        },
      };
    }
    const a = { id: fake.nextId(), name, bytes: req.body, createdAt: new Date().toISOString(), contentType: String(req.headers['content-type'] ?? '') };
    r.assets.push(a);
    return { status: 201, body: asset(req, r, a) };
  });
  fake.route('GET', '/repos/{owner}/{repo}/releases/{release_id}/assets', (req) => {
    const r = releases(fake, req).find((x) => x.id === Number(req.params.release_id));
    if (!r) return { status: 404, body: notFound() };
    return paginate(
      fake,
      req,
      r.assets.map((a) => asset(req, r, a)),
    );
  });
  fake.route('DELETE', '/repos/{owner}/{repo}/releases/assets/{asset_id}', (req) => {
    const denied = requireActor(req);
    if (denied) return denied;
    for (const r of releases(fake, req)) {
      const i = r.assets.findIndex((a) => a.id === Number(req.params.asset_id));
      if (i >= 0) {
        r.assets.splice(i, 1);
        return { status: 204 };
      }
    }
    return { status: 404, body: notFound() };
  });
}

/** A release as an earlier run left it: `count` assets, created one second apart from `since`. */
export function seedRelease(fake: FakeGitHub, fullName: string, tag: string, count: number, since = Date.parse('2026-01-01T00:00:00Z')): FakeRelease {
  const [owner = '', repo = ''] = fullName.split('/');
  const r: FakeRelease = { id: fake.nextId(), tag, name: tag, prerelease: true, assets: [], createdAt: new Date(since).toISOString() };
  for (let i = 0; i < count; i++) {
    r.assets.push({ id: fake.nextId(), name: `pr-1-old-${i}.png`, bytes: Buffer.from('png'), createdAt: new Date(since + i * 1000).toISOString() });
  }
  releases(fake, { params: { owner, repo } }).push(r);
  return r;
}
