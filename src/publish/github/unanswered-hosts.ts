/**
 * API hosts (origins) a request waited out in full without an answer: its last attempt, after the retries, timed
 * out. Later requests of the run to them are not sent: a hung API otherwise held the step 3 minutes per request
 * (5 attempts of 30 s, 30 s of waits between them), 6 minutes for a comment and a check run.
 */
const unanswered = new Map<string, string>();

export function rememberUnanswered(origin: string, why: string): void {
  unanswered.set(origin, why);
}

/** Why an earlier request to `origin` got no answer; undefined when none was waited out. */
export function unansweredBefore(origin: string): string | undefined {
  return unanswered.get(origin);
}
