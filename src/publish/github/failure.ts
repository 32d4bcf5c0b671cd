import { PortRefused } from '../../util/fetch';
import { ApiAnswerError } from './answers';
import { apiMessage, apiStatus, causeOf, isRateLimited, RequestNotSent } from './client';

/** GitHub's status for a request it answered; undefined for one that got no answer (Octokit says 500 for those). */
export function answeredStatus(error: unknown): number | undefined {
  return (error as { response?: unknown } | null)?.response ? apiStatus(error) : undefined;
}

/** One failed request, short: `403: GitHub's message`, `no answer: why`, or what was wrong with the answer. */
export function failureHeadline(error: unknown): string {
  if (error instanceof ApiAnswerError || error instanceof RequestNotSent) return error.message;
  if (causeOf(error) instanceof PortRefused) return apiMessage(error);
  const status = answeredStatus(error);
  const message = apiMessage(error);
  return status !== undefined ? `${status}: ${message}` : message.startsWith('no answer') ? message : `no answer: ${message}`;
}

/**
 * One failed request for an error message: GitHub's message and status, what that means here, and what to do.
 * `permission` names what the token needs for this request (e.g. "`checks: write`").
 */
export function describeApiFailure(error: unknown, permission: string): string {
  if (error instanceof ApiAnswerError) return `${error.message}; check that GITHUB_API_URL is GitHub's REST API`;
  if (error instanceof RequestNotSent) return error.message;
  if (causeOf(error) instanceof PortRefused) return `${apiMessage(error)}: check GITHUB_API_URL`;
  const status = answeredStatus(error);
  const message = apiMessage(error);
  if (status === undefined) {
    const reach = "check that GITHUB_API_URL is GitHub's REST API and that the runner reaches it (HTTPS_PROXY, NO_PROXY)";
    return message.startsWith('no answer') ? `${message}: ${reach}, or re-run the job when GitHub answers` : `no answer (${message}): ${reach}`;
  }
  return `${message} (HTTP ${status})${meaning(status, error, permission)}`;
}

function meaning(status: number, error: unknown, permission: string): string {
  if (isRateLimited(error)) return ": GitHub's rate limit for this token is spent; re-run the job after it resets";
  if (status === 401) return ": GitHub did not accept 'github-token' (expired, revoked, or for another GitHub host); give it a current token";
  if (status === 403) {
    return `: the token may not do this; it needs ${permission} (the job's \`permissions:\`), and a pull request from a fork gets a read-only token (README: 'Fork pull requests')`;
  }
  if (status === 404)
    return ': the token cannot see this repository or what the request names (GitHub answers 404 for both); check its access and GITHUB_API_URL';
  if (status === 422) return ': GitHub refused what the request asked';
  if (status >= 500) return ': GitHub failed to answer; re-run the job later';
  return '';
}
