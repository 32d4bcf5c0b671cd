import type { GitHubEvent } from '../config/event';
import type { BaseCandidate } from '../config/types';
import { UserError } from '../util/errors';
import type { Logger } from '../util/log';
import { GitRepo, isUsableRev, shortSha } from './repo';

export interface Revision {
  sha: string;
  /** What people see in tables and legends: a branch name, or a short SHA. */
  label: string;
  /**
   * Why this base stands in for the fork point the run asked for (not found: a shallow clone cut off within the
   * bound, a fetch that failed, no shared history): the report says it, or its changes would be credited to the
   * wrong commits.
   */
  instead?: string;
}

const ZERO_SHA = /^0+$/;

/**
 * Where the base is, for each event: a PR's base SHA; a push's `before` (for a new branch, the merge-base with the
 * default branch); otherwise the previous commit. A push whose `before` is gone (a force push) falls back the same
 * way: the merge-base with the default branch (not when the push is to it), then the previous commit.
 */
export function baseFromEvent(eventName: string, event: GitHubEvent): BaseCandidate[] {
  const defaultBranch = event.defaultBranch;
  const previous: BaseCandidate = { kind: 'rev', rev: 'HEAD~1', label: 'HEAD~1' };
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const sha = event.pullRequest?.baseSha;
    if (sha) return [{ kind: 'commit', sha, label: event.pullRequest?.baseRef || shortSha(sha) }];
  }
  if (eventName === 'push' && event.before) {
    const forkPoint: BaseCandidate[] =
      defaultBranch && pushedBranch(eventName, event) !== defaultBranch
        ? [
            {
              kind: 'merge-base',
              ref: `refs/remotes/origin/${defaultBranch}`,
              fetchBranch: defaultBranch,
              label: defaultBranch,
              wholeHistoryAdvice: 'actions/checkout with `fetch-depth: 0`',
            },
          ]
        : [];
    if (ZERO_SHA.test(event.before)) return [...forkPoint, previous];
    return [{ kind: 'commit', sha: event.before, label: shortSha(event.before), pushed: { forced: event.forced } }, ...forkPoint, previous];
  }
  return [previous];
}

/** The head's label: the PR's branch, or the pushed branch, or the short SHA. */
export function headLabelFromEvent(eventName: string, event: GitHubEvent, sha: string): string {
  return event.pullRequest?.headRef || pushedBranch(eventName, event) || shortSha(sha);
}

/** The branch a push event is about; null for a tag, or another event. */
export function pushedBranch(eventName: string, event: GitHubEvent): string | null {
  return eventName === 'push' && event.ref?.startsWith('refs/heads/') ? event.ref.slice('refs/heads/'.length) : null;
}

/**
 * The base the user named (`origin`: `Input 'base'`, `--base`), checked before git is asked about it. `fetchAdvice`: how
 * to fetch a revision the clone lacks before mlreport runs, as the interface in use does it.
 */
export function explicitBase(rev: string, origin: string, fetchAdvice: string): BaseCandidate {
  if (!isUsableRev(rev)) {
    throw new UserError(`${origin} is ${JSON.stringify(rev)}: expected a branch, tag or commit (one that does not start with '-', on one line).`);
  }
  return { kind: 'explicit', rev, origin, label: rev, fetchAdvice };
}

/**
 * Finds the base commit, fetching what a shallow clone lacks; null (with a warning) when there is none.
 * A base the user named explicitly that does not resolve is a UserError naming what was tried. `misses` gets why a
 * candidate could not be had (a fetch that failed, with git's words): with no base found, a non-empty `misses` means
 * the base is not known rather than absent (the first commit, a new branch with nothing to fork from), which a rule
 * comparing with `base` must not take for "no base". With a base found, `misses` keeps why the candidates before it
 * could not be had (a push's `before` that could not be fetched): the base is then a fallback, which the report names;
 * a fork point not found is said by the base's `instead`. `unreadRemedy`: what would let a run fetch a base it could
 * not, for the warning, in the words of the interface in use.
 */
export async function resolveBase(
  git: GitRepo,
  candidates: BaseCandidate[],
  log: Logger,
  misses: string[] = [],
  unreadRemedy?: string,
): Promise<Revision | null> {
  /** Why the fork point asked for was not found, when it was asked for and a later candidate stands in. */
  let forkPointMissed: { label: string; why: string; advice: string | null; misses: number } | null = null;
  for (const candidate of candidates) {
    const before = misses.length;
    if (candidate.kind === 'merge-base') {
      const fork = await forkPoint(git, candidate, log, misses);
      if ('sha' in fork) {
        misses.length = before;
        return fork;
      }
      forkPointMissed ??= fork.why === null ? null : { label: candidate.label, why: fork.why, advice: fork.advice, misses: before };
      continue;
    }
    const found = await resolveCandidate(git, candidate, log, misses);
    if (!found) continue;
    // What the candidate found met on its way (a branch that could not be fetched, read as the clone has it) is no
    // reason it is a fallback; nor is the fork point's miss, which `instead` says.
    misses.length = forkPointMissed?.misses ?? before;
    if (!forkPointMissed) return found;
    const { label, why, advice } = forkPointMissed;
    const instead =
      `The base is ${found.label} (${shortSha(found.sha)}), not the point where this branch left ${label}: ${why}. ` +
      `The changes shown are those since ${found.label}, not the whole branch's${advice ? `; to compare with the fork point, fetch the whole history (${advice})` : ''}.`;
    log.warning(instead);
    return { ...found, instead };
  }
  if (misses.length) {
    // It exists: not known, which is no "no base", as the gate and the report say.
    log.warning(
      `The base revision could not be read (${misses.join('; ')}): it exists, so this is no missing base, but its values are not known here: the report shows the head's values alone, and a rule that needs the base is not checked.${unreadRemedy ? ` ${unreadRemedy}` : ''}`,
    );
  } else if (candidates.length) {
    log.warning(`No base revision found (tried ${candidates.map(describe).join(', ')}); the report shows the head's values alone.`);
  }
  return null;
}

/** How deep each side's history is read, round by round, to find a fork point a shallow clone cuts off: the bound. */
const FORK_POINT_DEPTHS = [200, 1000];

/**
 * The merge-base of HEAD with a branch, or why there is none: `why` null when the branch is not there to ask (a clone
 * without `origin/HEAD`), which the candidates after it are for. With `fetchBranch` (a push's new branch, from
 * actions/checkout's depth-1 clone) both sides are deepened until their histories meet, within FORK_POINT_DEPTHS: the
 * branch's fetch alone leaves HEAD a shallow root, and git finds no merge-base between histories that do not meet.
 */
async function forkPoint(
  git: GitRepo,
  candidate: Extract<BaseCandidate, { kind: 'merge-base' }>,
  log: Logger,
  misses: string[],
): Promise<Revision | { why: string | null; advice: string | null }> {
  const { fetchBranch: branch, label } = candidate;
  const advice = candidate.wholeHistoryAdvice ?? null;
  const found = async (): Promise<Revision | null> => {
    const sha = await git.mergeBase('HEAD', candidate.ref);
    return sha ? { sha, label } : null;
  };
  if (!branch) {
    if (!(await git.resolveCommit(candidate.ref))) return { why: null, advice };
    const sha = await found();
    if (sha) return sha;
    return (await git.isShallow())
      ? { why: `this clone is shallow, and its history does not reach where HEAD and ${label} meet`, advice }
      : { why: `HEAD shares no history with ${label}`, advice: null };
  }
  for (const [round, depth] of FORK_POINT_DEPTHS.entries()) {
    log.info(
      round === 0
        ? `Fetching ${branch} to find where this branch started.`
        : `Where this branch left ${branch} is not in the last ${FORK_POINT_DEPTHS[round - 1]} commits of each; fetching ${depth} of each.`,
    );
    const fetchFailed = await git.fetchBranch(branch, depth).then(
      () => null,
      (error: unknown) => firstLine(error),
    );
    if (fetchFailed) log.info(`Fetch failed: ${fetchFailed}`);
    // A clone that has the branch already (a full checkout) may find the fork point without the fetch.
    const afterBranch = await found();
    if (afterBranch) return afterBranch;
    if (fetchFailed) {
      const why = `${branch} could not be fetched to find where this branch started: ${fetchFailed}`;
      misses.push(why);
      return { why, advice: null };
    }
    // The checkout's own history stops at its shallow boundary (depth 1: HEAD alone): it is deepened as far.
    if (!(await git.isShallow())) return { why: `HEAD shares no history with ${branch}`, advice: null };
    const head = await git.resolveCommit('HEAD');
    try {
      // Only to deepen: a fetch at a depth the clone already holds would cut HEAD's history there.
      if (head && (await git.historyLength(head, depth)) < depth) await git.fetchCommit(head, 'origin', depth);
    } catch (error) {
      const why = `this clone is shallow, and HEAD's history could not be fetched deeper to meet ${branch}'s: ${firstLine(error)}`;
      misses.push(why);
      return { why, advice };
    }
    const afterHead = await found();
    if (afterHead) return afterHead;
  }
  if (!(await git.isShallow())) return { why: `HEAD shares no history with ${branch}`, advice: null };
  const why = `it is not in the last ${FORK_POINT_DEPTHS.at(-1)} commits of either (this clone is shallow, and mlreport reads no deeper)`;
  misses.push(why);
  return { why, advice };
}

async function resolveCandidate(
  git: GitRepo,
  candidate: Exclude<BaseCandidate, { kind: 'merge-base' }>,
  log: Logger,
  misses: string[],
): Promise<Revision | null> {
  switch (candidate.kind) {
    case 'commit':
      return resolveCommitCandidate(git, candidate, log, misses);
    case 'rev': {
      const sha = (await git.resolveCommit(candidate.rev)) ?? (await fetchAncestor(git, candidate.rev, log, misses));
      return sha ? { sha, label: candidate.label } : null;
    }
    case 'explicit':
      return resolveExplicit(git, candidate, log);
  }
}

/**
 * An exact commit, fetched when a shallow clone lacks it. A push's `before` that a force push replaced is not the
 * base (the branch's history no longer holds it); nor is one a full clone lacks, which only a force push explains.
 * Either way the next candidate is tried.
 */
async function resolveCommitCandidate(
  git: GitRepo,
  candidate: Extract<BaseCandidate, { kind: 'commit' }>,
  log: Logger,
  misses: string[],
): Promise<Revision | null> {
  const short = shortSha(candidate.sha);
  // As a reader knows it: a push's `before` is the branch's previous head, not a base the event named.
  const what = candidate.pushed ? `${short}, the branch's head before this push,` : `base commit ${short}`;
  if (candidate.pushed?.forced) {
    log.info(`The push was forced: ${short}, the branch's head before it, is not in the branch's history now, so it is not the base.`);
    return null;
  }
  let sha = await git.resolveCommit(candidate.sha);
  if (sha) return { sha, label: candidate.label };
  const shallow = await git.isShallow();
  if (!shallow && candidate.pushed) {
    log.info(`${short}, the branch's head before this push, is not in this full clone: the push rewrote the branch (a force push), so it is not the base.`);
    return null;
  }
  log.info(`Base commit ${short} is not in this clone${shallow ? ' (shallow checkout)' : ''}; fetching that one commit (depth 1).`);
  try {
    await git.fetchCommit(candidate.sha);
    sha = await git.resolveCommit(candidate.sha);
  } catch (error) {
    log.warning(`Could not fetch base commit ${short}: ${firstLine(error)}`);
    misses.push(`${what} could not be fetched: ${firstLine(error)}`);
    return null;
  }
  if (!sha) misses.push(`${what} is not in this clone, and fetching it did not bring it`);
  return sha ? { sha, label: candidate.label } : null;
}

/**
 * `HEAD~2`, `main^`, `origin/main~1^`: the revision a git ancestry suffix starts from, and how many generations back
 * it goes (`^2`, a merge's second parent, is one generation too; `^0` none). Null for a revision with no such suffix.
 */
export function ancestryOf(rev: string): { name: string; suffix: string; generations: number } | null {
  const m = /^(.+?)((?:~\d*|\^\d?)+)$/.exec(rev);
  if (!m) return null;
  const generations = [...m[2]!.matchAll(/~(\d*)|\^(\d?)/g)].reduce((n, x) => n + (x[0].startsWith('~') ? Number(x[1] || 1) : x[2] === '0' ? 0 : 1), 0);
  return { name: m[1]!, suffix: m[2]!, generations };
}

/** More generations than this are no shallow clone's few missing commits: the whole history is the way. */
const MAX_GENERATIONS = 999;

/**
 * `HEAD~n`, `main~n` in a shallow clone that stops above it (actions/checkout's depth 1 has no HEAD~1): the commit the
 * revision starts from, which the clone has, is fetched again with n commits of its history. Without it a force push,
 * a schedule or a manual run had no base.
 */
async function fetchAncestor(git: GitRepo, rev: string, log: Logger, misses: string[] = []): Promise<string | null> {
  const back = ancestryOf(rev);
  if (!back || back.generations < 1 || back.generations > MAX_GENERATIONS || !(await git.isShallow())) return null;
  const from = await resolveRevision(git, back.name);
  if (!from) return null;
  const { generations } = back;
  log.info(
    `${rev} is not in this clone (shallow checkout); fetching ${shortSha(from)} with ${generations === 1 ? 'its parent' : `${generations} generations of its history`}.`,
  );
  try {
    await git.fetchCommit(from, 'origin', generations + 1);
  } catch (error) {
    log.warning(`Could not fetch ${rev}: ${firstLine(error)}`);
    misses.push(`${rev} could not be fetched: ${firstLine(error)}`);
    return null;
  }
  // From the commit, not the name: a branch only on a remote (`main` as `origin/main`) is no name git reads.
  return git.resolveCommitAfterFetch(`${from}${back.suffix}`);
}

/** The base the user named: as git reads it, else the branch of that name fetched from origin; else an error. */
async function resolveExplicit(git: GitRepo, candidate: Extract<BaseCandidate, { kind: 'explicit' }>, log: Logger): Promise<Revision> {
  const { rev, origin } = candidate;
  // `HEAD~1` (or `main~1` of a branch the clone has) in a shallow clone is fetched as the default base is, not looked
  // for as a branch.
  const local = (await resolveRevision(git, rev)) ?? (await fetchAncestor(git, rev, log));
  if (local) return { sha: local, label: candidate.label };
  const tried = [`\`${rev}\``];
  const back = ancestryOf(rev);
  if (!(await git.remotes()).includes('origin')) {
    tried.push("no remote 'origin' to fetch it from");
  } else if (!back || (back.generations <= MAX_GENERATIONS && !(await resolveRevision(git, back.name)))) {
    // actions/checkout clones one commit deep: a branch named as the base (`main` or `origin/main`, or `main~2`, two
    // commits before its tip) is only on the remote; it is fetched deep enough to hold that commit.
    const branch = (back?.name ?? rev).replace(/^origin\//, '');
    const depth = Math.max(200, (back?.generations ?? 0) + 1);
    log.info(`${origin}: '${rev}' is not in this clone; fetching the branch '${branch}' from origin.`);
    try {
      await git.fetchBranch(branch, depth);
      const fetched = await git.resolveCommitAfterFetch(`refs/remotes/origin/${branch}${back?.suffix ?? ''}`);
      if (fetched) return { sha: fetched, label: candidate.label };
      tried.push(`fetching the branch '${branch}' from origin`);
    } catch (error) {
      tried.push(`fetching the branch '${branch}' from origin (${firstLine(error)})`);
    }
  }
  throw new UserError(
    `${origin}: '${rev}' is not a commit in this repository (tried ${tried.join('; ')}). Name a branch, tag or commit that exists, or fetch it before mlreport runs (${candidate.fetchAdvice}).`,
  );
}

/**
 * The commit a revision a command was given names, or an error that says why git does not know it: in a shallow clone
 * (`git clone --depth 1`, a CI checkout) the history stops before most revisions, and the error says how to fetch it.
 */
export async function requireCommit(git: GitRepo, rev: string): Promise<string> {
  const sha = await resolveRevision(git, rev);
  if (sha) return sha;
  throw new UserError(`unknown revision '${rev}' (${await unknownWhy(git, rev)})`);
}

/**
 * The commit a revision the user named is, as DVC resolves it (scmrepo's `resolve_rev`): what git reads it as, else the
 * one remote branch of that name — `main` in a clone of another branch, where git knows only `origin/main` — with
 * its `~N`/`^` suffix taken from there. Every command and the base resolve names here. Null when neither knows it;
 * remotes whose branches of that name are different commits are an error, as in DVC ("ambiguous Git revision").
 */
async function resolveRevision(git: GitRepo, rev: string): Promise<string | null> {
  const sha = await git.resolveCommit(rev);
  if (sha) return sha;
  const back = ancestryOf(rev);
  const name = back?.name ?? rev;
  /** Commit → the remote branch it was found as. */
  const found = new Map<string, string>();
  for (const remote of await git.remotes()) {
    const at = await git.resolveCommit(`refs/remotes/${remote}/${name}${back?.suffix ?? ''}`);
    if (at && !found.has(at)) found.set(at, `${remote}/${name}`);
  }
  if (found.size > 1) {
    throw new UserError(`ambiguous revision '${rev}': ${[...found.values()].join(' and ')} are different commits; name the one to use`);
  }
  return [...found.keys()][0] ?? null;
}

/** Why `rev` is not a commit here, with the command that fetches it. */
async function unknownWhy(git: GitRepo, rev: string): Promise<string> {
  if (await git.isShallow().catch(() => false)) {
    return `this clone is shallow, so its history stops before it: fetch it with ${await shallowFetchHint(git, rev)}`;
  }
  const branch = (ancestryOf(rev)?.name ?? rev).replace(/^origin\//, '');
  if (branch === 'HEAD' || !(await git.remotes()).includes('origin') || !(await git.isBranchName(branch))) return 'not a commit git knows here';
  return `not a commit git knows here, nor a branch of a remote this clone has fetched: if '${branch}' is a branch on origin, 'git fetch origin ${branch}' brings it`;
}

/**
 * The git command that brings `rev` into a shallow clone. `HEAD~3`, `main^^` of a commit the clone has: that many
 * commits before it, which deepening the clone by as many brings. A branch it lacks (`main`, `origin/main~1`): that
 * branch, as deep as the revision goes, into the ref the revision is read from.
 */
async function shallowFetchHint(git: GitRepo, rev: string): Promise<string> {
  const back = ancestryOf(rev);
  const name = back?.name ?? rev;
  const generations = back?.generations ?? 0;
  if (back && generations > 0 && (await resolveRevision(git, name).catch(() => null))) return `'git fetch --deepen=${generations}'`;
  const whole = "'git fetch --unshallow' for the whole history";
  const branch = name.replace(/^origin\//, '');
  if (branch === 'HEAD' || !(await git.isBranchName(branch))) return whole;
  const refspec = name.startsWith('origin/') ? `+refs/heads/${branch}:refs/remotes/origin/${branch}` : `${branch}:${branch}`;
  return `'git fetch --depth=${generations + 1} origin ${refspec}' if '${branch}' is a branch on origin, or ${whole}`;
}

function describe(candidate: BaseCandidate): string {
  return candidate.kind === 'commit' ? shortSha(candidate.sha) : candidate.kind === 'merge-base' ? `merge-base with ${candidate.ref}` : candidate.rev;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
