import { lstat, readFile, realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { DataError } from './errors';
import { parseIni, type IniSections, type IniValue } from './ini';

/** One `['remote "name"']` section after merging every level, with its paths resolved. */
export interface RemoteConfig {
  /** Lower-cased, as DVC looks remotes up. */
  name: string;
  /** A URL (`s3://…`, `https://…`) or an absolute local path. */
  url: string;
  /** Every other option of the section, lower-cased keys. */
  options: Record<string, IniValue>;
  /** The config files that define it, for messages. */
  files: string[];
  /** The config file(s) that set `url`, for messages about it; `files` when not known. */
  urlFile?: string;
  /** The config file that set each option (e.g. where a refused password is), for messages; `files` when not known. */
  optionFiles?: Record<string, string>;
}

/** The DVC configuration of a project as DVC reads it: system, global, repo and local levels merged key by key. */
export interface DvcConfig {
  root: string;
  /** Config files read, in the order they shadow each other. */
  files: string[];
  /** `core.remote`, lower-cased. */
  defaultRemote?: string;
  remotes: Map<string, RemoteConfig>;
  /** `cache.dir`, absolute; `<root>/.dvc/cache` by default. */
  cacheDir: string;
  /** `core.*` options besides `remote` (e.g. `no_scm`, `autostage`), lower-cased keys. */
  core: Record<string, IniValue>;
}

export interface ConfigEnvironment {
  /** Environment to read `DVC_GLOBAL_CONFIG_DIR`, `XDG_CONFIG_HOME`… from; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/** Keys whose relative values DVC resolves against the directory of the config file holding them (`config.py::_load_paths`). */
const PATH_KEYS = new Set([
  'url',
  'credentialpath',
  'configpath',
  'keyfile',
  'cert_path',
  'key_path',
  'gdrive_service_account_json_file_path',
  'gdrive_user_credentials_file',
]);
const NAMED_SECTION = /^\s*(remote|machine|db)\s*"(.*)"\s*$/;

/** The repo-level `.dvc/config` as a git revision holds it, for reading that revision's objects. */
export interface RevisionConfig {
  /** The file's text at the revision; null when the revision has none. */
  text: string | null;
  /** How messages name it, e.g. `.dvc/config at HEAD~1`. */
  name: string;
}

/**
 * Reads `.dvc/config` and `.dvc/config.local` of the project at `root`, under the global and system files where
 * they exist (DVC's `LEVELS = ("system", "global", "repo", "local")`, later levels winning key by key).
 *
 * With `revision`, the repo level is that revision's `.dvc/config` instead of the workspace's, and the local,
 * global and system levels are still the workspace's: DVC reads a revision's objects this way (its `Config` takes
 * the repo file from the revision's git tree and `config.local` from the working tree). Relative paths in it are
 * resolved against the workspace's `.dvc/`, where the file would be. `local: false` leaves `config.local` out (a
 * file a pull request committed is not the workflow's).
 */
export async function loadDvcConfig(root: string, environment: ConfigEnvironment = {}, revision?: RevisionConfig, local = true): Promise<DvcConfig> {
  const { read, merged } = await readLevels(root, environment, revision, local);
  return buildConfig(root, read, merged);
}

/** DVC's `parsing` section (dvc/config_schema.py): how `${dict}` in a stage's cmd writes booleans and lists. */
export interface ParsingConfig {
  /** `store_true` (default): a false value writes nothing; `boolean_optional`: `--no-<key>`. */
  bool: 'store_true' | 'boolean_optional';
  /** `nargs` (default): `--key a b`; `append`: `--key a --key b`. */
  list: 'nargs' | 'append';
}

export const DEFAULT_PARSING: ParsingConfig = { bool: 'store_true', list: 'nargs' };

/**
 * The `parsing` settings of the project at `root`, from the same levels and with the same precedence as
 * `loadDvcConfig` (`revision` standing for the repo level). Only this section is read, so a remote set up wrongly
 * does not stop a dvc.yaml from loading; a value DVC's schema refuses (`Lower`, `Choices`) is an error naming the
 * file, the key and the values it takes. The project's own files (`.dvc/config`, `config.local`) are read only as
 * plain files of the project: every report reads this, on any event, and a pull request's link could name any file
 * of the runner, a line of which a parse error would quote.
 */
export async function loadParsingConfig(root: string, environment: ConfigEnvironment = {}, revision?: RevisionConfig): Promise<ParsingConfig> {
  const { merged } = await readLevels(root, environment, revision, true);
  const section = merged.get('parsing');
  const choice = <T extends string>(key: string, choices: readonly T[], fallback: T): T => {
    const set = section?.get(key);
    if (!set) return fallback;
    const value = typeof set.value === 'string' ? set.value.toLowerCase() : null;
    const found = choices.find((c) => c === value);
    if (found) return found;
    const written = typeof set.value === 'string' ? `'${set.value}'` : `a list (${set.value.join(', ')})`;
    throw new DataError(`${set.file}: parsing.${key} is ${written}; expected ${choices.join(' or ')}`);
  };
  return {
    bool: choice('bool', ['store_true', 'boolean_optional'] as const, DEFAULT_PARSING.bool),
    list: choice('list', ['nargs', 'append'] as const, DEFAULT_PARSING.list),
  };
}

/** Every level's file that exists, system first, and their sections merged key by key (later levels winning). */
async function readLevels(
  root: string,
  environment: ConfigEnvironment,
  revision: RevisionConfig | undefined,
  local: boolean,
): Promise<{ read: string[]; merged: Map<string, Map<string, { value: IniValue; file: string }>> }> {
  // The project's own files are read only as plain files of the project: a pull request's link could name any file
  // of the runner, a line of which a parse error would quote.
  const readProjectFile = (file: string) => plainProjectFile(root, file);
  const env = environment.env ?? process.env;
  const repoFile = join(root, '.dvc', 'config');
  const onDisk = (file: string, read = readConfigFile) => ({ file, dir: dirname(file), text: () => read(file) });
  const levels = [
    ...configDirs(env, environment.platform ?? process.platform).map((d) => onDisk(join(d, 'config'))),
    revision ? { file: revision.name, dir: dirname(repoFile), text: () => Promise.resolve(revision.text) } : onDisk(repoFile, readProjectFile),
    ...(local ? [onDisk(join(root, '.dvc', 'config.local'), readProjectFile)] : []),
  ];
  const read: string[] = [];
  const merged: Map<string, Map<string, { value: IniValue; file: string }>> = new Map();
  for (const level of levels) {
    const text = await level.text();
    if (text === null) continue;
    read.push(level.file);
    mergeLevel(merged, parseIni(text, level.file), level.file, level.dir);
  }
  return { read, merged };
}

/** A config file of the project's `.dvc/` at `root`, null when there is none; an error for a link or anything not a plain file there. */
async function plainProjectFile(root: string, file: string): Promise<string | null> {
  const info = await lstat(file).catch(() => null);
  if (!info) return null;
  // `.dvc` itself a link would lead elsewhere too: the file must be where its name says.
  const where = await realpath(file).catch(() => null);
  if (!info.isFile() || where !== join(await realpath(root), '.dvc', basename(file)))
    throw new DataError(`${file}: not a plain file of the project (a link is not followed); not read`);
  return readConfigFile(file);
}

async function readConfigFile(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw new DataError(`cannot read the DVC config ${file}: ${(error as Error).message}`);
  }
}

/** The system and global config directories (`dvc/dirs.py`), in shadowing order: system first. */
function configDirs(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  let system: string;
  let global: string;
  if (platform === 'win32') {
    system = join(env.ALLUSERSPROFILE ?? 'C:\\ProgramData', 'iterative', 'dvc');
    global = join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'iterative', 'dvc');
  } else if (platform === 'darwin') {
    system = '/Library/Application Support/dvc';
    global = join(home, 'Library', 'Application Support', 'dvc');
  } else {
    system = join((env.XDG_CONFIG_DIRS || '/etc/xdg').split(':')[0]!, 'dvc');
    global = join(env.XDG_CONFIG_HOME || join(home, '.config'), 'dvc');
  }
  return [env.DVC_SYSTEM_CONFIG_DIR || system, env.DVC_GLOBAL_CONFIG_DIR || global];
}

/**
 * How one repo-level `.dvc/config` changes another's remotes: each remote added, removed or set differently (any key),
 * and a different `core.remote`, as `remote 'name' (added)`. Both are read as DVC reads them (sections by name,
 * lower-cased keys); a text that does not parse is a DataError naming it.
 */
export function remoteChanges(from: RevisionConfig, to: RevisionConfig): string[] {
  const sections = (config: RevisionConfig) => {
    const merged: Map<string, Map<string, { value: IniValue; file: string }>> = new Map();
    if (config.text !== null) mergeLevel(merged, parseIni(config.text, config.name), config.name, '.dvc');
    const remotes = new Map<string, string>();
    for (const [section, values] of merged) {
      const named = NAMED_SECTION.exec(section);
      if (named?.[1] === 'remote') remotes.set(named[2]!, JSON.stringify([...values].map(([k, v]) => [k, v.value]).sort()));
    }
    const core = merged.get('core')?.get('remote')?.value;
    return { remotes, defaultRemote: typeof core === 'string' ? core.toLowerCase() : undefined };
  };
  const a = sections(from);
  const b = sections(to);
  const changes: string[] = [];
  for (const name of new Set([...a.remotes.keys(), ...b.remotes.keys()])) {
    const [x, y] = [a.remotes.get(name), b.remotes.get(name)];
    if (x !== y) changes.push(`remote '${name}' (${x === undefined ? 'added' : y === undefined ? 'removed' : 'changed'})`);
  }
  if (a.defaultRemote !== b.defaultRemote) changes.push(`core.remote (${b.defaultRemote ? `'${b.defaultRemote}'` : 'unset'})`);
  return changes;
}

function mergeLevel(merged: Map<string, Map<string, { value: IniValue; file: string }>>, sections: IniSections, file: string, dir: string): void {
  for (const [name, section] of sections) {
    if (name === '' && section.size === 0) continue;
    const named = NAMED_SECTION.exec(name);
    const key = named ? `${named[1]} "${named[2]}"` : name;
    const target = merged.get(key) ?? new Map<string, { value: IniValue; file: string }>();
    merged.set(key, target);
    for (const [k, v] of section) target.set(k, { value: resolvePath(k, v, key, dir), file });
  }
}

/** DVC `_resolve`: URLs and absolute paths stay, `~` expands, the rest joins the config file's directory `dir`. */
function resolvePath(key: string, value: IniValue, section: string, dir: string): IniValue {
  const applies = (section.startsWith('remote "') && PATH_KEYS.has(key)) || (section === 'cache' && key === 'dir');
  if (!applies || typeof value !== 'string' || !value || /^\w+:\/\//.test(value)) return value;
  if (value === '~' || value.startsWith('~/')) return join(homedir(), value.slice(1));
  if (isAbsolute(value) || /^[A-Za-z]:[\\/]/.test(value)) return value;
  return resolve(dir, value);
}

function buildConfig(root: string, files: string[], merged: Map<string, Map<string, { value: IniValue; file: string }>>): DvcConfig {
  const remotes = new Map<string, RemoteConfig>();
  for (const [section, values] of merged) {
    const named = NAMED_SECTION.exec(section);
    if (!named || named[1] !== 'remote') continue;
    const name = named[2]!;
    const url = values.get('url');
    const defining = [...new Set([...values.values()].map((v) => v.file))];
    if (typeof url?.value !== 'string' || !url.value) throw new DataError(`remote '${name}' has no 'url' (${defining.join(', ')})`);
    const options: Record<string, IniValue> = {};
    const optionFiles: Record<string, string> = {};
    for (const [k, v] of values) {
      if (k === 'url') continue;
      options[k] = v.value;
      optionFiles[k] = v.file;
    }
    remotes.set(name, { name, url: url.value, options, files: defining, urlFile: url.file, optionFiles });
  }
  const core: Record<string, IniValue> = {};
  for (const [k, v] of merged.get('core') ?? []) core[k] = v.value;
  const remote = core.remote;
  delete core.remote;
  if (Array.isArray(remote)) throw new DataError(`core.remote must name one remote, found a list (${merged.get('core')!.get('remote')!.file})`);
  const cacheDir = merged.get('cache')?.get('dir')?.value;
  if (Array.isArray(cacheDir)) throw new DataError(`cache.dir must be one path (${merged.get('cache')!.get('dir')!.file})`);
  return {
    root,
    files,
    defaultRemote: remote ? remote.toLowerCase() : undefined,
    remotes,
    cacheDir: cacheDir || join(root, '.dvc', 'cache'),
    core,
  };
}

/**
 * The remote a command uses: `name` (an output's `remote:` field or `-r`) or else `core.remote`, with
 * `remote://other/sub` URLs resolved against the remote they name (DVC `_resolve_remote_refs`). Without either, the
 * error gives DVC's advice (dvc/data_cloud.py `get_remote`): with remotes defined, it names them and says to make one
 * the default, or `pick` (how the interface in use chooses one, `-r <name>` on the CLI); with none, to add one.
 */
export function selectRemote(config: DvcConfig, name?: string, pick?: string): RemoteConfig {
  const wanted = (name ?? config.defaultRemote)?.toLowerCase();
  const where = config.files.length ? config.files.join(', ') : `${join(config.root, '.dvc', 'config')} (missing)`;
  if (!wanted) {
    const known = [...config.remotes.keys()];
    throw new DataError(
      known.length
        ? `no DVC remote specified, and ${known.length === 1 ? 'one is' : `${known.length} are`} defined (${known.join(', ')}): set the default with 'dvc remote default <name>' (core.remote in .dvc/config)${pick ? `, or ${pick}` : ''}; read ${where}`
        : `no DVC remote specified and none is defined: create a default remote with 'dvc remote add -d <name> <url>' (core.remote in .dvc/config); read ${where}`,
    );
  }
  return resolveRef(config, wanted, where, new Set());
}

function resolveRef(config: DvcConfig, name: string, where: string, seen: Set<string>): RemoteConfig {
  const remote = config.remotes.get(name);
  if (!remote) {
    const known = [...config.remotes.keys()];
    throw new DataError(`DVC remote '${name}' is not defined (${known.length ? `defined: ${known.join(', ')}` : 'no remotes are defined'}); read ${where}`);
  }
  const ref = /^remote:\/\/([^/]+)(?:\/(.*))?$/.exec(remote.url);
  if (!ref) return remote;
  if (seen.has(name)) throw new DataError(`DVC remote '${name}' refers to itself through remote:// URLs`);
  seen.add(name);
  const base = resolveRef(config, ref[1]!.toLowerCase(), where, seen);
  const sub = ref[2] ?? '';
  const url = !sub ? base.url : /^\w+:\/\//.test(base.url) ? `${base.url.replace(/\/+$/, '')}/${sub}` : join(base.url, sub);
  const urlFiles = [...new Set([remote.urlFile, base.urlFile])].filter((f) => f !== undefined);
  return {
    name: remote.name,
    url,
    options: { ...base.options, ...remote.options },
    optionFiles: { ...base.optionFiles, ...remote.optionFiles },
    files: [...new Set([...base.files, ...remote.files])],
    urlFile: urlFiles.length ? urlFiles.join(', ') : undefined,
  };
}
