import { describeError, UserError } from '../util/errors';
import { workspaceTree } from '../workspace/tree';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { nearMiss } from '../util/edit-distance';
import { parseRules, ruleLinesFromText, type RuleLine } from './parse';
import type { GateConfig, GateRule, MissingBasePolicy } from './types';

/** The optional project file at the workspace root; its `thresholds:` list holds rules like the input. */
export const PROJECT_FILE = '.mlreport.yml';

export const DEFAULT_CHECK_NAME = 'mlreport';

export interface GateSettings {
  /** The `thresholds` input / `--threshold` flags; when given, they replace the project file's rules. */
  thresholds: RuleLine[] | null;
  missingBase: MissingBasePolicy;
  failOnThreshold: boolean;
  checkName: string;
  /** Pull request events: the rules in force come from the base revision's project file (see rulesAtBase). */
  trustBase: boolean;
}

/**
 * The gate's rules: from the `thresholds` input when it has any, else from `.mlreport.yml`. The input
 * wins outright (no merging), so the workflow file alone tells what a run gates on; `notes` says when
 * the project file's rules were set aside. Every rule, and the rest of the file, is checked here, before anything runs.
 */
export async function loadGateConfig(workspace: string, settings: GateSettings): Promise<GateConfig> {
  const fromFile = await readProjectRules(workspace);
  const notes: string[] = [];
  let lines = settings.thresholds ?? [];
  if (settings.thresholds && fromFile?.length) {
    // Named as the interface in use calls them: the CLI's rules come from `--threshold #N`.
    const given = settings.thresholds[0]?.source.origin.startsWith('--threshold') ? '`--threshold`' : 'the `thresholds` input';
    notes.push(`The rules given with ${given} replace the ${fromFile.length} rule${fromFile.length === 1 ? '' : 's'} in ${PROJECT_FILE}.`);
  } else if (!settings.thresholds && fromFile) {
    lines = fromFile;
  }
  const rules = parseRules(lines);
  return {
    rules,
    missingBase: settings.missingBase,
    failOnThreshold: settings.failOnThreshold,
    checkName: settings.checkName,
    notes,
    rulesFrom: settings.thresholds ? 'input' : 'project-file',
    trustBase: settings.trustBase,
  };
}

/** The base revision's .mlreport.yml: its path from the top of the work tree, and its bytes (null: not there). */
export interface BaseRulesFile {
  path: string;
  bytes: Buffer | null;
}

/**
 * The rules in force on a pull request: the project file at the base revision, not the PR's (which could loosen its
 * own gate); how the PR changes them becomes `proposed`. `locate` finds the file where the base revision's project
 * has it (never where the PR's checkout puts the project) and reads it; a file that is there but cannot be read stops
 * the run, as one that does not parse does: the gate is never quietly off. No base, or a base without rules, leaves no
 * rule in force, so the gate checks nothing and fails. Rules from the workflow input, and runs on other events, are
 * kept as they are.
 */
export async function rulesAtBase(
  gate: GateConfig,
  base: { label: string; sha: string } | null,
  locate: (base: { label: string; sha: string }) => Promise<BaseRulesFile>,
  whyNoBase: string | null = null,
): Promise<GateConfig> {
  if (!gate.trustBase || gate.rulesFrom === 'input') return gate;
  // A base that could not be fetched may well have rules: not knowing them is no base without rules, and the PR's own
  // rules (unchanged, for all anyone knows) are not "proposed".
  if (!base && whyNoBase && gate.rules.length) {
    const note = `The base revision could not be read (${whyNoBase}), so the rules in ${PROJECT_FILE} there are unknown: the gate checks nothing and fails.`;
    return { ...gate, rules: [], proposed: null, baseUnread: whyNoBase, notes: [...gate.notes, note] };
  }
  const revision = base ? `the base revision (${base.label}, ${base.sha.slice(0, 7)})` : null;
  let file: BaseRulesFile | null = null;
  if (base) {
    try {
      file = await locate(base);
    } catch (error) {
      throw new UserError(
        `${PROJECT_FILE} at ${revision} cannot be read: ${describeError(error)}. On a pull request the gate's rules are the base revision's, so the run stops rather than gate without them.`,
      );
    }
  }
  const where = file && `${file.path} at ${revision}`;
  const lines = file?.bytes ? (projectRulesFromText(file.bytes.toString('utf8'), where!) ?? []) : [];
  const rules = parseRules(lines);
  const written = (r: GateRule): string => (r.level === 'warn' ? `warn: ${r.text}` : r.text);
  const inForce = rules.map(written);
  const atHead = gate.rules.map(written);
  const added = atHead.filter((r) => !inForce.includes(r));
  const removed = inForce.filter((r) => !atHead.includes(r));
  const proposed = added.length || removed.length ? { file: PROJECT_FILE, added, removed } : null;
  const change = proposed ? ` This pull request proposes ${added.length} added and ${removed.length} removed; they apply after merge.` : '';
  const notes = [
    ...gate.notes,
    !where
      ? `No base revision, so no rules from ${PROJECT_FILE} are in force on this pull request (its own rules apply only after merge).${change}`
      : file!.bytes
        ? `The gate uses the rules in ${where}: on a pull request, changes to ${PROJECT_FILE} apply only after merge.${change}`
        : `No ${file!.path} at ${revision}, so no rules are in force on this pull request (its own rules apply only after merge).${change}`,
  ];
  return { ...gate, rules, proposed, notes };
}

/** The `thresholds:` rules of .mlreport.yml with their line numbers; null when the file or the key is absent. */
async function readProjectRules(workspace: string): Promise<RuleLine[] | null> {
  let bytes: Buffer | null;
  try {
    bytes = await workspaceTree(workspace).read(PROJECT_FILE);
  } catch (error) {
    throw new UserError(`${PROJECT_FILE} cannot be read: ${describeError(error)}`);
  }
  return bytes === null ? null : projectRulesFromText(bytes.toString('utf8'));
}

/** `origin` names where the text came from in errors and in each rule's source (the file at a revision). */
export function projectRulesFromText(text: string, origin: string = PROJECT_FILE): RuleLine[] | null {
  return projectFileFromText(text, origin).thresholds;
}

/** .mlreport.yml as the gate and the report read it. */
interface ProjectFile {
  /** null when the file or the key is absent. */
  thresholds: RuleLine[] | null;
  directions: DirectionSetting[];
}

/**
 * The keys .mlreport.yml may hold. Any other is an error: a typo (`threshold:`) read as "no rules" would switch the
 * gate off without a word, and a setting that is not read here (`history:`) would look as if it were.
 */
const PROJECT_KEYS = ['thresholds', 'directions'];

/** The whole file is checked on every read, so a section one reader does not use cannot hide a mistake. */
function projectFileFromText(text: string, origin: string): ProjectFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = lineCounter.linePos(e.pos[0]).line;
    throw new UserError(`${origin}${line ? ` line ${line}` : ''}: not valid YAML (${e.message.split('\n')[0]}).`);
  }
  if (doc.contents === null) return { thresholds: null, directions: [] };
  if (!isMap(doc.contents)) throw new UserError(`${origin}: expected a mapping with keys such as \`thresholds:\` at the top.`);
  const lineOf = (n: unknown): number => {
    const offset = (n as { range?: [number, number, number] } | null)?.range?.[0];
    return offset === undefined ? 1 : lineCounter.linePos(offset).line;
  };
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (PROJECT_KEYS.includes(key)) continue;
    const near = nearMiss(key, PROJECT_KEYS);
    throw new UserError(
      `${origin} line ${lineOf(pair.key)}: unknown key '${key}'${near ? `; did you mean '${near}'?` : '.'} ` +
        `Expected one of: ${PROJECT_KEYS.join(', ')} (any other key is an error, so that a typo cannot turn the gate off).`,
    );
  }
  return {
    thresholds: thresholdsFrom(doc.contents.get('thresholds', true), origin, lineOf, placeIn(text, lineCounter)),
    directions: directionsFrom(doc.contents.get('directions', true), origin, lineOf),
  };
}

/** Where a rule's text first stands as written between two offsets of the file: its line, column and end; null if nowhere. */
type PlaceOf = (rule: string, from: number, to: number) => { line: number; column: number; end: number } | null;

function placeIn(text: string, lineCounter: LineCounter): PlaceOf {
  return (rule, from, to) => {
    const at = text.indexOf(rule, from);
    if (at < 0 || at + rule.length > to) return null;
    const { line, col } = lineCounter.linePos(at);
    return { line, column: col, end: at + rule.length };
  };
}

/**
 * The rules of `thresholds:`, each with its line and column in the file: where its text stands as written, searched
 * within its own YAML node (a rule whose text also stands earlier on the line gets its own place) and, in a block
 * string, after the rule before it (a folded block's blank lines, which YAML drops, are counted). A rule whose text is
 * not there as written (YAML escapes, `- warn: …` rebuilt, lines YAML joined) keeps no column: an error then gives
 * the column in the rule, and says so.
 */
function thresholdsFrom(node: unknown, origin: string, lineOf: (n: unknown) => number, placeOf: PlaceOf): RuleLine[] | null {
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return null;
  // Rules read at another revision keep no `file`: their lines are not the lines of the checked-out file.
  const file = origin === PROJECT_FILE ? { file: PROJECT_FILE } : {};
  if (isScalar(node) && typeof node.value === 'string') {
    // A block string (`thresholds: |`) holds one rule per line, like the input; its text starts a line below.
    const first = lineOf(node) + (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? 1 : 0);
    const to = node.range?.[1] ?? 0;
    let from = node.range?.[0] ?? 0;
    return ruleLinesFromText(node.value, origin, file.file).map(({ text, source }) => {
      const place = placeOf(text, from, to);
      if (!place) return { text, source: { ...source, line: first + source.line - 1, column: null } };
      from = place.end;
      return { text, source: { ...source, line: place.line, column: place.column } };
    });
  }
  if (!isSeq(node)) {
    throw new UserError(`${origin} line ${lineOf(node)}: \`thresholds\` must be a list of rules, one per item (e.g. \`- accuracy >= 0.9\`).`);
  }
  return node.items.map((item, i) => {
    const line = lineOf(item);
    const text = itemText(item, `${origin} line ${line}: thresholds item ${i + 1}`);
    if (text === null) {
      throw new UserError(
        `${origin} line ${line}: thresholds item ${i + 1} must be a rule written as text (e.g. \`- accuracy >= 0.9\`); quote it if YAML reads it as something else.`,
      );
    }
    const [from, to] = (item as { range?: [number, number, number] } | null)?.range ?? [0, 0];
    const place = placeOf(text, from, to);
    return { text, source: { origin, line: place?.line ?? line, column: place?.column ?? null, ...file } };
  });
}

const LEVELS = ['warn', 'warning', 'fail'];

/**
 * A list item's rule text. `- warn: x < 1` is a one-key mapping to YAML; it is read back as the rule the user meant.
 * A key that is a near miss of a level (`- wran: …`) is an error saying so, not a rule quietly dropped.
 */
function itemText(item: unknown, where: string): string | null {
  if (isScalar(item)) return typeof item.value === 'string' ? item.value.trim() : null;
  if (isMap(item) && item.items.length === 1) {
    const pair = item.items[0]!;
    const key = isScalar(pair.key) ? pair.key.value : null;
    const value = isScalar(pair.value) ? pair.value.value : null;
    if (typeof key !== 'string' || (typeof value !== 'string' && typeof value !== 'number')) return null;
    if (LEVELS.includes(key.toLowerCase())) return `${key}: ${String(value).trim()}`;
    const near = nearMiss(key, LEVELS);
    if (near) throw new UserError(`${where}: unknown level '${key}'; did you mean '${near}'? Expected one of: ${LEVELS.join(', ')}.`);
  }
  return null;
}

/** Which way is better for a metric, as `.mlreport.yml`'s `directions:` says (`avg_prec: higher`). */
export interface DirectionSetting {
  /** The metric as the report names it (`test.accuracy`), its last part (`accuracy`), or `path:key`. */
  metric: string;
  better: 'higher' | 'lower';
}

/**
 * `.mlreport.yml`'s `directions:` mapping, for metrics whose names say nothing (`drift: lower`) or say it wrong;
 * [] when the file or the key is absent. A value other than `higher`/`lower` is an error naming its line.
 */
export async function readProjectDirections(workspace: string): Promise<DirectionSetting[]> {
  let bytes: Buffer | null;
  try {
    bytes = await workspaceTree(workspace).read(PROJECT_FILE);
  } catch (error) {
    throw new UserError(`${PROJECT_FILE} cannot be read: ${describeError(error)}`);
  }
  return bytes === null ? [] : projectDirectionsFromText(bytes.toString('utf8'));
}

export function projectDirectionsFromText(text: string): DirectionSetting[] {
  return projectFileFromText(text, PROJECT_FILE).directions;
}

/**
 * The directions in force on a pull request, by the rules' trust rule (rulesAtBase): `.mlreport.yml`'s at the base
 * revision, not the PR's, which could call its own regression "better" in the verdict line; [] without a base.
 * `changed` names what the PR's own file says differently, which applies after merge.
 */
export async function directionsAtBase(
  atHead: DirectionSetting[],
  base: { label: string; sha: string } | null,
  readAtBase: (path: string) => Promise<Buffer | null>,
): Promise<{ directions: DirectionSetting[]; changed: string[] }> {
  const text = base ? await readAtBase(PROJECT_FILE) : null;
  const where = base ? `${PROJECT_FILE} at the base revision (${base.label}, ${base.sha.slice(0, 7)})` : PROJECT_FILE;
  const directions = text === null ? [] : projectFileFromText(text.toString('utf8'), where).directions;
  const before = new Map(directions.map((d) => [d.metric, d.better]));
  const changed = atHead
    .filter((d) => before.get(d.metric) !== d.better)
    .map((d) => `${d.metric}: ${d.better} (at the base: ${before.get(d.metric) ?? 'not set'})`);
  const kept = new Set(atHead.map((d) => d.metric));
  for (const d of directions) if (!kept.has(d.metric)) changed.push(`${d.metric}: not set (at the base: ${d.better})`);
  return { directions, changed };
}

function directionsFrom(node: unknown, origin: string, lineOf: (n: unknown) => number): DirectionSetting[] {
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return [];
  const example = '(e.g. `avg_prec: higher` or `drift: lower`)';
  if (!isMap(node)) throw new UserError(`${origin} line ${lineOf(node)}: \`directions\` must map metric names to higher or lower ${example}.`);
  return node.items.map((pair) => {
    const metric = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = isScalar(pair.value) ? pair.value.value : null;
    const better = typeof value === 'string' ? value.trim().toLowerCase() : '';
    if (!metric || (better !== 'higher' && better !== 'lower')) {
      throw new UserError(`${origin} line ${lineOf(pair.key)}: directions of ${JSON.stringify(metric)} must be higher or lower ${example}.`);
    }
    return { metric, better };
  });
}
