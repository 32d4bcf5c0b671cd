import { ObjectError } from '../errors';

/** Where a remote's requests go: its host name and port. */
export interface Endpoint {
  host: string;
  port: string;
}

/** The endpoint of a URL, its port filled in from the scheme. */
export function endpointOf(url: URL): Endpoint {
  return { host: url.hostname, port: url.port || (url.protocol === 'https:' ? '443' : '80') };
}

/** What a failed request can say that holds for the rest of the run. */
export type Unreachable = 'ENOTFOUND' | 'ECONNREFUSED';

/** A request that failed because the remote's endpoint is unreachable (its host name does not resolve, or it refuses connections). */
export class EndpointUnreachable extends ObjectError {
  constructor(
    message: string,
    /** Why, when this request found it out; unset when an earlier one did. */
    readonly code?: Unreachable,
  ) {
    super(message, 'unreachable');
  }
}

/**
 * Endpoints a request has retried in full without reaching them, and why: a host name that does not resolve
 * (ENOTFOUND, the name server's answer that there is no such name; not EAI_AGAIN, a name server that did not answer),
 * or a host and port that refuse connections (ECONNREFUSED: nothing listens there). Later requests to them, from any
 * remote of the run, fail at once. A project's outputs are a request each, made again by each step (values, data
 * changes, plots), and each one's retries take long (an HTTP remote's 1.5 s, the Azure SDK's 16 s): a report of DVC's
 * get-started project whose remote did not resolve took 15 s over HTTP, 82 s on Azure.
 */
const unresolvedHosts = new Set<string>();
const refusingEndpoints = new Set<string>();

export function isUnreachableCode(code: string | undefined): code is Unreachable {
  return code === 'ENOTFOUND' || code === 'ECONNREFUSED';
}

export function rememberUnreachable(endpoint: Endpoint, code: Unreachable): void {
  if (code === 'ENOTFOUND') unresolvedHosts.add(endpoint.host);
  else refusingEndpoints.add(address(endpoint));
}

/** Throws, for an endpoint remembered above, the error that says so (`request` names what was not asked). */
export function refuseUnreachable(endpoint: Endpoint, request: string): void {
  const why = unreachable(endpoint);
  if (why) throw new EndpointUnreachable(`${request}: not asked, as ${why} for an earlier request`);
}

export function isUnreachable(endpoint: Endpoint): boolean {
  return unreachable(endpoint) !== undefined;
}

/** What a first failure says about the endpoint, after the code, e.g. `ENOTFOUND (the host name h does not resolve)`. */
export function unreachableReason(endpoint: Endpoint, code: Unreachable): string {
  return code === 'ENOTFOUND' ? `the host name ${endpoint.host} does not resolve` : `${address(endpoint)} refuses connections`;
}

function unreachable(endpoint: Endpoint): string | undefined {
  if (unresolvedHosts.has(endpoint.host)) return `${endpoint.host} did not resolve`;
  if (refusingEndpoints.has(address(endpoint))) return `${address(endpoint)} refused the connection`;
  return undefined;
}

/** `host:port`; an IPv6 host is in brackets already, as URL.hostname gives it. */
function address(endpoint: Endpoint): string {
  return `${endpoint.host}:${endpoint.port}`;
}
