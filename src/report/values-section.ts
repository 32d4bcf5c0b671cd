import { guessDirection, type Direction } from '../values/direction';
import type { FileDiff, ValueRow } from '../values/types';
import { code, escapeCell } from './escape';
import { formatChange, formatLeaf } from './format';

export interface ValuesSectionOptions {
  /** Which way is better for a metric, e.g. from a threshold rule; wins over the name-based guess. */
  direction?: (path: string, key: string) => Direction | undefined;
}

/** Longer values are cut in the report (report.json keeps them whole): a 10 MB string is not a table cell. */
const MAX_CELL = 120;

/**
 * The metrics or params section: changed rows first in DVC's columns (metrics with a Change column, a
 * direction hint and a regression marker), unchanged rows folded into `<details>`, then per-file notes.
 * Everything read from files is escaped. Pure.
 */
export function valuesSection(
  kind: 'metrics' | 'params',
  files: FileDiff[],
  labels: { base: string | null; head: string },
  options: ValuesSectionOptions = {},
): string {
  const metrics = kind === 'metrics';
  const precision = metrics ? 5 : null;
  const rows = files.flatMap((f) => f.rows.map((row) => ({ path: f.path, row })));
  const notes = files.flatMap((f) => f.notes.map((n) => `- ${code(f.path)}: ${escapeCell(n)}`));
  if (!rows.length) return [`_No ${kind} found._`, ...(notes.length ? ['', ...notes] : [])].join('\n');

  const direction = (path: string, key: string): Direction | undefined => (metrics ? (options.direction?.(path, key) ?? guessDirection(key)) : undefined);
  const withBase = labels.base !== null;
  // DVC's columns first (tools and people match on them), then which way is better when we know it.
  const withTrend = rows.some(({ path, row }) => direction(path, row.key));
  const header = ['Path', metrics ? 'Metric' : 'Param'];
  if (withBase) header.push(cell(labels.base!));
  header.push(cell(labels.head));
  if (metrics && withBase) header.push('Change');
  if (withTrend) header.push('Better');
  const table = (list: typeof rows): string[] => [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...list.map(({ path, row }) => {
      const cells = [cell(path), cell(row.key)];
      if (withBase) cells.push(cell(formatLeaf(row.old, precision)));
      cells.push(cell(formatLeaf(row.new, precision)));
      if (metrics && withBase) cells.push(cell(formatChange(row)));
      if (withTrend) cells.push(trendCell(row, direction(path, row.key), withBase));
      return `| ${cells.join(' | ')} |`;
    }),
  ];

  const changed = withBase ? rows.filter((r) => r.row.changed) : rows;
  const unchanged = withBase ? rows.filter((r) => !r.row.changed) : [];
  const parts: string[] = [];
  parts.push(changed.length ? table(changed).join('\n') : `_No ${kind} changed._`);
  if (unchanged.length) {
    const n = unchanged.length;
    parts.push('', `<details><summary>${n} unchanged ${n === 1 ? kind.slice(0, -1) : kind}</summary>`, '', table(unchanged).join('\n'), '', '</details>');
  }
  if (notes.length) parts.push('', notes.join('\n'));
  return parts.join('\n');
}

/** `↑`/`↓` says which way is better; a change the wrong way is marked so nobody misses it. */
function trendCell(row: ValueRow, dir: Direction | undefined, withBase: boolean): string {
  if (!dir) return '';
  const arrow = dir === 'higher' ? '↑' : '↓';
  if (!withBase || row.diff === undefined || row.diff === 0 || Number.isNaN(row.diff)) return arrow;
  const worse = dir === 'higher' ? row.diff < 0 : row.diff > 0;
  return worse ? `${arrow} ⚠️ **worse**` : `${arrow} ✅ better`;
}

function cell(text: string): string {
  const cut = text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}… (${text.length.toLocaleString('en-US')} characters)` : text;
  return escapeCell(cut);
}
