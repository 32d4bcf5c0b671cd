import { posix } from 'node:path';
import { UserError } from '../util/errors';
import type { Tree } from '../workspace/tree';
import { parseDataFile } from './formats';
import { checkEntry, checksum, parseLockEntries, type LockEntry } from './lock';
import { describeValue, pyStr } from './python/format';
import { isPyFalsy, isRawMap, type Raw, type RawMap } from './python/value';
import { boolField, mapField, onlyKeys, stringField } from './schema-fields';

/** One `outs:` entry of a `.dvc` file, its path relative to the project. */
interface DvcOut extends LockEntry {
  /** `cache: false` outs are tracked by git, not DVC: nothing to pull or push. */
  cache: boolean;
  /** The out's own `remote:`, which wins over `-r` and `core.remote`. */
  remote?: string;
  /** `push: false`: `dvc push` leaves the out alone (pulling it still works). */
  push: boolean;
}

/** A `.dvc` file (`dvc add`): the data it tracks. */
export interface DvcFile {
  file: string;
  outs: DvcOut[];
  /** `dvc import`: the repository its data comes from (a dep's `repo.url`), whence DVC fetches it, never a remote. */
  importedFrom?: string;
}

/** `SINGLE_STAGE_SCHEMA` keys (dvc/schema.py); anything else is an error, as in DVC. */
const KEYS = ['md5', 'wdir', 'deps', 'outs', 'frozen', 'locked', 'meta', 'always_changed', 'desc'];
/** dvc/output.py `ARTIFACT_SCHEMA`: what a dep and an out of a `.dvc` file share. */
const ARTIFACT_KEYS = ['path', 'md5', 'checksum', 'etag', 'size', 'nfiles', 'isexec', 'version_id', 'persist', 'cloud', 'hash'];
/** dvc/output.py `SCHEMA`: an out's keys (its annotations, cache and remote flags too). */
const OUT_KEYS = [...ARTIFACT_KEYS, 'desc', 'type', 'labels', 'meta', 'cache', 'remote', 'push', 'files', 'fs_config'];
/** dvc/dependency `SCHEMA`: a dep's keys (`dvc import` writes `repo:`, `dvc import-db` writes `db:`). */
const DEP_KEYS = [...ARTIFACT_KEYS, 'repo', 'db', 'files', 'fs_config'];
/** `RepoDependency.REPO_SCHEMA` (`url:` required) and `DbDependency.DB_SCHEMA`. */
const REPO_KEYS = ['url', 'rev', 'rev_lock', 'config', 'remote'];
const DB_KEYS = ['query', 'connection', 'file_format', 'table'];

/** Reads a `.dvc` file through a tree; null when there is none. */
export async function readDvcFile(tree: Tree, file: string): Promise<DvcFile | null> {
  const bytes = await tree.read(file);
  return bytes ? parseDvcFile(file, bytes.toString('utf8')) : null;
}

/**
 * A `.dvc` file's text as DVC reads it (dvc/schema.py `COMPILED_SINGLE_STAGE_SCHEMA`), for the project model and
 * the data layer alike: an unknown key or a key of the wrong type anywhere in it is an error, as DVC refuses the
 * file, rather than data passed over. Paths are resolved against the file's folder and its `wdir`, and must stay
 * inside the project. Errors name the file, the entry and the key (and line and column for YAML), and say what
 * was expected and what was found.
 */
function parseDvcFile(file: string, text: string): DvcFile {
  const doc = parseDataFile(file, text).data;
  // DVC reads a YAML document as `data or {}`: an empty (or otherwise falsy) one is a stage with nothing in it.
  if (isPyFalsy(doc)) return { file, outs: [] };
  if (!isRawMap(doc)) throw new UserError(`${file}: expected a mapping with \`outs:\`, not ${describeValue(doc)}.`);
  onlyKeys(doc, KEYS, file);
  checksum(doc, 'md5', `${file}: 'md5'`, true);
  for (const key of ['frozen', 'locked', 'always_changed']) boolField(doc, key, `${file}: '${key}'`);
  stringField(doc, 'desc', `${file}: 'desc'`);
  const wdir = doc.get('wdir') ?? '.';
  if (typeof wdir !== 'string') throw new UserError(`${file}: 'wdir' must be a path (a string), not ${describeValue(wdir)}.`);
  if (isAbsolute(wdir)) throw new UserError(`${file}: 'wdir' '${wdir}' is absolute: ${EXTERNAL}; write it relative to the folder of ${file}.`);
  const base = posix.join(posix.dirname(file), wdir);
  checkDeps(doc.get('deps'), `${file}: deps`);
  const importedFrom = repoOf(doc.get('deps'));
  const written = doc.get('outs');
  // DVC 0.x wrote `metric:` (and 2.x took `plot:`) on a .dvc out; DVC 3 dropped both (#9552) and refuses the file.
  if (Array.isArray(written)) {
    written.forEach((item, i) => {
      const old = isRawMap(item) ? ['metric', 'plot'].find((k) => item.has(k)) : undefined;
      if (old)
        throw new UserError(
          `${file}: outs[${i}]: '${old}' is not a key DVC 3 takes in a .dvc file (metrics and plots are declared in dvc.yaml now); remove it.`,
        );
    });
  }
  const outs = parseLockEntries(written, `${file}: outs`, OUT_KEYS).map((entry, i): DvcOut => {
    const item = (written as Raw[])[i] as RawMap;
    const where = `${file}: outs[${i}]`;
    // posix.join would put an absolute path under the file's folder, a path DVC never meant.
    if (isAbsolute(entry.path)) throw new UserError(`${where}.path '${entry.path}' is absolute: ${EXTERNAL}; write it relative to the folder of ${file}.`);
    const path = posix.normalize(posix.join(base, entry.path));
    if (path === '..' || path.startsWith('../') || posix.isAbsolute(path)) throw new UserError(`${where}.path '${entry.path}' leaves the project.`);
    const hash = item.get('hash');
    if (hash !== undefined && hash !== 'md5') throw new UserError(`${where}.hash '${pyStr(hash)}' is not one DVC writes (md5).`);
    boolField(item, 'persist', `${where}.persist`);
    const push = boolField(item, 'push', `${where}.push`) ?? true;
    for (const key of ['desc', 'type']) stringField(item, key, `${where}.${key}`);
    const labels = item.get('labels');
    if (labels !== undefined && !(Array.isArray(labels) && labels.every((l) => typeof l === 'string'))) {
      throw new UserError(`${where}.labels must be a list of strings, not ${describeValue(labels)}.`);
    }
    mapField(item, 'fs_config', `${where}.fs_config`);
    const cache = boolField(item, 'cache', `${where}.cache`) ?? true;
    const remote = stringField(item, 'remote', `${where}.remote`);
    const out: DvcOut = { ...entry, path, cache, push };
    if (remote !== undefined) out.remote = remote;
    return out;
  });
  return importedFrom === undefined ? { file, outs } : { file, outs, importedFrom };
}

/**
 * Why an absolute out path is refused: DVC keeps it absolute (dvc/output.py `_parse_path` joins only a relative one
 * with the stage's folder), an external output outside the project, which DVC 3 refuses to cache
 * (dvc/stage/utils.py `check_no_externals`). The tree reading the file cannot tell whether it points inside.
 */
const EXTERNAL = 'DVC reads an absolute path as an external output, outside the project, and DVC 3 no longer caches those';

/** A path DVC would not join with a folder: `/…`, or a Windows drive (`C:…`) or `\\…`, which DVC reads on either system. */
function isAbsolute(path: string): boolean {
  const slashed = path.replace(/\\/g, '/');
  return slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed);
}

/** The `repo.url` of a (checked) `deps:` list's `dvc import` dep, if it has one. */
function repoOf(deps: Raw | undefined): string | undefined {
  for (const dep of Array.isArray(deps) ? deps : []) {
    const repo = isRawMap(dep) ? dep.get('repo') : undefined;
    const url = isRawMap(repo) ? repo.get('url') : undefined;
    if (typeof url === 'string') return url;
  }
  return undefined;
}

/**
 * `deps:` as DVC's dep schema takes them: the fields an out has too, and a dep's own `repo:` (`dvc import`), `db:`
 * (`dvc import-db`, whose dep has no `path`) and `fs_config:`. Nothing here is read further: deps say where the data
 * came from, the outs what it is.
 */
function checkDeps(value: Raw | undefined, where: string): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) throw new UserError(`${where}: expected a list, not ${describeValue(value)}.`);
  value.forEach((item, i) => {
    const at = `${where}[${i}]`;
    if (!isRawMap(item)) throw new UserError(`${at}: expected a mapping with a 'path', not ${describeValue(item)}.`);
    stringField(item, 'path', `${at}.path`);
    checkEntry(item, at, DEP_KEYS);
    checkDep(item, at);
  });
}

/** A dep's own keys: where `dvc import` found the data (`repo:`), the query `dvc import-db` ran (`db:`), `fs_config:`. */
function checkDep(item: RawMap, where: string): void {
  mapField(item, 'fs_config', `${where}.fs_config`);
  const repo = mapField(item, 'repo', `${where}.repo`);
  if (repo) {
    onlyKeys(repo, REPO_KEYS, `${where}.repo`);
    if (!repo.has('url')) throw new UserError(`${where}.repo: 'url' is required.`);
    for (const key of ['url', 'rev', 'rev_lock']) stringField(repo, key, `${where}.repo.${key}`);
    for (const key of ['config', 'remote']) {
      const v = repo.get(key);
      if (v !== undefined && typeof v !== 'string' && !isRawMap(v))
        throw new UserError(`${where}.repo.${key} must be a string or a mapping, not ${describeValue(v)}.`);
    }
  }
  const db = mapField(item, 'db', `${where}.db`);
  if (db) {
    onlyKeys(db, DB_KEYS, `${where}.db`);
    for (const key of DB_KEYS) stringField(db, key, `${where}.db.${key}`);
  }
}
