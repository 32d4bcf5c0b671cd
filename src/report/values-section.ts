import { guessDirection } from '../values/direction';
import type { FileDiff, ValueRow } from '../values/types';
import { effect, type DirectionOf } from './directions';
import { code, escapeCell } from './escape';
import { formatChange, formatRowValues } from './format';
import { groupDigits } from '../util/numbers';

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
  // A file's rows come together: its path is escaped once for all of them.
  let lastPath: string | undefined;
  let pathCell = '';
  return {
    header: [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`],
    row(path, row) {
      if (path !== lastPath) {
        lastPath = path;
        pathCell = cell(path);
      }
      const values = formatRowValues(row, !metrics);
      let line = `| ${pathCell} | ${cell(row.key)}`;
      if (withBase) line += ` | ${cell(values[0])}`;
      line += ` | ${cell(values[1])}`;
      if (metrics && withBase) line += ` | ${cell(formatChange(row))}`;
      if (direction) {
        const dir = direction(path, row.key);
        const mark = withBase ? effect(row.diff, dir) : null;
        line += ` | ${mark ? EFFECT_TEXT[mark] : !withBase && dir ? `${dir} is better` : ''}`;
      }
      return `${line} |`;
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
  let rows = 0;
  let changed = 0;
  // Each note with the files it was said of, in the order first said.
  const noted = new Map<string, string[]>();
  // Indexed loops: this runs once a process, mostly before V8 optimises it, and an array's iterator costs there.
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    const list = f.rows;
    rows += list.length;
    for (let k = 0; k < list.length; k++) if (list[k]!.changed) changed++;
    for (const n of f.notes) {
      const paths = noted.get(n);
      if (paths) paths.push(f.path);
      else noted.set(n, [f.path]);
    }
  }
  const notes = noteLines(noted);
  if (!rows) return [`_No ${kind} found._`, ...(notes ? ['', notes] : [])].join('\n');

  const direction = kind === 'metrics' ? (options.direction ?? ((_path: string, key: string) => guessDirection(key))) : undefined;
  // The mark column only when some metric has a known direction.
  const known = direction && files.some((f) => f.rows.some((row) => direction(f.path, row.key))) ? direction : null;
  const withBase = labels.base !== null;
  const table = valueTable(kind, labels, known);
  // The table of the rows whose `changed` is `pick` (every row when `pick` is null), one string made as it goes.
  const draw = (pick: boolean | null): string => {
    let text = table.header.join('\n');
    for (let i = 0; i < files.length; i++) {
      const { path, rows: list } = files[i]!;
      for (let k = 0; k < list.length; k++) {
        const r = list[k]!;
        if (pick === null || Boolean(r.changed) === pick) text += `\n${table.row(path, r)}`;
      }
    }
    return text;
  };

  const unchanged = withBase ? rows - changed : 0;
  const parts: string[] = [];
  parts.push(!withBase ? draw(null) : changed ? draw(true) : `_No ${kind} changed._`);
  if (unchanged) {
    parts.push('', `<details><summary>${unchanged} unchanged ${unchanged === 1 ? kind.slice(0, -1) : kind}</summary>`, '', draw(false), '', '</details>');
  }
  if (notes) parts.push('', notes);
  return parts.join('\n');
}

/** Files named before "and N other files" when many share a note (a pull request that deletes a folder of metrics). */
const NAMED_FILES = 3;

/** A line a file and note; a note said of more than a few files, one line naming the first of them. */
function noteLines(noted: Map<string, string[]>): string {
  const lines: string[] = [];
  for (const [note, paths] of noted) {
    if (paths.length <= NAMED_FILES) for (const path of paths) lines.push(`- ${code(path)}: ${escapeCell(note)}`);
    else {
      const more = paths.length - NAMED_FILES;
      lines.push(
        `- ${paths
          .slice(0, NAMED_FILES)
          .map((p) => code(p))
          .join(', ')} and ${groupDigits(more)} other files: ${escapeCell(note)}`,
      );
    }
  }
  return lines.join('\n');
}

function cell(text: string): string {
  const cut = text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}… (${groupDigits(text.length)} characters)` : text;
  return escapeCell(cut);
}
