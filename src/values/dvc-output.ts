import { diffIsFloat } from './diff';
import { pyFloatRepr, pyJsonString } from '../util/python-text';
import { diffLeaf, displayValue } from './pyformat';
import { isFloatLeaf, type FileDiff, type Leaf, type ValueRow } from './types';

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
  markdown: boolean;
  /** Include unchanged rows (`--all`). */
  all: boolean;
}

/** The rows DVC prints: changed ones, or every one with `--all`. */
function visibleRows(file: FileDiff, all: boolean): ValueRow[] {
  return all ? file.rows : file.rows.filter((r) => r.changed);
}

/**
 * `dvc metrics diff --json` / `dvc params diff --json`: `{path: {key: {old, new[, diff]}}}`, a key missing
 * on one side as `null`, written the way Python's `json.dumps` writes it (one line, `", "` and `": "`,
 * floats as Python prints them, `NaN`/`Infinity`, non-ASCII escaped). Files and keys sorted.
 */
export function dvcDiffJson(files: FileDiff[], all: boolean): string {
  const parts: string[] = [];
  for (const file of [...files].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))) {
    const rows = visibleRows(file, all);
    if (!rows.length) continue;
    const entries = rows.map((r) => {
      const fields = [`"old": ${pyJsonLeaf(r.old)}`, `"new": ${pyJsonLeaf(r.new)}`];
      if (r.diff !== undefined) fields.push(`"diff": ${pyJsonLeaf(diffLeaf(r.diff, diffIsFloat(r)))}`);
      return `${pyJsonString(r.key)}: {${fields.join(', ')}}`;
    });
    parts.push(`${pyJsonString(file.path)}: {${entries.join(', ')}}`);
  }
  return `{${parts.join(', ')}}`;
}

/**
 * DVC's diff table (dvc/compare.py `diff_table` rendered by tabulate): `plain` columns separated by two
 * spaces, each at least its header + 2 wide, trailing spaces trimmed; or with `markdown` a GitHub table.
 */
export function dvcDiffTable(files: FileDiff[], options: DvcTableOptions): string {
  const headers = ['Path', options.title, options.aRev, options.bRev];
  if (options.showChange) headers.push('Change');
  const rows: string[][] = [];
  for (const file of files) {
    for (const r of visibleRows(file, options.all)) {
      const row = [file.path, r.key, displayValue(r.old, options.precision), displayValue(r.new, options.precision)];
      if (options.showChange) row.push(r.diff === undefined ? '-' : displayValue(diffLeaf(r.diff, diffIsFloat(r)), options.precision));
      rows.push(row);
    }
  }
  return options.markdown ? githubTable(headers, rows) : plainTable(headers, rows);
}

function widths(headers: string[], rows: string[][]): number[] {
  return headers.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i]!.length), h.length + 2));
}

function plainTable(headers: string[], rows: string[][]): string {
  const w = widths(headers, rows);
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(w[i]!))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n') + '\n';
}

export function githubTable(headers: string[], rows: string[][]): string {
  const w = widths(headers, rows);
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(w[i]!)).join(' | ')} |`;
  const rule = `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`;
  // DVC adds a newline after a markdown table ("md table is incomplete without the trailing newline").
  return [line(headers), rule, ...rows.map(line)].join('\n') + '\n\n';
}

function pyJsonLeaf(leaf: Leaf | undefined): string {
  if (leaf === undefined || leaf === null) return 'null';
  if (typeof leaf === 'boolean') return leaf ? 'true' : 'false';
  if (typeof leaf === 'string') return pyJsonString(leaf);
  if (typeof leaf === 'number') return Number.isInteger(leaf) ? String(leaf) : pyFloatRepr(leaf);
  if (isFloatLeaf(leaf)) {
    if (typeof leaf.float === 'string') return leaf.float;
    return pyFloatRepr(leaf.float);
  }
  return 'null';
}
