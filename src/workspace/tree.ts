import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { NotRead, ObjectTooLarge } from '../git/cat-file';
import { runGitMatching } from '../git/run';
import { DvcIgnore } from '../pipeline/dvcignore';
import type { GitRepo, TreeEntry } from '../git/repo';
import { UserError } from '../util/errors';

/**
 * Files of the project at one revision: the workspace on disk, or a commit read through git. Paths are
 * `/`-separated and relative to the project. This is the only way features read project files: a pull
 * request controls every file in it, so each read stays inside the project, never touches git's or DVC's own
 * files (where tokens and remote credentials live), reads only regular files and only so many bytes.
 */
export interface Tree {
  /** The revision as people name it (`workspace`, `HEAD~1`, `main`); used in notes and table headers. */
  name: string;
  /** A commit: DVC-cached outputs are not in it. */
  isCommit: boolean;
  /**
   * A file's bytes; null when it does not exist. Throws `RefusedRead` for what the guard refuses, and `NotAFile` for a
   * folder on disk where a file was named (a folder named dvc.yaml is no missing pipeline).
   */
  read(path: string): Promise<Buffer | null>;
  /**
   * Several files, each as `read` gives it — its bytes, null, or the error `read` would throw — in the order
   * asked, through the same guards. A commit asks git for all their blobs in one batch, not a round trip a file.
   * Optional: `readFiles` reads one after another where a tree has no batch.
   */
  readMany?(paths: readonly string[]): Promise<ReadResult[]>;
  /**
   * The same file in chunks, for files read in one pass (a logger's metrics.csv of millions of rows): the same
   * guards, and the run's byte budget, but not the per-file cap, which bounds memory that a streamed read does not
   * take. On disk a chunk at a time; from git too, the budget taken as the chunks come (git tells no size before).
   */
  chunks(path: string): Promise<Chunks | null>;
  /** Every file (for globs, directories and dvc.yaml discovery), sorted; `.git`/`.dvc` folders left out. */
  list(): Promise<string[]>;
  /**
   * Of `paths` (files of `list()`), those DVC does not look at when it collects a project's files: ones the listing
   * found through a link to a folder (DVC's walk does not follow links), and in a workspace ones a `.gitignore` covers
   * (DVC asks git's ignore rules of the local filesystem alone) or a `.dvcignore` does (a commit's files are those git
   * holds).
   */
  ignored?(paths: readonly string[]): Promise<Set<string>>;
  /**
   * A commit's `.dvc/config` (null when it has none): the one file of `.dvc/` that is read, because DVC reads a
   * revision's objects from the remotes that revision's config names. Only that path, a regular file, in budget.
   */
  dvcConfig?(): Promise<Buffer | null>;
  /**
   * Where DVC's config for this revision comes from, as DVC reads it there (its levels): `root`, the project's folder
   * on disk, whose `.dvc/config.local` and the user's global and system files apply at any revision; and for a commit,
   * `repo`, the commit's own `.dvc/config` (`text` null when it has none), which stands for the repo level.
   */
  dvcConfigSource?(): Promise<{ root: string; repo?: { text: string | null; name: string } }>;
  /**
   * A file of `.dvc/plots/`, DVC's folder of plot templates, or of a folder below it (`sub/mine.json`; null when there
   * is none): the other part of `.dvc/` that is read, since DVC looks a plot's `template:` up there first. Only a
   * regular file, by its `/`-separated path from that folder (no `.` or `..` in it); no link on the way, in budget.
   * `read()` still refuses every `.dvc/` path.
   */
  dvcPlotsFile(name: string): Promise<Buffer | null>;
}

/** One file of a `readMany`: its bytes, null when it does not exist, or the error a `read` of it throws. */
export type ReadResult = Buffer | null | Error;

/** `paths` read through `tree.readMany`, or one `read` after another where the tree has no batch. */
export async function readFiles(tree: Tree, paths: readonly string[]): Promise<ReadResult[]> {
  if (tree.readMany) return tree.readMany(paths);
  const out: ReadResult[] = [];
  for (const path of paths) out.push(await tree.read(path).catch((error: unknown) => asError(error)));
  return out;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** A file's bytes in order, for `for await`. A piece may be overwritten once the next is asked for: a reader copies what it keeps. */
export type Chunks = AsyncIterable<Buffer> | Iterable<Buffer>;

/** A read the guard refused; the message names the path and the rule, for the report. */
export class RefusedRead extends UserError {}

/** A folder where a file was named: an error naming what the file should have been, never read as a missing file. */
export class NotAFile extends UserError {
  constructor(readonly path: string) {
    const what = FILE_ROLES[path.slice(path.lastIndexOf('/') + 1)];
    super(`${path}: a folder, not a file${what ? ` (expected ${what})` : ''}; not read`);
  }
}

/** What the project files read by name are, for the error when one is a folder. */
const FILE_ROLES: Record<string, string> = {
  'dvc.yaml': "DVC's pipeline file",
  'dvc.lock': "DVC's lock file",
  'params.yaml': "DVC's default params file",
  '.mlreport.yml': "mlreport's settings file",
};

/** Bytes one file may have: a metrics, params or plot file larger than this is a mistake or an attack. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** Bytes one run may read across all trees that share a budget. */
const MAX_RUN_BYTES = 1024 * 1024 * 1024;

/** The bytes left to read in one run; trees made for one run share it. */
export class ReadBudget {
  private used = 0;
  constructor(
    readonly perFile = MAX_FILE_BYTES,
    readonly perRun = MAX_RUN_BYTES,
  ) {}

  /** Takes `size` bytes of the budget for `path`, or refuses the read without taking anything. */
  take(path: string, size: number, streamed = false): void {
    if (size > this.perFile && !streamed)
      throw new RefusedRead(`${path}: ${mib(size)} is larger than the ${mib(this.perFile)} a project file may have; not read`);
    if (this.used + size > this.perRun) throw this.passed(path);
    this.used += size;
  }

  /** Bytes the run may still read. */
  get left(): number {
    return this.perRun - this.used;
  }

  /** The refusal of `path` where the reads before it used what the run may read. */
  passed(path: string): RefusedRead {
    return new RefusedRead(`${path}: reading it would pass the ${mib(this.perRun)} one run may read; not read`);
  }
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MiB`;
}

/** Folder names that hold credentials (the checkout's token, DVC remote secrets), refused at any depth, in any letter case. */
const PRIVATE_DIRS = ['.git', '.dvc'];
/** Walking stops here: a workspace with more files is mostly data, and values files are near the top. */
const MAX_WORKSPACE_FILES = 200_000;
const SKIP_DIRS = new Set(['node_modules', '.mlreport']);
/** Links to folders walked through in one listing: links that lead into each other cannot multiply it without end. */
const MAX_LINKED_FOLDERS = 1000;
/** Links followed inside a commit before giving up (a loop of links). */
const MAX_LINK_HOPS = 40;
/** A link's target is a path: longer than PATH_MAX is not one. */
const MAX_LINK_BYTES = 4096;

function isPrivate(part: string): boolean {
  return PRIVATE_DIRS.includes(part.toLowerCase());
}

/**
 * The `/`-separated project path for a path a file or user named, or a refusal: absolute paths, `..` out of
 * the project and any `.git`/`.dvc` component are refused before anything is opened.
 */
export function projectPath(path: string): string {
  const parts: string[] = [];
  const clean = path.replace(/\\/g, '/');
  if (clean.startsWith('/') || /^[A-Za-z]:/.test(clean)) throw new RefusedRead(`${path}: an absolute path; only files inside the project are read`);
  for (const part of clean.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!parts.length) throw new RefusedRead(`${path}: outside the project; not read`);
      parts.pop();
    } else if (isPrivate(part)) {
      throw new RefusedRead(`${path}: inside ${part}/, which holds git's or DVC's own files (and their credentials); not read`);
    } else parts.push(part);
  }
  return parts.join('/');
}

/**
 * `.dvc/plots/<name>` for a `/`-separated path below that folder; anything else (`..`, `.`, an empty part, `\`, NUL)
 * is refused: it could leave the folder for the rest of `.dvc/` (`config.local`, the cache).
 */
function dvcPlotsPath(name: string): string {
  if (/[\\\0]/.test(name) || name.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new RefusedRead(`.dvc/plots/${name}: only a file inside .dvc/plots/, by its path from there without . or .., is read there; not read`);
  }
  return `.dvc/plots/${name}`;
}

/**
 * The workspace's files, walked once for all the steps of a run that list them after the steps that write them
 * (reproduction, a push): the values, the data changes, the plots and the causes each list the workspace, and a
 * project with a folder of 50,000 pulled images was walked four times (≈ 50 ms each here).
 */
export class WorkspaceListing {
  private walked: Promise<string[]> | null = null;
  constructor(readonly root: string) {}

  files(): Promise<string[]> {
    this.walked ??= walk(this.root);
    return this.walked;
  }
}

export interface WorkspaceTreeOptions {
  name?: string;
  budget?: ReadBudget;
  /** The run's one listing of this workspace (the same `root`), instead of a walk of the tree's own. */
  listing?: WorkspaceListing | undefined;
}

/**
 * What is at `full` — the entry itself (`follow` false: a link stays a link) or what a link leads to — and its real
 * path; null when nothing is there.
 */
function located(path: string, full: string, follow: boolean): { info: Stats; target: string } | null {
  try {
    const info = follow ? statSync(full, { throwIfNoEntry: false }) : lstatSync(full, { throwIfNoEntry: false });
    if (!info) return null;
    return { info, target: realpathSync.native(full) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    // A link that leads back to itself (`x -> x`, `a -> b -> a`) names no file: refused by name, never a raw ELOOP.
    if (code === 'ELOOP') throw new RefusedRead(`${path}: a loop of links (each leads on to another, never to a file); not read`);
    throw error;
  }
}

/**
 * The workspace on disk at `root`. Files are opened, checked and read with synchronous calls: the same six steps
 * (realpath, stat, open, fstat, read, close) each through the thread pool cost ≈ 0.25 ms of CPU a file, half a
 * second for a pull request's 2,000 values files, where made directly they cost a tenth of that.
 */
export function workspaceTree(root: string, options: WorkspaceTreeOptions = {}): Tree {
  const budget = options.budget ?? new ReadBudget();
  const listing = options.listing?.root === root ? options.listing : null;
  let files: Promise<string[]> | null = null;
  let realRoot: string | null = null;
  return {
    name: options.name ?? 'workspace',
    isCommit: false,
    read: (path) => later(() => readNow(path)),
    chunks: (path) => later(() => chunksNow(path)),
    dvcPlotsFile: (name) => later(() => dvcPlotsFileNow(name)),
    dvcConfigSource: () => Promise.resolve({ root }),
    list() {
      files ??= listing ? listing.files() : walk(root);
      return files;
    },
    ignored: (paths) => ignoredInWorkspace(root, paths),
  };

  function readNow(path: string): Buffer | null {
    return readOpened(open(path, false));
  }

  function dvcPlotsFileNow(name: string): Buffer | null {
    const rel = dvcPlotsPath(name);
    const full = join(root, ...rel.split('/'));
    const found = located(rel, full, false);
    if (!found) return null;
    const { info, target } = found;
    if (info.isSymbolicLink()) throw new RefusedRead(`${rel}: a link; links in .dvc/plots/ are not followed`);
    // `.dvc` or `.dvc/plots` itself a link would lead out of the folder: the file must be where its name says.
    const inside = (realRoot ??= realpathSync.native(root));
    if (target !== join(inside, '.dvc', 'plots', ...name.split('/'))) {
      throw new RefusedRead(`${rel}: not a file of the project's own .dvc/plots/ (a linked folder, or a name in another letter case); not read`);
    }
    if (info.isDirectory()) throw new NotAFile(rel);
    return readOpened(openChecked(rel, full, info, false));
  }

  function readOpened(file: { fd: number; size: number } | null): Buffer | null {
    if (!file) return null;
    const { fd, size } = file;
    try {
      const buffer = Buffer.allocUnsafe(size);
      let offset = 0;
      while (offset < size) {
        const bytesRead = readSync(fd, buffer, offset, size - offset, offset);
        if (!bytesRead) break;
        offset += bytesRead;
      }
      return buffer.subarray(0, offset);
    } finally {
      closeSync(fd);
    }
  }

  function chunksNow(path: string): Chunks | null {
    const file = open(path, true);
    if (!file) return null;
    return (function* () {
      const { fd, size } = file;
      try {
        // Never past the size the budget took: a file that grows while it is read is read as it was. Every piece is
        // read into the same memory (`Chunks`: a piece lasts until the next is asked for): fresh memory for each
        // would cost the process a page fault every 4 KiB.
        const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, size));
        for (let offset = 0; offset < size;) {
          const bytesRead = readSync(fd, buffer, 0, Math.min(buffer.length, size - offset), offset);
          if (!bytesRead) break;
          offset += bytesRead;
          yield buffer.subarray(0, bytesRead);
        }
      } finally {
        closeSync(fd);
      }
    })();
  }

  /** Opens a project file past the guards, its size taken from the budget; null when it does not exist. */
  function open(path: string, streamed: boolean): { fd: number; size: number } | null {
    const rel = projectPath(path);
    const full = join(root, ...rel.split('/'));
    // The file the path leads to (links followed), stat'ed first: a missing file is the common case of a pull request
    // that deletes values files, and a stat that finds nothing throws no error to build (realpath's would).
    const found = located(path, full, true);
    if (!found) return null;
    const { info, target } = found;
    // A symlink committed in a pull request could point at the runner's own files or at .git/config.
    const inside = (realRoot ??= realpathSync.native(root));
    if (target !== inside && !target.startsWith(inside + sep))
      throw new RefusedRead(`${path}: a link to a ${info.isDirectory() ? 'folder' : 'file'} outside the project; not read`);
    const targetParts = target.slice(inside.length + 1).split(sep);
    if (targetParts.some(isPrivate)) throw new RefusedRead(`${path}: a link into .git/ or .dvc/, which hold git's or DVC's own files; not read`);
    // macOS and Windows file systems ignore letter case, git does not: a path read here would be missing at the
    // base commit and on Linux. realpath gives the names as on disk; a difference in case alone is looked at.
    const asOnDisk = targetParts.join('/');
    if (asOnDisk !== rel && asOnDisk.toLowerCase() === rel.toLowerCase() && !namedAsOnDisk(root, rel)) {
      throw new RefusedRead(
        `${path}: the file on disk is '${asOnDisk}' (letter case differs), which git and Linux runners do not take for '${rel}'; not read — use its name as on disk`,
      );
    }
    if (info.isDirectory()) throw new NotAFile(path);
    return openChecked(path, target, info, streamed);
  }

  /** Opens `target`, a file that passed the path guards, if it is a regular file the budget has room for. */
  function openChecked(path: string, target: string, info: Stats, streamed: boolean): { fd: number; size: number } {
    // A FIFO would block the read forever and a device could be endless: only regular files are read.
    if (!info.isFile()) throw new RefusedRead(`${path}: not a regular file (a FIFO, socket or device); not read`);
    budget.take(path, info.size, streamed);
    // O_NONBLOCK: should the file have been swapped for a FIFO since the stat, open does not wait for a writer.
    const fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const opened = fstatSync(fd);
      if (!opened.isFile()) throw new RefusedRead(`${path}: not a regular file; not read`);
      if (opened.size !== info.size) budget.take(path, Math.max(0, opened.size - info.size), streamed);
      return { fd, size: opened.size };
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }
}

/** What `fn` returns, or throws, as a promise: a tree reads asynchronously, though the workspace's reads need not. */
function later<T>(fn: () => T): Promise<T> {
  return new Promise((resolve) => resolve(fn()));
}

/** Whether every component of `rel` is listed by its directory exactly as written (a link may differ only in case). */
function namedAsOnDisk(root: string, rel: string): boolean {
  let dir = root;
  for (const part of rel.split('/')) {
    if (!readdirSync(dir).includes(part)) return false;
    dir = join(dir, part);
  }
  return true;
}

/** Bytes a streamed read holds at a time. */
const CHUNK_BYTES = 1024 * 1024;

/** A link's mode in git's trees. */
const LINK_MODE = '120000';

/**
 * A commit, read through git; links are followed inside the commit, with the same rules as on disk: a link to a
 * folder of the commit is read through and listed through as the workspace's listing walks it. With `byPath`,
 * a file is found by reading the tree objects along its path rather than by listing the whole commit first (one
 * `git ls-tree` process a commit): for reading a few files at each of many commits (the base branch's history).
 */
export function commitTree(git: GitRepo, sha: string, name: string, options: { budget?: ReadBudget; byPath?: boolean } = {}): Tree {
  const budget = options.budget ?? new ReadBudget();
  let entries: Promise<Map<string, TreeEntry>> | null = null;
  let files: Promise<{ files: string[]; throughLinks: Set<string> }> | null = null;
  const listing = (): Promise<Map<string, TreeEntry>> => (entries ??= git.listEntries(sha));
  const entryOf = options.byPath ? (rel: string) => git.entryAt(sha, rel) : async (rel: string) => (await listing()).get(rel) ?? null;
  return {
    name,
    isCommit: true,
    async read(path) {
      const entry = await resolve(path);
      return entry && readUnsized(git, path, entry, budget);
    },
    async readMany(paths) {
      const out = new Array<ReadResult>(paths.length).fill(null);
      // Each path through the guards in order; then the blobs in one batch, each taking the budget in its turn as
      // git tells its size (as one read after another would), so a file the budget refuses is skipped, never held.
      const wanted: { at: number; path: string; entry: TreeEntry }[] = [];
      // A regular file the listing names is taken from it directly; links and the rest are resolved one by one.
      const all = options.byPath ? null : await listing();
      for (let at = 0; at < paths.length; at++) {
        const path = paths[at]!;
        try {
          const listed = all?.get(projectPath(path));
          const entry = listed?.mode.startsWith('100') ? listed : await resolve(path);
          if (entry) wanted.push({ at, path, entry });
        } catch (error) {
          out[at] = asError(error);
        }
      }
      const refused = new Map<number, Error>();
      const blobs = await git.readObjects(
        wanted.map(({ at, path, entry }) => ({ oid: entry.oid, maxBytes: Infinity, admit: takeInTurn(budget, path, (error) => refused.set(at, error)) })),
        // git is stopped once its answers pass what the run may still read: what it did not get to is refused as such.
        budget.left,
      );
      wanted.forEach(({ at, path, entry }, i) => {
        const blob = blobs[i]!;
        if (blob instanceof NotRead) out[at] = budget.passed(path);
        else out[at] = refused.get(at) ?? (blob instanceof Buffer ? blob : missingObject(path, entry, blob as Error | null));
      });
      return out;
    },
    async chunks(path) {
      const entry = await resolve(path);
      return entry && budgeted(path, git.streamObject(entry.oid), budget);
    },
    dvcConfig,
    async dvcConfigSource() {
      return { root: git.cwd, repo: { text: (await dvcConfig())?.toString('utf8') ?? null, name: `.dvc/config at ${name}` } };
    },
    async dvcPlotsFile(name) {
      const rel = dvcPlotsPath(name);
      const entry = await entryOf(rel);
      if (entry?.mode === LINK_MODE) throw new RefusedRead(`${rel}: a link; links in .dvc/plots/ are not followed`);
      return entry?.mode.startsWith('100') ? readUnsized(git, rel, entry, budget) : null;
    },
    async list() {
      // Once a tree: dvc.yaml discovery, globs and the values files all ask for it.
      files ??= listThroughLinks();
      return (await files).files;
    },
    // DVC's collection of dvc.yaml and `.dvc` files does not follow links, at a revision as in the workspace.
    async ignored(paths) {
      files ??= listThroughLinks();
      const { throughLinks } = await files;
      return new Set(paths.filter((p) => throughLinks.has(p)));
    },
  };

  /**
   * The commit's files, and under each link to a folder of the commit the files of that folder (`throughLinks`), as
   * the workspace's walk lists them: not a link to a folder above it or to one a link on the way leads to (a loop),
   * nor one out of the project or into .git/.dvc, which stays one entry the reader refuses.
   */
  async function listThroughLinks(): Promise<{ files: string[]; throughLinks: Set<string> }> {
    const all = await listing();
    const own = [...all.keys()].filter((p) => !p.split('/').some(isPrivate)).sort();
    const throughLinks = new Set<string>();
    if (!own.some((p) => all.get(p)!.mode === LINK_MODE)) return { files: own, throughLinks };
    const folders = new Set<string>();
    for (const p of own) for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) folders.add(p.slice(0, i));
    const out: string[] = [];
    let linksWalked = 0;
    // The files of `folder` (every one below it), named under `prefix`; `through`: the folders links on the way led to.
    const visit = async (folder: string, prefix: string, through: readonly string[]): Promise<void> => {
      const from = folder ? `${folder}/` : '';
      for (let at = firstAtOrAfter(own, from); at < own.length && own[at]!.startsWith(from); at++) {
        const real = own[at]!;
        const name = prefix + real.slice(from.length);
        if (all.get(real)!.mode === LINK_MODE && linksWalked < MAX_LINKED_FOLDERS) {
          const target = await linkedFolderAt(real, folders);
          const place = real.includes('/') ? real.slice(0, real.lastIndexOf('/')) : '';
          const above = target === '' || place === target || place.startsWith(`${target}/`);
          if (target !== null && !above && !through.includes(target) && throughLinks.size < MAX_WORKSPACE_FILES) {
            linksWalked++;
            await visit(target, `${name}/`, [...through, target]);
            continue;
          }
        }
        out.push(name);
        if (prefix) throughLinks.add(name);
      }
    };
    await visit('', '', []);
    return { files: out.sort(), throughLinks };
  }

  /** The folder of the commit the link at `path` leads to (links followed), or null: a file, nothing, or refused. */
  async function linkedFolderAt(path: string, folders: ReadonlySet<string>): Promise<string | null> {
    try {
      const found = await follow(path, path);
      return found && !found.entry && (found.rel === '' || folders.has(found.rel)) ? found.rel : null;
    } catch (error) {
      if (error instanceof RefusedRead) return null;
      throw error;
    }
  }

  async function dvcConfig(): Promise<Buffer | null> {
    const entry = await entryOf('.dvc/config');
    return entry?.mode.startsWith('100') ? readUnsized(git, '.dvc/config', entry, budget) : null;
  }

  /** The blob a path names, links followed inside the commit; null when there is none. */
  async function resolve(path: string): Promise<TreeEntry | null> {
    const rel = projectPath(path);
    const direct = await entryOf(rel);
    // Submodules (160000) have no content here.
    const blob = (entry: TreeEntry | null | undefined) => (entry?.mode.startsWith('100') ? entry : null);
    // The common case: the file is where its path says, no link on the way or at its end.
    if (direct && direct.mode !== LINK_MODE) return blob(direct);
    return blob((await follow(path, rel))?.entry);
  }

  /**
   * Where `rel` (the project path of `path`, as named) leads inside the commit: a link on the way or at its end is
   * followed from the folder it is in, and refused where it leads out of the project or into .git/ or .dvc/, or
   * through too many links (a loop). `entry` is null for a folder or nothing there; null in all where a file stands
   * on the way (a path below a file is nothing).
   */
  async function follow(path: string, rel: string): Promise<{ rel: string; entry: TreeEntry | null } | null> {
    let parts = rel.split('/').filter(Boolean);
    let hops = 0;
    for (let at = 0; at < parts.length;) {
      const here = parts.slice(0, at + 1).join('/');
      const entry = await entryOf(here);
      if (entry?.mode === LINK_MODE) {
        if (hops++ >= MAX_LINK_HOPS) throw new RefusedRead(`${path}: too many levels of links; not read`);
        const link = (
          await readBlob(git, path, entry, MAX_LINK_BYTES).catch((error: unknown) => {
            throw error instanceof ObjectTooLarge ? new RefusedRead(`${path}: a link of ${error.size} bytes, longer than any path; not read`) : error;
          })
        ).toString('utf8');
        const dir = parts.slice(0, at).join('/');
        let target: string;
        try {
          target = projectPath(link.startsWith('/') || !dir ? link : `${dir}/${link}`);
        } catch {
          throw new RefusedRead(`${path}: a link to ${link}, outside the project or into .git/ or .dvc/; not read`);
        }
        // The folders before the link are real ones: the path goes on from where the link leads.
        parts = [...target.split('/').filter(Boolean), ...parts.slice(at + 1)];
        at = 0;
        continue;
      }
      if (at === parts.length - 1) return { rel: here, entry };
      if (entry) return null;
      at++;
    }
    return { rel: '', entry: null };
  }
}

/** The index of the first of `sorted` (sorted strings) that is not before `value`. */
function firstAtOrAfter(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A blob the listing named; one git lacks (a partial clone) is an error, not a missing file. */
async function readBlob(git: GitRepo, path: string, entry: TreeEntry, maxBytes: number): Promise<Buffer> {
  const bytes = await git.readObject(entry.oid, maxBytes);
  if (!bytes) throw missingObject(path, entry, null);
  return bytes;
}

/** A blob, whose size git tells only as it sends it: the budget takes it then, or refuses it unread. */
async function readUnsized(git: GitRepo, path: string, entry: TreeEntry, budget: ReadBudget): Promise<Buffer> {
  const refused: Error[] = [];
  const [blob] = await git.readObjects([{ oid: entry.oid, maxBytes: Infinity, admit: takeInTurn(budget, path, (error) => refused.push(error)) }]);
  if (refused[0]) throw refused[0];
  if (blob instanceof Buffer) return blob;
  throw missingObject(path, entry, blob as Error | null);
}

/** An `admit` for a blob of `path`: the budget takes its size when git tells it, or `refused` is told why not. */
function takeInTurn(budget: ReadBudget, path: string, refused: (error: Error) => void): (size: number) => boolean {
  return (size) => {
    try {
      budget.take(path, size);
      return true;
    } catch (error) {
      refused(asError(error));
      return false;
    }
  };
}

/** A blob streamed from git, its bytes taken from the run's budget as they come: a read past it stops there, refused. */
async function* budgeted(path: string, chunks: AsyncIterable<Buffer>, budget: ReadBudget): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    budget.take(path, chunk.length, true);
    yield chunk;
  }
}

/** Why a blob the listing named did not come: git lacks it (a partial or damaged clone). */
function missingObject(path: string, entry: TreeEntry, error: Error | null): Error {
  if (error) return new UserError(`${path}: ${error.message}`);
  return new UserError(`${path}: git lists it at this commit but does not have its object ${entry.oid} (a partial or damaged clone?)`);
}

/**
 * The paths git's ignore rules (`check-ignore --no-index`: the patterns, tracked or not, as DVC asks them) or a
 * `.dvcignore` cover, or that lie beyond a link to a folder. One git process for all; a folder that is no git work tree has no git ignores.
 */
async function ignoredInWorkspace(root: string, paths: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (!paths.length) return out;
  const dvcignore = new DvcIgnore(root);
  // DVC's walk does not follow links (collect_files: `followlinks=False`): a file the listing found through one is not looked at.
  for (const path of paths) if (dvcignore.isIgnored(path, false) || throughLink(root, path)) out.add(path);
  const asked = paths.filter((p) => !out.has(p));
  if (!asked.length) return out;
  try {
    const answer = await runGitMatching(root, ['check-ignore', '--no-index', '-z', '--stdin'], `${asked.join('\0')}\0`);
    for (const path of answer.split('\0')) if (path) out.add(path);
  } catch {
    // No work tree here (or no git): there are no git ignore rules to apply.
  }
  return out;
}

/** Whether a folder on the way to `path` (from `root`) is a link. */
function throughLink(root: string, path: string): boolean {
  let dir = root;
  for (const part of path.split('/').slice(0, -1)) {
    dir = join(dir, part);
    if (lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink()) return true;
  }
  return false;
}

/**
 * Breadth first, so a root dvc.yaml is found even when a data folder alone would reach the cap. A link to a folder of
 * the project is walked as the folder it leads to, its files listed under the link's path, as DVC reads a metrics or
 * plots folder, or a stage's output folder, that is a link (`models` → `runs/7/models`), but not when it leads to a
 * folder above it or to one a link on the way leads to (a loop). A link to a folder outside the project stays one
 * entry, which the reader refuses by name.
 */
async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  // Each folder with the folders that the links on the way to it lead to: a link to one of them is a loop.
  const queue: [string, string, readonly string[]][] = [[root, '', []]];
  let realRoot: string | null = null;
  let linksWalked = 0;
  // An index, not shift(): shifting is O(n) a folder, quadratic near the cap.
  for (let head = 0; head < queue.length && out.length < MAX_WORKSPACE_FILES; head++) {
    const [dir, prefix, through] = queue[head]!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (isPrivate(entry.name)) continue;
      const rel = prefix + entry.name;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) queue.push([full, `${rel}/`, through]);
        continue;
      }
      if (entry.isSymbolicLink() && !SKIP_DIRS.has(entry.name) && linksWalked < MAX_LINKED_FOLDERS && leadsToFolder(full)) {
        realRoot ??= realpathSync.native(root);
        const target = linkedFolder(full, dir, realRoot);
        if (target && !through.includes(target)) {
          linksWalked++;
          queue.push([full, `${rel}/`, [...through, target]]);
          continue;
        }
      }
      if (out.length < MAX_WORKSPACE_FILES) out.push(rel);
    }
  }
  return out.sort();
}

/**
 * Whether the link `full` leads to a folder. One that leads nowhere — to nothing, or round a loop of links (`x -> x`,
 * which stat answers with ELOOP) — does not: it stays one entry of the listing, as a dangling link does, refused only
 * where something reads it.
 */
function leadsToFolder(full: string): boolean {
  try {
    return statSync(full, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/**
 * The real path of the folder `link` (in `folder`) leads to, when it is a folder of the project that is neither git's
 * or DVC's own nor one the link is inside of; null otherwise.
 */
function linkedFolder(link: string, folder: string, realRoot: string): string | null {
  let target: string;
  let place: string;
  try {
    target = realpathSync.native(link);
    place = realpathSync.native(folder);
  } catch {
    return null;
  }
  if (!target.startsWith(realRoot + sep)) return null;
  if (
    target
      .slice(realRoot.length + 1)
      .split(sep)
      .some(isPrivate)
  )
    return null;
  return place === target || place.startsWith(target + sep) ? null : target;
}

/** Bytes already read, as a streamed read of them. */
export function oneChunk(bytes: Buffer | null): Chunks | null {
  return bytes ? [bytes] : null;
}
