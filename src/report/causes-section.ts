import { displayValue } from '../values/pyformat';
import {
  lastRunValues,
  type DataCause,
  type FileCause,
  type FileDiff,
  type Leaf,
  type MetricCauses,
  type ParamCause,
  type StageCause,
  type ValueRow,
} from '../values/types';
import { code, escapeCell } from './escape';
import { formatChange } from './format';
import { unreadAtBaseNote, unreadAtHead } from '../values/unread-notes';
import { groupDigits, MINUS } from '../util/numbers';

/** Items one line names; report.json has them all. */
const MAX_CAUSE_ITEMS = 8;
/** Metrics one line names before "and N more": those with the same causes share the line. */
const MAX_LINE_METRICS = 5;
/** Lines shown open; more go into a `<details>` block. */
const OPEN_CAUSE_LINES = 10;
/** Lines drawn at all; report.json has every changed metric's causes. */
const MAX_CAUSE_LINES = 100;
/** A param's value is cut past this: the line is for reading, report.json keeps the value. */
const MAX_CAUSE_VALUE = 40;

const NON_DETERMINISM = 'likely non-determinism (seed, data order, hardware)';
/**
 * No stage writes the file and nothing else changed: the commit changed the file's values itself. How they were made
 * (by hand, by a run outside the pipeline) is unknown, so it is not guessed.
 */
const FILE_ITSELF = 'only the file itself changed';
/** Nothing upstream changed and no value moved, yet metrics came or went: no run makes that by chance. */
const BY_HAND = 'likely a values file renamed or edited by hand';
/** Files a line names as not read at a side; the rest are counted. */
const MAX_UNREAD_FILES = 3;

/** Which side of a metrics file could not be read, and the file's note saying why. */
interface Unread {
  side: 'base' | 'head';
  note: string;
}

/**
 * "Why it changed": a line per cause, naming the changed metrics it explains, e.g.
 * `` `accuracy` −0.1333 (−15%), `loss` +0.25 (+125%) ← `train` re-ran: `train.epochs` 100→15, `src/train.py` +12/−3 ``.
 * Metrics share a line when they share their causes (every changed metric of the files one stage writes: report.json
 * names such an entry once). A metric whose file could not be read at a side (`labels`: the report's base and head)
 * is not known there, not added or removed: the line says which file and why, and guesses nothing. Null when no row
 * has causes. Pure.
 */
export function causesSection(metrics: FileDiff[], labels: { base?: string | undefined; head?: string | undefined } = {}): string | null {
  // One pass: each distinct causes object with how many rows it explains and the first few of them.
  const groups = new Map<
    MetricCauses,
    { count: number; named: { path: string; row: ValueRow; unread: Unread | null }[]; moved: boolean; unread: Map<string, string> }
  >();
  let rows = 0;
  // Whether rows of more than one path have causes: a line then names each metric with its file.
  let firstPath: string | undefined;
  let manyFiles = false;
  for (let i = 0; i < metrics.length; i++) {
    const f = metrics[i]!;
    const list = f.rows;
    const atHead = labels.head === undefined ? null : unreadAtHead(f, labels.head);
    const atBase = labels.base === undefined ? null : (unreadAtBaseNote(f, labels.base) ?? null);
    for (let k = 0; k < list.length; k++) {
      const row = list[k]!;
      if (!row.causes) continue;
      rows++;
      firstPath ??= f.path;
      if (f.path !== firstPath) manyFiles = true;
      let group = groups.get(row.causes);
      if (!group) groups.set(row.causes, (group = { count: 0, named: [], moved: false, unread: new Map() }));
      const unread: Unread | null =
        row.new === undefined && atHead !== null
          ? { side: 'head', note: atHead }
          : row.old === undefined && atBase !== null
            ? { side: 'base', note: atBase }
            : null;
      if (unread) group.unread.set(f.path, unread.note);
      if (row.old !== undefined && row.new !== undefined) group.moved = true;
      if (group.count++ < MAX_LINE_METRICS) group.named.push({ path: f.path, row, unread });
    }
  }
  if (!rows) return null;
  const lines: string[] = [];
  for (const [causes, group] of groups) {
    if (lines.length === MAX_CAUSE_LINES) break;
    const named = group.named.map(({ path, row, unread }) => `${code(manyFiles ? `${path}: ${row.key}` : row.key)} ${causeMove(row, unread?.side)}`);
    const more = group.count > MAX_LINE_METRICS ? `, and ${groupDigits(group.count - MAX_LINE_METRICS)} more` : '';
    // What a side could not read is said, and then nothing is guessed: not chance, not a hand at work.
    const unread = [...group.unread].slice(0, MAX_UNREAD_FILES).map(([path, note]) => `${code(path)} ${escapeCell(note)}`);
    if (group.unread.size > MAX_UNREAD_FILES) unread.push(`and ${groupDigits(group.unread.size - MAX_UNREAD_FILES)} more files not read`);
    const unexplained = unread.length ? null : group.moved ? NON_DETERMINISM : BY_HAND;
    lines.push(`- ${named.join(', ')}${more} ← ${[causeText(causes, unexplained), ...unread].join('; ')}`);
  }
  if (groups.size > MAX_CAUSE_LINES) lines.push(`- _… ${groupDigits(groups.size - MAX_CAUSE_LINES)} more causes: report.json has every changed metric's._`);
  const title = '#### Why it changed';
  if (lines.length <= OPEN_CAUSE_LINES) return [title, '', ...lines].join('\n');
  return [title, '', `<details><summary>${groupDigits(rows)} changed metrics</summary>`, '', ...lines, '', '</details>'].join('\n');
}

/** How a metric moved; `unread`: the side its file could not be read at, where its value is not known, not absent. */
function causeMove(row: ValueRow, unread?: Unread['side']): string {
  if (row.old === undefined) return unread === 'base' ? `${causeValue(row.new)} (not known at the base)` : `added (${causeValue(row.new)})`;
  if (row.new === undefined) return unread === 'head' ? `was ${causeValue(row.old)} (not known at the head)` : `removed (was ${causeValue(row.old)})`;
  return row.diff === undefined ? `${causeValue(row.old)}→${causeValue(row.new)}` : formatChange(row);
}

/**
 * What changed upstream, grouped by the stage that depends on it, then what is unknown; `unexplained` when nothing
 * did (non-determinism where a value moved, a hand's work where metrics only came or went; null: no guess).
 */
function causeText(causes: MetricCauses, unexplained: string | null): string {
  const parts: string[] = [];
  let items = 0;
  let more = causes.omitted;
  const take = (list: string[]): string[] => {
    const room = Math.max(0, MAX_CAUSE_ITEMS - items);
    items += Math.min(room, list.length);
    more += Math.max(0, list.length - room);
    return list.slice(0, room);
  };
  if (causes.basis === 'pipeline') {
    for (const stage of causes.stages) {
      const own = <T extends { stages: string[] }>(list: T[]): T[] => list.filter((x) => x.stages[0] === stage.name);
      const definition = stage.definition ? [CAUSE_DEFINITION[stage.definition]] : [];
      const shown = take([...definition, ...own(causes.params).map(paramText), ...own(causes.files).map(fileText), ...own(causes.data).map(dataText)]);
      // Why a stage did not run (`upstream stage 'train' failed`) says its values are not this change's.
      const why = stage.status === 'not-run' && stage.reasons.length ? ` (${escapeCell(stage.reasons.join('; '))})` : '';
      if (shown.length) parts.push(`${code(stage.name)}${CAUSE_VERB[stage.status]}${why}: ${shown.join(', ')}`);
      // A stage whose values are not this change's (out of date, not run, failed) is named even when nothing of its
      // own changed since the base: its reasons say why, never "nothing upstream changed".
      else if (lastRunValues(stage)) {
        parts.push(`${code(stage.name)}${CAUSE_VERB[stage.status]}${stage.reasons.length ? ` (${escapeCell(stage.reasons.join('; '))})` : ''}`);
      }
    }
    if (!parts.length)
      parts.push(
        causes.nothingUpstream
          ? `nothing upstream of ${code(causes.stage ?? '')} changed${unexplained ? `: ${unexplained}` : ''}`
          : 'no upstream param, file or data change found',
      );
  } else {
    const listed = take([...causes.params.map(paramText), ...causes.files.map(fileText), ...causes.data.map(dataText)]);
    const basis = causes.basis === 'no-pipeline' ? 'no pipeline' : 'no stage writes this file';
    parts.push(
      listed.length ? `${basis}: all changed params and files listed: ${listed.join(', ')}` : `${basis}, and no param, file or data changed: ${FILE_ITSELF}`,
    );
  }
  if (more) parts[parts.length - 1] += `, and ${groupDigits(more)} more`;
  // A stage out of date at the base: the base's values are its last run's there, not of the base's params or code.
  const staleAtBase = causes.stages.flatMap((stage) =>
    stage.staleAtBase?.length
      ? [`${code(stage.name)} was out of date at the base (${escapeCell(stage.staleAtBase.join('; '))}): its values there are its last run's`]
      : [],
  );
  return [...parts, ...staleAtBase, ...causes.unknown.map(escapeCell)].join('; ');
}

const CAUSE_VERB: Record<StageCause['status'], string> = {
  ran: ' re-ran',
  // Run before this one and committed: this run found it up to date (the Pipeline section's "skipped"), but its
  // dvc.lock entry is not the base's.
  updated: ' re-ran in this change (dvc.lock)',
  'out-of-date': ' would re-run',
  failed: ' failed',
  'not-run': ' did not run',
  new: ' is new',
  unchanged: '',
  unknown: '',
};

const CAUSE_DEFINITION: Record<NonNullable<StageCause['definition']>, string> = {
  command: 'command changed',
  definition: 'definition in dvc.yaml changed',
  new: 'new stage',
};

function paramText(p: ParamCause): string {
  const name = code(p.file === 'params.yaml' ? p.key : `${p.file}:${p.key}`);
  if (p.old === undefined) return `${name} added (${causeValue(p.new)})`;
  if (p.new === undefined) return `${name} removed (was ${causeValue(p.old)})`;
  const from = p.oldFrom === 'dvc.lock' ? " (the base's dvc.lock)" : '';
  return `${name} ${causeValue(p.old)}→${causeValue(p.new)}${from}`;
}

function causeValue(leaf: Leaf | undefined): string {
  const text = displayValue(leaf, null);
  return escapeCell(text.length > MAX_CAUSE_VALUE ? `${text.slice(0, MAX_CAUSE_VALUE)}…` : text);
}

function fileText(f: FileCause): string {
  return `${code(f.path)} ${f.binary ? 'binary' : `+${f.added}/${MINUS}${f.deleted}`}`;
}

function dataText(d: DataCause): string {
  const from = d.oldFrom === 'dvc.lock' ? " (the base's dvc.lock)" : '';
  return `${dataChange(d)}${from}`;
}

function dataChange(d: DataCause): string {
  if (!d.old) return `${code(d.path)} added${d.new ? ` (${extentText(d.new)})` : ''}`;
  if (!d.new) return `${code(d.path)} removed`;
  if (d.old.size === null || d.new.size === null) return `${code(d.path)} modified (size unknown: ${d.source} records none)`;
  const files = d.old.nfiles !== null && d.new.nfiles !== null && d.old.nfiles !== d.new.nfiles ? `, ${d.old.nfiles}→${d.new.nfiles} files` : '';
  // Sizes that round alike are given in bytes, so the line never reads as "no change".
  const [a, b] = byteText(d.old.size) === byteText(d.new.size) ? [`${d.old.size} B`, `${d.new.size} B`] : [byteText(d.old.size), byteText(d.new.size)];
  return `${code(d.path)} ${a}→${b}${files}`;
}

function extentText(m: { size: number | null; nfiles: number | null }): string {
  const size = m.size === null ? 'size unknown' : byteText(m.size);
  return m.nfiles === null ? size : `${size}, ${m.nfiles} files`;
}

function byteText(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  for (; v >= 1024 && i < units.length - 1; i++) v /= 1024;
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}
