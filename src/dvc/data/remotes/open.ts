import { availableParallelism } from 'node:os';
import type { RemoteConfig } from '../config';
import { DataError } from '../errors';
import { shownKey, type IniValue } from '../ini';
import { AzureRemote } from './azure';
import type { AzureAuth } from './azure-sdk';
import { HttpRemote } from './http';
import { LocalRemote } from './local';
import { S3Remote } from './s3';
import type { S3Settings } from './s3-sdk';
import { defaultJobs, type Remote } from './types';
import { parseRemoteUrl, readRemoteUrl, type RemoteUrl } from './url';
import { addSecret } from '../../../util/redact';

/** Secrets given outside the DVC config: the action's inputs for an HTTP/DagsHub remote. */
export interface RemoteInputs {
  /** User for HTTP basic auth (DagsHub: the user name, or the token). */
  user?: string;
  /** Password or token for HTTP basic auth. */
  password?: string;
  /** Overrides the remote's `jobs`. */
  jobs?: number;
  /** Where cloud credentials are read from; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  /** How the interface in use picks a remote (`pass -r <name>` on the CLI), for the error when none is chosen. */
  pickRemote?: string;
  /** How the interface in use hands data to DVC itself, for what this layer cannot read: `'repro: dvc'` by default (the action). */
  viaDvc?: string;
  /** Where the interface in use takes an HTTP remote's user and password from besides the DVC config: the action's hub inputs by default. */
  credentials?: string;
}

/**
 * The CLI's remote inputs: its hints name its own commands and variables, never the action's inputs, and
 * MLREPORT_REMOTE_USER / MLREPORT_REMOTE_PASSWORD give an HTTP (DagsHub) remote's basic-auth user and password.
 * (`-r`, and so `pickRemote`, belongs to the commands that take it.)
 */
export function cliRemoteInputs(env: NodeJS.ProcessEnv = process.env): RemoteInputs {
  return {
    user: env.MLREPORT_REMOTE_USER || undefined,
    password: env.MLREPORT_REMOTE_PASSWORD || undefined,
    viaDvc: 'dvc pull, dvc push, dvc repro',
    credentials: 'MLREPORT_REMOTE_USER and MLREPORT_REMOTE_PASSWORD',
  };
}

const COMMON = ['jobs', 'checksum_jobs', 'no_traverse', 'verify', 'version_aware', 'worktree'];
const KNOWN: Record<string, string[]> = {
  local: ['type', 'protected', 'shared', 'slow_link_warning'],
  http: ['auth', 'custom_auth_header', 'user', 'password', 'ask_password', 'ssl_verify', 'method', 'read_timeout', 'connect_timeout'],
  s3: [
    ...['region', 'profile', 'credentialpath', 'configpath', 'endpointurl', 'access_key_id', 'secret_access_key', 'session_token'],
    ...['read_timeout', 'connect_timeout', 'use_ssl', 'ssl_verify', 'sse', 'sse_kms_key_id', 'sse_customer_key', 'sse_customer_algorithm'],
    ...['acl', 'grant_read', 'grant_read_acp', 'grant_write_acp', 'grant_full_control', 'cache_regions', 'listobjects', 'allow_anonymous_login'],
  ],
  azure: [
    ...['account_name', 'account_key', 'connection_string', 'sas_token', 'tenant_id', 'client_id', 'client_secret', 'allow_anonymous_login'],
    ...['exclude_environment_credential', 'exclude_visual_studio_code_credential', 'exclude_shared_token_cache_credential'],
    ...['exclude_managed_identity_credential', 'timeout', 'read_timeout', 'connection_timeout'],
  ],
};
/** Option values that are secrets wherever they appear. */
const SECRET_OPTIONS = [
  'password',
  'user',
  'secret_access_key',
  'session_token',
  'access_key_id',
  'sse_customer_key',
  'account_key',
  'connection_string',
  'sas_token',
  'client_secret',
];

/**
 * Opens the remote a RemoteConfig describes. Types the builtin layer does not speak (ssh, gdrive, gs, webdav, …)
 * and options it cannot honour are errors that name DVC itself as the way to use them, as the interface in use
 * reaches it (`inputs.viaDvc`: the action's `repro: dvc` by default; `dvc pull`, `dvc push`, `dvc repro` on the CLI).
 */
export function openRemote(remote: RemoteConfig, inputs: RemoteInputs = {}): Remote {
  // Whatever opens a remote (repro, pull, push, cached values), its credentials are never printed or reported.
  for (const secret of remoteSecrets(remote, inputs)) addSecret(secret);
  const dvc = inputs.viaDvc ?? "'repro: dvc'";
  const url = readRemoteUrl(remote, dvc);
  const { type } = url;
  const where = `remote '${remote.name}' (${remote.files.join(', ')})`;
  const known = KNOWN[type];
  if (!known) {
    throw new DataError(
      `${where}: ${type} remotes are not read by mlreport's builtin DVC data layer (local, http(s), s3 and azure are); they need DVC itself: ${dvc}`,
    );
  }
  for (const key of Object.keys(remote.options)) {
    if (!COMMON.includes(key) && !known.includes(key))
      throw new DataError(`${where}: unknown option '${shownKey(key)}' for a ${type} remote (DVC rejects it too)`);
  }
  const o = new Options(remote.options, where);
  if (o.bool('version_aware') || o.bool('worktree')) {
    throw new DataError(`${where}: version_aware/worktree remotes store files by path, not by md5; they need DVC itself: ${dvc}`);
  }
  const cpus = typeof availableParallelism === 'function' ? availableParallelism() : 1;
  const jobs = inputs.jobs ?? o.int('jobs') ?? defaultJobs(cpus);
  const env = inputs.env ?? process.env;
  switch (type) {
    case 'local':
      return new LocalRemote(remote.name, remote.url, jobs);
    case 'http':
      return openHttp(remote, url, o, inputs, jobs, where);
    case 's3':
      return openS3(remote, url, o, env, jobs, where, dvc);
    default:
      return openAzure(remote, o, env, jobs, where, dvc);
  }
}

/** Every credential a remote's config, URL (userinfo, query values) and inputs hold, for the action to mask in logs. */
export function remoteSecrets(remote: RemoteConfig, inputs: RemoteInputs = {}): string[] {
  const out = SECRET_OPTIONS.map((k) => remote.options[k]).filter((v): v is string => typeof v === 'string' && v.length > 0);
  const endpoint = remote.options.endpointurl;
  const inUrls = [remote.url, ...(typeof endpoint === 'string' ? [endpoint] : [])].flatMap((u) => parseRemoteUrl(u).secrets);
  return [...new Set([...out, ...inUrls, ...[inputs.user, inputs.password].filter((v): v is string => !!v)])];
}

function openHttp(remote: RemoteConfig, remoteUrl: RemoteUrl, o: Options, inputs: RemoteInputs, jobs: number, where: string): Remote {
  const url = new URL(remoteUrl.bare);
  const fromUrl = { user: remoteUrl.user, password: remoteUrl.password };
  const auth = o.str('auth');
  const authHeaders: Record<string, string> = {};
  const elsewhere = inputs.credentials ?? 'the hub-user/hub-token inputs, for a remote under hub-url';
  // Where each credential comes from, in the order it is looked for, for the message when the server refuses it.
  const inConfig = (key: string): string => `in ${remote.optionFiles?.[key] ?? remote.files.join(', ')}`;
  const fromInputs = `from ${inputs.credentials ?? 'the hub-user/hub-token inputs'}`;
  const user = o.str('user') ?? inputs.user ?? fromUrl.user;
  const userSource = o.str('user') !== undefined ? inConfig('user') : inputs.user ? fromInputs : "in the url's userinfo";
  const password = o.str('password') ?? inputs.password ?? fromUrl.password;
  const passwordSource = o.str('password') !== undefined ? inConfig('password') : inputs.password ? fromInputs : "in the url's userinfo";
  let credentials: string | undefined;
  if (auth === 'digest') throw new DataError(`${where}: auth = digest was removed from DVC in 2.7.1; use basic`);
  if (auth === 'custom') {
    const header = o.str('custom_auth_header');
    if (!header || !password) throw new DataError(`${where}: auth = custom needs 'custom_auth_header' and 'password'`);
    authHeaders[header.toLowerCase()] = password;
    credentials = `the password ${passwordSource}, sent as the ${header} header (auth = custom)`;
  } else if (auth === 'basic' || inputs.user || inputs.password || fromUrl.user) {
    // DVC sends basic auth when `auth = basic`; the URL's userinfo and the action's inputs imply it, as
    // aiohttp does for the URL and DagsHub's recipe does with `auth basic` in config.local.
    if (!user || password === undefined) {
      throw new DataError(`${where}: HTTP 'basic' authentication requires both 'user' and 'password' (in .dvc/config.local, or ${elsewhere})`);
    }
    authHeaders.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    credentials = userSource === passwordSource ? `the user and password ${userSource}` : `the user ${userSource} and the password ${passwordSource}`;
  } else if (auth !== undefined) {
    throw new DataError(`${where}: auth must be basic or custom, found '${auth}'`);
  }
  // How to give credentials where none were sent, in the words of the interface in use (the action when no
  // `credentials` are named): an action reads config.local as an earlier step of the job wrote it.
  const env = inputs.env ?? process.env;
  const cliOnly =
    !inputs.credentials && (env.MLREPORT_REMOTE_USER || env.MLREPORT_REMOTE_PASSWORD)
      ? '; MLREPORT_REMOTE_USER/MLREPORT_REMOTE_PASSWORD are read by the CLI only'
      : '';
  const howToGive = `give the remote a user and password (with DagsHub, a token) in .dvc/config.local${inputs.credentials ? '' : ' written by an earlier step'} ('dvc remote modify --local ${remote.name} auth basic', then 'user' and 'password'), or with ${elsewhere}${cliOnly}`;
  const method = (o.str('method') ?? 'POST').toUpperCase();
  if (method !== 'POST' && method !== 'PUT') throw new DataError(`${where}: method has to be either 'post' or 'put', found '${method.toLowerCase()}'`);
  const sslVerify = o.raw('ssl_verify');
  return new HttpRemote({
    name: remote.name,
    url,
    shownUrl: remoteUrl.shown,
    authHeaders,
    uploadMethod: method,
    jobs,
    sslVerify: sslVerify === undefined ? true : /^(true|false)$/i.test(sslVerify) ? sslVerify.toLowerCase() === 'true' : sslVerify,
    connectTimeoutMs: (o.num('connect_timeout') ?? 60) * 1000,
    readTimeoutMs: (o.num('read_timeout') ?? 60) * 1000,
    secrets: remoteSecrets(remote, inputs),
    credentials,
    // The common slip: user/password in the config without `auth`, which DVC (dvc-http) then does not send.
    authHint:
      !auth && (o.str('user') !== undefined || o.str('password') !== undefined)
        ? `the remote's user/password are not sent without 'auth = basic', as in DVC: dvc remote modify --local ${remote.name} auth basic`
        : howToGive,
  });
}

function openS3(remote: RemoteConfig, url: RemoteUrl, o: Options, env: NodeJS.ProcessEnv, jobs: number, where: string, dvc: string): Remote {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(remote.url)!;
  const bucket = m[1]!;
  const prefix = m[2]!.replace(/\/+$/, '');
  if (bucket.includes('?') || prefix.includes('?')) throw new DataError(`${where}: versioned S3 URLs (?versionId=) need DVC itself: ${dvc}`);
  // dvc-s3 points boto at these files with os.environ.setdefault; the SDK reads the same variables.
  const credentialpath = o.str('credentialpath');
  const configpath = o.str('configpath');
  if (credentialpath) env.AWS_SHARED_CREDENTIALS_FILE ??= credentialpath;
  if (configpath) env.AWS_CONFIG_FILE ??= configpath;
  const useSsl = o.bool('use_ssl') ?? true;
  let endpoint = o.str('endpointurl');
  if (endpoint && !useSsl) endpoint = endpoint.replace(/^https:/, 'http:');
  const keyId = o.str('access_key_id');
  const secret = o.str('secret_access_key');
  if ((keyId === undefined) !== (secret === undefined)) throw new DataError(`${where}: access_key_id and secret_access_key go together`);
  const putParams: Record<string, string> = {};
  const put = (option: string, param: string): void => {
    const v = o.str(option);
    if (v !== undefined) putParams[param] = v;
  };
  put('sse', 'ServerSideEncryption');
  put('sse_kms_key_id', 'SSEKMSKeyId');
  put('acl', 'ACL');
  put('grant_read', 'GrantRead');
  put('grant_read_acp', 'GrantReadACP');
  put('grant_write_acp', 'GrantWriteACP');
  put('grant_full_control', 'GrantFullControl');
  const customerKey = o.str('sse_customer_key');
  if (customerKey) {
    putParams.SSECustomerKey = Buffer.from(customerKey, 'base64').toString('binary');
    putParams.SSECustomerAlgorithm = o.str('sse_customer_algorithm') ?? 'AES256';
  }
  if (putParams.ACL && Object.keys(putParams).some((k) => k.startsWith('Grant'))) throw new DataError(`${where}: 'acl' and 'grant_*' exclude each other`);
  const settings: S3Settings = {
    region: o.str('region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    endpoint,
    credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret, sessionToken: o.str('session_token') } : undefined,
    profile: o.str('profile'),
    anonymous: o.bool('allow_anonymous_login') ?? false,
    sslVerify: o.bool('ssl_verify') ?? true,
    maxSockets: Math.max(jobs, 1),
    connectTimeoutMs: secondsToMs(o.num('connect_timeout')),
    readTimeoutMs: secondsToMs(o.num('read_timeout')),
    putParams,
  };
  return new S3Remote(remote.name, bucket, prefix, settings, jobs, `${url.shown}${endpoint ? ` at ${parseRemoteUrl(endpoint).shown}` : ''}`);
}

function openAzure(remote: RemoteConfig, o: Options, env: NodeJS.ProcessEnv, jobs: number, where: string, dvc: string): Remote {
  const m = /^azure:\/\/([^/]*)\/?(.*)$/.exec(remote.url)!;
  const container = m[1] || env.AZURE_STORAGE_CONTAINER_NAME;
  if (!container) throw new DataError(`${where}: no container in the URL (azure://<container>/<path>) and AZURE_STORAGE_CONTAINER_NAME is not set`);
  const prefix = m[2]!.replace(/\/+$/, '');
  // dvc-azure reads each option from the config, then the AZURE_STORAGE_* variables (knack's env prefix).
  const connectionString = o.str('connection_string') ?? env.AZURE_STORAGE_CONNECTION_STRING;
  const accountName = o.str('account_name') ?? env.AZURE_STORAGE_ACCOUNT;
  const accountKey = o.str('account_key') ?? env.AZURE_STORAGE_KEY;
  const sasToken = o.str('sas_token') ?? env.AZURE_STORAGE_SAS_TOKEN;
  let auth: AzureAuth;
  if (connectionString) auth = { kind: 'connection-string', connectionString };
  else if (!accountName) throw new DataError(`${where}: Authentication to Azure Blob Storage requires either account_name or connection_string`);
  else if (o.str('tenant_id') || o.str('client_id') || o.str('client_secret')) {
    throw new DataError(
      `${where}: Azure service-principal login is not supported by the builtin data layer; use account_key, sas_token or connection_string, or DVC itself: ${dvc}`,
    );
  } else if (accountKey) auth = { kind: 'account-key', accountName, accountKey };
  else if (sasToken) auth = { kind: 'sas', accountName, sasToken };
  else if (o.bool('allow_anonymous_login')) auth = { kind: 'anonymous', accountName };
  else {
    throw new DataError(
      `${where}: no Azure credential: set account_key, sas_token or connection_string (in .dvc/config.local or AZURE_STORAGE_KEY / AZURE_STORAGE_SAS_TOKEN / AZURE_STORAGE_CONNECTION_STRING); Azure AD login needs DVC itself: ${dvc}`,
    );
  }
  return new AzureRemote(remote.name, container, prefix, auth, jobs);
}

function secondsToMs(s: number | undefined): number | undefined {
  return s === undefined ? undefined : s * 1000;
}

/** Typed reads of a remote's options, failing with the remote and the key on a wrong value. */
class Options {
  constructor(
    private readonly options: Record<string, IniValue>,
    private readonly where: string,
  ) {}

  raw(key: string): string | undefined {
    const v = this.options[key];
    if (Array.isArray(v)) throw new DataError(`${this.where}: '${key}' must be one value, found a list (quote a value that holds a comma)`);
    return v;
  }

  str(key: string): string | undefined {
    const v = this.raw(key);
    return v === '' ? undefined : v;
  }

  bool(key: string): boolean | undefined {
    const v = this.str(key);
    if (v === undefined) return undefined;
    if (/^true$/i.test(v)) return true;
    if (/^false$/i.test(v)) return false;
    throw new DataError(`${this.where}: '${key}' must be true or false, found '${v}'`);
  }

  num(key: string): number | undefined {
    const v = this.str(key);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new DataError(`${this.where}: '${key}' must be a number, found '${v}'`);
    return n;
  }

  int(key: string): number | undefined {
    const n = this.num(key);
    if (n !== undefined && (!Number.isInteger(n) || n < 1)) throw new DataError(`${this.where}: '${key}' must be a whole number ≥ 1, found '${n}'`);
    return n;
  }
}
