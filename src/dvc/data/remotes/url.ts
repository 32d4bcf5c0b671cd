import type { RemoteConfig } from '../config';
import { DataError } from '../errors';

/** A remote's `url`, read once: what kind of remote it is, how requests and messages use it, what it must not print. */
export interface RemoteUrl {
  /** `local`, `http` (http and https), `s3`, `azure`, or another scheme (ssh, gdrive, …). */
  type: string;
  /** The URL without its userinfo, which travels as a header instead; the query is kept, as DVC sends it. */
  bare: string;
  /** How messages show it: no userinfo, every query value `***`. */
  shown: string;
  user?: string;
  password?: string;
  /** Every credential the URL carries (userinfo, query values), for the redactor. */
  secrets: string[];
  /** A path in scp's `user@host:path` form, which DVC reads as a local folder, not as SSH. */
  sshLike: boolean;
  /** A scheme other than `file` with no host (`http://`, `s3:///x`), which DVC reads as a local folder too (`file://` is refused on its own). */
  hostless?: string;
}

const SCHEME = /^([A-Za-z][\w+.-]*):\/\//;
/** A path segment `user[:password]@host:`: the userinfo is everything in the segment up to its last `@`. */
const SCP_USERINFO = /(^|[\\/])([^\\/]*)@([^\\/@:]*:)/;
const MASK = '***';
/** Query parameters that carry credentials: tokens, keys, signatures (S3's X-Amz-Signature, Azure's SAS `sig`). */
const CREDENTIAL_NAME = /token|key|sig|secret|pass|pwd|auth|cred|session|code/i;
/** A query value this long is kept from the report whatever its name. */
const TOKEN_LENGTH = 16;

/** Reads any url a remote may have; never fails, so every remote's secrets can be known before one is opened. */
export function parseRemoteUrl(url: string): RemoteUrl {
  const scheme = SCHEME.exec(url);
  if (!scheme) return localPath(url);
  const start = scheme[0];
  let rest = url.slice(start.length);
  // Up to the last `@` before the first `/`, as a URL's authority ends; a raw `?` or `#` in a password is taken.
  const info = /^([^/]*)@/.exec(rest);
  if (info) rest = rest.slice(info[0].length);
  const tail = rest.search(/[?#]/);
  let hostPath = tail < 0 ? rest : rest.slice(0, tail);
  const bare = start + rest;
  const secrets: string[] = [];
  let user: string | undefined;
  let password: string | undefined;
  if (info) ({ user, password } = splitUserinfo(info[1]!, secrets));
  const valid = URL.canParse(bare);
  let shownUserinfo = info && !valid ? `${MASK}@` : '';
  // An `@` left in a URL that does not parse most likely ends a password holding a raw `/`: hide up to it too.
  const at = valid ? -1 : hostPath.lastIndexOf('@');
  if (at >= 0) {
    splitUserinfo(hostPath.slice(0, at), secrets);
    hostPath = hostPath.slice(at + 1);
    shownUserinfo = `${MASK}@`;
  }
  const shown = start + shownUserinfo + hostPath + maskTail(tail < 0 ? '' : rest.slice(tail), secrets);
  const type = remoteType(scheme[1]!, url.slice(start.length));
  return {
    type,
    bare,
    shown,
    user,
    password,
    secrets,
    sshLike: false,
    ...(type === 'local' && scheme[1]!.toLowerCase() !== 'file' ? { hostless: scheme[1]! } : {}),
  };
}

/**
 * The url of a remote about to be opened, or an error naming the remote, the file that set `url` and what was
 * expected, with the URL shown as `shown` (no userinfo, no query values). `viaDvc` is how the interface in use hands
 * a remote this layer cannot read to DVC itself.
 */
export function readRemoteUrl(remote: RemoteConfig, viaDvc = "'repro: dvc'"): RemoteUrl {
  const url = parseRemoteUrl(remote.url);
  const where = `remote '${remote.name}' (${remote.urlFile ?? remote.files.join(', ')}): url '${url.shown}'`;
  if (url.type === 'http' && !URL.canParse(url.bare)) {
    const scheme = SCHEME.exec(url.bare)![1]!.toLowerCase();
    throw new DataError(
      `${where} is not a valid URL: expected ${scheme}://host[:port]/path, with any '@', ':', '/', '?' or '#' in a user name or password percent-encoded, and an IPv6 host in brackets ([::1])`,
    );
  }
  if (url.sshLike) {
    throw new DataError(
      `${where} is a local folder to DVC, which reads an address in scp's form (user@host:path) without ssh:// as a path under the config file's directory; an SSH remote is written ssh://user@host/path, and ssh remotes are not read by mlreport's builtin DVC data layer (local, http(s), s3 and azure are): they need DVC itself: ${viaDvc}`,
    );
  }
  const file = /^file:\/\/([^/]*)(.*)$/i.exec(url.bare);
  if (file) {
    // DVC hands `file://…` to its local filesystem unchanged: its existence checks (fsspec) strip the scheme, its
    // copies and writes (os calls) do not, so it finds objects it then cannot read and pushes into `./file:/…` of
    // the directory it runs in; `file://host/…` it rejects (Unsupported URL type file://).
    const path = decode(file[2]!.replace(/[?#].*$/, '')).replace(/^\/(?=[A-Za-z]:)/, '');
    const folder = !file[1] && path ? `: ${path}` : ' (/srv/dvc-store, ../store)';
    throw new DataError(`${where} is a file:// URL, which DVC does not read as a folder: expected the folder written as a path${folder}`);
  }
  if (url.hostless) {
    throw new DataError(
      `${where} has no host after '${url.hostless}://', so DVC reads it as a local folder named after the scheme: expected ${url.hostless}://host/path, or a folder written as a path (/srv/dvc-store, ../store)`,
    );
  }
  return url;
}

function localPath(path: string): RemoteUrl {
  const scp = SCP_USERINFO.exec(path);
  const secrets: string[] = [];
  // The user of an SSH address is a login name, not a credential; its password is.
  if (scp) splitUserinfo(scp[2]!, secrets, false);
  const shown = scp ? path.replace(SCP_USERINFO, `$1${MASK}@$3`) : path;
  return { type: 'local', bare: path, shown, secrets, sshLike: !!scp };
}

/** A scheme with no host (or no scheme) is a local path, as dvc-objects' ByUrl decides. */
function remoteType(scheme: string, afterScheme: string): string {
  if (afterScheme === '' || afterScheme.startsWith('/')) return 'local';
  const lower = scheme.toLowerCase();
  return lower === 'https' ? 'http' : lower;
}

/** `user:password` → both decoded, each (and the user only when `userIsSecret`) added to `secrets`. */
function splitUserinfo(userinfo: string, secrets: string[], userIsSecret = true): { user?: string; password?: string } {
  const colon = userinfo.indexOf(':');
  const rawUser = colon < 0 ? userinfo : userinfo.slice(0, colon);
  const rawPassword = colon < 0 ? '' : userinfo.slice(colon + 1);
  if (userIsSecret) addForms(secrets, rawUser);
  addForms(secrets, rawPassword);
  return { user: rawUser ? decode(rawUser) : undefined, password: rawPassword ? decode(rawPassword) : undefined };
}

/**
 * `?a=1&b=2#f` → `?a=***&b=***#***`: query values can be tokens (a signed URL, `?token=`), so none is shown; the
 * credentials among them are secrets too.
 */
function maskTail(tail: string, secrets: string[]): string {
  if (!tail) return '';
  const hash = tail.indexOf('#');
  const query = hash < 0 ? tail : tail.slice(0, hash);
  const fragment = hash < 0 ? '' : tail.slice(hash + 1);
  let out = '';
  if (query) {
    const parts = query
      .slice(1)
      .split('&')
      .map((part) => {
        const eq = part.indexOf('=');
        const value = eq < 0 ? part : part.slice(eq + 1);
        // Redacted everywhere it appears: a credential's value, or one long enough to be a token. `?ref=main` is
        // not, or every `main` in the report would read `***`.
        if (CREDENTIAL_NAME.test(eq < 0 ? '' : part.slice(0, eq)) || value.length >= TOKEN_LENGTH) {
          addForms(secrets, value);
          addForms(secrets, value.replace(/\+/g, ' '));
        }
        return !value ? part : eq < 0 ? MASK : `${part.slice(0, eq)}=${MASK}`;
      });
    out += `?${parts.join('&')}`;
  }
  if (hash >= 0) {
    addForms(secrets, fragment);
    out += fragment ? `#${MASK}` : '#';
  }
  return out;
}

/** Adds the text as written and percent-decoded, the two forms a secret in a URL is printed in. */
function addForms(secrets: string[], raw: string): void {
  if (!raw) return;
  secrets.push(raw);
  const decoded = decode(raw);
  if (decoded !== raw) secrets.push(decoded);
}

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
