import type { FakeGitHub } from '../server';
import { simpleUser } from './shapes';

/**
 * `GET /user`. Installation tokens (the workflow's GITHUB_TOKEN, app tokens) get 403 "Resource not accessible by
 * integration" there; user tokens get their account.
 */
export function registerUsers(fake: FakeGitHub): void {
  fake.route('GET', '/user', (req) => {
    if (!req.actor) return { status: 401, body: { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest', status: '401' } };
    if (req.actor.type === 'Bot')
      return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' } };
    const now = new Date().toISOString();
    return {
      status: 200,
      body: {
        ...simpleUser(fake, req.actor),
        user_view_type: 'public',
        name: null,
        company: null,
        blog: null,
        location: null,
        email: null,
        hireable: null,
        bio: null,
        public_repos: 0,
        public_gists: 0,
        followers: 0,
        following: 0,
        created_at: now,
        updated_at: now,
      },
    };
  });
}
