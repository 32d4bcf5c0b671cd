import { HttpError, type JsonHttp } from '../../util/http';

/** The parts of Gitea's PullRequest we read. */
export interface HubPull {
  number: number;
  state?: string;
  html_url?: string;
  head?: { ref?: string; sha?: string; label?: string };
}

/** The parts of Gitea's Comment we read. */
export interface HubComment {
  id: number;
  body: string;
  html_url?: string;
  user?: { login?: string; username?: string };
}

const PAGE_SIZE = 50;
/** Enough for any real PR list; stops a server that ignores `page` from looping for ever. */
const MAX_PAGES = 40;

/** The Gitea-style REST API of a hub (DagsHub: `{hub}/api/v1`), for one repository. */
export class GiteaClient {
  private readonly repoPath: string;

  constructor(
    private readonly http: JsonHttp,
    owner: string,
    repo: string,
  ) {
    this.repoPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  }

  /** The login of the token's owner. */
  async currentUser(): Promise<string> {
    const { data } = await this.http.request<{ login?: string; username?: string }>('GET', '/user');
    const login = data?.login || data?.username;
    if (!login) throw new HttpError(`${this.http.service}: GET /user returned no login`, 200, data);
    return login;
  }

  openPulls(): Promise<HubPull[]> {
    return this.paginate<HubPull>(`${this.repoPath}/pulls`, { state: 'open' });
  }

  /**
   * Every comment of an issue or PR, in one answer: Gitea's and Gogs' comment list has no pages (its swagger
   * defines only `since`/`before`; `page`/`limit` are ignored and no `Link` header comes back), so paging it would
   * read the same list again and again.
   */
  async comments(index: number): Promise<HubComment[]> {
    const path = `${this.repoPath}/issues/${index}/comments`;
    const { data } = await this.http.request<HubComment[]>('GET', path);
    if (!Array.isArray(data)) throw new HttpError(`${this.http.service}: GET ${path} did not return a list`, 200, data);
    return data;
  }

  async createComment(index: number, body: string): Promise<HubComment> {
    return (await this.http.request<HubComment>('POST', `${this.repoPath}/issues/${index}/comments`, { body: { body } })).data;
  }

  /**
   * Edits a comment in place. Gitea's path is `/issues/comments/{id}`, Gogs' (which DagsHub grew from)
   * `/issues/{index}/comments/{id}`; DagsHub documents neither. Returns null when the hub has no such endpoint.
   */
  async editComment(index: number, id: number, body: string): Promise<HubComment | null> {
    for (const path of this.commentPaths(index, id)) {
      try {
        return (await this.http.request<HubComment>('PATCH', path, { body: { body } })).data;
      } catch (error) {
        if (!isMissingEndpoint(error)) throw error;
      }
    }
    return null;
  }

  /** Deletes a comment; false when the hub has no delete endpoint. */
  async deleteComment(index: number, id: number): Promise<boolean> {
    for (const path of this.commentPaths(index, id)) {
      try {
        await this.http.request('DELETE', path);
        return true;
      } catch (error) {
        if (!isMissingEndpoint(error)) throw error;
      }
    }
    return false;
  }

  private commentPaths(index: number, id: number): string[] {
    return [`${this.repoPath}/issues/comments/${id}`, `${this.repoPath}/issues/${index}/comments/${id}`];
  }

  /**
   * Lists that Gitea pages (pulls) take `page` (from 1) and `limit`, and say in a `Link` header whether a next page
   * exists (the server may cap `limit` lower than asked); without the header, a short page is the last.
   */
  private async paginate<T>(path: string, query: Record<string, string>): Promise<T[]> {
    const out: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data, headers } = await this.http.request<T[]>('GET', path, { query: { ...query, page, limit: PAGE_SIZE } });
      if (!Array.isArray(data)) throw new HttpError(`${this.http.service}: GET ${path} did not return a list`, 200, data);
      for (const item of data) out.push(item);
      const link = headers.get('link');
      const hasNext = link ? /rel="next"/.test(link) : data.length >= PAGE_SIZE;
      if (!hasNext || !data.length) break;
    }
    return out;
  }
}

function isMissingEndpoint(error: unknown): boolean {
  return error instanceof HttpError && (error.status === 404 || error.status === 405);
}
