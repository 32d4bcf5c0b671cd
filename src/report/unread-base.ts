import type { FileDiff } from '../values/types';

/**
 * Whether a file's notes say its base side could not be read — its dvc.yaml or `.dvc` file does not load there, or it
 * is a DVC output whose object no reachable remote holds — rather than that the file was not there: its metrics
 * missing at the base are then not known there, not new.
 */
export function unreadAtBase(file: FileDiff, baseLabel: string): boolean {
  return file.notes.some((n) => n.startsWith(`not known at ${baseLabel}:`) || n.startsWith(`not in git at ${baseLabel} (DVC-cached) and cannot be read`));
}
