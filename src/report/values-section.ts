import { guessDirection } from '../values/direction';
import type { FileDiff, ValueRow } from '../values/types';
import { effect, type DirectionOf } from './directions';
import { code, escapeCell } from './escape';
import { formatChange, formatRowValues } from './format';

export interface ValuesSectionOptions {
  /** Which way is better for a metric (rules, `.mlreport.yml`, then the name: see directions.ts). */
  direction?: DirectionOf;
}

/** Longer values are cut in the report (report.json keeps them whole): a 10 MB string is not a table cell. */
const MAX_CELL = 120;

const EFFECT_TEXT = { better: '✅ better', worse: '❌ worse' } as const;

/** The columns and cells of one values table: the fit (folded) report draws the same rows as the full one. */
export interface ValueTable {
  header: string[];
  row(path: string, row: ValueRow): string;
}

/**
 * A metrics or params table: DVC's columns (Path, Metric/Param, base, head), then for metrics the signed change
 * (`−0.1333 (−15%)`) and, apart from it, whether that is better or worse — a sign says which way the value went,
 * the mark what that means, so neither is read as the other. Without a base the mark column says which way is
 * better. Values in the report's one number format; params as the file wrote them.
 */
export function valueTable(kind: 'metrics' | 'params', labels: { base: string | null; head: string }, direction: DirectionOf | null): ValueTable {
  const metrics = kind === 'metrics';
  const withBase = labels.base !== null;
  const header = ['Path', metrics ? 'Metric' : 'Param'];
  if (withBase) header.push(cell(labels.base!));
  header.push(cell(labels.head));
  if (metrics && withBase) header.push('Change');
  if (direction) header.push(withBase ? 'Better or worse' : 'Direction');
  return {
    header: [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`],
    row(path, row) {
      const cells = [cell(path), cell(row.key)];
      const [a, b] = formatRowValues(row, !metrics);
      if (withBase) cells.push(cell(a));
      cells.push(cell(b));
      if (metrics && withBase) cells.push(cell(formatChange(row)));
      if (direction) {
        const dir = direction(path, row.key);
        const mark = withBase ? effect(row.diff, dir) : null;
        cells.push(mark ? EFFECT_TEXT[mark] : !withBase && dir ? `${dir} is better` : '');
      }
      return `| ${cells.join(' | ')} |`;
    },
  };
}

/**
 * The metrics or params section: changed rows first, unchanged rows folded into `<details>`, then per-file notes.
 * Everything read from files is escaped. Pure.
 */
export function valuesSection(
  kind: 'metrics' | 'params',
  files: FileDiff[],
  labels: { base: string | null; head: string },
  options: ValuesSectionOptions = {},
): string {
  const rows = files.flatMap((f) => f.rows.map((row) => ({ path: f.path, row })));
  const notes = files.flatMap((f) => f.notes.map((n) => `- ${code(f.path)}: ${escapeCell(n)}`));
  if (!rows.length) return [`_No ${kind} found._`, ...(notes.length ? ['', ...notes] : [])].join('\n');

  const direction = kind === 'metrics' ? (options.direction ?? ((_path: string, key: string) => guessDirection(key))) : undefined;
  // The mark column only when some metric has a known direction.
  const known = direction && rows.some(({ path, row }) => direction(path, row.key)) ? direction : null;
  const withBase = labels.base !== null;
  const table = valueTable(kind, labels, known);
  const draw = (list: typeof rows): string[] => [...table.header, ...list.map(({ path, row }) => table.row(path, row))];

  const changed = withBase ? rows.filter((r) => r.row.changed) : rows;
  const unchanged = withBase ? rows.filter((r) => !r.row.changed) : [];
  const parts: string[] = [];
  parts.push(changed.length ? draw(changed).join('\n') : `_No ${kind} changed._`);
  if (unchanged.length) {
    const n = unchanged.length;
    parts.push('', `<details><summary>${n} unchanged ${n === 1 ? kind.slice(0, -1) : kind}</summary>`, '', draw(unchanged).join('\n'), '', '</details>');
  }
  if (notes.length) parts.push('', notes.join('\n'));
  return parts.join('\n');
}

function cell(text: string): string {
  const cut = text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}… (${text.length.toLocaleString('en-US')} characters)` : text;
  return escapeCell(cut);
}
