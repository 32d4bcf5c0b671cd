/**
 * API origins a request waited out in full without an answer: its last attempt, after the retries, timed out.
 * Later requests of the run to them are not sent, whichever client asks (GitHub's; JsonHttp's for the hub, MLflow
 * and the artifact service; the artifact's blob upload): a hung API otherwise held the step minutes per request
 * (GitHub: 5 attempts of 30 s, 30 s of waits; JsonHttp: 4 of 30 s), and a target makes several. DagsHub serves its
 * API and MLflow from one origin, so a hub that hangs for the comment is not asked again for the MLflow run.
 */
const unanswered = new Map<string, string>();

/** `failure` names the service, the request and how it went unanswered; never a token or a URL's query. */
export function rememberUnanswered(origin: string, failure: string): void {
  unanswered.set(origin, failure);
}

/** Why a request to `origin` is not sent, when an earlier one was waited out; undefined otherwise. */
export function unansweredBefore(origin: string): string | undefined {
  const earlier = unanswered.get(origin);
  return earlier === undefined ? undefined : `${origin} did not answer an earlier request (${earlier})`;
}
