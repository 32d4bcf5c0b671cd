import { pyJsonString } from '../util/python-text';
import { githubTable } from '../values/dvc-output';
import { isEmptyDiff } from './diff';
import type { DataDiff } from './types';

/** How `dvc diff` prints (dvc/commands/diff.py): `--show-hash`, and `--hide-missing` (also implied by a B_REV). */
export interface DiffOutputOptions {
  showHash: boolean;
  hideMissing: boolean;
}

type State = 'added' | 'deleted' | 'renamed' | 'modified' | 'not in cache';
interface Row {
  path: string;
  hash: string | null | { old: string | null; new: string | null };
}

/** DVC's states in its print order, each entry as `repo/diff.py::_diff` builds it. */
function states(diff: DataDiff, hideMissing: boolean): [State, Row[]][] {
  const out: [State, Row[]][] = [
    ['added', diff.added.map((e) => ({ path: e.path, hash: e.md5 }))],
    ['deleted', diff.deleted.map((e) => ({ path: e.path, hash: e.md5 }))],
    ['renamed', diff.renamed.map((e) => ({ path: `${e.path.old} -> ${e.path.new}`, hash: e.md5 }))],
    ['modified', diff.modified.map((e) => ({ path: e.path, hash: { old: e.old.md5, new: e.new.md5 } }))],
  ];
  if (!hideMissing) out.push(['not in cache', diff.notInCache.map((e) => ({ path: e.path, hash: null }))]);
  return out;
}

/**
 * `dvc diff --json`: `{"added": [{"path": …}], "deleted": […], "modified": […], "renamed": [{"path": {"old": …,
 * "new": …}}], "not in cache": […]}` in that key order, written as Python's `json.dumps` writes it (one line,
 * non-ASCII escaped); `"hash"` after `"path"` with `--show-hash`; `{}` when nothing differs; no `"not in cache"`
 * key when missing entries are hidden.
 */
export function dataDiffJson(diff: DataDiff, options: DiffOutputOptions): string {
  if (isEmptyDiff(diff)) return '{}';
  const str = (s: string | null): string => (s === null ? 'null' : pyJsonString(s));
  const obj = (o: { old: string | null; new: string | null }): string => `{"old": ${str(o.old)}, "new": ${str(o.new)}}`;
  const entry = (path: string | { old: string; new: string }, hash: Row['hash']): string => {
    const fields = [`"path": ${typeof path === 'string' ? str(path) : obj(path)}`];
    if (options.showHash) fields.push(`"hash": ${hash !== null && typeof hash === 'object' ? obj(hash) : str(hash)}`);
    return `{${fields.join(', ')}}`;
  };
  const lists: [string, string[]][] = [
    ['added', diff.added.map((e) => entry(e.path, e.md5))],
    ['deleted', diff.deleted.map((e) => entry(e.path, e.md5))],
    ['modified', diff.modified.map((e) => entry(e.path, { old: e.old.md5, new: e.new.md5 }))],
    ['renamed', diff.renamed.map((e) => entry(e.path, e.md5))],
  ];
  if (!options.hideMissing) lists.push(['not in cache', diff.notInCache.map((e) => entry(e.path, null))]);
  return `{${lists.map(([k, v]) => `"${k}": [${v.join(', ')}]`).join(', ')}}`;
}

/**
 * `dvc diff`'s plain output (`CmdDiff._show_diff`): per state a capitalised header and its paths indented by four
 * spaces (`old8..new8  path` with `--show-hash`), a blank line after each group, then `files summary:` counting
 * files only (not directories). Nothing at all when nothing differs.
 */
export function dataDiffPlain(diff: DataDiff, options: DiffOutputOptions): string {
  const lines: string[] = [];
  const summary: string[] = [];
  for (const [state, rows] of states(diff, options.hideMissing)) {
    if (!rows.length) continue;
    lines.push(`${state.charAt(0).toUpperCase()}${state.slice(1)}:`);
    for (const row of rows) lines.push(`    ${options.showHash && row.hash ? `${digest(row.hash)}  ` : ''}${row.path}`);
    lines.push('');
    const files = rows.filter((r) => !r.path.endsWith('/')).length;
    if (files) summary.push(`${files} ${state}`);
  }
  if (summary.length) lines.push(`files summary: ${summary.join(', ')}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** `dvc diff --md`: a GitHub table of Status (Hash) Path, headers alone when nothing differs; cells through `escape`. */
export function dataDiffMarkdown(diff: DataDiff, options: DiffOutputOptions, escape: (text: string) => string): string {
  const headers = options.showHash ? ['Status', 'Hash', 'Path'] : ['Status', 'Path'];
  const rows: string[][] = [];
  for (const [state, entries] of states(diff, options.hideMissing)) {
    for (const row of entries) rows.push(options.showHash ? [state, row.hash ? digest(row.hash) : '', row.path] : [state, row.path]);
  }
  return githubTable(headers, rows, escape);
}

/** DVC's `_digest`: the first 8 hex digits, `old8..new8` for a modification. */
function digest(hash: NonNullable<Row['hash']>): string {
  return typeof hash === 'string' ? hash.slice(0, 8) : `${(hash.old ?? '').slice(0, 8)}..${(hash.new ?? '').slice(0, 8)}`;
}
