import { diffRows, rowDiffLeaf } from './diff';
import { pyFloatRepr, pyJsonString } from '../util/python-text';
import { displayValue } from './pyformat';
import { isFloatLeaf, isIntLeaf, type FileDiff, type Leaf, type ValueRow } from './types';

/** DVC's default `--precision` for `metrics diff` (dvc/commands/metrics.py DEFAULT_PRECISION). */
export const DEFAULT_PRECISION = 5;

export interface DvcTableOptions {
  /** `Metric` or `Param`. */
  title: 'Metric' | 'Param';
  aRev: string;
  bRev: string;
  /** Digits after the point for floats (metrics); null prints them unrounded (params). */
  precision: number | null;
  /** The Change column (metrics only in DVC). */
  showChange: boolean;
  /**
   * A GitHub table, every header and cell through `escape` (the report's escaping, src/report/escape.ts, handed in
   * by the command: this folder renders DVC's formats and does not depend on the report's).
   */
  markdown: false | { escape: (text: string) => string };
  /** Include unchanged rows (`--all`). */
  all: boolean;
  /** Leave out the Path column (`--no-path`). */
  noPath?: boolean;
}

/** Text handed on in pieces of about this many characters, each ending where a row ends: small enough that the
 * pieces die young (collected cheaply, never promoted to the old generation) before they are joined. */
const CHUNK = 1 << 16;

/**
 * Collects text and hands it to `write` in pieces that end at the ends of rows: a million-row diff is written
 * as it is made, never held as one string (nor as a string per row) in memory.
 */
class ChunkedWriter {
  private pending: string[] = [];
  private size = 0;

  constructor(private readonly write: (chunk: string) => void) {}

  add(text: string): void {
    this.pending.push(text);
    this.size += text.length;
  }

  /** A row ends here: pass on what is collected if it is big enough. */
  rowEnd(): void {
    if (this.size >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.pending.length) this.write(this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }
}

/**
 * `dvc metrics diff --json` / `dvc params diff --json`: `{path: {key: {old, new[, diff]}}}`, a key missing
 * on one side as `null`, written the way Python's `json.dumps` writes it (one line, `", "` and `": "`,
 * floats as Python prints them, `NaN`/`Infinity`, non-ASCII escaped). Files and keys sorted. Handed to `write` in
 * pieces that end between two keys.
 */
export function writeDvcDiffJson(files: FileDiff[], all: boolean, write: (chunk: string) => void): void {
  const out = new ChunkedWriter(write);
  out.add('{');
  let firstFile = true;
  for (const file of [...files].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))) {
    let firstRow = true;
    for (const r of diffRows(file)) {
      if (!all && !r.changed) continue;
      if (firstRow) out.add(`${firstFile ? '' : ', '}${pyJsonString(file.path)}: {`);
      else out.add(', ');
      firstRow = false;
      firstFile = false;
      out.add(`${pyJsonString(r.key)}: {"old": ${pyJsonLeaf(r.old)}, "new": ${pyJsonLeaf(r.new)}`);
      if (r.diff !== undefined) out.add(`, "diff": ${pyJsonLeaf(rowDiffLeaf(r))}`);
      out.add('}');
      out.rowEnd();
    }
    if (!firstRow) out.add('}');
  }
  out.add('}');
  out.flush();
}

/** `writeDvcDiffJson` as one string. */
export function dvcDiffJson(files: FileDiff[], all: boolean): string {
  return collected((write) => writeDvcDiffJson(files, all, write));
}

/**
 * DVC's diff table (dvc/compare.py `diff_table` rendered by tabulate): `plain` columns separated by two
 * spaces, each at least its header + 2 wide, trailing spaces trimmed; or with `markdown` a GitHub table.
 * `noPath` leaves out the Path column. Handed to `write` in pieces of whole lines: the column widths are found
 * in a first pass over the rows, and each line is made in the second.
 */
export function writeDvcDiffTable(files: FileDiff[], options: DvcTableOptions, write: (chunk: string) => void): void {
  const escape = options.markdown ? options.markdown.escape : null;
  const headers = ['Path', options.title, options.aRev, options.bRev];
  if (options.showChange) headers.push('Change');
  // A name such as `|pipe|` or `<b>x</b>` would end a cell or become HTML in a markdown table.
  if (escape) headers.forEach((h, i) => (headers[i] = escape(h)));
  const cells = (file: FileDiff, r: ValueRow): string[] => {
    const row = [file.path, r.key, displayValue(r.old, options.precision), displayValue(r.new, options.precision)];
    if (options.showChange) row.push(r.diff === undefined ? '-' : displayValue(rowDiffLeaf(r), options.precision));
    return escape ? row.map(escape) : row;
  };
  const w = headers.map((h) => h.length + 2);
  let rows = 0;
  for (const file of files) {
    for (const r of diffRows(file)) {
      if (!options.all && !r.changed) continue;
      rows += 1;
      cells(file, r).forEach((c, i) => (w[i] = Math.max(w[i]!, c.length)));
    }
  }
  // DVC's ui.table prints nothing for a table without rows (`if not data and not markdown: return`), so "no output"
  // means "nothing changed" to a script; a markdown table keeps its header.
  if (!rows && !options.markdown) return;
  const from = options.noPath ? 1 : 0;
  const line = options.markdown
    ? (row: string[]): string =>
        `| ${row
          .slice(from)
          .map((c, i) => c.padEnd(w[i + from]!))
          .join(' | ')} |\n`
    : (row: string[]): string =>
        `${row
          .slice(from)
          .map((c, i) => c.padEnd(w[i + from]!))
          .join('  ')
          .trimEnd()}\n`;
  const out = new ChunkedWriter(write);
  out.add(line(headers));
  if (options.markdown)
    out.add(
      `|${w
        .slice(from)
        .map((n) => '-'.repeat(n + 2))
        .join('|')}|\n`,
    );
  for (const file of files) {
    for (const r of diffRows(file)) {
      if (!options.all && !r.changed) continue;
      out.add(line(cells(file, r)));
      out.rowEnd();
    }
  }
  // DVC adds a newline after a markdown table ("md table is incomplete without the trailing newline").
  if (options.markdown) out.add('\n');
  out.flush();
}

/** `writeDvcDiffTable` as one string. */
export function dvcDiffTable(files: FileDiff[], options: DvcTableOptions): string {
  return collected((write) => writeDvcDiffTable(files, options, write));
}

function collected(run: (write: (chunk: string) => void) => void): string {
  const chunks: string[] = [];
  run((chunk) => chunks.push(chunk));
  return chunks.join('');
}

function pyJsonLeaf(leaf: Leaf | undefined): string {
  if (leaf === undefined || leaf === null) return 'null';
  if (typeof leaf === 'boolean') return leaf ? 'true' : 'false';
  if (typeof leaf === 'string') return pyJsonString(leaf);
  if (typeof leaf === 'number') return Number.isInteger(leaf) ? String(leaf) : pyFloatRepr(leaf);
  if (isIntLeaf(leaf)) return leaf.int;
  if (isFloatLeaf(leaf)) {
    if (typeof leaf.float === 'string') return leaf.float;
    return pyFloatRepr(leaf.float);
  }
  return 'null';
}

/**
 * A GitHub table as DVC's `--md` writes one (tabulate's "github" format), with DVC's trailing blank line; every
 * header and cell through `escape` (the report's escaping, handed in by the command as for writeDvcDiffTable).
 */
export function githubTable(headers: string[], rows: string[][], escape: (text: string) => string): string {
  headers = headers.map(escape);
  rows = rows.map((row) => row.map(escape));
  const w = headers.map((h, i) => rows.reduce((n, r) => Math.max(n, r[i]!.length), h.length + 2));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(w[i]!)).join(' | ')} |`;
  const rule = `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`;
  // DVC adds a newline after a markdown table ("md table is incomplete without the trailing newline").
  return [line(headers), rule, ...rows.map(line)].join('\n') + '\n\n';
}
