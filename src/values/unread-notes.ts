import type { FileDiff } from './types';

// A values file's note when a side could not be read, rather than did not have it: written by the comparison, read
// by the report (the verdict, the causes), so both go through here and keep one wording.

/** A side whose project file that would name or track the file does not load there: `why` says which. */
export function notKnownNote(revision: string, why: string): string {
  return `not known at ${revision}: ${why}`;
}

/** A DVC output whose object no cache or reachable remote gave at `revision` (a commit, else the workspace). */
export function cachedUnreadableNote(revision: string, isCommit: boolean, why: string): string {
  return `${isCommit ? `not in git at ${revision}` : `not present at ${revision}`} (DVC-cached) and cannot be read: ${why}`;
}

/** A values file there at `revision` that could not be read or parsed; `message` names the file (`m.json: …`). */
export function unparsedNote(revision: string, message: string): string {
  return `${revision}: ${message}`;
}

/**
 * The note saying a file's base side could not be read — its dvc.yaml or `.dvc` file does not load there, or it is a
 * DVC output whose object no reachable remote holds — rather than that the file was not there (its metrics missing at
 * the base are then not known there, not new): `not known at main: dvc.yaml does not load there`; undefined without one.
 */
export function unreadAtBaseNote(file: FileDiff, baseLabel: string): string | undefined {
  const notKnown = notKnownNote(baseLabel, '');
  const unreadable = cachedUnreadableNote(baseLabel, true, '');
  return file.notes.find((n) => n.startsWith(notKnown) || n.startsWith(unreadable));
}

/**
 * The note saying a file's head side could not be read — a DVC output whose object no cache or reachable remote
 * holds, a project file over it that does not load there, or it does not parse — rather than that the file was not
 * there; null when it was read or is absent. Its metrics missing at the head are not known there, not removed.
 */
export function unreadAtHead(file: FileDiff, headLabel: string): string | null {
  const prefixes = [
    notKnownNote(headLabel, ''),
    cachedUnreadableNote(headLabel, false, ''),
    cachedUnreadableNote(headLabel, true, ''),
    unparsedNote(headLabel, `${file.path}:`),
  ];
  return file.notes.find((n) => prefixes.some((p) => n.startsWith(p))) ?? null;
}
