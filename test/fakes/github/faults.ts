import type { FakeResponse } from './server';

/**
 * Faults in the shapes GitHub sends them, for `fake.injectFault({ match, response })`.
 * Sources: GitHub REST docs "Rate limits for the REST API" (secondary limits: 403 or 429, `retry-after` when
 * set, else wait a minute; primary: 403/429 with `x-ratelimit-remaining: 0` and `x-ratelimit-reset`).
 */
const DOCS = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';

export function secondaryRateLimit(retryAfterSeconds: number | null, status: 403 | 429 = 403): FakeResponse {
  return {
    status,
    headers: retryAfterSeconds === null ? {} : { 'retry-after': String(retryAfterSeconds) },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: `${DOCS}#about-secondary-rate-limits`,
      status: String(status),
    },
  };
}

export function primaryRateLimit(resetEpochSeconds: number): FakeResponse {
  return {
    status: 403,
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetEpochSeconds) },
    body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: `${DOCS}#exceeding-the-rate-limit`, status: '403' },
  };
}

export function serverError(status: 500 | 502 | 503 = 502): FakeResponse {
  return { status, body: { message: 'Server Error' } };
}

/** What a wrong GITHUB_API_URL or a proxy in between may answer, GitHub never: `text` as it is, labelled JSON. */
export function notJson(text: string, status = 200): FakeResponse {
  return { status, raw: text, headers: { 'content-type': 'application/json; charset=utf-8' } };
}
