import { UserError } from '../util/errors';

/**
 * GITHUB_API_URL as every GitHub client of a run uses it: the API root without its trailing slash. A value that is
 * not an http(s) URL is an error naming the variable, raised when the action's config is read (before any work) and
 * again by a client made from another value.
 */
export function githubApiRoot(apiUrl: string): string {
  let url: URL | null = null;
  try {
    url = new URL(apiUrl);
  } catch {
    // Said below.
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new UserError(
      `GITHUB_API_URL must be GitHub's REST API root, https://api.github.com or https://HOST/api/v3 on GitHub Enterprise Server; got '${apiUrl}'. The runner sets it: check the workflow's env.`,
    );
  }
  return apiUrl.replace(/\/+$/, '');
}
