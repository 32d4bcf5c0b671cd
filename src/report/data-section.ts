import type { DataSection, DataVersion, TableShape } from '../data-diff/types';
import { code, escapeCell } from './escape';

/** Changed paths shown open; a longer list is folded into a `<details>` block. */
const OPEN_ROWS = 15;
/** Rows drawn at most: a folder of 100,000 new files is one line of counts and the first of them, not a 10 MB comment. */
const MAX_ROWS = 200;
/** What a `?` size means, for a reader who has not read docs/data-diff.md. */
const UNKNOWN_SIZE =
  "`?`: a file inside a directory output whose object is not in this run's DVC cache (DVC's `.dir` listings record no sizes, and the data is not downloaded to measure it).";

/**
 * The "Data changes" section: `dvc diff` base → head as a table (change, path, size at each side), the rows and
 * columns of changed CSV/TSV files, and the directories whose files could not be compared with why. Pure.
 */
export function dataChangesSection(data: DataSection): string {
  const lines: string[] = [];
  const rows: string[] = [];
  // Whether a drawn row has a size the table cannot give: said once under it.
  let unknownSize = false;
  const row = (change: string, path: string, base: DataVersion | null, head: DataVersion | null) => {
    if (rows.length < MAX_ROWS && (base?.size === null || head?.size === null)) unknownSize = true;
    rows.push(`| ${change} | ${path} | ${size(base)} | ${size(head)} |`);
  };
  for (const e of data.added) row('added', code(e.path), null, e);
  for (const e of data.deleted) row('deleted', code(e.path), e, null);
  for (const e of data.renamed) row('renamed', `${code(e.path.old)} → ${code(e.path.new)}`, e, e);
  for (const e of data.modified) row('modified', code(e.path), e.old, e.new);
  lines.push(headline(data));
  if (rows.length) {
    const table = ['| Change | Path | Base | Head |', '|---|---|---|---|'];
    for (const r of rows.slice(0, MAX_ROWS)) table.push(r);
    if (rows.length > MAX_ROWS) table.push(`| … | ${(rows.length - MAX_ROWS).toLocaleString('en-US')} more in report.json | | |`);
    if (rows.length > OPEN_ROWS) lines.push('', `<details><summary>${rows.length.toLocaleString('en-US')} changed paths</summary>`, '');
    else lines.push('');
    for (const line of table) lines.push(line);
    if (unknownSize) lines.push('', UNKNOWN_SIZE);
    if (rows.length > OPEN_ROWS) lines.push('', '</details>');
  }
  if (data.tables.length) {
    lines.push('', '| Table | Base rows × columns | Head rows × columns |', '|---|---|---|');
    for (const t of data.tables) lines.push(`| ${code(t.path)} | ${shape(t.base)} | ${shape(t.head)} |`);
    const unread = data.tables.filter((t) => t.note);
    if (unread.length) lines.push('');
    for (const t of unread) lines.push(`- ${code(t.path)} not counted: ${escapeCell(t.note!)}`);
  }
  if (data.notInCache.length) {
    lines.push('', 'Not compared (DVC\'s "not in cache": the files inside are unknown on one side):', '');
    for (const m of data.notInCache) lines.push(`- ${code(m.path)}: ${escapeCell(m.reason)}`);
  }
  if (data.notes.length) {
    lines.push('');
    for (const n of data.notes) lines.push(`- ${escapeCell(n)}`);
  }
  return lines.join('\n');
}

/**
 * The section's first line. The counts are of files, so a directory whose md5 changed but whose `.dir` manifest
 * could not be read adds nothing to them: it is named here, or the line would say nothing changed above its own row.
 */
function headline(data: DataSection): string {
  const counts = summary(data);
  const unlisted = new Set(data.notInCache.map((m) => m.path));
  const dirs: string[] = [];
  const changed = (verb: string, path: string, other = path) => {
    if (unlisted.has(path) || unlisted.has(other)) dirs.push(`${code(path)} ${verb}`);
  };
  for (const e of data.added) changed('was added', e.path);
  for (const e of data.deleted) changed('was deleted', e.path);
  for (const e of data.renamed) changed(`was renamed to ${code(e.path.new)}`, e.path.old, e.path.new);
  for (const e of data.modified) changed('changed (its md5 differs)', e.path);
  const files = counts ? `${counts} (DVC-tracked files; directories listed too).` : '';
  if (dirs.length) {
    const its = dirs.length === 1 ? 'its' : 'their';
    const unknown = `${joinAnd(dirs)}, but which of ${its} files changed is not known: they could not be listed (why below, under "Not compared").`;
    return files ? `${files} Also, ${unknown}` : unknown;
  }
  if (files) return files;
  // Nothing listed changed, but a directory below could not be compared: "nothing changed" would claim too much.
  return data.notInCache.length ? 'No DVC-tracked file changed among those compared (the directories below could not be).' : 'No DVC-tracked file changed.';
}

function joinAnd(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `1 added, 2 modified` as `dvc diff`'s files summary counts them: files, not directories. */
function summary(data: DataSection): string {
  const files = (paths: string[]) => paths.filter((p) => !p.endsWith('/')).length;
  const parts: [number, string][] = [
    [files(data.added.map((e) => e.path)), 'added'],
    [files(data.deleted.map((e) => e.path)), 'deleted'],
    [files(data.renamed.map((e) => e.path.new)), 'renamed'],
    [files(data.modified.map((e) => e.path)), 'modified'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, s]) => `${n} ${s}`)
    .join(', ');
}

function size(v: DataVersion | null): string {
  if (!v) return '–';
  if (v.size === null) return '?';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let n = v.size;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${n.toFixed(1)} ${units[u]}`;
}

function shape(s: TableShape | null): string {
  return s ? `${s.rows.toLocaleString('en-US')} × ${s.columns}` : '–';
}
