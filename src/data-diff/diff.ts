import { compareCodePoints } from '../dvc/data/manifest';
import type { DataDiff, DataEntry, DataIndex } from './types';

/**
 * `dvc diff` of two revisions' data (dvc `repo/diff.py::_diff` over dvc-data `index/diff.py`): a path in one
 * side only is added or deleted, a path whose md5 (or file/directory kind) differs is modified, and an added path
 * whose md5 equals a deleted one's is a rename — matched in path order, as `_detect_renames` pairs them, so only
 * content that is otherwise unchanged counts as renamed. The files of a directory that one side cannot list are
 * not compared (DVC's "unknown" entries); the directory is listed under "not in cache" with the reason, as is an
 * output of a `.dvc` file that the other side cannot load. Pure.
 */
export function diffData(old: DataIndex, head: DataIndex): DataDiff {
  const out: DataDiff = { added: [], deleted: [], modified: [], renamed: [], notInCache: [] };
  const unknown = new Map<string, string[]>();
  const note = (path: string, why: string): void => void unknown.set(path, [...(unknown.get(path) ?? []), why]);
  for (const index of [old, head]) for (const [dir, why] of index.unknown) note(dir, why);
  // An output of a `.dvc` file that does not load at the other side: what it held there is not known, so it is
  // neither added nor deleted (nor are its files).
  const unloaded = new Set<string>();
  for (const [index, other] of [
    [old, head],
    [head, old],
  ] as const) {
    for (const [path, entry] of index.entries) {
      const why = entry.dvcfile === undefined ? undefined : other.unloaded.get(entry.dvcfile);
      if (why === undefined || other.entries.has(path)) continue;
      unloaded.add(path);
      note(path, why);
    }
  }
  const hidden = (path: string): boolean => unloaded.has(path) || [...unknown.keys()].some((dir) => path.startsWith(`${dir}/`));
  const added: [string, DataEntry][] = [];
  const deleted: [string, DataEntry][] = [];
  for (const path of new Set([...old.entries.keys(), ...head.entries.keys()])) {
    if (hidden(path)) continue;
    const a = old.entries.get(path);
    const b = head.entries.get(path);
    if (a && b) {
      if (a.md5 !== b.md5 || a.isdir !== b.isdir) {
        out.modified.push({ path: shown(path, a.isdir || b.isdir), old: { md5: a.md5, size: a.size }, new: { md5: b.md5, size: b.size } });
      }
    } else if (b) added.push([path, b]);
    else if (a) deleted.push([path, a]);
  }
  const byKey = (x: [string, DataEntry], y: [string, DataEntry]) => compareKeys(x[0], y[0]);
  added.sort(byKey);
  deleted.sort(byKey);
  const gone = new Map<string, [string, DataEntry][]>();
  for (const d of deleted) if (d[1].md5) gone.set(d[1].md5, [...(gone.get(d[1].md5) ?? []), d]);
  const renamedFrom = new Set<string>();
  for (const [path, entry] of added) {
    const match = entry.md5 ? gone.get(entry.md5)?.shift() : undefined;
    if (match) {
      renamedFrom.add(match[0]);
      out.renamed.push({ path: { old: shown(match[0], match[1].isdir), new: shown(path, entry.isdir) }, md5: entry.md5, size: entry.size ?? match[1].size });
    } else out.added.push({ path: shown(path, entry.isdir), md5: entry.md5, size: entry.size });
  }
  for (const [path, entry] of deleted) if (!renamedFrom.has(path)) out.deleted.push({ path: shown(path, entry.isdir), md5: entry.md5, size: entry.size });
  for (const [dir, why] of unknown) {
    out.notInCache.push({ path: shown(dir, !!(old.entries.get(dir)?.isdir || head.entries.get(dir)?.isdir)), reason: why.join('; ') });
  }

  const byPath = (x: { path: string }, y: { path: string }) => compareCodePoints(x.path, y.path);
  out.added.sort(byPath);
  out.deleted.sort(byPath);
  out.modified.sort(byPath);
  out.notInCache.sort(byPath);
  out.renamed.sort((x, y) => compareCodePoints(x.path.old, y.path.old));
  return out;
}

/** Whether anything changed (DVC prints `{}` and nothing else when not). */
export function isEmptyDiff(diff: DataDiff): boolean {
  return !diff.added.length && !diff.deleted.length && !diff.modified.length && !diff.renamed.length && !diff.notInCache.length;
}

/** DVC's `_path`: a directory's path ends with the separator. */
function shown(path: string, isdir: boolean): string {
  return isdir ? `${path}/` : path;
}

/** DVC sorts index keys as tuples of path parts: `a/b` before `a.txt`, unlike a plain string sort. */
function compareKeys(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = compareCodePoints(x[i]!, y[i]!);
    if (c) return c;
  }
  return x.length - y.length;
}

/**
 * The part of an index `--targets` names: a target keeps the paths at or under it, and the directory output that
 * holds it (DVC's `targets_view`). Pure.
 */
export function selectTargets(index: DataIndex, targets: string[]): DataIndex {
  const wanted = (path: string) => targets.some((t) => path === t || path.startsWith(`${t}/`) || t.startsWith(`${path}/`));
  return {
    entries: new Map([...index.entries].filter(([path]) => wanted(path))),
    unknown: new Map([...index.unknown].filter(([path]) => wanted(path))),
    unloaded: index.unloaded,
    notes: index.notes,
  };
}
