import { createHash } from 'node:crypto';
import { cachedUnreadWhy } from '../gate/evaluate';
import { shortSha, type GitRepo } from '../git/repo';
import type { Revision } from '../git/revisions';
import { describeError } from '../util/errors';
import type { Logger } from '../util/log';
import { objectMd5 } from '../dvc/data/hash';
import { isDirOid } from '../dvc/data/oid';
import { extension } from '../dvc/formats';
import { jsonBomProblem } from '../dvc/formats/json';
import { KeyTable } from '../values/flat';
import { flattenMetrics } from '../values/flatten';
import { flattenJsonMetrics } from '../values/json-metrics';
import { parseValueFile } from '../values/parse';
import { numericValue, type FileDiff, type Leaf } from '../values/types';
import { isDvcYaml, joinPath, loadProject, type DvcProject, type LoadedProjects } from '../dvc/project';
import { PipelineData, type DataOptions } from '../pipeline/restore';
import { withCachedOutputs, type CachedOutputsTree } from '../values/cached-outputs';
import { commitTree, type ReadBudget, type Tree } from '../workspace/tree';
import { historyStats } from './stats';
import type { HistoryNotKnown, HistoryRecord, HistorySection, StoreReader } from './types';

export interface HistoryRequest {
  /** The newest commit of the history: the base revision (for a pull request, its base branch's tip); its label names the branch. */
  base: Revision;
  /** How many first-parent commits to read, the base included (input `history`, `--history`). */
  depth: number;
  /** The metrics the report shows: their files are read at each commit and their numeric keys kept. */
  metrics: FileDiff[];
  /** The run's read budget, shared with the other steps. */
  budget?: ReadBudget;
  /**
   * Files of `metrics` whose base side the comparison read and parsed (`Comparison.parsedAtBase`): where git holds
   * them as files at the base, their values there are the diff's base values, not read and parsed a second time.
   */
  parsedAtBase?: ReadonlySet<string>;
  /**
   * A commit's tree that also reads the DVC outputs git does not hold (a DVC-cached metrics.json) from the cache or
   * the remote, by the hash that commit's dvc.lock records: without it, only files committed to git are read.
   */
  withDvcOutputs?: (tree: Tree, sha: string) => CachedOutputsTree;
  /** A CLI run (hints name its flags) rather than the action's (hints name its inputs). */
  cli?: boolean;
  /**
   * Metrics files the base branch's commits name in another project layout (the change moved the project root), with
   * why: the head's path read there is not the file those commits' project named, so their values are not known,
   * neither read nor said to be missing.
   */
  otherLayout?: ReadonlyMap<string, string>;
}

/**
 * What one commit's metrics file gave: its numbers (NaN kept, to be said) and the run that made them (`run`: the id
 * of its bytes, as git names a blob — for a DVC output, the bytes its dvc.lock hash names), or why it gave none —
 * `missing` with why DVC's cache and remote could not stand in, when the file is a DVC output of that commit.
 */
type FileAtCommit =
  { status: 'ok'; values: Map<string, number>; run: string; lock?: LockCheck } | { status: 'missing'; why?: string } | { status: 'error'; message: string };

/**
 * Whether a file committed to git is the one its run made: `matches` where the hash the commit's dvc.lock (or `.dvc`
 * file) records for it is its bytes' hash, `differs` where it is another's (committed stale, or edited), absent where
 * nothing records one (a file made outside DVC, by `run:`).
 */
type LockCheck = 'matches' | 'differs';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
/** Commits named in one note before "and N more". */
const NAMED = 3;

/**
 * The base branch's history: each shown metric's values at the last `depth` first-parent commits, read from the
 * metrics files committed there, through the object reader the run already has (no process a commit). A shallow
 * clone is deepened to `depth` commits of the base, never more. Commits whose metrics are not in git are asked of
 * `store` when there is one. Nothing a commit holds stops the read: files that do not parse, metrics missing in some
 * commits, a history cut short are each said once in `notes`.
 */
export async function readHistory(git: GitRepo, request: HistoryRequest, store: StoreReader | undefined, log: Logger): Promise<HistorySection> {
  try {
    return await readFromCommits(git, request, store, log);
  } catch (error) {
    // A damaged object or a git that died: the report goes on without history, and rules on it say there is none.
    const note = `The base branch's history could not be read: ${describeError(error)}`;
    log.warning(note);
    return { branch: request.base.label, depth: request.depth, read: 0, wholeBranch: false, notKnown: note, metrics: [], notes: [note] };
  }
}

/**
 * `readHistory` for a DVC project: its cache and remotes (opened with `data`, closed after) stand in for the metrics
 * files git does not hold at a commit. `projects`, the run's, gives each commit's project where the run loaded it.
 */
export function readProjectHistory(
  git: GitRepo,
  request: Omit<HistoryRequest, 'withDvcOutputs'>,
  project: { workspace: string; data: DataOptions; projects?: LoadedProjects },
  store: StoreReader | undefined,
  log: Logger,
): Promise<HistorySection> {
  const { workspace, data, projects } = project;
  return PipelineData.using(workspace, data, (dvc) => {
    const withDvcOutputs = (tree: Tree, sha: string) => withCachedOutputs(tree, dvc, projects && (() => projects.at(sha, tree)));
    return readHistory(git, { ...request, ...(dvc && { withDvcOutputs }) }, store, log);
  });
}

async function readFromCommits(git: GitRepo, request: HistoryRequest, store: StoreReader | undefined, log: Logger): Promise<HistorySection> {
  const notes: string[] = [];
  const { chain, wholeBranch, cutShort } = await firstParents(git, request, notes, log);
  const otherLayout = request.otherLayout ?? new Map<string, string>();
  const paths = request.metrics.map((f) => f.path).filter((p) => !otherLayout.has(p));
  const atBase = await parsedAtBase(git, request);

  const atCommits = await Promise.all(
    chain.map(async (commit) => {
      // Path by path through the trees, for a few files at each commit; from the listing where the run has one (the base).
      const byPath = !git.hasListing(commit.sha);
      const gitTree = commitTree(git, commit.sha, shortSha(commit.sha), { byPath, ...(request.budget ? { budget: request.budget } : {}) });
      const tree = request.withDvcOutputs?.(gitTree, commit.sha) ?? gitTree;
      // The base's files the comparison parsed are not parsed again, only checked against the base's project, in one
      // promise: not one a file for a thousand of them.
      const known = commit.sha === request.base.sha ? atBase : undefined;
      const files = new Map<string, FileAtCommit>();
      const reads: Promise<void>[] = [];
      const project = commitProject(tree, request.withDvcOutputs !== undefined);
      for (const file of paths) if (!known?.has(file)) reads.push(readMetricsAt(tree, file, project).then((read) => void files.set(file, read)));
      if (known?.size) reads.push(checkedAtBase(tree, paths, known, project, store !== undefined, files));
      await Promise.all(reads);
      return files;
    }),
  );
  // Commits where some file was there (in git, or a DVC output in the cache or on the remote); the others are asked
  // of the store, file → key → value.
  const withFiles = new Set(chain.filter((_, i) => [...atCommits[i]!.values()].some((r) => r.status !== 'missing')).map((c) => c.sha));
  const stored = new Map<string, Map<string, StoredFile>>();
  const withoutFiles = chain.filter((c) => !withFiles.has(c.sha)).map((c) => c.sha);
  // Why a store there is could not be read: the commits asked of it may well have records, so their values are not known.
  let storeUnread: string | undefined;
  if (store && withoutFiles.length) {
    try {
      const found = await store(withoutFiles);
      for (const note of found.notes) notes.push(note);
      storeUnread = found.unread;
      for (const sha of withoutFiles) {
        const record = found.records.get(sha);
        if (record) stored.set(sha, byFileAndKey(record));
      }
    } catch (error) {
      notes.push(`The history store could not be read (${describeError(error)}): commits whose metrics are not in git are left out.`);
      storeUnread = `the history store could not be read (${describeError(error)})`;
    }
  }
  const askedOfStore = new Set(withoutFiles);
  // Per file, the commits where the store's record stands in for the committed file.
  const recordedOver = store ? await recordsOverStale(chain, atCommits, withFiles, store, notes) : new Map<string, Set<string>>();
  for (const [file, why] of otherLayout) notes.push(`\`${file}\` has no known history: ${why.replace(/\.$/, '')}.`);
  const notKnown = new Map<string, HistoryNotKnown>();

  // Notes for each file: where it was not there to read, where it did not parse.
  const read = (i: number, file: string): FileAtCommit => atCommits[i]!.get(file)!;
  const fromStore = (sha: string, file: string): boolean => stored.get(sha)?.has(file) ?? false;
  // The run that made a file's values at a commit: its bytes' id, or a store record's values.
  const runAt = (i: number, file: string): string | undefined => {
    if (!withFiles.has(chain[i]!.sha)) return stored.get(chain[i]!.sha)?.get(file)?.run;
    const r = read(i, file);
    return r.status === 'ok' ? r.run : undefined;
  };
  // Per file, the commits whose file is the same as at the commit before it (its first parent, next in the chain):
  // the stage did not run again there (a docs-only commit), so their values are that run's, not another sample.
  const repeating = new Map(
    paths.map((file) => {
      const runs = chain.map((_, i) => runAt(i, file));
      return [file, runs.map((run, i) => run !== undefined && run === runs[i + 1])];
    }),
  );
  const repeats = (i: number, file: string): boolean => repeating.get(file)?.[i] ?? false;
  for (const file of paths) {
    const missingAt = chain.flatMap((c, i) => {
      const r = read(i, file);
      return r.status === 'missing' && !fromStore(c.sha, file) ? [{ sha: c.sha, why: r.why }] : [];
    });
    const missing = missingAt.map((m) => m.sha);
    // Why DVC's cache and remote did not stand in, at the newest commit where they were asked (its output's object).
    const why = missingAt.find((m) => m.why)?.why;
    // Without a why, no dvc.yaml or .dvc file there outputs the file: the cache and remote were never asked for it.
    const cached = request.withDvcOutputs ? (why ? ' nor a DVC output in the cache or on the remote' : ' nor a DVC output there') : '';
    const because = why ? ` (${why})` : '';
    // No file there is no value; a DVC output that could not be read, or a store that could not be, is not known.
    const unreadOutputs = missingAt.filter((m) => m.why).length;
    const unreadRecords = storeUnread ? missingAt.filter((m) => !m.why && askedOfStore.has(m.sha)).length : 0;
    const at = (n: number) => `at ${n} of the ${count(chain.length, 'commit')} of ${request.base.label} read`;
    if (unreadOutputs) notKnown.set(file, { why: `${at(unreadOutputs)}, ${cachedUnreadWhy(file, why!)}`, cause: 'dvc-cache' });
    else if (unreadRecords) notKnown.set(file, { why: `${at(unreadRecords)}, ${file} is not in git and ${storeUnread}`, cause: 'store' });
    if (missing.length === chain.length && chain.length) {
      const hint = why ? '' : ' (a DVC-cached or CI-made file?)';
      notes.push(
        `\`${file}\` is not in git${cached} at any of the ${chain.length} commits read${store ? (storeUnread ? ', and the history store could not be read' : ' nor in the history store') : ''}${because || hint}: its metrics have no history${store ? '' : `; the history store (${request.cli ? '`--history-store BRANCH`' : 'input `history-branch`'}) would keep them`}.`,
      );
    } else if (missing.length) {
      // Commits the store was asked for and has no record of (their push runs did not record them): said so.
      const unrecorded = store && !storeUnread && missing.every((sha) => askedOfStore.has(sha)) ? ' nor in the history store' : '';
      notes.push(
        `\`${file}\` is not in git${cached}${unrecorded} at ${count(missing.length, 'commit')} of the ${chain.length} read (${named(missing)})${because}: left out there.`,
      );
    }
    const repeated = chain.filter((_, i) => repeats(i, file)).length;
    if (repeated) {
      const runs = chain.filter((_, i) => runAt(i, file) !== undefined).length - repeated;
      notes.push(
        `\`${file}\` is the same as at the commit before at ${repeated} of the ${chain.length} commits read (its stage did not run again there): the ${chain.length} commits hold ${count(runs, 'run')}, and history.n counts runs, not commits.`,
      );
    }
    const errors = chain.flatMap((c, i) => {
      const r = read(i, file);
      return r.status === 'error' ? [`${shortSha(c.sha)}: ${r.message}`] : [];
    });
    if (errors.length) {
      const more = errors.length > NAMED ? `; and ${errors.length - NAMED} more` : '';
      notes.push(`\`${file}\` could not be read at ${count(errors.length, 'commit')}, skipped there (${errors.slice(0, NAMED).join('; ')}${more}).`);
    }
  }

  const oldestFirst = chain.map((commit, i) => ({ commit, i })).reverse();
  const metrics: HistorySection['metrics'] = [];
  for (const diff of request.metrics) {
    const layout = otherLayout.get(diff.path);
    for (const row of diff.rows) {
      const head = finite(row.new);
      if (head === null && finite(row.old) === null) continue;
      if (layout !== undefined) {
        metrics.push({ file: diff.path, key: row.key, points: [], stats: null, head, notKnown: { why: layout, cause: 'moved-root' } });
        continue;
      }
      const points: HistorySection['metrics'][number]['points'] = [];
      const lacking: string[] = [];
      const notRecorded: string[] = [];
      const notNumbers: string[] = [];
      for (const { commit, i } of oldestFirst) {
        // One value a run: a commit that repeats the one before it adds no sample (said once above, for its file).
        const repeat = repeats(i, diff.path);
        if (withFiles.has(commit.sha)) {
          const file = atCommits[i]!.get(diff.path)!;
          // A file that was not there, or did not parse, is said once above; here, the metric missing from a file that was.
          if (file.status !== 'ok') continue;
          const value = file.values.get(row.key);
          if (value !== undefined && Number.isFinite(value)) {
            if (!repeat) points.push({ commit: commit.sha, date: commit.date, value });
          } else (value !== undefined ? notNumbers : recordedOver.get(diff.path)?.has(commit.sha) ? notRecorded : lacking).push(commit.sha);
        } else {
          const value = stored.get(commit.sha)?.get(diff.path)?.values.get(row.key);
          if (value !== undefined && !repeat) points.push({ commit: commit.sha, date: commit.date, value });
        }
      }
      const name = `\`${diff.path}:${row.key}\``;
      if (lacking.length)
        notes.push(`${name} is missing at ${count(lacking.length, 'commit')} of the ${chain.length} read (${named(lacking)}): left out there.`);
      if (notRecorded.length) {
        notes.push(
          `${name} is not in the history store's record at ${count(notRecorded.length, 'commit')} of the ${chain.length} read (${named(notRecorded)}), where the record stands in for the committed file (above): left out there.`,
        );
      }
      if (notNumbers.length) notes.push(`${name} is not a finite number at ${count(notNumbers.length, 'commit')} (${named(notNumbers)}): left out there.`);
      const unknown = notKnown.get(diff.path);
      metrics.push({ file: diff.path, key: row.key, points, stats: historyStats(points.map((p) => p.value)), head, ...(unknown && { notKnown: unknown }) });
    }
  }
  for (const note of notes) log.info(`History: ${note}`);
  return { branch: request.base.label, depth: request.depth, read: chain.length, wholeBranch, ...(cutShort && { notKnown: cutShort }), metrics, notes };
}

/** A stored record's values of one file, and the run that made them: a record is known by its values. */
interface StoredFile {
  values: Map<string, number>;
  run: string;
}

/** A stored record's values, file → key → value. */
function byFileAndKey(record: HistoryRecord): Map<string, StoredFile> {
  const files = new Map<string, StoredFile>();
  for (const { file, key, value } of record.metrics) {
    let stored = files.get(file);
    if (!stored) files.set(file, (stored = { values: new Map<string, number>(), run: '' }));
    stored.values.set(key, value);
  }
  for (const stored of files.values()) stored.run = `store:${JSON.stringify([...stored.values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`;
  return files;
}

/** The id git gives a blob of these bytes (SHA-1): the same file at two commits is the same run's. */
function blobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * The base commit's metrics files the comparison already parsed, as `readMetricsAt` would give them: the diff's base
 * values. Only files git holds there as files: one the comparison took from the DVC cache (not in git) or read
 * through a link is read here as the other commits are.
 */
async function parsedAtBase(git: GitRepo, request: HistoryRequest): Promise<Map<string, FileAtCommit>> {
  const known = new Map<string, FileAtCommit>();
  if (!request.parsedAtBase?.size || !git.hasListing(request.base.sha)) return known;
  const listing = await git.listEntries(request.base.sha);
  for (const diff of request.metrics) {
    const entry = listing.get(diff.path);
    // Its blob id is the run's id, as `blobId` makes it from the bytes read at the other commits (a SHA-1 repository's).
    if (!request.parsedAtBase.has(diff.path) || !entry?.mode.startsWith('100') || entry.oid.length !== 40) continue;
    const values = new Map<string, number>();
    for (const row of diff.rows) {
      const value = typeof row.old === 'boolean' ? undefined : numericValue(row.old);
      if (value !== undefined) values.set(row.key, value);
    }
    known.set(diff.path, { status: 'ok', values, run: entry.oid });
  }
  return known;
}

/**
 * The base and its first parents, newest first, at most `depth`, and whether they are all the branch has (the first
 * commit reached); a shallow clone is deepened once, never unshallowed. `cutShort`: why the walk stopped at a parent
 * git does not have (the branch goes on there), as its note says.
 */
async function firstParents(
  git: GitRepo,
  request: HistoryRequest,
  notes: string[],
  log: Logger,
): Promise<{ chain: { sha: string; date: string | null }[]; wholeBranch: boolean; cutShort?: string }> {
  const { base, depth } = request;
  const chain: { sha: string; date: string | null }[] = [];
  let fetched = false;
  let next: string | undefined = base.sha;
  while (next && chain.length < depth) {
    let commit = await git.readCommit(next);
    if (!commit && !fetched) {
      fetched = true;
      if (await deepen(git, request, chain.length, notes, log)) commit = await git.readCommit(next);
      // deepen's note says why the clone's history ends here, while the branch's goes on.
      else return { chain, wholeBranch: false, cutShort: notes.at(-1)! };
    }
    if (!commit) {
      const note = `Only ${chain.length} of the ${depth} commits asked for: git does not have ${shortSha(next)}, the parent of ${shortSha(chain.at(-1)!.sha)}, even after fetching.`;
      notes.push(note);
      return { chain, wholeBranch: false, cutShort: note };
    }
    chain.push({ sha: next, date: commit.date });
    next = commit.parents[0];
  }
  // No parent to go on to: the branch's first commit was read.
  return { chain, wholeBranch: next === undefined };
}

/** Fetches `depth` commits of the base's history (what a shallow clone lacks); false, with a note, when it cannot. */
async function deepen(git: GitRepo, request: HistoryRequest, have: number, notes: string[], log: Logger): Promise<boolean> {
  const { base, depth } = request;
  const only = `Only ${have} of the ${depth} commits asked for`;
  if (!(await git.remotes()).includes('origin')) {
    notes.push(`${only}: this clone's history of ${base.label} ends there (a shallow clone?) and there is no remote 'origin' to fetch the rest from.`);
    return false;
  }
  log.info(`Fetching ${depth} commits of ${base.label}'s history (this clone holds ${have}).`);
  try {
    await git.fetchCommit(base.sha, 'origin', depth);
    return true;
  } catch (error) {
    notes.push(`${only}: fetching ${base.label}'s history from origin failed (${describeError(error).split('\n')[0]}).`);
    return false;
  }
}

/**
 * One metrics file at one commit, parsed as the metrics diff parses it; never throws for the file's own problems.
 * `project` gives the commit's project where it may refuse a file over `path`.
 */
async function readMetricsAt(tree: Tree | CachedOutputsTree, path: string, project: CommitProject): Promise<FileAtCommit> {
  try {
    const bytes = await tree.read(path);
    if (!bytes) {
      const why = 'whyMissing' in tree ? tree.whyMissing(path) : undefined;
      return why ? { status: 'missing', why } : { status: 'missing' };
    }
    // As the comparison says at the base: what a project file that does not load there names is not known there.
    const loaded = await project(path);
    const unloaded = loaded && unloadedOver(loaded, path);
    if (unloaded) return { status: 'error', message: unloaded };
    // The metrics diff's scanner first (a base's history reads a thousand files at each commit); what it leaves to
    // the general reader goes there, for the same errors and warnings.
    const bom = extension(path) === '.json' ? jsonBomProblem(bytes) : null;
    if (bom) return { status: 'error', message: bom };
    let leaves = extension(path) === '.json' ? flattenJsonMetrics(bytes, new KeyTable())?.toMap() : undefined;
    if (!leaves) {
      let text: string;
      try {
        text = UTF8.decode(bytes);
      } catch {
        return { status: 'error', message: 'not UTF-8 text' };
      }
      leaves = flattenMetrics(parseValueFile(path, text, 'metrics').data);
    }
    const values = new Map<string, number>();
    for (const [key, leaf] of leaves) {
      const value = typeof leaf === 'boolean' ? undefined : numericValue(leaf);
      if (value !== undefined) values.set(key, value);
    }
    const lock = loaded ? lockCheck(loaded, path, bytes) : undefined;
    return { status: 'ok', values, run: blobId(bytes), ...(lock && { lock }) };
  } catch (error) {
    const message = describeError(error);
    return { status: 'error', message: message.startsWith(`${path}:`) ? message.slice(path.length + 1).trim() : message };
  }
}

/**
 * Where the file committed at a commit is not shown to be that commit's run's (no dvc.lock or `.dvc` hash says so)
 * and the history store's record of the commit holds other values for it, the record's values stand there: the
 * push run on that commit ran the project's `run:` (or repro) and recorded what it made, as a pull request's run makes
 * the head's values it is judged by. A CML-style project commits a metrics file made elsewhere (stale), and the
 * record is that commit's run. A committed file whose hash its dvc.lock records is its stage's run's and stays; so does
 * one the record agrees with (`agrees`). Said once a file, naming the commits. A store that cannot be read leaves
 * git's values. Returns, per file, the commits where the record stands in for it.
 */
async function recordsOverStale(
  chain: { sha: string }[],
  atCommits: Map<string, FileAtCommit>[],
  withFiles: ReadonlySet<string>,
  store: StoreReader,
  notes: string[],
): Promise<Map<string, Set<string>>> {
  const standsIn = new Map<string, Set<string>>();
  const unproven = chain.flatMap((c, i) =>
    withFiles.has(c.sha) && [...atCommits[i]!.values()].some((r) => r.status === 'ok' && r.lock !== 'matches') ? [c.sha] : [],
  );
  if (!unproven.length) return standsIn;
  const found = await store(unproven).catch(() => null);
  if (!found || found.unread) return standsIn;
  // Only a record that does not parse is news here; where the store is (absent, say), git's values simply stay.
  if (found.skipped?.size) for (const note of found.notes) if (!notes.includes(note)) notes.push(note);
  const replaced = new Map<string, { sha: string; lock?: LockCheck }[]>();
  chain.forEach((c, i) => {
    const record = found.records.get(c.sha);
    if (!record || !withFiles.has(c.sha)) return;
    for (const [file, stored] of byFileAndKey(record)) {
      const committed = atCommits[i]!.get(file);
      if (committed?.status !== 'ok' || committed.lock === 'matches' || agrees(committed.values, stored.values)) continue;
      atCommits[i]!.set(file, { status: 'ok', values: stored.values, run: stored.run });
      const at = replaced.get(file) ?? [];
      at.push({ sha: c.sha, ...(committed.lock && { lock: committed.lock }) });
      replaced.set(file, at);
      standsIn.set(file, (standsIn.get(file) ?? new Set()).add(c.sha));
    }
  });
  for (const [file, at] of replaced) {
    const differs = at.filter((a) => a.lock === 'differs').length;
    const why =
      differs === at.length
        ? 'its hash there is not the one its dvc.lock (or `.dvc` file) records: the committed file is not what the stage made'
        : differs
          ? `at ${differs} of them its hash is not the one its dvc.lock (or \`.dvc\` file) records, and at the others nothing records its hash: the committed file is not shown to be what the run made`
          : 'no dvc.lock or `.dvc` file records its hash there: nothing shows the committed file is what the run made';
    notes.push(
      `\`${file}\` is taken from the history store at ${count(at.length, 'commit')} of the ${chain.length} read (${named(at.map((a) => a.sha))}), where the push run's record of the commit differs from the file committed there and ${why}. A committed file whose hash its dvc.lock records stays.`,
    );
  }
  return standsIn;
}

/**
 * Whether a record agrees with the committed file: each number it holds is the file's. A key the record does not
 * hold is no disagreement (a record leaves out what is not a finite number); a key it holds that the file lacks, or
 * holds with another value, is one. Where they disagree the record stands for the whole
 * file: the file's other values are the same stale run's, not that commit's.
 */
function agrees(committed: Map<string, number>, stored: Map<string, number>): boolean {
  return [...stored].every(([key, value]) => committed.get(key) === value);
}

/**
 * The base's files the comparison parsed (`known`), into `files` as `readMetricsAt` gives a file it reads: not known
 * where a project file over it does not load there or is refused; with their `lockCheck` where a store's record could
 * stand in for them (`withLock`), their bytes read only where a hash is recorded. One promise for all of them.
 */
async function checkedAtBase(
  tree: Tree,
  paths: readonly string[],
  known: ReadonlyMap<string, FileAtCommit>,
  project: CommitProject,
  withLock: boolean,
  files: Map<string, FileAtCommit>,
): Promise<void> {
  for (const path of paths) {
    const got = known.get(path);
    if (!got) continue;
    try {
      const loaded = await project(path);
      const unloaded = loaded && unloadedOver(loaded, path);
      if (unloaded) {
        files.set(path, { status: 'error', message: unloaded });
        continue;
      }
      const recorded = withLock && loaded && got.status === 'ok' ? recordedHash(loaded, path) : undefined;
      const bytes = recorded ? await tree.read(path) : null;
      const lock = bytes && recorded ? lockOf(recorded, bytes) : undefined;
      files.set(path, lock && got.status === 'ok' ? { ...got, lock } : got);
    } catch (error) {
      files.set(path, { status: 'error', message: describeError(error) });
    }
  }
}

/** Whether `bytes`, the file at `path` in a commit, are what that commit's project records for it (`LockCheck`). */
function lockCheck(project: DvcProject, path: string, bytes: Buffer): LockCheck | undefined {
  const recorded = recordedHash(project, path);
  return recorded && lockOf(recorded, bytes);
}

function lockOf(recorded: RecordedHash, bytes: Buffer): LockCheck {
  return objectMd5(bytes, recorded.legacy) === recorded.md5 ? 'matches' : 'differs';
}

interface RecordedHash {
  md5: string;
  legacy: boolean;
}

/** Each project's recorded file hashes by path, made once: a base's history asks them of a thousand files. */
const recordedHashes = new WeakMap<DvcProject, Map<string, RecordedHash>>();

/**
 * The hash a project records for a file it outputs — a dvc.lock stage's out (`cache: false` ones too: DVC records
 * their hash all the same) or a `.dvc` file's — as DVC's status compares it with the file; a folder's is not a file's.
 */
function recordedHash(project: DvcProject, path: string): RecordedHash | undefined {
  let byPath = recordedHashes.get(project);
  if (!byPath) {
    byPath = new Map();
    const record = (file: string, out: { md5?: string | null; hashName?: string | null }): void => {
      // The first a path's record names, as the search through them found it.
      if (out.md5 && !isDirOid(out.md5) && !byPath!.has(file)) byPath!.set(file, { md5: out.md5, legacy: out.hashName !== 'md5' });
    };
    for (const [dir, lock] of project.locks) {
      const dvcYaml = project.dvcYamls.find((d) => d.dir === dir);
      const wdirs = new Map(dvcYaml?.stages.map((s) => [s.name, s.wdir]));
      for (const [name, stage] of lock.stages) {
        const base = joinPath(dir, wdirs.get(name) ?? '.');
        for (const out of stage.outs) record(joinPath(base, out.path), out);
      }
    }
    for (const file of project.dvcFiles) for (const out of file.outs) record(out.path, out);
    recordedHashes.set(project, byPath);
  }
  return byPath.get(path);
}

/** The commit's project where one may refuse a file over `path` (null where none can), loaded once a commit. */
type CommitProject = (path: string) => Promise<DvcProject | null>;

/**
 * A commit's project as the one loader loads it (the run's, where the tree shares the run's projects), so a file
 * the loader refuses there — a dvc.yaml or `.dvc` file that does not load, or a `.dvc` file DVC's index refuses — is
 * refused here too. In a DVC repository it is loaded at each commit read; elsewhere only at a commit with a dvc.yaml
 * over the file or a `.dvc` file along its path, so a history without DVC lists no commit's files.
 */
function commitProject(tree: Tree | CachedOutputsTree, dvcRepository: boolean): CommitProject {
  let project: Promise<DvcProject> | undefined;
  const load = (): Promise<DvcProject> => (project ??= 'project' in tree ? tree.project() : loadProject(tree));
  const present = new Map<string, Promise<boolean>>();
  const has = (file: string): Promise<boolean> => {
    let found = present.get(file);
    if (!found) present.set(file, (found = tree.read(file).then((bytes) => bytes !== null)));
    return found;
  };
  return async (path) => {
    if (dvcRepository) return load();
    const candidates = [...foldersOver(path).map((dir) => joinPath(dir, 'dvc.yaml')), ...prefixes(path).map((prefix) => `${prefix}.dvc`)];
    for (const file of candidates) if (await has(file)) return load();
    return null;
  };
}

/**
 * Why `path`'s values are not known in a commit's project, or null: a dvc.yaml over it (at the root or in a folder
 * above it) does not load there, or a `.dvc` file that tracks it or a folder above it does not load or is refused by
 * DVC's index there (the loader's errors: ../dvc/project.ts) — DVC has no values at such a revision.
 */
function unloadedOver(project: DvcProject, path: string): string | null {
  const over = new Set(foldersOver(path));
  const named = new Set(prefixes(path).map((prefix) => `${prefix}.dvc`));
  for (const { file, error, tracks } of project.errors) {
    const folder = file === 'dvc.yaml' ? '' : file.slice(0, -'/dvc.yaml'.length);
    // A refused `.dvc` file names what it tracks; one that does not parse is known by its name (`dvc add`'s).
    const tracking = file.endsWith('.dvc') && (tracks ? tracks.some((out) => path === out || path.startsWith(`${out}/`)) : named.has(file));
    if ((isDvcYaml(file) && over.has(folder)) || tracking) return `${file} does not load there: ${error}`;
  }
  return null;
}

/** The folders over a project path, the root (`''`) first. */
function foldersOver(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(0, i).join('/'));
}

/** A path and the folders above it, shortest first, as the `.dvc` files `dvc add` would name for them lack `.dvc`. */
function prefixes(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

function finite(leaf: Leaf | undefined): number | null {
  const value = typeof leaf === 'boolean' ? undefined : numericValue(leaf);
  return value !== undefined && Number.isFinite(value) ? value : null;
}

function named(commits: string[]): string {
  const shown = commits.slice(0, NAMED).map(shortSha).join(', ');
  return commits.length > NAMED ? `${shown}, and ${commits.length - NAMED} more` : shown;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
