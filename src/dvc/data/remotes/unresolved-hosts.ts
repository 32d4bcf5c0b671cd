import { ObjectError } from '../errors';

/** A request that failed because the remote's host name did not resolve. */
export class HostUnresolved extends ObjectError {
  constructor(message: string) {
    super(message, 'unreachable');
  }
}

/**
 * Host names a request has retried in full without resolving (ENOTFOUND, the name server's answer that there is no
 * such name; not EAI_AGAIN, a name server that did not answer): later requests to them, from any remote of the run,
 * fail at once. A project's outputs are a request each, made again by each step (values, data changes, plots), and
 * each one's retries take long (an HTTP remote's 1.5 s, the Azure SDK's 16 s): a report of DVC's get-started project
 * whose remote did not resolve took 15 s over HTTP, 82 s on Azure.
 */
const unresolvedHosts = new Set<string>();

export function rememberUnresolved(host: string): void {
  unresolvedHosts.add(host);
}

/** Throws, for a host remembered above, the error that says so (`request` names what was not asked). */
export function refuseUnresolved(host: string, request: string): void {
  if (unresolvedHosts.has(host)) throw new HostUnresolved(`${request}: not asked, as ${host} did not resolve for an earlier request`);
}

export function isUnresolved(host: string): boolean {
  return unresolvedHosts.has(host);
}
